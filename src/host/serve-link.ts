// The app attached to a running `kafkascope serve` (cli/serve/watch.ts is the other end): a
// WebSocket on loopback over which the app keeps a replica of the served run. The served run's
// inputs (real clients' requests, people's faults) are its interventions, so the replica is the
// same deterministic run: it starts from the session serve sends on connect, appends each input
// as it comes, and follows the served clock without ever running past it (engine-host's live
// link: the horizon), so each input is applied at its time before the run moves beyond it.
//
// Frames (JSON text; they mirror cli/serve/watch.ts):
//   serve → app  {type:'session', session} once, {type:'input', action}, {type:'clock', nowMs},
//                {type:'refused', message}
//   app → serve  {type:'intervene', action}
//
// While attached, what a person does to the cluster (engine-host's act: crash a broker, cut a link)
// is checked here as a scenario action would be, then sent to serve, which applies it at the
// served cluster's present and sends it back as an input; a refusal becomes a notice. Acting is
// possible only while following live: the past shown after a pause or a seek is the served run's
// past, which nobody can change. Playback follows live (host/playback.ts); pausing or seeking shows
// the past, and "Back to live" returns. When serve stops, the run stays on the page to replay,
// share or export; opening another run leaves serve. A bad address or a serve that does not
// answer gives one alert, and the run on the page stays.

import type { ActionInput, TimelineAction } from '../../sim/index.ts'
import { formatSimTime, type Text } from '../i18n.ts'
import { notify } from '../notices.ts'
import { useServeLink } from '../store/serve-store.ts'
import { useSim } from '../store/sim-store.ts'
import { current, setLiveLink, startRun, type Run } from './engine-host.ts'
import { beginOpening, isOpening, type OpeningOutcome } from './opening.ts'
import { backToLive, isFollowingLive, pause, setLiveEdge } from './playback.ts'
import { inputProblem } from './refusals.ts'
import { builtInIdOf, readSession } from './session.ts'

export const DEFAULT_SERVE_URL = 'ws://127.0.0.1:9091'

/** What the app needs of a WebSocket (the browser's; in Node tests, the `ws` package's). */
export interface SocketLike {
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((e: unknown) => void) | null
  onmessage: ((e: { data: unknown }) => void) | null
  onclose: ((e: { code: number; reason: string }) => void) | null
  onerror: ((e: unknown) => void) | null
}

type SocketFactory = (url: string) => SocketLike

let openSocket: SocketFactory = (url) => new WebSocket(url) as unknown as SocketLike

/** Tests in Node hand in another WebSocket (the `ws` package's). */
export function setSocketFactory(factory: SocketFactory): void {
  openSocket = factory
}

/** How long a serve may take to answer with its session before the app gives up. */
const CONNECT_TIMEOUT_MS = 10_000

interface Link {
  socket: SocketLike
  url: string
  /** the replica, once the session arrived */
  run: Run | null
  /** the served clock, as far as heard (inputs and clock frames) */
  servedMs: number
  lastInputMs: number
  /** the served run's scenario end (the replica goes no further) */
  durationMs: number
  /** the served run is being caught up with (beginOpening) */
  opening: boolean
  timeout: ReturnType<typeof setTimeout> | null
}

let link: Link | null = null

