/**
 * The KIP-848 consumer group protocol on the group coordinator: ConsumerGroupHeartbeat, leaving,
 * fencing, and the group's epochs and state.
 *
 * Follows group-coordinator/.../GroupMetadataManager.java (consumerGroupHeartbeat, consumerGroupLeave,
 * consumerGroupFenceMember, throwIfConsumerGroupMemberEpochIsInvalid, the static-member checks,
 * maybeReconcile, updateTargetAssignment, the session and rebalance timeouts) and
 * modern/consumer/ConsumerGroup.java (maybeUpdateGroupState, currentPartitionEpoch,
 * computePreferredServerAssignor), apache/kafka 4.0:
 * - a heartbeat with member epoch 0 joins (a known static instance id takes over its predecessor's
 *   partitions, if that one left with epoch -2: else UNRELEASED_INSTANCE_ID); -1 leaves; -2 leaves
 *   for now (a static member keeps its partitions until its session expires);
 * - an epoch above the member's is FENCED_MEMBER_EPOCH; below it too, unless it is the previous
 *   epoch and the member owns no more than its assignment (the response was lost);
 * - a new member, a changed subscription or a subscribed topic's new partition count bumps the
 *   group epoch; a heartbeat that finds the group epoch above the assignment epoch computes the new
 *   target assignment with the assignor most members ask for (the broker's default: uniform);
 * - the member then reconciles towards its target (current-assignment.ts); a member that enters
 *   UNREVOKED_PARTITIONS must revoke within its rebalance timeout or is fenced; a member silent for
 *   group.consumer.session.timeout.ms is fenced; fencing (or leaving) removes the member and bumps
 *   the group epoch, and the next heartbeat of any member computes the new target;
 * - the response carries the assignment when the member joined (or sent a full request) or its
 *   assignment changed.
 * Simplified: no migration between the classic and consumer protocols; no regex subscriptions; the
 * subscribed topics' partition counts are checked at every heartbeat (Kafka refreshes them when the
 * metadata image changes); the coordinator names topics besides their ids in assignments.
 *
 * Invariants: a partition is added to a member only when no other member holds it (assigned or
 * pending revocation), so no partition is owned by two members at once; the group epoch and
 * assignment epoch never go down; assignmentEpoch <= groupEpoch.
 */
import type { World } from '../../nodes/world.ts'
import type { BrokerNode } from '../../cluster/types.ts'
import type { ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse, HeartbeatTopicPartitions, Unsent } from '../../kafka/messages.ts'
import { emit } from '../../kafka/events.ts'
import type { GroupEpochReason, MemberRemovedReason } from '../../kafka/events.ts'
import { compareTp, partitionName } from '../../kafka/topic-partition.ts'
import { javaHashMapOrder, javaStringHashCode } from '../../kafka/java.ts'
import { reconcile, type TopicPartitions } from './current-assignment.ts'
import { assignRange } from './range-assignor.ts'
import { assignUniform } from './uniform-assignor.ts'
import type { AssignorTopic, ConsumerGroupSpec, GroupAssignment, SubscriptionType } from './assignment-spec.ts'
import {
  LEAVE_GROUP_MEMBER_EPOCH,
  LEAVE_GROUP_STATIC_MEMBER_EPOCH,
  type ConsumerGroup,
  type ConsumerGroupMember,
  type ConsumerGroupState,
} from './consumer-group-types.ts'

/** What a heartbeat or a timer did: answer this (after the group's record is written when it changed). */
export interface HeartbeatOutcome {
  changed: boolean
  response: Unsent<ConsumerGroupHeartbeatResponse>
}

export function newConsumerGroup(groupId: string, offsetsPartition: number): ConsumerGroup {
  return {
    groupId,
    offsetsPartition,
    state: 'Empty',
    groupEpoch: 0,
    assignmentEpoch: 0,
    assignor: '',
    members: {},
    memberOrder: [],
    staticMembers: {},
    targetAssignment: {},
    subscriptionMetadata: {},
    committed: {},
  }
}

