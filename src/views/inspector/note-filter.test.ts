// The event log's filters: chips by note kind, text search, the newest matches only, and finding
// the partition, group or broker a note speaks of.
import { describe, expect, it } from 'vitest'
import { groupOfKind, matchingNotes, NOTE_GROUPS, selectionInNote, withoutActionPrefix, type NoteGroup } from './note-filter.ts'

const notes = [
  { atMs: 1000, kind: 'controller', text: 'Controller 1 is the active controller (epoch 1)' },
  { atMs: 2000, kind: 'topic', text: 'Created topic orders with 3 partitions, replication factor 3' },
  { atMs: 20000, kind: 'action', text: 'crashBroker {"broker":1}' },
  { atMs: 29000, kind: 'broker', text: 'Broker 1 fenced: no heartbeat for 9000 ms (broker.session.timeout.ms=9000)' },
  { atMs: 29001, kind: 'leader', text: 'Partition orders-0: leader 1 → 2, epoch 1, ISR [2,3]' },
  { atMs: 29002, kind: 'unclean', text: 'Partition orders-1: leader none → 3 (unclean), epoch 2, ISR [3]' },
  { atMs: 30000, kind: 'isr', text: 'Partition orders-2: ISR [1,2,3] → [2,3] (follower 1 fell behind)' },
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
    expect(m.rows.map((r) => r.note.kind)).toEqual(['leader', 'unclean'])
  })

  it('searches the text case-insensitively', () => {
    const m = matchingNotes(notes, { shown: all, query: 'ORDERS-0', internalPartitions: true }, 300)
    expect(m.rows.map((r) => r.index)).toEqual([4])
  })

  it('hides leader and Isr changes of __consumer_offsets unless asked for', () => {
    const withInternal = [...notes, { atMs: 29001, kind: 'leader', text: 'Partition __consumer_offsets-7: leader 1 → 2, epoch 1, ISR [2,3]' }]
    expect(matchingNotes(withInternal, { shown: all, query: '', internalPartitions: false }, 300).total).toBe(notes.length)
    expect(matchingNotes(withInternal, { shown: all, query: '', internalPartitions: true }, 300).total).toBe(notes.length + 1)
  })

  it('keeps only the newest matches, oldest first, and counts them all', () => {
    const m = matchingNotes(notes, { shown: all, query: 'partition orders', internalPartitions: true }, 2)
    expect(m.total).toBe(3)
    expect(m.rows.map((r) => r.index)).toEqual([5, 6])
  })
})

describe('selectionInNote', () => {
  it('finds the partition of a leader change', () => {
    expect(selectionInNote(notes[4]!.text, ['orders'])).toEqual({ kind: 'partition', topic: 'orders', partition: 0 })
  })

  it('finds a partition of a known topic in a consumer note', () => {
    expect(selectionInNote('payments-1 got generation 3 of group payments (range): orders-2, orders-0', ['orders'])).toEqual({
      kind: 'partition',
      topic: 'orders',
      partition: 2,
    })
  })

  it('finds a group, then a broker', () => {
    expect(selectionInNote('Group payments: Stable → PreparingRebalance (member left)', [])).toEqual({ kind: 'group', id: 'payments' })
    expect(selectionInNote(notes[3]!.text, ['orders'])).toEqual({ kind: 'broker', id: 1 })
  })

  it('finds nothing in a note about no one thing', () => {
    expect(selectionInNote('Controller 1 starts an election for epoch 2', ['orders'])).toBeNull()
  })
})

describe('withoutActionPrefix', () => {
  it('keeps the reason of a failed action', () => {
    expect(withoutActionPrefix('resetOffsets {"groupId":"g","to":"earliest"}: NON_EMPTY_GROUP')).toBe('NON_EMPTY_GROUP')
    expect(withoutActionPrefix('crashBroker {"broker":"leader:orders-9"}: cannot resolve leader:orders-9: no such partition')).toBe(
      'cannot resolve leader:orders-9: no such partition',
    )
    expect(withoutActionPrefix('CreateTopics x: INVALID_REPLICATION_FACTOR: too few brokers')).toBe('CreateTopics x: INVALID_REPLICATION_FACTOR: too few brokers')
  })
})
