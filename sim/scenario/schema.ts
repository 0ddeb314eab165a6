/**
 * The shape of a scenario file (CONTRACT §3), as a zod schema: types, ranges, unknown fields (with a
 * did-you-mean) and defaults, checked in document order. Config maps go through config.ts, so their
 * keys are Kafka's config names and their values pass Kafka's own cross-key rules (its resolvers
 * follow e.g. ProducerConfig's idempotence rules). The cluster runs in KRaft mode, as Kafka 4.x does,
 * or in the legacy ZooKeeper mode of Kafka 3.x (controller.mode "zookeeper"); what belongs to one mode
 * is refused in the other with its path. Other limits keep a scenario to what one run can hold: at
 * most 50 brokers, 7 controller voters or ZooKeeper servers, 1000 partitions per topic, 100 members per group, times up to 2^31-1 ms.
 * References between the parts are checked after this, in cross-checks.ts.
 */
import { z } from 'zod'
import type { ActionName, ConfigMap } from './types.ts'
import {
  closestMatch,
  ConfigError,
  resolveBrokerConfig,
  resolveConsumerConfig,
  resolveShareConsumerConfig,
  resolveProducerConfig,
  showValue,
  validateConfigMap,
  type ConfigScope,
} from '../kafka/config.ts'
import { listSome } from './parse-errors.ts'
import { isPlainObject } from './json-input.ts'
import { seedProblem } from './seed.ts'
import { describe, own } from './zod-messages.ts'

const INT_MAX = 2147483647
export const MAX_BROKERS = 50
const MAX_VOTERS = 7
/** a ZooKeeper ensemble of at most 7 servers, as is usual */
const MAX_ZOOKEEPER_NODES = 7
const MAX_PARTITIONS = 1000
/** The most members one consumer group may have, counting the ones addConsumer actions add. */
export const MAX_MEMBERS = 100

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
        else if (variant === 'share') resolveShareConsumerConfig(map)
        return map
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e
        ctx.issues.push({ code: 'custom', message: own(e.what), path: [e.key], input: raw })
        return z.NEVER
      }
    })
}

const at = { atMs: integer(0, INT_MAX) }

const base64 = z.string().max(150_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: () => own('expected base64') })
const tpName = z.string().min(3).max(260)

const groupIdText = z.string().max(10_000)
/** who a group request is from */
const groupMember = { groupId: groupIdText, memberId: z.string().max(1000), groupInstanceId: z.string().max(1000).nullable() }

