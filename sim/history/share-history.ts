/**
 * What share consumers observed (KIP-932), for the share-group checkers: the records each member
 * acquired (with their delivery count), the acknowledgements the partition leader answered, those it
 * sent but never heard back about, and the ShareFetches it never heard back from (given up at a
 * timeout, a lost connection or a crash: the leader may have applied those acknowledgements, and
 * handed it records nobody saw).
 * Recorded by clients/share-consumer.ts as it happens, in time order, into `history.shares`: a
 * ShareLog of paged integer columns (history/int-column.ts), one entry per fact, its strings named
 * once in tables (each member with its group, each partition); the rare refused acknowledgement keeps
 * its error beside the columns. A run's share facts grow with every record a
 * share group handles, and as columns they cost the garbage collector nothing and snapshots share
 * them, as the read logs' columns. Readers see ShareHistoryEvent objects (shareEventAt, shareEvents).
 *
 * Invariants: entries are only appended; `n` entries are written in every column; a member id is an
 * index into `members` and a partition id into `tps`, and the `…Ids` records map each back to it.
 */
import type { World } from '../nodes/world.ts'
import type { AcknowledgeType } from '../kafka/payloads.ts'
import { getInt, newColumn, setInt, type IntColumn } from './int-column.ts'

/** What every fact about a range of records says: when, who, and which records. */
interface ShareRangeFact {
  atMs: number
  groupId: string
  member: string
  tp: string
  first: number
  last: number
}

export interface ShareAcquired extends ShareRangeFact {
  kind: 'acquired'
  deliveryCount: number
}

export interface ShareAcknowledged extends ShareRangeFact {
  kind: 'acknowledged'
  type: AcknowledgeType
  /** the leader's answer for the partition: NONE, or why it refused (INVALID_RECORD_STATE: the lock had run out) */
  error: string
}

/** Acknowledgements sent whose answer the member never took (the leader may have applied them). */
export interface ShareAckUnanswered extends ShareRangeFact {
  kind: 'ackUnanswered'
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

export interface ShareLog {
  n: number
  /** every member an entry names (a client id, unique in a run), with its group, once */
  members: { groupId: string; member: string }[]
  memberIds: Record<string, number>
  /** every partition an entry names, once */
  tps: string[]
  tpIds: Record<string, number>
  /** kind | type << 2 | delivery count << 4 (the type of an acknowledgement, the delivery count of an acquisition) */
  info: IntColumn
  atMs: IntColumn
  member: IntColumn
  /** the partition's id; for an unanswered fetch, its index in `fetchTps` */
  tp: IntColumn
  first: IntColumn
  last: IntColumn
  /** the error of each answered acknowledgement the leader refused, by entry index (the others: NONE) */
  errors: Record<string, string>
  /** the partitions of each unanswered ShareFetch (rare: a timeout, a lost connection, a crash) */
  fetchTps: string[][]
}

const KINDS = ['acquired', 'acknowledged', 'ackUnanswered', 'fetchUnanswered'] as const
const TYPES: readonly AcknowledgeType[] = ['ACCEPT', 'RELEASE', 'REJECT']
const KIND_IDS: Record<ShareHistoryEvent['kind'], number> = { acquired: 0, acknowledged: 1, ackUnanswered: 2, fetchUnanswered: 3 }
const TYPE_IDS: Record<AcknowledgeType, number> = { ACCEPT: 0, RELEASE: 1, REJECT: 2 }

export function newShareLog(): ShareLog {
  const c = newColumn
  return { n: 0, members: [], memberIds: {}, tps: [], tpIds: {}, info: c(), atMs: c(), member: c(), tp: c(), first: c(), last: c(), errors: {}, fetchTps: [] }
}

function memberId(log: ShareLog, groupId: string, member: string): number {
  let id = log.memberIds[member]
  if (id === undefined) {
    id = log.memberIds[member] = log.members.length
    log.members.push({ groupId, member })
  }
  return id
}

function tpId(log: ShareLog, tp: string): number {
  let id = log.tpIds[tp]
  if (id === undefined) {
    id = log.tpIds[tp] = log.tps.length
    log.tps.push(tp)
  }
  return id
}

/** What an entry says besides its kind and time (each event's fields). */
interface Facts {
  groupId: string
  member: string
  tp?: string
  first?: number
  last?: number
  deliveryCount?: number
  type?: AcknowledgeType
  error?: string
  tps?: string[]
}

function append(log: ShareLog, kind: ShareHistoryEvent['kind'], atMs: number, e: Facts): void {
  const i = log.n++
  const detail = kind === 'acquired' ? e.deliveryCount! << 4 : kind === 'fetchUnanswered' ? 0 : TYPE_IDS[e.type!] << 2
  setInt(log.info, i, KIND_IDS[kind] | detail)
  setInt(log.atMs, i, atMs)
  setInt(log.member, i, memberId(log, e.groupId, e.member))
  if (kind === 'fetchUnanswered') {
    setInt(log.tp, i, log.fetchTps.length)
    log.fetchTps.push(e.tps!.slice())
    return
  }
  setInt(log.tp, i, tpId(log, e.tp!))
  setInt(log.first, i, e.first!)
  setInt(log.last, i, e.last!)
  if (kind === 'acknowledged' && e.error !== 'NONE') log.errors[i] = e.error!
}

/** Entry `i` as the event it records. */
export function shareEventAt(log: ShareLog, i: number): ShareHistoryEvent {
  const info = getInt(log.info, i)
  const kind = KINDS[info & 3]
  const who = log.members[getInt(log.member, i)]
  const base = { atMs: getInt(log.atMs, i), groupId: who.groupId, member: who.member }
  if (kind === 'fetchUnanswered') return { kind, ...base, tps: log.fetchTps[getInt(log.tp, i)].slice() }
  const range = { tp: log.tps[getInt(log.tp, i)], first: getInt(log.first, i), last: getInt(log.last, i) }
  if (kind === 'acquired') return { kind, ...base, ...range, deliveryCount: info >>> 4 }
  const type = TYPES[(info >>> 2) & 3]
  if (kind === 'ackUnanswered') return { kind, ...base, ...range, type }
  return { kind, ...base, ...range, type, error: log.errors[i] ?? 'NONE' }
}

/** Every entry, in the order recorded (tests and tools; the checkers read entry by entry). */
export function shareEvents(log: ShareLog): ShareHistoryEvent[] {
  const out: ShareHistoryEvent[] = []
  for (let i = 0; i < log.n; i++) out.push(shareEventAt(log, i))
  return out
}

/** A log holding `events` (tests). */
export function shareLogOf(events: readonly ShareHistoryEvent[]): ShareLog {
  const log = newShareLog()
  for (const e of events) append(log, e.kind, e.atMs, e)
  return log
}

export function recordShareAcquired(w: World, e: Omit<ShareAcquired, 'kind' | 'atMs'>): void {
  append(w.history.shares, 'acquired', w.nowMs, e)
}

export function recordShareAckUnanswered(w: World, e: Omit<ShareAckUnanswered, 'kind' | 'atMs'>): void {
  append(w.history.shares, 'ackUnanswered', w.nowMs, e)
}

export function recordShareFetchUnanswered(w: World, e: Omit<ShareFetchUnanswered, 'kind' | 'atMs'>): void {
  append(w.history.shares, 'fetchUnanswered', w.nowMs, e)
}

export function recordShareAcknowledged(w: World, e: Omit<ShareAcknowledged, 'kind' | 'atMs'>): void {
  append(w.history.shares, 'acknowledged', w.nowMs, e)
}
