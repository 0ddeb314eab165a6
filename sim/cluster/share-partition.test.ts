// The share partition's record states (KIP-932, SharePartition): acquisition, acknowledgement,
// redelivery with delivery counts, locks that run out, the delivery limit, and the SPSO window.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  ACKNOWLEDGED,
  ACQUIRED,
  ARCHIVED,
  AVAILABLE,
  acknowledge,
  acquire,
  countStates,
  expireLocks,
  newSharePartition,
  nextLockExpiry,
  onLogStartMoved,
  releaseMember,
  type SharePartitionState,
} from './share-partition.ts'

const limits = { lockMs: 30_000, deliveryLimit: 5, maxLocks: 200 }

describe('a share partition', () => {
  it('acquires new records below the high watermark, one delivery each, locked for the lock duration', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 10)
    expect(acquire(sp, 'm1', 4, 20, 1000, limits)).toEqual([{ first: 10, last: 13, deliveryCount: 1 }])
    expect(acquire(sp, 'm2', 100, 20, 1000, limits)).toEqual([{ first: 14, last: 19, deliveryCount: 1 }])
    expect(sp).toMatchObject({ startOffset: 10, endOffset: 20 })
    expect(sp.owners).toEqual(['m1', 'm1', 'm1', 'm1', 'm2', 'm2', 'm2', 'm2', 'm2', 'm2'])
    expect(nextLockExpiry(sp)).toBe(31_000)
    // nothing new below the high watermark: nothing to acquire
    expect(acquire(sp, 'm3', 10, 20, 1000, limits)).toEqual([])
  })

  it('ACCEPT acknowledges; the SPSO moves past the leading acknowledged records only', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 3, 10, 0, limits)
    acquire(sp, 'm2', 3, 10, 0, limits)
    expect(acknowledge(sp, 'm2', 3, 5, 'ACCEPT', limits)).toBe('NONE')
    expect(sp.startOffset).toBe(0)
    expect(acknowledge(sp, 'm1', 0, 2, 'ACCEPT', limits)).toBe('NONE')
    expect(sp).toMatchObject({ startOffset: 6, endOffset: 6, states: [] })
  })

  it('an acknowledgement wholly below the SPSO is refused (its records left the cache); one across it acknowledges from the SPSO on', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 4, 10, 0, limits)
    expect(acknowledge(sp, 'm1', 0, 1, 'ACCEPT', limits)).toBe('NONE')
    expect(sp.startOffset).toBe(2)
    // a stale acknowledgement of a record already done (another delivery of it was accepted)
    expect(acknowledge(sp, 'm2', 1, 1, 'ACCEPT', limits)).toBe('INVALID_RECORD_STATE')
    expect(sp.acknowledged).toBe(2)
    expect(acknowledge(sp, 'm1', 0, 3, 'ACCEPT', limits)).toBe('NONE')
    expect(sp).toMatchObject({ startOffset: 4, acknowledged: 4 })
  })

  it('only the member that acquired a record may acknowledge it, and nothing changes when it is refused', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 2, 10, 0, limits)
    acquire(sp, 'm2', 2, 10, 0, limits)
    expect(acknowledge(sp, 'm2', 1, 2, 'ACCEPT', limits)).toBe('INVALID_RECORD_STATE')
    expect(sp.states).toEqual([ACQUIRED, ACQUIRED, ACQUIRED, ACQUIRED])
    expect(acknowledge(sp, 'm1', 5, 5, 'ACCEPT', limits)).toBe('INVALID_RECORD_STATE')
  })

  it('RELEASE makes a record available again; the next fetch redelivers it first, with its delivery count', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 3, 10, 0, limits)
    expect(acknowledge(sp, 'm1', 1, 1, 'RELEASE', limits)).toBe('NONE')
    expect(sp.states).toEqual([ACQUIRED, AVAILABLE, ACQUIRED])
    expect(acquire(sp, 'm2', 2, 10, 5, limits)).toEqual([
      { first: 1, last: 1, deliveryCount: 2 },
      { first: 3, last: 3, deliveryCount: 1 },
    ])
  })

  it('REJECT archives a record: it is never delivered again', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 1, 1, 0, limits)
    expect(acknowledge(sp, 'm1', 0, 0, 'REJECT', limits)).toBe('NONE')
    expect(sp).toMatchObject({ startOffset: 1, states: [] })
    expect(acquire(sp, 'm2', 10, 1, 5, limits)).toEqual([])
  })

  it('a lock that runs out releases the record; at the delivery limit it is archived instead', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    const small = { ...limits, deliveryLimit: 2 }
    acquire(sp, 'crashed', 1, 1, 0, small)
    expect(expireLocks(sp, 29_999, small)).toBe(0)
    expect(expireLocks(sp, 30_000, small)).toBe(1)
    expect(sp.states).toEqual([AVAILABLE])
    expect(acquire(sp, 'm2', 1, 1, 30_000, small)).toEqual([{ first: 0, last: 0, deliveryCount: 2 }])
    expect(expireLocks(sp, 60_000, small)).toBe(1)
    // delivered twice, the limit: archived, and the SPSO moves past it
    expect(sp).toMatchObject({ startOffset: 1, states: [] })
  })

  it('a member that leaves gives back what it held', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 2, 10, 0, limits)
    acquire(sp, 'm2', 2, 10, 0, limits)
    expect(releaseMember(sp, 'm1', limits)).toBe(2)
    expect(sp.states).toEqual([AVAILABLE, AVAILABLE, ACQUIRED, ACQUIRED])
    expect(countStates(sp)).toEqual({ AVAILABLE: 2, ACQUIRED: 2, ACKNOWLEDGED: 0, ARCHIVED: 0 })
  })

  it('keeps at most group.share.partition.max.record.locks records in flight', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    const tight = { ...limits, maxLocks: 5 }
    expect(acquire(sp, 'm1', 100, 100, 0, tight)).toEqual([{ first: 0, last: 4, deliveryCount: 1 }])
    expect(acquire(sp, 'm2', 100, 100, 0, tight)).toEqual([])
    acknowledge(sp, 'm1', 0, 1, 'ACCEPT', tight)
    expect(acquire(sp, 'm2', 100, 100, 0, tight)).toEqual([{ first: 5, last: 6, deliveryCount: 1 }])
  })

  it('records retention deleted before they were delivered are archived; an empty window moves to the log start', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 2, 10, 0, limits)
    acknowledge(sp, 'm1', 0, 1, 'RELEASE', limits)
    acquire(sp, 'm1', 1, 10, 0, limits) // offset 0 again
    onLogStartMoved(sp, 2)
    // offset 0 is held (ACQUIRED) so the window stays; offset 1 (AVAILABLE) is archived
    expect(sp.states).toEqual([ACQUIRED, ARCHIVED])
    acknowledge(sp, 'm1', 0, 0, 'ACCEPT', limits)
    expect(sp).toMatchObject({ startOffset: 2, endOffset: 2 })
    onLogStartMoved(sp, 50)
    expect(sp).toMatchObject({ startOffset: 50, endOffset: 50 })
  })

  it('keeps its invariants under any sequence of fetches, acknowledgements, lock timeouts and departures', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('acquire' as const), member: fc.constantFrom('a', 'b', 'c'), n: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('ack' as const), member: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 30 }), len: fc.integer({ min: 0, max: 3 }), type: fc.constantFrom('ACCEPT' as const, 'RELEASE' as const, 'REJECT' as const) }),
      fc.record({ kind: fc.constant('expire' as const) }),
      fc.record({ kind: fc.constant('leave' as const), member: fc.constantFrom('a', 'b', 'c') }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const small = { lockMs: 10, deliveryLimit: 3, maxLocks: 12 }
        const sp = newSharePartition('g', 't-0', 0)
        let now = 0
        const delivered = new Map<number, number>()
        for (const o of ops) {
          now += 3
          if (o.kind === 'acquire') for (const r of acquire(sp, o.member, o.n, 25, now, small)) for (let x = r.first; x <= r.last; x++) delivered.set(x, r.deliveryCount)
          else if (o.kind === 'ack') acknowledge(sp, o.member, o.at, o.at + o.len, o.type, small)
          else if (o.kind === 'expire') expireLocks(sp, now, small)
          else releaseMember(sp, o.member, small)
          check(sp, small.maxLocks, small.deliveryLimit)
        }
        // a delivery count never exceeds the limit
        for (const count of delivered.values()) expect(count).toBeLessThanOrEqual(small.deliveryLimit)
      }),
    )
  })
})

function check(sp: SharePartitionState, maxLocks: number, deliveryLimit: number): void {
  const n = sp.endOffset - sp.startOffset
  expect(n).toBeGreaterThanOrEqual(0)
  expect(n).toBeLessThanOrEqual(maxLocks)
  for (const a of [sp.states, sp.deliveries, sp.owners, sp.lockUntilMs]) expect(a).toHaveLength(n)
  if (n > 0) expect([ACKNOWLEDGED, ARCHIVED]).not.toContain(sp.states[0])
  sp.states.forEach((s, i) => {
    expect(s === ACQUIRED).toBe(sp.owners[i] !== '')
    expect(s === ACQUIRED).toBe(sp.lockUntilMs[i] >= 0)
    expect(sp.deliveries[i]).toBeLessThanOrEqual(deliveryLimit)
    if (s === AVAILABLE) expect(sp.deliveries[i]).toBeLessThan(deliveryLimit)
  })
}
