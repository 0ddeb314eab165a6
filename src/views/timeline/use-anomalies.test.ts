// The checkers run only as often as the run and their own cost allow (they grow with the history).
import { describe, expect, it } from 'vitest'
import { summaryWait } from './use-anomalies.ts'

describe('summaryWait', () => {
  it('runs the checkers at once after a change when paused and nothing ran lately', () => {
    expect(summaryWait(false, Infinity, 5)).toBe(0)
  })

  it('coalesces quick changes when paused (stepping with →)', () => {
    expect(summaryWait(false, 50, 5)).toBe(200)
  })

  it('asks at most every 2 s while playing', () => {
    expect(summaryWait(true, 500, 10)).toBe(1500)
    expect(summaryWait(true, 2500, 10)).toBe(0)
  })

  it('waits five times the last cost, and not at all while playing once it is slow', () => {
    expect(summaryWait(false, 100, 100)).toBe(400)
    expect(summaryWait(true, 60_000, 1000)).toBe(Infinity)
  })
})
