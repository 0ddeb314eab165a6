// A replica's chunked log behaves as a plain array of batches under appends, truncations and
// deletions from the front (retention), and a copy shares full chunks without either side ever
// seeing the other's later changes.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { LogBatch } from './batch.ts'
import { batchAt, batchesOf, CHUNK, copyBatchLog, dropBatchesBefore, firstBatchEndingAfter, newBatchLog, pushBatch, truncateBatches, type BatchLog } from './batch-log.ts'

let nextOffset = 0
function batch(count: number): LogBatch {
  const b = { baseOffset: nextOffset, count } as LogBatch
  nextOffset += count
  return b
}

type Op = { push: number } | { truncate: number } | { drop: number } | { copy: true }

describe('batch log', () => {
  it('matches a plain array, and copies never see each other’s changes', () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ push: fc.integer({ min: 1, max: 3 * CHUNK }) }) },
      { weight: 2, arbitrary: fc.record({ truncate: fc.nat() }) },
      { weight: 2, arbitrary: fc.record({ drop: fc.nat() }) },
      { weight: 1, arbitrary: fc.constant({ copy: true as const }) },
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        nextOffset = 0
        let log = newBatchLog()
        // the model: every batch ever kept, by index, and the index the log starts at
        let model: LogBatch[] = []
        let start = 0
        const copies: { log: BatchLog; model: LogBatch[] }[] = []
        for (const o of ops) {
          if ('push' in o) for (let i = 0; i < o.push; i++) {
            const b = batch(1 + (i % 3))
            pushBatch(log, b)
            model.push(b)
          }
          else if ('truncate' in o) {
            const n = o.truncate % (model.length + 1)
            truncateBatches(log, n)
            model = model.slice(0, n)
            start = Math.min(start, n)
            nextOffset = n === 0 ? 0 : model[n - 1].baseOffset + model[n - 1].count
          } else if ('drop' in o) {
            const n = o.drop % (model.length + 1)
            dropBatchesBefore(log, n)
            start = Math.max(start, n)
          } else {
            copies.push({ log: copyBatchLog(log), model: model.slice(start) })
            // the copy goes on as the live log; the old one is kept as a snapshot
            const live = copies[copies.length - 1]
            ;[log, live.log] = [live.log, log]
          }
          expect(batchesOf(log)).toEqual(model.slice(start))
          expect([log.start, log.length]).toEqual([start, model.length])
        }
        for (const c of copies) expect(batchesOf(c.log)).toEqual(c.model)
      }),
      { numRuns: 200, seed: 7 },
    )
  })

  it('finds the batch holding an offset', () => {
    nextOffset = 0
    const log = newBatchLog()
    for (let i = 0; i < 3 * CHUNK + 5; i++) pushBatch(log, batch(2))
    expect(firstBatchEndingAfter(log, 0)).toBe(0)
    expect(firstBatchEndingAfter(log, 2 * CHUNK * 2 + 1)).toBe(2 * CHUNK)
    expect(batchAt(log, 2 * CHUNK * 2 + 1)!.baseOffset).toBe(2 * CHUNK * 2)
    expect(batchAt(log, nextOffset)).toBeUndefined()
    expect(firstBatchEndingAfter(log, nextOffset)).toBe(log.length)
    // at the log's end: inside the last batch, and its first offset
    expect(firstBatchEndingAfter(log, nextOffset - 1)).toBe(log.length - 1)
    expect(firstBatchEndingAfter(log, nextOffset - 2)).toBe(log.length - 1)
    expect(firstBatchEndingAfter(log, nextOffset - 3)).toBe(log.length - 2)
  })

  it('answers as a linear scan for every offset, with gaps between batches (a compacted log)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ gap: fc.nat(3), count: fc.integer({ min: 1, max: 4 }) }), { maxLength: 2 * CHUNK + 10 }), (shape) => {
        const log = newBatchLog()
        const all: LogBatch[] = []
        let at = 0
        for (const { gap, count } of shape) {
          const b = { baseOffset: at + gap, count } as LogBatch
          at = b.baseOffset + count
          pushBatch(log, b)
          all.push(b)
        }
        for (let offset = 0; offset <= at + 1; offset++) {
          const scan = all.findIndex((b) => b.baseOffset + b.count > offset)
          expect(firstBatchEndingAfter(log, offset)).toBe(scan < 0 ? all.length : scan)
        }
      }),
      { numRuns: 60, seed: 11 },
    )
  })
})
