// The app's replica of a served run (serve-link.ts against cli/serve/watch.ts, both in this
// process): it opens from serve's session, follows the served clock through the playback loop
// without ever being ahead of the served simulation, applies every input at the time serve did,
// sends a person's fault to serve instead of applying it, and once serve stops it is the served
// run: the same interventions and the same trace hash. A bad address or a serve that does not
// answer leaves the page's run as it was, with one alert.
import { Kafka, logLevel } from 'kafkajs'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { builtInScenarios, parseScenario } from '../../sim/index.ts'
import { startServe, type Served } from '../../cli/serve/serve.ts'
import { startWatch, type WatchServer } from '../../cli/serve/watch.ts'
import { useNotices } from '../notices.ts'
import { usePlayback } from '../store/playback-store.ts'
import { useServeLink } from '../store/serve-store.ts'
import { act, advanceTo, current, openBuiltIn, requireRun, stepOne } from './engine-host.ts'
import { backToLive, pause, startPlaybackLoop } from './playback.ts'
import { connectServe, installServeLink, setSocketFactory, type SocketLike } from './serve-link.ts'

const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), name: 'served', producers: [], readers: [], timeline: [], expect: {}, durationMs: 600_000 })
let served: Served
let watch: WatchServer

beforeAll(async () => {
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 4))
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id))
  setSocketFactory((url) => new WebSocket(url) as unknown as SocketLike)
  installServeLink()
  startPlaybackLoop()
  served = await startServe(scenario, { port: 0 })
  watch = await startWatch(served, { port: 0 })
})
afterAll(async () => {
  await watch.close()
  await served.close()
})

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

const notices = () => useNotices.getState().notices.map((n) => n.text.en)

describe('the app attached to kafkascope serve', () => {
  test('a bad address and a serve that does not answer: one alert each, the run on the page stays', async () => {
    openBuiltIn('leader-failover')
    const before = current()
    expect(connectServe('http://127.0.0.1:9091')).toBe(false)
    expect(notices().at(-1)).toMatch(/is not a WebSocket address/)
    expect(connectServe('ws://127.0.0.1:1')).toBe(true)
    expect(useServeLink.getState().status).toBe('connecting')
    await until(() => useServeLink.getState().status === 'off', 'the connection to fail')
    expect(notices().at(-1)).toMatch(/Could not connect to kafkascope serve at ws:\/\/127\.0\.0\.1:1/)
    expect(current()).toBe(before)
  })

  test('the replica follows the served run, never ahead of it, sends faults to serve, and is the served run when serve stops', async () => {
    openBuiltIn('leader-failover')
    expect(connectServe(`ws://127.0.0.1:${watch.port}`)).toBe(true)
    await until(() => useServeLink.getState().status === 'live', 'the link to go live')
    const replica = requireRun()
    expect(replica.scenario.name).toBe('served')
    expect(usePlayback.getState().playing && usePlayback.getState().following).toBe(true)

    // every frame of the playback loop: the replica is never ahead of the served simulation
    let ahead = 0
    let samples = 0
    const probe = setInterval(() => {
      samples++
      if (requireRun().sim.nowMs > served.sim.nowMs) ahead++
    }, 1)
    try {
      const kafka = new Kafka({ clientId: 'replicated', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } })
      const producer = kafka.producer({ allowAutoTopicCreation: false })
      await producer.connect()
      await producer.send({ topic: 'orders', acks: -1, messages: Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) })
      await producer.disconnect()
      await until(() => requireRun().sim.world.externals['ext-1'] !== undefined, 'the real client in the replica')

      // a fault while following live goes to serve, and comes back as an input
      const applied = requireRun().sim.world.interventions.length
      act({ action: 'crashBroker', broker: 2 })
      expect(requireRun().sim.world.interventions.length).toBe(applied) // not applied here
      await until(() => !served.sim.world.nodes['2'].up, 'serve to crash broker 2')
      await until(() => !requireRun().sim.world.nodes['2'].up, 'the replica to crash broker 2')

      // asked to go a minute on (a seek, a console runUntil), the replica stops at the served clock
      pause()
      advanceTo(requireRun().sim.nowMs + 60_000)
      expect(requireRun().sim.nowMs).toBeLessThanOrEqual(served.sim.nowMs)
      // a step past it is refused, with a notice
      while (stepOne()) {
        expect(requireRun().sim.nowMs).toBeLessThanOrEqual(served.sim.nowMs)
      }
      expect(notices().at(-1)).toMatch(/served cluster's present/)
      backToLive()

      // a fault refused by the checker is refused before it is sent
      expect(() => act({ action: 'crashBroker', broker: 42 })).toThrow(/42/)

      // a fault while looking at the past is not sent
      pause()
      const sentBefore = served.sim.world.interventions.filter((a) => a.action !== 'clientRequest').length
      act({ action: 'restartBroker', broker: 2 })
      expect(notices().at(-1)).toMatch(/Back to live/)
      await new Promise((r) => setTimeout(r, 100))
      expect(served.sim.world.interventions.filter((a) => a.action !== 'clientRequest').length).toBe(sentBefore)
      usePlayback.setState({ playing: true, speed: 10 }) // plays on faster than the served clock, catches up and follows again
      await until(() => usePlayback.getState().following, 'playback to catch up with the served clock')
    } finally {
      clearInterval(probe)
    }
    expect(samples).toBeGreaterThan(50)
    expect(ahead).toBe(0)

    await watch.close()
    await served.close()
    await until(() => useServeLink.getState().status === 'closed', 'the link to see serve stop')
    expect(useServeLink.getState().stopped).toBe(true)
    expect(usePlayback.getState().playing).toBe(false)
    expect(requireRun()).toBe(replica)
    advanceTo(served.sim.nowMs)
    expect(requireRun().sim.nowMs).toBe(served.sim.nowMs)
    expect(requireRun().sim.world.interventions).toEqual(served.sim.world.interventions)
    expect(requireRun().sim.traceHash()).toBe(served.sim.traceHash())
  }, 60_000)
})
