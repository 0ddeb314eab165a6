// The timeline and the metric charts share one time range; clicks map back to simulated ms.
import { describe, expect, it } from 'vitest'
import { formatTick, msAtX, timeDomainMax, timeScale } from './time-scale.ts'

describe('time scale', () => {
  it('spans the scenario duration, or now when the run went past it', () => {
    expect(timeDomainMax(90_000, 20_000)).toBe(90_000)
    expect(timeDomainMax(90_000, 95_500)).toBe(95_500)
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
