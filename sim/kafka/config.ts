/**
 * The config registry: every Kafka config key kafkascope understands, by Kafka's own name, with
 * Kafka 4.x's default (KRaft mode; linger.ms = 5 per KIP-1030), its type and its allowed range.
 *
 * Four scopes, as in Kafka: broker (server.properties / `cluster.config`), topic (per-topic overrides,
 * whose defaults come from the broker's `log.*` / `min.insync.replicas` / `unclean.*` settings),
 * producer (ProducerConfig) and consumer (ConsumerConfig).
 *
 * Validation follows Kafka's ConfigDef: numbers may be given as numeric strings, booleans as
 * "true"/"false", enums are case-insensitive. Cross-key rules follow Kafka's own checks:
 * ProducerConfig.postProcessAndValidateIdempotenceConfigs (idempotence needs acks=all, retries > 0,
 * max.in.flight.requests.per.connection <= 5), KafkaProducer.configureDeliveryTimeout
 * (delivery.timeout.ms >= linger.ms + request.timeout.ms), KafkaConfig.validateValues
 * (replica.fetch.wait.max.ms <= replica.lag.time.max.ms and <= replica.socket.timeout.ms), the
 * consumer's Heartbeat (heartbeat.interval.ms < session.timeout.ms) and
 * ConsumerConfig.checkUnsupportedConfigs (group.protocol=consumer rejects the classic-only keys).
 *
 * Log storage keys follow LogConfig and ServerLogConfigs (segment.bytes at least 1 MiB since 4.0,
 * KIP-1030; retention.ms -1 for no time limit; retention.bytes below 0 for no size limit).
 *
 * A real Kafka key kafkascope does not model yet (max.compaction.lag.ms, compression,
 * racks, the KIP-848 consumer protocol, read_committed, ...) is refused with its own message, never
 * accepted and ignored; a key Kafka does not have at all gets the unknown-config message.
 *
 * Deviation: periodic timers that Kafka allows to be 0 (e.g. auto.commit.interval.ms) must be >= 1
 * here, so that the simulator never schedules a zero-period timer.
 *
 * Errors are ConfigError(key, what); the scenario parser prefixes the field path.
 */
import type { ConfigMap, ConfigValue } from '../scenario/types.ts'

export type ConfigScope = 'broker' | 'topic' | 'producer' | 'consumer' | 'share'
export type Acks = 'all' | '0' | '1'
export type Assignor = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky'
export type AutoOffsetReset = 'earliest' | 'latest' | 'none'
export type IsolationLevel = 'read_uncommitted' | 'read_committed'
export type GroupProtocol = 'classic' | 'consumer'
/** cleanup.policy, normalised: its items sorted and joined ('compact,delete' for both). */
export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete'
export type TimestampType = 'CreateTime' | 'LogAppendTime'

/** A config problem. `key` is the config key (no field path); the message is `${key}: ${what}`. */
export class ConfigError extends Error {
  readonly key: string
  readonly what: string
  constructor(key: string, what: string) {
    super(`${key}: ${what}`)
    this.name = 'ConfigError'
    this.key = key
    this.what = what
  }
}

// ---------------------------------------------------------------------------------------------
// Resolved config types: every key present, defaults merged, values normalised.

export interface BrokerConfig {
  'replica.lag.time.max.ms': number
  'min.insync.replicas': number
  'default.replication.factor': number
  'num.partitions': number
  'unclean.leader.election.enable': boolean
  'unclean.leader.election.interval.ms': number
  'broker.session.timeout.ms': number
  /** ZooKeeper mode only (legacy Kafka 3.x) */
  'zookeeper.session.timeout.ms': number
  'broker.heartbeat.interval.ms': number
  'controller.quorum.election.timeout.ms': number
  'controller.quorum.fetch.timeout.ms': number
  'controller.quorum.election.backoff.max.ms': number
  'auto.leader.rebalance.enable': boolean
  'leader.imbalance.check.interval.seconds': number
  'replica.fetch.wait.max.ms': number
  'replica.fetch.max.bytes': number
  'replica.fetch.min.bytes': number
  'replica.fetch.backoff.ms': number
  'replica.socket.timeout.ms': number
  'offsets.topic.num.partitions': number
  'offsets.topic.replication.factor': number
  'offsets.retention.minutes': number
  'group.initial.rebalance.delay.ms': number
  'group.min.session.timeout.ms': number
  'group.max.session.timeout.ms': number
  'group.consumer.session.timeout.ms': number
  'group.consumer.heartbeat.interval.ms': number
  'group.share.session.timeout.ms': number
  'group.share.heartbeat.interval.ms': number
  'group.share.record.lock.duration.ms': number
  'group.share.delivery.count.limit': number
  'group.share.partition.max.record.locks': number
  'auto.create.topics.enable': boolean
  'message.max.bytes': number
  'log.retention.ms': number
  'log.retention.bytes': number
  'log.segment.bytes': number
  'log.roll.ms': number
  'log.cleanup.policy': CleanupPolicy
  'log.message.timestamp.type': TimestampType
  'log.retention.check.interval.ms': number
  'log.cleaner.backoff.ms': number
  'log.cleaner.min.cleanable.ratio': number
  'log.cleaner.delete.retention.ms': number
  'log.cleaner.min.compaction.lag.ms': number
}

export interface TopicConfig {
  'min.insync.replicas': number
  'unclean.leader.election.enable': boolean
  'max.message.bytes': number
  'retention.ms': number
  'retention.bytes': number
  'segment.bytes': number
  'segment.ms': number
  'cleanup.policy': CleanupPolicy
  'message.timestamp.type': TimestampType
  'min.cleanable.dirty.ratio': number
  'delete.retention.ms': number
  'min.compaction.lag.ms': number
  /** replicas whose leader throttles replication to out-of-sync followers: "*", or "partition:broker,..." ("": none) */
  'leader.replication.throttled.replicas': string
  /** replicas whose follower throttles its own fetching while out of sync: "*", or "partition:broker,..." */
  'follower.replication.throttled.replicas': string
}

export interface ProducerConfig {
  acks: Acks
  'linger.ms': number
  'batch.size': number
  'enable.idempotence': boolean
  'max.in.flight.requests.per.connection': number
  retries: number
  'retry.backoff.ms': number
  'retry.backoff.max.ms': number
  'delivery.timeout.ms': number
  'request.timeout.ms': number
  'metadata.max.age.ms': number
  'max.block.ms': number
  'buffer.memory': number
  'max.request.size': number
  'partitioner.ignore.keys': boolean
  'partitioner.adaptive.partitioning.enable': boolean
  'partitioner.availability.timeout.ms': number
}

