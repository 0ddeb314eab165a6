// The page's hold on the simulation, and the console API `window.__kafkascope`.
//
// The engine lives here, in a module-level variable, never in React state: React subscribes to a
// version counter (useSyncExternalStore) and reads a summary made for that version. Time only moves
// through runUntil, called from a button or from the console; nothing runs per animation frame.

import { createSimulation, parseScenario } from '../sim/index.ts'
import { builtInScenarios, DEFAULT_SCENARIO_ID } from '../sim/scenario/builtins.ts'
import type { Scenario } from '../sim/scenario/types.ts'
import type { Summary } from '../sim/trace/summary-types.ts'

type Engine = ReturnType<typeof createSimulation>

export interface Loaded {
  engine: Engine
  scenario: Scenario
  seed: number
  /** the built-in scenario id, or null for a scenario loaded from JSON */
  builtInId: string | null
}

/** What `window.__kafkascope` offers (CONTRACT §6). */
export interface KafkascopeConsoleApi {
  nowMs(): number
  traceHash(): string
  summary(): Summary
  runUntil(ms: number): void
  load(scenarioJson: unknown, seed?: number): void
}

declare global {
  interface Window {
    __kafkascope?: KafkascopeConsoleApi
  }
}

export { DEFAULT_SCENARIO_ID }

let loaded: Loaded | null = null
let version = 0
let summaryCache: { version: number; summary: Summary } | null = null
const listeners = new Set<() => void>()

function changed(): void {
  version += 1
  for (const listener of [...listeners]) listener()
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function getVersion(): number {
  return version
}

export function current(): Loaded | null {
  return loaded
}

function requireLoaded(): Loaded {
  if (!loaded) throw new Error('kafkascope: no scenario is loaded')
  return loaded
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

/** Parse and start a scenario (a JSON string or an object) at simulated time 0. Throws on bad input. */
export function loadScenario(scenarioJson: unknown, seed?: number, builtInId: string | null = null): void {
  checkSeed(seed)
  const raw = typeof scenarioJson === 'string' ? (JSON.parse(scenarioJson) as unknown) : scenarioJson
  const scenario = parseScenario(raw)
  const runSeed = seed ?? scenario.seed
  const engine = createSimulation(scenario, { seed: runSeed })
  loaded = { engine, scenario, seed: runSeed, builtInId }
  changed()
}

export function loadBuiltIn(id: string, seed?: number): void {
  if (!isBuiltIn(id)) throw new Error(`kafkascope: unknown built-in scenario ${id}`)
  loadScenario(builtInScenarios[id], seed, id)
}

/** Run forward to `ms` (no-op when the simulation is already there). */
export function runUntil(ms: number): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new TypeError(`kafkascope: runUntil needs a time in ms (a number ≥ 0), got ${String(ms)}`)
  }
  requireLoaded().engine.runUntil(ms)
  changed()
}

/**
 * The page's "Run to" buttons: forward with runUntil; for an earlier time, start the same scenario
 * and seed again and run forward to it (the run is deterministic, so this is the same run).
 */
export function runTo(ms: number): void {
  const { engine, scenario, seed, builtInId } = requireLoaded()
  if (ms < engine.nowMs) {
    const fresh = createSimulation(scenario, { seed })
    loaded = { engine: fresh, scenario, seed, builtInId }
  }
  runUntil(ms)
}

/** The summary (CONTRACT §4) of the current state; made once per change. */
export function currentSummary(): Summary | null {
  if (!loaded) return null
  if (summaryCache?.version !== version) summaryCache = { version, summary: loaded.engine.summary() }
  return summaryCache.summary
}

export function installConsoleApi(): void {
  const api: KafkascopeConsoleApi = {
    nowMs: () => requireLoaded().engine.nowMs,
    traceHash: () => requireLoaded().engine.traceHash(),
    summary: () => requireLoaded().engine.summary(),
    runUntil: (ms: number) => runUntil(ms),
    load: (scenarioJson: unknown, seed?: number) => loadScenario(scenarioJson, seed),
  }
  window.__kafkascope = api
}
