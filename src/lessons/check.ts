// Checks a lesson against its scenario, so a lesson never points at a moment the run does not
// have: the scenario parses, and every step's atMs / playUntilMs lies within the scenario's
// duration and moves forward from step to step (going back replays from the lesson's start).

import { parseScenario, builtInScenarios, type Scenario } from '../../sim/index.ts'
import type { Lesson } from './types.ts'

/** The scenario JSON a lesson runs on. */
export function lessonScenarioJson(lesson: Lesson): unknown {
  if ('builtIn' in lesson.scenario) {
    const json = builtInScenarios[lesson.scenario.builtIn]
    if (!json) throw new Error(`lesson ${lesson.id}: unknown built-in scenario ${lesson.scenario.builtIn}`)
    return json
  }
  return lesson.scenario.json
}

export function lessonScenario(lesson: Lesson): Scenario {
  return parseScenario(lessonScenarioJson(lesson))
}

/** Problems with a lesson's timing, as readable sentences (empty: the lesson is fine). */
export function lessonProblems(lesson: Lesson): string[] {
  const problems: string[] = []
  const scenario = lessonScenario(lesson)
  let t = lessonStartMs(lesson, scenario.durationMs)
  lesson.steps.forEach((step, i) => {
    for (const [name, ms] of [['atMs', step.atMs], ['playUntilMs', step.playUntilMs]] as const) {
      if (ms === undefined) continue
      if (ms > scenario.durationMs) problems.push(`step ${i + 1}: ${name} ${ms} is after the scenario's end ${scenario.durationMs}`)
      if (ms < t) problems.push(`step ${i + 1}: ${name} ${ms} goes back before ${t}`)
      t = Math.max(t, ms)
    }
    if (step.question && (step.question.answer < 0 || step.question.answer >= step.question.choices.length)) {
      problems.push(`step ${i + 1}: the answer is not one of the choices`)
    }
    if (step.question && step.playUntilMs === undefined) problems.push(`step ${i + 1}: a question without a moment to watch`)
  })
  return problems
}

/** Where the app opens a run: the KRaft quorum has a controller and the topics exist. */
export const OPENING_MS = 10_000

/**
 * Where a lesson's run stands before its first step: the opening time (the cluster is up), or
 * earlier when a step wants to show an earlier moment (e.g. the controller being elected).
 */
export function lessonStartMs(lesson: Lesson, durationMs: number): number {
  const moments = lesson.steps.flatMap((s) => [s.atMs, s.playUntilMs]).filter((ms): ms is number => ms !== undefined)
  return Math.min(OPENING_MS, durationMs, ...moments)
}
