/**
 * A leader crash felt by a real client: a kafkajs producer keeps sending to the served cluster
 * while the leader of its partition crashes in the simulation. Its connection to that broker is
 * reset; the simulated controller fences the broker after broker.session.timeout.ms and elects a new
 * leader; kafkajs refreshes its metadata and goes on. Every record it was told was written is
 * there, in order, on the new leader.
 */
import { Kafka, logLevel } from 'kafkajs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { builtInScenarios, groupOffsetsPartition, logRecords, parseScenario } from '../../sim/index.ts'
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

test('a kafkajs consumer group survives the crash of its coordinator\'s broker and reads every record produced across it', async () => {
  const own = await startServe(scenario, { port: 0 })
  try {
    const kafka = new Kafka({ clientId: 'survivor', brokers: [1, 2, 3].map((b) => `127.0.0.1:${own.ports[b]}`), logLevel: logLevel.NOTHING, retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 2000 } })
    const producer = kafka.producer({ allowAutoTopicCreation: false })
    await producer.connect()
    await producer.send({ topic: 'orders', acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k-${i}`, value: `v-${i}` })) })
    const seen = new Set<string>()
    const consumer = kafka.consumer({ groupId: 'survivors', heartbeatInterval: 500, sessionTimeout: 10_000 })
    await consumer.connect()
    await consumer.subscribe({ topic: 'orders', fromBeginning: true })
    await consumer.run({ eachMessage: async ({ message }) => void seen.add(String(message.key)) })
    const until = async (what: string, done: () => boolean) => {
      const end = Date.now() + 60_000
      while (!done()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    await until('the first records', () => seen.size === 10)
    // the broker that coordinates the group (leads its __consumer_offsets partition) crashes
    const coordinator = own.sim.summary().partitions.find((p) => `${p.topic}-${p.partition}` === groupOffsetsPartition(own.sim, 'survivors'))!.leader
    own.intervene({ action: 'crashBroker', broker: coordinator })
    // one record per send: a kafkajs send that spans brokers can resolve without resending to a
    // partition's new leader when that broker already answered for another partition (kafkajs#1303)
    for (let i = 10; i < 20; i++) await producer.send({ topic: 'orders', acks: -1, messages: [{ key: `k-${i}`, value: `v-${i}` }] })
    await until('every record, after the crash', () => seen.size === 20)
    const after = own.sim.summary().partitions.find((p) => `${p.topic}-${p.partition}` === groupOffsetsPartition(own.sim, 'survivors'))!.leader
    expect(after).not.toBe(coordinator)
    await consumer.disconnect()
    await producer.disconnect()
    expect([...seen].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k-${i}`).sort())
    expect(own.sim.summary().checks.lostAckedWrites).toBe(0)
  } finally {
    await own.close()
  }
}, 120_000)