export interface ConsumerConfig {
  'session.timeout.ms': number
  'heartbeat.interval.ms': number
  'max.poll.interval.ms': number
  'max.poll.records': number
  'auto.offset.reset': AutoOffsetReset
  'enable.auto.commit': boolean
  'auto.commit.interval.ms': number
  'partition.assignment.strategy': Assignor[]
  'fetch.min.bytes': number
  'fetch.max.wait.ms': number
  'fetch.max.bytes': number
  'max.partition.fetch.bytes': number
  'request.timeout.ms': number
  'metadata.max.age.ms': number
  'retry.backoff.ms': number
  'retry.backoff.max.ms': number
  'isolation.level': IsolationLevel
  'group.protocol': GroupProtocol
  'group.instance.id'?: string
  /** KIP-848: the server-side assignor this member asks for (absent: the broker's default, uniform) */
  'group.remote.assignor'?: string
}

/** A share consumer (KafkaShareConsumer, KIP-932), and its group's share.auto.offset.reset. */
export interface ShareConsumerConfig {
  'max.poll.records': number
  'fetch.max.wait.ms': number
  'fetch.max.bytes': number
  'request.timeout.ms': number
  'metadata.max.age.ms': number
  'retry.backoff.ms': number
  'retry.backoff.max.ms': number
  'share.acknowledgement.mode': 'implicit'
  'share.auto.offset.reset': 'latest' | 'earliest'
}

// ---------------------------------------------------------------------------------------------
// The registry.

export type ConfigKind = 'int' | 'long' | 'double' | 'bool' | 'enum' | 'string' | 'acks' | 'assignors' | 'cleanup' | 'replicas'

export interface ConfigKeySpec {
  kind: ConfigKind
  /** Kafka's default; absent for optional keys and for topic keys that inherit a broker value */
  default?: ConfigValue
  /** topic keys: the broker key whose value is the default (Kafka's synonym) */
  brokerDefault?: keyof BrokerConfig
  min?: number
  max?: number
  /** enum values (canonical spelling) */
  values?: readonly string[]
  /** unit shown in messages: 'ms', 'bytes', ... */
  unit?: string
  /** one line for people: what the key does (shown by the app's config panel) */
  doc: string
}

const INT_MAX = 2147483647
const LONG_MAX = Number.MAX_SAFE_INTEGER

function int(def: number, min: number, doc: string, unit?: string, max = INT_MAX): ConfigKeySpec {
  return { kind: 'int', default: def, min, max, doc, unit }
}
function long(def: number, min: number, doc: string, unit?: string): ConfigKeySpec {
  return { kind: 'long', default: def, min, max: LONG_MAX, doc, unit }
}
function bool(def: boolean, doc: string): ConfigKeySpec {
  return { kind: 'bool', default: def, doc }
}
function oneOf(def: string, values: readonly string[], doc: string): ConfigKeySpec {
  return { kind: 'enum', default: def, values, doc }
}

