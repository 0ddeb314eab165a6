/**
 * The scenario parser (CONTRACT §3): turns untrusted JSON into a checked `Scenario`, or throws ONE
 * ScenarioError naming the field path of the first problem and what was expected, e.g.
 * `topics[0].replicationFactor: 4 is more than the 3 brokers`.
 *
 * Two passes. Zod checks the shape (types, ranges, unknown fields, defaults) in document order, and
 * config maps go through config.ts (Kafka's key names and Kafka's own cross-key rules). Then the
 * cross-field checks that follow Kafka's rules: topic names (Kafka's legal characters, at most 249,
 * no "__" prefix, no '.'/'_' collisions as in Topic.hasCollision), replication factor <= brokers
 * (InvalidReplicationFactorException), controller voters, references between producers, consumers,
 * readers, timeline actions and expectations.
 *
 * Config maps stay as given (validated and normalised, e.g. acks "-1" -> "all"); defaults are merged
 * later by the resolvers in config.ts. The timeline is sorted by atMs, stably.
 */
import { z } from 'zod'
import type {
  ActionName,
  ConfigMap,
  CountExpectation,
  NodeRef,
  Scenario,
  TimelineAction,
} from './types.ts'
import {
  closestMatch,
  ConfigError,
  resolveBrokerConfig,
  resolveConsumerConfig,
  resolveProducerConfig,
  showValue,
  validateConfigMap,
  type BrokerConfig,
  type ConfigScope,
} from '../kafka/config.ts'
import { ScenarioError, formatPath, listSome } from './parse-errors.ts'
import { parseTopicPartition } from '../kafka/topic-partition.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import { checkJsonInput } from './json-input.ts'
import { seedProblem } from './seed.ts'
import { estimateRunSize, runSizeProblem } from './run-size.ts'

export { ScenarioError, formatPath }

const INT_MAX = 2147483647
const MAX_BROKERS = 50
const MAX_VOTERS = 7
const MAX_PARTITIONS = 1000
const MAX_MEMBERS = 100
const MAX_NAME = 249

// ---------------------------------------------------------------------------------------------
// Paths and messages.

/** What a JSON value is, for "expected X, got Y". */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `the string ${showValue(value)}`
  return String(value)
}

/** Marks a message written here (as opposed to zod's defaults, which the formatter rewrites). */
const MARK = '\u0001'
const own = (text: string): string => MARK + text

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined
    v = (v as Record<PropertyKey, unknown>)[seg]
  }
  return v
}

const EXPECTED_NAMES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  tuple: 'an array',
  record: 'an object',
  null: 'null',
}

function expectedName(expected: unknown): string {
  return typeof expected === 'string' ? (EXPECTED_NAMES[expected] ?? expected) : 'something else'
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** One zod issue -> [path, message]. Union issues descend into the branch that got furthest. */
function explainIssue(issue: z.core.$ZodIssue, root: unknown, base: readonly PropertyKey[]): [PropertyKey[], string] {
  const path = [...base, ...issue.path]
  const value = valueAt(root, path)
  if (issue.code === 'unrecognized_keys') {
    const message = issue.message.startsWith(MARK) ? issue.message.slice(1) : 'unknown field'
    return [[...path, issue.keys[0] ?? ''], message]
  }
  if (issue.message.startsWith(MARK)) return [path, issue.message.slice(1)]
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [path, `is required (${expectedName(issue.expected)})`]
      return [path, `expected ${expectedName(issue.expected)}, got ${describe(value)}`]
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'array' || issue.origin === 'set') return [path, `needs at least ${plural(min, 'item')}`]
      if (issue.origin === 'string') return [path, min <= 1 ? 'must not be empty' : `must be at least ${plural(min, 'character')} long`]
      return [path, `${showValue(value)} must be ${issue.inclusive ? 'at least' : 'more than'} ${min}`]
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'array' || issue.origin === 'set') return [path, `has too many items (at most ${max})`]
      if (issue.origin === 'string') return [path, `is longer than ${plural(max, 'character')}`]
      return [path, `${showValue(value)} must be ${issue.inclusive ? 'at most' : 'less than'} ${max}`]
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => (typeof v === 'string' ? v : String(v)))
      if (values.length === 1) return [path, `must be ${showValue(issue.values[0])}, got ${describe(value)}`]
      return [path, `${showValue(value)} is not one of ${listSome(values)}`]
    }
    case 'invalid_union': {
      if (issue.errors.length === 0) {
        const options = ('options' in issue ? (issue.options ?? []) : []).map(String)
        const known = options.join(', ')
        const field = String(path[path.length - 1] ?? issue.discriminator ?? '')
        if (value === undefined) return [path, `is required (one of ${known})`]
        if (field === 'action') {
          const guess = typeof value === 'string' ? closestMatch(value, options, (s) => s.toLowerCase()) : undefined
          const hint = guess !== undefined ? `did you mean ${guess}? ` : ''
          return [path, `unknown action ${showValue(value)} (${hint}known: ${known})`]
        }
        return [path, `${showValue(value)} is not one of ${known}`]
      }
      // Prefer a branch whose first problem is deeper than "wrong type here".
      for (const branch of issue.errors) {
        const first = branch[0]
        if (first !== undefined && !(first.code === 'invalid_type' && first.path.length === 0)) {
          return explainIssue(first, root, path)
        }
      }
      const expected = issue.errors
        .map((b) => b[0])
        .filter((i): i is z.core.$ZodIssue => i !== undefined && i.code === 'invalid_type')
        .map((i) => expectedName((i as z.core.$ZodIssueInvalidType).expected))
      const unique = expected.filter((e, i) => expected.indexOf(e) === i)
      return [path, `expected ${unique.join(' or ')}, got ${describe(value)}`]
    }
    case 'invalid_format':
      return [path, `${showValue(value)} is not in the expected format`]
    case 'custom':
      return [path, issue.message]
    default:
      return [path, `${showValue(value)} is not valid (${issue.message})`]
  }
}

