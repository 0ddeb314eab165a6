/**
 * The view of a simulated cluster at one moment: plain, immutable data made by `sim` for the app
 * (and for tests). Names follow Kafka's: Leader, Replicas, Isr, LOG-END-OFFSET, the group states.
 */
import type { BrokerState } from '../trace/summary-types.ts'
import type { MemberView } from '../clients/group-consumer-types.ts'
import type { ShareMemberHolding, SharePartitionRow, ShareRecordCell } from '../observe/share-groups.ts'
import type { GroupPartitionRow } from '../observe/describe-tables.ts'
import type { ObservedConsumerMember } from '../observe/cluster-state.ts'
import type { Waits } from './waits.ts'

export type { BrokerState, MemberView, GroupPartitionRow, ShareMemberHolding, SharePartitionRow, ShareRecordCell }
export type { Waits, FenceWait, IsrWait, SessionWait, DeliveryWait, BatchWaitReason } from './waits.ts'

/** How one replica of a partition stands, as a learner reads it on a broker card. */
export type ReplicaRole = 'leader' | 'insync' | 'outofsync' | 'offline'

export interface ReplicaCell {
  topic: string
  partition: number
  tp: string
  role: ReplicaRole
  /** this broker is the partition's preferred leader (first in Replicas) */
  preferred: boolean
}

export interface BrokerCard {
  id: number
  /** network node id */
  node: string
  state: BrokerState
  /** the node runs a KRaft voter (combined mode) */
  voter: boolean
  /** the node is the active controller */
  activeController: boolean
  /** groups whose coordinator this broker is */
  coordinatorOf: string[]
  /** replicas of user topics, in topic and partition order */
  replicas: ReplicaCell[]
  /** partitions of user topics this broker leads, and those it is the preferred leader of */
  leaders: number
  preferredLeaders: number
  /** broker.rack, null when none */
  rack: string | null
}

export interface ReplicaLog {
  broker: number
  up: boolean
  logStartOffset: number
  logEndOffset: number
  highWatermark: number
}

export interface PartitionRow {
  topic: string
  partition: number
  tp: string
  leader: number
  leaderEpoch: number
  replicas: number[]
  isr: number[]
  /** a move in progress (kafka-reassign-partitions): both empty when none */
  addingReplicas: number[]
  removingReplicas: number[]
  /** eligible leader replicas and the last known leader (KIP-966), as kafka-topics --describe prints them */
  elr: number[]
  lastKnownElr: number[]
  /** Replicas[0]: the leader after a preferred election */
  preferredLeader: number
  /** the leader's log start, high watermark and log end (or the best replica's without a leader) */
  logStartOffset: number
  highWatermark: number
  logEndOffset: number
  logs: ReplicaLog[]
  minInsyncReplicas: number
  uncleanLeaderElection: boolean
}

export interface TopicRow {
  name: string
  partitions: number
  replicationFactor: number
  internal: boolean
  config: { minInsyncReplicas: number; uncleanLeaderElection: boolean }
}

export interface ControllerCard {
  /** voter node id ("1" or "controller-1") */
  id: string
  up: boolean
  role: string
  epoch: number
}

export interface ProducerCard {
  id: string
  topic: string
  up: boolean
  active: boolean
  acks: string
  idempotent: boolean
  producerId: number
  producerEpoch: number
  sent: number
  acked: number
  failed: number
  /** produce requests in flight */
  inflight: number
  errors: Record<string, number>
}

export interface ReaderCard {
  id: string
  up: boolean
  polled: number
  positions: Record<string, number>
  errors: Record<string, number>
}

export interface GroupCard {
  groupId: string
  /** the group protocol: classic (JoinGroup/SyncGroup) or consumer (KIP-848) */
  type: 'classic' | 'consumer'
  /**
   * KIP-848 groups: the group epoch, the target assignment's epoch, and each member's reconciliation
   * as the coordinator sees it (member epoch, MemberState, what it must revoke, its share of the
   * target), by client id; null for classic groups. `generation` is then the group epoch.
   */
  consumer: { groupEpoch: number; assignmentEpoch: number; members: Record<string, ObservedConsumerMember> } | null
  /** the coordinator's state name (Empty, PreparingRebalance, CompletingRebalance, Stable, Dead) */
  state: string
  generation: number
  /** the assignor the group chose (range, cooperative-sticky, ...) */
  protocol: string
  /** EAGER or COOPERATIVE, from the members' assignors */
  rebalanceProtocol: string
  coordinator: number
  rebalanceReason: string
  topics: string[]
  members: MemberView[]
  /** member client ids whose process is down but whom the coordinator still counts (until session.timeout.ms) */
  downMembers: string[]
  /** committed offsets (CURRENT-OFFSET) by partition */
  committed: Record<string, number>
  /** LAG = high watermark − committed offset, for committed partitions with a leader (observe/lag.ts) */
  lag: Record<string, number>
  /** the sum of `lag`: partitions without a committed offset add nothing */
  totalLag: number
  /** every partition of the group's topics: CURRENT-OFFSET, LOG-END-OFFSET, LAG and the assigned member */
  partitions: GroupPartitionRow[]
}

