/**
 * Real clients inside the simulation (kafkascope serve's `clientRequest` inputs): a client asks
 * for metadata, produces keyed records with headers to the leader, and fetches them back with the
 * very bytes it sent; a request to a broker that does not lead gets NOT_LEADER_OR_FOLLOWER; the
 * same inputs replayed as a session give the same run.
 */
import { describe, expect, test } from 'vitest'
import { batchRecordBytes, builtInScenarios, clientAnswerRef, clientDisconnected, clusterView, partitionLogs, runNotes, createSimulation, parseScenario, type ClientRequest, type Msg, type Simulation, type TimelineAction } from './index.ts'

const b64 = (s: string) => Buffer.from(s).toString('base64')
const text = (s: string | null) => (s === null ? null : Buffer.from(s, 'base64').toString())

const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), producers: [], readers: [], timeline: [], expect: {} })

let ref = 0
function ask(sim: Simulation, broker: number, request: ClientRequest, client = 'ext-1'): TimelineAction {
  const a: TimelineAction = { atMs: sim.nowMs, action: 'clientRequest', client, broker, ref: ++ref, request }
  sim.apply(a)
  return a
}

/** What reached each real client, as serve's tap sees it: answers to requests it waits for, with their references. */
const arrived = new Map<Simulation, { client: string; ref: number; msg: Msg }[]>()

/** A simulation whose real clients' answers are collected as serve collects them. */
function served(): Simulation {
  const sim = createSimulation(scenario)
  const got: { client: string; ref: number; msg: Msg }[] = []
  sim.observe((msg, to) => {
    const r = clientAnswerRef(sim, to, msg)
    if (r !== null) got.push({ client: to, ref: r, msg })
  })
  arrived.set(sim, got)
  return sim
}

function take(sim: Simulation, client: string): { ref: number; msg: Msg }[] {
  const all = arrived.get(sim)!
  const mine = all.filter((a) => a.client === client)
  const rest = all.filter((a) => a.client !== client)
  all.splice(0, all.length, ...rest)
  return mine
}

function answer<A extends Msg['api']>(sim: Simulation, api: A, client = 'ext-1'): Extract<Msg, { api: A }> {
  sim.runUntil(sim.nowMs + 200)
  const got = take(sim, client)
  expect(got.map((g) => g.msg.api)).toEqual([api])
  return got[0].msg as Extract<Msg, { api: A }>
}

