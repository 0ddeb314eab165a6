// The partition log's maths: the offset scale squeezes old offsets and keeps the tail one by one,
// HW/LEO labels stay inside the plot without overlapping, and consumer marks come from the view.
import { describe, expect, test } from 'vitest'
import { buildClusterView, createSimulation, parseScenario, builtInScenarios } from '../../../sim/index.ts'
import { COMPRESSED_SHARE, breakLabelX, consumerMarks, hwLeoLabels, labelWidth, offsetScale, rangeText } from './geometry.ts'

describe('offsetScale', () => {
  test('a short log is linear over the whole plot', () => {
    const x = offsetScale({ start: 0, tailFrom: 0, end: 100 }, 100, 600)
    expect(x(0)).toBe(100)
    expect(x(50)).toBe(350)
    expect(x(100)).toBe(600)
  })

  test('a long log gives the old part COMPRESSED_SHARE of the plot and the tail the rest', () => {
    const x = offsetScale({ start: 0, tailFrom: 999_900, end: 1_000_000 }, 0, 1000)
    expect(x(999_900)).toBeCloseTo(1000 * COMPRESSED_SHARE)
    expect(x(1_000_000)).toBe(1000)
    // one offset of the tail is 7 px wide; a million old offsets share 300 px
    expect(x(999_951) - x(999_950)).toBeCloseTo(7)
    expect(x(2_000_000)).toBe(1000)
  })

  test('an old part shorter than its share is not stretched', () => {
    const x = offsetScale({ start: 0, tailFrom: 3, end: 103 }, 0, 1030)
    expect(x(3)).toBeCloseTo(30)
    expect(x(53)).toBeCloseTo(530)
  })

  test('an empty log still has a scale', () => {
    const x = offsetScale({ start: 0, tailFrom: 0, end: 0 }, 10, 20)
    expect(x(0)).toBe(10)
  })
})

describe('hwLeoLabels', () => {
  const f = 12
  test('HW = LEO is one label ending at the LEO', () => {
    expect(hwLeoLabels(500, 500, 42, 42, f, 0)).toEqual([{ text: 'HW = LEO 42', x: 500 }])
  })

  test('labels close together do not overlap, and stay right of the log start label', () => {
    const [hw, leo] = hwLeoLabels(598, 600, 1234, 1236, f, 100)
    expect(leo.x).toBe(600)
    expect(hw.x).toBeLessThanOrEqual(leo.x - labelWidth(leo.text, f))
    expect(hw.x - labelWidth(hw.text, f)).toBeGreaterThanOrEqual(100)
  })
})

test('rangeText names one offset or an inclusive range', () => {
  expect(rangeText(5, 6)).toBe('5')
  expect(rangeText(159, 758)).toBe('159–757')
})

test('consumerMarks: a group reading the topic has its committed offset, LAG and member positions', () => {
  const sim = createSimulation(parseScenario(builtInScenarios['consumer-crash-session-timeout']))
  sim.runUntil(15_000)
  const view = buildClusterView(sim.world)
  const { groups, readers } = consumerMarks(view, 'orders', 'orders-0')
  expect(readers).toEqual([])
  expect(groups.map((g) => g.groupId)).toEqual(['billing'])
  const [billing] = groups
  expect(billing.committed).toBe(view.groups[0].committed['orders-0'])
  expect(billing.lag).toBe(view.groups[0].lag['orders-0'])
  expect(billing.members.map((m) => m.clientId)).toEqual(['billing-1'])
  expect(billing.members[0].position).toBeGreaterThanOrEqual(billing.committed ?? 0)
  expect(consumerMarks(view, 'other', 'other-0').groups).toEqual([])
  expect(consumerMarks(null, 'orders', 'orders-0')).toEqual({ groups: [], readers: [] })
})

describe('breakLabelX', () => {
  const f = 12
  const w = labelWidth('≈ 169', f)
  test('sits over the break when there is room', () => {
    expect(breakLabelX(400, '≈ 169', f, [[0, 100]], 700)).toBe(400)
  })
  test('moves right of the "log start" label instead of landing on it', () => {
    const x = breakLabelX(110, '≈ 169', f, [[0, 100]], 700)!
    expect(x - w / 2).toBeGreaterThanOrEqual(106)
  })
  test('moves past the HW label too when that follows "log start"', () => {
    const x = breakLabelX(110, '≈ 169', f, [[130, 300], [0, 100]], 700)!
    expect(x - w / 2).toBeGreaterThanOrEqual(306)
  })
  test('is left out when there is no room before the right edge', () => {
    expect(breakLabelX(110, '≈ 169', f, [[0, 100], [100, 680]], 700)).toBeNull()
  })
})
