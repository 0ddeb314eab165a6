/**
 * The app's WebSocket to a running serve: a watcher gets the session, then every input and the
 * clock; a fault it sends is applied to the served cluster and echoed to every watcher; malformed
 * frames, clientRequest, refused faults, pages from other origins, oversized frames and one
 * watcher too many are refused, and serve runs on.
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { Kafka, logLevel } from 'kafkajs'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario, parseSession, type TimelineAction } from '../../sim/index.ts'
import { startServe, type Served } from './serve.ts'
import { loopbackOrigin, readClientFrame, startWatch, type WatchServer, type WatchServerFrame } from './watch.ts'

const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), name: 'watch', producers: [], readers: [], timeline: [], expect: {}, durationMs: 600_000 })
let served: Served
let watch: WatchServer

beforeAll(async () => {
  served = await startServe(scenario, { port: 0 })
  watch = await startWatch(served, { port: 0, maxConnections: 3, maxPayloadBytes: 4096 })
})
afterAll(async () => {
  await watch.close()
  await served.close()
})

/** A watcher that keeps every frame it gets. */
async function watcher(origin?: string): Promise<{ ws: WebSocket; frames: WatchServerFrame[]; closed: Promise<number> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${watch.port}`, origin ? { origin } : {})
  const frames: WatchServerFrame[] = []
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as WatchServerFrame))
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return { ws, frames, closed }
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

const refusals = (frames: WatchServerFrame[]) => frames.flatMap((f) => (f.type === 'refused' ? [f.message] : []))

describe('the app watching serve', () => {
  test('a watcher gets the session, then every input in order and the clock; a fault it sends is applied and echoed to every watcher', async () => {
    const a = await watcher()
    await until(() => a.frames.length > 0, 'the session')
    expect(a.frames[0].type).toBe('session')
    const session = (a.frames[0] as Extract<WatchServerFrame, { type: 'session' }>).session
    expect(session.scenario.name).toBe('watch')

    const kafka = new Kafka({ clientId: 'watched', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } })
    const producer = kafka.producer({ allowAutoTopicCreation: false })
    await producer.connect()
    await producer.send({ topic: 'orders', acks: -1, messages: [{ key: 'k', value: 'v' }] })
    await producer.disconnect()

    const b = await watcher('http://localhost:4173')
    a.ws.send(JSON.stringify({ type: 'intervene', action: { action: 'crashBroker', broker: 3 } }))
    const isCrash = (f: WatchServerFrame) => f.type === 'input' && f.action.action === 'crashBroker'
    await until(() => a.frames.some(isCrash) && b.frames.some(isCrash), 'the crash echoed to both watchers')
    expect(served.sim.world.nodes['3'].up).toBe(false)
    await until(() => a.frames.filter((f) => f.type === 'clock').length >= 3, 'clock frames')

    // inputs in order, none after a clock past its time; clocks never go back
    const inputs = a.frames.flatMap((f) => (f.type === 'input' ? [f.action] : []))
    expect(inputs.some((x) => x.action === 'clientRequest')).toBe(true)
    let clock = session.playheadMs
    for (const f of a.frames.slice(1)) {
      if (f.type === 'clock') {
        expect(f.nowMs).toBeGreaterThanOrEqual(clock)
        clock = f.nowMs
      }
      if (f.type === 'input') expect(f.action.atMs).toBeGreaterThanOrEqual(clock)
    }
    // the session the watcher got and the inputs after it are the served run
    const all: TimelineAction[] = [...session.interventions, ...inputs]
    expect(all).toEqual(served.sim.world.interventions.slice(0, all.length))
    const crash = inputs.find((x) => x.action === 'crashBroker')!
    expect(b.frames.find(isCrash)).toEqual({ type: 'input', action: crash })
    const replay = createSimulation(parseSession(JSON.parse(JSON.stringify({ ...session, interventions: all, playheadMs: clock }))).merged)
    const check = createSimulation(parseSession(JSON.parse(JSON.stringify(served.session()))).merged)
    replay.runUntil(clock)
    check.runUntil(clock)
    expect(replay.traceHash()).toBe(check.traceHash())
    a.ws.close()
    b.ws.close()
    await Promise.all([a.closed, b.closed])
  }, 60_000)

  test('malformed frames, clientRequest and refused faults get a refusal naming what is wrong; serve runs on', async () => {
    const a = await watcher()
    const frames = [
      'not json',
      '[1,2]',
      JSON.stringify({ type: 'hello' }),
      JSON.stringify({ type: 'intervene' }),
      JSON.stringify({ type: 'intervene', action: { action: 7 } }),
      JSON.stringify({ type: 'intervene', action: { action: 'clientRequest', client: 'ext-1', broker: 1, ref: 1, request: { api: 'Metadata', topics: null } } }),
      JSON.stringify({ type: 'intervene', action: { action: 'crashBroker', broker: 2, atMs: 0 } }),
      JSON.stringify({ type: 'intervene', action: { action: 'crashBroker', broker: 99 } }),
      JSON.stringify({ type: 'intervene', action: { action: 'explode' } }),
    ]
    for (const f of frames) a.ws.send(f)
    a.ws.send(Buffer.from([1, 2, 3]), { binary: true })
    await until(() => refusals(a.frames).length === frames.length + 1, 'a refusal for each frame')
    const said = refusals(a.frames)
    expect(said[0]).toMatch(/not JSON/)
    expect(said[1]).toMatch(/not a JSON object/)
    expect(said[2]).toMatch(/type: expected "intervene", got "hello"/)
    expect(said[3]).toMatch(/^action: /)
    expect(said[4]).toMatch(/^action\.action: /)
    expect(said[5]).toMatch(/clientRequest comes from real clients/)
    expect(said[6]).toMatch(/atMs/)
    expect(said[7]).toMatch(/99/)
    expect(said[8]).toMatch(/explode|action/)
    expect(said[9]).toMatch(/binary/)
    expect(served.sim.world.nodes['2'].up).toBe(true)
    // still open, still told the clock
    const clocks = a.frames.filter((f) => f.type === 'clock').length
    await until(() => a.frames.filter((f) => f.type === 'clock').length > clocks + 1, 'more clock frames')
    expect(a.ws.readyState).toBe(WebSocket.OPEN)
    a.ws.close()
    await a.closed
  })

  test('a frame over the size bound closes only its socket', async () => {
    const a = await watcher()
    const b = await watcher()
    a.ws.send(JSON.stringify({ type: 'intervene', action: { action: 'crashBroker', broker: 2, pad: 'x'.repeat(10_000) } }))
    expect(await a.closed).toBe(1009)
    const clocks = b.frames.filter((f) => f.type === 'clock').length
    await until(() => b.frames.filter((f) => f.type === 'clock').length > clocks + 1, 'the other watcher still told the clock')
    expect(served.sim.world.nodes['2'].up).toBe(true)
    b.ws.close()
    await b.closed
  })

  test('pages from other origins and one watcher too many are refused at the handshake', async () => {
    for (const origin of ['https://example.com', 'http://127.0.0.1.example.com', 'null', 'http://192.168.1.5:4173']) {
      const status = await new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${watch.port}`, { origin })
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        ws.on('open', () => reject(new Error(`${origin} was let in`)))
      })
      expect(status).toBe(403)
    }
    const kept = await Promise.all([watcher('http://127.0.0.1:4173'), watcher('http://[::1]:5173'), watcher()])
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${watch.port}`)
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.on('open', () => resolve(101))
    })
    expect(status).toBe(503)
    for (const k of kept) k.ws.close()
    await Promise.all(kept.map((k) => k.closed))
    await until(() => watch.connections() === 0, 'the watchers gone')
  })

  test('origins and frames as read', () => {
    expect(loopbackOrigin(undefined)).toBe(true)
    expect(loopbackOrigin('http://localhost')).toBe(true)
    expect(loopbackOrigin('http://localhost:4173')).toBe(true)
    expect(loopbackOrigin('https://localhost:4173')).toBe(false)
    expect(loopbackOrigin('http://localhost.evil.com')).toBe(false)
    expect(loopbackOrigin('file://')).toBe(false)
    expect(readClientFrame(JSON.stringify({ type: 'intervene', action: { action: 'cutLink', from: '1', to: '2' } }))).toEqual({ type: 'intervene', action: { action: 'cutLink', from: '1', to: '2' } })
    expect(readClientFrame(JSON.stringify({ type: 'intervene', action: { action: 'crashBroker', broker: 1 }, extra: 1 }))).toHaveProperty('problem')
  })
})

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
  })
}

describe('kafkascope serve --watch-port', () => {
  test('prints the link for the app, serves the session on that port, and closes it on Ctrl-C', async () => {
    const brokerPort = await freePort()
    const watchPort = await freePort()
    const root = fileURLToPath(new URL('../..', import.meta.url))
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'serve', '--port', String(brokerPort), '--watch-port', String(watchPort)], { cwd: root })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
    try {
      await until(() => stdout.includes('Ctrl-C stops'), 'serve to start', 30_000)
      expect(stdout).toContain(`watch it in the app: http://127.0.0.1:4173/?serve=ws://127.0.0.1:${watchPort}`)
      const ws = new WebSocket(`ws://127.0.0.1:${watchPort}`)
      const first = await new Promise<WatchServerFrame>((resolve, reject) => {
        ws.once('message', (data) => resolve(JSON.parse(data.toString()) as WatchServerFrame))
        ws.once('error', reject)
      })
      expect(first.type).toBe('session')
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
      child.kill('SIGINT')
      expect(await closed).toBe(1001)
      expect(await exited).toBe(0)
      expect(stdout).toMatch(/stopped at .* trace hash/)
    } finally {
      child.kill('SIGKILL')
    }
  }, 60_000)
})