/** A real client's request as kafkascope serve records it (kafka/client-requests.ts). */
const clientRequestSchema = z.discriminatedUnion('api', [
  obj({ api: z.literal('Metadata'), topics: z.array(z.string().max(249)).max(10_000).nullable(), allowAutoTopicCreation: z.boolean().optional() }),
  obj({
    api: z.literal('CreateTopics'),
    topics: z.array(obj({ name: z.string().max(249), partitions: integer(-1, INT_MAX), replicationFactor: integer(-1, 32767), configs: z.record(z.string().max(255), z.string().max(10_000)) })).max(1000),
    validateOnly: z.boolean(),
  }),
  obj({ api: z.literal('DeleteTopics'), topics: z.array(z.string().max(249)).max(1000) }),
  obj({
    api: z.literal('Produce'),
    acks: z.enum(['all', '0', '1']),
    timeoutMs: integer(0, INT_MAX),
    partitions: z.array(obj({
      tp: tpName,
      producerId: z.number().int(),
      producerEpoch: z.number().int(),
      sequence: z.number().int(),
      records: z.array(obj({ key: base64.nullable(), value: base64.nullable(), headers: z.array(z.tuple([z.string(), base64.nullable()])).max(10_000), timestampMs: z.number().int() })).max(1_000_000),
    })).max(10_000),
  }),
  obj({ api: z.literal('Fetch'), maxWaitMs: integer(0, INT_MAX), maxBytes: integer(0, INT_MAX), partitions: z.array(obj({ tp: tpName, fetchOffset: z.number().int(), currentLeaderEpoch: z.number().int() })).max(10_000) }),
  obj({
    api: z.literal('ListOffsets'),
    tp: tpName,
    spec: z.union([z.literal('earliest'), z.literal('latest'), obj({ timestamp: z.number().int() })]),
    currentLeaderEpoch: z.number().int(),
  }),
  obj({ api: z.literal('OffsetForLeaderEpoch'), tp: tpName, currentLeaderEpoch: z.number().int(), leaderEpoch: z.number().int() }),
  obj({ api: z.literal('InitProducerId') }),
  obj({ api: z.literal('FindCoordinator'), key: groupIdText }),
  obj({
    api: z.literal('JoinGroup'),
    ...groupMember,
    sessionTimeoutMs: integer(0, INT_MAX),
    rebalanceTimeoutMs: integer(-1, INT_MAX),
    protocols: z.array(obj({ name: z.string().max(255), metadata: obj({ raw: base64, topics: z.array(z.string().max(249)).max(10_000), ownedPartitions: z.array(tpName).max(100_000), generation: z.number().int() }) })).min(1).max(100),
    reason: z.string().max(10_000).nullable(),
  }),
  obj({ api: z.literal('SyncGroup'), ...groupMember, generation: z.number().int(), assignments: z.array(obj({ memberId: z.string().max(1000), raw: base64, partitions: z.array(tpName).max(100_000) })).max(10_000) }),
  obj({ api: z.literal('Heartbeat'), ...groupMember, generation: z.number().int() }),
  obj({ api: z.literal('LeaveGroup'), ...groupMember, reason: z.string().max(10_000).nullable() }),
  obj({ api: z.literal('OffsetCommit'), ...groupMember, generation: z.number().int(), offsets: z.array(obj({ tp: tpName, offset: z.number().int() })).max(100_000) }),
  obj({ api: z.literal('OffsetFetch'), groupId: groupIdText, tps: z.array(tpName).max(100_000).nullable() }),
  obj({
    api: z.literal('ConsumerGroupHeartbeat'),
    groupId: groupIdText,
    memberId: z.string().max(1000),
    memberEpoch: z.number().int(),
    instanceId: z.string().max(1000).nullable(),
    rebalanceTimeoutMs: z.number().int(),
    subscribedTopicNames: z.array(z.string().max(249)).max(10_000).nullable(),
    serverAssignor: z.string().max(255).nullable(),
    topicPartitions: z.array(obj({ topicId: z.string().regex(/^[A-Za-z0-9_-]{22}$/), partitions: z.array(integer(0, INT_MAX)).max(100_000) })).max(10_000).nullable(),
  }),
])

const actionSchemas = {
  crashBroker: obj({ ...at, action: z.literal('crashBroker'), broker: nodeRef }),
  restartBroker: obj({ ...at, action: z.literal('restartBroker'), broker: nodeRef }),
  shutdownBroker: obj({ ...at, action: z.literal('shutdownBroker'), broker: nodeRef }),
  isolate: obj({ ...at, action: z.literal('isolate'), node: nodeRef }),
  partitionNetwork: obj({ ...at, action: z.literal('partitionNetwork'), sides: z.array(z.array(nodeRef).min(1)).min(1) }),
  healNetwork: obj({ ...at, action: z.literal('healNetwork') }),
  addBroker: obj({ ...at, action: z.literal('addBroker') }),
  crashRack: obj({ ...at, action: z.literal('crashRack'), rack: z.string().min(1) }),
  restartRack: obj({ ...at, action: z.literal('restartRack'), rack: z.string().min(1) }),
  reassignPartitions: obj({ ...at, action: z.literal('reassignPartitions'), topic: z.string(), partition: integer(0, MAX_PARTITIONS - 1), replicas: z.array(integer(1, MAX_BROKERS)).min(1), throttle: integer(1, Number.MAX_SAFE_INTEGER).optional() }),
  verifyReassignment: obj({ ...at, action: z.literal('verifyReassignment') }),
  cancelReassignment: obj({ ...at, action: z.literal('cancelReassignment'), topic: z.string(), partition: integer(0, MAX_PARTITIONS - 1) }),
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
  crashZooKeeper: obj({ ...at, action: z.literal('crashZooKeeper'), server: z.string() }),
  clientRequest: obj({ ...at, action: z.literal('clientRequest'), client: z.string().regex(/^ext-\d+$/, { error: () => own('a real client is ext-<n>') }), broker: integer(1, MAX_BROKERS), ref: integer(0, Number.MAX_SAFE_INTEGER), clientId: z.string().max(1000).nullable().optional(), request: clientRequestSchema }),
  restartZooKeeper: obj({ ...at, action: z.literal('restartZooKeeper'), server: z.string() }),
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
    value: z.string().nullable().optional(),
  }),
  electPreferredLeaders: obj({ ...at, action: z.literal('electPreferredLeaders'), topic: z.string().optional() }),
  electLeaders: obj({ ...at, action: z.literal('electLeaders'), electionType: z.enum(['PREFERRED', 'UNCLEAN']), topic: z.string().optional(), partition: integer(0, MAX_PARTITIONS - 1).optional() }),
  deleteRecords: obj({ ...at, action: z.literal('deleteRecords'), topic: z.string(), partition: integer(0, MAX_PARTITIONS - 1), beforeOffset: integer(-1, Number.MAX_SAFE_INTEGER) }),
  resetOffsets: obj({
    ...at,
    action: z.literal('resetOffsets'),
    groupId: z.string(),
    topic: z.string().optional(),
    to: z.union([
      z.literal('earliest'),
      z.literal('latest'),
      integer(0, Number.MAX_SAFE_INTEGER),
      obj({ timestamp: integer(0, Number.MAX_SAFE_INTEGER) }),
      obj({ durationMs: integer(0, Number.MAX_SAFE_INTEGER) }),
    ]),
  }),
} satisfies Record<ActionName, z.ZodType>

