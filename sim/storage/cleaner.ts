/**
 * Log compaction (cleanup.policy=compact): keep the latest record of every key.
 *
 * Follows LogCleanerManager (cleanableOffsets, calculateCleanableBytes, grabFilthiestCompactedLog)
 * and Cleaner (doClean, buildOffsetMap, shouldRetainRecord, groupSegmentsBySize) of Kafka 4.x:
 * - the dirty part of a log starts at the cleaner's checkpoint (reset to the log start when it lies
 *   outside the log) and ends at the first uncleanable offset: the HW (the last stable offset), the
 *   active segment (never cleaned), or the first segment with records newer than min.compaction.lag.ms;
 *   only whole segments below it are cleanable;
 * - a log qualifies when its dirty ratio (cleanable bytes / (clean + cleanable bytes)) is above
 *   min.cleanable.dirty.ratio; the broker's cleaner takes the dirtiest first;
 * - cleaning maps every key of the dirty part to its latest offset, then rewrites every segment below
 *   the first uncleanable one keeping a record when its offset is the latest of its key; records
 *   without a key go; offsets never change (compaction leaves gaps);
 * - a tombstone (null value) that is the latest of its key stays until its batch's delete horizon:
 *   the first cleaning that keeps it sets the horizon to now + delete.retention.ms, and a later
 *   cleaning after that time removes it;
 * - the cleaned segments are regrouped so that each group fits segment.bytes.
 * - a batch the cleaning empties goes, unless it is its producer's last batch (kept empty, so the
 *   producer's sequence state survives).
 * Simplified: the offset map holds every key (Kafka's is bounded by log.cleaner.dedupe.buffer.size);
 * the cleaner's checkpoint is the first uncleanable offset; cleaning takes no simulated time.
 */
import { batchAtIndex, newBatchLogFrom, pushBatch } from './batch-log.ts'
import { addToSegment, activeSegment, type LogSegment } from './segments.ts'
import { findRecordStream, internKey, recordKeyId, recordTimestamp, recordValue, type RecordStore, type RecordStream } from './records.ts'
import { keptCount, keptIndex, type LogBatch } from './batch.ts'
import type { Replica } from '../cluster/types.ts'
import type { RemovedRange } from './retention.ts'

/** LogToClean: where the dirty part starts and ends, and the ratio the cleaner ranks logs by. */
export interface CleanableRange {
  firstDirtyOffset: number
  /** base offset of the first segment that may not be cleaned */
  firstUncleanableOffset: number
  cleanBytes: number
  cleanableBytes: number
  ratio: number
}

/** LogCleanerManager.cleanableOffsets and calculateCleanableBytes. */
export function cleanableRange(r: Replica, nowMs: number): CleanableRange {
  const segs = r.segments
  const firstDirtyOffset = r.cleanOffset < r.logStartOffset || r.cleanOffset > r.leo ? r.logStartOffset : r.cleanOffset
  let uncleanable = Math.min(r.hw, activeSegment(segs).baseOffset)
  if (r.config.minCompactionLagMs > 0) {
    const lagged = segs.find((s, i) => i < segs.length - 1 && s.baseOffset >= firstDirtyOffset && s.largestTimestamp > nowMs - r.config.minCompactionLagMs)
    if (lagged) uncleanable = Math.min(uncleanable, lagged.baseOffset)
  }
  // the segment holding the uncleanable offset (or the active one) starts the uncleanable part
  const firstUncleanable = segs[segmentIndexOf(segs, uncleanable)]
  const firstUncleanableOffset = firstUncleanable.baseOffset
  const from = Math.min(firstDirtyOffset, firstUncleanableOffset)
  let cleanBytes = 0
  let cleanableBytes = 0
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]
    const end = i + 1 < segs.length ? segs[i + 1].baseOffset : Infinity
    if (s.baseOffset < firstDirtyOffset) cleanBytes += s.sizeBytes
    if (end > from && s.baseOffset < firstUncleanableOffset) cleanableBytes += s.sizeBytes
  }
  const total = cleanBytes + cleanableBytes
  return { firstDirtyOffset, firstUncleanableOffset, cleanBytes, cleanableBytes, ratio: total === 0 ? 0 : cleanableBytes / total }
}

/** Index of the segment holding `offset` (the last whose base offset is at or below it). */
function segmentIndexOf(segs: readonly LogSegment[], offset: number): number {
  let i = segs.length - 1
  while (i > 0 && segs[i].baseOffset > offset) i--
  return i
}

