/**
 * The scenario as the simulator consumes it (CONTRACT §3), after parseScenario has validated it.
 * Config maps keep Kafka's own key names; values are already checked and normalised
 * (numbers as numbers, booleans as booleans, acks as "all" | "0" | "1").
 */

export type ConfigValue = string | number | boolean | string[]
export type ConfigMap = Record<string, ConfigValue>

export interface ControllerSpec {
  /** 'zookeeper': the legacy mode of Kafka 3.x (removed in 4.0): a broker is the controller, elected through ZooKeeper */
  mode: 'kraft' | 'zookeeper'
  /** number of voters in the quorum, default min(3, brokers); 0 in ZooKeeper mode */
  voters: number
  /** true: voters run on separate nodes controller-1..N; false: combined with brokers 1..voters */
  dedicated: boolean
}

export interface ClusterSpec {
  brokers: number
  controller: ControllerSpec
  /** the ZooKeeper ensemble (servers zk-1..zk-N) in ZooKeeper mode; null in KRaft mode */
  zookeeper: { nodes: number } | null
  /** broker configs (Kafka names), e.g. replica.lag.time.max.ms */
  config: ConfigMap
  /** one-way message latency between any two nodes is drawn in [minLatencyMs, maxLatencyMs]; default 1..3 */
  network: NetworkSpec
  /** broker.rack per broker id ("1" -> "a"); brokers not listed have no rack */
  racks: Record<string, string>
  /**
   * Finalized feature levels, as `kafka-storage format --feature` sets them for a new cluster.
   * eligible.leader.replicas.version: 1 (Kafka 4.3's default for new clusters) turns ELR (KIP-966) on;
   * 0 is Kafka 4.0's behaviour.
   */
  features: ClusterFeatures
}

export interface ClusterFeatures {
  'eligible.leader.replicas.version': number
}

export interface NetworkSpec {
  minLatencyMs: number
  maxLatencyMs: number
}

export interface TopicSpec {
  name: string
  partitions: number
  replicationFactor: number
  /** topic configs (Kafka names), e.g. min.insync.replicas */
  config: ConfigMap
}

export type KeySpec =
  | { kind: 'none' }
  | { kind: 'pool'; size: number }
  | { kind: 'list'; values: string[] }

export interface ProducerSpec {
  id: string
  topic: string
  recordsPerSec: number
  keys: KeySpec
  valueBytes: number
  /** the share (0..1) of generated records that are tombstones (null value), for compacted topics */
  tombstones: number
  /** headers on every record */
  headers: number
  /** producer configs (Kafka names): acks, linger.ms, batch.size, enable.idempotence, ... */
  config: ConfigMap
  /** false: the producer starts stopped (startProducer starts it). Default true. */
  startActive: boolean
}

export interface ConsumerSpec {
  groupId: string
  topics: string[]
  members: number
  processingMsPerRecord: number
  staticMembership: boolean
  config: ConfigMap
}

/** KIP-932: a share group: members named `<groupId>-1..N`, sharing the partitions of `topics`. */
export interface ShareGroupSpec {
  groupId: string
  topics: string[]
  members: number
  processingMsPerRecord: number
  /** records whose offset is a multiple of `everyNth` fail processing: acknowledged RELEASE or REJECT */
  failProcessing: { everyNth: number; acknowledge: 'RELEASE' | 'REJECT' } | null
  /** the share consumers' configs, and the group's share.auto.offset.reset */
  config: ConfigMap
}

import type { ClientRequest } from '../kafka/client-requests.ts'

/** A node reference: broker number, client id, controller-N, or leader:/replica:/controller/coordinator: */
export type NodeRef = number | string

