// The page's hold on the simulation. The engine lives here, in module state, never in React or
// the store: views read an immutable ClusterView published to the sim store, at most every
// PUBLISH_EVERY_MS of wall time while playing and at once after anything a person does.
//
// Time only moves through advanceTo (playback maps wall time × speed to a target and calls it),
// stepOne (one event) and act (an intervention, applied at the current simulated time and recorded
// with it, as a timeline action). Going back in time starts the same scenario and seed again and
// replays the interventions, so it is the same run.

import { buildClusterView, createSimulation, parseScenario, ScenarioError, type ActionInput, type ClusterView, type Simulation, type Summary, type TimelineAction } from '../../sim/index.ts'
import { builtInScenarios, DEFAULT_SCENARIO_ID } from '../../sim/scenario/builtins.ts'
import type { Scenario } from '../../sim/scenario/types.ts'
import { useSim } from '../store/sim-store.ts'
import { clearFlow, recordDelivery } from './flow.ts'
import { MetricSeries, SAMPLE_MS, sampleWorld } from './metrics.ts'

export { DEFAULT_SCENARIO_ID }

export interface Run {
  sim: Simulation
  scenario: Scenario
  seed: number
  /** the built-in scenario id, or null for a scenario loaded from JSON */
  builtInId: string | null
  /** what the person did, each with its simulated time */
  interventions: TimelineAction[]
  metrics: MetricSeries
}

/** Where a run opens: far enough in for the KRaft quorum to elect a controller and create topics. */
export const OPENING_MS = 10_000
/** Panels redraw at most 10 times a second while playing, less when a redraw is costly. */
const PUBLISH_EVERY_MS = 100
const PUBLISH_AT_MOST_EVERY_MS = 1000

let run: Run | null = null
let version = 0
let viewCache: { version: number; view: ClusterView } | null = null
let summaryCache: { version: number; summary: Summary } | null = null
let lastPublishWall = -Infinity
let publishEveryMs = PUBLISH_EVERY_MS
let dirty = false

export function current(): Run | null {
  return run
}

export function requireRun(): Run {
  if (!run) throw new Error('kafkascope: no scenario is loaded')
  return run
}

export function builtInIds(): string[] {
  return Object.keys(builtInScenarios)
}

export function isBuiltIn(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(builtInScenarios, id)
}

function checkSeed(seed: number | undefined): void {
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    throw new TypeError(`kafkascope: seed must be an integer, got ${String(seed)}`)
  }
}

function start(scenario: Scenario, seed: number): Simulation {
  clearFlow()
  const sim = createSimulation(scenario, { seed })
  sim.observe(recordDelivery)
  return sim
}

/** Parse and start a scenario (a JSON string or an object) at time 0. Throws on bad input and keeps the run it had. */
export function loadScenario(scenarioJson: unknown, seed?: number, builtInId: string | null = null): void {
  checkSeed(seed)
  const raw = typeof scenarioJson === 'string' ? (JSON.parse(scenarioJson) as unknown) : scenarioJson
  const scenario = parseScenario(raw)
  const runSeed = seed ?? scenario.seed
  const metrics = new MetricSeries()
  run = { sim: start(scenario, runSeed), scenario, seed: runSeed, builtInId, interventions: [], metrics }
  metrics.add(sampleWorld(run.sim.world))
  publish(true)
}

export function loadBuiltIn(id: string, seed?: number): void {
  if (!isBuiltIn(id)) throw new Error(`kafkascope: unknown built-in scenario ${id}`)
  loadScenario(builtInScenarios[id], seed, id)
}

/** Open a built-in scenario at the opening time, when its cluster is up. */
export function openBuiltIn(id: string, seed?: number): void {
  loadBuiltIn(id, seed)
  advanceTo(Math.min(OPENING_MS, requireRun().scenario.durationMs))
}

/**
 * Run forward to `ms`, stopping at every metric sample boundary to take a sample. With a wall
 * budget (ms of wall time, measured by `now`), it stops early once the budget is spent and
 * returns false; the next call goes on from there.
 */
