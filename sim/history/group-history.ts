/**
 * What consumer group members observed, for the group checkers: which partitions a member got
 * (SyncGroup) and gave up (revoked before or after a rebalance, or lost when its generation was
 * reset), and which offsets the coordinator acknowledged in an OffsetCommit. Recorded by
 * clients/group-member/ as it happens; plain objects appended to `history.groups`, in time order.
 *
 * `member` is the client id (`<groupId>-N`, stable across restarts); `memberId` is the id the
 * coordinator gave (a restarted member gets a new one). Partitions are "topic-p", sorted.
 */
import type { World } from '../nodes/world.ts'
import type { History } from './history.ts'

export interface GroupAssigned {
  kind: 'assigned'
  atMs: number
  groupId: string
  /** the group protocol the member speaks (KIP-848 members record their member epoch as the generation) */
  protocol: 'classic' | 'consumer'
  member: string
  memberId: string
  generation: number
  /** the whole assignment received in this generation */
  tps: string[]
  /** the part of it the member did not own before */
  added: string[]
}

export interface GroupRevoked {
  kind: 'revoked'
  atMs: number
  groupId: string
  protocol: 'classic' | 'consumer'
  member: string
  memberId: string
  /** the generation the partitions were owned in (-1 when the member's generation was reset) */
  generation: number
  tps: string[]
  /** true: lost (generation reset, poll timeout, fenced, the process crashed), not revoked in a rebalance or on close */
  lost: boolean
}

export interface GroupCommitted {
  kind: 'committed'
  atMs: number
  groupId: string
  member: string
  memberId: string
  generation: number
  /** "topic-p" -> the committed offset (the next offset to read), as the coordinator acked it */
  offsets: Record<string, number>
}

export type GroupHistoryEvent = GroupAssigned | GroupRevoked | GroupCommitted

/** The group events of the history (the array is created on first use if the history lacks it). */
export function groupEvents(w: World): GroupHistoryEvent[] {
  const h = w.history as History & { groups?: GroupHistoryEvent[] }
  if (!h.groups) h.groups = []
  return h.groups
}

export function recordAssigned(w: World, e: Omit<GroupAssigned, 'kind' | 'atMs'>): void {
  groupEvents(w).push({ kind: 'assigned', atMs: w.nowMs, ...e })
}

export function recordRevoked(w: World, e: Omit<GroupRevoked, 'kind' | 'atMs'>): void {
  if (e.tps.length === 0) return
  groupEvents(w).push({ kind: 'revoked', atMs: w.nowMs, ...e })
}

export function recordCommitted(w: World, e: Omit<GroupCommitted, 'kind' | 'atMs'>): void {
  groupEvents(w).push({ kind: 'committed', atMs: w.nowMs, ...e })
}