export type TimelineAction =
  | { atMs: number; action: 'crashBroker'; broker: NodeRef }
  | { atMs: number; action: 'restartBroker'; broker: NodeRef }
  /** controlled shutdown (KRaft): the broker hands its leaderships over, then stops; restartBroker starts it again */
  | { atMs: number; action: 'shutdownBroker'; broker: NodeRef }
  | { atMs: number; action: 'isolate'; node: NodeRef }
  | { atMs: number; action: 'partitionNetwork'; sides: NodeRef[][] }
  | { atMs: number; action: 'healNetwork' }
  /** a new broker (the next id) joins the running cluster: it registers, catches up, and leads or follows nothing until partitions are moved to it */
  | { atMs: number; action: 'addBroker' }
  /** every broker whose broker.rack is `rack` crashes (a rack or availability zone lost) / restarts */
  | { atMs: number; action: 'crashRack'; rack: string }
  | { atMs: number; action: 'restartRack'; rack: string }
  /** kafka-reassign-partitions --execute for one partition: move it to these replicas (the first is the preferred leader) */
  /** `throttle`: bytes/s, as kafka-reassign-partitions --throttle (the move's replication throttle) */
  | { atMs: number; action: 'reassignPartitions'; topic: string; partition: number; replicas: number[]; throttle?: number }
  /** kafka-reassign-partitions --verify: once nothing moves, the replication throttles are removed */
  | { atMs: number; action: 'verifyReassignment' }
  /** kafka-reassign-partitions --cancel for one partition: the move is reverted (PartitionReassignmentRevert) */
  | { atMs: number; action: 'cancelReassignment'; topic: string; partition: number }
  | { atMs: number; action: 'slowLink'; between: [NodeRef, NodeRef]; extraLatencyMs: number }
  | { atMs: number; action: 'cutLink'; between: [NodeRef, NodeRef] }
  | { atMs: number; action: 'pauseNode'; node: NodeRef; durationMs?: number }
  | { atMs: number; action: 'resumeNode'; node: NodeRef }
  | { atMs: number; action: 'crashController'; controller?: NodeRef }
  /**
   * A real client's request, as kafkascope serve records it: client `ext-<n>` sends `request` to
   * `broker` now; `ref` is serve's number for it (the response is matched back by it)
   */
  | { atMs: number; action: 'clientRequest'; client: string; broker: number; ref: number; /** the client.id its request header named */ clientId?: string | null; request: ClientRequest }
  /** ZooKeeper mode (legacy): a ZooKeeper server zk-N crashes / restarts */
  | { atMs: number; action: 'crashZooKeeper'; server: string }
  | { atMs: number; action: 'restartZooKeeper'; server: string }
  | { atMs: number; action: 'crashConsumer'; member: string }
  | { atMs: number; action: 'addConsumer'; groupId: string }
  | { atMs: number; action: 'removeConsumer'; member: string }
  | { atMs: number; action: 'restartConsumer'; member: string; afterMs: number }
  | { atMs: number; action: 'stopProducer'; producer: string }
  | { atMs: number; action: 'startProducer'; producer: string }
  | { atMs: number; action: 'setTopicConfig'; topic: string; config: ConfigMap }
  | { atMs: number; action: 'setProducerConfig'; producer: string; config: ConfigMap }
  /**
   * A group's consumer configs (e.g. partition.assignment.strategy). As with a redeploy, a member
   * process picks them up when it (re)starts: members added or restarted afterwards.
   */
  | { atMs: number; action: 'setConsumerConfig'; groupId: string; config: ConfigMap }
  /** `count` is the NEW TOTAL partition count, as in Kafka's CreatePartitions / `kafka-topics --alter --partitions` */
  | { atMs: number; action: 'addPartitions'; topic: string; count: number }
  /** one record; `value` null: a tombstone (deletes the key from a compacted topic) */
  | { atMs: number; action: 'produce'; producer: string; key?: string | null; value?: string | null }
  | { atMs: number; action: 'electPreferredLeaders'; topic?: string }
  /** kafka-leader-election --election-type PREFERRED|UNCLEAN (--topic T [--partition P], or --all-topic-partitions) */
  | { atMs: number; action: 'electLeaders'; electionType: 'PREFERRED' | 'UNCLEAN'; topic?: string; partition?: number }
  /**
   * kafka-delete-records: the partition's log start offset moves to `beforeOffset` (-1: the high
   * watermark); records below it can no longer be read, and their segments go at the next retention pass
   */
  | { atMs: number; action: 'deleteRecords'; topic: string; partition: number; beforeOffset: number }
  /**
   * kafka-consumer-groups --reset-offsets --to-earliest|--to-latest|--to-offset|--to-datetime|--by-duration
   * (the group must be Empty): a time goes to the first offset whose timestamp is at or after it (the
   * log end when there is none); `durationMs` means that long before now
   */
  | { atMs: number; action: 'resetOffsets'; groupId: string; topic?: string; to: ResetTarget }

