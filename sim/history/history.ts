/**
 * The history of what clients observed, recorded as it happens, for the checkers in check/.
 * Plain data (typed arrays are structuredClone-able); per-record columns are paged (int-column.ts) so
 * snapshots share them. Written by the clients, read by checkers;
 * checkers never call broker code.
 *
 * `resets` holds pairs [atMs, offset], flat: positions set on purpose (auto.offset.reset, a committed
 * offset fetched after an assignment, an operator's reset), so redelivery is not a non-monotonic poll.
 *
 * Record identity: (producer, topic-partition, sequence). A producer numbers the records it sends to
 * one partition 0, 1, 2, ... (Kafka's per-partition producer sequence; kept even without idempotence).
 */
import type { GroupHistoryEvent } from './group-history.ts'
import { newShareLog, type ShareLog } from './share-history.ts'
import type { IntColumn } from './int-column.ts'

export const PENDING = -2
export const FAILED = -3
/** acked with acks=0: no offset known */
export const ACKED_NO_OFFSET = -1

/** Every record a producer sent to one partition, and what became of it. */
export interface SendLog {
  producer: string
  /** "topic-p" */
  tp: string
  /** records invoked: sequences 0..n-1 */
  n: number
  /** per sequence: offset >= 0 when acked with an offset, ACKED_NO_OFFSET, PENDING or FAILED */
  outcome: IntColumn
  /** per sequence: time of the ack or failure (ms), or of the send while pending */
  atMs: IntColumn
  /**
   * where each sequence's record is in the producer's record stream (storage/records.ts): pairs
   * [first sequence, record number - sequence], one per change (a batch that failed before it got
   * sequences shifts the rest)
   */
  recordShift: number[]
}

/** The record number (storage/records.ts) of a send log's sequence. */
export function recordNumberOf(log: SendLog, seq: number): number {
  let delta = 0
  for (let i = 0; i < log.recordShift.length && log.recordShift[i] <= seq; i += 2) delta = log.recordShift[i + 1]
  return seq + delta
}

/** Every poll a reader (plain consumer or group member) made from one partition. */
export interface ReadLog {
  reader: string
  tp: string
  n: number
  /** first offset of the records returned */
  from: IntColumn
  /** one past the last offset returned */
  to: IntColumn
  atMs: IntColumn
  /** positions the reader was moved to on purpose (auto.offset.reset, seek): [atMs, offset] pairs */
  resets: number[]
}

/** A leadership change the controller published (observable with kafka-topics --describe). */
export interface LeaderChange {
  atMs: number
  tp: string
  leader: number
  leaderEpoch: number
  isr: number[]
  unclean: boolean
}

/**
 * Records that left a replica's log on purpose: segments deleted by retention (retention.ms,
 * retention.bytes) or below a log start offset moved by DeleteRecords or learned from the leader,
 * and records the log cleaner compacted away.
 * `ranges` are the producers' record identities: [producer, first sequence, last sequence].
 */
export interface RecordRemoval {
  atMs: number
  broker: number
  tp: string
  cause: 'logStartOffset' | 'retention.bytes' | 'retention.ms' | 'compaction'
  /** the offsets that left: [fromOffset, logStartOffset); compaction: the first offset it cleaned */
  fromOffset: number
  logStartOffset: number
  ranges: [string, number, number][]
}

/** A broker that started acting as leader of a partition in an epoch (observable on the broker). */
export interface LeaderClaim {
  atMs: number
  broker: number
  tp: string
  leaderEpoch: number
}

export interface History {
  sends: Record<string, SendLog> // key `${producer}|${tp}`
  reads: Record<string, ReadLog> // key `${reader}|${tp}`
  leaderChanges: LeaderChange[]
  leaderClaims: LeaderClaim[]
  /** every move of a replica's log start that removed records, in time order */
  removals: RecordRemoval[]
  /** consumer group facts: assignments, revocations, acknowledged commits (see group-history.ts) */
  groups: GroupHistoryEvent[]
  /** share group facts: acquisitions and answered acknowledgements, in columns (see share-history.ts) */
  shares: ShareLog
}

/** One replica's log as the checkers see it. */
export interface ReplicaView {
  broker: number
  /** false when the broker is crashed */
  online: boolean
  logStartOffset: number
  logEndOffset: number
  highWatermark: number
  /**
   * batches sorted by baseOffset, contiguous from logStartOffset to logEndOffset but for the gaps
   * of a compacted log (batches a log cleaner emptied and dropped, here or on a leader it copied)
   */
  batches: import('../storage/batch-log.ts').BatchLog
  /** the log cleaner's checkpoint: below it, emptied batches may be gone */
  cleanedTo: number
}

export interface PartitionView {
  tp: string
  /** current leader per the controller, -1 when none */
  leader: number
  leaderEpoch: number
  isr: number[]
  replicas: ReplicaView[]
  /** cleanup.policy includes compact: the log cleaner keeps the latest record per key */
  compacted: boolean
  /** every record's key and value (the run's record store) */
  records: import('../storage/records.ts').RecordStore
}

export function newHistory(): History {
  return { sends: {}, reads: {}, leaderChanges: [], leaderClaims: [], removals: [], groups: [], shares: newShareLog() }
}
