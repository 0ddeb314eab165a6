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
  acknowledgeAll,
  acquire,
  countStates,
  expireLocks,
  newSharePartition,
  nextLockExpiry,
  onLogStartMoved,
  inFlightRecords,
  releaseAllLocks,
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
    expect(inFlightRecords(sp).map((r) => r.owner)).toEqual(['m1', 'm1', 'm1', 'm1', 'm2', 'm2', 'm2', 'm2', 'm2', 'm2'])
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
    expect(sp).toMatchObject({ startOffset: 6, endOffset: 6, batches: [] })
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
    expect(states(sp)).toEqual([ACQUIRED, ACQUIRED, ACQUIRED, ACQUIRED])
    expect(acknowledge(sp, 'm1', 5, 5, 'ACCEPT', limits)).toBe('INVALID_RECORD_STATE')
  })

  it('RELEASE makes a record available again; the next fetch redelivers it first, with its delivery count', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 3, 10, 0, limits)
    expect(acknowledge(sp, 'm1', 1, 1, 'RELEASE', limits)).toBe('NONE')
    expect(states(sp)).toEqual([ACQUIRED, AVAILABLE, ACQUIRED])
    expect(acquire(sp, 'm2', 2, 10, 5, limits)).toEqual([
      { first: 1, last: 1, deliveryCount: 2 },
      { first: 3, last: 3, deliveryCount: 1 },
    ])
  })

  it('REJECT archives a record: it is never delivered again', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 1, 1, 0, limits)
    expect(acknowledge(sp, 'm1', 0, 0, 'REJECT', limits)).toBe('NONE')
    expect(sp).toMatchObject({ startOffset: 1, batches: [] })
    expect(acquire(sp, 'm2', 10, 1, 5, limits)).toEqual([])
  })

  it('a lock that runs out releases the record; at the delivery limit it is archived instead', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    const small = { ...limits, deliveryLimit: 2 }
    acquire(sp, 'crashed', 1, 1, 0, small)
    expect(expireLocks(sp, 29_999, small)).toBe(0)
    expect(expireLocks(sp, 30_000, small)).toBe(1)
    expect(states(sp)).toEqual([AVAILABLE])
    expect(acquire(sp, 'm2', 1, 1, 30_000, small)).toEqual([{ first: 0, last: 0, deliveryCount: 2 }])
    expect(expireLocks(sp, 60_000, small)).toBe(1)
    // delivered twice, the limit: archived, and the SPSO moves past it
    expect(sp).toMatchObject({ startOffset: 1, batches: [] })
  })

  it('a member that leaves gives back what it held', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 2, 10, 0, limits)
    acquire(sp, 'm2', 2, 10, 0, limits)
    expect(releaseMember(sp, 'm1', limits)).toBe(2)
    expect(states(sp)).toEqual([AVAILABLE, AVAILABLE, ACQUIRED, ACQUIRED])
    expect(countStates(sp)).toEqual({ AVAILABLE: 2, ACQUIRED: 2, ACKNOWLEDGED: 0, ARCHIVED: 0 })
  })

  it("acknowledges a request's ranges all or nothing: one refused range rolls the others back", () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 4, 10, 0, limits)
    acquire(sp, 'm2', 2, 10, 0, limits)
    // 0..1 would be fine, but 4 is m2's: nothing changes, and the answer is the error
    expect(acknowledgeAll(sp, 'm1', [{ first: 0, last: 1, type: 'ACCEPT' }, { first: 4, last: 4, type: 'ACCEPT' }], limits)).toBe('INVALID_RECORD_STATE')
    expect(sp).toMatchObject({ startOffset: 0, acknowledged: 0 })
    expect(states(sp)).toEqual([ACQUIRED, ACQUIRED, ACQUIRED, ACQUIRED, ACQUIRED, ACQUIRED])
    expect(acknowledgeAll(sp, 'm1', [{ first: 0, last: 1, type: 'ACCEPT' }, { first: 2, last: 2, type: 'RELEASE' }], limits)).toBe('NONE')
    expect(sp).toMatchObject({ startOffset: 2, acknowledged: 2 })
    expect(states(sp)).toEqual([AVAILABLE, ACQUIRED, ACQUIRED, ACQUIRED])
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
    expect(states(sp)).toEqual([ACQUIRED, ARCHIVED])
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

