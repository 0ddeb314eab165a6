/**
 * A broker of the legacy ZooKeeper mode (Kafka 3.x; removed in 4.0): its ZooKeeper session, its
 * ephemeral /brokers/ids/<id> znode, the controller it runs (controller/zookeeper/), and the
 * controller's LeaderAndIsr and UpdateMetadata requests.
 *
 * Follows Kafka 3.9's KafkaServer, ReplicaManager.becomeLeaderOrFollower and MetadataCache:
 * - once its session is established the broker creates /brokers/ids/<id> (the znode's czxid is its
 *   broker epoch) and starts its controller's election; after the session expired it does both again
 *   (a crashed broker's old znode lingers until its session expires; the new one waits for that);
 * - UpdateMetadata fills the metadata cache (the live brokers, topics, leaders and ISRs that clients
 *   read with Metadata), and names the controller the broker sends AlterPartition to;
 * - LeaderAndIsr makes the broker leader or follower of a partition when its leader epoch is newer
 *   than the one the broker has; a request from an older controller epoch is refused
 *   (STALE_CONTROLLER_EPOCH), as is one for an older broker epoch (STALE_BROKER_EPOCH).
 * Simplified: a broker whose znode a crashed predecessor still holds retries the registration every
 * second (Kafka 3.x's broker exits at startup instead, and is started again by its supervisor).
 */
import { timer } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { emit } from '../kafka/events.ts'
import type { MessageOf } from '../kafka/messages.ts'
import { partitionName } from '../kafka/topic-partition.ts'
import type { World } from '../nodes/world.ts'
import { onZkClientMessage, onZkServerDisconnect, startZkClient, zkClientTick, zkSend, type ZkClientOutcome } from '../controller/zookeeper/client.ts'
import { drain, onConnectionLost, onSessionExpired, onWatch, onZkResponse, resendUnanswered, startController } from '../controller/zookeeper/kafka-controller.ts'
import type { BrokerNode, PartitionChange } from './types.ts'
import { applyPartitionState } from './broker.ts'
import { refreshLogConfigs } from './log-retention.ts'

const REGISTER_RETRY_MS = 1000

/** The broker process starts in ZooKeeper mode: a session first. */
export function startZkBroker(w: World, b: BrokerNode): void {
  b.zkControllerId = -1
  b.zkControllerEpoch = -1
  b.zkLeaderEpochs = {}
  startZkClient(w, b)
  startController(w, b)
}

/** The broker's tick in ZooKeeper mode: the client's pings and timeouts, a registration to retry. */
export function zkBrokerTick(w: World, b: BrokerNode): void {
  act(w, b, zkClientTick(w, b))
  resendUnanswered(w, b)
  retryZkRegistration(w, b)
}

/** Register unless registered, or a registration is on its way. */
export function retryZkRegistration(w: World, b: BrokerNode): void {
  if (!b.registered && b.zk.connected && !b.zk.pending.some((x) => x.owner === 'broker')) register(w, b)
}

function register(w: World, b: BrokerNode): void {
  zkSend(w, b, 'broker', { op: 'registerBroker', broker: { id: b.id, brokerEpoch: -1, rack: w.scenario.cluster.racks[String(b.id)] ?? null } })
}

type ZkClientMessage = MessageOf<'ZkConnectResponse' | 'ZkPingResponse' | 'ZkResponse' | 'ZkWatchEvent'>

export function onZkBrokerMessage(w: World, b: BrokerNode, m: ZkClientMessage): void {
  act(w, b, onZkClientMessage(w, b, m))
}

export function onZkBrokerDisconnect(w: World, b: BrokerNode, peer: string): void {
  act(w, b, onZkServerDisconnect(w, b, peer))
}

