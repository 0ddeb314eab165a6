/**
 * Ordering anomalies for the report: by time, then by kind in a fixed order, and the first few of
 * many lists without sorting them all.
 */
import type { Anomaly } from '../trace/summary-types.ts'

export const FIRST_ANOMALIES_MAX = 20

/** The order of kinds used to break ties between anomalies at the same time. */
const KIND_ORDER: readonly Anomaly['kind'][] = [
  'lostAckedWrite',
  'duplicate',
  'inconsistentOffset',
  'nonMonotonicPoll',
  'divergentReplica',
  'multipleLeaders',
  'hwAboveLeo',
  'concurrentConsumers',
  'committedBackwards',
  'skippedRecords',
]

/** Time, then kind (in KIND_ORDER). */
export function compareAnomalies(x: Anomaly, y: Anomaly): number {
  return x.atMs - y.atMs || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind)
}

/**
 * The `limit` earliest anomalies by time then kind; ties keep the order of the input (lists in order,
 * each in its own order), so the result is total and deterministic without sorting every anomaly.
 */
export function firstAnomalies(lists: readonly (readonly Anomaly[])[], limit: number): Anomaly[] {
  const best: Anomaly[] = []
  if (limit <= 0) return best
  for (const list of lists) {
    for (const a of list) {
      if (best.length === limit && compareAnomalies(a, best[limit - 1]) >= 0) continue
      let k = best.length
      while (k > 0 && compareAnomalies(a, best[k - 1]) < 0) k--
      best.splice(k, 0, a)
      if (best.length > limit) best.pop()
    }
  }
  return best
}
