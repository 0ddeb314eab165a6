// The timeline and the metric charts share one time range; clicks map back to simulated ms.
import { describe, expect, it } from 'vitest'
import { formatTick, msAtX, timeDomainMax, timeScale } from './time-scale.ts'

describe('time scale', () => {
  it('spans the scenario duration, or now when the run went past it', () => {
    expect(timeDomainMax(90_000, 20_000)).toBe(90_000)
    expect(timeDomainMax(90_000, 95_500)).toBe(95_500)
  })

  it('a served run shows what was served and a quarter more (at least a minute), within the scenario', () => {
    expect(timeDomainMax(3_600_000, 8_000, 8_000)).toBe(60_000)
    expect(timeDomainMax(3_600_000, 100_000, 120_000)).toBe(150_000)
    // looking at the past keeps the range of what was served
    expect(timeDomainMax(3_600_000, 30_000, 120_000)).toBe(150_000)
    expect(timeDomainMax(3_600_000, 3_500_000, 3_500_000)).toBe(3_600_000)
    expect(timeDomainMax(40_000, 10_000, 10_000)).toBe(40_000)
  })

  it('maps x back to whole simulated ms, clamped to the range', () => {
    const s = timeScale(90_000, 100, 1000)
    expect(s(20_000)).toBeCloseTo(300)
    expect(msAtX(s, 300)).toBe(20_000)
    expect(msAtX(s, 0)).toBe(0)
    expect(msAtX(s, 5000)).toBe(90_000)
  })

  it('writes ticks in simulated seconds', () => {
    expect(formatTick(20_000)).toBe('20 s')
    expect(formatTick(2_500)).toBe('2.5 s')
  })
})
