/**
 * A session (CONTRACT §6): `{ version: 1, scenario, seed, interventions, playheadMs }`, what a person
 * did to a run, each intervention a timeline action with its simulated time. Running a session is
 * running its scenario with the interventions merged into the timeline; an intervention runs after
 * the scenario's own actions of the same millisecond (the parser sorts stably by atMs).
 *
 * parseSession checks everything and throws ScenarioError with the session's own paths
 * (`scenario.topics[0].partitions`, `interventions[2].broker`, `version`). The whole input is
 * walked once first (json-input.ts: depth and "__proto__" keys), before anything copies it. The
 * playhead lies within the run (0..durationMs), so opening a session is bounded work.
 */
import { parseScenario, ScenarioError } from './parse.ts'
import { checkJsonInput } from './json-input.ts'
import { seedProblem } from './seed.ts'
import type { Scenario, TimelineAction } from './types.ts'

export const SESSION_VERSION = 1
const SESSION_FIELDS = ['version', 'scenario', 'seed', 'interventions', 'playheadMs']

export interface Session {
  version: 1
  scenario: Scenario
  seed: number
  interventions: TimelineAction[]
  playheadMs: number
}

export interface ParsedSession {
  /** the scenario as given (without the interventions) */
  base: Scenario
  /** the scenario with the interventions merged into its timeline: what runs */
  merged: Scenario
  seed: number
  interventions: TimelineAction[]
  /** where the session stops: its playhead, else the scenario's end */
  playheadMs: number
}

/**
 * The scenario with interventions merged into its timeline, as running a session does: sorted by
 * time, stably, so the scenario's own actions come first among equal times.
 */
export function mergeInterventions(scenario: Scenario, interventions: readonly TimelineAction[]): Scenario {
  return { ...scenario, timeline: [...scenario.timeline, ...interventions].sort((x, y) => x.atMs - y.atMs) }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Does this JSON look like a session rather than a scenario? */
export function isSessionLike(json: unknown): json is Record<string, unknown> {
  return isPlainObject(json) && 'version' in json && 'scenario' in json
}

function prefixPath(prefix: string, path: string): string {
  if (path === '(scenario)') return prefix
  if (path.startsWith('(')) return path
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`
}

export function parseSession(json: unknown): ParsedSession {
  checkJsonInput(json)
  if (!isPlainObject(json)) throw new ScenarioError('(session)', 'expected a session object { version, scenario, seed, interventions, playheadMs }')
  for (const key of Object.keys(json)) {
    if (!SESSION_FIELDS.includes(key)) throw new ScenarioError(key, `unknown field (a session has ${SESSION_FIELDS.join(', ')})`)
  }
  if (json.version !== SESSION_VERSION) {
    throw new ScenarioError('version', `this session is version ${JSON.stringify(json.version)}; this kafkascope reads version ${SESSION_VERSION}`)
  }
  if (!isPlainObject(json.scenario)) throw new ScenarioError('scenario', 'expected a scenario object')
  const interventions = json.interventions ?? []
  if (!Array.isArray(interventions)) throw new ScenarioError('interventions', 'expected an array of timeline actions')
  const nonNegativeInt = (key: string): number | undefined => {
    const v = json[key]
    if (v === undefined) return undefined
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new ScenarioError(key, `expected a non-negative integer, got ${JSON.stringify(v)}`)
    return v
  }
  if (json.seed !== undefined) {
    const problem = seedProblem(json.seed)
    if (problem !== null) throw new ScenarioError('seed', problem)
  }
  const seed = json.seed as number | undefined
  const playheadMs = nonNegativeInt('playheadMs')

  // The scenario alone first, so its errors carry its own paths.
  let base: Scenario
  try {
    base = parseScenario(structuredClone(json.scenario))
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(prefixPath('scenario', e.path), e.what)
    throw e
  }
  const raw = structuredClone(json.scenario) as Record<string, unknown>
  const own = Array.isArray(raw.timeline) ? raw.timeline : []
  raw.timeline = [...own, ...structuredClone(interventions)]
  let merged: Scenario
  try {
    merged = parseScenario(raw)
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e
    const m = /^timeline\[(\d+)\](.*)$/.exec(e.path)
    if (m && Number(m[1]) >= own.length) throw new ScenarioError(`interventions[${Number(m[1]) - own.length}]${m[2]}`, e.what)
    throw new ScenarioError(prefixPath('scenario', e.path), e.what)
  }
  if (playheadMs !== undefined && playheadMs > merged.durationMs) {
    throw new ScenarioError('playheadMs', `${playheadMs} ms is after the scenario's end (durationMs ${merged.durationMs} ms); a session stops within its run`)
  }
  return {
    base,
    merged,
    seed: seed ?? base.seed,
    interventions: normalisedInterventions(merged, base),
    playheadMs: playheadMs ?? base.durationMs,
  }
}

/**
 * The interventions as the parser normalised them: the merged timeline minus the scenario's own
 * actions (the parser keeps the scenario's actions first among equal times, so removing, per time,
 * as many as the scenario has leaves the interventions in order).
 */
function normalisedInterventions(merged: Scenario, base: Scenario): TimelineAction[] {
  const ownAt = new Map<number, number>()
  for (const a of base.timeline) ownAt.set(a.atMs, (ownAt.get(a.atMs) ?? 0) + 1)
  const out: TimelineAction[] = []
  for (const a of merged.timeline) {
    const left = ownAt.get(a.atMs) ?? 0
    if (left > 0) ownAt.set(a.atMs, left - 1)
    else out.push(a)
  }
  return out
}
