/**
 * State of a consumer group member (KafkaConsumer.subscribe with the classic protocol: the
 * ConsumerCoordinator / AbstractCoordinator state, the SubscriptionState of its partitions and the
 * Fetcher's buffer). Plain data only; see group-consumer.ts and group-member/ for the behaviour.
 */
import type { ConsumerSpec } from '../scenario/types.ts'
import type { Assignor, ConsumerConfig } from '../kafka/config.ts'
import type { Subscription } from '../kafka/messages.ts'
import type { ConnBackoff, FetchClient } from './fetcher.ts'
import type { ReadLog } from '../history/history.ts'

/** ConsumerPartitionAssignor.RebalanceProtocol */
export type RebalanceProtocol = 'EAGER' | 'COOPERATIVE'

/**
 * AbstractCoordinator.MemberState (UNJOINED, PREPARING_REBALANCE = joining, COMPLETING_REBALANCE =
 * syncing, STABLE), plus the two ends of a client: fenced (FENCED_INSTANCE_ID, fatal) and closed.
 */
export type MemberState = 'unjoined' | 'joining' | 'syncing' | 'stable' | 'fenced' | 'closed'

/**
 * group.protocol=consumer (KIP-848): the client's MemberState (AbstractMembershipManager): not in
 * the group (UNSUBSCRIBED), joining with epoch 0, reconciling an assignment (RECONCILING), telling
 * the coordinator it did (ACKNOWLEDGING), STABLE; FENCED (its partitions lost, it rejoins), STALE
 * (it left on a poll timeout and rejoins on its next poll), PREPARE_LEAVING/LEAVING (closing), FATAL.
 */
export type ConsumerMemberState = 'UNSUBSCRIBED' | 'JOINING' | 'RECONCILING' | 'ACKNOWLEDGING' | 'STABLE' | 'FENCED' | 'STALE' | 'PREPARE_LEAVING' | 'LEAVING' | 'FATAL'

/** What the application thread is doing: blocked in poll(), processing records, or committing them. */
export type AppState = 'polling' | 'processing' | 'committing' | 'stopped'

/** How a partition's position is being found (SubscriptionState's INITIALIZING / AWAIT_RESET). */
export type PositionInit = 'known' | 'committed' | 'fetchingCommitted' | 'reset' | 'none'

export interface MemberPartition {
  topic: string
  partition: number
  tp: string
  /** the next offset poll() hands out (what a commit commits); -1 until known */
  position: number
  /** end of the fetched records not yet handed out: [position, fetchedTo) is buffered */
  fetchedTo: number
  /** the position the last Fetch asked from (-1: none): its response may start past it, over offsets compaction removed */
  fetchedFrom: number
  leader: number
  leaderEpoch: number
  init: PositionInit
  /** a ListOffsets (auto.offset.reset) is in flight, sent at listSentMs */
  listInflight: boolean
  listSentMs: number
  /** EAGER: marked before the pre-rebalance commit; no fetching, no records handed out */
  pendingRevocation: boolean
  /** KIP-320: leader epoch of the position (of the last record handed out; -1 unknown) */
  positionEpoch: number
  /** baseOffset, partitionLeaderEpoch of each buffered batch, in pairs (one flat array per fetch) */
  bufferedEpochs: number[]
  /** the buffered records as [offset, count] runs when compaction left gaps among them; null: one per offset */
  bufferedRuns: [number, number][] | null
  /** the position waits for OffsetForLeaderEpoch after a new leader epoch (AWAIT_VALIDATION) */
  awaitValidation: boolean
  validateInflight: boolean
  /** the history's read log of this member and partition (history.reads), found on the first poll */
  readLog: ReadLog | null
}

/** A request in flight: its correlation id, the broker it went to, and when it expires. */
export interface Inflight {
  corr: number
  node: number
  deadline: number
}

/** Why an OffsetCommit was sent (auto-commit, before a rebalance, after processing, on close). */
export type CommitKind = 'auto' | 'prepare' | 'manual' | 'close' | 'reconcile'

export interface CommitInflight extends Inflight {
  kind: CommitKind
  generation: number
  memberId: string
  offsets: Record<string, number>
}

/** The leader's pending assignment: waiting for metadata of every subscribed topic. */
export interface PendingAssignment extends Inflight {
  generation: number
  protocolName: string
  members: { memberId: string; groupInstanceId: string | null; metadata: Subscription }[]
  topics: string[]
}

export interface MemberNode extends FetchClient {
  cfg: ConsumerConfig
  /** client id = network node id = `<groupId>-N` (FetchClient.id) */
  groupId: string
  spec: ConsumerSpec
  groupInstanceId: string | null
  /** partition.assignment.strategy, in preference order */
  assignors: Assignor[]
  /** EAGER unless every assignor supports COOPERATIVE */
  protocol: RebalanceProtocol

