// Pure helpers for the cluster map's texts: how replica chips, member assignments and group states
// read on the cards. Kafka's names (Leader, Isr, PreparingRebalance) stay as Kafka spells them.

import { parseTopicPartition, type GroupCard, type MemberView, type ReplicaCell, type ReplicaRole } from '../../../sim/index.ts'

/** The mark a replica chip carries besides its colour: ★ leader, ! out of sync, ✕ offline. */
export const ROLE_MARK: Record<ReplicaRole, string> = { leader: '★', insync: '', outofsync: '!', offline: '✕' }

/** Above this many replicas a broker card groups its chips by topic and shows partition numbers only. */
export const COMPACT_CHIPS_ABOVE = 12

export interface TopicChips {
  topic: string
  cells: ReplicaCell[]
}

/** Replica cells grouped by topic, in the order they come (topic, then partition order). */
export function chipsByTopic(cells: ReplicaCell[]): TopicChips[] {
  const out: TopicChips[] = []
  for (const c of cells) {
    const last = out[out.length - 1]
    if (last && last.topic === c.topic) last.cells.push(c)
    else out.push({ topic: c.topic, cells: [c] })
  }
  return out
}

/** Ascending numbers as runs: [0,1,2,5,7,8] → "0-2,5,7-8". */
export function numberRuns(numbers: number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b)
  const parts: string[] = []
  let i = 0
  while (i < sorted.length) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]))
    i = j + 1
  }
  return parts.join(',')
}

/** A member's partitions, short: ["orders-0","orders-1","clicks-3"] → "clicks 3 · orders 0-1". */
export function compactPartitions(tps: string[]): string {
  const byTopic = new Map<string, number[]>()
  for (const tp of tps) {
    const name = parseTopicPartition(tp)
    if (!name) continue
    const { topic, partition } = name
    const list = byTopic.get(topic) ?? []
    list.push(partition)
    byTopic.set(topic, list)
  }
  return [...byTopic.keys()]
    .sort()
    .map((topic) => `${topic} ${numberRuns(byTopic.get(topic)!)}`)
    .join(' · ')
}

/** The group is rebalancing: no member may fetch until the new assignment is synced. */
export function groupRebalancing(state: string): boolean {
  return state === 'PreparingRebalance' || state === 'CompletingRebalance' || state === 'Assigning' || state === 'Reconciling'
}

/**
 * A member hands out no records now: its partitions are being revoked (EAGER), or it is joining or
 * syncing, or its whole group is rebalancing with the eager protocol (every member stops). A KIP-848
 * member stops only the partitions it revokes.
 */
export function memberPaused(member: MemberView, group: GroupCard): boolean {
  if (member.revoking.length > 0) return true
  if (member.state === 'joining' || member.state === 'syncing' || member.state === 'unjoined') return true
  return groupRebalancing(group.state) && member.groupProtocol === 'classic' && member.protocol === 'EAGER'
}

/** The error a client met most often, with its count ("NOT_LEADER_OR_FOLLOWER ×3"), or null. */
export function topError(errors: Record<string, number>): string | null {
  let best: string | null = null
  for (const name of Object.keys(errors).sort()) if (errors[name] > 0 && (best === null || errors[name] > errors[best])) best = name
  return best === null ? null : `${best} ×${errors[best]}`
}
