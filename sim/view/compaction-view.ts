/**
 * The partition log view's compaction layer (cleanup.policy=compact, or compact,delete): what a
 * learner needs to see the log cleaner at work on one replica's log.
 *
 * - Record cells with their key: each record of the drawn tail, and each record the cleaned part
 *   of the log (below the cleaner's checkpoint, Kafka's cleaner-offset-checkpoint) still holds,
 *   with its key, a colour index per key (the key's interned id modulo KEY_COLOUR_COUNT: the same
 *   key has the same colour in every lane, frame and run), its timestamp, and whether it is a
 *   tombstone (a null value: Cleaner.shouldRetainRecord keeps it until its delete horizon).
 * - The runs of offsets the cleaned part still holds (compaction never renumbers: between them are
 *   gaps), so the app can squeeze the gaps and give the few survivors room.
 * - The replica's most recent cleaning within CLEANED_SHOWN_MS (from the history's RecordRemovals
 *   with cause 'compaction', which storage/cleaner.ts and cluster/log-cleaner.ts write): the range
 *   it cleaned, how many records (and tombstones) it removed, and the removed records themselves,
 *   one by one in the drawn tail and as at most MAX_REMOVED_BANDS bands below it, so the app can
 *   show "before" (the removed records fading out in their key colours) and "after" (the latest
 *   record of each key, at its old offset).
 *
 * Read-only over the world and deterministic. Cost per lane: O(tail + kept batches walked, at most
 * MAX_KEPT_BATCHES); allocations only for the cells and bands drawn. A cleaning's removed records
 * are decoded once (producer sequence → offset through the send log, key and value through the
 * record stream, as check/compaction-checkers.ts does) and cached by the RecordRemoval, which never
 * changes once written.
 */
import type { World } from '../nodes/world.ts'
import { batchAtIndex, firstBatchEndingAfter, type BatchLog } from '../storage/batch-log.ts'
import type { LogBatch } from '../storage/batch.ts'
import { findRecordStream, recordKeyId, recordTimestamp, recordValue, type RecordStore, type RecordStream } from '../storage/records.ts'
import { getInt } from '../history/int-column.ts'
import { recordNumberOf, type RecordRemoval } from '../history/history.ts'

/** Key colours: a key's colour index is its interned id modulo this (the app's palette has as many). */
export const KEY_COLOUR_COUNT = 7
/** How long a cleaning stays in the view (its removed records fade out over it). */
export const CLEANED_SHOWN_MS = 10_000
/** Cells made for the cleaned part at most (the ones nearest the log start); runs go on past them. */
export const MAX_KEPT_CELLS = 240
/** Batches of the cleaned part looked at per lane at most; past them the rest is one run. */
export const MAX_KEPT_BATCHES = 600
/** Runs of the cleaned part at most; past them the rest is one run. */
export const MAX_KEPT_RUNS = 120
/** Bands the removed records below the drawn tail are summarised in, at most. */
export const MAX_REMOVED_BANDS = 48
/** Distinct keys a band lists, at most. */
export const MAX_BAND_KEYS = 4

/** One record, as a cell of the log. */
export interface RecordCell {
  offset: number
  /** its key (null: none) */
  key: string | null
  /** the key's colour index in [0, KEY_COLOUR_COUNT), -1 for a null key */
  colour: number
  /** a null value: a tombstone, which deletes its key */
  tombstone: boolean
  /** the record's timestamp (CreateTime, or the batch's LogAppendTime) */
  timestamp: number
}

/** Offsets [from, to) with a record at each. */
export interface OffsetRun {
  from: number
  to: number
}

/**
 * Removed records summarised: offsets [from, to) held `count` of them. `colour` and `key` are one
 * of them, taken further along in each next band, so that the bands together show the mix of keys
 * the log held (as the tail still does); `keys` are the first distinct keys among them.
 */
export interface RemovedBand {
  from: number
  to: number
  count: number
  colour: number
  key: string | null
  /** up to MAX_BAND_KEYS distinct keys of the band: `key` first, then the others by offset */
  keys: (string | null)[]
  /** the band holds more distinct keys than `keys` lists */
  moreKeys: boolean
}

/** One cleaning of this replica's log (Cleaner.doClean), as the view shows it. */
export interface CleanerPass {
  atMs: number
  /** offsets [from, to) cleaned: from the log's first segment to the cleaner's checkpoint */
  from: number
  to: number
  /** records removed (each superseded by a newer record of its key, or a tombstone past its horizon) */
  removed: number
  tombstones: number
  /** the removed records in the drawn tail, one by one, by offset */
  cells: RecordCell[]
  /** the removed records below the drawn tail, in bands, by offset */
  bands: RemovedBand[]
}

