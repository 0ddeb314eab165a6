/**
 * A scenario's name and description in the learner's language: the file's `ko` block in Korean,
 * its `name` and `description` otherwise (and, field by field, when the file has no Korean text). Built-in scenarios
 * can be named without parsing them, for menus.
 */
import { builtInScenarios } from './builtins.ts'
import type { Scenario, ScenarioText } from './types.ts'

export type ScenarioLang = 'en' | 'ko'

export function scenarioText(scenario: Pick<Scenario, 'name' | 'description' | 'ko'>, lang: ScenarioLang): ScenarioText {
  if (lang === 'ko' && scenario.ko) return { name: scenario.ko.name, description: scenario.ko.description || scenario.description }
  return { name: scenario.name, description: scenario.description }
}

function field(raw: unknown, key: string): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined
}

/** A built-in scenario's name in the language (its id when the file has no name). */
export function builtInName(id: string, lang: ScenarioLang): string {
  const raw = Object.prototype.hasOwnProperty.call(builtInScenarios, id) ? builtInScenarios[id] : undefined
  const en = field(raw, 'name')
  const ko = field(field(raw, 'ko'), 'name')
  if (lang === 'ko' && typeof ko === 'string') return ko
  return typeof en === 'string' ? en : id
}
