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
 * - Fetching (fetcher.ts): one Fetch per leader for owned partitions with a position and nothing
 *   buffered; a leader whose connection failed waits out reconnect.backoff.ms (50 → 1000 ms).
 *
 * Invariants: records are handed out in offset order from the position; every position set on
 * purpose (committed offset, reset) is recorded as a reset in the read log; every assignment,
 * revocation and acknowledged commit is recorded in history.groups; a response is matched by its
 * correlation id and anything stale is dropped; timers carry a token and only the latest one acts.
 */
import { compareTp, parseTopicPartition } from '../kafka/topic-partition.ts'
import { timer, nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { emit } from '../kafka/events.ts'
import type { World, Msg } from '../nodes/world.ts'
import { resolveConsumerConfig, type Assignor } from '../kafka/config.ts'
import type { ConsumerSpec } from '../scenario/types.ts'
import type { JoinGroupResponse, Subscription } from '../coordinator/classic/protocol.ts'
import type { GroupRequest, MessageOf, Unsent } from '../kafka/messages.ts'
import { assignPartitions } from '../coordinator/assignors/index.ts'
import { recordAssigned, recordCommitted, recordRevoked } from '../history/group-history.ts'
import type {
  CommitInflight,
  CommitKind,
  Inflight,
  MemberNode,
  MemberPartition,
  MemberView,
  PendingAssignment,
  RebalanceProtocol,
} from './group-consumer-types.ts'
import {
  REFRESH_ERRORS,
  abandonMetadata,
  countError,
  expireFetchRequests,
  fetchedRange,
  metadataDue,
  recordPoll,
  recordReset,
  requestMetadata,
  sendFetches,
  sendListOffsets,
  takeFetchResponse,
} from './fetcher.ts'

/** AbstractCoordinator.JOIN_GROUP_TIMEOUT_LAPSE: a JoinGroup may wait the rebalance timeout. */
const JOIN_GROUP_TIMEOUT_LAPSE_MS = 5000
/** default.api.timeout.ms: how long commitSync retries. */
const DEFAULT_API_TIMEOUT_MS = 60000
/** KafkaConsumer.DEFAULT_CLOSE_TIMEOUT_MS */
const CLOSE_TIMEOUT_MS = 30000
/** the member's housekeeping period: request timeouts, metadata age, stalled retries */
const TICK_MS = 1000
/** NetworkClient's reconnect.backoff.ms / reconnect.backoff.max.ms (exponential, no jitter here) */
const RECONNECT_BACKOFF_MS = 50
const RECONNECT_BACKOFF_MAX_MS = 1000

/** Errors that make the member forget its coordinator and look for it again. */
const COORDINATOR_GONE = new Set(['NOT_COORDINATOR', 'COORDINATOR_NOT_AVAILABLE', 'REQUEST_TIMED_OUT', 'NETWORK_EXCEPTION'])
/** Commit errors worth retrying (RetriableException). */
const RETRIABLE_COMMIT = new Set([...COORDINATOR_GONE, 'COORDINATOR_LOAD_IN_PROGRESS'])

type TopicsMeta = Record<string, { error: string; partitions: { leader: number; leaderEpoch: number }[] }>

// ---------------------------------------------------------------- pure rules

/** ConsumerPartitionAssignor.supportedProtocols: only cooperative-sticky supports COOPERATIVE. */
export function supportsCooperative(a: Assignor): boolean {
  return a === 'cooperative-sticky'
}

/** ConsumerCoordinator: the highest protocol every configured assignor supports. */
export function effectiveProtocol(assignors: readonly Assignor[]): RebalanceProtocol {
  return assignors.length > 0 && assignors.every(supportsCooperative) ? 'COOPERATIVE' : 'EAGER'
}

/** Kafka's order of partitions: by topic, then partition number. */
export const compareTps = compareTp

/**
 * What a SyncGroup assignment changes (ConsumerCoordinator.onJoinComplete): the partitions to
 * revoke (owned − assigned) and to add (assigned − owned). Under EAGER `owned` is already empty
 * (onJoinPrepare revoked everything); the same rule then gives "all assigned are new".
 */
export function assignmentChanges(owned: readonly string[], assigned: readonly string[]): { revoked: string[]; added: string[] } {
  const a = new Set(assigned)
  const o = new Set(owned)
  return {
    revoked: owned.filter((tp) => !a.has(tp)).sort(compareTps),
    added: assigned.filter((tp) => !o.has(tp)).sort(compareTps),
  }
}

/** onJoinPrepare: which owned partitions go before a JoinGroup. */
export function partitionsToRevokeBeforeJoin(protocol: RebalanceProtocol, owned: readonly string[], generationReset: boolean): { tps: string[]; lost: boolean } {
  if (generationReset) return { tps: owned.slice(), lost: true }
  return { tps: protocol === 'EAGER' ? owned.slice() : [], lost: false }
}

/** Processing time of a poll's records (processingMsPerRecord, whole milliseconds). */
export function processingMs(records: number, msPerRecord: number): number {
  return Math.ceil(records * msPerRecord)
}

/** The leader's assignor input from the JoinGroup members (only topics with partitions count). */
export function assignorInput(
  members: PendingAssignment['members'],
  counts: Record<string, number>,
): { topics: Record<string, number>; members: Record<string, string[]>; groupInstanceIds: Record<string, string>; previous: Record<string, string[]>; generation: Record<string, number> } {
  const input = { topics: counts, members: {} as Record<string, string[]>, groupInstanceIds: {} as Record<string, string>, previous: {} as Record<string, string[]>, generation: {} as Record<string, number> }
  for (const mm of members) {
    input.members[mm.memberId] = mm.metadata.topics.filter((t) => counts[t] !== undefined)
    if (mm.groupInstanceId) input.groupInstanceIds[mm.memberId] = mm.groupInstanceId
    input.previous[mm.memberId] = mm.metadata.ownedPartitions.slice()
    input.generation[mm.memberId] = mm.metadata.generation
  }
  return input
}

// ---------------------------------------------------------------- life cycle

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
      if (data === m.heartbeatToken) onHeartbeatTimer(w, m)
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
      onMetadata(w, m, msg)
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

/** A connection closed (refused or reset): fail what was in flight to that broker. */
export function onMemberDisconnect(w: World, m: MemberNode, peer: string): void {
  const b = (m.connBackoff[peer] ??= { failures: 0, untilMs: 0 })
  b.untilMs = w.nowMs + retryBackoffMs(RECONNECT_BACKOFF_MS, RECONNECT_BACKOFF_MAX_MS, b.failures)
  b.failures++
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

export function memberView(m: MemberNode): MemberView {
  const positions: Record<string, number> = {}
  for (const p of m.owned) positions[p.tp] = p.position
  const committed: Record<string, number> = {}
  for (const tp of Object.keys(m.committed).sort(compareTps)) committed[tp] = m.committed[tp]
  const errors: Record<string, number> = {}
  for (const e of Object.keys(m.errors).sort()) errors[e] = m.errors[e]
  return {
    clientId: m.id,
    groupId: m.groupId,
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    generation: m.generation,
    state: m.state,
    protocol: m.protocol,
    assignor: m.protocolName,
    coordinator: m.coordinator,
    assignment: m.owned.map((p) => p.tp),
    revoking: m.owned.filter((p) => p.pendingRevocation).map((p) => p.tp),
    app: m.app,
    positions,
    committed,
    polled: m.polled,
    commitsAcked: m.commitsAcked,
    rebalances: m.rebalances,
    backlog: m.backlog,
    errors,
  }
}

// ---------------------------------------------------------------- the application thread

function startPoll(w: World, m: MemberNode): void {
  m.app = 'polling'
  m.pollSeq++
  pollLoop(w, m)
}

/** The application is blocked in poll(): let it see what changed. */
function pollAgain(w: World, m: MemberNode): void {
  if (m.app === 'polling') pollLoop(w, m)
}

/** One turn of KafkaConsumer.poll(): coordinator work, positions, records, fetches. */
function pollLoop(w: World, m: MemberNode): void {
  m.lastPollMs = w.nowMs
  coordinatorPoll(w, m)
  if (m.app !== 'polling') return
  updatePositions(w, m)
  const n = handOut(w, m)
  sendMemberFetches(w, m)
  if (n > 0) startProcessing(w, m, n)
}

function startProcessing(w: World, m: MemberNode, n: number): void {
  m.app = 'processing'
  m.backlog = n
  const ms = processingMs(n, m.spec.processingMsPerRecord)
  m.processingUntilMs = w.nowMs + ms
  // no processing time: the application polls again at once (no event needed)
  if (ms === 0) return onProcessed(w, m)
  timer(w, m.id, 'member.processed', ms, m.pollSeq)
  armPollTimeoutIfNeeded(w, m, m.processingUntilMs)
}

/** The poll timer (max.poll.interval.ms) can only expire while the application is away from poll(). */
function armPollTimeoutIfNeeded(w: World, m: MemberNode, busyUntilMs: number): void {
  const expiry = m.lastPollMs + m.cfg['max.poll.interval.ms']
  if (busyUntilMs < expiry) return
  timer(w, m.id, 'member.pollTimeout', expiry - w.nowMs, m.pollSeq)
}

function onProcessed(w: World, m: MemberNode): void {
  m.backlog = 0
  if (m.cfg['enable.auto.commit']) return startPoll(w, m)
  m.app = 'committing'
  m.syncCommitDeadline = w.nowMs + DEFAULT_API_TIMEOUT_MS
  armPollTimeoutIfNeeded(w, m, m.syncCommitDeadline)
  manualCommit(w, m)
}

/** commitSync() after processing (enable.auto.commit=false): retried until default.api.timeout.ms. */
function manualCommit(w: World, m: MemberNode): void {
  if (m.app !== 'committing' || m.commits.some((c) => c.kind === 'manual')) return
  const r = commitOffsets(w, m, 'manual')
  if (r === 'sent') return
  if (r === 'retry' && w.nowMs < m.syncCommitDeadline) return retryLater(w, m)
  startPoll(w, m)
}

function manualCommitDone(w: World, m: MemberNode, retriable: boolean): void {
  if (m.app !== 'committing') return
  if (retriable && w.nowMs < m.syncCommitDeadline) return retryLater(w, m)
  startPoll(w, m)
}

/**
 * The heartbeat thread saw the poll timer expire (KIP-62): the member leaves the group; it rejoins
 * when the application next calls poll().
 */
function onPollTimeout(w: World, m: MemberNode): void {
  if (m.state === 'fenced' || m.state === 'closed' || m.closing) return
  emit(w, { type: 'ConsumerPollTimeout', member: m.id, groupId: m.groupId, maxPollIntervalMs: m.cfg['max.poll.interval.ms'] })
  maybeLeaveGroup(w, m, 'consumer poll timeout has expired.')
  resetStateAndRejoin(w, m, 'consumer pro-actively leaving the group', true)
}

/** FetchCollector.collectFetch: at most max.poll.records, partition by partition in fetch order. */
function handOut(w: World, m: MemberNode): number {
  let left = m.cfg['max.poll.records']
  let n = 0
  while (left > 0 && m.completed.length > 0) {
    const p = ownedPartition(m, m.completed[0])
    if (!p || p.pendingRevocation || p.position < 0 || p.fetchedTo <= p.position) {
      if (p) p.fetchedTo = p.position
      m.completed.shift()
      continue
    }
    if (p.awaitValidation) {
      m.completed.shift()
      continue
    }
    const take = Math.min(left, p.fetchedTo - p.position)
    recordPoll(w, m.id, p.tp, p.position, p.position + take)
    p.position += take
    for (const [base, epoch] of p.bufferedEpochs) if (base < p.position && epoch > p.positionEpoch) p.positionEpoch = epoch
    left -= take
    n += take
    if (p.fetchedTo <= p.position) m.completed.shift()
  }
  m.polled += n
  return n
}

// ---------------------------------------------------------------- ConsumerCoordinator.poll

function coordinatorPoll(w: World, m: MemberNode): void {
  if (m.state === 'fenced' || m.state === 'closed') {
    m.app = 'stopped'
    return
  }
  if (!ensureCoordinator(w, m)) return
  if (m.rejoinNeeded || m.state !== 'stable') return joinGroupIfNeeded(w, m)
  maybeAutoCommit(w, m)
}

/** True when the coordinator is known; otherwise look it up (unless a lookup is pending). */
function ensureCoordinator(w: World, m: MemberNode): boolean {
  if (m.coordinator >= 0) return true
  if (!m.findCoordinator && w.nowMs >= m.retryAtMs) sendFindCoordinator(w, m)
  return false
}

/**
 * Back off before the next coordinator request, then try again: retry.backoff.ms doubling with each
 * consecutive failure up to retry.backoff.max.ms (KIP-580, without the jitter).
 */
function retryLater(w: World, m: MemberNode): void {
  if (m.retryAtMs > w.nowMs) return
  const delay = retryBackoffMs(m.cfg['retry.backoff.ms'], m.cfg['retry.backoff.max.ms'], m.failures)
  m.failures++
  m.retryAtMs = w.nowMs + delay
  m.retryToken++
  timer(w, m.id, 'member.retry', delay, m.retryToken)
}

export function retryBackoffMs(base: number, max: number, failures: number): number {
  return Math.min(Math.max(base, max), base * 2 ** Math.min(failures, 20))
}

function requestRejoin(m: MemberNode, reason: string): void {
  m.rejoinNeeded = true
  m.rejoinReason = reason
}

/** AbstractCoordinator.resetStateAndRejoin: no generation; the next join starts with onJoinPrepare. */
function resetStateAndRejoin(w: World, m: MemberNode, reason: string, resetMemberId: boolean): void {
  m.state = 'unjoined'
  m.generation = -1
  if (resetMemberId) m.memberId = ''
  m.join = null
  m.sync = null
  m.pendingAssignment = null
  m.heartbeat = null
  m.heartbeatToken++
  m.needsJoinPrepare = true
  requestRejoin(m, reason)
  emit(w, { type: 'ConsumerRejoinReset', member: m.id, resetMemberId, reason })
}

function fatal(w: World, m: MemberNode, error: string): void {
  countError(m, error)
  m.fatal = error
  revokeAll(w, m, true)
  m.state = 'fenced'
  m.app = 'stopped'
  m.heartbeatToken++
  emit(w, { type: 'ConsumerStopped', member: m.id, error, instanceId: m.groupInstanceId })
}

/** The request to the coordinator: sent now, answered by corr, expiring after `timeoutMs`. */
function sendToCoordinator(w: World, m: MemberNode, msg: Unsent<GroupRequest>, timeoutMs: number): Inflight {
  const corr = nextCorrelationId(w)
  send(w, m.id, String(m.coordinator), { ...msg, from: m.id, corr })
  return { corr, node: m.coordinator, deadline: w.nowMs + timeoutMs }
}

// ---------------------------------------------------------------- FindCoordinator

/**
 * NetworkClient.leastLoadedNode, roughly: the broker that answered this member most recently and
 * whose connection is not in its reconnect backoff; brokers never heard from are tried in turn.
 */
export function leastLoadedBroker(brokerIds: readonly number[], start: number, lastHeardMs: Record<string, number>, isUnavailable: (b: number) => boolean): number {
  const n = brokerIds.length
  let best = brokerIds[start % n]
  let bestHeard = -2
  for (let i = 0; i < n; i++) {
    const b = brokerIds[(start + i) % n]
    const heard = isUnavailable(b) ? -1 : (lastHeardMs[String(b)] ?? 0)
    if (heard > bestHeard) {
      best = b
      bestHeard = heard
    }
  }
  return best
}

function sendFindCoordinator(w: World, m: MemberNode): void {
  const node = leastLoadedBroker(w.brokerIds, m.findTarget, m.lastHeardMs, (b) => unavailable(w, m, b))
  const corr = nextCorrelationId(w)
  m.findCoordinator = { corr, node, deadline: w.nowMs + m.cfg['request.timeout.ms'], sentMs: w.nowMs }
  send(w, m.id, String(node), { api: 'FindCoordinator', from: m.id, corr, key: m.groupId })
}

function abandonFindCoordinator(m: MemberNode): void {
  m.findCoordinator = null
  m.findTarget++
}

function onFindCoordinator(w: World, m: MemberNode, msg: MessageOf<'FindCoordinatorResponse'>): void {
  if (!m.findCoordinator || m.findCoordinator.corr !== msg.corr) return
  m.findCoordinator = null
  const nodeId = msg.nodeId
  if (msg.error !== 'NONE' || nodeId < 0) return findCoordinatorFailed(w, m, msg.error)
  if (m.failures === 0 || nodeId !== m.lastCoordinator) emit(w, { type: 'CoordinatorFound', member: m.id, groupId: m.groupId, broker: nodeId })
  m.coordinator = nodeId
  m.lastCoordinator = nodeId
  m.lastHeartbeatOkMs = w.nowMs
  if (m.state === 'syncing' || m.state === 'stable') armHeartbeat(w, m, 0)
  if (m.closing) closeStep(w, m)
}

function findCoordinatorFailed(w: World, m: MemberNode, error: string): void {
  countError(m, error)
  abandonFindCoordinator(m)
  retryLater(w, m)
}

/**
 * AbstractCoordinator.markCoordinatorUnknown: the connection is closed, so every request in flight
 * to the coordinator fails; the member keeps its generation and partitions and looks again.
 */
function markCoordinatorUnknown(w: World, m: MemberNode, error: string): void {
  if (m.coordinator < 0) return
  if (m.failures === 0) emit(w, { type: 'CoordinatorLost', member: m.id, groupId: m.groupId, broker: m.coordinator, error })
  m.coordinator = -1
  m.join = null
  if (m.sync || m.pendingAssignment) {
    m.sync = null
    m.pendingAssignment = null
    m.state = 'joining'
  }
  m.heartbeat = null
  if (m.offsetFetch) {
    for (const p of m.owned) if (p.init === 'fetchingCommitted') p.init = 'committed'
    m.offsetFetch = null
  }
  const failed = m.commits
  m.commits = []
  for (const c of failed) commitFailed(w, m, c, error)
  retryLater(w, m)
}

// ---------------------------------------------------------------- JoinGroup / SyncGroup

function joinGroupIfNeeded(w: World, m: MemberNode): void {
  if (m.join || m.sync || m.pendingAssignment || w.nowMs < m.retryAtMs) return
  if (m.needsJoinPrepare) {
    if (!joinPrepare(w, m)) return
    m.needsJoinPrepare = false
  }
  sendJoinGroup(w, m)
}

/**
 * ConsumerCoordinator.onJoinPrepare: with enable.auto.commit, commit first (EAGER: the partitions
 * are pending revocation meanwhile) and wait for it, retrying retriable failures, up to the
 * rebalance timeout; then revoke (EAGER: all) or lose (no generation: all) partitions.
 */
function joinPrepare(w: World, m: MemberNode): boolean {
  if (m.cfg['enable.auto.commit'] && !prepareCommitFinished(w, m)) return false
  m.prepareCommitDeadline = -1
  const owned = m.owned.map((p) => p.tp)
  const { tps, lost } = partitionsToRevokeBeforeJoin(m.protocol, owned, m.generation < 0 || m.memberId === '')
  revoke(w, m, tps, lost)
  return true
}

function prepareCommitFinished(w: World, m: MemberNode): boolean {
  if (m.prepareCommitDeadline < 0) {
    m.prepareCommitDeadline = w.nowMs + m.cfg['max.poll.interval.ms']
    m.prepareCommitRetry = true
    if (m.protocol === 'EAGER') for (const p of m.owned) markPendingRevocation(m, p)
  }
  if (w.nowMs >= m.prepareCommitDeadline) return true
  if (m.commits.some((c) => c.kind === 'prepare')) return false
  if (!m.prepareCommitRetry) return true
  m.prepareCommitRetry = false
  const r = commitOffsets(w, m, 'prepare')
  if (r === 'retry') {
    m.prepareCommitRetry = true
    retryLater(w, m)
  }
  return r === 'empty' || r === 'failed'
}

function markPendingRevocation(m: MemberNode, p: MemberPartition): void {
  p.pendingRevocation = true
  p.fetchedTo = p.position
  m.completed = m.completed.filter((tp) => tp !== p.tp)
}

/** The metadata each assignor gets (StickyAssignor: its previous assignment as user data). */
function subscriptionFor(m: MemberNode, assignor: Assignor): Subscription {
  if (assignor === 'sticky') return { topics: m.spec.topics.slice(), ownedPartitions: m.lastAssignment.slice(), generation: m.lastAssignmentGeneration }
  return { topics: m.spec.topics.slice(), ownedPartitions: m.owned.map((p) => p.tp), generation: m.generation }
}

function sendJoinGroup(w: World, m: MemberNode): void {
  m.state = 'joining'
  const rebalanceTimeoutMs = m.cfg['max.poll.interval.ms']
  const timeout = Math.max(m.cfg['request.timeout.ms'], rebalanceTimeoutMs + JOIN_GROUP_TIMEOUT_LAPSE_MS)
  m.join = sendToCoordinator(w, m, {
    api: 'JoinGroup',
    groupId: m.groupId,
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    clientId: m.id,
    sessionTimeoutMs: m.cfg['session.timeout.ms'],
    rebalanceTimeoutMs,
    protocols: m.assignors.map((name) => ({ name, metadata: subscriptionFor(m, name) })),
    reason: m.rejoinReason,
  }, timeout)
}

function onJoinGroupResponse(w: World, m: MemberNode, r: JoinGroupResponse): void {
  if (!m.join || m.join.corr !== r.corr || m.closing) return
  m.join = null
  if (r.error === 'NONE') {
    m.failures = 0
    return joined(w, m, r)
  }
  countError(m, r.error)
  switch (r.error) {
    case 'MEMBER_ID_REQUIRED':
      m.memberId = r.memberId
      return sendJoinGroup(w, m)
    case 'UNKNOWN_MEMBER_ID':
      m.memberId = ''
      m.generation = -1
      return sendJoinGroup(w, m)
    case 'REBALANCE_IN_PROGRESS':
      return sendJoinGroup(w, m)
    case 'FENCED_INSTANCE_ID':
    case 'GROUP_MAX_SIZE_REACHED':
    case 'INCONSISTENT_GROUP_PROTOCOL':
      return fatal(w, m, r.error)
  }
  if (COORDINATOR_GONE.has(r.error)) markCoordinatorUnknown(w, m, r.error)
  retryLater(w, m)
}

/** JoinGroup succeeded: COMPLETING_REBALANCE, heartbeats on; the leader assigns, everyone syncs. */
function joined(w: World, m: MemberNode, r: JoinGroupResponse): void {
  m.state = 'syncing'
  m.memberId = r.memberId
  m.generation = r.generation
  m.protocolName = r.protocolName
  m.leaderId = r.leader
  m.lastHeartbeatOkMs = w.nowMs
  m.lastHeartbeatSentMs = w.nowMs
  armHeartbeat(w, m, m.cfg['heartbeat.interval.ms'])
  const leader = r.leader === r.memberId
  if (!leader) m.assignedCounts = null
  if (!leader || r.skipAssignment) return sendSyncGroup(w, m, {})
  const topics = [...new Set(r.members.flatMap((x) => x.metadata.topics))].sort()
  m.pendingAssignment = { corr: 0, node: -1, deadline: 0, generation: r.generation, protocolName: r.protocolName, members: r.members, topics }
  resendAssignmentMetadata(w, m)
}

/** The leader's Metadata request for every subscribed topic (partition counts for the assignor). */
function resendAssignmentMetadata(w: World, m: MemberNode): void {
  const pa = m.pendingAssignment
  if (!pa) return
  const node = leastLoadedBroker(w.brokerIds, m.metaTarget, m.lastHeardMs, (b) => unavailable(w, m, b))
  const corr = nextCorrelationId(w)
  Object.assign(pa, { corr, node, deadline: w.nowMs + m.cfg['request.timeout.ms'] })
  send(w, m.id, String(node), { api: 'Metadata', from: m.id, corr, topics: pa.topics })
}

function onAssignmentMetadata(w: World, m: MemberNode, msg: MessageOf<'MetadataResponse'>): void {
  const pa = m.pendingAssignment!
  m.pendingAssignment = null
  if (pa.generation !== m.generation || m.state !== 'syncing') return
  const meta = msg.topics
  applyLeaders(m, meta)
  const counts: Record<string, number> = {}
  for (const t of pa.topics) if (meta[t]?.error === 'NONE' && meta[t].partitions.length > 0) counts[t] = meta[t].partitions.length
  const assignments = assignPartitions(pa.protocolName as Assignor, assignorInput(pa.members, counts))
  for (const mm of pa.members) assignments[mm.memberId] ??= []
  m.assignedCounts = counts
  m.groupTopics = pa.topics
  sendSyncGroup(w, m, assignments)
}

function sendSyncGroup(w: World, m: MemberNode, assignments: Record<string, string[]>): void {
  const sent = sendToCoordinator(w, m, {
    api: 'SyncGroup',
    groupId: m.groupId,
    generation: m.generation,
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    assignments,
  }, m.cfg['request.timeout.ms'])
  m.sync = { ...sent, generation: m.generation }
}

function onSyncGroupResponse(w: World, m: MemberNode, msg: MessageOf<'SyncGroupResponse'>): void {
  if (!m.sync || m.sync.corr !== msg.corr || m.closing) return
  const sentGeneration = m.sync.generation
  m.sync = null
  const error = msg.error
  if (error === 'NONE') {
    m.failures = 0
    return onJoinComplete(w, m, msg.assignment.slice().sort(compareTps))
  }
  countError(m, error)
  m.state = 'joining'
  if (error === 'FENCED_INSTANCE_ID') return fatal(w, m, error)
  if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
    if (sentGeneration === m.generation) resetStateAndRejoin(w, m, `encountered ${error} from SyncGroup response`, error === 'UNKNOWN_MEMBER_ID')
    return
  }
  requestRejoin(m, `SyncGroup failed: ${error}`)
  if (COORDINATOR_GONE.has(error)) markCoordinatorUnknown(w, m, error)
  if (error !== 'REBALANCE_IN_PROGRESS') retryLater(w, m)
}

/** ConsumerCoordinator.onJoinComplete: revoke what went elsewhere, take the new partitions. */
function onJoinComplete(w: World, m: MemberNode, assigned: string[]): void {
  const { revoked, added } = assignmentChanges(m.owned.map((p) => p.tp), assigned)
  revoke(w, m, revoked, false)
  for (const tp of added) addPartition(m, tp)
  m.owned.sort((a, b) => compareTps(a.tp, b.tp))
  m.state = 'stable'
  m.rejoinNeeded = false
  m.rejoinReason = ''
  m.needsJoinPrepare = true
  m.rebalances++
  m.lastAssignment = assigned
  m.lastAssignmentGeneration = m.generation
  recordAssigned(w, { groupId: m.groupId, member: m.id, memberId: m.memberId, generation: m.generation, tps: assigned.slice(), added })
  emit(w, { type: 'AssignmentReceived', member: m.id, groupId: m.groupId, generation: m.generation, protocol: m.protocolName, partitions: assigned.slice() })
  if (m.cfg['enable.auto.commit']) armAutoCommit(w, m, w.nowMs + m.cfg['auto.commit.interval.ms'])
  if (revoked.length > 0 && m.protocol === 'COOPERATIVE') requestRejoin(m, `need to revoke partitions ${revoked.join(', ')} and re-join`)
}

function addPartition(m: MemberNode, tp: string): void {
  const { topic, partition } = parseTopicPartition(tp)!
  const leader = m.topicLeaders[topic]?.[partition]
  m.owned.push({
    topic,
    partition,
    tp,
    position: -1,
    fetchedTo: -1,
    leader: leader ? leader.leader : -1,
    leaderEpoch: leader ? leader.leaderEpoch : -1,
    init: 'committed',
    listInflight: false,
    listSentMs: 0,
    pendingRevocation: false,
    positionEpoch: -1,
    bufferedEpochs: [],
    awaitValidation: false,
    validateInflight: false,
  })
  if (!leader || leader.leader < 0) m.needMetadata = true
}

/** Give up partitions (onPartitionsRevoked / onPartitionsLost): no more fetching or records. */
function revoke(w: World, m: MemberNode, tps: string[], lost: boolean): void {
  if (tps.length === 0) return
  const gone = new Set(tps)
  m.owned = m.owned.filter((p) => !gone.has(p.tp))
  m.completed = m.completed.filter((tp) => !gone.has(tp))
  recordRevoked(w, { groupId: m.groupId, member: m.id, memberId: m.memberId, generation: m.lastAssignmentGeneration, tps: tps.slice().sort(compareTps), lost })
}

function revokeAll(w: World, m: MemberNode, lost: boolean): void {
  revoke(w, m, m.owned.map((p) => p.tp), lost)
}

// ---------------------------------------------------------------- heartbeats

function armHeartbeat(w: World, m: MemberNode, delayMs: number): void {
  m.heartbeatToken++
  timer(w, m.id, 'member.heartbeat', delayMs, m.heartbeatToken)
}

/** The heartbeat thread: runs while COMPLETING_REBALANCE or STABLE. */
function onHeartbeatTimer(w: World, m: MemberNode): void {
  if (m.state !== 'syncing' && m.state !== 'stable') return
  const backoff = m.cfg['retry.backoff.ms']
  if (m.coordinator < 0) {
    // HeartbeatThread: a lookup still unanswered after a backoff is dropped and tried elsewhere
    if (m.findCoordinator && w.nowMs - m.findCoordinator.sentMs >= backoff) abandonFindCoordinator(m)
    ensureCoordinator(w, m)
    return armHeartbeat(w, m, backoff)
  }
  if (w.nowMs - m.lastHeartbeatOkMs > m.cfg['session.timeout.ms']) {
    markCoordinatorUnknown(w, m, 'REQUEST_TIMED_OUT')
    return armHeartbeat(w, m, backoff)
  }
  // Like Kafka's HeartbeatThread, send every heartbeat.interval.ms even if the last one is still
  // unanswered, so one heartbeat lost to a cut link does not silence the member for a whole
  // request timeout.
  const due = m.lastHeartbeatSentMs + m.cfg['heartbeat.interval.ms']
  if (w.nowMs < due) return armHeartbeat(w, m, due - w.nowMs)
  sendHeartbeat(w, m)
  armHeartbeat(w, m, m.cfg['heartbeat.interval.ms'])
}

function sendHeartbeat(w: World, m: MemberNode): void {
  m.lastHeartbeatSentMs = w.nowMs
  const sent = sendToCoordinator(w, m, {
    api: 'Heartbeat',
    groupId: m.groupId,
    generation: m.generation,
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
  }, m.cfg['request.timeout.ms'])
  m.heartbeat = { ...sent, generation: m.generation, memberId: m.memberId }
}

function onHeartbeatResponse(w: World, m: MemberNode, msg: MessageOf<'HeartbeatResponse'>): void {
  const hb = m.heartbeat
  // the answer to the latest heartbeat, or to an earlier one still on its way
  if (!hb || msg.corr > hb.corr) return
  if (msg.corr === hb.corr) m.heartbeat = null
  const error = msg.error
  if (error === 'NONE' || error === 'REBALANCE_IN_PROGRESS') {
    m.lastHeartbeatOkMs = w.nowMs
    m.failures = 0
  }
  if (error === 'NONE') return
  countError(m, error)
  const sameGeneration = hb.generation === m.generation && hb.memberId === m.memberId
  if (error === 'REBALANCE_IN_PROGRESS') {
    if (m.state === 'stable') requestRejoin(m, 'group is already rebalancing')
  } else if (error === 'ILLEGAL_GENERATION' || error === 'UNKNOWN_MEMBER_ID') {
    if (sameGeneration) resetStateAndRejoin(w, m, `encountered ${error} from Heartbeat response`, error === 'UNKNOWN_MEMBER_ID')
  } else if (error === 'FENCED_INSTANCE_ID') {
    if (sameGeneration) fatal(w, m, error)
  } else if (COORDINATOR_GONE.has(error)) markCoordinatorUnknown(w, m, error)
}

/** AbstractCoordinator.maybeLeaveGroup: LeaveGroup only from a dynamic member in a group. */
function maybeLeaveGroup(w: World, m: MemberNode, reason: string): void {
  if (m.groupInstanceId !== null || m.coordinator < 0 || m.state === 'unjoined' || m.memberId === '') return
  sendToCoordinator(w, m, { api: 'LeaveGroup', groupId: m.groupId, memberId: m.memberId, groupInstanceId: null, reason }, m.cfg['request.timeout.ms'])
}

// ---------------------------------------------------------------- commits

/** The positions poll() has handed out (SubscriptionState.allConsumed). */
function consumedOffsets(m: MemberNode): Record<string, number> {
  const offsets: Record<string, number> = {}
  for (const p of m.owned) if (p.position >= 0) offsets[p.tp] = p.position
  return offsets
}

/**
 * Send an OffsetCommit of the consumed positions with the current generation. 'empty': nothing to
 * commit; 'failed': not in a stable generation (RebalanceInProgress / CommitFailed, not retriable);
 * 'retry': no coordinator yet.
 */
function commitOffsets(w: World, m: MemberNode, kind: CommitKind): 'sent' | 'empty' | 'failed' | 'retry' {
  const offsets = consumedOffsets(m)
  if (Object.keys(offsets).length === 0) return 'empty'
  if (m.state !== 'stable' || m.generation < 0) {
    countError(m, m.state === 'unjoined' ? 'CommitFailedException' : 'REBALANCE_IN_PROGRESS')
    return 'failed'
  }
  if (!ensureCoordinator(w, m)) return 'retry'
  const sent = sendToCoordinator(w, m, {
    api: 'OffsetCommit',
    groupId: m.groupId,
    generation: m.generation,
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    offsets,
  }, m.cfg['request.timeout.ms'])
  m.commits.push({ ...sent, kind, generation: m.generation, memberId: m.memberId, offsets })
  return 'sent'
}

/** ConsumerCoordinator.maybeAutoCommitOffsetsAsync, inside poll() when the group is stable. */
function maybeAutoCommit(w: World, m: MemberNode): void {
  if (!m.cfg['enable.auto.commit'] || w.nowMs < m.nextAutoCommitMs) return
  armAutoCommit(w, m, w.nowMs + m.cfg['auto.commit.interval.ms'])
  if (commitOffsets(w, m, 'auto') === 'retry') armAutoCommit(w, m, w.nowMs + m.cfg['retry.backoff.ms'])
}

function armAutoCommit(w: World, m: MemberNode, atMs: number): void {
  m.nextAutoCommitMs = atMs
  m.autoCommitToken++
  timer(w, m.id, 'member.autoCommit', atMs - w.nowMs, m.autoCommitToken)
}

function onOffsetCommitResponse(w: World, m: MemberNode, msg: MessageOf<'OffsetCommitResponse'>): void {
  const i = m.commits.findIndex((c) => c.corr === msg.corr)
  if (i < 0) return
  const c = m.commits.splice(i, 1)[0]
  const error = msg.error
  if (error !== 'NONE') return commitFailed(w, m, c, error)
  const offsets = msg.offsets
  for (const tp of Object.keys(offsets)) m.committed[tp] = offsets[tp]
  m.commitsAcked++
  m.failures = 0
  recordCommitted(w, { groupId: m.groupId, member: m.id, memberId: c.memberId, generation: c.generation, offsets: { ...offsets } })
  commitDone(w, m, c, false)
}

/** OffsetCommitResponseHandler: what a failed commit does to the membership, then to its caller. */
function commitFailed(w: World, m: MemberNode, c: CommitInflight, error: string): void {
  countError(m, error)
  const sameGeneration = c.generation === m.generation && c.memberId === m.memberId
  if (COORDINATOR_GONE.has(error)) markCoordinatorUnknown(w, m, error)
  else if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
    if (sameGeneration) resetStateAndRejoin(w, m, `encountered ${error} from OffsetCommit response`, error === 'UNKNOWN_MEMBER_ID')
  } else if (error === 'REBALANCE_IN_PROGRESS') requestRejoin(m, 'offset commit failed since group is already rebalancing')
  else if (error === 'FENCED_INSTANCE_ID') return fatal(w, m, error)
  commitDone(w, m, c, RETRIABLE_COMMIT.has(error))
}