export function advanceTo(ms: number, budget?: { now: () => number; untilWall: number }): boolean {
  const r = requireRun()
  const { sim, metrics } = r
  if (ms < sim.nowMs) {
    rewindTo(ms)
    return true
  }
  let reached = true
  while (sim.nowMs < ms) {
    const nextSample = (Math.floor(sim.nowMs / SAMPLE_MS) + 1) * SAMPLE_MS
    const target = Math.min(ms, nextSample)
    sim.runUntil(target)
    if (sim.nowMs >= nextSample && metrics.lastAtMs() < nextSample) metrics.add(sampleWorld(sim.world))
    if (budget && budget.now() > budget.untilWall && sim.nowMs < ms) {
      reached = false
      break
    }
  }
  markChanged()
  return reached
}

/** Start the same run again and bring it to `ms` (the run is deterministic: it is the same run). */
export function rewindTo(ms: number): void {
  const r = requireRun()
  r.sim = start(r.scenario, r.seed)
  r.metrics.truncateAfter(0)
  if (r.metrics.samples.length === 0) r.metrics.add(sampleWorld(r.sim.world))
  for (const a of r.interventions) {
    if (a.atMs > ms) break
    advanceTo(a.atMs)
    r.sim.apply(a)
  }
  advanceTo(ms)
}

/** Process exactly one event (or timeline action). */
export function stepOne(): void {
  const r = requireRun()
  r.sim.step()
  markChanged()
  publish(true)
}

/** Why an action was refused: the field and what is wrong with it, as the scenario checker says it. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ActionError'
  }
}

/**
 * Check an action exactly as a scenario file's timeline action would be checked, in the order of
 * the run so far (a producer's configs after earlier changes, a group's size after earlier adds).
 * Returns the action as the checker normalises it.
 */
function validated(r: Run, action: TimelineAction): TimelineAction {
  const timeline = [...r.scenario.timeline, ...r.interventions].sort((a, b) => a.atMs - b.atMs)
  const at = timeline.filter((a) => a.atMs <= action.atMs).length
  timeline.splice(at, 0, action)
  try {
    return parseScenario({ ...r.scenario, timeline }).timeline[at]
  } catch (error) {
    if (error instanceof ScenarioError) throw new ActionError(`${error.path.replace(/^timeline\[\d+\]\.?/, '') || action.action}: ${error.what}`)
    throw error
  }
}

/**
 * Do something to the cluster now, as a timeline action stamped with the current simulated time,
 * checked like a scenario file's action first (throws ActionError, and nothing happens, when the
 * checker refuses it). Acting in the past is not possible here: the run is always at its latest time.
 */
export function act(action: ActionInput): void {
  const r = requireRun()
  const stamped = validated(r, { ...action, atMs: r.sim.nowMs } as TimelineAction)
  r.sim.apply(stamped)
  r.interventions.push(stamped)
  markChanged()
  publish(true)
}

function markChanged(): void {
  version += 1
  dirty = true
}

/**
 * Hand the current view to the store. Without `force`, at most every PUBLISH_EVERY_MS of wall
 * time (playback calls this every frame; panels need not redraw 60 times a second).
 */
export function publish(force = false, wallNow = performance.now()): void {
  if (!run) return
  if (!dirty && !force) return
  if (!force && wallNow - lastPublishWall < publishEveryMs) return
  lastPublishWall = wallNow
  dirty = false
  const r = run
  useSim.setState({
    version,
    nowMs: r.sim.nowMs,
    scenarioId: r.builtInId,
    scenarioName: r.scenario.name,
    durationMs: r.scenario.durationMs,
    seed: r.seed,
    view: currentView(),
  })
}

/**
 * React committed a published view. A redraw that takes more than a few ms makes its frame miss
 * the display's refresh; keep such frames to about one in 25, so a big cluster's panels update a
 * few times a second while the message flow stays smooth.
 */
export function viewCommitted(wallNow = performance.now()): void {
  const cost = wallNow - lastPublishWall
  publishEveryMs = Math.min(PUBLISH_AT_MOST_EVERY_MS, Math.max(PUBLISH_EVERY_MS, cost * 25))
}

/** The cluster view of the current state; built once per change. */
export function currentView(): ClusterView {
  const r = requireRun()
  if (viewCache?.version !== version) viewCache = { version, view: buildClusterView(r.sim.world) }
  return viewCache.view
}

/** The summary (CONTRACT §4), with the checkers' report; built once per change. */
export function currentSummary(): Summary {
  const r = requireRun()
  if (summaryCache?.version !== version) summaryCache = { version, summary: r.sim.summary() }
  return summaryCache.summary
}

export function currentVersion(): number {
  return version
}
