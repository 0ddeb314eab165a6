// The page's hold on the simulation. The engine lives here, in module state, never in React or
// the store: views read an immutable ClusterView published to the sim store, at most every
// PUBLISH_EVERY_MS of wall time while playing and at once after anything a person does.
//
// Time only moves through advanceTo (playback maps wall time × speed to a target and calls it;
// backwards it restores the nearest checkpoint and runs forward: the same run), stepOne/stepBack
// (one event) and act (an intervention, applied at the current simulated time and recorded with
// it, as a timeline action). Acting in the past forks the run: later interventions are dropped,
// and undoFork brings them back.
//
// A run ends at its scenario's end (durationMs): nothing here moves it further, so a session's
// playhead always lies within its run and every link the app makes opens again. A run that
// follows a served cluster (setLiveLink) also stops at the served clock, and what a person does
// to it goes to serve, to come back as one of its inputs. The memory a run
// holds besides its world is bounded: checkpoints and metric samples each have a fixed budget.

import {
  clusterView,
  createSimulation,
  parseScenario,
  ScenarioError,
  type ActionInput,
  type ClusterView,
  type Simulation,
  type Summary,
  type TimelineAction,
  builtInScenarios,
  DEFAULT_SCENARIO_ID,
  type Scenario,
  mergeInterventions,
  metricSample,
} from '../../sim/index.ts'
import { useSim } from '../store/sim-store.ts'
import { clearFlow, recordDelivery } from './flow.ts'
import { MetricSeries } from './metrics.ts'
import { Checkpoints, resume, type Checkpoint } from './checkpoints.ts'

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
  checkpoints: Checkpoints
  /** the interventions a fork dropped, for undo (latest fork last) */
  forks: Fork[]
}

/** Acting in the past: what the run had after that moment, kept so the fork can be undone. */
export interface Fork {
  atMs: number
  /** interventions kept (those up to the fork's time) */
  kept: number
  dropped: TimelineAction[]
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
  startRun(scenario, seed ?? scenario.seed, builtInId, [])
}

/** A new run of `scenario` at time 0 with these interventions to come. */
export function startRun(scenario: Scenario, seed: number, builtInId: string | null, interventions: TimelineAction[]): void {
  const metrics = new MetricSeries()
  run = { sim: start(scenario, seed), scenario, seed, builtInId, interventions, metrics, checkpoints: new Checkpoints(), forks: [] }
  metrics.add(metricSample(run.sim))
  markChanged()
  publish(true)
}

export function loadBuiltIn(id: string, seed?: number): void {
  if (!isBuiltIn(id)) throw new Error(`kafkascope: unknown built-in scenario ${id}`)
  loadScenario(builtInScenarios[id], seed, id)
}

/**
 * Put a run back exactly as it was: the same Run object, at its time, with its trace, checkpoints,
 * metrics and interventions (cancelling the opening of another session gives the person's run back).
 */
export function putBackRun(previous: Run): void {
  clearFlow()
  run = previous
  markChanged()
  publish(true)
}

/** Open a built-in scenario at the opening time, when its cluster is up. */
export function openBuiltIn(id: string, seed?: number): void {
  loadBuiltIn(id, seed)
  advanceTo(Math.min(OPENING_MS, requireRun().scenario.durationMs))
}

/**
 * A run that follows a served cluster (serve-link.ts): it goes no further than the served clock
 * (`horizonMs`), since what the served cluster does after that is not known yet, and what a person
 * does to it goes to serve (`act`) instead of being applied here; serve sends it back as an input.
 */
export interface LiveLink {
  run: Run
  horizonMs(): number
  /** a step was refused at the served clock */
  atHorizon(): void
  act(action: ActionInput): void
}

let liveLink: LiveLink | null = null

export function setLiveLink(link: LiveLink | null): void {
  liveLink = link
}

function horizonOf(r: Run): number {
  return liveLink !== null && liveLink.run === r ? liveLink.horizonMs() : Infinity
}

