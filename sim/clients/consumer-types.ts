/** State of a plain consumer (KafkaConsumer with assign(): no group), and of its fetcher. */
import type { ReaderSpec } from '../scenario/types.ts'
import type { ConsumerConfig } from '../scenario/config.ts'

export interface ReaderPartition {
  topic: string
  partition: number
  tp: string
  /** next offset to read; -1 until known (ListOffsets / auto.offset.reset) */
  position: number
  leader: number
  leaderEpoch: number
  listInflight: boolean
}

export interface ReaderNode {
  id: string
  spec: ReaderSpec
  cfg: ConsumerConfig
  parts: ReaderPartition[]
  metaInflight: boolean
  metaCorr: number
  metaSentMs: number
  metaTarget: number
  metaFetchedMs: number
  needMetadata: boolean
  /** one fetch in flight per broker: corr by broker id */
  fetchInflight: Record<string, { corr: number; sentMs: number }>
  polled: number
  errors: Record<string, number>
}
