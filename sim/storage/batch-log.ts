/**
 * A replica's record batches, in offset order, kept in fixed-size chunks so that a snapshot of the
 * world (the app's time-travel checkpoints) shares almost all of them instead of copying the log.
 *
 * Invariants:
 * - every chunk but the last holds exactly CHUNK batches; batch i is chunks[i >> CHUNK_BITS][i & MASK];
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
  length: number
}

export function newBatchLog(): BatchLog {
  return { chunks: [], length: 0 }
}

/** A log holding `batches` (for tests). */
export function batchLogOf(batches: readonly LogBatch[]): BatchLog {
  const log = newBatchLog()
  for (const b of batches) pushBatch(log, b)
  return log
}

/** The batch at index `i` (0 ≤ i < log.length). */
export function batchAtIndex(log: BatchLog, i: number): LogBatch {
  return log.chunks[i >>> CHUNK_BITS][i & MASK]
}

export function lastBatch(log: BatchLog): LogBatch | undefined {
  return log.length === 0 ? undefined : batchAtIndex(log, log.length - 1)
}

export function pushBatch(log: BatchLog, b: LogBatch): void {
  if ((log.length & MASK) === 0) log.chunks.push([b])
  else log.chunks[log.chunks.length - 1].push(b)
  log.length++
}

/** Keep the first `n` batches. The chunk cut into is copied first: a snapshot may share it. */
export function truncateBatches(log: BatchLog, n: number): void {
  if (n >= log.length) return
  const keepChunks = (n + MASK) >>> CHUNK_BITS
  log.chunks.length = keepChunks
  const inLast = n & MASK
  if (inLast !== 0) log.chunks[keepChunks - 1] = log.chunks[keepChunks - 1].slice(0, inLast)
  log.length = n
}

/** A copy that shares every full chunk and owns its partial last one. */
export function copyBatchLog(log: BatchLog): BatchLog {
  const chunks = log.chunks.slice()
  if ((log.length & MASK) !== 0) chunks[chunks.length - 1] = chunks[chunks.length - 1].slice()
  return { chunks, length: log.length }
}

/** Batches [from, to) as an array (views and tests; not for the step loop). */
export function batchesOf(log: BatchLog, from = 0, to = log.length): LogBatch[] {
  const out: LogBatch[] = []
  for (let i = Math.max(0, from); i < Math.min(to, log.length); i++) out.push(batchAtIndex(log, i))
  return out
}

/**
 * Index of the first batch holding an offset at or after `offset`; `log.length` when every batch
 * ends before it. Most reads are at the log's end (followers and consumers that have caught up),
 * so the last batch is looked at first; the rest is a binary search.
 */
export function firstBatchEndingAfter(log: BatchLog, offset: number): number {
  const n = log.length
  if (n === 0) return 0
  const last = batchAtIndex(log, n - 1)
  if (last.baseOffset + last.count <= offset) return n
  // batches are in offset order and do not overlap: every earlier one ends at or before this one's base
  if (last.baseOffset <= offset) return n - 1
  let lo = 0
  let hi = n - 1
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
