/**
 * kafkascope's simulation API (CONTRACT §5). A Simulation wraps a plain-data world; snapshot() is
 * a copy of it (cloneWorld), and restoreSimulation(snapshot) continues exactly where it left off.
 */
import type { Scenario, TimelineAction } from './scenario/types.ts'
import type { Summary } from './trace/summary-types.ts'
import type { World } from './nodes/world.ts'
import { createWorld } from './nodes/create-world.ts'
import { cloneWorld, snapshotBytes } from './nodes/snapshot.ts'
export { batchesOf, type BatchLog } from './storage/batch-log.ts'
import { step as stepWorld, runUntil as runWorldUntil, nextTime, type MessageTap } from './run.ts'
import { buildSummary } from './trace/summary.ts'
import { traceHashOf } from './kernel/trace-hash.ts'
import { scheduleIntervention } from './scenario/actions.ts'
import {
  kafkaTopicsDescribe as describeTopicsView,
  kafkaReassignPartitionsVerify as reassignVerifyView,
  kafkaConsumerGroupsDescribe as describeGroupView,
  kafkaShareGroupsDescribe as describeShareGroupView,
  kafkaConfigsDescribe as describeConfigsView,
  kafkaLogDirsDescribe as describeLogDirsView,
  kafkaGetOffsets as getOffsetsView,
  topicConfigs as topicConfigsView,
  brokerConfigs as brokerConfigsView,
  type ConsumerGroupsDescribeOptions,
  type KafkaGetOffsetsOptions,
} from './trace/kafka-tools-view.ts'
import type { DescribeLogDirsOptions, DescribeTopicsOptions, TopicConfigEntry, ToolOutput } from './trace/kafka-tools.ts'
export type { ConfigSourceName, ConfigSynonymEntry, DescribeLogDirsOptions, TopicConfigEntry, ToolOutput } from './trace/kafka-tools.ts'
export { KafkaToolError } from './trace/kafka-tools.ts'
export type { ConsumerGroupsDescribeOptions, KafkaGetOffsetsOptions } from './trace/kafka-tools-view.ts'
import type { ShareGroupsDescribeOptions } from './trace/kafka-share-groups.ts'
export type { ShareGroupsDescribeOptions } from './trace/kafka-share-groups.ts'
/** What share consumers observed (history.shares), as events in the order recorded: for tests and tools. */
export { shareEvents } from './history/share-history.ts'
export type { ShareHistoryEvent } from './history/share-history.ts'
import { sampleMetrics, type MetricSample } from './observe/metrics.ts'
import { buildPartitionLogs, type PartitionLog, type PartitionLogOptions } from './view/partition-log.ts'
import { logRecords as readLogRecords, type LogRecord, type LogRecordsOptions } from './observe/log-records.ts'
export type { LogRecord, LogRecordsOptions } from './observe/log-records.ts'
import type { Msg, Note } from './nodes/world.ts'
import type { KafkaMessage } from './kafka/messages.ts'
import { answerRef } from './clients/external-client.ts'
import { offsetsTp } from './coordinator/group-coordinator.ts'
import { buildClusterView } from './view/cluster-view.ts'
import type { ClusterView } from './view/types.ts'

