// The batch type lives with the Kafka messages that carry it; a replica's log of them is storage/batch-log.ts.
import type { LogBatch } from '../kafka/payloads.ts'
export type { LogBatch }

/** How many records the batch still holds: all of them, unless the log cleaner removed some (`retained`). */
export function keptCount(b: LogBatch): number {
  return b.retained ? b.retained.length : b.count
}

/** The index in the batch (0..count-1; its offset is baseOffset + it) of the j-th record it still holds. */
export function keptIndex(b: LogBatch, j: number): number {
  return b.retained ? b.retained[j] : j
}