function zodFailure(error: z.ZodError, root: unknown): ScenarioError {
  const issues = error.issues
  let chosen = issues[0]
  // An unknown field beats a missing one in the same object ("partition" instead of "partitions").
  const unknownField = issues.find(
    (i) =>
      i.code === 'unrecognized_keys' &&
      chosen !== undefined &&
      i.path.length <= chosen.path.length &&
      i.path.every((seg, k) => chosen !== undefined && chosen.path[k] === seg),
  )
  if (unknownField !== undefined) chosen = unknownField
  if (chosen === undefined) return new ScenarioError('(scenario)', 'is not valid')
  const [path, what] = explainIssue(chosen, root, [])
  return new ScenarioError(formatPath(path.map((p) => (typeof p === 'number' ? p : String(p)))), what)
}

// ---------------------------------------------------------------------------------------------
// Schema helpers.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A strict object: unknown fields are errors, with a did-you-mean from the known field names. */
function obj<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape)
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code !== 'unrecognized_keys') return undefined
      const key = iss.keys[0] ?? ''
      const guess = closestMatch(key, known, (s) => s.toLowerCase())
      return own(guess !== undefined ? `unknown field (did you mean ${guess}?)` : `unknown field (known: ${listSome(known)})`)
    },
  })
}

/** An integer in [min, max]; the maximum is checked before safe-integer-ness, so a too-big value names this field's maximum. */
const integer = (min: number, max: number) => z.number().max(max).int().min(min)

/** The one seed rule (seed.ts), with its own words. */
const seedSchema = z.custom<number>((v) => seedProblem(v) === null, { error: (iss) => own(seedProblem(iss.input) ?? 'is not a seed') })

const countExpectation = z.union(
  [
    integer(0, Number.MAX_SAFE_INTEGER),
    obj({ min: integer(0, Number.MAX_SAFE_INTEGER).optional(), max: integer(0, Number.MAX_SAFE_INTEGER).optional() }),
  ],
  { error: (iss) => own(`expected a count: a number such as 0, or {"min": n}, {"max": n} or both, got ${describe(iss.input)}`) },
)

const nodeRef = z.union([z.int(), z.string()], {
  error: (iss) =>
    own(`expected a node (a broker number, a client id, "controller", "controller-N", "leader:<topic>-<p>", "replica:<topic>-<p>:<i>" or "coordinator:<groupId>"), got ${describe(iss.input)}`),
})

type ConfigVariant = ConfigScope | 'reader'

/** A config map: keys and values checked by config.ts, cross-key rules by its resolvers. */
function configMap(variant: ConfigVariant) {
  const scope: ConfigScope = variant === 'reader' ? 'consumer' : variant
  return z
    .custom<Record<string, unknown>>(isPlainObject, {
      error: (iss) => own(`expected an object of Kafka config keys (e.g. {"acks": "all"}), got ${describe(iss.input)}`),
    })
    .optional()
    .transform((raw, ctx): ConfigMap => {
      try {
        const map = validateConfigMap(scope, raw)
        if (variant === 'broker') resolveBrokerConfig(map)
        else if (variant === 'producer') resolveProducerConfig(map)
        else if (variant === 'consumer') resolveConsumerConfig(map, { group: true })
        else if (variant === 'reader') resolveConsumerConfig(map, { group: false })
        return map
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e
        ctx.issues.push({ code: 'custom', message: own(e.what), path: [e.key], input: raw })
        return z.NEVER
      }
    })
}

// ---------------------------------------------------------------------------------------------
// The shape.

const at = { atMs: integer(0, INT_MAX) }

