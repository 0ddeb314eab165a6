/**
 * The compaction checker: on a compacted topic, the latest acknowledged record of every key stays
 * readable. The log cleaner may drop a record only when a newer record of the same key is in the
 * log, or when the record is a tombstone whose delete horizon has passed (delete.retention.ms after
 * the cleaning that first kept it); so, for every key, a consumer reading the log from the start
 * sees a value at least as new as the latest one acknowledged.
 *
 * Reads the history (what producers were told, and which records each replica let go on purpose),
 * the records' keys and values, and the reference replica's log; it never calls the cleaner.
 * A latest record that is absent for another reason than compaction (an unclean election, say) is
 * the lost-acknowledged-writes checker's to report, not this one's.
 */
import { batchAtIndex } from '../storage/batch-log.ts'
import { findRecordStream, recordKeyId, recordValue, type RecordStore } from '../storage/records.ts'
import { getInt } from '../history/int-column.ts'
import { recordNumberOf, type History, type PartitionView, type RecordRemoval } from '../history/history.ts'
import type { Anomaly } from '../trace/summary-types.ts'

interface Latest {
  offset: number
  producer: string
  seq: number
  ackMs: number
  tombstone: boolean
}

export function findCompactionLosses(history: History, partitions: readonly PartitionView[]): Anomaly[] {
  const out: Anomaly[] = []
  for (const view of partitions) {
    if (!view.compacted) continue
    const ref = view.replicas.find((r) => r.broker === view.leader) ?? view.replicas[0]
    if (!ref) continue
    const acked = latestAcked(history, view.tp, view.records)
    if (acked.size === 0) continue
    const present = latestPresent(ref.batches, view.tp, view.records)
    const removals = history.removals.filter((r) => r.tp === view.tp && r.broker === ref.broker)
    for (const [key, latest] of [...acked].sort((a, b) => a[1].offset - b[1].offset)) {
      if ((present.get(key) ?? -1) >= latest.offset) continue
      const cause = removedBy(removals, latest)
      // absent for another reason: lostAckedWrites reports it; a deleted tombstone or retention is fine
      if (cause !== 'compaction' || latest.tombstone) continue
      const keyName = view.records.keys[key]
      out.push({
        kind: 'compactionLostLatest',
        atMs: latest.ackMs,
        tp: view.tp,
        detail: `${view.tp} key ${keyName}: the latest acknowledged value (offset ${latest.offset}, ${latest.producer} seq ${latest.seq}) was compacted away on broker ${ref.broker} though no newer record of the key is in its log`,
        facts: { kind: 'compactionLostLatest', key: keyName, offset: latest.offset, producer: latest.producer, seq: latest.seq, broker: ref.broker, ackMs: latest.ackMs },
      })
    }
  }
  return out
}

/** Per key id: the acknowledged record of that key with the highest offset. */
function latestAcked(history: History, tp: string, records: RecordStore): Map<number, Latest> {
  const out = new Map<number, Latest>()
  for (const id of Object.keys(history.sends).sort()) {
    const log = history.sends[id]
    if (log.tp !== tp) continue
    const stream = findRecordStream(records, log.producer, tp)
    if (!stream) continue
    for (let seq = 0; seq < log.n; seq++) {
      const offset = getInt(log.outcome, seq)
      if (offset < 0) continue
      const rec = recordNumberOf(log, seq)
      const key = recordKeyId(stream, rec)
      if (key < 0) continue
      const before = out.get(key)
      if (!before || offset > before.offset) out.set(key, { offset, producer: log.producer, seq, ackMs: getInt(log.atMs, seq), tombstone: recordValue(stream, rec) === null })
    }
  }
  return out
}

/** Per key id: the highest offset of that key in the log. */
function latestPresent(log: PartitionView['replicas'][number]['batches'], tp: string, records: RecordStore): Map<number, number> {
  const out = new Map<number, number>()
  for (let i = log.start; i < log.length; i++) {
    const b = batchAtIndex(log, i)
    const stream = b.firstRecord >= 0 ? findRecordStream(records, b.producer, tp) : undefined
    if (!stream) continue
    const each = (k: number) => {
      const key = recordKeyId(stream, b.firstRecord + k)
      if (key >= 0) out.set(key, Math.max(out.get(key) ?? -1, b.baseOffset + k))
    }
    if (b.retained) for (const k of b.retained) each(k)
    else for (let k = 0; k < b.count; k++) each(k)
  }
  return out
}

function removedBy(removals: readonly RecordRemoval[], r: Latest): RecordRemoval['cause'] | null {
  for (const x of removals) for (const [producer, from, to] of x.ranges) if (producer === r.producer && r.seq >= from && r.seq <= to) return x.cause
  return null
}
