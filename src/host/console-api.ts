// window.__kafkascope (CONTRACT §6): the console API for power users, also used by the browser
// tests. It drives the same host the page uses, so the page follows what the console does.

import type { Summary } from '../../sim/index.ts'
import { advanceTo, currentSummary, loadScenario, requireRun, publish } from './engine-host.ts'
import { resetPlayback } from './playback.ts'

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

function checkTime(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new TypeError(`kafkascope: runUntil needs a time in ms (a number ≥ 0), got ${String(ms)}`)
  }
  return ms
}

export function installConsoleApi(): void {
  window.__kafkascope = {
    nowMs: () => requireRun().sim.nowMs,
    traceHash: () => requireRun().sim.traceHash(),
    summary: () => currentSummary(),
    runUntil(ms: number) {
      const target = checkTime(ms)
      if (target > requireRun().sim.nowMs) advanceTo(target)
      publish(true)
    },
    load(scenarioJson: unknown, seed?: number) {
      loadScenario(scenarioJson, seed)
      resetPlayback()
    },
  }
}
