/**
 * State of a broker and of the partition replicas it hosts. Logs, high watermarks, leader-epoch
 * caches and producer state survive a crash (they are on disk); roles, fetchers, parked requests
 * and the metadata image do not.
 */
import type { ReplicationQuota } from './replication-quota.ts'
import type { ShareFetchRequest } from '../kafka/messages.ts'
import type { BatchLog } from '../storage/batch-log.ts'
import type { LogConfig, LogSegment } from '../storage/segments.ts'
import type { MetadataImage } from '../controller/metadata.ts'
import type { CoordinatorState } from '../coordinator/group-types.ts'
import type { ZkClientState, ZkControllerState } from '../controller/zookeeper/types.ts'

export interface EpochEntry {
  epoch: number
  startOffset: number
}

export interface FollowerProgress {
  /** the follower's log end offset, as of its last fetch */
  leo: number
  lastCaughtUpMs: number
  lastFetchMs: number
  /** leader LEO at the time of the follower's previous fetch */
  lastFetchLeaderLeo: number
  /** the HW in the last fetch response sent to this follower */
  lastSentHw: number
}

export interface ProducerStateEntry {
  producerId: number
  producerEpoch: number
  /** last sequence appended */
  lastSeq: number
  /** the last five batches, oldest first, as triples in one array: firstSeq, lastSeq, baseOffset, … */
  recent: number[]
}

export interface Replica {
  topic: string
  partition: number
  tp: string
  /** the replica's batches in offset order (storage/batch-log.ts: chunks a snapshot shares) */
  log: BatchLog
  /** the log's segments, oldest first; the last is the active one (storage/segments.ts) */
  segments: LogSegment[]
  /** the topic's storage configs as this broker has them (Kafka's UnifiedLog.config) */
  config: LogConfig
  logStartOffset: number
  /** the log cleaner's checkpoint: offsets below it were compacted (cleaner-offset-checkpoint) */
  cleanOffset: number
  leo: number
  hw: number
  epochs: EpochEntry[]
  producers: Record<string, ProducerStateEntry>
  // ---- from the metadata image (volatile) ----
  role: 'leader' | 'follower' | 'none'
  leader: number
  leaderEpoch: number
  partitionEpoch: number
  replicas: number[]
  /** the committed ISR as last seen in metadata or an AlterPartition response */
  isr: number[]
  // ---- leader only (volatile) ----
  followers: Record<string, FollowerProgress>
  /** ISR including a pending AlterPartition expansion (KIP-497 maximal ISR) */
  maximalIsr: number[]
  alterInflight: boolean
  alterCorr: number
  alterSentMs: number
  /** the ISR the AlterPartition in flight proposes */
  alterIsr: number[]
  // ---- follower only (volatile) ----
  /** the leader's high watermark less this log's end at the last fetch response (PartitionFetchState.lag), -1 before any */
  fetchLag: number
}

/**
 * Something that happened to a partition this broker hosts, as a handler returns it to the layers
 * above (the group coordinator follows its __consumer_offsets partitions through these), in the
 * order it happened:
 * - hwMoved: the leader's high watermark moved;
 * - becameLeader: the broker became the partition's leader (or its leader in a new epoch);
 * - resigned: the broker stopped leading it (became a follower, or the replica was stopped).
 */
export interface PartitionChange {
  replica: Replica
  change: 'hwMoved' | 'becameLeader' | 'resigned'
}

/** What a handler returns when nothing happened to its partitions (shared: never pushed to). */
export const NO_CHANGES: readonly PartitionChange[] = Object.freeze([])

export interface ParkedProduce {
  corr: number
  from: string
  acks: string
  deadline: number
  /** per partition: tp, required offset (last offset + 1), base offset, error */
  parts: { tp: string; required: number; baseOffset: number; error: string; done: boolean }[]
  remaining: number
}

export interface ParkedFetch {
  corr: number
  from: string
  replicaId: number
  deadline: number
  parts: { tp: string; fetchOffset: number; lastFetchedEpoch: number; currentLeaderEpoch: number }[]
  /** a follower's fetch session, for a quick "does this fetch cover tp?" */
  session: Record<string, unknown> | null
  maxBytes: number
  /** a sessionless fetch (a real client's): every partition is answered, those with nothing new too */
  everyPartition: boolean
}

