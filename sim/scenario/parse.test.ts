// Scenario parsing: every built-in parses, defaults apply, and each kind of bad input gets one message naming its field path.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { parseScenario, parseScenarioText, ScenarioError } from './parse.ts'
import { builtInScenarios, DEFAULT_SCENARIO_ID } from './builtins.ts'
import {
  ConfigError,
  resolveBrokerConfig,
  resolveConsumerConfig,
  resolveProducerConfig,
  resolveTopicConfig,
  validateConfigMap,
} from '../kafka/config.ts'

const scenariosDir = new URL('../../scenarios/', import.meta.url)

/** A small valid scenario to break in one place at a time. */
function valid(): Record<string, any> {
  return {
    name: 'test',
    cluster: { brokers: 3 },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3, config: { 'min.insync.replicas': 2 } }],
    producers: [{ id: 'checkout', topic: 'orders', config: { acks: 'all' } }],
    consumers: [{ groupId: 'billing', topics: ['orders'], members: 2 }],
    readers: [{ id: 'audit', topics: ['orders'] }],
    timeline: [
      { atMs: 20000, action: 'crashBroker', broker: 1 },
      { atMs: 30000, action: 'restartBroker', broker: 1 },
    ],
    expect: { lostAckedWrites: 0 },
  }
}

/** The one message parseScenario gives for `input` (fails the test if it parses). */
function problem(input: unknown): string {
  try {
    parseScenario(input)
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError)
    return (e as ScenarioError).message
  }
  throw new Error('expected a ScenarioError, but the scenario parsed')
}

function broken(edit: (s: Record<string, any>) => void): string {
  const s = valid()
  edit(s)
  return problem(s)
}

describe('built-in scenarios', () => {
  test('every file in scenarios/ is a built-in and parses from its text', () => {
    const files = readdirSync(scenariosDir).filter((f) => f.endsWith('.json')).sort()
    expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(Object.keys(builtInScenarios).sort())
    for (const file of files) {
      const text = readFileSync(new URL(file, scenariosDir), 'utf8')
      const s = parseScenarioText(text, file)
      expect(s.seed).toBe(42)
      expect(s.durationMs).toBeGreaterThanOrEqual(60000)
      // one to three minutes each; the classroom tour is the ten-minute run a class replays
      expect(s.durationMs).toBeLessThanOrEqual(file === 'classroom-tour.json' ? 600000 : 180000)
      expect(s.description.length).toBeGreaterThan(100)
    }
  })

  test.each(Object.keys(builtInScenarios))('%s parses, and parsing again changes nothing', (id) => {
    const s = parseScenario(builtInScenarios[id])
    expect(s.name).not.toBe('')
    expect(parseScenario(structuredClone(s))).toEqual(s)
  })

  test('the default scenario is a built-in', () => {
    expect(Object.keys(builtInScenarios)).toContain(DEFAULT_SCENARIO_ID)
  })

  test('leader-failover is what the CONTRACT describes', () => {
    const s = parseScenario(builtInScenarios['leader-failover'])
    expect(s.cluster.brokers).toBe(3)
    expect(s.topics[0]).toMatchObject({ name: 'orders', partitions: 3, replicationFactor: 3, config: { 'min.insync.replicas': 2 } })
    expect(s.producers[0]).toMatchObject({ recordsPerSec: 50, keys: { kind: 'pool' }, config: { acks: 'all' } })
    expect(s.readers).toHaveLength(1)
    expect(s.timeline[0]).toEqual({ atMs: 20000, action: 'crashBroker', broker: 'leader:orders-0' })
    expect(s.expect).toMatchObject({ lostAckedWrites: 0, duplicates: 0, multipleLeaders: 0 })
  })
})

