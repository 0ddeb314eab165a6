/**
 * The classic consumer-group protocol's requests and responses, as kafkascope's nodes exchange them
 * (Kafka's FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch,
 * with Kafka's field meanings and error names). Every message also carries `api`, `from` and `corr`.
 *
 * Errors by state (group-coordinator GroupMetadataManager / ClassicGroupState):
 * - any request to a broker that does not lead the group's __consumer_offsets partition:
 *   NOT_COORDINATOR; while it is loading the partition: COORDINATOR_LOAD_IN_PROGRESS;
 * - JoinGroup with an empty member id from a dynamic member: MEMBER_ID_REQUIRED (KIP-394) with the
 *   member id to use; a stale member id with a static instance id: FENCED_INSTANCE_ID;
 * - Heartbeat/SyncGroup during PreparingRebalance, Heartbeat/OffsetCommit during
 *   CompletingRebalance: REBALANCE_IN_PROGRESS; wrong generation: ILLEGAL_GENERATION; unknown
 *   member: UNKNOWN_MEMBER_ID.
 */

/** A member's subscription, the `consumer` protocol metadata (ConsumerProtocolSubscription v2+). */
export interface Subscription {
  topics: string[]
  /** partitions the member owns now ("topic-p"): cooperative protocols and sticky assignors use them */
  ownedPartitions: string[]
  /** the generation those partitions were assigned in (-1 when none) */
  generation: number
}

export interface FindCoordinatorRequest {
  api: 'FindCoordinator'
  from: string
  corr: number
  key: string
}
export interface FindCoordinatorResponse {
  api: 'FindCoordinatorResponse'
  from: string
  corr: number
  /** NONE or COORDINATOR_NOT_AVAILABLE */
  error: string
  nodeId: number
}

export interface JoinGroupRequest {
  api: 'JoinGroup'
  from: string
  corr: number
  groupId: string
  /** '' on the first join of a dynamic member */
  memberId: string
  groupInstanceId: string | null
  clientId: string
  sessionTimeoutMs: number
  rebalanceTimeoutMs: number
  /** the assignors the member supports, in preference order, each with the member's subscription */
  protocols: { name: string; metadata: Subscription }[]
  /** the reason for (re)joining, shown in the event log */
  reason: string
}
export interface JoinGroupResponse {
  api: 'JoinGroupResponse'
  from: string
  corr: number
  error: string
  generation: number
  /** the assignor chosen by vote */
  protocolName: string
  leader: string
  memberId: string
  /** the leader receives every member's subscription; others get [] */
  members: { memberId: string; groupInstanceId: string | null; metadata: Subscription }[]
  /** true when a static member rejoined a Stable group without a rebalance (KIP-345) */
  skipAssignment: boolean
}

export interface SyncGroupRequest {
  api: 'SyncGroup'
  from: string
  corr: number
  groupId: string
  generation: number
  memberId: string
  groupInstanceId: string | null
  /** only the leader sends assignments: member id -> partitions ("topic-p") */
  assignments: Record<string, string[]>
}
export interface SyncGroupResponse {
  api: 'SyncGroupResponse'
  from: string
  corr: number
  error: string
  assignment: string[]
}

export interface HeartbeatRequest {
  api: 'Heartbeat'
  from: string
  corr: number
  groupId: string
  generation: number
  memberId: string
  groupInstanceId: string | null
}
export interface HeartbeatResponse {
  api: 'HeartbeatResponse'
  from: string
  corr: number
  error: string
}

export interface LeaveGroupRequest {
  api: 'LeaveGroup'
  from: string
  corr: number
  groupId: string
  memberId: string
  groupInstanceId: string | null
  reason: string
}
export interface LeaveGroupResponse {
  api: 'LeaveGroupResponse'
  from: string
  corr: number
  error: string
}

export interface OffsetCommitRequest {
  api: 'OffsetCommit'
  from: string
  corr: number
  groupId: string
  /** -1 with an empty member id for commits outside the group protocol */
  generation: number
  memberId: string
  groupInstanceId: string | null
  /** "topic-p" -> offset (the next offset to read) */
  offsets: Record<string, number>
}
export interface OffsetCommitResponse {
  api: 'OffsetCommitResponse'
  from: string
  corr: number
  /** one error for the request (per-partition errors are the same in this model) */
  error: string
  offsets: Record<string, number>
}

export interface OffsetFetchRequest {
  api: 'OffsetFetch'
  from: string
  corr: number
  groupId: string
  tps: string[]
}
export interface OffsetFetchResponse {
  api: 'OffsetFetchResponse'
  from: string
  corr: number
  error: string
  /** "topic-p" -> committed offset, -1 when none */
  offsets: Record<string, number>
}

export type GroupRequest =
  | FindCoordinatorRequest
  | JoinGroupRequest
  | SyncGroupRequest
  | HeartbeatRequest
  | LeaveGroupRequest
  | OffsetCommitRequest
  | OffsetFetchRequest

export type GroupResponse =
  | FindCoordinatorResponse
  | JoinGroupResponse
  | SyncGroupResponse
  | HeartbeatResponse
  | LeaveGroupResponse
  | OffsetCommitResponse
  | OffsetFetchResponse
