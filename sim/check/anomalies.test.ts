// The checkers' anomalies grouped by cause: the lost writes of one election are one group with a
// count and an offset range, whatever their number, and the summary carries the groups.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Anomaly } from '../trace/summary-types.ts'
import { createSimulation, parseScenario } from '../index.ts'
import { groupAnomalies } from './anomalies.ts'

const election = (atMs: number, broker: number) => ({ broker, atMs, leaderEpoch: 1, unclean: true })

function lost(tp: string, offset: number, atMs: number, e: ReturnType<typeof election> | null, producer = 'p'): Anomaly {
  return {
    kind: 'lostAckedWrite',
    atMs,
    detail: `${tp} offset ${offset}`,
    tp,
    facts: { kind: 'lostAckedWrite', producer, seq: offset, offset, ackMs: 10, leader: 1, replicas: [1, 2], leaderLogEnd: null, holder: null, election: e },
  }
}

describe('groupAnomalies', () => {
  it('makes one group per partition and election, with the count, offsets and producers', () => {
    const first = election(5000, 2)
    const second = election(9000, 3)
    const groups = groupAnomalies([
      [lost('t-0', 12, 5000, first, 'b'), lost('t-0', 10, 5000, first, 'a'), lost('t-0', 40, 9000, second), lost('t-1', 3, 5000, first)],
      [{ kind: 'duplicate', atMs: 7000, detail: 'd', tp: 't-0', facts: { kind: 'duplicate', producer: 'p', seq: 1, offsets: [4, 6], broker: 1, leaderless: false, appendedMs: 7000 } }],
    ])
    expect(groups.map((g) => [g.kind, g.tp, g.atMs, g.count, g.offsets, g.producers])).toEqual([
      ['lostAckedWrite', 't-0', 5000, 2, { from: 10, to: 12 }, ['a', 'b']],
      ['lostAckedWrite', 't-1', 5000, 1, { from: 3, to: 3 }, ['p']],
      ['duplicate', 't-0', 7000, 1, { from: 4, to: 6 }, ['p']],
      ['lostAckedWrite', 't-0', 9000, 1, { from: 40, to: 40 }, ['p']],
    ])
    expect(groups[0].election).toEqual(first)
    expect(groups[0].example.detail).toBe('t-0 offset 12')
  })

  it('keeps the earliest groups when there are more than the limit', () => {
    const many = Array.from({ length: 10 }, (_, i) => lost(`t-${9 - i}`, 1, 100 * (10 - i), null))
    expect(groupAnomalies([many], 3).map((g) => g.tp)).toEqual(['t-0', 't-1', 't-2'])
  })

  it('groups the unclean election scenario’s lost writes into one entry with all of them', () => {
    const s = parseScenario(JSON.parse(readFileSync('scenarios/unclean-election-data-loss.json', 'utf8')))
    const sim = createSimulation(s)
    sim.runUntil(s.durationMs)
    const checks = sim.summary().checks
    expect(checks.lostAckedWrites).toBeGreaterThan(checks.first.length)
    expect(checks.grouped).toHaveLength(1)
    const [g] = checks.grouped!
    expect(g.count).toBe(checks.lostAckedWrites)
    expect(g.election?.unclean).toBe(true)
    expect(g.offsets!.to - g.offsets!.from + 1).toBe(g.count)
  })
})