describe('defaults', () => {
  test('a minimal scenario gets every default', () => {
    const s = parseScenario({ name: 'minimal' })
    expect(s).toEqual({
      name: 'minimal',
      description: '',
      seed: 1,
      durationMs: 60000,
      cluster: {
        brokers: 3,
        controller: { mode: 'kraft', voters: 3, dedicated: false },
        zookeeper: null,
        config: {},
        network: { minLatencyMs: 1, maxLatencyMs: 3 },
        racks: {},
        features: { 'eligible.leader.replicas.version': 1 },
      },
      topics: [],
      producers: [],
      consumers: [],
      readers: [],
      shareGroups: [],
      timeline: [],
      expect: {},
    })
  })

  test('voters default to min(3, brokers); clients get their defaults', () => {
    const s = parseScenario({
      name: 'x',
      cluster: { brokers: 1 },
      topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
      producers: [{ id: 'p', topic: 't' }],
      consumers: [{ groupId: 'g', topics: ['t'] }],
    })
    expect(s.cluster.controller.voters).toBe(1)
    expect(s.topics[0].config).toEqual({})
    expect(s.producers[0]).toEqual({ id: 'p', topic: 't', recordsPerSec: 10, keys: { kind: 'none' }, valueBytes: 100, tombstones: 0, headers: 0, config: {}, startActive: true })
    expect(s.consumers[0]).toEqual({ groupId: 'g', topics: ['t'], members: 1, processingMsPerRecord: 0, staticMembership: false, config: {} })
  })

  test('config maps are kept as given, only normalised', () => {
    const s = parseScenario({
      name: 'x',
      cluster: { config: { 'replica.lag.time.max.ms': '10000', 'auto.create.topics.enable': 'false' } },
      topics: [{ name: 't', partitions: 1, replicationFactor: 1, config: { 'min.insync.replicas': '1', 'unclean.leader.election.enable': 'TRUE' } }],
      producers: [{ id: 'p', topic: 't', config: { acks: -1, 'linger.ms': '20' } }],
      consumers: [{ groupId: 'g', topics: ['t'], config: { 'partition.assignment.strategy': 'org.apache.kafka.clients.consumer.CooperativeStickyAssignor' } }],
    })
    expect(s.cluster.config).toEqual({ 'replica.lag.time.max.ms': 10000, 'auto.create.topics.enable': false })
    expect(s.topics[0].config).toEqual({ 'min.insync.replicas': 1, 'unclean.leader.election.enable': true })
    expect(s.producers[0].config).toEqual({ acks: 'all', 'linger.ms': 20 })
    expect(s.consumers[0].config).toEqual({ 'partition.assignment.strategy': ['cooperative-sticky'] })
  })

  test('the timeline is sorted by atMs, stably, and numeric node names become numbers', () => {
    const s = valid()
    s.timeline = [
      { atMs: 500, action: 'healNetwork' },
      { atMs: 100, action: 'isolate', node: '2' },
      { atMs: 500, action: 'stopProducer', producer: 'checkout' },
      { atMs: 100, action: 'isolate', node: 'checkout' },
    ]
    const t = parseScenario(s).timeline
    expect(t).toEqual([
      { atMs: 100, action: 'isolate', node: 2 },
      { atMs: 100, action: 'isolate', node: 'checkout' },
      { atMs: 500, action: 'healNetwork' },
      { atMs: 500, action: 'stopProducer', producer: 'checkout' },
    ])
  })

  test('expectations are checked against the scenario and normalised', () => {
    const s = valid()
    s.expect = {
      duplicates: { max: 3 },
      leaderOf: { 'orders-0': -1, 'orders-1': 2, '__consumer_offsets-49': 1 },
      isrOf: { 'orders-2': [3, 1] },
      groupState: { billing: 'Stable' },
      producerErrors: { checkout: { NOT_ENOUGH_REPLICAS: { min: 1 } } },
      producerAcked: { checkout: { min: 100 } },
      brokerState: { '1': 'alive', '3': 'crashed' },
    }
    expect(parseScenario(s).expect).toEqual({ ...s.expect, isrOf: { 'orders-2': [1, 3] } })
  })

  test('node references of every kind are accepted', () => {
    const s = valid()
    s.cluster = { brokers: 3, controller: { mode: 'kraft', voters: 3, dedicated: true } }
    s.timeline = [
      { atMs: 1, action: 'isolate', node: 'leader:orders-2' },
      { atMs: 2, action: 'isolate', node: 'replica:orders-0:2' },
      { atMs: 3, action: 'isolate', node: 'coordinator:billing' },
      { atMs: 4, action: 'isolate', node: 'controller-3' },
      { atMs: 5, action: 'isolate', node: 'billing-2' },
      { atMs: 6, action: 'addConsumer', groupId: 'billing' },
      { atMs: 7, action: 'crashConsumer', member: 'billing-3' },
      { atMs: 8, action: 'slowLink', between: ['audit', 'leader:__consumer_offsets-49'], extraLatencyMs: 100 },
      { atMs: 9, action: 'partitionNetwork', sides: [[1, 'controller-1'], [2, 3, 'checkout']] },
      { atMs: 10, action: 'crashController' },
      { atMs: 11, action: 'crashController', controller: 'controller' },
      { atMs: 12, action: 'addPartitions', topic: 'orders', count: 6 },
      { atMs: 13, action: 'isolate', node: 'leader:orders-5' },
      { atMs: 14, action: 'produce', producer: 'checkout', key: null, value: 'v' },
      { atMs: 15, action: 'setProducerConfig', producer: 'checkout', config: { 'linger.ms': 50 } },
      { atMs: 16, action: 'restartConsumer', member: 'billing-1', afterMs: 1000 },
      { atMs: 17, action: 'pauseNode', node: 2, durationMs: 500 },
      { atMs: 18, action: 'electPreferredLeaders' },
    ]
    expect(parseScenario(s).timeline).toHaveLength(18)
  })
})

