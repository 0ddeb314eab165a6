/**
 * How a KIP-848 member moves towards the group's target assignment: revoke first, then assign.
 *
 * Follows group-coordinator/.../modern/consumer/CurrentAssignmentBuilder.java and
 * modern/MemberState.java (apache/kafka 4.0). Per topic, with `assigned` the member's partitions so
 * far and `target` its share of the target assignment:
 * - keep = assigned ∩ target; pending revocation = assigned − keep; pending assignment = target −
 *   keep − partitions still owned by another member (their partition epoch is not -1: "unreleased");
 * - with something to revoke that the member still reports owning: UNREVOKED_PARTITIONS, the
 *   member stays at its epoch and is told to keep only `keep`;
 * - otherwise the member moves to the target epoch with keep ∪ pending assignment, STABLE, or
 *   UNRELEASED_PARTITIONS while some of its partitions are still held by others.
 * In UNREVOKED_PARTITIONS it waits until its heartbeat no longer reports any partition pending
 * revocation, then goes on at its epoch + 1; in UNRELEASED_PARTITIONS it picks up partitions as
 * their previous owners release them.
 * Not modelled: the UNKNOWN state (only reached after a coordinator downgrade).
 *
 * Invariants: a partition is added to a member's assignment only when no other member holds it
 * (its partition epoch is -1), so no partition is ever owned by two members at once; pure (the
 * member is not changed; a new one is returned, or the same one when nothing changes); partition
 * lists ascending, topics in ascending id order.
 */
import type { TopicId } from './assignment-spec.ts'

export type MemberState = 'STABLE' | 'UNREVOKED_PARTITIONS' | 'UNRELEASED_PARTITIONS'

/** topic id -> partitions, ascending (plain data: world state) */
export type TopicPartitions = Record<TopicId, number[]>

/** The reconciliation part of ConsumerGroupMember. */
export interface MemberReconciliation {
  state: MemberState
  memberEpoch: number
  previousMemberEpoch: number
  assignedPartitions: TopicPartitions
  partitionsPendingRevocation: TopicPartitions
}

export interface ReconcileInput {
  targetEpoch: number
  /** the member's share of the target assignment */
  target: TopicPartitions
  /** the epoch of the member that holds a partition, or -1 when none does */
  partitionEpoch: (topicId: TopicId, partition: number) => number
  /** what the heartbeat says the member owns; null when the heartbeat did not say */
  owned: TopicPartitions | null
}

/** CurrentAssignmentBuilder.build */
export function reconcile<M extends MemberReconciliation>(member: M, input: ReconcileInput): M {
  switch (member.state) {
    case 'STABLE':
      return member.memberEpoch !== input.targetEpoch ? computeNext(member, member.memberEpoch, input) : member
    case 'UNREVOKED_PARTITIONS':
      if (ownsAny(input.owned, member.partitionsPendingRevocation)) return member
      return computeNext(member, member.memberEpoch + 1, input)
    case 'UNRELEASED_PARTITIONS':
      return computeNext(member, member.memberEpoch, input)
  }
}

/** Does the heartbeat report owning any of `revoked`? Not saying counts as still owning them. */
function ownsAny(owned: TopicPartitions | null, revoked: TopicPartitions): boolean {
  if (owned === null) return true
  for (const id of Object.keys(owned)) {
    const pending = revoked[id]
    if (pending !== undefined && owned[id].some((p) => pending.includes(p))) return true
  }
  return false
}

/** CurrentAssignmentBuilder.computeNextAssignment */
function computeNext<M extends MemberReconciliation>(member: M, memberEpoch: number, input: ReconcileInput): M {
  const assigned: TopicPartitions = {}
  const revoking: TopicPartitions = {}
  const adding: TopicPartitions = {}
  let unreleased = false
  for (const id of topicIds(input.target, member.assignedPartitions)) {
    const target = input.target[id] ?? []
    const current = member.assignedPartitions[id] ?? []
    const keep = current.filter((p) => target.includes(p))
    const revoke = current.filter((p) => !keep.includes(p))
    const add = target.filter((p) => !keep.includes(p) && input.partitionEpoch(id, p) === -1)
    if (add.length + keep.length < target.length) unreleased = true
    if (keep.length > 0) assigned[id] = keep
    if (revoke.length > 0) revoking[id] = revoke
    if (add.length > 0) adding[id] = add
  }
  if (Object.keys(revoking).length > 0 && ownsAny(input.owned, revoking)) {
    return moved(member, 'UNREVOKED_PARTITIONS', memberEpoch, assigned, revoking)
  }
  for (const id of Object.keys(adding)) assigned[id] = union(assigned[id] ?? [], adding[id])
  const state = unreleased ? 'UNRELEASED_PARTITIONS' : 'STABLE'
  return moved(member, state, input.targetEpoch, sortedKeys(assigned), {})
}

/** ConsumerGroupMember.Builder: a copy with the new state; updateMemberEpoch keeps the old epoch as the previous one. */
function moved<M extends MemberReconciliation>(member: M, state: MemberState, epoch: number, assigned: TopicPartitions, revoking: TopicPartitions): M {
  return { ...member, state, previousMemberEpoch: member.memberEpoch, memberEpoch: epoch, assignedPartitions: assigned, partitionsPendingRevocation: revoking }
}

function topicIds(a: TopicPartitions, b: TopicPartitions): TopicId[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y)
}

function sortedKeys(tp: TopicPartitions): TopicPartitions {
  const out: TopicPartitions = {}
  for (const id of Object.keys(tp).sort()) out[id] = tp[id]
  return out
}
