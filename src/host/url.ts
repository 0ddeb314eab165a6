// Opening a run from the address bar: ?scenario=<built-in id>&seed=<n> (CONTRACT §6).

import { notify, errorMessage } from '../notices.ts'
import { builtInIds, DEFAULT_SCENARIO_ID, isBuiltIn, openBuiltIn } from './engine-host.ts'

export function startFromUrl(search: string): void {
  const params = new URLSearchParams(search)
  let id = params.get('scenario') ?? DEFAULT_SCENARIO_ID
  if (!isBuiltIn(id)) {
    const known = builtInIds().join(', ')
    notify({
      en: `There is no built-in scenario "${id}". Known scenarios: ${known}.`,
      ko: `"${id}"라는 내장 시나리오는 없습니다. 사용할 수 있는 시나리오: ${known}.`,
    })
    id = DEFAULT_SCENARIO_ID
  }
  let seed: number | undefined
  const seedText = params.get('seed')
  if (seedText !== null && seedText !== '') {
    const parsed = Number(seedText)
    if (Number.isSafeInteger(parsed)) seed = parsed
    else
      notify({
        en: `The seed "${seedText}" is not an integer; using the scenario's own seed.`,
        ko: `시드 "${seedText}"는 정수가 아니므로 시나리오의 기본 시드를 사용합니다.`,
      })
  }
  try {
    openBuiltIn(id, seed)
  } catch (error) {
    notify({ en: `The scenario could not be loaded: ${errorMessage(error)}`, ko: `시나리오를 불러올 수 없습니다: ${errorMessage(error)}` })
  }
}

/** Put the open run in the address bar, so a reload or a copied link opens it again. */
export function writeUrl(scenarioId: string, seed: number): void {
  const url = new URL(window.location.href)
  url.searchParams.set('scenario', scenarioId)
  url.searchParams.set('seed', String(seed))
  window.history.replaceState(null, '', url)
}
