// The share-group checkers on hand-made histories: each anomaly they must report, and the
// histories of a correct run (including answers lost to a crash) they must pass.
import { describe, expect, it } from 'vitest'
import { checkShareGroups } from './share-checkers.ts'
import { newHistory, type History } from '../history/history.ts'
import { shareLogOf, type ShareHistoryEvent } from '../history/share-history.ts'
import type { SharePartitionView } from '../observe/share-groups.ts'

const G = 'workers'
const TP = 'jobs-0'

function history(events: ShareHistoryEvent[]): History {
  return { ...newHistory(), shares: shareLogOf(events) }
}

const acquired = (atMs: number, member: string, first: number, last: number, deliveryCount: number): ShareHistoryEvent => ({ kind: 'acquired', atMs, groupId: G, member, tp: TP, first, last, deliveryCount })
const unanswered = (atMs: number, member: string, first: number, last: number, type: 'ACCEPT' | 'RELEASE' | 'REJECT'): ShareHistoryEvent => ({ kind: 'ackUnanswered', atMs, groupId: G, member, tp: TP, first, last, type })
const acked = (atMs: number, member: string, first: number, last: number, type: 'ACCEPT' | 'RELEASE' | 'REJECT', error = 'NONE'): ShareHistoryEvent => ({ kind: 'acknowledged', atMs, groupId: G, member, tp: TP, first, last, type, error })
const view = (startOffset: number, firstOffset = 0): SharePartitionView => ({ groupId: G, tp: TP, firstOffset, startOffset, deliveryLimit: 5 })

function counts(h: History, views: SharePartitionView[]) {
  const r = checkShareGroups(h, views, 100_000)
  return { byOther: r.ackedByOther.length, twice: r.ackedTwice.length, lost: r.recordsLost.length, overLimit: r.deliveriesOverLimit.length, r }
}

describe('share-group checkers', () => {
  it('pass a run where two members share a partition, one releases a record and the other accepts it', () => {
    const h = history([
      acquired(10, 'w-1', 0, 4, 1),
      acquired(11, 'w-2', 5, 9, 1),
      acked(21, 'w-1', 0, 3, 'ACCEPT'),
      acked(21, 'w-1', 4, 4, 'RELEASE'),
      acquired(22, 'w-2', 4, 4, 2),
      acked(31, 'w-2', 4, 9, 'ACCEPT'),
    ])
    expect(counts(h, [view(10)])).toMatchObject({ byOther: 0, twice: 0, lost: 0, overLimit: 0 })
  })

  it('report an acknowledgement of a record the member never acquired', () => {
    const h = history([acquired(10, 'w-1', 0, 4, 1), acked(21, 'w-2', 2, 2, 'ACCEPT')])
    const { byOther, r } = counts(h, [])
    expect(byOther).toBe(1)
    expect(r.ackedByOther[0].facts).toMatchObject({ kind: 'shareAckedByOther', member: 'w-2', offset: 2, deliveryCount: null, other: null })
  })

  it('report two members holding the same delivery of a record', () => {
    const h = history([acquired(10, 'w-1', 0, 0, 1), acquired(12, 'w-2', 0, 0, 1), acked(21, 'w-2', 0, 0, 'ACCEPT')])
    const { byOther, r } = counts(h, [])
    expect(byOther).toBe(1)
    expect(r.ackedByOther[0].facts).toMatchObject({ deliveryCount: 1, other: { who: 'w-1', atMs: 10 } })
  })

  it('report a record accepted and then delivered or accepted again', () => {
    const delivered = history([acquired(10, 'w-1', 0, 0, 1), acked(21, 'w-1', 0, 0, 'ACCEPT'), acquired(40, 'w-2', 0, 0, 2)])
    expect(counts(delivered, []).twice).toBe(1)
    expect(counts(delivered, []).r.ackedTwice[0].facts).toMatchObject({ how: 'delivered', first: { who: 'w-1' }, second: { who: 'w-2', atMs: 40 } })
    const rejectedThenAccepted = history([acquired(10, 'w-1', 0, 0, 1), acked(21, 'w-1', 0, 0, 'REJECT'), acked(22, 'w-1', 0, 0, 'ACCEPT')])
    expect(counts(rejectedThenAccepted, []).twice).toBe(1)
  })

  it('report records the SPSO passed without an accept, a reject or the delivery limit', () => {
    const h = history([acquired(10, 'w-1', 0, 9, 1), acked(21, 'w-1', 0, 5, 'ACCEPT')])
    const { lost, r } = counts(h, [view(10)])
    expect(lost).toBe(1)
    expect(r.recordsLost[0].facts).toMatchObject({ kind: 'shareRecordLost', from: 6, to: 9, startOffset: 10 })
    // below where share.auto.offset.reset started it, records were never the group's
    expect(counts(history([]), [view(10, 10)]).lost).toBe(0)
  })

  it('count an accept whose answer never came (a crash), and not one the leader refused', () => {
    const lostAnswer = history([acquired(10, 'w-1', 0, 3, 1), unanswered(20, 'w-1', 0, 3, 'ACCEPT')])
    expect(counts(lostAnswer, [view(4)]).lost).toBe(0)
    const refused = history([acquired(10, 'w-1', 0, 3, 1), acked(21, 'w-1', 0, 3, 'ACCEPT', 'INVALID_RECORD_STATE')])
    expect(counts(refused, [view(4)]).lost).toBe(1)
  })

  it('count a record archived at the delivery limit, allowing one delivery per fetch nobody heard back from', () => {
    const five = history([1, 2, 3, 4, 5].map((d) => acquired(d * 10, 'w-1', 0, 0, d)))
    expect(counts(five, [view(1)]).lost).toBe(0)
    const four = history([1, 2, 3, 4].map((d) => acquired(d * 10, 'w-1', 0, 0, d)))
    expect(counts(four, [view(1)]).lost).toBe(1)
    const fourAndAnUnheardFetch = history([...[1, 2, 3, 4].map((d) => acquired(d * 10, 'w-1', 0, 0, d)), { kind: 'fetchUnanswered', atMs: 50, groupId: G, member: 'w-2', tps: [TP] }])
    expect(counts(fourAndAnUnheardFetch, [view(1)]).lost).toBe(0)
  })

  it('report a delivery over group.share.delivery.count.limit', () => {
    const h = history([1, 2, 3, 4, 5, 6].map((d) => acquired(d * 10, 'w-1', 0, 0, d)))
    const { overLimit, r } = counts(h, [view(0)])
    expect(overLimit).toBe(1)
    expect(r.deliveriesOverLimit[0].facts).toMatchObject({ deliveryCount: 6, limit: 5, atMs: 60 })
  })
})
