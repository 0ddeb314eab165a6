// Time travel keeps the run: seeking back and forth through checkpoints, stepping back one event,
// and forking in the past land on exactly the states (trace hashes) of a straight run.
import { beforeEach, describe, expect, it } from 'vitest'
import { createSimulation, parseScenario } from '../../sim/index.ts'
import { builtInScenarios } from '../../sim/scenario/builtins.ts'
import { act, advanceTo, loadBuiltIn, requireRun, stepBack, stepOne, undoFork } from './engine-host.ts'

function straightHash(id: string, ms: number, interventions: { atMs: number; action: string; [k: string]: unknown }[] = []): string {
  const sim = createSimulation(parseScenario(builtInScenarios[id]))
  for (const a of interventions) {
    if (a.atMs > ms) break
    sim.runUntil(a.atMs)
    sim.apply(a as never)
  }
  sim.runUntil(ms)
  return sim.traceHash()
}

describe('time travel in the app host', () => {
  beforeEach(() => loadBuiltIn('leader-failover'))

  it('seeks back and forth to the same states as a straight run', () => {
    advanceTo(80_000)
    expect(requireRun().checkpoints.list.length).toBeGreaterThan(10)
    for (const ms of [33_333, 5_000, 71_250, 20_000, 20_001, 64_999]) {
      advanceTo(ms)
      expect(requireRun().sim.nowMs).toBe(ms)
      expect(requireRun().sim.traceHash(), `at ${ms}`).toBe(straightHash('leader-failover', ms))
    }
  })

  it('steps back one event', () => {
    advanceTo(21_000)
    const before = requireRun().sim.traceHash()
    const events = requireRun().sim.world.events
    stepOne()
    expect(requireRun().sim.world.events).toBe(events + 1)
    stepBack()
    expect(requireRun().sim.world.events).toBe(events)
    expect(requireRun().sim.traceHash()).toBe(before)
  })

  it('replays interventions; acting in the past forks (later ones dropped) and undo brings them back', () => {
    advanceTo(15_000)
    act({ action: 'crashBroker', broker: 2 })
    advanceTo(40_000)
    act({ action: 'restartBroker', broker: 2 })
    advanceTo(70_000)
    const full = [
      { atMs: 15_000, action: 'crashBroker', broker: 2 },
      { atMs: 40_000, action: 'restartBroker', broker: 2 },
    ]
    expect(requireRun().sim.traceHash()).toBe(straightHash('leader-failover', 70_000, full))

    advanceTo(30_000) // back in time: the restart at 40 s is still to come
    expect(requireRun().sim.traceHash()).toBe(straightHash('leader-failover', 30_000, full))
    act({ action: 'crashBroker', broker: 3 }) // a fork at 30 s
    expect(requireRun().interventions.map((a) => a.atMs)).toEqual([15_000, 30_000])
    advanceTo(70_000)
    const forked = [full[0], { atMs: 30_000, action: 'crashBroker', broker: 3 }]
    expect(requireRun().sim.traceHash()).toBe(straightHash('leader-failover', 70_000, forked))

    expect(undoFork()).toBe(true)
    expect(requireRun().interventions.map((a) => a.atMs)).toEqual([15_000, 40_000])
    expect(requireRun().sim.nowMs).toBe(70_000)
    expect(requireRun().sim.traceHash()).toBe(straightHash('leader-failover', 70_000, full))
  })

  it('ends at the scenario\'s end: advancing stops there and stepping there does nothing', () => {
    expect(advanceTo(200_000)).toBe(true)
    expect(requireRun().sim.nowMs).toBe(90_000)
    expect(requireRun().sim.traceHash()).toBe(straightHash('leader-failover', 90_000))
    const events = requireRun().sim.world.events
    expect(stepOne()).toBe(false)
    expect(requireRun().sim.world.events).toBe(events)
    expect(requireRun().sim.nowMs).toBe(90_000)
    stepBack()
    expect(requireRun().sim.world.events).toBe(events - 1)
    expect(stepOne()).toBe(true)
    expect(requireRun().sim.traceHash()).toBe(straightHash('leader-failover', 90_000))
  })
})