export const T = {
  badUrl: (url: string): Text => ({
    en: `"${url}" is not a WebSocket address like ${DEFAULT_SERVE_URL} (kafkascope serve prints its address). Your run is unchanged.`,
    ko: `"${url}"은(는) ${DEFAULT_SERVE_URL} 같은 WebSocket 주소가 아닙니다 (kafkascope serve가 주소를 출력합니다). 지금 실행은 그대로입니다.`,
  }),
  unreachable: (url: string): Text => ({
    en: `Could not connect to kafkascope serve at ${url}. Is it running (kafkascope serve prints "watch it in the app")? Your run is unchanged.`,
    ko: `${url}의 kafkascope serve에 연결하지 못했습니다. 실행 중인가요 (kafkascope serve가 "watch it in the app" 줄을 출력합니다)? 지금 실행은 그대로입니다.`,
  }),
  stopped: (url: string, atMs: number): Text => ({
    en: `kafkascope serve at ${url} stopped (the connection closed). The run stays here as it was served, up to ${formatSimTime(atMs)}: replay it, share it or export it.`,
    ko: `${url}의 kafkascope serve가 멈췄습니다 (연결이 끊겼습니다). 실행은 ${formatSimTime(atMs)}까지 받은 그대로 남아 있습니다. 다시 보거나 공유하거나 내보낼 수 있습니다.`,
  }),
  broken: (url: string, what: string): Text => ({
    en: `kafkascope serve at ${url} sent something the app cannot follow (${what}); the app left it. The run stays here as it was served.`,
    ko: `${url}의 kafkascope serve가 앱이 따라갈 수 없는 내용을 보냈습니다 (${what}). 연결을 끊었습니다. 실행은 받은 그대로 남아 있습니다.`,
  }),
  refused: (message: string): Text => ({
    en: `kafkascope serve refused it: ${message}`,
    ko: `kafkascope serve가 거부했습니다: ${message}`,
  }),
  notLive: (nowMs: number, servedMs: number): Text => ({
    en: `You are looking at ${formatSimTime(nowMs)} of the served run; the served cluster is at ${formatSimTime(servedMs)}. A fault applies to the served cluster now: press "Back to live" first.`,
    ko: `지금 보고 있는 것은 serve 실행의 ${formatSimTime(nowMs)} 시점이고, serve 클러스터는 ${formatSimTime(servedMs)}에 있습니다. 장애는 serve 클러스터의 현재에 적용됩니다. 먼저 "실시간으로"를 누르세요.`,
  }),
  atLiveEdge: {
    en: 'This is the served cluster\'s present: what happens next has not happened yet.',
    ko: 'serve 클러스터의 현재 시점입니다. 다음 일은 아직 일어나지 않았습니다.',
  } as Text,
  left: (url: string): Text => ({
    en: `You opened another run, so the app left kafkascope serve at ${url} (serve goes on).`,
    ko: `다른 실행을 열어서 ${url}의 kafkascope serve와의 연결을 끊었습니다 (serve는 계속 실행됩니다).`,
  }),
}

/** The address as a WebSocket URL, or null when it is not one. */
export function serveAddress(text: string): string | null {
  const trimmed = text.trim()
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null
  if (url.username || url.password || url.search || url.hash) return null
  return trimmed.replace(/\/$/, '')
}

/** Whether the page is attached to a serve (connecting or live). */
export function serveAttached(): boolean {
  return link !== null
}

/**
 * Attach to the serve at `address`: the served run replaces the page's run once its session
 * arrives. False (after one alert, the run on the page untouched) when the address is not a
 * WebSocket address; an unreachable serve is told when the connection fails.
 */
export function connectServe(address: string): boolean {
  const url = serveAddress(address)
  if (url === null) {
    notify(T.badUrl(address))
    forgetServeParam()
    return false
  }
  leave()
  let socket: SocketLike
  try {
    socket = openSocket(url)
  } catch {
    notify(T.unreachable(url))
    forgetServeParam()
    return false
  }
  const l: Link = { socket, url, run: null, servedMs: 0, lastInputMs: 0, durationMs: Infinity, opening: false, timeout: null }
  link = l
  useServeLink.setState({ status: 'connecting', url, servedMs: 0, pastEnd: false, formOpen: false, stopped: false })
  l.timeout = setTimeout(() => {
    if (link === l && l.run === null) {
      l.socket.onclose = null
      l.socket.close()
      failed(l)
    }
  }, CONNECT_TIMEOUT_MS)
  socket.onmessage = (e) => {
    if (link !== l) return
    try {
      receive(l, JSON.parse(typeof e.data === 'string' ? e.data : String(e.data)) as unknown)
    } catch (error) {
      broken(l, error instanceof Error ? error.message : String(error))
    }
  }
  socket.onerror = () => {} // onclose follows and says what happened
  socket.onclose = () => {
    if (link !== l) return
    if (l.run === null) failed(l)
    else closed(l)
  }
  return true
}

