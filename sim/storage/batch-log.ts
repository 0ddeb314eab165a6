/**
 * A replica's record batches, in offset order, kept in fixed-size chunks so that a snapshot of the
 * world (the app's time-travel checkpoints) shares almost all of them instead of copying the log.
 *
 * Batch indexes are absolute: a batch keeps its index for as long as it is in the log. Retention and
 * DeleteRecords remove batches from the front (dropBatchesBefore): the log then starts at `start`,
 * and whole chunks below it are let go (`dropped` counts them), so a log with retention stays small.
 *
 * Invariants:
 * - the log holds batches [start, length); every chunk but the first and the last holds exactly
 *   CHUNK batches; batch i is chunks[(i >> CHUNK_BITS) - dropped][i & MASK] (slots of the first chunk
 *   below `start` may be empty);
 * - a full chunk is never written again: appends open a new chunk, so two logs (the live world's
 *   and a snapshot's) may share full chunks;
 * - a partial (last) chunk belongs to one log only: copyBatchLog copies it, and truncating into a
 *   chunk copies that chunk before cutting it (it may be a full chunk another log shares).
 * Batches themselves are immutable once appended (storage/batch.ts), so sharing them is safe.
 * Plain data (arrays and a number), so structuredClone copies a BatchLog like any other state.
 */
import type { LogBatch } from './batch.ts'

const CHUNK_BITS = 8
/** Batches per chunk. */
export const CHUNK = 1 << CHUNK_BITS
const MASK = CHUNK - 1

export interface BatchLog {
  chunks: LogBatch[][]
  /** one past the index of the last batch */
  length: number
  /** index of the first batch still in the log */
  start: number
  /** chunks let go from the front */
  dropped: number
}

export function newBatchLog(): BatchLog {
  return { chunks: [], length: 0, start: 0, dropped: 0 }
}

/** An empty log whose first batch will have index `start` (a log rebuilt by the cleaner keeps its indexes). */
export function newBatchLogFrom(start: number): BatchLog {
  const log: BatchLog = { chunks: [], length: start, start, dropped: start >>> CHUNK_BITS }
  // the slots of the first chunk below `start` stay empty
  if ((start & MASK) !== 0) log.chunks.push(new Array<LogBatch>(start & MASK))
  return log
}

/** How many batches the log holds. */
export function batchCount(log: BatchLog): number {
  return log.length - log.start
}

/** A log holding `batches` (for tests). */
export function batchLogOf(batches: readonly LogBatch[]): BatchLog {
  const log = newBatchLog()
  for (const b of batches) pushBatch(log, b)
  return log
}

/** The batch at index `i` (log.start ≤ i < log.length). */
export function batchAtIndex(log: BatchLog, i: number): LogBatch {
  return log.chunks[(i >>> CHUNK_BITS) - log.dropped][i & MASK]
}

export function lastBatch(log: BatchLog): LogBatch | undefined {
  return log.length === log.start ? undefined : batchAtIndex(log, log.length - 1)
}

export function pushBatch(log: BatchLog, b: LogBatch): void {
  const k = (log.length >>> CHUNK_BITS) - log.dropped
  if (k === log.chunks.length) log.chunks.push([b])
  else log.chunks[k].push(b)
  log.length++
}

/**
 * Keep the batches below index `n`. The chunk cut into is copied first: a snapshot may share it.
 * Cutting below the log's start empties it; it goes on at index `n`.
 */
export function truncateBatches(log: BatchLog, n: number): void {
  if (n >= log.length) return
  if (n < log.start) log.start = n
  const keepChunks = ((n + MASK) >>> CHUNK_BITS) - log.dropped
  const inLast = n & MASK
  if (keepChunks <= 0) {
    // every batch kept lies in chunks already let go: start over at n's chunk, its slots below n empty
    log.chunks = []
    log.dropped = n >>> CHUNK_BITS
    if (inLast !== 0) log.chunks.push(new Array<LogBatch>(inLast))
  } else {
    log.chunks.length = keepChunks
    if (inLast !== 0) log.chunks[keepChunks - 1] = log.chunks[keepChunks - 1].slice(0, inLast)
  }
  log.length = n
}

/**
 * Let go of the batches below index `n` (retention, DeleteRecords): the log starts at `n`. Whole
 * chunks below it leave the chunk list; the chunk holding `n` stays (its slots below `n` are no
 * longer read). The chunk list is a new array, so a snapshot that shares the old one keeps its own.
 */
export function dropBatchesBefore(log: BatchLog, n: number): void {
  const to = Math.min(n, log.length)
  if (to <= log.start) return
  log.start = to
  const firstKept = to >>> CHUNK_BITS
  if (firstKept > log.dropped) {
    log.chunks = log.chunks.slice(firstKept - log.dropped)
    log.dropped = firstKept
  }
}

/** A copy that shares every full chunk and owns its partial last one. */
export function copyBatchLog(log: BatchLog): BatchLog {
  const chunks = log.chunks.slice()
  if ((log.length & MASK) !== 0 && chunks.length > 0) chunks[chunks.length - 1] = chunks[chunks.length - 1].slice()
  return { chunks, length: log.length, start: log.start, dropped: log.dropped }
}

/** Batches [from, to) as an array, within [start, length) (views and tests; not for the step loop). */
export function batchesOf(log: BatchLog, from = log.start, to = log.length): LogBatch[] {
  const out: LogBatch[] = []
  for (let i = Math.max(log.start, from); i < Math.min(to, log.length); i++) out.push(batchAtIndex(log, i))
  return out
}

/**
 * Index of the first batch holding an offset at or after `offset`; `log.length` when every batch
 * ends before it. Most reads are at the log's end (followers and consumers that have caught up),
 * so the last batch is looked at first, then the few before it; the rest is a binary search.
 */
export function firstBatchEndingAfter(log: BatchLog, offset: number): number {
  const n = log.length
  if (n === log.start) return n
  const last = batchAtIndex(log, n - 1)
  if (last.baseOffset + last.count <= offset) return n
  // batches are in offset order and do not overlap: every earlier one ends at or before this one's base
  if (last.baseOffset <= offset) return n - 1
  // readers mostly fetch near the end: look a few batches back before searching the whole log
  let hi = n - 1
  for (let k = 0; k < 8 && hi > log.start; k++, hi--) {
    const b = batchAtIndex(log, hi - 1)
    if (b.baseOffset + b.count <= offset) return hi
  }
  let lo = log.start
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const b = batchAtIndex(log, mid)
    if (b.baseOffset + b.count <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The batch holding `offset`, or undefined when none does. */
export function batchAt(log: BatchLog, offset: number): LogBatch | undefined {
  const i = firstBatchEndingAfter(log, offset)
  if (i >= log.length) return undefined
  const b = batchAtIndex(log, i)
  return b.baseOffset <= offset ? b : undefined
}
