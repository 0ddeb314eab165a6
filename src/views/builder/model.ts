// The scenario builder's form as data, and how it maps to a scenario file (CONTRACT §3). The form
// (a Draft) holds what the learner typed, as text, so a half-typed or wrong value stays on screen;
// draftToJson turns it into scenario JSON that the one parser (parseScenario, the CLI's) checks:
// numbers that read as numbers become numbers, anything else is passed on as typed, so the parser
// names the problem in its own words at its own field path. fieldForPath maps that path back to the
// form field it is about. Kafka's configs keep Kafka's names: the key ones (min.insync.replicas,
// unclean.leader.election.enable, acks, enable.idempotence, partition.assignment.strategy) have
// their own controls; any other config is written as Kafka's properties (`key=value` lines).
// The parts of a scenario the form does not show (readers, share groups, the timeline, expectations,
// network latency, brokers' racks, a producer's startActive) are carried over from the scenario it was prefilled from.
// The controller mode is KRaft (Kafka 4.x: voters, dedicated controllers, feature levels) or the legacy
// ZooKeeper mode of Kafka 3.x (the ensemble's size, and none of KRaft's fields).

import { parseScenario, ScenarioError, type Scenario, type ConfigMap, type ConfigValue, type TimelineAction } from '../../../sim/index.ts'
import { pick, type Locale, type Text } from '../../i18n.ts'
import { actionText, seconds } from '../action-text.ts'

export interface TopicDraft {
  name: string
  partitions: string
  replicationFactor: string
  minIsr: string
  /** '' (the broker's default, false), 'true' or 'false' */
  unclean: string
  /** other topic configs, as `key=value` lines */
  otherConfig: string
}

export interface ProducerDraft {
  id: string
  topic: string
  recordsPerSec: string
  keyKind: 'none' | 'pool' | 'list'
  keyPoolSize: string
  /** comma-separated keys */
  keyList: string
  valueBytes: string
  /** '' (Kafka's default, all), 'all', '1', '0' */
  acks: string
  /** '' (Kafka's default, true), 'true', 'false' */
  idempotence: string
  otherConfig: string
  /** carried over: not shown */
  startActive: boolean
}

export interface GroupDraft {
  groupId: string
  topics: string[]
  members: string
  /** '' (Kafka's default: range, cooperative-sticky) or an assignor list as Kafka writes it */
  assignor: string
  processingMsPerRecord: string
  staticMembership: boolean
  otherConfig: string
}

/** What the form does not show, carried over from the scenario it was prefilled from. */
export interface Carried {
  description: string
  /** the scenario's Korean name and description, kept while the name is the one it was prefilled with */
  ko: unknown
  originalName: string
  network: unknown
  /** broker.rack per broker (cluster.racks): the form has no controls for racks yet */
  racks: Record<string, string>
  /** cluster.features (KRaft only): the form has no controls for feature levels */
  features: Record<string, number>
  readers: unknown[]
  /** share groups (KIP-932): the form has no controls for them yet */
  shareGroups: unknown[]
  timeline: TimelineAction[]
  expect: Record<string, unknown>
}

/** How the cluster keeps its metadata: KRaft (Kafka 4.x), or the legacy ZooKeeper mode of Kafka 3.x (removed in 4.0). */
export type ControllerMode = 'kraft' | 'zookeeper'

export interface Draft {
  name: string
  seed: string
  durationMs: string
  brokers: string
  mode: ControllerMode
  /** KRaft only: '' = Kafka's default, min(3, brokers) */
  voters: string
  /** KRaft only */
  dedicated: boolean
  /** ZooKeeper mode only: the ensemble's size (zk-1..zk-N); '' = 3 */
  zooKeeperNodes: string
  brokerConfig: string
  topics: TopicDraft[]
  producers: ProducerDraft[]
  groups: GroupDraft[]
  carried: Carried
  keepReaders: boolean
  keepTimeline: boolean
  keepExpect: boolean
}

