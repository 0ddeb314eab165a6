/**
 * Topics created through a broker (KafkaApis.handleCreateTopicsRequest in KRaft mode): the broker
 * forwards the request to the active controller in an Envelope (ForwardingManager, KIP-590) and
 * relays the controller's answer. A Metadata request naming a topic that does not exist creates it
 * when the client allows it and auto.create.topics.enable is on (AutoTopicCreationManager), with the
 * broker's num.partitions and default.replication.factor; the answer says LEADER_NOT_AVAILABLE
 * until the topic is there.
 *
 * Simplified: ZooKeeper mode creates no topics from clients (INVALID_REQUEST); a forward the
 * controller never answers (it crashed) is forgotten after request.timeout.ms, and the client's own
 * timeout ends its request.
 * Invariants: one forward per request, remembered until answered, timed out or the broker stops.
 */
import { nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { isLegalTopicName } from '../kafka/topic-partition.ts'
import { isInternalTopic } from '../kafka/internal-topics.ts'
import type { MessageOf, NewTopic, CreatedTopic } from '../kafka/messages.ts'
import type { World } from '../nodes/world.ts'
import type { BrokerNode } from './types.ts'
import { controllerTarget } from './isr.ts'

/** Kafka's request.timeout.ms default for the broker's forwarding channel. */
const FORWARD_TIMEOUT_MS = 30_000

function forward(w: World, b: BrokerNode, topics: NewTopic[], validateOnly: boolean, to: { node: string; corr: number } | null): void {
  for (const corr of Object.keys(b.forwards)) if (w.nowMs - b.forwards[corr].sentMs > FORWARD_TIMEOUT_MS) delete b.forwards[corr]
  const corr = nextCorrelationId(w)
  b.forwards[corr] = { to, sentMs: w.nowMs }
  send(w, b.node, controllerTarget(w, b), { api: 'Envelope', from: b.node, corr, topics, validateOnly })
}

export function handleCreateTopics(w: World, b: BrokerNode, m: MessageOf<'CreateTopics'>): void {
  if (w.zookeeper) {
    const topics: CreatedTopic[] = m.topics.map((t) => ({ name: t.name, error: 'INVALID_REQUEST', message: 'kafkascope creates topics from clients in KRaft mode only', partitions: -1, replicationFactor: -1 }))
    send(w, b.node, m.from, { api: 'CreateTopicsResponse', from: b.node, corr: m.corr, topics })
    return
  }
  forward(w, b, m.topics, m.validateOnly, { node: m.from, corr: m.corr })
}

/** The controller's answer to a forward: relayed to the client that asked (NOT_CONTROLLER for each topic if it went to one that is not active). */
export function onEnvelopeResponse(w: World, b: BrokerNode, m: MessageOf<'EnvelopeResponse'>): void {
  const f = b.forwards[m.corr]
  if (f === undefined) return
  delete b.forwards[m.corr]
  if (f.to === null) return
  send(w, b.node, f.to.node, { api: 'CreateTopicsResponse', from: b.node, corr: f.to.corr, topics: m.topics })
}

/**
 * Metadata's auto-creation: the topics asked for that do not exist and may be created, which the
 * broker asks the controller to create; returns their names (answered LEADER_NOT_AVAILABLE).
 */
export function autoCreateTopics(w: World, b: BrokerNode, missing: readonly string[]): string[] {
  if (w.zookeeper || !w.brokerConfig['auto.create.topics.enable']) return []
  const names = missing.filter((name) => isLegalTopicName(name) && !isInternalTopic(name))
  if (names.length > 0) forward(w, b, names.map((name) => ({ name, partitions: -1, replicationFactor: -1, configs: {} })), false, null)
  return names
}
