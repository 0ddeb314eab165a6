/**
 * Ordering anomalies for the report: by time, then by kind in a fixed order, and the first few of
 * many lists without sorting them all; and every anomaly grouped by cause (groupAnomalies).
 */
import type { Anomaly, AnomalyGroup } from '../trace/summary-types.ts'

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
  'partitionOwnedTwice',
  'committedBackwards',
  'skippedRecords',
  'compactionLostLatest',
  'shareAckedByOther',
  'shareAckedTwice',
  'shareRecordLost',
  'shareDeliveryOverLimit',
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

export const ANOMALY_GROUPS_MAX = 50

interface OpenGroup {
  group: AnomalyGroup
  producers: Set<string>
}

/** What groups an anomaly with others: its kind, partition, group, and for lost writes the election. */
function causeKey(a: Anomaly): string {
  const f = a.facts
  const e = f?.kind === 'lostAckedWrite' ? f.election : null
  const groupId = f && 'groupId' in f ? f.groupId : ''
  return `${a.kind}|${a.tp ?? ''}|${groupId}|${e ? `${e.atMs}:${e.broker}:${e.leaderEpoch}` : ''}`
}

/** The offsets an anomaly names (a record's offset, a polled or skipped range), as [low, high]. */
function offsetsOf(a: Anomaly): [number, number] | null {
  const f = a.facts
  if (!f) return null
  switch (f.kind) {
    case 'lostAckedWrite':
      return f.offset === null ? null : [f.offset, f.offset]
    case 'duplicate':
      return [Math.min(...f.offsets), Math.max(...f.offsets)]
    case 'inconsistentOffset':
    case 'divergentReplica':
    case 'compactionLostLatest':
      return [f.offset, f.offset]
    case 'nonMonotonicPoll':
    case 'skippedRecords':
      return [f.from, f.to]
    default:
      return null
  }
}

function producerOf(a: Anomaly): string | null {
  const f = a.facts
  return f && 'producer' in f ? f.producer : null
}

/**
 * Every anomaly grouped by cause, so a report says "599 acknowledged records of events-0 lost in
 * the unclean election of broker 1" once instead of once per record. Groups are ordered by time,
 * kind, partition; at most `limit` of them (the earliest).
 */
export function groupAnomalies(lists: readonly (readonly Anomaly[])[], limit: number = ANOMALY_GROUPS_MAX): AnomalyGroup[] {
  const open = new Map<string, OpenGroup>()
  for (const list of lists) {
    for (const a of list) {
      const key = causeKey(a)
      const offsets = offsetsOf(a)
      const producer = producerOf(a)
      let g = open.get(key)
      if (!g) {
        const f = a.facts
        const election = f?.kind === 'lostAckedWrite' ? f.election : null
        g = {
          group: {
            kind: a.kind,
            atMs: election ? election.atMs : a.atMs,
            ...(a.tp !== undefined ? { tp: a.tp } : {}),
            ...(f && 'groupId' in f ? { groupId: f.groupId } : {}),
            count: 0,
            offsets: null,
            producers: [],
            election: election ? { ...election } : null,
            example: a,
          },
          producers: new Set(),
        }
        open.set(key, g)
      }
      const group = g.group
      group.count++
      if (!group.election && a.atMs < group.atMs) group.atMs = a.atMs
      if (compareAnomalies(a, group.example) < 0) group.example = a
      if (offsets) group.offsets = group.offsets ? { from: Math.min(group.offsets.from, offsets[0]), to: Math.max(group.offsets.to, offsets[1]) } : { from: offsets[0], to: offsets[1] }
      if (producer !== null) g.producers.add(producer)
    }
  }
  const groups = [...open.values()].map((g) => ({ ...g.group, producers: [...g.producers].sort() }))
  groups.sort((x, y) => x.atMs - y.atMs || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || cmp(x.tp ?? '', y.tp ?? '') || cmp(x.groupId ?? '', y.groupId ?? '') || cmp(causeKey(x.example), causeKey(y.example)))
  return groups.slice(0, limit)
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
