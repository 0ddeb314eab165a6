/**
 * A KIP-848 member's reconciliation (AbstractMembershipManager.maybeReconcile and revokeAndAssign,
 * ConsumerMembershipManager.signalReconciliationStarted, apache/kafka 4.0): the partitions to give up
 * stop fetching; with enable.auto.commit the consumed offsets are committed first (retried within
 * the rebalance timeout, max.poll.interval.ms); then they are revoked, the new ones added, and the
 * member acknowledges (ACKNOWLEDGING: its next heartbeat goes at once, with its owned partitions).
 * Partitions it keeps are consumed throughout.
 *
 * Invariants: a partition is added only when the coordinator assigned it; every reconciliation is
 * recorded in history.groups with the member epoch as its generation.
 */
import { emit } from '../../kafka/events.ts'
import type { World } from '../../nodes/world.ts'
import { recordAssigned } from '../../history/group-history.ts'
import type { MemberNode } from '../group-consumer-types.ts'
import { addPartition, compareTps, markPendingRevocation, revoke } from './subscription.ts'
import { armHeartbeat } from './coordinator.ts'
import { commitOffsets } from './offsets.ts'

/**
 * AbstractMembershipManager.maybeReconcile: the partitions to give up stop fetching, the consumed
 * offsets are committed (enable.auto.commit), then revokeAndAssign.
 */
export function maybeReconcile(w: World, m: MemberNode): void {
  if (m.cgState !== 'RECONCILING' || m.reconciling || m.targetAssignment === null) return
  const target = m.targetAssignment
  const owned = m.owned.map((p) => p.tp)
  if (sameList(owned, target)) {
    m.cgState = 'ACKNOWLEDGING'
    return
  }
  m.reconciling = true
  m.reconcileTarget = target.slice()
  const keep = new Set(target)
  for (const p of m.owned) if (!keep.has(p.tp)) markPendingRevocation(m, p)
  m.reconcileDeadline = w.nowMs + m.cfg['max.poll.interval.ms']
  if (!m.cfg['enable.auto.commit'] || commitOffsets(w, m, 'reconcile') !== 'sent') revokeAndAssign(w, m)
}

/** The commit before revocation ended: retry a retriable failure within the rebalance timeout, else go on. */
export function reconcileCommitDone(w: World, m: MemberNode, retriable: boolean): void {
  if (!m.reconciling) return
  if (retriable && w.nowMs < m.reconcileDeadline && commitOffsets(w, m, 'reconcile') === 'sent') return
  revokeAndAssign(w, m)
}

/** revokeAndAssign: onPartitionsRevoked, then onPartitionsAssigned, then ACKNOWLEDGING. */
function revokeAndAssign(w: World, m: MemberNode): void {
  m.reconciling = false
  if (m.cgState !== 'RECONCILING') return
  const target = m.reconcileTarget
  const keep = new Set(target)
  const owned = new Set(m.owned.map((p) => p.tp))
  const revoked = [...owned].filter((tp) => !keep.has(tp)).sort(compareTps)
  const added = target.filter((tp) => !owned.has(tp))
  revoke(w, m, revoked, false)
  for (const tp of added) addPartition(m, tp)
  for (const p of m.owned) if (keep.has(p.tp)) p.pendingRevocation = false
  m.owned.sort((a, b) => compareTps(a.tp, b.tp))
  m.rebalances++
  m.lastAssignment = target.slice()
  m.lastAssignmentGeneration = m.memberEpoch
  recordAssigned(w, { groupId: m.groupId, protocol: 'consumer', member: m.id, memberId: m.memberId, generation: m.memberEpoch, tps: target.slice(), added })
  emit(w, { type: 'MemberReconciled', member: m.id, groupId: m.groupId, memberEpoch: m.memberEpoch, partitions: target.slice(), revoked, added })
  m.cgState = 'ACKNOWLEDGING'
  armHeartbeat(w, m, 0)
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
