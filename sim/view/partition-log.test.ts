/**
 * The partition log view's data against whole runs: an unclean leader election shows the lost
 * acknowledged offsets (as many as the checkers count), every replica's HW stays at or below its
 * LEO, the old part of a long log is summarised by leader epoch and only the tail is drawn batch by
 * batch, and building the view changes nothing in the run.
 */
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario, type Simulation } from '../index.ts'
import { builtInScenarios } from '../scenario/builtins.ts'
import { buildPartitionLog, buildPartitionLogs, toRanges, type PartitionLog } from './partition-log.ts'

function run(id: string, untilMs: number, seed?: number): Simulation {
  const sim = createSimulation(parseScenario(builtInScenarios[id]), seed === undefined ? {} : { seed })
  sim.runUntil(untilMs)
  return sim
}

function expectOffsetsInOrder(log: PartitionLog): void {
  expect(log.start).toBeLessThanOrEqual(log.tailFrom)
  expect(log.tailFrom).toBeLessThanOrEqual(log.end)
  expect(log.highWatermark).toBeLessThanOrEqual(log.logEndOffset)
  for (const lane of log.lanes) {
    expect(lane.logStartOffset).toBeLessThanOrEqual(lane.highWatermark)
    expect(lane.highWatermark, `HW ≤ LEO on broker ${lane.broker}`).toBeLessThanOrEqual(lane.logEndOffset)
    expect(lane.logEndOffset).toBeLessThanOrEqual(log.end)
  }
}

describe('unclean-election-data-loss', () => {
  test('before the leader crashes nothing is lost and the stale follower is out of sync', () => {
    const sim = run('unclean-election-data-loss', 35_000)
    const [log] = buildPartitionLogs(sim.world)
    expect(log.tp).toBe('events-0')
    expect(log.lost).toEqual([])
    expect(log.lostCount).toBe(0)
    const follower = log.lanes.find((l) => l.broker !== log.leader)!
    expect(follower.role).toBe('outofsync')
    expect(log.isr).toEqual([log.leader])
    expect(follower.logEndOffset).toBeLessThan(log.logEndOffset)
    expectOffsetsInOrder(log)
  })

  test('after the unclean election the acknowledged records gone from the log are shown as lost', () => {
    const sim = run('unclean-election-data-loss', 120_000)
    const [log] = buildPartitionLogs(sim.world)
    const summary = sim.summary()
    expect(summary.checks.lostAckedWrites).toBeGreaterThan(0)
    expect(log.lost.length).toBeGreaterThan(0)
    expect(log.lostCount).toBe(summary.checks.lostAckedWrites)
    for (const r of log.lost) {
      expect(r.producer).toBe('tracker')
      expect(r.from).toBeLessThan(r.to)
      expect(r.from).toBeGreaterThanOrEqual(log.start)
      expect(r.to).toBeLessThanOrEqual(log.end)
    }
    // the new leader was elected in a later leader epoch, which its log shows as a run
    const leader = log.lanes.find((l) => l.role === 'leader')!
    expect(leader.broker).toBe(log.leader)
    expect(log.leaderEpoch).toBeGreaterThan(0)
    expect(leader.runs.map((r) => r.epoch)).toEqual([0, log.leaderEpoch])
    expectOffsetsInOrder(log)
  })

  test('only the last tailSize offsets are drawn batch by batch; older offsets are epoch runs', () => {
    const sim = run('unclean-election-data-loss', 120_000)
    const log = buildPartitionLog(sim.world, 'events', 0, { tailSize: 50 })!
    expect(log.tailFrom).toBe(log.end - 50)
    for (const lane of log.lanes) {
      for (const b of lane.tail) expect(b.baseOffset + b.count).toBeGreaterThan(log.tailFrom)
      const drawn = lane.tail.reduce((n, b) => n + b.count, 0)
      expect(drawn).toBeLessThanOrEqual(50 + Math.max(0, ...lane.tail.map((b) => b.count)))
      for (const run of lane.runs) expect(run.to).toBeLessThanOrEqual(log.tailFrom)
      if (lane.runs.length > 0) expect(lane.runs[0].from).toBe(lane.logStartOffset)
    }
  })

  test('building the view leaves the run unchanged', () => {
    const a = run('unclean-election-data-loss', 50_000)
    const b = run('unclean-election-data-loss', 50_000)
    buildPartitionLogs(a.world)
    a.runUntil(90_000)
    buildPartitionLogs(a.world)
    b.runUntil(90_000)
    expect(a.traceHash()).toBe(b.traceHash())
  })
})

describe('other scenarios', () => {
  test('leader-failover: every partition of the user topics, HW ≤ LEO, no loss with acks=all', () => {
    const sim = run('leader-failover', 60_000)
    const logs = buildPartitionLogs(sim.world)
    expect(logs.length).toBeGreaterThan(0)
    expect(logs.every((l) => !l.topic.startsWith('__'))).toBe(true)
    for (const log of logs) {
      expectOffsetsInOrder(log)
      expect(log.lost).toEqual([])
      expect(log.lanes.map((l) => l.broker)).toEqual(log.replicas)
    }
  })

  test('one topic only, and an unknown partition gives null', () => {
    const sim = run('two-groups-one-topic', 15_000)
    const all = buildPartitionLogs(sim.world)
    const topic = all[0].topic
    expect(buildPartitionLogs(sim.world, topic).every((l) => l.topic === topic)).toBe(true)
    expect(buildPartitionLogs(sim.world, 'no-such-topic')).toEqual([])
    expect(buildPartitionLog(sim.world, topic, 999)).toBeNull()
  })
})

test('toRanges merges contiguous offsets of one producer', () => {
  const ranges = toRanges([
    { offset: 5, producer: 'p' },
    { offset: 3, producer: 'p' },
    { offset: 4, producer: 'p' },
    { offset: 9, producer: 'p' },
    { offset: 6, producer: 'q' },
  ])
  expect(ranges).toEqual([
    { from: 3, to: 6, producer: 'p' },
    { from: 6, to: 7, producer: 'q' },
    { from: 9, to: 10, producer: 'p' },
  ])
})