/** Keys that have their own control (so they are not listed among the other configs). */
const OWN_KEYS = {
  topic: ['min.insync.replicas', 'unclean.leader.election.enable'],
  producer: ['acks', 'enable.idempotence'],
  consumer: ['partition.assignment.strategy'],
  broker: [] as string[],
}

type Scope = keyof typeof OWN_KEYS

/** A problem the form finds before the parser (a properties line that is not key=value). */
export class FormProblem extends Error {
  readonly field: string
  readonly text: Text
  constructor(field: string, text: Text) {
    super(text.en)
    this.name = 'FormProblem'
    this.field = field
    this.text = text
  }
}

function configText(value: ConfigValue): string {
  return Array.isArray(value) ? value.join(',') : String(value)
}

/** The configs without their own control, as `key=value` lines. */
export function propertiesOf(config: ConfigMap, scope: Scope): string {
  return Object.keys(config)
    .filter((k) => !OWN_KEYS[scope].includes(k))
    .map((k) => `${k}=${configText(config[k])}`)
    .join('\n')
}

/**
 * `key=value` lines (Kafka's properties; blank lines and # comments skipped) as a config map.
 * Values stay text: the parser reads them as Kafka does (numbers, true/false, lists).
 */
export function parseProperties(text: string, field: string, scope: Scope): Record<string, string> {
  const out: Record<string, string> = {}
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith('!')) return
    const eq = line.indexOf('=')
    if (eq <= 0) {
      throw new FormProblem(field, {
        en: `line ${i + 1}: expected key=value (a Kafka config, e.g. linger.ms=5), got "${line}"`,
        ko: `${i + 1}번째 줄: key=value 형식이어야 합니다 (Kafka 설정, 예: linger.ms=5). 받은 값: "${line}"`,
      })
    }
    const key = line.slice(0, eq).trim()
    if (OWN_KEYS[scope].includes(key)) {
      throw new FormProblem(field, {
        en: `line ${i + 1}: ${key} has its own field above; set it there`,
        ko: `${i + 1}번째 줄: ${key}는 위에 따로 입력란이 있습니다. 그곳에서 정하세요`,
      })
    }
    Object.defineProperty(out, key, { value: line.slice(eq + 1).trim(), enumerable: true, writable: true, configurable: true })
  })
  return out
}

/** A number field: digits become a number, empty is left out (the schema's default), anything else stays text for the parser to name. */
function num(text: string): number | string | undefined {
  const t = text.trim()
  if (t === '') return undefined
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : t
}

function setIf(map: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined && value !== '') map[key] = value
}

/** The feature levels a scenario sets away from Kafka 4.3's defaults (what Export writes back). */
function nonDefaultFeatures(features: Scenario['cluster']['features']): Record<string, number> {
  return features['eligible.leader.replicas.version'] === 1 ? {} : { ...features }
}

/**
 * The cluster's controller part: KRaft's quorum (voters, dedicated nodes, feature levels), or in the
 * legacy ZooKeeper mode the mode and the ensemble and nothing of KRaft's (the parser refuses voters,
 * dedicated controllers and eligible.leader.replicas.version 1 there).
 */
function controllerJson(d: Draft, cluster: Record<string, unknown>): void {
  if (d.mode === 'zookeeper') {
    cluster.controller = { mode: 'zookeeper' }
    const nodes = num(d.zooKeeperNodes)
    cluster.zookeeper = nodes === undefined ? {} : { nodes }
    return
  }
  const controller: Record<string, unknown> = { mode: 'kraft' }
  setIf(controller, 'voters', num(d.voters))
  if (d.dedicated) controller.dedicated = true
  cluster.controller = controller
}