/** May the cleaner clean this log now (grabFilthiestCompactedLog's test)? */
export function needsCleaning(c: CleanableRange, minCleanableRatio: number): boolean {
  return c.cleanableBytes > 0 && c.ratio > minCleanableRatio
}

/** What a cleaning did. */
export interface Cleaning {
  /** segments cleaned, and after regrouping */
  segmentsBefore: number
  segmentsAfter: number
  /** records removed: superseded by a newer record of their key, keyless, or tombstones past their horizon */
  removed: number
  tombstonesRemoved: number
  /** offsets [from, to) that were cleaned */
  from: number
  to: number
  removedRanges: RemovedRange[]
}

/** Cleaner.clean: compact the log's cleanable segments. */
export function cleanLog(r: Replica, store: RecordStore, nowMs: number, range: CleanableRange): Cleaning {
  const log = r.log
  const segs = r.segments
  const cut = segmentIndexOf(segs, range.firstUncleanableOffset)
  const endIndex = segs[cut].firstIndex
  const latest = offsetMap(r, store, range.firstDirtyOffset, range.firstUncleanableOffset)
  const cleaning: Cleaning = { segmentsBefore: cut, segmentsAfter: 0, removed: 0, tombstonesRemoved: 0, from: segs[0].baseOffset, to: range.firstUncleanableOffset, removedRanges: [] }
  const out = newBatchLogFrom(log.start)
  const newSegs: LogSegment[] = []
  const lastRange = new Map<string, RemovedRange>()
  for (const [first, last] of groupBySize(segs, cut, r.config.segmentBytes)) {
    const seg: LogSegment = { baseOffset: segs[first].baseOffset, firstIndex: out.length, sizeBytes: 0, largestTimestamp: -1, rollingBasedTimestamp: -1, createdMs: segs[first].createdMs }
    const end = segs[last + 1].firstIndex
    for (let i = Math.max(segs[first].firstIndex, log.start); i < end; i++) {
      const b = cleanBatch(r, store, batchAtIndex(log, i), latest, nowMs, cleaning, lastRange)
      if (b === null) continue
      pushBatch(out, b)
      addToSegment(seg, b)
    }
    newSegs.push(seg)
  }
  cleaning.segmentsAfter = newSegs.length
  const shift = out.length - endIndex
  for (let i = endIndex; i < log.length; i++) pushBatch(out, batchAtIndex(log, i))
  for (let k = cut; k < segs.length; k++) newSegs.push({ ...segs[k], firstIndex: segs[k].firstIndex + shift })
  r.log = out
  r.segments = newSegs
  r.cleanOffset = range.firstUncleanableOffset
  return cleaning
}

/** Cleaner.buildOffsetMap: each key's latest offset in [from, to), by key id (-1: none). */
function offsetMap(r: Replica, store: RecordStore, from: number, to: number): Int32Array {
  let latest: Int32Array = new Int32Array(store.keys.length + 64).fill(-1)
  for (let i = r.log.start; i < r.log.length; i++) {
    const b = batchAtIndex(r.log, i)
    if (b.baseOffset + b.count <= from) continue
    if (b.baseOffset >= to) break
    const recs = recordsOf(r, store, b)
    const n = keptCount(b)
    for (let j = 0; j < n; j++) {
      const k = keptIndex(b, j)
      const offset = b.baseOffset + k
      const key = keyAt(store, recs, b, k)
      if (offset < from || offset >= to || key < 0) continue
      if (key >= latest.length) latest = grow(latest, key)
      latest[key] = offset
    }
  }
  return latest
}

function grow(a: Int32Array, key: number): Int32Array {
  const b: Int32Array = new Int32Array(Math.max(key + 1, a.length * 2)).fill(-1)
  b.set(a)
  return b
}

/**
 * Cleaner.shouldRetainRecord over one batch: the batch itself when it keeps every record and needs no
 * horizon; null when it keeps none and is not its producer's last batch (BatchRetention.DELETE_EMPTY
 * versus RETAIN_EMPTY, which keeps the producer's sequence state).
 */
