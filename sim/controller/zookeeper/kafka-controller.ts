/**
 * The controller of the legacy ZooKeeper mode (Kafka 3.x; removed in 4.0): every broker runs one,
 * and the broker that creates the ephemeral /controller znode is the controller.
 *
 * Follows Kafka 3.9's core/src/main/scala/kafka/controller/ (KafkaController, ReplicaStateMachine,
 * PartitionStateMachine, Election) and KafkaZkClient:
 * - elect(): read /controller; if there is none, create it and bump /controller_epoch at once
 *   (registerControllerAndIncrementControllerEpoch); the loser of a race reads the winner's id;
 * - onControllerFailover: read the brokers, topics and partition states from ZooKeeper, send
 *   UpdateMetadata to every live broker, then elect leaders for partitions whose leader is gone and
 *   take dead replicas out of ISRs, and send LeaderAndIsr to every live replica;
 * - a broker's failure is seen when its /brokers/ids znode goes (its session expired after
 *   zookeeper.session.timeout.ms) and the children watch fires (BrokerChange):
 *   onReplicasBecomeOffline elects, for each partition the dead broker led, the first live ISR
 *   member in assignment order (Election.leaderForOffline: the ISR keeps its live members; with
 *   unclean.leader.election.enable the first live replica leads with ISR [leader]); then each dead
 *   replica leaves the ISRs it is in (doRemoveReplicasFromIsr: a leader that goes leaves no leader,
 *   a last ISR member stays); every change bumps the leader epoch;
 * - a broker that comes back gets its partitions with LeaderAndIsr and may be elected for
 *   partitions that have no leader (onBrokerStartup);
 * - AlterPartition from a leader: checked against the broker epoch, the leader epoch and the state
 *   znode's zkVersion (the partition epoch), written to the state znode, answered, and sent to every
 *   broker with UpdateMetadata (processAlterPartition);
 * - every controller write is guarded by /controller_epoch's zkVersion: a controller whose epoch
 *   moved on resigns (ControllerMovedException); one whose session expired resigns too;
 * - the auto leader rebalance (checkAndTriggerAutoLeaderRebalance): every
 *   leader.imbalance.check.interval.seconds, for each broker whose preferred partitions are more than
 *   10% led by others (leader.imbalance.per.broker.percentage's default), a preferred replica
 *   election of those where it is live and in the ISR.
 * Events are handled one at a time, in order (ControllerEventManager); while ZooKeeper cannot be
 * written (no quorum, no connection) the event waits, so nothing about leaders changes.
 * - LeaderAndIsr and UpdateMetadata go to each broker one at a time, each sent again until answered
 *   (ControllerChannelManager).
 * Simplified: a topic's assignment and
 * its first partition states are written at once; the controlled shutdown of ZooKeeper mode is not
 * modelled.
 */
import { nextCorrelationId, timer } from '../../kernel/node-io.ts'
import { send } from '../../kafka/wire.ts'
import { emit } from '../../kafka/events.ts'
import { assignReplicasRackUnaware, PlacementError, rngAdapter } from '../../kafka/placement.ts'
import { resolveTopicConfig } from '../../kafka/config.ts'
import { OFFSETS_TOPIC } from '../../kafka/internal-topics.ts'
import { partitionName } from '../../kafka/topic-partition.ts'
import type { MessageOf } from '../../kafka/messages.ts'
import type { PartitionState, ZkBrokerInfo, ZkError, ZkOp, ZkResult, ZkTopicInfo } from '../../kafka/payloads.ts'
import type { World } from '../../nodes/world.ts'
import { allPartitions, emptyImage } from '../metadata.ts'
import { zkSend } from './client.ts'
import type { ControllerEvent, ZkBrokerProcess, ZkControllerState } from './types.ts'
import { newTopicId } from '../topic-id.ts'

const BOOTSTRAP_WAIT_MS = 10_000
const FIRST_REBALANCE_DELAY_MS = 5000
/** leader.imbalance.per.broker.percentage's default */
const IMBALANCE_PERCENTAGE = 10
/** offsets.topic.segment.bytes (GroupCoordinatorConfig) */
const OFFSETS_TOPIC_SEGMENT_BYTES = 104857600

