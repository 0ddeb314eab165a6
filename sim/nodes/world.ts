/**
 * The simulation state ("world"): the kernel's part (clock, event queue, network, nodes) plus the
 * state of every process, by kind. Plain data only: the behaviours are functions over it, found by
 * node kind in nodes/behaviours.ts, so `structuredClone(world)` is a snapshot.
 *
 * Every layer reads this type; only nodes/ and above build it.
 */
import type { SimEvent } from '../kafka/events.ts'
import type { KernelWorld, NodeInfo } from '../kernel/node-io.ts'
import type { RngState } from '../kernel/rng.ts'
import type { KafkaMessage } from '../kafka/messages.ts'
export type { ApiName, KafkaMessage } from '../kafka/messages.ts'
import type { ConsumerSpec, Scenario, ScheduledAction, ShareGroupSpec, TimelineAction } from '../scenario/types.ts'
import type { SharePartitionState } from '../cluster/share-partition.ts'
import type { History } from '../history/history.ts'
import type { RecordStore } from '../storage/records.ts'
import type { ControllerNode } from '../controller/types.ts'
import type { ZkEnsemble } from '../controller/zookeeper/types.ts'
import type { BrokerNode } from '../cluster/types.ts'
import type { ProducerNode } from '../clients/producer-types.ts'
import type { ReaderNode } from '../clients/consumer-types.ts'
import type { MemberNode } from '../clients/group-consumer-types.ts'
import type { ShareMemberNode } from '../clients/share-consumer-types.ts'
import type { ExternalClientNode } from '../clients/external-client.ts'
import type { BrokerConfig } from '../kafka/config.ts'

export type { NodeInfo }

/** A recorded event (kafka/events.ts): typed data, worded per language at the edge. */
export type Note = SimEvent

export interface World extends KernelWorld {
  /** the scenario as given; what actions change lives in the state below (groupSpecs, producers) */
  scenario: Scenario
  /** each consumer group's spec as the run has it now: the scenario's, with setConsumerConfig applied */
  groupSpecs: Record<string, ConsumerSpec>
  seed: number
  events: number
  rng: { net: RngState; raft: RngState; place: RngState; clients: RngState }
  trace: { h1: number; h2: number }
  nodes: Record<string, NodeInfo>
  /** node ids in a fixed order (for iteration) */
  nodeOrder: string[]
  brokerConfig: BrokerConfig
  controllers: Record<string, ControllerNode>
  voterIds: string[]
  /** the legacy ZooKeeper mode's ensemble (controller/zookeeper/); null in KRaft mode */
  zookeeper: ZkEnsemble | null
  brokers: Record<string, BrokerNode>
  brokerIds: number[]
  producers: Record<string, ProducerNode>
  producerIds: string[]
  readers: Record<string, ReaderNode>
  readerIds: string[]
  /** KIP-932: each share group's spec as the run has it now */
  shareGroupSpecs: Record<string, ShareGroupSpec>
  /** KIP-932: every share group's state of every partition, by `${groupId}|${tp}` (the share coordinator's durable store) */
  shares: Record<string, SharePartitionState>
  /** KIP-932 share group members by client id (`<groupId>-N`), in creation order */
  shareMembers: Record<string, ShareMemberNode>
  shareMemberIds: string[]
  /** real Kafka clients connected through kafkascope serve (`ext-<n>`), in the order they first sent */
  externals: Record<string, ExternalClientNode>
  externalIds: string[]
  /** consumer group members by client id (`<groupId>-N`), in creation order */
  members: Record<string, MemberNode>
  memberIds: string[]
  history: History
  /** every record's key, value size and timestamp, by producer and partition (storage/records.ts) */
  records: RecordStore
  notes: Note[]
  /** timeline actions still to run, sorted by atMs (scenario timeline merged with interventions, and the run's own continuations) */
  timeline: ScheduledAction[]
  timelineNext: number
  /** interventions applied through Simulation.apply, with their time */
  interventions: TimelineAction[]
  nextCorrelationId: number
}

/** A message between nodes: one of the Kafka APIs the simulation speaks (sim/kafka/messages.ts). */
export type Msg = KafkaMessage
