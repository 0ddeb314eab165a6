/**
 * Malformed frames against a running `kafkascope serve`: random bytes, real requests cut short,
 * size prefixes that lie (too long, too short, negative, huge) and unknown API keys and versions,
 * each on its own connection to a broker's port. serve keeps running, closes only the connections
 * that sent them, records none of them as an input, and the simulated cluster's state is what it
 * was; a real client produces afterwards as before.
 */
import { connect } from 'node:net'
import fc from 'fast-check'
import { Kafka, logLevel } from 'kafkajs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { builtInScenarios, logRecords, parseScenario } from '../../sim/index.ts'
import { apiByName, encodeRequest } from '../protocol/apis.ts'
import { encodeBatches } from '../protocol/record-batch.ts'
import { startServe, type Served } from './serve.ts'

const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), name: 'frame fuzz', producers: [], readers: [], timeline: [], expect: {}, durationMs: 600_000 })
let served: Served

beforeAll(async () => {
  served = await startServe(scenario, { port: 0 })
})
afterAll(() => served.close())

const utf8 = (s: string) => new TextEncoder().encode(s)
const batch = encodeBatches([{ baseOffset: 0, partitionLeaderEpoch: -1, attributes: 0, lastOffsetDelta: 0, baseTimestamp: Date.now(), maxTimestamp: Date.now(), producerId: -1, producerEpoch: -1, baseSequence: -1, records: [{ offsetDelta: 0, timestampDelta: 0, key: utf8('k'), value: utf8('v'), headers: [] }] }])
/** Real requests that would change the cluster if they arrived whole. */
const REAL: Uint8Array[] = [
  encodeRequest(apiByName('Produce'), 9, { correlationId: 1, clientId: 'fuzz' }, { TransactionalId: null, Acks: -1, TimeoutMs: 30_000, TopicData: [{ Name: 'orders', PartitionData: [{ Index: 0, Records: batch }] }] }),
  encodeRequest(apiByName('Produce'), 3, { correlationId: 2, clientId: 'fuzz' }, { TransactionalId: null, Acks: 1, TimeoutMs: 30_000, TopicData: [{ Name: 'orders', PartitionData: [{ Index: 1, Records: batch }] }] }),
  encodeRequest(apiByName('JoinGroup'), 5, { correlationId: 3, clientId: 'fuzz' }, { GroupId: 'fuzz', SessionTimeoutMs: 10_000, RebalanceTimeoutMs: 10_000, MemberId: '', GroupInstanceId: null, ProtocolType: 'consumer', Protocols: [{ Name: 'range', Metadata: new Uint8Array([0, 0, 0, 0, 0, 1, 0, 6, ...utf8('orders'), 255, 255, 255, 255]) }] }),
  encodeRequest(apiByName('OffsetCommit'), 8, { correlationId: 4, clientId: 'fuzz' }, { GroupId: 'fuzz', GenerationIdOrMemberEpoch: -1, MemberId: '', GroupInstanceId: null, Topics: [{ Name: 'orders', Partitions: [{ PartitionIndex: 0, CommittedOffset: 1, CommittedLeaderEpoch: -1, CommittedMetadata: null }] }] }),
  encodeRequest(apiByName('Metadata'), 12, { correlationId: 5, clientId: 'fuzz' }, { Topics: null, AllowAutoTopicCreation: false, IncludeTopicAuthorizedOperations: false }),
]

const sizePrefix = (n: number) => {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setInt32(0, n)
  return b
}

const frames = fc.oneof(
  // random bytes with an honest size
  fc.uint8Array({ minLength: 0, maxLength: 300 }).map((b) => new Uint8Array([...sizePrefix(b.length), ...b])),
  // a real request cut short, its size saying so
  fc.tuple(fc.constantFrom(...REAL), fc.double({ min: 0, max: 0.999, noNaN: true })).map(([r, cut]) => {
    const body = r.subarray(4, 4 + Math.floor((r.length - 4) * cut))
    return new Uint8Array([...sizePrefix(body.length), ...body])
  }),
  // a real request whose size lies: longer than what follows (the rest never comes), or shorter
  fc.tuple(fc.constantFrom(...REAL), fc.integer({ min: -40, max: 40 }).filter((d) => d !== 0)).map(([r, d]) => new Uint8Array([...sizePrefix(Math.max(0, r.length - 4 + d)), ...r.subarray(4)])),
  // sizes no frame may have
  fc.constantFrom(-1, -2_147_483_648, 2_147_483_647, 104_857_601).map((n) => new Uint8Array([...sizePrefix(n), 0, 0, 0, 0])),
  // a well-formed header for an API key or version serve does not know
  fc.tuple(fc.integer({ min: -1, max: 32767 }), fc.integer({ min: -1, max: 200 }), fc.uint8Array({ maxLength: 20 })).map(([key, version, rest]) => {
    const head = new Uint8Array(8 + rest.length)
    const v = new DataView(head.buffer)
    v.setInt16(0, key)
    v.setInt16(2, version)
    v.setInt32(4, 9)
    head.set(rest, 8)
    return new Uint8Array([...sizePrefix(head.length), ...head])
  }),
)

