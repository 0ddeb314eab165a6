/**
 * A share group (KIP-932) on the group coordinator: ShareGroupHeartbeat, the group epoch and the
 * target assignment the simple assignor computes, members fenced when their session expires.
 *
 * Follows group-coordinator/.../GroupMetadataManager.java (shareGroupHeartbeat, shareGroupLeave,
 * shareGroupFenceMember, throwIfShareGroupMemberEpochIsInvalid) and modern/share/ShareGroup.java,
 * ShareGroupMember.java, ShareGroupAssignmentBuilder.java (apache/kafka 4.x):
 * - a member joins with epoch 0 and leaves with -1; a new member, a leaving or fenced one, a changed
 *   subscription or a subscribed topic's new partition count bumps the group epoch, and the next
 *   heartbeat computes the target assignment (SimpleAssignor: several members may share a partition);
 * - unlike a consumer group there is nothing to revoke: a member moves straight to the target epoch
 *   with its share of the target (ShareGroupAssignmentBuilder), since records, not partitions, are
 *   what members hold (cluster/share-partition.ts);
 * - an epoch above the member's is FENCED_MEMBER_EPOCH, below it too unless it is the previous one;
 *   a member silent for group.share.session.timeout.ms is fenced.
 * Group states: Empty, Stable, Dead (ShareGroup.ShareGroupState).
 *
 * Invariants: the group epoch and the assignment epoch never go down; assignmentEpoch <= groupEpoch;
 * a member's assignment is its share of the target assignment of its epoch.
 */
import type { World } from '../../nodes/world.ts'
import type { BrokerNode } from '../../cluster/types.ts'
import type { HeartbeatTopicPartitions, ShareGroupHeartbeatRequest, ShareGroupHeartbeatResponse, Unsent } from '../../kafka/messages.ts'
import { emit, type MemberRemovedReason } from '../../kafka/events.ts'
import { javaHashMapOrder, javaStringHashCode } from '../../kafka/java.ts'
import type { TopicPartitions } from '../consumer/current-assignment.ts'
import type { AssignorTopic, ConsumerGroupSpec } from '../consumer/assignment-spec.ts'
import { assignSimple } from './simple-assignor.ts'

export type ShareGroupState = 'Empty' | 'Stable' | 'Dead'

export interface ShareGroupMember {
  memberId: string
  clientId: string
  node: string
  subscribedTopicNames: string[]
  memberEpoch: number
  previousMemberEpoch: number
  /** its share of the target assignment (topic id -> partitions) */
  assignedPartitions: TopicPartitions
  lastHeartbeatMs: number
}

export interface ShareGroup {
  groupId: string
  offsetsPartition: number
  state: ShareGroupState
  groupEpoch: number
  assignmentEpoch: number
  members: Record<string, ShareGroupMember>
  memberOrder: string[]
  targetAssignment: Record<string, TopicPartitions>
  subscriptionMetadata: Record<string, number>
}

export interface ShareHeartbeatOutcome {
  changed: boolean
  response: Unsent<ShareGroupHeartbeatResponse>
}

export function newShareGroup(groupId: string, offsetsPartition: number): ShareGroup {
  return { groupId, offsetsPartition, state: 'Empty', groupEpoch: 0, assignmentEpoch: 0, members: {}, memberOrder: [], targetAssignment: {}, subscriptionMetadata: {} }
}

function answer(error: string, memberId: string, memberEpoch: number, heartbeatIntervalMs = 0, assignment: HeartbeatTopicPartitions[] | null = null): Unsent<ShareGroupHeartbeatResponse> {
  return { api: 'ShareGroupHeartbeatResponse', error, memberId, memberEpoch, heartbeatIntervalMs, assignment }
}

