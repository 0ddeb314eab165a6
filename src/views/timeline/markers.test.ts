// Markers come from the run's notes (once each), the checkers' anomalies and the actions still to come.
import { describe, expect, it } from 'vitest'
import type { TimelineAction } from '../../../sim/scenario/types.ts'
import { NoteMarkers, anomalyMarkers, scheduledMarkers } from './markers.ts'

describe('NoteMarkers', () => {
  it('keeps the notes the timeline shows, and adds only new ones as the run goes on', () => {
    const notes = [
      { atMs: 2001, kind: 'topic', text: 'Created topic orders with 3 partitions, replication factor 3' },
      { atMs: 20000, kind: 'action', text: 'crashBroker {"broker":"leader:orders-0"}' },
    ]
    const m = new NoteMarkers()
    expect(m.update(notes).map((i) => i.category)).toEqual(['fault'])
    notes.push({ atMs: 32157, kind: 'leader', text: 'Partition orders-0: leader 3 → 1, epoch 1, ISR [1,2]' })
    const items = m.update(notes)
    expect(items.map((i) => [i.atMs, i.category])).toEqual([
      [20000, 'fault'],
      [32157, 'leader'],
    ])
    expect(m.update(notes)).toBe(items)
  })

  it('starts over for a new run', () => {
    const m = new NoteMarkers()
    m.update([{ atMs: 1, kind: 'isr', text: 'Partition a-0: ISR [1,2] → [1]' }])
    expect(m.update([])).toEqual([])
  })
})

describe('anomalyMarkers', () => {
  it('shows anomalies up to now, with their kind and detail', () => {
    const out = anomalyMarkers(
      [
        { kind: 'lostAckedWrite', atMs: 47002, detail: 'events-0 offset 159 acked to tracker at 20008 ms' },
        { kind: 'duplicate', atMs: 80000, detail: 'later' },
      ],
      50_000,
    )
    expect(out).toEqual([{ atMs: 47002, category: 'anomaly', text: 'lostAckedWrite: events-0 offset 159 acked to tracker at 20008 ms', scheduled: false }])
  })
})

describe('scheduledMarkers', () => {
  it('lists the scenario actions after now, worded as the notes will word them', () => {
    const timeline: TimelineAction[] = [
      { atMs: 20000, action: 'crashBroker', broker: 'leader:orders-0' },
      { atMs: 60000, action: 'restartBroker', broker: 'replica:orders-0:0' },
    ]
    expect(scheduledMarkers(timeline, 30_000)).toEqual([
      { atMs: 60000, category: 'fault', text: 'restartBroker {"broker":"replica:orders-0:0"}', scheduled: true },
    ])
    expect(scheduledMarkers(timeline, 10_000)).toHaveLength(2)
  })
})
