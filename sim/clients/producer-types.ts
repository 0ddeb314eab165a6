/** State of a producer client (KafkaProducer: RecordAccumulator, Sender, Metadata). */
import type { ProducerSpec } from '../scenario/types.ts'
import type { ProducerConfig } from '../kafka/config.ts'
import type { RngState } from '../kernel/rng.ts'
import type { SendLog } from '../history/history.ts'
import type { RecordStream } from '../storage/records.ts'

export interface ProducerBatch {
  partition: number
  /** -1 until the batch is first drained (sequence numbers are assigned then, as Kafka does) */
  baseSequence: number
  count: number
  sizeBytes: number
  createdMs: number
  /** create time of the newest record in the batch */
  lastRecordMs: number
  /** the batch's first record in the partition's record stream (storage/records.ts) */
  firstRecord: number
  attempts: number
  retryAtMs: number
  /** Kafka's sequence for this batch and the producer epoch it was assigned under (-1: none yet) */
  wireSequence: number
  wireEpoch: number
}

export interface InflightProduce {
  node: number
  batches: ProducerBatch[]
  deadline: number
}

export interface ProducerMetadata {
  known: boolean
  leaders: number[]
  leaderEpochs: number[]
  brokers: number[]
  fetchedMs: number
  inflight: boolean
  corr: number
  sentMs: number
  needUpdate: boolean
  target: number
}

export interface ProducerNode {
  id: string
  spec: ProducerSpec
  cfg: ProducerConfig
  rng: RngState
  active: boolean
  idempotent: boolean
  producerId: number
  producerEpoch: number
  /** next Kafka sequence per partition for the current producer epoch */
  wireNext: number[]
  /** last Kafka sequence acknowledged per partition in the current producer epoch (-1: none) */
  wireAcked: number[]
  /** per partition (TxnPartitionEntry): the producer epoch its sequences belong to */
  partEpoch: number[]
  /** per partition: batches on the wire (sent, no response yet) */
  onWire: number[]
  /** per partition: the wire sequence of the batch whose OUT_OF_ORDER/UNKNOWN_PRODUCER_ID asked for an epoch bump (-1: none) */
  bumpSeq: number[]
  /** per partition (partitionsWithUnresolvedSequences): next sequence after an expired batch whose outcome is unknown (-1: none) */
  unresolved: number[]
  pidInflight: boolean
  meta: ProducerMetadata
  genStartMs: number
  genCount: number
  keyCursor: number
  /** per partition: queued batches, oldest first */
  queues: ProducerBatch[][]
  seqNext: number[]
  sticky: { partition: number; bytes: number }
  inflightByNode: Record<string, number>
  requests: Record<string, InflightProduce>
  wakeAt: number
  /** earliest deadline of the requests in flight (Infinity when none) */
  nextRequestDeadline: number
  /** per partition: the history's send log (shared with world.history.sends) */
  sendLogs: (SendLog | undefined)[]
  /** per partition: the record stream (shared with world.records) */
  recordStreams: (RecordStream | undefined)[]
  /** the pool's keys, made once */
  poolKeys: string[]
  sent: number
  acked: number
  failed: number
  errors: Record<string, number>
  /**
   * errors of topics in Metadata responses (UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE while
   * topics are created), by name: NetworkClient logs them as warnings ("Error while fetching metadata
   * with correlation id ..."), they are not errors of Produce requests
   */
  metadataWarnings: Record<string, number>
  /** records invoked while waiting for metadata (send() blocks, then times out after max.block.ms) */
  blockedSinceMs: number
}
