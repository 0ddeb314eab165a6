// Aggregation of delivered requests into dots: one dot per link, kind and error-ness per bucket of
// wall time, counting what it stands for; error names stay for a moment; per-link activity.
import { describe, expect, it } from 'vitest'
import { ACTIVITY_WINDOW_MS, BUCKET_MS, ERROR_LABEL_MS, FlowAggregator, MAX_DOTS } from './flow-aggregator.ts'

const live = (a: FlowAggregator) => a.dots.filter((d) => d.live)

describe('FlowAggregator', () => {
  it('merges a burst on one link into one dot with a count and records', () => {
    const a = new FlowAggregator()
    a.resize(3)
    for (let i = 0; i < 50; i++) a.add(0, 1, 0, null, 2, 1000 + i, 600)
    expect(live(a)).toHaveLength(1)
    expect(live(a)[0]).toMatchObject({ from: 0, to: 1, count: 50, records: 100 })
  })

  it('starts a new dot after a bucket, and per direction and kind', () => {
    const a = new FlowAggregator()
    a.resize(3)
    a.add(0, 1, 0, null, 1, 1000, 600)
    a.add(0, 1, 0, null, 1, 1000 + BUCKET_MS, 600)
    a.add(1, 0, 0, null, 0, 1000, 600)
    a.add(0, 1, 1, null, 0, 1000, 600)
    expect(live(a)).toHaveLength(4)
  })

  it('keeps errors on their own dots and names them at the destination until they expire', () => {
    const a = new FlowAggregator()
    a.resize(3)
    a.add(1, 0, 0, null, 0, 1000, 600)
    a.add(1, 0, 0, 'NOT_ENOUGH_REPLICAS', 0, 1001, 600)
    a.add(1, 0, 0, 'NOT_ENOUGH_REPLICAS', 0, 1002, 600)
    expect(live(a).map((d) => [d.error, d.count])).toEqual([[null, 1], ['NOT_ENOUGH_REPLICAS', 2]])
    expect(a.labels).toEqual([{ node: 0, error: 'NOT_ENOUGH_REPLICAS', count: 2, untilMs: 1002 + ERROR_LABEL_MS }])
    a.tick(1700)
    expect(live(a)).toHaveLength(0)
    a.tick(1002 + ERROR_LABEL_MS)
    expect(a.labels).toHaveLength(0)
  })

  it('never holds more than MAX_DOTS dots', () => {
    const a = new FlowAggregator()
    a.resize(40)
    for (let f = 0; f < 40; f++) for (let t = 0; t < 40; t++) a.add(f, t, 0, null, 0, 0, 600)
    expect(live(a)).toHaveLength(MAX_DOTS)
  })

  it('counts activity per link and kind over the last wall second', () => {
    const a = new FlowAggregator()
    a.resize(3)
    a.tick(0)
    for (let i = 0; i < 7; i++) a.add(0, 2, 1, null, 0, 10 * i, 600)
    a.add(2, 0, 1, null, 0, 100, 600)
    expect(a.recentTotal(2, 0)).toBe(8)
    a.tick(ACTIVITY_WINDOW_MS)
    expect(a.activity(0, 2, 1)).toBe(8)
    expect(a.activity(0, 2, 0)).toBe(0)
    a.tick(2 * ACTIVITY_WINDOW_MS)
    expect(a.activity(0, 2, 1)).toBe(0)
  })
})
