/**
 * Racks (broker.rack): each broker registers its rack with the controller, the controller places a
 * partition's replicas across racks (StripedReplicaPlacer, rack-aware), and crashRack loses every
 * broker of a rack at once: with rack-aware placement each partition loses at most one replica.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario, ScenarioError } from './index.ts'
import { activeController } from './controller/quorum-controller.ts'
import { allPartitions } from './controller/metadata.ts'

function rackLoss(edit: (raw: Record<string, any>) => void = () => {}) {
  const raw = JSON.parse(readFileSync(new URL('../scenarios/rack-loss.json', import.meta.url), 'utf8'))
  edit(raw)
  return parseScenario(raw)
}

const RACK: Record<number, string> = { 1: 'a', 2: 'a', 3: 'b', 4: 'b', 5: 'c', 6: 'c' }

describe('racks', () => {
  test("brokers register their rack, and every partition's replicas stand in three different racks", () => {
    const sim = createSimulation(rackLoss())
    sim.runUntil(10_000)
    const image = activeController(sim.world)!.image
    expect(Object.values(image.brokers).map((b) => [b.id, b.rack])).toEqual(Object.entries(RACK).map(([id, r]) => [Number(id), r]))
    const parts = allPartitions(image)
    expect(parts.length).toBe(56) // orders and __consumer_offsets
    for (const p of parts) expect(new Set(p.replicas.map((b) => RACK[b])).size).toBe(3)
  })

  test('losing a rack leaves every partition a leader and min.insync.replicas, and loses nothing', () => {
    const sim = createSimulation(rackLoss())
    sim.runUntil(70_000)
    // the lost brokers' leaderships moved (after broker.session.timeout.ms), and none went offline
    expect(sim.world.history.leaderChanges.some((c) => c.tp.startsWith('orders-') && c.atMs > 20_000)).toBe(true)
    const offline = sim.world.history.leaderChanges.filter((c) => c.leader === -1)
    expect(offline).toEqual([])
    for (const c of sim.world.history.leaderChanges.filter((x) => x.tp.startsWith('orders-'))) expect(c.isr.length).toBeGreaterThanOrEqual(2)
    const s = sim.summary()
    expect(s.checks.ok).toBe(true)
    expect(s.producers.find((p) => p.id === 'checkout')!.errors.NOT_ENOUGH_REPLICAS ?? 0).toBe(0)
  })

  test('without racks the same two brokers can hold two replicas of one partition: losing them stops acks=all writes there', () => {
    const sim = createSimulation(
      rackLoss((raw) => {
        delete raw.cluster.racks
        raw.timeline = [
          { atMs: 20000, action: 'crashBroker', broker: 1 },
          { atMs: 20000, action: 'crashBroker', broker: 2 },
        ]
        delete raw.expect
      }),
    )
    sim.runUntil(40_000)
    const both = allPartitions(activeController(sim.world)!.image).filter((p) => p.topic === 'orders' && p.replicas.includes(1) && p.replicas.includes(2))
    expect(both.length).toBeGreaterThan(0)
    expect(sim.summary().producers.find((p) => p.id === 'checkout')!.errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0)
  })

  test('a rack for a broker that does not exist, or a rack nobody is in, is refused with the field path', () => {
    expect(() => rackLoss((raw) => (raw.cluster.racks['7'] = 'a'))).toThrow(ScenarioError)
    expect(() => rackLoss((raw) => (raw.cluster.racks['7'] = 'a'))).toThrow(/cluster\.racks\.7: "7" is not a broker \(brokers are 1\.\.6\)/)
    expect(() => rackLoss((raw) => (raw.timeline[0].rack = 'z'))).toThrow(/timeline\[0\]\.rack: "z" is not a rack \(racks: a, b, c\)/)
    expect(() =>
      rackLoss((raw) => {
        delete raw.cluster.racks
        delete raw.timeline
      }),
    ).not.toThrow()
  })
})
