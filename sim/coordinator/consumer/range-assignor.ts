/**
 * The KIP-848 server-side `range` assignor: each topic's partitions in contiguous ranges over the
 * members that subscribe to it.
 *
 * Follows group-coordinator/.../assignor/RangeAssignor.java (apache/kafka 4.0, as rewritten by
 * KAFKA-16944): members sorted with static members first (by group.instance.id), then the others by
 * member id (String.compareTo); for a topic with N subscribers, `partitions / N` each and one more
 * for the first `partitions % N` of them, in that order. Not sticky: current assignments are not
 * looked at. Racks are not looked at either (Kafka's server-side range assignor ignores them).
 *
 * Invariants: every partition of a subscribed topic goes to exactly one of its subscribers; a
 * member gets no entry for a topic of which it gets nothing; the result depends on neither the
 * order of the members in the spec nor that of the topics.
 */
import { PartitionAssignorError, type AssignorMember, type ConsumerGroupSpec, type GroupAssignment, type TopicId } from './assignment-spec.ts'

/** Java's String.compareTo: by UTF-16 code units. */
function compareJava(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** RangeAssignor.sortMemberIds */
function sortedMembers(members: readonly AssignorMember[]): AssignorMember[] {
  return [...members].sort((a, b) => {
    if (a.instanceId !== undefined && b.instanceId !== undefined) return compareJava(a.instanceId, b.instanceId)
    if (a.instanceId !== undefined) return -1
    if (b.instanceId !== undefined) return 1
    return compareJava(a.memberId, b.memberId)
  })
}

interface TopicRanges {
  partitions: number
  subscribers: number
  next: number
  extra: number
}

export function assignRange(spec: ConsumerGroupSpec): GroupAssignment {
  const members = sortedMembers(spec.members)
  const topics = new Map<TopicId, TopicRanges>()
  for (const m of members) {
    for (const id of m.subscribedTopicIds) {
      let t = topics.get(id)
      if (t === undefined) {
        const topic = spec.topics.get(id)
        if (topic === undefined) throw new PartitionAssignorError('Member is subscribed to a non-existent topic')
        t = { partitions: topic.partitions, subscribers: 0, next: 0, extra: -1 }
        topics.set(id, t)
      }
      t.subscribers++
    }
  }
  const out: GroupAssignment = new Map()
  for (const m of members) {
    const assignment = new Map<TopicId, number[]>()
    for (const id of m.subscribedTopicIds) {
      const range = nextRange(topics.get(id)!)
      if (range.length > 0) assignment.set(id, range)
    }
    out.set(m.memberId, assignment)
  }
  return out
}

/** RangeAssignor.addPartitionsToAssignment: the next subscriber's range. */
function nextRange(t: TopicRanges): number[] {
  if (t.extra === -1) t.extra = t.partitions % t.subscribers
  let quota = Math.floor(t.partitions / t.subscribers)
  if (t.extra > 0) {
    quota++
    t.extra--
  }
  const start = t.next
  const end = Math.min(start + quota, t.partitions)
  t.next = end
  const range: number[] = []
  for (let p = start; p < end; p++) range.push(p)
  return range
}
