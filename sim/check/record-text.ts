/** How the checkers name a record in their details: `<producer> seq <n>`, found by offset in a log. */
import { batchAt, type LogBatch } from '../storage/batch.ts'

export function describeRecord(batch: LogBatch, offset: number): string {
  return batch.baseSequence >= 0
    ? `${batch.producer} seq ${batch.baseSequence + (offset - batch.baseOffset)}`
    : `a record of ${batch.producer}`
}

export function recordAt(batches: readonly LogBatch[], offset: number): string | undefined {
  const batch = batchAt(batches, offset)
  return batch ? describeRecord(batch, offset) : undefined
}
