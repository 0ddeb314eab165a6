/**
 * A share group's view of one partition (KIP-932, "queues for Kafka"): which records are in flight,
 * who holds each, how often each was delivered.
 *
 * Follows core/src/main/java/kafka/server/share/SharePartition.java (acquire, acknowledge,
 * releaseAcquiredRecords, the acquisition lock timeout, maybeUpdateCachedStateAndOffsets,
 * archiveAvailableRecordsOnLsoMovement) and its InFlightBatch / InFlightState / RecordState rules
 * (apache/kafka 4.x):
 * - every record of the in-flight window [startOffset, endOffset) (the share-partition start offset,
 *   SPSO, and one past the end offset, SPEO) is AVAILABLE, ACQUIRED (by one member, until its lock
 *   runs out), ACKNOWLEDGED or ARCHIVED; below the SPSO every record is done;
 * - the window is kept as batches of records in one state, as SharePartition's cachedState of
 *   InFlightBatches: a fetch makes one batch of the new records it acquires; an acknowledgement,
 *   a lock or a log-start move that covers part of a batch splits it (where Kafka keeps per-offset
 *   state inside the batch), so work is per batch, not per record;
 * - a fetch acquires AVAILABLE records of the window first (redeliveries), then new records past
 *   the window, below the high watermark, while the window holds at most
 *   group.share.partition.max.record.locks records; each acquisition counts a delivery and locks the
 *   record for group.share.record.lock.duration.ms;
 * - ACCEPT acknowledges, REJECT archives (never redelivered), RELEASE, a lock that runs out or a
 *   member that leaves makes the record AVAILABLE again, or ARCHIVED once its delivery count has
 *   reached group.share.delivery.count.limit (InFlightState.tryUpdateState);
 * - only the member that acquired a record may acknowledge it (else INVALID_RECORD_STATE);
 * - the SPSO moves past every leading ACKNOWLEDGED or ARCHIVED record; records below the log start
 *   offset that were never delivered are archived (retention deleted them).
 * Simplified: a batch is split rather than given per-offset state; a record compaction removed from
 * a batch is in flight like the others.
 *
 * Invariants: startOffset <= endOffset; the batches are contiguous and cover exactly
 * [startOffset, endOffset), each non-empty; an ACQUIRED batch has an owner and a lock deadline, no
 * other batch has either; a delivery count never goes down; the first batch of a non-empty window is
 * neither ACKNOWLEDGED nor ARCHIVED.
 */
import type { AcknowledgeType, AcquiredRecords } from '../kafka/payloads.ts'
export type { AcknowledgeType }

/** SharePartition.RecordState, with Kafka's ids. */
export const AVAILABLE = 0
export const ACQUIRED = 1
export const ACKNOWLEDGED = 2
export const ARCHIVED = 4

export type RecordStateName = 'AVAILABLE' | 'ACQUIRED' | 'ACKNOWLEDGED' | 'ARCHIVED'

export function recordStateName(state: number): RecordStateName {
  return state === AVAILABLE ? 'AVAILABLE' : state === ACQUIRED ? 'ACQUIRED' : state === ACKNOWLEDGED ? 'ACKNOWLEDGED' : 'ARCHIVED'
}


/** Records [first, last] of the window in one state (SharePartition's InFlightBatch with its InFlightState). */
export interface InFlightBatch {
  first: number
  last: number
  state: number
  /** how often these records were delivered (acquired) */
  deliveries: number
  /** the member id holding them while ACQUIRED, '' otherwise */
  owner: string
  /** when an ACQUIRED batch's lock runs out (simulated ms), -1 otherwise */
  lockUntilMs: number
}

export interface SharePartitionState {
  groupId: string
  tp: string
  /** SPSO: every record below it is acknowledged or archived */
  startOffset: number
  /** one past the share-partition end offset: [startOffset, endOffset) is in flight */
  endOffset: number
  /** the window, in offset order */
  batches: InFlightBatch[]
  /** the leader epoch whose leader handed out the ACQUIRED records (-1: none yet) */
  leaderEpoch: number
  /** where share.auto.offset.reset started the share partition: records below it were never for this group */
  firstOffset: number
  /** records acknowledged (ACCEPT), archived (REJECT, the delivery limit, or gone below the log start), and deliveries after a record's first */
  acknowledged: number
  archived: number
  redelivered: number
}

