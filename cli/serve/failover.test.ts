/**
 * A leader crash felt by a real client: a kafkajs producer keeps sending to the served cluster
 * while the leader of its partition crashes in the simulation. Its connection to that broker is
 * reset; the simulated controller fences the broker after broker.session.timeout.ms and elects a new
 * leader; kafkajs refreshes its metadata and goes on. Every record it was told was written is
 * there, in order, on the new leader.
 */
import { Kafka, logLevel } from 'kafkajs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { builtInScenarios, logRecords, parseScenario } from '../../sim/index.ts'
import { startServe, type Served } from './serve.ts'

const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), name: 'serve failover', producers: [], readers: [], timeline: [], expect: {}, durationMs: 600_000 })
let served: Served

beforeAll(async () => {
  served = await startServe(scenario, { port: 0 })
})
afterAll(() => served.close())

test('kafkajs survives the crash of its partition leader; nothing acknowledged is lost', async () => {
  const kafka = new Kafka({ clientId: 'checkout', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 2000 } })
  const producer = kafka.producer({ allowAutoTopicCreation: false })
  await producer.connect()
  const acked: string[] = []
  const send = async (i: number) => {
    await producer.send({ topic: 'orders', acks: -1, messages: [{ partition: 0, key: `k-${i}`, value: `v-${i}` }] })
    acked.push(`v-${i}`)
  }
  for (let i = 0; i < 5; i++) await send(i)
  const before = served.sim.summary().partitions.find((p) => p.topic === 'orders' && p.partition === 0)!.leader
  served.sim.apply({ action: 'crashBroker', broker: before })
  for (let i = 5; i < 10; i++) await send(i)
  await producer.disconnect()

  const after = served.sim.summary().partitions.find((p) => p.topic === 'orders' && p.partition === 0)!.leader
  expect(after).not.toBe(before)
  expect(after).toBeGreaterThan(0)
  expect(acked).toHaveLength(10)
  const keys = (logRecords(served.sim, 'orders-0') ?? []).map((r) => r.key)
  expect(keys).toEqual(Array.from({ length: 10 }, (_, i) => `k-${i}`))
  expect(served.sim.summary().checks.lostAckedWrites).toBe(0)
}, 90_000)
