// The builder's form ↔ scenario mapping: every built-in scenario survives a trip through the form
// unchanged (so tweaking one field changes only that field), a form maps to the scenario fields and
// Kafka config keys the CLI reads, and the parser's first problem lands on the form field it is about.
import { describe, expect, it } from 'vitest'
import { builtInScenarios, parseScenario } from '../../../sim/index.ts'
import { check, domId, draftFromScenario, exportedScenario, timelineSummary, draftToJson, fieldForPath, fieldIds, newGroup, newProducer, newTopic, type Draft } from './model.ts'

function draftOf(id: string): Draft {
  return draftFromScenario(parseScenario(builtInScenarios[id]))
}

describe('the builder form', () => {
  it('gives back every built-in scenario unchanged when nothing is edited', () => {
    for (const id of Object.keys(builtInScenarios)) {
      const scenario = parseScenario(builtInScenarios[id])
      expect(parseScenario(draftToJson(draftFromScenario(scenario))), id).toEqual(scenario)
    }
  })

  it('maps brokers, quorum, topics, producers and groups to the scenario fields and Kafka config keys', () => {
    const d = draftOf('leader-failover')
    d.name = 'My cluster'
    d.seed = '7'
    d.durationMs = '30000'
    d.brokers = '4'
    d.voters = '3'
    d.dedicated = true
    d.brokerConfig = 'replica.lag.time.max.ms=10000\n# a comment\n'
    d.topics = [{ ...newTopic(d), name: 'payments', partitions: '6', replicationFactor: '3', minIsr: '2', unclean: 'true', otherConfig: 'max.message.bytes=2000000' }]
    d.producers = [{ ...newProducer(d), id: 'shop', topic: 'payments', recordsPerSec: '25', keyKind: 'list', keyList: 'a, b ,c', acks: '1', idempotence: 'false', otherConfig: 'linger.ms=20' }]
    d.groups = [{ ...newGroup(d), groupId: 'billing', topics: ['payments'], members: '2', assignor: 'cooperative-sticky', otherConfig: 'session.timeout.ms=10000' }]
    d.keepTimeline = false
    d.keepReaders = false
    d.keepExpect = false
    const result = check(d)
    expect(result.problem).toBeNull()
    const s = result.scenario!
    expect(s).toMatchObject({ name: 'My cluster', seed: 7, durationMs: 30000, timeline: [], readers: [], expect: {} })
    expect(s.cluster).toMatchObject({ brokers: 4, controller: { mode: 'kraft', voters: 3, dedicated: true }, config: { 'replica.lag.time.max.ms': 10000 } })
    expect(s.topics).toEqual([
      { name: 'payments', partitions: 6, replicationFactor: 3, config: { 'max.message.bytes': 2000000, 'min.insync.replicas': 2, 'unclean.leader.election.enable': true } },
    ])
    expect(s.producers[0]).toMatchObject({ id: 'shop', topic: 'payments', recordsPerSec: 25, keys: { kind: 'list', values: ['a', 'b', 'c'] }, config: { acks: '1', 'enable.idempotence': false, 'linger.ms': 20 } })
    expect(s.consumers[0]).toMatchObject({ groupId: 'billing', topics: ['payments'], members: 2, config: { 'partition.assignment.strategy': ['cooperative-sticky'], 'session.timeout.ms': 10000 } })
  })

  it('leaves a key at Kafka\'s default when its control says so, and omits an empty quorum size', () => {
    const d = draftOf('leader-failover')
    d.topics[0].minIsr = ''
    d.topics[0].unclean = ''
    d.producers[0].acks = ''
    d.voters = ''
    d.brokers = '5'
    const json = draftToJson(d) as { topics: { config: object }[]; producers: { config: object }[]; cluster: { controller: object } }
    expect(json.topics[0].config).toEqual({})
    expect(json.producers[0].config).toEqual({ 'linger.ms': '5' })
    expect(json.cluster.controller).toEqual({ mode: 'kraft' })
    expect(check(d).scenario?.cluster.controller.voters).toBe(3)
  })
})

