// A replica's segments: when they roll (LogSegment.shouldRoll) and which retention deletes
// (UnifiedLog.deleteOldSegments), on hand-built logs with known sizes and timestamps.
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { appendBatch, assignEpoch, newReplica, recordCount, truncateTo } from './partition.ts'
import { deleteOldSegments, maybeIncrementLogStartOffset, truncateFullyAndStartAt } from './retention.ts'
import { BATCH_OVERHEAD_BYTES, DEFAULT_LOG_CONFIG, type LogConfig } from './segments.ts'
import { batchCount, batchesOf } from './batch-log.ts'
import type { LogBatch } from './batch.ts'
import type { Replica } from '../cluster/types.ts'

const MiB = 1048576

function config(over: Partial<LogConfig>): LogConfig {
  return { ...DEFAULT_LOG_CONFIG, ...over }
}

/** Append a batch of `count` records whose newest record was made at `ts`, `bytes` on disk. */
function append(r: Replica, count: number, ts: number, bytes = 1000, producer = 'p'): LogBatch {
  const b: LogBatch = {
    baseOffset: r.leo,
    count,
    partitionLeaderEpoch: 0,
    producer,
    producerId: -1,
    baseSequence: r.leo,
    sequence: -1,
    producerEpoch: -1,
    firstTimestamp: ts,
    maxTimestamp: ts,
    timestampType: 'CreateTime',
    appendedMs: ts,
    sizeBytes: bytes - BATCH_OVERHEAD_BYTES,
    firstRecord: r.leo,
  }
  appendBatch(r, b, ts)
  return b
}

const bases = (r: Replica) => r.segments.map((s) => s.baseOffset)

describe('segments roll as LogSegment.shouldRoll says', () => {
  test('on size: before the batch that would not fit in segment.bytes; the new segment starts at its base offset', () => {
    const r = newReplica('logs', 0, config({ segmentBytes: MiB }))
    for (let i = 0; i < 10; i++) append(r, 10, 1000 + i, 200_000)
    // 5 batches of 200,000 bytes fit in 1 MiB (1,000,000 bytes); the 6th would not
    expect(bases(r)).toEqual([0, 50])
    expect(r.segments.map((s) => s.sizeBytes)).toEqual([1_000_000, 1_000_000])
    expect(r.segments[1].firstIndex).toBe(5)
  })

  test('on time: a batch more than segment.ms newer than the first batch of the segment, by record timestamps', () => {
    const r = newReplica('logs', 0, config({ segmentMs: 60_000 }))
    append(r, 1, 10_000)
    append(r, 1, 70_000) // exactly segment.ms later: not more
    expect(bases(r)).toEqual([0])
    append(r, 1, 70_001)
    expect(bases(r)).toEqual([0, 2])
    // an idle log does not roll however much time passes: only an append rolls, and it is judged by its own timestamp
    append(r, 1, 70_002)
    expect(bases(r)).toEqual([0, 2])
    expect(r.segments[1].largestTimestamp).toBe(70_002)
    expect(r.segments[1].rollingBasedTimestamp).toBe(70_001)
  })

  test('truncation drops the segments above the cut and recounts the last one', () => {
    const r = newReplica('logs', 0, config({ segmentBytes: MiB }))
    for (let i = 0; i < 12; i++) append(r, 10, 1000 + i, 300_000)
    expect(bases(r)).toEqual([0, 30, 60, 90])
    truncateTo(r, 45)
    expect(bases(r)).toEqual([0, 30])
    expect(r.segments[1].sizeBytes).toBe(300_000)
    expect(r.segments[1].largestTimestamp).toBe(1003)
    expect(r.leo).toBe(40)
  })
})