const BROKER: Readonly<Record<keyof BrokerConfig, ConfigKeySpec>> = {
  'replica.lag.time.max.ms': int(30000, 1, 'A follower that has not caught up with the leader for this long is removed from the ISR.', 'ms'),
  'min.insync.replicas': int(1, 1, 'Default for topics: with acks=all, a write needs at least this many in-sync replicas.'),
  'default.replication.factor': int(1, 1, 'Replication factor of automatically created topics.'),
  'num.partitions': int(1, 1, 'Partition count of automatically created topics.'),
  'unclean.leader.election.enable': bool(false, 'Default for topics: allow an out-of-sync replica to become leader (may lose acknowledged data).'),
  'unclean.leader.election.interval.ms': long(300000, 1, 'How often the KRaft controller looks for leaderless partitions it may elect uncleanly.', 'ms'),
  'broker.session.timeout.ms': int(9000, 1, 'The controller fences a broker that has not sent a heartbeat for this long.', 'ms'),
  'zookeeper.session.timeout.ms': int(18000, 1, 'ZooKeeper mode (legacy, Kafka 3.x): a broker whose ZooKeeper session saw nothing for this long loses its /brokers/ids znode, and the controller treats it as failed.', 'ms'),
  'broker.heartbeat.interval.ms': int(2000, 1, 'How often a broker sends BrokerHeartbeat to the active controller.', 'ms'),
  'controller.quorum.election.timeout.ms': int(1000, 1, 'Base Raft election timeout; the real one is randomised in [t, 2t).', 'ms'),
  'controller.quorum.fetch.timeout.ms': int(2000, 1, 'A voter that has not heard from the Raft leader for this long starts an election.', 'ms'),
  'controller.quorum.election.backoff.max.ms': int(1000, 1, 'Maximum backoff before a failed Raft candidate retries.', 'ms'),
  'auto.leader.rebalance.enable': bool(true, 'Periodically move leadership back to the preferred (first) replica.'),
  'leader.imbalance.check.interval.seconds': long(300, 1, 'How often the controller runs preferred leader elections.', 's'),
  'replica.fetch.wait.max.ms': int(500, 0, 'How long a follower fetch may wait at the leader for new data.', 'ms'),
  'replica.fetch.max.bytes': int(1048576, 0, 'Bytes a follower asks for per partition and fetch.', 'bytes'),
  'replica.fetch.min.bytes': int(1, 0, 'Bytes a follower fetch waits for before the leader answers.', 'bytes'),
  'replica.fetch.backoff.ms': int(1000, 0, 'How long a follower waits after a failed fetch.', 'ms'),
  'replica.socket.timeout.ms': int(30000, 1, 'Timeout of a follower fetch request.', 'ms'),
  'offsets.topic.num.partitions': int(50, 1, 'Partition count of __consumer_offsets (which partition coordinates a group).'),
  'offsets.topic.replication.factor': int(3, 1, 'Replication factor of __consumer_offsets.', undefined, 32767),
  'offsets.retention.minutes': int(10080, 1, 'How long committed offsets of an empty group are kept.', 'min'),
  'group.initial.rebalance.delay.ms': int(3000, 0, 'How long the coordinator waits for more members before the first rebalance of an empty group.', 'ms'),
  'group.min.session.timeout.ms': int(6000, 0, 'Smallest session.timeout.ms a consumer may ask for.', 'ms'),
  'group.max.session.timeout.ms': int(1800000, 0, 'Largest session.timeout.ms a consumer may ask for.', 'ms'),
  'group.consumer.session.timeout.ms': int(45000, 1, 'KIP-848 groups: the coordinator fences a member whose heartbeats stop for this long (Kafka bounds it by group.consumer.min/max.session.timeout.ms, 45-60 s by default).', 'ms'),
  'group.share.session.timeout.ms': int(45000, 45000, 'Share groups (KIP-932): the coordinator fences a member whose heartbeats stop for this long (within group.share.min/max.session.timeout.ms, 45-60 s).', 'ms', 60000),
  'group.share.heartbeat.interval.ms': int(5000, 5000, 'Share groups (KIP-932): how often members send ShareGroupHeartbeat (within group.share.min/max.heartbeat.interval.ms, 5-15 s).', 'ms', 15000),
  'group.share.record.lock.duration.ms': int(30000, 15000, 'Share groups (KIP-932): how long a member holds a record it acquired before it becomes available again (within group.share.min/max.record.lock.duration.ms, 15-60 s).', 'ms', 60000),
  'group.share.delivery.count.limit': int(5, 2, 'Share groups (KIP-932): a record released (or whose lock ran out) after this many deliveries is archived, never delivered again.', undefined, 10),
  'group.share.partition.max.record.locks': int(2000, 100, 'Share groups (KIP-932): how many records of a partition may be in flight (acquired or waiting for redelivery) at once.', undefined, 10000),
  'group.consumer.heartbeat.interval.ms': int(5000, 1, 'KIP-848 groups: how often members send ConsumerGroupHeartbeat (the coordinator tells them; Kafka bounds it to 5-15 s by default).', 'ms'),
  'auto.create.topics.enable': bool(true, 'Create a topic when a client asks for metadata of a topic that does not exist.'),
  'message.max.bytes': int(1048588, 0, 'Default for topics: the largest record batch the broker accepts.', 'bytes'),
  'log.retention.ms': long(604800000, -1, 'Default for topics: delete a segment once its newest record is older than this (-1: no time limit).', 'ms'),
  'log.retention.bytes': { kind: 'long', default: -1, min: -LONG_MAX, max: LONG_MAX, unit: 'bytes', doc: 'Default for topics: delete the oldest segments while a partition is bigger than this (below 0: no size limit).' },
  'log.segment.bytes': int(1073741824, 1048576, 'Default for topics: a new segment starts when the next batch would not fit in this many bytes (at least 1 MiB).', 'bytes'),
  'log.roll.ms': long(604800000, 1, 'Default for topics: a new segment starts when a batch is this much newer than the segment\'s first batch.', 'ms'),
  'log.cleanup.policy': { kind: 'cleanup', default: 'delete', doc: 'Default for topics: delete old segments (delete), keep the latest record per key (compact), or both.' },
  'log.message.timestamp.type': oneOf('CreateTime', ['CreateTime', 'LogAppendTime'], 'Default for topics: records keep the producer\'s timestamp (CreateTime) or get the leader\'s append time (LogAppendTime).'),
  'log.retention.check.interval.ms': long(300000, 1, 'How often a broker looks for segments that retention deletes (the first check 30 s after start-up).', 'ms'),
  'log.cleaner.backoff.ms': long(15000, 1, 'How long the log cleaner sleeps when no compacted log is dirty enough to clean.', 'ms'),
  'log.cleaner.min.cleanable.ratio': { kind: 'double', default: 0.5, min: 0, max: 1, doc: 'Default for topics: clean a compacted log once its dirty share is above this.' },
  'log.cleaner.delete.retention.ms': long(86400000, 0, 'Default for topics: how long the cleaner keeps a tombstone after it first cleaned it.', 'ms'),
  'log.cleaner.min.compaction.lag.ms': long(0, 0, 'Default for topics: records newer than this are never compacted.', 'ms'),
}

const TOPIC: Readonly<Record<keyof TopicConfig, ConfigKeySpec>> = {
  'min.insync.replicas': { kind: 'int', brokerDefault: 'min.insync.replicas', min: 1, max: INT_MAX, doc: 'With acks=all, a write needs at least this many in-sync replicas (else NOT_ENOUGH_REPLICAS).' },
  'unclean.leader.election.enable': { kind: 'bool', brokerDefault: 'unclean.leader.election.enable', doc: 'Allow an out-of-sync replica to become leader when no in-sync replica is alive (may lose acknowledged data).' },
  'max.message.bytes': { kind: 'int', brokerDefault: 'message.max.bytes', min: 0, max: INT_MAX, unit: 'bytes', doc: 'The largest record batch the topic accepts.' },
  'retention.ms': { kind: 'long', brokerDefault: 'log.retention.ms', min: -1, max: LONG_MAX, unit: 'ms', doc: 'Delete a segment once its newest record is older than this (-1: no time limit). The active segment counts too, but a segment still being written keeps a recent newest record.' },
  'retention.bytes': { kind: 'long', brokerDefault: 'log.retention.bytes', min: -LONG_MAX, max: LONG_MAX, unit: 'bytes', doc: 'Delete the oldest segments while the partition is bigger than this (below 0: no size limit).' },
  'segment.bytes': { kind: 'int', brokerDefault: 'log.segment.bytes', min: 1048576, max: INT_MAX, unit: 'bytes', doc: 'A new segment starts when the next batch would not fit in this many bytes (at least 1 MiB since Kafka 4.0).' },
  'segment.ms': { kind: 'long', brokerDefault: 'log.roll.ms', min: 1, max: LONG_MAX, unit: 'ms', doc: 'A new segment starts when an incoming batch is this much newer than the segment\'s first batch (record timestamps: an idle segment does not roll).' },
  'cleanup.policy': { kind: 'cleanup', brokerDefault: 'log.cleanup.policy', doc: 'delete: retention deletes old segments; compact: keep the latest record per key; compact,delete: both.' },
  'message.timestamp.type': { kind: 'enum', brokerDefault: 'log.message.timestamp.type', values: ['CreateTime', 'LogAppendTime'], doc: 'CreateTime: records keep the producer\'s timestamp; LogAppendTime: the leader stamps its append time.' },
  'min.cleanable.dirty.ratio': { kind: 'double', brokerDefault: 'log.cleaner.min.cleanable.ratio', min: 0, max: 1, doc: 'The log cleaner compacts this log once the dirty (not yet cleaned) share of it is above this.' },
  'delete.retention.ms': { kind: 'long', brokerDefault: 'log.cleaner.delete.retention.ms', min: 0, max: LONG_MAX, unit: 'ms', doc: 'A tombstone stays this long after the cleaner first cleaned it, so consumers can see the delete; then a later cleaning removes it.' },
  'min.compaction.lag.ms': { kind: 'long', brokerDefault: 'log.cleaner.min.compaction.lag.ms', min: 0, max: LONG_MAX, unit: 'ms', doc: 'Segments with records newer than this are not compacted yet.' },
  'leader.replication.throttled.replicas': { kind: 'replicas', default: '', doc: 'partition:broker pairs (or *) whose leader sends to out-of-sync followers no faster than its leader.replication.throttled.rate (kafka-reassign-partitions --throttle sets it).' },
  'follower.replication.throttled.replicas': { kind: 'replicas', default: '', doc: 'partition:broker pairs (or *) of replicas throttled on the follower side while they catch up (set with the leader list by --throttle; kafkascope throttles at the leader).' },
}