/** The form as scenario JSON (what Export writes, what the parser checks). Throws FormProblem for a bad properties line. */
export function draftToJson(d: Draft): Record<string, unknown> {
  const cluster: Record<string, unknown> = { brokers: num(d.brokers) ?? '' }
  controllerJson(d, cluster)
  const brokerConfig = parseProperties(d.brokerConfig, 'cluster.config', 'broker')
  if (Object.keys(brokerConfig).length > 0) cluster.config = brokerConfig
  if (d.carried.network !== undefined) cluster.network = d.carried.network
  if (Object.keys(d.carried.racks).length > 0) cluster.racks = d.carried.racks
  if (d.mode === 'kraft' && Object.keys(d.carried.features).length > 0) cluster.features = d.carried.features

  const out: Record<string, unknown> = { name: d.name }
  if (d.carried.description !== '') out.description = d.carried.description
  if (d.carried.ko !== undefined && d.name === d.carried.originalName) out.ko = d.carried.ko
  setIf(out, 'seed', num(d.seed))
  setIf(out, 'durationMs', num(d.durationMs))
  out.cluster = cluster
  out.topics = d.topics.map((t, i) => {
    const config: Record<string, unknown> = parseProperties(t.otherConfig, `topics[${i}].config`, 'topic')
    setIf(config, 'min.insync.replicas', num(t.minIsr))
    setIf(config, 'unclean.leader.election.enable', t.unclean === '' ? undefined : t.unclean === 'true')
    return { name: t.name, partitions: num(t.partitions), replicationFactor: num(t.replicationFactor), config }
  })
  out.producers = d.producers.map((p, i) => {
    const config: Record<string, unknown> = parseProperties(p.otherConfig, `producers[${i}].config`, 'producer')
    setIf(config, 'acks', p.acks)
    setIf(config, 'enable.idempotence', p.idempotence === '' ? undefined : p.idempotence === 'true')
    const keys =
      p.keyKind === 'pool'
        ? { kind: 'pool', size: num(p.keyPoolSize) }
        : p.keyKind === 'list'
          ? { kind: 'list', values: p.keyList.split(',').map((k) => k.trim()).filter((k) => k !== '') }
          : { kind: 'none' }
    const producer: Record<string, unknown> = { id: p.id, topic: p.topic }
    setIf(producer, 'recordsPerSec', num(p.recordsPerSec))
    producer.keys = keys
    setIf(producer, 'valueBytes', num(p.valueBytes))
    producer.config = config
    if (!p.startActive) producer.startActive = false
    return producer
  })
  out.consumers = d.groups.map((g, i) => {
    const config: Record<string, unknown> = parseProperties(g.otherConfig, `consumers[${i}].config`, 'consumer')
    setIf(config, 'partition.assignment.strategy', g.assignor)
    const group: Record<string, unknown> = { groupId: g.groupId, topics: g.topics.slice() }
    setIf(group, 'members', num(g.members))
    setIf(group, 'processingMsPerRecord', num(g.processingMsPerRecord))
    if (g.staticMembership) group.staticMembership = true
    group.config = config
    return group
  })
  if (d.keepReaders && d.carried.readers.length > 0) out.readers = d.carried.readers
  if (d.carried.shareGroups.length > 0) out.shareGroups = d.carried.shareGroups
  if (d.keepTimeline && d.carried.timeline.length > 0) out.timeline = d.carried.timeline
  if (d.keepExpect && Object.keys(d.carried.expect).length > 0) out.expect = d.carried.expect
  return out
}

function text(v: ConfigValue | undefined): string {
  return v === undefined ? '' : configText(v)
}

