/**
 * A classic group member's side of the rebalance protocol once its requests are answered, as
 * AbstractCoordinator and ConsumerCoordinator handle the responses: FindCoordinator; JoinGroup
 * (MEMBER_ID_REQUIRED: rejoin with the given id, KIP-394; the leader fetches metadata for every
 * member's topics and runs the voted assignor); SyncGroup and onJoinComplete (revoke owned −
 * assigned, take assigned − owned; a COOPERATIVE member that revoked any rejoins at once); and the
 * heartbeat thread (a Heartbeat every heartbeat.interval.ms while COMPLETING_REBALANCE or STABLE,
 * and what its errors do to the generation).
 */
import { nextCorrelationId } from '../../kernel/node-io.ts'
import { send } from '../../kafka/wire.ts'
import { emit } from '../../kafka/events.ts'
import type { World } from '../../nodes/world.ts'
import type { Assignor } from '../../kafka/config.ts'
import type { JoinGroupResponse } from '../../kafka/messages.ts'
import type { MessageOf } from '../../kafka/messages.ts'
import { assignPartitions } from '../../coordinator/assignors/index.ts'
import { recordAssigned } from '../../history/group-history.ts'
import type { MemberNode, PendingAssignment } from '../group-consumer-types.ts'
import { countError } from '../fetcher.ts'
import { compareTps, addPartition, revoke } from './subscription.ts'
import {
  COORDINATOR_GONE,
  ensureCoordinator,
  leastLoadedBroker,
  unavailable,
  abandonFindCoordinator,
  findCoordinatorFailed,
  sendToCoordinator,
  retryLater,
  requestRejoin,
  resetStateAndRejoin,
  fatal,
  armHeartbeat,
  armHeartbeatAt,
} from './coordinator.ts'
import { applyLeaders } from './fetch.ts'
import { armAutoCommit } from './offsets.ts'
import { sendJoinGroup } from './rebalance.ts'
import { closeStep } from './close.ts'
import { markCoordinatorUnknown } from './offset-results.ts'

/** The coordinator is known: heartbeats resume if in a generation, and a close goes on. */
export function onFindCoordinator(w: World, m: MemberNode, msg: MessageOf<'FindCoordinatorResponse'>): void {
  if (!m.findCoordinator || m.findCoordinator.corr !== msg.corr) return
  m.findCoordinator = null
  const nodeId = msg.nodeId
  if (msg.error !== 'NONE' || nodeId < 0) return findCoordinatorFailed(w, m, msg.error)
  if (m.failures === 0 || nodeId !== m.lastCoordinator) emit(w, { type: 'CoordinatorFound', member: m.id, groupId: m.groupId, broker: nodeId })
  m.coordinator = nodeId
  m.lastCoordinator = nodeId
  m.lastHeartbeatOkMs = w.nowMs
  if (m.state === 'syncing' || m.state === 'stable') armHeartbeat(w, m, 0)
  if (m.closing) closeStep(w, m)
}

/** AbstractCoordinator.JoinGroupResponseHandler. */
export function onJoinGroupResponse(w: World, m: MemberNode, r: JoinGroupResponse): void {
  if (!m.join || m.join.corr !== r.corr || m.closing) return
  m.join = null
  if (r.error === 'NONE') {
    m.failures = 0
    return joined(w, m, r)
  }
  countError(m, r.error)
  switch (r.error) {
    case 'MEMBER_ID_REQUIRED':
      m.memberId = r.memberId
      return sendJoinGroup(w, m)
    case 'UNKNOWN_MEMBER_ID':
      m.memberId = ''
      m.generation = -1
      return sendJoinGroup(w, m)
    case 'REBALANCE_IN_PROGRESS':
      return sendJoinGroup(w, m)
    case 'FENCED_INSTANCE_ID':
    case 'GROUP_MAX_SIZE_REACHED':
    case 'INCONSISTENT_GROUP_PROTOCOL':
    case 'INVALID_SESSION_TIMEOUT':
      return fatal(w, m, r.error)
  }
  if (COORDINATOR_GONE.has(r.error)) markCoordinatorUnknown(w, m, r.error)
  retryLater(w, m)
}

/** JoinGroup succeeded: COMPLETING_REBALANCE, heartbeats on; the leader assigns, everyone syncs. */
function joined(w: World, m: MemberNode, r: JoinGroupResponse): void {
  m.state = 'syncing'
  m.memberId = r.memberId
  m.generation = r.generation
  m.protocolName = r.protocolName
  m.leaderId = r.leader
  m.lastHeartbeatOkMs = w.nowMs
  m.lastHeartbeatSentMs = w.nowMs
  armHeartbeat(w, m, m.cfg['heartbeat.interval.ms'])
  const leader = r.leader === r.memberId
  if (!leader) m.assignedCounts = null
  if (!leader || r.skipAssignment) return sendSyncGroup(w, m, {})
  const topics = [...new Set(r.members.flatMap((x) => x.metadata.topics))].sort()
  m.pendingAssignment = { corr: 0, node: -1, deadline: 0, generation: r.generation, protocolName: r.protocolName, members: r.members, topics }
  resendAssignmentMetadata(w, m)
}