const actionSchemas = {
  crashBroker: obj({ ...at, action: z.literal('crashBroker'), broker: nodeRef }),
  restartBroker: obj({ ...at, action: z.literal('restartBroker'), broker: nodeRef }),
  isolate: obj({ ...at, action: z.literal('isolate'), node: nodeRef }),
  partitionNetwork: obj({ ...at, action: z.literal('partitionNetwork'), sides: z.array(z.array(nodeRef).min(1)).min(1) }),
  healNetwork: obj({ ...at, action: z.literal('healNetwork') }),
  slowLink: obj({
    ...at,
    action: z.literal('slowLink'),
    between: z.tuple([nodeRef, nodeRef], { error: (iss) => (iss.code === 'too_big' || iss.code === 'too_small' ? own('expected exactly two nodes, e.g. [1, "checkout"]') : undefined) }),
    extraLatencyMs: integer(0, 3_600_000),
  }),
  cutLink: obj({
    ...at,
    action: z.literal('cutLink'),
    between: z.tuple([nodeRef, nodeRef], { error: (iss) => (iss.code === 'too_big' || iss.code === 'too_small' ? own('expected exactly two nodes, e.g. [1, 2]') : undefined) }),
  }),
  pauseNode: obj({ ...at, action: z.literal('pauseNode'), node: nodeRef, durationMs: integer(1, INT_MAX).optional() }),
  resumeNode: obj({ ...at, action: z.literal('resumeNode'), node: nodeRef }),
  crashController: obj({ ...at, action: z.literal('crashController'), controller: nodeRef.optional() }),
  crashConsumer: obj({ ...at, action: z.literal('crashConsumer'), member: z.string() }),
  addConsumer: obj({ ...at, action: z.literal('addConsumer'), groupId: z.string() }),
  removeConsumer: obj({ ...at, action: z.literal('removeConsumer'), member: z.string() }),
  restartConsumer: obj({ ...at, action: z.literal('restartConsumer'), member: z.string(), afterMs: integer(0, INT_MAX) }),
  stopProducer: obj({ ...at, action: z.literal('stopProducer'), producer: z.string() }),
  startProducer: obj({ ...at, action: z.literal('startProducer'), producer: z.string() }),
  setTopicConfig: obj({ ...at, action: z.literal('setTopicConfig'), topic: z.string(), config: configMap('topic') }),
  setProducerConfig: obj({ ...at, action: z.literal('setProducerConfig'), producer: z.string(), config: configMap('producer') }),
  setConsumerConfig: obj({ ...at, action: z.literal('setConsumerConfig'), groupId: z.string(), config: configMap('consumer') }),
  addPartitions: obj({ ...at, action: z.literal('addPartitions'), topic: z.string(), count: integer(1, MAX_PARTITIONS) }),
  produce: obj({
    ...at,
    action: z.literal('produce'),
    producer: z.string(),
    key: z.string().nullable().optional(),
    value: z.string().optional(),
  }),
  electPreferredLeaders: obj({ ...at, action: z.literal('electPreferredLeaders'), topic: z.string().optional() }),
  resetOffsets: obj({
    ...at,
    action: z.literal('resetOffsets'),
    groupId: z.string(),
    topic: z.string().optional(),
    to: z.union([z.literal('earliest'), z.literal('latest'), integer(0, INT_MAX)]),
  }),
} satisfies Record<ActionName, z.ZodType>

type ActionSchema = (typeof actionSchemas)[ActionName]

/** Every timeline action name, in the order they are listed in the schema. */
export const ACTION_NAMES = Object.keys(actionSchemas) as ActionName[]

const timelineAction = z.discriminatedUnion('action', Object.values(actionSchemas) as [ActionSchema, ...ActionSchema[]])

const keySpec = z.discriminatedUnion('kind', [
  obj({ kind: z.literal('none') }),
  obj({ kind: z.literal('pool'), size: integer(1, 1_000_000) }),
  obj({ kind: z.literal('list'), values: z.array(z.string()).min(1).max(100_000) }),
])

const GROUP_STATES = ['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead', 'Assigning', 'Reconciling'] as const
const BROKER_STATES = ['alive', 'crashed', 'fenced', 'isolated'] as const

const expectSchema = obj({
  lostAckedWrites: countExpectation.optional(),
  duplicates: countExpectation.optional(),
  inconsistentOffsets: countExpectation.optional(),
  divergentReplicas: countExpectation.optional(),
  multipleLeaders: countExpectation.optional(),
  nonMonotonicPolls: countExpectation.optional(),
  hwAboveLeo: countExpectation.optional(),
  concurrentConsumers: countExpectation.optional(),
  committedBackwards: countExpectation.optional(),
  skippedRecords: countExpectation.optional(),
  redeliveries: countExpectation.optional(),
  leaderOf: z.record(z.string(), integer(-1, INT_MAX)).optional(),
  groupState: z.record(z.string(), z.enum(GROUP_STATES)).optional(),
  isrOf: z.record(z.string(), z.array(integer(1, INT_MAX)).min(1)).optional(),
  producerErrors: z.record(z.string(), z.record(z.string(), countExpectation)).optional(),
  producerAcked: z.record(z.string(), countExpectation).optional(),
  brokerState: z.record(z.string(), z.enum(BROKER_STATES)).optional(),
})

