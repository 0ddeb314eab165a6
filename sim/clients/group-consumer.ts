/**
 * A consumer group member: KafkaConsumer.subscribe() with the classic group protocol, as the Java
 * client's ClassicKafkaConsumer, ConsumerCoordinator, AbstractCoordinator (and its HeartbeatThread),
 * Fetcher and FetchCollector do it.
 *
 * - Coordinator: FindCoordinator to the broker that answered last (NetworkClient.leastLoadedNode,
 *   roughly), retried after retry.backoff.ms doubling to retry.backoff.max.ms (KIP-580) on
 *   COORDINATOR_NOT_AVAILABLE; NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE, a request timeout, a
 *   disconnect from the coordinator or a session without heartbeat answers forget it
 *   (markCoordinatorUnknown), and the member finds it again and carries on in its generation. The
 *   heartbeat thread drops a lookup unanswered after a backoff and asks another broker.
 * - Join: JoinGroup with every assignor of partition.assignment.strategy (first join of a dynamic
 *   member with member id '' → MEMBER_ID_REQUIRED → rejoin with the given id, KIP-394). The leader
 *   fetches metadata for every member's topics, runs the voted assignor (assignPartitions) and sends
 *   the assignments in SyncGroup; followers send an empty SyncGroup.
 * - Protocol: EAGER unless every assignor supports COOPERATIVE (only cooperative-sticky does).
 *   EAGER: before (re)joining, onJoinPrepare commits (enable.auto.commit, waiting up to the rebalance
 *   timeout, the partitions marked pending revocation meanwhile) and revokes every partition.
 *   COOPERATIVE (KIP-429): keeps its partitions, revokes owned − assigned after SyncGroup and, when
 *   it revoked any, rejoins at once (the second rebalance hands them over). A member whose
 *   generation was reset loses its partitions (invokePartitionsLost) in either protocol.
 * - Heartbeats every heartbeat.interval.ms while COMPLETING_REBALANCE or STABLE (REBALANCE_IN_PROGRESS
 *   when stable → rejoin; ILLEGAL_GENERATION / UNKNOWN_MEMBER_ID of the current generation → reset
 *   the generation (and member id for UNKNOWN_MEMBER_ID) and rejoin; FENCED_INSTANCE_ID → fatal).
 * - The application thread: poll() hands out at most max.poll.records buffered records below the
 *   HW, processing takes processingMsPerRecord per record, then the next poll. Rebalances, auto-commit
 *   (auto.commit.interval.ms) and positions for new partitions (OffsetFetch, else auto.offset.reset
 *   via ListOffsets) happen inside poll(); heartbeats do not. If processing outlasts
 *   max.poll.interval.ms the member leaves the group (LeaveGroup for dynamic members only) and
 *   rejoins on its next poll (KIP-62). With enable.auto.commit=false the application commits
 *   synchronously after each processed poll.
 * - Close: commit (auto-commit), revoke, LeaveGroup for dynamic members only (static members never
 *   send it, AbstractCoordinator.maybeLeaveGroup; KIP-345).
 * - Fetching (group-member/fetch.ts over fetcher.ts): one Fetch per leader for owned partitions with a position and nothing
 *   buffered; a leader whose connection failed waits out reconnect.backoff.ms (50 → 1000 ms).
 *
 * Invariants: records are handed out in offset order from the position; every position set on
 * purpose (committed offset, reset) is recorded as a reset in the read log; every assignment,
 * revocation and acknowledged commit is recorded in history.groups; a response is matched by its
 * correlation id and anything stale is dropped; timers carry a token and only the latest one acts.
 *
 * This module is the member's entry (KafkaConsumer's): its life cycle, the dispatch of its messages,
 * timers and lost connections, the housekeeping tick, close() and the view observers read. The parts
 * are in group-member/: subscription.ts (SubscriptionState), coordinator.ts (the link to the
 * coordinator), fetch.ts (Fetcher, Metadata, KIP-320), rebalance.ts and membership.ts (JoinGroup,
 * SyncGroup, Heartbeat, LeaveGroup), offsets.ts and offset-results.ts (OffsetCommit, OffsetFetch),
 * poll.ts (the application thread) and close.ts.
 */
