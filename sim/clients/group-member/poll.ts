/**
 * A group member's application thread, as KafkaConsumer.poll() drives it: the coordinator's work
 * first (ConsumerCoordinator.poll: coordinator, rebalance, auto-commit), then positions (committed
 * offsets, else auto.offset.reset), at most max.poll.records buffered records handed out in offset
 * order (FetchCollector.collectFetch), and fetches. Processing takes processingMsPerRecord per
 * record; with enable.auto.commit=false the application then commits synchronously (commitSync,
 * retried until default.api.timeout.ms). If processing outlasts max.poll.interval.ms the member
 * leaves the group and rejoins on its next poll (KIP-62).
 */
import { timer } from '../../kernel/node-io.ts'
import { emit } from '../../kafka/events.ts'
import type { World } from '../../nodes/world.ts'
import type { MemberNode } from '../group-consumer-types.ts'
import { appendPoll, readLogFor, takeRecords } from '../fetcher.ts'
import { ownedPartition } from './subscription.ts'
import { ensureCoordinator, retryLater, resetStateAndRejoin } from './coordinator.ts'
import { sendMemberFetches } from './fetch.ts'
import { commitOffsets, maybeAutoCommit, updatePositions } from './offsets.ts'
import { joinGroupIfNeeded, maybeLeaveGroup } from './rebalance.ts'
import { consumerProtocolPoll, leaveConsumerGroup } from './consumer-heartbeat.ts'

/** default.api.timeout.ms: how long commitSync retries. */
const DEFAULT_API_TIMEOUT_MS = 60000

/** Processing time of a poll's records (processingMsPerRecord, whole milliseconds). */
export function processingMs(records: number, msPerRecord: number): number {
  return Math.ceil(records * msPerRecord)
}

/** The application calls poll() (again): a new poll sequence starts. */
export function startPoll(w: World, m: MemberNode): void {
  m.app = 'polling'
  m.pollSeq++
  pollLoop(w, m)
}

/** The application is blocked in poll(): let it see what changed. */
export function pollAgain(w: World, m: MemberNode): void {
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

function coordinatorPoll(w: World, m: MemberNode): void {
  if (m.state === 'fenced' || m.state === 'closed') {
    m.app = 'stopped'
    return
  }
  if (m.groupProtocol === 'consumer') {
    ensureCoordinator(w, m)
    return consumerProtocolPoll(w, m)
  }
  if (!ensureCoordinator(w, m)) return
  if (m.rejoinNeeded || m.state !== 'stable') return joinGroupIfNeeded(w, m)
  maybeAutoCommit(w, m)
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

/** The application processed its records: commitSync first (enable.auto.commit=false), then poll. */
export function onProcessed(w: World, m: MemberNode): void {
  m.backlog = 0
  if (m.cfg['enable.auto.commit']) return startPoll(w, m)
  m.app = 'committing'
  m.syncCommitDeadline = w.nowMs + DEFAULT_API_TIMEOUT_MS
  armPollTimeoutIfNeeded(w, m, m.syncCommitDeadline)
  manualCommit(w, m)
}

/** commitSync() after processing (enable.auto.commit=false): retried until default.api.timeout.ms. */
export function manualCommit(w: World, m: MemberNode): void {
  if (m.app !== 'committing' || m.commits.some((c) => c.kind === 'manual')) return
  const r = commitOffsets(w, m, 'manual')
  if (r === 'sent') return
  if (r === 'retry' && w.nowMs < m.syncCommitDeadline) return retryLater(w, m)
  startPoll(w, m)
}

/** The commitSync ended: retry a retriable failure until its deadline, else poll again. */
export function manualCommitDone(w: World, m: MemberNode, retriable: boolean): void {
  if (m.app !== 'committing') return
  if (retriable && w.nowMs < m.syncCommitDeadline) return retryLater(w, m)
  startPoll(w, m)
}

/**
 * The heartbeat thread saw the poll timer expire (KIP-62): the member leaves the group; it rejoins
 * when the application next calls poll().
 */
export function onPollTimeout(w: World, m: MemberNode): void {
  if (m.state === 'fenced' || m.state === 'closed' || m.closing) return
  emit(w, { type: 'ConsumerPollTimeout', member: m.id, groupId: m.groupId, maxPollIntervalMs: m.cfg['max.poll.interval.ms'] })
  if (m.groupProtocol === 'consumer') return leaveConsumerGroup(w, m, true)
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
    // max.poll.records counts records: over compaction's gaps the position moves further
    const take = takeRecords(p.bufferedRuns, p.position, p.fetchedTo, left)
    appendPoll(w, (p.readLog ??= readLogFor(w, m.id, p.tp)), p.position, take.next)
    p.position = take.next
    const epochs = p.bufferedEpochs
    for (let j = 0; j < epochs.length; j += 2) if (epochs[j] < p.position && epochs[j + 1] > p.positionEpoch) p.positionEpoch = epochs[j + 1]
    left -= take.records
    n += take.records
    if (p.fetchedTo <= p.position) m.completed.shift()
  }
  m.polled += n
  return n
}
