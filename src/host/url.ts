// Opening a run from the address bar (CONTRACT §6): `#s=<session>` opens a shared session;
// `?scenario=<built-in id>&seed=<n>` a built-in scenario; with neither, the session the person had
// (local storage); else the default scenario. A damaged link is named in an alert and the session
// the person had is opened instead.

import { notify, errorMessage } from '../notices.ts'
import { builtInIds, DEFAULT_SCENARIO_ID, isBuiltIn, openBuiltIn } from './engine-host.ts'
import { openSession, sessionFromHash, storedSession } from './session.ts'

const BAD_LINK = (why: string) => ({
  en: `This link's session could not be opened: ${why}. Your previous session is shown instead.`,
  ko: `이 링크의 세션을 열 수 없습니다: ${why}. 이전 세션을 대신 보여 줍니다.`,
})

/** Open the session in a `#s=` hash; false (after an alert) when it is damaged or invalid. */
export function openHash(hash: string): boolean {
  try {
    const text = sessionFromHash(hash)
    if (text === null) return false
    openSession(text)
    return true
  } catch (error) {
    notify(BAD_LINK(errorMessage(error)))
    return false
  }
}

function openStored(): boolean {
  const text = storedSession()
  if (text === null) return false
  try {
    openSession(text)
    return true
  } catch {
    return false
  }
}

export function startFromUrl(search: string, hash = ''): void {
  if (hash.startsWith('#s=')) {
    if (openHash(hash) || openStored()) return
  }
  const params = new URLSearchParams(search)
  if (!params.has('scenario') && !params.has('seed') && !hash.startsWith('#s=') && openStored()) return
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
