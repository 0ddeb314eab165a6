/**
 * Real consumers in a consumer group of the served cluster: kcat (librdkafka) produces keyed
 * records, a kafkajs producer (idempotent: InitProducerId, then sequenced batches) adds more, and
 * kafkajs consumers of one group read them all, split the partitions between them after a
 * rebalance, and commit what they read. The group is the simulated coordinator's: it picks the
 * assignor the members share, hands the subscriptions to the leader and the leader's assignment to
 * each member as their bytes, and keeps the committed offsets in __consumer_offsets. The session
 * serve records replays to the same trace hash.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { AssignerProtocol, ConfigResourceTypes, Kafka, logLevel, type Consumer } from 'kafkajs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { builtInScenarios, createSimulation, kafkaConsumerGroupsDescribe, logRecords, parseScenario, parseSession, partitionForKey } from '../../sim/index.ts'
import { startServe, type Served } from './serve.ts'

const execFileAsync = promisify(execFile)
const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), name: 'serve groups', producers: [], readers: [], timeline: [], expect: {}, durationMs: 600_000 })
let served: Served
let bootstrap: string

beforeAll(async () => {
  served = await startServe(scenario, { port: 0 })
  bootstrap = `127.0.0.1:${served.ports[1]}`
})
afterAll(() => served.close())

function kcatProduce(lines: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // murmur2_random: the Java client's partitioner, so keys land where kafkajs and Java put them
    const child = execFile('kcat', ['-P', '-b', bootstrap, '-t', 'orders', '-K', ':', '-X', 'partitioner=murmur2_random'], { timeout: 30_000 }, (e) => (e ? reject(e) : resolve(null)))
    child.stdin!.end(lines.join('\n') + '\n')
  })
}

async function waitFor(what: string, done: () => boolean, ms = 40_000): Promise<void> {
  const until = Date.now() + ms
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

test('kcat and kafkajs produce; kafkajs consumers in a group read every record, share the partitions after a rebalance and commit', async () => {
  const kcatKeys = Array.from({ length: 12 }, (_, i) => `kcat-${i}`)
  await kcatProduce(kcatKeys.map((k) => `${k}:from kcat ${k}`))
  const kafka = new Kafka({ clientId: 'billing', brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } })
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true })
  await producer.connect()
  const jsKeys = Array.from({ length: 18 }, (_, i) => `js-${i}`)
  await producer.send({ topic: 'orders', acks: -1, messages: jsKeys.map((k) => ({ key: k, value: `from kafkajs ${k}` })) })
  await producer.disconnect()

  // every key on its murmur2 partition, kcat's first, each record's value as sent
  for (const p of [0, 1, 2]) {
    const records = logRecords(served.sim, `orders-${p}`) ?? []
    expect(records.map((r) => r.key)).toEqual([...kcatKeys, ...jsKeys].filter((k) => partitionForKey(k, 3) === p))
  }
  // the idempotent producer's batches carry its producer id and sequences from 0
  const requests = served.sim.world.interventions.flatMap((a) => (a.action === 'clientRequest' ? [a.request] : []))
  expect(requests.some((r) => r.api === 'InitProducerId')).toBe(true)
  const idempotent = requests.flatMap((r) => (r.api === 'Produce' ? r.partitions : [])).filter((p) => p.producerId >= 0)
  expect(idempotent.map((p) => p.sequence)).toEqual([0, 0, 0])

  const seen = new Map<string, { member: string; partition: number; value: string }>()
  const consumers: Consumer[] = []
  const assigned = new Map<Consumer, number[]>()
  const join = async () => {
    const c = kafka.consumer({ groupId: 'billing', heartbeatInterval: 500, sessionTimeout: 10_000 })
    c.on(c.events.GROUP_JOIN, (e) => assigned.set(c, (e.payload.memberAssignment.orders ?? []).slice().sort()))
    await c.connect()
    await c.subscribe({ topic: 'orders', fromBeginning: true })
    await c.run({ eachMessage: async ({ message, partition }) => void seen.set(String(message.key), { member: String(consumers.indexOf(c)), partition, value: String(message.value) }) })
    consumers.push(c)
    return c
  }
  const first = await join()
  // the coordinator read what each member subscribes to from its bytes
  const joins = served.sim.world.interventions.flatMap((a) => (a.action === 'clientRequest' && a.request.api === 'JoinGroup' ? [a.request] : []))
  expect(joins.length).toBeGreaterThan(0)
  expect(joins.every((j) => j.protocols.every((p) => p.metadata.topics.join() === 'orders'))).toBe(true)
  await waitFor('every record read', () => seen.size === 30)
  expect(assigned.get(first)).toEqual([0, 1, 2])
  for (const [key, r] of seen) {
    expect(r.partition).toBe(partitionForKey(key, 3))
    expect(r.value).toBe(key.startsWith('kcat') ? `from kcat ${key}` : `from kafkajs ${key}`)
  }

  // a second member: the coordinator rebalances and the leader's assignment splits the partitions
  const second = await join()
  await waitFor('the rebalance', () => assigned.has(second) && (assigned.get(first)?.length ?? 0) + (assigned.get(second)?.length ?? 0) === 3 && assigned.get(second)!.length > 0)
  expect([...assigned.get(first)!, ...assigned.get(second)!].sort()).toEqual([0, 1, 2])
  // the simulated coordinator read the leader's assignment bytes: kafka-consumer-groups.sh shows each partition's member
  const rows = kafkaConsumerGroupsDescribe(served.sim, 'billing').stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/))
  expect(rows.map((r) => r[2]).sort()).toEqual(['0', '1', '2'])
  expect(new Set(rows.map((r) => r[6])).size).toBe(2)
  expect(rows.every((r) => r[8] === 'billing' && r[7].startsWith('/ext-'))).toBe(true)

  // the admin requests read the served cluster as kafka-consumer-groups.sh and kafka-configs.sh do
  const admin = kafka.admin()
  await admin.connect()
  const { groups: [group] } = await admin.describeGroups(['billing'])
  expect(group).toMatchObject({ groupId: 'billing', state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner' })
  const decoded = group.members.map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)!.assignment.orders.slice().sort())
  expect(decoded.flat().sort()).toEqual([0, 1, 2])
  expect((await admin.listGroups()).groups).toContainEqual({ groupId: 'billing', protocolType: 'consumer' })
  const cluster = await admin.describeCluster()
  expect(cluster.brokers.map((b) => [b.nodeId, b.port]).sort()).toEqual([1, 2, 3].map((id) => [id, served.ports[id]]))
  const { resources: [configs] } = await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: 'orders' }], includeSynonyms: false })
  expect(configs.configEntries.find((e) => e.configName === 'min.insync.replicas')?.configValue).toBe('2')

  for (const c of consumers) await c.disconnect()
  const [committed] = await admin.fetchOffsets({ groupId: 'billing', topics: ['orders'] })
  await admin.disconnect()
  const ends = [0, 1, 2].map((p) => (logRecords(served.sim, `orders-${p}`) ?? []).length)
  expect(committed.partitions.map((p) => [p.partition, Number(p.offset)]).sort()).toEqual(ends.map((n, p) => [p, n]))

  await served.close()
  const session = served.session()
  const replay = createSimulation(parseSession(JSON.parse(JSON.stringify(session))).merged)
  replay.runUntil(session.playheadMs)
  expect(replay.traceHash()).toBe(served.sim.traceHash())
}, 120_000)

test('kcat -G (librdkafka\'s group consumer): joins after MEMBER_ID_REQUIRED, leads with the range assignor, reads every record and commits on leaving', async () => {
  const own = await startServe(scenario, { port: 0 })
  try {
    const at = `127.0.0.1:${own.ports[1]}`
    await new Promise((resolve, reject) => {
      const child = execFile('kcat', ['-P', '-b', at, '-t', 'orders', '-K', ':', '-X', 'partitioner=murmur2_random'], { timeout: 30_000 }, (e) => (e ? reject(e) : resolve(null)))
      child.stdin!.end(['a:1', 'b:2', 'c:3', 'd:4', 'e:5'].join('\n') + '\n')
    })
    const { stdout } = await execFileAsync('kcat', ['-b', at, '-G', 'audit', 'orders', '-o', 'beginning', '-e', '-f', '%p %k %s\\n'], { timeout: 40_000 })
    const read = stdout.trim().split('\n').map((l) => l.split(' '))
    expect(read.map(([, k]) => k).sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(read.every(([p, k]) => Number(p) === partitionForKey(k, 3))).toBe(true)
    const joins = own.sim.world.interventions.flatMap((a) => (a.action === 'clientRequest' && a.request.api === 'JoinGroup' ? [a.request] : []))
    expect(joins[0].memberId).toBe('')
    expect(joins[1].memberId).toMatch(/^rdkafka-/)
    expect(joins[1].protocols.map((p) => p.name)).toContain('range')
    const rows = kafkaConsumerGroupsDescribe(own.sim, 'audit').stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/))
    const ends = [0, 1, 2].map((p) => (logRecords(own.sim, `orders-${p}`) ?? []).length)
    expect(rows.map((r) => [Number(r[2]), Number(r[3])]).sort()).toEqual(ends.map((n, p) => [p, n]).filter(([, n]) => n > 0))
  } finally {
    await own.close()
  }
}, 60_000)
