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
 * - ELR (KIP-966, on by default since Kafka 4.1: eligible.leader.replicas.version=1): while the
 *   target ISR is under min.insync.replicas, replicas that leave it join the ELR (those presumed to
 *   hold every acknowledged record); at or above it, the ELR is cleared; a replica that shut down
 *   uncleanly is dropped from it; the ISR may become empty;
 * - the leader stays while it is valid (in the target ISR, or in the ELR when that is empty, and
 *   acceptable); else the first valid replica of the target replicas leads (one from the ELR makes
 *   the ISR itself and leaves the ELR); else the last known leader, when the ISR and the ELR are
 *   both empty and it is acceptable; else, where unclean election is allowed, the first acceptable
 *   replica; both of the last two are unclean: the ISR is just the new leader and the ELR is
 *   cleared; else no leader (-1);
 * - without ELR the ISR is never emptied: a last member stays while the leader is -1;
 * - LastKnownElr holds the last leader from the change that leaves the partition leaderless until
 *   one that gives it a leader (Kafka 4.3 keeps only the last known leader there);
 * - the leader epoch goes up when the leader changes or when the replicas lose a member; the
 *   partition epoch goes up with every change.
 * Simplified: no directories, no leader recovery state (an unclean leader is not marked
 * RECOVERING), and a change of min.insync.replicas does not recompute the ELR by itself.
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

/**
 * Who may lead: an acceptable broker (registered, unfenced, not shutting down), whether an unclean
 * election is allowed; whether ELR is on (eligible.leader.replicas.version ≥ 1), the topic's
 * effective min.insync.replicas (at most its replication factor), and the broker that shut down
 * uncleanly, if this change is for one (setUncleanShutdownReplicas; -1: none).
 */
