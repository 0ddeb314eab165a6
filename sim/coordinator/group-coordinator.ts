/**
 * The classic group coordinator on a broker (Kafka 4.x group-coordinator, GroupMetadataManager for
 * classic groups). The coordinator of group g is the leader of
 * `__consumer_offsets-<coordinatorPartitionFor(g)>`; it keeps each group's state machine (Empty,
 * PreparingRebalance, CompletingRebalance, Stable, Dead) and writes group metadata and committed
 * offsets as records in that partition, answering only once they are committed (HW). A broker that
 * becomes leader of an offsets partition loads its groups from the log; one that stops leading it
 * unloads them, and clients get NOT_COORDINATOR. The coordinator learns of leadership and HW changes
 * from the PartitionChange list the broker's handlers return (onPartitionChanges, called by the
 * broker's node behaviour after the broker's own handling, like GroupCoordinatorService.onElection /
 * onResignation and the runtime's high-watermark listener); it writes through the broker's
 * appendAsLeader.
 *
 * Join phase: a group that was Empty waits group.initial.rebalance.delay.ms (extended by the delay
 * each time a member joins, up to the rebalance timeout); otherwise it completes when every known
 * member has rejoined or the rebalance timeout (max.poll.interval.ms) expires, dropping dynamic
 * members that did not rejoin. Each completed join increments the generation.
 */
import { timer } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { emit } from '../kafka/events.ts'
import type { World } from '../nodes/world.ts'
import type { GroupStateReason, MemberRemovedReason } from '../kafka/events.ts'
import { nextU32 } from '../kernel/rng.ts'
import type { BrokerNode, PartitionChange, Replica } from '../cluster/types.ts'
import type { LogBatch } from '../storage/batch.ts'
import { batchAtIndex } from '../storage/batch-log.ts'
import { appendAsLeader } from '../cluster/produce-handler.ts'
import { coordinatorPartitionFor } from '../kafka/coordinator.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import type {
  ClassicGroup,
  ClassicGroupState,
  CoordinatorState,
  GroupMember,
  OffsetsRecord,
  PendingReply,
  PendingWrite,
} from './group-types.ts'
import type { Subscription } from '../kafka/messages.ts'
import type { ConsumerGroup } from './consumer/consumer-group-types.ts'
import { consumerGroupHeartbeat, expireConsumerMembers, newConsumerGroup } from './consumer/consumer-group.ts'
import { consumerGroupRecord, loadConsumerGroup } from './consumer/consumer-group-record.ts'
import { expireShareMembers, newShareGroup, shareGroupHeartbeat, type ShareGroup } from './share/share-group.ts'
import type {
  ConsumerGroupHeartbeatRequest,
  ShareGroupHeartbeatRequest,
  FindCoordinatorRequest,
  GroupRequest,
  GroupResponse,
  HeartbeatRequest,
  JoinGroupRequest,
  JoinGroupResponse,
  LeaveGroupRequest,
  OffsetCommitRequest,
  SyncGroupRequest,
  Unsent,
} from '../kafka/messages.ts'


export function newCoordinatorState(): CoordinatorState {
  return { groups: {}, consumerGroups: {}, shareGroups: {}, loaded: {}, pendingWrites: [], timerAt: -1, nextMemberSeq: 0 }
}

function offsetsPartitions(w: World): number {
  return w.brokerConfig['offsets.topic.num.partitions']
}

export function offsetsTp(w: World, groupId: string): string {
  return `${OFFSETS_TOPIC}-${coordinatorPartitionFor(groupId, offsetsPartitions(w))}`
}

function reply(w: World, b: BrokerNode, to: PendingReply, msg: Unsent<GroupResponse>): void {
  send(w, b.node, to.node, { from: b.node, corr: to.corr, ...msg })
}

// ------------------------------------------------------------------ partition changes

/**
 * Follow what happened to this broker's __consumer_offsets partitions, in order, once the broker
 * has handled the request or metadata update: a partition it now leads is loaded (onElection), one
 * it stopped leading is unloaded (onResignation), and a HW move completes the writes it covers (the
 * coordinator runtime's high-watermark listener).
 */
export function onPartitionChanges(w: World, b: BrokerNode, changes: readonly PartitionChange[]): void {
  for (const { replica: r, change } of changes) {
    if (r.topic !== OFFSETS_TOPIC) continue
    if (change === 'hwMoved') completeWrites(w, b, r)
    else if (change === 'resigned') unloadOffsetsPartition(w, b, r.tp)
    else {
      unloadOffsetsPartition(w, b, r.tp)
      loadOffsetsPartition(w, b, r)
    }
  }
}

// ------------------------------------------------------------------ loading

