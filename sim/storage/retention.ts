/**
 * Deleting old segments, and the log start offset that follows (cleanup.policy=delete).
 *
 * Follows UnifiedLog.deleteOldSegments, deletableSegments and deleteSegments (Kafka 4.x):
 * - in this order: segments wholly below the log start offset (after DeleteRecords, or the leader's
 *   log start a follower learned); then, with `delete` in cleanup.policy, the oldest segments while
 *   the log is over retention.bytes (never going under it); then segments whose largest timestamp
 *   is more than retention.ms old;
 * - segments are scanned oldest first and the scan stops at the first that may not go, so only a
 *   prefix of the log is ever deleted; a segment goes only when the HW has passed its end (the
 *   next segment's base offset, or the LEO for the last), and an empty last segment never goes;
 * - the active segment may go too: when every segment is deletable, a new empty segment is rolled
 *   first, so a log always keeps one segment (a segment still written keeps a recent largest
 *   timestamp, which is why old records in it outlive retention.ms);
 * - deleting moves the log start offset to the first remaining segment's base offset, and the
 *   leader-epoch cache drops what lies below it (LeaderEpochFileCache.truncateFromStart).
 * The log start offset only moves forward and never past the HW (maybeIncrementLogStartOffset).
 * Simplified: segments are gone at once (Kafka renames them .deleted and removes the files after
 * file.delete.delay.ms, which no reader can observe).
 */
import { batchAtIndex, dropBatchesBefore } from './batch-log.ts'
import { logBytes, newSegment, type LogSegment } from './segments.ts'
import type { Replica } from '../cluster/types.ts'

/** Why segments went (LogStartOffsetIncrementReason / the retention rule that chose them). */
export type DeletionCause = 'logStartOffset' | 'retention.bytes' | 'retention.ms'

/** A producer's records [fromSeq, toSeq] (record identities, storage/batch.ts) that left a log. */
export type RemovedRange = [producer: string, fromSeq: number, toSeq: number]

export interface SegmentDeletion {
  cause: DeletionCause
  /** the base offset of the first segment that went */
  fromOffset: number
  segments: number
  records: number
  bytes: number
  /** the log start offset after it */
  logStartOffset: number
  /** the records that went, as ranges of their producers' sequences */
  removed: RemovedRange[]
}

/** Run the retention rules on one replica's log (UnifiedLog.deleteOldSegments). */
export function deleteOldSegments(r: Replica, nowMs: number): SegmentDeletion[] {
  const out: SegmentDeletion[] = []
  const push = (d: SegmentDeletion | null) => {
    if (d) out.push(d)
  }
  push(deleteMatching(r, nowMs, 'logStartOffset', (_, next) => next !== undefined && next.baseOffset <= r.logStartOffset))
  if (r.config.cleanupPolicy === 'compact') return out
  const retentionBytes = r.config.retentionBytes
  if (retentionBytes >= 0) {
    let diff = logBytes(r.segments) - retentionBytes
    if (diff >= 0) {
      push(
        deleteMatching(r, nowMs, 'retention.bytes', (seg) => {
          if (diff - seg.sizeBytes < 0) return false
          diff -= seg.sizeBytes
          return true
        }),
      )
    }
  }
  const retentionMs = r.config.retentionMs
  if (retentionMs >= 0) push(deleteMatching(r, nowMs, 'retention.ms', (seg) => nowMs - largestTimestamp(seg) > retentionMs))
  return out
}

/** LogSegment.largestTimestamp: the newest record's, or the segment's own time while it is empty. */
function largestTimestamp(seg: LogSegment): number {
  return seg.largestTimestamp >= 0 ? seg.largestTimestamp : seg.createdMs
}

