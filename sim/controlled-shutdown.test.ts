/**
 * Controlled shutdown (KRaft: BrokerHeartbeat WantShutDown, BrokerHeartbeatManager and
 * ReplicationControlManager.handleBrokerInControlledShutdown): the broker hands its leaderships
 * over and leaves the ISRs before it stops, so clients follow the new leaders at once instead of
 * waiting out broker.session.timeout.ms as after a crash; no acknowledged write is lost.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario, ScenarioError } from './index.ts'
import { activeController } from './controller/quorum-controller.ts'
import { allPartitions } from './controller/metadata.ts'

function leaderFailover(action: 'crashBroker' | 'shutdownBroker', patch: (raw: any) => void = () => {}) {
  const raw = JSON.parse(readFileSync(new URL('../scenarios/leader-failover.json', import.meta.url), 'utf8'))
  raw.timeline[0] = { atMs: 20_000, action, broker: 1 }
  raw.timeline[1] = { atMs: 60_000, action: 'restartBroker', broker: 1 }
  patch(raw)
  return parseScenario(raw)
}

const types = (sim: ReturnType<typeof createSimulation>, broker: number) =>
  sim.world.notes.filter((n) => 'broker' in n && n.broker === broker && String(n.type).startsWith('Broker')).map((n) => n.type)

describe('controlled shutdown', () => {
  test('the broker asks, hands its leaderships over, is let go, and stops; nothing acknowledged is lost', () => {
    const sim = createSimulation(leaderFailover('shutdownBroker'))
    sim.runUntil(19_999)
    const led = allPartitions(activeController(sim.world)!.image).filter((p) => p.leader === 1)
    expect(led.length).toBeGreaterThan(0)
    sim.runUntil(25_000)
    expect(types(sim, 1)).toEqual(expect.arrayContaining(['BrokerShutdownRequested', 'BrokerControlledShutdown', 'BrokerShutdownGranted', 'BrokerStopped']))
    const order = types(sim, 1).filter((t) => t !== 'BrokerRegistered' && t !== 'BrokerUnfenced')
    expect(order).toEqual(['BrokerShutdownRequested', 'BrokerControlledShutdown', 'BrokerShutdownGranted', 'BrokerStopped'])
    const stopped = sim.world.notes.find((n) => n.type === 'BrokerStopped')!
    // it stopped within a few heartbeats (the others report the leader changes in theirs), before a
    // crashed broker would even be fenced
    const cfg = sim.world.brokerConfig
    expect(stopped.atMs - 20_000).toBeLessThanOrEqual(2 * cfg['broker.heartbeat.interval.ms'] + 100)
    expect(stopped.atMs - 20_000).toBeLessThan(cfg['broker.session.timeout.ms'])
    expect(sim.world.nodes['1'].up).toBe(false)
    const image = activeController(sim.world)!.image
    expect(image.brokers['1'].fenced).toBe(true)
    for (const p of allPartitions(image).filter((p) => p.topic === 'orders')) {
      expect(p.leader).not.toBe(1)
      expect(p.isr).not.toContain(1)
    }
    sim.runUntil(90_000)
    const summary = sim.summary()
    expect(summary.checks.ok).toBe(true)
    expect(summary.checks.lostAckedWrites).toBe(0)
    // restarted at 60 s, it caught up and is back in every ISR
    for (const p of summary.partitions.filter((p) => p.topic === 'orders')) expect(p.isr).toContain(1)
  })

  test('producers see far fewer errors than after a crash of the same broker', () => {
    const run = (action: 'crashBroker' | 'shutdownBroker') => {
      const sim = createSimulation(leaderFailover(action))
      sim.runUntil(60_000)
      const p = sim.summary().producers[0]
      return { errors: Object.values(p.errors).reduce((a, b) => a + b, 0), acked: p.acked }
    }
    const crash = run('crashBroker')
    const clean = run('shutdownBroker')
    expect(crash.errors).toBeGreaterThan(0)
    expect(clean.errors).toBeLessThan(crash.errors / 2)
    expect(clean.acked).toBeGreaterThanOrEqual(crash.acked)
  })

  test('a broker in controlled shutdown is not elected and does not rejoin an ISR before it stops', () => {
    const sim = createSimulation(leaderFailover('shutdownBroker'))
    sim.runUntil(30_000)
    const changes = sim.world.notes.filter((n) => n.atMs >= 20_000 && n.atMs < 30_000)
    for (const n of changes) {
      if (n.type === 'LeaderElected') expect(n.to).not.toBe(1)
      if (n.type === 'IsrChanged' && n.from.length < n.to.length) expect(n.to.filter((b) => !n.from.includes(b))).not.toContain(1)
    }
  })

  test('a broker still fenced after a restart leads nothing and is let go at once, without a controlled shutdown', () => {
    const sim = createSimulation(leaderFailover('crashBroker', (raw) => {
      raw.timeline = [
        { atMs: 20_000, action: 'crashBroker', broker: 1 },
        { atMs: 40_000, action: 'restartBroker', broker: 1 },
        { atMs: 40_300, action: 'shutdownBroker', broker: 1 },
      ]
    }))
    sim.runUntil(40_299)
    expect(activeController(sim.world)!.image.brokers['1'].fenced).toBe(true)
    sim.runUntil(45_000)
    const after = sim.world.notes.filter((n) => n.atMs >= 40_300 && 'broker' in n && n.broker === 1).map((n) => n.type)
    expect(after).toContain('BrokerShutdownGranted')
    expect(after).toContain('BrokerStopped')
    expect(after).not.toContain('BrokerControlledShutdown')
    expect(sim.world.nodes['1'].up).toBe(false)
  })

  test('shutting a broker down twice is refused with the field path; after a restart it may shut down again', () => {
    const twice = () => leaderFailover('shutdownBroker', (raw) => {
      raw.timeline = [
        { atMs: 20_000, action: 'shutdownBroker', broker: 2 },
        { atMs: 30_000, action: 'shutdownBroker', broker: 2 },
      ]
    })
    expect(twice).toThrow(ScenarioError)
    expect(twice).toThrow(/timeline\[1\]\.broker/)
    expect(twice).toThrow(/already shut down/)
    const again = leaderFailover('shutdownBroker', (raw) => {
      raw.timeline = [
        { atMs: 20_000, action: 'shutdownBroker', broker: 2 },
        { atMs: 40_000, action: 'restartBroker', broker: 2 },
        { atMs: 70_000, action: 'shutdownBroker', broker: 2 },
      ]
    })
    const sim = createSimulation(again)
    sim.runUntil(90_000)
    expect(sim.world.notes.filter((n) => n.type === 'BrokerStopped')).toHaveLength(2)
    expect(sim.summary().checks.ok).toBe(true)
  })
})