/** The limits a share group's partitions keep (ShareGroupConfig). */
export interface ShareLimits {
  /** group.share.record.lock.duration.ms */
  lockMs: number
  /** group.share.delivery.count.limit */
  deliveryLimit: number
  /** group.share.partition.max.record.locks */
  maxLocks: number
}

/** Records [first, last] acquired in one run, and how often they have now been delivered. */
export type AcquiredRun = AcquiredRecords

/** The key of a share group's partition in World.shares, `${groupId}|${tp}`, made once per pair (leaders look it up on every fetch). */
export function shareStateKey(groupId: string, tp: string): string {
  let keys = SHARE_KEYS.get(groupId)
  if (keys === undefined) SHARE_KEYS.set(groupId, (keys = new Map()))
  let key = keys.get(tp)
  if (key === undefined) keys.set(tp, (key = `${groupId}|${tp}`))
  return key
}

const SHARE_KEYS = new Map<string, Map<string, string>>()

/** A share partition starting at `startOffset` (share.auto.offset.reset: the high watermark for latest, the log start for earliest). */
export function newSharePartition(groupId: string, tp: string, startOffset: number): SharePartitionState {
  return { groupId, tp, startOffset, endOffset: startOffset, batches: [], leaderEpoch: -1, firstOffset: startOffset, acknowledged: 0, archived: 0, redelivered: 0 }
}

/**
 * SharePartition.acquire: at most `maxRecords` records for `member`: AVAILABLE ones of the window
 * first, then new ones below `highWatermark` while the window has room.
 */
export function acquire(sp: SharePartitionState, member: string, maxRecords: number, highWatermark: number, nowMs: number, limits: ShareLimits): AcquiredRun[] {
  const runs: AcquiredRun[] = []
  let left = maxRecords
  for (let i = 0; i < sp.batches.length && left > 0; i++) {
    let b = sp.batches[i]
    if (b.state !== AVAILABLE) continue
    if (b.last - b.first + 1 > left) b = splitAt(sp, i, b.first + left)
    take(sp, b, member, nowMs, limits)
    addToRuns(runs, b.first, b.last, b.deliveries)
    left -= b.last - b.first + 1
  }
  const n = Math.min(Math.min(highWatermark, sp.startOffset + limits.maxLocks) - sp.endOffset, left)
  if (n > 0) {
    const b: InFlightBatch = { first: sp.endOffset, last: sp.endOffset + n - 1, state: AVAILABLE, deliveries: 0, owner: '', lockUntilMs: -1 }
    sp.batches.push(b)
    sp.endOffset += n
    take(sp, b, member, nowMs, limits)
    addToRuns(runs, b.first, b.last, b.deliveries)
  }
  return runs
}

/** Whether acquire would hand out anything: an AVAILABLE record in the window, or new ones below `highWatermark` that fit in it. */
export function canAcquire(sp: SharePartitionState, highWatermark: number, limits: ShareLimits): boolean {
  if (Math.min(highWatermark, sp.startOffset + limits.maxLocks) > sp.endOffset) return true
  for (const b of sp.batches) if (b.state === AVAILABLE) return true
  return false
}

/** Split batch i so that a batch starts at `offset` (first < offset <= last); returns the part before it (now batch i). */
function splitAt(sp: SharePartitionState, i: number, offset: number): InFlightBatch {
  const b = sp.batches[i]
  sp.batches.splice(i + 1, 0, { ...b, first: offset })
  b.last = offset - 1
  return b
}

/** Make a batch boundary at `offset` if one of the window's batches spans it. */
function boundaryAt(sp: SharePartitionState, offset: number): void {
  const i = batchIndexOf(sp, offset)
  if (i >= 0 && sp.batches[i].first < offset) splitAt(sp, i, offset)
}