/** Told when a person moves the run by hand (a step either way): playback stops following (playback.ts sets it). */
let movedByHand: () => void = () => {}

export function onMovedByHand(listener: () => void): void {
  movedByHand = listener
}

/** Told when a step is refused at the run's end (the page shows a notice: playback.ts sets it). */
let stepRefused: (durationMs: number) => void = () => {}

export function onStepRefused(listener: (durationMs: number) => void): void {
  stepRefused = listener
}

/** Whether the run is at its scenario's end (it goes no further). */
export function atEnd(): boolean {
  const r = requireRun()
  return r.sim.nowMs >= r.scenario.durationMs
}

/**
 * Move the run to `ms`, at most to the scenario's end. Forward it runs on, stopping at every
 * metric sample and checkpoint boundary and applying the recorded interventions at their times;
 * backward (or forward past a kept checkpoint) it restores the nearest checkpoint first. With a
 * wall budget (ms of wall time, measured by `now`) it stops early once the budget is spent and
 * returns false; the next call goes on from there.
 */
export function advanceTo(target: number, budget?: { now: () => number; untilWall: number }): boolean {
  const r = requireRun()
  const ms = Math.min(target, r.scenario.durationMs, horizonOf(r))
  const c = r.checkpoints.before(ms)
  if (ms < r.sim.nowMs || (c && c.atMs > r.sim.nowMs)) restoreFrom(r, c)
  let reached = true
  while (r.sim.nowMs < ms || workDue(r, ms)) {
    runSlice(r, ms)
    if (budget && budget.now() > budget.untilWall && r.sim.nowMs < ms) {
      reached = false
      break
    }
  }
  markChanged()
  return reached
}

/** The next recorded intervention not yet applied. */
function nextIntervention(r: Run): TimelineAction | undefined {
  return r.interventions[r.sim.world.interventions.length]
}

/** Something is due at the run's current time: an intervention, a checkpoint or a metric sample. */
function workDue(r: Run, ms: number): boolean {
  const now = r.sim.nowMs
  const next = nextIntervention(r)
  return (next !== undefined && next.atMs <= now) || r.checkpoints.nextDueMs(now, ms) <= now || r.metrics.nextAtMs() === now
}

/**
 * Run to the next boundary (sample, checkpoint, intervention or `ms`) and do what is due there.
 * Samples are taken only where the series ends (the run has been there before otherwise), so
 * they come in time order at the series' interval however the run got there.
 */
function runSlice(r: Run, ms: number): void {
  const { sim, metrics, checkpoints } = r
  // (a sample behind the run would be a bug: it is never waited for, so the run cannot stall on it)
  const nextSample = metrics.nextAtMs() >= sim.nowMs ? metrics.nextAtMs() : Infinity
  const due = nextIntervention(r)
  sim.runUntil(Math.max(sim.nowMs, Math.min(ms, nextSample, checkpoints.nextDueMs(sim.nowMs, ms), due ? due.atMs : Infinity)))
  if (due && due.atMs <= sim.nowMs) sim.apply(due)
  if (sim.nowMs >= checkpoints.nextDueMs(sim.nowMs, ms)) checkpoints.take(sim, () => performance.now())
  if (sim.nowMs === nextSample) metrics.add(metricSample(sim))
}

/** Continue from checkpoint `c`, or from time 0 without one. The metric series stays: it is the same run. */
function restoreFrom(r: Run, c: Checkpoint | undefined): void {
  clearFlow()
  if (c) {
    r.sim = resume(c)
    r.sim.observe(recordDelivery)
  } else {
    r.sim = start(r.scenario, r.seed)
  }
}

/** Go back to the state one event earlier: restore a checkpoint and step forward to it. */
export function stepBack(): void {
  const r = requireRun()
  const target = r.sim.world.events - 1
  if (target < 0) return
  movedByHand()
  restoreFrom(r, r.checkpoints.before(r.sim.nowMs, target + 1))
  while (r.sim.world.events < target) {
    const due = nextIntervention(r)
    if (due && r.sim.nextEventMs() > due.atMs) {
      r.sim.runUntil(due.atMs)
      r.sim.apply(due)
    } else r.sim.step()
  }
  markChanged()
  publish(true)
}

