/** State of a plain consumer (KafkaConsumer with assign(): no group), and of its fetcher. */
import type { ReaderSpec } from '../scenario/types.ts'
import type { FetchClient } from './fetcher.ts'
import type { ConsumerConfig } from '../kafka/config.ts'

export interface ReaderPartition {
  topic: string
  partition: number
  tp: string
  /** next offset to read; -1 until known (ListOffsets / auto.offset.reset) */
  position: number
  leader: number
  leaderEpoch: number
  listInflight: boolean
  /** the reader's startTimestamp was looked up for this partition (ListOffsets by time) */
  timeLooked: boolean
  /** KIP-320: leader epoch of the position (of the last record consumed; -1 unknown) */
  positionEpoch: number
  /** the position waits for OffsetForLeaderEpoch after a new leader epoch (SubscriptionState AWAIT_VALIDATION) */
  awaitValidation: boolean
  validateInflight: boolean
}

/** A plain consumer: the shared fetch client state (metadata, fetches in flight, errors) plus its partitions. */
export interface ReaderNode extends FetchClient {
  cfg: ConsumerConfig
  spec: ReaderSpec
  parts: ReaderPartition[]
  polled: number
}