/** The index of the batch holding `offset`, -1 when it lies outside [startOffset, endOffset). */
function batchIndexOf(sp: SharePartitionState, offset: number): number {
  if (offset < sp.startOffset || offset >= sp.endOffset) return -1
  for (let i = 0; i < sp.batches.length; i++) if (sp.batches[i].last >= offset) return i
  return -1
}

function take(sp: SharePartitionState, b: InFlightBatch, member: string, nowMs: number, limits: ShareLimits): void {
  b.state = ACQUIRED
  if (++b.deliveries > 1) sp.redelivered += b.last - b.first + 1
  b.owner = member
  b.lockUntilMs = nowMs + limits.lockMs
}

function addToRuns(runs: AcquiredRun[], first: number, last: number, deliveryCount: number): void {
  const prev = runs[runs.length - 1]
  if (prev !== undefined && prev.last + 1 === first && prev.deliveryCount === deliveryCount) prev.last = last
  else runs.push({ first, last, deliveryCount })
}

/** Records that go back (RELEASE, a lock that ran out, their member gone): AVAILABLE, or ARCHIVED at the delivery limit. Returns how many. */
function release(sp: SharePartitionState, b: InFlightBatch, limits: ShareLimits): number {
  const n = b.last - b.first + 1
  b.state = b.deliveries >= limits.deliveryLimit ? ARCHIVED : AVAILABLE
  if (b.state === ARCHIVED) sp.archived += n
  b.owner = ''
  b.lockUntilMs = -1
  return n
}

/**
 * SharePartition.acknowledge of records [first, last] by `member`: 'NONE', or INVALID_RECORD_STATE
 * (and nothing changes) when one of them in the window is not ACQUIRED by that member, or when all
 * of them are below the SPSO ("Batch record not found": they left the cache). When the SPSO lies
 * inside the range, the records below it are done and skipped.
 */
export function acknowledge(sp: SharePartitionState, member: string, first: number, last: number, type: AcknowledgeType, limits: ShareLimits): 'NONE' | 'INVALID_RECORD_STATE' {
  if (last < sp.startOffset || last >= sp.endOffset) return 'INVALID_RECORD_STATE'
  const from = Math.max(first, sp.startOffset)
  for (let i = batchIndexOf(sp, from); i < sp.batches.length && sp.batches[i].first <= last; i++) {
    const b = sp.batches[i]
    if (b.state !== ACQUIRED || b.owner !== member) return 'INVALID_RECORD_STATE'
  }
  boundaryAt(sp, from)
  boundaryAt(sp, last + 1)
  for (let i = batchIndexOf(sp, from); i < sp.batches.length && sp.batches[i].first <= last; i++) {
    const b = sp.batches[i]
    if (type === 'RELEASE') release(sp, b, limits)
    else {
      b.state = type === 'ACCEPT' ? ACKNOWLEDGED : ARCHIVED
      if (type === 'ACCEPT') sp.acknowledged += b.last - b.first + 1
      else sp.archived += b.last - b.first + 1
      b.owner = ''
      b.lockUntilMs = -1
    }
  }
  advanceStart(sp)
  return 'NONE'
}

/**
 * SharePartition.acknowledge of every range one request acknowledges in this partition, all or
 * nothing: when one is refused, what the others changed is rolled back (rollbackOrProcessStateUpdates)
 * and the partition's answer is that error.
 */
export function acknowledgeAll(sp: SharePartitionState, member: string, acks: readonly { first: number; last: number; type: AcknowledgeType }[], limits: ShareLimits): 'NONE' | 'INVALID_RECORD_STATE' {
  if (acks.length === 1) return acknowledge(sp, member, acks[0].first, acks[0].last, acks[0].type, limits)
  const saved = { startOffset: sp.startOffset, batches: sp.batches.map((b) => ({ ...b })), acknowledged: sp.acknowledged, archived: sp.archived }
  for (const a of acks) {
    if (acknowledge(sp, member, a.first, a.last, a.type, limits) === 'NONE') continue
    Object.assign(sp, saved)
    return 'INVALID_RECORD_STATE'
  }
  return 'NONE'
}

