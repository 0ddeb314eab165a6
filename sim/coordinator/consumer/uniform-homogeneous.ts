/**
 * The `uniform` assignor's builder for a group whose members all subscribe to the same topics:
 * balance first (member sizes differ by at most one), then stickiness.
 *
 * Follows group-coordinator/src/main/java/org/apache/kafka/coordinator/group/assignor/
 * UniformHomogeneousAssignmentBuilder.java (apache/kafka 4.0; OptimizedUniformAssignmentBuilder
 * before) step by step:
 * 1. the subscribed topics are `new HashSet<>(first member's subscribedTopicIds())`; in that set's
 *    iteration order, every partition that no member holds goes to the `unassigned` list;
 * 2. quota = total / members, and the first `total % members` members (in member order) get one
 *    more; each member, in member order, keeps the partitions of its current assignment in the
 *    iteration order of its assignment map (topics) and of each topic's HashSet<Integer>
 *    (partitions) until its quota is used up; the rest are appended to `unassigned`; topics it no
 *    longer subscribes to are dropped;
 * 3. the members with quota left, in member order, take the next `unassigned` partitions.
 * Java's iteration orders come from sim/kafka/java.ts#javaHashMapOrder: a HashSet built from a
 * collection is sized as on JDK 19+ (`HashMap.newHashMap(max(n, 12))`, which equals growing a
 * default map one key at a time); JDK 17 differs when n is exactly 12·2^k.
 *
 * Simplifies: GroupSpec.isPartitionAssigned (the group's inverted target assignment) is taken to be
 * "some member of the spec holds it", which is what Kafka's coordinator and tests pass when no member
 * leaves in the same rebalance. A topic's partitions are taken to have been put into their HashSet
 * in ascending order (the spec stores them ascending). Racks: none; Kafka 4.0's uniform assignor
 * never reads rack ids.
 *
 * Invariants: pure (the spec is not modified); every member of the spec is in the result unless no
 * topic is subscribed (Kafka then returns an empty assignment); result partitions are ascending;
 * a member's topics are listed in the order the builder put them.
 */
import { javaHashMapOrder } from '../../kafka/java.ts'
import { PartitionAssignorError, type AssignorMember, type ConsumerGroupSpec, type GroupAssignment, type TopicId } from './assignment-spec.ts'
import { uuidHashCode } from './topic-id.ts'

/**
 * How a member's current assignment map (topic id -> partitions) iterates in Kafka:
 * - 'hash-map': a java.util.HashMap, keys put in the spec's order (what the coordinator passes:
 *   Assignment.fromRecord collects into a HashMap; Kafka's tests' mkAssignment);
 * - 'insertion': a LinkedHashMap in the spec's order (Kafka's tests' mkOrderedAssignment).
 * Partitions always iterate as a java.util.HashSet<Integer>.
 */
export type CurrentAssignmentOrder = 'hash-map' | 'insertion'

interface TopicPartitionRef {
  topicId: TopicId
  partition: number
}

/** Iteration order of `new HashSet<>(keys)` (or a HashMap with the keys put in this order). */
function hashOrder(ids: readonly TopicId[]): TopicId[] {
  return javaHashMapOrder([...new Set(ids)], uuidHashCode)
}

/** Iteration order of a java.util.HashSet<Integer> holding these partitions (Integer.hashCode = value). */
function partitionOrder(partitions: readonly number[]): number[] {
  const ascending = [...new Set(partitions)].sort((a, b) => a - b)
  return javaHashMapOrder(ascending, (p) => p)
}

function topicOrder(member: AssignorMember, order: CurrentAssignmentOrder): TopicId[] {
  const ids = [...member.assignedPartitions.keys()]
  return order === 'hash-map' ? hashOrder(ids) : ids
}

/** GroupSpecImpl.isPartitionAssigned over the inverted assignment of the spec's members. */
function assignedPartitions(spec: ConsumerGroupSpec): Map<TopicId, Set<number>> {
  const inverted = new Map<TopicId, Set<number>>()
  for (const member of spec.members) {
    for (const [topicId, partitions] of member.assignedPartitions) {
      let set = inverted.get(topicId)
      if (set === undefined) inverted.set(topicId, (set = new Set()))
      for (const p of partitions) set.add(p)
    }
  }
  return inverted
}