const PRODUCER: Readonly<Record<keyof ProducerConfig, ConfigKeySpec>> = {
  acks: { kind: 'acks', default: 'all', values: ['all', '-1', '0', '1'], doc: '0: no response; 1: the leader wrote it; all: every in-sync replica has it.' },
  'linger.ms': long(5, 0, 'How long the producer waits to fill a batch before sending it (5 since Kafka 4.0).', 'ms'),
  'batch.size': int(16384, 0, 'Batch size per partition; null-key records stick to one partition for about this many bytes.', 'bytes'),
  'enable.idempotence': bool(true, 'Producer id + sequence numbers let the broker drop duplicates from retries.'),
  'max.in.flight.requests.per.connection': int(5, 1, 'Unanswered produce requests per broker connection.'),
  retries: int(2147483647, 0, 'How many times a failed send is retried (within delivery.timeout.ms).'),
  'retry.backoff.ms': long(100, 0, 'Initial wait before a retry.', 'ms'),
  'retry.backoff.max.ms': long(1000, 0, 'Maximum wait before a retry (the backoff grows exponentially).', 'ms'),
  'delivery.timeout.ms': int(120000, 0, 'Upper bound on the time from send() to success or failure, retries included.', 'ms'),
  'request.timeout.ms': int(30000, 0, 'How long the producer waits for a response before it retries.', 'ms'),
  'metadata.max.age.ms': long(300000, 1, 'Metadata is refreshed at least this often.', 'ms'),
  'max.block.ms': long(60000, 0, 'How long send() may block waiting for metadata or buffer space.', 'ms'),
  'buffer.memory': long(33554432, 0, 'Bytes the producer may buffer for unsent records.', 'bytes'),
  'max.request.size': int(1048576, 0, 'The largest produce request (and record) the producer sends.', 'bytes'),
  'partitioner.ignore.keys': bool(false, 'Ignore keys and use sticky partitioning for every record.'),
  'partitioner.adaptive.partitioning.enable': bool(true, 'Send more null-key records to partitions whose brokers drain faster (KIP-794).'),
  'partitioner.availability.timeout.ms': long(0, 0, 'Avoid partitions whose leader has not drained for this long (0: off).', 'ms'),
}

const CONSUMER: Readonly<Record<keyof ConsumerConfig, ConfigKeySpec>> = {
  'session.timeout.ms': int(45000, 1, 'The coordinator removes a member whose heartbeats stop for this long.', 'ms'),
  'heartbeat.interval.ms': int(3000, 1, 'How often a member sends Heartbeat to the group coordinator.', 'ms'),
  'max.poll.interval.ms': int(300000, 1, 'A member that does not poll for this long leaves the group.', 'ms'),
  'max.poll.records': int(500, 1, 'Records returned by one poll().'),
  'auto.offset.reset': oneOf('latest', ['earliest', 'latest', 'none'], 'Where to start when there is no committed offset, or when the offset is out of range (OFFSET_OUT_OF_RANGE).'),
  'enable.auto.commit': bool(true, 'Commit the polled offsets every auto.commit.interval.ms.'),
  'auto.commit.interval.ms': int(5000, 1, 'How often offsets are committed automatically.', 'ms'),
  'partition.assignment.strategy': { kind: 'assignors', default: ['range', 'cooperative-sticky'], doc: 'Assignors in preference order; the first one all members support is used.' },
  'fetch.min.bytes': int(1, 0, 'Bytes a fetch waits for before the broker answers.', 'bytes'),
  'fetch.max.wait.ms': int(500, 0, 'How long a fetch may wait at the broker for fetch.min.bytes.', 'ms'),
  'fetch.max.bytes': int(52428800, 0, 'Bytes one fetch returns at most.', 'bytes'),
  'max.partition.fetch.bytes': int(1048576, 0, 'Bytes one fetch returns per partition at most.', 'bytes'),
  'request.timeout.ms': int(30000, 0, 'How long the consumer waits for a response.', 'ms'),
  'metadata.max.age.ms': long(300000, 1, 'Metadata is refreshed at least this often.', 'ms'),
  'retry.backoff.ms': long(100, 0, 'Initial wait before a retry.', 'ms'),
  'retry.backoff.max.ms': long(1000, 0, 'Maximum wait before a retry.', 'ms'),
  'isolation.level': oneOf('read_uncommitted', ['read_uncommitted', 'read_committed'], 'read_uncommitted reads up to the high watermark.'),
  'group.protocol': oneOf('classic', ['classic', 'consumer'], 'classic: JoinGroup/SyncGroup; consumer: the KIP-848 protocol.'),
  'group.instance.id': { kind: 'string', doc: 'Static membership id (KIP-345).' },
  'group.remote.assignor': { kind: 'string', doc: 'group.protocol=consumer: the server-side assignor to use, uniform or range (default: the broker\'s first of group.consumer.assignors, uniform).' },
}

