/** How the checkers name a record in their details: `<producer> seq <n>`, found by offset in a log. */
import type { LogBatch } from '../storage/batch.ts'
import { batchAt, type BatchLog } from '../storage/batch-log.ts'
import type { RecordRef } from '../trace/summary-types.ts'

export function describeRecord(batch: LogBatch, offset: number): string {
  return batch.baseSequence >= 0
    ? `${batch.producer} seq ${batch.baseSequence + (offset - batch.baseOffset)}`
    : `a record of ${batch.producer}`
}

export function recordAt(batches: BatchLog, offset: number): string | undefined {
  const batch = batchAt(batches, offset)
  return batch ? describeRecord(batch, offset) : undefined
}

/** The record at `offset` of `batch`, as data: its producer and sequence (null without one). */
export function recordRef(batch: LogBatch, offset: number): RecordRef {
  return { producer: batch.producer, seq: batch.baseSequence >= 0 ? batch.baseSequence + (offset - batch.baseOffset) : null }
}
