/**
 * History checkers: what clients observed (History) against what the replicas hold now (PartitionView).
 *
 * They look for the anomalies a Kafka user would call bugs or data loss: acknowledged writes that are
 * gone (typically after an unclean leader election or an acks=1 failover), records written twice
 * (a non-idempotent retry), records found at another offset than the one acknowledged, polls that
 * go backwards without a seek, replicas that disagree below their high watermarks, two leaders in
 * one leader epoch, and a high watermark above the log end offset (kafka-semantics.md §4).
 * Like Jepsen's Kafka checker, they read only observable history and the replicas' logs and never call
 * broker code.
 *
 * Speed: a record is (producer, partition, sequence), so per-record state lives in typed arrays
 * indexed by sequence, one set per producer × partition. Records are looked up in one reference log
 * per partition (a single walk); other replicas are compared batch by batch (shared batch objects
 * make `a === b` the usual case) and walked record by record only when some acked record is missing.
 *
 * Each concern has its module: acked-writes.ts (lost, duplicated and misplaced acknowledged records),
 * poll-checkers.ts (polls going backwards), replica-checkers.ts (divergent replicas, two leaders in one
 * epoch, HW above LEO), group-checkers.ts (consumer groups), share-checkers.ts (share groups),
 * anomalies.ts (the report's order); the record index they share is observe/record-index.ts. This
 * module runs them all into one report.
 */
import { findCompactionLosses } from './compaction-checkers.ts'
import type { CheckReport } from '../trace/summary-types.ts'
import type { History, PartitionView } from '../history/history.ts'
import { indexRecords } from '../observe/record-index.ts'
import { findDuplicates, findInconsistentOffsets, findLostAckedWrites } from './acked-writes.ts'
import { findNonMonotonicPolls } from './poll-checkers.ts'
import { findDivergentReplicas, findHwAboveLeo, findMultipleLeaders } from './replica-checkers.ts'
import { FIRST_ANOMALIES_MAX, firstAnomalies, groupAnomalies } from './anomalies.ts'
import { checkGroups } from './group-checkers.ts'
import { checkShareGroups } from './share-checkers.ts'
import type { SharePartitionView } from '../observe/share-groups.ts'
import type { ShareAckUnanswered } from '../history/share-history.ts'

export { indexRecords, type DuplicateCopy, type PartitionRecords, type ProducerRecords, type RecordIndex } from '../observe/record-index.ts'
export { findDuplicates, findInconsistentOffsets, findLostAckedWrites } from './acked-writes.ts'
export { findNonMonotonicPolls } from './poll-checkers.ts'
export { findCompactionLosses } from './compaction-checkers.ts'
export { findDivergentReplicas, findHwAboveLeo, findMultipleLeaders } from './replica-checkers.ts'
export { ANOMALY_GROUPS_MAX, FIRST_ANOMALIES_MAX, compareAnomalies, firstAnomalies, groupAnomalies } from './anomalies.ts'

/** Run every checker over the history and the cluster's current partitions. */
export function checkHistory(history: History, partitions: PartitionView[], nowMs: number, shares: readonly SharePartitionView[] = [], shareAcksAwaiting: readonly ShareAckUnanswered[] = []): CheckReport {
  const index = indexRecords(history, partitions)
  const lost = findLostAckedWrites(history, partitions, index)
  const duplicates = findDuplicates(history, partitions, index)
  const inconsistent = findInconsistentOffsets(history, partitions, index)
  const polls = findNonMonotonicPolls(history)
  const divergent = findDivergentReplicas(partitions)
  const leaders = findMultipleLeaders(history)
  const hw = findHwAboveLeo(partitions, nowMs)
  const groups = checkGroups(history)
  const compaction = findCompactionLosses(history, partitions)
  const share = checkShareGroups(history, shares, nowMs, shareAcksAwaiting)
  const all = [lost, duplicates, inconsistent, polls, divergent, leaders, hw, groups.concurrentConsumers, groups.partitionsOwnedTwice, groups.committedBackwards, groups.skippedRecords, compaction, share.ackedByOther, share.ackedTwice, share.recordsLost, share.deliveriesOverLimit]
  const total = all.reduce((sum, list) => sum + list.length, 0)
  return {
    ok: total === 0,
    lostAckedWrites: lost.length,
    duplicates: duplicates.length,
    inconsistentOffsets: inconsistent.length,
    nonMonotonicPolls: polls.length,
    divergentReplicas: divergent.length,
    multipleLeaders: leaders.length,
    hwAboveLeo: hw.length,
    concurrentConsumers: groups.concurrentConsumers.length,
    partitionsOwnedTwice: groups.partitionsOwnedTwice.length,
    committedBackwards: groups.committedBackwards.length,
    skippedRecords: groups.skippedRecords.length,
    compactionLostLatest: compaction.length,
    shareAckedByOther: share.ackedByOther.length,
    shareAckedTwice: share.ackedTwice.length,
    shareRecordsLost: share.recordsLost.length,
    shareDeliveriesOverLimit: share.deliveriesOverLimit.length,
    redeliveries: groups.redeliveries,
    first: firstAnomalies(all, FIRST_ANOMALIES_MAX),
    grouped: groupAnomalies(all),
  }
}