function act(w: World, b: BrokerNode, o: ZkClientOutcome | null): void {
  if (o === null) return
  switch (o.type) {
    case 'connected':
      if (o.newSession) {
        emit(w, { type: 'ZkSessionEstablished', broker: b.id, sessionId: b.zk.sessionId, server: b.zk.server })
        register(w, b)
      }
      return drain(w, b)
    case 'expired':
      // KafkaZkClient's session expiry handlers: the broker registers again, the controller re-elects
      b.registered = false
      return onSessionExpired(w, b)
    case 'lost':
      if (o.failed.some((x) => x.owner === 'controller')) onConnectionLost(w, b)
      return
    case 'watch':
      return onWatch(w, b, o.watch)
    case 'response':
      if (o.owner === 'controller') return onZkResponse(w, b, o.error, o.result)
      if (o.result?.op === 'registerBroker') {
        b.registered = true
        b.fenced = false
        b.brokerEpoch = o.result.brokerEpoch
      } else timer(w, b.node, 'broker.register', REGISTER_RETRY_MS)
      return
  }
}

/** MetadataCache.updateMetadata: the live brokers, topics and partition states clients read. */
export function onUpdateMetadata(w: World, b: BrokerNode, m: MessageOf<'UpdateMetadata'>): void {
  const reply = (error: string) => send(w, b.node, m.from, { api: 'UpdateMetadataResponse', from: b.node, corr: m.corr, error })
  if (m.controllerEpoch < b.zkControllerEpoch) return reply('STALE_CONTROLLER_EPOCH')
  if (m.brokerEpoch !== b.brokerEpoch) return reply('STALE_BROKER_EPOCH')
  b.zkControllerEpoch = m.controllerEpoch
  b.zkControllerId = m.controllerId
  const img = b.image
  img.offset++
  const brokers: typeof img.brokers = {}
  for (const info of m.liveBrokers) brokers[info.id] = { id: info.id, brokerEpoch: info.brokerEpoch, incarnation: 0, fenced: false, inControlledShutdown: false, rack: info.rack }
  img.brokers = brokers
  let configChanged: Set<string> | null = null
  for (const t of m.topics) {
    const have = img.topics[t.name]
    if (!have) {
      img.topics[t.name] = { name: t.name, topicId: t.topicId, partitions: [], config: t.config }
      img.topicNames = [...img.topicNames, t.name].sort()
    } else if (have.config !== t.config) {
      have.config = t.config
      ;(configChanged ??= new Set()).add(t.name)
    }
  }
  for (const p of m.partitions) if (img.topics[p.topic]) img.topics[p.topic].partitions[p.partition] = p
  if (configChanged) refreshLogConfigs(w, b, configChanged)
  reply('NONE')
}

/** ReplicaManager.becomeLeaderOrFollower; returns what changed in the broker's partitions. */
export function onLeaderAndIsr(w: World, b: BrokerNode, m: MessageOf<'LeaderAndIsr'>): PartitionChange[] {
  const reply = (error: string) => send(w, b.node, m.from, { api: 'LeaderAndIsrResponse', from: b.node, corr: m.corr, error })
  const changes: PartitionChange[] = []
  if (m.controllerEpoch < b.zkControllerEpoch) {
    reply('STALE_CONTROLLER_EPOCH')
    return changes
  }
  if (m.brokerEpoch !== b.brokerEpoch) {
    reply('STALE_BROKER_EPOCH')
    return changes
  }
  b.zkControllerEpoch = m.controllerEpoch
  b.zkControllerId = m.controllerId
  for (const p of m.partitions) {
    const tp = partitionName(p.topic, p.partition)
    const t = b.image.topics[p.topic]
    if (!t) continue
    // the epoch check: an older or the same leader epoch changes nothing (the partition's own, volatile)
    if ((b.zkLeaderEpochs[tp] ?? -1) >= p.leaderEpoch) continue
    b.zkLeaderEpochs[tp] = p.leaderEpoch
    t.partitions[p.partition] = p
    applyPartitionState(w, b, p, changes)
  }
  reply('NONE')
  return changes
}
