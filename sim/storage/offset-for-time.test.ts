// Reading from a point in time (UnifiedLog.fetchOffsetByTimestamp): the first offset whose record
// timestamp is at or after T, checked against the records' own timestamps on a real run; a group
// reset --to-datetime / --by-duration, and a reader that starts from a time.
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario, type Simulation } from '../index.ts'
import { offsetForTimestamp } from './offset-for-time.ts'
import { batchAtIndex } from './batch-log.ts'
import { findRecordStream, recordTimestamp } from './records.ts'
import type { Replica } from '../cluster/types.ts'
import { getInt } from '../history/int-column.ts'

function scenario(extra: Record<string, unknown> = {}) {
  return parseScenario({
    name: 'replay from a time',
    seed: 3,
    durationMs: 60_000,
    cluster: { brokers: 3 },
    topics: [{ name: 'orders', partitions: 2, replicationFactor: 3, config: { 'segment.bytes': 1048576 } }],
    producers: [{ id: 'checkout', topic: 'orders', recordsPerSec: 50, keys: { kind: 'pool', size: 20 }, valueBytes: 30000 }],
    consumers: [{ groupId: 'billing', topics: ['orders'], members: 1, config: { 'auto.offset.reset': 'earliest' } }],
    ...extra,
  })
}

function leaderReplica(sim: Simulation, tp: string): Replica {
  const w = sim.world
  for (const id of w.brokerIds) {
    const r = w.brokers[String(id)].replicas[tp]
    if (r?.role === 'leader') return r
  }
  throw new Error(`no leader for ${tp}`)
}

/** The answer by brute force: every record's timestamp, in offset order. */
function firstAtOrAfter(sim: Simulation, r: Replica, t: number): number {
  for (let i = r.log.start; i < r.log.length; i++) {
    const b = batchAtIndex(r.log, i)
    const s = findRecordStream(sim.world.records, b.producer, r.tp)!
    for (let k = 0; k < b.count; k++) if (b.baseOffset + k < r.hw && recordTimestamp(s, b.firstRecord + k) >= t) return b.baseOffset + k
  }
  return -1
}

describe('the first offset at or after a time', () => {
  const sim = createSimulation(scenario())
  sim.runUntil(40_000)
  const r = leaderReplica(sim, 'orders-0')

  test('matches every record’s own timestamp, across segments', () => {
    expect(r.segments.length).toBeGreaterThan(3)
    for (const t of [0, 1, 2_500, 7_123, 10_000, 19_999, 33_333, 39_000]) {
      const hit = offsetForTimestamp(r, sim.world.records, t, r.hw)
      expect(hit?.offset ?? -1, `t=${t}`).toBe(firstAtOrAfter(sim, r, t))
      if (hit) expect(hit.timestamp).toBeGreaterThanOrEqual(t)
    }
  })

  test('past the newest readable record: none (ListOffsets answers -1)', () => {
    expect(offsetForTimestamp(r, sim.world.records, 45_000, r.hw)).toBeNull()
  })

  test('below the log start offset: the log start', () => {
    const copy = createSimulation(scenario({ timeline: [{ atMs: 30_000, action: 'deleteRecords', topic: 'orders', partition: 0, beforeOffset: 200 }] }))
    copy.runUntil(31_000)
    const leader = leaderReplica(copy, 'orders-0')
    expect(leader.logStartOffset).toBe(200)
    expect(offsetForTimestamp(leader, copy.world.records, 0, leader.hw)?.offset).toBe(200)
  })
})

describe('resetting a group to a time, and a reader that starts from one', () => {
  test('--to-datetime and --by-duration commit the first offset at or after the time', () => {
    const timeline = [
      { atMs: 30_000, action: 'removeConsumer', member: 'billing-1' },
      { atMs: 33_000, action: 'resetOffsets', groupId: 'billing', to: { timestamp: 12_000 } },
    ]
    const sim = createSimulation(scenario({ timeline }))
    sim.runUntil(34_000)
    const committed = sim.summary().groups.find((g) => g.groupId === 'billing')!.committed
    for (const tp of ['orders-0', 'orders-1']) expect(committed[tp]).toBe(firstAtOrAfter(sim, leaderReplica(sim, tp), 12_000))

    const byDuration = createSimulation(scenario({ timeline: [timeline[0], { atMs: 33_000, action: 'resetOffsets', groupId: 'billing', to: { durationMs: 21_000 } }] }))
    byDuration.runUntil(34_000)
    expect(byDuration.summary().groups.find((g) => g.groupId === 'billing')!.committed).toEqual(committed)
  })

  test('a time newer than every record resets to the log end', () => {
    const sim = createSimulation(scenario({ timeline: [{ atMs: 30_000, action: 'removeConsumer', member: 'billing-1' }, { atMs: 33_000, action: 'resetOffsets', groupId: 'billing', to: { timestamp: 50_000 } }] }))
    sim.runUntil(33_000)
    const ends = ['orders-0', 'orders-1'].map((tp) => leaderReplica(sim, tp).hw)
    sim.runUntil(34_000) // the reset's commit is written to __consumer_offsets and replicated
    const committed = sim.summary().groups.find((g) => g.groupId === 'billing')!.committed
    expect([committed['orders-0'], committed['orders-1']]).toEqual(ends)
  })

  test('a reader with startTimestamp reads from there (offsetsForTimes, then seek), also after a restart', () => {
    // started at 0 s nothing is that new yet: it starts at the end (offset 0); restarted at 31 s it looks again
    const timeline = [{ atMs: 30_000, action: 'restartConsumer', member: 'auditor', afterMs: 1_000 }]
    const sim = createSimulation(scenario({ readers: [{ id: 'auditor', topics: ['orders'], startTimestamp: 12_000 }], timeline }))
    sim.runUntil(30_000)
    const reads = sim.world.history.reads['auditor|orders-0']
    expect(getInt(reads.from, 0)).toBe(0)
    const before = reads.n
    sim.runUntil(36_000)
    expect(reads.n).toBeGreaterThan(before)
    expect(getInt(reads.from, before)).toBe(firstAtOrAfter(sim, leaderReplica(sim, 'orders-0'), 12_000))
  })
})
