/**
 * The Kafka APIs kafkascope's nodes speak, one variant per request and per response, discriminated
 * by `api` (Kafka's request name; responses are `<Request>Response`). Field names follow Kafka's
 * request/response schemas (clients/src/main/resources/common/message/*.json) where a learner could
 * see them: `replicaId`, `leaderEpoch`, `brokerEpoch`, `memberId`, `groupInstanceId`, ...
 *
 * Every message also carries the envelope: `from` (the sender's node id), and, set by `send`,
 * `srcInc` (the sender's incarnation) and `sentMs` (when it was sent).
 *
 * The payloads they carry (record batches, fetch partitions, metadata log records) are in payloads.ts.
 */
import type { AcquiredRecords, FetchPart, FetchPartResponse, PartitionState, ProduceBatch, RaftEntry, ShareAcknowledgement, ZkBrokerInfo, ZkError, ZkOp, ZkResult, ZkTopicInfo, ZkWatch } from './payloads.ts'

import type { Envelope } from '../kernel/node-io.ts'
/** Fields every message has (the kernel's envelope). */
export type { Envelope }

/** A member's subscription, the `consumer` protocol metadata (ConsumerProtocolSubscription v2+). */
export interface Subscription {
  topics: string[]
  /** partitions the member owns now ("topic-p"): cooperative protocols and sticky assignors use them */
  ownedPartitions: string[]
  /** the generation those partitions were assigned in (-1 when none) */
  generation: number
  /** a real client's bytes for all of the above (base64), handed to the leader as they came */
  raw?: string
}

// ------------------------------------------------------------------ client requests to brokers

export interface ProduceRequest extends Envelope {
  api: 'Produce'
  corr: number
  acks: string
  timeoutMs: number
  batches: ProduceBatch[]
}
export interface ProduceResponse extends Envelope {
  api: 'ProduceResponse'
  corr: number
  parts: { tp: string; error: string; baseOffset: number; currentLeader: { id: number; epoch: number } | null }[]
}

/** Kafka's one Fetch: from a consumer (`replicaId` -1) or a follower replica (its broker id). */
export interface FetchRequest extends Envelope {
  api: 'Fetch'
  corr: number
  replicaId: number
  brokerEpoch?: number
  maxWaitMs: number
  maxBytes: number
  /** follower fetch sessions: a full fetch or an incremental one */
  full?: boolean
  parts: FetchPart[]
  forgotten?: string[]
  /** a sessionless full fetch (a real client's, SessionEpoch -1): every partition is answered, as Kafka does */
  everyPartition?: boolean
}
export interface FetchResponse extends Envelope {
  api: 'FetchResponse'
  corr: number
  replicaId: number
  error?: string
  parts: FetchPartResponse[]
}

export interface MetadataRequest extends Envelope {
  api: 'Metadata'
  /** a real client's AllowAutoTopicCreation: unknown topics are created (auto.create.topics.enable) */
  allowAutoTopicCreation?: boolean
  corr: number
  /** null: every topic the broker knows (a real client's Metadata for all topics) */
  topics: string[] | null
}
export interface MetadataResponse extends Envelope {
  api: 'MetadataResponse'
  corr: number
  topics: Record<string, { error: string; partitions: { leader: number; leaderEpoch: number }[] }>
  brokers: number[]
}

export interface ListOffsetsRequest extends Envelope {
  api: 'ListOffsets'
  corr: number
  tp: string
  /** EARLIEST (-2), LATEST (-1), or a timestamp: the first offset whose record is at or after it */
  spec: 'earliest' | 'latest' | { timestamp: number }
  currentLeaderEpoch: number
}
export interface ListOffsetsResponse extends Envelope {
  api: 'ListOffsetsResponse'
  corr: number
  tp: string
  error: string
  offset: number
}

/** KIP-320: a consumer validates its position: where does `leaderEpoch` end on the leader? */
export interface OffsetForLeaderEpochRequest extends Envelope {
  api: 'OffsetForLeaderEpoch'
  corr: number
  tp: string
  currentLeaderEpoch: number
  leaderEpoch: number
}
export interface OffsetForLeaderEpochResponse extends Envelope {
  api: 'OffsetForLeaderEpochResponse'
  corr: number
  tp: string
  error: string
  /** the largest epoch ≤ the one asked, and where it ends (-1 on error) */
  epoch: number
  endOffset: number
}

export interface InitProducerIdRequest extends Envelope {
  api: 'InitProducerId'
  corr: number
}
export interface InitProducerIdResponse extends Envelope {
  api: 'InitProducerIdResponse'
  corr: number
  error: string
  producerId: number
  producerEpoch: number
}

