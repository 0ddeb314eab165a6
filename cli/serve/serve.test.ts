/**
 * Real clients against the served simulation: a kafkajs producer sends keyed records with headers,
 * acks=all; kcat (librdkafka) reads them back partition by partition with their keys, values and
 * headers, each key on the partition murmur2 gives it; the session serve records replays to the
 * same trace hash with `run`'s engine.
 */
import { execFile } from 'node:child_process'
import { connect } from 'node:net'
import { promisify } from 'node:util'
import { Kafka, logLevel } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario, parseSession, partitionForKey } from '../../sim/index.ts'
import { startServe, type Served } from './serve.ts'
import { apiByName, decodeResponse, encodeRequest } from '../protocol/apis.ts'
import type { Struct } from '../protocol/codec.ts'
import { readBatches } from '../protocol/record-batch.ts'

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

/** One request on its own connection, and its answer, as a client at that version writes and reads them. */
function ask(port: number, name: string, version: number, body: Struct): Promise<Struct> {
  const api = apiByName(name)
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(encodeRequest(api, version, { correlationId: 7, clientId: 'java-like' }, body)))
    let buf = Buffer.alloc(0)
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d])
      if (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
        socket.destroy()
        resolve(decodeResponse(api, version, new Uint8Array(buf)).body)
      }
    })
    socket.on('error', reject)
  })
}

