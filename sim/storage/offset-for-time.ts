/**
 * Reading a log from a point in time: the first offset whose record timestamp is at or after T.
 *
 * Follows UnifiedLog.fetchOffsetByTimestamp and LogSegment.findOffsetByTimestamp (Kafka 4.x): take
 * the first segment, oldest first, whose largest timestamp is at or after T; in it, the first
 * record with a timestamp at or after T and an offset at or after the log start offset. None (every
 * record is older, or the one found is not readable yet, at or past `limit`): null, which
 * ListOffsets answers as offset -1 ("no offset for this time").
 * A record's timestamp is its CreateTime (storage/records.ts), or its batch's append time when the
 * batch is LogAppendTime. Simplified: no time index; the segment is scanned batch by batch, skipping
 * batches whose max timestamp is older than T.
 */
import { batchAtIndex } from './batch-log.ts'
import { batchIndexFor } from './partition.ts'
import { findRecordStream, recordTimestamp, type RecordStore } from './records.ts'
import type { LogBatch } from './batch.ts'
import type { Replica } from '../cluster/types.ts'

export interface OffsetAndTimestamp {
  offset: number
  timestamp: number
}

/** The first readable record (offset < limit) with a timestamp at or after `t`, or null. */
export function offsetForTimestamp(r: Replica, store: RecordStore, t: number, limit: number): OffsetAndTimestamp | null {
  const seg = r.segments.find((s) => s.largestTimestamp >= t)
  if (!seg) return null
  const from = Math.max(seg.firstIndex, batchIndexFor(r, r.logStartOffset))
  for (let i = from; i < r.log.length; i++) {
    const b = batchAtIndex(r.log, i)
    if (b.baseOffset >= limit) return null
    if (b.maxTimestamp < t) continue
    const hit = firstRecordAtOrAfter(r, store, b, t)
    if (hit) return hit.offset < limit ? hit : null
  }
  return null
}

function firstRecordAtOrAfter(r: Replica, store: RecordStore, b: LogBatch, t: number): OffsetAndTimestamp | null {
  const start = Math.max(b.baseOffset, r.logStartOffset)
  const stream = b.timestampType === 'CreateTime' && b.firstRecord >= 0 ? findRecordStream(store, b.producer, r.tp) : undefined
  if (!stream) return { offset: start, timestamp: b.maxTimestamp }
  for (let o = start; o < b.baseOffset + b.count; o++) {
    const ts = recordTimestamp(stream, b.firstRecord + (o - b.baseOffset))
    if (ts >= t) return { offset: o, timestamp: ts }
  }
  return null
}