function commitDone(w: World, m: MemberNode, c: CommitInflight, retriable: boolean): void {
  switch (c.kind) {
    case 'auto':
      if (retriable) armAutoCommit(w, m, w.nowMs + m.cfg['retry.backoff.ms'])
      return
    case 'prepare':
      if (retriable) {
        m.prepareCommitRetry = true
        retryLater(w, m)
      }
      return
    case 'manual':
      return manualCommitDone(w, m, retriable)
    case 'close':
      m.closeCommitPending = retriable
      if (retriable) retryLater(w, m)
      else closeStep(w, m)
  }
}

// ---------------------------------------------------------------- close

/** KafkaConsumer.close: commit (retrying until the close timeout), then leave. */
function closeStep(w: World, m: MemberNode): void {
  if (!m.closing || m.state === 'closed' || m.state === 'fenced') return
  if (m.commits.some((c) => c.kind === 'close')) return
  if (m.closeCommitPending && w.nowMs < m.closeDeadline) {
    m.closeCommitPending = false
    const r = commitOffsets(w, m, 'close')
    if (r === 'sent') return
    if (r === 'retry') {
      m.closeCommitPending = true
      return retryLater(w, m)
    }
  }
  finishClose(w, m)
}

function finishClose(w: World, m: MemberNode): void {
  revokeAll(w, m, m.generation < 0)
  maybeLeaveGroup(w, m, 'the consumer is being closed')
  Object.assign(m, { join: null, sync: null, pendingAssignment: null, heartbeat: null, offsetFetch: null, commits: [], fetchInflight: {}, completed: [] })
  m.state = 'closed'
  m.closing = false
  m.app = 'stopped'
  m.heartbeatToken++
  emit(w, { type: 'ConsumerClosed', member: m.id, staticMember: !!m.groupInstanceId })
}