/** The form prefilled from a (parsed) scenario and the seed its run uses. */
export function draftFromScenario(s: Scenario, seed: number = s.seed): Draft {
  const zooKeeper = s.cluster.controller.mode === 'zookeeper'
  return {
    name: s.name,
    seed: String(seed),
    durationMs: String(s.durationMs),
    brokers: String(s.cluster.brokers),
    mode: s.cluster.controller.mode,
    // a ZooKeeper-mode scenario has no voters (0): switched to KRaft, the quorum takes Kafka's default size
    voters: zooKeeper ? '' : String(s.cluster.controller.voters),
    dedicated: s.cluster.controller.dedicated,
    zooKeeperNodes: String(s.cluster.zookeeper?.nodes ?? 3),
    brokerConfig: propertiesOf(s.cluster.config, 'broker'),
    topics: s.topics.map((t) => ({
      name: t.name,
      partitions: String(t.partitions),
      replicationFactor: String(t.replicationFactor),
      minIsr: text(t.config['min.insync.replicas']),
      unclean: text(t.config['unclean.leader.election.enable']),
      otherConfig: propertiesOf(t.config, 'topic'),
    })),
    producers: s.producers.map((p) => ({
      id: p.id,
      topic: p.topic,
      recordsPerSec: String(p.recordsPerSec),
      keyKind: p.keys.kind,
      keyPoolSize: p.keys.kind === 'pool' ? String(p.keys.size) : '20',
      keyList: p.keys.kind === 'list' ? p.keys.values.join(', ') : '',
      valueBytes: String(p.valueBytes),
      acks: text(p.config.acks),
      idempotence: text(p.config['enable.idempotence']),
      otherConfig: propertiesOf(p.config, 'producer'),
      startActive: p.startActive,
    })),
    groups: s.consumers.map((c) => ({
      groupId: c.groupId,
      topics: c.topics.slice(),
      members: String(c.members),
      assignor: text(c.config['partition.assignment.strategy']),
      processingMsPerRecord: String(c.processingMsPerRecord),
      staticMembership: c.staticMembership,
      otherConfig: propertiesOf(c.config, 'consumer'),
    })),
    carried: {
      description: s.description,
      ko: s.ko === undefined ? undefined : structuredClone(s.ko),
      originalName: s.name,
      network: s.cluster.network,
      racks: structuredClone(s.cluster.racks),
      // a ZooKeeper-mode cluster has no feature levels (no ELR): switched to KRaft it gets Kafka 4.3's
      features: zooKeeper ? {} : nonDefaultFeatures(s.cluster.features),
      readers: structuredClone(s.readers),
      shareGroups: structuredClone(s.shareGroups),
      timeline: structuredClone(s.timeline),
      expect: structuredClone(s.expect) as Record<string, unknown>,
    },
    keepReaders: true,
    keepTimeline: true,
    keepExpect: true,
  }
}

/**
 * The scenario as Export writes it: the parsed scenario, which `kafkascope run` reads back unchanged;
 * in ZooKeeper mode its cluster names the mode and the ensemble and none of KRaft's fields (voters,
 * dedicated, features), as a person would write a ZooKeeper-mode scenario.
 */
export function exportedScenario(s: Scenario): Record<string, unknown> {
  if (s.cluster.controller.mode !== 'zookeeper') return s as unknown as Record<string, unknown>
  const cluster: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(s.cluster)) {
    if (key === 'features') continue
    cluster[key] = key === 'controller' ? { mode: 'zookeeper' } : value
  }
  return { ...s, cluster }
}

