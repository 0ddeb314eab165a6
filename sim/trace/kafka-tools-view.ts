/**
 * What Kafka's tools would print against the simulated cluster right now: `kafka-topics.sh
 * --describe`, `kafka-consumer-groups.sh --describe --group g`, `kafka-configs.sh --describe` for a
 * topic, `kafka-log-dirs.sh --describe`, `kafka-get-offsets.sh` and `kafka-reassign-partitions.sh --verify`. The rows come from the live
 * state (the active controller's metadata, the brokers' replicas and segments, the group
 * coordinators' groups; observe/describe-tables.ts for the first two) and go through the
 * formatters of kafka-tools.ts. LOG-END-OFFSET and ListOffsets(latest) are the high watermark, as in Kafka.
 */
import type { World } from '../nodes/world.ts'
import { groupMemberRows, groupOffsetRows, groupStateRow, topicDescriptions } from '../observe/describe-tables.ts'
import { shareGroupDescription } from '../observe/share-groups.ts'
import { describeShareGroup, type ShareGroupsDescribeOptions } from './kafka-share-groups.ts'
import { brokerState, clusterImage } from '../observe/cluster-state.ts'
import { isInternalTopic } from '../kafka/internal-topics.ts'
import { partitionName } from '../kafka/topic-partition.ts'
import { logBytes } from '../storage/segments.ts'
import { offsetForTimestamp } from '../storage/offset-for-time.ts'
import {
  describeGroupMembers,
  describeGroupOffsets,
  describeGroupState,
  describeLogDirs,
  describeTopicConfigs,
  describeTopics,
  getOffsets,
  parseOffsetSpec,
  topicConfigEntries,
  brokerConfigEntries,
  type DescribeLogDirsOptions,
  type DescribeTopicsOptions,
  type GetOffsetsOptions,
  type GetOffsetsPartition,
  type ListOffsetsAnswer,
  type LogDirsBroker,
  type OffsetSpec,
  type TopicConfigEntry,
  type TopicConfigValue,
  type ToolOutput,
  verifyReassignment,
} from './kafka-tools.ts'
import { allPartitions } from '../controller/metadata.ts'
import { isReassigning } from '../controller/partition-change.ts'

/** The one log directory every simulated broker has (log.dirs, as the official Docker image sets it). */
export const LOG_DIR = '/var/lib/kafka/data'

export function kafkaTopicsDescribe(w: World, options: DescribeTopicsOptions = {}): string {
  return describeTopics(topicDescriptions(w), options)
}

/**
 * `kafka-reassign-partitions --verify` with the reassignment JSON the run has executed so far: each
 * partition a reassignPartitions action moved (its latest target), checked against the metadata now.
 */
export function kafkaReassignPartitionsVerify(w: World): string {
  const img = clusterImage(w)
  const targets = new Map<string, { topic: string; partition: number; replicas: number[] }>()
  for (const n of w.notes) if (n.type === 'ReassignmentStarted') targets.set(partitionName(n.topic, n.partition), n)
  const partitions = [...targets.values()].map((t) => {
    const p = img.topics[t.topic]?.partitions[t.partition]
    return { topic: t.topic, partition: t.partition, target: t.replicas, current: p?.replicas ?? [], inProgress: p !== undefined && isReassigning(p) }
  })
  const brokers = Object.values(img.brokers).filter((b) => !b.fenced).map((b) => b.id)
  return verifyReassignment({ partitions, anyInProgress: allPartitions(img).some(isReassigning), brokers })
}

export function kafkaConsumerGroupsDescribe(w: World, groupId: string, options: ConsumerGroupsDescribeOptions = {}): ToolOutput {
  if (options.members === true) return describeGroupMembers(groupMemberRows(w, groupId), { verbose: options.verbose })
  if (options.state === true) return describeGroupState(groupStateRow(w, groupId), { verbose: options.verbose })
  return describeGroupOffsets(groupOffsetRows(w, groupId))
}

/** kafka-share-groups --describe [--members | --state] [--verbose] of a share group (KIP-932). */
export function kafkaShareGroupsDescribe(w: World, groupId: string, options: ShareGroupsDescribeOptions = {}): ToolOutput {
  return describeShareGroup(shareGroupDescription(w, groupId), options)
}