/** Leave serve (the Disconnect button): the run stays on the page. */
export function disconnectServe(): void {
  const l = link
  if (!l) return
  const hadRun = l.run !== null
  leave()
  useServeLink.setState({ status: hadRun ? 'closed' : 'off', closedAtMs: Math.min(l.servedMs, l.durationMs), stopped: false })
  forgetServeParam()
}

/** Close the link without a word (another connection, another run, Disconnect). */
function leave(): void {
  const l = link
  if (!l) return
  detach(l)
  l.socket.onclose = null
  l.socket.onmessage = null
  try {
    l.socket.close(1000, 'the app left')
  } catch {
    // already closed
  }
}

function detach(l: Link): void {
  if (l.timeout !== null) clearTimeout(l.timeout)
  if (link === l) link = null
  setLiveLink(null)
  setLiveEdge(null)
}

/** The connection failed before the served run arrived: one alert; the page keeps its run. */
function failed(l: Link): void {
  detach(l)
  useServeLink.setState({ status: 'off' })
  notify(T.unreachable(l.url))
  forgetServeParam()
}

/** serve stopped: the replica stays, a run like any other now. */
function closed(l: Link): void {
  const wasPlaying = isFollowingLive()
  detach(l)
  if (wasPlaying) pause()
  // the status line says it (role=status): no alert on top
  useServeLink.setState({ status: 'closed', closedAtMs: Math.min(l.servedMs, l.durationMs), stopped: true })
  forgetServeParam()
}

