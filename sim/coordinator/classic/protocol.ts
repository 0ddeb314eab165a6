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

// The types live with the other Kafka messages (sim/kafka/messages.ts); re-exported for the group code.
export type {
  Subscription,
  FindCoordinatorRequest,
  FindCoordinatorResponse,
  JoinGroupRequest,
  JoinGroupResponse,
  SyncGroupRequest,
  SyncGroupResponse,
  HeartbeatRequest,
  HeartbeatResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetFetchRequest,
  OffsetFetchResponse,
  GroupRequest,
  GroupResponse,
} from '../../kafka/messages.ts'
