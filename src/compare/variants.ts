// The two runs a learner compares: A is the run on the page (its scenario, seed and the person's
// interventions, merged into the timeline as a session is), B is the same run with one Kafka setting
// flipped everywhere it appears — acks (all ↔ 1), unclean.leader.election.enable, the consumer
// groups' partition.assignment.strategy (range ↔ cooperative-sticky), their group.protocol (classic ↔
// consumer, KIP-848), enable.idempotence, how brokers stop (controlled.shutdown.enable: every
// crashBroker of the timeline ↔ a shutdownBroker, the controlled shutdown), or the cluster's
// eligible.leader.replicas.version (ELR, KIP-966: 1 as Kafka 4.3 formats a new cluster ↔ 0 as 4.0), or the
// controller.mode (KRaft ↔ the legacy ZooKeeper mode of Kafka 3.x, with a three-server ensemble) — so
// whatever differs between A and B comes from that one setting.

import {
  parseScenario,
  type Scenario,
  type TimelineAction,
  resolveProducerConfig,
  type ConfigMap,
  type ConfigValue,
} from '../../sim/index.ts'

export type SettingId = 'acks' | 'unclean' | 'strategy' | 'protocol' | 'idempotence' | 'shutdown' | 'elr' | 'mode'

/** One setting the learner may compare, with A's value (as the run has it) and B's. */
export interface SettingOption {
  id: SettingId
  /** Kafka's config key */
  key: string
  /** A's value(s) as written in the scenario, e.g. "all" or "range" ("all/1" when they differ) */
  a: string
  /** the value B uses everywhere */
  b: string
  /** the run's timeline changes this key itself (a scenario action or an intervention) */
  changedDuringRun: boolean
}

export const SETTING_IDS: readonly SettingId[] = ['acks', 'unclean', 'strategy', 'protocol', 'idempotence', 'shutdown', 'elr', 'mode']

const KEYS: Record<SettingId, string> = {
  acks: 'acks',
  unclean: 'unclean.leader.election.enable',
  strategy: 'partition.assignment.strategy',
  protocol: 'group.protocol',
  idempotence: 'enable.idempotence',
  shutdown: 'controlled.shutdown.enable',
  elr: 'eligible.leader.replicas.version',
  mode: 'controller.mode',
}

/** Timeline actions that make a broker, a controller or a ZooKeeper server fail or lose the network. */
const SERVER_FAULTS: ReadonlySet<string> = new Set(['crashBroker', 'crashController', 'crashRack', 'crashZooKeeper', 'isolate', 'partitionNetwork', 'pauseNode', 'cutLink', 'slowLink'])

/** Keys only one group protocol takes (ConsumerConfig rejects the classic ones with group.protocol=consumer). */
const CLASSIC_ONLY = ['partition.assignment.strategy', 'session.timeout.ms', 'heartbeat.interval.ms']
const CONSUMER_ONLY = ['group.remote.assignor']

/** The consumer default: [range, cooperative-sticky], i.e. range with EAGER rebalancing. */
const DEFAULT_ASSIGNORS = ['range', 'cooperative-sticky']

function acksOf(config: ConfigMap): string {
  const acks = config.acks
  return acks === undefined || acks === '-1' ? 'all' : String(acks)
}

function idempotentOf(config: ConfigMap): boolean {
  return resolveProducerConfig(config)['enable.idempotence']
}

function uncleanOf(scenario: Scenario, config: ConfigMap): boolean {
  const v = config['unclean.leader.election.enable'] ?? scenario.cluster.config['unclean.leader.election.enable']
  return v === true
}

function firstAssignor(config: ConfigMap): string {
  const v = config['partition.assignment.strategy']
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',').map((s) => s.trim()) : DEFAULT_ASSIGNORS
  return list[0] ?? 'range'
}

