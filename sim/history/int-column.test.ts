// A paged column reads back what was written, and a copy (a snapshot) and its original never see
// each other's later writes, however the writes fall across pages.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { columnValues, getInt, newColumn, PAGE, setInt, setIntRun, shareAppendedColumn, shareColumn, type IntColumn } from './int-column.ts'

describe('int column', () => {
  it('behaves as an array under writes, copies and writes on both sides', () => {
    // a write sets one entry, or a run of n entries value, value + step, … (which may cross pages)
    const write = fc.record({
      at: fc.integer({ min: 0, max: 4 * PAGE }),
      value: fc.integer({ min: -3, max: 1 << 30 }),
      n: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: PAGE + 2 })),
      step: fc.integer({ min: 0, max: 1 }),
    })
    const op = fc.oneof({ weight: 8, arbitrary: write }, { weight: 1, arbitrary: fc.constant('copy' as const) })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let live = newColumn()
        let model: number[] = []
        const kept: { column: IntColumn; model: number[] }[] = []
        for (const o of ops) {
          if (o === 'copy') {
            kept.push({ column: live, model: model.slice() })
            live = shareColumn(live) // the copy goes on; the original is the snapshot
            continue
          }
          if (o.n === 1) setInt(live, o.at, o.value)
          else setIntRun(live, o.at, o.n, o.value, o.step)
          while (model.length < o.at + o.n) model.push(0)
          for (let j = 0; j < o.n; j++) model[o.at + j] = o.value + j * o.step
          // a snapshot may be written too (a restored run goes on from it)
          if (kept.length > 0 && o.at % 3 === 0) {
            const k = kept[o.at % kept.length]
            setInt(k.column, o.at + 1, o.value)
            while (k.model.length <= o.at + 1) k.model.push(0)
            k.model[o.at + 1] = o.value
          }
        }
        expect(columnValues(live, model.length)).toEqual(model)
        for (const k of kept) expect(columnValues(k.column, k.model.length)).toEqual(k.model)
      }),
      { numRuns: 200, seed: 11 },
    )
  })

  it('an appended column and its copies each read back their own appends', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }), (choices) => {
        // choice 0: a copy of a random column; else: append PAGE / 3 values to column `choice % n`
        const columns: { column: IntColumn; model: number[] }[] = [{ column: newColumn(), model: [] }]
        let next = 1
        for (const c of choices) {
          const k = columns[c % columns.length]
          if (c === 0) {
            columns.push({ column: shareAppendedColumn(k.column), model: k.model.slice() })
            continue
          }
          for (let i = 0; i < PAGE / 3; i++) {
            setInt(k.column, k.model.length, next)
            k.model.push(next++)
          }
        }
        for (const k of columns) expect(columnValues(k.column, k.model.length)).toEqual(k.model)
      }),
      { numRuns: 200, seed: 5 },
    )
  })

  it('reads 0 where nothing was written', () => {
    const c = newColumn()
    setInt(c, PAGE + 3, 7)
    expect([getInt(c, 0), getInt(c, PAGE + 3), getInt(c, 5 * PAGE)]).toEqual([0, 7, 0])
  })
})
