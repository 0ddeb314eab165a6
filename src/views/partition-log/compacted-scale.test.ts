// A compacted partition's scale: the few records the cleaner kept get cells as wide as the tail's
// (up to 0.75 em), the gaps between them a short fixed stretch, widened just after a cleaning (room
// for the removed records to fade out in) and closing as they fade; the tail stays offset by offset.
import { describe, expect, test } from 'vitest'
import type { LaneCompaction } from '../../../sim/index.ts'
import { CLEANED_SHARE, FRESH_GAP_SHARE, GAP_EM, cleanedPieces, compactedScale, freshness } from './compacted-scale.ts'
import { COMPRESSED_SHARE, offsetScale } from './geometry.ts'

const f = 12
/** compaction-latest-per-key just after its first cleaning: offsets 0–1004 gone, 1005–1010 kept. */
function lane(pass: LaneCompaction['pass'] = null): LaneCompaction {
  return { cleanedTo: 1011, keptTo: 1011, kept: [{ from: 1005, to: 1011 }], cells: [], pass }
}
const win = { start: 0, tailFrom: 1240, end: 1340 }
const pass = { atMs: 15_000, from: 0, to: 1011, removed: 1005, tombstones: 0, cells: [], bands: [{ from: 0, to: 1005, count: 1005, colour: 0, key: 'AAPL' }] }

describe('cleanedPieces', () => {
  test('gaps and runs of the cleaned part, from the window start', () => {
    expect(cleanedPieces(0, lane())).toEqual([
      { from: 0, to: 1005, gap: true },
      { from: 1005, to: 1011, gap: false },
    ])
    const c: LaneCompaction = { ...lane(), kept: [{ from: 3, to: 4 }, { from: 9, to: 11 }], keptTo: 20, cleanedTo: 20 }
    expect(cleanedPieces(0, c)).toEqual([
      { from: 0, to: 3, gap: true },
      { from: 3, to: 4, gap: false },
      { from: 4, to: 9, gap: true },
      { from: 9, to: 11, gap: false },
      { from: 11, to: 20, gap: true },
    ])
  })
})

describe('compactedScale', () => {
  test('the kept records get cells, the gap a short stretch, the tail one offset after another', () => {
    const x = compactedScale(win, lane(), 0, 1000, f, 0)
    expect(x(1005) - x(0)).toBeCloseTo(GAP_EM * f)
    const cell = x(1006) - x(1005)
    expect(cell).toBeCloseTo(Math.min(0.75 * f, (1 - COMPRESSED_SHARE) * 10))
    expect(x(1011) - x(1005)).toBeCloseTo(6 * cell)
    // the tail: each offset as wide as the others, ending at the right edge
    expect(x(1301) - x(1300)).toBeCloseTo(x(1331) - x(1330))
    expect(x(1340)).toBe(1000)
    // the compressed part keeps the usual share
    expect(x(1240)).toBeCloseTo(1000 * COMPRESSED_SHARE)
    // increasing all along
    for (let o = 1; o <= 1340; o++) expect(x(o)).toBeGreaterThanOrEqual(x(o - 1))
  })

  test('just after a cleaning its gap is wider and closes as the removed records fade', () => {
    const fresh = compactedScale(win, lane(pass), 0, 1000, f, 1)
    const half = compactedScale(win, lane(pass), 0, 1000, f, 0.5)
    const after = compactedScale(win, lane(pass), 0, 1000, f, 0)
    expect(fresh(1005)).toBeCloseTo(GAP_EM * f + FRESH_GAP_SHARE * 1000)
    expect(half(1005)).toBeCloseTo(GAP_EM * f + 0.5 * FRESH_GAP_SHARE * 1000)
    expect(after(1005)).toBeCloseTo(GAP_EM * f)
    expect(fresh(1240)).toBeLessThanOrEqual((COMPRESSED_SHARE + CLEANED_SHARE) * 1000 + 0.001)
  })

  test('no cleaned part, or a log short enough to draw linearly: the plain offset scale', () => {
    const none: LaneCompaction = { cleanedTo: 0, keptTo: 0, kept: [], cells: [], pass: null }
    expect(compactedScale(win, none, 0, 1000, f, 0)(1240)).toBeCloseTo(offsetScale(win, 0, 1000)(1240))
    const short = { start: 0, tailFrom: 0, end: 56 }
    expect(compactedScale(short, lane(), 0, 560, f, 1)(28)).toBeCloseTo(280)
  })

  test('freshness: 1 at the cleaning, 0 once shown long enough, 0 under reduced motion', () => {
    expect(freshness(lane(pass), 15_000, 10_000, false)).toBe(1)
    expect(freshness(lane(pass), 17_500, 10_000, false)).toBeCloseTo(0.75)
    expect(freshness(lane(pass), 26_000, 10_000, false)).toBe(0)
    expect(freshness(lane(pass), 15_000, 10_000, true)).toBe(0)
    expect(freshness(lane(), 15_000, 10_000, false)).toBe(0)
  })
})
