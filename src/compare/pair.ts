// Two runs of one seed, A (the run on the page) and B (one setting flipped), as two separate
// simulations — never the page's own engine — that move together: both are always brought to the
// same simulated time, one sample step at a time, so their clocks stay locked.

import { createSimulation, mergeInterventions, type Scenario, type TimelineAction } from '../../sim/index.ts'
import { advanceRun, emptyTally, factsOf, SAMPLE_MS, type CompareRun, type RunFacts } from './facts.ts'
import { settingsFor, variantScenario, type SettingId, type SettingOption } from './variants.ts'

export interface ComparePair {
  setting: SettingOption
  seed: number
  durationMs: number
  a: CompareRun & { scenario: Scenario }
  b: CompareRun & { scenario: Scenario }
}

/** The run on the page, as the comparison needs it. */
export interface RunSource {
  scenario: Scenario
  seed: number
  interventions: readonly TimelineAction[]
}

export function createPair(source: RunSource, id: SettingId): ComparePair {
  const scenarioA = mergeInterventions(source.scenario, source.interventions)
  const setting = settingsFor(scenarioA).find((s) => s.id === id)
  if (!setting) throw new Error(`kafkascope: this scenario has nothing to compare with ${id}`)
  const scenarioB = variantScenario(scenarioA, id)
  const run = (scenario: Scenario) => ({ scenario, sim: createSimulation(scenario, { seed: source.seed }), tally: emptyTally() })
  return { setting, seed: source.seed, durationMs: scenarioA.durationMs, a: run(scenarioA), b: run(scenarioB) }
}

/** The common time of both runs. */
export function pairNow(pair: ComparePair): number {
  return Math.min(pair.a.sim.nowMs, pair.b.sim.nowMs)
}

/**
 * Bring both runs to `ms` (forward only), in steps of one sample so that neither gets ahead. With
 * a wall budget it stops once the budget is spent and returns false; the next call goes on.
 */
export function advancePair(pair: ComparePair, ms: number, budget?: { now: () => number; untilWall: number }): boolean {
  const target = Math.min(ms, pair.durationMs)
  while (pairNow(pair) < target) {
    const now = pairNow(pair)
    const t = Math.min(target, (Math.floor(now / SAMPLE_MS) + 1) * SAMPLE_MS)
    advanceRun(pair.a, t)
    advanceRun(pair.b, t)
    if (budget && budget.now() > budget.untilWall && pairNow(pair) < target) return false
  }
  return true
}

/** Both runs' facts now (runs the checkers on both: call it a few times a second at most). */
export function pairFacts(pair: ComparePair): { a: RunFacts; b: RunFacts } {
  return { a: factsOf(pair.a.sim.summary(), pair.a.tally), b: factsOf(pair.b.sim.summary(), pair.b.tally) }
}