export function newZkController(): ZkControllerState {
  return {
    active: false,
    epoch: 0,
    epochZkVersion: -1,
    activeControllerId: -1,
    liveBrokers: [],
    context: emptyImage(),
    queue: [],
    inflight: null,
    writeFailing: false,
    activeSinceMs: 0,
    writing: [],
    pendingTopic: null,
    channels: {},
  }
}

/** KafkaController.startup: elect once the broker has its session. */
export function startController(w: World, p: ZkBrokerProcess): void {
  p.zkController = newZkController()
  enqueue(w, p, { type: 'Elect' })
}

export function enqueue(w: World, p: ZkBrokerProcess, ev: ControllerEvent): void {
  p.zkController.queue.push(ev)
  if (!p.zk.connected) reportWaiting(w, p, ev, 'CONNECTION_LOSS')
  drain(w, p)
}

/** The active controller cannot reach ZooKeeper: said once, until a request gets through again. */
function reportWaiting(w: World, p: ZkBrokerProcess, ev: ControllerEvent, error: ZkError): void {
  const c = p.zkController
  if (!c.active || c.writeFailing) return
  c.writeFailing = true
  emit(w, { type: 'ZkWriteFailed', controller: p.id, op: ev.type, error })
}

/** Handle queued events while none waits for ZooKeeper and the session is connected. */
export function drain(w: World, p: ZkBrokerProcess): void {
  const c = p.zkController
  while (c.inflight === null && c.queue.length > 0 && p.zk.connected) {
    const ev = c.queue.shift()!
    begin(w, p, ev)
  }
}

/** Ask ZooKeeper; the event stays in flight until the answer. */
function ask(w: World, p: ZkBrokerProcess, ev: ControllerEvent, op: ZkOp): void {
  const c = p.zkController
  if (zkSend(w, p, 'controller', op)) c.inflight = ev
  else c.queue.unshift(ev)
}

function begin(w: World, p: ZkBrokerProcess, ev: ControllerEvent): void {
  const c = p.zkController
  switch (ev.type) {
    case 'Elect':
      return ask(w, p, ev, { op: 'getController' })
    case 'BrokerChange':
      if (c.active) ask(w, p, ev, { op: 'getBrokers' })
      return
    case 'AlterPartition':
      return beginAlterPartition(w, p, ev)
    case 'TopicCreation':
      if (c.active) beginTopicCreation(w, p, ev)
      return
    case 'AutoLeaderRebalance': {
      if (!c.active) return
      const changes = preferredElections(p)
      if (changes.length > 0) write(w, p, ev, changes)
      return
    }
  }
}

/** A change the controller writes, and why (the event's reason code). */
interface Change {
  state: PartitionState
  reason: string
  unclean: boolean
}

function write(w: World, p: ZkBrokerProcess, ev: ControllerEvent, changes: Change[]): void {
  const c = p.zkController
  c.writing = changes.map((x) => ({ tp: partitionName(x.state.topic, x.state.partition), reason: x.reason, unclean: x.unclean }))
  ask(w, p, ev, { op: 'updateLeaderAndIsr', controllerEpochZkVersion: c.epochZkVersion, states: changes.map((x) => x.state) })
}

/** The session's requests failed with CONNECTION_LOSS: the event waits for the next connection. */
export function onConnectionLost(w: World, p: ZkBrokerProcess): void {
  const c = p.zkController
  if (c.inflight === null) return
  const ev = c.inflight
  c.inflight = null
  c.queue.unshift(ev)
  reportWaiting(w, p, ev, 'CONNECTION_LOSS')
}

/** The session expired: a controller resigns; every broker elects again on its new session. */
export function onSessionExpired(w: World, p: ZkBrokerProcess): void {
  const c = p.zkController
  if (c.active) resign(w, p, 'sessionExpired')
  c.inflight = null
  c.queue = [{ type: 'Elect' }]
}

/** A watch fired on this broker's session. */
export function onWatch(w: World, p: ZkBrokerProcess, watch: 'brokers' | 'controller'): void {
  enqueue(w, p, watch === 'controller' ? { type: 'Elect' } : { type: 'BrokerChange' })
}

function resign(w: World, p: ZkBrokerProcess, reason: 'sessionExpired' | 'controllerMoved'): void {
  const c = p.zkController
  c.active = false
  c.channels = {}
  emit(w, { type: 'ZkControllerResigned', broker: p.id, epoch: c.epoch, reason })
}

