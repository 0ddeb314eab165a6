/**
 * A broker's log cleaner thread (LogCleaner.CleanerThread, one thread as log.cleaner.threads=1):
 * every log.cleaner.backoff.ms it cleans, dirtiest first, each of the broker's compacted logs whose
 * dirty ratio is above min.cleanable.dirty.ratio (storage/cleaner.ts), then runs retention on the
 * logs that are compact,delete (LogCleanerManager.deletableLogs: the retention task leaves
 * compacted logs to the cleaner). Leaders and followers clean their own logs independently, as
 * each Kafka broker does. The records a cleaning removes go to the history (RecordRemoval,
 * cause 'compaction'), so the checkers can tell compaction from loss.
 * Simplified: the thread cleans every qualifying log in one go, at one simulated instant, then sleeps.
 */
import { timer } from '../kernel/node-io.ts'
import { emit } from '../kafka/events.ts'
import type { World } from '../nodes/world.ts'
import type { BrokerNode, Replica } from './types.ts'
import { cleanableRange, cleanLog, needsCleaning, type CleanableRange } from '../storage/cleaner.ts'
import { deleteOldSegments } from '../storage/retention.ts'
import { recordDeletion } from './log-retention.ts'

/** Start the broker's cleaner thread (at start-up). */
export function startCleaner(w: World, b: BrokerNode): void {
  timer(w, b.node, 'broker.cleaner', w.brokerConfig['log.cleaner.backoff.ms'])
}

export function onCleanerTimer(w: World, b: BrokerNode): void {
  for (let n = 0; n < b.replicaOrder.length; n++) {
    const next = filthiestLog(w, b)
    if (!next) break
    clean(w, b, next.r, next.range)
  }
  for (const tp of b.replicaOrder) {
    const r = b.replicas[tp]
    if (r.config.cleanupPolicy === 'compact,delete') for (const d of deleteOldSegments(r, w.nowMs)) recordDeletion(w, b, r, d)
  }
  timer(w, b.node, 'broker.cleaner', w.brokerConfig['log.cleaner.backoff.ms'])
}

/** LogCleanerManager.grabFilthiestCompactedLog: the qualifying log with the highest dirty ratio (first in partition order on a tie). */
function filthiestLog(w: World, b: BrokerNode): { r: Replica; range: CleanableRange } | null {
  let best: { r: Replica; range: CleanableRange } | null = null
  for (const tp of b.replicaOrder) {
    const r = b.replicas[tp]
    if (r.config.cleanupPolicy === 'delete') continue
    const range = cleanableRange(r, w.nowMs)
    if (!needsCleaning(range, r.config.minCleanableRatio)) continue
    if (!best || range.ratio > best.range.ratio) best = { r, range }
  }
  return best
}

function clean(w: World, b: BrokerNode, r: Replica, range: CleanableRange): void {
  const c = cleanLog(r, w.records, w.nowMs, range)
  w.history.removals.push({ atMs: w.nowMs, broker: b.id, tp: r.tp, cause: 'compaction', fromOffset: c.from, logStartOffset: r.logStartOffset, ranges: c.removedRanges })
  if (r.role !== 'leader') return
  emit(w, {
    type: 'LogCleaned',
    broker: b.id,
    topic: r.topic,
    partition: r.partition,
    from: c.from,
    to: c.to,
    dirtyRatio: Math.round(range.ratio * 100) / 100,
    removed: c.removed,
    tombstonesRemoved: c.tombstonesRemoved,
    segmentsBefore: c.segmentsBefore,
    segmentsAfter: c.segmentsAfter,
  })
}
