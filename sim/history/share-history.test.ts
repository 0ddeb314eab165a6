import { describe, expect, test } from 'vitest'
import { newShareLog, shareEventAt, shareEvents, shareLogOf, type ShareHistoryEvent } from './share-history.ts'
import { PAGE } from './int-column.ts'

const events: ShareHistoryEvent[] = [
  { kind: 'acquired', atMs: 10, groupId: 'g', member: 'g-1', tp: 'jobs-0', first: 0, last: 4, deliveryCount: 1 },
  { kind: 'acknowledged', atMs: 20, groupId: 'g', member: 'g-1', tp: 'jobs-0', first: 0, last: 2, type: 'ACCEPT', error: 'NONE' },
  { kind: 'acknowledged', atMs: 21, groupId: 'g', member: 'g-1', tp: 'jobs-0', first: 3, last: 3, type: 'REJECT', error: 'INVALID_RECORD_STATE' },
  { kind: 'ackUnanswered', atMs: 22, groupId: 'g', member: 'g-1', tp: 'jobs-0', first: 4, last: 4, type: 'RELEASE' },
  { kind: 'fetchUnanswered', atMs: 30, groupId: 'g', member: 'g-2', tps: ['jobs-0', 'jobs-1'] },
  { kind: 'acquired', atMs: 31_000_000, groupId: 'other', member: 'other-1', tp: 'my-topic-12', first: 2_000_000_000, last: 2_000_000_009, deliveryCount: 5 },
]

describe('the share log', () => {
  test('gives back every kind of fact as it was recorded, in order', () => {
    expect(shareEvents(shareLogOf(events))).toEqual(events)
  })

  test('names each member and partition once; keeps only the errors that are not NONE', () => {
    const log = shareLogOf(events)
    expect(log.members).toEqual([{ groupId: 'g', member: 'g-1' }, { groupId: 'g', member: 'g-2' }, { groupId: 'other', member: 'other-1' }])
    expect(log.tps).toEqual(['jobs-0', 'my-topic-12'])
    expect(log.errors).toEqual({ 2: 'INVALID_RECORD_STATE' })
  })

  test('an unanswered fetch keeps its own partition list', () => {
    const tps = ['jobs-0']
    const log = shareLogOf([{ kind: 'fetchUnanswered', atMs: 1, groupId: 'g', member: 'g-1', tps }])
    tps.push('jobs-9')
    const e = shareEventAt(log, 0)
    expect(e.kind === 'fetchUnanswered' && e.tps).toEqual(['jobs-0'])
  })

  test('holds more entries than a page', () => {
    const many: ShareHistoryEvent[] = []
    for (let i = 0; i < PAGE * 2 + 3; i++) many.push({ kind: 'acquired', atMs: i, groupId: 'g', member: `g-${i % 7}`, tp: `t-${i % 3}`, first: i, last: i + 1, deliveryCount: 1 + (i % 5) })
    const log = shareLogOf(many)
    expect(log.n).toBe(many.length)
    expect(shareEventAt(log, PAGE * 2 + 2)).toEqual(many[PAGE * 2 + 2])
    expect(newShareLog().n).toBe(0)
  })
})