/** A new topic, producer or group, named so it does not clash with the ones there. */
function freshName(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`
}

export function newTopic(d: Draft): TopicDraft {
  const rf = Math.min(3, Number(d.brokers) || 1)
  return { name: freshName('orders', d.topics.map((t) => t.name)), partitions: '3', replicationFactor: String(rf), minIsr: '', unclean: '', otherConfig: '' }
}

export function newProducer(d: Draft): ProducerDraft {
  return {
    id: freshName('producer', d.producers.map((p) => p.id)),
    topic: d.topics[0]?.name ?? '',
    recordsPerSec: '20',
    keyKind: 'pool',
    keyPoolSize: '20',
    keyList: '',
    valueBytes: '100',
    acks: '',
    idempotence: '',
    otherConfig: '',
    startActive: true,
  }
}

export function newGroup(d: Draft): GroupDraft {
  return {
    groupId: freshName('group', d.groups.map((g) => g.groupId)),
    topics: d.topics.length > 0 ? [d.topics[0].name] : [],
    members: '2',
    assignor: '',
    processingMsPerRecord: '0',
    staticMembership: false,
    otherConfig: '',
  }
}

/** Every field of the form, by its scenario path (the id a ScenarioError's path maps to). */
export function fieldIds(d: Draft): string[] {
  const ids = ['name', 'seed', 'durationMs', 'cluster.brokers', 'cluster.controller.mode', 'cluster.controller.voters', 'cluster.controller.dedicated', 'cluster.zookeeper.nodes', 'cluster.config']
  d.topics.forEach((_, i) => {
    const p = `topics[${i}]`
    ids.push(`${p}.name`, `${p}.partitions`, `${p}.replicationFactor`, `${p}.config.min.insync.replicas`, `${p}.config.unclean.leader.election.enable`, `${p}.config`)
  })
  d.producers.forEach((_, i) => {
    const p = `producers[${i}]`
    ids.push(`${p}.id`, `${p}.topic`, `${p}.recordsPerSec`, `${p}.keys`, `${p}.keys.size`, `${p}.keys.values`, `${p}.valueBytes`, `${p}.config.acks`, `${p}.config.enable.idempotence`, `${p}.config`)
  })
  d.groups.forEach((_, i) => {
    const p = `consumers[${i}]`
    ids.push(`${p}.groupId`, `${p}.topics`, `${p}.members`, `${p}.config.partition.assignment.strategy`, `${p}.processingMsPerRecord`, `${p}.staticMembership`, `${p}.config`)
  })
  ids.push('readers', 'timeline', 'expect', 'description')
  return ids
}

/** The form field a scenario path is about: the longest field id that is the path or an ancestor of it; null when none is. */
export function fieldForPath(path: string, ids: readonly string[]): string | null {
  let best: string | null = null
  for (const id of ids) {
    const at = path.length === id.length || path[id.length] === '.' || path[id.length] === '['
    if (path.startsWith(id) && at && (best === null || id.length > best.length)) best = id
  }
  if (best === null && path.startsWith('cluster.controller')) return 'cluster.controller.voters'
  if (best === null && path.startsWith('cluster.zookeeper')) return 'cluster.zookeeper.nodes'
  // feature levels have no field; in ZooKeeper mode they are refused because of the mode
  if (best === null && path.startsWith('cluster.features')) return 'cluster.controller.mode'
  if (best === null && path.startsWith('cluster.network')) return 'cluster.brokers'
  return best
}

/** The form's DOM id for a field id (letters, digits and dashes only). */
export function domId(field: string): string {
  return 'bld-' + field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')
}

/** The kinds of ids the name rules speak of (names.ts), in Korean. */
const idKo = (what: string): string => ({ 'producer id': '프로듀서 id', 'group id': '그룹 id', 'reader id': '컨슈머 id' })[what] ?? what

/** KafkaProducer's own reasons for refusing enable.idempotence=true (ProducerConfig), in Korean. */
const IDEMPOTENCE_KO: Record<string, string> = {
  'Must set retries to non-zero when using the idempotent producer.': '멱등 프로듀서는 retries가 0이 아니어야 합니다.',
  'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.': '멱등 프로듀서는 acks=all이어야 합니다. 그렇지 않으면 멱등성을 보장할 수 없습니다.',
  'Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.': '멱등 프로듀서는 max.in.flight.requests.per.connection이 5 이하여야 합니다.',
}

const KO_RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^is required/, () => '값을 입력해야 합니다'],
  [/^must not be empty/, () => '비워 둘 수 없습니다'],
  [/^needs at least 1 item/, () => '하나 이상 골라야 합니다'],
  [/^expected an integer( number of milliseconds)?, got (.*)$/, (m) => `정수를 입력해야 합니다 (받은 값: ${m[2]})`],
  [/^expected a number, got (.*)$/, (m) => `숫자를 입력해야 합니다 (받은 값: ${m[1]})`],
  [/^expected true or false, got (.*)$/, (m) => `true 또는 false여야 합니다 (받은 값: ${m[1]})`],
  [/^(\S+) is not an integer$/, (m) => `${m[1]}은(는) 정수가 아닙니다`],
  [/^(\S+) must be at least (\S+)/, (m) => `${m[1]}: ${m[2]} 이상이어야 합니다`],
  [/^(\S+) must be at most (\S+)/, (m) => `${m[1]}: ${m[2]} 이하여야 합니다`],
  [/^(\d+) is more than the (\d+) brokers?\b/, (m) => `${m[1]}은(는) 브로커 수(${m[2]})보다 큽니다`],
  [/^topic (\S+) is defined twice/, (m) => `토픽 ${m[1]}이(가) 두 번 정의되었습니다`],
  [/^group (\S+) is defined twice/, (m) => `그룹 ${m[1]}이(가) 두 번 정의되었습니다`],
  [/^(\S+) is used by another producer/, (m) => `${m[1]}은(는) 다른 프로듀서가 쓰는 id입니다`],
  [/^unknown topic (\S+)/, (m) => `없는 토픽입니다: ${m[1]}`],
  [/^unknown config \(did you mean (\S+?)\?/, (m) => `없는 설정입니다 (${m[1]}을(를) 말한 건가요?)`],
  [/^unknown config \((\S+) is a (topic|broker) config\)?/, (m) => `없는 설정입니다 (${m[1]}은(는) ${m[2] === 'topic' ? '토픽' : '브로커'} 설정)`],
  [/^unknown config/, () => '알 수 없는 설정입니다'],
  [/^"([^"]+)" is a Kafka config kafkascope does not model yet/, (m) => `"${m[1]}"은(는) kafkascope가 아직 모델링하지 않는 Kafka 설정입니다 (지워 주세요)`],
  [/^"([^"]+)" is a Kafka setting kafkascope does not model yet \(use (.+), Kafka's default\)$/, (m) => `"${m[1]}"은(는) kafkascope가 아직 모델링하지 않는 값입니다 (Kafka 기본값 ${m[2]}을(를) 쓰세요)`],
  [/^(\S+) is not one of (.+)$/, (m) => `${m[1]}은(는) 쓸 수 있는 값이 아닙니다 (가능한 값: ${m[2]})`],
  [/^(\S+) is not allowed as a topic name/, (m) => `${m[1]}은(는) 토픽 이름으로 쓸 수 없습니다`],
  [/^is (\d+) characters long; Kafka allows at most (\d+)/, (m) => `${m[1]}자입니다. Kafka는 ${m[2]}자까지 허용합니다`],
  [/^(\S+) contains characters Kafka does not allow in topic names/, (m) => `${m[1]}에 토픽 이름에 쓸 수 없는 문자가 있습니다 (가능: a-z, A-Z, 0-9, '.', '_', '-')`],
  [/^(\S+) starts with "__"/, (m) => `${m[1]}은(는) "__"로 시작합니다. "__"는 __consumer_offsets 같은 내부 토픽용입니다`],
  [/^topic (\S+) collides with (\S+)/, (m) => `토픽 ${m[1]}은(는) ${m[2]}과(와) 충돌합니다 (Kafka는 지표 이름에서 '.'과 '_'를 같게 보므로 두 번째를 거부합니다)`],
  [/^(\S+): a (.+?) may use only a-z/, (m) => `${m[1]}: ${idKo(m[2])}에는 a-z, A-Z, 0-9, '.', '_', '-'만 쓸 수 있습니다 (네트워크 노드 이름이기도 합니다)`],
  [/^(\S+): a (.+?) cannot be a number/, (m) => `${m[1]}: ${idKo(m[2])}는 숫자일 수 없습니다 (숫자는 브로커 이름입니다)`],
  [/^(\S+) is reserved for the controller nodes/, (m) => `${m[1]}은(는) 컨트롤러 노드용으로 예약된 이름입니다`],
  [/^(\S+) is already a producer id/, (m) => `${m[1]}은(는) 이미 프로듀서 id입니다 (클라이언트 id는 겹칠 수 없습니다)`],
  [/^true conflicts with (.+?): (.+)$/, (m) => `true는 ${m[1]}과(와) 함께 쓸 수 없습니다: ${IDEMPOTENCE_KO[m[2]] ?? m[2]}`],
  [/^(\d+) should be equal to or larger than linger\.ms \+ request\.timeout\.ms \((.+)\)$/, (m) => `${m[1]}은(는) linger.ms + request.timeout.ms (${m[2]}) 이상이어야 합니다`],
  [/^(\d+) is more than group\.max\.session\.timeout\.ms \((\d+)\)/, (m) => `${m[1]}이(가) group.max.session.timeout.ms(${m[2]})보다 큽니다`],
  [/^min (\d+) is more than max (\d+)/, (m) => `최소 ${m[1]}이(가) 최대 ${m[2]}보다 큽니다`],
  // the legacy ZooKeeper mode (Kafka 3.x) against KRaft
  [/^(\S+) is not modelled in ZooKeeper mode/, (m) => `${m[1]}은(는) ZooKeeper 모드에서 모델링하지 않습니다 (레거시 Kafka 3.x 모드는 브로커 장애와 컨트롤러 장애 조치를 실행합니다. cluster.controller.mode "kraft"를 쓰세요)`],
  [/^"consumer" \(KIP-848\) needs a KRaft cluster/, () => '"consumer"(KIP-848)는 KRaft 클러스터가 필요합니다. ZooKeeper 모드(Kafka 3.x) 클러스터는 classic 프로토콜을 씁니다'],
  [/^share groups \(KIP-932\) need a KRaft cluster/, () => '셰어 그룹(KIP-932)은 KRaft 클러스터가 필요합니다. ZooKeeper 모드는 Kafka 3.x입니다'],
  [/^ZooKeeper options apply only in ZooKeeper mode/, () => 'ZooKeeper 설정은 ZooKeeper 모드에서만 쓸 수 있습니다 (cluster.controller.mode를 "zookeeper"로 하세요. Kafka 4.x는 KRaft 모드로 실행됩니다)'],
  [/^applies to KRaft only/, () => 'KRaft에만 해당합니다. ZooKeeper 모드에서는 브로커 하나가 ZooKeeper를 통해 컨트롤러로 선출됩니다'],
  [/^ELR \(KIP-966\) is a KRaft feature/, () => 'ELR(KIP-966)은 KRaft 기능입니다. ZooKeeper 모드 클러스터에는 없습니다 (0)'],
  [/^(\S+) does not exist: ZooKeeper servers exist only in ZooKeeper mode/, (m) => `${m[1]}은(는) 없습니다. ZooKeeper 서버는 ZooKeeper 모드에만 있습니다`],
  [/^(\S+) is not a ZooKeeper server \(the ensemble is (\S+)\)/, (m) => `${m[1]}은(는) ZooKeeper 서버가 아닙니다 (앙상블: ${m[2]})`],
]

/** What the parser said, in the learner's language: its own words in English, a Korean rendering where one is known (else its words after a Korean lead). */
export function problemText(what: string): Text {
  for (const [re, ko] of KO_RULES) {
    const m = re.exec(what)
    if (m) return { en: what, ko: ko(m) }
  }
  return { en: what, ko: `쓸 수 없는 값입니다: ${what}` }
}

/** The first problem of a draft, at the form field it is about. */
export interface Problem {
  /** the form field it is about (null: none of them; shown in the footer only) */
  field: string | null
  path: string
  text: Text
}

export type Checked = { scenario: Scenario; problem: null } | { scenario: null; problem: Problem }

/** The draft through the CLI's parser (parseScenario): the scenario, or its first problem at its field. */
export function check(draft: Draft): Checked {
  try {
    return { scenario: parseScenario(draftToJson(draft)), problem: null }
  } catch (error) {
    if (error instanceof FormProblem) return { scenario: null, problem: { field: error.field, path: error.field, text: error.text } }
    if (!(error instanceof ScenarioError)) throw error
    const t = problemText(error.what)
    return {
      scenario: null,
      problem: { field: fieldForPath(error.path, fieldIds(draft)), path: error.path, text: { en: `${error.path}: ${t.en}`, ko: `${error.path}: ${t.ko}` } },
    }
  }
}

/** A kept timeline, in one line: "20 s Crash leader:orders-0 · 60 s Restart replica:orders-0:0" (the first few, then "+N"). */
export function timelineSummary(timeline: readonly TimelineAction[], locale: Locale, atMost = 4): string {
  const lines = timeline.slice(0, atMost).map((a) => `${pick(locale, seconds(a.atMs))} ${pick(locale, actionText(a))}`)
  return lines.join(' · ') + (timeline.length > atMost ? ` · +${timeline.length - atMost}` : '')
}
