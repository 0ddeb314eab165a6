/**
 * A KIP-848 group's record in `__consumer_offsets`, and the group loaded back from it after a
 * coordinator failover (GroupMetadataManager.replay of the consumer group records, and onLoaded,
 * which restarts every member's session timeout and the rebalance timeout of members that were
 * revoking). See consumer-group-types.ts for what kafkascope simplifies.
 *
 * Invariants: a record shares nothing mutable with the group (every list and map is copied), and
 * loading it gives the group the record was made from, but for its members' liveness.
 */
import type { TopicPartitions } from './current-assignment.ts'
import type { ConsumerGroup, ConsumerGroupMember, ConsumerGroupRecord, ConsumerGroupState, StoredConsumerGroupMember } from './consumer-group-types.ts'

function copyTps(tps: TopicPartitions): TopicPartitions {
  const out: TopicPartitions = {}
  for (const id of Object.keys(tps)) out[id] = tps[id].slice()
  return out
}

function storedMember(m: ConsumerGroupMember): StoredConsumerGroupMember {
  return {
    memberId: m.memberId,
    instanceId: m.instanceId,
    clientId: m.clientId,
    node: m.node,
    rebalanceTimeoutMs: m.rebalanceTimeoutMs,
    subscribedTopicNames: m.subscribedTopicNames.slice(),
    serverAssignor: m.serverAssignor,
    state: m.state,
    memberEpoch: m.memberEpoch,
    previousMemberEpoch: m.previousMemberEpoch,
    assignedPartitions: copyTps(m.assignedPartitions),
    partitionsPendingRevocation: copyTps(m.partitionsPendingRevocation),
  }
}

/** The group's state as one record. */
export function consumerGroupRecord(g: ConsumerGroup): ConsumerGroupRecord {
  const targetAssignment: Record<string, TopicPartitions> = {}
  for (const id of Object.keys(g.targetAssignment)) targetAssignment[id] = copyTps(g.targetAssignment[id])
  return {
    type: 'consumerGroup',
    groupId: g.groupId,
    groupEpoch: g.groupEpoch,
    assignmentEpoch: g.assignmentEpoch,
    assignor: g.assignor,
    members: g.memberOrder.map((id) => storedMember(g.members[id])),
    targetAssignment,
    subscriptionMetadata: { ...g.subscriptionMetadata },
  }
}

/** The group a record describes, its members' sessions (and revocations) starting at `nowMs`. */
export function loadConsumerGroup(rec: ConsumerGroupRecord, offsetsPartition: number, nowMs: number): ConsumerGroup {
  const members: Record<string, ConsumerGroupMember> = {}
  const staticMembers: Record<string, string> = {}
  for (const stored of rec.members) {
    const m = storedMember({ ...stored, lastHeartbeatMs: 0, revokeDeadlineMs: -1 })
    members[m.memberId] = { ...m, lastHeartbeatMs: nowMs, revokeDeadlineMs: m.state === 'UNREVOKED_PARTITIONS' ? nowMs + m.rebalanceTimeoutMs : -1 }
    if (m.instanceId !== null) staticMembers[m.instanceId] = m.memberId
  }
  const memberOrder = rec.members.map((m) => m.memberId)
  const targetAssignment: Record<string, TopicPartitions> = {}
  for (const id of Object.keys(rec.targetAssignment)) targetAssignment[id] = copyTps(rec.targetAssignment[id])
  return {
    groupId: rec.groupId,
    offsetsPartition,
    state: stateOf(rec, members, memberOrder),
    groupEpoch: rec.groupEpoch,
    assignmentEpoch: rec.assignmentEpoch,
    assignor: rec.assignor,
    members,
    memberOrder,
    staticMembers,
    targetAssignment,
    subscriptionMetadata: { ...rec.subscriptionMetadata },
    committed: {},
  }
}

/** ConsumerGroup.maybeUpdateGroupState, for a group being loaded. */
function stateOf(rec: ConsumerGroupRecord, members: Record<string, ConsumerGroupMember>, order: readonly string[]): ConsumerGroupState {
  if (order.length === 0) return 'Empty'
  if (rec.groupEpoch > rec.assignmentEpoch) return 'Assigning'
  return order.every((id) => members[id].state === 'STABLE' && members[id].memberEpoch === rec.assignmentEpoch) ? 'Stable' : 'Reconciling'
}
