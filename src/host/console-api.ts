// window.__kafkascope (CONTRACT §6): the console API for power users, also used by the browser
// tests. It drives the same host the page uses, so the page follows what the console does.

import { seedProblem, type Summary } from '../../sim/index.ts'
import { advanceTo, currentSummary, loadScenario, requireRun, publish } from './engine-host.ts'
import { resetPlayback, seek } from './playback.ts'
import { currentSession, openSession, type Session } from './session.ts'
import { LESSON_CATALOG } from '../lessons/catalog.ts'

export interface ListedLesson {
  id: string
  title: { ko: string; en: string }
}

export interface KafkascopeConsoleApi {
  nowMs(): number
  traceHash(): string
  summary(): Summary
  /** run forward to `ms`, at most to the scenario's end */
  runUntil(ms: number): void
  /** move the run to `ms`, backwards too (time travel), at most to the scenario's end */
  seek(ms: number): void
  load(scenarioJson: unknown, seed?: number): void
  /** the current session (CONTRACT §6) */
  session(): Session
  /** open a session (an object or JSON text), stopped at its playhead */
  openSession(session: unknown): void
  /** the guided lessons, by id and title (their steps load on demand; the list is always at hand) */
  lessons(): ListedLesson[]
}

declare global {
  interface Window {
    __kafkascope?: KafkascopeConsoleApi
  }
}

function checkTime(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new TypeError(`kafkascope: a time in ms (a number ≥ 0) is needed, got ${String(ms)}`)
  }
  return ms
}

export function installConsoleApi(): void {
  window.__kafkascope = {
    nowMs: () => requireRun().sim.nowMs,
    traceHash: () => requireRun().sim.traceHash(),
    summary: () => currentSummary(),
    runUntil(ms: number) {
      const r = requireRun()
      const target = Math.min(checkTime(ms), r.scenario.durationMs)
      if (target > r.sim.nowMs) advanceTo(target)
      publish(true)
    },
    seek(ms: number) {
      seek(Math.min(checkTime(ms), requireRun().scenario.durationMs))
    },
    load(scenarioJson: unknown, seed?: number) {
      // the one seed rule (sim/scenario/seed.ts), in its own words
      const problem = seed === undefined ? null : seedProblem(seed)
      if (problem !== null) throw new RangeError(`kafkascope: ${problem}`)
      loadScenario(scenarioJson, seed)
      resetPlayback()
    },
    session: () => structuredClone(currentSession()),
    openSession: (session: unknown) => openSession(session),
    lessons: () => LESSON_CATALOG.map((l) => ({ id: l.id, title: { ko: l.title.ko, en: l.title.en } })),
  }
}
