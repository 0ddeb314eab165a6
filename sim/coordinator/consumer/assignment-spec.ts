/**
 * What a KIP-848 server-side assignor is given and returns, as the group coordinator builds it for
 * a consumer group's new target assignment.
 *
 * Follows group-coordinator-api/.../api/assignor/{GroupSpec, MemberSubscription,
 * SubscribedTopicDescriber, GroupAssignment, SubscriptionType}.java and
 * group-coordinator/.../modern/{GroupSpecImpl, TargetAssignmentBuilder}.java (apache/kafka 4.0):
 * - topics are identified by their topic ids (Uuid); Kafka's assignors iterate HashMap/HashSet
 *   collections keyed by them, so the ids fix the order in which partitions are handed out;
 * - members are listed in the order of `GroupSpec.memberIds()`, the key set of a java.util.HashMap
 *   keyed by member id (TargetAssignmentBuilder puts the members in that map);
 * - a member's current assignment is its target assignment so far (the coordinator's view), not
 *   what it reports owning;
 * - the subscription type is HOMOGENEOUS when every member subscribes to the same topics.
 *
 * Invariants: specs are plain data; the partitions of a topic in an assignment are ascending and
 * distinct; a member missing from an assignment has nothing.
 */

/** A topic id as Kafka prints it: 22 characters of URL-safe base64 without padding (Uuid.toString). */
export type TopicId = string

export interface AssignorTopic {
  id: TopicId
  name: string
  partitions: number
}

export interface AssignorMember {
  memberId: string
  /** group.instance.id of a static member */
  instanceId?: string
  rackId?: string
  /** subscribed topics that exist, by id */
  subscribedTopicIds: readonly TopicId[]
  /** topic id -> partitions (ascending) of the member's current target assignment */
  assignedPartitions: ReadonlyMap<TopicId, readonly number[]>
}

export interface ConsumerGroupSpec {
  /** in GroupSpec.memberIds() order (java.util.HashMap order of the member ids) */
  members: readonly AssignorMember[]
  /** every subscribed topic, by id (SubscribedTopicDescriber) */
  topics: ReadonlyMap<TopicId, AssignorTopic>
}

/** member id -> topic id -> partitions (ascending) */
export type GroupAssignment = Map<string, Map<TopicId, number[]>>

export type SubscriptionType = 'HOMOGENEOUS' | 'HETEROGENEOUS'

/** GroupSpecImpl's subscription type: homogeneous when every member subscribes to the same set of topics. */
export function subscriptionType(spec: ConsumerGroupSpec): SubscriptionType {
  const first = spec.members[0]
  if (first === undefined) return 'HOMOGENEOUS'
  const topics = new Set(first.subscribedTopicIds)
  for (const m of spec.members) {
    if (m.subscribedTopicIds.length !== topics.size) return 'HETEROGENEOUS'
    for (const t of m.subscribedTopicIds) if (!topics.has(t)) return 'HETEROGENEOUS'
  }
  return 'HOMOGENEOUS'
}

/** PartitionAssignorException: what Kafka's assignor throws for an input it cannot assign. */
export class PartitionAssignorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PartitionAssignorError'
  }
}
