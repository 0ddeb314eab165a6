/**
 * Topics created and deleted through a broker (KafkaApis.handleCreateTopicsRequest and
 * handleDeleteTopicsRequest in KRaft mode): the broker forwards the request to the active controller
 * in an Envelope (ForwardingManager, KIP-590) and relays the controller's answer. A Metadata request naming a topic that does not exist creates it
 * when the client allows it and auto.create.topics.enable is on (AutoTopicCreationManager), with the
 * broker's num.partitions and default.replication.factor; the answer says LEADER_NOT_AVAILABLE
 * until the topic is there.
 *
 * Simplified: ZooKeeper mode creates and deletes no topics from clients (INVALID_REQUEST); a forward the
 * controller never answers (it crashed) is forgotten after request.timeout.ms, and the client's own
 * timeout ends its request.
 * Invariants: one forward per request, remembered until answered, timed out or the broker stops.
 */
import { nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { isLegalTopicName } from '../kafka/topic-partition.ts'
import { isInternalTopic } from '../kafka/internal-topics.ts'
import type { MessageOf, CreatedTopic, ForwardedRequest } from '../kafka/messages.ts'
import type { World } from '../nodes/world.ts'
import type { BrokerNode, Forward } from './types.ts'
import { controllerTarget } from './isr.ts'

/** Kafka's request.timeout.ms default for the broker's forwarding channel. */
const FORWARD_TIMEOUT_MS = 30_000

function forward(w: World, b: BrokerNode, request: ForwardedRequest, to: Forward['to']): void {
  for (const corr of Object.keys(b.forwards)) if (w.nowMs - b.forwards[corr].sentMs > FORWARD_TIMEOUT_MS) delete b.forwards[corr]
  const corr = nextCorrelationId(w)
  b.forwards[corr] = { to, sentMs: w.nowMs }
  send(w, b.node, controllerTarget(w, b), { api: 'Envelope', from: b.node, corr, request })
}

/** ZooKeeper mode: what a client asks of the topics is refused (no forwarding to a KRaft controller). */
function refusedInZooKeeperMode(names: readonly string[]): CreatedTopic[] {
  return names.map((name) => ({ name, error: 'INVALID_REQUEST', message: 'kafkascope creates and deletes topics from clients in KRaft mode only', partitions: -1, replicationFactor: -1 }))
}

export function handleCreateTopics(w: World, b: BrokerNode, m: MessageOf<'CreateTopics'>): void {
  if (w.zookeeper) return send(w, b.node, m.from, { api: 'CreateTopicsResponse', from: b.node, corr: m.corr, topics: refusedInZooKeeperMode(m.topics.map((t) => t.name)) })
  forward(w, b, { kind: 'createTopics', topics: m.topics, validateOnly: m.validateOnly }, { node: m.from, corr: m.corr, api: 'CreateTopicsResponse' })
}

export function handleDeleteTopics(w: World, b: BrokerNode, m: MessageOf<'DeleteTopics'>): void {
  if (w.zookeeper) return send(w, b.node, m.from, { api: 'DeleteTopicsResponse', from: b.node, corr: m.corr, topics: refusedInZooKeeperMode(m.topics) })
  forward(w, b, { kind: 'deleteTopics', topics: m.topics }, { node: m.from, corr: m.corr, api: 'DeleteTopicsResponse' })
}

/** The controller's answer to a forward: relayed to the client that asked (NOT_CONTROLLER for each topic if it went to one that is not active). */
export function onEnvelopeResponse(w: World, b: BrokerNode, m: MessageOf<'EnvelopeResponse'>): void {
  const f = b.forwards[m.corr]
  if (f === undefined) return
  delete b.forwards[m.corr]
  if (f.to === null) return
  send(w, b.node, f.to.node, { api: f.to.api, from: b.node, corr: f.to.corr, topics: m.topics })
}

/**
 * Metadata's auto-creation: the topics asked for that do not exist and may be created, which the
 * broker asks the controller to create; returns their names (answered LEADER_NOT_AVAILABLE).
 */
export function autoCreateTopics(w: World, b: BrokerNode, missing: readonly string[]): string[] {
  if (w.zookeeper || !w.brokerConfig['auto.create.topics.enable']) return []
  const names = missing.filter((name) => isLegalTopicName(name) && !isInternalTopic(name) && !b.image.removedTopics.includes(name))
  if (names.length > 0) forward(w, b, { kind: 'createTopics', topics: names.map((name) => ({ name, partitions: -1, replicationFactor: -1, configs: {} })), validateOnly: false }, null)
  return names
}
