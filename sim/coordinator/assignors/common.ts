/**
 * What every client-side assignor shares: partition names, Kafka's member ordering, and the group
 * snapshot an assignor sees (the leader's `Map<String, Subscription>` and `partitionsPerTopic`).
 *
 * Follows org.apache.kafka.common.TopicPartition (hashCode, "topic-p" names),
 * clients/.../consumer/internals/AbstractPartitionAssignor (MemberInfo.compareTo; assign(Cluster,
 * GroupSubscription) builds partitionsPerTopic from the HashSet of subscribed topics), and
 * ConsumerCoordinator#onLeaderElected (subscriptions is a java.util.HashMap keyed by member id).
 *
 * Invariants:
 * - `subscriptions` are listed in java.util.HashMap iteration order of the member ids, put in the
 *   order of `input.members`; `partitionsPerTopic` holds only topics some member subscribes to and
 *   that have a partition count, in HashMap order of the topic names;
 * - every string comparison is Java's String#compareTo (UTF-16 code units), never locale-aware;
 * - subscribed topics and owned partitions are de-duplicated (Kafka's come from sets).
 */
import { javaHashMapOrder, javaStringHashCode } from '../../kafka/java.ts'
import { parseTopicPartition, partitionName } from '../../kafka/topic-partition.ts'

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky'

export interface AssignorInput {
  /** topic -> partition count */
  topics: Record<string, number>
  /** member id -> subscribed topics */
  members: Record<string, string[]>
  /** member id -> group.instance.id (static members only) */
  groupInstanceIds?: Record<string, string>
  /** member id -> owned partitions ("topic-p"); sticky assignors only */
  previous?: Record<string, string[]>
  /** member id -> generation of its owned partitions (absent: DEFAULT_GENERATION = -1) */
  generation?: Record<string, number>
}

/**
 * An input for which Kafka's own assignor throws. `javaException` names the Java exception;
 * the message says where. The group leader's assignment fails in Kafka too.
 */
export class AssignorError extends Error {
  readonly javaException: 'NullPointerException' | 'IllegalStateException'

  constructor(javaException: 'NullPointerException' | 'IllegalStateException', message: string) {
    super(`${javaException}: ${message}`)
    this.name = 'AssignorError'
    this.javaException = javaException
  }
}

/** Kafka's AbstractStickyAssignor.DEFAULT_GENERATION. */
export const DEFAULT_GENERATION = -1

/** One member's Subscription as the leader's assignor sees it. */
export interface Subscription {
  readonly memberId: string
  readonly topics: readonly string[]
  readonly groupInstanceId: string | undefined
  /** owned partitions as reported (ConsumerProtocolSubscription v2+ ownedPartitions) */
  readonly ownedPartitions: readonly string[]
  /** Subscription.generationId(), or DEFAULT_GENERATION */
  readonly generation: number
}

export interface GroupSnapshot {
  /** topic -> partition count, in java.util.HashMap iteration order */
  readonly partitionsPerTopic: ReadonlyMap<string, number>
  /** in java.util.HashMap iteration order of the member ids */
  readonly subscriptions: readonly Subscription[]
  /** member ids in the caller's order (the output order of the result record) */
  readonly memberOrder: readonly string[]
}

/** Java String#compareTo's sign. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** TopicPartition#topic() of a partition name. */
export function topicOf(name: string): string {
  return parseTopicPartition(name)?.topic ?? name
}

/** TopicPartition#partition() of a partition name. */
export function partitionOf(name: string): number {
  return parseTopicPartition(name)?.partition ?? NaN
}

/** Comparator.comparing(TopicPartition::partition).thenComparing(TopicPartition::topic) */
export function byPartitionThenTopic(a: string, b: string): number {
  return partitionOf(a) - partitionOf(b) || compareStrings(topicOf(a), topicOf(b))
}

/** TopicPartition#hashCode: 31 * (31 + partition) + topic.hashCode(), in int arithmetic. */
export function topicPartitionHashCode(name: string): number {
  return (Math.imul(31, (31 + partitionOf(name)) | 0) + javaStringHashCode(topicOf(name))) | 0
}

/** The partitions of a topic in numeric order (AbstractPartitionAssignor.partitions). */
export function partitionsOf(topic: string, count: number): string[] {
  return Array.from({ length: count }, (_, p) => partitionName(topic, p))
}

/**
 * AbstractPartitionAssignor.MemberInfo#compareTo: two static members by group.instance.id, a
 * static member before a dynamic one, two dynamic members by member id.
 */
export function compareMembers(a: Subscription, b: Subscription): number {
  if (a.groupInstanceId !== undefined && b.groupInstanceId !== undefined) {
    return compareStrings(a.groupInstanceId, b.groupInstanceId)
  }
  if (a.groupInstanceId !== undefined) return -1
  if (b.groupInstanceId !== undefined) return 1
  return compareStrings(a.memberId, b.memberId)
}

/** Removes the first occurrence, as java.util.List#remove(Object) does. */
export function removeFirst<T>(list: T[], item: T): void {
  const i = list.indexOf(item)
  if (i >= 0) list.splice(i, 1)
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

function checkPartitionName(name: unknown, memberId: string): string {
  if (typeof name !== 'string' || !/^.+-(0|[1-9]\d*)$/.test(name)) {
    throw new RangeError(`previous.${memberId}: "${String(name)}" is not a "topic-partition" name`)
  }
  return name
}

function checkPartitionCount(topic: string, count: unknown): number {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new RangeError(`topics.${topic}: partition count must be a non-negative integer, got ${String(count)}`)
  }
  return count
}

function subscriptionOf(input: AssignorInput, memberId: string): Subscription {
  const owned = input.previous?.[memberId] ?? []
  return {
    memberId,
    topics: unique(input.members[memberId] ?? []),
    groupInstanceId: input.groupInstanceIds?.[memberId],
    ownedPartitions: unique(owned.map((name) => checkPartitionName(name, memberId))),
    generation: input.generation?.[memberId] ?? DEFAULT_GENERATION,
  }
}

/** partitionsPerTopic as AbstractPartitionAssignor#assign(Cluster, GroupSubscription) builds it. */
function partitionsPerTopicOf(input: AssignorInput, subscriptions: readonly Subscription[]): Map<string, number> {
  const subscribedInPutOrder = unique(subscriptions.flatMap((s) => s.topics))
  const subscribed = javaHashMapOrder(subscribedInPutOrder, javaStringHashCode)
  const known = subscribed.filter((t) => Object.hasOwn(input.topics, t))
  const ordered = javaHashMapOrder(known, javaStringHashCode)
  return new Map(ordered.map((t) => [t, checkPartitionCount(t, input.topics[t])]))
}

/** The group as the leader's assignor sees it. */
export function groupSnapshot(input: AssignorInput): GroupSnapshot {
  const memberOrder = Object.keys(input.members)
  const hashOrder = javaHashMapOrder(memberOrder, javaStringHashCode)
  const subscriptions = hashOrder.map((id) => subscriptionOf(input, id))
  return { partitionsPerTopic: partitionsPerTopicOf(input, subscriptions), subscriptions, memberOrder }
}

/** True when the partition exists in partitionsPerTopic. */
export function partitionExists(group: GroupSnapshot, name: string): boolean {
  const count = group.partitionsPerTopic.get(topicOf(name))
  return count !== undefined && partitionOf(name) < count
}

/** The result record: every member, in the caller's order. */
export function toRecord(group: GroupSnapshot, assignment: ReadonlyMap<string, readonly string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const id of group.memberOrder) out[id] = [...(assignment.get(id) ?? [])]
  return out
}