function states(sp: SharePartitionState): number[] {
  return inFlightRecords(sp).map((r) => r.state)
}

function check(sp: SharePartitionState, maxLocks: number, deliveryLimit: number): void {
  const n = sp.endOffset - sp.startOffset
  expect(n).toBeGreaterThanOrEqual(0)
  expect(n).toBeLessThanOrEqual(maxLocks)
  // contiguous non-empty batches covering the window exactly
  let next = sp.startOffset
  for (const b of sp.batches) {
    expect(b.first).toBe(next)
    expect(b.last).toBeGreaterThanOrEqual(b.first)
    next = b.last + 1
  }
  expect(next).toBe(sp.endOffset)
  if (n > 0) expect([ACKNOWLEDGED, ARCHIVED]).not.toContain(sp.batches[0].state)
  for (const b of sp.batches) {
    expect(b.state === ACQUIRED).toBe(b.owner !== '')
    expect(b.state === ACQUIRED).toBe(b.lockUntilMs >= 0)
    expect(b.deliveries).toBeLessThanOrEqual(deliveryLimit)
    if (b.state === AVAILABLE) expect(b.deliveries).toBeLessThan(deliveryLimit)
  }
}

/**
 * The same rules kept record by record (the plain reading of SharePartition's per-offset states),
 * which the batched window must match operation for operation.
 */
class RecordByRecord {
  start = 0
  recs: { state: number; deliveries: number; owner: string; lock: number }[] = []
  constructor(private limits: { lockMs: number; deliveryLimit: number; maxLocks: number }) {}
  acquire(member: string, max: number, hw: number, now: number): { first: number; last: number; deliveryCount: number }[] {
    const runs: { first: number; last: number; deliveryCount: number }[] = []
    const add = (o: number, d: number) => {
      const prev = runs[runs.length - 1]
      if (prev && prev.last + 1 === o && prev.deliveryCount === d) prev.last = o
      else runs.push({ first: o, last: o, deliveryCount: d })
    }
    const take = (i: number) => Object.assign(this.recs[i], { state: ACQUIRED, deliveries: this.recs[i].deliveries + 1, owner: member, lock: now + this.limits.lockMs })
    let left = max
    for (let i = 0; i < this.recs.length && left > 0; i++) if (this.recs[i].state === AVAILABLE) (take(i), add(this.start + i, this.recs[i].deliveries), left--)
    while (left > 0 && this.start + this.recs.length < Math.min(hw, this.start + this.limits.maxLocks)) {
      this.recs.push({ state: AVAILABLE, deliveries: 0, owner: '', lock: -1 })
      take(this.recs.length - 1)
      add(this.start + this.recs.length - 1, 1)
      left--
    }
    return runs
  }
  private release(i: number): void {
    Object.assign(this.recs[i], { state: this.recs[i].deliveries >= this.limits.deliveryLimit ? ARCHIVED : AVAILABLE, owner: '', lock: -1 })
  }
  ack(member: string, first: number, last: number, type: string): string {
    if (last < this.start || last - this.start >= this.recs.length) return 'INVALID_RECORD_STATE'
    const from = Math.max(first, this.start) - this.start
    for (let i = from; i <= last - this.start; i++) if (this.recs[i].state !== ACQUIRED || this.recs[i].owner !== member) return 'INVALID_RECORD_STATE'
    for (let i = from; i <= last - this.start; i++) {
      if (type === 'RELEASE') this.release(i)
      else Object.assign(this.recs[i], { state: type === 'ACCEPT' ? ACKNOWLEDGED : ARCHIVED, owner: '', lock: -1 })
    }
    this.advance()
    return 'NONE'
  }
  releaseWhere(pred: (r: { state: number; owner: string; lock: number }) => boolean): number {
    let n = 0
    this.recs.forEach((r, i) => {
      if (r.state === ACQUIRED && pred(r)) (this.release(i), n++)
    })
    this.advance()
    return n
  }
  logStart(lso: number): void {
    if (this.start >= lso) return
    for (let i = 0; i < Math.min(lso - this.start, this.recs.length); i++) if (this.recs[i].state === AVAILABLE) this.recs[i].state = ARCHIVED
    this.advance()
    if (this.recs.length === 0 && this.start < lso) this.start = lso
  }
  private advance(): void {
    while (this.recs.length > 0 && (this.recs[0].state === ACKNOWLEDGED || this.recs[0].state === ARCHIVED)) (this.recs.shift(), this.start++)
  }
}