/** ZooKeeper answered the event in flight. */
export function onZkResponse(w: World, p: ZkBrokerProcess, error: ZkError, result: ZkResult | null): void {
  const c = p.zkController
  const ev = c.inflight
  if (ev === null) return
  c.inflight = null
  if (error === 'CONTROLLER_MOVED') {
    // ControllerMovedException: maybeResign, then elect() again
    if (c.active) resign(w, p, 'controllerMoved')
    c.queue.unshift({ type: 'Elect' })
    return drain(w, p)
  }
  if (error === 'BAD_VERSION') {
    // a partition state changed under the controller: read ZooKeeper again (the leader retries its AlterPartition)
    return ask(w, p, { type: 'Elect' }, { op: 'readCluster' })
  }
  c.writeFailing = false
  switch (result?.op) {
    case 'getBrokers':
      onBrokerChange(w, p, ev, result.brokers)
      break
    case 'updateLeaderAndIsr':
      afterWrite(w, p, result.states)
      if (ev.type === 'AlterPartition') answerAlterPartition(w, p, ev.req, result.states[0])
      break
    case 'createTopic':
      afterTopicCreated(w, p, result.states)
      break
    default:
      if (ev.type === 'Elect') onElectStep(w, p, ev, error, result)
  }
  drain(w, p)
}

// ------------------------------------------------------------------ election and failover

function onElectStep(w: World, p: ZkBrokerProcess, ev: ControllerEvent, error: ZkError, result: ZkResult | null): void {
  const c = p.zkController
  if (error === 'NODE_EXISTS') return ask(w, p, ev, { op: 'getController' })
  if (result === null) return
  switch (result.op) {
    case 'getController':
      c.activeControllerId = result.controllerId
      if (result.controllerId === -1) return ask(w, p, ev, { op: 'registerController', brokerId: p.id })
      if (result.controllerId !== p.id && c.active) resign(w, p, 'controllerMoved')
      return
    case 'registerController':
      c.active = true
      c.epoch = result.epoch
      c.epochZkVersion = result.epochZkVersion
      c.activeControllerId = p.id
      c.activeSinceMs = w.nowMs
      emit(w, { type: 'ZkControllerElected', broker: p.id, epoch: c.epoch })
      return ask(w, p, ev, { op: 'readCluster' })
    case 'readCluster':
      return onControllerFailover(w, p, ev, result)
  }
}

function onControllerFailover(w: World, p: ZkBrokerProcess, ev: ControllerEvent, r: Extract<ZkResult, { op: 'readCluster' }>): void {
  const c = p.zkController
  c.liveBrokers = r.brokers
  c.context = emptyImage()
  for (const t of r.topics) {
    c.context.topics[t.name] = { name: t.name, topicId: t.topicId, partitions: [], config: t.config }
    c.context.topicNames.push(t.name)
  }
  for (const s of r.states) c.context.topics[s.topic].partitions[s.partition] = s
  // brokers learn the live brokers before any LeaderAndIsr (onControllerFailover's comment says why)
  updateMetadata(w, p, liveIds(c), allPartitions(c.context))
  // replicaStateMachine.startup: live replicas come online with their partitions' state
  for (const b of liveIds(c)) leaderAndIsr(w, p, b, allPartitions(c.context).filter((s) => s.replicas.includes(b)))
  timer(w, p.node, 'zkc.rebalance', FIRST_REBALANCE_DELAY_MS, c.epoch)
  c.queue.push({ type: 'TopicCreation' })
  const dead = new Set<number>()
  for (const s of allPartitions(c.context)) for (const b of s.isr) if (!isLive(c, b)) dead.add(b)
  const overlay = new Map<string, Change>()
  offlineChanges(w, p, dead, overlay)
  const changes = inPartitionOrder(c, overlay)
  if (changes.length > 0) write(w, p, ev, changes)
}