const SHARE: Readonly<Record<keyof ShareConsumerConfig, ConfigKeySpec>> = {
  'max.poll.records': int(500, 1, 'Records one poll() returns at most (and one ShareFetch acquires per partition).'),
  'fetch.max.wait.ms': int(500, 0, 'How long a ShareFetch may wait at the broker for records to acquire.', 'ms'),
  'fetch.max.bytes': int(52428800, 0, 'Bytes one ShareFetch returns at most.', 'bytes'),
  'request.timeout.ms': int(30000, 0, 'How long the share consumer waits for a response.', 'ms'),
  'metadata.max.age.ms': long(300000, 1, 'Metadata is refreshed at least this often.', 'ms'),
  'retry.backoff.ms': long(100, 0, 'Initial wait before a retry.', 'ms'),
  'retry.backoff.max.ms': long(1000, 0, 'Maximum wait before a retry.', 'ms'),
  'share.acknowledgement.mode': oneOf('implicit', ['implicit', 'explicit'], 'implicit: the next poll acknowledges what the last one delivered (explicit needs the application to acknowledge each record).'),
  'share.auto.offset.reset': oneOf('latest', ['latest', 'earliest'], 'A group config (kafka-configs --entity-type groups): where a share group starts reading a partition it has no state for.'),
}

export const CONFIG_REGISTRY: Readonly<Record<ConfigScope, Readonly<Record<string, ConfigKeySpec>>>> = {
  broker: BROKER,
  topic: TOPIC,
  producer: PRODUCER,
  consumer: CONSUMER,
  share: SHARE,
}

const SCOPE_WORD: Record<ConfigScope, string> = {
  broker: 'a broker config (cluster.config)',
  topic: 'a topic config (topics[].config)',
  producer: 'a producer config (producers[].config)',
  consumer: 'a consumer config (consumers[].config)',
  share: 'a share consumer config (shareGroups[].config)',
}

/** Real Kafka keys that kafkascope does not take from a config map, with what to do instead. */
const NOT_CONFIGURABLE: Readonly<Record<string, string>> = {
  'log.retention.minutes': 'set log.retention.ms (kafkascope takes retention in milliseconds)',
  'log.retention.hours': 'set log.retention.ms (kafkascope takes retention in milliseconds)',
  'log.roll.hours': 'set log.roll.ms (kafkascope takes the roll time in milliseconds)',
  'bootstrap.servers': 'clients find the cluster by themselves in kafkascope',
  'client.id': 'the client id is producers[].id, readers[].id or <groupId>-N',
  'group.id': 'set consumers[].groupId',
  'key.serializer': 'keys are strings (serialized as UTF-8)',
  'value.serializer': 'values are generated (see valueBytes)',
  'key.deserializer': 'keys are strings (deserialized as UTF-8)',
  'value.deserializer': 'values are generated',
  'transactional.id': 'transactions are not simulated yet',
  'partitioner.class': 'only the built-in partitioner is simulated',
  'broker.id': 'brokers are numbered 1..cluster.brokers',
  'node.id': 'brokers are numbered 1..cluster.brokers',
  'process.roles': 'set cluster.controller.dedicated',
  'controller.quorum.voters': 'set cluster.controller.voters',
  'controller.quorum.bootstrap.servers': 'set cluster.controller.voters',
}

/**
 * Real Kafka keys of each scope that kafkascope does not model yet. They are refused, never
 * accepted and ignored: a scenario that sets one would not behave as it says.
 */
const NOT_MODELLED: Readonly<Record<ConfigScope, readonly string[]>> = {
  broker: [
    'log.cleaner.enable', 'log.cleaner.max.compaction.lag.ms', 'log.cleaner.threads', 'log.cleaner.dedupe.buffer.size', 'log.roll.jitter.ms',
    'log.segment.delete.delay.ms', 'compression.type', 'broker.rack', 'group.coordinator.rebalance.protocols',
    'group.consumer.assignors', 'group.consumer.min.session.timeout.ms', 'group.consumer.max.session.timeout.ms',
    'group.consumer.min.heartbeat.interval.ms', 'group.consumer.max.heartbeat.interval.ms', 'group.consumer.migration.policy',
    'transaction.state.log.replication.factor',
  ],
  topic: [
    'segment.jitter.ms', 'segment.index.bytes',
    'max.compaction.lag.ms',
    'compression.type', 'message.timestamp.before.max.ms', 'message.timestamp.after.max.ms',
    'flush.messages', 'flush.ms', 'index.interval.bytes', 'file.delete.delay.ms', 'preallocate',
    'remote.storage.enable', 'local.retention.ms', 'local.retention.bytes',
  ],
  producer: ['compression.type', 'compression.gzip.level', 'compression.lz4.level', 'compression.zstd.level', 'transaction.timeout.ms', 'client.dns.lookup'],
  consumer: ['client.rack', 'allow.auto.create.topics', 'check.crcs'],
  share: ['share.record.lock.duration.ms', 'share.delivery.count.limit', 'share.isolation.level'],
}

/**
 * Keys kafkascope models for some values only: the other values are real Kafka settings it does
 * not model yet (read_committed needs transactions).
 */
const MODELLED_VALUES_ONLY: Readonly<Partial<Record<ConfigScope, Readonly<Record<string, readonly string[]>>>>> = {
  consumer: { 'isolation.level': ['read_uncommitted'] },
  share: { 'share.acknowledgement.mode': ['implicit'] },
}

function notModelledMessage(key: string, value?: string): string {
  if (value === undefined) return `"${key}" is a Kafka config kafkascope does not model yet (remove it from the scenario)`
  const modelled = Object.values(MODELLED_VALUES_ONLY).find((m) => m?.[key] !== undefined)?.[key]
  return `"${key}=${value}" is a Kafka setting kafkascope does not model yet (use ${key}=${modelled?.join(' or ') ?? 'its default'}, Kafka's default)`
}

/** Pairs of a topic key and its broker synonym, to point people at the right scope. */
const SYNONYMS: readonly [string, string][] = [
  ['retention.ms', 'log.retention.ms'],
  ['retention.bytes', 'log.retention.bytes'],
  ['segment.bytes', 'log.segment.bytes'],
  ['cleanup.policy', 'log.cleanup.policy'],
  ['segment.ms', 'log.roll.ms'],
  ['message.timestamp.type', 'log.message.timestamp.type'],
  ['max.message.bytes', 'message.max.bytes'],
]

// ---------------------------------------------------------------------------------------------
// Key suggestions.

function normaliseKeyForMatch(key: string): string {
  return key.trim().toLowerCase().replace(/[_\-\s]+/g, '.')
}

function editDistance(a: string, b: string): number {
  const prev: number[] = []
  for (let j = 0; j <= b.length; j++) prev.push(j)
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + cost)
      diag = up
    }
  }
  return prev[b.length]
}