export { murmur2, partitionForKey } from './kafka/murmur2.ts'
export { coordinatorPartitionFor } from './kafka/coordinator.ts'
export { INTERNAL_TOPICS, isInternalTopic, OFFSETS_TOPIC } from './kafka/internal-topics.ts'
export { compareTp, isLegalTopicName, parseTopicPartition, partitionName, type TopicPartition } from './kafka/topic-partition.ts'
export { assignPartitions } from './coordinator/assignors/index.ts'
export { assignConsumerGroup, type ConsumerGroupAssignorInput } from './coordinator/consumer/assign-consumer-group.ts'
export { topicIdBytes, topicIdFromBytes } from './coordinator/consumer/topic-id.ts'
export type { ClientRecord, ClientRequest, ClientSubscription } from './kafka/client-requests.ts'
export { batchRecordBytes, type RecordBytes } from './observe/log-records.ts'
export { checkClientRequest, parseScenario, parseScenarioText, ScenarioError } from './scenario/parse.ts'
export { listSome } from './scenario/parse-errors.ts'
export { SEED_MAX, seedProblem, parseSeedText } from './scenario/seed.ts'
export { ENGINE_VERSION, engineNotice, isSessionLike, mergeInterventions, parseSession, SESSION_VERSION, type EngineNotice, type ParsedSession, type Session } from './scenario/session.ts'
export { MAX_RUN_EVENTS, runSizeProblemUntil } from './scenario/run-size.ts'
export type { NodeRef, Scenario, ScenarioText, TimelineAction } from './scenario/types.ts'
export type { Summary } from './trace/summary-types.ts'
export type { MessageTap, NextStep } from './run.ts'
export { peekStep } from './run.ts'
export type { Msg, Note } from './nodes/world.ts'
export type { ApiName, KafkaMessage } from './kafka/messages.ts'
export type { SimEvent, SimEventType, EventKind, GroupStateReason, MemberRemovedReason } from './kafka/events.ts'
export { eventKind, eventPartition, isInternalPartitionEvent, mayLoseRecords } from './kafka/events.ts'
export { formatEvent, type EventLang } from './trace/format-events.ts'
export { buildClusterView }
export { runCheckingInvariants, type InvariantBreak } from './check/invariant-run.ts'
export type { InvariantName, InvariantViolation } from './check/invariants.ts'
export type * from './view/types.ts'
export type { PartitionLog, PartitionLogOptions, ReplicaLane, BatchMark, EpochRun, SegmentMark, DeletedMark, ShareWindowMark } from './view/partition-log.ts'
export { DELETED_SHOWN_MS, SHARE_CELLS_SHOWN } from './view/partition-log.ts'
export type { LaneCompaction, CleanerPass, RecordCell, RemovedBand, OffsetRun } from './view/compaction-view.ts'
export { KEY_COLOUR_COUNT, CLEANED_SHOWN_MS } from './view/compaction-view.ts'
export type { MetricSample } from './observe/metrics.ts'
export { partitionLag, totalLag, type PartitionOffsets } from './observe/lag.ts'
export type { ConfigMap, ConfigValue, Expectations } from './scenario/types.ts'
export { resolveProducerConfig, type ProducerConfig } from './kafka/config.ts'
export { CONFIG_REGISTRY, ConfigError, normaliseConfigValue, type ConfigKeySpec } from './kafka/config.ts'
export { builtInScenarios, DEFAULT_SCENARIO_ID } from './scenario/builtins.ts'
export { builtInName, scenarioText, type ScenarioLang } from './scenario/scenario-text.ts'
export { evaluateExpect, type ExpectResult } from './check/expect.ts'
export { groupAnomalies } from './check/anomalies.ts'
export { ANOMALY_COUNTS, type Anomaly, type AnomalyFacts, type AnomalyGroup, type CheckReport, type RecordRef } from './trace/summary-types.ts'
export { describeSchedule, faultEnd, reproduceCommand, runFuzzSeed, safeFuzzScenario, shellQuote, type FuzzResult, type FuzzOptions } from './testing/fuzz.ts'
export type { World } from './nodes/world.ts'
export { cloneWorld, snapshotBytes }

/** A timeline action without its time (apply() stamps the current time). */
export type ActionInput = TimelineAction extends infer A ? (A extends TimelineAction ? Omit<A, 'atMs'> & { atMs?: number } : never) : never

/** A snapshot is the world itself, as plain data. */
export type SimSnapshot = World

export interface Simulation {
  readonly nowMs: number
  step(): boolean
  runUntil(timeMs: number): void
  apply(action: ActionInput): void
  /** time of the next event or timeline action (Infinity when there is none) */
  nextEventMs(): number
  /** watch delivered messages (null stops); the observer never changes the run */
  observe(tap: MessageTap | null): void
  snapshot(): SimSnapshot
  summary(): Summary
  traceHash(): string
  /** the world, read-only, for views (the app) and the CLI */
  readonly world: World
}

function wrap(w: World): Simulation {
  let tap: MessageTap | undefined
  return {
    get nowMs() {
      return w.nowMs
    },
    get world() {
      return w
    },
    step: () => stepWorld(w, tap),
    runUntil: (t: number) => runWorldUntil(w, t, tap),
    nextEventMs: () => nextTime(w),
    observe(next) {
      tap = next ?? undefined
    },
    apply(action) {
      const a = { ...action, atMs: w.nowMs } as TimelineAction
      w.interventions.push(a)
      scheduleIntervention(w, a)
      runWorldUntil(w, w.nowMs, tap)
    },
    snapshot: () => cloneWorld(w),
    summary: () => buildSummary(w),
    traceHash: () => traceHashOf(w),
  }
}

/** `kafka-reassign-partitions.sh --verify` of the partitions the run has reassigned so far, against the simulated cluster now. */
export function kafkaReassignPartitionsVerify(sim: Simulation): string {
  return reassignVerifyView(sim.world)
}

/** Whether the run's timeline moves partitions (the console then offers `kafka-reassign-partitions --verify`). */
export function movesPartitions(sim: Simulation): boolean {
  return sim.world.timeline.some((a) => a.action === 'reassignPartitions')
}

/** `kafka-topics.sh --describe` against the simulated cluster now. */
export function kafkaTopicsDescribe(sim: Simulation, options: DescribeTopicsOptions = {}): string {
  return describeTopicsView(sim.world, options)
}

