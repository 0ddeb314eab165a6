/**
 * A partition's next state, as the controller builds it: one PartitionChange record, or none when
 * nothing changes.
 *
 * Follows metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java (build:
 * completeReassignmentIfNeeded, then the election, then the leader-epoch bump for a reassignment)
 * and PartitionReassignmentReplicas.java (apache/kafka 4.x):
 * - a reassignment to target replicas T from current replicas C sets removing = C − T and
 *   adding = T − C (each sorted) and replicas = T followed by removing;
 * - on every change, a reassignment in progress completes once the target ISR without the removing
 *   replicas is not empty and holds every remaining replica: replicas and ISR drop the removing
 *   ones, and adding and removing are cleared;
 * - the leader stays while it is in the target ISR and acceptable; else the first acceptable
 *   replica of the target replicas that is in the target ISR leads; else, where unclean election is
 *   allowed, the first acceptable replica, with the ISR just itself; else no leader (-1);
 * - the leader epoch goes up when the leader changes or when the replicas lose a member; the
 *   partition epoch goes up with every change.
 * Simplified: no ELR yet (the ISR is never emptied: a last member stays, PartitionChangeBuilder
 * without ELR), no directories, no leader recovery state.
 *
 * Invariants: a record names replicas, adding and removing only when they change; the leader of a
 * record is -1 or one of its replicas; adding and removing are both empty or describe a move.
 */
import type { MetaRecord, PartitionState } from './metadata.ts'

/** What a change aims at (PartitionChangeBuilder's targetIsr, targetReplicas, targetAdding, targetRemoving). */
export interface ChangeTarget {
  isr: readonly number[]
  replicas: readonly number[]
  adding: readonly number[]
  removing: readonly number[]
}

/** Who may lead: an acceptable broker (registered, unfenced, not shutting down), and whether an unclean election is allowed. */
export interface ElectionRules {
  acceptable: (broker: number) => boolean
  uncleanAllowed: () => boolean
}

export type PartitionChangeRecord = Extract<MetaRecord, { type: 'PartitionChange' }>

/** The partition as it is, with another target ISR. */
export function targetOf(p: PartitionState, isr: readonly number[] = p.isr): ChangeTarget {
  return { isr, replicas: p.replicas, adding: p.addingReplicas, removing: p.removingReplicas }
}

/** PartitionReassignmentReplicas(current, target): the move from the partition's replicas to `target`. */
export function reassignmentTarget(p: PartitionState, target: readonly number[]): ChangeTarget {
  const removing = p.replicas.filter((b) => !target.includes(b)).sort((a, b) => a - b)
  const adding = target.filter((b) => !p.replicas.includes(b)).sort((a, b) => a - b)
  return { isr: p.isr, replicas: [...target, ...removing], adding, removing }
}

/** PartitionReassignmentReplicas.isReassignmentInProgress: the partition is adding or removing replicas. */
export function isReassigning(p: { addingReplicas: readonly number[]; removingReplicas: readonly number[] }): boolean {
  return p.addingReplicas.length > 0 || p.removingReplicas.length > 0
}

/** PartitionReassignmentReplicas.maybeCompleteReassignment: the finished move, or null while it is not done (or none is in progress). */
export function maybeCompleteReassignment(t: ChangeTarget): ChangeTarget | null {
  if (t.adding.length === 0 && t.removing.length === 0) return null
  const isr = t.isr.filter((b) => !t.removing.includes(b))
  const replicas = t.replicas.filter((b) => !t.removing.includes(b))
  if (isr.length === 0 || replicas.length === 0) return null
  if (!replicas.every((b) => isr.includes(b))) return null
  return { isr, replicas, adding: [], removing: [] }
}

/** The change record for `p` towards `target`, or null when nothing would change; `completed`: it finishes a reassignment. */
export function buildPartitionChange(p: PartitionState, target: ChangeTarget, rules: ElectionRules, reason: string): { record: PartitionChangeRecord; completed: boolean } | null {
  const done = maybeCompleteReassignment(target)
  const t = done ?? target
  let leader = p.leader
  let isr: readonly number[] = t.isr
  let unclean = false
  if (leader === -1 || !rules.acceptable(leader) || !isr.includes(leader) || !t.replicas.includes(leader)) {
    leader = t.replicas.find((r) => isr.includes(r) && rules.acceptable(r)) ?? -1
    if (leader === -1 && rules.uncleanAllowed()) {
      leader = t.replicas.find((r) => rules.acceptable(r)) ?? -1
      if (leader !== -1) {
        isr = [leader]
        unclean = true
      }
    }
  }
  // Without ELR the ISR is never emptied: the last member stays (PartitionChangeBuilder.build).
  if (isr.length === 0) isr = p.isr.slice()
  const leaderChanged = leader !== p.leader
  const replicasChanged = !sameList(t.replicas, p.replicas)
  const addingChanged = !sameList(t.adding, p.addingReplicas)
  const removingChanged = !sameList(t.removing, p.removingReplicas)
  if (!leaderChanged && sameSet(isr, p.isr) && !replicasChanged && !addingChanged && !removingChanged) return null
  // triggerLeaderEpochBumpForReplicaReassignmentIfNeeded: replicas that leave bump the leader epoch
  const bump = leaderChanged || !p.replicas.every((b) => t.replicas.includes(b))
  const record: PartitionChangeRecord = {
    type: 'PartitionChange',
    topic: p.topic,
    partition: p.partition,
    leader,
    isr: orderedIsr(isr, p.isr),
    leaderEpoch: bump ? p.leaderEpoch + 1 : p.leaderEpoch,
    partitionEpoch: p.partitionEpoch + 1,
    reason: unclean ? 'unclean' : done ? 'reassignment' : reason,
    unclean,
  }
  if (replicasChanged) record.replicas = t.replicas.slice()
  if (addingChanged) record.addingReplicas = t.adding.slice()
  if (removingChanged) record.removingReplicas = t.removing.slice()
  return { record, completed: done !== null }
}

/**
 * The ISR in the order Kafka stores it: PartitionChangeBuilder writes the target ISR as given —
 * the current members in their stored order (a shrink removes, keeping the order) and new members
 * appended (the leader's AlterPartition adds a follower at the end). Not sorted.
 */
export function orderedIsr(isr: readonly number[], current: readonly number[]): number[] {
  return [...current.filter((b) => isr.includes(b)), ...isr.filter((b) => !current.includes(b))]
}

export function sameSet(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (const x of a) if (!b.includes(x)) return false
  return true
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
