/**
 * The "range" assignor, without racks.
 *
 * Follows clients/.../consumer/RangeAssignor.java (assignPartitions, assignRanges,
 * TopicAssignmentState) and AbstractPartitionAssignor.MemberInfo ordering.
 *
 * Invariants:
 * - each topic is split on its own: its subscribers sorted by MemberInfo order, `P / C` partitions
 *   each and one more for the first `P % C` of them, as contiguous ranges in partition order;
 * - topics are visited in the iteration order of partitionsPerTopic (a java.util.HashMap), which
 *   is the order of the topics inside each member's list; topics with no partitions are skipped;
 * - every member is in the result, possibly with no partitions.
 */
import type { GroupSnapshot, Subscription } from './common.ts'
import { compareMembers, partitionsOf } from './common.ts'

function subscribersPerTopic(group: GroupSnapshot): Map<string, Subscription[]> {
  const perTopic = new Map<string, Subscription[]>()
  for (const sub of group.subscriptions) {
    for (const topic of sub.topics) {
      const list = perTopic.get(topic) ?? []
      list.push(sub)
      perTopic.set(topic, list)
    }
  }
  return perTopic
}

function assignTopicRanges(topic: string, count: number, consumers: readonly Subscription[], assignment: Map<string, string[]>): void {
  const partitions = partitionsOf(topic, count)
  const perConsumer = Math.floor(count / consumers.length)
  const withExtra = count % consumers.length
  consumers.forEach((consumer, i) => {
    const start = perConsumer * i + Math.min(i, withExtra)
    const length = perConsumer + (i < withExtra ? 1 : 0)
    assignment.get(consumer.memberId)!.push(...partitions.slice(start, start + length))
  })
}

export function assignRange(group: GroupSnapshot): Map<string, string[]> {
  const assignment = new Map(group.subscriptions.map((s) => [s.memberId, [] as string[]]))
  const perTopic = subscribersPerTopic(group)
  for (const [topic, count] of group.partitionsPerTopic) {
    const consumers = [...(perTopic.get(topic) ?? [])].sort(compareMembers)
    if (count === 0 || consumers.length === 0) continue
    assignTopicRanges(topic, count, consumers, assignment)
  }
  return assignment
}
