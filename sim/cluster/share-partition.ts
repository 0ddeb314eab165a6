/**
 * A share group's view of one partition (KIP-932, "queues for Kafka"): which records are in flight,
 * who holds each, how often each was delivered.
 *
 * Follows core/src/main/java/kafka/server/share/SharePartition.java (acquire, acknowledge,
 * releaseAcquiredRecords, the acquisition lock timeout, maybeUpdateCachedStateAndOffsets,
 * archiveAvailableRecordsOnLsoMovement) and its RecordState / InFlightState rules (apache/kafka 4.x):
 * - every record of the in-flight window [startOffset, endOffset) (the share-partition start offset,
 *   SPSO, and one past the end offset, SPEO) is AVAILABLE, ACQUIRED (by one member, until its lock
 *   runs out), ACKNOWLEDGED or ARCHIVED; below the SPSO every record is done;
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
 * Simplified: state is per record, not per batch; a record compaction removed from a batch is in
 * flight like the others; the window is kept as plain per-record arrays (at most the lock limit long).
 *
 * Invariants: startOffset <= endOffset; the arrays hold exactly endOffset - startOffset entries; an
 * ACQUIRED record has an owner and a lock deadline, no other record has either; a delivery count
 * never goes down; the first record of a non-empty window is neither ACKNOWLEDGED nor ARCHIVED.
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


export interface SharePartitionState {
  groupId: string
  tp: string
  /** SPSO: every record below it is acknowledged or archived */
  startOffset: number
  /** one past the share-partition end offset: [startOffset, endOffset) is in flight */
  endOffset: number
  /** per record of the window, from startOffset */
  states: number[]
  deliveries: number[]
  /** member id holding an ACQUIRED record, '' otherwise */
  owners: string[]
  /** when an ACQUIRED record's lock runs out (simulated ms), -1 otherwise */
  lockUntilMs: number[]
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
  return { groupId, tp, startOffset, endOffset: startOffset, states: [], deliveries: [], owners: [], lockUntilMs: [], leaderEpoch: -1, firstOffset: startOffset, acknowledged: 0, archived: 0, redelivered: 0 }
}

/**
 * SharePartition.acquire: at most `maxRecords` records for `member`: AVAILABLE ones of the window
 * first, then new ones below `highWatermark` while the window has room.
 */
export function acquire(sp: SharePartitionState, member: string, maxRecords: number, highWatermark: number, nowMs: number, limits: ShareLimits): AcquiredRun[] {
  const runs: AcquiredRun[] = []
  let left = maxRecords
  for (let i = 0; i < sp.states.length && left > 0; i++) {
    if (sp.states[i] !== AVAILABLE) continue
    take(sp, i, member, nowMs, limits)
    addToRuns(runs, sp.startOffset + i, sp.deliveries[i])
    left--
  }
  const room = Math.min(highWatermark, sp.startOffset + limits.maxLocks) - sp.endOffset
  for (let k = 0; k < room && left > 0; k++, left--) {
    sp.states.push(AVAILABLE)
    sp.deliveries.push(0)
    sp.owners.push('')
    sp.lockUntilMs.push(-1)
    sp.endOffset++
    const i = sp.states.length - 1
    take(sp, i, member, nowMs, limits)
    addToRuns(runs, sp.startOffset + i, sp.deliveries[i])
  }
  return runs
}

/** Whether acquire would hand out anything: an AVAILABLE record in the window, or new ones below `highWatermark` that fit in it. */
export function canAcquire(sp: SharePartitionState, highWatermark: number, limits: ShareLimits): boolean {
  if (Math.min(highWatermark, sp.startOffset + limits.maxLocks) > sp.endOffset) return true
  for (let i = 0; i < sp.states.length; i++) if (sp.states[i] === AVAILABLE) return true
  return false
}

function take(sp: SharePartitionState, i: number, member: string, nowMs: number, limits: ShareLimits): void {
  sp.states[i] = ACQUIRED
  if (++sp.deliveries[i] > 1) sp.redelivered++
  sp.owners[i] = member
  sp.lockUntilMs[i] = nowMs + limits.lockMs
}

function addToRuns(runs: AcquiredRun[], offset: number, deliveryCount: number): void {
  const last = runs[runs.length - 1]
  if (last !== undefined && last.last + 1 === offset && last.deliveryCount === deliveryCount) last.last = offset
  else runs.push({ first: offset, last: offset, deliveryCount })
}

/** A record that goes back (RELEASE, a lock that ran out, its member gone): AVAILABLE, or ARCHIVED at the delivery limit. */
function release(sp: SharePartitionState, i: number, limits: ShareLimits): void {
  sp.states[i] = sp.deliveries[i] >= limits.deliveryLimit ? ARCHIVED : AVAILABLE
  if (sp.states[i] === ARCHIVED) sp.archived++
  sp.owners[i] = ''
  sp.lockUntilMs[i] = -1
}

