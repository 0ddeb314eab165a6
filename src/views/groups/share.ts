// A share group (KIP-932) as the groups panel and the cluster map read its published card: how a
// member stands (working, crashed yet still counted by the coordinator until
// group.share.session.timeout.ms, closed), which live members share each partition (a share group
// may have more members than partitions: the partition leader hands each record to one member at a
// time), what each member holds in flight (ACQUIRED records, by partition), and how many records a
// share partition's window [SPSO, SPEO] spans. Reads the published view only.

import { compareTp, type ShareGroupCard, type ShareMemberHolding, type SharePartitionRow } from '../../../sim/index.ts'

/** up: its process runs; down: crashed (its locks run out after the lock duration); closed: it left the group. */
export type ShareMemberStatus = 'up' | 'down' | 'closed'

export function shareMemberStatus(m: ShareMemberHolding): ShareMemberStatus {
  if (m.state === 'CLOSED' || m.state === 'FATAL') return 'closed'
  return m.up ? 'up' : 'down'
}

/** Partition → the live members it is assigned to (in the card's member order): several members share one. */
export function sharedBy(card: ShareGroupCard): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const row of card.partitions) out[row.tp] = []
  for (const m of card.members) {
    if (shareMemberStatus(m) !== 'up') continue
    for (const tp of m.assignment) (out[tp] ??= []).push(m.clientId)
  }
  return out
}

/** A member's ACQUIRED records by partition, in partition order (partitions with none left out). */
export function inFlightByPartition(m: ShareMemberHolding): { tp: string; count: number }[] {
  return Object.keys(m.inFlight)
    .filter((tp) => m.inFlight[tp] > 0)
    .sort(compareTp)
    .map((tp) => ({ tp, count: m.inFlight[tp] }))
}

/** How many offsets [SPSO, SPEO] spans: 0 when nothing is in flight (SPEO = SPSO − 1). */
export function windowSize(row: Pick<SharePartitionRow, 'startOffset' | 'endOffset'>): number {
  return Math.max(0, row.endOffset - row.startOffset + 1)
}