// ------------------------------------------------------------------ topic administration

/** A topic to create, as CreateTopics asks (-1: the broker's num.partitions / default.replication.factor). */
export interface NewTopic {
  name: string
  partitions: number
  replicationFactor: number
  /** topic configs, as text (CreatableTopicConfig) */
  configs: Record<string, string>
}

/** One topic's outcome (CreatableTopicResult). */
export interface CreatedTopic {
  name: string
  error: string
  message: string | null
  partitions: number
  replicationFactor: number
}

/** CreateTopics from a client; the broker forwards it to the active controller (an Envelope, KIP-590). */
export interface CreateTopicsRequest extends Envelope {
  api: 'CreateTopics'
  corr: number
  topics: NewTopic[]
  validateOnly: boolean
}
export interface CreateTopicsResponse extends Envelope {
  api: 'CreateTopicsResponse'
  corr: number
  topics: CreatedTopic[]
}

/** DeleteTopics from a client, by topic name; forwarded to the active controller like CreateTopics. */
export interface DeleteTopicsRequest extends Envelope {
  api: 'DeleteTopics'
  corr: number
  topics: string[]
}
export interface DeleteTopicsResponse extends Envelope {
  api: 'DeleteTopicsResponse'
  corr: number
  /** partitions and replicationFactor are -1 */
  topics: CreatedTopic[]
}

/** An admin request a broker forwards to the active controller. */
export type ForwardedRequest = { kind: 'createTopics'; topics: NewTopic[]; validateOnly: boolean } | { kind: 'deleteTopics'; topics: string[] }

/**
 * A client's admin request forwarded by a broker to the active controller (KIP-590's Envelope;
 * the broker creates topics for Metadata's auto-creation the same way).
 */
export interface EnvelopeRequest extends Envelope {
  api: 'Envelope'
  corr: number
  request: ForwardedRequest
}
export interface EnvelopeResponse extends Envelope {
  api: 'EnvelopeResponse'
  corr: number
  /** NOT_CONTROLLER when it reached a controller that is not the active one */
  error: string
  topics: CreatedTopic[]
}

// ------------------------------------------------------------------ consumer-group protocol

export interface FindCoordinatorRequest extends Envelope {
  api: 'FindCoordinator'
  corr: number
  key: string
}
export interface FindCoordinatorResponse extends Envelope {
  api: 'FindCoordinatorResponse'
  corr: number
  /** NONE or COORDINATOR_NOT_AVAILABLE */
  error: string
  nodeId: number
}