/** build(), first loop: the never-assigned partitions in subscription order, and their total count. */
function initialUnassigned(spec: ConsumerGroupSpec, subscribed: readonly TopicId[]): { unassigned: TopicPartitionRef[]; total: number } {
  const assigned = assignedPartitions(spec)
  const unassigned: TopicPartitionRef[] = []
  let total = 0
  for (const topicId of subscribed) {
    const topic = spec.topics.get(topicId)
    if (topic === undefined) {
      throw new PartitionAssignorError(`Members are subscribed to topic ${topicId} which doesn't exist in the topic metadata.`)
    }
    for (let p = 0; p < topic.partitions; p++) {
      if (assigned.get(topicId)?.has(p) !== true) unassigned.push({ topicId, partition: p })
    }
    total += topic.partitions
  }
  return { unassigned, total }
}

/** maybeRevokePartitions for one member: what it keeps within `quota`; revoked partitions go to `unassigned`. */
function keepWithinQuota(
  member: AssignorMember,
  subscribed: ReadonlySet<TopicId>,
  quota: number,
  order: CurrentAssignmentOrder,
  unassigned: TopicPartitionRef[],
): { kept: Map<TopicId, number[]>; remainingQuota: number } {
  const kept = new Map<TopicId, number[]>()
  for (const topicId of topicOrder(member, order)) {
    if (!subscribed.has(topicId)) continue
    const partitions = partitionOrder(member.assignedPartitions.get(topicId) ?? [])
    const keep = partitions.slice(0, Math.min(quota, partitions.length))
    for (const partition of partitions.slice(keep.length)) unassigned.push({ topicId, partition })
    quota -= keep.length
    if (keep.length > 0) kept.set(topicId, keep)
  }
  return { kept, remainingQuota: quota }
}

/** UniformHomogeneousAssignmentBuilder.build(). The spec's members must all subscribe to the same topics. */
export function buildUniformHomogeneous(spec: ConsumerGroupSpec, order: CurrentAssignmentOrder = 'hash-map'): GroupAssignment {
  const first = spec.members[0]
  const subscribed = first === undefined ? [] : hashOrder(first.subscribedTopicIds)
  if (subscribed.length === 0) return new Map()

  const { unassigned, total } = initialUnassigned(spec, subscribed)
  const minimumQuota = Math.floor(total / spec.members.length)
  let extraPartitions = total % spec.members.length
  const subscribedSet = new Set(subscribed)

  const target: GroupAssignment = new Map()
  const unfilled: { memberId: string; quota: number }[] = []
  for (const member of spec.members) {
    const quota = minimumQuota + (extraPartitions > 0 ? 1 : 0)
    if (extraPartitions > 0) extraPartitions--
    const { kept, remainingQuota } = keepWithinQuota(member, subscribedSet, quota, order, unassigned)
    if (remainingQuota > 0) unfilled.push({ memberId: member.memberId, quota: remainingQuota })
    target.set(member.memberId, kept)
  }

  assignRemainingPartitions(target, unfilled, unassigned)
  for (const topics of target.values()) for (const partitions of topics.values()) partitions.sort((a, b) => a - b)
  return target
}

/** assignRemainingPartitions: the unfilled members, in order, take the next unassigned partitions. */
function assignRemainingPartitions(
  target: GroupAssignment,
  unfilled: readonly { memberId: string; quota: number }[],
  unassigned: readonly TopicPartitionRef[],
): void {
  let next = 0
  for (const { memberId, quota } of unfilled) {
    const topics = target.get(memberId)!
    for (let i = 0; i < quota && next < unassigned.length; i++) {
      const { topicId, partition } = unassigned[next++]!
      let partitions = topics.get(topicId)
      if (partitions === undefined) topics.set(topicId, (partitions = []))
      partitions.push(partition)
    }
  }
  if (next < unassigned.length) throw new PartitionAssignorError('Partitions were left unassigned')
}