/** A's values of the setting, one per producer / topic / group, in scenario order. */
function valuesOf(scenario: Scenario, id: SettingId): string[] {
  switch (id) {
    case 'acks':
      return scenario.producers.map((p) => acksOf(p.config))
    case 'idempotence':
      return scenario.producers.map((p) => String(idempotentOf(p.config)))
    case 'unclean':
      return scenario.topics.filter((t) => t.replicationFactor > 1).map((t) => String(uncleanOf(scenario, t.config)))
    case 'strategy':
      return scenario.consumers.filter((c) => c.config['group.protocol'] !== 'consumer').map((c) => firstAssignor(c.config))
    case 'protocol':
      return scenario.consumers.map((c) => (c.config['group.protocol'] === 'consumer' ? 'consumer' : 'classic'))
    case 'shutdown':
      // a crash stops a broker without handing anything over, as controlled.shutdown.enable=false would
      return scenario.timeline.flatMap((a) => (a.action === 'crashBroker' ? ['false'] : a.action === 'shutdownBroker' ? ['true'] : []))
    case 'elr':
      // a cluster-wide feature level; it matters only where a partition has followers (and only in KRaft)
      return scenario.cluster.controller.mode === 'kraft' && scenario.topics.some((t) => t.replicationFactor > 1) ? [String(scenario.cluster.features['eligible.leader.replicas.version'])] : []
    case 'mode':
      // how the controller is elected and learns of failures: it matters where a server fails or is cut off
      return scenario.timeline.some((a) => SERVER_FAULTS.has(a.action)) ? [scenario.cluster.controller.mode] : []
  }
}

/** B's value: the other side of the pair, decided by A's first producer / topic / group. */
function otherValue(id: SettingId, first: string): string {
  switch (id) {
    case 'acks':
      return first === 'all' ? '1' : 'all'
    case 'idempotence':
    case 'unclean':
    case 'shutdown':
      return first === 'true' ? 'false' : 'true'
    case 'strategy':
      return first === 'cooperative-sticky' ? 'range' : 'cooperative-sticky'
    case 'protocol':
      return first === 'consumer' ? 'classic' : 'consumer'
    case 'elr':
      return first === '0' ? '1' : '0'
    case 'mode':
      return first === 'zookeeper' ? 'kraft' : 'zookeeper'
  }
}

/**
 * The cluster in the other controller mode: KRaft as a new Kafka 4.3 cluster is formatted (three
 * combined voters at most, ELR on), or ZooKeeper mode with an ensemble of three; options of the
 * other mode go (zookeeper.* broker configs).
 */
function clusterIn(mode: string, cluster: Scenario['cluster']): Scenario['cluster'] {
  const config = Object.fromEntries(Object.entries(cluster.config).filter(([k]) => !k.startsWith('zookeeper.')))
  if (mode === 'zookeeper') return { ...cluster, controller: { mode: 'zookeeper', voters: 0, dedicated: false }, zookeeper: { nodes: 3 }, features: { 'eligible.leader.replicas.version': 0 } }
  return { ...cluster, config, controller: { mode: 'kraft', voters: Math.min(3, cluster.brokers), dedicated: false }, zookeeper: null, features: { 'eligible.leader.replicas.version': 1 } }
}

function configValue(id: SettingId, b: string): ConfigValue {
  if (id === 'unclean' || id === 'idempotence') return b === 'true'
  if (id === 'strategy') return [b]
  return b
}

/** B's version of one config map: the key set to B's value, plus what Kafka requires with it. */
function flipConfig(id: SettingId, b: string, config: ConfigMap): ConfigMap {
  const next: ConfigMap = { ...config, [KEYS[id]]: configValue(id, b) }
  if (id === 'protocol') for (const key of b === 'consumer' ? CLASSIC_ONLY : CONSUMER_ONLY) delete next[key]
  if (id === 'acks') {
    // acks=1 needs enable.idempotence=false; acks=all keeps the idempotence A had (Kafka would
    // otherwise switch its default back on, and that would be a second difference)
    next['enable.idempotence'] = b === 'all' ? idempotentOf(config) : false
  }
  return next
}