const clusterSchema = obj({
  brokers: integer(1, MAX_BROKERS).default(3),
  controller: obj({
    mode: z
      .literal('kraft', { error: (iss) => own(`${showValue(iss.input)} is not supported: Kafka 4.x runs in KRaft mode only ("kraft")`) })
      .default('kraft'),
    voters: integer(1, MAX_VOTERS).optional(),
    dedicated: z.boolean().default(false),
  }).prefault({}),
  config: configMap('broker'),
  network: obj({
    minLatencyMs: integer(1, 60_000).default(1),
    maxLatencyMs: integer(1, 60_000).default(3),
  }).prefault({}),
})
  .transform((c) => ({
    brokers: c.brokers,
    controller: { mode: c.controller.mode, voters: c.controller.voters ?? Math.min(3, c.brokers), dedicated: c.controller.dedicated },
    config: c.config,
    network: c.network,
  }))
  .prefault({})

const scenarioSchema = obj({
  name: z.string().min(1).max(200),
  description: z.string().max(20_000).default(''),
  seed: seedSchema.default(1),
  durationMs: integer(1, INT_MAX).default(60000),
  cluster: clusterSchema,
  topics: z
    .array(
      obj({
        name: z.string(),
        partitions: integer(1, MAX_PARTITIONS),
        replicationFactor: integer(1, MAX_BROKERS),
        config: configMap('topic'),
      }),
    )
    .default([]),
  producers: z
    .array(
      obj({
        id: z.string(),
        topic: z.string(),
        recordsPerSec: z.number().min(0).max(100_000).default(10),
        keys: keySpec.default({ kind: 'none' }),
        valueBytes: integer(0, 100_000_000).default(100),
        config: configMap('producer'),
        startActive: z.boolean().default(true),
      }),
    )
    .default([]),
  consumers: z
    .array(
      obj({
        groupId: z.string(),
        topics: z.array(z.string()).min(1),
        members: integer(0, MAX_MEMBERS).default(1),
        processingMsPerRecord: z.number().min(0).max(3_600_000).default(0),
        staticMembership: z.boolean().default(false),
        config: configMap('consumer'),
      }),
    )
    .default([]),
  readers: z
    .array(
      obj({
        id: z.string(),
        topics: z.array(z.string()).min(1),
        config: configMap('reader'),
      }),
    )
    .default([]),
  timeline: z.array(timelineAction).default([]),
  expect: expectSchema.default({}),
})

// ---------------------------------------------------------------------------------------------
// Cross-field checks.

const LEGAL_NAME = /^[a-zA-Z0-9._-]+$/
const CLIENT_ID = /^[A-Za-z0-9._-]+$/

function fail(path: string, what: string): never {
  throw new ScenarioError(path, what)
}

function quoteList(names: readonly string[]): string {
  return names.length === 0 ? '(none)' : listSome(names)
}

/** Kafka's Topic.validate plus the "__" prefix that kafkascope reserves for internal topics. */
function checkTopicName(name: string, path: string): void {
  if (name === '') fail(path, 'must not be empty')
  if (name === '.' || name === '..') fail(path, `${showValue(name)} is not allowed as a topic name`)
  if (name.length > MAX_NAME) fail(path, `is ${name.length} characters long; Kafka allows at most ${MAX_NAME}`)
  if (!LEGAL_NAME.test(name)) {
    fail(path, `${showValue(name)} contains characters Kafka does not allow in topic names (legal: a-z, A-Z, 0-9, '.', '_', '-')`)
  }
  if (name.startsWith('__')) fail(path, `${showValue(name)} starts with "__", which is reserved for internal topics such as ${OFFSETS_TOPIC}`)
}

function checkClientName(name: string, path: string, what: string): void {
  if (name === '') fail(path, 'must not be empty')
  if (name.length > 100) fail(path, `${what} is ${name.length} characters long; at most 100 are allowed`)
  if (!CLIENT_ID.test(name)) fail(path, `${showValue(name)}: a ${what} may use only a-z, A-Z, 0-9, '.', '_' and '-' (it is also a network node name)`)
  if (/^\d+$/.test(name)) fail(path, `${showValue(name)}: a ${what} cannot be a number (numbers name brokers)`)
  if (name === 'controller' || /^controller-\d+$/.test(name)) fail(path, `${showValue(name)} is reserved for the controller nodes`)
}

interface TopicInfo {
  partitions: number
  replicationFactor: number
}

class Checker {
  readonly s: Scenario
  readonly broker: BrokerConfig
  readonly topics = new Map<string, TopicInfo>()
  readonly groups = new Map<string, number>()
  readonly producerConfigs = new Map<string, ConfigMap>()
  readonly readers = new Set<string>()

  constructor(s: Scenario) {
    this.s = s
    this.broker = resolveBrokerConfig(s.cluster.config)
  }

  topicNames(): string {
    return quoteList([...this.topics.keys()])
  }