type ActionSchema = (typeof actionSchemas)[ActionName]

/** Every timeline action name, in the order they are listed in the schema. */
export const ACTION_NAMES = Object.keys(actionSchemas) as ActionName[]
/** A real client's request as an action (kafkascope serve checks each before applying it). */
export const clientRequestAction = actionSchemas.clientRequest

const timelineAction = z.discriminatedUnion('action', Object.values(actionSchemas) as [ActionSchema, ...ActionSchema[]])

const keySpec = z.discriminatedUnion('kind', [
  obj({ kind: z.literal('none') }),
  obj({ kind: z.literal('pool'), size: integer(1, 1_000_000) }),
  obj({ kind: z.literal('list'), values: z.array(z.string()).min(1).max(100_000) }),
])

const GROUP_STATES = ['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead', 'Assigning', 'Reconciling'] as const
const BROKER_STATES = ['alive', 'crashed', 'fenced', 'isolated', 'shuttingDown', 'stopped'] as const

const expectSchema = obj({
  lostAckedWrites: countExpectation.optional(),
  duplicates: countExpectation.optional(),
  inconsistentOffsets: countExpectation.optional(),
  divergentReplicas: countExpectation.optional(),
  multipleLeaders: countExpectation.optional(),
  nonMonotonicPolls: countExpectation.optional(),
  hwAboveLeo: countExpectation.optional(),
  concurrentConsumers: countExpectation.optional(),
  partitionsOwnedTwice: countExpectation.optional(),
  committedBackwards: countExpectation.optional(),
  skippedRecords: countExpectation.optional(),
  compactionLostLatest: countExpectation.optional(),
  shareAckedByOther: countExpectation.optional(),
  shareAckedTwice: countExpectation.optional(),
  shareRecordsLost: countExpectation.optional(),
  shareDeliveriesOverLimit: countExpectation.optional(),
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
      .enum(['kraft', 'zookeeper'], { error: (iss) => own(`${showValue(iss.input)} is not a controller mode: "kraft" (Kafka 4.x) or "zookeeper" (legacy: Kafka 3.x, removed in 4.0)`) })
      .default('kraft'),
    /** 0 only in ZooKeeper mode (which has no KRaft voters), as a parsed scenario says */
    voters: integer(0, MAX_VOTERS).optional(),
    dedicated: z.boolean().optional(),
  }).prefault({}),
  /** the legacy ZooKeeper mode's ensemble (zk-1..zk-N); only with controller.mode "zookeeper" (null: none, as a parsed scenario says) */
  zookeeper: obj({ nodes: integer(1, MAX_ZOOKEEPER_NODES).default(3) }).nullable().optional(),
  config: configMap('broker'),
  network: obj({
    minLatencyMs: integer(1, 60_000).default(1),
    maxLatencyMs: integer(1, 60_000).default(3),
  }).prefault({}),
  /** broker.rack per broker id */
  racks: z.record(z.string(), z.string().min(1).max(100)).default({}),
  /** the finalized feature levels the cluster is formatted with (kafka-storage format --feature) */
  features: obj({
    'eligible.leader.replicas.version': integer(0, 1).default(1),
  }).optional(),
})
  .superRefine((c, ctx) => {
    const zk = c.controller.mode === 'zookeeper'
    // what belongs to the other mode is refused with its path, never ignored
    if (!zk && c.controller.voters === 0) ctx.addIssue({ code: 'custom', path: ['controller', 'voters'], message: own('0 is too small: a KRaft quorum has at least 1 voter') })
    if (zk && c.controller.voters !== undefined && c.controller.voters !== 0) ctx.addIssue({ code: 'custom', path: ['controller', 'voters'], message: own('applies to KRaft only: in ZooKeeper mode one of the brokers is the controller, elected through ZooKeeper (set cluster.zookeeper.nodes for the ensemble)') })
    if (zk && c.controller.dedicated === true) ctx.addIssue({ code: 'custom', path: ['controller', 'dedicated'], message: own('applies to KRaft only: in ZooKeeper mode one of the brokers is the controller') })
    if (!zk && c.zookeeper !== undefined && c.zookeeper !== null) ctx.addIssue({ code: 'custom', path: ['zookeeper'], message: own('ZooKeeper options apply only in ZooKeeper mode (set cluster.controller.mode to "zookeeper"; Kafka 4.x runs in KRaft mode)') })
    for (const key of Object.keys(c.config)) {
      if (!zk && key.startsWith('zookeeper.')) ctx.addIssue({ code: 'custom', path: ['config', key], message: own('ZooKeeper options apply only in ZooKeeper mode (set cluster.controller.mode to "zookeeper"; Kafka 4.x runs in KRaft mode)') })
    }
    if (zk && c.features !== undefined && c.features['eligible.leader.replicas.version'] !== 0) {
      ctx.addIssue({ code: 'custom', path: ['features', 'eligible.leader.replicas.version'], message: own('ELR (KIP-966) is a KRaft feature: a ZooKeeper-mode cluster has none (0)') })
    }
  })
  .transform((c) => ({
    brokers: c.brokers,
    controller: {
      mode: c.controller.mode,
      voters: c.controller.mode === 'zookeeper' ? 0 : c.controller.voters ?? Math.min(3, c.brokers),
      dedicated: c.controller.dedicated ?? false,
    },
    zookeeper: c.controller.mode === 'zookeeper' ? { nodes: c.zookeeper?.nodes ?? 3 } : null,
    config: c.config,
    network: c.network,
    racks: c.racks,
    // KIP-966 is a KRaft feature: a ZooKeeper-mode cluster has no ELR
    features: c.features ?? { 'eligible.leader.replicas.version': c.controller.mode === 'zookeeper' ? 0 : 1 },
  }))
  .prefault({})