/** kafka-consumer-groups --describe's views: the offsets (default), --members or --state, each with --verbose. */
export interface ConsumerGroupsDescribeOptions {
  members?: boolean
  state?: boolean
  verbose?: boolean
}

/**
 * A topic's configs as DescribeConfigs answers them now (the active controller's metadata: the
 * topic's overrides; the scenario's cluster.config: server.properties), or null when the topic
 * does not exist.
 */
export function topicConfigs(w: World, topic: string): TopicConfigEntry[] | null {
  const t = clusterImage(w).topics[topic]
  if (!t) return null
  // the scenario's cluster.config, normalised by the parser: what server.properties sets
  const staticBroker: Record<string, TopicConfigValue> = { ...(w.scenario.cluster.config ?? {}) }
  return topicConfigEntries({ overrides: t.config as Record<string, TopicConfigValue>, staticBroker })
}

/** A broker's configs as DescribeConfigs answers them (every broker has the scenario's cluster.config). */
export function brokerConfigs(w: World): TopicConfigEntry[] {
  return brokerConfigEntries({ ...(w.scenario.cluster.config ?? {}) } as Record<string, TopicConfigValue>)
}

/** `kafka-configs.sh --describe --entity-type topics --entity-name <topic> [--all]` */
export function kafkaConfigsDescribe(w: World, topic: string, options: { all?: boolean } = {}): ToolOutput {
  const entries = topicConfigs(w, topic)
  return describeTopicConfigs({ topic, exists: entries !== null, entries: entries ?? [] }, options)
}

/**
 * `kafka-log-dirs.sh --describe`: every broker DescribeCluster lists (registered, unfenced and
 * reachable now; a crashed or fenced broker is not asked), each with its one log directory and
 * the replicas it hosts. Simplified: a broker that crashed but is not fenced yet would make the
 * real tool wait and fail; kafkascope leaves it out at once.
 */
export function kafkaLogDirsDescribe(w: World, options: DescribeLogDirsOptions = {}): ToolOutput {
  const img = clusterImage(w)
  const brokers: LogDirsBroker[] = []
  for (const id of w.brokerIds) {
    if (brokerState(w, id, img) !== 'alive') continue
    const b = w.brokers[String(id)]
    const replicas = b.replicaOrder.map((tp) => {
      const r = b.replicas[tp]
      return { topic: r.topic, partition: r.partition, size: logBytes(r.segments), offsetLag: Math.max(r.hw - r.leo, 0), isFuture: false }
    })
    brokers.push({ broker: id, logDirs: [{ logDir: LOG_DIR, error: null, replicas }] })
  }
  return describeLogDirs({ brokers }, options)
}

/** ListOffsets at the partition's leader now (ListOffsetsHandler, read_uncommitted). */
function listOffsets(w: World, leader: number, tp: string, spec: OffsetSpec): ListOffsetsAnswer {
  if (leader < 0) return { error: 'LEADER_NOT_AVAILABLE' }
  const img = clusterImage(w)
  const r = w.brokers[String(leader)]?.replicas[tp]
  const state = brokerState(w, leader, img)
  if (!r || state === 'crashed' || state === 'stopped' || state === 'isolated') return { error: 'REQUEST_TIMED_OUT' }
  if (spec === 'earliest') return { offset: r.logStartOffset }
  if (spec === 'latest') return { offset: r.hw }
  return { offset: offsetForTimestamp(r, w.records, spec.timestamp, r.hw)?.offset ?? -1 }
}

export interface KafkaGetOffsetsOptions extends GetOffsetsOptions {
  /** `--time`: -1 / latest (the default), -2 / earliest, or a timestamp in simulated ms */
  time?: string | number
}

/** `kafka-get-offsets.sh [--topic T] [--partitions P] --time X` */
export function kafkaGetOffsets(w: World, options: KafkaGetOffsetsOptions = {}): ToolOutput {
  const spec = parseOffsetSpec(options.time ?? 'latest')
  const img = clusterImage(w)
  const partitions: GetOffsetsPartition[] = []
  for (const name of img.topicNames) {
    for (const p of img.topics[name].partitions) {
      const tp = partitionName(name, p.partition)
      partitions.push({ topic: name, partition: p.partition, internal: isInternalTopic(name), answer: listOffsets(w, p.leader, tp, spec) })
    }
  }
  return getOffsets(partitions, options)
}