  /** A topic that producers, consumers and actions may name (user topics only). */
  requireTopic(name: string, path: string): TopicInfo {
    const t = this.topics.get(name)
    if (t === undefined) {
      const guess = closestMatch(name, [...this.topics.keys()])
      const hint = guess !== undefined ? `did you mean "${guess}"? ` : ''
      fail(path, `unknown topic ${showValue(name)} (${hint}topics are: ${this.topicNames()})`)
    }
    return t
  }

  /** Topics that references may name, including __consumer_offsets. */
  anyTopic(name: string): TopicInfo | undefined {
    if (name === OFFSETS_TOPIC) {
      return {
        partitions: this.broker['offsets.topic.num.partitions'],
        replicationFactor: Math.min(this.broker['offsets.topic.replication.factor'], this.s.cluster.brokers),
      }
    }
    return this.topics.get(name)
  }

  requireGroup(groupId: string, path: string): void {
    if (!this.groups.has(groupId)) fail(path, `unknown group ${showValue(groupId)} (groups are: ${quoteList([...this.groups.keys()])})`)
  }

  requireProducer(id: string, path: string): void {
    if (!this.producerConfigs.has(id)) {
      fail(path, `unknown producer ${showValue(id)} (producers are: ${quoteList([...this.producerConfigs.keys()])})`)
    }
  }

  /** "<groupId>-N" -> [groupId, N] when groupId is a known group. */
  splitMember(member: string): [string, number] | undefined {
    for (const g of this.groups.keys()) {
      if (member.startsWith(`${g}-`)) {
        const rest = member.slice(g.length + 1)
        if (/^\d+$/.test(rest)) return [g, Number(rest)]
      }
    }
    return undefined
  }

  requireMember(member: string, path: string): void {
    const split = this.splitMember(member)
    if (split === undefined) {
      fail(path, `${showValue(member)} is not a consumer group member (members are named <groupId>-N; groups are: ${quoteList([...this.groups.keys()])})`)
    }
    const [g, n] = split
    const count = this.groups.get(g) ?? 0
    if (n < 1 || n > count) {
      fail(path, `${showValue(member)} does not exist at this point: group ${showValue(g)} has members ${count === 0 ? '(none)' : `${g}-1..${g}-${count}`}`)
    }
  }

  /** "orders-2" as a partition reference. */
  requirePartition(text: string, path: string, context: string): [string, TopicInfo, number] {
    const split = parseTopicPartition(text)
    if (split === null) fail(path, `${showValue(context)} is not of the form <topic>-<partition>`)
    const { topic, partition: p } = split
    const info = this.anyTopic(topic)
    if (info === undefined) fail(path, `unknown topic ${showValue(topic)} in ${showValue(context)} (topics are: ${this.topicNames()})`)
    if (p >= info.partitions) {
      fail(path, `partition ${p} does not exist in ${showValue(context)}: ${topic} has ${plural(info.partitions, 'partition')} (0..${info.partitions - 1})`)
    }
    return [topic, info, p]
  }

  clientIds(): string[] {
    const ids = [...this.producerConfigs.keys(), ...this.readers]
    for (const [g, n] of this.groups) for (let i = 1; i <= n; i++) ids.push(`${g}-${i}`)
    return ids
  }

  /**
   * A node reference. `use` says what the action needs: any network node, a broker, or a
   * controller. Numeric strings become numbers. Returns the normalised reference.
   */
  node(ref: NodeRef, path: string, use: 'any' | 'broker' | 'controller'): NodeRef {
    const { brokers, controller } = this.s.cluster
    const voters = controller.voters
    if (typeof ref === 'number' || /^\d+$/.test(ref)) {
      const n = Number(ref)
      if (!Number.isInteger(n) || n < 1 || n > brokers) fail(path, `${showValue(ref)} is not a broker (brokers are 1..${brokers})`)
      if (use === 'controller') {
        if (controller.dedicated) fail(path, `broker ${n} is not a controller: the quorum runs on dedicated nodes controller-1..controller-${voters} (or use "controller")`)
        if (n > voters) fail(path, `broker ${n} is not a controller voter (the quorum is brokers 1..${voters})`)
      }
      return n
    }
    if (ref === 'controller') {
      if (use === 'broker' && controller.dedicated) {
        fail(path, `"controller" is a dedicated controller node, not a broker (use the crashController action, or a broker number)`)
      }
      return ref
    }
    const ctl = /^controller-(\d+)$/.exec(ref)
    if (ctl !== null) {
      if (!controller.dedicated) {
        fail(path, `${showValue(ref)} does not exist: the controllers are combined with brokers 1..${voters} (use a broker number, or "controller" for the active one)`)
      }
      const n = Number(ctl[1])
      if (n < 1 || n > voters) fail(path, `${showValue(ref)} does not exist (controllers are controller-1..controller-${voters})`)
      if (use === 'broker') fail(path, `${showValue(ref)} is a controller node, not a broker`)
      return ref
    }
    if (use === 'controller') {
      fail(path, `${showValue(ref)} is not a controller (use "controller", ${controller.dedicated ? `"controller-1".."controller-${voters}"` : `a broker number 1..${voters}`})`)
    }
    if (ref.startsWith('leader:')) {
      this.requirePartition(ref.slice('leader:'.length), path, ref)
      return ref
    }
    if (ref.startsWith('replica:')) {
      const m = /^replica:(.+):(\d+)$/.exec(ref)
      if (m === null) fail(path, `${showValue(ref)} is not of the form "replica:<topic>-<partition>:<index>"`)
      const [topic, info] = this.requirePartition(m[1], path, ref)
      const i = Number(m[2])
      if (i >= info.replicationFactor) {
        fail(path, `replica index ${i} in ${showValue(ref)} does not exist: ${topic} has replication factor ${info.replicationFactor} (indexes 0..${info.replicationFactor - 1})`)
      }
      return ref
    }
    if (ref.startsWith('coordinator:')) {
      this.requireGroup(ref.slice('coordinator:'.length), path)
      return ref
    }
    if (use === 'broker') {
      fail(path, `${showValue(ref)} is not a broker (use a number 1..${brokers}, "leader:<topic>-<p>", "replica:<topic>-<p>:<i>", "coordinator:<groupId>"${controller.dedicated ? '' : ' or "controller"'})`)
    }
    if (this.producerConfigs.has(ref) || this.readers.has(ref)) return ref
    if (this.splitMember(ref) !== undefined) {
      this.requireMember(ref, path)
      return ref
    }
    const clients = this.clientIds()
    const guess = closestMatch(ref, clients)
    const hint = guess !== undefined ? `did you mean "${guess}"? ` : ''
    fail(
      path,
      `unknown node ${showValue(ref)} (${hint}a node is a broker number 1..${brokers}, a client id (${quoteList(clients)}), "controller"${controller.dedicated ? ', "controller-N"' : ''}, "leader:<topic>-<p>", "replica:<topic>-<p>:<i>" or "coordinator:<groupId>")`,
    )
  }