/** `kafka-consumer-groups.sh --describe --group <groupId> [--members | --state] [--verbose]` against the simulated cluster now. */
export function kafkaConsumerGroupsDescribe(sim: Simulation, groupId: string, options: ConsumerGroupsDescribeOptions = {}): ToolOutput {
  return describeGroupView(sim.world, groupId, options)
}

/** `kafka-share-groups.sh --describe --group <groupId> [--members | --state] [--verbose]` (KIP-932) against the simulated cluster now. */
export function kafkaShareGroupsDescribe(sim: Simulation, groupId: string, options: ShareGroupsDescribeOptions = {}): ToolOutput {
  return describeShareGroupView(sim.world, groupId, options)
}

/** `kafka-configs.sh --describe --entity-type topics --entity-name <topic> [--all]` against the simulated cluster now. */
export function kafkaConfigsDescribe(sim: Simulation, topic: string, options: { all?: boolean } = {}): ToolOutput {
  return describeConfigsView(sim.world, topic, options)
}

/** `kafka-log-dirs.sh --describe [--topic-list …] [--broker-list …]` against the simulated cluster now. */
export function kafkaLogDirsDescribe(sim: Simulation, options: DescribeLogDirsOptions = {}): ToolOutput {
  return describeLogDirsView(sim.world, options)
}

/** `kafka-get-offsets.sh [--topic …] [--partitions …] --time …` against the simulated cluster now (throws KafkaToolError on bad options). */
export function kafkaGetOffsets(sim: Simulation, options: KafkaGetOffsetsOptions = {}): ToolOutput {
  return getOffsetsView(sim.world, options)
}

/** A topic's configs now, as DescribeConfigs answers them (value, source, synonyms, doc); null when the topic does not exist. */
export function topicConfigs(sim: Simulation, topic: string): TopicConfigEntry[] | null {
  return topicConfigsView(sim.world, topic)
}

/** The __consumer_offsets partition ("topic-p") whose leader coordinates the group. */
export function groupOffsetsPartition(sim: Simulation, groupId: string): string {
  return offsetsTp(sim.world, groupId)
}

/** A broker's configs as DescribeConfigs answers them for resource type BROKER. */
export function brokerConfigs(sim: Simulation): TopicConfigEntry[] {
  return brokerConfigsView(sim.world)
}

/** The published view of the run now (view/cluster-view.ts): plain data for the app. */
export function clusterView(sim: Simulation): ClusterView {
  return buildClusterView(sim.world)
}

/** The metrics sample of the cluster and its clients now (plain data; observe/metrics.ts). */
export function metricSample(sim: Simulation): MetricSample {
  return sampleMetrics(sim.world)
}

/** The partition logs of the published view (all user topics, or one), built now. */
export function partitionLogs(sim: Simulation, topic: string | null = null, options: PartitionLogOptions = {}): PartitionLog[] {
  return buildPartitionLogs(sim.world, topic, options)
}

/**
 * What a consumer reading one partition from an offset gets now (kafka-console-consumer --partition
 * --offset with print.key): the records up to the high watermark with their keys, timestamps and
 * tombstones, offsets jumping over compaction's gaps; null when the partition does not exist.
 */
export function logRecords(sim: Simulation, tp: string, options: LogRecordsOptions = {}): LogRecord[] | null {
  return readLogRecords(sim.world, tp, options)
}

/** Whether a real client's broker refused or reset its connection (serve then closes the real one). */
export function clientDisconnected(sim: Simulation, client: string): boolean {
  return sim.world.externals[client]?.disconnected === true
}

/**
 * kafkascope serve's reference for the request a message answers, when `msg` is delivered to a real
 * client (`to` is `ext-<n>`) that waits for it; null otherwise. Call it from a tap (observe), which
 * sees each message just before its node takes it.
 */
export function clientAnswerRef(sim: Simulation, to: string, msg: Msg): number | null {
  const c = sim.world.externals[to]
  return c === undefined ? null : answerRef(c, msg as KafkaMessage)
}

/** The run's notes (its typed events) so far, in order. The array only grows while the run goes on; read it, never change it. */
export function runNotes(sim: Simulation): readonly Note[] {
  return sim.world.notes
}

/** The group a consumer (client id) of this run belongs to, also after it left or crashed; null when there is none. */
export function groupOfMember(sim: Simulation, clientId: string): string | null {
  return sim.world.members[clientId]?.groupId ?? null
}

export function createSimulation(scenario: Scenario, options: { seed?: number } = {}): Simulation {
  return wrap(createWorld(scenario, options.seed ?? scenario.seed))
}

export function restoreSimulation(snapshot: SimSnapshot): Simulation {
  return wrap(cloneWorld(snapshot))
}