import { timer } from '../kernel/node-io.ts'
import type { World, Msg } from '../nodes/world.ts'
import { resolveConsumerConfig } from '../kafka/config.ts'
import type { ConsumerSpec } from '../scenario/types.ts'
import type { Inflight, MemberNode } from './group-consumer-types.ts'
import { abandonMetadata, connectionFailed, countError, expireFetchRequests, metadataDue } from './fetcher.ts'
import { findCoordinatorFailed } from './group-member/coordinator.ts'
import {
  requestMemberMetadata,
  onMetadata,
  onListOffsets,
  onOffsetForLeaderEpoch,
  onFetchResponse,
} from './group-member/fetch.ts'
import { effectiveProtocol } from './group-member/rebalance.ts'
import { startPoll, pollAgain, onProcessed, manualCommit, onPollTimeout } from './group-member/poll.ts'
import { closeStep } from './group-member/close.ts'
import { revokeAll } from './group-member/subscription.ts'
import { maybeHeartbeat, startConsumerProtocol } from './group-member/consumer-heartbeat.ts'
import { onConsumerGroupHeartbeatResponse } from './group-member/consumer-membership.ts'
import { markCoordinatorUnknown, onOffsetCommitResponse, onOffsetFetchResponse } from './group-member/offset-results.ts'
import {
  onFindCoordinator,
  onJoinGroupResponse,
  resendAssignmentMetadata,
  onAssignmentMetadata,
  onSyncGroupResponse,
  onHeartbeatTimer,
  onHeartbeatResponse,
} from './group-member/membership.ts'

/** KafkaConsumer.DEFAULT_CLOSE_TIMEOUT_MS */
const CLOSE_TIMEOUT_MS = 30000

/** the member's housekeeping period: request timeouts, metadata age, stalled retries */
const TICK_MS = 1000


/** The state a member process starts with (new or restarted); counters and ids live elsewhere. */
function freshProcessState() {
  return {
    state: 'unjoined',
    memberId: '',
    generation: -1,
    protocolName: '',
    leaderId: '',
    rejoinNeeded: true,
    rejoinReason: 'the consumer subscribed',
    needsJoinPrepare: true,
    prepareCommitDeadline: -1,
    prepareCommitRetry: false,
    coordinator: -1,
    retryAtMs: 0,
    failures: 0,
    fatal: null,
    closing: false,
    closeDeadline: -1,
    closeCommitPending: false,
    findCoordinator: null,
    join: null,
    sync: null,
    heartbeat: null,
    commits: [],
    syncCommitDeadline: -1,
    offsetFetch: null,
    pendingAssignment: null,
    metaInflight: false,
    needMetadata: true,
    topicLeaders: {},
    groupTopics: [],
    assignedCounts: null,
    owned: [],
    lastAssignment: [],
    lastAssignmentGeneration: -1,
    completed: [],
    fetchInflight: {},
    connBackoff: {},
    lastHeardMs: {},
    backlog: 0,
    cgState: 'UNSUBSCRIBED',
    memberEpoch: 0,
    heartbeatIntervalMs: 0,
    targetAssignment: null,
    topicIds: {},
    reconciling: false,
    reconcileTarget: [],
    reconcileDeadline: -1,
    sentSubscription: false,
    sentOwned: null,
  } satisfies Partial<MemberNode>
}

/** A restarted process reads its group's current configs (setConsumerConfig); counters stay. */
function reconfigure(m: MemberNode, spec: ConsumerSpec): void {
  Object.assign(m, configured(spec, m.id))
}

function configured(spec: ConsumerSpec, clientId: string) {
  const cfg = resolveConsumerConfig(spec.config, { group: true })
  const assignors = cfg['partition.assignment.strategy'].slice()
  return {
    spec,
    cfg,
    groupProtocol: cfg['group.protocol'],
    assignors,
    protocol: effectiveProtocol(assignors),
    groupInstanceId: spec.staticMembership ? clientId : (cfg['group.instance.id'] ?? null),
  }
}

