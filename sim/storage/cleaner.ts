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
 * Simplified: the offset map holds every key (Kafka's is bounded by log.cleaner.dedupe.buffer.size);
 * the cleaner's checkpoint is the first uncleanable offset; a batch the cleaner empties stays in the
 * log as an empty batch (Kafka keeps only a producer's last one); cleaning takes no simulated time.
 */
import { batchAtIndex, newBatchLogFrom, pushBatch } from './batch-log.ts'
import { addToSegment, activeSegment, type LogSegment } from './segments.ts'
import { findRecordStream, internKey, recordKeyId, recordTimestamp, recordValue, type RecordStore, type RecordStream } from './records.ts'
import type { LogBatch } from './batch.ts'
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

/** A record's key id and whether it is a tombstone, for the records of one batch. */
interface BatchRecords {
  key(i: number): number
  tombstone(i: number): boolean
  timestamp(i: number): number
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
  for (const [first, last] of groupBySize(segs, cut, r.config.segmentBytes)) {
    const seg: LogSegment = { baseOffset: segs[first].baseOffset, firstIndex: out.length, sizeBytes: 0, largestTimestamp: -1, rollingBasedTimestamp: -1, createdMs: segs[first].createdMs }
    const end = segs[last + 1].firstIndex
    for (let i = Math.max(segs[first].firstIndex, log.start); i < end; i++) {
      const b = cleanBatch(r, store, batchAtIndex(log, i), latest, nowMs, cleaning)
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

/** Cleaner.buildOffsetMap: each key's latest offset in [from, to). */
function offsetMap(r: Replica, store: RecordStore, from: number, to: number): Map<number, number> {
  const map = new Map<number, number>()
  for (let i = r.log.start; i < r.log.length; i++) {
    const b = batchAtIndex(r.log, i)
    if (b.baseOffset + b.count <= from) continue
    if (b.baseOffset >= to) break
    const recs = batchRecords(r, store, b)
    forEachRecord(b, (k) => {
      const offset = b.baseOffset + k
      const key = recs.key(k)
      if (offset >= from && offset < to && key >= 0) map.set(key, offset)
    })
  }
  return map
}

function forEachRecord(b: LogBatch, f: (index: number) => void): void {
  if (b.retained) for (const k of b.retained) f(k)
  else for (let k = 0; k < b.count; k++) f(k)
}

/** Cleaner.shouldRetainRecord over one batch; the batch itself when it keeps every record and needs no horizon. */
function cleanBatch(r: Replica, store: RecordStore, b: LogBatch, latest: Map<number, number>, nowMs: number, cleaning: Cleaning): LogBatch {
  const recs = batchRecords(r, store, b)
  const kept: number[] = []
  let tombstoneKept = false
  let dropped = false
  forEachRecord(b, (k) => {
    const key = recs.key(k)
    const tombstone = recs.tombstone(k)
    const latestForKey = key >= 0 && b.baseOffset + k >= (latest.get(key) ?? -1)
    const retainTombstone = b.deleteHorizonMs === undefined || nowMs < b.deleteHorizonMs
    if (latestForKey && (!tombstone || retainTombstone)) {
      kept.push(k)
      if (tombstone) tombstoneKept = true
      return
    }
    dropped = true
    cleaning.removed++
    if (tombstone && latestForKey) cleaning.tombstonesRemoved++
    if (b.baseSequence >= 0) addRemoved(cleaning.removedRanges, b.producer, b.baseSequence + k)
  })
  const needsHorizon = tombstoneKept && b.deleteHorizonMs === undefined
  if (!dropped && !needsHorizon) return b
  const sizeBytes = b.count === 0 ? 0 : Math.round((b.sizeBytes * kept.length) / b.count)
  const out: LogBatch = { ...b, sizeBytes, retained: kept }
  if (needsHorizon) out.deleteHorizonMs = nowMs + r.config.deleteRetentionMs
  if (kept.length > 0 && kept.length < (b.retained?.length ?? b.count)) out.maxTimestamp = maxKeptTimestamp(b, recs, kept)
  return out
}

function maxKeptTimestamp(b: LogBatch, recs: BatchRecords, kept: readonly number[]): number {
  let max = -1
  for (const k of kept) max = Math.max(max, recs.timestamp(k))
  return b.timestampType === 'LogAppendTime' ? b.maxTimestamp : max
}

function addRemoved(ranges: RemovedRange[], producer: string, seq: number): void {
  const last = ranges[ranges.length - 1]
  if (last && last[0] === producer && last[2] + 1 === seq) last[2] = seq
  else ranges.push([producer, seq, seq])
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

/** Keys, tombstones and timestamps of a batch's records: from its producer's record stream, or its payload. */
function batchRecords(r: Replica, store: RecordStore, b: LogBatch): BatchRecords {
  const stream: RecordStream | undefined = b.firstRecord >= 0 ? findRecordStream(store, b.producer, r.tp) : undefined
  if (stream) {
    return {
      key: (i) => recordKeyId(stream, b.firstRecord + i),
      tombstone: (i) => recordValue(stream, b.firstRecord + i) === null,
      timestamp: (i) => (b.timestampType === 'LogAppendTime' ? b.maxTimestamp : recordTimestamp(stream, b.firstRecord + i)),
    }
  }
  const payload = b.payload as readonly { type?: string; groupId?: string; tp?: string }[] | undefined
  return {
    key: (i) => {
      const rec = payload?.[i]
      if (!rec) return -1
      // __consumer_offsets keys: the group (GroupMetadataKey) or the group and partition (OffsetCommitKey)
      return internKey(store, rec.type === 'offset' ? `offset:${rec.groupId}:${rec.tp}` : `group:${rec.groupId}`)
    },
    tombstone: () => false,
    timestamp: () => b.maxTimestamp,
  }
}

