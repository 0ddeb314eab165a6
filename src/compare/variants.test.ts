// Run B differs from run A in exactly one Kafka setting, everywhere it appears, and only the
// settings that apply to a scenario are offered.
import { expect, test } from 'vitest'
import { parseScenario, type Scenario, type TimelineAction, builtInScenarios, mergeInterventions } from '../../sim/index.ts'
import { settingsFor, variantScenario } from './variants.ts'

function builtIn(id: string): Scenario {
  return parseScenario(builtInScenarios[id])
}

test('only the settings that apply are offered', () => {
  const ids = (id: string) => settingsFor(builtIn(id)).map((s) => s.id)
  expect(ids('unclean-election-data-loss')).toEqual(['acks', 'unclean', 'idempotence', 'shutdown', 'elr', 'mode'])
  expect(ids('consumer-joins-rebalance')).toEqual(['acks', 'unclean', 'strategy', 'protocol', 'idempotence', 'elr'])
  const noReplicas: Scenario = { ...builtIn('leader-failover'), expect: {}, topics: builtIn('leader-failover').topics.map((t) => ({ ...t, replicationFactor: 1 })) }
  expect(settingsFor(parseScenario(noReplicas)).map((s) => s.id)).not.toContain('unclean')
  expect(settingsFor(parseScenario(noReplicas)).map((s) => s.id)).not.toContain('elr')
  const noProducers = parseScenario({ ...builtIn('consumer-joins-rebalance'), producers: [] })
  expect(settingsFor(noProducers).map((s) => s.id)).toEqual(['unclean', 'strategy', 'protocol', 'elr'])
})

test('unclean election: B turns it off on every replicated topic', () => {
  const a = builtIn('unclean-election-data-loss')
  const option = settingsFor(a).find((s) => s.id === 'unclean')!
  expect(option).toMatchObject({ key: 'unclean.leader.election.enable', a: 'true', b: 'false', changedDuringRun: false })
  const b = variantScenario(a, 'unclean')
  expect(b.topics[0].config['unclean.leader.election.enable']).toBe(false)
  expect({ ...b, topics: a.topics }).toEqual(a)
})

test('acks=1 turns idempotence off as Kafka requires; acks=all keeps the idempotence A had', () => {
  const a = builtIn('leader-failover')
  const b = variantScenario(a, 'acks')
  for (const p of b.producers) expect(p.config).toMatchObject({ acks: '1', 'enable.idempotence': false })
  const back = variantScenario(b, 'acks')
  for (const p of back.producers) expect(p.config).toMatchObject({ acks: 'all', 'enable.idempotence': false })
})

test('idempotence: mixed producers all get the other value of the first one', () => {
  const a = builtIn('idempotent-retries')
  const option = settingsFor(a).find((s) => s.id === 'idempotence')!
  expect(option).toMatchObject({ a: 'true/false', b: 'false' })
  const b = variantScenario(a, 'idempotence')
  expect(b.producers.map((p) => p.config['enable.idempotence'])).toEqual([false, false])
})

test('strategy: every group switches from range to cooperative-sticky', () => {
  const a = builtIn('consumer-joins-rebalance')
  expect(settingsFor(a).find((s) => s.id === 'strategy')).toMatchObject({ a: 'range', b: 'cooperative-sticky' })
  const b = variantScenario(a, 'strategy')
  expect(b.consumers.map((c) => c.config['partition.assignment.strategy'])).toEqual([['cooperative-sticky']])
})

test('group.protocol: classic ↔ consumer, dropping the keys only the other protocol takes', () => {
  const a = builtIn('eager-vs-cooperative')
  expect(settingsFor(a).find((s) => s.id === 'protocol')).toMatchObject({ key: 'group.protocol', a: 'classic', b: 'consumer' })
  const b = variantScenario(a, 'protocol')
  for (const c of b.consumers) {
    expect(c.config['group.protocol']).toBe('consumer')
    expect(c.config).not.toHaveProperty('partition.assignment.strategy')
    expect(c.config).not.toHaveProperty('session.timeout.ms')
  }
  const mixed = builtIn('rebalance-without-stopping')
  expect(settingsFor(mixed).find((s) => s.id === 'protocol')).toMatchObject({ a: 'classic/consumer', b: 'consumer' })
  // strategy applies to the classic group only
  expect(variantScenario(mixed, 'strategy').consumers.map((c) => c.config['partition.assignment.strategy'])).toEqual([['cooperative-sticky'], undefined])
  const back = variantScenario(b, 'protocol')
  for (const c of back.consumers) expect(c.config['group.protocol']).toBe('classic')
})