/** This broker became leader of an offsets partition: load its groups from the log. */
function loadOffsetsPartition(w: World, b: BrokerNode, r: Replica): void {
  const c = b.coordinator
  c.loaded[r.tp] = true
  const groups: Record<string, ClassicGroup> = {}
  const consumerGroups: Record<string, ConsumerGroup> = {}
  const shareGroups: Record<string, ShareGroup> = {}
  // Like the coordinator runtime's loader, read the whole local log: the tail above this new
  // leader's HW was committed under the previous leader, or will be under this one.
  for (let i = r.log.start; i < r.log.length; i++) {
    const batch = batchAtIndex(r.log, i)
    if (!batch.payload) continue
    const records = batch.payload as OffsetsRecord[]
    // a compacted batch keeps only some of its records (storage/cleaner.ts)
    if (batch.retained) for (const k of batch.retained) replay(groups, consumerGroups, shareGroups, records[k], r.partition, w.nowMs)
    else for (const rec of records) replay(groups, consumerGroups, shareGroups, rec, r.partition, w.nowMs)
  }
  for (const id of Object.keys(consumerGroups).sort()) {
    const g = consumerGroups[id]
    // offsets committed by the group are replayed with the other records of its id
    if (groups[id] !== undefined) g.committed = groups[id].committed
    delete groups[id]
    c.consumerGroups[id] = g
    emit(w, { type: 'CoordinatorLoaded', broker: b.id, groupId: id, tp: r.tp, state: g.state, generation: g.groupEpoch })
  }
  for (const id of Object.keys(shareGroups).sort()) {
    c.shareGroups[id] = shareGroups[id]
    emit(w, { type: 'CoordinatorLoaded', broker: b.id, groupId: id, tp: r.tp, state: shareGroups[id].state, generation: shareGroups[id].groupEpoch })
  }
  for (const id of Object.keys(groups).sort()) {
    const g = groups[id]
    for (const m of Object.values(g.members)) m.lastHeartbeatMs = w.nowMs
    c.groups[id] = g
    emit(w, { type: 'CoordinatorLoaded', broker: b.id, groupId: id, tp: r.tp, state: g.state, generation: g.generation })
  }
  armCoordinator(w, b, w.nowMs)
}

function emptyGroup(groupId: string, partition: number): ClassicGroup {
  return {
    groupId,
    offsetsPartition: partition,
    state: 'Empty',
    generation: 0,
    protocolName: null,
    leaderId: null,
    members: {},
    memberOrder: [],
    pendingMemberIds: [],
    staticMembers: {},
    joinDeadlineMs: 0,
    initialDelay: false,
    initialDeadlineCapMs: 0,
    committed: {},
    rebalanceReason: '',
  }
}

function replay(groups: Record<string, ClassicGroup>, consumerGroups: Record<string, ConsumerGroup>, shareGroups: Record<string, ShareGroup>, rec: OffsetsRecord, partition: number, nowMs: number): void {
  if (rec.type === 'consumerGroup') {
    consumerGroups[rec.groupId] = loadConsumerGroup(rec, partition, nowMs)
    return
  }
  if (rec.type === 'shareGroup') {
    const g = structuredClone(rec.group)
    for (const id of g.memberOrder) g.members[id].lastHeartbeatMs = nowMs
    shareGroups[rec.groupId] = g
    return
  }
  const g = (groups[rec.groupId] ??= emptyGroup(rec.groupId, partition))
  if (rec.type === 'offset') {
    g.committed[rec.tp] = rec.offset
    return
  }
  g.generation = rec.generation
  g.protocolName = rec.protocolName
  g.leaderId = rec.leaderId
  g.state = rec.members.length ? 'Stable' : 'Empty'
  g.members = {}
  g.memberOrder = []
  g.staticMembers = {}
  for (const m of rec.members) {
    g.members[m.memberId] = { ...m, protocols: m.protocols, assignment: m.assignment.slice(), lastHeartbeatMs: 0, joinPending: null, syncPending: null }
    g.memberOrder.push(m.memberId)
    if (m.groupInstanceId) g.staticMembers[m.groupInstanceId] = m.memberId
  }
}

/** This broker no longer leads an offsets partition: its groups move away. */
function unloadOffsetsPartition(w: World, b: BrokerNode, tp: string): void {
  const c = b.coordinator
  if (!c.loaded[tp]) return
  delete c.loaded[tp]
  for (const id of Object.keys(c.groups)) {
    if (`${OFFSETS_TOPIC}-${c.groups[id].offsetsPartition}` !== tp) continue
    const g = c.groups[id]
    for (const m of Object.values(g.members)) {
      if (m.joinPending) reply(w, b, m.joinPending, joinError('NOT_COORDINATOR', m.memberId))
      if (m.syncPending) reply(w, b, m.syncPending, { api: 'SyncGroupResponse', error: 'NOT_COORDINATOR', assignment: [] })
    }
    delete c.groups[id]
  }
  for (const id of Object.keys(c.consumerGroups)) if (`${OFFSETS_TOPIC}-${c.consumerGroups[id].offsetsPartition}` === tp) delete c.consumerGroups[id]
  for (const id of Object.keys(c.shareGroups)) if (`${OFFSETS_TOPIC}-${c.shareGroups[id].offsetsPartition}` === tp) delete c.shareGroups[id]
  const keep: PendingWrite[] = []
  for (const pw of c.pendingWrites) {
    if (pw.tp !== tp) keep.push(pw)
    else if (pw.reply) reply(w, b, pw.reply, notCoordinatorFor(pw))
  }
  c.pendingWrites = keep
}

/** The answer to a write the coordinator will not complete: it no longer coordinates the group. */
function notCoordinatorFor(pw: PendingWrite): Unsent<GroupResponse> {
  if (pw.kind === 'commit') return { api: 'OffsetCommitResponse', error: 'NOT_COORDINATOR', offsets: {} }
  if (pw.response !== null && (pw.response.api === 'ConsumerGroupHeartbeatResponse' || pw.response.api === 'ShareGroupHeartbeatResponse')) return { ...pw.response, error: 'NOT_COORDINATOR', assignment: null }
  return { api: 'SyncGroupResponse', error: 'NOT_COORDINATOR', assignment: [] }
}

// ------------------------------------------------------------------ writes

function appendRecords(w: World, b: BrokerNode, tp: string, records: OffsetsRecord[]): number {
  const r = b.replicas[tp]
  const batch: LogBatch = {
    baseOffset: r.leo,
    count: records.length,
    partitionLeaderEpoch: r.leaderEpoch,
    producer: '__group_coordinator',
    producerId: -1,
    baseSequence: -1,
    sequence: -1,
    producerEpoch: -1,
    firstTimestamp: w.nowMs,
    maxTimestamp: w.nowMs,
    timestampType: r.config.timestampType,
    appendedMs: w.nowMs,
    sizeBytes: records.length * 64,
    firstRecord: -1,
    retained: undefined,
    deleteHorizonMs: undefined,
    payload: records,
  }
  if (appendAsLeader(w, b, r, batch)) completeWrites(w, b, r)
  return r.leo
}