/** The acquisition lock timeout: every lock that has run out releases its records. Returns the records released. */
export function expireLocks(sp: SharePartitionState, nowMs: number, limits: ShareLimits): number {
  let n = 0
  for (const b of sp.batches) if (b.state === ACQUIRED && b.lockUntilMs <= nowMs) n += release(sp, b, limits)
  advanceStart(sp)
  return n
}

/** releaseAcquiredRecords: a member left (or its share session closed): what it held goes back. Returns the records released. */
export function releaseMember(sp: SharePartitionState, member: string, limits: ShareLimits): number {
  let n = 0
  for (const b of sp.batches) if (b.state === ACQUIRED && b.owner === member) n += release(sp, b, limits)
  advanceStart(sp)
  return n
}

/** A new leader: the locks were the previous leader's, so what it had handed out goes back (archived at the delivery limit). */
export function releaseAllLocks(sp: SharePartitionState, limits: ShareLimits): void {
  for (const b of sp.batches) if (b.state === ACQUIRED) release(sp, b, limits)
  advanceStart(sp)
}

/** The earliest lock deadline in the window, or -1 when nothing is acquired. */
export function nextLockExpiry(sp: SharePartitionState): number {
  let next = -1
  for (const b of sp.batches) if (b.state === ACQUIRED && (next < 0 || b.lockUntilMs < next)) next = b.lockUntilMs
  return next
}

/**
 * archiveAvailableRecordsOnLsoMovement: the log now starts at `logStartOffset`. Records below it that
 * are AVAILABLE are archived (they can no longer be read); an empty window moves up to it.
 */
export function onLogStartMoved(sp: SharePartitionState, logStartOffset: number): void {
  if (sp.startOffset >= logStartOffset) return
  boundaryAt(sp, logStartOffset)
  for (const b of sp.batches) {
    if (b.first >= logStartOffset) break
    if (b.state !== AVAILABLE) continue
    b.state = ARCHIVED
    sp.archived += b.last - b.first + 1
  }
  advanceStart(sp)
  if (sp.batches.length === 0 && sp.startOffset < logStartOffset) {
    sp.startOffset = logStartOffset
    sp.endOffset = logStartOffset
  }
}

/** maybeUpdateCachedStateAndOffsets: the SPSO moves past the leading acknowledged or archived records. */
function advanceStart(sp: SharePartitionState): void {
  let k = 0
  while (k < sp.batches.length && (sp.batches[k].state === ACKNOWLEDGED || sp.batches[k].state === ARCHIVED)) k++
  if (k === 0) return
  sp.startOffset = sp.batches[k - 1].last + 1
  if (k === sp.batches.length) sp.batches = []
  else sp.batches.splice(0, k)
}

/** How many records of the window are in each state (for views and describe). */
export function countStates(sp: SharePartitionState): Record<RecordStateName, number> {
  const out: Record<RecordStateName, number> = { AVAILABLE: 0, ACQUIRED: 0, ACKNOWLEDGED: 0, ARCHIVED: 0 }
  for (const b of sp.batches) out[recordStateName(b.state)] += b.last - b.first + 1
  return out
}

/** One record of the window with its batch's state (views, checkers and tests; not for the step loop). */
export interface InFlightRecord {
  offset: number
  state: number
  deliveries: number
  owner: string
  lockUntilMs: number
}

/** The window record by record, from `fromOffset` (the window's start by default) to its end. */
export function inFlightRecords(sp: SharePartitionState, fromOffset = sp.startOffset): InFlightRecord[] {
  const out: InFlightRecord[] = []
  for (const b of sp.batches) {
    for (let o = Math.max(b.first, fromOffset); o <= b.last; o++) out.push({ offset: o, state: b.state, deliveries: b.deliveries, owner: b.owner, lockUntilMs: b.lockUntilMs })
  }
  return out
}
