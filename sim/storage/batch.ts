// The batch type lives with the Kafka messages that carry it.
import type { LogBatch } from '../kafka/payloads.ts'
export type { LogBatch } from '../kafka/payloads.ts'

/**
 * Index of the first batch holding an offset at or after `offset` in a sorted log (binary search);
 * `batches.length` when every batch ends before it.
 */
export function firstBatchEndingAfter(batches: readonly LogBatch[], offset: number): number {
  let lo = 0
  let hi = batches.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const b = batches[mid]
    if (b.baseOffset + b.count <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The batch holding `offset` in a sorted log, or undefined when none does. */
export function batchAt(batches: readonly LogBatch[], offset: number): LogBatch | undefined {
  const b = batches[firstBatchEndingAfter(batches, offset)]
  return b && b.baseOffset <= offset ? b : undefined
}