function broken(l: Link, what: string): void {
  const hadRun = l.run !== null
  leave()
  if (isFollowingLive()) pause()
  useServeLink.setState({ status: hadRun ? 'closed' : 'off' })
  notify(hadRun ? T.broken(l.url, what) : T.unreachable(l.url))
  forgetServeParam()
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0

/** One frame from serve, in order. Throws on what the app cannot follow (the link is then left). */
function receive(l: Link, frame: unknown): void {
  if (!isRecord(frame)) throw new Error('a frame that is not an object')
  switch (frame.type) {
    case 'session':
      if (l.run !== null) throw new Error('a second session')
      return startReplica(l, frame.session)
    case 'input': {
      const a = frame.action
      if (!isRecord(a) || typeof a.action !== 'string' || !isTime(a.atMs)) throw new Error('an input that is not a timeline action')
      if (l.run === null) throw new Error('an input before the session')
      if (a.atMs < l.lastInputMs || a.atMs < l.run.sim.nowMs) throw new Error(`an input at ${a.atMs} ms, before the run's time`)
      l.lastInputMs = a.atMs
      if (a.atMs > l.durationMs) return pastEnd(l)
      l.run.interventions.push(a as unknown as TimelineAction)
      return heard(l, a.atMs)
    }
    case 'clock':
      if (!isTime(frame.nowMs)) throw new Error('a clock without a time')
      return heard(l, frame.nowMs)
    case 'refused':
      notify(T.refused(typeof frame.message === 'string' ? frame.message : String(frame.message)))
      return
    default:
      throw new Error(`a frame of type ${JSON.stringify(frame.type)}`)
  }
}

/** The served clock moved (never backwards); the replica may follow it up to the scenario's end. */
function heard(l: Link, ms: number): void {
  if (ms <= l.servedMs) return
  l.servedMs = ms
  if (ms > l.durationMs) return pastEnd(l)
  // the toolbar's status shows it; publishing it at most every 100 ms of served time keeps React calm
  if (ms - useServeLink.getState().servedMs >= 100 || useServeLink.getState().status !== 'live') useServeLink.setState({ servedMs: ms })
}

function pastEnd(l: Link): void {
  l.servedMs = Math.max(l.servedMs, l.durationMs)
  if (!useServeLink.getState().pastEnd) useServeLink.setState({ pastEnd: true, servedMs: l.durationMs })
}

/** The session serve sent on connect: a run of its own that opens at the served time. */
function startReplica(l: Link, raw: unknown): void {
  if (!isRecord(raw) || !isRecord(raw.scenario)) throw new Error('a session without a scenario')
  const durationMs = typeof raw.scenario.durationMs === 'number' ? raw.scenario.durationMs : Infinity
  const served = isTime(raw.playheadMs) ? raw.playheadMs : 0
  // the served run may be past its scenario's end; the app shows it up to there
  const inputs = Array.isArray(raw.interventions) ? raw.interventions : []
  const within = inputs.filter((a) => isRecord(a) && isTime(a.atMs) && a.atMs <= durationMs)
  let session
  try {
    session = readSession({ ...raw, interventions: within, playheadMs: Math.min(served, durationMs) })
  } catch (error) {
    throw new Error(inputProblem(error)?.en ?? String(error))
  }
  l.durationMs = session.base.durationMs
  l.servedMs = served
  l.lastInputMs = inputs.reduce<number>((m, a) => (isRecord(a) && isTime(a.atMs) ? Math.max(m, a.atMs) : m), 0)
  if (l.timeout !== null) clearTimeout(l.timeout)
  l.timeout = null
  useServeLink.setState({ servedMs: Math.min(served, session.base.durationMs), pastEnd: served > session.base.durationMs })
  l.opening = true
  void beginOpening({
    source: 'serve',
    playheadMs: session.playheadMs,
    start: () => {
      startRun(session.base, session.seed, builtInIdOf(session.base), session.interventions)
      const run = current()!
      l.run = run
      setLiveLink({
        run,
        horizonMs: () => Math.min(l.servedMs, l.durationMs),
        atHorizon: () => notify(T.atLiveEdge),
        act: (action) => intervene(l, action),
      })
    },
    ended: (outcome: OpeningOutcome) => {
      l.opening = false
      if (link !== l) return
      if (outcome !== 'arrived') {
        leave()
        useServeLink.setState({ status: 'off' })
        forgetServeParam()
        return
      }
      setLiveEdge(() => Math.min(l.servedMs, l.durationMs))
      useServeLink.setState({ status: 'live', servedMs: Math.min(l.servedMs, l.durationMs) })
      backToLive()
    },
  }).catch((error: unknown) => {
    if (link === l) broken(l, error instanceof Error ? error.message : String(error))
  })
}

/** A person's fault: to serve, which applies it now and sends it back as an input. */
function intervene(l: Link, action: ActionInput): void {
  const nowMs = l.run?.sim.nowMs ?? 0
  if (!isFollowingLive()) {
    notify(T.notLive(nowMs, Math.min(l.servedMs, l.durationMs)))
    return
  }
  const { atMs: _dropped, ...rest } = action as ActionInput & { atMs?: number }
  l.socket.send(JSON.stringify({ type: 'intervene', action: rest }))
}

/** The run on the page is no longer the served one (another scenario, file or link was opened): leave serve. */
function watchForOtherRuns(): void {
  useSim.subscribe(() => {
    const l = link
    if (!l || l.run === null || l.opening || isOpening()) return
    if (current() !== l.run) {
      leave()
      useServeLink.setState({ status: 'off' })
      forgetServeParam()
      notify(T.left(l.url))
    }
  })
}

let watching = false

/** Start watching for the page leaving the served run (once; main.tsx and the tests call it). */
export function installServeLink(): void {
  if (watching) return
  watching = true
  watchForOtherRuns()
}

/** Put `?serve=` in the address bar, so a reload attaches again. */
export function writeServeParam(url: string): void {
  if (typeof window === 'undefined') return
  const u = new URL(window.location.href)
  u.searchParams.set('serve', url)
  u.searchParams.delete('scenario')
  u.searchParams.delete('seed')
  window.history.replaceState(null, '', u)
}

/** Take `?serve=` out of the address bar (the link failed or ended: a reload must not try it again). */
export function forgetServeParam(): void {
  if (typeof window === 'undefined') return
  const u = new URL(window.location.href)
  if (!u.searchParams.has('serve')) return
  u.searchParams.delete('serve')
  window.history.replaceState(null, '', u)
}
