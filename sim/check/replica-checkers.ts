/**
 * Replica checkers (kafka-semantics.md §4): online replicas that disagree below their high
 * watermarks (committed data that differs), two brokers that acted as leader of one partition in
 * one leader epoch, and a high watermark above the log end offset. They read the replicas' logs and
 * the History's leader claims, never broker code.
 */
import type { LogBatch } from '../storage/batch.ts'
import { batchAtIndex, firstBatchEndingAfter } from '../storage/batch-log.ts'
import type { Anomaly, DivergentSide } from '../trace/summary-types.ts'
import type { History, PartitionView, ReplicaView } from '../history/history.ts'
import { compareStrings } from '../coordinator/assignors/common.ts'
import { describeRecord, recordRef } from './record-text.ts'

/**
 * Two online replicas of a partition whose batches differ (offset, producer, sequence, count or
 * leader epoch) below both their high watermarks: committed data that is not the same everywhere.
 * A crashed broker's replica is left out: its log and its checkpointed high watermark are as it left
 * them, and after an unclean election they may hold records the new leader never had. Kafka
 * truncates that tail when the broker comes back, before it serves anything (the diverging-epoch
 * truncation of AbstractFetcherThread); the acknowledged records it held are reported as lost, not
 * as divergent. Replicas share batch objects, so equal batches are usually identical references.
 * One anomaly per replica pair, at the first differing offset, timed at the later append of the two
 * differing batches.
 */
export function findDivergentReplicas(partitions: readonly PartitionView[]): Anomaly[] {
  const anomalies: Anomaly[] = []
  for (const view of partitions) {
    const online = view.replicas.filter((r) => r.online)
    for (let i = 0; i < online.length; i++) {
      for (let j = i + 1; j < online.length; j++) {
        const found = firstDivergence(online[i], online[j], view.compacted)
        if (found) anomalies.push(describeDivergence(view, online[i], online[j], found))
      }
    }
  }
  return anomalies
}

interface Divergence {
  offset: number
  a: LogBatch
  b: LogBatch
}

function firstDivergence(a: ReplicaView, b: ReplicaView, compacted: boolean): Divergence | undefined {
  const lo = Math.max(a.logStartOffset, b.logStartOffset)
  const hi = Math.min(a.highWatermark, b.highWatermark, a.logEndOffset, b.logEndOffset)
  if (lo >= hi) return undefined
  const A = a.batches
  const B = b.batches
  let i = firstBatchEndingAfter(A, lo)
  let j = firstBatchEndingAfter(B, lo)
  while (i < A.length && j < B.length) {
    const x = batchAtIndex(A, i)
    const y = batchAtIndex(B, j)
    if (x.baseOffset >= hi || y.baseOffset >= hi) return undefined
    if (x === y || sameBatch(x, y)) {
      i++
      j++
      continue
    }
    // the log cleaner drops a batch it emptied, and a follower copies the leader's cleaned log with
    // its gaps: on a compacted topic, a batch that lies in a gap of the other replica's offsets is
    // no divergence (offsets are never reused, so only a cleaner leaves a gap)
    if (compacted && x.baseOffset + x.count <= y.baseOffset) {
      i++
      continue
    }
    if (compacted && y.baseOffset + y.count <= x.baseOffset) {
      j++
      continue
    }
    const offset = Math.max(lo, Math.min(x.baseOffset, y.baseOffset))
    return { offset, a: x, b: y }
  }
  return undefined
}

function sameBatch(x: LogBatch, y: LogBatch): boolean {
  return (
    x.baseOffset === y.baseOffset &&
    x.count === y.count &&
    x.producer === y.producer &&
    x.baseSequence === y.baseSequence &&
    x.partitionLeaderEpoch === y.partitionLeaderEpoch
  )
}

function describeDivergence(view: PartitionView, a: ReplicaView, b: ReplicaView, d: Divergence): Anomaly {
  const side = (r: ReplicaView, batch: LogBatch): string =>
    `broker ${r.broker} has ${describeRecord(batch, d.offset)} (leader epoch ${batch.partitionLeaderEpoch})`
  return {
    kind: 'divergentReplica',
    atMs: Math.max(d.a.appendedMs, d.b.appendedMs),
    detail:
      `${view.tp} replicas on brokers ${a.broker} and ${b.broker} differ at offset ${d.offset}, below both ` +
      `high watermarks (${a.highWatermark} and ${b.highWatermark}): ${side(a, d.a)}, ${side(b, d.b)}`,
    tp: view.tp,
    facts: {
      kind: 'divergentReplica',
      offset: d.offset,
      replicas: [divergentSide(a, d.a, d.offset), divergentSide(b, d.b, d.offset)],
    },
  }
}

function divergentSide(r: ReplicaView, batch: LogBatch, offset: number): DivergentSide {
  return { broker: r.broker, highWatermark: r.highWatermark, record: recordRef(batch, offset), leaderEpoch: batch.partitionLeaderEpoch }
}

/** Two different brokers that acted as leader of one partition in one leader epoch. One per extra broker. */
export function findMultipleLeaders(history: History): Anomaly[] {
  const claims = history.leaderClaims
    .map((claim, order) => ({ claim, order }))
    .sort(
      (x, y) =>
        compareStrings(x.claim.tp, y.claim.tp) ||
        x.claim.leaderEpoch - y.claim.leaderEpoch ||
        x.claim.atMs - y.claim.atMs ||
        x.order - y.order,
    )
    .map((c) => c.claim)
  const anomalies: Anomaly[] = []
  let g = 0
  while (g < claims.length) {
    let end = g
    while (
      end < claims.length &&
      claims[end].tp === claims[g].tp &&
      claims[end].leaderEpoch === claims[g].leaderEpoch
    ) {
      end++
    }
    const first = claims[g]
    const seen = [first.broker]
    for (let k = g + 1; k < end; k++) {
      const claim = claims[k]
      if (seen.includes(claim.broker)) continue
      seen.push(claim.broker)
      anomalies.push({
        kind: 'multipleLeaders',
        atMs: claim.atMs,
        detail:
          `${claim.tp} leader epoch ${claim.leaderEpoch} claimed by broker ${first.broker} at ${first.atMs} ms ` +
          `and by broker ${claim.broker} at ${claim.atMs} ms`,
        tp: claim.tp,
        facts: { kind: 'multipleLeaders', leaderEpoch: claim.leaderEpoch, first: { who: first.broker, atMs: first.atMs }, second: { who: claim.broker, atMs: claim.atMs } },
      })
    }
    g = end
  }
  return anomalies
}

/** A replica whose high watermark is above its log end offset, seen now. */
export function findHwAboveLeo(partitions: readonly PartitionView[], nowMs: number): Anomaly[] {
  const anomalies: Anomaly[] = []
  for (const view of partitions) {
    for (const r of view.replicas) {
      if (r.highWatermark <= r.logEndOffset) continue
      anomalies.push({
        kind: 'hwAboveLeo',
        atMs: nowMs,
        detail:
          `${view.tp} replica on broker ${r.broker}: high watermark ${r.highWatermark} above ` +
          `log end offset ${r.logEndOffset} at ${nowMs} ms`,
        tp: view.tp,
        facts: { kind: 'hwAboveLeo', broker: r.broker, highWatermark: r.highWatermark, logEndOffset: r.logEndOffset, atMs: nowMs },
      })
    }
  }
  return anomalies
}