describe('one clear message, with the path of the first problem', () => {
  test('replication factor above the broker count', () => {
    expect(broken((s) => (s.topics[0].replicationFactor = 4))).toBe('topics[0].replicationFactor: 4 is more than the 3 brokers')
  })

  test('unknown config keys in cluster, topic and producer configs', () => {
    expect(broken((s) => (s.cluster.config = { 'replica.lag.time.max': 10 }))).toBe(
      'cluster.config.replica.lag.time.max: unknown config (did you mean replica.lag.time.max.ms?)',
    )
    expect(broken((s) => (s.topics[0].config['min.insync.replica'] = 2))).toBe(
      'topics[0].config.min.insync.replica: unknown config (did you mean min.insync.replicas?)',
    )
    expect(broken((s) => (s.producers[0].config['linger'] = 2))).toBe('producers[0].config.linger: unknown config (did you mean linger.ms?)')
    expect(broken((s) => (s.producers[0].config['session.timeout.ms'] = 2))).toMatch(
      /^producers\[0\]\.config\.session\.timeout\.ms: unknown config \(.*consumer config/,
    )
    expect(broken((s) => (s.topics[0].config['log.retention.ms'] = 2))).toBe(
      'topics[0].config.log.retention.ms: unknown config (did you mean retention.ms? log.retention.ms is a broker config)',
    )
  })

  test('acks=2', () => {
    expect(broken((s) => (s.producers[0].config.acks = 2))).toBe('producers[0].config.acks: 2 is not one of all, -1, 0, 1')
  })

  test('unknown action', () => {
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'explode' }))).toMatch(
      /^timeline\[2\]\.action: unknown action "explode" \(known: crashBroker, restartBroker, .*electPreferredLeaders, electLeaders, deleteRecords, resetOffsets\)$/,
    )
  })

  test('unknown topic in a producer and in an action', () => {
    expect(broken((s) => (s.producers[0].topic = 'x'))).toBe('producers[0].topic: unknown topic "x" (topics are: orders)')
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'addPartitions', topic: 'ordres', count: 6 }))).toBe(
      'timeline[2].topic: unknown topic "ordres" (did you mean "orders"? topics are: orders)',
    )
  })

  test('bad node references', () => {
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'isolate', node: 'broker-7' }))).toMatch(/^timeline\[2\]\.node: unknown node "broker-7" \(/)
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'isolate', node: 4 }))).toBe('timeline[2].node: 4 is not a broker (brokers are 1..3)')
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'isolate', node: 'leader:orders-3' }))).toBe(
      'timeline[2].node: partition 3 does not exist in "leader:orders-3": orders has 3 partitions (0..2)',
    )
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'isolate', node: 'replica:orders-0:3' }))).toMatch(/^timeline\[2\]\.node: replica index 3/)
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'isolate', node: 'leader:payments-0' }))).toMatch(/^timeline\[2\]\.node: unknown topic "payments"/)
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'isolate', node: 'coordinator:nope' }))).toMatch(/^timeline\[2\]\.node: unknown group "nope"/)
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'isolate', node: 'controller-1' }))).toMatch(
      /^timeline\[2\]\.node: "controller-1" does not exist: the controllers are combined/,
    )
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'crashBroker', broker: 'checkout' }))).toMatch(/^timeline\[2\]\.broker: "checkout" is not a broker/)
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'crashConsumer', member: 'billing-3' }))).toMatch(/^timeline\[2\]\.member: "billing-3" does not exist/)
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'slowLink', between: [1, 1], extraLatencyMs: 5 }))).toMatch(/^timeline\[2\]\.between\[1\]: a link needs two different nodes/)
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'isolate', node: true }))).toMatch(/^timeline\[2\]\.node: expected a node .*got true$/)
  })

  test('negative durationMs', () => {
    expect(broken((s) => (s.durationMs = -1))).toBe('durationMs: -1 must be at least 1')
  })

  test('wrong type: a string for partitions', () => {
    expect(broken((s) => (s.topics[0].partitions = '3'))).toBe('topics[0].partitions: expected a number, got the string "3"')
  })

  test('delivery.timeout.ms below linger.ms + request.timeout.ms', () => {
    expect(broken((s) => (s.producers[0].config['delivery.timeout.ms'] = 1000))).toBe(
      'producers[0].config.delivery.timeout.ms: 1000 should be equal to or larger than linger.ms + request.timeout.ms (5 + 30000 = 30005)',
    )
  })

  test('enable.idempotence=true set explicitly with acks=1', () => {
    const message = broken((s) => (s.producers[0].config = { acks: 1, 'enable.idempotence': true }))
    expect(message).toMatch(/^producers\[0\]\.config\.enable\.idempotence: /)
    expect(message).toContain('Must set acks to all in order to use the idempotent producer')
  })

  test('more problems', () => {
    expect(broken((s) => (s.topics[0].partition = 3))).toBe('topics[0].partition: unknown field (did you mean partitions?)')
    expect(broken((s) => delete s.name)).toBe('name: is required (a string)')
    expect(broken((s) => (s.durationMS = 5))).toBe('durationMS: unknown field (did you mean durationMs?)')
    expect(broken((s) => (s.expect.lostWrites = 0))).toMatch(/^expect\.lostWrites: unknown field/)
    expect(broken((s) => (s.expect.duplicates = { min: 3, max: 1 }))).toBe('expect.duplicates: min 3 is more than max 1')
    expect(broken((s) => (s.expect.leaderOf = { 'orders-0': 4 }))).toBe('expect.leaderOf.orders-0: 4 is not a broker (brokers are 1..3; -1 means no leader)')
    expect(broken((s) => (s.expect.leaderOf = { 'orders-0': -2 }))).toBe('expect.leaderOf.orders-0: -2 must be at least -1')
    expect(broken((s) => (s.expect.isrOf = { 'orders-1': [3, 1, 3] }))).toBe('expect.isrOf.orders-1[2]: broker 3 is listed twice')
    expect(broken((s) => (s.expect.groupState = { nope: 'Stable' }))).toMatch(/^expect\.groupState\.nope: unknown group/)
    expect(broken((s) => (s.expect.producerErrors = { checkout: { notEnough: 1 } }))).toMatch(/^expect\.producerErrors\.checkout\.notEnough: /)
    expect(broken((s) => (s.cluster.controller = { mode: 'zk' }))).toBe('cluster.controller.mode: "zk" is not a controller mode: "kraft" (Kafka 4.x) or "zookeeper" (legacy: Kafka 3.x, removed in 4.0)')
    // what belongs to one controller mode is refused in the other, with its path
    expect(broken((s) => (s.cluster.zookeeper = { nodes: 3 }))).toMatch(/^cluster\.zookeeper: ZooKeeper options apply only in ZooKeeper mode/)
    expect(broken((s) => (s.cluster.config = { 'zookeeper.session.timeout.ms': 6000 }))).toMatch(/^cluster\.config\.zookeeper\.session\.timeout\.ms: ZooKeeper options apply only in ZooKeeper mode/)
    expect(broken((s) => (s.cluster.controller = { mode: 'zookeeper', voters: 3 }))).toMatch(/^cluster\.controller\.voters: applies to KRaft only/)
    expect(broken((s) => (s.cluster.controller = { mode: 'zookeeper', dedicated: true }))).toMatch(/^cluster\.controller\.dedicated: applies to KRaft only/)
    expect(broken((s) => (s.cluster = { brokers: 3, controller: { mode: 'zookeeper' }, features: { 'eligible.leader.replicas.version': 1 } }))).toBe('cluster.features.eligible.leader.replicas.version: ELR (KIP-966) is a KRaft feature: a ZooKeeper-mode cluster has none (0)')
    expect(broken((s) => (s.cluster.controller = { mode: 'zookeeper' }, s.timeline = [{ atMs: 1, action: 'addBroker' }]))).toMatch(/^timeline\[0\]\.action: addBroker is not modelled in ZooKeeper mode/)
    expect(broken((s) => (s.cluster.controller = { mode: 'zookeeper' }, s.timeline = [{ atMs: 1, action: 'crashZooKeeper', server: 'zk-4' }]))).toBe('timeline[0].server: "zk-4" is not a ZooKeeper server (the ensemble is zk-1..zk-3)')
    expect(broken((s) => (s.timeline = [{ atMs: 1, action: 'isolate', node: 'zk-1' }]))).toMatch(/^timeline\[0\]\.node: "zk-1" does not exist: ZooKeeper servers exist only in ZooKeeper mode/)
    expect(broken((s) => (s.cluster.controller = { voters: 5 }))).toMatch(/^cluster\.controller\.voters: 5 is more than the 3 brokers/)
    expect(broken((s) => (s.cluster.brokers = 51))).toBe('cluster.brokers: 51 must be at most 50')
    expect(broken((s) => (s.topics[0].name = '__internal'))).toMatch(/^topics\[0\]\.name: "__internal" starts with "__"/)
    expect(broken((s) => (s.topics[0].name = 'a/b'))).toMatch(/^topics\[0\]\.name: "a\/b" contains characters/)
    expect(broken((s) => s.topics.push({ name: 'orders', partitions: 1, replicationFactor: 1 }))).toBe('topics[1].name: topic "orders" is defined twice')
    expect(broken((s) => s.topics.push({ name: 'a.b', partitions: 1, replicationFactor: 1 }, { name: 'a_b', partitions: 1, replicationFactor: 1 }))).toMatch(
      /^topics\[2\]\.name: topic "a_b" collides with "a\.b"/,
    )
    expect(broken((s) => (s.readers[0].id = 'checkout'))).toMatch(/^readers\[0\]\.id: "checkout" is already a producer id/)
    expect(broken((s) => (s.producers[0].id = 'billing-1'))).toMatch(/^producers\[0\]\.id: "billing-1" is also the name of a member of group "billing"/)
    expect(broken((s) => (s.producers[0].id = '7'))).toMatch(/^producers\[0\]\.id: "7": a producer id cannot be a number/)
    expect(broken((s) => (s.consumers[0].config = { 'heartbeat.interval.ms': 50000 }))).toMatch(
      /^consumers\[0\]\.config\.heartbeat\.interval\.ms: heartbeat\.interval\.ms \(50000\) must be set lower than the session timeout/,
    )
    expect(broken((s) => (s.consumers[0].config = { 'group.protocol': 'consumer', 'session.timeout.ms': 10000 }))).toBe(
      'consumers[0].config.session.timeout.ms: cannot be set when group.protocol=consumer (the broker decides it in the KIP-848 protocol)',
    )
    expect(broken((s) => (s.consumers[0].config = { 'group.protocol': 'consumer', 'group.remote.assignor': 'sticky' }))).toBe(
      'consumers[0].config.group.remote.assignor: "sticky" is not one of the broker\'s group.consumer.assignors (uniform, range)',
    )
    expect(broken((s) => (s.consumers[0].config = { 'group.remote.assignor': 'range' }))).toBe(
      'consumers[0].config.group.remote.assignor: only applies with group.protocol=consumer (classic groups assign on a member: partition.assignment.strategy)',
    )
    const share = (g: Record<string, unknown>) => (s: Record<string, any>) => (s.shareGroups = [{ groupId: 'workers', topics: ['orders'], members: 2, ...g }])
    expect(broken(share({ topics: ['jobs'] }))).toBe('shareGroups[0].topics[0]: unknown topic "jobs" (topics are: orders)')
    expect(broken(share({ groupId: 'billing' }))).toMatch(/^shareGroups\[0\]\.groupId: group "billing" is defined twice/)
    expect(broken(share({ config: { 'share.auto.offset.reset': 'middle' } }))).toBe('shareGroups[0].config.share.auto.offset.reset: "middle" is not one of latest, earliest')
    expect(broken(share({ config: { 'group.protocol': 'consumer' } }))).toMatch(/^shareGroups\[0\]\.config\.group\.protocol: unknown config/)
    expect(broken(share({ failProcessing: { everyNth: 0, acknowledge: 'RELEASE' } }))).toMatch(/^shareGroups\[0\]\.failProcessing\.everyNth: 0 must be at least 1/)
    expect(broken(share({ failProcessing: { everyNth: 3, acknowledge: 'ACCEPT' } }))).toMatch(/^shareGroups\[0\]\.failProcessing\.acknowledge: "ACCEPT" is not one of RELEASE, REJECT/)
    expect(broken((s) => (s.cluster.config = { 'group.share.delivery.count.limit': 11 }))).toBe('cluster.config.group.share.delivery.count.limit: 11 must be at most 10')
    expect(broken((s) => (s.cluster.config = { 'group.share.record.lock.duration.ms': 1000 }))).toBe('cluster.config.group.share.record.lock.duration.ms: 1000 must be at least 15000')
    expect(broken((s) => (s.cluster.config = { 'group.share.session.timeout.ms': 10000 }))).toBe('cluster.config.group.share.session.timeout.ms: 10000 must be at least 45000')
    expect(broken((s) => (s.consumers[0].config = { 'group.protocol': 'streams' }))).toMatch(/^consumers\[0\]\.config\.group\.protocol: "streams" is not one of classic, consumer/)
    expect(broken((s) => (s.cluster.config = { 'replica.lag.time.max.ms': 100 }))).toMatch(/^cluster\.config\.replica\.lag\.time\.max\.ms: replica\.fetch\.wait\.max\.ms \(500\)/)
    expect(broken((s) => (s.producers[0].config['linger.ms'] = -5))).toBe('producers[0].config.linger.ms: -5 must be at least 0 (negative values are not allowed)')
    expect(broken((s) => (s.producers[0].config['linger.ms'] = 2.5))).toBe('producers[0].config.linger.ms: 2.5 is not an integer')
    expect(broken((s) => (s.producers[0].keys = { kind: 'random' }))).toBe('producers[0].keys.kind: "random" is not one of none, pool, list')
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'addPartitions', topic: 'orders', count: 3 }))).toMatch(/^timeline\[2\]\.count: 3 is not more than the 3 partitions/)
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'setProducerConfig', producer: 'checkout', config: { acks: '0', 'enable.idempotence': true } }))).toMatch(
      /^timeline\[2\]\.config\.enable\.idempotence: /,
    )
    expect(broken((s) => (s.timeline = [{ atMs: 5, action: 'isolate' }]))).toBe(
      'timeline[0].node: expected a node (a broker number, a client id, "controller", "controller-N", "leader:<topic>-<p>", "replica:<topic>-<p>:<i>" or "coordinator:<groupId>"), got nothing',
    )
    expect(problem(null)).toBe('(scenario): expected an object, got null')
    expect(problem([])).toBe('(scenario): expected an object, got an array')
    expect(problem(JSON.parse('{"name": "x", "__proto__": {"polluted": 1}}'))).toBe('__proto__: is not allowed as a key')
  })

  test('parseScenarioText: a JSON syntax error has the path (json)', () => {
    let caught: unknown
    try {
      parseScenarioText('{\n  "name": "x",\n  oops\n}', 'broken.json')
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(ScenarioError)
    const e = caught as ScenarioError
    expect(e.path).toBe('(json)')
    expect(e.source).toBe('broken.json')
    expect(e.message).toMatch(/^\(json\): .*line 3, column 3/)
    expect(() => parseScenarioText('{"name": 5}')).toThrow('name: expected a string, got 5')
    expect(parseScenarioText('\uFEFF{"name": "bom"}').name).toBe('bom')
  })
})