function flipAction(id: SettingId, b: string, a: TimelineAction): TimelineAction {
  const key = KEYS[id]
  if (id === 'shutdown' && (a.action === 'crashBroker' || a.action === 'shutdownBroker')) return { atMs: a.atMs, action: b === 'true' ? 'shutdownBroker' : 'crashBroker', broker: a.broker }
  if (id === 'unclean' && a.action === 'setTopicConfig' && key in a.config) return { ...a, config: { ...a.config, [key]: configValue(id, b) } }
  if (id === 'strategy' && a.action === 'setConsumerConfig' && key in a.config) return { ...a, config: { ...a.config, [key]: configValue(id, b) } }
  if (id === 'protocol' && a.action === 'setConsumerConfig') return { ...a, config: flipConfig(id, b, a.config) }
  if ((id === 'acks' || id === 'idempotence') && a.action === 'setProducerConfig') {
    if (key in a.config) return { ...a, config: flipConfig(id, b, a.config) }
    if (id === 'acks' && b === '1' && a.config['enable.idempotence'] === true) return { ...a, config: { ...a.config, 'enable.idempotence': false } }
  }
  return a
}

function changesKey(id: SettingId, timeline: readonly TimelineAction[]): boolean {
  const key = KEYS[id]
  return timeline.some((a) => {
    if (a.action === 'setTopicConfig') return id === 'unclean' && key in a.config
    if (a.action === 'setConsumerConfig') return (id === 'strategy' || id === 'protocol') && key in a.config
    if (a.action === 'setProducerConfig') return (id === 'acks' || id === 'idempotence') && key in a.config
    return false
  })
}

/** The scenario of run B: the setting set to B's value on every producer / topic / group and in every timeline action. */
export function variantScenario(scenario: Scenario, id: SettingId): Scenario {
  const values = valuesOf(scenario, id)
  if (values.length === 0) throw new Error(`kafkascope: ${KEYS[id]} does not apply to this scenario`)
  const b = otherValue(id, values[0])
  const raw: Scenario = {
    ...scenario,
    cluster:
      id === 'elr'
        ? { ...scenario.cluster, features: { ...scenario.cluster.features, 'eligible.leader.replicas.version': Number(b) } }
        : id === 'mode'
          ? clusterIn(b, scenario.cluster)
          : scenario.cluster,
    producers: id === 'acks' || id === 'idempotence' ? scenario.producers.map((p) => ({ ...p, config: flipConfig(id, b, p.config) })) : scenario.producers,
    topics: id === 'unclean' ? scenario.topics.map((t) => (t.replicationFactor > 1 ? { ...t, config: flipConfig(id, b, t.config) } : t)) : scenario.topics,
    consumers:
      id === 'strategy'
        ? scenario.consumers.map((c) => (c.config['group.protocol'] === 'consumer' ? c : { ...c, config: flipConfig(id, b, c.config) }))
        : id === 'protocol'
          ? scenario.consumers.map((c) => ({ ...c, config: flipConfig(id, b, c.config) }))
          : scenario.consumers,
    // ZooKeeper servers exist in ZooKeeper mode only: their crashes have no KRaft counterpart
    timeline: scenario.timeline.filter((a) => !(id === 'mode' && b === 'kraft' && (a.action === 'crashZooKeeper' || a.action === 'restartZooKeeper'))).map((a) => flipAction(id, b, a)),
  }
  return parseScenario(raw)
}

/**
 * The settings worth comparing for this scenario: only those with something to apply to (no
 * strategy switch without groups, no unclean election without replicas) and whose B Kafka accepts
 * (idempotence on needs acks=all on every producer).
 */
export function settingsFor(scenario: Scenario): SettingOption[] {
  const options: SettingOption[] = []
  for (const id of SETTING_IDS) {
    const values = valuesOf(scenario, id)
    if (values.length === 0) continue
    try {
      variantScenario(scenario, id)
    } catch {
      continue
    }
    options.push({
      id,
      key: KEYS[id],
      a: [...new Set(values)].join('/'),
      b: otherValue(id, values[0]),
      changedDuringRun: changesKey(id, scenario.timeline),
    })
  }
  return options
}