describe('the batched window', () => {
  it('hands out, acknowledges, releases and archives exactly as the record-by-record rules do', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('acquire' as const), member: fc.constantFrom('a', 'b', 'c'), n: fc.integer({ min: 1, max: 8 }), hw: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('ack' as const), member: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 40 }), len: fc.integer({ min: 0, max: 6 }), type: fc.constantFrom('ACCEPT' as const, 'RELEASE' as const, 'REJECT' as const) }),
      fc.record({ kind: fc.constant('expire' as const) }),
      fc.record({ kind: fc.constant('leave' as const), member: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ kind: fc.constant('newLeader' as const) }),
      fc.record({ kind: fc.constant('logStart' as const), at: fc.integer({ min: 0, max: 40 }) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const small = { lockMs: 10, deliveryLimit: 3, maxLocks: 12 }
        const sp = newSharePartition('g', 't-0', 0)
        const ref = new RecordByRecord(small)
        let now = 0
        for (const o of ops) {
          now += 3
          if (o.kind === 'acquire') expect(acquire(sp, o.member, o.n, o.hw, now, small)).toEqual(ref.acquire(o.member, o.n, o.hw, now))
          else if (o.kind === 'ack') expect(acknowledge(sp, o.member, o.at, o.at + o.len, o.type, small)).toBe(ref.ack(o.member, o.at, o.at + o.len, o.type))
          else if (o.kind === 'expire') expect(expireLocks(sp, now, small)).toBe(ref.releaseWhere((r) => r.lock <= now))
          else if (o.kind === 'leave') expect(releaseMember(sp, o.member, small)).toBe(ref.releaseWhere((r) => r.owner === o.member))
          else if (o.kind === 'newLeader') (releaseAllLocks(sp, small), ref.releaseWhere(() => true))
          else (onLogStartMoved(sp, o.at), ref.logStart(o.at))
          check(sp, small.maxLocks, small.deliveryLimit)
          expect(sp.startOffset).toBe(ref.start)
          expect(inFlightRecords(sp).map((r) => [r.state, r.deliveries, r.owner, r.lockUntilMs])).toEqual(ref.recs.map((r) => [r.state, r.deliveries, r.owner, r.lock]))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('keeps one batch per acquisition, not one entry per record', () => {
    const sp = newSharePartition('jobs', 'tasks-0', 0)
    acquire(sp, 'm1', 500, 1000, 0, { ...limits, maxLocks: 2000 })
    expect(sp.batches).toHaveLength(1)
    expect(acknowledge(sp, 'm1', 100, 199, 'RELEASE', limits)).toBe('NONE')
    // the release split the batch in three: [0, 99] and [200, 499] held, [100, 199] available
    expect(sp.batches.map((b) => [b.first, b.last, b.state])).toEqual([
      [0, 99, ACQUIRED],
      [100, 199, AVAILABLE],
      [200, 499, ACQUIRED],
    ])
  })
})
