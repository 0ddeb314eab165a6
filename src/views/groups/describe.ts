// What `kafka-consumer-groups --describe --group <g>` shows for a group right now (TOPIC PARTITION
// CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID, with LOG-END-OFFSET the high watermark as in Kafka),
// plus what the members themselves are doing with each partition during a rebalance: reading it,
// revoking it (EAGER commits before giving everything up), or paused because nobody owns it while
// the group rebalances (EAGER: every partition; COOPERATIVE: only the ones that move).
// Reads the published view only: the group card's rows (offsets and LAG from sim's observe/lag.ts).

import type { GroupCard, GroupPartitionRow, MemberView } from '../../../sim/index.ts'

/** How a partition stands for the group's members. */
export type PartitionStatus = 'reading' | 'revoking' | 'paused' | 'ownerDown' | 'unowned'

/** A row of the published group card (CURRENT-OFFSET, LOG-END-OFFSET, LAG, the assigned member) and what the members do with it. */
export interface DescribeRow extends GroupPartitionRow {
  /** the live member process that owns it now, null when none */
  owner: string | null
  status: PartitionStatus
}

/** Classic groups rebalance in PreparingRebalance and CompletingRebalance, KIP-848 groups in Assigning and Reconciling. */
export const REBALANCING = new Set(['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling'])

export function isRebalancing(state: string): boolean {
  return REBALANCING.has(state)
}

/** One row per partition of the group's topics, in Kafka's partition order, from the published view. */
export function describeGroup(card: GroupCard): DescribeRow[] {
  return card.partitions.map((row) => {
    const owner = card.members.find((m) => m.assignment.includes(row.tp)) ?? null
    return { ...row, owner: owner?.clientId ?? null, status: statusOf(card, owner, row.clientId, row.tp) }
  })
}

function statusOf(card: GroupCard, owner: MemberView | null, assignedTo: string | null, tp: string): PartitionStatus {
  if (owner) return owner.revoking.includes(tp) ? 'revoking' : 'reading'
  if (isRebalancing(card.state)) return 'paused'
  if (assignedTo !== null && card.downMembers.includes(assignedTo)) return 'ownerDown'
  return 'unowned'
}

/**
 * KIP-848: the partitions the coordinator's target gives a member that it does not own yet (they
 * wait for their previous owner to revoke them); none for classic groups.
 */
export function yetToTake(card: GroupCard, member: MemberView): string[] {
  const target = card.consumer?.members[member.clientId]?.target ?? []
  return target.filter((tp) => !member.assignment.includes(tp))
}

/** Kafka's member id is long (client id + UUID): "billing-1-3f2a…" keeps the client id readable. */
export function shortMemberId(memberId: string, clientId: string | null): string {
  if (clientId && memberId.startsWith(`${clientId}-`) && memberId.length > clientId.length + 4) {
    return `${memberId.slice(0, clientId.length + 4)}…`
  }
  return memberId.length > 16 ? `${memberId.slice(0, 15)}…` : memberId
}

/** Partitions no member is reading right now (paused or revoked by a rebalance, owner down, unassigned). */
export function stoppedPartitions(rows: readonly DescribeRow[]): string[] {
  return rows.filter((r) => r.status !== 'reading').map((r) => r.tp)
}
