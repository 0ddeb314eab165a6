// Long series shrink to a few hundred points without losing spikes or the latest value.
import { describe, expect, it } from 'vitest'
import { downsample } from './downsample.ts'

const series = (values: number[]) => values.map((v, i) => ({ t: i * 250, v }))

describe('downsample', () => {
  it('leaves short series alone', () => {
    const s = series([1, 2, 3])
    expect(downsample(s, 10, 'max')).toEqual(s)
  })

  it('shrinks a 10-minute run (2400 samples) to at most the points asked for', () => {
    const s = series(Array.from({ length: 2400 }, (_, i) => i % 7))
    const out = downsample(s, 300, 'mean')
    expect(out.length).toBeLessThanOrEqual(300)
    expect(out[out.length - 1].t).toBe(2399 * 250)
  })

  it("keeps a one-sample spike with 'max'", () => {
    const values = Array.from({ length: 1000 }, () => 0)
    values[517] = 3
    const out = downsample(series(values), 100, 'max')
    expect(Math.max(...out.map((p) => p.v))).toBe(3)
  })

  it("keeps a counter's latest value with 'last'", () => {
    const out = downsample(series(Array.from({ length: 1000 }, (_, i) => i)), 100, 'last')
    expect(out[out.length - 1]).toEqual({ t: 999 * 250, v: 999 })
  })

  it("averages with 'mean'", () => {
    expect(downsample(series([0, 2, 4, 6]), 2, 'mean').map((p) => p.v)).toEqual([1, 5])
  })
})
