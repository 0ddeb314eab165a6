/**
 * A record batch as stored in a partition log (Kafka's RecordBatch, v2 format).
 *
 * One LogBatch object is created when the leader appends; followers store the very same object
 * (replication moves references, never copies records). A batch is immutable once appended.
 * Records inside a batch are identified by (producer, partition, sequence): record i of the batch
 * is sequence `baseSequence + i` of its producer for that partition, at offset `baseOffset + i`.
 * `baseSequence` is kafkascope's record identity (it never restarts, and is kept without
 * idempotence, so the checkers can follow every record); `sequence` is what Kafka's batch header
 * carries: the idempotent producer's sequence for (producerId, partition), or -1.
 * Keys and values live with the producer's record table (see clients/), not per batch.
 */
export interface LogBatch {
  baseOffset: number
  /** number of records */
  count: number
  /** leader epoch of the leader that appended the batch */
  partitionLeaderEpoch: number
  /** client id of the producer that sent it */
  producer: string
  /** Kafka producer id (-1 when idempotence is off) */
  producerId: number
  /** record identity of the first record: the producer's per-partition record number */
  baseSequence: number
  /** Kafka's base sequence in the batch header (idempotent producers), -1 otherwise */
  sequence: number
  /** producer epoch (idempotent producers bump it after OUT_OF_ORDER_SEQUENCE_NUMBER) */
  producerEpoch: number
  /** create time of the first record (ms) */
  firstTimestamp: number
  /** time the leader appended the batch (ms) */
  appendedMs: number
  /** value bytes in the batch */
  sizeBytes: number
  /** the records' content, kept only for internal topics (__consumer_offsets records) */
  payload?: readonly unknown[]
}

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