function groupRecord(g: ClassicGroup): OffsetsRecord {
  return {
    type: 'group',
    groupId: g.groupId,
    generation: g.generation,
    protocolName: g.protocolName,
    leaderId: g.leaderId,
    state: g.state,
    members: g.memberOrder.map((id) => {
      const m = g.members[id]
      return {
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        node: m.node,
        sessionTimeoutMs: m.sessionTimeoutMs,
        rebalanceTimeoutMs: m.rebalanceTimeoutMs,
        protocols: m.protocols,
        assignment: m.assignment.slice(),
        ...(m.rawAssignment === undefined ? {} : { rawAssignment: m.rawAssignment }),
      }
    }),
  }
}

/** The offsets partition's HW moved: finish the writes it covers. */
function completeWrites(w: World, b: BrokerNode, r: Replica): void {
  const c = b.coordinator
  if (c.pendingWrites.length === 0) return
  const keep: PendingWrite[] = []
  for (const pw of c.pendingWrites) {
    if (pw.tp !== r.tp || r.hw < pw.requiredOffset) {
      keep.push(pw)
      continue
    }
    const g = c.groups[pw.groupId]
    if (pw.kind === 'respond') {
      if (pw.reply && pw.response) reply(w, b, pw.reply, pw.response)
    } else if (pw.kind === 'commit') {
      const committed = (c.consumerGroups[pw.groupId] ?? g)?.committed
      if (committed) for (const tp of Object.keys(pw.offsets)) committed[tp] = pw.offsets[tp]
      if (pw.reply) reply(w, b, pw.reply, { api: 'OffsetCommitResponse', error: 'NONE', offsets: pw.offsets })
    } else if (g && g.state === 'CompletingRebalance' && g.generation === pw.generation) {
      finishSync(w, b, g)
    }
  }
  c.pendingWrites = keep
}

// ------------------------------------------------------------------ requests

export function handleGroupRequest(w: World, b: BrokerNode, m: GroupRequest): void {
  if (m.api === 'FindCoordinator') return findCoordinator(w, b, m)
  const groupId = m.groupId
  const tp = offsetsTp(w, groupId)
  const from: PendingReply = { corr: m.corr, node: m.from }
  const r = b.replicas[tp]
  if (!r || r.role !== 'leader' || !b.coordinator.loaded[tp]) {
    const api = m.api
    return reply(w, b, from, errorResponse(api, 'NOT_COORDINATOR', m.api === 'JoinGroup' || m.api === 'ConsumerGroupHeartbeat' || m.api === 'ShareGroupHeartbeat' ? m.memberId : ''))
  }
  const c = b.coordinator
  if (m.api === 'ConsumerGroupHeartbeat') return onConsumerGroupHeartbeat(w, b, m, from, r.partition)
  if (m.api === 'ShareGroupHeartbeat') return onShareGroupHeartbeat(w, b, m, from, r.partition)
  const cg = c.consumerGroups[groupId]
  if (cg !== undefined) return consumerGroupRequest(w, b, cg, m, from)
  const g = (c.groups[groupId] ??= emptyGroup(groupId, r.partition))
  switch (m.api) {
    case 'JoinGroup':
      return onJoin(w, b, g, m, from)
    case 'SyncGroup':
      return onSync(w, b, g, m, from)
    case 'Heartbeat':
      return reply(w, b, from, { api: 'HeartbeatResponse', error: heartbeatError(w, g, m) })
    case 'LeaveGroup':
      return onLeave(w, b, g, m, from)
    case 'OffsetCommit':
      return onCommit(w, b, g, m, from)
    case 'OffsetFetch': {
      return reply(w, b, from, { api: 'OffsetFetchResponse', error: 'NONE', offsets: committedOffsets(g.committed, m.tps) })
    }
  }
}

/** OffsetFetch's answer: the offsets asked for (-1 when none is committed), or every committed one (tps null). */
function committedOffsets(committed: Record<string, number>, tps: readonly string[] | null): Record<string, number> {
  const offsets: Record<string, number> = {}
  for (const t of tps ?? Object.keys(committed).sort()) offsets[t] = committed[t] ?? -1
  return offsets
}

function findCoordinator(w: World, b: BrokerNode, m: FindCoordinatorRequest): void {
  const p = coordinatorPartitionFor(m.key, offsetsPartitions(w))
  const leader = b.image.topics[OFFSETS_TOPIC]?.partitions[p]?.leader ?? -1
  const error = leader >= 0 ? 'NONE' : 'COORDINATOR_NOT_AVAILABLE'
  send(w, b.node, m.from, { api: 'FindCoordinatorResponse', from: b.node, corr: m.corr, error, nodeId: leader })
}

function joinError(error: string, memberId: string): Unsent<JoinGroupResponse> {
  return { api: 'JoinGroupResponse', error, generation: -1, protocolName: '', leader: '', memberId, members: [], skipAssignment: false }
}

