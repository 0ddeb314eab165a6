// The inspector's account of how a run differs from its scenario: the person's changes, and the
// scenario's actions to come marked when they will change nothing (played on the real simulation).
import { describe, expect, it } from 'vitest'
import { builtInScenarios, buildClusterView, createSimulation, parseScenario, type TimelineAction } from '../../../sim/index.ts'
import { runChanges } from './run-changes.ts'

const scenario = parseScenario(builtInScenarios['leader-failover'])

describe('runChanges', () => {
  it('lists nothing of the person before they act, and the scenario crash and restart as planned', () => {
    const sim = createSimulation(scenario, { seed: 42 })
    sim.runUntil(12_000)
    const c = runChanges(scenario.timeline, [], sim.nowMs, buildClusterView(sim.world))
    expect(c.mine).toEqual([])
    expect(c.upcoming.map((u) => [u.atMs, u.text.en, u.moot])).toEqual([
      [20_000, 'Crash leader:orders-0', null],
      [60_000, 'Restart replica:orders-0:0', null],
    ])
  })

  it('after a manual crash of the leader, the scenario crash at 20 s names a broker already down', () => {
    const sim = createSimulation(scenario, { seed: 42 })
    sim.runUntil(12_000)
    const leader = buildClusterView(sim.world).partitions.find((p) => p.tp === 'orders-0')!.leader
    const mine: TimelineAction = { atMs: 12_000, action: 'crashBroker', broker: leader }
    sim.apply(mine)
    sim.runUntil(15_000)
    const c = runChanges(scenario.timeline, [mine], sim.nowMs, buildClusterView(sim.world))
    expect(c.mine.map((m) => [m.atMs, m.text.en, m.text.ko])).toEqual([[12_000, `Crash broker ${leader}`, `브로커 ${leader} 크래시`]])
    expect(c.upcoming[0].moot).toEqual({ en: `now broker ${leader}, already down: this changes nothing`, ko: `지금은 브로커 ${leader}, 이미 다운됨: 아무것도 바뀌지 않음` })
    // the restart at 60 s brings the crashed broker back whoever crashed it
    expect(c.upcoming[1].moot).toBeNull()
  })

  it('plays broker actions forward: a restart after a planned crash is not moot, a second restart is', () => {
    const sim = createSimulation(scenario, { seed: 42 })
    sim.runUntil(12_000)
    const timeline: TimelineAction[] = [
      { atMs: 30_000, action: 'restartBroker', broker: 2 },
      { atMs: 20_000, action: 'crashBroker', broker: 2 },
      { atMs: 40_000, action: 'restartBroker', broker: 2 },
    ]
    const c = runChanges(timeline, [], sim.nowMs, buildClusterView(sim.world))
    expect(c.upcoming.map((u) => [u.atMs, u.moot?.en ?? null])).toEqual([
      [20_000, null],
      [30_000, null],
      [40_000, 'broker 2, already running: this changes nothing'],
    ])
  })

  it('a broker in controlled shutdown will stop: a restart to come is not moot; a stopped broker is down', () => {
    const sim = createSimulation(scenario, { seed: 42 })
    sim.runUntil(12_000)
    sim.apply({ atMs: 12_000, action: 'shutdownBroker', broker: 2 })
    sim.runUntil(12_100)
    const timeline: TimelineAction[] = [
      { atMs: 30_000, action: 'restartBroker', broker: 2 },
      { atMs: 40_000, action: 'restartBroker', broker: 2 },
    ]
    expect(buildClusterView(sim.world).brokers.find((b) => b.id === 2)!.state).toBe('shuttingDown')
    const leaving = runChanges(timeline, [], sim.nowMs, buildClusterView(sim.world))
    expect(leaving.upcoming.map((u) => u.moot?.en ?? null)).toEqual([null, 'broker 2, already running: this changes nothing'])
    sim.runUntil(20_000)
    expect(buildClusterView(sim.world).brokers.find((b) => b.id === 2)!.state).toBe('stopped')
    const crash: TimelineAction[] = [{ atMs: 30_000, action: 'crashBroker', broker: 2 }]
    expect(runChanges(crash, [], sim.nowMs, buildClusterView(sim.world)).upcoming[0].moot?.en).toBe('broker 2, already down: this changes nothing')
  })

  it('after an action on a broker not known now (the controller at 20 s), a later restart is not judged', () => {
    const zk = parseScenario(builtInScenarios['zookeeper-failover'])
    const sim = createSimulation(zk, { seed: 42 })
    sim.runUntil(15_000)
    // crashBroker "controller" at 20 s, restartBroker 3 at 60 s: broker 3 runs now, but the crash may stop it
    const c = runChanges(zk.timeline, [], sim.nowMs, buildClusterView(sim.world))
    expect(c.upcoming.map((u) => [u.atMs, u.moot])).toEqual([[20_000, null], [60_000, null]])
    const rack: TimelineAction[] = [
      { atMs: 30_000, action: 'crashRack', rack: 'a' },
      { atMs: 40_000, action: 'restartBroker', broker: 2 },
    ]
    expect(runChanges(rack, [], sim.nowMs, buildClusterView(sim.world)).upcoming.map((u) => u.moot)).toEqual([null, null])
  })
})