  // ------------------------------------------------------------- group membership
  state: MemberState
  memberId: string
  /** -1: no generation */
  generation: number
  /** the assignor the group voted for (JoinGroupResponse.protocolName) */
  protocolName: string
  leaderId: string
  rejoinNeeded: boolean
  rejoinReason: string
  /** run onJoinPrepare (commit, revoke) before the next JoinGroup */
  needsJoinPrepare: boolean
  /** onJoinPrepare's commit: give up waiting for it at this time (-1: not started this cycle) */
  prepareCommitDeadline: number
  /** onJoinPrepare's commit is still to be sent (first time, or after a retriable failure) */
  prepareCommitRetry: boolean
  /** broker id of the coordinator, -1 when unknown */
  coordinator: number
  /** the coordinator found last (kept while looking for it again) */
  lastCoordinator: number
  /** no coordinator request or rejoin before this time (retry.backoff.ms) */
  retryAtMs: number
  retryToken: number
  /** consecutive failed coordinator requests (exponential backoff) */
  failures: number
  fatal: string | null
  /** close() is committing; the close gives up at closeDeadline */
  closing: boolean
  closeDeadline: number
  /** close() still has to (re)send its commit */
  closeCommitPending: boolean

  // ------------------------------------------------------------- group.protocol=consumer (KIP-848)
  /** 'consumer': the member speaks ConsumerGroupHeartbeat; `generation` then holds its member epoch */
  groupProtocol: 'classic' | 'consumer'
  cgState: ConsumerMemberState
  /** the member epoch the coordinator gave last (0: joining) */
  memberEpoch: number
  /** group.consumer.heartbeat.interval.ms, as the coordinator said (0 until it did) */
  heartbeatIntervalMs: number
  /** the partitions the coordinator says the member may own ("topic-p", sorted); null before the first */
  targetAssignment: string[] | null
  /** topic name -> topic id, from the coordinator's assignments */
  topicIds: Record<string, string>
  /** a reconciliation waits for its commit; it takes the member to `reconcileTarget` */
  reconciling: boolean
  reconcileTarget: string[]
  /** reconcile's commit before revocation gives up at this time */
  reconcileDeadline: number
  /** the last heartbeat's fields (ConsumerHeartbeatRequestManager.SentFields); reset after an error */
  sentSubscription: boolean
  /** the owned partitions the last heartbeat reported (joined), null: not sent since the last reset */
  sentOwned: string | null

  // ------------------------------------------------------------- requests in flight
  findCoordinator: (Inflight & { sentMs: number }) | null
  findTarget: number
  join: Inflight | null
  sync: (Inflight & { generation: number }) | null
  heartbeat: (Inflight & { generation: number; memberId: string }) | null
  heartbeatToken: number
  /** the token and due time of the heartbeat timer armed last (clients/heartbeat-timer.ts) */
  heartbeatTimerToken: number
  heartbeatTimerMs: number
  lastHeartbeatSentMs: number
  lastHeartbeatOkMs: number
  commits: CommitInflight[]
  /** commitSync after processing retries until this time */
  syncCommitDeadline: number
  offsetFetch: (Inflight & { tps: string[] }) | null
  pendingAssignment: PendingAssignment | null

  // ------------------------------------------------------------- metadata (fetcher.ts's FetchClient)
  /** topic -> per partition leader and epoch, as last seen */
  topicLeaders: Record<string, { leader: number; leaderEpoch: number }[]>
  /** the leader: every member's topics (it watches them for new partitions) */
  groupTopics: string[]
  /** the leader: partition counts it assigned from (ConsumerCoordinator.assignmentSnapshot) */
  assignedCounts: Record<string, number> | null

  // ------------------------------------------------------------- partitions and fetching
  /** owned partitions, sorted by topic then partition */
  owned: MemberPartition[]
  /** the last assignment received and its generation (StickyAssignor's previous_assignment) */
  lastAssignment: string[]
  lastAssignmentGeneration: number
  /** partitions with buffered records, in the order their fetches completed */
  completed: string[]
  /** brokers whose connection failed: no fetch before untilMs (reconnect backoff) */
  connBackoff: ConnBackoff
  /** when each broker last answered this member (FindCoordinator goes to a responsive one) */
  lastHeardMs: Record<string, number>

  // ------------------------------------------------------------- the application thread
  app: AppState
  pollSeq: number
  lastPollMs: number
  /** records of the poll being processed, and when processing ends */
  backlog: number
  processingUntilMs: number
  nextAutoCommitMs: number
  autoCommitToken: number

  // ------------------------------------------------------------- counters
  polled: number
  commitsAcked: number
  rebalances: number
  /** last offsets the coordinator acknowledged, by partition */
  committed: Record<string, number>
}

/** What the summary and the app show about one member. */
export interface MemberView {
  clientId: string
  groupId: string
  /** classic (JoinGroup/SyncGroup) or consumer (KIP-848): a consumer member's `generation` is its member epoch */
  groupProtocol: 'classic' | 'consumer'
  /** KIP-848: the client's MemberState (RECONCILING, ACKNOWLEDGING, STABLE, ...); null for classic members */
  consumerState: ConsumerMemberState | null
  memberId: string
  groupInstanceId: string | null
  generation: number
  state: MemberState
  protocol: RebalanceProtocol
  assignor: string
  coordinator: number
  assignment: string[]
  /** EAGER: owned partitions marked for revocation before the rebalance (no records handed out) */
  revoking: string[]
  /** what the application thread is doing */
  app: AppState
  positions: Record<string, number>
  committed: Record<string, number>
  polled: number
  commitsAcked: number
  rebalances: number
  backlog: number
  errors: Record<string, number>
}