/** The error response to a group request, e.g. NOT_COORDINATOR from a broker that is not its coordinator. */
function errorResponse(api: Exclude<GroupRequest['api'], 'FindCoordinator'>, error: string, memberId: string): Unsent<GroupResponse> {
  switch (api) {
    case 'JoinGroup':
      return joinError(error, memberId)
    case 'SyncGroup':
      return { api: 'SyncGroupResponse', error, assignment: [] }
    case 'Heartbeat':
      return { api: 'HeartbeatResponse', error }
    case 'LeaveGroup':
      return { api: 'LeaveGroupResponse', error }
    case 'OffsetCommit':
      return { api: 'OffsetCommitResponse', error, offsets: {} }
    case 'OffsetFetch':
      return { api: 'OffsetFetchResponse', error, offsets: {} }
    case 'ConsumerGroupHeartbeat':
      return { api: 'ConsumerGroupHeartbeatResponse', error, memberId, memberEpoch: -1, heartbeatIntervalMs: 0, assignment: null }
    case 'ShareGroupHeartbeat':
      return { api: 'ShareGroupHeartbeatResponse', error, memberId, memberEpoch: -1, heartbeatIntervalMs: 0, assignment: null }
  }
}

/** Kafka's member ids: the client id, a dash and a random (version 4) UUID. */
function newMemberId(w: World, b: BrokerNode, clientId: string): string {
  const hex = (n: number, len: number) => (n >>> 0).toString(16).padStart(8, '0').slice(0, len)
  const r = w.rng.clients
  b.coordinator.nextMemberSeq++
  const variant = (8 + (nextU32(r) & 3)).toString(16)
  return `${clientId}-${hex(nextU32(r), 8)}-${hex(nextU32(r), 4)}-4${hex(nextU32(r), 3)}-${variant}${hex(nextU32(r), 3)}-${hex(nextU32(r), 8)}${hex(nextU32(r), 4)}`
}

function onJoin(w: World, b: BrokerNode, g: ClassicGroup, m: JoinGroupRequest, from: PendingReply): void {
  // GroupMetadataManager.classicGroupJoin: the session timeout within the broker's bounds
  if (m.sessionTimeoutMs < w.brokerConfig['group.min.session.timeout.ms'] || m.sessionTimeoutMs > w.brokerConfig['group.max.session.timeout.ms']) {
    return reply(w, b, from, joinError('INVALID_SESSION_TIMEOUT', m.memberId))
  }
  const instanceId = m.groupInstanceId ?? null
  let memberId = m.memberId
  if (instanceId) {
    const known = g.staticMembers[instanceId]
    if (memberId !== '' && known && known !== memberId) return reply(w, b, from, joinError('FENCED_INSTANCE_ID', memberId))
    if (memberId === '') {
      memberId = newMemberId(w, b, m.clientId)
      if (known) return replaceStaticMember(w, b, g, known, memberId, m, from)
    }
  } else if (memberId === '') {
    memberId = newMemberId(w, b, m.clientId)
    g.pendingMemberIds.push(memberId)
    return reply(w, b, from, joinError('MEMBER_ID_REQUIRED', memberId))
  }
  let member = g.members[memberId]
  if (!member) {
    const pending = g.pendingMemberIds.indexOf(memberId)
    if (!instanceId && pending < 0) return reply(w, b, from, joinError('UNKNOWN_MEMBER_ID', memberId))
    if (pending >= 0) g.pendingMemberIds.splice(pending, 1)
    member = addMember(w, g, memberId, instanceId, m)
    emit(w, { type: 'MemberJoined', groupId: g.groupId, member: member.clientId, joinReason: (m.reason as string) || '' })
  } else {
    const changed = JSON.stringify(member.protocols) !== JSON.stringify(m.protocols)
    member.protocols = m.protocols
    member.node = m.from
    if (g.state === 'Stable' && !changed && g.leaderId !== memberId) {
      return reply(w, b, from, joinResponse(g, member, false))
    }
  }
  member.joinPending = from
  member.lastHeartbeatMs = w.nowMs
  if (g.state === 'PreparingRebalance') {
    if (g.initialDelay) extendInitialDelay(w, b, g)
    return maybeCompleteJoin(w, b, g)
  }
  prepareRebalance(w, b, g, `${member.clientId} joined: ${m.reason || 'new member'}`, { code: 'memberJoined', member: member.clientId, joinReason: m.reason || '' })
}

function addMember(w: World, g: ClassicGroup, memberId: string, instanceId: string | null, m: JoinGroupRequest): GroupMember {
  const member: GroupMember = {
    memberId,
    groupInstanceId: instanceId,
    clientId: m.clientId,
    node: m.from,
    sessionTimeoutMs: m.sessionTimeoutMs,
    rebalanceTimeoutMs: m.rebalanceTimeoutMs,
    protocols: m.protocols,
    assignment: [],
    lastHeartbeatMs: w.nowMs,
    joinPending: null,
    syncPending: null,
  }
  g.members[memberId] = member
  g.memberOrder.push(memberId)
  if (instanceId) g.staticMembers[instanceId] = memberId
  return member
}