function answer(error: string, memberId: string, memberEpoch: number, heartbeatIntervalMs = 0, assignment: HeartbeatTopicPartitions[] | null = null): Unsent<ConsumerGroupHeartbeatResponse> {
  return { api: 'ConsumerGroupHeartbeatResponse', error, memberId, memberEpoch, heartbeatIntervalMs, assignment }
}

const refused = (error: string, req: ConsumerGroupHeartbeatRequest): HeartbeatOutcome => ({ changed: false, response: answer(error, req.memberId, req.memberEpoch) })

// ------------------------------------------------------------------ heartbeat

/** GroupMetadataManager.consumerGroupHeartbeat (and consumerGroupLeave for epochs -1 and -2). */
export function consumerGroupHeartbeat(w: World, b: BrokerNode, g: ConsumerGroup, req: ConsumerGroupHeartbeatRequest): HeartbeatOutcome {
  if (req.memberEpoch === LEAVE_GROUP_MEMBER_EPOCH || req.memberEpoch === LEAVE_GROUP_STATIC_MEMBER_EPOCH) return leave(w, g, req)
  const found = findMember(g, req)
  if (typeof found === 'string') return refused(found, req)
  const { member: old, replaces } = found
  const member: ConsumerGroupMember = {
    ...old,
    clientId: req.from,
    node: req.from,
    instanceId: req.instanceId ?? old.instanceId,
    rebalanceTimeoutMs: req.rebalanceTimeoutMs >= 0 ? req.rebalanceTimeoutMs : old.rebalanceTimeoutMs,
    serverAssignor: req.serverAssignor ?? old.serverAssignor,
    subscribedTopicNames: req.subscribedTopicNames ? req.subscribedTopicNames.slice().sort() : old.subscribedTopicNames,
    lastHeartbeatMs: w.nowMs,
  }
  const joined = g.members[member.memberId] === undefined
  if (joined) emit(w, { type: 'MemberJoined', groupId: g.groupId, member: member.clientId, joinReason: replaces !== null ? 'static member rejoined' : 'ConsumerGroupHeartbeat with member epoch 0' })
  if (replaces !== null) replaceStaticMember(g, replaces, member)
  else if (joined) addMember(g, member)
  g.members[member.memberId] = member
  let changed = joined || !sameMember(old, member)
  const subscriptionChanged = !sameList(old.subscribedTopicNames, member.subscribedTopicNames)
  const bumped = maybeBumpGroupEpoch(w, b, g, subscriptionChanged ? { code: joined ? 'memberJoined' : 'subscriptionChanged', member: member.clientId } : null)
  if (g.groupEpoch > g.assignmentEpoch) computeTargetAssignment(w, b, g)
  const reconciled = reconcileMember(w, b, g, member, req)
  changed = changed || bumped || reconciled !== member
  updateState(w, g)
  const full = req.memberEpoch === 0 || (req.rebalanceTimeoutMs !== -1 && req.subscribedTopicNames !== null && req.topicPartitions !== null)
  const assignment = full || !sameTps(old.assignedPartitions, reconciled.assignedPartitions) ? toHeartbeatTps(b, reconciled.assignedPartitions) : null
  return { changed, response: answer('NONE', reconciled.memberId, reconciled.memberEpoch, heartbeatIntervalMs(w), assignment) }
}

/**
 * The member the heartbeat is from, or an error: getOrMaybeSubscribeDynamicConsumerGroupMember /
 * getOrMaybeSubscribeStaticConsumerGroupMember with the epoch check. `replaces`: the static member a
 * joining instance takes over.
 */
