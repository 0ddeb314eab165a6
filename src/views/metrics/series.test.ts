// The metric charts' lines come from a run's samples: rates, LAG by group and partition, errors by name.
import { describe, expect, it } from 'vitest'
import type { MetricSample } from '../../host/metrics.ts'
import { errorCounts, groupLag, health, latest, mostOf, partitionLag, peak, throughput } from './series.ts'

function sample(i: number, over: Partial<MetricSample> = {}): MetricSample {
  return { atMs: i * 250, acked: i * 10, consumed: i * 5, underReplicated: 0, offline: 0, leaders: [1, 1, 1], groupLag: {}, errors: {}, ...over }
}

describe('metric series', () => {
  it('turns cumulative acked and consumed counts into records per second', () => {
    const { produce, consume } = throughput(Array.from({ length: 9 }, (_, i) => sample(i)))
    expect(latest(produce)).toBe(40)
    expect(latest(consume)).toBe(20)
  })

  it('counts under-replicated and offline partitions as they were sampled', () => {
    const h = health([sample(0), sample(1, { underReplicated: 3, offline: 1 }), sample(2)])
    expect(peak(h.underReplicated)).toBe(3)
    expect(peak(h.offline)).toBe(1)
    expect(latest(h.underReplicated)).toBe(0)
  })

  it('gives one LAG line per group, and per partition in partition order', () => {
    const lag = (total: number) => ({ billing: { total, byPartition: { 'orders-10': total - 1, 'orders-2': 1 } } })
    const samples = [sample(0, { groupLag: lag(3) }), sample(1, { groupLag: lag(8) })]
    expect(groupLag(samples).map((g) => [g.name, latest(g.points)])).toEqual([['billing', 8]])
    expect(partitionLag(samples, 'billing').map((p) => [p.name, latest(p.points)])).toEqual([
      ['orders-2', 1],
      ['orders-10', 7],
    ])
    expect(partitionLag(samples, 'nobody')).toEqual([])
  })

  it('names each request error that appeared, with its count so far', () => {
    const samples = [sample(0), sample(1, { errors: { NETWORK_EXCEPTION: 2 } }), sample(2, { errors: { NETWORK_EXCEPTION: 17, NOT_LEADER_OR_FOLLOWER: 1 } })]
    const errors = errorCounts(samples)
    expect(errors.map((e) => e.name)).toEqual(['NETWORK_EXCEPTION', 'NOT_LEADER_OR_FOLLOWER'])
    expect(errors.map((e) => latest(e.points))).toEqual([17, 1])
    expect(errors[1].points[0].v).toBe(0)
  })
})

describe('mostOf', () => {
  it('keeps the partitions with the most LAG, in partition order', () => {
    const s = (name: string, v: number) => ({ name, points: [{ t: 0, v }] })
    const series = [s('t-0', 5), s('t-1', 50), s('t-2', 1), s('t-3', 20)]
    expect(mostOf(series, 2).map((x) => x.name)).toEqual(['t-1', 't-3'])
    expect(mostOf(series, 9)).toHaveLength(4)
  })
})