describe('config resolvers', () => {
  test('Kafka 4.x defaults', () => {
    const broker = resolveBrokerConfig({})
    expect(broker).toMatchObject({
      'replica.lag.time.max.ms': 30000,
      'min.insync.replicas': 1,
      'unclean.leader.election.enable': false,
      'broker.session.timeout.ms': 9000,
      'broker.heartbeat.interval.ms': 2000,
      'offsets.topic.num.partitions': 50,
      'group.initial.rebalance.delay.ms': 3000,
      'message.max.bytes': 1048588,
    })
    const producer = resolveProducerConfig({})
    expect(producer).toMatchObject({ acks: 'all', 'linger.ms': 5, 'batch.size': 16384, 'enable.idempotence': true, retries: 2147483647, 'delivery.timeout.ms': 120000 })
    const consumer = resolveConsumerConfig({})
    expect(consumer).toMatchObject({
      'session.timeout.ms': 45000,
      'heartbeat.interval.ms': 3000,
      'auto.offset.reset': 'latest',
      'partition.assignment.strategy': ['range', 'cooperative-sticky'],
      'group.protocol': 'classic',
    })
    expect(consumer['group.instance.id']).toBeUndefined()
  })

  test('topic defaults come from the broker', () => {
    const broker = resolveBrokerConfig({ 'min.insync.replicas': 2, 'unclean.leader.election.enable': true, 'message.max.bytes': 1000 })
    expect(resolveTopicConfig({}, broker)).toEqual({
      'min.insync.replicas': 2,
      'unclean.leader.election.enable': true,
      'max.message.bytes': 1000,
      'retention.ms': 604800000,
      'retention.bytes': -1,
      'segment.bytes': 1073741824,
      'segment.ms': 604800000,
      'cleanup.policy': 'delete',
      'message.timestamp.type': 'CreateTime',
      'min.cleanable.dirty.ratio': 0.5,
      'delete.retention.ms': 86400000,
      'min.compaction.lag.ms': 0,
      'leader.replication.throttled.replicas': '',
      'follower.replication.throttled.replicas': '',
    })
    // the internal __consumer_offsets topic is created with cleanup.policy=compact
    expect(resolveTopicConfig({ 'cleanup.policy': 'compact' }, broker)['cleanup.policy']).toBe('compact')
    expect(resolveTopicConfig({ 'min.insync.replicas': 1 }, broker)['min.insync.replicas']).toBe(1)
  })

  test('idempotence is silently off when not asked for and acks is not all, retries is 0 or in-flight > 5', () => {
    expect(resolveProducerConfig({ acks: '1' })['enable.idempotence']).toBe(false)
    expect(resolveProducerConfig({ acks: 0 })['enable.idempotence']).toBe(false)
    expect(resolveProducerConfig({ retries: 0 })['enable.idempotence']).toBe(false)
    expect(resolveProducerConfig({ 'max.in.flight.requests.per.connection': 6 })['enable.idempotence']).toBe(false)
    expect(resolveProducerConfig({ acks: 'all', 'enable.idempotence': 'true' })['enable.idempotence']).toBe(true)
    expect(() => resolveProducerConfig({ retries: 0, 'enable.idempotence': true })).toThrow(/Must set retries to non-zero/)
    expect(() => resolveProducerConfig({ 'max.in.flight.requests.per.connection': 6, 'enable.idempotence': true })).toThrow(
      /Must set max.in.flight.requests.per.connection to at most 5/,
    )
  })

  test('delivery.timeout.ms is raised to linger.ms + request.timeout.ms when not set, an error when set', () => {
    expect(resolveProducerConfig({ 'request.timeout.ms': 200000 })['delivery.timeout.ms']).toBe(200005)
    expect(() => resolveProducerConfig({ 'request.timeout.ms': 200000, 'delivery.timeout.ms': 120000 })).toThrow(ConfigError)
  })

  test('group rules apply to group members only', () => {
    const map = { 'heartbeat.interval.ms': 50000 }
    expect(resolveConsumerConfig(map)['heartbeat.interval.ms']).toBe(50000)
    expect(() => resolveConsumerConfig(map, { group: true })).toThrow(/must be set lower than the session timeout/)
    expect(parseScenario({ name: 'r', topics: [{ name: 't', partitions: 1, replicationFactor: 1 }], readers: [{ id: 'r', topics: ['t'], config: map }] }).readers).toHaveLength(1)
  })

  test('values are validated and normalised', () => {
    expect(validateConfigMap('producer', { acks: '-1', 'partitioner.ignore.keys': 'TRUE' })).toEqual({
      acks: 'all',
      'partitioner.ignore.keys': true,
    })
    expect(validateConfigMap('consumer', { 'isolation.level': 'READ_UNCOMMITTED', 'group.protocol': 'Classic' })).toEqual({
      'isolation.level': 'read_uncommitted',
      'group.protocol': 'classic',
    })
    expect(validateConfigMap('consumer', { 'partition.assignment.strategy': ['RoundRobin', 'org.apache.kafka.clients.consumer.StickyAssignor'] })).toEqual({
      'partition.assignment.strategy': ['roundrobin', 'sticky'],
    })
    expect(() => validateConfigMap('consumer', { 'auto.offset.reset': 'smallest' })).toThrow('auto.offset.reset: "smallest" is not one of earliest, latest, none')
    expect(() => validateConfigMap('consumer', { 'enable.auto.commit': 'yes' })).toThrow('enable.auto.commit: expected true or false, got "yes"')
    expect(() => validateConfigMap('topic', { 'max.message.bytes': -1 })).toThrow('max.message.bytes: -1 must be at least 0')
    expect(() => validateConfigMap('producer', { 'batch.size': 2 ** 31 })).toThrow('batch.size: 2147483648 must be at most 2147483647')
    expect(() => validateConfigMap('producer', { constructor: 1 })).toThrow('constructor: unknown config')
    expect(() => validateConfigMap('consumer', { 'partition.assignment.strategy': 'constructor' })).toThrow(ConfigError)
    expect(() => validateConfigMap('consumer', { 'group.id': 'g' })).toThrow('group.id: unknown config (group.id is not configurable here: set consumers[].groupId)')
  })
})

