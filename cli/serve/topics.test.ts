/**
 * Topics made by real clients: kafkajs's admin creates a topic through a broker, which forwards the
 * request to the active KRaft controller (KIP-590's Envelope); the controller checks it as
 * ReplicationControlManager does (an existing topic, an invalid replication factor, a config
 * kafkascope does not model) and creates it; kcat producing to a topic that does not exist creates
 * it with the broker's num.partitions and default.replication.factor (auto.create.topics.enable);
 * kafkajs deletes topics (a RemoveTopicRecord; every broker drops the replicas and their logs), a
 * deleted scenario topic is not created again, and its name stays retired for the run.
 * Records go to and come from the new topics, and the session replays to the same trace hash.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { Kafka, logLevel } from 'kafkajs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { builtInScenarios, createSimulation, logRecords, parseScenario, parseSession } from '../../sim/index.ts'
import { startServe, type Served } from './serve.ts'

const run = promisify(execFile)
const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), name: 'serve topics', producers: [], readers: [], timeline: [], expect: {}, durationMs: 600_000 })
let served: Served

beforeAll(async () => {
  served = await startServe(scenario, { port: 0 })
})
afterAll(() => served.close())

const partitionsOf = (topic: string) => served.sim.summary().partitions.filter((p) => p.topic === topic)

test('kafkajs creates and deletes topics through the controller; errors as Kafka gives them; kcat auto-creates one by producing to it', async () => {
  const kafka = new Kafka({ clientId: 'ops', brokers: [`127.0.0.1:${served.ports[2]}`], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } })
  const admin = kafka.admin()
  await admin.connect()
  expect(await admin.createTopics({ topics: [{ topic: 'payments', numPartitions: 2, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }], waitForLeaders: true })).toBe(true)
  expect(partitionsOf('payments').map((p) => [p.partition, p.replicas.length])).toEqual([[0, 3], [1, 3]])
  expect((await admin.describeConfigs({ resources: [{ type: 2, name: 'payments' }], includeSynonyms: false })).resources[0].configEntries.find((e) => e.configName === 'min.insync.replicas')?.configValue).toBe('2')
  // the same name again, too many replicas, a config kafkascope does not model
  // kafkajs answers TOPIC_ALREADY_EXISTS with false
  expect(await admin.createTopics({ topics: [{ topic: 'payments' }] })).toBe(false)
  await expect(admin.createTopics({ topics: [{ topic: 'wide', replicationFactor: 5 }] })).rejects.toMatchObject({ errors: [expect.objectContaining({ type: 'INVALID_REPLICATION_FACTOR' })] })
  await expect(admin.createTopics({ topics: [{ topic: 'squeezed', configEntries: [{ name: 'compression.type', value: 'zstd' }] }] })).rejects.toMatchObject({ errors: [expect.objectContaining({ type: 'INVALID_CONFIG' })] })
  expect(partitionsOf('wide')).toEqual([])
  await admin.disconnect()

  const producer = kafka.producer({ allowAutoTopicCreation: false })
  await producer.connect()
  await producer.send({ topic: 'payments', acks: -1, messages: [{ key: 'p-1', value: 'paid' }] })
  await producer.disconnect()
  expect([0, 1].flatMap((p) => (logRecords(served.sim, `payments-${p}`) ?? []).map((r) => r.key))).toEqual(['p-1'])

  // kcat -P to a topic that does not exist: Metadata creates it (1 partition, 1 replica: the broker defaults)
  await new Promise((resolve, reject) => {
    const child = execFile('kcat', ['-P', '-b', `127.0.0.1:${served.ports[1]}`, '-t', 'scratch', '-K', ':'], { timeout: 30_000 }, (e) => (e ? reject(e) : resolve(null)))
    child.stdin!.end('hello:world\n')
  })
  expect(partitionsOf('scratch').map((p) => [p.partition, p.replicas.length])).toEqual([[0, 1]])
  const { stdout } = await run('kcat', ['-C', '-b', `127.0.0.1:${served.ports[3]}`, '-t', 'scratch', '-o', 'beginning', '-e', '-f', '%k=%s\\n'], { timeout: 30_000 })
  expect(stdout.trim()).toBe('hello=world')
  // Metadata for every topic lists the new ones (and __consumer_offsets, as Kafka does)
  const listing = JSON.parse((await run('kcat', ['-L', '-J', '-b', `127.0.0.1:${served.ports[1]}`], { timeout: 20_000 })).stdout) as { topics: { topic: string }[] }
  expect(listing.topics.map((t) => t.topic).sort()).toEqual(['__consumer_offsets', 'orders', 'payments', 'scratch'])

  // DeleteTopics: through a broker to the controller (a RemoveTopicRecord); every broker drops the replicas
  const ops = kafka.admin()
  await ops.connect()
  await ops.deleteTopics({ topics: ['payments'] })
  // (an admin that does not retry: kafkajs retries UNKNOWN_TOPIC_OR_PARTITION)
  const once = new Kafka({ clientId: 'ops-once', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin()
  await once.connect()
  await expect(once.deleteTopics({ topics: ['payments'] })).rejects.toMatchObject({ cause: { type: 'UNKNOWN_TOPIC_OR_PARTITION' } })
  await expect(once.deleteTopics({ topics: ['__consumer_offsets'] })).rejects.toMatchObject({ type: 'INVALID_TOPIC_EXCEPTION' })
  await once.disconnect()
  // a scenario topic deleted stays deleted (the controller does not create it again)
  await ops.deleteTopics({ topics: ['orders'] })
  await new Promise((r) => setTimeout(r, 1500))
  const brokersHold = (topic: string) => Object.values(served.sim.world.brokers).some((b) => Object.keys(b.replicas).some((tp) => tp.startsWith(`${topic}-`)))
  expect(partitionsOf('payments')).toEqual([])
  expect(partitionsOf('orders')).toEqual([])
  expect(brokersHold('payments') || brokersHold('orders')).toBe(false)
  expect((await ops.listTopics()).sort()).toEqual(['__consumer_offsets', 'scratch'])
  // kafkascope keeps a deleted name retired for the rest of the run (its checkers follow partitions by name)
  const again = new Kafka({ clientId: 'ops-again', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin()
  await again.connect()
  await expect(again.createTopics({ topics: [{ topic: 'orders', numPartitions: 1, replicationFactor: 2 }] })).rejects.toMatchObject({ errors: [expect.objectContaining({ type: 'POLICY_VIOLATION' })] })
  await again.disconnect()
  expect(partitionsOf('orders')).toEqual([])
  await ops.disconnect()
  expect(served.sim.summary().checks.first).toEqual([])

  await served.close()
  const session = served.session()
  const replay = createSimulation(parseSession(JSON.parse(JSON.stringify(session))).merged)
  replay.runUntil(session.playheadMs)
  expect(replay.traceHash()).toBe(served.sim.traceHash())
}, 90_000)