// ---------------------------------------------------------------- positions: OffsetFetch, ListOffsets

/** KafkaConsumer.updateFetchPositions: committed offsets first, then auto.offset.reset. */
function updatePositions(w: World, m: MemberNode): void {
  if (m.offsetFetch || m.coordinator < 0 || w.nowMs < m.retryAtMs) return
  const want = m.owned.filter((p) => p.init === 'committed')
  if (want.length === 0) return
  for (const p of want) p.init = 'fetchingCommitted'
  const tps = want.map((p) => p.tp)
  const sent = sendToCoordinator(w, m, { api: 'OffsetFetch', groupId: m.groupId, tps }, m.cfg['request.timeout.ms'])
  m.offsetFetch = { ...sent, tps }
}

function onOffsetFetchResponse(w: World, m: MemberNode, msg: MessageOf<'OffsetFetchResponse'>): void {
  if (!m.offsetFetch || m.offsetFetch.corr !== msg.corr) return
  const tps = m.offsetFetch.tps
  m.offsetFetch = null
  const error = msg.error
  const parts = tps.map((tp) => ownedPartition(m, tp)).filter((p): p is MemberPartition => !!p && p.init === 'fetchingCommitted')
  if (error !== 'NONE') {
    countError(m, error)
    for (const p of parts) p.init = 'committed'
    if (COORDINATOR_GONE.has(error)) markCoordinatorUnknown(w, m, error)
    return retryLater(w, m)
  }
  const offsets = msg.offsets
  for (const p of parts) {
    const committed = offsets[p.tp] ?? -1
    if (committed >= 0) setPosition(w, m, p, committed)
    else needReset(m, p, 'NoOffsetForPartitionException')
  }
}