function onBrokerChange(w: World, p: ZkBrokerProcess, ev: ControllerEvent, brokers: ZkBrokerInfo[]): void {
  const c = p.zkController
  const before = new Map(c.liveBrokers.map((b) => [b.id, b.brokerEpoch]))
  const now = new Map(brokers.map((b) => [b.id, b.brokerEpoch]))
  // a broker whose epoch changed went and came back (bounced): it fails, then starts up (processBrokerChange)
  const bounced = brokers.filter((b) => before.has(b.id) && before.get(b.id) !== b.brokerEpoch).map((b) => b.id)
  const dead = [...before.keys()].filter((id) => !now.has(id) || bounced.includes(id)).sort((a, b) => a - b)
  const added = brokers.filter((b) => !before.has(b.id) || bounced.includes(b.id)).map((b) => b.id)
  if (dead.length === 0 && added.length === 0) return
  emit(w, { type: 'ZkBrokersChanged', controller: p.id, added, dead })
  // onBrokerFailure with the failed and bounced brokers out of the live set, then onBrokerStartup with everyone in
  const overlay = new Map<string, Change>()
  for (const id of dead) delete c.channels[id]
  c.liveBrokers = brokers.filter((b) => !bounced.includes(b.id))
  offlineChanges(w, p, new Set(dead), overlay)
  c.liveBrokers = brokers
  if (added.length > 0) {
    // onBrokerStartup: the others learn of the new brokers; the new ones get everything, and their replicas
    updateMetadata(w, p, liveIds(c).filter((b) => !added.includes(b)), [])
    updateMetadata(w, p, added, allPartitions(c.context))
    for (const b of added) leaderAndIsr(w, p, b, allPartitions(c.context).filter((s) => s.replicas.includes(b)))
    offlineChanges(w, p, new Set(), overlay)
    if (missingTopics(w, c).length > 0) c.queue.push({ type: 'TopicCreation' })
  }
  const changes = inPartitionOrder(c, overlay)
  if (changes.length > 0) write(w, p, ev, changes)
  else updateMetadata(w, p, liveIds(c), [])
}

/** The changes of `overlay`, in topic and partition order. */
function inPartitionOrder(c: ZkControllerState, overlay: Map<string, Change>): Change[] {
  const out: Change[] = []
  for (const s of allPartitions(c.context)) {
    const x = overlay.get(partitionName(s.topic, s.partition))
    if (x) out.push(x)
  }
  return out
}

/**
 * onReplicasBecomeOffline and triggerOnlinePartitionStateChange, over the states in `overlay` (the
 * changes so far) or the context: an election for every partition whose leader is not live, then
 * each dead replica out of the ISRs it is in. The new states go to `overlay`.
 */
function offlineChanges(w: World, p: ZkBrokerProcess, dead: Set<number>, overlay: Map<string, Change>): void {
  const c = p.zkController
  const deadIds = [...dead].sort((a, b) => a - b)
  for (const s0 of allPartitions(c.context)) {
    const tp = partitionName(s0.topic, s0.partition)
    const had = overlay.get(tp)
    const s = had?.state ?? s0
    let next = s
    let reason = had?.reason ?? ''
    let unclean = had?.unclean ?? false
    if (next.leader === -1 || !isLive(c, next.leader)) {
      const e = electOffline(next, (b) => isLive(c, b), uncleanAllowed(w, c, s.topic))
      if (e !== null) {
        next = { ...next, leader: e.leader, isr: e.isr, leaderEpoch: next.leaderEpoch + 1 }
        reason = 'offline'
        unclean ||= e.unclean
      }
    }
    for (const d of deadIds) {
      if (!next.isr.includes(d)) continue
      // doRemoveReplicasFromIsr
      next = { ...next, leader: next.leader === d ? -1 : next.leader, isr: next.isr.length === 1 ? next.isr : next.isr.filter((b) => b !== d), leaderEpoch: next.leaderEpoch + 1 }
      reason ||= 'brokerFailure'
    }
    if (next !== s) overlay.set(tp, { state: next, reason, unclean })
  }
}

/**
 * PartitionLeaderElectionAlgorithms.offlinePartitionLeaderElection, with Election.leaderForOffline's
 * new ISR: the first replica in assignment order that is live and in the ISR; else, when unclean
 * election is enabled, the first live replica, alone in the ISR. Null when there is none.
 */
export function electOffline(s: PartitionState, live: (b: number) => boolean, uncleanAllowed: boolean): { leader: number; isr: number[]; unclean: boolean } | null {
  const clean = s.replicas.find((b) => live(b) && s.isr.includes(b))
  if (clean !== undefined) return { leader: clean, isr: s.isr.filter(live), unclean: false }
  const any = uncleanAllowed ? s.replicas.find(live) : undefined
  return any !== undefined ? { leader: any, isr: [any], unclean: true } : null
}