/** GroupMetadataManager.shareGroupHeartbeat (and shareGroupLeave for epoch -1). */
export function shareGroupHeartbeat(w: World, b: BrokerNode, g: ShareGroup, req: ShareGroupHeartbeatRequest): ShareHeartbeatOutcome {
  const existing = g.members[req.memberId]
  if (req.memberEpoch === -1) {
    if (existing === undefined) return { changed: false, response: answer('UNKNOWN_MEMBER_ID', req.memberId, -1) }
    fenceShareMember(w, g, existing)
    return { changed: true, response: answer('NONE', req.memberId, -1) }
  }
  if (existing === undefined && req.memberEpoch !== 0) return { changed: false, response: answer('UNKNOWN_MEMBER_ID', req.memberId, req.memberEpoch) }
  if (existing !== undefined) {
    const error = epochError(existing, req.memberEpoch)
    if (error !== null) return { changed: false, response: answer(error, req.memberId, req.memberEpoch) }
  }
  if (existing === undefined) emit(w, { type: 'MemberJoined', groupId: g.groupId, member: req.from, joinReason: 'ShareGroupHeartbeat with member epoch 0' })
  const old = existing ?? { memberId: req.memberId, clientId: req.from, node: req.from, subscribedTopicNames: [], memberEpoch: 0, previousMemberEpoch: 0, assignedPartitions: {}, lastHeartbeatMs: 0 }
  const member: ShareGroupMember = { ...old, lastHeartbeatMs: w.nowMs, subscribedTopicNames: req.subscribedTopicNames ? req.subscribedTopicNames.slice().sort() : old.subscribedTopicNames }
  if (existing === undefined) g.memberOrder.push(member.memberId)
  g.members[member.memberId] = member
  const subscriptionChanged = member.subscribedTopicNames.join(',') !== old.subscribedTopicNames.join(',')
  const metadata = subscriptionMetadata(b, g)
  const metadataChanged = JSON.stringify(metadata) !== JSON.stringify(g.subscriptionMetadata)
  if (subscriptionChanged || metadataChanged) {
    g.subscriptionMetadata = metadata
    g.groupEpoch++
    const why = existing === undefined ? { code: 'memberJoined' as const, member: member.clientId } : subscriptionChanged ? { code: 'subscriptionChanged' as const, member: member.clientId } : { code: 'partitionsChanged' as const }
    emit(w, { type: 'GroupEpochBumped', groupId: g.groupId, groupEpoch: g.groupEpoch, why })
  }
  if (g.groupEpoch > g.assignmentEpoch) computeTarget(w, b, g)
  const target = g.targetAssignment[member.memberId] ?? {}
  const moved = member.memberEpoch !== g.assignmentEpoch
  const next: ShareGroupMember = moved ? { ...member, previousMemberEpoch: member.memberEpoch, memberEpoch: g.assignmentEpoch, assignedPartitions: target } : member
  g.members[next.memberId] = next
  if (moved) emit(w, { type: 'MemberEpochChanged', groupId: g.groupId, member: next.clientId, memberEpoch: next.memberEpoch, state: 'STABLE', revoking: [] })
  updateState(w, g)
  const sendAssignment = req.memberEpoch === 0 || JSON.stringify(old.assignedPartitions) !== JSON.stringify(next.assignedPartitions)
  const assignment = sendAssignment ? Object.keys(next.assignedPartitions).map((topicId) => ({ topicId, topic: topicNameOf(b, topicId), partitions: next.assignedPartitions[topicId].slice() })) : null
  return { changed: existing === undefined || subscriptionChanged || metadataChanged || moved, response: answer('NONE', next.memberId, next.memberEpoch, w.brokerConfig['group.share.heartbeat.interval.ms'], assignment) }
}

/** throwIfShareGroupMemberEpochIsInvalid */
function epochError(m: ShareGroupMember, epoch: number): string | null {
  if (epoch > m.memberEpoch) return 'FENCED_MEMBER_EPOCH'
  if (epoch < m.memberEpoch && epoch !== m.previousMemberEpoch) return 'FENCED_MEMBER_EPOCH'
  return null
}

function subscriptionMetadata(b: BrokerNode, g: ShareGroup): Record<string, number> {
  const names = new Set<string>()
  for (const id of g.memberOrder) for (const t of g.members[id].subscribedTopicNames) names.add(t)
  const out: Record<string, number> = {}
  for (const name of [...names].sort()) {
    const t = b.image.topics[name]
    if (t !== undefined && t.partitions.length > 0) out[name] = t.partitions.length
  }
  return out
}