  run(): Scenario {
    const s = this.s
    const { brokers, controller, network } = s.cluster

    // cluster
    if (!controller.dedicated && controller.voters > brokers) {
      fail(
        'cluster.controller.voters',
        `${controller.voters} is more than the ${brokers} brokers (combined controllers run on brokers 1..voters; set "dedicated": true for separate controller nodes)`,
      )
    }
    if (network.maxLatencyMs < network.minLatencyMs) {
      fail('cluster.network.maxLatencyMs', `${network.maxLatencyMs} is less than minLatencyMs (${network.minLatencyMs})`)
    }

    // topics
    const collisionKeys = new Map<string, string>()
    s.topics.forEach((t, i) => {
      const path = `topics[${i}]`
      checkTopicName(t.name, `${path}.name`)
      if (this.topics.has(t.name)) fail(`${path}.name`, `topic ${showValue(t.name)} is defined twice`)
      const collisionKey = t.name.replace(/\./g, '_')
      const other = collisionKeys.get(collisionKey)
      if (other !== undefined) {
        fail(`${path}.name`, `topic ${showValue(t.name)} collides with ${showValue(other)} (Kafka treats '.' and '_' as the same in metric names and rejects the second)`)
      }
      collisionKeys.set(collisionKey, t.name)
      if (t.replicationFactor > brokers) {
        fail(`${path}.replicationFactor`, `${t.replicationFactor} is more than the ${brokers} broker${brokers === 1 ? '' : 's'}`)
      }
      this.topics.set(t.name, { partitions: t.partitions, replicationFactor: t.replicationFactor })
    })

    // producers
    s.producers.forEach((p, i) => {
      const path = `producers[${i}]`
      checkClientName(p.id, `${path}.id`, 'producer id')
      if (this.producerConfigs.has(p.id)) fail(`${path}.id`, `${showValue(p.id)} is used by another producer`)
      this.requireTopic(p.topic, `${path}.topic`)
      this.producerConfigs.set(p.id, p.config)
    })

    // consumers
    s.consumers.forEach((c, i) => {
      const path = `consumers[${i}]`
      checkClientName(c.groupId, `${path}.groupId`, 'group id')
      if (this.groups.has(c.groupId)) fail(`${path}.groupId`, `group ${showValue(c.groupId)} is defined twice (use "members" for more consumers in one group)`)
      c.topics.forEach((t, k) => {
        this.requireTopic(t, `${path}.topics[${k}]`)
        if (c.topics.indexOf(t) !== k) fail(`${path}.topics[${k}]`, `topic ${showValue(t)} is listed twice`)
      })
      if (c.config['group.instance.id'] !== undefined) {
        if (c.staticMembership) {
          fail(`${path}.config.group.instance.id`, 'cannot be combined with staticMembership: true (which gives each member its client id as group.instance.id)')
        }
        if (c.members > 1) {
          fail(`${path}.config.group.instance.id`, `would give all ${c.members} members the same group.instance.id; use staticMembership: true instead`)
        }
      }
      this.groups.set(c.groupId, c.members)
    })

    // readers
    s.readers.forEach((r, i) => {
      const path = `readers[${i}]`
      checkClientName(r.id, `${path}.id`, 'reader id')
      if (this.producerConfigs.has(r.id)) fail(`${path}.id`, `${showValue(r.id)} is already a producer id (client ids must be unique)`)
      if (this.readers.has(r.id)) fail(`${path}.id`, `${showValue(r.id)} is used by another reader`)
      r.topics.forEach((t, k) => {
        this.requireTopic(t, `${path}.topics[${k}]`)
        if (r.topics.indexOf(t) !== k) fail(`${path}.topics[${k}]`, `topic ${showValue(t)} is listed twice`)
      })
      this.readers.add(r.id)
    })

    // client ids must not look like a group member
    const named: [string, string][] = [
      ...s.producers.map((p, i): [string, string] => [p.id, `producers[${i}].id`]),
      ...s.readers.map((r, i): [string, string] => [r.id, `readers[${i}].id`]),
    ]
    for (const [id, path] of named) {
      const member = this.splitMember(id)
      if (member !== undefined) {
        fail(path, `${showValue(id)} is also the name of a member of group ${showValue(member[0])} (members are named ${member[0]}-1, ${member[0]}-2, ...)`)
      }
    }

    // timeline, in time order (stable); paths keep the index in the file
    const order = s.timeline.map((_, i) => i).sort((a, b) => s.timeline[a].atMs - s.timeline[b].atMs || a - b)
    const sorted: TimelineAction[] = []
    for (const i of order) sorted.push(this.action(s.timeline[i], `timeline[${i}]`))
    s.timeline = sorted

    // expectations refer to the state at the end
    this.expectations()

    // the whole run must fit in a few minutes of work
    const tooBig = runSizeProblem(estimateRunSize(s, this.broker), s.durationMs)
    if (tooBig !== null) fail('durationMs', tooBig)
    return s
  }

