// Markers come from the run's notes (once each), the checkers' anomalies and the actions still to come.
import { describe, expect, it } from 'vitest'
import type { TimelineAction, SimEvent } from '../../../sim/index.ts'
import { NoteMarkers, anomalyMarkers, scheduledMarkers } from './markers.ts'

describe('NoteMarkers', () => {
  it('keeps the notes the timeline shows, and adds only new ones as the run goes on', () => {
    const notes: SimEvent[] = [
      { type: 'TopicCreated', atMs: 2001, topic: 'orders', partitions: 3, replicationFactor: 3 },
      { type: 'ActionApplied', atMs: 20000, action: 'crashBroker', args: '{"broker":"leader:orders-0"}' },
    ]
    const m = new NoteMarkers()
    expect(m.update(notes).map((i) => i.category)).toEqual(['fault'])
    notes.push({ type: 'LeaderElected', atMs: 32157, topic: 'orders', partition: 0, from: 3, to: 1, leaderEpoch: 1, isr: [1, 2], unclean: false })
    const items = m.update(notes)
    expect(items.map((i) => [i.atMs, i.category])).toEqual([
      [20000, 'fault'],
      [32157, 'leader'],
    ])
    expect(items[1].text).toEqual({ en: 'Partition orders-0: leader 3 → 1, epoch 1, ISR [1,2]', ko: '파티션 orders-0: 리더 3 → 1 (클린 선출), 에포크 1, ISR [1,2]' })
    expect(items[1].internal).toBe(false)
    expect(m.update(notes)).toBe(items)
  })

  it('starts over for a new run', () => {
    const m = new NoteMarkers()
    expect(m.update([{ type: 'IsrChanged', atMs: 1, topic: '__consumer_offsets', partition: 0, from: [1, 2], to: [1], reason: 'isr-shrink' }])[0]!.internal).toBe(true)
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
    expect(out).toEqual([
      {
        atMs: 47002,
        category: 'anomaly',
        text: { en: 'lostAckedWrite: events-0 offset 159 acked to tracker at 20008 ms', ko: '확인(ack)된 쓰기 유실: events-0 offset 159 acked to tracker at 20008 ms' },
        internal: false,
        scheduled: false,
      },
    ])
  })
})

describe('scheduledMarkers', () => {
  it('lists the scenario actions after now, worded as the notes will word them', () => {
    const timeline: TimelineAction[] = [
      { atMs: 20000, action: 'crashBroker', broker: 'leader:orders-0' },
      { atMs: 60000, action: 'restartBroker', broker: 'replica:orders-0:0' },
    ]
    expect(scheduledMarkers(timeline, 30_000)).toEqual([
      { atMs: 60000, category: 'fault', text: { en: 'restartBroker {"broker":"replica:orders-0:0"}', ko: 'restartBroker {"broker":"replica:orders-0:0"}' }, internal: false, scheduled: true },
    ])
    expect(scheduledMarkers(timeline, 10_000)).toHaveLength(2)
  })
})