export interface LaneCompaction {
  /** the cleaner's checkpoint: offsets below it have been cleaned */
  cleanedTo: number
  /** records of the cleaned part drawn one by one, then of the tail [tailFrom, LEO), by offset */
  cells: RecordCell[]
  /** the runs of offsets the cleaned part below the tail holds, by offset (gaps between them) */
  kept: OffsetRun[]
  /** where the cleaned part below the tail ends: min(cleanedTo, tailFrom) */
  keptTo: number
  /** the replica's latest cleaning within CLEANED_SHOWN_MS, or null */
  pass: CleanerPass | null
}

/** The colour index of a key id. */
export function keyColour(keyId: number): number {
  return keyId < 0 ? -1 : keyId % KEY_COLOUR_COUNT
}

/** One replica's compaction layer over the drawn window [start, end), the tail from tailFrom. */
export function laneCompaction(w: World, tp: string, broker: number, batches: BatchLog, cleanedTo: number, tailFrom: number, end: number): LaneCompaction {
  const streams = streamLookup(w.records, tp)
  const cells: RecordCell[] = []
  const kept: OffsetRun[] = []
  const keptTo = Math.min(cleanedTo, tailFrom)
  walkKept(batches, keptTo, streams, w.records, cells, kept)
  const cut = firstBatchEndingAfter(batches, tailFrom)
  for (let i = cut; i < batches.length; i++) {
    const b = batchAtIndex(batches, i)
    eachRecord(b, (k) => {
      const offset = b.baseOffset + k
      if (offset >= tailFrom && offset < end) cells.push(cell(w.records, streams(b.producer), b, k))
    })
  }
  return { cleanedTo, cells, kept, keptTo, pass: latestPass(w, tp, broker, cleanedTo, tailFrom, end) }
}

/** The cleaned part below the tail, from the log's first batch: its runs, and cells for its first records. */
function walkKept(batches: BatchLog, keptTo: number, streams: (producer: string) => RecordStream | null, store: RecordStore, cells: RecordCell[], kept: OffsetRun[]): void {
  let walked = 0
  for (let i = batches.start; i < batches.length; i++) {
    const b = batchAtIndex(batches, i)
    if (b.baseOffset >= keptTo) return
    if (++walked > MAX_KEPT_BATCHES) {
      // past the budget: the rest of the cleaned part is one run
      const from = kept.length > 0 ? kept[kept.length - 1].to : b.baseOffset
      if (from < keptTo) kept.push({ from, to: keptTo })
      return
    }
    eachRecord(b, (k) => {
      const offset = b.baseOffset + k
      if (offset >= keptTo) return
      const last = kept[kept.length - 1]
      if (last && last.to === offset) last.to = offset + 1
      else if (kept.length < MAX_KEPT_RUNS) kept.push({ from: offset, to: offset + 1 })
      else last.to = offset + 1
      if (cells.length < MAX_KEPT_CELLS) cells.push(cell(store, streams(b.producer), b, k))
    })
  }
}

/** Calls `each(k)` for the index of every record a batch still holds (the cleaner may have removed some). */
function eachRecord(b: LogBatch, each: (k: number) => void): void {
  if (b.retained) for (const k of b.retained) each(k)
  else for (let k = 0; k < b.count; k++) each(k)
}

function cell(store: RecordStore, s: RecordStream | null, b: LogBatch, k: number): RecordCell {
  if (s === null || b.firstRecord < 0) return { offset: b.baseOffset + k, key: null, colour: -1, tombstone: false, timestamp: b.maxTimestamp }
  const n = b.firstRecord + k
  const id = recordKeyId(s, n)
  return {
    offset: b.baseOffset + k,
    key: id < 0 ? null : store.keys[id],
    colour: keyColour(id),
    tombstone: recordValue(s, n) === null,
    timestamp: b.timestampType === 'LogAppendTime' ? b.maxTimestamp : recordTimestamp(s, n),
  }
}

/** The record stream of a producer on this partition, looked up once per producer (no key string per batch). */
function streamLookup(store: RecordStore, tp: string): (producer: string) => RecordStream | null {
  let lastProducer: string | null = null
  let last: RecordStream | null = null
  return (producer) => {
    if (producer !== lastProducer) {
      lastProducer = producer
      last = findRecordStream(store, producer, tp) ?? null
    }
    return last
  }
}

// ---------------------------------------------------------------------------------------------------
// The latest cleaning

/** The removed records of one cleaning, by offset (typed arrays: one allocation per cleaning). */
interface Removed {
  offsets: Float64Array
  keys: Int32Array
  timestamps: Float64Array
  tombstones: Uint8Array
  /** records removed (some may lack an offset: sent with acks=0, or not acknowledged yet) */
  total: number
  tombstoneCount: number
}

/** Decoded cleanings; one with records not acknowledged yet is decoded again once the world moved on. */
const removedCache = new WeakMap<RecordRemoval, { removed: Removed; events: number }>()