/** KIP-345: a known group.instance.id rejoins with a new member id. */
function replaceStaticMember(w: World, b: BrokerNode, g: ClassicGroup, oldId: string, newId: string, m: JoinGroupRequest, from: PendingReply): void {
  const old = g.members[oldId]
  if (!old) {
    delete g.staticMembers[m.groupInstanceId as string]
    return onJoin(w, b, g, { ...m, memberId: '' }, from)
  }
  if (old.joinPending) reply(w, b, old.joinPending, joinError('FENCED_INSTANCE_ID', oldId))
  if (old.syncPending) reply(w, b, old.syncPending, { api: 'SyncGroupResponse', error: 'FENCED_INSTANCE_ID', assignment: [] })
  const member: GroupMember = { ...old, memberId: newId, node: m.from, joinPending: null, syncPending: null, lastHeartbeatMs: w.nowMs }
  delete g.members[oldId]
  g.members[newId] = member
  g.memberOrder[g.memberOrder.indexOf(oldId)] = newId
  g.staticMembers[member.groupInstanceId!] = newId
  if (g.leaderId === oldId) g.leaderId = newId
  member.protocols = m.protocols
  member.sessionTimeoutMs = m.sessionTimeoutMs
  member.rebalanceTimeoutMs = m.rebalanceTimeoutMs
  // updateStaticMemberThenRebalanceOrCompleteJoin: in Stable, only a change of the group's selected
  // protocol for the next generation rebalances — not the subscription bytes (owned partitions,
  // generation). The member, the leader too, gets the current generation with skipAssignment
  // (KIP-814): a returning static leader does not compute a new assignment.
  if (g.state === 'Stable' && electProtocol(g) === g.protocolName) {
    emit(w, { type: 'StaticMemberReturned', groupId: g.groupId, instanceId: member.groupInstanceId!, generation: g.generation })
    appendRecords(w, b, offsetsTp(w, g.groupId), [groupRecord(g)])
    return reply(w, b, from, joinResponse(g, member, true))
  }
  member.joinPending = from
  if (g.state === 'PreparingRebalance') return maybeCompleteJoin(w, b, g)
  prepareRebalance(w, b, g, `static member ${member.groupInstanceId} rejoined`, { code: 'staticMemberRejoined', instanceId: member.groupInstanceId! })
}

function joinResponse(g: ClassicGroup, member: GroupMember, skipAssignment: boolean): Unsent<JoinGroupResponse> {
  const isLeader = g.leaderId === member.memberId
  return {
    api: 'JoinGroupResponse',
    error: 'NONE',
    generation: g.generation,
    protocolName: g.protocolName ?? '',
    leader: g.leaderId ?? '',
    memberId: member.memberId,
    members: isLeader
      ? g.memberOrder.map((id) => ({
          memberId: id,
          groupInstanceId: g.members[id].groupInstanceId,
          metadata: chosenMetadata(g, g.members[id]),
        }))
      : [],
    skipAssignment,
  }
}

function chosenMetadata(g: ClassicGroup, m: GroupMember): Subscription {
  return (m.protocols.find((p) => p.name === g.protocolName) ?? m.protocols[0]).metadata
}

function prepareRebalance(w: World, b: BrokerNode, g: ClassicGroup, reason: string, cause: GroupStateReason): void {
  if (g.state === 'CompletingRebalance') {
    for (const id of g.memberOrder) {
      const m = g.members[id]
      if (m.syncPending) reply(w, b, m.syncPending, { api: 'SyncGroupResponse', error: 'REBALANCE_IN_PROGRESS', assignment: [] })
      m.syncPending = null
    }
  }
  const wasEmpty = g.state === 'Empty'
  transition(w, g, 'PreparingRebalance', cause)
  g.rebalanceReason = reason
  const rebalanceTimeout = maxRebalanceTimeout(g)
  if (wasEmpty) {
    g.initialDelay = true
    g.joinDeadlineMs = w.nowMs + Math.min(w.brokerConfig['group.initial.rebalance.delay.ms'], rebalanceTimeout)
    g.initialDeadlineCapMs = w.nowMs + rebalanceTimeout
  } else {
    g.initialDelay = false
    g.joinDeadlineMs = w.nowMs + rebalanceTimeout
  }
  armCoordinator(w, b, g.joinDeadlineMs)
  maybeCompleteJoin(w, b, g)
}

function extendInitialDelay(w: World, b: BrokerNode, g: ClassicGroup): void {
  const delay = w.brokerConfig['group.initial.rebalance.delay.ms']
  g.joinDeadlineMs = Math.min(w.nowMs + delay, g.initialDeadlineCapMs)
  armCoordinator(w, b, g.joinDeadlineMs)
}

function maxRebalanceTimeout(g: ClassicGroup): number {
  let t = 0
  for (const id of g.memberOrder) t = Math.max(t, g.members[id].rebalanceTimeoutMs)
  return t
}

function transition(w: World, g: ClassicGroup, to: ClassicGroupState, reason: GroupStateReason | null): void {
  if (g.state === to) return
  emit(w, { type: 'GroupStateChanged', groupId: g.groupId, from: g.state, to, reason })
  g.state = to
}

function allJoined(g: ClassicGroup): boolean {
  if (g.pendingMemberIds.length > 0) return false
  for (const id of g.memberOrder) if (!g.members[id].joinPending) return false
  return true
}

function maybeCompleteJoin(w: World, b: BrokerNode, g: ClassicGroup): void {
  if (g.state !== 'PreparingRebalance') return
  if (g.initialDelay ? w.nowMs >= g.joinDeadlineMs : allJoined(g) || w.nowMs >= g.joinDeadlineMs) completeJoin(w, b, g)
}

/** completeClassicGroupJoin: drop absent dynamic members, next generation, answer every join. */
function completeJoin(w: World, b: BrokerNode, g: ClassicGroup): void {
  for (const id of g.memberOrder.slice()) {
    const m = g.members[id]
    if (!m.joinPending && !m.groupInstanceId) removeMember(w, g, id, { code: 'rejoinTimeout' })
  }
  g.pendingMemberIds = []
  g.generation++
  g.initialDelay = false
  if (g.memberOrder.length === 0) {
    g.protocolName = null
    g.leaderId = null
    transition(w, g, 'Empty', { code: 'noMembers', generation: g.generation })
    appendRecords(w, b, offsetsTp(w, g.groupId), [groupRecord(g)])
    return
  }
  g.protocolName = electProtocol(g)
  if (!g.leaderId || !g.members[g.leaderId] || !g.members[g.leaderId].joinPending) {
    g.leaderId = g.memberOrder.find((id) => g.members[id].joinPending) ?? g.memberOrder[0]
  }
  transition(w, g, 'CompletingRebalance', { code: 'generationFormed', generation: g.generation, protocol: g.protocolName, leader: g.members[g.leaderId].clientId })
  for (const id of g.memberOrder) {
    const m = g.members[id]
    m.lastHeartbeatMs = w.nowMs
    if (!m.joinPending) continue
    reply(w, b, m.joinPending, joinResponse(g, m, false))
    m.joinPending = null
  }
  armCoordinator(w, b, w.nowMs)
}

