// The groups panel's describe rows over a whole run: a crashed member's partitions are "owner
// down" until its session times out, every partition stops during the EAGER rebalance, then the
// surviving members own them all in a higher generation; LAG is LOG-END-OFFSET − CURRENT-OFFSET.
import { expect, test } from 'vitest'
import { builtInScenarios, clusterView, createSimulation, parseScenario, type Simulation } from '../../../sim/index.ts'
import { describeGroup, shortMemberId, stoppedPartitions } from './describe.ts'

function rowsAt(sim: Simulation, ms: number) {
  sim.runUntil(ms)
  const card = clusterView(sim).groups[0]
  return { card, rows: describeGroup(card) }
}

test('consumer-crash-session-timeout: owner down, then all stopped, then moved', () => {
  const sim = createSimulation(parseScenario(builtInScenarios['consumer-crash-session-timeout']))
  const before = rowsAt(sim, 15_000)
  expect(before.rows.map((r) => r.tp)).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3', 'orders-4', 'orders-5'])
  expect(before.rows.every((r) => r.status === 'reading' && r.owner === r.clientId)).toBe(true)
  for (const r of before.rows) {
    if (r.currentOffset !== null && r.logEndOffset !== null) expect(r.lag).toBe(r.logEndOffset - r.currentOffset)
    expect(r.consumerId?.startsWith(`${r.clientId}-`)).toBe(true)
  }
  const moved = before.rows.filter((r) => r.clientId === 'billing-2').map((r) => r.tp)
  expect(moved.length).toBeGreaterThan(0)

  const crashed = rowsAt(sim, 25_000)
  expect(crashed.card.state).toBe('Stable')
  expect(crashed.rows.filter((r) => r.status === 'ownerDown').map((r) => r.tp)).toEqual(moved)
  expect(stoppedPartitions(crashed.rows)).toEqual(moved)

  const rebalancing = rowsAt(sim, 29_580)
  expect(['PreparingRebalance', 'CompletingRebalance']).toContain(rebalancing.card.state)
  expect(stoppedPartitions(rebalancing.rows)).toHaveLength(6)

  const after = rowsAt(sim, 40_000)
  expect(after.card.state).toBe('Stable')
  expect(after.card.generation).toBeGreaterThan(before.card.generation)
  expect(stoppedPartitions(after.rows)).toEqual([])
  for (const tp of moved) expect(['billing-1', 'billing-3']).toContain(after.rows.find((r) => r.tp === tp)!.owner)
})

test('shortMemberId keeps the client id readable', () => {
  expect(shortMemberId('billing-1-3f2a1b2c-aaaa-4bbb-8ccc-dddddddddddd', 'billing-1')).toBe('billing-1-3f2…')
  expect(shortMemberId('short', null)).toBe('short')
})