describe('Kafka configs kafkascope does not model are refused, never ignored', () => {
  test.each([
    ['topic', 'max.compaction.lag.ms', 60000],
    ['topic', 'compression.type', 'zstd'],
    ['topic', 'segment.jitter.ms', 100],
    ['broker', 'log.cleaner.threads', 2],
    ['producer', 'compression.type', 'lz4'],
    ['consumer', 'client.rack', 'rack-a'],
    ['broker', 'group.consumer.assignors', 'range'],
  ] as const)('%s config %s', (scope, key, value) => {
    expect(() => validateConfigMap(scope, { [key]: value })).toThrow(new ConfigError(key, `"${key}" is a Kafka config kafkascope does not model yet (remove it from the scenario)`))
  })

  test('group.protocol: classic (the client default) and consumer (KIP-848) are both accepted', () => {
    expect(resolveConsumerConfig({ 'group.protocol': 'classic' }, { group: true })['group.protocol']).toBe('classic')
    expect(resolveConsumerConfig({ 'group.protocol': 'consumer', 'group.remote.assignor': 'range' }, { group: true })).toMatchObject({ 'group.protocol': 'consumer', 'group.remote.assignor': 'range' })
    expect(() => validateConfigMap('consumer', { 'isolation.level': 'read_committed' })).toThrow(
      'isolation.level: "isolation.level=read_committed" is a Kafka setting kafkascope does not model yet (use isolation.level=read_uncommitted, Kafka\'s default)',
    )
  })

  test('storage configs take Kafka 4.x ranges (LogConfig): a bad value names its field', () => {
    expect(resolveTopicConfig({}, resolveBrokerConfig({}))).toMatchObject({ 'retention.ms': 604800000, 'retention.bytes': -1, 'segment.bytes': 1073741824, 'segment.ms': 604800000, 'cleanup.policy': 'delete', 'message.timestamp.type': 'CreateTime' })
    expect(resolveTopicConfig({}, resolveBrokerConfig({ 'log.retention.ms': 600000, 'log.segment.bytes': 2097152 }))).toMatchObject({ 'retention.ms': 600000, 'segment.bytes': 2097152 })
    expect(validateConfigMap('topic', { 'retention.ms': -1, 'retention.bytes': -5, 'cleanup.policy': 'DELETE', 'message.timestamp.type': 'logappendtime' })).toEqual({ 'retention.ms': -1, 'retention.bytes': -5, 'cleanup.policy': 'delete', 'message.timestamp.type': 'LogAppendTime' })
    expect(broken((s) => (s.topics[0].config = { 'retention.ms': -2 }))).toBe('topics[0].config.retention.ms: -2 must be at least -1')
    expect(broken((s) => (s.topics[0].config = { 'segment.bytes': 1000 }))).toBe('topics[0].config.segment.bytes: 1000 must be at least 1048576')
    expect(broken((s) => (s.topics[0].config = { 'segment.ms': 0 }))).toBe('topics[0].config.segment.ms: 0 must be at least 1')
    expect(broken((s) => (s.topics[0].config = { 'cleanup.policy': 'archive' }))).toBe('topics[0].config.cleanup.policy: "archive" is not one of delete, compact, compact,delete')
    expect(validateConfigMap('topic', { 'cleanup.policy': 'delete,compact', 'min.cleanable.dirty.ratio': '0.1' })).toEqual({ 'cleanup.policy': 'compact,delete', 'min.cleanable.dirty.ratio': 0.1 })
    expect(broken((s) => (s.topics[0].config = { 'min.cleanable.dirty.ratio': 1.5 }))).toBe('topics[0].config.min.cleanable.dirty.ratio: 1.5 must be at most 1')
    expect(broken((s) => (s.topics[0].config = { 'delete.retention.ms': -1 }))).toBe('topics[0].config.delete.retention.ms: -1 must be at least 0 (negative values are not allowed)')
    expect(broken((s) => (s.cluster.config = { 'log.retention.check.interval.ms': 0 }))).toBe('cluster.config.log.retention.check.interval.ms: 0 must be at least 1')
    expect(broken((s) => (s.cluster.config = { 'log.retention.hours': 1 }))).toMatch(/^cluster\.config\.log\.retention\.hours: .*set log\.retention\.ms/)
  })

  test('in a scenario: the path and the key; an unknown key keeps the unknown-config message', () => {
    expect(broken((s) => (s.topics[0].config = { 'segment.index.bytes': 60000 }))).toBe(
      'topics[0].config.segment.index.bytes: "segment.index.bytes" is a Kafka config kafkascope does not model yet (remove it from the scenario)',
    )
    expect(broken((s) => (s.consumers[0].config = { 'isolation.level': 'read_committed' }))).toMatch(/^consumers\[0\]\.config\.isolation\.level: "isolation\.level=read_committed" is a Kafka setting kafkascope does not model yet/)
    expect(broken((s) => (s.producers[0].config = { 'compression.type': 'gzip' }))).toMatch(/^producers\[0\]\.config\.compression\.type: "compression\.type" is a Kafka config kafkascope does not model yet/)
    expect(broken((s) => s.timeline.push({ atMs: 5, action: 'setTopicConfig', topic: 'orders', config: { 'max.compaction.lag.ms': 1000 } }))).toMatch(
      /^timeline\[2\]\.config\.max\.compaction\.lag\.ms: "max\.compaction\.lag\.ms" is a Kafka config kafkascope does not model yet/,
    )
    expect(broken((s) => (s.topics[0].config = { 'retention.msec': 1 }))).toMatch(/^topics\[0\]\.config\.retention\.msec: unknown config/)
    expect(() => validateConfigMap('topic', { 'no.such.key': 1 })).toThrow('no.such.key: unknown config')
  })
})