test('interventions are merged into the timeline, and ones that change the setting change in B too', () => {
  const a = builtIn('leader-failover')
  const producer = a.producers[0].id
  const interventions: TimelineAction[] = [{ atMs: 15_000, action: 'setProducerConfig', producer, config: { acks: 'all' } }]
  const merged = mergeInterventions(a, interventions)
  expect(merged.timeline.map((x) => x.atMs)).toEqual([...a.timeline.map((x) => x.atMs), 15_000].sort((x, y) => x - y))
  expect(settingsFor(merged).find((s) => s.id === 'acks')?.changedDuringRun).toBe(true)
  const b = variantScenario(merged, 'acks')
  const change = b.timeline.find((x) => x.action === 'setProducerConfig')
  expect(change).toMatchObject({ atMs: 15_000, config: { acks: '1', 'enable.idempotence': false } })
})

test('controlled.shutdown.enable: every crashBroker of the run becomes a controlled shutdown, and back', () => {
  const a = builtIn('leader-failover')
  expect(settingsFor(a).find((s) => s.id === 'shutdown')).toMatchObject({ key: 'controlled.shutdown.enable', a: 'false', b: 'true' })
  const b = variantScenario(a, 'shutdown')
  expect(b.timeline.map((x) => x.action)).toEqual(['shutdownBroker', 'restartBroker'])
  expect({ ...b, timeline: a.timeline }).toEqual(a)
  expect(variantScenario(b, 'shutdown').timeline).toEqual(a.timeline)
  // nothing stops a broker in a scenario without crashes: the setting is not offered
  expect(settingsFor(builtIn('consumer-joins-rebalance')).map((s) => s.id)).not.toContain('shutdown')
})

test('eligible.leader.replicas.version: B is Kafka 4.0 without ELR, and back', () => {
  const a = builtIn('eligible-leader-replicas')
  expect(settingsFor(a).find((s) => s.id === 'elr')).toMatchObject({ key: 'eligible.leader.replicas.version', a: '1', b: '0', changedDuringRun: false })
  const b = variantScenario(a, 'elr')
  expect(b.cluster.features['eligible.leader.replicas.version']).toBe(0)
  expect({ ...b, cluster: a.cluster }).toEqual(a)
  expect(variantScenario(b, 'elr')).toEqual(a)
})

test('controller.mode: B runs the same cluster under the other controller, and back', () => {
  const a = builtIn('zookeeper-failover')
  expect(settingsFor(a).find((s) => s.id === 'mode')).toMatchObject({ key: 'controller.mode', a: 'zookeeper', b: 'kraft', changedDuringRun: false })
  const b = variantScenario(a, 'mode')
  expect(b.cluster.controller).toEqual({ mode: 'kraft', voters: 3, dedicated: false })
  expect(b.cluster.zookeeper).toBeNull()
  // Kafka 4.3 formats a new KRaft cluster with ELR on
  expect(b.cluster.features['eligible.leader.replicas.version']).toBe(1)
  expect({ ...b, cluster: a.cluster }).toEqual(a)
  expect(variantScenario(b, 'mode')).toEqual(a)
  // ELR is a KRaft feature: not offered for a ZooKeeper-mode run
  expect(settingsFor(a).map((s) => s.id)).not.toContain('elr')
  // a KRaft run that uses what ZooKeeper mode does not model (a controlled shutdown) is not offered the switch
  expect(settingsFor(builtIn('controlled-shutdown')).map((s) => s.id)).not.toContain('mode')
  expect(settingsFor(builtIn('leader-failover')).find((s) => s.id === 'mode')).toMatchObject({ a: 'kraft', b: 'zookeeper' })
})

test('controller.mode: crashes of ZooKeeper servers have no KRaft counterpart and stay in A only', () => {
  const a = parseScenario({
    ...JSON.parse(JSON.stringify(builtInScenarios['zookeeper-failover'])),
    timeline: [
      { atMs: 10_000, action: 'crashZooKeeper', server: 'zk-1' },
      { atMs: 20_000, action: 'crashBroker', broker: 2 },
    ],
  })
  expect(variantScenario(a, 'mode').timeline).toEqual([{ atMs: 20_000, action: 'crashBroker', broker: 2 }])
})