function uncleanAllowed(w: World, c: ZkControllerState, topic: string): boolean {
  return resolveTopicConfig(c.context.topics[topic]?.config ?? {}, w.brokerConfig)['unclean.leader.election.enable'] === true
}

function preferredElections(p: ZkBrokerProcess): Change[] {
  const c = p.zkController
  const changes: Change[] = []
  const parts = allPartitions(c.context)
  for (const b of liveIds(c)) {
    const preferred = parts.filter((s) => s.replicas[0] === b)
    const imbalanced = preferred.filter((s) => s.leader !== b)
    if (preferred.length === 0 || imbalanced.length * 100 <= IMBALANCE_PERCENTAGE * preferred.length) continue
    for (const s of imbalanced) {
      if (!s.isr.includes(b)) continue
      changes.push({ state: { ...s, leader: b, leaderEpoch: s.leaderEpoch + 1 }, reason: 'preferred', unclean: false })
    }
  }
  return changes
}

/** A write succeeded: the context takes it; the replicas and every broker are told; events say what changed. */
function afterWrite(w: World, p: ZkBrokerProcess, states: PartitionState[]): void {
  const c = p.zkController
  for (const [i, s] of states.entries()) {
    const before = c.context.topics[s.topic].partitions[s.partition]
    c.context.topics[s.topic].partitions[s.partition] = s
    const why = c.writing[i]
    if (before.leader !== s.leader) {
      emit(w, { type: 'LeaderElected', topic: s.topic, partition: s.partition, from: before.leader, to: s.leader, leaderEpoch: s.leaderEpoch, isr: s.isr.slice(), unclean: why?.unclean ?? false })
    } else if (before.isr.join() !== s.isr.join()) {
      emit(w, { type: 'IsrChanged', topic: s.topic, partition: s.partition, from: before.isr.slice(), to: s.isr.slice(), reason: why?.reason ?? 'isr' })
    }
  }
  c.writing = []
  leaderAndIsrToReplicas(w, p, states)
  updateMetadata(w, p, liveIds(c), states)
}

// ------------------------------------------------------------------ AlterPartition

function beginAlterPartition(w: World, p: ZkBrokerProcess, ev: Extract<ControllerEvent, { type: 'AlterPartition' }>): void {
  const c = p.zkController
  const m = ev.req
  const reply = (error: string) => send(w, p.node, m.from, { api: 'AlterPartitionResponse', from: p.node, corr: m.corr, topic: m.topic, partition: m.partition, error })
  if (!c.active) return reply('NOT_CONTROLLER')
  const live = c.liveBrokers.find((b) => b.id === m.brokerId)
  if (!live || live.brokerEpoch !== m.brokerEpoch) return reply('STALE_BROKER_EPOCH')
  const s = c.context.topics[m.topic]?.partitions[m.partition]
  if (!s) return reply('UNKNOWN_TOPIC_OR_PARTITION')
  if (s.leader !== m.brokerId) return reply('NOT_LEADER_OR_FOLLOWER')
  if (s.leaderEpoch !== m.leaderEpoch) return reply('FENCED_LEADER_EPOCH')
  // equalsAllowStalePartitionEpoch: a proposal already in force (a retry) is answered with the state as it is
  if (s.isr.join() === m.newIsr.join()) return answerAlterPartition(w, p, m, s)
  if (s.partitionEpoch !== m.partitionEpoch) return reply('INVALID_UPDATE_VERSION')
  if (m.newIsr.some((b) => !s.isr.includes(b) && !isLive(c, b))) return reply('INELIGIBLE_REPLICA')
  const grow = m.newIsr.length > s.isr.length
  write(w, p, ev, [{ state: { ...s, isr: m.newIsr.slice() }, reason: grow ? 'isr-expand' : 'isr-shrink', unclean: false }])
}

function answerAlterPartition(w: World, p: ZkBrokerProcess, m: MessageOf<'AlterPartition'>, s: PartitionState): void {
  send(w, p.node, m.from, {
    api: 'AlterPartitionResponse',
    from: p.node,
    corr: m.corr,
    topic: s.topic,
    partition: s.partition,
    error: 'NONE',
    isr: s.isr.slice(),
    leaderEpoch: s.leaderEpoch,
    partitionEpoch: s.partitionEpoch,
  })
}

