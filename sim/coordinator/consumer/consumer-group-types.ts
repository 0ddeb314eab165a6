/**
 * State of a KIP-848 consumer group on its coordinator (group-coordinator/.../modern/consumer/
 * ConsumerGroup.java and ConsumerGroupMember.java, apache/kafka 4.0), and the record it writes to
 * `__consumer_offsets`.
 *
 * Epochs: the group epoch goes up whenever the group changes (a member joins, leaves, is fenced or
 * changes its subscription; a subscribed topic gets partitions); the target assignment is computed
 * for a group epoch (assignmentEpoch); each member reaches that epoch once it has revoked what it
 * must give up (memberEpoch, see current-assignment.ts).
 *
 * Simplified: Kafka writes one record per change (member metadata, target assignment, current
 * assignment, epochs); kafkascope writes the group's whole state in one `consumerGroup` record each
 * time it changes, which loads the same way after a coordinator failover.
 */
import type { MemberReconciliation, TopicPartitions } from './current-assignment.ts'

/** ConsumerGroup.ConsumerGroupState, as kafka-consumer-groups --describe --state prints it. */
export type ConsumerGroupState = 'Empty' | 'Assigning' | 'Reconciling' | 'Stable' | 'Dead'

/** ConsumerGroupMember: what the coordinator knows of a member. */
export interface ConsumerGroupMember extends MemberReconciliation {
  memberId: string
  /** group.instance.id of a static member */
  instanceId: string | null
  clientId: string
  /** network node of the client */
  node: string
  /** the member's max.poll.interval.ms: how long it may take to revoke partitions */
  rebalanceTimeoutMs: number
  subscribedTopicNames: string[]
  /** group.remote.assignor (null: the broker's default) */
  serverAssignor: string | null
  /** its session expires group.consumer.session.timeout.ms after this */
  lastHeartbeatMs: number
  /** UNREVOKED_PARTITIONS: the member is fenced at this time if it is still at the same epoch (-1: none) */
  revokeDeadlineMs: number
}

export interface ConsumerGroup {
  groupId: string
  /** the __consumer_offsets partition that holds it */
  offsetsPartition: number
  state: ConsumerGroupState
  groupEpoch: number
  /** the epoch of the target assignment */
  assignmentEpoch: number
  /** the server-side assignor that computed the target assignment ('' before the first) */
  assignor: string
  members: Record<string, ConsumerGroupMember>
  /** member ids in the order they joined (the group's HashMap of members is iterated in Java's order of them) */
  memberOrder: string[]
  /** group.instance.id -> member id */
  staticMembers: Record<string, string>
  /** member id -> its share of the target assignment (topic id -> partitions) */
  targetAssignment: Record<string, TopicPartitions>
  /** partition counts of the subscribed topics when the group epoch last moved, by topic name */
  subscriptionMetadata: Record<string, number>
  /** committed offsets: "topic-p" -> offset */
  committed: Record<string, number>
}

/** What the consumerGroup record stores of a member: all of it but its liveness. */
export type StoredConsumerGroupMember = Omit<ConsumerGroupMember, 'lastHeartbeatMs' | 'revokeDeadlineMs'>

/** The consumerGroup record: the group's state, for loading after a coordinator failover. */
export interface ConsumerGroupRecord {
  type: 'consumerGroup'
  groupId: string
  groupEpoch: number
  assignmentEpoch: number
  assignor: string
  members: StoredConsumerGroupMember[]
  targetAssignment: Record<string, TopicPartitions>
  subscriptionMetadata: Record<string, number>
}

/** ConsumerGroupMember.LEAVE_GROUP_MEMBER_EPOCH and LEAVE_GROUP_STATIC_MEMBER_EPOCH */
export const LEAVE_GROUP_MEMBER_EPOCH = -1
export const LEAVE_GROUP_STATIC_MEMBER_EPOCH = -2