function findMember(g: ConsumerGroup, req: ConsumerGroupHeartbeatRequest): { member: ConsumerGroupMember; replaces: ConsumerGroupMember | null } | string {
  const joining = req.memberEpoch === 0
  if (req.instanceId === null) {
    const existing = g.members[req.memberId]
    if (existing === undefined) return joining ? { member: blankMember(req), replaces: null } : 'UNKNOWN_MEMBER_ID'
    return epochError(existing, req) ?? { member: existing, replaces: null }
  }
  const staticId = g.staticMembers[req.instanceId]
  const existing = staticId !== undefined ? g.members[staticId] : undefined
  if (joining) {
    if (existing === undefined) return { member: blankMember(req), replaces: null }
    if (existing.memberId === req.memberId) return epochError(existing, req) ?? { member: existing, replaces: null }
    if (existing.memberEpoch !== LEAVE_GROUP_STATIC_MEMBER_EPOCH) return 'UNRELEASED_INSTANCE_ID'
    // the returning instance takes over its predecessor's partitions under its new member id
    return { member: { ...existing, memberId: req.memberId, memberEpoch: 0, previousMemberEpoch: 0 }, replaces: existing }
  }
  if (existing === undefined) return 'UNKNOWN_MEMBER_ID'
  if (existing.memberId !== req.memberId) return 'FENCED_INSTANCE_ID'
  return epochError(existing, req) ?? { member: existing, replaces: null }
}

/** throwIfConsumerGroupMemberEpochIsInvalid */
function epochError(member: ConsumerGroupMember, req: ConsumerGroupHeartbeatRequest): string | null {
  if (req.memberEpoch > member.memberEpoch) return 'FENCED_MEMBER_EPOCH'
  if (req.memberEpoch < member.memberEpoch) {
    if (req.memberEpoch !== member.previousMemberEpoch || !isSubset(req.topicPartitions, member.assignedPartitions)) return 'FENCED_MEMBER_EPOCH'
  }
  return null
}

function isSubset(owned: HeartbeatTopicPartitions[] | null, assigned: TopicPartitions): boolean {
  if (owned === null) return false
  return owned.every((t) => t.partitions.every((p) => assigned[t.topicId]?.includes(p) ?? false))
}

function blankMember(req: ConsumerGroupHeartbeatRequest): ConsumerGroupMember {
  return {
    memberId: req.memberId,
    instanceId: req.instanceId,
    clientId: req.from,
    node: req.from,
    rebalanceTimeoutMs: req.rebalanceTimeoutMs,
    subscribedTopicNames: [],
    serverAssignor: null,
    lastHeartbeatMs: 0,
    revokeDeadlineMs: -1,
    state: 'STABLE',
    memberEpoch: 0,
    previousMemberEpoch: 0,
    assignedPartitions: {},
    partitionsPendingRevocation: {},
  }
}

function addMember(g: ConsumerGroup, m: ConsumerGroupMember): void {
  g.memberOrder.push(m.memberId)
  if (m.instanceId !== null) g.staticMembers[m.instanceId] = m.memberId
}

/** replaceMember: the new member id takes the old one's place, and its share of the target assignment. */
function replaceStaticMember(g: ConsumerGroup, old: ConsumerGroupMember, m: ConsumerGroupMember): void {
  delete g.members[old.memberId]
  g.memberOrder = g.memberOrder.filter((id) => id !== old.memberId)
  g.memberOrder.push(m.memberId)
  g.staticMembers[m.instanceId!] = m.memberId
  const target = g.targetAssignment[old.memberId]
  delete g.targetAssignment[old.memberId]
  if (target !== undefined) g.targetAssignment[m.memberId] = target
}

/** Does anything the group's record stores of the member differ? */
function sameMember(a: ConsumerGroupMember, b: ConsumerGroupMember): boolean {
  return a.memberId === b.memberId && a.instanceId === b.instanceId && a.clientId === b.clientId && a.rebalanceTimeoutMs === b.rebalanceTimeoutMs && a.serverAssignor === b.serverAssignor && sameList(a.subscribedTopicNames, b.subscribedTopicNames)
}

function sameTps(a: TopicPartitions, b: TopicPartitions): boolean {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] !== undefined && a[k].length === b[k].length && a[k].every((p, i) => p === b[k][i]))
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

// ------------------------------------------------------------------ epochs and the target assignment

/**
 * The group epoch goes up when a member's subscription changed or the subscribed topics' partition
 * counts did (the subscription metadata). Returns whether it did.
 */