/** The leader's Metadata request for every subscribed topic (partition counts for the assignor). */
export function resendAssignmentMetadata(w: World, m: MemberNode): void {
  const pa = m.pendingAssignment
  if (!pa) return
  const node = leastLoadedBroker(w.brokerIds, m.metaTarget, m.lastHeardMs, (b) => unavailable(w, m, b))
  const corr = nextCorrelationId(w)
  Object.assign(pa, { corr, node, deadline: w.nowMs + m.cfg['request.timeout.ms'] })
  send(w, m.id, String(node), { api: 'Metadata', from: m.id, corr, topics: pa.topics })
}

export function onAssignmentMetadata(w: World, m: MemberNode, msg: MessageOf<'MetadataResponse'>): void {
  const pa = m.pendingAssignment!
  m.pendingAssignment = null
  if (pa.generation !== m.generation || m.state !== 'syncing') return
  const meta = msg.topics
  applyLeaders(m, meta)
  const counts: Record<string, number> = {}
  for (const t of pa.topics) if (meta[t]?.error === 'NONE' && meta[t].partitions.length > 0) counts[t] = meta[t].partitions.length
  const assignments = assignPartitions(pa.protocolName as Assignor, assignorInput(pa.members, counts))
  for (const mm of pa.members) assignments[mm.memberId] ??= []
  m.assignedCounts = counts
  m.groupTopics = pa.topics
  sendSyncGroup(w, m, assignments)
}

/** The leader's assignor input from the JoinGroup members (only topics with partitions count). */
export function assignorInput(
  members: PendingAssignment['members'],
  counts: Record<string, number>,
): { topics: Record<string, number>; members: Record<string, string[]>; groupInstanceIds: Record<string, string>; previous: Record<string, string[]>; generation: Record<string, number> } {
  const input = { topics: counts, members: {} as Record<string, string[]>, groupInstanceIds: {} as Record<string, string>, previous: {} as Record<string, string[]>, generation: {} as Record<string, number> }
  for (const mm of members) {
    input.members[mm.memberId] = mm.metadata.topics.filter((t) => counts[t] !== undefined)
    if (mm.groupInstanceId) input.groupInstanceIds[mm.memberId] = mm.groupInstanceId
    input.previous[mm.memberId] = mm.metadata.ownedPartitions.slice()
    input.generation[mm.memberId] = mm.metadata.generation
  }
  return input
}

function sendSyncGroup(w: World, m: MemberNode, assignments: Record<string, string[]>): void {
  const sent = sendToCoordinator(w, m, {
    api: 'SyncGroup',
    groupId: m.groupId,
    generation: m.generation,
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    assignments,
  }, m.cfg['request.timeout.ms'])
  m.sync = { ...sent, generation: m.generation }
}

/** AbstractCoordinator.SyncGroupResponseHandler: the assignment, or back to joining. */
export function onSyncGroupResponse(w: World, m: MemberNode, msg: MessageOf<'SyncGroupResponse'>): void {
  if (!m.sync || m.sync.corr !== msg.corr || m.closing) return
  const sentGeneration = m.sync.generation
  m.sync = null
  const error = msg.error
  if (error === 'NONE') {
    m.failures = 0
    return onJoinComplete(w, m, msg.assignment.slice().sort(compareTps))
  }
  countError(m, error)
  m.state = 'joining'
  if (error === 'FENCED_INSTANCE_ID') return fatal(w, m, error)
  if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
    if (sentGeneration === m.generation) resetStateAndRejoin(w, m, `encountered ${error} from SyncGroup response`, error === 'UNKNOWN_MEMBER_ID')
    return
  }
  requestRejoin(m, `SyncGroup failed: ${error}`)
  if (COORDINATOR_GONE.has(error)) markCoordinatorUnknown(w, m, error)
  if (error !== 'REBALANCE_IN_PROGRESS') retryLater(w, m)
}

