/**
 * A session (CONTRACT §6): `{ version: 1, engine, scenario, seed, interventions, playheadMs }`, what a
 * person did to a run, each intervention a timeline action with its simulated time. `engine` is the
 * ENGINE_VERSION that made it (CONTRACT §7): a session of another engine version, or of none, still
 * opens, with a notice that its run may differ from the one that was shared (engineNotice). Running a session is
 * running its scenario with the interventions merged into the timeline; an intervention runs after
 * the scenario's own actions of the same millisecond (the parser sorts stably by atMs).
 *
 * parseSession checks everything and throws ScenarioError with the session's own paths
 * (`scenario.topics[0].partitions`, `interventions[2].broker`, `version`). The whole input is
 * walked once first (json-input.ts: depth and "__proto__" keys), before anything copies it. The
 * playhead lies within the run (0..durationMs), so opening a session is bounded work.
 */
import { parseScenario, ScenarioError } from './parse.ts'
import { checkJsonInput, isPlainObject } from './json-input.ts'
import { seedProblem } from './seed.ts'
import type { Scenario, TimelineAction } from './types.ts'

export const SESSION_VERSION = 1
const SESSION_FIELDS = ['version', 'engine', 'scenario', 'seed', 'interventions', 'playheadMs']

/**
 * The simulation engine's version, written into every session and link. Bump it (today's date and
 * a counter) with every change that alters runs: a built-in scenario's trace hash or event count
 * moves, or a scenario, seed and interventions give other events than before (a behaviour fix, a new
 * default, a different tie-break, an action recorded under another name). Changes that leave every
 * run the same (refactors, the app, texts, new checks over the same events) keep it.
 */
export const ENGINE_VERSION = '2026-12-07.3'

/** The longest engine version a session may carry (a version is short text; anything longer is not one). */
const MAX_ENGINE_LENGTH = 64

export interface Session {
  version: 1
  /** the ENGINE_VERSION that made the session */
  engine: string
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
  /** the engine version that made the session (null: a session from before sessions carried one) */
  engine: string | null
  /** what to tell the person opening it, when another engine made it (null: this one did) */
  engineNotice: EngineNotice | null
}

/** A notice in both languages. */
export interface EngineNotice {
  en: string
  ko: string
}

/**
 * The notice a session made by another engine version opens with; null when this engine made it.
 * The run is opened all the same: same scenario, seed and interventions, but this engine's events.
 */
export function engineNotice(engine: string | null): EngineNotice | null {
  if (engine === ENGINE_VERSION) return null
  if (engine === null) {
    return {
      en: `This session does not say which kafkascope engine made it (this is engine ${ENGINE_VERSION}): the run may differ from the one that was shared.`,
      ko: `이 세션에는 만든 kafkascope 엔진 버전이 없습니다 (지금 엔진은 ${ENGINE_VERSION}). 공유된 실행과 다르게 진행될 수 있습니다.`,
    }
  }
  return {
    en: `This session was made by kafkascope engine ${engine}; this is engine ${ENGINE_VERSION}: the run may differ from the one that was shared.`,
    ko: `이 세션은 kafkascope 엔진 ${engine}에서 만들어졌고, 지금 엔진은 ${ENGINE_VERSION}입니다. 공유된 실행과 다르게 진행될 수 있습니다.`,
  }
}

function engineOf(json: Record<string, unknown>): string | null {
  const v = json.engine
  if (v === undefined) return null
  if (typeof v !== 'string' || v === '' || v.length > MAX_ENGINE_LENGTH) {
    throw new ScenarioError('engine', `expected the engine version that made the session (text of 1..${MAX_ENGINE_LENGTH} characters), got ${JSON.stringify(v).slice(0, 80)}`)
  }
  return v
}

/**
 * The scenario with interventions merged into its timeline, as running a session does: sorted by
 * time, stably, so the scenario's own actions come first among equal times.
 */
export function mergeInterventions(scenario: Scenario, interventions: readonly TimelineAction[]): Scenario {
  return { ...scenario, timeline: [...scenario.timeline, ...interventions].sort((x, y) => x.atMs - y.atMs) }
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
  if (!isPlainObject(json)) throw new ScenarioError('(session)', 'expected a session object { version, engine, scenario, seed, interventions, playheadMs }')
  for (const key of Object.keys(json)) {
    if (!SESSION_FIELDS.includes(key)) throw new ScenarioError(key, `unknown field (a session has ${SESSION_FIELDS.join(', ')})`)
  }
  if (json.version !== SESSION_VERSION) {
    throw new ScenarioError('version', `this session is version ${JSON.stringify(json.version)}; this kafkascope reads version ${SESSION_VERSION}`)
  }
  const engine = engineOf(json)
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
    engine,
    engineNotice: engineNotice(engine),
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