/** UnifiedLog.deletableSegments then deleteSegments. */
function deleteMatching(r: Replica, nowMs: number, cause: DeletionCause, predicate: (seg: LogSegment, next: LogSegment | undefined) => boolean): SegmentDeletion | null {
  const segs = r.segments
  let n = 0
  while (n < segs.length) {
    const seg = segs[n]
    const next = segs[n + 1] as LogSegment | undefined
    const upperBound = next ? next.baseOffset : r.leo
    const lastAndEmpty = next === undefined && seg.sizeBytes === 0
    if (r.hw < upperBound || lastAndEmpty || !predicate(seg, next)) break
    n++
  }
  if (n === 0) return null
  if (n === segs.length) {
    // always keep a segment: roll an empty active one at the log end first
    segs.push(newSegment(r.leo, r.log.length, nowMs))
  }
  const gone = segs.slice(0, n)
  const first = segs[n]
  const deletion: SegmentDeletion = {
    cause,
    fromOffset: gone[0].baseOffset,
    segments: n,
    records: first.baseOffset - Math.max(r.logStartOffset, gone[0].baseOffset),
    bytes: logBytes(gone),
    logStartOffset: Math.max(r.logStartOffset, first.baseOffset),
    removed: removedRanges(r, r.log.start, first.firstIndex),
  }
  if (deletion.records < 0) deletion.records = 0
  r.segments = segs.slice(n)
  dropBatchesBefore(r.log, first.firstIndex)
  maybeIncrementLogStartOffset(r, first.baseOffset)
  return deletion
}

/** The records of batches [from, to) as producer sequence ranges (consecutive batches merged). */
function removedRanges(r: Replica, from: number, to: number): RemovedRange[] {
  const out: RemovedRange[] = []
  for (let i = from; i < to; i++) {
    const b = batchAtIndex(r.log, i)
    if (b.baseSequence < 0) continue
    const last = out[out.length - 1]
    if (last && last[0] === b.producer && last[2] + 1 === b.baseSequence) last[2] = b.baseSequence + b.count - 1
    else out.push([b.producer, b.baseSequence, b.baseSequence + b.count - 1])
  }
  return out
}

/**
 * UnifiedLog.maybeIncrementLogStartOffset: move the log start forward (never back, never past the
 * HW) and drop the leader epochs below it. Returns whether it moved. The batches below it stay
 * until retention deletes their segments (deleteOldSegments' first rule).
 */
export function maybeIncrementLogStartOffset(r: Replica, offset: number): boolean {
  const to = Math.min(offset, r.hw)
  if (to <= r.logStartOffset) return false
  r.logStartOffset = to
  truncateEpochsFromStart(r, to)
  return true
}

/** LeaderEpochFileCache.truncateFromStart: the epoch holding `offset` now starts there. */
function truncateEpochsFromStart(r: Replica, offset: number): void {
  let i = 0
  while (i + 1 < r.epochs.length && r.epochs[i + 1].startOffset <= offset) i++
  if (i > 0) r.epochs = r.epochs.slice(i)
  const first = r.epochs[0]
  if (first && first.startOffset < offset) r.epochs[0] = { epoch: first.epoch, startOffset: offset }
}

/**
 * UnifiedLog.truncateFullyAndStartAt: a follower whose log ends below the leader's log start drops
 * everything and starts over there (AbstractFetcherThread's out-of-range handling). Returns the
 * records that left.
 */
export function truncateFullyAndStartAt(r: Replica, offset: number, nowMs: number): SegmentDeletion {
  const deletion: SegmentDeletion = {
    cause: 'logStartOffset',
    fromOffset: r.segments[0].baseOffset,
    segments: r.segments.length,
    records: r.leo - r.logStartOffset,
    bytes: logBytes(r.segments),
    logStartOffset: offset,
    removed: removedRanges(r, r.log.start, r.log.length),
  }
  dropBatchesBefore(r.log, r.log.length)
  r.segments = [newSegment(offset, r.log.length, nowMs)]
  r.leo = offset
  r.hw = offset
  r.logStartOffset = offset
  r.epochs = []
  r.producers = {}
  return deletion
}