describe('the controller mode', () => {
  it('gives back a ZooKeeper-mode scenario as written: its mode and ensemble, none of KRaft\'s fields', () => {
    const scenario = parseScenario(builtInScenarios['zookeeper-failover'])
    const d = draftFromScenario(scenario)
    expect(d.mode).toBe('zookeeper')
    expect(d.zooKeeperNodes).toBe('3')
    const json = draftToJson(d) as { cluster: Record<string, unknown> }
    expect(json.cluster.controller).toEqual({ mode: 'zookeeper' })
    expect(json.cluster.zookeeper).toEqual({ nodes: 3 })
    expect(json.cluster).not.toHaveProperty('features')
    expect(parseScenario(json)).toEqual(scenario)
    // Export writes the parsed scenario without KRaft's voters, dedicated and feature levels, and it reads back the same
    const exported = exportedScenario(scenario) as { cluster: Record<string, unknown> }
    expect(Object.keys(exported.cluster)).not.toContain('features')
    expect(exported.cluster.controller).toEqual({ mode: 'zookeeper' })
    expect(exported.cluster.zookeeper).toEqual({ nodes: 3 })
    expect(parseScenario(JSON.parse(JSON.stringify(exported)))).toEqual(scenario)
    // a KRaft scenario is exported as parsed
    const kraft = parseScenario(builtInScenarios['leader-failover'])
    expect(exportedScenario(kraft)).toBe(kraft)
  })

  it('turns a KRaft cluster into a ZooKeeper-mode one with its ensemble, dropping KRaft\'s quorum and feature levels', () => {
    const d = draftOf('eligible-leader-replicas')
    d.carried.features = { 'eligible.leader.replicas.version': 0 }
    expect((draftToJson(d) as { cluster: Record<string, unknown> }).cluster.features).toEqual({ 'eligible.leader.replicas.version': 0 })
    d.mode = 'zookeeper'
    d.zooKeeperNodes = '5'
    d.voters = '3'
    d.dedicated = true
    d.keepTimeline = false
    d.keepExpect = false
    const json = draftToJson(d) as { cluster: Record<string, unknown> }
    expect(json.cluster.controller).toEqual({ mode: 'zookeeper' })
    expect(json.cluster).not.toHaveProperty('features')
    const result = check(d)
    expect(result.problem).toBeNull()
    expect(result.scenario!.cluster).toMatchObject({ controller: { mode: 'zookeeper', voters: 0, dedicated: false }, zookeeper: { nodes: 5 }, features: { 'eligible.leader.replicas.version': 0 } })
  })

  it('turns a ZooKeeper-mode cluster into a KRaft one with Kafka\'s defaults', () => {
    const d = draftOf('zookeeper-failover')
    d.mode = 'kraft'
    const result = check(d)
    expect(result.problem).toBeNull()
    expect(result.scenario!.cluster).toMatchObject({ controller: { mode: 'kraft', voters: 3, dedicated: false }, zookeeper: null, features: { 'eligible.leader.replicas.version': 1 } })
  })

  it('puts ZooKeeper-mode problems at their fields: the ensemble size, a KRaft-only action in the kept timeline', () => {
    const d = draftOf('zookeeper-failover')
    d.zooKeeperNodes = '9'
    const size = check(d).problem!
    expect(size.field).toBe('cluster.zookeeper.nodes')
    expect(size.text.ko).toContain('7 이하여야 합니다')
    const e = draftOf('scale-out')
    e.mode = 'zookeeper'
    const refused = check(e).problem!
    expect(refused.field).toBe('timeline')
    expect(refused.text.en).toContain('is not modelled in ZooKeeper mode')
    expect(refused.text.ko).toContain('ZooKeeper 모드에서 모델링하지 않습니다')
    const kip848 = draftOf('zookeeper-failover')
    kip848.groups = [{ ...newGroup(kip848), otherConfig: 'group.protocol=consumer' }]
    expect(check(kip848).problem!.text.ko).toContain('KRaft 클러스터가 필요합니다')
  })
})