/** No valid position: auto.offset.reset (earliest/latest via ListOffsets), or fail with 'none'. */
function needReset(m: MemberNode, p: MemberPartition, errorForNone: string): void {
  p.position = -1
  p.fetchedTo = -1
  if (m.cfg['auto.offset.reset'] === 'none') {
    p.init = 'none'
    countError(m, errorForNone)
  } else p.init = 'reset'
}

function setPosition(w: World, m: MemberNode, p: MemberPartition, offset: number): void {
  p.position = offset
  p.fetchedTo = offset
  p.init = 'known'
  p.positionEpoch = -1
  p.bufferedEpochs = []
  p.awaitValidation = false
  recordReset(w, m.id, p.tp, offset)
}

function onListOffsets(w: World, m: MemberNode, msg: MessageOf<'ListOffsetsResponse'>): void {
  const p = ownedPartition(m, msg.tp)
  if (!p || !p.listInflight) return
  p.listInflight = false
  if (msg.error !== 'NONE') {
    countError(m, msg.error)
    m.needMetadata = true
    return
  }
  if (p.init === 'reset') setPosition(w, m, p, msg.offset)
}

// ---------------------------------------------------------------- metadata and fetching

function memberTopics(m: MemberNode): string[] {
  const extra = m.groupTopics.filter((t) => !m.spec.topics.includes(t))
  return [...m.spec.topics, ...extra]
}