function maybeBumpGroupEpoch(w: World, b: BrokerNode, g: ConsumerGroup, subscription: GroupEpochReason | null): boolean {
  const metadata = subscriptionMetadata(b, g)
  const metadataChanged = !sameCounts(metadata, g.subscriptionMetadata)
  if (subscription === null && !metadataChanged) return false
  g.subscriptionMetadata = metadata
  bumpGroupEpoch(w, g, subscription ?? { code: 'partitionsChanged' })
  return true
}

function bumpGroupEpoch(w: World, g: ConsumerGroup, why: GroupEpochReason): void {
  g.groupEpoch++
  emit(w, { type: 'GroupEpochBumped', groupId: g.groupId, groupEpoch: g.groupEpoch, why })
}

/** Partition counts of the topics some member subscribes to that exist, by name. */
function subscriptionMetadata(b: BrokerNode, g: ConsumerGroup): Record<string, number> {
  const names = new Set<string>()
  for (const id of g.memberOrder) for (const t of g.members[id].subscribedTopicNames) names.add(t)
  const out: Record<string, number> = {}
  for (const name of [...names].sort()) {
    const t = b.image.topics[name]
    if (t !== undefined && t.partitions.length > 0) out[name] = t.partitions.length
  }
  return out
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k])
}

/** ConsumerGroup.computePreferredServerAssignor: the one most members name, else the default. */
function preferredAssignor(g: ConsumerGroup): string {
  const counts: Record<string, number> = {}
  let best = ''
  for (const id of g.memberOrder) {
    const a = g.members[id].serverAssignor
    if (a === null) continue
    counts[a] = (counts[a] ?? 0) + 1
    if (best === '' || counts[a] > counts[best]) best = a
  }
  return best === '' ? 'uniform' : best
}

/** updateTargetAssignment (TargetAssignmentBuilder): run the assignor over every member for the group epoch. */
function computeTargetAssignment(w: World, b: BrokerNode, g: ConsumerGroup): void {
  const assignor = preferredAssignor(g)
  const spec = assignorSpec(b, g)
  const result: GroupAssignment = assignor === 'range' ? assignRange(spec) : assignUniform(spec, { subscriptionType: subscriptionTypeOf(g) })
  const target: Record<string, TopicPartitions> = {}
  for (const id of g.memberOrder) {
    const parts = result.get(id)
    const tps: TopicPartitions = {}
    if (parts !== undefined) for (const topicId of [...parts.keys()].sort()) if (parts.get(topicId)!.length > 0) tps[topicId] = parts.get(topicId)!.slice().sort((x, y) => x - y)
    target[id] = tps
  }
  g.targetAssignment = target
  g.assignmentEpoch = g.groupEpoch
  g.assignor = assignor
  emit(w, { type: 'TargetAssignmentComputed', groupId: g.groupId, assignmentEpoch: g.assignmentEpoch, assignor, members: g.memberOrder.length })
}

/**
 * ModernGroup.subscriptionType: HOMOGENEOUS when every subscribed topic name (existing or not) has
 * every member as a subscriber.
 */
function subscriptionTypeOf(g: ConsumerGroup): SubscriptionType {
  const subscribers: Record<string, number> = {}
  for (const id of g.memberOrder) for (const t of g.members[id].subscribedTopicNames) subscribers[t] = (subscribers[t] ?? 0) + 1
  return Object.values(subscribers).every((n) => n === g.memberOrder.length) ? 'HOMOGENEOUS' : 'HETEROGENEOUS'
}

/** The assignor's input: members in Java's HashMap order of their ids, each with its current target. */
function assignorSpec(b: BrokerNode, g: ConsumerGroup): ConsumerGroupSpec {
  const topics = new Map<string, AssignorTopic>()
  const idOf: Record<string, string> = {}
  for (const name of Object.keys(g.subscriptionMetadata)) {
    const id = b.image.topics[name].topicId
    idOf[name] = id
    topics.set(id, { id, name, partitions: g.subscriptionMetadata[name] })
  }
  const members = javaHashMapOrder(g.memberOrder, javaStringHashCode).map((memberId) => {
    const m = g.members[memberId]
    const current = g.targetAssignment[memberId] ?? {}
    return {
      memberId,
      ...(m.instanceId !== null ? { instanceId: m.instanceId } : {}),
      subscribedTopicIds: m.subscribedTopicNames.filter((t) => idOf[t] !== undefined).map((t) => idOf[t]),
      assignedPartitions: new Map(Object.keys(current).map((id): [string, number[]] => [id, current[id]])),
    }
  })
  return { members, topics }
}