/**
 * Process exactly one event (or timeline action, or recorded intervention), as a straight run
 * would: samples and checkpoints due before it are taken first. When nothing is left to happen
 * up to the scenario's end, it does nothing, says so (through onStepRefused) and returns false.
 */
export function stepOne(): boolean {
  const r = requireRun()
  const due = nextIntervention(r)
  const dueAt = due ? Math.max(due.atMs, r.sim.nowMs) : Infinity
  const next = r.sim.nextEventMs()
  if (Math.min(dueAt, next) > r.scenario.durationMs) {
    stepRefused(r.scenario.durationMs)
    return false
  }
  if (Math.min(dueAt, next) > horizonOf(r)) {
    liveLink!.atHorizon()
    return false
  }
  movedByHand()
  if (dueAt < next) {
    advanceTo(dueAt) // applies it, as the run does at its time
  } else {
    if (next - 1 >= r.sim.nowMs) advanceTo(next - 1) // what is due before the event (no event lies in between)
    r.sim.step()
    markChanged()
  }
  publish(true)
  return true
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
  const timeline = mergeInterventions(r.scenario, r.interventions).timeline
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
  const now = r.sim.nowMs
  if (liveLink !== null && liveLink.run === r) {
    validated(r, { ...action, atMs: now } as TimelineAction) // refused here as it would be there
    return liveLink.act(action)
  }
  const kept = r.sim.world.interventions.length
  const later = r.interventions.slice(kept)
  const stamped = validated({ ...r, interventions: r.interventions.slice(0, kept) }, { ...action, atMs: now } as TimelineAction)
  if (later.length > 0) {
    r.forks.push({ atMs: now, kept, dropped: later })
    r.interventions.length = kept
  }
  r.checkpoints.dropAfter(now - 1) // one taken at `now` may hold what the fork drops
  r.metrics.dropFrom(now) // the run differs from now on
  r.sim.apply(stamped)
  r.interventions.push(stamped)
  markChanged()
  publish(true)
}

/** Undo the latest fork: what was done after it comes back, what was done in the fork goes. */
export function undoFork(): boolean {
  const r = requireRun()
  const fork = r.forks.pop()
  if (!fork) return false
  const at = r.sim.nowMs
  r.interventions = [...r.interventions.slice(0, fork.kept), ...fork.dropped]
  r.checkpoints.dropAfter(fork.atMs - 1)
  r.metrics.dropFrom(fork.atMs)
  restoreFrom(r, r.checkpoints.before(fork.atMs - 1))
  advanceTo(at)
  publish(true)
  return true
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
  // The page renders the store's change in a microtask queued as the store changed (Preact's
  // render queue): this one, queued after it, runs once the panels are drawn.
  queueMicrotask(viewCommitted)
}

/**
 * The page drew a published view. A redraw that takes more than a few ms makes its frame miss
 * the display's refresh; keep such frames to about one in 25, so a big cluster's panels update a
 * few times a second while the message flow stays smooth.
 */
function viewCommitted(wallNow = performance.now()): void {
  const cost = wallNow - lastPublishWall
  publishEveryMs = Math.min(PUBLISH_AT_MOST_EVERY_MS, Math.max(PUBLISH_EVERY_MS, cost * 25))
}

/** The cluster view of the current state; built once per change. */
export function currentView(): ClusterView {
  const r = requireRun()
  if (viewCache?.version !== version) viewCache = { version, view: clusterView(r.sim) }
  return viewCache.view
}

/** The summary (CONTRACT §4), with the checkers' report; built once per change. */
export function currentSummary(): Summary {
  const r = requireRun()
  if (summaryCache?.version !== version) summaryCache = { version, summary: r.sim.summary() }
  return summaryCache.summary
}