/** An AlterPartition reached this broker: the controller handles it if it is the controller. */
export function handleAlterPartition(w: World, p: ZkBrokerProcess, m: MessageOf<'AlterPartition'>): void {
  enqueue(w, p, { type: 'AlterPartition', req: m })
}

// ------------------------------------------------------------------ topics

function missingTopics(w: World, c: ZkControllerState): string[] {
  const missing = c.context.topics[OFFSETS_TOPIC] ? [] : [OFFSETS_TOPIC]
  return missing.concat(w.scenario.topics.filter((t) => !c.context.topics[t.name]).map((t) => t.name))
}

/**
 * The scenario's topics (and __consumer_offsets), one at a time, once every broker is live or
 * after a short wait: assignment by AdminUtils, the first live replica leads and the live ones
 * are the ISR (PartitionStateMachine's NewPartition -> OnlinePartition).
 */
function beginTopicCreation(w: World, p: ZkBrokerProcess, ev: ControllerEvent): void {
  const c = p.zkController
  const missing = missingTopics(w, c)
  if (missing.length === 0) return
  if (c.liveBrokers.length < w.scenario.cluster.brokers && w.nowMs - c.activeSinceMs < BOOTSTRAP_WAIT_MS) {
    timer(w, p.node, 'zkc.bootstrap', c.activeSinceMs + BOOTSTRAP_WAIT_MS - w.nowMs, c.epoch)
    return
  }
  const name = missing[0]
  const spec = w.scenario.topics.find((t) => t.name === name)
  const partitions = spec ? spec.partitions : w.brokerConfig['offsets.topic.num.partitions']
  const rf = spec ? spec.replicationFactor : Math.min(w.brokerConfig['offsets.topic.replication.factor'], w.scenario.cluster.brokers)
  const config = spec ? spec.config : { 'cleanup.policy': 'compact', 'segment.bytes': OFFSETS_TOPIC_SEGMENT_BYTES }
  let assignment: number[][]
  try {
    assignment = assignReplicasRackUnaware(liveIds(c), partitions, rf, rngAdapter(w.rng.place))
  } catch (e) {
    if (!(e instanceof PlacementError)) throw e
    emit(w, { type: 'CreateTopicsFailed', topic: name, error: e.code, message: e.message })
    return
  }
  const states: PartitionState[] = assignment.map((replicas, i) => {
    const live = replicas.filter((b) => isLive(c, b))
    return { topic: name, partition: i, replicas, isr: live, leader: live[0] ?? -1, leaderEpoch: 0, partitionEpoch: 0, addingReplicas: [], removingReplicas: [], elr: [], lastKnownElr: [] }
  })
  const topic: ZkTopicInfo = { name, topicId: newTopicId(w), config: config as ZkTopicInfo['config'] }
  ask(w, p, ev, { op: 'createTopic', controllerEpochZkVersion: c.epochZkVersion, topic, states })
  c.pendingTopic = topic
}

function afterTopicCreated(w: World, p: ZkBrokerProcess, states: PartitionState[]): void {
  const c = p.zkController
  const t = c.pendingTopic
  if (t === null) return
  c.pendingTopic = null
  c.context.topics[t.name] = { name: t.name, topicId: t.topicId, partitions: states.slice(), config: t.config }
  c.context.topicNames = [...c.context.topicNames, t.name].sort()
  emit(w, { type: 'TopicCreated', topic: t.name, partitions: states.length, replicationFactor: states[0]?.replicas.length ?? 0 })
  updateMetadata(w, p, liveIds(c), states)
  leaderAndIsrToReplicas(w, p, states)
  if (missingTopics(w, c).length > 0) c.queue.push({ type: 'TopicCreation' })
}

// ------------------------------------------------------------------ timers and requests to brokers

/** The controller's timers ('zkc.*'), stale once the controller resigned or was elected again. */
export function handleZkControllerTimer(w: World, p: ZkBrokerProcess, kind: string, epoch: number): void {
  const c = p.zkController
  if (!c.active || epoch !== c.epoch) return
  if (kind === 'zkc.bootstrap') return enqueue(w, p, { type: 'TopicCreation' })
  if (kind === 'zkc.rebalance') {
    if (w.brokerConfig['auto.leader.rebalance.enable']) enqueue(w, p, { type: 'AutoLeaderRebalance' })
    timer(w, p.node, 'zkc.rebalance', w.brokerConfig['leader.imbalance.check.interval.seconds'] * 1000, c.epoch)
  }
}

