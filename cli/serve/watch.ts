/**
 * The app watching a running `kafkascope serve`: a WebSocket on the same host as the brokers
 * (127.0.0.1 unless --host says otherwise) over which the browser app keeps a replica of the served
 * run and sends the faults a person clicks. The replica is the same deterministic run because the
 * served run's inputs (real clients' requests and people's faults) are its interventions.
 *
 * Protocol: JSON text frames, one object each.
 *
 *   serve → app   { type: 'session', session }   once, on connect: the run so far (Served.session())
 *                 { type: 'input', action }      each input as serve applies it (a timeline action
 *                                                with its atMs: clientRequest, or a fault)
 *                 { type: 'clock', nowMs }       the served simulated time, at most every
 *                                                clockEveryMs (50 ms) of wall time per socket
 *                 { type: 'refused', message }   to that socket only: its frame was malformed, or
 *                                                its fault was refused (the scenario checker's words)
 *   app → serve   { type: 'intervene', action }  a fault (an ActionInput without atMs): applied at
 *                                                the served cluster's current time and then sent
 *                                                to every watcher as an input; clientRequest is refused
 *
 * Every input of the run is sent before any clock frame at or after its time, so a replica that
 * applies each input at its atMs and never runs past the latest clock is the served run.
 * (src/host/serve-link.ts is the app's end; it mirrors these frame types.)
 *
 * No authentication: anyone who reaches the socket drives the served cluster, as anyone who reaches
 * a broker's port produces to it. A browser page is held to loopback origins (http://127.0.0.1:*,
 * http://localhost:*, http://[::1]:*) or none (Node clients), checked at the handshake, so a web
 * page on the internet cannot drive a local serve from a person's browser. Frames are bounded
 * (maxPayloadBytes) and so are the connections (maxConnections).
 */
import { WebSocketServer, type WebSocket } from 'ws'
import { z } from 'zod'
import { ScenarioError, type ActionInput, type Session, type TimelineAction } from '../../sim/index.ts'
import type { Served, ServeEvent } from './serve.ts'

/** What serve sends the app. */
export type WatchServerFrame =
  | { type: 'session'; session: Session }
  | { type: 'input'; action: TimelineAction }
  | { type: 'clock'; nowMs: number }
  | { type: 'refused'; message: string }

/** What the app sends serve. */
export type WatchClientFrame = { type: 'intervene'; action: ActionInput }

export interface WatchOptions {
  host?: string
  /** 0: any free port (for tests) */
  port?: number
  /** wall ms between two clock frames to one socket */
  clockEveryMs?: number
  /** the largest frame taken from the app (a bigger one closes its socket: 1009) */
  maxPayloadBytes?: number
  /** watchers at once; one more is refused at the handshake (503) */
  maxConnections?: number
}

export interface WatchServer {
  port: number
  /** watchers connected now */
  connections(): number
  close(): Promise<void>
}

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/

/** Whether a handshake's Origin may drive serve: none (a Node client), or a page served from loopback. */
export function loopbackOrigin(origin: string | undefined): boolean {
  return origin === undefined || LOOPBACK_ORIGIN.test(origin)
}

const interveneFrame = z.strictObject({
  type: z.literal('intervene'),
  action: z.looseObject({ action: z.string().min(1) }),
})

/** What is wrong with a frame from the app, in a few words, or the frame. */
export function readClientFrame(data: string): WatchClientFrame | { problem: string } {
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return { problem: 'the frame is not JSON' }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { problem: 'the frame is not a JSON object' }
  const type = (json as { type?: unknown }).type
  if (type !== 'intervene') return { problem: `type: expected "intervene", got ${JSON.stringify(type) ?? 'nothing'}` }
  const parsed = interveneFrame.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue.path.join('.') || 'frame'
    return { problem: `${path}: ${issue.message}` }
  }
  const action = parsed.data.action as { action: string; atMs?: unknown }
  if (action.action === 'clientRequest') return { problem: "action.action: clientRequest comes from real clients over Kafka's protocol, not from the app" }
  if ('atMs' in action) return { problem: 'action.atMs: a fault applies at the served cluster\'s current time; leave atMs out' }
  return { type: 'intervene', action: action as unknown as ActionInput }
}

export async function startWatch(served: Served, options: WatchOptions = {}): Promise<WatchServer> {
  const clockEveryMs = options.clockEveryMs ?? 50
  const maxConnections = options.maxConnections ?? 16
  const wss = new WebSocketServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: options.maxPayloadBytes ?? 64 * 1024,
    perMessageDeflate: false,
    verifyClient: (info, done) => {
      if (!loopbackOrigin(info.req.headers.origin)) return done(false, 403, 'kafkascope serve accepts pages from loopback origins only')
      if (wss.clients.size >= maxConnections) return done(false, 503, `kafkascope serve takes at most ${maxConnections} watchers`)
      done(true)
    },
  })
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve)
    wss.once('error', reject)
  })
  wss.on('error', () => {}) // after listening: errors belong to single sockets, which close

  const send = (socket: WebSocket, frame: WatchServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame))
  }

  wss.on('connection', (socket) => {
    let lastClockWall = -Infinity
    let lastClockMs = -1
    const listener = (e: ServeEvent) => {
      if (e.kind === 'input') return send(socket, { type: 'input', action: e.action })
      const wall = Date.now()
      if (wall - lastClockWall < clockEveryMs || e.nowMs === lastClockMs) return
      lastClockWall = wall
      lastClockMs = e.nowMs
      send(socket, { type: 'clock', nowMs: e.nowMs })
    }
    // the session and the subscription in one go: no input falls between them
    send(socket, { type: 'session', session: served.session() })
    const unwatch = served.watch(listener)
    socket.on('close', unwatch)
    socket.on('error', () => socket.terminate())
    socket.on('message', (data, isBinary) => {
      if (isBinary) return send(socket, { type: 'refused', message: 'frames are JSON text, not binary' })
      const frame = readClientFrame(data.toString())
      if ('problem' in frame) return send(socket, { type: 'refused', message: frame.problem })
      try {
        served.intervene(frame.action)
      } catch (error) {
        if (error instanceof ScenarioError) return send(socket, { type: 'refused', message: `${error.path.replace(/^timeline\[\d+\]\.?/, '') || frame.action.action}: ${error.what}` })
        send(socket, { type: 'refused', message: error instanceof Error ? error.message : String(error) })
      }
    })
  })

  const address = wss.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    port,
    connections: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of wss.clients) socket.close(1001, 'kafkascope serve stopped')
        wss.close(() => resolve())
        // sockets that do not finish their closing handshake soon are cut
        setTimeout(() => {
          for (const socket of wss.clients) socket.terminate()
        }, 500).unref()
      }),
  }
}
