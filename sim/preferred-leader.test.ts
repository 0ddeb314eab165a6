/**
 * Preferred leader election (Election.PREFERRED, QuorumController's auto leader rebalance every
 * leader.imbalance.check.interval.seconds): after a failover moved leadership away, the preferred
 * replica (replicas[0]) gets it back once it is in the ISR, with a new leader epoch.
 */
import { eventKind } from './kafka/events.ts'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario } from './index.ts'

function leaderFailover(patch: (raw: any) => void = () => {}) {
  const raw = JSON.parse(readFileSync(new URL('../scenarios/leader-failover.json', import.meta.url), 'utf8'))
  patch(raw)
  return parseScenario(raw)
}

function partitions(sim: ReturnType<typeof createSimulation>) {
  return sim.summary().partitions.filter((p) => p.topic === 'orders')
}

describe('preferred leader election', () => {
  test('electPreferredLeaders hands leadership back to replicas[0] with a new epoch', () => {
    const s = leaderFailover()
    const sim = createSimulation(s)
    sim.runUntil(80_000) // crashed at 20 s, restarted at 60 s, back in every ISR
    const before = partitions(sim)
    const moved = before.filter((p) => p.leader !== p.replicas[0])
    expect(moved.length).toBeGreaterThan(0)
    for (const p of before) expect(p.isr).toHaveLength(3)
    sim.apply({ action: 'electPreferredLeaders' })
    sim.runUntil(82_000)
    const after = partitions(sim)
    for (const p of after) {
      const old = before.find((q) => q.partition === p.partition)!
      expect(p.leader).toBe(p.replicas[0])
      expect(p.leaderEpoch).toBe(old.leader === old.replicas[0] ? old.leaderEpoch : old.leaderEpoch + 1)
    }
    expect(sim.summary().checks.ok).toBe(true)
  })

  test('auto.leader.rebalance.enable runs it every leader.imbalance.check.interval.seconds', () => {
    const s = leaderFailover((raw) => {
      raw.cluster.config = { 'leader.imbalance.check.interval.seconds': 30 }
      raw.durationMs = 120_000
    })
    const sim = createSimulation(s)
    sim.runUntil(80_000)
    expect(partitions(sim).some((p) => p.leader !== p.replicas[0])).toBe(true)
    sim.runUntil(120_000)
    for (const p of partitions(sim)) expect(p.leader).toBe(p.replicas[0])
    const preferred = sim.world.notes.filter((n) => eventKind(n) === 'leader' && n.atMs > 80_000)
    expect(preferred.length).toBeGreaterThan(0)
    // the check runs on the interval, counted from when the controller became active
    for (const n of preferred) expect((n.atMs - preferred[0].atMs) % 30_000).toBe(0)
  })

  test('auto.leader.rebalance.enable=false leaves leadership where the failover put it', () => {
    const s = leaderFailover((raw) => {
      raw.cluster.config = { 'leader.imbalance.check.interval.seconds': 30, 'auto.leader.rebalance.enable': false }
      raw.durationMs = 120_000
    })
    const sim = createSimulation(s)
    sim.runUntil(120_000)
    expect(partitions(sim).some((p) => p.leader !== p.replicas[0])).toBe(true)
  })
})
