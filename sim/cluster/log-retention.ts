/**
 * A broker's log storage duties: keeping each replica's LogConfig current, rolling segments on
 * append (with a note for the leader's rolls), the periodic retention pass, DeleteRecords, and the
 * leader's log start offset reaching a follower.
 *
 * Follows LogManager (the `kafka-log-retention` task: first run log.initial.task.delay.ms = 30 s after
 * start-up, then every log.retention.check.interval.ms, over every log of the broker, leader or
 * follower, except compacted logs: the cleaner runs their retention), UnifiedLog.deleteOldSegments (storage/retention.ts), ReplicaFetcherThread
 * (maybeIncrementLogStartOffset with the leader's log start, truncateFullyAndStartAt when the
 * follower's log ends below it) and ReplicaManager.deleteRecords.
 * Every record a replica lets go is written to the history (RecordRemoval), so the checkers can tell
 * retention's deletions from losses.
 */
import { timer } from '../kernel/node-io.ts'
import { emit } from '../kafka/events.ts'
import { resolveTopicConfig } from '../kafka/config.ts'
import type { World } from '../nodes/world.ts'
import type { BrokerNode, Replica } from './types.ts'
import { appendBatch } from '../storage/partition.ts'
import { deleteOldSegments, maybeIncrementLogStartOffset, truncateFullyAndStartAt, type SegmentDeletion } from '../storage/retention.ts'
import type { LogConfig } from '../storage/segments.ts'
import type { LogBatch } from '../storage/batch.ts'

/** LogManager's InitialTaskDelayMs (log.initial.task.delay.ms). */
export const RETENTION_INITIAL_DELAY_MS = 30_000

/** The topic's LogConfig as this broker's metadata has it. */
export function logConfigFor(w: World, b: BrokerNode, topic: string): LogConfig {
  const t = resolveTopicConfig(b.image.topics[topic]?.config ?? {}, w.brokerConfig)
  // frozen: a config change makes a new one, so snapshots share it
  return Object.freeze({
    segmentBytes: t['segment.bytes'],
    segmentMs: t['segment.ms'],
    retentionMs: t['retention.ms'],
    retentionBytes: t['retention.bytes'],
    cleanupPolicy: t['cleanup.policy'],
    timestampType: t['message.timestamp.type'],
    minCleanableRatio: t['min.cleanable.dirty.ratio'],
    deleteRetentionMs: t['delete.retention.ms'],
    minCompactionLagMs: t['min.compaction.lag.ms'],
  })
}

/** Give the broker's replicas of `topics` their topics' current configs (LogManager.updateTopicConfig). */
export function refreshLogConfigs(w: World, b: BrokerNode, topics: ReadonlySet<string>): void {
  for (const tp of b.replicaOrder) {
    const r = b.replicas[tp]
    if (topics.has(r.topic)) r.config = logConfigFor(w, b, r.topic)
  }
}

/** Schedule the broker's first retention pass (at start-up). */
export function startRetention(w: World, b: BrokerNode): void {
  timer(w, b.node, 'broker.retention', RETENTION_INITIAL_DELAY_MS)
}

/** LogManager.cleanupLogs: run retention over the broker's non-compacted logs, then schedule the next pass. */
export function onRetentionTimer(w: World, b: BrokerNode): void {
  for (const tp of b.replicaOrder) {
    const r = b.replicas[tp]
    // compacted logs are the cleaner's (log-cleaner.ts), as LogManager.cleanupLogs leaves them
    if (r.config.cleanupPolicy !== 'delete') continue
    for (const d of deleteOldSegments(r, w.nowMs)) recordDeletion(w, b, r, d)
  }
  timer(w, b.node, 'broker.retention', w.brokerConfig['log.retention.check.interval.ms'])
}

export function recordDeletion(w: World, b: BrokerNode, r: Replica, d: SegmentDeletion): void {
  w.history.removals.push({ atMs: w.nowMs, broker: b.id, tp: r.tp, cause: d.cause, fromOffset: d.fromOffset, logStartOffset: d.logStartOffset, ranges: d.removed })
  if (r.role === 'leader') {
    emit(w, { type: 'SegmentsDeleted', broker: b.id, topic: r.topic, partition: r.partition, segments: d.segments, records: d.records, cause: d.cause, logStartOffset: d.logStartOffset })
  }
}

/** Append a batch to a replica's log; the leader notes a roll. */
export function appendToLog(w: World, b: BrokerNode, r: Replica, batch: LogBatch): void {
  const reason = appendBatch(r, batch, w.nowMs)
  if (reason === null || r.role !== 'leader') return
  emit(w, { type: 'SegmentRolled', broker: b.id, topic: r.topic, partition: r.partition, baseOffset: batch.baseOffset, reason })
}

/** The follower's log ends below the leader's log start: it starts over there. */
export function restartLogAt(w: World, b: BrokerNode, r: Replica, offset: number): void {
  recordDeletion(w, b, r, truncateFullyAndStartAt(r, offset, w.nowMs))
}

/**
 * ReplicaManager.deleteRecords on the leader: the log start moves to `beforeOffset` (at most the
 * HW). Returns the error Kafka would answer, or 'NONE'.
 */
export function deleteRecords(w: World, b: BrokerNode, r: Replica | undefined, beforeOffset: number): string {
  if (!r || r.role !== 'leader') return 'NOT_LEADER_OR_FOLLOWER'
  if (r.config.cleanupPolicy === 'compact') return 'POLICY_VIOLATION'
  const to = beforeOffset < 0 ? r.hw : beforeOffset
  if (to > r.hw || to < 0) return 'OFFSET_OUT_OF_RANGE'
  const from = r.logStartOffset
  if (maybeIncrementLogStartOffset(r, to)) emit(w, { type: 'LogStartOffsetMoved', broker: b.id, topic: r.topic, partition: r.partition, from, to })
  return 'NONE'
}