describe('a problem lands at its field', () => {
  function problemOf(edit: (d: Draft) => void) {
    const d = draftOf('leader-failover')
    edit(d)
    const p = check(d).problem
    expect(p).not.toBeNull()
    return p!
  }

  it('a replication factor above the brokers', () => {
    const p = problemOf((d) => (d.topics[0].replicationFactor = '5'))
    expect(p.field).toBe('topics[0].replicationFactor')
    expect(p.text.en).toBe('topics[0].replicationFactor: 5 is more than the 3 brokers')
    expect(p.text.ko).toContain('브로커 수(3)보다 큽니다')
  })

  it('a partition count that is not a number', () => {
    const p = problemOf((d) => (d.topics[0].partitions = 'six'))
    expect(p.field).toBe('topics[0].partitions')
    expect(p.text.en).toContain('expected a number')
  })

  it('a key config with its own control, and one among the other configs', () => {
    expect(problemOf((d) => (d.topics[0].minIsr = '0')).field).toBe('topics[0].config.min.insync.replicas')
    const other = problemOf((d) => (d.topics[0].otherConfig = 'retention.ms=-5'))
    expect(other.field).toBe('topics[0].config')
    expect(other.path).toBe('topics[0].config.retention.ms')
  })

  it('a properties line that is not key=value, and a key that has its own control', () => {
    const p = problemOf((d) => (d.producers[0].otherConfig = 'linger.ms 5'))
    expect(p.field).toBe('producers[0].config')
    expect(p.text.en).toContain('line 1: expected key=value')
    expect(problemOf((d) => (d.producers[0].otherConfig = 'acks=1')).text.en).toContain('acks has its own field')
  })

  it('too many combined voters, a group without topics, a bad pool size, a broken timeline', () => {
    expect(problemOf((d) => (d.voters = '5')).field).toBe('cluster.controller.voters')
    expect(
      problemOf((d) => {
        d.groups = [{ ...newGroup(d), topics: [] }]
      }).field,
    ).toBe('consumers[0].topics')
    expect(problemOf((d) => (d.producers[0].keyPoolSize = '0')).field).toBe('producers[0].keys.size')
    // a kept timeline action that names a broker the cluster does not have
    const p = problemOf((d) => (d.carried.timeline = [{ atMs: 1000, action: 'crashBroker', broker: 9 }]))
    expect(p.field).toBe('timeline')
  })

  it('maps paths to the longest field, on a path boundary', () => {
    const ids = fieldIds(draftOf('leader-failover'))
    expect(fieldForPath('topics[0].config.min.insync.replicas', ids)).toBe('topics[0].config.min.insync.replicas')
    expect(fieldForPath('topics[0].config.min.insync.replicasX', ids)).toBe('topics[0].config')
    expect(fieldForPath('consumers[0].topics[1]', ids)).toBe(null)
    expect(fieldForPath('(scenario)', ids)).toBe(null)
    expect(domId('topics[0].config.min.insync.replicas')).toBe('bld-topics-0-config-min-insync-replicas')
  })
})

describe('the kept timeline', () => {
  it('is summed up in one line', () => {
    expect(timelineSummary(draftOf('leader-failover').carried.timeline, 'en')).toBe('20 s Crash leader:orders-0 · 60 s Restart replica:orders-0:0')
    expect(timelineSummary(draftOf('leader-failover').carried.timeline, 'ko')).toBe('20초 leader:orders-0 크래시 · 60초 replica:orders-0:0 재시작')
    expect(timelineSummary(draftOf('classroom-tour').carried.timeline, 'en', 2)).toBe('60 s Crash leader:orders-0 · 150 s Restart replica:orders-0:0 · +5')
  })
})

describe('problems in Korean', () => {
  // Mistakes a learner makes in the form; each must read in Korean, not as the parser's English
  // after the generic lead ("쓸 수 없는 값입니다: ...").
  const cases: [string, (d: Draft) => void, RegExp][] = [
    ['an unknown topic config', (d) => (d.topics[0].otherConfig = 'retention.msx=1000'), /없는 설정입니다/],
    ['a broker config on a topic', (d) => (d.topics[0].otherConfig = 'log.retention.ms=1000'), /없는 설정|모델링하지 않는/],
    ['a topic name Kafka refuses', (d) => (d.topics[0].name = 'orders!'), /토픽 이름에 쓸 수 없는 문자/],
    ['an internal topic name', (d) => (d.topics[0].name = '__mine'), /"__"로 시작합니다/],
    ['a producer id that is a number', (d) => (d.producers[0].id = '12'), /프로듀서 id는 숫자일 수 없습니다/],
    ['a config value not among its values', (d) => (d.producers[0].otherConfig = 'compression.type=zip'), /쓸 수 있는 값이 아닙니다|모델링하지 않는/],
    ['idempotence with acks=1', (d) => ((d.producers[0].acks = '1'), (d.producers[0].idempotence = 'true')), /함께 쓸 수 없습니다: 멱등 프로듀서는 acks=all이어야 합니다/],
    ['a delivery timeout below linger + request timeout', (d) => (d.producers[0].otherConfig = 'delivery.timeout.ms=1000'), /이상이어야 합니다/],
  ]
  for (const [what, edit, ko] of cases) {
    it(what, () => {
      const d = draftOf('leader-failover')
      edit(d)
      const p = check(d).problem
      expect(p, what).not.toBeNull()
      expect(p!.text.ko).toMatch(ko)
      expect(p!.text.ko).not.toContain('쓸 수 없는 값입니다:')
    })
  }
})
