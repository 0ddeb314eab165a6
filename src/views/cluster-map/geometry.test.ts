// Routes of the message-flow links: they start and end on the cards' edges and do not cut through
// the broker cards between two brokers or between a client and a far broker.
import { describe, expect, it } from 'vitest'
import { dotDurationMs, emptyCurve, exitPoint, pointAt, routeCurve, type Box } from './geometry.ts'

const b1: Box = { x: 170, y: 160, w: 150, h: 110 }
const b2: Box = { x: 350, y: 160, w: 150, h: 110 }
const b3: Box = { x: 530, y: 160, w: 150, h: 110 }
const producer: Box = { x: 10, y: 150, w: 125, h: 80 }
const lowProducer: Box = { x: 10, y: 250, w: 125, h: 80 }

function inside(b: Box, x: number, y: number): boolean {
  return x > b.x + 1 && x < b.x + b.w - 1 && y > b.y + 1 && y < b.y + b.h - 1
}

function crosses(route: ReturnType<typeof emptyCurve>, b: Box): boolean {
  const p = { x: 0, y: 0 }
  for (let t = 0; t <= 1; t += 0.01) {
    pointAt(route, t, false, p)
    if (inside(b, p.x, p.y)) return true
  }
  return false
}

describe('flow geometry', () => {
  it('finds where a ray leaves a box', () => {
    const p = { x: 0, y: 0 }
    exitPoint({ x: 0, y: 0, w: 100, h: 50 }, 500, 25, p)
    expect(p).toEqual({ x: 100, y: 25 })
  })

  it('replication between brokers 1 and 3 runs below broker 2', () => {
    const c = routeCurve(b1, 'server', b3, 'server', emptyCurve())
    expect(c.y0).toBe(b1.y + b1.h)
    expect(crosses(c, b2)).toBe(false)
  })

  it('a produce request to broker 3 passes above brokers 1 and 2, even from a lower card', () => {
    for (const p of [producer, lowProducer]) {
      const c = routeCurve(p, 'client', b3, 'server', emptyCurve())
      expect(c.x0).toBe(p.x + p.w)
      expect(c.y1).toBe(b3.y)
      expect(crosses(c, b1)).toBe(false)
      expect(crosses(c, b2)).toBe(false)
    }
  })

  it('the response runs the same route backwards', () => {
    const there = routeCurve(producer, 'client', b3, 'server', emptyCurve())
    const back = routeCurve(b3, 'server', producer, 'client', emptyCurve())
    const a = { x: 0, y: 0 }
    const b = { x: 0, y: 0 }
    pointAt(there, 0.3, false, a)
    pointAt(back, 0.7, false, b)
    expect(b.x).toBeCloseTo(a.x)
    expect(b.y).toBeCloseTo(a.y)
  })

  it('dots move faster at high speeds but stay visible', () => {
    expect(dotDurationMs(1)).toBe(650)
    expect(dotDurationMs(100)).toBeLessThan(dotDurationMs(10))
    expect(dotDurationMs(1000)).toBeGreaterThanOrEqual(300)
  })
})
