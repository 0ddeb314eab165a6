/**
 * Real clients against the served simulation: a kafkajs producer sends keyed records with headers,
 * acks=all; kcat (librdkafka) reads them back partition by partition with their keys, values and
 * headers, each key on the partition murmur2 gives it; the session serve records replays to the
 * same trace hash with `run`'s engine.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { Kafka, logLevel } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario, parseSession, partitionForKey } from '../../sim/index.ts'
import { startServe, type Served } from './serve.ts'

const run = promisify(execFile)
const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), name: 'serve', producers: [], readers: [], timeline: [], expect: {}, durationMs: 600_000 })
let served: Served

beforeAll(async () => {
  served = await startServe(scenario, { port: 0 })
})
afterAll(() => served.close())

describe('kafkascope serve with real clients', () => {
  test('kcat -L lists the simulated brokers at their own ports, and each partition\'s leader and ISR as the simulation has them', async () => {
    const { stdout } = await run('kcat', ['-L', '-J', '-b', `127.0.0.1:${served.ports[2]}`, '-t', 'orders'], { timeout: 20_000 })
    const listing = JSON.parse(stdout) as { brokers: { id: number; name: string }[]; topics: { topic: string; partitions: { partition: number; leader: number; isrs: { id: number }[] }[] }[] }
    expect(listing.brokers.map((b) => [b.id, b.name]).sort()).toEqual([1, 2, 3].map((id) => [id, `127.0.0.1:${served.ports[id]}`]))
    const orders = listing.topics.find((t) => t.topic === 'orders')!
    const simulated = served.sim.summary().partitions.filter((p) => p.topic === 'orders')
    expect(orders.partitions.map((p) => [p.partition, p.leader, p.isrs.map((i) => i.id).sort()])).toEqual(simulated.map((p) => [p.partition, p.leader, [...p.isr].sort()]))
  })

  test('kafkajs produces keyed records; kcat reads each partition back; the session replays the run', async () => {
    const kafka = new Kafka({ clientId: 'checkout', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } })
    const producer = kafka.producer({ allowAutoTopicCreation: false })
    await producer.connect()
    const keys = Array.from({ length: 24 }, (_, i) => `user-${i}`)
    const sent = await producer.send({ topic: 'orders', acks: -1, messages: keys.map((k) => ({ key: k, value: `{"order":"${k}"}`, headers: { trace: `t-${k}` } })) })
    await producer.disconnect()
    expect(sent.every((r) => r.errorCode === 0)).toBe(true)

    for (const p of [0, 1, 2]) {
      const { stdout } = await run('kcat', ['-C', '-b', `127.0.0.1:${served.ports[1]}`, '-t', 'orders', '-p', String(p), '-o', 'beginning', '-e', '-J'], { timeout: 30_000 })
      const records = stdout.trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { key: string; payload: string; partition: number; headers?: string[] })
      const expected = keys.filter((k) => partitionForKey(k, 3) === p)
      expect(records.map((r) => r.key)).toEqual(expected)
      expect(records.map((r) => r.payload)).toEqual(expected.map((k) => `{"order":"${k}"}`))
      expect(records.every((r, i) => r.headers?.[0] === 'trace' && r.headers?.[1] === `t-${expected[i]}`)).toBe(true)
    }

    await served.close()
    const session = served.session()
    expect(session.interventions.every((a) => a.action === 'clientRequest')).toBe(true)
    const replay = createSimulation(parseSession(JSON.parse(JSON.stringify(session))).merged)
    replay.runUntil(session.playheadMs)
    expect(replay.traceHash()).toBe(served.sim.traceHash())
    expect(replay.summary().partitions).toEqual(served.sim.summary().partitions)
  }, 60_000)
})
