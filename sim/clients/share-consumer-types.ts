/**
 * State of a share consumer (KafkaShareConsumer, KIP-932): its membership of a share group, the
 * records it acquired and is processing, and the acknowledgements it still has to send. Plain data
 * only; see share-consumer.ts for the behaviour.
 */
import type { ShareConsumerConfig } from '../kafka/config.ts'
import type { ShareAcknowledgement } from '../kafka/payloads.ts'
import type { ShareGroupSpec } from '../scenario/types.ts'
import type { ConnBackoff, FetchClient, FetchInflight } from './fetcher.ts'

/** The share consumer's membership (ShareMembershipManager's states, simplified). */
export type ShareMemberState = 'UNSUBSCRIBED' | 'JOINING' | 'STABLE' | 'LEAVING' | 'CLOSED' | 'FATAL'

/** Records [first, last] of a partition, acquired with this delivery count. */
export interface AcquiredRun {
  tp: string
  first: number
  last: number
  deliveryCount: number
}

/** The assigned partitions of each known leader, in assignment order; whether one has no known leader (metadata is needed). */
export interface ShareFetchPlan {
  byLeader: { leader: number; tps: string[] }[]
  leaderUnknown: boolean
}

/** The acknowledgements request `corr` carries. */
export interface AcksInFlight {
  corr: number
  acks: ShareAcknowledgement[]
}

export interface ShareMemberNode extends FetchClient {
  cfg: ShareConsumerConfig
  /** client id = node id = `<groupId>-N` */
  groupId: string
  spec: ShareGroupSpec
  state: ShareMemberState
  /** made by the client (KIP-1082) */
  memberId: string
  memberEpoch: number
  heartbeatIntervalMs: number
  /** partitions the coordinator assigned ("topic-p", sorted) */
  assignment: string[]
  /** partition leaders as last seen */
  topicLeaders: Record<string, { leader: number; leaderEpoch: number }[]>
  /** each partition's leader as topicLeaders says, looked up once (the poll loop asks on every round); emptied when metadata comes */
  leaderOfTp: Record<string, number>
  /** the assignment grouped by leader for ShareFetches; null when the assignment or metadata changed */
  fetchPlan: ShareFetchPlan | null
  coordinator: number
  findCoordinator: { corr: number; node: number; deadline: number } | null
  findTarget: number
  heartbeat: { corr: number; deadline: number } | null
  heartbeatToken: number
  /** the token and due time of the heartbeat timer armed last (clients/heartbeat-timer.ts) */
  heartbeatTimerToken: number
  heartbeatTimerMs: number
  lastHeartbeatSentMs: number
  retryAtMs: number
  /** acquired records not handed out yet, in the order they came */
  buffered: AcquiredRun[]
  /** the records of the poll being processed */
  processing: AcquiredRun[]
  /** acknowledgements to send (with the next ShareFetch to the partition's leader, or a ShareAcknowledge) */
  pendingAcks: ShareAcknowledgement[]
  /** the leader each pending acknowledgement goes to, as metadata said when it was added or last came */
  pendingAckLeaders: number[]
  /** brokers whose connection failed lately (reconnect backoff) */
  connBackoff: ConnBackoff
  /** the ShareFetch in flight to each leader, with the partitions it names */
  fetchInflight: Record<string, FetchInflight & { tps: string[] }>
  /** acknowledgements on the wire with the request that carries them, in the order sent (answered into history); a few at most: one per leader's ShareFetch, and ShareAcknowledges */
  acksInFlight: AcksInFlight[]
  app: 'polling' | 'processing' | 'stopped'
  pollSeq: number
  closing: boolean
  /** counters */
  acquired: number
  acknowledged: number
  released: number
  rejected: number
}