export interface ElectionRules {
  acceptable: (broker: number) => boolean
  uncleanAllowed: () => boolean
  elrEnabled: boolean
  minIsr: number
  uncleanShutdown: number
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

/**
 * PartitionReassignmentRevert: the partition as it was before the move: the adding replicas leave
 * the replicas and the ISR (the removing ones stay); an ISR that would be empty takes the first
 * remaining replica, which is an unclean election.
 */
export function revertTarget(p: PartitionState): { target: ChangeTarget; unclean: boolean } {
  const replicas = p.replicas.filter((b) => !p.addingReplicas.includes(b))
  const isr = p.isr.filter((b) => !p.addingReplicas.includes(b))
  const unclean = isr.length === 0
  return { target: { isr: unclean ? replicas.slice(0, 1) : isr, replicas, adding: [], removing: [] }, unclean }
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

/** How the leader of a change was chosen (PartitionChangeBuilder.tryElection's cases). */
export type ElectedVia = 'isr' | 'elr' | 'lastKnownLeader' | 'unclean'

/** PartitionChangeBuilder.electAnyLeader (Election.ONLINE, or UNCLEAN when allowed). */
function electLeader(p: PartitionState, replicas: readonly number[], isr: readonly number[], elr: readonly number[], rules: ElectionRules): { leader: number; via: ElectedVia } {
  // isValidNewLeader: in the target ISR, or in the ELR when the target ISR is empty; and acceptable
  const valid = (r: number) => r >= 0 && (isr.includes(r) || (isr.length === 0 && elr.includes(r))) && rules.acceptable(r)
  const via = (r: number): ElectedVia => (isr.includes(r) ? 'isr' : 'elr')
  if (valid(p.leader)) return { leader: p.leader, via: via(p.leader) }
  const online = replicas.find(valid)
  if (online !== undefined) return { leader: online, via: via(online) }
  // canElectLastKnownLeader (with KAFKA-19522: only an acceptable one)
  const last = p.lastKnownElr
  if (rules.elrEnabled && isr.length === 0 && elr.length === 0 && last.length === 1 && rules.acceptable(last[0])) return { leader: last[0], via: 'lastKnownLeader' }
  if (rules.uncleanAllowed()) {
    const unclean = replicas.find((r) => rules.acceptable(r))
    if (unclean !== undefined) return { leader: unclean, via: 'unclean' }
  }
  return { leader: -1, via: 'isr' }
}

/**
 * maybePopulateTargetElr: under min.insync.replicas, the replicas that leave the ISR join the ELR
 * ((ELR ∪ current ISR) − target ISR − a replica that shut down uncleanly, ascending as Java's
 * HashSet of small integers iterates); at or above it, the ELR is cleared.
 */
function targetElr(p: PartitionState, isr: readonly number[], rules: ElectionRules): readonly number[] {
  if (!rules.elrEnabled) return p.elr
  if (isr.length >= rules.minIsr) return []
  const candidates = new Set([...p.elr, ...p.isr])
  return [...candidates].filter((b) => !isr.includes(b) && b !== rules.uncleanShutdown).sort((a, b) => a - b)
}

/** The change record for `p` towards `target`, or null when nothing would change; `completed`: it finishes a reassignment. */
export function buildPartitionChange(p: PartitionState, target: ChangeTarget, rules: ElectionRules, reason: string): { record: PartitionChangeRecord; completed: boolean; via: ElectedVia } | null {
  const done = maybeCompleteReassignment(target)
  const t = done ?? target
  let isr: readonly number[] = t.isr
  let elr = targetElr(p, isr, rules)
  const { leader, via } = electLeader(p, t.replicas, isr, elr, rules)
  // tryElection: a leader from the ELR makes the ISR itself; an unclean one (the last known leader
  // counts as one) forces the ISR to itself and clears the ELR (maybeUpdateRecordElr)
  const unclean = leader !== p.leader && (via === 'unclean' || via === 'lastKnownLeader')
  if (leader !== p.leader && via === 'elr') {
    isr = [leader]
    elr = elr.filter((b) => b !== leader)
  }
  if (unclean) isr = [leader]
  if (unclean || !rules.elrEnabled) elr = []
  // only with ELR may the ISR become empty: without it the last member stays (build)
  if (isr.length === 0 && !rules.elrEnabled) isr = p.isr.slice()
  const lastKnownElr = lastKnownLeader(p, leader, rules)
  const leaderChanged = leader !== p.leader
  const replicasChanged = !sameList(t.replicas, p.replicas)
  const addingChanged = !sameList(t.adding, p.addingReplicas)
  const removingChanged = !sameList(t.removing, p.removingReplicas)
  const elrChanged = !sameList(elr, p.elr)
  const lastKnownChanged = !sameList(lastKnownElr, p.lastKnownElr)
  if (!leaderChanged && sameSet(isr, p.isr) && !replicasChanged && !addingChanged && !removingChanged && !elrChanged && !lastKnownChanged) return null
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
    reason: unclean ? (via === 'lastKnownLeader' ? 'lastKnownLeader' : 'unclean') : leaderChanged && via === 'elr' ? 'elr' : done ? 'reassignment' : reason,
    unclean,
  }
  if (replicasChanged) record.replicas = t.replicas.slice()
  if (addingChanged) record.addingReplicas = t.adding.slice()
  if (removingChanged) record.removingReplicas = t.removing.slice()
  if (elrChanged) record.elr = elr.slice()
  if (lastKnownChanged) record.lastKnownElr = lastKnownElr.slice()
  return { record, completed: done !== null, via }
}

/**
 * maybeUpdateLastKnownLeader (Kafka 4.3, with useLastKnownLeaderInBalancedRecovery): the first time the
 * partition loses its leader, LastKnownElr becomes [that leader]; once it has a leader again, it is cleared.
 */
function lastKnownLeader(p: PartitionState, leader: number, rules: ElectionRules): readonly number[] {
  if (!rules.elrEnabled) return p.lastKnownElr
  if (leader === -1 && p.leader !== -1 && p.lastKnownElr.length === 0) return [p.leader]
  if (leader >= 0 && p.lastKnownElr.length > 0) return []
  return p.lastKnownElr
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