describe('properties', () => {
  const onlyScenarioErrors = (input: unknown) => {
    try {
      parseScenario(input)
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e
      expect(e.message).toBe(`${e.path}: ${e.what}`)
      expect(e.path.length).toBeGreaterThan(0)
    }
  }

  test('parseScenario throws nothing but ScenarioError on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), onlyScenarioErrors), { numRuns: 500 })
  })

  /** A path into a JSON value, and a replacement for what is there. */
  const mutate = (root: unknown, choices: number[], replacement: unknown, mode: number): unknown => {
    const copy = structuredClone(root)
    let parent: any = undefined
    let key: string | number | undefined
    let node: any = copy
    for (const c of choices) {
      if (node === null || typeof node !== 'object') break
      const keys = Array.isArray(node) ? node.map((_: unknown, i: number) => i) : Object.keys(node)
      if (keys.length === 0) break
      parent = node
      key = keys[c % keys.length]
      node = node[key]
    }
    if (parent === undefined || key === undefined) return replacement
    if (mode === 0) parent[key] = replacement
    else if (mode === 1 && !Array.isArray(parent)) delete parent[key]
    else if (mode === 2 && !Array.isArray(parent)) parent[`${key}x`] = replacement
    else if (Array.isArray(parent)) parent.push(replacement)
    else parent[key] = replacement
    return copy
  }

  const interesting = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(-1, 0, 1, 2, 3, 4, 1.5, 1e300, '', '1', 'all', 'leader:orders-0', 'replica:orders-0:5', 'controller', 'controller-2', 'billing-9', 'orders', null, true, [], {}),
  )

  test('parseScenario throws nothing but ScenarioError on mutations of valid scenarios', () => {
    const bases = [valid(), ...Object.values(builtInScenarios)]
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bases.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        interesting,
        fc.integer({ min: 0, max: 3 }),
        (b, choices, replacement, mode) => onlyScenarioErrors(mutate(bases[b], choices, replacement, mode)),
      ),
      { numRuns: 2000 },
    )
  })

  test('whatever parses, parses to the same scenario again (sessions re-parse their scenario)', () => {
    const bases = [valid(), ...Object.values(builtInScenarios)]
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bases.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        interesting,
        fc.integer({ min: 0, max: 3 }),
        (b, choices, replacement, mode) => {
          let s
          try {
            s = parseScenario(mutate(bases[b], choices, replacement, mode))
          } catch {
            return
          }
          expect(parseScenario(structuredClone(s))).toEqual(s)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