/**
 * The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
 * (at most max(2, length/4) edits). Ties go to the earlier candidate.
 */
export function closestMatch(word: string, candidates: readonly string[], normalise: (s: string) => string = (s) => s): string | undefined {
  const wanted = normalise(word).slice(0, 200)
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = editDistance(wanted, normalise(candidate))
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 4))) return best
  // A word that is the start of exactly one candidate ("linger" -> "linger.ms").
  if (wanted.length >= 3) {
    const prefixed = candidates.filter((c) => normalise(c).startsWith(wanted))
    if (prefixed.length === 1) return prefixed[0]
  }
  return undefined
}

/** The closest known key of the scope, if it is close enough to be a likely typo. */
export function suggestConfigKey(scope: ConfigScope, key: string): string | undefined {
  return closestMatch(key, Object.keys(CONFIG_REGISTRY[scope]), normaliseKeyForMatch)
}

function unknownKeyMessage(scope: ConfigScope, key: string): string {
  const hint = Object.prototype.hasOwnProperty.call(NOT_CONFIGURABLE, key) ? NOT_CONFIGURABLE[key] : undefined
  if (hint !== undefined) return `unknown config (${key} is not configurable here: ${hint})`
  for (const [topicKey, brokerKey] of SYNONYMS) {
    if (scope === 'broker' && key === topicKey) return `unknown config (did you mean ${brokerKey}? ${key} is a topic config)`
    if (scope === 'topic' && key === brokerKey) return `unknown config (did you mean ${topicKey}? ${key} is a broker config)`
  }
  const suggestion = suggestConfigKey(scope, key)
  if (suggestion !== undefined) return `unknown config (did you mean ${suggestion}?)`
  const scopes = (Object.keys(CONFIG_REGISTRY) as ConfigScope[]).filter(
    (s) => s !== scope && Object.prototype.hasOwnProperty.call(CONFIG_REGISTRY[s], key),
  )
  if (scopes.length > 0) return `unknown config (${key} is ${scopes.map((s) => SCOPE_WORD[s]).join(' and ')})`
  return 'unknown config'
}

// ---------------------------------------------------------------------------------------------
// Value normalisation.

/** A value shown in a message: strings quoted, everything else as JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  if (value === undefined) return 'undefined'
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  try {
    const s = JSON.stringify(value)
    if (s === undefined) return String(value)
    return s.length > 60 ? `${s.slice(0, 57)}...` : s
  } catch {
    return String(value)
  }
}

function toInteger(key: string, spec: ConfigKeySpec, value: unknown): number {
  let n: number
  if (typeof value === 'number') {
    n = value
  } else if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) {
    n = Number(value.trim())
  } else {
    const what = spec.unit === 'ms' ? 'an integer number of milliseconds' : 'an integer'
    throw new ConfigError(key, `expected ${what}, got ${showValue(value)}`)
  }
  if (!Number.isFinite(n)) throw new ConfigError(key, `expected an integer, got ${showValue(value)}`)
  if (!Number.isInteger(n)) throw new ConfigError(key, `${showValue(value)} is not an integer`)
  const min = spec.min ?? -LONG_MAX
  const max = spec.max ?? LONG_MAX
  if (n < min) {
    const why = min === 0 && n < 0 ? ' (negative values are not allowed)' : ''
    throw new ConfigError(key, `${showValue(value)} must be at least ${min}${why}`)
  }
  if (n > max) throw new ConfigError(key, `${showValue(value)} must be at most ${max}`)
  return n
}

function toDouble(key: string, spec: ConfigKeySpec, value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : NaN
  if (!Number.isFinite(n)) throw new ConfigError(key, `expected a number, got ${showValue(value)}`)
  if (spec.min !== undefined && n < spec.min) throw new ConfigError(key, `${showValue(value)} must be at least ${spec.min}`)
  if (spec.max !== undefined && n > spec.max) throw new ConfigError(key, `${showValue(value)} must be at most ${spec.max}`)
  return n
}

function toBoolean(key: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase()
    if (t === 'true') return true
    if (t === 'false') return false
  }
  throw new ConfigError(key, `expected true or false, got ${showValue(value)}`)
}

function toEnum(key: string, values: readonly string[], value: unknown): string {
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase()
    const hit = values.find((v) => v.toLowerCase() === t)
    if (hit !== undefined) return hit
  }
  throw new ConfigError(key, `${showValue(value)} is not one of ${values.join(', ')}`)
}

function toAcks(key: string, value: unknown): Acks {
  const t = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : undefined
  if (t === 'all' || t === '-1') return 'all'
  if (t === '0' || t === '1') return t
  throw new ConfigError(key, `${showValue(value)} is not one of all, -1, 0, 1`)
}

const ASSIGNOR_NAMES: Readonly<Record<string, Assignor>> = {
  range: 'range',
  roundrobin: 'roundrobin',
  sticky: 'sticky',
  'cooperative-sticky': 'cooperative-sticky',
  'org.apache.kafka.clients.consumer.rangeassignor': 'range',
  'org.apache.kafka.clients.consumer.roundrobinassignor': 'roundrobin',
  'org.apache.kafka.clients.consumer.stickyassignor': 'sticky',
  'org.apache.kafka.clients.consumer.cooperativestickyassignor': 'cooperative-sticky',
}

function toAssignors(key: string, value: unknown): Assignor[] {
  let parts: unknown[]
  if (typeof value === 'string') parts = value.split(',')
  else if (Array.isArray(value)) parts = value
  else throw new ConfigError(key, `expected a list of assignors (range, roundrobin, sticky, cooperative-sticky), got ${showValue(value)}`)
  const out: Assignor[] = []
  for (const part of parts) {
    const short = typeof part === 'string' ? part.trim().toLowerCase() : undefined
    const name = short !== undefined && Object.prototype.hasOwnProperty.call(ASSIGNOR_NAMES, short) ? ASSIGNOR_NAMES[short] : undefined
    if (name === undefined) {
      throw new ConfigError(key, `${showValue(part)} is not one of range, roundrobin, sticky, cooperative-sticky (or Kafka's assignor class names)`)
    }
    if (!out.includes(name)) out.push(name)
  }
  if (out.length === 0) throw new ConfigError(key, 'needs at least one assignor')
  return out
}

/** LogConfig's cleanup.policy: a list of compact and delete (a comma-separated string or an array). */
function toCleanupPolicy(key: string, value: unknown): CleanupPolicy {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined
  const items = parts?.map((x) => (typeof x === 'string' ? x.trim().toLowerCase() : x))
  if (!items || items.length === 0 || !items.every((x) => x === 'compact' || x === 'delete')) {
    throw new ConfigError(key, `${showValue(value)} is not one of delete, compact, compact,delete`)
  }
  const compact = items.includes('compact')
  const del = items.includes('delete')
  return compact && del ? 'compact,delete' : compact ? 'compact' : 'delete'
}

