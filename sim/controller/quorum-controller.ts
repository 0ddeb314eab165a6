/**
 * The active controller (Kafka's QuorumController on the Raft leader): broker registration,
 * heartbeats and fencing, partition leader election, AlterPartition, topic creation and the
 * periodic preferred-leader and unclean-leader checks. Every decision is written as metadata
 * records; responses go out once those records are committed.
 *
 * Follows metadata/src/main/java/org/apache/kafka/controller/ (ClusterControlManager,
 * BrokerHeartbeatManager, ReplicationControlManager, PartitionChangeBuilder):
 * - a broker is fenced when no heartbeat arrived for broker.session.timeout.ms (one at a time);
 * - it is unfenced when a heartbeat shows it has replayed metadata up to its registration;
 * - on fencing, the broker leaves every ISR; without ELR a last member stays (the leader becomes
 *   -1); with ELR (eligible.leader.replicas.version=1, the default) it moves to the ELR; the election
 *   and the ELR follow PartitionChangeBuilder (partition-change.ts);
 * - a broker that registers again without the epoch its clean shutdown left (PreviousBrokerEpoch)
 *   shut down uncleanly: with ELR on, it leaves every ISR and ELR (handleBrokerUncleanShutdown);
 * - a leader change bumps the leader epoch; every change bumps the partition epoch;
 * - controlled shutdown (BrokerHeartbeatManager.calculateNextBrokerState): an unfenced broker whose
 *   heartbeat asks to shut down and that leads partitions enters controlled shutdown
 *   (handleBrokerInControlledShutdown: it leaves every ISR as on fencing, a last member's only with
 *   ELR, and its leaderships move); once it leads nothing and every active broker has replayed those changes,
 *   it is fenced and told ShouldShutDown; a fenced broker, or one leading nothing, is let go at once;
 *   a broker in controlled shutdown is never elected nor let into an ISR (ClusterControlManager.isActive);
 * - heartbeat times are soft state: a new active controller starts every session afresh.
 * It sits on the Raft log as KafkaRaftClient's listener: runRaft drives a Raft step and acts on each
 * outcome where Raft reports it (QuorumMetaLogListener: handleLeaderChange, handleCommit).
 */
