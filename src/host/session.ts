// Sessions (CONTRACT §6): the current run as `{ version, engine, scenario, seed, interventions, playheadMs }`,
// exported as a file, shared as a link (`#s=` + lz-string), kept in the address bar and in local
// storage so nothing is lost on reload. Opening one reproduces the run exactly and stops at the
// playhead, moving there one frame-sized slice at a time (opening.ts) so a long session never
// freezes the page and can be cancelled. Bad input (a corrupt or truncated link or file, another
// version, a scenario that fails validation, a playhead after the run's end) throws SessionError
// with one clear message (the field and what is wrong) before anything changes; the run the page
// had stays. While a session opens, the address bar and storage keep what they had. A session made
// by another engine version (or one that does not say) opens with a notice that its run may differ
// from the one that was shared (CONTRACT §7); one this engine made opens silently.

import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string'
import { ENGINE_VERSION, ScenarioError, parseSession, SESSION_VERSION, type Session, builtInScenarios, parseScenario } from '../../sim/index.ts'
import { notify } from '../notices.ts'
import { current, requireRun, startRun } from './engine-host.ts'
import { beginOpening, isOpening, type OpeningOutcome, type OpeningSource } from './opening.ts'
import type { Text } from '../i18n.ts'

export type { Session }

/** A session refused for what it holds; `text` says what is wrong in both languages. */
export class SessionError extends Error {
  readonly text: Text
  constructor(en: string, ko: string = en) {
    super(en)
    this.name = 'SessionError'
    this.text = { en, ko }
  }
}

const STORAGE_KEY = 'kafkascope.session'
const LINK_PREFIX = '#s='

export function currentSession(): Session {
  const r = requireRun()
  return { version: SESSION_VERSION, engine: ENGINE_VERSION, scenario: r.scenario, seed: r.seed, interventions: r.interventions.slice(), playheadMs: r.sim.nowMs }
}

let builtInTexts: [string, string][] | null = null

/** The built-in scenario a session's scenario is, if any (so the picker can name it). */
export function builtInIdOf(scenario: unknown): string | null {
  builtInTexts ??= Object.entries(builtInScenarios).map(([id, raw]) => [id, JSON.stringify(parseScenario(raw))])
  const text = JSON.stringify(scenario)
  return builtInTexts.find(([, t]) => t === text)?.[0] ?? null
}

/** Check a session (an object or JSON text) without touching the current run. */
export function readSession(input: unknown): ReturnType<typeof parseSession> {
  let json = input
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input)
    } catch {
      throw new SessionError('the session is not valid JSON (is the file or link complete?)', '세션이 올바른 JSON이 아닙니다 (파일이나 링크가 온전한가요?)')
    }
  }
  try {
    return parseSession(json)
  } catch (e) {
    if (e instanceof ScenarioError) throw new SessionError(`${e.path}: ${e.what}`)
    throw e
  }
}

/**
 * Open a session: the same run, stopped at its playhead. Throws SessionError and keeps the run on
 * bad input; otherwise the run moves to the playhead over as many frames as it takes, and the
 * promise says how the opening ended ('arrived', 'cancelled', 'replaced' or 'failed'). `fallback`
 * (at start-up, when there is no run to go back to) is what cancelling opens instead.
 */
export function openSession(
  input: unknown,
  source: OpeningSource = 'console',
  options: { fallback?: () => void; failed?: (error: unknown) => void } = {},
): Promise<OpeningOutcome> {
  const s = readSession(input)
  if (s.engineNotice) notify(s.engineNotice)
  return beginOpening({
    source,
    playheadMs: s.playheadMs,
    start: () => startRun(s.base, s.seed, builtInIdOf(s.base), s.interventions),
    fallback: options.fallback,
    failed: options.failed,
    ended: () => {
      // arrived: keep the new session; otherwise the run on the page again (or, while a start-up
      // fallback still opens, no link at all: it is remembered when that one arrives)
      if (isOpening()) forgetSessionLink()
      else rememberSession()
    },
  })
}

/** Take a `#s=` link out of the address bar (one that failed, so a reload does not open it again). */
export function forgetSessionLink(): void {
  const url = new URL(window.location.href)
  if (!url.hash) return
  url.hash = ''
  window.history.replaceState(null, '', url)
}

export function sessionLink(session: Session = currentSession(), base = window.location.href): string {
  const url = new URL(base)
  url.hash = LINK_PREFIX.slice(1) + compressToEncodedURIComponent(JSON.stringify(session))
  return url.toString()
}

/** The session in a `#s=` hash, as JSON text (throws SessionError when the link is damaged). */
export function sessionFromHash(hash: string): string | null {
  if (!hash.startsWith(LINK_PREFIX)) return null
  const text = decompressFromEncodedURIComponent(hash.slice(LINK_PREFIX.length))
  if (!text) throw new SessionError('the link is damaged or cut short (its #s= part does not decompress)', '링크가 손상되었거나 잘렸습니다 (#s= 부분의 압축을 풀 수 없습니다)')
  return text
}

/** Keep the current session in the address bar and in local storage (called when the run changes); false while a session opens. */
export function rememberSession(): boolean {
  if (!current() || isOpening()) return false
  const session = currentSession()
  const json = JSON.stringify(session)
  try {
    localStorage.setItem(STORAGE_KEY, json)
  } catch {
    // storage full or unavailable: the address bar still has it
  }
  const link = sessionLink(session)
  if (link !== window.location.href) window.history.replaceState(null, '', link)
  return true
}

export function storedSession(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

/** The session as a file the person saves. */
export function sessionFileText(): string {
  return JSON.stringify(currentSession(), null, 2) + '\n'
}
