// Which offset slots get a landing dot: one per record when few arrive and the slots are wide,
// one dot with the count otherwise, none at high speed, under reduced motion, or on a jump.
import { describe, expect, it } from 'vitest'
import { emptyPlan, LANDING_MAX_SPEED, MAX_SINGLE_DOTS, MIN_SLOT_PX, planLanding, type LandingContext } from './landing.ts'

const slow: LandingContext = { speed: 1, playing: true, reducedMotion: false, slotPx: 8 }

describe('records landing in the log', () => {
  it('a few records at 1× land one dot per offset slot', () => {
    const p = planLanding(120, 124, slow, emptyPlan())
    expect(p).toEqual({ mode: 'each', from: 120, to: 124 })
    expect(planLanding(120, 120 + MAX_SINGLE_DOTS, { ...slow, speed: LANDING_MAX_SPEED }, emptyPlan()).mode).toBe('each')
  })

  it('more records than can be told apart share one dot with their count', () => {
    expect(planLanding(120, 121 + MAX_SINGLE_DOTS, slow, emptyPlan())).toEqual({ mode: 'one', from: 120, to: 121 + MAX_SINGLE_DOTS })
    expect(planLanding(120, 122, { ...slow, slotPx: MIN_SLOT_PX - 1 }, emptyPlan()).mode).toBe('one')
  })

  it('nothing lands when fast, paused, under reduced motion, when the log shrinks or jumps', () => {
    expect(planLanding(120, 122, { ...slow, speed: LANDING_MAX_SPEED * 2 }, emptyPlan()).mode).toBe('none')
    expect(planLanding(120, 122, { ...slow, playing: false }, emptyPlan()).mode).toBe('none')
    expect(planLanding(120, 122, { ...slow, reducedMotion: true }, emptyPlan()).mode).toBe('none')
    expect(planLanding(120, 118, slow, emptyPlan()).mode).toBe('none')
    expect(planLanding(120, 120, slow, emptyPlan()).mode).toBe('none')
    expect(planLanding(0, 50_000, slow, emptyPlan()).mode).toBe('none')
  })
})
