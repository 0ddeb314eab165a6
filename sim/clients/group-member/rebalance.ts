/**
 * Entering and leaving a classic group, as ConsumerCoordinator and AbstractCoordinator do it: the
 * rebalance protocol the assignors allow (EAGER unless every one supports COOPERATIVE, KIP-429);
 * joinGroupIfNeeded with onJoinPrepare (with enable.auto.commit, commit first and wait, up to the
 * rebalance timeout; then revoke: EAGER everything, COOPERATIVE nothing, everything lost without a
 * generation); the JoinGroup request with each assignor's subscription; and LeaveGroup
 * (maybeLeaveGroup: dynamic members only, KIP-345). The answers are handled in membership.ts.
 */
import type { World } from '../../nodes/world.ts'
import type { Assignor } from '../../kafka/config.ts'
import type { Subscription } from '../../kafka/messages.ts'
import type { MemberNode, RebalanceProtocol } from '../group-consumer-types.ts'
import { markPendingRevocation, revoke } from './subscription.ts'
import { sendToCoordinator, retryLater } from './coordinator.ts'
import { commitOffsets } from './offsets.ts'

/** AbstractCoordinator.JOIN_GROUP_TIMEOUT_LAPSE: a JoinGroup may wait the rebalance timeout. */
const JOIN_GROUP_TIMEOUT_LAPSE_MS = 5000

/** ConsumerPartitionAssignor.supportedProtocols: only cooperative-sticky supports COOPERATIVE. */
export function supportsCooperative(a: Assignor): boolean {
  return a === 'cooperative-sticky'
}

/** ConsumerCoordinator: the highest protocol every configured assignor supports. */
export function effectiveProtocol(assignors: readonly Assignor[]): RebalanceProtocol {
  return assignors.length > 0 && assignors.every(supportsCooperative) ? 'COOPERATIVE' : 'EAGER'
}

/** onJoinPrepare: which owned partitions go before a JoinGroup. */
export function partitionsToRevokeBeforeJoin(protocol: RebalanceProtocol, owned: readonly string[], generationReset: boolean): { tps: string[]; lost: boolean } {
  if (generationReset) return { tps: owned.slice(), lost: true }
  return { tps: protocol === 'EAGER' ? owned.slice() : [], lost: false }
}

/** AbstractCoordinator.joinGroupIfNeeded, from poll(): onJoinPrepare once, then JoinGroup. */
export function joinGroupIfNeeded(w: World, m: MemberNode): void {
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

/** The metadata each assignor gets (StickyAssignor: its previous assignment as user data). */
function subscriptionFor(m: MemberNode, assignor: Assignor): Subscription {
  if (assignor === 'sticky') return { topics: m.spec.topics.slice(), ownedPartitions: m.lastAssignment.slice(), generation: m.lastAssignmentGeneration }
  return { topics: m.spec.topics.slice(), ownedPartitions: m.owned.map((p) => p.tp), generation: m.generation }
}

/** JoinGroup with every assignor's subscription; it may wait up to the rebalance timeout. */
export function sendJoinGroup(w: World, m: MemberNode): void {
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

/** AbstractCoordinator.maybeLeaveGroup: LeaveGroup only from a dynamic member in a group. */
export function maybeLeaveGroup(w: World, m: MemberNode, reason: string): void {
  if (m.groupInstanceId !== null || m.coordinator < 0 || m.state === 'unjoined' || m.memberId === '') return
  sendToCoordinator(w, m, { api: 'LeaveGroup', groupId: m.groupId, memberId: m.memberId, groupInstanceId: null, reason }, m.cfg['request.timeout.ms'])
}