// ------------------------------------------------------------------ reconciliation

/** maybeReconcile: move the member towards its target; arm or disarm its rebalance timeout. */
function reconcileMember(w: World, b: BrokerNode, g: ConsumerGroup, member: ConsumerGroupMember, req: ConsumerGroupHeartbeatRequest): ConsumerGroupMember {
  if (member.state === 'STABLE' && member.memberEpoch === g.assignmentEpoch) return member
  const next = reconcile(member, {
    targetEpoch: g.assignmentEpoch,
    target: g.targetAssignment[member.memberId] ?? {},
    partitionEpoch: partitionEpochs(g),
    owned: req.topicPartitions === null ? null : ownedOf(req.topicPartitions),
  })
  if (next === member) return member
  next.revokeDeadlineMs = next.state === 'UNREVOKED_PARTITIONS' ? w.nowMs + next.rebalanceTimeoutMs : -1
  g.members[next.memberId] = next
  emit(w, {
    type: 'MemberEpochChanged',
    groupId: g.groupId,
    member: next.clientId,
    memberEpoch: next.memberEpoch,
    state: next.state,
    revoking: partitionNames(b, next.partitionsPendingRevocation),
  })
  return next
}

function ownedOf(tps: HeartbeatTopicPartitions[]): TopicPartitions {
  const out: TopicPartitions = {}
  for (const t of tps) out[t.topicId] = t.partitions.slice()
  return out
}

/** ConsumerGroup.currentPartitionEpoch: the epoch of the member holding a partition (assigned or pending revocation), or -1. */
function partitionEpochs(g: ConsumerGroup): (topicId: string, partition: number) => number {
  const held: Record<string, number> = {}
  for (const id of g.memberOrder) {
    const m = g.members[id]
    for (const tps of [m.assignedPartitions, m.partitionsPendingRevocation]) {
      for (const topicId of Object.keys(tps)) for (const p of tps[topicId]) held[`${topicId}:${p}`] = m.memberEpoch
    }
  }
  return (topicId, p) => held[`${topicId}:${p}`] ?? -1
}

/** ConsumerGroup.maybeUpdateGroupState */
export function updateState(w: World, g: ConsumerGroup): void {
  let next: ConsumerGroupState = 'Stable'
  if (g.memberOrder.length === 0) next = 'Empty'
  else if (g.groupEpoch > g.assignmentEpoch) next = 'Assigning'
  else if (g.memberOrder.some((id) => !reconciledTo(g.members[id], g.assignmentEpoch))) next = 'Reconciling'
  if (next === g.state) return
  emit(w, { type: 'GroupStateChanged', groupId: g.groupId, from: g.state, to: next, reason: { code: 'epochs', groupEpoch: g.groupEpoch, assignmentEpoch: g.assignmentEpoch } })
  g.state = next
}

/** ConsumerGroupMember.isReconciledTo */
function reconciledTo(m: ConsumerGroupMember, epoch: number): boolean {
  return m.state === 'STABLE' && m.memberEpoch === epoch
}

// ------------------------------------------------------------------ leaving and fencing

