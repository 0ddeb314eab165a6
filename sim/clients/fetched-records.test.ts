// What a consumer counts in a fetch response: records, not offsets, over the gaps compaction left
// (a batch starting past the position, offsets between batches, records removed inside a batch).
import { describe, expect, test } from 'vitest'
import { recordRuns, takeRecords } from './fetcher.ts'
import type { LogBatch } from '../storage/batch.ts'

function batch(baseOffset: number, count: number, retained?: number[]): LogBatch {
  return {
    baseOffset,
    count,
    partitionLeaderEpoch: 0,
    producer: 'p',
    producerId: -1,
    baseSequence: baseOffset,
    sequence: -1,
    producerEpoch: -1,
    firstTimestamp: 0,
    maxTimestamp: 0,
    timestampType: 'CreateTime',
    appendedMs: 0,
    sizeBytes: 100,
    firstRecord: baseOffset,
    ...(retained ? { retained } : {}),
  }
}

describe('recordRuns', () => {
  test('a contiguous response without cleaned batches is one record per offset (null)', () => {
    expect(recordRuns([batch(0, 5), batch(5, 3)], 2, 8)).toBeNull()
  })

  test('cleaned batches, gaps between batches and a first batch past the position give runs', () => {
    const batches = [batch(10, 5, [3, 4]), batch(20, 2), batch(22, 3, [0])]
    expect(recordRuns(batches, 0, 25)).toEqual([
      [13, 2],
      [20, 3],
    ])
    // only what lies in [from, to)
    expect(recordRuns(batches, 14, 21)).toEqual([
      [14, 1],
      [20, 1],
    ])
  })
})

describe('takeRecords', () => {
  test('without runs it takes offsets', () => {
    expect(takeRecords(null, 5, 100, 10)).toEqual({ records: 10, next: 15 })
    expect(takeRecords(null, 95, 100, 10)).toEqual({ records: 5, next: 100 })
  })

  test('over runs it counts records and moves the position past the gaps', () => {
    const runs: [number, number][] = [
      [13, 2],
      [20, 3],
    ]
    // three records: 13, 14 and 20; the next is 21
    expect(takeRecords(runs, 0, 25, 3)).toEqual({ records: 3, next: 21 })
    // from 21: 21 and 22, then the rest of the range holds none
    expect(takeRecords(runs, 21, 25, 10)).toEqual({ records: 2, next: 25 })
    // a position in a gap at the end: nothing to take, it moves to the end
    expect(takeRecords(runs, 23, 25, 10)).toEqual({ records: 0, next: 25 })
  })
})
