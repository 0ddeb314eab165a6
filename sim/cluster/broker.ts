/**
 * A broker's life: start, register with the active controller, heartbeat, replay the committed
 * metadata log as an observer, and act on partition changes (become leader or follower).
 *
 * Follows Kafka 4.x KRaft brokers (BrokerLifecycleManager, BrokerMetadataPublisher,
 * ReplicaManager.applyDelta): a broker registers with a fresh incarnation id after every start,
 * heartbeats every broker.heartbeat.interval.ms with its replayed metadata offset, re-registers on
 * STALE_BROKER_EPOCH, and learns leadership only from committed metadata. Its logs survive a crash.
 *
 * Applying a partition change (ReplicaManager.applyDelta) answers what waited in the purgatory for a
 * partition the broker stops leading, and moves the HW when the ISR allows; what happened to each
 * partition (PartitionChange: hwMoved, becameLeader, resigned) is returned, in order, to the broker's
 * node behaviour, which lets the group coordinator load or unload its __consumer_offsets partitions
 * (the cluster layer never calls the coordinator).
 */
import { newReplicationQuota } from './replication-quota.ts'
import { newZkClient } from '../controller/zookeeper/client.ts'
import { newZkController } from '../controller/zookeeper/kafka-controller.ts'
import { timer, nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import type { World } from '../nodes/world.ts'
import { applyRecord, emptyImage, type PartitionState, type RaftEntry } from '../controller/metadata.ts'
import { partitionName } from '../kafka/topic-partition.ts'
import type { BrokerNode, PartitionChange, Replica } from './types.ts'
import { newReplica, assignEpoch } from '../storage/partition.ts'
import { maybeIncrementLeaderHw, onLeadershipLost } from './purgatory.ts'
import { addToFetcher, removeFromFetchers, checkFetcherTimeouts } from './replica-fetcher.ts'
import { checkIsrExpiry } from './isr.ts'
import { logConfigFor, refreshLogConfigs, startRetention } from './log-retention.ts'
import { startCleaner } from './log-cleaner.ts'
import type { MessageOf } from '../kafka/messages.ts'
import type { CoordinatorState } from '../coordinator/group-types.ts'

const REGISTER_RETRY_MS = 250

/** A broker's state; its group coordinator's state is made by the layer that owns it (nodes/). */
export function newBroker(id: number, coordinator: CoordinatorState): BrokerNode {
  return {
    id,
    node: String(id),
    incarnation: 0,
    brokerEpoch: -1,
    previousBrokerEpoch: -1,
    registered: false,
    fenced: true,
    lifecycle: 'running',
    registrationInflight: false,
    heartbeatInflight: false,
    controllerHint: 0,
    image: emptyImage(),
    metaFetchInflight: false,
    metaFetchCorr: 0,
    metaFetchTarget: '',
    metaLastContactMs: 0,
    replicas: {},
    replicaOrder: [],
    fetchers: {},
    fetchSessions: {},
    parkedProduce: [],
    parkedFetch: [],
    purgeTimerAt: -1,
    parkedShareFetch: [],
    shareTimerAt: -1,
    producerIdNext: 0,
    producerIdEnd: 0,
    forwards: {},
    lastIsrCheckMs: 0,
    leaderQuota: newReplicationQuota(),
    followerQuota: newReplicationQuota(),
    zk: newZkClient(),
    zkController: newZkController(),
    zkControllerId: -1,
    zkControllerEpoch: -1,
    zkLeaderEpochs: {},
    coordinator,
  }
}

/**
 * Start after boot or restart: volatile state is gone, logs stay. (The group coordinator's state,
 * volatile too, is reset by the broker's node behaviour before this.)
 */
export function startBroker(w: World, b: BrokerNode): void {
  b.incarnation += 1
  // CleanShutdownFileHandler: only a broker the controller let go left its epoch behind
  b.previousBrokerEpoch = b.lifecycle === 'shutDown' ? b.brokerEpoch : -1
  b.brokerEpoch = -1
  b.registered = false
  b.fenced = true
  b.lifecycle = 'running'
  b.registrationInflight = false
  b.heartbeatInflight = false
  b.image = emptyImage()
  b.metaFetchInflight = false
  b.metaFetchTarget = w.voterIds[(b.id - 1) % w.voterIds.length]
  b.metaLastContactMs = w.nowMs
  b.fetchers = {}
  b.fetchSessions = {}
  b.parkedProduce = []
  b.parkedFetch = []
  b.purgeTimerAt = -1
  b.parkedShareFetch = []
  b.shareTimerAt = -1
  b.producerIdNext = 0
  b.producerIdEnd = 0
  b.forwards = {}
  b.leaderQuota = newReplicationQuota()
  b.followerQuota = newReplicationQuota()
  for (const tp of b.replicaOrder) {
    const r = b.replicas[tp]
    r.role = 'none'
    r.leader = -1
    r.followers = {}
    r.alterInflight = false
    r.fetchLag = -1
  }
  // KRaft: replay the metadata log; the legacy ZooKeeper mode starts a session instead (zk-broker.ts)
  if (!w.zookeeper) fetchMetadata(w, b)
  timer(w, b.node, 'broker.tick', 0)
  timer(w, b.node, 'broker.isr', w.brokerConfig['replica.lag.time.max.ms'] / 2)
  startRetention(w, b)
  startCleaner(w, b)
}

function rotateMetaTarget(w: World, b: BrokerNode, hint: string | null): void {
  if (hint) b.metaFetchTarget = hint
  else {
    const i = w.voterIds.indexOf(b.metaFetchTarget)
    b.metaFetchTarget = w.voterIds[(i + 1) % w.voterIds.length]
  }
}

function fetchMetadata(w: World, b: BrokerNode): void {
  if (b.metaFetchInflight) return
  b.metaFetchInflight = true
  b.metaFetchCorr = nextCorrelationId(w)
  b.metaLastContactMs = w.nowMs
  send(w, b.node, b.metaFetchTarget, {
    api: 'RaftFetch',
    from: b.node,
    corr: b.metaFetchCorr,
    epoch: 0,
    offset: b.image.offset + 1,
    lastFetchedEpoch: -1,
    observer: true,
  })
}

/** Periodic work: heartbeat (or register), and re-drive a metadata fetch that got no answer. */
export function brokerTick(w: World, b: BrokerNode): void {
  if (!w.zookeeper) kraftTick(w, b)
  checkFetcherTimeouts(w, b)
  timer(w, b.node, 'broker.tick', w.brokerConfig['broker.heartbeat.interval.ms'])
}

function kraftTick(w: World, b: BrokerNode): void {
  const fetchTimeout = w.brokerConfig['controller.quorum.fetch.timeout.ms']
  if (b.metaFetchInflight && w.nowMs - b.metaLastContactMs > fetchTimeout) {
    b.metaFetchInflight = false
    rotateMetaTarget(w, b, null)
  }
  fetchMetadata(w, b)
  if (!b.registered) register(w, b)
  else heartbeat(w, b)
}

function controllerTarget(w: World, b: BrokerNode): string {
  return b.metaFetchTarget || w.voterIds[0]
}

function register(w: World, b: BrokerNode): void {
  b.registrationInflight = true
  send(w, b.node, controllerTarget(w, b), {
    api: 'BrokerRegistration',
    from: b.node,
    corr: nextCorrelationId(w),
    brokerId: b.id,
    incarnation: b.incarnation,
    rack: w.scenario.cluster.racks[String(b.id)] ?? null,
    previousBrokerEpoch: b.previousBrokerEpoch,
  })
}

function heartbeat(w: World, b: BrokerNode): void {
  send(w, b.node, controllerTarget(w, b), {
    api: 'BrokerHeartbeat',
    from: b.node,
    corr: nextCorrelationId(w),
    brokerId: b.id,
    brokerEpoch: b.brokerEpoch,
    metadataOffset: b.image.offset,
    wantShutDown: b.lifecycle === 'wantShutDown',
  })
}

/**
 * BrokerLifecycleManager.beginControlledShutdown: from now on heartbeats ask to shut down, the first
 * at once. A broker that is not registered yet has nothing to hand over: it is let go at once.
 */
export function beginControlledShutdown(w: World, b: BrokerNode): void {
  if (b.lifecycle !== 'running') return
  b.lifecycle = b.registered ? 'wantShutDown' : 'shutDown'
  if (b.registered) heartbeat(w, b)
}

type QuorumResponse = MessageOf<'RaftFetchResponse' | 'BrokerRegistrationResponse' | 'BrokerHeartbeatResponse'>

/**
 * A response from the controller quorum; returns what the replayed metadata changed in the
 * partitions this broker hosts.
 */
export function handleBrokerMessage(w: World, b: BrokerNode, m: QuorumResponse): PartitionChange[] {
  const changes: PartitionChange[] = []
  brokerMessage(w, b, m, changes)
  return changes
}

function brokerMessage(w: World, b: BrokerNode, m: QuorumResponse, changes: PartitionChange[]): void {
  switch (m.api) {
    case 'RaftFetchResponse':
      return onMetadata(w, b, m, changes)
    case 'BrokerRegistrationResponse':
      b.registrationInflight = false
      if (m.error === 'NONE') {
        b.registered = true
        b.brokerEpoch = m.brokerEpoch as number
        heartbeat(w, b)
      } else {
        // NOT_CONTROLLER (follow the hint) or DUPLICATE_BROKER_REGISTRATION (the old session is
        // still alive): try again shortly.
        if (m.error === 'NOT_CONTROLLER') rotateMetaTarget(w, b, m.leaderId ?? null)
        timer(w, b.node, 'broker.register', m.leaderId ? 0 : REGISTER_RETRY_MS)
      }
      return
    case 'BrokerHeartbeatResponse':
      if (m.error === 'NONE') {
        b.fenced = m.isFenced as boolean
        if (m.shouldShutDown === true && b.lifecycle === 'wantShutDown') b.lifecycle = 'shutDown'
      } else if (m.error === 'STALE_BROKER_EPOCH') {
        b.registered = false
        register(w, b)
      } else if (m.error === 'NOT_CONTROLLER') rotateMetaTarget(w, b, m.leaderId ?? null)
      return
  }
}

function onMetadata(w: World, b: BrokerNode, m: MessageOf<'RaftFetchResponse'>, changes: PartitionChange[]): void {
  if (m.corr !== b.metaFetchCorr) return
  b.metaFetchInflight = false
  b.metaLastContactMs = w.nowMs
  if (m.error !== 'NONE') {
    rotateMetaTarget(w, b, m.leaderId ?? null)
    timer(w, b.node, 'broker.metaRetry', 50)
    return
  }
  const entries = m.entries as RaftEntry[]
  const changed: Record<string, PartitionState> = {}
  const order: string[] = []
  let configChanged: Set<string> | null = null
  for (const e of entries) {
    if (e.offset !== b.image.offset + 1) break
    if (e.rec.type === 'Config') (configChanged ??= new Set()).add(e.rec.topic)
    const p = applyRecord(b.image, e)
    if (e.rec.type === 'RemoveTopic' && !b.image.topics[e.rec.name]) {
      // the topic is gone: its replicas stop and their logs are deleted, and earlier changes to them in this batch no longer apply
      removeTopicReplicas(w, b, e.rec.name, changes)
      for (let i = order.length - 1; i >= 0; i--) {
        if (changed[order[i]].topic !== e.rec.name) continue
        delete changed[order[i]]
        order.splice(i, 1)
      }
    }
    if (p) {
      const tp = partitionName(p.topic, p.partition)
      if (!changed[tp]) order.push(tp)
      changed[tp] = p
    }
  }
  for (const tp of order) applyPartition(w, b, changed[tp], changes)
  if (configChanged) refreshLogConfigs(w, b, configChanged)
  fetchMetadata(w, b)
}

export function retryRegistration(w: World, b: BrokerNode): void {
  if (!b.registered) register(w, b)
}

export function retryMetadata(w: World, b: BrokerNode): void {
  fetchMetadata(w, b)
}

/** ReplicaManager.applyDelta for one partition (and, in ZooKeeper mode, a LeaderAndIsr partition state). */
export const applyPartitionState = (w: World, b: BrokerNode, p: PartitionState, changes: PartitionChange[]): void => applyPartition(w, b, p, changes)

/** ReplicaManager.applyDelta for one partition; what it changed goes to `changes`. */
function applyPartition(w: World, b: BrokerNode, p: PartitionState, changes: PartitionChange[]): void {
  const tp = partitionName(p.topic, p.partition)
  let r = b.replicas[tp]
  if (!p.replicas.includes(b.id)) {
    // no longer a replica here (a reassignment moved it away): stop it and delete its log
    if (r) {
      if (r.role !== 'none') stopReplica(w, b, r, 'NOT_LEADER_OR_FOLLOWER', changes)
      deleteReplica(b, tp)
    }
    return
  }
  if (!r) {
    r = newReplica(p.topic, p.partition, logConfigFor(w, b, p.topic), w.nowMs)
    b.replicas[tp] = r
    b.replicaOrder.push(tp)
    b.replicaOrder.sort()
  }
  r.replicas = p.replicas.slice()
  if (p.leader === b.id) {
    if (r.role !== 'leader' || r.leaderEpoch !== p.leaderEpoch) makeLeader(w, b, r, p, changes)
    else {
      r.isr = p.isr.slice()
      r.partitionEpoch = p.partitionEpoch
      if (!r.alterInflight) r.maximalIsr = p.isr.slice()
      // replicas that left the assignment (a finished reassignment) are no longer followed
      for (const id of Object.keys(r.followers)) if (!r.replicas.includes(Number(id))) delete r.followers[id]
      if (maybeIncrementLeaderHw(w, b, r)) changes.push({ replica: r, change: 'hwMoved' })
    }
  } else if (p.leader >= 0) {
    if (r.role !== 'follower' || r.leader !== p.leader || r.leaderEpoch !== p.leaderEpoch) makeFollower(w, b, r, p, changes)
    else {
      r.isr = p.isr.slice()
      r.partitionEpoch = p.partitionEpoch
    }
  } else {
    stopReplica(w, b, r, 'NOT_LEADER_OR_FOLLOWER', changes)
    r.leaderEpoch = p.leaderEpoch
    r.partitionEpoch = p.partitionEpoch
    r.isr = p.isr.slice()
  }
}

/** ReplicaManager.applyDelta for a deleted topic: each of its replicas here stops and its log is deleted. */
function removeTopicReplicas(w: World, b: BrokerNode, topic: string, changes: PartitionChange[]): void {
  for (const tp of b.replicaOrder.slice()) {
    const r = b.replicas[tp]
    if (r.topic !== topic) continue
    if (r.role !== 'none') stopReplica(w, b, r, 'UNKNOWN_TOPIC_OR_PARTITION', changes)
    deleteReplica(b, tp)
  }
}

/** ReplicaManager.applyDelta for a partition this broker no longer hosts: the replica and its log are deleted. */
function deleteReplica(b: BrokerNode, tp: string): void {
  delete b.replicas[tp]
  b.replicaOrder = b.replicaOrder.filter((x) => x !== tp)
}

/** The leader gives up the partition: what waits in the purgatory for it answers now. */
function resign(w: World, b: BrokerNode, r: Replica, error: string, changes: PartitionChange[]): void {
  changes.push({ replica: r, change: 'resigned' })
  onLeadershipLost(w, b, r.tp, error)
}

function stopReplica(w: World, b: BrokerNode, r: Replica, error: string, changes: PartitionChange[]): void {
  if (r.role === 'leader') resign(w, b, r, error, changes)
  if (r.role === 'follower') removeFromFetchers(b, r.tp)
  r.role = 'none'
  r.leader = -1
  r.followers = {}
  r.alterInflight = false
}

function makeLeader(w: World, b: BrokerNode, r: Replica, p: PartitionState, changes: PartitionChange[]): void {
  if (r.role === 'follower') removeFromFetchers(b, r.tp)
  r.role = 'leader'
  r.leader = b.id
  r.leaderEpoch = p.leaderEpoch
  r.partitionEpoch = p.partitionEpoch
  r.isr = p.isr.slice()
  r.maximalIsr = p.isr.slice()
  r.alterInflight = false
  assignEpoch(r, p.leaderEpoch, r.leo)
  r.followers = {}
  for (const id of r.replicas) {
    if (id === b.id) continue
    r.followers[String(id)] = {
      leo: -1,
      lastCaughtUpMs: p.isr.includes(id) ? w.nowMs : 0,
      lastFetchMs: 0,
      lastFetchLeaderLeo: 0,
      lastSentHw: -1,
    }
  }
  w.history.leaderClaims.push({ atMs: w.nowMs, broker: b.id, tp: r.tp, leaderEpoch: p.leaderEpoch })
  if (maybeIncrementLeaderHw(w, b, r)) changes.push({ replica: r, change: 'hwMoved' })
  changes.push({ replica: r, change: 'becameLeader' })
}

function makeFollower(w: World, b: BrokerNode, r: Replica, p: PartitionState, changes: PartitionChange[]): void {
  if (r.role === 'leader') resign(w, b, r, 'NOT_LEADER_OR_FOLLOWER', changes)
  r.role = 'follower'
  r.leader = p.leader
  r.leaderEpoch = p.leaderEpoch
  r.partitionEpoch = p.partitionEpoch
  r.isr = p.isr.slice()
  r.followers = {}
  r.alterInflight = false
  removeFromFetchers(b, r.tp)
  addToFetcher(w, b, p.leader, r.tp)
}

export function brokerIsrTimer(w: World, b: BrokerNode): void {
  checkIsrExpiry(w, b)
  timer(w, b.node, 'broker.isr', w.brokerConfig['replica.lag.time.max.ms'] / 2)
}
