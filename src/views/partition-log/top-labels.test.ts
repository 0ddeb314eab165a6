// The labels over a partition's lanes never cover one another and stay in the plot: the log start
// offset sits at its marker once it moved, "active segment" over the active segment where it fits.
import { describe, expect, test } from 'vitest'
import { labelWidth } from './geometry.ts'
import { centreInFreeSpace, labelSpan, topLabels, type TopLabel, type TopRowInput } from './top-labels.ts'

const f = 12

function input(over: Partial<TopRowInput> = {}): TopRowInput {
  return {
    x0: 113,
    x1: 872,
    fontPx: f,
    logStart: { text: 'log start offset 1007', markX: 140 },
    hw: { offset: 7847, x: 872 },
    leo: { offset: 7847, x: 872 },
    cut: { x: 340, text: '≈ 7747' },
    active: { x: 330, endX: 872, text: 'active segment', short: 'active' },
    ...over,
  }
}

function overlaps(labels: TopLabel[]): string[] {
  const spans = labels.map((l) => ({ l, s: labelSpan(l, f) }))
  return spans.flatMap((a, i) => spans.slice(i + 1).filter((b) => a.s[0] < b.s[1] && b.s[0] < a.s[1]).map((b) => `${a.l.text} on ${b.l.text}`))
}

describe('topLabels', () => {
  test('the log start offset sits at its marker; the other labels keep off it', () => {
    const labels = topLabels(input())
    const start = labels.find((l) => l.kind === 'logStart')!
    expect(start).toMatchObject({ x: 140, anchor: 'start' })
    expect(labels.map((l) => l.kind).sort()).toEqual(['active', 'break', 'leo', 'logStart'])
    expect(overlaps(labels)).toEqual([])
  })

  test('the log cleaner’s latest pass is labelled over the offsets it cleaned, before a log start offset that never moved', () => {
    // room beside "log start offset 0" for the short form
    const cleaned = { x: 113, endX: 330, text: 'log cleaner: 1005 removed', short: 'cleaned' }
    const beside = topLabels(input({ logStart: { text: 'log start offset 0', markX: null }, cut: null, cleaned }))
    expect(beside.find((l) => l.kind === 'cleaned')!.text).toBe('cleaned')
    expect(beside.some((l) => l.kind === 'logStart')).toBe(true)
    expect(overlaps(beside)).toEqual([])
    // no room beside it: the pass takes the place of the log start offset's label
    const labels = topLabels(input({ logStart: { text: 'log start offset 0', markX: null }, cut: null, cleaned: { ...cleaned, endX: 290 } }))
    const label = labels.find((l) => l.kind === 'cleaned')!
    const [left, right] = labelSpan(label, f)
    expect(left).toBeGreaterThanOrEqual(113)
    expect(right).toBeLessThanOrEqual(290)
    expect(labels.some((l) => l.kind === 'logStart')).toBe(false)
    expect(overlaps(labels)).toEqual([])
    // a log start offset with a marker keeps its label; the pass then goes without one where there is no room
    const moved = topLabels(input({ logStart: { text: 'log start offset 1007', markX: 120 }, cut: null, cleaned: { ...cleaned, endX: 200 } }))
    expect(moved.map((l) => l.kind)).toContain('logStart')
    expect(overlaps(moved)).toEqual([])
  })

  test('without a marker the log start label sits at the left edge', () => {
    const start = topLabels(input({ logStart: { text: 'log start offset 0', markX: null } })).find((l) => l.kind === 'logStart')!
    expect(start).toMatchObject({ x: 113, anchor: 'start' })
  })

  test('a marker near the right end puts its label to its left, clear of HW and LEO', () => {
    const labels = topLabels(input({ logStart: { text: 'log start offset 7800', markX: 860 }, cut: null, active: null }))
    const start = labels.find((l) => l.kind === 'logStart')!
    expect(start.anchor).toBe('end')
    expect(overlaps(labels)).toEqual([])
  })

  test('no two labels overlap and all stay in the plot, wherever the marks are (1024 px, Korean)', () => {
    for (let m = 113; m < 600; m += 37) {
      for (let a = 113; a < 600; a += 53) {
        const labels = topLabels(
          input({ x1: 616, logStart: { text: '로그 시작 오프셋 1007', markX: m }, hw: { offset: 7731, x: 610 }, leo: { offset: 7733, x: 616 }, cut: { x: 266, text: '≈ 7633' }, active: { x: a, endX: 616, text: '액티브 세그먼트', short: '액티브' } }),
        )
        expect(overlaps(labels), `marker ${m}, active ${a}`).toEqual([])
        for (const l of labels) {
          const [lo, hi] = labelSpan(l, f)
          expect(lo).toBeGreaterThanOrEqual(113 - 0.001)
          expect(hi).toBeLessThanOrEqual(616 + 0.001)
        }
      }
    }
  })

  test('"active segment" shortens to "active" where it has little room, and is left out where it has none', () => {
    const narrow = (x1: number) =>
      topLabels(input({ x1, cut: null, logStart: { text: 'log start offset 0', markX: null }, hw: { offset: 7847, x: x1 }, leo: { offset: 7847, x: x1 }, active: { x: 113, endX: x1, text: 'active segment', short: 'active' } }))
    expect(narrow(600).find((l) => l.kind === 'active')?.text).toBe('active segment')
    expect(narrow(420).find((l) => l.kind === 'active')?.text).toBe('active')
    expect(narrow(330).some((l) => l.kind === 'active')).toBe(false)
  })
})

describe('centreInFreeSpace', () => {
  const w = 50
  test('centres in the widest free stretch', () => {
    expect(centreInFreeSpace(0, 400, w, [[100, 150]])).toBe((158 + 400) / 2)
  })
  test('null when nothing is wide enough', () => {
    expect(centreInFreeSpace(0, 100, w, [[20, 60]])).toBeNull()
  })
})

test('labelWidth counts Hangul a full em wide', () => {
  expect(labelWidth('로그', f)).toBe(24)
  expect(labelWidth('HW', f)).toBeCloseTo(2 * 0.62 * f)
})
