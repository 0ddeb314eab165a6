// Sessions (CONTRACT §6): the current run as `{ version, scenario, seed, interventions, playheadMs }`,
// exported as a file, shared as a link (`#s=` + lz-string), kept in the address bar and in local
// storage so nothing is lost on reload. Opening one reproduces the run exactly and stops at the
// playhead. Bad input (a corrupt or truncated link or file, another version, a scenario that fails
// validation) throws SessionError with one clear message; the run the page had stays.

import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string'
import { ScenarioError } from '../../sim/index.ts'
import { parseSession, SESSION_VERSION, type Session } from '../../sim/scenario/session.ts'
import { builtInScenarios } from '../../sim/scenario/builtins.ts'
import { parseScenario } from '../../sim/index.ts'
import { advanceTo, current, publish, requireRun, startRun } from './engine-host.ts'
import { resetPlayback } from './playback.ts'

export type { Session }

export class SessionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SessionError'
  }
}

const STORAGE_KEY = 'kafkascope.session'
const LINK_PREFIX = '#s='

export function currentSession(): Session {
  const r = requireRun()
  return { version: SESSION_VERSION, scenario: r.scenario, seed: r.seed, interventions: r.interventions.slice(), playheadMs: r.sim.nowMs }
}

let builtInTexts: [string, string][] | null = null

/** The built-in scenario a session's scenario is, if any (so the picker can name it). */
function builtInIdOf(scenario: unknown): string | null {
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
      throw new SessionError('the session is not valid JSON (is the file or link complete?)')
    }
  }
  try {
    return parseSession(json)
  } catch (e) {
    if (e instanceof ScenarioError) throw new SessionError(`${e.path}: ${e.what}`)
    throw e
  }
}

/** Open a session: the same run, stopped at its playhead. Throws SessionError and keeps the run on bad input. */
export function openSession(input: unknown): void {
  const s = readSession(input)
  resetPlayback()
  startRun(s.base, s.seed, builtInIdOf(s.base), s.interventions)
  advanceTo(s.playheadMs)
  publish(true)
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
  if (!text) throw new SessionError('the link is damaged or cut short (its #s= part does not decompress)')
  return text
}

/** Keep the current session in the address bar and in local storage (called when the run changes). */
export function rememberSession(): void {
  if (!current()) return
  const session = currentSession()
  const json = JSON.stringify(session)
  try {
    localStorage.setItem(STORAGE_KEY, json)
  } catch {
    // storage full or unavailable: the address bar still has it
  }
  const link = sessionLink(session)
  if (link !== window.location.href) window.history.replaceState(null, '', link)
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