  action(a: TimelineAction, path: string): TimelineAction {
    switch (a.action) {
      case 'crashBroker':
      case 'restartBroker':
        return { ...a, broker: this.node(a.broker, `${path}.broker`, 'broker') }
      case 'isolate':
      case 'resumeNode':
      case 'pauseNode':
        return { ...a, node: this.node(a.node, `${path}.node`, 'any') }
      case 'partitionNetwork': {
        const seen = new Map<string, string>()
        const sides = a.sides.map((side, si) =>
          side.map((ref, ni) => {
            const p = `${path}.sides[${si}][${ni}]`
            const n = this.node(ref, p, 'any')
            const key = String(n)
            const before = seen.get(key)
            if (before !== undefined) fail(p, `${showValue(n)} is already listed at ${before}`)
            seen.set(key, p)
            return n
          }),
        )
        return { ...a, sides }
      }
      case 'healNetwork':
        return a
      case 'slowLink':
      case 'cutLink': {
        const x = this.node(a.between[0], `${path}.between[0]`, 'any')
        const y = this.node(a.between[1], `${path}.between[1]`, 'any')
        if (x === y) fail(`${path}.between[1]`, `a link needs two different nodes (both are ${showValue(x)})`)
        return { ...a, between: [x, y] }
      }
      case 'crashController':
        return a.controller === undefined ? a : { ...a, controller: this.node(a.controller, `${path}.controller`, 'controller') }
      case 'crashConsumer':
      case 'removeConsumer':
      case 'restartConsumer':
        this.requireMember(a.member, `${path}.member`)
        return a
      case 'addConsumer':
        this.requireGroup(a.groupId, `${path}.groupId`)
        if ((this.groups.get(a.groupId) ?? 0) >= MAX_MEMBERS) fail(`${path}.groupId`, `group ${showValue(a.groupId)} would have more than ${MAX_MEMBERS} members`)
        this.groups.set(a.groupId, (this.groups.get(a.groupId) ?? 0) + 1)
        return a
      case 'stopProducer':
      case 'startProducer':
      case 'produce':
        this.requireProducer(a.producer, `${path}.producer`)
        return a
      case 'setProducerConfig': {
        this.requireProducer(a.producer, `${path}.producer`)
        const merged: ConfigMap = { ...this.producerConfigs.get(a.producer), ...a.config }
        try {
          resolveProducerConfig(merged)
        } catch (e) {
          if (e instanceof ConfigError) fail(`${path}.config.${e.key}`, `${e.what} (after this change the producer's config would be invalid)`)
          throw e
        }
        this.producerConfigs.set(a.producer, merged)
        return a
      }
      case 'setTopicConfig':
        this.requireTopic(a.topic, `${path}.topic`)
        return a
      case 'setConsumerConfig':
        this.requireGroup(a.groupId, `${path}.groupId`)
        return a
      case 'addPartitions': {
        const info = this.requireTopic(a.topic, `${path}.topic`)
        if (a.count <= info.partitions) {
          fail(
            `${path}.count`,
            `${a.count} is not more than the ${info.partitions} partitions ${a.topic} has at this point (count is the new total, as in Kafka's CreatePartitions; partitions can only be added)`,
          )
        }
        this.topics.set(a.topic, { ...info, partitions: a.count })
        return a
      }
      case 'electPreferredLeaders':
        if (a.topic !== undefined) this.requireTopic(a.topic, `${path}.topic`)
        return a
      case 'resetOffsets':
        this.requireGroup(a.groupId, `${path}.groupId`)
        if (a.topic !== undefined) this.requireTopic(a.topic, `${path}.topic`)
        return a
    }
  }