/** A whole scenario file, defaults filled in; the cross-field checks come after (cross-checks.ts). */
export const scenarioSchema = obj({
  name: z.string().min(1).max(200),
  description: z.string().max(20_000).default(''),
  /** The name and description in Korean, shown when the learner reads kafkascope in Korean. */
  ko: obj({ name: z.string().min(1).max(200), description: z.string().max(20_000).default('') }).optional(),
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
        tombstones: z.number().min(0).max(1).default(0),
        headers: integer(0, 1000).default(0),
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
  shareGroups: z
    .array(
      obj({
        groupId: z.string(),
        topics: z.array(z.string()).min(1),
        members: integer(0, MAX_MEMBERS).default(1),
        processingMsPerRecord: z.number().min(0).max(3_600_000).default(0),
        failProcessing: obj({ everyNth: integer(1, INT_MAX), acknowledge: z.enum(['RELEASE', 'REJECT']) }).nullable().default(null),
        config: configMap('share'),
      }),
    )
    .default([]),
  readers: z
    .array(
      obj({
        id: z.string(),
        topics: z.array(z.string()).min(1),
        startTimestamp: integer(0, Number.MAX_SAFE_INTEGER).optional(),
        config: configMap('reader'),
      }),
    )
    .default([]),
  timeline: z.array(timelineAction).default([]),
  expect: expectSchema.default({}),
})