export function newGroupMember(_w: World, spec: ConsumerSpec, clientId: string): MemberNode {
  return {
    ...freshProcessState(),
    ...configured(spec, clientId),
    id: clientId,
    groupId: spec.groupId,
    lastCoordinator: -1,
    retryToken: 0,
    findTarget: 0,
    heartbeatToken: 0,
    heartbeatTimerToken: -1,
    heartbeatTimerMs: -1,
    lastHeartbeatSentMs: 0,
    lastHeartbeatOkMs: 0,
    metaCorr: 0,
    metaSentMs: 0,
    metaTarget: 0,
    metaFetchedMs: 0,
    app: 'stopped',
    pollSeq: 0,
    lastPollMs: 0,
    processingUntilMs: 0,
    nextAutoCommitMs: 0,
    autoCommitToken: 0,
    polled: 0,
    commitsAcked: 0,
    rebalances: 0,
    committed: {},
    errors: {},
  }
}

/**
 * Boot or restart: a new process with the same client id (and group.instance.id). Everything
 * volatile is gone; the member finds the coordinator and joins with member id ''. Counters stay.
 */
export function startGroupMember(w: World, m: MemberNode): void {
  const spec = w.groupSpecs[m.groupId] as ConsumerSpec | undefined
  if (spec && spec !== m.spec) reconfigure(m, spec)
  Object.assign(m, freshProcessState(), { nextAutoCommitMs: w.nowMs + m.cfg['auto.commit.interval.ms'] })
  m.heartbeatToken++
  m.retryToken++
  m.autoCommitToken++
  if (m.groupProtocol === 'consumer') startConsumerProtocol(w, m)
  requestMemberMetadata(w, m)
  timer(w, m.id, 'member.tick', TICK_MS)
  startPoll(w, m)
}

export function handleMemberTimer(w: World, m: MemberNode, kind: string, data: unknown): void {
  switch (kind) {
    case 'member.tick':
      onTick(w, m)
      break
    case 'member.heartbeat':
      if (data !== m.heartbeatToken) break
      if (m.groupProtocol === 'consumer') maybeHeartbeat(w, m)
      else onHeartbeatTimer(w, m)
      break
    case 'member.processed':
      if (data === m.pollSeq && m.app === 'processing') onProcessed(w, m)
      break
    case 'member.pollTimeout':
      if (data === m.pollSeq && (m.app === 'processing' || m.app === 'committing')) onPollTimeout(w, m)
      break
    case 'member.autoCommit':
      if (data !== m.autoCommitToken) return
      break
    case 'member.retry':
      if (data !== m.retryToken) return
      if (m.app === 'committing') manualCommit(w, m)
      if (m.closing) closeStep(w, m)
      break
  }
  pollAgain(w, m)
}

export function handleMemberMessage(w: World, m: MemberNode, msg: Msg): void {
  m.lastHeardMs[msg.from] = w.nowMs
  switch (msg.api) {
    case 'MetadataResponse':
      if (m.pendingAssignment && msg.corr === m.pendingAssignment.corr) onAssignmentMetadata(w, m, msg)
      else onMetadata(w, m, msg)
      break
    case 'FetchResponse':
      onFetchResponse(w, m, msg)
      break
    case 'ListOffsetsResponse':
      onListOffsets(w, m, msg)
      break
    case 'OffsetForLeaderEpochResponse':
      onOffsetForLeaderEpoch(w, m, msg)
      break
    case 'FindCoordinatorResponse':
      onFindCoordinator(w, m, msg)
      break
    case 'JoinGroupResponse':
      onJoinGroupResponse(w, m, msg)
      break
    case 'SyncGroupResponse':
      onSyncGroupResponse(w, m, msg)
      break
    case 'HeartbeatResponse':
      onHeartbeatResponse(w, m, msg)
      break
    case 'ConsumerGroupHeartbeatResponse':
      onConsumerGroupHeartbeatResponse(w, m, msg)
      break
    case 'OffsetCommitResponse':
      onOffsetCommitResponse(w, m, msg)
      break
    case 'OffsetFetchResponse':
      onOffsetFetchResponse(w, m, msg)
      break
    case 'LeaveGroupResponse':
      if (msg.error !== 'NONE') countError(m, msg.error)
      break
  }
  pollAgain(w, m)
}