/**
 * SharePartition.acknowledge of records [first, last] by `member`: 'NONE', or INVALID_RECORD_STATE
 * (and nothing changes) when one of them in the window is not ACQUIRED by that member, or when all
 * of them are below the SPSO ("Batch record not found": they left the cache). When the SPSO lies
 * inside the range, the records below it are done and skipped.
 */
export function acknowledge(sp: SharePartitionState, member: string, first: number, last: number, type: AcknowledgeType, limits: ShareLimits): 'NONE' | 'INVALID_RECORD_STATE' {
  if (last < sp.startOffset) return 'INVALID_RECORD_STATE'
  const from = Math.max(first, sp.startOffset) - sp.startOffset
  const to = last - sp.startOffset
  if (to >= sp.states.length) return 'INVALID_RECORD_STATE'
  for (let i = from; i <= to; i++) if (sp.states[i] !== ACQUIRED || sp.owners[i] !== member) return 'INVALID_RECORD_STATE'
  for (let i = from; i <= to; i++) {
    if (type === 'RELEASE') release(sp, i, limits)
    else {
      sp.states[i] = type === 'ACCEPT' ? ACKNOWLEDGED : ARCHIVED
      if (type === 'ACCEPT') sp.acknowledged++
      else sp.archived++
      sp.owners[i] = ''
      sp.lockUntilMs[i] = -1
    }
  }
  advanceStart(sp)
  return 'NONE'
}

/** The acquisition lock timeout: every lock that has run out releases its record. Returns the records released. */
export function expireLocks(sp: SharePartitionState, nowMs: number, limits: ShareLimits): number {
  let n = 0
  for (let i = 0; i < sp.states.length; i++) {
    if (sp.states[i] === ACQUIRED && sp.lockUntilMs[i] <= nowMs) {
      release(sp, i, limits)
      n++
    }
  }
  advanceStart(sp)
  return n
}

/** releaseAcquiredRecords: a member left (or its share session closed): what it held goes back. Returns the records released. */
export function releaseMember(sp: SharePartitionState, member: string, limits: ShareLimits): number {
  let n = 0
  for (let i = 0; i < sp.states.length; i++) {
    if (sp.states[i] === ACQUIRED && sp.owners[i] === member) {
      release(sp, i, limits)
      n++
    }
  }
  advanceStart(sp)
  return n
}

/** A new leader: the locks were the previous leader's, so what it had handed out goes back (archived at the delivery limit). */
export function releaseAllLocks(sp: SharePartitionState, limits: ShareLimits): void {
  for (let i = 0; i < sp.states.length; i++) if (sp.states[i] === ACQUIRED) release(sp, i, limits)
  advanceStart(sp)
}

/** The earliest lock deadline in the window, or -1 when nothing is acquired. */
export function nextLockExpiry(sp: SharePartitionState): number {
  let next = -1
  for (let i = 0; i < sp.states.length; i++) if (sp.states[i] === ACQUIRED && (next < 0 || sp.lockUntilMs[i] < next)) next = sp.lockUntilMs[i]
  return next
}

/**
 * archiveAvailableRecordsOnLsoMovement: the log now starts at `logStartOffset`. Records below it that
 * are AVAILABLE are archived (they can no longer be read); an empty window moves up to it.
 */
export function onLogStartMoved(sp: SharePartitionState, logStartOffset: number): void {
  if (sp.startOffset >= logStartOffset) return
  const below = Math.min(logStartOffset, sp.endOffset) - sp.startOffset
  for (let i = 0; i < below; i++) {
    if (sp.states[i] !== AVAILABLE) continue
    sp.states[i] = ARCHIVED
    sp.archived++
  }
  advanceStart(sp)
  if (sp.states.length === 0 && sp.startOffset < logStartOffset) {
    sp.startOffset = logStartOffset
    sp.endOffset = logStartOffset
  }
}

/** maybeUpdateCachedStateAndOffsets: the SPSO moves past the leading acknowledged or archived records. */
function advanceStart(sp: SharePartitionState): void {
  let k = 0
  while (k < sp.states.length && (sp.states[k] === ACKNOWLEDGED || sp.states[k] === ARCHIVED)) k++
  if (k === 0) return
  sp.states.splice(0, k)
  sp.deliveries.splice(0, k)
  sp.owners.splice(0, k)
  sp.lockUntilMs.splice(0, k)
  sp.startOffset += k
}

/** How many records of the window are in each state (for views and describe). */
export function countStates(sp: SharePartitionState): Record<RecordStateName, number> {
  const out: Record<RecordStateName, number> = { AVAILABLE: 0, ACQUIRED: 0, ACKNOWLEDGED: 0, ARCHIVED: 0 }
  for (const s of sp.states) out[recordStateName(s)]++
  return out
}