/**
 * A throttled-replicas list (LogConfig's ThrottledReplicaListValidator): "*", or comma-separated
 * partition:broker pairs, or nothing. Kept as written, without spaces.
 */
function toThrottledReplicas(key: string, value: unknown): string {
  const items = typeof value === 'string' ? value.split(',').map((x) => x.trim()) : Array.isArray(value) ? value.map((x) => (typeof x === 'string' ? x.trim() : x)) : undefined
  const list = items?.filter((x) => x !== '')
  if (list && (list.length === 0 || (list.length === 1 && list[0] === '*') || list.every((x) => typeof x === 'string' && /^\d+:\d+$/.test(x)))) return list.join(',')
  throw new ConfigError(key, `${showValue(value)} must be *, or partition:broker pairs separated by commas (e.g. 0:1,0:2)`)
}

function toStringValue(key: string, value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  throw new ConfigError(key, `expected a non-empty string, got ${showValue(value)}`)
}

/**
 * Check and normalise one value of a known key. `onlyModelled` (the default, for what people give)
 * refuses the values kafkascope does not model yet; kafkascope's own stored configs (the internal
 * __consumer_offsets is cleanup.policy=compact) are read without that check.
 */
export function normaliseConfigValue(scope: ConfigScope, key: string, value: unknown, onlyModelled = true): ConfigValue {
  const spec = Object.prototype.hasOwnProperty.call(CONFIG_REGISTRY[scope], key) ? CONFIG_REGISTRY[scope][key] : undefined
  if (spec === undefined) {
    if (NOT_MODELLED[scope].includes(key)) throw new ConfigError(key, notModelledMessage(key))
    throw new ConfigError(key, unknownKeyMessage(scope, key))
  }
  const normalised = normaliseKnownValue(key, spec, value)
  const modelled = MODELLED_VALUES_ONLY[scope]?.[key]
  if (onlyModelled && modelled !== undefined && typeof normalised === 'string' && !modelled.includes(normalised)) {
    throw new ConfigError(key, notModelledMessage(key, normalised))
  }
  return normalised
}