/** Each member votes for its first protocol that every member supports (ClassicGroup.vote). */
function electProtocol(g: ClassicGroup): string {
  const members = g.memberOrder.map((id) => g.members[id])
  const candidates = members[0].protocols.map((p) => p.name).filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)))
  const votes: Record<string, number> = {}
  for (const m of members) {
    const choice = m.protocols.find((p) => candidates.includes(p.name))?.name
    if (choice) votes[choice] = (votes[choice] ?? 0) + 1
  }
  let best = candidates[0] ?? members[0].protocols[0].name
  for (const c of candidates) if ((votes[c] ?? 0) > (votes[best] ?? 0)) best = c
  return best
}

function removeMember(w: World, g: ClassicGroup, memberId: string, why: MemberRemovedReason): void {
  const m = g.members[memberId]
  if (!m) return
  emit(w, { type: 'MemberRemoved', groupId: g.groupId, member: m.clientId, reason: why })
  delete g.members[memberId]
  g.memberOrder = g.memberOrder.filter((id) => id !== memberId)
  if (m.groupInstanceId && g.staticMembers[m.groupInstanceId] === memberId) delete g.staticMembers[m.groupInstanceId]
  if (g.leaderId === memberId) g.leaderId = null
}

function onSync(w: World, b: BrokerNode, g: ClassicGroup, m: SyncGroupRequest, from: PendingReply): void {
  const member = g.members[m.memberId]
  const fail = (error: string) => reply(w, b, from, { api: 'SyncGroupResponse', error, assignment: [] })
  const invalid = memberError(g, m.memberId, m.groupInstanceId ?? null)
  if (invalid) return fail(invalid)
  if (m.generation !== g.generation) return fail('ILLEGAL_GENERATION')
  if (g.state === 'PreparingRebalance') return fail('REBALANCE_IN_PROGRESS')
  if (g.state === 'Stable') return reply(w, b, from, syncAnswer(member))
  if (g.state !== 'CompletingRebalance') return fail('UNKNOWN_MEMBER_ID')
  member.syncPending = from
  member.lastHeartbeatMs = w.nowMs
  if (g.leaderId !== member.memberId) return
  const assignments = m.assignments
  for (const id of g.memberOrder) {
    g.members[id].assignment = (assignments[id] ?? []).slice()
    const raw = m.rawAssignments?.[id]
    if (raw !== undefined) g.members[id].rawAssignment = raw
    else delete g.members[id].rawAssignment
  }
  const required = appendRecords(w, b, offsetsTp(w, g.groupId), [groupRecord({ ...g, state: 'Stable' })])
  b.coordinator.pendingWrites.push({ tp: offsetsTp(w, g.groupId), requiredOffset: required, groupId: g.groupId, kind: 'sync', reply: null, response: null, offsets: {}, generation: g.generation })
  completeWrites(w, b, b.replicas[offsetsTp(w, g.groupId)])
}

function finishSync(w: World, b: BrokerNode, g: ClassicGroup): void {
  transition(w, g, 'Stable', { code: 'assigned', generation: g.generation })
  for (const id of g.memberOrder) {
    const m = g.members[id]
    if (!m.syncPending) continue
    reply(w, b, m.syncPending, syncAnswer(m))
    m.syncPending = null
  }
}

/** SyncGroup's answer to a member: its assignment, with a real leader's bytes when it made it. */
function syncAnswer(m: GroupMember): Unsent<GroupResponse> {
  return m.rawAssignment === undefined ? { api: 'SyncGroupResponse', error: 'NONE', assignment: m.assignment } : { api: 'SyncGroupResponse', error: 'NONE', assignment: m.assignment, raw: m.rawAssignment }
}

/**
 * ClassicGroup.validateMember: a known group.instance.id under another member id is fenced
 * (FENCED_INSTANCE_ID) before the member id is looked up (UNKNOWN_MEMBER_ID).
 */
function memberError(g: ClassicGroup, memberId: string, instanceId: string | null): string | null {
  if (instanceId) {
    const current = g.staticMembers[instanceId]
    if (current !== undefined && current !== memberId) return 'FENCED_INSTANCE_ID'
  }
  return g.members[memberId] ? null : 'UNKNOWN_MEMBER_ID'
}

/**
 * Classic Heartbeat: a member of the current generation gets REBALANCE_IN_PROGRESS while the group
 * prepares a rebalance, and NONE otherwise — also in CompletingRebalance, where members may start
 * heartbeating after their JoinGroup response.
 */
function heartbeatError(w: World, g: ClassicGroup, m: HeartbeatRequest): string {
  if (g.state === 'Empty' || g.state === 'Dead') return 'UNKNOWN_MEMBER_ID'
  const invalid = memberError(g, m.memberId, m.groupInstanceId ?? null)
  if (invalid) return invalid
  if (m.generation !== g.generation) return 'ILLEGAL_GENERATION'
  g.members[m.memberId].lastHeartbeatMs = w.nowMs
  return g.state === 'PreparingRebalance' ? 'REBALANCE_IN_PROGRESS' : 'NONE'
}