function cleanBatch(r: Replica, store: RecordStore, b: LogBatch, latest: Int32Array, nowMs: number, cleaning: Cleaning, lastRange: Map<string, RemovedRange>): LogBatch | null {
  const recs = recordsOf(r, store, b)
  const kept: number[] = []
  let tombstoneKept = false
  let dropped = false
  const retainTombstone = b.deleteHorizonMs === undefined || nowMs < b.deleteHorizonMs
  const n = keptCount(b)
  for (let j = 0; j < n; j++) {
    const k = keptIndex(b, j)
    const key = keyAt(store, recs, b, k)
    const tombstone = recs !== null && recordValue(recs, b.firstRecord + k) === null
    const latestForKey = key >= 0 && b.baseOffset + k >= (key < latest.length ? latest[key] : -1)
    if (latestForKey && (!tombstone || retainTombstone)) {
      kept.push(k)
      if (tombstone) tombstoneKept = true
      continue
    }
    dropped = true
    cleaning.removed++
    if (tombstone && latestForKey) cleaning.tombstonesRemoved++
    if (b.baseSequence >= 0) addRemoved(cleaning, lastRange, b.producer, b.baseSequence + k)
  }
  const needsHorizon = tombstoneKept && b.deleteHorizonMs === undefined
  if (!dropped && !needsHorizon) return b
  if (kept.length === 0 && !isProducersLastBatch(r, b)) return null
  const sizeBytes = b.count === 0 ? 0 : Math.round((b.sizeBytes * kept.length) / b.count)
  const out: LogBatch = { ...b, sizeBytes, retained: kept }
  if (needsHorizon) out.deleteHorizonMs = nowMs + r.config.deleteRetentionMs
  if (kept.length > 0 && kept.length < n) out.maxTimestamp = maxKeptTimestamp(b, recs, kept)
  return out
}

/** The producer's latest batch in this log (its producer state points at it): kept even when emptied. */
function isProducersLastBatch(r: Replica, b: LogBatch): boolean {
  if (b.producerId < 0) return false
  const recent = r.producers[String(b.producerId)]?.recent
  return recent !== undefined && recent.length > 0 && recent[recent.length - 1] === b.baseOffset
}

function maxKeptTimestamp(b: LogBatch, recs: RecordStream | null, kept: readonly number[]): number {
  if (b.timestampType === 'LogAppendTime' || recs === null) return b.maxTimestamp
  let max = -1
  for (const k of kept) max = Math.max(max, recordTimestamp(recs, b.firstRecord + k))
  return max
}

/**
 * Record a removed sequence, extending the producer's latest range when it follows on: producers'
 * batches interleave in a log, so ranges are merged per producer (`lastRange`), not only with the
 * range before.
 */
function addRemoved(cleaning: Cleaning, lastRange: Map<string, RemovedRange>, producer: string, seq: number): void {
  const last = lastRange.get(producer)
  if (last !== undefined && last[2] + 1 === seq) {
    last[2] = seq
    return
  }
  const range: RemovedRange = [producer, seq, seq]
  cleaning.removedRanges.push(range)
  lastRange.set(producer, range)
}

/**
 * Cleaner.groupSegmentsBySize over segments [0, count): runs of consecutive segments whose sizes add
 * up to at most segment.bytes, as [first, last] index pairs.
 */
function groupBySize(segs: readonly LogSegment[], count: number, maxBytes: number): [number, number][] {
  const groups: [number, number][] = []
  let first = 0
  let bytes = 0
  for (let i = 0; i < count; i++) {
    if (i > first && bytes + segs[i].sizeBytes > maxBytes) {
      groups.push([first, i - 1])
      first = i
      bytes = 0
    }
    bytes += segs[i].sizeBytes
  }
  if (count > 0) groups.push([first, count - 1])
  return groups
}

/** The record stream holding a batch's records, or null for a batch that carries its own (payload). */
function recordsOf(r: Replica, store: RecordStore, b: LogBatch): RecordStream | null {
  return b.firstRecord >= 0 ? findRecordStream(store, b.producer, r.tp) ?? null : null
}

/** Record k's key id: from the record stream, or from the payload (__consumer_offsets' keys). */
function keyAt(store: RecordStore, recs: RecordStream | null, b: LogBatch, k: number): number {
  if (recs !== null) return recordKeyId(recs, b.firstRecord + k)
  const rec = (b.payload as readonly { type?: string; groupId?: string; tp?: string }[] | undefined)?.[k]
  if (!rec) return -1
  // GroupMetadataKey (the group) or OffsetCommitKey (the group and the partition)
  return internKey(store, rec.type === 'offset' ? `offset:${rec.groupId}:${rec.tp}` : `group:${rec.groupId}`)
}
