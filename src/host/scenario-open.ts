// Opening a plain scenario (CONTRACT §3) as the page's run: one the builder made, or a scenario
// file imported with the toolbar's Import. It opens like a built-in scenario does: at the opening
// time, when the cluster is up, playback stopped. The run's session then carries the scenario
// (share links, export and reload open it again); the address loses its `?scenario=` so the `#s=`
// session is what a copied address opens. A built-in scenario, unchanged, is named as such.
//
// Import tells a session from a scenario by its `version` field (a session has one; a scenario
// file's schema has no such field) and refuses anything else with one alert naming the problem;
// the run on the page stays.

import { parseScenario, parseScenarioText, ScenarioError, type Scenario } from '../../sim/index.ts'
import type { Text } from '../i18n.ts'
import { notify } from '../notices.ts'
import { advanceTo, OPENING_MS, requireRun, startRun } from './engine-host.ts'
import { resetPlayback } from './playback.ts'
import { builtInIdOf, openSession } from './session.ts'
import { scenarioRefused, sessionRefused } from './refusals.ts'

/** Start `scenario` (already parsed) as the page's run, with its own seed unless told another, at the opening time. */
export function openScenario(scenario: Scenario, seed: number = scenario.seed): void {
  resetPlayback()
  startRun(scenario, seed, builtInIdOf(scenario), [])
  advanceTo(Math.min(OPENING_MS, requireRun().scenario.durationMs))
  const url = new URL(window.location.href)
  if (url.search !== '') {
    url.search = ''
    window.history.replaceState(null, '', url)
  }
}

/** Start the page's scenario again with another seed (Reset, for a scenario that is not a built-in). */
export function restartScenario(seed: number): void {
  openScenario(requireRun().scenario, seed)
}

/** Parse scenario JSON (an object) and open it; throws ScenarioError (and keeps the run) when it is refused. */
export function openScenarioJson(json: unknown): Scenario {
  const scenario = parseScenario(json)
  openScenario(scenario)
  return scenario
}

/** What a file holds: a session (it has `version`), a scenario, or text that is not JSON. */
export type FileKind = { kind: 'session'; json: unknown } | { kind: 'scenario'; json: unknown } | { kind: 'notJson'; problem: string }

export function fileKind(text: string): FileKind {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    try {
      parseScenarioText(body)
    } catch (e) {
      return { kind: 'notJson', problem: e instanceof ScenarioError ? e.what : String(e) }
    }
    return { kind: 'notJson', problem: 'not JSON' }
  }
  const isSession = typeof json === 'object' && json !== null && !Array.isArray(json) && 'version' in json
  return isSession ? { kind: 'session', json } : { kind: 'scenario', json }
}

/** The alert for a file that is neither a session nor a scenario. */
export function fileRefused(problem: string): Text {
  return {
    en: `This file could not be opened: it is not valid JSON (${problem}). Import opens a session file or a scenario file. Your session is unchanged.`,
    ko: `이 파일을 열 수 없습니다: 올바른 JSON이 아닙니다 (${problem}). 가져오기는 세션 파일이나 시나리오 파일을 엽니다. 지금 세션은 그대로입니다.`,
  }
}

/** Import: open a session file at its playhead, or a scenario file at its start; one alert when it is refused. */
export function importFileText(text: string): void {
  const file = fileKind(text)
  if (file.kind === 'notJson') return notify(fileRefused(file.problem))
  if (file.kind === 'session') {
    const refused = (error: unknown) => notify(sessionRefused('file', error))
    try {
      // a long session opens over many frames (with a progress bar and Cancel)
      void openSession(file.json, 'file', { failed: refused })
    } catch (error) {
      refused(error)
    }
    return
  }
  try {
    openScenarioJson(file.json)
  } catch (error) {
    const refused = scenarioRefused(error)
    notify({
      en: `${refused.en.replace(/^The scenario/, 'The scenario file')} Your session is unchanged.`,
      ko: `${refused.ko.replace(/^시나리오를/, '시나리오 파일을')} 지금 세션은 그대로입니다.`,
    })
  }
}