export type ActionName = TimelineAction['action']

/** Where resetOffsets moves a group's offsets. */
export type ResetTarget = 'earliest' | 'latest' | number | { timestamp: number } | { durationMs: number }

/**
 * An action the run schedules for itself, never written in a scenario or a session (the parser
 * knows only TimelineAction's names): the second half of `restartConsumer`, which starts the member
 * it crashed `afterMs` earlier. Its name says whose continuation it is in the event log.
 */
export interface RestartConsumerStart {
  atMs: number
  action: 'restartConsumer:start'
  member: string
}

/** What the run's timeline holds: the scenario's actions, interventions and the run's own continuations. */
export type ScheduledAction = TimelineAction | RestartConsumerStart

/** Exact count, or a bound. */
export type CountExpectation = number | { min?: number; max?: number }

export interface Expectations {
  lostAckedWrites?: CountExpectation
  duplicates?: CountExpectation
  inconsistentOffsets?: CountExpectation
  divergentReplicas?: CountExpectation
  multipleLeaders?: CountExpectation
  nonMonotonicPolls?: CountExpectation
  hwAboveLeo?: CountExpectation
  concurrentConsumers?: CountExpectation
  partitionsOwnedTwice?: CountExpectation
  committedBackwards?: CountExpectation
  skippedRecords?: CountExpectation
  compactionLostLatest?: CountExpectation
  shareAckedByOther?: CountExpectation
  shareAckedTwice?: CountExpectation
  shareRecordsLost?: CountExpectation
  shareDeliveriesOverLimit?: CountExpectation
  redeliveries?: CountExpectation
  /** "topic-p" -> broker id (-1 = no leader) */
  leaderOf?: Record<string, number>
  groupState?: Record<string, string>
  /** "topic-p" -> the exact ISR (sorted ids) at the end */
  isrOf?: Record<string, number[]>
  /** producer id -> error name -> count */
  producerErrors?: Record<string, Record<string, CountExpectation>>
  /** producer id -> acked record count */
  producerAcked?: Record<string, CountExpectation>
  /** broker id -> state */
  brokerState?: Record<string, 'alive' | 'crashed' | 'fenced' | 'isolated' | 'shuttingDown' | 'stopped'>
}

/** A scenario's name and description in one more language. */
export interface ScenarioText {
  name: string
  description: string
}

export interface Scenario {
  name: string
  description: string
  /** The name and description in Korean (optional; English is shown when it is absent) */
  ko?: ScenarioText
  seed: number
  durationMs: number
  cluster: ClusterSpec
  topics: TopicSpec[]
  producers: ProducerSpec[]
  consumers: ConsumerSpec[]
  /** KIP-932 share groups (members `<groupId>-1..N`) */
  shareGroups: ShareGroupSpec[]
  /** plain consumers in assign mode (no group): read every partition of the topics */
  readers: ReaderSpec[]
  timeline: TimelineAction[]
  expect: Expectations
}

export interface ReaderSpec {
  id: string
  topics: string[]
  /**
   * start each partition at the first record whose timestamp is at or after this time
   * (KafkaConsumer.offsetsForTimes then seek); a partition with none starts at its end
   */
  startTimestamp?: number
  config: ConfigMap
}