import { newTopicId } from './topic-id.ts'
import { timer, isUp } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { emit } from '../kafka/events.ts'
import type { World, Msg } from '../nodes/world.ts'
import { allPartitions, isActiveBroker, type BrokerRegistration, type MetaRecord, type PartitionState } from './metadata.ts'
import { partitionName } from '../kafka/topic-partition.ts'
import type { ControllerNode } from './types.ts'
import { appendRecords, type RaftOutcome, type RaftStep } from './raft.ts'
import { placeReplicas, PlacementError, rngAdapter } from '../kafka/placement.ts'
import { ConfigError, normaliseConfigValue, resolveTopicConfig } from '../kafka/config.ts'
import { isLegalTopicName } from '../kafka/topic-partition.ts'
import { isInternalTopic, OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import type { CreatedTopic, MessageOf, NewTopic } from '../kafka/messages.ts'
import { buildPartitionChange, isReassigning, reassignmentTarget, revertTarget, sameSet, targetOf, type ChangeTarget, type ElectedVia, type ElectionRules, type PartitionChangeRecord } from './partition-change.ts'

const BOOTSTRAP_WAIT_MS = 10_000
/** offsets.topic.segment.bytes (GroupCoordinatorConfig): __consumer_offsets segments are 100 MiB */
const OFFSETS_TOPIC_SEGMENT_BYTES = 104857600

export function activeController(w: World): ControllerNode | undefined {
  for (const id of w.voterIds) {
    const c = w.controllers[id]
    if (c.role === 'Leader' && isUp(w, id)) return c
  }
  return undefined
}

/**
 * Run a Raft step on this controller to completion, acting on each outcome as Raft reports it (so a
 * commit's waiting responses go out before Raft answers the fetch that advanced the high watermark).
 */
export function runRaft<T>(w: World, c: ControllerNode, step: RaftStep<T>): T {
  for (;;) {
    const r = step.next()
    if (r.done) return r.value
    onRaftOutcome(w, c, r.value)
  }
}

function onRaftOutcome(w: World, c: ControllerNode, o: RaftOutcome): void {
  switch (o.type) {
    case 'BecameLeader':
      return onBecomeActive(w, c)
    case 'Committed':
      return onCommitted(w, c)
    case 'Resigned':
      return onResign(c)
  }
}

function onBecomeActive(w: World, c: ControllerNode): void {
  c.activeSinceMs = w.nowMs
  c.lastHeartbeatMs = {}
  for (const id of Object.keys(c.image.brokers)) c.lastHeartbeatMs[id] = w.nowMs
  // a broker already in controlled shutdown may go once it leads nothing and the others have caught up
  c.brokerMetadataOffset = {}
  c.controlledShutdownOffset = {}
  c.pending = []
  timer(w, c.id, 'ctl.fence', w.brokerConfig['broker.session.timeout.ms'], c.epoch)
  timer(w, c.id, 'ctl.bootstrap', 0, c.epoch)
  if (w.brokerConfig['auto.leader.rebalance.enable'])
    timer(w, c.id, 'ctl.rebalance', w.brokerConfig['leader.imbalance.check.interval.seconds'] * 1000, c.epoch)
  timer(w, c.id, 'ctl.unclean', w.brokerConfig['unclean.leader.election.interval.ms'], c.epoch)
}

function onResign(c: ControllerNode): void {
  c.pending = []
}

/** Records up to the high watermark are committed: send the responses waiting for them. */
function onCommitted(w: World, c: ControllerNode): void {
  if (c.pending.length === 0) return
  const keep = []
  for (const p of c.pending) {
    if (p.offset < c.hw) send(w, c.id, p.to, p.msg)
    else keep.push(p)
  }
  c.pending = keep
}

function respondAfterCommit(w: World, c: ControllerNode, offset: number, to: string, msg: Msg): void {
  if (offset < c.hw) send(w, c.id, to, msg)
  else c.pending.push({ offset, to, msg })
}

function write(w: World, c: ControllerNode, recs: MetaRecord[]): number {
  if (recs.length === 0) return c.log.length - 1
  return runRaft(w, c, appendRecords(w, c, recs))
}

export function handleControllerTimer(w: World, c: ControllerNode, kind: string, epoch: number): void {
  if (c.role !== 'Leader' || epoch !== c.epoch) return
  switch (kind) {
    case 'ctl.fence':
      return fenceStaleBrokers(w, c)
    case 'ctl.bootstrap':
      maybeCreateScenarioTopics(w, c)
      if (missingTopics(w, c).length > 0) timer(w, c.id, 'ctl.bootstrap', 500, c.epoch)
      return
    case 'ctl.rebalance':
      electPreferredLeaders(w, c, undefined)
      timer(w, c.id, 'ctl.rebalance', w.brokerConfig['leader.imbalance.check.interval.seconds'] * 1000, c.epoch)
      return
    case 'ctl.unclean':
      electUncleanLeaders(w, c)
      timer(w, c.id, 'ctl.unclean', w.brokerConfig['unclean.leader.election.interval.ms'], c.epoch)
      return
  }
}

export function handleControllerMessage(w: World, c: ControllerNode, m: MessageOf<'BrokerRegistration' | 'BrokerHeartbeat' | 'AlterPartition' | 'AllocateProducerIds' | 'Envelope'>): void {
  if (m.api === 'Envelope') return onEnvelope(w, c, m)
  if (c.role !== 'Leader') {
    send(w, c.id, m.from, { api: `${m.api}Response`, from: c.id, corr: m.corr, error: 'NOT_CONTROLLER', leaderId: c.leaderId })
    return
  }
  switch (m.api) {
    case 'BrokerRegistration':
      return onRegistration(w, c, m)
    case 'BrokerHeartbeat':
      return onHeartbeat(w, c, m)
    case 'AlterPartition':
      return onAlterPartition(w, c, m)
    case 'AllocateProducerIds': {
      const start = c.nextProducerIdBlock
      c.nextProducerIdBlock += 1000
      send(w, c.id, m.from, { api: 'AllocateProducerIdsResponse', from: c.id, corr: m.corr, error: 'NONE', start, length: 1000 })
      return
    }
  }
}

function onRegistration(w: World, c: ControllerNode, m: MessageOf<'BrokerRegistration'>): void {
  const id = m.brokerId
  const inc = m.incarnation
  const existing = c.image.brokers[id]
  const sessionValid = existing && w.nowMs - (c.lastHeartbeatMs[id] ?? 0) <= w.brokerConfig['broker.session.timeout.ms']
  if (existing && existing.incarnation !== inc && sessionValid && !existing.fenced) {
    send(w, c.id, m.from, { api: 'BrokerRegistrationResponse', from: c.id, corr: m.corr, error: 'DUPLICATE_BROKER_REGISTRATION' })
    return
  }
  if (existing && existing.incarnation === inc) {
    send(w, c.id, m.from, { api: 'BrokerRegistrationResponse', from: c.id, corr: m.corr, error: 'NONE', brokerEpoch: existing.brokerEpoch })
    return
  }
  // the old session still counts: it is fenced first, and its leaderships move
  if (existing && !existing.fenced) write(w, c, [{ type: 'FenceBroker', brokerId: id, brokerEpoch: existing.brokerEpoch }, ...leaderAndIsrUpdates(w, c, id, 'fenced')])
  const reg: MetaRecord = { type: 'RegisterBroker', brokerId: id, incarnation: inc, brokerEpoch: -1, rack: m.rack }
  const recs: MetaRecord[] = [reg]
  // ClusterControlManager.registerBroker: a PreviousBrokerEpoch other than the registered epoch means
  // the broker did not shut down cleanly; it leaves every ISR and ELR (handleBrokerUncleanShutdown)
  if (existing && elrEnabled(w) && m.previousBrokerEpoch !== existing.brokerEpoch) recs.push(...leaderAndIsrUpdates(w, c, id, 'uncleanShutdown', true))
  const off = write(w, c, recs)
  c.lastHeartbeatMs[id] = w.nowMs
  emit(w, { type: 'BrokerRegistered', broker: id, brokerEpoch: (reg as { brokerEpoch: number }).brokerEpoch })
  respondAfterCommit(w, c, off, m.from, {
    api: 'BrokerRegistrationResponse',
    from: c.id,
    corr: m.corr,
    error: 'NONE',
    brokerEpoch: (reg as { brokerEpoch: number }).brokerEpoch,
  })
}

function onHeartbeat(w: World, c: ControllerNode, m: MessageOf<'BrokerHeartbeat'>): void {
  const id = m.brokerId
  const reg = c.image.brokers[id]
  if (!reg || reg.brokerEpoch !== m.brokerEpoch) {
    send(w, c.id, m.from, { api: 'BrokerHeartbeatResponse', from: c.id, corr: m.corr, error: 'STALE_BROKER_EPOCH' })
    return
  }
  c.lastHeartbeatMs[id] = w.nowMs
  c.brokerMetadataOffset[id] = m.metadataOffset
  if (m.wantShutDown) return onShutdownHeartbeat(w, c, m, reg)
  if (reg.fenced && m.metadataOffset >= reg.brokerEpoch) {
    const recs: MetaRecord[] = [{ type: 'UnfenceBroker', brokerId: id, brokerEpoch: reg.brokerEpoch }]
    write(w, c, recs)
    emit(w, { type: 'BrokerUnfenced', broker: id })
    write(w, c, electForUnfenced(w, c, id))
    maybeCreateScenarioTopics(w, c)
  }
  send(w, c.id, m.from, {
    api: 'BrokerHeartbeatResponse',
    from: c.id,
    corr: m.corr,
    error: 'NONE',
    isFenced: c.image.brokers[id].fenced,
  })
}

/** A heartbeat with WantShutDown (calculateNextBrokerState): enter controlled shutdown, stay in it, or let the broker go. */
function onShutdownHeartbeat(w: World, c: ControllerNode, m: MessageOf<'BrokerHeartbeat'>, reg: BrokerRegistration): void {
  const id = reg.id
  const leads = leadsAnything(c, id)
  if (!reg.fenced && !reg.inControlledShutdown && leads) {
    const moves = leaderAndIsrUpdates(w, c, id, 'controlledShutdown')
    c.controlledShutdownOffset[id] = write(w, c, [{ type: 'BrokerControlledShutdown', brokerId: id, brokerEpoch: reg.brokerEpoch }, ...moves])
    emit(w, { type: 'BrokerControlledShutdown', broker: id, partitions: moves.length })
  }
  const granted = reg.fenced || (!leadsAnything(c, id) && (!reg.inControlledShutdown || (c.controlledShutdownOffset[id] ?? -1) <= lowestActiveOffset(c)))
  const reply = { api: 'BrokerHeartbeatResponse' as const, from: c.id, corr: m.corr, error: 'NONE', isFenced: reg.fenced || granted, shouldShutDown: granted }
  if (!granted) return send(w, c.id, m.from, { ...reply, isFenced: false })
  // SHUTDOWN_NOW: handleBrokerFenced, answered once the fencing is committed
  const recs: MetaRecord[] = reg.fenced ? [] : [{ type: 'FenceBroker', brokerId: id, brokerEpoch: reg.brokerEpoch }, ...leaderAndIsrUpdates(w, c, id, 'fenced')]
  const off = recs.length > 0 ? write(w, c, recs) : c.log.length - 1
  emit(w, { type: 'BrokerShutdownGranted', broker: id })
  respondAfterCommit(w, c, off, m.from, reply)
}

function leadsAnything(c: ControllerNode, broker: number): boolean {
  for (const p of allPartitions(c.image)) if (p.leader === broker) return true
  return false
}

/** BrokerHeartbeatManager.lowestActiveOffset: the least metadata offset an unfenced broker last reported. */
function lowestActiveOffset(c: ControllerNode): number {
  let lowest = Infinity
  for (const k of Object.keys(c.image.brokers)) if (!c.image.brokers[k].fenced) lowest = Math.min(lowest, c.brokerMetadataOffset[k] ?? -1)
  return lowest
}

function fenceStaleBrokers(w: World, c: ControllerNode): void {
  const timeout = w.brokerConfig['broker.session.timeout.ms']
  let next = Infinity
  for (const idStr of Object.keys(c.image.brokers).sort((a, b) => +a - +b)) {
    const b = c.image.brokers[idStr]
    if (b.fenced) continue
    const last = c.lastHeartbeatMs[idStr] ?? c.activeSinceMs
    if (w.nowMs - last > timeout) {
      emit(w, { type: 'BrokerFenced', broker: b.id, sinceHeartbeatMs: w.nowMs - last, timeoutMs: timeout })
      write(w, c, [{ type: 'FenceBroker', brokerId: b.id, brokerEpoch: b.brokerEpoch }, ...leaderAndIsrUpdates(w, c, b.id, 'fenced')])
    } else next = Math.min(next, last + timeout + 1)
  }
  const delay = next === Infinity ? timeout : next - w.nowMs
  timer(w, c.id, 'ctl.fence', Math.max(1, delay), c.epoch)
}

/** ELR (KIP-966) is on: the cluster was formatted with eligible.leader.replicas.version=1 (Kafka 4.3's default). */
function elrEnabled(w: World): boolean {
  return w.scenario.cluster.features['eligible.leader.replicas.version'] >= 1
}

/** getTopicEffectiveMinIsr: min.insync.replicas, at most the replication factor. */
function effectiveMinIsr(w: World, c: ControllerNode, topic: string): number {
  const t = c.image.topics[topic]
  const minIsr = resolveTopicConfig(t?.config ?? {}, w.brokerConfig)['min.insync.replicas']
  return Math.min(minIsr, t?.partitions[0]?.replicas.length ?? minIsr)
}

function acceptable(c: ControllerNode, broker: number, excluded: number): boolean {
  return broker !== excluded && isActiveBroker(c.image, broker)
}

function uncleanAllowed(w: World, c: ControllerNode, topic: string): boolean {
  const t = c.image.topics[topic]
  return resolveTopicConfig(t?.config ?? {}, w.brokerConfig)['unclean.leader.election.enable'] === true
}

/**
 * A PartitionChange for `p` towards `target` (by default, the partition with a new ISR), electing a
 * leader when the current one is not valid, and its events; `unclean`: Election.UNCLEAN whatever the
 * topic says; `uncleanShutdown`: the excluded broker shut down uncleanly and leaves the ELR too.
 */
function change(w: World, c: ControllerNode, p: PartitionState, target: ChangeTarget, excluded: number, reason: string, unclean = false, uncleanShutdown = -1): PartitionChangeRecord | null {
  const rules: ElectionRules = {
    acceptable: (b) => acceptable(c, b, excluded),
    uncleanAllowed: () => unclean || uncleanAllowed(w, c, p.topic),
    elrEnabled: elrEnabled(w),
    minIsr: effectiveMinIsr(w, c, p.topic),
    uncleanShutdown,
  }
  const built = buildPartitionChange(p, target, rules, reason)
  if (built === null) return null
  if (built.completed) emit(w, { type: 'ReassignmentCompleted', topic: p.topic, partition: p.partition, replicas: built.record.replicas ?? p.replicas.slice(), isr: built.record.isr.slice() })
  logChange(w, p, built.record, built.via)
  return built.record
}

/**
 * ReplicationControlManager.generateLeaderAndIsrUpdates for a broker leaving: fenced or in controlled
 * shutdown (its ISRs and leaderships), or registering after an unclean shutdown (`uncleanShutdown`:
 * its ISRs and ELRs, handleBrokerUncleanShutdown). It leaves the ISRs and may not lead.
 */
function leaderAndIsrUpdates(w: World, c: ControllerNode, broker: number, reason: string, uncleanShutdown = false): MetaRecord[] {
  const out: MetaRecord[] = []
  for (const p of allPartitions(c.image)) {
    if (!p.isr.includes(broker) && !(uncleanShutdown ? p.elr.includes(broker) : p.leader === broker)) continue
    const r = change(w, c, p, targetOf(p, p.isr.filter((b) => b !== broker)), broker, reason, false, uncleanShutdown ? broker : -1)
    if (r) out.push(r)
  }
  return out
}

/** handleBrokerUnfenced: only leaderless partitions are re-elected. */
function electForUnfenced(w: World, c: ControllerNode, broker: number): MetaRecord[] {
  const out: MetaRecord[] = []
  for (const p of allPartitions(c.image)) {
    if (p.leader !== -1 || !p.replicas.includes(broker)) continue
    const r = change(w, c, p, targetOf(p), -1, 'unfenced')
    if (r) out.push(r)
  }
  return out
}

function logChange(w: World, p: PartitionState, r: PartitionChangeRecord, via: ElectedVia): void {
  const tp = partitionName(p.topic, p.partition)
  const at = { topic: p.topic, partition: p.partition }
  const elr = r.elr !== undefined ? { elr: r.elr.slice() } : {}
  if (r.leader !== p.leader) {
    const how = r.leader >= 0 && (via === 'elr' || via === 'lastKnownLeader') ? { via } : {}
    emit(w, { type: 'LeaderElected', ...at, from: p.leader, to: r.leader, leaderEpoch: r.leaderEpoch, isr: r.isr.slice(), unclean: r.unclean, ...how, ...elr })
  } else if (!sameSet(r.isr, p.isr)) emit(w, { type: 'IsrChanged', ...at, from: p.isr.slice(), to: r.isr.slice(), reason: r.reason, ...elr })
  else if (r.elr !== undefined) emit(w, { type: 'ElrChanged', ...at, from: p.elr.slice(), to: r.elr.slice(), reason: r.reason })
  w.history.leaderChanges.push({ atMs: w.nowMs, tp, leader: r.leader, leaderEpoch: r.leaderEpoch, isr: r.isr.slice(), unclean: r.unclean })
}

function onAlterPartition(w: World, c: ControllerNode, m: MessageOf<'AlterPartition'>): void {
  const topic = m.topic
  const partition = m.partition
  const p = c.image.topics[topic]?.partitions[partition]
  const reply = (error: string, extra: Record<string, unknown> = {}) =>
    send(w, c.id, m.from, { api: 'AlterPartitionResponse', from: c.id, corr: m.corr, topic, partition, error, ...extra })
  if (!p) return reply('UNKNOWN_TOPIC_OR_PARTITION')
  if (p.leader !== m.brokerId) return reply('NOT_LEADER_OR_FOLLOWER')
  if (p.leaderEpoch !== m.leaderEpoch) return reply('FENCED_LEADER_EPOCH')
  if (p.partitionEpoch !== m.partitionEpoch) return reply('INVALID_UPDATE_VERSION')
  const newIsr = m.newIsr.slice()
  for (const b of newIsr) if (!p.isr.includes(b) && !isActiveBroker(c.image, b)) return reply('INELIGIBLE_REPLICA')
  // validateIsr: the leader stays in, and every member is an assigned replica
  if (!newIsr.includes(p.leader) || !newIsr.every((b) => p.replicas.includes(b))) return reply('INVALID_REQUEST')
  const grow = newIsr.length > p.isr.length
  // through PartitionChangeBuilder: an ISR that now holds every adding replica completes a reassignment
  const now = change(w, c, p, targetOf(p, newIsr), -1, grow ? 'isr-expand' : 'isr-shrink')
  const off = now !== null ? write(w, c, [now]) : c.log.length - 1
  respondAfterCommit(w, c, off, m.from, {
    api: 'AlterPartitionResponse',
    from: c.id,
    corr: m.corr,
    topic,
    partition,
    error: 'NONE',
    isr: now !== null ? now.isr : p.isr.slice(),
    leaderEpoch: now !== null ? now.leaderEpoch : p.leaderEpoch,
    partitionEpoch: now !== null ? now.partitionEpoch : p.partitionEpoch,
  })
}

/**
 * AlterPartitionReassignments for one partition (ReplicationControlManager.changePartitionReassignment,
 * as `kafka-reassign-partitions --execute` asks): the new replicas join first, and the move completes
 * once they are all in the ISR. NONE, or the error Kafka answers.
 */
export function reassignPartition(w: World, c: ControllerNode, topic: string, partition: number, replicas: readonly number[], throttle?: number): { error: string; message: string } {
  const p = c.image.topics[topic]?.partitions[partition]
  if (!p) return { error: 'UNKNOWN_TOPIC_OR_PARTITION', message: `Unable to find partition ${topic}:${partition}.` }
  // validateManualPartitionAssignment
  if (replicas.length === 0) return { error: 'INVALID_REPLICA_ASSIGNMENT', message: 'The manual partition assignment includes an empty replica list.' }
  if (new Set(replicas).size !== replicas.length) return { error: 'INVALID_REPLICA_ASSIGNMENT', message: `The manual partition assignment includes a duplicate replica: ${replicas.join(', ')}` }
  const missing = replicas.find((b) => c.image.brokers[b] === undefined)
  if (missing !== undefined) return { error: 'INVALID_REPLICA_ASSIGNMENT', message: `The manual partition assignment includes broker ${missing}, but no such broker is registered.` }
  const target = reassignmentTarget(p, replicas)
  const throttled = throttle !== undefined && target.adding.length > 0
  emit(w, { type: 'ReassignmentStarted', topic, partition, replicas: replicas.slice(), adding: target.adding.slice(), removing: target.removing.slice(), ...(throttled ? { throttle } : {}) })
  const recs: MetaRecord[] = throttled ? throttleRecords(c, p, target, throttle) : []
  const r = change(w, c, p, target, -1, 'reassignment')
  if (r !== null) recs.push(r)
  write(w, c, recs)
  return { error: 'NONE', message: '' }
}

const RATE_KEYS = ['leader.replication.throttled.rate', 'follower.replication.throttled.rate'] as const
const REPLICA_KEYS = ['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas'] as const

/**
 * What `kafka-reassign-partitions --execute --throttle RATE` writes besides the move
 * (ReassignPartitionsCommand.modifyReassignmentThrottle / modifyTopicThrottles): the rate as both
 * dynamic broker configs on every broker of the move, leader throttles on the partition's current
 * replicas and follower throttles on its adding ones (added to what the topic lists already).
 */
function throttleRecords(c: ControllerNode, p: PartitionState, target: ChangeTarget, rate: number): MetaRecord[] {
  const brokers = [...new Set([...p.replicas, ...target.replicas])].sort((a, b) => a - b)
  const recs: MetaRecord[] = brokers.map((id) => ({ type: 'BrokerConfig', brokerId: id, config: { [RATE_KEYS[0]]: rate, [RATE_KEYS[1]]: rate } }))
  const config = c.image.topics[p.topic].config
  const listed = (key: string, brokers: readonly number[]) => {
    const have = typeof config[key] === 'string' && config[key] !== '' ? String(config[key]).split(',') : []
    if (have.includes('*')) return '*'
    return [...have, ...brokers.map((b) => `${p.partition}:${b}`).filter((e) => !have.includes(e))].join(',')
  }
  recs.push({ type: 'Config', topic: p.topic, config: { [REPLICA_KEYS[0]]: listed(REPLICA_KEYS[0], p.replicas), [REPLICA_KEYS[1]]: listed(REPLICA_KEYS[1], target.adding) } })
  return recs
}

/**
 * `kafka-reassign-partitions --verify`'s side effect (ReassignPartitionsCommand.clearAllThrottles):
 * once no partition is being moved, the throttle rates leave every broker and the throttled
 * replicas every topic. Returns whether anything was cleared.
 */
export function clearReassignmentThrottles(w: World, c: ControllerNode): boolean {
  if (allPartitions(c.image).some(isReassigning)) return false
  const recs: MetaRecord[] = []
  const brokers: number[] = []
  for (const id of Object.keys(c.image.brokerConfigs).sort((a, b) => +a - +b)) {
    const cfg = c.image.brokerConfigs[id]
    if (!RATE_KEYS.some((k) => k in cfg)) continue
    brokers.push(Number(id))
    recs.push({ type: 'BrokerConfig', brokerId: Number(id), config: { [RATE_KEYS[0]]: null, [RATE_KEYS[1]]: null } })
  }
  const topics = c.image.topicNames.filter((t) => REPLICA_KEYS.some((k) => k in c.image.topics[t].config))
  for (const t of topics) recs.push({ type: 'Config', topic: t, config: { [REPLICA_KEYS[0]]: null, [REPLICA_KEYS[1]]: null } })
  if (recs.length === 0) return false
  write(w, c, recs)
  emit(w, { type: 'ThrottlesCleared', brokers, topics })
  return true
}

/**
 * AlterPartitionReassignments with no target (`kafka-reassign-partitions --cancel`,
 * ReplicationControlManager.cancelPartitionReassignment): the move is reverted as
 * PartitionReassignmentRevert says; a revert that needs an unclean election is refused unless the
 * topic allows one. NONE, or the error Kafka answers.
 */
export function cancelReassignment(w: World, c: ControllerNode, topic: string, partition: number): { error: string; message: string } {
  const p = c.image.topics[topic]?.partitions[partition]
  if (!p) return { error: 'UNKNOWN_TOPIC_OR_PARTITION', message: `Unable to find partition ${topic}:${partition}.` }
  if (!isReassigning(p)) return { error: 'NO_REASSIGNMENT_IN_PROGRESS', message: 'No partition reassignment is in progress.' }
  const revert = revertTarget(p)
  if (revert.unclean && !uncleanAllowed(w, c, topic)) {
    return { error: 'INVALID_REPLICA_ASSIGNMENT', message: `Unable to revert partition assignment for ${topic}:${partition} because it would require an unclean leader election.` }
  }
  emit(w, { type: 'ReassignmentCancelled', topic, partition, replicas: revert.target.replicas.slice() })
  const r = change(w, c, p, revert.target, -1, 'reassignmentCancelled')
  if (r !== null) write(w, c, [r])
  return { error: 'NONE', message: '' }
}

/** Election.PREFERRED for every partition whose leader is not replicas[0] (at most 1000 per run). */
export function electPreferredLeaders(w: World, c: ControllerNode, topic: string | undefined, partition?: number): number {
  const recs: MetaRecord[] = []
  for (const p of allPartitions(c.image)) {
    if (recs.length >= 1000) break
    if (topic && p.topic !== topic) continue
    if (partition !== undefined && p.partition !== partition) continue
    const pref = p.replicas[0]
    if (p.leader === pref || !p.isr.includes(pref) || !isActiveBroker(c.image, pref)) continue
    const r: PartitionChangeRecord = {
      type: 'PartitionChange',
      topic: p.topic,
      partition: p.partition,
      leader: pref,
      isr: p.isr.slice(),
      leaderEpoch: p.leaderEpoch + 1,
      partitionEpoch: p.partitionEpoch + 1,
      reason: 'preferred',
      unclean: false,
    }
    // maybeUpdateLastKnownLeader: a partition with a leader keeps no last known one
    if (p.lastKnownElr.length > 0) r.lastKnownElr = []
    logChange(w, p, r, 'isr')
    recs.push(r)
  }
  write(w, c, recs)
  return recs.length
}

/**
 * ElectLeaders with Election.UNCLEAN (`kafka-leader-election --election-type UNCLEAN`) for the
 * partitions of `topic` (every topic when absent; one partition when `partition` is given): a
 * partition without a valid leader gets the first in-sync replica that is acceptable, else the first
 * acceptable replica, whatever unclean.leader.election.enable says (acknowledged records the new
 * leader lacks are lost). Returns how many partitions got a leader and how many needed none
 * (ELECTION_NOT_NEEDED).
 */
export function electUncleanLeadersNow(w: World, c: ControllerNode, topic: string | undefined, partition: number | undefined): { elected: number; notNeeded: number } {
  const recs: MetaRecord[] = []
  let notNeeded = 0
  for (const p of allPartitions(c.image)) {
    if ((topic !== undefined && p.topic !== topic) || (partition !== undefined && p.partition !== partition)) continue
    if (p.leader !== -1 && acceptable(c, p.leader, -1)) {
      notNeeded++
      continue
    }
    const r = change(w, c, p, targetOf(p), -1, 'unclean', true)
    if (r) recs.push(r)
  }
  write(w, c, recs)
  return { elected: recs.length, notNeeded }
}

function electUncleanLeaders(w: World, c: ControllerNode): void {
  const recs: MetaRecord[] = []
  for (const p of allPartitions(c.image)) {
    if (p.leader !== -1 || !uncleanAllowed(w, c, p.topic)) continue
    const r = change(w, c, p, targetOf(p), -1, 'unclean')
    if (r) recs.push(r)
  }
  write(w, c, recs)
}


function missingTopics(w: World, c: ControllerNode): string[] {
  const missing = c.image.topics[OFFSETS_TOPIC] ? [] : [OFFSETS_TOPIC]
  // a scenario topic a client deleted stays deleted
  return missing.concat(w.scenario.topics.filter((t) => !c.image.topics[t.name] && !c.image.removedTopics.includes(t.name)).map((t) => t.name))
}

/** The registered brokers for the placer: unfenced (and active) or not, and their broker.rack. */
function brokerLists(c: ControllerNode): { unfenced: number[]; fenced: number[]; racks: Record<number, string> } {
  const unfenced: number[] = []
  const fenced: number[] = []
  const racks: Record<number, string> = {}
  for (const k of Object.keys(c.image.brokers).sort((a, b) => +a - +b)) {
    const b = c.image.brokers[k]
    ;(b.fenced || b.inControlledShutdown ? fenced : unfenced).push(b.id)
    if (b.rack !== null) racks[b.id] = b.rack
  }
  return { unfenced, fenced, racks }
}


/**
 * The scenario's topics are created once every broker has registered and been unfenced (or after
 * a short wait, with whatever brokers are there): like an admin's CreateTopics at cluster start.
 */
function maybeCreateScenarioTopics(w: World, c: ControllerNode): void {
  const missing = missingTopics(w, c)
  if (missing.length === 0) return
  const { unfenced } = brokerLists(c)
  if (unfenced.length < w.scenario.cluster.brokers && w.nowMs - c.activeSinceMs < BOOTSTRAP_WAIT_MS) return
  for (const name of missing) {
    if (name === OFFSETS_TOPIC) {
      // The group coordinator's internal topic, created with the cluster; its replication factor is
      // offsets.topic.replication.factor, capped by the number of brokers.
      const rf = Math.min(w.brokerConfig['offsets.topic.replication.factor'], w.scenario.cluster.brokers)
      createTopic(w, c, name, w.brokerConfig['offsets.topic.num.partitions'], rf, { 'cleanup.policy': 'compact', 'segment.bytes': OFFSETS_TOPIC_SEGMENT_BYTES })
      continue
    }
    const spec = w.scenario.topics.find((t) => t.name === name)!
    createTopic(w, c, name, spec.partitions, spec.replicationFactor, spec.config)
  }
}

export function createTopic(
  w: World,
  c: ControllerNode,
  name: string,
  partitions: number,
  rf: number,
  config: Record<string, unknown>,
): string {
  const lists = brokerLists(c)
  let assignment: number[][]
  try {
    assignment = placeReplicas({ ...lists, partitions, replicationFactor: rf }, rngAdapter(w.rng.place))
  } catch (e) {
    if (e instanceof PlacementError) {
      emit(w, { type: 'CreateTopicsFailed', topic: name, error: e.code, message: e.message })
      return e.code
    }
    throw e
  }
  const recs: MetaRecord[] = [{ type: 'Topic', name, topicId: newTopicId(w) }]
  if (Object.keys(config).length) recs.push({ type: 'Config', topic: name, config: config as never })
  assignment.forEach((replicas, i) => recs.push(initialPartition(c, name, i, replicas)))
  write(w, c, recs)
  emit(w, { type: 'TopicCreated', topic: name, partitions, replicationFactor: rf })
  return 'NONE'
}

function initialPartition(c: ControllerNode, topic: string, partition: number, replicas: number[]): MetaRecord {
  const isr = replicas.filter((b) => isActiveBroker(c.image, b))
  return {
    type: 'Partition',
    topic,
    partition,
    replicas,
    isr: isr.length ? isr : replicas.slice(),
    leader: isr.length ? replicas.find((b) => isActiveBroker(c.image, b))! : -1,
    leaderEpoch: 0,
    partitionEpoch: 0,
    addingReplicas: [],
    removingReplicas: [],
    elr: [],
    lastKnownElr: [],
  }
}

/** What a client may create through serve: bounds that keep a run's size in reach. */
const MAX_CREATED_PARTITIONS = 1000
const MAX_TOPICS = 200

/**
 * An admin request forwarded by a broker (ControllerApis): CreateTopics or DeleteTopics, answered
 * for each topic. A controller that is not the active one answers NOT_CONTROLLER for each.
 */
function onEnvelope(w: World, c: ControllerNode, m: MessageOf<'Envelope'>): void {
  const names = m.request.kind === 'createTopics' ? m.request.topics.map((t) => t.name) : m.request.topics
  const reply = (error: string, topics: CreatedTopic[]) => send(w, c.id, m.from, { api: 'EnvelopeResponse', from: c.id, corr: m.corr, error, topics })
  if (c.role !== 'Leader') return reply('NOT_CONTROLLER', names.map((name) => ({ name, error: 'NOT_CONTROLLER', message: null, partitions: -1, replicationFactor: -1 })))
  reply('NONE', m.request.kind === 'createTopics' ? createTopics(w, c, m.request.topics, m.request.validateOnly) : deleteTopics(w, c, m.request.topics))
}

/**
 * CreateTopics (ReplicationControlManager.createTopics): each topic checked (its name, that it
 * does not exist, partitions and replication factor, -1 meaning the broker defaults num.partitions
 * and default.replication.factor, and that its configs are topic configs kafkascope models), then
 * created unless validateOnly. Simplified: the answer goes when the records are appended, not when
 * they are committed.
 */
function createTopics(w: World, c: ControllerNode, topics: readonly NewTopic[], validateOnly: boolean): CreatedTopic[] {
  return topics.map((t) => {
    const partitions = t.partitions === -1 ? w.brokerConfig['num.partitions'] : t.partitions
    const replicationFactor = t.replicationFactor === -1 ? w.brokerConfig['default.replication.factor'] : t.replicationFactor
    const result = (error: string, message: string | null) => ({ name: t.name, error, message, partitions, replicationFactor })
    const refused = refuseNewTopic(c, t.name, partitions, replicationFactor)
    if (refused) return result(refused[0], refused[1])
    const config: Record<string, unknown> = {}
    for (const key of Object.keys(t.configs).sort()) {
      try {
        config[key] = normaliseConfigValue('topic', key, t.configs[key])
      } catch (e) {
        if (e instanceof ConfigError) return result('INVALID_CONFIG', e.message)
        throw e
      }
    }
    if (validateOnly) return result('NONE', null)
    const error = createTopic(w, c, t.name, partitions, replicationFactor, config)
    return result(error, error === 'NONE' ? null : `cannot place ${partitions} partitions with ${replicationFactor} replicas on the brokers registered now`)
  })
}

/**
 * DeleteTopics (ReplicationControlManager.deleteTopics): a RemoveTopicRecord for each topic that
 * exists; brokers then stop and delete its replicas. Simplified: internal topics are not deleted,
 * and a group's committed offsets for the topic stay (Kafka's coordinator deletes them).
 */
function deleteTopics(w: World, c: ControllerNode, names: readonly string[]): CreatedTopic[] {
  const recs: MetaRecord[] = []
  const results = names.map((name) => {
    const result = (error: string, message: string | null) => ({ name, error, message, partitions: -1, replicationFactor: -1 })
    const t = c.image.topics[name]
    if (!t || recs.some((r) => r.type === 'RemoveTopic' && r.name === name)) return result('UNKNOWN_TOPIC_OR_PARTITION', `topic ${name} does not exist`)
    if (isInternalTopic(name)) return result('INVALID_TOPIC_EXCEPTION', `kafkascope does not delete the internal topic ${name}`)
    recs.push({ type: 'RemoveTopic', name, topicId: t.topicId })
    emit(w, { type: 'TopicDeleted', topic: name })
    return result('NONE', null)
  })
  write(w, c, recs)
  return results
}

function refuseNewTopic(c: ControllerNode, name: string, partitions: number, replicationFactor: number): [string, string] | null {
  if (!isLegalTopicName(name)) return ['INVALID_TOPIC_EXCEPTION', `"${name}" is not a legal topic name (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-')`]
  if (c.image.topics[name]) return ['TOPIC_ALREADY_EXISTS', `Topic '${name}' already exists.`]
  // simplified: Kafka creates a deleted topic's name again as a new topic; kafkascope's checkers
  // follow partitions by name through a run, so a deleted name stays retired until the run ends
  if (c.image.removedTopics.includes(name)) return ['POLICY_VIOLATION', `kafkascope does not create ${name} again in this run: a deleted topic's name stays retired (the checkers follow partitions by name)`]
  if (partitions < 1) return ['INVALID_PARTITIONS', 'Number of partitions was set to an invalid non-positive value.']
  if (replicationFactor < 1) return ['INVALID_REPLICATION_FACTOR', 'Replication factor must be larger than 0, or -1 to use the default value.']
  if (partitions > MAX_CREATED_PARTITIONS) return ['INVALID_PARTITIONS', `kafkascope creates at most ${MAX_CREATED_PARTITIONS} partitions per topic`]
  if (Object.keys(c.image.topics).length >= MAX_TOPICS) return ['POLICY_VIOLATION', `kafkascope runs at most ${MAX_TOPICS} topics`]
  return null
}

/** CreatePartitions: add partitions to a topic, placed by the same striped placer. */
export function addPartitions(w: World, c: ControllerNode, topic: string, count: number): string {
  const t = c.image.topics[topic]
  if (!t) return 'UNKNOWN_TOPIC_OR_PARTITION'
  const current = t.partitions.length
  if (count <= current) return 'INVALID_PARTITIONS'
  const rf = t.partitions[0]?.replicas.length ?? 1
  let assignment: number[][]
  try {
    assignment = placeReplicas(
      { ...brokerLists(c), partitions: count - current, replicationFactor: rf },
      rngAdapter(w.rng.place),
    )
  } catch (e) {
    if (e instanceof PlacementError) return e.code
    throw e
  }
  write(w, c, assignment.map((replicas, i) => initialPartition(c, topic, current + i, replicas)))
  emit(w, { type: 'PartitionsAdded', topic, count })
  return 'NONE'
}

export function setTopicConfig(w: World, c: ControllerNode, topic: string, config: Record<string, unknown>): string {
  if (!c.image.topics[topic]) return 'UNKNOWN_TOPIC_OR_PARTITION'
  write(w, c, [{ type: 'Config', topic, config: config as never }])
  emit(w, { type: 'TopicConfigChanged', topic, config: Object.entries(config).map(([k, v]): [string, string] => [k, `${v}`]) })
  return 'NONE'
}