describe('real clients in the simulation', () => {
  test('metadata, a produce with keys, values and headers, and a fetch that returns the same bytes', () => {
    const sim = served()
    sim.runUntil(10_000)
    ask(sim, 1, { api: 'Metadata', topics: ['orders'] })
    const meta = answer(sim, 'MetadataResponse')
    const leader = meta.topics.orders.partitions[0].leader
    expect(meta.brokers).toEqual([1, 2, 3])

    const records = [
      { key: b64('user-7'), value: b64('{"total":12}'), headers: [['trace', b64('abc')]] as [string, string | null][], timestampMs: 9_990 },
      { key: null, value: b64('no key'), headers: [], timestampMs: 9_995 },
      { key: b64('user-8'), value: null, headers: [], timestampMs: 9_999 },
    ]
    ask(sim, leader, { api: 'Produce', acks: 'all', timeoutMs: 30_000, partitions: [{ tp: 'orders-0', producerId: -1, producerEpoch: -1, sequence: -1, records }] })
    const produced = answer(sim, 'ProduceResponse')
    expect(produced.parts[0]).toMatchObject({ tp: 'orders-0', error: 'NONE' })
    const base = produced.parts[0].baseOffset

    ask(sim, leader, { api: 'Fetch', maxWaitMs: 100, maxBytes: 1 << 20, partitions: [{ tp: 'orders-0', fetchOffset: base, currentLeaderEpoch: -1 }] })
    const fetched = answer(sim, 'FetchResponse')
    const part = fetched.parts[0]
    expect(part.error).toBe('NONE')
    const got = part.batches.flatMap((b) => batchRecordBytes(sim.world, 'orders-0', b).map((r) => ({ offset: b.baseOffset + r.offsetDelta, key: text(r.key), value: text(r.value), headers: r.headers.map(([k, v]) => [k, text(v)]), ts: r.timestampMs })))
    expect(got).toEqual([
      { offset: base, key: 'user-7', value: '{"total":12}', headers: [['trace', 'abc']], ts: 9_990 },
      { offset: base + 1, key: null, value: 'no key', headers: [], ts: 9_995 },
      { offset: base + 2, key: 'user-8', value: null, headers: [], ts: 9_999 },
    ])
    // the checkers follow a real client's records like any producer's: nothing lost, no duplicate
    sim.runUntil(20_000)
    expect(sim.summary().checks.ok).toBe(true)
  })

  test('a produce to a broker that does not lead the partition: NOT_LEADER_OR_FOLLOWER', () => {
    const sim = served()
    sim.runUntil(10_000)
    ask(sim, 1, { api: 'Metadata', topics: ['orders'] })
    const leader = answer(sim, 'MetadataResponse').topics.orders.partitions[0].leader
    const other = [1, 2, 3].find((b) => b !== leader)!
    ask(sim, other, { api: 'Produce', acks: '1', timeoutMs: 1000, partitions: [{ tp: 'orders-0', producerId: -1, producerEpoch: -1, sequence: -1, records: [{ key: null, value: b64('x'), headers: [], timestampMs: 1 }] }] })
    expect(answer(sim, 'ProduceResponse').parts[0].error).toBe('NOT_LEADER_OR_FOLLOWER')
  })

  test('acks=0: no answer; ListOffsets latest is the high watermark', () => {
    const sim = served()
    sim.runUntil(10_000)
    ask(sim, 1, { api: 'Metadata', topics: ['orders'] })
    const leader = answer(sim, 'MetadataResponse').topics.orders.partitions[1].leader
    ask(sim, leader, { api: 'Produce', acks: '0', timeoutMs: 1000, partitions: [{ tp: 'orders-1', producerId: -1, producerEpoch: -1, sequence: -1, records: [{ key: b64('k'), value: b64('v'), headers: [], timestampMs: 1 }] }] })
    sim.runUntil(sim.nowMs + 500)
    expect(take(sim, 'ext-1')).toEqual([])
    ask(sim, leader, { api: 'ListOffsets', tp: 'orders-1', spec: 'latest', currentLeaderEpoch: -1 })
    expect(answer(sim, 'ListOffsetsResponse')).toMatchObject({ error: 'NONE', offset: 1 })
  })

  test('the same client requests, replayed as a session, give the same run', () => {
    const sim = served()
    sim.runUntil(10_000)
    const inputs = [ask(sim, 1, { api: 'Metadata', topics: null })]
    sim.runUntil(10_300)
    inputs.push(ask(sim, 2, { api: 'Produce', acks: 'all', timeoutMs: 5000, partitions: [{ tp: 'orders-2', producerId: -1, producerEpoch: -1, sequence: -1, records: [{ key: b64('a'), value: b64('b'), headers: [], timestampMs: 10_300 }] }] }))
    sim.runUntil(15_000)
    const replay = createSimulation(parseScenario({ ...(builtInScenarios['leader-failover'] as object), producers: [], readers: [], timeline: inputs, expect: {} }))
    replay.runUntil(15_000)
    expect(replay.summary().traceHash).toBe(sim.summary().traceHash)
    expect(replay.summary().partitions).toEqual(sim.summary().partitions)
  })

  test('a real consumer in a classic group: its subscription and the leader\'s assignment pass through the coordinator as the bytes it sent; commits and OffsetFetch of everything committed', () => {
    const sim = served()
    sim.runUntil(10_000)
    ask(sim, 1, { api: 'FindCoordinator', key: 'billing' })
    const coordinator = answer(sim, 'FindCoordinatorResponse').nodeId
    const subscription = { raw: b64('kafkajs subscription bytes'), topics: ['orders'], ownedPartitions: [], generation: -1 }
    const join = (memberId: string, sessionTimeoutMs = 10_000): ClientRequest => ({ api: 'JoinGroup', groupId: 'billing', memberId, groupInstanceId: null, sessionTimeoutMs, rebalanceTimeoutMs: 30_000, protocols: [{ name: 'RoundRobinAssigner', metadata: subscription }], reason: null })
    // GroupMetadataManager.classicGroupJoin: a session timeout outside group.min/max.session.timeout.ms
    ask(sim, coordinator, join('', 1000))
    expect(answer(sim, 'JoinGroupResponse').error).toBe('INVALID_SESSION_TIMEOUT')
    ask(sim, coordinator, join(''))
    const required = answer(sim, 'JoinGroupResponse')
    expect(required.error).toBe('MEMBER_ID_REQUIRED')
    ask(sim, coordinator, join(required.memberId))
    sim.runUntil(sim.nowMs + 3_500) // group.initial.rebalance.delay.ms
    const joined = answer(sim, 'JoinGroupResponse')
    expect(joined).toMatchObject({ error: 'NONE', generation: 1, protocolName: 'RoundRobinAssigner', leader: required.memberId })
    expect(joined.members.map((m) => m.metadata)).toEqual([subscription])
    const raw = b64('assignment bytes the leader made')
    ask(sim, coordinator, { api: 'SyncGroup', groupId: 'billing', generation: 1, memberId: required.memberId, groupInstanceId: null, assignments: [{ memberId: required.memberId, raw, partitions: ['orders-0', 'orders-1', 'orders-2'] }] })
    expect(answer(sim, 'SyncGroupResponse')).toMatchObject({ error: 'NONE', assignment: ['orders-0', 'orders-1', 'orders-2'], raw })
    ask(sim, coordinator, { api: 'OffsetCommit', groupId: 'billing', generation: 1, memberId: required.memberId, groupInstanceId: null, offsets: [{ tp: 'orders-2', offset: 4 }, { tp: 'orders-0', offset: 7 }] })
    expect(answer(sim, 'OffsetCommitResponse').error).toBe('NONE')
    ask(sim, coordinator, { api: 'OffsetFetch', groupId: 'billing', tps: null })
    expect(answer(sim, 'OffsetFetchResponse').offsets).toEqual({ 'orders-0': 7, 'orders-2': 4 })
    // the group as kafka-consumer-groups.sh shows it: the member's partitions, read from the leader's assignment
    expect(sim.world.externals['ext-1'].groupId).toBe('billing')
  })

  test("only a crash of the client's own broker resets its connection", () => {
    const sim = served()
    sim.runUntil(10_000)
    ask(sim, 1, { api: 'Metadata', topics: ['orders'] })
    answer(sim, 'MetadataResponse')
    sim.apply({ action: 'crashBroker', broker: 2 })
    sim.runUntil(sim.nowMs + 1000)
    expect(clientDisconnected(sim, 'ext-1')).toBe(false)
    sim.apply({ action: 'crashBroker', broker: 1 })
    sim.runUntil(sim.nowMs + 1000)
    expect(clientDisconnected(sim, 'ext-1')).toBe(true)
  })

  test('DeleteTopics under load: the topic and its replicas go, its producer gets UNKNOWN_TOPIC_OR_PARTITION, the checkers stay clean and the view is whole', () => {
    const sim = createSimulation(parseScenario(builtInScenarios['leader-failover']))
    const got: Msg[] = []
    sim.observe((msg, to) => {
      if (clientAnswerRef(sim, to, msg) !== null) got.push(msg)
    })
    sim.runUntil(15_000)
    ask(sim, 1, { api: 'DeleteTopics', topics: ['orders', 'nope'] })
    sim.runUntil(16_000)
    const answer = got.find((m) => m.api === 'DeleteTopicsResponse') as Extract<Msg, { api: 'DeleteTopicsResponse' }>
    expect(answer.topics.map((t) => [t.name, t.error])).toEqual([['orders', 'NONE'], ['nope', 'UNKNOWN_TOPIC_OR_PARTITION']])
    sim.runUntil(70_000)
    const summary = sim.summary()
    expect(summary.partitions.filter((p) => p.topic === 'orders')).toEqual([])
    expect(Object.values(sim.world.brokers).every((b) => !Object.keys(b.replicas).some((tp) => tp.startsWith('orders-')))).toBe(true)
    expect(summary.producers[0].errors.UNKNOWN_TOPIC_OR_PARTITION ?? summary.producers[0].metadataWarnings.UNKNOWN_TOPIC_OR_PARTITION).toBeGreaterThan(0)
    expect(summary.checks.first).toEqual([])
    expect(clusterView(sim).partitions.filter((p) => p.topic === 'orders')).toEqual([])
    expect(partitionLogs(sim, 'orders')).toEqual([])
    expect(runNotes(sim).some((n) => n.type === 'TopicDeleted' && n.topic === 'orders')).toBe(true)
  })
})