/**
 * A share group (KIP-932): its coordinator's state and epochs, what each share consumer holds now (records
 * acquired and not yet acknowledged, by partition; the poll it is processing; its acknowledgements), and
 * each share partition's window (SPSO, SPEO, records per state).
 */
export interface ShareGroupCard {
  groupId: string
  /** Empty, Stable or Dead (the coordinator's ShareGroupState) */
  state: string
  coordinator: number
  groupEpoch: number
  assignmentEpoch: number
  topics: string[]
  /** the group's share consumers, in start order (down and closed ones too: `up`, `state`) */
  members: ShareMemberHolding[]
  /** the partitions whose share state exists (after their first ShareFetch), in topic-partition order */
  partitions: SharePartitionRow[]
  acknowledged: number
  redelivered: number
  archived: number
  /** group.share.delivery.count.limit */
  deliveryLimit: number
  /** group.share.record.lock.duration.ms */
  lockMs: number
}

export interface LinkMark {
  from: string
  to: string
  cut: boolean
  extraMs: number
}

/** A ZooKeeper server of the legacy ZooKeeper mode: the ensemble's leader, a follower, or looking for a quorum. */
export interface ZooKeeperServerCard {
  id: string
  role: 'leader' | 'follower' | 'looking' | 'down'
}

/** A broker's ZooKeeper session: it expires at deadlineMs unless the broker is heard from. */
export interface ZooKeeperSessionCard {
  /** as ZooKeeper prints it: 0x… */
  id: string
  broker: number
  server: string
  timeoutMs: number
  lastHeardMs: number
  deadlineMs: number
}

/** The ZooKeeper ensemble of the legacy ZooKeeper mode (Kafka 3.x, removed in 4.0). */
export interface ZooKeeperView {
  servers: ZooKeeperServerCard[]
  /** a majority of the servers reach each other and follow a leader */
  quorum: boolean
  sessions: ZooKeeperSessionCard[]
  /** the znodes Kafka keeps, with their data; ephemeralOwner is the owning session (0x…) or null */
  znodes: { path: string; data: string; ephemeralOwner: string | null }[]
  /** the broker /controller names (its "brokerid"), null while there is no /controller; it may be down */
  controllerBroker: number | null
  /** tickTime: the ensemble leader checks for expired sessions once a tick */
  tickTimeMs: number
}

/**
 * A real Kafka client connected through kafkascope serve (the network node `ext-<n>`): what it
 * named itself (client.id), what it sent and received, and the group it joined as the group's
 * coordinator has it (a real member's id is `<client.id>-<uuid>`, as Kafka makes it).
 */
export interface ExternalClientCard {
  id: string
  /** the client.id its latest request named (null: none given) */
  clientId: string | null
  /** false once its broker reset the connection (the broker crashed) */
  connected: boolean
  /** records it has sent (Produce) and received (Fetch) */
  produced: number
  fetched: number
  /** the group it last asked to join (JoinGroup), if any */
  groupId: string | null
  /** that group on its coordinator now; null when the coordinator has no such member (yet) */
  member: { memberId: string; groupState: string; generation: number; assignment: string[] } | null
}

export interface ClusterView {
  nowMs: number
  events: number
  traceHash: string
  controllers: ControllerCard[]
  /** active controller node id, or null */
  activeController: string | null
  controllerEpoch: number
  dedicatedControllers: boolean
  /** 'zookeeper': the legacy Kafka 3.x mode; the controller is a broker, the ensemble is below */
  controllerMode: 'kraft' | 'zookeeper'
  zookeeper: ZooKeeperView | null
  brokers: BrokerCard[]
  topics: TopicRow[]
  /** partitions of user topics, in topic and partition order */
  partitions: PartitionRow[]
  producers: ProducerCard[]
  readers: ReaderCard[]
  groups: GroupCard[]
  shareGroups: ShareGroupCard[]
  /** real clients of kafkascope serve, in the order they connected (none in a scenario's own run) */
  externals: ExternalClientCard[]
  /** cut or slowed directed links */
  links: LinkMark[]
  isolated: string[]
  /** partitionNetwork sides in force (node -> side), empty when none */
  sides: Record<string, number>
  /** what the controller, leaders, coordinators and producers are waiting out now (view/waits.ts) */
  waits: Waits
}