/** ConsumerCoordinator.onJoinComplete: revoke what went elsewhere, take the new partitions. */
function onJoinComplete(w: World, m: MemberNode, assigned: string[]): void {
  const { revoked, added } = assignmentChanges(m.owned.map((p) => p.tp), assigned)
  revoke(w, m, revoked, false)
  for (const tp of added) addPartition(m, tp)
  m.owned.sort((a, b) => compareTps(a.tp, b.tp))
  m.state = 'stable'
  m.rejoinNeeded = false
  m.rejoinReason = ''
  m.needsJoinPrepare = true
  m.rebalances++
  m.lastAssignment = assigned
  m.lastAssignmentGeneration = m.generation
  recordAssigned(w, { groupId: m.groupId, protocol: 'classic', member: m.id, memberId: m.memberId, generation: m.generation, tps: assigned.slice(), added })
  emit(w, { type: 'AssignmentReceived', member: m.id, groupId: m.groupId, generation: m.generation, protocol: m.protocolName, partitions: assigned.slice() })
  if (m.cfg['enable.auto.commit']) armAutoCommit(w, m, w.nowMs + m.cfg['auto.commit.interval.ms'])
  if (revoked.length > 0 && m.protocol === 'COOPERATIVE') requestRejoin(m, `need to revoke partitions ${revoked.join(', ')} and re-join`)
}

/**
 * What a SyncGroup assignment changes (ConsumerCoordinator.onJoinComplete): the partitions to
 * revoke (owned − assigned) and to add (assigned − owned). Under EAGER `owned` is already empty
 * (onJoinPrepare revoked everything); the same rule then gives "all assigned are new".
 */
export function assignmentChanges(owned: readonly string[], assigned: readonly string[]): { revoked: string[]; added: string[] } {
  const a = new Set(assigned)
  const o = new Set(owned)
  return {
    revoked: owned.filter((tp) => !a.has(tp)).sort(compareTps),
    added: assigned.filter((tp) => !o.has(tp)).sort(compareTps),
  }
}

/** The heartbeat thread: runs while COMPLETING_REBALANCE or STABLE. */
export function onHeartbeatTimer(w: World, m: MemberNode): void {
  if (m.state !== 'syncing' && m.state !== 'stable') return
  const backoff = m.cfg['retry.backoff.ms']
  if (m.coordinator < 0) {
    // HeartbeatThread: a lookup still unanswered after a backoff is dropped and tried elsewhere
    if (m.findCoordinator && w.nowMs - m.findCoordinator.sentMs >= backoff) abandonFindCoordinator(m)
    ensureCoordinator(w, m)
    return armHeartbeat(w, m, backoff)
  }
  if (w.nowMs - m.lastHeartbeatOkMs > m.cfg['session.timeout.ms']) {
    markCoordinatorUnknown(w, m, 'REQUEST_TIMED_OUT')
    return armHeartbeat(w, m, backoff)
  }
  // Like Kafka's HeartbeatThread, send every heartbeat.interval.ms even if the last one is still
  // unanswered, so one heartbeat lost to a cut link does not silence the member for a whole
  // request timeout.
  const due = m.lastHeartbeatSentMs + m.cfg['heartbeat.interval.ms']
  if (w.nowMs < due) return armHeartbeatAt(w, m, due)
  sendHeartbeat(w, m)
  armHeartbeat(w, m, m.cfg['heartbeat.interval.ms'])
}

function sendHeartbeat(w: World, m: MemberNode): void {
  m.lastHeartbeatSentMs = w.nowMs
  const sent = sendToCoordinator(w, m, {
    api: 'Heartbeat',
    groupId: m.groupId,
    generation: m.generation,
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
  }, m.cfg['request.timeout.ms'])
  m.heartbeat = { ...sent, generation: m.generation, memberId: m.memberId }
}

/** AbstractCoordinator.HeartbeatResponseHandler: generation errors act only on the generation it was sent in. */
export function onHeartbeatResponse(w: World, m: MemberNode, msg: MessageOf<'HeartbeatResponse'>): void {
  const hb = m.heartbeat
  // the answer to the latest heartbeat, or to an earlier one still on its way
  if (!hb || msg.corr > hb.corr) return
  if (msg.corr === hb.corr) m.heartbeat = null
  const error = msg.error
  if (error === 'NONE' || error === 'REBALANCE_IN_PROGRESS') {
    m.lastHeartbeatOkMs = w.nowMs
    m.failures = 0
  }
  if (error === 'NONE') return
  countError(m, error)
  const sameGeneration = hb.generation === m.generation && hb.memberId === m.memberId
  if (error === 'REBALANCE_IN_PROGRESS') {
    if (m.state === 'stable') requestRejoin(m, 'group is already rebalancing')
  } else if (error === 'ILLEGAL_GENERATION' || error === 'UNKNOWN_MEMBER_ID') {
    if (sameGeneration) resetStateAndRejoin(w, m, `encountered ${error} from Heartbeat response`, error === 'UNKNOWN_MEMBER_ID')
  } else if (error === 'FENCED_INSTANCE_ID') {
    if (sameGeneration) fatal(w, m, error)
  } else if (COORDINATOR_GONE.has(error)) markCoordinatorUnknown(w, m, error)
}
