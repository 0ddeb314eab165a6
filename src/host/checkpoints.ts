// Checkpoints for time travel: snapshots of the world (plain data, structuredClone) taken every
// `spacingMs` of simulated time as the run goes forward. A seek restores the nearest checkpoint at
// or before the target and runs forward from it: same seed, same events, the same run.
//
// Spacing adapts to the cost of a snapshot: a small cluster is snapshotted every 5 simulated
// seconds; a big one whose snapshot takes longer gets them further apart, so taking checkpoints
// stays a small share of playback.

import { restoreSimulation, type SimSnapshot, type Simulation } from '../../sim/index.ts'
import type { MetricSample } from './metrics.ts'

export interface Checkpoint {
  atMs: number
  /** events processed when it was taken */
  events: number
  /** the metric samples up to it (samples are never changed, so they are shared) */
  samples: readonly MetricSample[]
  world: SimSnapshot
}

const MIN_SPACING_MS = 5_000
const MAX_SPACING_MS = 60_000
/** a snapshot may take this share of the simulated time between two of them (in wall ms per sim ms) */
const COST_SHARE = 0.004

export class Checkpoints {
  readonly list: Checkpoint[] = []
  spacingMs = MIN_SPACING_MS
  /** total wall ms spent taking snapshots (for the benchmark) */
  costMs = 0

  /** The next simulated time a checkpoint is due. */
  nextDueMs(): number {
    const last = this.list[this.list.length - 1]
    return last ? last.atMs + this.spacingMs : 0
  }

  take(sim: Simulation, samples: readonly MetricSample[], now: () => number): void {
    const t0 = now()
    const world = sim.snapshot()
    const cost = now() - t0
    this.costMs += cost
    this.list.push({ atMs: sim.nowMs, events: sim.world.events, samples: samples.slice(), world })
    this.spacingMs = Math.min(MAX_SPACING_MS, Math.max(MIN_SPACING_MS, Math.ceil(cost / COST_SHARE / 1000) * 1000))
  }

  /** The latest checkpoint at or before `ms` (or with fewer than `events` events), if any. */
  before(ms: number, events = Infinity): Checkpoint | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const c = this.list[i]
      if (c.atMs <= ms && c.events < events) return c
    }
    return undefined
  }

  /** Forget checkpoints after `ms` (the run forked there). */
  dropAfter(ms: number): void {
    while (this.list.length > 0 && this.list[this.list.length - 1].atMs > ms) this.list.pop()
  }
}

/** A live simulation from a checkpoint (the checkpoint itself stays as it was). */
export function resume(c: Checkpoint): Simulation {
  return restoreSimulation(c.world)
}