function requestMemberMetadata(w: World, m: MemberNode): void {
  requestMetadata(w, m, memberTopics(m))
}

function onMetadata(w: World, m: MemberNode, msg: MessageOf<'MetadataResponse'>): void {
  if (m.pendingAssignment && msg.corr === m.pendingAssignment.corr) return onAssignmentMetadata(w, m, msg)
  if (msg.corr !== m.metaCorr) return
  m.metaInflight = false
  m.metaFetchedMs = w.nowMs
  m.needMetadata = false
  const meta = msg.topics
  for (const topic of m.spec.topics) if (meta[topic]?.error !== 'NONE') m.needMetadata = true
  applyLeaders(m, meta)
  checkAssignmentSnapshot(m)
}

/** Remember leaders and epochs, and move the owned partitions' fetches to them. */
function applyLeaders(m: MemberNode, meta: TopicsMeta): void {
  for (const topic of Object.keys(meta).sort()) {
    const t = meta[topic]
    if (t.error !== 'NONE') continue
    m.topicLeaders[topic] = t.partitions.map((x) => ({ leader: x.leader, leaderEpoch: x.leaderEpoch }))
  }
  for (const p of m.owned) {
    const x = m.topicLeaders[p.topic]?.[p.partition]
    if (!x) continue
    // SubscriptionState.maybeValidatePositionForCurrentLeader (KIP-320)
    if (x.leaderEpoch > p.leaderEpoch && p.leaderEpoch >= 0 && p.position >= 0 && p.positionEpoch >= 0) p.awaitValidation = true
    p.leader = x.leader
    p.leaderEpoch = x.leaderEpoch
    if (x.leader < 0) m.needMetadata = true
  }
}

