// Routes of the message-flow links: they start and end on the cards' edges and do not cut through
// the broker cards between two brokers or between a client and a far broker.
import { describe, expect, it } from 'vitest'
import { dotDurationMs, emptyCurve, exitPoint, overlaps, pointAt, routeCurve, stackLabels, type Box, type Lanes } from './geometry.ts'

const b1: Box = { x: 170, y: 160, w: 150, h: 110 }
const b2: Box = { x: 350, y: 160, w: 150, h: 110 }
const b3: Box = { x: 530, y: 160, w: 150, h: 110 }
const producer: Box = { x: 10, y: 150, w: 125, h: 80 }
const lowProducer: Box = { x: 10, y: 250, w: 125, h: 80 }
// the right column: its heading, a group card (a member row inside it) and a plain consumer below
const consumersHeading: Box = { x: 714, y: 130, w: 150, h: 16 }
const groupCard: Box = { x: 714, y: 150, w: 150, h: 90 }
const member: Box = { x: 714, y: 190, w: 150, h: 20 }
const reader: Box = { x: 714, y: 250, w: 150, h: 60 }
const producersHeading: Box = { x: 10, y: 128, w: 125, h: 16 }
const lanes: Lanes = { above: 148, below: 270 + 52 / 2 + 16, rowLeft: 170, rowRight: 680 }
const cards = [b1, b2, b3, producer, groupCard, reader, consumersHeading, producersHeading]

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

  it('produce routes run above the broker row and consume routes below the replication arcs: never one band', () => {
    const p = { x: 0, y: 0 }
    let replicationLow = -Infinity
    const repl = routeCurve(b1, 'server', b3, 'server', emptyCurve())
    for (let t = 0; t <= 1; t += 0.01) {
      pointAt(repl, t, false, p)
      replicationLow = Math.max(replicationLow, p.y)
    }
    for (const b of [b1, b2, b3]) {
      const produce = routeCurve(producer, 'client', b, 'server', emptyCurve(), lanes)
      const consume = routeCurve(b, 'server', reader, 'client', emptyCurve(), lanes)
      for (let t = 0; t <= 1; t += 0.01) {
        pointAt(produce, t, false, p)
        if (p.x > b1.x && p.x < b3.x + b3.w) expect(p.y).toBeLessThanOrEqual(b1.y)
        pointAt(consume, t, false, p)
        if (p.x > b1.x && p.x < b3.x + b3.w) expect(p.y).toBeGreaterThanOrEqual(b1.y + b1.h)
      }
      // the lanes: produce above the row, consume below every replication arc
      pointAt(produce, 0.5, false, p)
      expect(p.y).toBeLessThan(b1.y)
      pointAt(consume, 0.5, false, p)
      expect(p.y).toBeGreaterThan(replicationLow + 4)
      // each ends on the broker it goes to: produce on its top edge, consume leaves its bottom edge
      expect(produce.y1).toBe(b.y)
      expect(produce.x1).toBeGreaterThan(b.x)
      expect(produce.x1).toBeLessThan(b.x + b.w)
      expect(consume.y0).toBe(b.y + b.h)
      expect(consume.x0).toBeGreaterThan(b.x)
      expect(consume.x0).toBeLessThan(b.x + b.w)
    }
  })

  it('no route or control point passes over a card body or a column heading', () => {
    const routes = [
      ...[b1, b2, b3].map((b) => [routeCurve(producer, 'client', b, 'server', emptyCurve(), lanes), producer, b] as const),
      ...[b1, b2, b3].map((b) => [routeCurve(b, 'server', member, 'client', emptyCurve(), lanes), member, b] as const),
      ...[b1, b2, b3].map((b) => [routeCurve(b, 'server', reader, 'client', emptyCurve(), lanes), reader, b] as const),
    ]
    for (const [route] of routes) {
      for (const card of cards) {
        expect(crosses(route, card)).toBe(false)
        for (let o = 0; o < route.seg.length; o += 2) expect(inside(card, route.seg[o], route.seg[o + 1])).toBe(false)
      }
    }
  })

  it('flow labels that would overlap are stacked apart, and keep off obstacles', () => {
    const boxes = [
      { x: 100, y: 50, w: 40, h: 13, step: -14 },
      { x: 110, y: 50, w: 40, h: 13, step: -14 },
      { x: 120, y: 52, w: 40, h: 13, step: -14 },
      { x: 300, y: 50, w: 40, h: 13, step: 14 },
    ]
    const card: Box = { x: 290, y: 40, w: 80, h: 30 }
    stackLabels(boxes, [card])
    expect(boxes.every((b) => b.ok)).toBe(true)
    for (let i = 0; i < boxes.length; i++) {
      expect(overlaps(boxes[i], card)).toBe(false)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false)
    }
    expect(boxes[0].y).toBe(50)
    expect(boxes[1].y).toBe(36)
  })

  it('dots move faster at high speeds but stay visible', () => {
    expect(dotDurationMs(1)).toBe(650)
    expect(dotDurationMs(100)).toBeLessThan(dotDurationMs(10))
    expect(dotDurationMs(1000)).toBeGreaterThanOrEqual(300)
  })
})