  expectations(): void {
    const e = this.s.expect
    const counts = ['lostAckedWrites', 'duplicates', 'inconsistentOffsets', 'divergentReplicas', 'multipleLeaders', 'nonMonotonicPolls', 'hwAboveLeo', 'concurrentConsumers', 'committedBackwards', 'skippedRecords', 'redeliveries'] as const
    for (const key of counts) {
      const c = e[key]
      if (c !== undefined) checkCount(c, `expect.${key}`)
    }
    const brokers = this.s.cluster.brokers
    const partitionPath = (map: string, key: string) => formatPath(['expect', map, key])
    for (const [tp, leader] of Object.entries(e.leaderOf ?? {})) {
      const path = partitionPath('leaderOf', tp)
      this.requirePartition(tp, path, tp)
      if (leader === 0 || leader > brokers) fail(path, `${leader} is not a broker (brokers are 1..${brokers}; -1 means no leader)`)
    }
    for (const g of Object.keys(e.groupState ?? {})) this.requireGroup(g, partitionPath('groupState', g))
    if (e.isrOf !== undefined) {
      for (const [tp, isr] of Object.entries(e.isrOf)) {
        const path = partitionPath('isrOf', tp)
        const [, info] = this.requirePartition(tp, path, tp)
        isr.forEach((b, k) => {
          if (b > brokers) fail(`${path}[${k}]`, `${b} is not a broker (brokers are 1..${brokers})`)
          if (isr.indexOf(b) !== k) fail(`${path}[${k}]`, `broker ${b} is listed twice`)
        })
        if (isr.length > info.replicationFactor) fail(path, `lists ${isr.length} brokers but the replication factor is ${info.replicationFactor}`)
        e.isrOf[tp] = [...isr].sort((x, y) => x - y)
      }
    }
    for (const [id, errors] of Object.entries(e.producerErrors ?? {})) {
      const path = partitionPath('producerErrors', id)
      this.requireProducer(id, path)
      for (const [name, c] of Object.entries(errors)) {
        const p = `${path}.${name}`
        if (!/^[A-Z][A-Z0-9_]*$/.test(name)) fail(p, `${showValue(name)} is not a Kafka error name (e.g. NOT_ENOUGH_REPLICAS, NOT_LEADER_OR_FOLLOWER, REQUEST_TIMED_OUT)`)
        checkCount(c, p)
      }
    }
    for (const [id, c] of Object.entries(e.producerAcked ?? {})) {
      const path = partitionPath('producerAcked', id)
      this.requireProducer(id, path)
      checkCount(c, path)
    }
    for (const b of Object.keys(e.brokerState ?? {})) {
      const n = /^\d+$/.test(b) ? Number(b) : NaN
      if (!(n >= 1 && n <= brokers)) fail(partitionPath('brokerState', b), `${showValue(b)} is not a broker (brokers are 1..${brokers})`)
    }
  }
}

function checkCount(c: CountExpectation, path: string): void {
  if (typeof c === 'number') return
  if (c.min === undefined && c.max === undefined) fail(path, 'needs "min", "max" or both, e.g. {"min": 1}')
  if (c.min !== undefined && c.max !== undefined && c.min > c.max) fail(path, `min ${c.min} is more than max ${c.max}`)
}

// ---------------------------------------------------------------------------------------------
// Entry points.

/**
 * Check a scenario (already parsed from JSON) and fill in the defaults. Throws ScenarioError with
 * the field path of the first problem.
 */
export function parseScenario(json: unknown): Scenario {
  checkJsonInput(json)
  const result = scenarioSchema.safeParse(json)
  if (!result.success) throw zodFailure(result.error, json)
  const scenario: Scenario = result.data
  return new Checker(scenario).run()
}

/** Where a JSON.parse error happened, as " (line L, column C)" when the message gives a position. */
function jsonErrorPosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message)
  if (m === null) return ''
  const pos = Math.min(Number(m[1]), text.length)
  let line = 1
  let col = 1
  for (let i = 0; i < pos; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      col = 1
    } else {
      col++
    }
  }
  return /line \d+/.test(message) ? '' : ` (line ${line}, column ${col})`
}

/** Parse scenario JSON text. A JSON syntax error becomes ScenarioError("(json)", message). */
export function parseScenarioText(text: string, source?: string): Scenario {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    throw new ScenarioError('(json)', `${message}${jsonErrorPosition(body, message)}`, source)
  }
  try {
    return parseScenario(json)
  } catch (e) {
    if (e instanceof ScenarioError && source !== undefined) throw new ScenarioError(e.path, e.what, source)
    throw e
  }
}