function onLeave(w: World, b: BrokerNode, g: ClassicGroup, m: LeaveGroupRequest, from: PendingReply): void {
  const instanceId = m.groupInstanceId
  const memberId = instanceId ? g.staticMembers[instanceId] ?? m.memberId : m.memberId
  const member = g.members[memberId]
  if (!member) return reply(w, b, from, { api: 'LeaveGroupResponse', error: 'UNKNOWN_MEMBER_ID' })
  reply(w, b, from, { api: 'LeaveGroupResponse', error: 'NONE' })
  removeMember(w, g, memberId, { code: 'leaveGroup', leaveReason: m.reason || '' })
  memberGone(w, b, g, `${member.clientId} left the group`, { code: 'memberLeft', member: member.clientId })
}

function memberGone(w: World, b: BrokerNode, g: ClassicGroup, reason: string, cause: GroupStateReason): void {
  if (g.state === 'Stable' || g.state === 'CompletingRebalance') prepareRebalance(w, b, g, reason, cause)
  else if (g.state === 'PreparingRebalance') maybeCompleteJoin(w, b, g)
}

function onCommit(w: World, b: BrokerNode, g: ClassicGroup, m: OffsetCommitRequest, from: PendingReply): void {
  const generation = m.generation
  const fail = (error: string) => reply(w, b, from, { api: 'OffsetCommitResponse', error, offsets: {} })
  if (generation >= 0 || m.memberId) {
    const invalid = memberError(g, m.memberId, m.groupInstanceId ?? null)
    if (invalid) return fail(invalid)
    const member = g.members[m.memberId]
    if (generation !== g.generation) return fail('ILLEGAL_GENERATION')
    if (g.state === 'CompletingRebalance') return fail('REBALANCE_IN_PROGRESS')
    member.lastHeartbeatMs = w.nowMs
  } else if (g.state !== 'Empty') return fail('UNKNOWN_MEMBER_ID')
  writeOffsets(w, b, g.groupId, m.offsets, from, generation)
}

/** Write committed offsets; the commit is answered (and takes effect) once the records are committed. */
function writeOffsets(w: World, b: BrokerNode, groupId: string, offsets: Record<string, number>, from: PendingReply | null, generation: number): void {
  const tp = offsetsTp(w, groupId)
  const records: OffsetsRecord[] = Object.keys(offsets).map((t) => ({ type: 'offset', groupId, tp: t, offset: offsets[t] }))
  const required = appendRecords(w, b, tp, records)
  b.coordinator.pendingWrites.push({ tp, requiredOffset: required, groupId, kind: 'commit', reply: from, response: null, offsets, generation })
  completeWrites(w, b, b.replicas[tp])
}

/**
 * kafka-consumer-groups --reset-offsets --execute: an admin OffsetCommit outside the group protocol.
 * Kafka allows it only while the group is inactive (Empty, or unknown).
 */
export function adminCommitOffsets(w: World, b: BrokerNode, groupId: string, offsets: Record<string, number>): string {
  const tp = offsetsTp(w, groupId)
  const r = b.replicas[tp]
  if (!r || r.role !== 'leader' || !b.coordinator.loaded[tp]) return 'NOT_COORDINATOR'
  const g = b.coordinator.consumerGroups[groupId] ?? (b.coordinator.groups[groupId] ??= emptyGroup(groupId, r.partition))
  if (g.state !== 'Empty' && g.state !== 'Dead') {
    return `Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${g.state}.`
  }
  writeOffsets(w, b, groupId, offsets, null, -1)
  emit(w, { type: 'OffsetsReset', groupId, offsets: Object.keys(offsets).map((t): [string, number] => [t, offsets[t]]) })
  return 'NONE'
}

// ------------------------------------------------------------------ KIP-848 consumer groups

/**
 * ConsumerGroupHeartbeat: the group is made by the first member's join (taking the committed offsets
 * of an empty classic group of the same id; a classic group with members is not a consumer group:
 * GROUP_ID_NOT_FOUND). The answer waits until the group's new record is committed, as the
 * coordinator runtime completes a write's response at the high watermark.
 */
function onConsumerGroupHeartbeat(w: World, b: BrokerNode, m: ConsumerGroupHeartbeatRequest, from: PendingReply, partition: number): void {
  const c = b.coordinator
  let g = c.consumerGroups[m.groupId]
  if (g === undefined) {
    const classic = c.groups[m.groupId]
    if (classic !== undefined && classic.state !== 'Empty' && classic.state !== 'Dead') return reply(w, b, from, errorResponse(m.api, 'GROUP_ID_NOT_FOUND', m.memberId))
    if (m.memberEpoch !== 0) return reply(w, b, from, errorResponse(m.api, 'UNKNOWN_MEMBER_ID', m.memberId))
    g = newConsumerGroup(m.groupId, partition)
    if (classic !== undefined) g.committed = classic.committed
  }
  const out = consumerGroupHeartbeat(w, b, g, m)
  const tp = offsetsTp(w, g.groupId)
  if (!out.changed) {
    // a read: answered at once, unless writes are still on their way to the HW (CoordinatorRuntime
    // then answers it with the last of them, so that nothing uncommitted is seen)
    if (!c.pendingWrites.some((pw) => pw.tp === tp)) return reply(w, b, from, out.response)
    c.pendingWrites.push({ tp, requiredOffset: b.replicas[tp].leo, groupId: g.groupId, kind: 'respond', reply: from, response: out.response, offsets: {}, generation: -1 })
    return
  }
  if (c.consumerGroups[m.groupId] === undefined) {
    c.consumerGroups[m.groupId] = g
    delete c.groups[m.groupId]
  }
  const member = g.members[out.response.memberId]
  if (member !== undefined) armCoordinator(w, b, member.revokeDeadlineMs >= 0 ? member.revokeDeadlineMs : w.nowMs + w.brokerConfig['group.consumer.session.timeout.ms'] + 1)
  const required = appendRecords(w, b, tp, [consumerGroupRecord(g)])
  c.pendingWrites.push({ tp, requiredOffset: required, groupId: g.groupId, kind: 'respond', reply: from, response: out.response, offsets: {}, generation: -1 })
  completeWrites(w, b, b.replicas[tp])
}

