/**
 * The "roundrobin" assignor.
 *
 * Follows clients/.../consumer/RoundRobinAssignor.java (assignPartitions, allPartitionsSorted) and
 * org.apache.kafka.common.utils.CircularIterator over the members sorted by MemberInfo order.
 *
 * Invariants:
 * - partitions are dealt in order: topics by name (a TreeSet), partitions 0..n-1 inside a topic;
 * - the circular member iterator skips members not subscribed to the partition's topic and moves
 *   on by one after every assignment, so unequal subscriptions can leave the result unbalanced;
 * - each member's list is in the order its partitions were dealt.
 */
import type { GroupSnapshot } from './common.ts'
import { compareMembers, compareStrings, partitionsOf, topicOf } from './common.ts'

function allPartitionsSorted(group: GroupSnapshot): string[] {
  const topics = [...new Set(group.subscriptions.flatMap((s) => s.topics))].sort(compareStrings)
  return topics.flatMap((topic) => {
    const count = group.partitionsPerTopic.get(topic)
    return count === undefined ? [] : partitionsOf(topic, count)
  })
}

export function assignRoundRobin(group: GroupSnapshot): Map<string, string[]> {
  const assignment = new Map(group.subscriptions.map((s) => [s.memberId, [] as string[]]))
  const members = [...group.subscriptions].sort(compareMembers)
  let next = 0
  for (const partition of allPartitionsSorted(group)) {
    const topic = topicOf(partition)
    while (!members[next]!.topics.includes(topic)) next = (next + 1) % members.length
    assignment.get(members[next]!.memberId)!.push(partition)
    next = (next + 1) % members.length
  }
  return assignment
}