/** The replica's latest RecordRemoval by compaction within CLEANED_SHOWN_MS (the history is in time order). */
function latestPass(w: World, tp: string, broker: number, cleanedTo: number, tailFrom: number, end: number): CleanerPass | null {
  const removals = w.history.removals
  for (let i = removals.length - 1; i >= 0 && removals[i].atMs > w.nowMs - CLEANED_SHOWN_MS; i--) {
    const r = removals[i]
    if (r.cause !== 'compaction' || r.broker !== broker || r.tp !== tp) continue
    const removed = removedRecords(w, r)
    const cells: RecordCell[] = []
    const firstInTail = lowerBound(removed.offsets, tailFrom)
    for (let j = firstInTail; j < removed.offsets.length && removed.offsets[j] < end; j++) {
      const key = removed.keys[j]
      cells.push({ offset: removed.offsets[j], key: key < 0 ? null : w.records.keys[key], colour: keyColour(key), tombstone: removed.tombstones[j] === 1, timestamp: removed.timestamps[j] })
    }
    return {
      atMs: r.atMs,
      from: r.fromOffset,
      to: Math.max(r.fromOffset, cleanedTo),
      removed: removed.total,
      tombstones: removed.tombstoneCount,
      cells,
      bands: removedBands(removed, firstInTail, w.records),
    }
  }
  return null
}

/** Removed records [0, n) in at most MAX_REMOVED_BANDS bands of about equal counts. */
function removedBands(removed: Removed, n: number, store: RecordStore): RemovedBand[] {
  const bands: RemovedBand[] = []
  const count = Math.min(n, MAX_REMOVED_BANDS)
  for (let i = 0; i < count; i++) {
    const a = Math.floor((i * n) / count)
    const b = Math.floor(((i + 1) * n) / count)
    const sample = removed.keys[a + (i % (b - a))]
    // the sampled key (the band's colour) first, then the others by offset
    const ids: number[] = [sample]
    let moreKeys = false
    for (let j = a; j < b && !moreKeys; j++) {
      const id = removed.keys[j]
      if (ids.includes(id)) continue
      if (ids.length < MAX_BAND_KEYS) ids.push(id)
      else moreKeys = true
    }
    const name = (id: number) => (id < 0 ? null : store.keys[id])
    bands.push({ from: removed.offsets[a], to: removed.offsets[b - 1] + 1, count: b - a, colour: keyColour(sample), key: name(sample), keys: ids.map(name), moreKeys })
  }
  return bands
}

/** The first index whose value is at or above `x` (values ascending). */
function lowerBound(values: Float64Array, x: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** A cleaning's removed records, decoded once: [producer, first, last sequence] → offset, key, value. */
function removedRecords(w: World, r: RecordRemoval): Removed {
  const hit = removedCache.get(r)
  if (hit && (hit.events < 0 || hit.events === w.events)) return hit.removed
  let total = 0
  for (const [, fromSeq, toSeq] of r.ranges) total += toSeq - fromSeq + 1
  const offsets = new Float64Array(total)
  const keys = new Int32Array(total)
  const timestamps = new Float64Array(total)
  const tombstones = new Uint8Array(total)
  let n = 0
  let tombstoneCount = 0
  let sorted = true
  for (const [producer, fromSeq, toSeq] of r.ranges) {
    const log = w.history.sends[`${producer}|${r.tp}`]
    const stream = findRecordStream(w.records, producer, r.tp)
    for (let seq = fromSeq; seq <= toSeq; seq++) {
      const rec = log ? recordNumberOf(log, seq) : -1
      if (!stream || rec < 0 || rec >= stream.n) continue
      const tombstone = recordValue(stream, rec) === null
      if (tombstone) tombstoneCount++
      // the offset the producer was told (sent with acks=0, or not acknowledged yet: none)
      const offset = seq < log.n ? getInt(log.outcome, seq) : -1
      if (offset < 0) continue
      if (n > 0 && offset < offsets[n - 1]) sorted = false
      offsets[n] = offset
      keys[n] = recordKeyId(stream, rec)
      timestamps[n] = recordTimestamp(stream, rec)
      tombstones[n] = tombstone ? 1 : 0
      n++
    }
  }
  const removed: Removed = { offsets: offsets.subarray(0, n), keys: keys.subarray(0, n), timestamps: timestamps.subarray(0, n), tombstones: tombstones.subarray(0, n), total, tombstoneCount }
  if (!sorted) sortByOffset(removed)
  removedCache.set(r, { removed, events: n < total ? w.events : -1 })
  return removed
}

/** Several producers' ranges interleave: order the columns by offset. */
function sortByOffset(r: Removed): void {
  const order = Array.from(r.offsets.keys()).sort((a, b) => r.offsets[a] - r.offsets[b])
  const copy = { offsets: r.offsets.slice(), keys: r.keys.slice(), timestamps: r.timestamps.slice(), tombstones: r.tombstones.slice() }
  order.forEach((from, to) => {
    r.offsets[to] = copy.offsets[from]
    r.keys[to] = copy.keys[from]
    r.timestamps[to] = copy.timestamps[from]
    r.tombstones[to] = copy.tombstones[from]
  })
}
