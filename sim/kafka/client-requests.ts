/**
 * A real Kafka client's requests as the simulation takes them (kafkascope serve turns each request
 * off the wire into one, and records it with the simulated time it arrived): plain JSON, the bytes
 * of keys, values and header values as base64, so a session replays them exactly.
 *
 * They carry what the simulated broker reads, in its own terms (a partition as "topic-p", acks as
 * "all" | "0" | "1"); the wire codecs (cli/protocol) do the translating both ways.
 */
import type {
  CreateTopicsRequest,
  DeleteTopicsRequest,
  Envelope,
  FindCoordinatorRequest,
  HeartbeatRequest,
  InitProducerIdRequest,
  OffsetFetchRequest,
  OffsetForLeaderEpochRequest,
} from './messages.ts'

/** A request a real client's request becomes field for field: the simulation's message without its envelope. */
type Carried<M> = Omit<M, keyof Envelope | 'corr'>

/** One record of a Produce request, as the client's record batch carried it. */
export interface ClientRecord {
  /** base64, null for a null key */
  key: string | null
  /** base64, null for a tombstone */
  value: string | null
  /** header key, and its value as base64 (null: a null value) */
  headers: [string, string | null][]
  /** CreateTime */
  timestampMs: number
}

export type ClientRequest =
  | { api: 'Metadata'; topics: string[] | null; allowAutoTopicCreation?: boolean }
  | Carried<CreateTopicsRequest>
  | Carried<DeleteTopicsRequest>
  | {
      api: 'Produce'
      acks: 'all' | '0' | '1'
      timeoutMs: number
      partitions: { tp: string; producerId: number; producerEpoch: number; sequence: number; records: ClientRecord[] }[]
    }
  | { api: 'Fetch'; maxWaitMs: number; maxBytes: number; partitions: { tp: string; fetchOffset: number; currentLeaderEpoch: number }[] }
  | { api: 'ListOffsets'; tp: string; spec: 'earliest' | 'latest' | { timestamp: number }; currentLeaderEpoch: number }
  | Carried<OffsetForLeaderEpochRequest>
  | Carried<InitProducerIdRequest>
  | Carried<FindCoordinatorRequest>
  | {
      api: 'JoinGroup'
      groupId: string
      memberId: string
      groupInstanceId: string | null
      sessionTimeoutMs: number
      rebalanceTimeoutMs: number
      /** each assignor the client offers, with its subscription as the bytes it sent and as read from them */
      protocols: { name: string; metadata: ClientSubscription }[]
      reason: string | null
    }
  | {
      api: 'SyncGroup'
      groupId: string
      generation: number
      memberId: string
      groupInstanceId: string | null
      /** the leader's assignments: the bytes it sent for each member, and the partitions read from them */
      assignments: { memberId: string; raw: string; partitions: string[] }[]
    }
  | Carried<HeartbeatRequest>
  | { api: 'LeaveGroup'; groupId: string; memberId: string; groupInstanceId: string | null; reason: string | null }
  | { api: 'OffsetCommit'; groupId: string; generation: number; memberId: string; groupInstanceId: string | null; offsets: { tp: string; offset: number }[] }
  | Carried<OffsetFetchRequest>
  /** KIP-848; topic ids as the client sends them (Kafka's Uuid text), resolved by the receiving broker */
  | {
      api: 'ConsumerGroupHeartbeat'
      groupId: string
      memberId: string
      memberEpoch: number
      instanceId: string | null
      rebalanceTimeoutMs: number
      subscribedTopicNames: string[] | null
      serverAssignor: string | null
      topicPartitions: { topicId: string; partitions: number[] }[] | null
    }

/**
 * A consumer's subscription as JoinGroup carries it: the consumer protocol's bytes (base64), passed
 * to the group leader untouched, and what kafkascope read from them (nothing when they are not the
 * consumer protocol's).
 */
export interface ClientSubscription {
  raw: string
  topics: string[]
  ownedPartitions: string[]
  generation: number
}
