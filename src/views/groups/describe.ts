// What `kafka-consumer-groups --describe --group <g>` shows for a group right now (TOPIC PARTITION
// CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID, with LOG-END-OFFSET the high watermark as in Kafka),
// plus what the members themselves are doing with each partition during a rebalance: reading it,
// revoking it (EAGER commits before giving everything up), or paused because nobody owns it while
// the group rebalances (EAGER: every partition; COOPERATIVE: only the ones that move).
// Read-only over the world.

import type { GroupCard, MemberView } from '../../../sim/index.ts'
import type { World } from '../../../sim/nodes/world.ts'
import { partitionName } from '../../../sim/controller/metadata.ts'
import { clusterImage, coordinatedGroup, leaderHw } from '../../../sim/trace/summary.ts'

/** How a partition stands for the group's members. */
export type PartitionStatus = 'reading' | 'revoking' | 'paused' | 'ownerDown' | 'unowned'

export interface DescribeRow {
  topic: string
  partition: number
  tp: string
  /** the group's committed offset, null before the first commit ("-" in Kafka's output) */
  currentOffset: number | null
  /** the leader's high watermark, null without a leader */
  logEndOffset: number | null
  lag: number | null
  /** the member the coordinator assigned it to, null when none */
  consumerId: string | null
  clientId: string | null
  /** the live member process that owns it now, null when none */
  owner: string | null
  status: PartitionStatus
}

export const REBALANCING = new Set(['PreparingRebalance', 'CompletingRebalance'])

export function isRebalancing(state: string): boolean {
  return REBALANCING.has(state)
}

/** One row per partition of the group's topics, in Kafka's partition order. */
export function describeGroup(w: World, card: GroupCard): DescribeRow[] {
  const img = clusterImage(w)
  const { group } = coordinatedGroup(w, img, card.groupId)
  const assigned = new Map<string, { memberId: string; clientId: string }>()
  if (group) {
    for (const id of group.memberOrder) {
      const m = group.members[id]
      if (m) for (const tp of m.assignment) assigned.set(tp, { memberId: m.memberId, clientId: m.clientId })
    }
  }
  const rows: DescribeRow[] = []
  for (const topic of card.topics) {
    const t = img.topics[topic]
    if (!t) continue
    for (const p of t.partitions) {
      const tp = partitionName(topic, p.partition)
      const currentOffset = group?.committed[tp] ?? null
      const logEndOffset = leaderHw(w, img, tp)
      const a = assigned.get(tp) ?? null
      const owner = card.members.find((m) => m.assignment.includes(tp)) ?? null
      rows.push({
        topic,
        partition: p.partition,
        tp,
        currentOffset,
        logEndOffset,
        lag: currentOffset !== null && logEndOffset !== null ? Math.max(0, logEndOffset - currentOffset) : null,
        consumerId: a?.memberId ?? null,
        clientId: a?.clientId ?? null,
        owner: owner?.clientId ?? null,
        status: statusOf(card, owner, a?.clientId ?? null, tp),
      })
    }
  }
  return rows
}

function statusOf(card: GroupCard, owner: MemberView | null, assignedTo: string | null, tp: string): PartitionStatus {
  if (owner) return owner.revoking.includes(tp) ? 'revoking' : 'reading'
  if (isRebalancing(card.state)) return 'paused'
  if (assignedTo !== null && card.downMembers.includes(assignedTo)) return 'ownerDown'
  return 'unowned'
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
