// Opening a long session slice by slice: it never runs to the playhead in one go, arrives at the
// same state as a straight run, and cancelling puts the previous run back as it was (the same Run
// object, time, trace and interventions).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSimulation, parseScenario, builtInScenarios } from '../../sim/index.ts'
import { act, advanceTo, current, loadBuiltIn, requireRun, startRun } from './engine-host.ts'
import { beginOpening, cancelOpening, isOpening, type OpeningOutcome } from './opening.ts'
import { useOpening } from '../store/opening-store.ts'

/** Animation frames, run by hand. */
let frames: Map<number, () => void>
let nextFrame = 1
function runFrame(): boolean {
  const [id, cb] = frames.entries().next().value ?? []
  if (id === undefined || !cb) return false
  frames.delete(id)
  cb()
  return true
}

const scenario = () => parseScenario(builtInScenarios['leader-failover'])

/** A wall clock that moves 5 ms each time it is read: every frame's budget runs out after a few slices. */
function slowClock() {
  let wall = 0
  vi.spyOn(performance, 'now').mockImplementation(() => (wall += 5))
}

function openLeaderFailover(playheadMs: number, extra: Partial<Parameters<typeof beginOpening>[0]> = {}): Promise<OpeningOutcome> {
  return beginOpening({ source: 'link', playheadMs, start: () => startRun(scenario(), 42, null, []), ...extra })
}

describe('opening a session in slices', () => {
  beforeEach(() => {
    frames = new Map()
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      const id = nextFrame++
      frames.set(id, () => cb(0))
      return id
    })
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id))
    loadBuiltIn('leader-failover', 5)
    advanceTo(20_000)
    act({ action: 'crashBroker', broker: 2 })
    advanceTo(30_000)
  })
  afterEach(() => {
    cancelOpening()
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('moves to the playhead over many frames and arrives at the state of a straight run', async () => {
    slowClock()
    const ended: OpeningOutcome[] = []
    const outcome = openLeaderFailover(80_000, { ended: (o) => ended.push(o) })
    expect(isOpening()).toBe(true)
    expect(requireRun().sim.nowMs).toBeLessThan(80_000)
    expect(useOpening.getState().progress).toMatchObject({ source: 'link', playheadMs: 80_000 })
    let count = 0
    let last = 0
    while (runFrame()) {
      count++
      const reached = useOpening.getState().progress?.reachedMs
      if (reached !== undefined) {
        expect(reached).toBeGreaterThanOrEqual(last)
        last = reached
      }
    }
    expect(count).toBeGreaterThan(10)
    expect(await outcome).toBe('arrived')
    expect(ended).toEqual(['arrived'])
    expect(isOpening()).toBe(false)
    expect(useOpening.getState().progress).toBeNull()
    const run = requireRun()
    expect(run.sim.nowMs).toBe(80_000)
    const sim = createSimulation(scenario(), { seed: 42 })
    sim.runUntil(80_000)
    expect(run.sim.traceHash()).toBe(sim.traceHash())
  })

  it('a short session arrives at once, without frames', async () => {
    const outcome = openLeaderFailover(0)
    expect(isOpening()).toBe(false)
    expect(frames.size).toBe(0)
    expect(await outcome).toBe('arrived')
  })

  it('cancel puts the previous run back: the same Run, time, trace and interventions', async () => {
    slowClock()
    const before = current()!
    const hash = before.sim.traceHash()
    const interventions = before.interventions.slice()
    const outcome = openLeaderFailover(80_000)
    runFrame()
    runFrame()
    expect(current()).not.toBe(before)
    expect(cancelOpening()).toBe(true)
    expect(await outcome).toBe('cancelled')
    expect(current()).toBe(before)
    expect(before.sim.nowMs).toBe(30_000)
    expect(before.sim.traceHash()).toBe(hash)
    expect(before.interventions).toEqual(interventions)
    expect(frames.size).toBe(0)
    expect(isOpening()).toBe(false)
    expect(cancelOpening()).toBe(false)
  })

  it('a second opening replaces the first; cancelling it still goes back to the run before both', async () => {
    slowClock()
    const before = current()!
    const first = openLeaderFailover(80_000)
    runFrame()
    const second = openLeaderFailover(70_000)
    expect(await first).toBe('replaced')
    runFrame()
    cancelOpening()
    expect(await second).toBe('cancelled')
    expect(current()).toBe(before)
  })

  it('stops when another scenario is loaded meanwhile, and leaves that one', async () => {
    slowClock()
    const outcome = openLeaderFailover(80_000)
    loadBuiltIn('leader-failover', 9)
    const loaded = current()
    while (runFrame());
    expect(await outcome).toBe('replaced')
    expect(current()).toBe(loaded)
    expect(loaded!.sim.nowMs).toBe(0)
  })

  it('at start-up (no run yet) cancelling opens the fallback; cancelling that one does not bring back the first', async () => {
    slowClock()
    vi.resetModules() // fresh modules: a page that has no run yet
    const host = await import('./engine-host.ts')
    const fresh = await import('./opening.ts')
    expect(host.current()).toBeNull()
    const startAt = (seed: number) => () => host.startRun(scenario(), seed, null, [])
    let fallbackOutcome: Promise<OpeningOutcome> | null = null
    const outcome = fresh.beginOpening({
      source: 'link',
      playheadMs: 80_000,
      start: startAt(1),
      fallback: () => {
        // the stored session, itself long: its own fallback is the default scenario
        fallbackOutcome = fresh.beginOpening({ source: 'stored', playheadMs: 70_000, start: startAt(2), fallback: () => host.loadBuiltIn('leader-failover', 3) })
      },
    })
    runFrame()
    const link = host.current()
    expect(link?.seed).toBe(1)
    fresh.cancelOpening()
    expect(await outcome).toBe('cancelled')
    expect(fresh.isOpening()).toBe(true)
    expect(host.current()?.seed).toBe(2)
    runFrame()
    fresh.cancelOpening()
    expect(await fallbackOutcome!).toBe('cancelled')
    expect(fresh.isOpening()).toBe(false)
    expect(host.current()?.seed).toBe(3) // not the half-opened link's run
    expect(host.current()).not.toBe(link)
  })

  it('an internal error while opening puts the previous run back and reports it', async () => {
    slowClock()
    const before = current()!
    const failed: unknown[] = []
    const outcome = openLeaderFailover(80_000, { failed: (e) => failed.push(e) })
    vi.spyOn(current()!.sim, 'runUntil').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded')
    })
    runFrame()
    expect(await outcome).toBe('failed')
    expect(failed).toHaveLength(1)
    expect(current()).toBe(before)
    expect(before.sim.nowMs).toBe(30_000)
  })

  it('a session that cannot start leaves the previous run', () => {
    const before = current()!
    expect(() =>
      beginOpening({
        source: 'file',
        playheadMs: 1000,
        start: () => {
          throw new Error('boom')
        },
      }),
    ).toThrow('boom')
    expect(current()).toBe(before)
    expect(isOpening()).toBe(false)
  })
})