function liveIds(c: ZkControllerState): number[] {
  return c.liveBrokers.map((b) => b.id)
}

function isLive(c: ZkControllerState, id: number): boolean {
  return c.liveBrokers.some((b) => b.id === id)
}

function epochOf(c: ZkControllerState, id: number): number {
  return c.liveBrokers.find((b) => b.id === id)?.brokerEpoch ?? -1
}

function leaderAndIsr(w: World, p: ZkBrokerProcess, to: number, partitions: PartitionState[]): void {
  const c = p.zkController
  if (partitions.length === 0) return
  toBroker(w, p, to, { api: 'LeaderAndIsr', from: p.node, corr: nextCorrelationId(w), controllerId: p.id, controllerEpoch: c.epoch, brokerEpoch: epochOf(c, to), partitions })
}

/** LeaderAndIsr to each live replica of these partitions, in broker id order, its own partitions only. */
function leaderAndIsrToReplicas(w: World, p: ZkBrokerProcess, states: PartitionState[]): void {
  const c = p.zkController
  const byBroker = new Map<number, PartitionState[]>()
  for (const s of states) for (const b of s.replicas) if (isLive(c, b)) byBroker.set(b, [...(byBroker.get(b) ?? []), s])
  for (const b of [...byBroker.keys()].sort((x, y) => x - y)) leaderAndIsr(w, p, b, byBroker.get(b)!)
}

function updateMetadata(w: World, p: ZkBrokerProcess, to: number[], partitions: PartitionState[]): void {
  const c = p.zkController
  const topics: ZkTopicInfo[] = c.context.topicNames.map((name) => ({ name, topicId: c.context.topics[name].topicId, config: c.context.topics[name].config }))
  for (const b of to) {
    toBroker(w, p, b, { api: 'UpdateMetadata', from: p.node, corr: nextCorrelationId(w), controllerId: p.id, controllerEpoch: c.epoch, brokerEpoch: epochOf(c, b), liveBrokers: c.liveBrokers, topics, partitions })
  }
}

/**
 * ControllerChannelManager: requests to a broker go one at a time, in order; the first is sent
 * again after controller.socket.timeout.ms without an answer (Kafka's RequestSendThread retries
 * until it gets one), and a broker's queue is dropped when it dies or the controller resigns.
 */
function toBroker(w: World, p: ZkBrokerProcess, to: number, m: MessageOf<'LeaderAndIsr' | 'UpdateMetadata'>): void {
  const ch = (p.zkController.channels[to] ??= { queue: [], inflight: false, sentMs: 0 })
  ch.queue.push(m)
  pump(w, p, to)
}

function pump(w: World, p: ZkBrokerProcess, to: number): void {
  const ch = p.zkController.channels[to]
  if (!ch || ch.inflight || ch.queue.length === 0) return
  ch.inflight = true
  ch.sentMs = w.nowMs
  send(w, p.node, String(to), { ...ch.queue[0] })
}

/** A broker answered LeaderAndIsr or UpdateMetadata: the next request to it goes. */
export function onBrokerAnswer(w: World, p: ZkBrokerProcess, m: MessageOf<'LeaderAndIsrResponse' | 'UpdateMetadataResponse'>): void {
  const to = Number(m.from)
  const ch = p.zkController.channels[to]
  if (!ch || !ch.inflight || ch.queue[0]?.corr !== m.corr) return
  ch.queue.shift()
  ch.inflight = false
  pump(w, p, to)
}

/** controller.socket.timeout.ms's default */
const CONTROLLER_SOCKET_TIMEOUT_MS = 30_000

/** On the broker's tick: requests unanswered for controller.socket.timeout.ms go again. */
export function resendUnanswered(w: World, p: ZkBrokerProcess): void {
  const c = p.zkController
  for (const id of Object.keys(c.channels).sort((a, b) => +a - +b)) {
    const ch = c.channels[id]
    if (!ch.inflight || w.nowMs - ch.sentMs < CONTROLLER_SOCKET_TIMEOUT_MS) continue
    ch.inflight = false
    pump(w, p, Number(id))
  }
}