export interface FetcherState {
  /** source broker */
  leader: number
  /** partitions fetched from that broker */
  tps: string[]
  inflight: boolean
  corr: number
  backoffUntil: number
  sentMs: number
  /** the fetch session (KIP-227): what the leader last heard per partition */
  session: Record<string, { fetchOffset: number; lastFetchedEpoch: number; currentLeaderEpoch: number }>
  /** the next request carries every partition and starts a new session */
  full: boolean
  /** partitions removed from this fetcher since the last request (sent as forgotten) */
  removed: string[]
}

/** KIP-932: a ShareFetch that acquired nothing, waiting (DelayedShareFetch; cluster/share-fetch-handler.ts). */
export interface ParkedShareFetch {
  req: ShareFetchRequest
  deadlineMs: number
}

/** A request a broker forwarded to the controller: the client to answer (none for Metadata's auto-creation). */
export interface Forward {
  to: { node: string; corr: number; api: 'CreateTopicsResponse' | 'DeleteTopicsResponse' } | null
  sentMs: number
}

export interface BrokerNode {
  id: number
  node: string
  incarnation: number
  brokerEpoch: number
  /**
   * The broker epoch its last clean shutdown wrote to the clean shutdown file, sent as the next
   * registration's PreviousBrokerEpoch; -1 after a crash (KIP-966's unclean shutdown detection)
   */
  previousBrokerEpoch: number
  registered: boolean
  /** fenced as far as this broker knows */
  fenced: boolean
  /**
   * 'running'; 'wantShutDown' once asked to shut down (BrokerLifecycleManager.beginControlledShutdown:
   * heartbeats carry WantShutDown); 'shutDown' when the controller answered ShouldShutDown (the node
   * stops next)
   */
  lifecycle: 'running' | 'wantShutDown' | 'shutDown'
  registrationInflight: boolean
  heartbeatInflight: boolean
  controllerHint: number
  /** the replayed committed metadata (an observer of __cluster_metadata) */
  image: MetadataImage
  metaFetchInflight: boolean
  metaFetchCorr: number
  metaFetchTarget: string
  metaLastContactMs: number
  replicas: Record<string, Replica>
  /** sorted tps of local replicas */
  replicaOrder: string[]
  fetchers: Record<string, FetcherState>
  /** leader side: each follower's fetch session, by follower node */
  fetchSessions: Record<string, Record<string, { tp: string; fetchOffset: number; lastFetchedEpoch: number; currentLeaderEpoch: number }>>
  parkedProduce: ParkedProduce[]
  parkedFetch: ParkedFetch[]
  /** next parked-request deadline that has a timer armed */
  purgeTimerAt: number
  /** KIP-932: share fetches that acquired nothing, waiting (cluster/share-fetch-handler.ts) */
  parkedShareFetch: ParkedShareFetch[]
  /** the share timer's next time (lock timeouts, share fetch waits), -1: none armed */
  shareTimerAt: number
  producerIdNext: number
  producerIdEnd: number
  /** admin requests forwarded to the active controller: forward's correlation id -> whom to answer (cluster/create-topics.ts) */
  forwards: Record<string, Forward>
  lastIsrCheckMs: number
  /** bytes sent for throttled replication, measured as Kafka's leader replication quota (replication-quota.ts) */
  leaderQuota: ReplicationQuota
  /** bytes received for throttled replication, measured as Kafka's follower replication quota */
  followerQuota: ReplicationQuota
  /** the group coordinator for the __consumer_offsets partitions this broker leads */
  coordinator: CoordinatorState
  // ---- the legacy ZooKeeper mode only (volatile) ----
  /** the broker's ZooKeeper session */
  zk: ZkClientState
  /** the controller every ZooKeeper-mode broker runs (at most one is active) */
  zkController: ZkControllerState
  /** the controller and controller epoch the last LeaderAndIsr / UpdateMetadata came from (-1: none yet) */
  zkControllerId: number
  zkControllerEpoch: number
  /** the leader epoch of each partition's last applied LeaderAndIsr */
  zkLeaderEpochs: Record<string, number>
}