/**
 * A consumer group's other requests: offsets (ConsumerGroup.validateOffsetCommit: the member's
 * current epoch, else STALE_MEMBER_EPOCH; -1 from outside the group only while it is empty), and the
 * classic protocol's requests, which kafkascope does not let join a consumer group.
 */
function consumerGroupRequest(w: World, b: BrokerNode, g: ConsumerGroup, m: Exclude<GroupRequest, FindCoordinatorRequest | ConsumerGroupHeartbeatRequest | ShareGroupHeartbeatRequest>, from: PendingReply): void {
  switch (m.api) {
    case 'OffsetCommit': {
      const fail = (error: string) => reply(w, b, from, { api: 'OffsetCommitResponse', error, offsets: {} })
      if (!(m.generation < 0 && g.memberOrder.length === 0)) {
        const member = g.members[m.memberId]
        if (member === undefined) return fail('UNKNOWN_MEMBER_ID')
        if (m.generation !== member.memberEpoch) return fail('STALE_MEMBER_EPOCH')
      }
      return writeOffsets(w, b, g.groupId, m.offsets, from, m.generation)
    }
    case 'OffsetFetch': {
      return reply(w, b, from, { api: 'OffsetFetchResponse', error: 'NONE', offsets: committedOffsets(g.committed, m.tps) })
    }
    default:
      return reply(w, b, from, errorResponse(m.api, 'INCONSISTENT_GROUP_PROTOCOL', m.api === 'JoinGroup' ? m.memberId : ''))
  }
}

// ------------------------------------------------------------------ KIP-932 share groups

/** ShareGroupHeartbeat: like a consumer group's, the answer waits for the group's record to be committed. */
function onShareGroupHeartbeat(w: World, b: BrokerNode, m: ShareGroupHeartbeatRequest, from: PendingReply, partition: number): void {
  const c = b.coordinator
  if (c.groups[m.groupId] !== undefined || c.consumerGroups[m.groupId] !== undefined) return reply(w, b, from, errorResponse(m.api, 'GROUP_ID_NOT_FOUND', m.memberId))
  const g = c.shareGroups[m.groupId] ?? newShareGroup(m.groupId, partition)
  const out = shareGroupHeartbeat(w, b, g, m)
  const tp = offsetsTp(w, g.groupId)
  if (!out.changed) {
    if (!c.pendingWrites.some((pw) => pw.tp === tp)) return reply(w, b, from, out.response)
    c.pendingWrites.push({ tp, requiredOffset: b.replicas[tp].leo, groupId: g.groupId, kind: 'respond', reply: from, response: out.response, offsets: {}, generation: -1 })
    return
  }
  c.shareGroups[m.groupId] = g
  armCoordinator(w, b, w.nowMs + w.brokerConfig['group.share.session.timeout.ms'] + 1)
  const required = appendRecords(w, b, tp, [{ type: 'shareGroup', groupId: g.groupId, group: structuredClone(g) }])
  c.pendingWrites.push({ tp, requiredOffset: required, groupId: g.groupId, kind: 'respond', reply: from, response: out.response, offsets: {}, generation: -1 })
  completeWrites(w, b, b.replicas[tp])
}

// ------------------------------------------------------------------ timers

export function armCoordinator(w: World, b: BrokerNode, at: number): void {
  const c = b.coordinator
  const t = Math.max(at, w.nowMs)
  if (c.timerAt >= w.nowMs && c.timerAt <= t) return
  c.timerAt = t
  timer(w, b.node, 'coord.tick', t - w.nowMs, t)
}

/** Session expiry and join deadlines. */
export function coordinatorTimer(w: World, b: BrokerNode, at: number): void {
  const c = b.coordinator
  if (at !== c.timerAt) return
  c.timerAt = -1
  let next = Infinity
  for (const id of Object.keys(c.groups).sort()) {
    const g = c.groups[id]
    for (const mid of g.memberOrder.slice()) {
      const m = g.members[mid]
      const deadline = m.lastHeartbeatMs + m.sessionTimeoutMs
      if (deadline <= w.nowMs && !m.joinPending) {
        removeMember(w, g, mid, { code: 'sessionTimeout', sinceHeartbeatMs: w.nowMs - m.lastHeartbeatMs, sessionTimeoutMs: m.sessionTimeoutMs })
        memberGone(w, b, g, `${m.clientId}'s session expired`, { code: 'sessionExpired', member: m.clientId })
      } else if (!m.joinPending) next = Math.min(next, deadline + 1)
    }
    maybeCompleteJoin(w, b, g)
    if (g.state === 'PreparingRebalance') next = Math.min(next, g.joinDeadlineMs)
  }
  for (const id of Object.keys(c.consumerGroups).sort()) {
    const g = c.consumerGroups[id]
    const { changed, nextMs } = expireConsumerMembers(w, g)
    if (changed) appendRecords(w, b, offsetsTp(w, id), [consumerGroupRecord(g)])
    next = Math.min(next, nextMs)
  }
  for (const id of Object.keys(c.shareGroups).sort()) {
    const g = c.shareGroups[id]
    const { changed, nextMs } = expireShareMembers(w, g)
    if (changed) appendRecords(w, b, offsetsTp(w, id), [{ type: 'shareGroup', groupId: id, group: structuredClone(g) }])
    next = Math.min(next, nextMs)
  }
  if (next !== Infinity) armCoordinator(w, b, next)
}