/**
 * The process crashed: the partitions it owned are lost with it (recorded for the checkers, as
 * onPartitionsLost would be); everything else volatile is reset when it restarts.
 */
export function crashGroupMember(w: World, m: MemberNode): void {
  revokeAll(w, m, true)
}

/** A connection closed (refused or reset): fail what was in flight to that broker. */
export function onMemberDisconnect(w: World, m: MemberNode, peer: string): void {
  connectionFailed(w, m.connBackoff, peer)
  delete m.fetchInflight[peer]
  if (m.metaInflight) abandonMetadata(m)
  m.needMetadata = true
  for (const p of m.owned) if (String(p.leader) === peer) {
    p.listInflight = false
    p.validateInflight = false
  }
  if (m.findCoordinator && String(m.findCoordinator.node) === peer) findCoordinatorFailed(w, m, 'NETWORK_EXCEPTION')
  if (m.pendingAssignment && String(m.pendingAssignment.node) === peer) resendAssignmentMetadata(w, m)
  if (m.coordinator >= 0 && String(m.coordinator) === peer) markCoordinatorUnknown(w, m, 'NETWORK_EXCEPTION')
  pollAgain(w, m)
}

/** Every TICK_MS: request timeouts (NetworkClient), metadata age, and a stalled poll loop. */
function onTick(w: World, m: MemberNode): void {
  if (m.state === 'closed' || m.state === 'fenced') return
  timer(w, m.id, 'member.tick', TICK_MS)
  expireFetchRequests(w, m)
  expireCoordinatorRequests(w, m)
  for (const p of m.owned) if (p.listInflight && w.nowMs - p.listSentMs > m.cfg['request.timeout.ms']) p.listInflight = false
  for (const p of m.owned) if (p.validateInflight && w.nowMs - p.listSentMs > m.cfg['request.timeout.ms']) p.validateInflight = false
  if (metadataDue(w, m)) requestMemberMetadata(w, m)
}

function expired(w: World, r: Inflight | null): boolean {
  return !!r && w.nowMs >= r.deadline
}

/** A coordinator request with no answer: the connection is closed and the coordinator forgotten. */
function expireCoordinatorRequests(w: World, m: MemberNode): void {
  if (expired(w, m.findCoordinator)) findCoordinatorFailed(w, m, 'REQUEST_TIMED_OUT')
  if (expired(w, m.pendingAssignment)) {
    m.metaTarget++
    resendAssignmentMetadata(w, m)
  }
  const coordinatorTimedOut =
    expired(w, m.join) || expired(w, m.sync) || expired(w, m.heartbeat) || expired(w, m.offsetFetch) || m.commits.some((c) => w.nowMs >= c.deadline)
  if (coordinatorTimedOut) markCoordinatorUnknown(w, m, 'REQUEST_TIMED_OUT')
}

/**
 * KafkaConsumer.close(): the application stops polling; the member commits (enable.auto.commit,
 * synchronously, within the close timeout), gives up its partitions and, if dynamic, sends
 * LeaveGroup. The node must stay up until the member's state is 'closed'.
 */
export function closeMember(w: World, m: MemberNode): void {
  if (m.state === 'fenced' || m.state === 'closed' || m.closing) return
  if (!w.nodes[m.id]?.up) {
    // a crashed process cannot close: nothing is sent
    m.state = 'closed'
    m.app = 'stopped'
    return
  }
  m.closing = true
  m.app = 'stopped'
  m.closeDeadline = w.nowMs + CLOSE_TIMEOUT_MS
  m.closeCommitPending = m.cfg['enable.auto.commit']
  closeStep(w, m)
}