/**
 * OffsetFetcherUtils.validatePositionsIfNeeded (KIP-320): OffsetForLeaderEpoch with the position's
 * epoch; an end offset below the position means the log diverged (unclean election): go back to it
 * ("Truncation detected") instead of OFFSET_OUT_OF_RANGE and auto.offset.reset.
 */
function validatePosition(w: World, m: MemberNode, p: MemberPartition): void {
  if (p.validateInflight) return
  p.validateInflight = true
  p.listSentMs = w.nowMs
  send(w, m.id, String(p.leader), {
    api: 'OffsetForLeaderEpoch',
    from: m.id,
    corr: nextCorrelationId(w),
    tp: p.tp,
    currentLeaderEpoch: p.leaderEpoch,
    leaderEpoch: p.positionEpoch,
  })
}

function onOffsetForLeaderEpoch(w: World, m: MemberNode, msg: MessageOf<'OffsetForLeaderEpochResponse'>): void {
  const p = ownedPartition(m, msg.tp)
  if (!p || !p.validateInflight) return
  p.validateInflight = false
  if (msg.error !== 'NONE') {
    countError(m, msg.error)
    m.needMetadata = true
    return
  }
  if (!p.awaitValidation || p.position < 0) return
  p.awaitValidation = false
  const endOffset = msg.endOffset
  if (endOffset >= 0 && endOffset < p.position) {
    emit(w, { type: 'TruncationDetected', consumer: m.id, tp: p.tp, position: p.position, endOffset })
    setPosition(w, m, p, endOffset)
    p.positionEpoch = msg.epoch
  } else if (p.fetchedTo > p.position && !m.completed.includes(p.tp)) m.completed.push(p.tp)
}

