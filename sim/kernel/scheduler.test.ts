// The event queue gives events back in (time, seq) order whatever the mix of near events (in the
// ring of buckets) and far ones (in the overflow heap), as the step loop uses it: pushes only at or
// after the time of the last pop.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { newQueue, queuePeek, queuePop, queuePush, queueSize, queuedEvents, WINDOW_MS, type SimEvent } from './scheduler.ts'

type Op = { push: number[] } | { pop: number }

function run(ops: Op[]): { popped: [number, number][]; expected: [number, number][] } {
  const q = newQueue()
  const reference: SimEvent[] = []
  const popped: [number, number][] = []
  const expected: [number, number][] = []
  let now = 0
  for (const op of ops) {
    if ('push' in op) {
      for (const delay of op.push) reference.push(queuePush(q, { timeMs: now + delay, seq: 0, node: 'n', kind: 'k', data: null, inc: 0 }))
    } else {
      for (let i = 0; i < op.pop; i++) {
        reference.sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq)
        const want = reference.shift()
        const peeked = queuePeek(q)
        const got = queuePop(q)
        expect(peeked).toBe(got)
        if (!want || !got) {
          expect(got).toBeUndefined()
          expect(want).toBeUndefined()
          break
        }
        popped.push([got.timeMs, got.seq])
        expected.push([want.timeMs, want.seq])
        now = got.timeMs
      }
    }
    expect(queueSize(q)).toBe(reference.length)
  }
  return { popped, expected }
}

describe('event queue', () => {
  it('pops in (time, seq) order for any mix of near and far events', () => {
    const delay = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 * WINDOW_MS }), fc.constantFrom(0, WINDOW_MS - 1, WINDOW_MS, WINDOW_MS + 1, 30_000, 300_000))
    const op: fc.Arbitrary<Op> = fc.oneof(fc.record({ push: fc.array(delay, { maxLength: 8 }) }), fc.record({ pop: fc.integer({ min: 1, max: 6 }) }))
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const { popped, expected } = run([...ops, { pop: 10_000 }])
        expect(popped).toEqual(expected)
      }),
      { numRuns: 300, seed: 42 },
    )
  })

  it('keeps same-millisecond events in push order across the overflow and the ring', () => {
    const q = newQueue()
    const far = WINDOW_MS + 10
    queuePush(q, { timeMs: far, seq: 0, node: 'a', kind: 'k', data: null, inc: 0 }) // into the overflow
    queuePush(q, { timeMs: 20, seq: 0, node: 'b', kind: 'k', data: null, inc: 0 })
    expect(queuePop(q)!.node).toBe('b') // the window moves to 20: `far` is now inside it
    queuePush(q, { timeMs: far, seq: 0, node: 'c', kind: 'k', data: null, inc: 0 }) // straight into the ring
    expect([queuePop(q)!.node, queuePop(q)!.node]).toEqual(['a', 'c'])
    expect(queuePop(q)).toBeUndefined()
  })

  it('refuses an event before the queue start or between milliseconds', () => {
    const q = newQueue()
    queuePush(q, { timeMs: 100, seq: 0, node: 'a', kind: 'k', data: null, inc: 0 })
    queuePop(q)
    expect(() => queuePush(q, { timeMs: 99, seq: 0, node: 'a', kind: 'k', data: null, inc: 0 })).toThrow(/kafkascope bug/)
    expect(() => queuePush(q, { timeMs: 100.5, seq: 0, node: 'a', kind: 'k', data: null, inc: 0 })).toThrow(/kafkascope bug/)
  })

  it('survives structuredClone (snapshots) with the same order', () => {
    const q = newQueue()
    for (const t of [5, 3, 2000, 3, 900, 70_000]) queuePush(q, { timeMs: t, seq: 0, node: String(t), kind: 'k', data: null, inc: 0 })
    const copy = structuredClone(q)
    const order = (x: typeof q) => Array.from({ length: 6 }, () => queuePop(x)!.seq)
    expect(order(copy)).toEqual(queuedEvents(q).map((e) => e.seq))
    expect(order(q)).toEqual([1, 3, 0, 4, 2, 5])
  })
})
