// The groups panel's reading of a share group (KIP-932) over share-group-queue: four members share
// two partitions, two to a partition; what each member holds in flight adds up to the partition's
// ACQUIRED records; a crashed member is down and no longer counted as sharing its partition, yet
// keeps its locked records until their locks run out; a member that leaves is closed; the window
// [SPSO, SPEO] spans exactly the records counted in it.
import { expect, test } from 'vitest'
import { builtInScenarios, clusterView, createSimulation, parseScenario, type ShareGroupCard, type Simulation } from '../../../sim/index.ts'
import { inFlightByPartition, sharedBy, shareMemberStatus, windowSize } from './share.ts'

function cardAt(sim: Simulation, ms: number): ShareGroupCard {
  sim.runUntil(ms)
  return clusterView(sim).shareGroups.find((g) => g.groupId === 'workers')!
}

function expectConsistent(card: ShareGroupCard): void {
  for (const row of card.partitions) {
    const held = card.members.reduce((n, m) => n + (inFlightByPartition(m).find((x) => x.tp === row.tp)?.count ?? 0), 0)
    expect(held, row.tp).toBe(row.counts.ACQUIRED)
    const counted = row.counts.AVAILABLE + row.counts.ACQUIRED + row.counts.ACKNOWLEDGED + row.counts.ARCHIVED
    expect(windowSize(row), row.tp).toBe(counted)
  }
  for (const m of card.members) {
    const list = inFlightByPartition(m)
    expect(list.reduce((n, x) => n + x.count, 0)).toBe(m.inFlightTotal)
    expect(list.every((x) => x.count > 0)).toBe(true)
  }
}

test('share-group-queue: members share partitions, in-flight adds up, a crashed member is down', () => {
  const sim = createSimulation(parseScenario(structuredClone(builtInScenarios['share-group-queue'])))
  const before = cardAt(sim, 30_000)
  expect(before.state).toBe('Stable')
  expect(before.members.map(shareMemberStatus)).toEqual(['up', 'up', 'up', 'up'])
  const shared = sharedBy(before)
  expect(Object.keys(shared).sort()).toEqual(['jobs-0', 'jobs-1'])
  for (const tp of Object.keys(shared)) expect(shared[tp], tp).toHaveLength(2)
  expectConsistent(before)

  // workers-2 crashed at 40 s: down, not sharing its partition any more, still holding what it acquired
  const after = cardAt(sim, 45_000)
  const crashed = after.members.find((m) => m.clientId === 'workers-2')!
  expect(shareMemberStatus(crashed)).toBe('down')
  const tp = before.members.find((m) => m.clientId === 'workers-2')!.assignment[0]
  expect(sharedBy(after)[tp]).not.toContain('workers-2')
  expect(sharedBy(after)[tp].length).toBeGreaterThan(0)
  expect(inFlightByPartition(crashed).map((x) => x.tp)).toEqual([tp])
  expectConsistent(after)

  sim.apply({ action: 'removeConsumer', member: 'workers-3' })
  const left = cardAt(sim, 46_000)
  expect(shareMemberStatus(left.members.find((m) => m.clientId === 'workers-3')!)).toBe('closed')
  for (const members of Object.values(sharedBy(left))) expect(members).not.toContain('workers-3')
})

test('windowSize is 0 when nothing is in flight (SPEO = SPSO − 1)', () => {
  expect(windowSize({ startOffset: 141, endOffset: 140 })).toBe(0)
  expect(windowSize({ startOffset: 194, endOffset: 213 })).toBe(20)
})
