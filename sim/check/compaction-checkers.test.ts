// The compaction checker on a real compacted run: clean as it is, and tampered with the way a
// faulty log cleaner would go wrong (the latest value of a key gone, with a compaction removal on
// record), while a tombstone past its horizon may go.
import { describe, expect, test } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario, type Simulation } from '../index.ts'
import { batchAtIndex, CHUNK } from '../storage/batch-log.ts'
import { findRecordStream, recordKey } from '../storage/records.ts'
import type { LogBatch } from '../storage/batch.ts'
import type { Replica } from '../cluster/types.ts'

function run(): { sim: Simulation; leader: Replica } {
  const s = parseScenario(builtInScenarios['compaction-latest-per-key'])
  const sim = createSimulation(s)
  sim.runUntil(100_000)
  const w = sim.world
  const leader = w.brokerIds.map((id) => w.brokers[String(id)].replicas['prices-0']).find((r) => r?.role === 'leader')!
  return { sim, leader }
}

/** The last batch in the log holding a record of `key`, its index, and the record's index in it (tests reach into the log as a faulty cleaner would). */
function lastOfKey(sim: Simulation, r: Replica, key: string): { i: number; b: LogBatch; k: number } {
  for (let i = r.log.length - 1; i >= r.log.start; i--) {
    const b = batchAtIndex(r.log, i)
    const s = findRecordStream(sim.world.records, b.producer, r.tp)!
    const ks = b.retained ?? Array.from({ length: b.count }, (_, k) => k)
    for (let j = ks.length - 1; j >= 0; j--) if (recordKey(sim.world.records, s, b.firstRecord + ks[j]) === key) return { i, b, k: ks[j] }
  }
  throw new Error(`no ${key}`)
}

describe('the compaction checker', () => {
  test('a compacted run keeps every key’s latest acknowledged value', () => {
    const { sim } = run()
    const checks = sim.summary().checks
    expect(checks.compactionLostLatest).toBe(0)
    expect(checks.lostAckedWrites).toBe(0)
    expect(sim.world.history.removals.some((r) => r.cause === 'compaction')).toBe(true)
  })

  test('reports the latest value of a key removed by compaction, and not as a lost write', () => {
    const { sim, leader } = run()
    const { i, b, k } = lastOfKey(sim, leader, 'TSLA')
    const chunk = leader.log.chunks[Math.floor(i / CHUNK) - leader.log.dropped]
    const kept = (b.retained ?? Array.from({ length: b.count }, (_, x) => x)).filter((x) => x !== k)
    chunk[i % CHUNK] = { ...b, retained: kept }
    sim.world.history.removals.push({ atMs: sim.nowMs, broker: leader.leader, tp: 'prices-0', cause: 'compaction', fromOffset: 0, logStartOffset: 0, ranges: [[b.producer, b.baseSequence + k, b.baseSequence + k]] })
    const checks = sim.summary().checks
    expect(checks.compactionLostLatest).toBe(1)
    expect(checks.lostAckedWrites).toBe(0)
    expect(checks.first[0].detail).toContain('prices-0 key TSLA')
  })

  test('without a compaction removal on record the same absence is a lost acknowledged write', () => {
    const { sim, leader } = run()
    const { i, b, k } = lastOfKey(sim, leader, 'TSLA')
    const chunk = leader.log.chunks[Math.floor(i / CHUNK) - leader.log.dropped]
    chunk[i % CHUNK] = { ...b, retained: (b.retained ?? Array.from({ length: b.count }, (_, x) => x)).filter((x) => x !== k) }
    const checks = sim.summary().checks
    expect(checks.compactionLostLatest).toBe(0)
    expect(checks.lostAckedWrites).toBe(1)
  })
})