describe('topic ids, as the Java clients of Kafka 4 use them', () => {
  test('Metadata v12 gives each topic its id; Fetch v17 names the topic by it; an id no topic has gets UNKNOWN_TOPIC_ID', async () => {
    const own = await startServe(scenario, { port: 0 })
    try {
      const kafka = new Kafka({ clientId: 'ids', brokers: [`127.0.0.1:${own.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } })
      const producer = kafka.producer({ allowAutoTopicCreation: false })
      await producer.connect()
      await producer.send({ topic: 'orders', acks: -1, messages: [{ partition: 1, key: 'k', value: 'by id' }] })
      await producer.disconnect()
      const meta = await ask(own.ports[1], 'Metadata', 12, { Topics: [{ TopicId: 'AAAAAAAAAAAAAAAAAAAAAA', Name: 'orders' }], AllowAutoTopicCreation: false, IncludeTopicAuthorizedOperations: false })
      const orders = (meta.Topics as Struct[])[0]
      const id = String(orders.TopicId)
      expect(id).not.toBe('AAAAAAAAAAAAAAAAAAAAAA')
      const leader = Number(((orders.Partitions as Struct[]).find((p) => p.PartitionIndex === 1)!).LeaderId)
      const fetch = (topicId: string) =>
        ask(own.ports[leader], 'Fetch', 17, {
          ClusterId: null, ReplicaState: { ReplicaId: -1, ReplicaEpoch: -1 }, MaxWaitMs: 100, MinBytes: 1, MaxBytes: 1 << 20, IsolationLevel: 0, SessionId: 0, SessionEpoch: -1,
          Topics: [{ TopicId: topicId, Partitions: [{ Partition: 1, CurrentLeaderEpoch: -1, FetchOffset: 0, LastFetchedEpoch: -1, LogStartOffset: -1, PartitionMaxBytes: 1 << 20, ReplicaDirectoryId: 'AAAAAAAAAAAAAAAAAAAAAA' }] }],
          ForgottenTopicsData: [], RackId: '',
        })
      const found = ((await fetch(id)).Responses as Struct[])[0]
      expect(found.TopicId).toBe(id)
      const part = (found.Partitions as Struct[])[0]
      expect(part.ErrorCode).toBe(0)
      expect(readBatches(part.Records as Uint8Array).flatMap((b) => b.records.map((r) => Buffer.from(r.value!).toString()))).toEqual(['by id'])
      const lost = ((await fetch('AQIDBAUGBwgJCgsMDQ4PEA')).Responses as Struct[])[0]
      expect((lost.Partitions as Struct[])[0].ErrorCode).toBe(100) // UNKNOWN_TOPIC_ID
    } finally {
      await own.close()
    }
  }, 30_000)
})

describe('KIP-848 consumer groups over the wire (ConsumerGroupHeartbeat, as Kafka 4 Java consumers with group.protocol=consumer send it)', () => {
  test('two members join, the coordinator assigns the partitions by topic id and splits them, commits carry the member epoch, a member leaves', async () => {
    const own = await startServe(scenario, { port: 0 })
    try {
      const find = await ask(own.ports[1], 'FindCoordinator', 6, { KeyType: 0, CoordinatorKeys: ['ledger'] })
      const coordinator = Number((find.Coordinators as Struct[])[0].NodeId)
      const port = own.ports[coordinator]
      const meta = await ask(own.ports[1], 'Metadata', 12, { Topics: [{ TopicId: 'AAAAAAAAAAAAAAAAAAAAAA', Name: 'orders' }], AllowAutoTopicCreation: false, IncludeTopicAuthorizedOperations: false })
      const ordersId = String((meta.Topics as Struct[])[0].TopicId)
      const beat = (memberId: string, memberEpoch: number, owned: number[] | null) =>
        ask(port, 'ConsumerGroupHeartbeat', 1, {
          GroupId: 'ledger', MemberId: memberId, MemberEpoch: memberEpoch, InstanceId: null, RackId: null, RebalanceTimeoutMs: memberEpoch === 0 ? 30_000 : -1,
          SubscribedTopicNames: memberEpoch === 0 ? ['orders'] : null, SubscribedTopicRegex: null, ServerAssignor: null,
          TopicPartitions: owned === null ? null : [{ TopicId: ordersId, Partitions: owned }],
        })
      const partitionsOf = (r: Struct) => ((r.Assignment as Struct | null)?.TopicPartitions as Struct[] | undefined)?.flatMap((t) => { expect(t.TopicId).toBe(ordersId); return t.Partitions as number[] }).sort()
      const a1 = await beat('member-a', 0, [])
      expect(a1).toMatchObject({ ErrorCode: 0, MemberId: 'member-a' })
      expect(Number(a1.MemberEpoch)).toBeGreaterThan(0)
      expect(partitionsOf(a1)).toEqual([0, 1, 2])
      // a second member: the group epoch moves; the first member gives up partitions before the second gets them
      const b1 = await beat('member-b', 0, [])
      expect(b1.ErrorCode).toBe(0)
      let a = await beat('member-a', Number(a1.MemberEpoch), [0, 1, 2])
      const aOwns = partitionsOf(a) ?? [0, 1, 2]
      expect(aOwns.length).toBeLessThan(3)
      a = await beat('member-a', Number(a.MemberEpoch), aOwns)
      const b = await beat('member-b', Number(b1.MemberEpoch), [])
      const bOwns = partitionsOf(b) ?? []
      expect([...aOwns, ...bOwns].sort()).toEqual([0, 1, 2])
      // a commit with the member's epoch (OffsetCommit v9), read back with OffsetFetch v9
      const commit = await ask(port, 'OffsetCommit', 9, { GroupId: 'ledger', GenerationIdOrMemberEpoch: Number(a.MemberEpoch), MemberId: 'member-a', GroupInstanceId: null, Topics: [{ Name: 'orders', Partitions: [{ PartitionIndex: aOwns[0], CommittedOffset: 0, CommittedLeaderEpoch: -1, CommittedMetadata: null }] }] })
      expect(((commit.Topics as Struct[])[0].Partitions as Struct[])[0].ErrorCode).toBe(0)
      const stale = await ask(port, 'OffsetCommit', 9, { GroupId: 'ledger', GenerationIdOrMemberEpoch: 1000, MemberId: 'member-a', GroupInstanceId: null, Topics: [{ Name: 'orders', Partitions: [{ PartitionIndex: aOwns[0], CommittedOffset: 0, CommittedLeaderEpoch: -1, CommittedMetadata: null }] }] })
      expect(((stale.Topics as Struct[])[0].Partitions as Struct[])[0].ErrorCode).toBe(113) // STALE_MEMBER_EPOCH
      const left = await beat('member-b', -1, null)
      expect(left).toMatchObject({ ErrorCode: 0, MemberEpoch: -1 })
      // v1 members name themselves (KIP-1082): an empty member id is refused
      expect((await beat('', 0, [])).ErrorCode).toBe(42)
    } finally {
      await own.close()
    }
  }, 30_000)
})

test("a crashed broker's port refuses connections, as a crashed Kafka broker's does, and listens again once it restarts", async () => {
  const own = await startServe(scenario, { port: 0 })
  try {
    const attempt = (port: number) =>
      new Promise<'connected' | 'refused'>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.destroy()
          resolve('connected')
        })
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED' ? 'refused' : 'connected'))
      })
    const waitFor = async (port: number, want: 'connected' | 'refused') => {
      for (let i = 0; i < 100 && (await attempt(port)) !== want; i++) await new Promise((r) => setTimeout(r, 20))
      return attempt(port)
    }
    const port = own.ports[3]
    expect(await attempt(port)).toBe('connected')
    own.intervene({ action: 'crashBroker', broker: 3 })
    expect(await waitFor(port, 'refused')).toBe('refused')
    expect(await attempt(own.ports[1])).toBe('connected')
    own.intervene({ action: 'restartBroker', broker: 3 })
    expect(await waitFor(port, 'connected')).toBe('connected')
    expect(own.ports[3]).toBe(port)
  } finally {
    await own.close()
  }
})