/** The target assignment for the group epoch (SimpleAssignor over every member, in Java's HashMap order of their ids). */
function computeTarget(w: World, b: BrokerNode, g: ShareGroup): void {
  const topics = new Map<string, AssignorTopic>()
  const idOf: Record<string, string> = {}
  for (const name of Object.keys(g.subscriptionMetadata)) {
    const id = b.image.topics[name].topicId
    idOf[name] = id
    topics.set(id, { id, name, partitions: g.subscriptionMetadata[name] })
  }
  const members = javaHashMapOrder(g.memberOrder, javaStringHashCode).map((memberId) => ({
    memberId,
    subscribedTopicIds: g.members[memberId].subscribedTopicNames.filter((t) => idOf[t] !== undefined).map((t) => idOf[t]),
    assignedPartitions: new Map(Object.entries(g.targetAssignment[memberId] ?? {})),
  }))
  const spec: ConsumerGroupSpec = { members, topics }
  const result = assignSimple(spec)
  const target: Record<string, TopicPartitions> = {}
  for (const id of g.memberOrder) {
    const parts = result.get(id)
    const tps: TopicPartitions = {}
    if (parts !== undefined) for (const topicId of [...parts.keys()].sort()) if (parts.get(topicId)!.length > 0) tps[topicId] = parts.get(topicId)!.slice().sort((x, y) => x - y)
    target[id] = tps
  }
  g.targetAssignment = target
  g.assignmentEpoch = g.groupEpoch
  emit(w, { type: 'TargetAssignmentComputed', groupId: g.groupId, assignmentEpoch: g.assignmentEpoch, assignor: 'simple', members: g.memberOrder.length })
}

/** shareGroupFenceMember: the member goes and the group epoch goes up. */
export function fenceShareMember(w: World, g: ShareGroup, m: ShareGroupMember, reason: MemberRemovedReason = { code: 'leaveGroup', leaveReason: '' }): void {
  emit(w, { type: 'MemberRemoved', groupId: g.groupId, member: m.clientId, reason })
  delete g.members[m.memberId]
  delete g.targetAssignment[m.memberId]
  g.memberOrder = g.memberOrder.filter((id) => id !== m.memberId)
  g.groupEpoch++
  emit(w, { type: 'GroupEpochBumped', groupId: g.groupId, groupEpoch: g.groupEpoch, why: { code: 'memberLeft', member: m.clientId } })
  updateState(w, g)
}

/** Members whose session expired are fenced. Returns whether the group changed and when to look again. */
export function expireShareMembers(w: World, g: ShareGroup): { changed: boolean; nextMs: number } {
  const session = w.brokerConfig['group.share.session.timeout.ms']
  let changed = false
  let nextMs = Infinity
  for (const id of g.memberOrder.slice()) {
    const m = g.members[id]
    if (m.lastHeartbeatMs + session <= w.nowMs) {
      fenceShareMember(w, g, m, { code: 'shareSessionTimeout', sinceHeartbeatMs: w.nowMs - m.lastHeartbeatMs, sessionTimeoutMs: session })
      changed = true
    } else nextMs = Math.min(nextMs, m.lastHeartbeatMs + session + 1)
  }
  return { changed, nextMs }
}

function updateState(w: World, g: ShareGroup): void {
  const next: ShareGroupState = g.memberOrder.length === 0 ? 'Empty' : 'Stable'
  if (next === g.state) return
  emit(w, { type: 'GroupStateChanged', groupId: g.groupId, from: g.state, to: next, reason: { code: 'epochs', groupEpoch: g.groupEpoch, assignmentEpoch: g.assignmentEpoch } })
  g.state = next
}

function topicNameOf(b: BrokerNode, topicId: string): string {
  for (const name of Object.keys(b.image.topics)) if (b.image.topics[name].topicId === topicId) return name
  return topicId
}
