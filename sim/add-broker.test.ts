/**
 * Adding a broker to a running cluster (addBroker): the new process registers with the active
 * controller (ClusterControlManager.registerBroker), stays fenced until it has replayed the metadata,
 * and hosts nothing until partitions are placed on it or moved to it: the surprise of scaling out.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario, restoreSimulation, ScenarioError, type TimelineAction } from './index.ts'
import { activeController } from './controller/quorum-controller.ts'
import { allPartitions } from './controller/metadata.ts'

function withTimeline(timeline: TimelineAction[]) {
  const raw = JSON.parse(readFileSync(new URL('../scenarios/leader-failover.json', import.meta.url), 'utf8'))
  raw.timeline = timeline
  delete raw.expect
  return parseScenario(raw)
}

describe('addBroker', () => {
  test('the new broker registers, is unfenced once caught up, and hosts no replica of the existing partitions', () => {
    const sim = createSimulation(withTimeline([{ atMs: 20_000, action: 'addBroker' }]))
    sim.runUntil(19_999)
    expect(sim.world.brokerIds).toEqual([1, 2, 3])
    sim.runUntil(30_000)
    expect(sim.world.brokerIds).toEqual([1, 2, 3, 4])
    const types = sim.world.notes.filter((n) => 'broker' in n && n.broker === 4).map((n) => n.type)
    expect(types).toEqual(['BrokerAdded', 'BrokerRegistered', 'BrokerUnfenced'])
    const image = activeController(sim.world)!.image
    expect(image.brokers['4'].fenced).toBe(false)
    for (const p of allPartitions(image)) expect(p.replicas).not.toContain(4)
    expect(sim.world.brokers['4'].replicaOrder).toEqual([])
    const summary = sim.summary()
    expect(summary.brokers.map((b) => [b.id, b.state])).toEqual([[1, 'alive'], [2, 'alive'], [3, 'alive'], [4, 'alive']])
    expect(summary.checks.ok).toBe(true)
  })

  test('partitions added afterwards may be placed on it', () => {
    const sim = createSimulation(withTimeline([
      { atMs: 20_000, action: 'addBroker' },
      { atMs: 30_000, action: 'addPartitions', topic: 'orders', count: 9 },
    ]))
    sim.runUntil(40_000)
    const image = activeController(sim.world)!.image
    const orders = allPartitions(image).filter((p) => p.topic === 'orders')
    expect(orders).toHaveLength(9)
    expect(orders.slice(0, 3).some((p) => p.replicas.includes(4))).toBe(false)
    expect(orders.slice(3).some((p) => p.replicas.includes(4))).toBe(true)
    expect(sim.world.brokers['4'].replicaOrder.length).toBeGreaterThan(0)
  })

  test('a later action may name the new broker; a broker that was never added is refused with the field path', () => {
    const sim = createSimulation(withTimeline([
      { atMs: 20_000, action: 'addBroker' },
      { atMs: 30_000, action: 'crashBroker', broker: 4 },
      { atMs: 40_000, action: 'restartBroker', broker: 4 },
    ]))
    sim.runUntil(50_000)
    expect(sim.summary().brokers.find((b) => b.id === 4)!.state).toBe('alive')
    const before = () => withTimeline([{ atMs: 10_000, action: 'crashBroker', broker: 4 }, { atMs: 20_000, action: 'addBroker' }])
    expect(before).toThrow(ScenarioError)
    expect(before).toThrow(/timeline\[0\]\.broker: 4 is not a broker \(brokers are 1\.\.3\)/)
    const fifth = () => withTimeline([{ atMs: 20_000, action: 'addBroker' }, { atMs: 30_000, action: 'crashBroker', broker: 5 }])
    expect(fifth).toThrow(/timeline\[1\]\.broker: 5 is not a broker \(brokers are 1\.\.4\)/)
  })

  test('the same run replays to the same trace, and a checkpoint taken before the add restores without it', () => {
    const scenario = withTimeline([{ atMs: 20_000, action: 'addBroker' }])
    const a = createSimulation(scenario)
    const b = createSimulation(scenario)
    b.runUntil(15_000)
    const before = b.snapshot()
    a.runUntil(40_000)
    b.runUntil(40_000)
    expect(a.traceHash()).toBe(b.traceHash())
    const c = restoreSimulation(before)
    expect(c.world.brokerIds).toEqual([1, 2, 3])
    c.runUntil(40_000)
    expect(c.world.brokerIds).toEqual([1, 2, 3, 4])
    expect(c.traceHash()).toBe(a.traceHash())
  })
})
