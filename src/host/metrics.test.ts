// The metric series' budget: a run of any length keeps at most SAMPLE_BUDGET samples, at
// multiples of an interval that doubles when the series is full, from 0 without a gap; the
// samples at or before a time are what a view shows; an action in the past drops those after it.
import { describe, expect, it } from 'vitest'
import { MetricSeries, SAMPLE_BUDGET, SAMPLE_MS, type MetricSample } from './metrics.ts'

function sample(atMs: number): MetricSample {
  return { atMs, acked: atMs / 10, consumed: 0, underReplicated: 0, offline: 0, leaders: [], groupLag: {}, errors: {} }
}

/** Feed the series every sample it asks for up to `untilMs`. */
function fill(series: MetricSeries, untilMs: number): void {
  while (series.nextAtMs() <= untilMs) series.add(sample(series.nextAtMs()))
}

function expectEvenGrid(series: MetricSeries): void {
  const off = series.samples.findIndex((s, i) => s.atMs !== i * series.intervalMs)
  expect(off, `sample ${off} is off the ${series.intervalMs} ms grid`).toBe(-1)
}

describe('the metric series', () => {
  it('samples every 250 ms until it is full', () => {
    const series = new MetricSeries()
    fill(series, (SAMPLE_BUDGET - 1) * SAMPLE_MS)
    expect(series.samples).toHaveLength(SAMPLE_BUDGET)
    expect(series.intervalMs).toBe(SAMPLE_MS)
    expectEvenGrid(series)
  })

  it('stays within its budget over six simulated hours: the interval doubles and every other sample goes', () => {
    const series = new MetricSeries()
    let longest = 0
    for (let t = 0; t <= 21_600_000; t += 60_000) {
      fill(series, t)
      longest = Math.max(longest, series.samples.length)
      expectEvenGrid(series)
    }
    expect(longest).toBeLessThanOrEqual(SAMPLE_BUDGET)
    // 21,600 s in at most 2,000 samples: 250 ms × 2^6 = 16 s apart
    expect(series.intervalMs).toBe(16_000)
    expect(series.samples).toHaveLength(1351)
    expect(series.lastAtMs()).toBe(21_600_000)
  })

  it('is the same however it was filled (one call or many)', () => {
    const once = new MetricSeries(100)
    fill(once, 1_000_000)
    const bit = new MetricSeries(100)
    for (let t = 0; t <= 1_000_000; t += 7_777) fill(bit, t)
    fill(bit, 1_000_000)
    expect(bit.samples).toEqual(once.samples)
    expect(bit.intervalMs).toBe(once.intervalMs)
  })

  it('shows the samples at or before a time, and keeps those after it', () => {
    const series = new MetricSeries()
    fill(series, 10_000)
    expect(series.upTo(2_600).map((s) => s.atMs)).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500])
    expect(series.upTo(-1)).toEqual([])
    expect(series.countUpTo(10_000)).toBe(41)
    expect(series.samples).toHaveLength(41)
  })

  it('drops the samples from an action in the past on, and goes on sampling from there', () => {
    const series = new MetricSeries()
    fill(series, 10_000)
    series.dropFrom(5_000)
    expect(series.lastAtMs()).toBe(4_750)
    expect(series.nextAtMs()).toBe(5_000)
    series.dropFrom(4_800)
    expect(series.lastAtMs()).toBe(4_750)
  })

  it('refuses a sample out of its place (a gap would make a run differ from a straight one)', () => {
    const series = new MetricSeries()
    series.add(sample(0))
    expect(() => series.add(sample(500))).toThrow(/expected one at 250 ms/)
    expect(() => series.add(sample(0))).toThrow(/expected one at 250 ms/)
  })
})
