/**
 * What share consumers observed (KIP-932), for the share-group checkers: the records each member
 * acquired (with their delivery count), the acknowledgements the partition leader answered, those it
 * sent but never heard back about, and the ShareFetches it never heard back from (given up at a
 * timeout, a lost connection or a crash: the leader may have applied those acknowledgements, and
 * handed it records nobody saw).
 * Recorded by clients/share-consumer.ts as it happens; plain objects appended to `history.shares`,
 * in time order. `member` is the client id (`<groupId>-N`).
 */
import type { World } from '../nodes/world.ts'
import type { AcknowledgeType } from '../kafka/payloads.ts'

export interface ShareAcquired {
  kind: 'acquired'
  atMs: number
  groupId: string
  member: string
  tp: string
  first: number
  last: number
  deliveryCount: number
}

export interface ShareAcknowledged {
  kind: 'acknowledged'
  atMs: number
  groupId: string
  member: string
  tp: string
  first: number
  last: number
  type: AcknowledgeType
  /** the leader's answer for the partition: NONE, or why it refused (INVALID_RECORD_STATE: the lock had run out) */
  error: string
}

/** Acknowledgements sent whose answer the member never took (the leader may have applied them). */
export interface ShareAckUnanswered {
  kind: 'ackUnanswered'
  atMs: number
  groupId: string
  member: string
  tp: string
  first: number
  last: number
  type: AcknowledgeType
}

/** A ShareFetch of these partitions whose answer the member will never take. */
export interface ShareFetchUnanswered {
  kind: 'fetchUnanswered'
  atMs: number
  groupId: string
  member: string
  tps: string[]
}

export type ShareHistoryEvent = ShareAcquired | ShareAcknowledged | ShareAckUnanswered | ShareFetchUnanswered

export function recordShareAcquired(w: World, e: Omit<ShareAcquired, 'kind' | 'atMs'>): void {
  w.history.shares.push({ kind: 'acquired', atMs: w.nowMs, ...e })
}

export function recordShareAckUnanswered(w: World, e: Omit<ShareAckUnanswered, 'kind' | 'atMs'>): void {
  w.history.shares.push({ kind: 'ackUnanswered', atMs: w.nowMs, ...e })
}

export function recordShareFetchUnanswered(w: World, e: Omit<ShareFetchUnanswered, 'kind' | 'atMs'>): void {
  w.history.shares.push({ kind: 'fetchUnanswered', atMs: w.nowMs, ...e })
}

export function recordShareAcknowledged(w: World, e: Omit<ShareAcknowledged, 'kind' | 'atMs'>): void {
  w.history.shares.push({ kind: 'acknowledged', atMs: w.nowMs, ...e })
}