/** Send the frame on its own connection, say nothing more, and wait until serve has dealt with it. */
function send(port: number, frame: Uint8Array): Promise<'closed' | 'open'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(frame))
    const done = (how: 'closed' | 'open') => {
      clearTimeout(timer)
      socket.destroy()
      resolve(how)
    }
    const timer = setTimeout(() => done('open'), 300)
    socket.on('data', () => {})
    socket.on('close', () => done('closed'))
    socket.on('error', () => {})
  })
}

const stateOf = (s: Served) => s.sim.summary().partitions.map((p) => ({ tp: `${p.topic}-${p.partition}`, leader: p.leader, isr: p.isr, hw: p.highWatermark }))

test('malformed frames never stop serve and never change the simulated cluster', async () => {
  const kafka = new Kafka({ clientId: 'before', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } })
  const producer = kafka.producer({ allowAutoTopicCreation: false })
  await producer.connect()
  await producer.send({ topic: 'orders', acks: -1, messages: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] })
  await producer.disconnect()

  const inputs = served.sim.world.interventions.length
  const before = stateOf(served)
  const samples = fc.sample(fc.tuple(frames, fc.constantFrom(1, 2, 3)), { numRuns: 250, seed: 20261207 })
  const outcomes = { closed: 0, open: 0 }
  for (const [frame, broker] of samples) outcomes[await send(served.ports[broker], frame)]++
  // every one was closed by serve or left waiting for bytes that never came
  expect(outcomes.closed).toBeGreaterThan(150)
  expect(served.sim.world.interventions.length).toBe(inputs)
  expect(stateOf(served)).toEqual(before)

  // serve still takes real clients
  const after = new Kafka({ clientId: 'after', brokers: [`127.0.0.1:${served.ports[2]}`], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } }).producer({ allowAutoTopicCreation: false })
  await after.connect()
  const [sent] = await after.send({ topic: 'orders', acks: -1, messages: [{ key: 'c', value: '3' }] })
  await after.disconnect()
  expect(sent.errorCode).toBe(0)
  expect(served.sim.world.interventions.length).toBeGreaterThan(inputs)
}, 120_000)

test('a client that disconnects in the middle of its requests loses nothing acknowledged, and its answers are dropped', async () => {
  const kafka = new Kafka({ clientId: 'steady', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } })
  const producer = kafka.producer({ allowAutoTopicCreation: false })
  await producer.connect()
  const acked = async (key: string) => (await producer.send({ topic: 'orders', acks: -1, messages: [{ partition: 0, key, value: key }] }))[0].errorCode === 0
  expect(await acked('before')).toBe(true)
  // a Produce (acks=all) to every broker, each connection closed as soon as the request is written
  const leaving = REAL[0]
  await Promise.all([1, 2, 3].map((b) => new Promise<void>((resolve) => {
    const socket = connect(served.ports[b], '127.0.0.1', () => socket.end(leaving, () => { socket.destroy(); resolve() }))
    socket.on('error', () => resolve())
  })))
  expect(await acked('after')).toBe(true)
  await producer.disconnect()
  await new Promise((r) => setTimeout(r, 500))
  const keys = served.sim.summary().partitions.find((p) => p.topic === 'orders' && p.partition === 0)!
  expect(keys.highWatermark).toBeGreaterThanOrEqual(2)
  expect(served.sim.summary().checks.lostAckedWrites).toBe(0)
  const written = (logRecords(served.sim, 'orders-0') ?? []).map((r) => r.key)
  expect(written.indexOf('before')).toBeLessThan(written.indexOf('after'))
  // the requests of the closed connections reached the simulated brokers; their answers wait nowhere
  const left = served.sim.world.interventions.filter((a) => a.action === 'clientRequest' && a.clientId === 'fuzz' && a.request.api === 'Produce')
  expect(left.length).toBeGreaterThan(0)
  // the answers to the closed connections were dropped: nothing is in flight for them in the simulation
  expect(left.every((a) => Object.keys(served.sim.world.externals[(a as { client: string }).client].pending).length === 0)).toBe(true)
}, 60_000)
