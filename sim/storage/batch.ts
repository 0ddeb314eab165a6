// The batch type lives with the Kafka messages that carry it; a replica's log of them is storage/batch-log.ts.
export type { LogBatch } from '../kafka/payloads.ts'
