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
  it('shows one marker per group of anomalies up to now, with its count, offsets and cause', () => {
    const election = { broker: 1, atMs: 47002, leaderEpoch: 1, unclean: true }
    const example = { kind: 'lostAckedWrite' as const, atMs: 47002, detail: 'events-0 offset 159 acked to tracker at 20008 ms' }
    const out = anomalyMarkers(
      [
        { kind: 'lostAckedWrite', atMs: 47002, tp: 'events-0', count: 599, offsets: { from: 159, to: 757 }, producers: ['tracker'], election, example },
        { kind: 'duplicate', atMs: 80000, tp: 'events-0', count: 1, offsets: null, producers: [], election: null, example: { ...example, kind: 'duplicate', atMs: 80000 } },
      ],
      50_000,
    )
    expect(out).toEqual([
      {
        atMs: 47002,
        category: 'anomaly',
        text: {
          en: 'Acknowledged write lost: events-0: 599 acknowledged records lost (offsets 159–757) when broker 1 became leader in an unclean election at 47.002 s',
          ko: '확인(ack)된 쓰기 유실: events-0: 확인(ack)된 레코드 599개 유실 (오프셋 159–757) — 47.002 s, unclean 선출로 새 리더 브로커 1',
        },
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
      { atMs: 60000, category: 'fault', text: { en: 'Restart replica:orders-0:0', ko: 'replica:orders-0:0 재시작' }, internal: false, scheduled: true },
    ])
    expect(scheduledMarkers(timeline, 10_000)).toHaveLength(2)
  })
})
