// Time travel keeps the run: seeking back and forth through checkpoints, stepping back one event,
// and forking in the past land on exactly the states (trace hashes) of a straight run, and the
// metric series is the one a straight run samples. A run ends at its scenario's end. A long run
// keeps its checkpoints and samples within their budgets.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createSimulation, parseScenario, builtInScenarios } from '../../sim/index.ts'
import { act, advanceTo, loadBuiltIn, loadScenario, requireRun, stepBack, stepOne, undoFork } from './engine-host.ts'
import { Checkpoints } from './checkpoints.ts'
import { SAMPLE_BUDGET, type MetricSample } from './metrics.ts'

type Intervention = { atMs: number; action: string; [k: string]: unknown }

/** Trace hashes of a straight run (the simulation alone, no app host) at each of `times`, in order. */
function straightHashes(raw: unknown, times: number[], interventions: Intervention[] = []): string[] {
  const sim = createSimulation(parseScenario(raw))
  const todo = [...interventions]
  return times.map((ms) => {
    while (todo.length > 0 && todo[0].atMs <= ms) {
      const a = todo.shift()!
      sim.runUntil(a.atMs)
      sim.apply(a as never)
    }
    sim.runUntil(ms)
    return sim.traceHash()
  })
}

function straightHash(id: string, ms: number, interventions: Intervention[] = []): string {
  return straightHashes(builtInScenarios[id], [ms], interventions)[0]
}

/** The metric series of a straight run in the app host: acting at each intervention's time, then on to `ms`. */
function straightSeries(id: string, ms: number, interventions: Intervention[] = []): MetricSample[] {
  loadBuiltIn(id)
  for (const { atMs, ...action } of interventions) {
    advanceTo(atMs)
    act(action as never)
  }
  advanceTo(ms)
  return structuredClone(requireRun().metrics.samples)
}

describe('time travel in the app host', () => {
  beforeEach(() => loadBuiltIn('leader-failover'))

  it('seeks back and forth to the same states as a straight run', () => {
    // snapshots that take no wall time: the spacing follows the run's events alone, not the machine's load
    const clock = vi.spyOn(performance, 'now').mockReturnValue(0)
    advanceTo(80_000)
    clock.mockRestore()
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

    expect(requireRun().metrics.samples.at(-1)!.atMs).toBe(70_000)
    const forkedSamples = structuredClone(requireRun().metrics.samples)

    expect(undoFork()).toBe(true)
    expect(requireRun().interventions.map((a) => a.atMs)).toEqual([15_000, 40_000])
    expect(requireRun().sim.nowMs).toBe(70_000)
    expect(requireRun().sim.traceHash()).toBe(straightHash('leader-failover', 70_000, full))
    const undoneSamples = structuredClone(requireRun().metrics.samples)

    // the series after the fork (and after undoing it) is the one a straight run samples
    expect(forkedSamples).toEqual(straightSeries('leader-failover', 70_000, forked))
    expect(undoneSamples).toEqual(straightSeries('leader-failover', 70_000, full))
  })

  it('keeps one metric series: going back shows it up to the playhead, going forward again does not change it', () => {
    advanceTo(80_000)
    const straight = structuredClone(requireRun().metrics.samples)
    expect(straight).toHaveLength(80_000 / 250 + 1)
    advanceTo(30_000)
    expect(requireRun().metrics.samples).toHaveLength(straight.length) // the samples ahead stay
    expect(requireRun().metrics.upTo(30_000).at(-1)!.atMs).toBe(30_000)
    stepOne()
    stepBack()
    advanceTo(61_111)
    advanceTo(12_345)
    advanceTo(80_000)
    expect(requireRun().metrics.samples).toEqual(straight)
  })

  it('steps across sample times and an intervention as a straight run goes: the same states, the same series', () => {
    const crash = { atMs: 20_000, action: 'crashBroker', broker: 2 }
    const expected = straightSeries('leader-failover', 25_000, [crash])
    loadBuiltIn('leader-failover')
    advanceTo(20_000)
    act({ action: 'crashBroker', broker: 2 })
    advanceTo(19_400) // back: the crash is ahead again, and the samples from 19,500 on are kept
    while (requireRun().sim.nowMs < 20_100) expect(stepOne()).toBe(true)
    advanceTo(25_000)
    expect(requireRun().sim.traceHash()).toBe(straightHash('leader-failover', 25_000, [crash]))
    expect(requireRun().metrics.samples).toEqual(expected)

    // and stepping where no sample was taken yet takes them on the way
    loadBuiltIn('leader-failover')
    advanceTo(19_400)
    while (requireRun().sim.nowMs < 20_600) expect(stepOne()).toBe(true)
    advanceTo(25_000)
    expect(requireRun().metrics.samples).toEqual(straightSeries('leader-failover', 25_000))
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

describe('a long run in the app host', () => {
  // the default scenario made to last ten simulated minutes: more samples than the series keeps at
  // 250 ms, and many more checkpoints than the budget
  const long = { ...(builtInScenarios['leader-failover'] as object), durationMs: 600_000 }

  it('keeps checkpoints and samples within their budgets, and seeks still land on a straight run', () => {
    loadScenario(long)
    // a budget this run overflows (the app's CHECKPOINT_BUDGET keeps every checkpoint of 10 minutes)
    const budget = 24
    requireRun().checkpoints = new Checkpoints(budget)
    for (let t = 0; t <= 600_000; t += 25_000) {
      advanceTo(t)
      expect(requireRun().checkpoints.list.length).toBeLessThanOrEqual(budget)
      expect(requireRun().metrics.samples.length).toBeLessThanOrEqual(SAMPLE_BUDGET)
    }
    const r = requireRun()
    expect(r.checkpoints.list.length).toBe(budget)
    expect(r.checkpoints.list[0].atMs).toBe(0)
    expect(r.metrics.intervalMs).toBe(500)
    expect(r.metrics.samples).toHaveLength(600_000 / 500 + 1)
    const series = structuredClone(r.metrics.samples)

    const seeks = [123_456, 599_000, 5_000, 345_678, 300_000, 470_001]
    const sorted = [...seeks].sort((a, b) => a - b)
    const expected = straightHashes(long, sorted)
    for (const ms of seeks) {
      advanceTo(ms)
      const run = requireRun()
      expect(run.sim.nowMs).toBe(ms)
      expect(run.sim.traceHash(), `at ${ms}`).toBe(expected[sorted.indexOf(ms)])
      expect(run.checkpoints.list.length).toBeLessThanOrEqual(budget)
      // dense near the playhead: stepping back from here replays at most one spacing
      expect(ms - run.checkpoints.before(ms)!.atMs).toBeLessThanOrEqual(run.checkpoints.spacingMs)
    }
    stepBack()
    stepOne()
    expect(requireRun().sim.traceHash()).toBe(expected[sorted.indexOf(470_001)])
    advanceTo(600_000)
    expect(requireRun().metrics.samples).toEqual(series)
  }, 180_000)
})
