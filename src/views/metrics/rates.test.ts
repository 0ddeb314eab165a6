// Rates per second from cumulative counters sampled every 250 simulated ms.
import { describe, expect, it } from 'vitest'
import { ratePerSecond, valueAt } from './rates.ts'

const samples = (counts: number[]) => counts.map((acked, i) => ({ atMs: i * 250, acked }))

describe('ratePerSecond', () => {
  it('gives a steady producer 50 records/s once a full second is sampled', () => {
    const s = samples(Array.from({ length: 12 }, (_, i) => Math.round(i * 12.5)))
    const r = ratePerSecond(s, (x) => x.acked)
    expect(r[0]).toEqual({ t: 0, v: 0 })
    expect(r[8].v).toBeCloseTo(50, 0)
    expect(r[11].v).toBeCloseTo(50, 0)
  })

  it('drops to zero when the counter stops rising (a producer blocked by a failover)', () => {
    const r = ratePerSecond(samples([0, 10, 20, 30, 40, 40, 40, 40, 40, 40]), (x) => x.acked)
    expect(r[4].v).toBe(40)
    expect(r[9].v).toBe(0)
  })

  it('uses the time between samples, not their count (the first second is shorter)', () => {
    const r = ratePerSecond(samples([0, 25]), (x) => x.acked)
    expect(r[1].v).toBe(100)
  })

  it('never goes negative (a counter restarted with the run)', () => {
    const r = ratePerSecond(samples([50, 0]), (x) => x.acked)
    expect(r[1].v).toBe(0)
  })
})

describe('valueAt', () => {
  it('keeps the sampled value with its time', () => {
    expect(valueAt(samples([3, 4]), (x) => x.acked)).toEqual([
      { t: 0, v: 3 },
      { t: 250, v: 4 },
    ])
  })
})