/** consumerGroupLeave */
function leave(w: World, g: ConsumerGroup, req: ConsumerGroupHeartbeatRequest): HeartbeatOutcome {
  if (req.instanceId === null) {
    const m = g.members[req.memberId]
    if (m === undefined) return refused('UNKNOWN_MEMBER_ID', req)
    fenceMember(w, g, m, { code: 'leaveGroup', leaveReason: 'the consumer left the group (ConsumerGroupHeartbeat with member epoch -1)' })
    return { changed: true, response: answer('NONE', req.memberId, req.memberEpoch) }
  }
  const id = g.staticMembers[req.instanceId]
  const m = id !== undefined ? g.members[id] : undefined
  if (m === undefined) return refused('UNKNOWN_MEMBER_ID', req)
  if (m.memberId !== req.memberId) return refused('FENCED_INSTANCE_ID', req)
  if (req.memberEpoch === LEAVE_GROUP_STATIC_MEMBER_EPOCH) {
    // consumerGroupStaticMemberGroupLeave: it keeps its partitions until it returns or its session expires
    g.members[m.memberId] = { ...m, memberEpoch: LEAVE_GROUP_STATIC_MEMBER_EPOCH, partitionsPendingRevocation: {} }
    updateState(w, g)
    return { changed: true, response: answer('NONE', m.memberId, LEAVE_GROUP_STATIC_MEMBER_EPOCH) }
  }
  fenceMember(w, g, m, { code: 'leaveGroup', leaveReason: 'the static consumer left the group (ConsumerGroupHeartbeat with member epoch -1)' })
  return { changed: true, response: answer('NONE', req.memberId, req.memberEpoch) }
}

/** consumerGroupFenceMember: the member and its share of the target go, and the group epoch goes up. */
export function fenceMember(w: World, g: ConsumerGroup, m: ConsumerGroupMember, reason: MemberRemovedReason): void {
  emit(w, { type: 'MemberRemoved', groupId: g.groupId, member: m.clientId, reason })
  delete g.members[m.memberId]
  delete g.targetAssignment[m.memberId]
  g.memberOrder = g.memberOrder.filter((id) => id !== m.memberId)
  if (m.instanceId !== null && g.staticMembers[m.instanceId] === m.memberId) delete g.staticMembers[m.instanceId]
  bumpGroupEpoch(w, g, { code: 'memberLeft', member: m.clientId })
  updateState(w, g)
}

/**
 * The coordinator's timers for the group: fence members whose session expired or who did not revoke
 * within their rebalance timeout. Returns whether the group changed and when to look again.
 */
export function expireConsumerMembers(w: World, g: ConsumerGroup): { changed: boolean; nextMs: number } {
  const session = w.brokerConfig['group.consumer.session.timeout.ms']
  let changed = false
  let nextMs = Infinity
  for (const id of g.memberOrder.slice()) {
    const m = g.members[id]
    const expiresMs = m.lastHeartbeatMs + session
    if (expiresMs <= w.nowMs) {
      fenceMember(w, g, m, { code: 'consumerSessionTimeout', sinceHeartbeatMs: w.nowMs - m.lastHeartbeatMs, sessionTimeoutMs: session })
      changed = true
    } else if (m.revokeDeadlineMs >= 0 && m.revokeDeadlineMs <= w.nowMs && m.state === 'UNREVOKED_PARTITIONS') {
      fenceMember(w, g, m, { code: 'rebalanceTimeout', rebalanceTimeoutMs: m.rebalanceTimeoutMs })
      changed = true
    } else {
      nextMs = Math.min(nextMs, expiresMs + 1, m.revokeDeadlineMs >= 0 ? m.revokeDeadlineMs : Infinity)
    }
  }
  return { changed, nextMs }
}

// ------------------------------------------------------------------ names

export function heartbeatIntervalMs(w: World): number {
  return w.brokerConfig['group.consumer.heartbeat.interval.ms']
}

/** A topic id's name in this broker's metadata image. */
function topicNameOf(b: BrokerNode, topicId: string): string {
  for (const name of Object.keys(b.image.topics)) if (b.image.topics[name].topicId === topicId) return name
  return topicId
}

function toHeartbeatTps(b: BrokerNode, tps: TopicPartitions): HeartbeatTopicPartitions[] {
  return Object.keys(tps).map((topicId) => ({ topicId, topic: topicNameOf(b, topicId), partitions: tps[topicId].slice() }))
}

/** "topic-p" names of the partitions, from the coordinator's metadata image. */
export function partitionNames(b: BrokerNode, tps: TopicPartitions): string[] {
  const names: string[] = []
  for (const topicId of Object.keys(tps)) {
    const name = topicNameOf(b, topicId)
    for (const p of tps[topicId]) names.push(partitionName(name, p))
  }
  return names.sort(compareTp)
}