/** The leader rejoins when a subscribed topic's partition count changed (assignmentSnapshot). */
function checkAssignmentSnapshot(m: MemberNode): void {
  if (!m.assignedCounts || m.state !== 'stable' || m.leaderId !== m.memberId) return
  for (const topic of m.groupTopics) {
    const n = m.topicLeaders[topic]?.length ?? 0
    if (n > 0 && n !== (m.assignedCounts[topic] ?? 0)) {
      requestRejoin(m, `cached metadata has changed: ${topic} has ${n} partitions`)
      return
    }
  }
}

/** The leader's connection failed lately: wait out the reconnect backoff (NetworkClient.isUnavailable). */
function unavailable(w: World, m: MemberNode, broker: number): boolean {
  const b = m.connBackoff[String(broker)]
  return !!b && w.nowMs < b.untilMs
}

function sendMemberFetches(w: World, m: MemberNode): void {
  const ready: MemberPartition[] = []
  for (const p of m.owned) {
    if (p.leader < 0 || p.pendingRevocation || unavailable(w, m, p.leader)) continue
    if (p.position < 0) {
      if (p.init === 'reset') listOffsets(w, m, p)
      continue
    }
    if (p.awaitValidation) {
      validatePosition(w, m, p)
      continue
    }
    if (p.fetchedTo > p.position || m.fetchInflight[p.leader]) continue
    ready.push(p)
  }
  sendFetches(w, m, ready)
}

