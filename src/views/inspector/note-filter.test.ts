// The event log's filters: chips by note kind, text search, the newest matches only, and finding
// the partition, group or broker a note speaks of.
import { describe, expect, it } from 'vitest'
import type { SimEvent } from '../../../sim/index.ts'
import { failureReason, groupOfKind, matchingNotes, NOTE_GROUPS, selectionOfEvent, type NoteGroup } from './note-filter.ts'

const notes: SimEvent[] = [
  { type: 'ControllerActive', atMs: 1000, controller: '1', epoch: 1 },
  { type: 'TopicCreated', atMs: 2000, topic: 'orders', partitions: 3, replicationFactor: 3 },
  { type: 'ActionApplied', atMs: 20000, action: 'crashBroker', args: '{"broker":1}' },
  { type: 'BrokerFenced', atMs: 29000, broker: 1, sinceHeartbeatMs: 9000, timeoutMs: 9000 },
  { type: 'LeaderElected', atMs: 29001, topic: 'orders', partition: 0, from: 1, to: 2, leaderEpoch: 1, isr: [2, 3], unclean: false },
  { type: 'LeaderElected', atMs: 29002, topic: 'orders', partition: 1, from: -1, to: 3, leaderEpoch: 2, isr: [3], unclean: true },
  { type: 'IsrChanged', atMs: 30000, topic: 'orders', partition: 2, from: [1, 2, 3], to: [2, 3], reason: 'isr-shrink' },
]
const all = new Set<NoteGroup>(NOTE_GROUPS)

describe('note kinds', () => {
  it('puts unclean elections with leader changes and raft with the controller', () => {
    expect(groupOfKind('unclean')).toBe('leader')
    expect(groupOfKind('raft')).toBe('controller')
    expect(groupOfKind('consumer')).toBe('group')
    expect(groupOfKind('config')).toBe('topic')
    expect(groupOfKind('something-new')).toBe('action')
  })
})

describe('matchingNotes', () => {
  it('keeps every note when every chip is on and the search is empty', () => {
    const m = matchingNotes(notes, { shown: all, query: '', internalPartitions: true }, 300)
    expect(m.total).toBe(notes.length)
    expect(m.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('drops the kinds whose chip is off', () => {
    const m = matchingNotes(notes, { shown: new Set<NoteGroup>(['leader']), query: '', internalPartitions: true }, 300)
    expect(m.rows.map((r) => r.note.type)).toEqual(['LeaderElected', 'LeaderElected'])
    expect(m.rows.map((r) => r.index)).toEqual([4, 5])
  })

  it('searches the text case-insensitively', () => {
    const m = matchingNotes(notes, { shown: all, query: 'ORDERS-0', internalPartitions: true }, 300)
    expect(m.rows.map((r) => r.index)).toEqual([4])
  })

  it('hides leader and Isr changes of __consumer_offsets unless asked for', () => {
    const withInternal: SimEvent[] = [...notes, { type: 'LeaderElected', atMs: 29001, topic: '__consumer_offsets', partition: 7, from: 1, to: 2, leaderEpoch: 1, isr: [2, 3], unclean: false }]
    expect(matchingNotes(withInternal, { shown: all, query: '', internalPartitions: false }, 300).total).toBe(notes.length)
    expect(matchingNotes(withInternal, { shown: all, query: '', internalPartitions: true }, 300).total).toBe(notes.length + 1)
  })

  it('keeps only the newest matches, oldest first, and counts them all', () => {
    const m = matchingNotes(notes, { shown: all, query: 'partition orders', internalPartitions: true }, 2)
    expect(m.total).toBe(3)
    expect(m.rows.map((r) => r.index)).toEqual([5, 6])
  })

  it('searches the text of the UI language, and the kind in either', () => {
    expect(matchingNotes(notes, { shown: all, query: '파티션 orders', internalPartitions: true }, 300, 'ko').total).toBe(3)
    expect(matchingNotes(notes, { shown: all, query: '파티션 orders', internalPartitions: true }, 300, 'en').total).toBe(0)
    expect(matchingNotes(notes, { shown: all, query: '브로커 1 fence', internalPartitions: true }, 300, 'ko').rows.map((r) => r.index)).toEqual([3])
    expect(matchingNotes(notes, { shown: all, query: 'unclean', internalPartitions: true }, 300, 'ko').rows.map((r) => r.index)).toEqual([5])
  })
})

describe('selectionOfEvent', () => {
  it('finds the partition of a leader change', () => {
    expect(selectionOfEvent(notes[4]!, ['orders'])).toEqual({ kind: 'partition', topic: 'orders', partition: 0 })
  })

  it('finds a partition of a known topic in an assignment', () => {
    const e: SimEvent = { type: 'AssignmentReceived', atMs: 1, member: 'payments-1', groupId: 'payments', generation: 3, protocol: 'range', partitions: ['orders-2', 'orders-0'] }
    expect(selectionOfEvent(e, ['orders'])).toEqual({ kind: 'partition', topic: 'orders', partition: 2 })
    expect(selectionOfEvent(e, [])).toEqual({ kind: 'group', id: 'payments' })
  })

  it('finds the partition a consumer truncated, and the group whose reset offset was clamped', () => {
    const t: SimEvent = { type: 'TruncationDetected', atMs: 1, consumer: 'audit', tp: 'orders-1', position: 200, endOffset: 159 }
    expect(selectionOfEvent(t, ['orders'])).toEqual({ kind: 'partition', topic: 'orders', partition: 1 })
    const c: SimEvent = { type: 'ResetOffsetClamped', atMs: 1, groupId: 'analytics', tp: 'orders-1', requested: 999999, bound: 'latest', offset: 120 }
    expect(selectionOfEvent(c, ['orders'])).toEqual({ kind: 'group', id: 'analytics' })
  })

  it('finds a group, then a broker', () => {
    const e: SimEvent = { type: 'GroupStateChanged', atMs: 1, groupId: 'payments', from: 'Stable', to: 'PreparingRebalance', reason: { code: 'memberLeft', member: 'payments-2' } }
    expect(selectionOfEvent(e, [])).toEqual({ kind: 'group', id: 'payments' })
    expect(selectionOfEvent(notes[3]!, ['orders'])).toEqual({ kind: 'broker', id: 1 })
  })

  it('finds nothing in an event about no one thing', () => {
    expect(selectionOfEvent({ type: 'ControllerElectionStarted', atMs: 1, controller: '1', epoch: 2 }, ['orders'])).toBeNull()
  })
})

describe('failureReason', () => {
  it('keeps the reason of a failed action', () => {
    expect(failureReason({ type: 'ActionFailed', atMs: 1, action: 'resetOffsets', args: '{"groupId":"g","to":"earliest"}', message: 'NON_EMPTY_GROUP' })).toBe('NON_EMPTY_GROUP')
    expect(failureReason({ type: 'ActionFailed', atMs: 1, action: 'crashBroker', args: '{"broker":"leader:orders-9"}', message: 'cannot resolve leader:orders-9: no such partition' })).toBe(
      'cannot resolve leader:orders-9: no such partition',
    )
    expect(failureReason({ type: 'CreateTopicsFailed', atMs: 1, topic: 'x', error: 'INVALID_REPLICATION_FACTOR', message: 'too few brokers' })).toBe('INVALID_REPLICATION_FACTOR: too few brokers')
    expect(failureReason(notes[2]!)).toBeNull()
  })
})
