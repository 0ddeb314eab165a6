// Opening a run from the address bar (CONTRACT §6): `#s=<session>` opens a shared session;
// `?scenario=<built-in id>&seed=<n>` a built-in scenario; with neither, the session the person had
// (local storage); else the default scenario. A refused link is named in an alert, taken out of
// the address bar (a reload must not open it again) and the session the person had is opened
// instead. `?serve=ws://…` then attaches to a running kafkascope serve (serve-link.ts). `?seed=` follows the one seed rule (sim/scenario/seed.ts): a seed it refuses is named in
// an alert and the scenario's own seed is used, and the address is corrected.

import { parseSeedText } from '../../sim/index.ts'
import { notify } from '../notices.ts'
import { builtInIds, current, DEFAULT_SCENARIO_ID, isBuiltIn, openBuiltIn } from './engine-host.ts'
import { addressSeedRefused, scenarioRefused, sessionRefused } from './refusals.ts'
import { forgetSessionLink, openSession, rememberSession, sessionFromHash, storedSession } from './session.ts'
import { connectServe } from './serve-link.ts'

/**
 * Open the session in a `#s=` hash; false (after an alert, with the link taken out of the address
 * bar) when it is damaged or invalid. `fallback`: at start-up, what cancelling opens instead.
 */
export function openHash(hash: string, fallback?: () => void): boolean {
  try {
    const text = sessionFromHash(hash)
    if (text === null) return false
    void openSession(text, 'link', { fallback, failed: (error) => notify(sessionRefused('link', error)) })
    return true
  } catch (error) {
    notify(sessionRefused('link', error))
    forgetSessionLink()
    rememberSession() // the run on the page, if there is one and it is not still opening
    return false
  }
}

/** Open the session kept in local storage (unless it is `except`); false when there is none or it is refused. */
function openStored(fallback: () => void, except?: string): boolean {
  const text = storedSession()
  if (text === null || text === except) return false
  try {
    void openSession(text, 'stored', { fallback, failed: (error) => notify(sessionRefused('stored', error)) })
    return true
  } catch {
    return false // a session an older kafkascope kept, say: the default scenario instead
  }
}

export function startFromUrl(search: string, hash = ''): void {
  openFromAddress(search, hash)
  // `?serve=ws://127.0.0.1:9091`: attach to a running kafkascope serve; its run replaces the one
  // just opened once it arrives (and when serve does not answer, that one stays)
  const serve = new URLSearchParams(search).get('serve')
  if (serve !== null) connectServe(serve)
}

function openFromAddress(search: string, hash: string): void {
  const params = new URLSearchParams(search)
  const fromParams = () => openFromParams(params)
  if (hash.startsWith('#s=')) {
    let linkText: string | null = null
    try {
      linkText = sessionFromHash(hash)
    } catch {
      // openHash says what is wrong with it
    }
    // cancelling the link's opening goes to the session the person had (if it is another one)
    const fallback = () => {
      if (!openStored(fromParams, linkText ?? undefined)) fromParams()
    }
    if (openHash(hash, fallback) || openStored(fromParams)) return
    return fromParams()
  }
  if (!params.has('scenario') && !params.has('seed') && openStored(fromParams)) return
  fromParams()
}

/** `?scenario=<id>&seed=<n>`, or the default scenario; what is refused is named and corrected in the address. */
function openFromParams(params: URLSearchParams): void {
  let id = params.get('scenario') ?? DEFAULT_SCENARIO_ID
  let corrected = false
  if (!isBuiltIn(id)) {
    const known = builtInIds().join(', ')
    notify({
      en: `There is no built-in scenario "${id}". Known scenarios: ${known}.`,
      ko: `"${id}"라는 내장 시나리오는 없습니다. 사용할 수 있는 시나리오: ${known}.`,
    })
    id = DEFAULT_SCENARIO_ID
    corrected = true
  }
  let seed: number | undefined
  let seedProblem: string | null = null
  const seedText = params.get('seed')
  if (seedText !== null && seedText !== '') {
    const parsed = parseSeedText(seedText)
    if ('seed' in parsed) seed = parsed.seed
    else seedProblem = parsed.problem
  }
  try {
    openBuiltIn(id, seed)
  } catch (error) {
    notify(scenarioRefused(error))
    return
  }
  const run = current()
  if (seedProblem !== null && run) {
    notify(addressSeedRefused(seedProblem, run.seed))
    corrected = true
  }
  if (corrected && run) writeUrl(id, run.seed)
}

/** Put the open run in the address bar, so a reload or a copied link opens it again. */
export function writeUrl(scenarioId: string, seed: number): void {
  const url = new URL(window.location.href)
  url.searchParams.set('scenario', scenarioId)
  url.searchParams.set('seed', String(seed))
  window.history.replaceState(null, '', url)
}
