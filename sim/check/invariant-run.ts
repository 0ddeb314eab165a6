/**
 * Running a simulation with the state invariants (check/invariants.ts) checked after every event:
 * the loop is runUntil's (run.ts), one step() at a time, and it stops at the first event after which
 * an invariant is broken. The checks only read the world, so the run (its trace hash, its summary)
 * is exactly the run without them.
 */
import type { World } from '../nodes/world.ts'
import { peekStep, type NextStep } from '../run.ts'
import { checkInvariants, newInvariantState, type InvariantState, type InvariantViolation } from './invariants.ts'

/** The part of a Simulation (sim/index.ts) the loop drives. */
export interface Steppable {
  step(): boolean
  nextEventMs(): number
  runUntil(timeMs: number): void
  readonly world: World
}

/** The first event after which some invariant was broken. */
export interface InvariantBreak {
  /** the event: its time, node and API, timer or timeline action */
  event: NextStep
  /** its number in the run (World.events after it) */
  eventNumber: number
  violations: InvariantViolation[]
}

/**
 * Run to `untilMs` as runUntil does, checking after every event. Returns the first break, with the
 * simulation stopped right after that event; null when none, the simulation then at `untilMs`.
 */
export function runCheckingInvariants(sim: Steppable, untilMs: number, state: InvariantState = newInvariantState()): InvariantBreak | null {
  while (sim.nextEventMs() <= untilMs) {
    const event = peekStep(sim.world)
    if (event === null) break
    sim.step()
    const violations = checkInvariants(sim.world, state, event.timeline ? null : event.node)
    if (violations.length > 0) return { event, eventNumber: sim.world.events, violations }
  }
  sim.runUntil(untilMs)
  return null
}
