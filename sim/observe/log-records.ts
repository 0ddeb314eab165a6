/**
 * The records a consumer reading one partition from an offset would get, as kafka-console-consumer
 * prints them (--partition P --offset O --max-messages N --property print.key=true
 * --property print.timestamp=true): each record of the leader's log at or after the offset and below
 * the high watermark, in offset order, with its key, its timestamp (CreateTime, or the batch's
 * LogAppendTime) and whether its value is null (a tombstone). On a compacted topic the offsets jump
 * where the log cleaner removed records: a fetch from an offset in a gap returns the next record
 * that is still there (compaction never renumbers). Without a leader the replica with the highest
 * high watermark answers.
 *
 * Read-only over the world and deterministic; O(batches read) plus one binary search.
 */
import type { World } from '../nodes/world.ts'
import { batchAtIndex, firstBatchEndingAfter } from '../storage/batch-log.ts'
import { keptCount, keptIndex } from '../storage/batch.ts'
import { findRecordStream, recordKey, recordTimestamp, recordValue } from '../storage/records.ts'
import { parseTopicPartition } from '../kafka/topic-partition.ts'
import type { LogBatch } from '../kafka/payloads.ts'
import { toBase64 } from '../kafka/base64.ts'
import { clusterImage } from './cluster-state.ts'

/** One record as a consumer sees it. */
export interface LogRecord {
  offset: number
  /** the record's key (null: no key) */
  key: string | null
  /** the value is null: a tombstone, which deletes its key from a compacted topic */
  tombstone: boolean
  /** CreateTime, or the batch's LogAppendTime */
  timestamp: number
}

export interface LogRecordsOptions {
  /** the first offset asked for (default: the log start offset) */
  fromOffset?: number
  /** at most this many records (default: all up to the high watermark) */
  maxRecords?: number
}

/** The records from an offset up to the high watermark, or null when the partition does not exist. */
export function logRecords(w: World, tp: string, options: LogRecordsOptions = {}): LogRecord[] | null {
  const name = parseTopicPartition(tp)
  const p = name && clusterImage(w).topics[name.topic]?.partitions[name.partition]
  if (!p) return null
  const replicas = p.replicas.map((id) => w.brokers[String(id)]?.replicas[tp]).filter((r) => r !== undefined)
  const r = (p.leader >= 0 ? w.brokers[String(p.leader)]?.replicas[tp] : undefined) ?? replicas.reduce((a, b) => (b.hw > a.hw ? b : a), replicas[0])
  if (!r) return []
  const from = Math.max(options.fromOffset ?? r.logStartOffset, r.logStartOffset)
  const max = options.maxRecords ?? Infinity
  const out: LogRecord[] = []
  for (let i = firstBatchEndingAfter(r.log, from); i < r.log.length && out.length < max; i++) {
    const b = batchAtIndex(r.log, i)
    if (b.baseOffset >= r.hw) break
    const stream = b.firstRecord >= 0 ? findRecordStream(w.records, b.producer, tp) : undefined
    const n = keptCount(b)
    for (let j = 0; j < n && out.length < max; j++) {
      const k = keptIndex(b, j)
      const offset = b.baseOffset + k
      if (offset < from || offset >= r.hw) continue
      const record = b.firstRecord + k
      out.push({
        offset,
        key: stream ? recordKey(w.records, stream, record) : null,
        tombstone: stream ? recordValue(stream, record) === null : false,
        timestamp: stream && b.timestampType === 'CreateTime' ? recordTimestamp(stream, record) : b.maxTimestamp,
      })
    }
  }
  return out
}

/** One record of a batch with its bytes, as a Fetch response carries it to a real client (kafkascope serve). */
export interface RecordBytes {
  /** the record's offset less the batch's base offset */
  offsetDelta: number
  timestampMs: number
  /** base64; null: no key */
  key: string | null
  /** base64; null: a tombstone */
  value: string | null
  headers: [string, string | null][]
}

const utf8 = new TextEncoder()

/**
 * The records a batch of `tp` still holds, with their bytes: a real client's as it sent them; a
 * simulated producer's with its key as UTF-8 and a value of its size (the simulated value is only
 * a size: spaces). Internal topics' batches carry no client records (an empty list).
 */
export function batchRecordBytes(w: World, tp: string, b: LogBatch): RecordBytes[] {
  if (b.firstRecord < 0) return []
  const stream = findRecordStream(w.records, b.producer, tp)
  if (!stream) return []
  const out: RecordBytes[] = []
  for (let j = 0; j < keptCount(b); j++) {
    const k = keptIndex(b, j)
    const i = b.firstRecord + k
    const timestampMs = b.timestampType === 'LogAppendTime' ? b.maxTimestamp : recordTimestamp(stream, i)
    const content = stream.contents?.[i]
    if (content) {
      out.push({ offsetDelta: k, timestampMs, key: content.key, value: content.value, headers: content.headers })
      continue
    }
    const key = recordKey(w.records, stream, i)
    const size = recordValue(stream, i)
    out.push({ offsetDelta: k, timestampMs, key: key === null ? null : toBase64(utf8.encode(key)), value: size === null ? null : toBase64(utf8.encode(' '.repeat(size))), headers: [] })
  }
  return out
}
