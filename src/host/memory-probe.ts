// window.__kafkascope.memory(): what the run holds besides its world, against its budgets, for
// the soak script (bench/soak.ts), the bounded-memory browser test and anyone curious in the
// console. Kept apart from console-api.ts; main.tsx installs it after the console API.

import { current } from './engine-host.ts'

export interface MemoryFigures {
  /** simulated time now */
  nowMs: number
  checkpoints: number
  checkpointBudget: number
  /** metric samples kept (the whole run's, also those ahead of the playhead) */
  samples: number
  sampleBudget: number
  /** simulated ms between two samples (doubles when the series is full) */
  sampleIntervalMs: number
}

declare module './console-api.ts' {
  interface KafkascopeConsoleApi {
    /** checkpoints and metric samples the run keeps, and their budgets */
    memory?(): MemoryFigures | null
  }
}

export function memoryFigures(): MemoryFigures | null {
  const r = current()
  if (!r) return null
  return {
    nowMs: r.sim.nowMs,
    checkpoints: r.checkpoints.list.length,
    checkpointBudget: r.checkpoints.budget,
    samples: r.metrics.samples.length,
    sampleBudget: r.metrics.budget,
    sampleIntervalMs: r.metrics.intervalMs,
  }
}

/** Add memory() to window.__kafkascope (after installConsoleApi). */
export function installMemoryProbe(): void {
  if (window.__kafkascope) window.__kafkascope.memory = memoryFigures
}