function normaliseKnownValue(key: string, spec: ConfigKeySpec, value: unknown): ConfigValue {
  switch (spec.kind) {
    case 'int':
    case 'long':
      return toInteger(key, spec, value)
    case 'double':
      return toDouble(key, spec, value)
    case 'bool':
      return toBoolean(key, value)
    case 'enum':
      return toEnum(key, spec.values ?? [], value)
    case 'acks':
      return toAcks(key, value)
    case 'assignors':
      return toAssignors(key, value)
    case 'string':
      return toStringValue(key, value)
    case 'cleanup':
      return toCleanupPolicy(key, value)
    case 'replicas':
      return toThrottledReplicas(key, value)
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Check every key and value of a config map and return it normalised (numbers as numbers, booleans
 * as booleans, acks as "all" | "0" | "1", assignors as short names). Defaults are NOT merged: the
 * result holds exactly the keys that were given. Keys are checked in their order in the map.
 */
export function validateConfigMap(scope: ConfigScope, raw: unknown, onlyModelled = true): ConfigMap {
  if (raw === undefined || raw === null) return {}
  if (!isPlainObject(raw)) throw new ConfigError('(config)', `expected an object of Kafka config keys, got ${showValue(raw)}`)
  const out: ConfigMap = {}
  for (const key of Object.keys(raw)) {
    const value = normaliseConfigValue(scope, key, raw[key], onlyModelled)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Resolvers: validate, merge Kafka's defaults, apply Kafka's cross-key rules.

type RawMap = Readonly<Record<string, unknown>> | undefined | null

function has(map: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key)
}

/** The resolved config type of each scope. */
interface ScopeConfigs {
  broker: BrokerConfig
  topic: TopicConfig
  producer: ProducerConfig
  consumer: ConsumerConfig
  share: ShareConsumerConfig
}

function mergeDefaults<S extends ConfigScope>(scope: S, given: ConfigMap, inherited?: BrokerConfig): ScopeConfigs[S] {
  const out: Record<string, ConfigValue> = {}
  for (const [key, spec] of Object.entries(CONFIG_REGISTRY[scope])) {
    if (has(given, key)) out[key] = given[key]
    else if (spec.default !== undefined) out[key] = Array.isArray(spec.default) ? [...spec.default] : spec.default
    else if (spec.brokerDefault !== undefined && inherited !== undefined) out[key] = inherited[spec.brokerDefault]
  }
  if (!isComplete(scope, out)) throw new Error(`kafkascope bug: the ${scope} config lacks a key with a default`)
  return out
}

/**
 * Every key of the scope's registry that has a default (or a broker default) is present: then the
 * map is the scope's resolved config, each value normalised by its key's spec.
 */
function isComplete<S extends ConfigScope>(scope: S, out: Record<string, ConfigValue>): out is Record<string, ConfigValue> & ScopeConfigs[S] {
  return Object.entries(CONFIG_REGISTRY[scope]).every(([key, spec]) => has(out, key) || (spec.default === undefined && spec.brokerDefault === undefined))
}

/** cluster.config with Kafka's broker defaults merged (KafkaConfig). */
export function resolveBrokerConfig(map?: RawMap): BrokerConfig {
  const given = validateConfigMap('broker', map)
  const c = mergeDefaults('broker', given)
  // KafkaConfig.validateValues
  if (c['replica.fetch.wait.max.ms'] > c['replica.socket.timeout.ms']) {
    throw new ConfigError(
      has(given, 'replica.socket.timeout.ms') ? 'replica.socket.timeout.ms' : 'replica.fetch.wait.max.ms',
      `replica.socket.timeout.ms (${c['replica.socket.timeout.ms']}) should always be at least replica.fetch.wait.max.ms (${c['replica.fetch.wait.max.ms']}) to prevent unnecessary socket timeouts`,
    )
  }
  if (c['replica.fetch.wait.max.ms'] > c['replica.lag.time.max.ms']) {
    throw new ConfigError(
      has(given, 'replica.lag.time.max.ms') ? 'replica.lag.time.max.ms' : 'replica.fetch.wait.max.ms',
      `replica.fetch.wait.max.ms (${c['replica.fetch.wait.max.ms']}) should always be less than or equal to replica.lag.time.max.ms (${c['replica.lag.time.max.ms']}) to prevent frequent changes in ISR`,
    )
  }
  if (c['group.min.session.timeout.ms'] > c['group.max.session.timeout.ms']) {
    throw new ConfigError(
      'group.min.session.timeout.ms',
      `${c['group.min.session.timeout.ms']} is more than group.max.session.timeout.ms (${c['group.max.session.timeout.ms']})`,
    )
  }
  return c
}

/**
 * A stored config without the keys kafkascope does not model. Only kafkascope itself writes such
 * keys (the internal __consumer_offsets topic is created with cleanup.policy=compact, which
 * kafka-topics --describe shows); a scenario's configs never hold them, the parser refuses them.
 */
function modelledOnly(scope: ConfigScope, map: RawMap): RawMap {
  if (!map) return map
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(map)) {
    if (!NOT_MODELLED[scope].includes(key)) Object.defineProperty(out, key, { value: map[key], enumerable: true, writable: true, configurable: true })
  }
  return out
}

/** A topic's config: its overrides, else the broker's value (Kafka's LogConfig synonyms). */
export function resolveTopicConfig(map: RawMap, broker: BrokerConfig): TopicConfig {
  const given = validateConfigMap('topic', modelledOnly('topic', map), false)
  return mergeDefaults('topic', given, broker)
}

/**
 * A producer's config with Kafka's defaults and Kafka's own post-processing:
 * ProducerConfig.postProcessAndValidateIdempotenceConfigs and KafkaProducer.configureDeliveryTimeout.
 */
export function resolveProducerConfig(map?: RawMap): ProducerConfig {
  const given = validateConfigMap('producer', map)
  const c = mergeDefaults('producer', given)

  // Idempotence: on by default; silently off when the user did not set it and the other settings
  // cannot support it; a ConfigException when the user asked for it explicitly.
  const userSetIdempotence = has(given, 'enable.idempotence')
  if (c['enable.idempotence']) {
    const reasons: [boolean, string][] = [
      [c.retries === 0, 'Must set retries to non-zero when using the idempotent producer.'],
      [c.acks !== 'all', 'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.'],
      [
        c['max.in.flight.requests.per.connection'] > 5,
        'Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.',
      ],
    ]
    for (const [broken, reason] of reasons) {
      if (!broken) continue
      if (userSetIdempotence) {
        throw new ConfigError(
          'enable.idempotence',
          `true conflicts with acks=${c.acks}, retries=${c.retries}, max.in.flight.requests.per.connection=${c['max.in.flight.requests.per.connection']}: ${reason}`,
        )
      }
      c['enable.idempotence'] = false
    }
  }

  // delivery.timeout.ms >= linger.ms + request.timeout.ms: an error when set explicitly, else raised.
  const lingerAndRequest = c['linger.ms'] + c['request.timeout.ms']
  if (c['delivery.timeout.ms'] < lingerAndRequest) {
    if (has(given, 'delivery.timeout.ms')) {
      throw new ConfigError(
        'delivery.timeout.ms',
        `${c['delivery.timeout.ms']} should be equal to or larger than linger.ms + request.timeout.ms (${c['linger.ms']} + ${c['request.timeout.ms']} = ${lingerAndRequest})`,
      )
    }
    c['delivery.timeout.ms'] = Math.min(lingerAndRequest, INT_MAX)
  }
  return c
}

export interface ConsumerResolveOptions {
  /**
   * true: the consumer is a group member, so Kafka's group rules apply (heartbeat.interval.ms <
   * session.timeout.ms; group.protocol=consumer rejects the classic-only keys). false (default):
   * no group checks, as for an assign-mode reader. parseScenario runs them for consumers[].
   */
  group?: boolean
}

/** group.consumer.assignors' default: the KIP-848 server-side assignors, the first being the default. */
export const SERVER_ASSIGNORS: readonly string[] = ['uniform', 'range']

/** A share consumer's config with Kafka's defaults. */
export function resolveShareConsumerConfig(map?: RawMap): ShareConsumerConfig {
  return mergeDefaults('share', validateConfigMap('share', map))
}

/** A consumer's config with Kafka's defaults and the checks KafkaConsumer makes at construction. */
export function resolveConsumerConfig(map?: RawMap, options: ConsumerResolveOptions = {}): ConsumerConfig {
  const given = validateConfigMap('consumer', map)
  const c = mergeDefaults('consumer', given)
  if (options.group === true) {
    if (c['group.protocol'] === 'consumer') {
      // ConsumerConfig.checkUnsupportedConfigs: the broker owns these in the KIP-848 protocol.
      for (const key of ['partition.assignment.strategy', 'heartbeat.interval.ms', 'session.timeout.ms']) {
        if (has(given, key)) throw new ConfigError(key, `cannot be set when group.protocol=consumer (the broker decides it in the KIP-848 protocol)`)
      }
      const assignor = c['group.remote.assignor']
      // the broker's group.consumer.assignors (uniform, range) answer any other name with UNSUPPORTED_ASSIGNOR
      if (assignor !== undefined && !SERVER_ASSIGNORS.includes(assignor)) {
        throw new ConfigError('group.remote.assignor', `"${assignor}" is not one of the broker's group.consumer.assignors (${SERVER_ASSIGNORS.join(', ')})`)
      }
    } else if (has(given, 'group.remote.assignor')) {
      throw new ConfigError('group.remote.assignor', 'only applies with group.protocol=consumer (classic groups assign on a member: partition.assignment.strategy)')
    } else if (c['heartbeat.interval.ms'] >= c['session.timeout.ms']) {
      // org.apache.kafka.clients.consumer.internals.Heartbeat
      throw new ConfigError(
        has(given, 'heartbeat.interval.ms') ? 'heartbeat.interval.ms' : 'session.timeout.ms',
        `heartbeat.interval.ms (${c['heartbeat.interval.ms']}) must be set lower than the session timeout (session.timeout.ms = ${c['session.timeout.ms']})`,
      )
    }
  }
  return c
}
