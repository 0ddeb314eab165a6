/**
 * A replica's log as Kafka lays it out on disk: a list of segments, each a run of batches starting
 * at its base offset; the last one is the active segment, the only one written to.
 *
 * Follows storage/.../log/LogSegment.java (shouldRoll, timeWaitedForRoll, largestTimestamp) and
 * UnifiedLog.maybeRoll (Kafka 4.x):
 * - a segment rolls before an append when the batch would push it past segment.bytes, or when it is
 *   not empty and the batch's max timestamp is more than segment.ms after the max timestamp of the
 *   segment's first batch (record timestamps, never the wall clock: an idle segment does not roll);
 * - the new segment's base offset is the incoming batch's base offset;
 * - a segment knows its size in bytes and the largest timestamp of its records; retention
 *   (storage/retention.ts) deletes whole segments by these.
 * Simplified: no index files (so no "index full" roll), no segment.jitter.ms, and a batch's size on
 * disk is its value bytes plus Kafka's 61-byte batch header (DefaultRecordBatch.RECORD_BATCH_OVERHEAD).
 *
 * Invariants: segments are in base-offset order and cover the log's batches without gaps: segment i
 * holds batch indexes [firstIndex_i, firstIndex_{i+1}); there is always at least one segment.
 * Plain data, like the rest of a replica.
 */
import type { LogBatch } from './batch.ts'
import type { CleanupPolicy, TimestampType } from '../kafka/config.ts'

export interface LogSegment {
  baseOffset: number
  /** index (storage/batch-log.ts) of its first batch; the next segment's firstIndex ends it */
  firstIndex: number
  sizeBytes: number
  /** the largest record timestamp in the segment (-1 while empty) */
  largestTimestamp: number
  /** max timestamp of the segment's first batch (-1 while empty): segment.ms counts from it */
  rollingBasedTimestamp: number
  /** simulated time the segment was created (Kafka uses the file's time for an empty segment) */
  createdMs: number
}

/** The topic configs a replica's log follows (Kafka's LogConfig), resolved with the broker's defaults. */
export interface LogConfig {
  segmentBytes: number
  segmentMs: number
  /** -1: no time limit */
  retentionMs: number
  /** below 0: no size limit */
  retentionBytes: number
  cleanupPolicy: CleanupPolicy
  timestampType: TimestampType
  minCleanableRatio: number
  deleteRetentionMs: number
  minCompactionLagMs: number
}

/** Kafka 4.x's defaults (LogConfig, ServerLogConfigs). */
export const DEFAULT_LOG_CONFIG: LogConfig = Object.freeze({
  segmentBytes: 1073741824,
  segmentMs: 604800000,
  retentionMs: 604800000,
  retentionBytes: -1,
  cleanupPolicy: 'delete',
  timestampType: 'CreateTime',
  minCleanableRatio: 0.5,
  deleteRetentionMs: 86400000,
  minCompactionLagMs: 0,
})

/** DefaultRecordBatch.RECORD_BATCH_OVERHEAD: a v2 batch header. */
export const BATCH_OVERHEAD_BYTES = 61

/** A batch's size in a segment. */
export function batchBytes(b: LogBatch): number {
  return b.sizeBytes + BATCH_OVERHEAD_BYTES
}

export function newSegment(baseOffset: number, firstIndex: number, nowMs: number): LogSegment {
  return { baseOffset, firstIndex, sizeBytes: 0, largestTimestamp: -1, rollingBasedTimestamp: -1, createdMs: nowMs }
}

export function activeSegment(segments: LogSegment[]): LogSegment {
  return segments[segments.length - 1]
}

export type RollReason = 'segment.bytes' | 'segment.ms'

/** LogSegment.shouldRoll for the incoming batch: why the segment must roll first (size, then time), or null. */
export function rollReason(seg: LogSegment, b: LogBatch, config: LogConfig): RollReason | null {
  if (seg.sizeBytes > config.segmentBytes - batchBytes(b)) return 'segment.bytes'
  return seg.sizeBytes > 0 && b.maxTimestamp - seg.rollingBasedTimestamp > config.segmentMs ? 'segment.ms' : null
}

/** Account a batch appended to the active segment. */
export function addToSegment(seg: LogSegment, b: LogBatch): void {
  if (seg.sizeBytes === 0) seg.rollingBasedTimestamp = b.maxTimestamp
  seg.sizeBytes += batchBytes(b)
  if (b.maxTimestamp > seg.largestTimestamp) seg.largestTimestamp = b.maxTimestamp
}

/** Total bytes of the log's segments (UnifiedLog.size). */
export function logBytes(segments: readonly LogSegment[]): number {
  let n = 0
  for (const s of segments) n += s.sizeBytes
  return n
}
