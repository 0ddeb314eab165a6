/**
 * What becomes of a group member's offset requests, as ConsumerCoordinator's
 * OffsetCommitResponseHandler and OffsetFetchResponseHandler decide: an acknowledged commit is
 * recorded in history.groups; a failed one acts on the membership, then resumes whoever waited for
 * it (the auto-commit timer, onJoinPrepare, the application's commitSync, close()); committed
 * offsets become positions, partitions without one go to auto.offset.reset.
 * AbstractCoordinator.markCoordinatorUnknown lives here because losing the coordinator fails every
 * request in flight to it, the commits included, there and then.
 */
import { reconcileCommitDone } from './consumer-reconcile.ts'
import { emit } from '../../kafka/events.ts'
import type { World } from '../../nodes/world.ts'
import type { MessageOf } from '../../kafka/messages.ts'
import { recordCommitted } from '../../history/group-history.ts'
import type { CommitInflight, MemberNode, MemberPartition } from '../group-consumer-types.ts'
import { countError } from '../fetcher.ts'
import { ownedPartition, setPosition, needReset } from './subscription.ts'
import { COORDINATOR_GONE, retryLater, requestRejoin, resetStateAndRejoin, fatal } from './coordinator.ts'
import { armAutoCommit } from './offsets.ts'
import { manualCommitDone } from './poll.ts'
import { closeStep } from './close.ts'

/** Commit errors worth retrying (RetriableException). */
const RETRIABLE_COMMIT = new Set([...COORDINATOR_GONE, 'COORDINATOR_LOAD_IN_PROGRESS'])

/**
 * AbstractCoordinator.markCoordinatorUnknown: the connection is closed, so every request in flight
 * to the coordinator fails; the member keeps its generation and partitions and looks again.
 */
export function markCoordinatorUnknown(w: World, m: MemberNode, error: string): void {
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
  // KIP-848 (AbstractHeartbeatRequestManager.onFailure): the next heartbeat carries every field again
  m.sentSubscription = false
  m.sentOwned = null
  if (m.offsetFetch) {
    for (const p of m.owned) if (p.init === 'fetchingCommitted') p.init = 'committed'
    m.offsetFetch = null
  }
  const failed = m.commits
  m.commits = []
  for (const c of failed) commitFailed(w, m, c, error)
  retryLater(w, m)
}

/** An OffsetCommit answered: record what was committed, or fail the commit. */
export function onOffsetCommitResponse(w: World, m: MemberNode, msg: MessageOf<'OffsetCommitResponse'>): void {
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
  // KIP-848: the heartbeat, not a commit, tells the member what became of its membership
  else if (m.groupProtocol === 'classic') {
    if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') {
      if (sameGeneration) resetStateAndRejoin(w, m, `encountered ${error} from OffsetCommit response`, error === 'UNKNOWN_MEMBER_ID')
    } else if (error === 'REBALANCE_IN_PROGRESS') requestRejoin(m, 'offset commit failed since group is already rebalancing')
    else if (error === 'FENCED_INSTANCE_ID') return fatal(w, m, error)
  }
  commitDone(w, m, c, RETRIABLE_COMMIT.has(error))
}

/** The commit ended: resume whoever waited for it (auto-commit timer, onJoinPrepare, commitSync, close()). */
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
    case 'reconcile':
      return reconcileCommitDone(w, m, retriable)
    case 'close':
      m.closeCommitPending = retriable
      if (retriable) retryLater(w, m)
      else closeStep(w, m)
  }
}

/** OffsetFetch answered: committed offsets become positions, else auto.offset.reset. */
export function onOffsetFetchResponse(w: World, m: MemberNode, msg: MessageOf<'OffsetFetchResponse'>): void {
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