export interface JoinGroupRequest extends Envelope {
  api: 'JoinGroup'
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
export interface JoinGroupResponse extends Envelope {
  api: 'JoinGroupResponse'
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

export interface SyncGroupRequest extends Envelope {
  api: 'SyncGroup'
  corr: number
  groupId: string
  generation: number
  memberId: string
  groupInstanceId: string | null
  /** only the leader sends assignments: member id -> partitions ("topic-p") */
  assignments: Record<string, string[]>
  /** a real leader's assignments as the bytes it sent (base64), by member id */
  rawAssignments?: Record<string, string>
}
export interface SyncGroupResponse extends Envelope {
  api: 'SyncGroupResponse'
  corr: number
  error: string
  assignment: string[]
  /** the assignment as a real leader's bytes (base64), when a real leader made it */
  raw?: string
}

export interface HeartbeatRequest extends Envelope {
  api: 'Heartbeat'
  corr: number
  groupId: string
  generation: number
  memberId: string
  groupInstanceId: string | null
}
export interface HeartbeatResponse extends Envelope {
  api: 'HeartbeatResponse'
  corr: number
  error: string
}

export interface LeaveGroupRequest extends Envelope {
  api: 'LeaveGroup'
  corr: number
  groupId: string
  memberId: string
  groupInstanceId: string | null
  reason: string
}
export interface LeaveGroupResponse extends Envelope {
  api: 'LeaveGroupResponse'
  corr: number
  error: string
}

export interface OffsetCommitRequest extends Envelope {
  api: 'OffsetCommit'
  corr: number
  groupId: string
  /** -1 with an empty member id for commits outside the group protocol */
  generation: number
  memberId: string
  groupInstanceId: string | null
  /** "topic-p" -> offset (the next offset to read) */
  offsets: Record<string, number>
}
export interface OffsetCommitResponse extends Envelope {
  api: 'OffsetCommitResponse'
  corr: number
  /** one error for the request (per-partition errors are the same in this model) */
  error: string
  offsets: Record<string, number>
}

/** A topic's partitions in a KIP-848 heartbeat (ConsumerGroupHeartbeat's TopicPartitions). */
export interface HeartbeatTopicPartitions {
  topicId: string
  /** the topic's name: Kafka's message carries only the id, which the client resolves from metadata */
  topic: string
  partitions: number[]
}

/**
 * KIP-848's one group request (ConsumerGroupHeartbeatRequest.json, v1). Fields left null (or -1)
 * are unchanged since the member's last heartbeat.
 */
export interface ConsumerGroupHeartbeatRequest extends Envelope {
  api: 'ConsumerGroupHeartbeat'
  corr: number
  groupId: string
  /** generated by the client (KIP-1082) */
  memberId: string
  /** 0: join; -1: leave; -2: a static member leaving for now; else the member's epoch */
  memberEpoch: number
  instanceId: string | null
  /** max.poll.interval.ms: how long the member may take to revoke (-1: unchanged) */
  rebalanceTimeoutMs: number
  subscribedTopicNames: string[] | null
  /** group.remote.assignor (null: the broker's default, or unchanged) */
  serverAssignor: string | null
  /** the partitions the member owns now (null: unchanged) */
  topicPartitions: HeartbeatTopicPartitions[] | null
}
export interface ConsumerGroupHeartbeatResponse extends Envelope {
  api: 'ConsumerGroupHeartbeatResponse'
  corr: number
  error: string
  memberId: string
  memberEpoch: number
  /** group.consumer.heartbeat.interval.ms */
  heartbeatIntervalMs: number
  /** the partitions the member may own now; null when unchanged */
  assignment: HeartbeatTopicPartitions[] | null
}

/** KIP-932: a share group's one membership request (ShareGroupHeartbeatRequest.json). */
export interface ShareGroupHeartbeatRequest extends Envelope {
  api: 'ShareGroupHeartbeat'
  corr: number
  groupId: string
  memberId: string
  /** 0: join; -1: leave; else the member's epoch */
  memberEpoch: number
  /** null: unchanged */
  subscribedTopicNames: string[] | null
}
export interface ShareGroupHeartbeatResponse extends Envelope {
  api: 'ShareGroupHeartbeatResponse'
  corr: number
  error: string
  memberId: string
  memberEpoch: number
  heartbeatIntervalMs: number
  /** the partitions the member fetches from now; null when unchanged */
  assignment: HeartbeatTopicPartitions[] | null
}

/** KIP-932: fetch records to acquire, with the acknowledgements of what the member processed (ShareFetchRequest.json). */
export interface ShareFetchRequest extends Envelope {
  api: 'ShareFetch'
  corr: number
  groupId: string
  memberId: string
  maxWaitMs: number
  /** at most this many records acquired per partition (the consumer's max.poll.records) */
  maxRecords: number
  tps: string[]
  acknowledgements: ShareAcknowledgement[]
}
export interface ShareFetchPartResponse {
  tp: string
  /** fetching: NONE, NOT_LEADER_OR_FOLLOWER, ... */
  error: string
  /** the partition's acknowledgements: NONE or INVALID_RECORD_STATE */
  acknowledgeError: string
  acquired: AcquiredRecords[]
}
export interface ShareFetchResponse extends Envelope {
  api: 'ShareFetchResponse'
  corr: number
  error: string
  parts: ShareFetchPartResponse[]
}

/** KIP-932: acknowledgements without fetching; `closeSession` ends the member's share session (its acquired records go back). */
export interface ShareAcknowledgeRequest extends Envelope {
  api: 'ShareAcknowledge'
  corr: number
  groupId: string
  memberId: string
  acknowledgements: ShareAcknowledgement[]
  closeSession: boolean
}
export interface ShareAcknowledgeResponse extends Envelope {
  api: 'ShareAcknowledgeResponse'
  corr: number
  error: string
  parts: { tp: string; error: string }[]
}

export interface OffsetFetchRequest extends Envelope {
  api: 'OffsetFetch'
  corr: number
  groupId: string
  /** null: every partition the group has committed */
  tps: string[] | null
}
export interface OffsetFetchResponse extends Envelope {
  api: 'OffsetFetchResponse'
  corr: number
  error: string
  /** "topic-p" -> committed offset, -1 when none */
  offsets: Record<string, number>
}

// ------------------------------------------------------------------ brokers to the quorum controller

export interface BrokerRegistrationRequest extends Envelope {
  api: 'BrokerRegistration'
  corr: number
  brokerId: number
  incarnation: number
  /** broker.rack, null when the broker has none */
  rack: string | null
  /** the epoch of the registration it shut down cleanly from, -1 after a crash (KIP-966) */
  previousBrokerEpoch: number
}
export interface BrokerRegistrationResponse extends Envelope {
  api: 'BrokerRegistrationResponse'
  corr: number
  error: string
  brokerEpoch?: number
  leaderId?: string | null
}

export interface BrokerHeartbeatRequest extends Envelope {
  api: 'BrokerHeartbeat'
  corr: number
  brokerId: number
  brokerEpoch: number
  metadataOffset: number
  /** WantShutDown: the broker asks for a controlled shutdown */
  wantShutDown: boolean
}
export interface BrokerHeartbeatResponse extends Envelope {
  api: 'BrokerHeartbeatResponse'
  corr: number
  error: string
  isFenced?: boolean
  /** ShouldShutDown: the controller let the broker go (it leads nothing, and the cluster knows) */
  shouldShutDown?: boolean
  leaderId?: string | null
}

export interface AlterPartitionRequest extends Envelope {
  api: 'AlterPartition'
  corr: number
  brokerId: number
  brokerEpoch: number
  topic: string
  partition: number
  leaderEpoch: number
  partitionEpoch: number
  newIsr: number[]
}
export interface AlterPartitionResponse extends Envelope {
  api: 'AlterPartitionResponse'
  corr: number
  topic?: string
  partition?: number
  error: string
  isr?: number[]
  leaderEpoch?: number
  partitionEpoch?: number
  leaderId?: string | null
}

export interface AllocateProducerIdsRequest extends Envelope {
  api: 'AllocateProducerIds'
  corr: number
}
export interface AllocateProducerIdsResponse extends Envelope {
  api: 'AllocateProducerIdsResponse'
  corr: number
  error: string
  start?: number
  length?: number
  leaderId?: string | null
}

// ------------------------------------------------------------------ KRaft (the metadata quorum)

export interface VoteRequest extends Envelope {
  api: 'Vote'
  /** KIP-996 pre-vote: no state changes on either side */
  preVote?: boolean
  epoch: number
  lastEpoch: number
  lastOffset: number
}
export interface VoteResponse extends Envelope {
  api: 'VoteResponse'
  epoch: number
  granted: boolean
  preVote?: boolean
}

export interface BeginQuorumEpochRequest extends Envelope {
  api: 'BeginQuorumEpoch'
  epoch: number
}

/** KRaft's Fetch of the metadata log, from a voter or an observer broker. */
export interface RaftFetchRequest extends Envelope {
  api: 'RaftFetch'
  corr: number
  epoch: number
  offset: number
  lastFetchedEpoch: number
  hw?: number
  observer: boolean
}
export interface RaftFetchResponse extends Envelope {
  api: 'RaftFetchResponse'
  corr: number
  error: string
  epoch: number
  leaderId: string | null
  /** the end of the leader's log for the fetcher's last epoch, when the fetcher's log diverges */
  diverging?: { epoch: number; endOffset: number }
  entries?: RaftEntry[]
  hw?: number
  observer: boolean
}

// ------------------------------------------------------------------ ZooKeeper mode (legacy, Kafka 3.x)

/** A ZooKeeper client connects to a server: a new session (sessionId 0) or the one it had. */
export interface ZkConnectRequest extends Envelope {
  api: 'ZkConnect'
  corr: number
  sessionId: number
  timeoutMs: number
}
export interface ZkConnectResponse extends Envelope {
  api: 'ZkConnectResponse'
  corr: number
  error: ZkError
  sessionId: number
}
/** The client's ping, sent when it has been idle for a third of the session timeout. */
export interface ZkPingRequest extends Envelope {
  api: 'ZkPing'
  corr: number
  sessionId: number
}
export interface ZkPingResponse extends Envelope {
  api: 'ZkPingResponse'
  corr: number
  error: ZkError
}
export interface ZkRequest extends Envelope {
  api: 'ZkRequest'
  corr: number
  sessionId: number
  op: ZkOp
}
export interface ZkResponse extends Envelope {
  api: 'ZkResponse'
  corr: number
  error: ZkError
  result: ZkResult | null
}
/** A watch fired (sent by the server the watching session is connected to). */
export interface ZkWatchEvent extends Envelope {
  api: 'ZkWatchEvent'
  sessionId: number
  watch: ZkWatch
}

/** The ZooKeeper-mode controller tells replicas their partitions' leader and ISR (LeaderAndIsrRequest). */
export interface LeaderAndIsrRequest extends Envelope {
  api: 'LeaderAndIsr'
  corr: number
  controllerId: number
  controllerEpoch: number
  brokerEpoch: number
  partitions: PartitionState[]
}
export interface LeaderAndIsrResponse extends Envelope {
  api: 'LeaderAndIsrResponse'
  corr: number
  error: string
}
/** The ZooKeeper-mode controller's metadata for every broker's cache (UpdateMetadataRequest). */
export interface UpdateMetadataRequest extends Envelope {
  api: 'UpdateMetadata'
  corr: number
  controllerId: number
  controllerEpoch: number
  brokerEpoch: number
  liveBrokers: ZkBrokerInfo[]
  topics: ZkTopicInfo[]
  partitions: PartitionState[]
}
export interface UpdateMetadataResponse extends Envelope {
  api: 'UpdateMetadataResponse'
  corr: number
  error: string
}

/** The classic consumer-group protocol's requests (sim/groups/protocol.ts describes their errors). */
export type GroupRequest =
  | FindCoordinatorRequest
  | JoinGroupRequest
  | SyncGroupRequest
  | HeartbeatRequest
  | LeaveGroupRequest
  | OffsetCommitRequest
  | OffsetFetchRequest
  | ConsumerGroupHeartbeatRequest
  | ShareGroupHeartbeatRequest

export type GroupResponse =
  | FindCoordinatorResponse
  | JoinGroupResponse
  | SyncGroupResponse
  | HeartbeatResponse
  | LeaveGroupResponse
  | OffsetCommitResponse
  | OffsetFetchResponse
  | ConsumerGroupHeartbeatResponse
  | ShareGroupHeartbeatResponse

export type KafkaRequest =
  | ProduceRequest
  | FetchRequest
  | MetadataRequest
  | ListOffsetsRequest
  | OffsetForLeaderEpochRequest
  | InitProducerIdRequest
  | FindCoordinatorRequest
  | JoinGroupRequest
  | SyncGroupRequest
  | HeartbeatRequest
  | LeaveGroupRequest
  | OffsetCommitRequest
  | OffsetFetchRequest
  | ConsumerGroupHeartbeatRequest
  | ShareGroupHeartbeatRequest
  | ShareFetchRequest
  | ShareAcknowledgeRequest
  | CreateTopicsRequest
  | DeleteTopicsRequest
  | EnvelopeRequest
  | BrokerRegistrationRequest
  | BrokerHeartbeatRequest
  | AlterPartitionRequest
  | AllocateProducerIdsRequest
  | VoteRequest
  | BeginQuorumEpochRequest
  | RaftFetchRequest
  | ZkConnectRequest
  | ZkPingRequest
  | ZkRequest
  | ZkWatchEvent
  | LeaderAndIsrRequest
  | UpdateMetadataRequest

export type KafkaResponse =
  | ProduceResponse
  | FetchResponse
  | MetadataResponse
  | ListOffsetsResponse
  | OffsetForLeaderEpochResponse
  | InitProducerIdResponse
  | FindCoordinatorResponse
  | JoinGroupResponse
  | SyncGroupResponse
  | HeartbeatResponse
  | LeaveGroupResponse
  | OffsetCommitResponse
  | OffsetFetchResponse
  | ConsumerGroupHeartbeatResponse
  | ShareGroupHeartbeatResponse
  | ShareFetchResponse
  | ShareAcknowledgeResponse
  | CreateTopicsResponse
  | DeleteTopicsResponse
  | EnvelopeResponse
  | BrokerRegistrationResponse
  | BrokerHeartbeatResponse
  | AlterPartitionResponse
  | AllocateProducerIdsResponse
  | VoteResponse
  | RaftFetchResponse
  | ZkConnectResponse
  | ZkPingResponse
  | ZkResponse
  | LeaderAndIsrResponse
  | UpdateMetadataResponse

/** Every message a node can send. */
export type KafkaMessage = KafkaRequest | KafkaResponse

/** Kafka's API names as the simulation uses them (requests and `...Response`s). */
export type ApiName = KafkaMessage['api']

/** The variant of `api`. */
export type MessageOf<A extends ApiName> = Extract<KafkaMessage, { api: A }>

/** A message as its sender fills it in, before the envelope and correlation id are added. */
export type Unsent<M> = M extends unknown ? Omit<M, 'from' | 'corr' | 'srcInc' | 'sentMs'> : never