describe('retention deletes old segments as UnifiedLog.deleteOldSegments does', () => {
  /** Segments of 3 batches (each 400,000 bytes: 3 fill 1 MiB less a little), one batch a second. */
  function log(batches: number, over: Partial<LogConfig> = {}): Replica {
    const r = newReplica('logs', 0, config({ segmentBytes: MiB, ...over }))
    assignEpoch(r, 0, 0)
    for (let i = 0; i < batches; i++) append(r, 10, (i + 1) * 1000, 340_000)
    r.hw = r.leo
    return r
  }

  test('retention.ms: segments whose newest record is older go, oldest first; the log start moves to the next segment', () => {
    const r = log(9, { retentionMs: 5_000 })
    expect(bases(r)).toEqual([0, 30, 60])
    // segment 0 holds records made at 1-3 s, segment 30 at 4-6 s, segment 60 at 7-9 s
    const [d] = deleteOldSegments(r, 9_500)
    expect(d).toMatchObject({ cause: 'retention.ms', segments: 1, records: 30, logStartOffset: 30 })
    expect(d.removed).toEqual([['p', 0, 29]])
    expect(bases(r)).toEqual([30, 60])
    expect(r.logStartOffset).toBe(30)
    expect(batchCount(r.log)).toBe(6)
    expect(batchesOf(r.log)[0].baseOffset).toBe(30)
    expect(r.epochs).toEqual([{ epoch: 0, startOffset: 30 }])
    expect(recordCount(r)).toBe(60)
  })

  test('a segment still being written keeps a recent largest timestamp: old records in it outlive retention.ms', () => {
    const r = log(2, { retentionMs: 5_000 })
    append(r, 10, 60_000, 1000) // the active segment got one more batch just now
    r.hw = r.leo
    expect(bases(r)).toEqual([0])
    expect(deleteOldSegments(r, 60_500)).toEqual([])
    expect(r.logStartOffset).toBe(0)
    expect(recordCount(r)).toBe(30)
  })

  test('when every segment is deletable, a new empty active segment is rolled first', () => {
    const r = log(4, { retentionMs: 5_000 })
    expect(bases(r)).toEqual([0, 30])
    const [d] = deleteOldSegments(r, 100_000)
    expect(d).toMatchObject({ segments: 2, records: 40, logStartOffset: 40 })
    expect(bases(r)).toEqual([40])
    expect(r.segments[0].sizeBytes).toBe(0)
    expect(batchCount(r.log)).toBe(0)
    expect(recordCount(r)).toBe(0)
    // and the empty last segment never goes
    expect(deleteOldSegments(r, 1_000_000)).toEqual([])
    // the log goes on at its end
    append(r, 5, 100_001)
    expect(r.leo).toBe(45)
    expect(batchesOf(r.log).map((b) => b.baseOffset)).toEqual([40])
  })

  test('only below the high watermark: a segment goes when the HW has passed its end', () => {
    const r = log(9, { retentionMs: 1 })
    r.hw = 45
    const [d] = deleteOldSegments(r, 100_000)
    expect(d.segments).toBe(1)
    expect(r.logStartOffset).toBe(30)
    expect(bases(r)).toEqual([30, 60])
  })

  test('retention.bytes: the oldest segments go while the log stays at or over it', () => {
    const r = log(9, { retentionBytes: 1_500_000 })
    // three segments of 1,020,000 bytes: dropping one leaves 2,040,000 >= 1,500,000; dropping two would go under
    const [d] = deleteOldSegments(r, 10_000)
    expect(d).toMatchObject({ cause: 'retention.bytes', segments: 1, bytes: 1_020_000 })
    expect(bases(r)).toEqual([30, 60])
    expect(deleteOldSegments(r, 10_000)).toEqual([])
  })

  test('a log start moved by DeleteRecords: the segments wholly below it go, even with retention off', () => {
    const r = log(9, { retentionMs: -1 })
    expect(maybeIncrementLogStartOffset(r, 65)).toBe(true)
    expect(maybeIncrementLogStartOffset(r, 50)).toBe(false) // only forward
    expect(recordCount(r)).toBe(25)
    const [d] = deleteOldSegments(r, 10_000)
    expect(d).toMatchObject({ cause: 'logStartOffset', segments: 2, records: 0, logStartOffset: 65 })
    expect(bases(r)).toEqual([60])
    expect(r.logStartOffset).toBe(65)
  })

  test('the log start never passes the high watermark', () => {
    const r = log(3)
    r.hw = 12
    maybeIncrementLogStartOffset(r, 25)
    expect(r.logStartOffset).toBe(12)
  })

  test('cleanup.policy=compact: retention does not delete (only a moved log start does)', () => {
    const r = log(9, { retentionMs: 1, cleanupPolicy: 'compact' })
    expect(deleteOldSegments(r, 100_000)).toEqual([])
  })

  test('a follower behind the leader log start starts over there (truncateFullyAndStartAt)', () => {
    const r = log(3)
    const d = truncateFullyAndStartAt(r, 500, 20_000)
    expect(d.removed).toEqual([['p', 0, 29]])
    expect({ leo: r.leo, hw: r.hw, start: r.logStartOffset, segments: bases(r), batches: batchCount(r.log) }).toEqual({ leo: 500, hw: 500, start: 500, segments: [500], batches: 0 })
    append(r, 3, 21_000)
    expect(batchesOf(r.log).map((b) => b.baseOffset)).toEqual([500])
  })

  test('property: retention only ever deletes a prefix, keeps a segment, and never passes the HW', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ count: fc.integer({ min: 1, max: 20 }), gapMs: fc.integer({ min: 0, max: 30_000 }), kb: fc.integer({ min: 1, max: 600 }) }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -1, max: 60_000 }),
        fc.integer({ min: -1, max: 4 * MiB }),
        fc.nat(),
        (batches, retentionMs, retentionBytes, hwCut) => {
          const r = newReplica('logs', 0, config({ segmentBytes: MiB, segmentMs: 20_000, retentionMs, retentionBytes }))
          let t = 0
          for (const b of batches) append(r, b.count, (t += b.gapMs), b.kb * 1000)
          r.hw = hwCut % (r.leo + 1)
          const before = batchesOf(r.log)
          deleteOldSegments(r, t + 1000)
          const after = batchesOf(r.log)
          expect(r.segments.length).toBeGreaterThan(0)
          expect(r.logStartOffset).toBeLessThanOrEqual(r.hw)
          expect(after).toEqual(before.slice(before.length - after.length))
          expect(r.segments[0].baseOffset).toBeLessThanOrEqual(after[0]?.baseOffset ?? r.leo)
          for (const b of before.slice(0, before.length - after.length)) expect(b.baseOffset + b.count).toBeLessThanOrEqual(r.hw)
        },
      ),
      { numRuns: 200 },
    )
  })
})
