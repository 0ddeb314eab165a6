// Checkpoints for time travel: snapshots of the world (plain data, sim/nodes/snapshot.ts) taken as the
// run goes forward. A seek restores the nearest checkpoint at or before the target and runs forward
// from it: same seed, same events, the same run.
//
// A fixed budget (CHECKPOINT_BUDGET) bounds their memory however long the run: they are dense near
// the playhead and thinned exponentially further away. When one more is taken than the budget
// allows, the one dropped is the one whose removal leaves the smallest gap relative to its distance
// from the playhead (the newest checkpoint while playing on); the earliest is always kept. So a
// seek costs a replay at most about proportional to how far it goes, and stepping back near the
// playhead stays cheap.
//
// When they are taken: while the run goes past the newest checkpoint, every `spacingMs`; elsewhere
// (replaying a stretch the run has been through) only near where the move ends, `spacingMs` before
// it, so one long seek takes one checkpoint, not one per `spacingMs` it crosses. After any move
// the latest checkpoint at or before the playhead is at most about `spacingMs` back.
//
// Spacing follows the work a seek would replay: about EVENTS_PER_CHECKPOINT events apart, at the
// event rate of the stretch just played (a quiet 3-broker lesson every ~10 simulated seconds), and
// never so close that taking them costs more than a small share of playback (the benchmark
// cluster's 14 ms snapshot puts its checkpoints 3-4 s apart rather than every second).

import { restoreSimulation, snapshotBytes, type SimSnapshot, type Simulation } from '../../sim/index.ts'

export interface Checkpoint {
  atMs: number
  /** events processed when it was taken */
  events: number
  world: SimSnapshot
  /** about how much memory the snapshot holds of its own (snapshotBytes; 0 when not weighed) */
  bytes?: number
}

/** At most this many checkpoints are kept (a 10-minute run keeps every one it takes). */
export const CHECKPOINT_BUDGET = 256
/**
 * And at most about this much memory (snapshotBytes): a big cluster's snapshot holds a few MB of
 * its own (the benchmark cluster's about 1.6 MB), so its checkpoints thin out sooner (seeks replay
 * more, memory stays).
 */
export const CHECKPOINT_BYTES_BUDGET = 256 * 1024 * 1024

/** How far apart the first checkpoints are, before the run's event rate is known. */
export const FIRST_SPACING_MS = 5_000
const MIN_SPACING_MS = 1_000
const MAX_SPACING_MS = 60_000
/** A seek replays at most about this many events (a few tens of ms) when the budgets allow. */
export const EVENTS_PER_CHECKPOINT = 4_000
/** a snapshot may take this share of the simulated time between two of them (in wall ms per sim ms) */
const COST_SHARE = 0.004

export class Checkpoints {
  /** in time order */
  readonly list: Checkpoint[] = []
  spacingMs = FIRST_SPACING_MS
  /** total wall ms spent taking snapshots (for the benchmark) */
  costMs = 0

  constructor(readonly budget = CHECKPOINT_BUDGET) {
    if (!(budget >= 2)) throw new RangeError('kafkascope: a checkpoint budget of at least 2 is needed')
  }

  /**
   * When the next checkpoint is due, for a run now at `nowMs` going to `targetMs`: `spacingMs`
   * after the latest one at or before now. Inside a stretch already covered (there are checkpoints
   * ahead), no earlier than `spacingMs` before the target and never at the target itself (Infinity:
   * none due on this move).
   */
  nextDueMs(nowMs: number, targetMs: number): number {
    const prev = this.before(nowMs)
    if (!prev) return nowMs
    const due = prev.atMs + this.spacingMs
    if (prev === this.list[this.list.length - 1]) return due
    const nearTarget = Math.max(due, targetMs - this.spacingMs)
    return nearTarget < targetMs ? nearTarget : Infinity
  }

  /** Snapshot the run now (it must have processed every event up to its time). */
  take(sim: Simulation, now: () => number): void {
    const t0 = now()
    const world = sim.snapshot()
    const cost = now() - t0
    this.costMs += cost
    const prev = this.before(sim.nowMs - 1)
    this.add({ atMs: sim.nowMs, events: sim.world.events, world, bytes: snapshotBytes(world) }, sim.nowMs)
    this.spacingMs = spacingFor(cost, prev ? sim.world.events - prev.events : 0, prev ? sim.nowMs - prev.atMs : 0)
  }

  /**
   * Keep `c` (replacing one at the same time), then thin the list to the budget around
   * `playheadMs`. `c` itself stays: the run goes on from it (and a checkpoint is due again only
   * `spacingMs` after it).
   */
  add(c: Checkpoint, playheadMs: number): void {
    let i = this.list.length
    while (i > 0 && this.list[i - 1].atMs > c.atMs) i--
    if (i > 0 && this.list[i - 1].atMs === c.atMs) this.list[i - 1] = c
    else this.list.splice(i, 0, c)
    while (this.list.length > this.budget || (this.list.length > 2 && this.bytes() > CHECKPOINT_BYTES_BUDGET)) {
      this.list.splice(leastNeeded(this.list, playheadMs, this.list.indexOf(c)), 1)
    }
  }

  /** About how much memory the checkpoints hold (snapshotBytes of each). */
  bytes(): number {
    let total = 0
    for (const c of this.list) total += c.bytes ?? 0
    return total
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

/**
 * The spacing after a checkpoint that cost `costMs` of wall time, `events` events and `ms` after
 * the one before it: EVENTS_PER_CHECKPOINT events at that rate (the first spacing while none is
 * known), no closer than the snapshot's cost allows, in whole simulated seconds.
 */
export function spacingFor(costMs: number, events: number, ms: number): number {
  const byEvents = events > 0 && ms > 0 ? (EVENTS_PER_CHECKPOINT * ms) / events : FIRST_SPACING_MS
  const byCost = costMs / COST_SHARE
  const spacing = Math.ceil(Math.max(byEvents, byCost) / 1000) * 1000
  return Math.min(MAX_SPACING_MS, Math.max(MIN_SPACING_MS, spacing))
}

/**
 * The index of the checkpoint to drop: the one whose removal leaves the smallest gap between its
 * neighbours relative to its distance from the playhead (ties: the earlier). Never the earliest,
 * so a seek never has to start the run again, nor the one at index `keep`. `list` is in time order
 * and has at least 3 entries.
 */
export function leastNeeded(list: readonly { atMs: number }[], playheadMs: number, keep = -1): number {
  let best = -1
  let bestScore = Infinity
  for (let i = 1; i < list.length; i++) {
    if (i === keep) continue
    const next = i + 1 < list.length ? list[i + 1].atMs : list[i].atMs
    const gap = next - list[i - 1].atMs
    const score = gap / Math.max(1, Math.abs(playheadMs - list[i].atMs))
    if (best < 0 || score < bestScore) {
      bestScore = score
      best = i
    }
  }
  return best
}

/** A live simulation from a checkpoint (the checkpoint itself stays as it was). */
export function resume(c: Checkpoint): Simulation {
  return restoreSimulation(c.world)
}