function listOffsets(w: World, m: MemberNode, p: MemberPartition): void {
  if (p.listInflight) return
  p.listInflight = true
  p.listSentMs = w.nowMs
  sendListOffsets(w, m, p, m.cfg['auto.offset.reset'] === 'earliest' ? 'earliest' : 'latest')
}

function onFetchResponse(w: World, m: MemberNode, msg: MessageOf<'FetchResponse'>): void {
  const parts = takeFetchResponse(m, msg.from, msg.corr, msg.parts)
  if (!parts) return
  delete m.connBackoff[msg.from]
  for (const part of parts) {
    const p = ownedPartition(m, part.tp)
    if (!p || p.position < 0 || p.pendingRevocation) continue
    if (part.error === 'NONE') buffer(m, p, part.batches)
    else fetchError(m, p, part.error)
  }
  if (m.needMetadata) requestMemberMetadata(w, m)
}

/** Keep fetched records for poll(); a response that does not start at the position is stale. */
function buffer(m: MemberNode, p: MemberPartition, batches: Parameters<typeof fetchedRange>[1]): void {
  if (p.fetchedTo > p.position || batches.length === 0 || batches[0].baseOffset > p.position) return
  const range = fetchedRange(p.position, batches)
  if (!range) return
  p.bufferedEpochs = batches.filter((b) => b.baseOffset < range.to).map((b) => [b.baseOffset, b.partitionLeaderEpoch])
  p.fetchedTo = range.to
  m.completed.push(p.tp)
}

function fetchError(m: MemberNode, p: MemberPartition, error: string): void {
  countError(m, error)
  if (error === 'OFFSET_OUT_OF_RANGE') needReset(m, p, 'OffsetOutOfRangeException')
  else if (REFRESH_ERRORS.has(error)) m.needMetadata = true
}

function ownedPartition(m: MemberNode, tp: string): MemberPartition | undefined {
  return m.owned.find((p) => p.tp === tp)
}

// ---------------------------------------------------------------- housekeeping

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
