/**
 * A partition leader's side of share groups (KIP-932): ShareFetch and ShareAcknowledge.
 *
 * Follows core/.../server/share/SharePartitionManager.java and DelayedShareFetch.java (apache/kafka
 * 4.x): a ShareFetch first applies the acknowledgements it carries, then acquires records of each
 * partition this broker leads for the member (cluster/share-partition.ts); when it acquires nothing
 * it waits (a long poll of maxWaitMs) until the partition's high watermark moves, records become
 * available again (a lock ran out) or the wait ends. Acquisition locks run out on a broker timer.
 * ShareAcknowledge applies acknowledgements and, when it closes the member's share session,
 * releases what the member still holds.
 * Simplified: the share-group state is kept in one durable store (World.shares), as the share
 * coordinator persists it in __share_group_state: a new leader takes it over as it was, except that
 * records acquired under the previous leader become available again (their locks are gone);
 * there are no share sessions beyond the one ShareAcknowledge closes (every ShareFetch names its
 * partitions); a share partition starts at the high watermark (share.auto.offset.reset=latest, the
 * default) or the log start (earliest).
 *
 * Invariants: only the leader of a partition changes its share state; a parked fetch is answered
 * exactly once (by a wake, its deadline, or a loss of leadership).
 */
import type { World } from '../nodes/world.ts'
import type { BrokerNode, ParkedShareFetch, Replica } from './types.ts'
import type { ShareAcknowledgeRequest, ShareFetchPartResponse, ShareFetchRequest } from '../kafka/messages.ts'
import type { ShareAcknowledgement } from '../kafka/payloads.ts'
import { send } from '../kafka/wire.ts'
import { timer } from '../kernel/node-io.ts'
import { acknowledgeAll, releaseAllLocks, acquire, canAcquire, expireLocks, newSharePartition, nextLockExpiry, onLogStartMoved, releaseMember, shareStateKey, type SharePartitionState, type ShareLimits } from './share-partition.ts'

/** The share limits of the cluster's broker config, read once per config object (every fetch asks). */
function limitsOf(w: World): ShareLimits {
  const c = w.brokerConfig
  let limits = LIMITS.get(c)
  if (limits === undefined) {
    limits = { lockMs: c['group.share.record.lock.duration.ms'], deliveryLimit: c['group.share.delivery.count.limit'], maxLocks: c['group.share.partition.max.record.locks'] }
    LIMITS.set(c, limits)
  }
  return limits
}

const LIMITS = new WeakMap<World['brokerConfig'], ShareLimits>()

/**
 * The share state of (group, partition), made at the leader on first use where share.auto.offset.reset
 * says; null at a leader of an older epoch than the state's (a deposed leader that does not know it yet:
 * the share coordinator fences its writes).
 */
function shareState(w: World, groupId: string, r: Replica): SharePartitionState | null {
  const key = shareStateKey(groupId, r.tp)
  let sp = w.shares[key]
  if (sp === undefined) {
    const earliest = w.shareGroupSpecs[groupId]?.config['share.auto.offset.reset'] === 'earliest'
    sp = w.shares[key] = newSharePartition(groupId, r.tp, earliest ? r.logStartOffset : r.hw)
  }
  if (r.leaderEpoch < sp.leaderEpoch) return null
  if (sp.leaderEpoch !== r.leaderEpoch) {
    // the locks were the previous leader's: what it had handed out is available again
    releaseAllLocks(sp, limitsOf(w))
    sp.leaderEpoch = r.leaderEpoch
  }
  onLogStartMoved(sp, r.logStartOffset)
  return sp
}

function ledReplica(b: BrokerNode, tp: string): Replica | null {
  const r = b.replicas[tp]
  return r !== undefined && r.role === 'leader' && !b.fenced ? r : null
}

/** Apply a request's acknowledgements of `tp`: NONE, or the first error one of them met. */
function applyAcks(w: World, b: BrokerNode, groupId: string, memberId: string, tp: string, acks: readonly ShareAcknowledgement[]): string {
  const r = ledReplica(b, tp)
  return applyAcksTo(r === null ? null : shareState(w, groupId, r), memberId, tp, acks, limitsOf(w))
}

/** applyAcks on the share state of `tp` already looked up (null: this broker does not lead it): all of them, or none when one is refused. */
function applyAcksTo(sp: SharePartitionState | null, memberId: string, tp: string, acks: readonly ShareAcknowledgement[], limits: ShareLimits): string {
  let mine: ShareAcknowledgement[] | null = null
  for (const a of acks) if (a.tp === tp) (mine ??= []).push(a)
  if (mine === null) return 'NONE'
  if (sp === null) return 'NOT_LEADER_OR_FOLLOWER'
  return acknowledgeAll(sp, memberId, mine, limits)
}

export function handleShareFetch(w: World, b: BrokerNode, m: ShareFetchRequest): void {
  const parts = shareFetchParts(w, b, m)
  const acquiredAny = parts.some((p) => p.acquired.length > 0 || p.error !== 'NONE' || p.acknowledgeError !== 'NONE')
  if (acquiredAny || m.maxWaitMs <= 0) return answerShareFetch(w, b, m, parts)
  b.parkedShareFetch.push({ req: { ...m, acknowledgements: [] }, deadlineMs: w.nowMs + m.maxWaitMs })
  armShareTimer(w, b, w.nowMs + m.maxWaitMs)
}

function shareFetchParts(w: World, b: BrokerNode, m: ShareFetchRequest): ShareFetchPartResponse[] {
  const limits = limitsOf(w)
  const parts: ShareFetchPartResponse[] = []
  for (const tp of m.tps) {
    const r = ledReplica(b, tp)
    const sp = r === null ? null : shareState(w, m.groupId, r)
    const acknowledgeError = m.acknowledgements.length === 0 ? 'NONE' : applyAcksTo(sp, m.memberId, tp, m.acknowledgements, limits)
    if (r === null || sp === null) {
      parts.push({ tp, error: 'NOT_LEADER_OR_FOLLOWER', acknowledgeError, acquired: [] })
      continue
    }
    const acquired = acquire(sp, m.memberId, m.maxRecords, r.hw, w.nowMs, limits)
    if (acquired.length > 0) armShareTimer(w, b, nextLockExpiry(sp))
    parts.push({ tp, error: 'NONE', acknowledgeError, acquired })
  }
  if (!acksBeyond(m)) return parts
  // partitions the request only acknowledges (no longer the member's): their acknowledgements, nothing acquired
  const ackOnly = [...new Set(m.acknowledgements.map((a) => a.tp))].filter((tp) => !m.tps.includes(tp)).sort()
  return parts.concat(ackOnly.map((tp) => ({ tp, error: 'NONE', acknowledgeError: applyAcks(w, b, m.groupId, m.memberId, tp, m.acknowledgements), acquired: [] })))
}

/** Whether the request acknowledges a partition it does not fetch from. */
function acksBeyond(m: ShareFetchRequest): boolean {
  for (const a of m.acknowledgements) if (!m.tps.includes(a.tp)) return true
  return false
}

function answerShareFetch(w: World, b: BrokerNode, m: ShareFetchRequest, parts: ShareFetchPartResponse[]): void {
  send(w, b.node, m.from, { api: 'ShareFetchResponse', from: b.node, corr: m.corr, error: 'NONE', parts })
}

export function handleShareAcknowledge(w: World, b: BrokerNode, m: ShareAcknowledgeRequest): void {
  const tps = [...new Set(m.acknowledgements.map((a) => a.tp))].sort()
  const parts = tps.map((tp) => ({ tp, error: applyAcks(w, b, m.groupId, m.memberId, tp, m.acknowledgements) }))
  if (m.closeSession) {
    // closing the share session ends the member's waiting fetches and releases what it still holds
    // on this broker's partitions
    const mine = (p: ParkedShareFetch) => p.req.groupId === m.groupId && p.req.memberId === m.memberId
    for (const p of b.parkedShareFetch) if (mine(p)) answerShareFetch(w, b, p.req, p.req.tps.map((tp) => ({ tp, error: 'NONE', acknowledgeError: 'NONE', acquired: [] })))
    b.parkedShareFetch = b.parkedShareFetch.filter((p) => !mine(p))
    for (const key of Object.keys(w.shares).sort()) {
      const sp = w.shares[key]
      const r = ledReplica(b, sp.tp)
      if (sp.groupId === m.groupId && r !== null && r.leaderEpoch === sp.leaderEpoch) releaseMember(sp, m.memberId, limitsOf(w))
    }
  }
  send(w, b.node, m.from, { api: 'ShareAcknowledgeResponse', from: b.node, corr: m.corr, error: 'NONE', parts })
  wakeShareFetches(w, b, null)
}

/**
 * Parked share fetches that may now acquire something: those on `tp` (its HW moved), or all of
 * them (records became available again); the others wait on.
 */
export function wakeShareFetches(w: World, b: BrokerNode, tp: string | null): void {
  if (b.parkedShareFetch.length === 0) return
  const keep: ParkedShareFetch[] = []
  const limits = limitsOf(w)
  for (const p of b.parkedShareFetch) {
    if ((tp !== null && !p.req.tps.includes(tp)) || !mayAnswer(w, b, p.req, limits)) {
      keep.push(p)
      continue
    }
    const parts = shareFetchParts(w, b, p.req)
    if (parts.some((x) => x.acquired.length > 0 || x.error !== 'NONE')) answerShareFetch(w, b, p.req, parts)
    else keep.push(p)
  }
  b.parkedShareFetch = keep
}

/** Whether a parked fetch would now be answered: one of its partitions has records to acquire, or this broker no longer leads it. */
function mayAnswer(w: World, b: BrokerNode, req: ShareFetchRequest, limits: ShareLimits): boolean {
  for (const tp of req.tps) {
    const r = ledReplica(b, tp)
    const sp = r === null ? null : shareState(w, req.groupId, r)
    if (r === null || sp === null || canAcquire(sp, r.hw, limits)) return true
  }
  return false
}

function armShareTimer(w: World, b: BrokerNode, atMs: number): void {
  if (atMs < 0) return
  if (b.shareTimerAt >= w.nowMs && b.shareTimerAt <= atMs) return
  b.shareTimerAt = atMs
  timer(w, b.node, 'broker.share', atMs - w.nowMs, atMs)
}

/** The share timer: locks that ran out go back (and may wake fetches); parked fetches past their wait are answered empty. */
export function onShareTimer(w: World, b: BrokerNode, atMs: number): void {
  if (atMs !== b.shareTimerAt) return
  b.shareTimerAt = -1
  const limits = limitsOf(w)
  let released = 0
  let next = Infinity
  for (const key of Object.keys(w.shares).sort()) {
    const sp = w.shares[key]
    const r = ledReplica(b, sp.tp)
    if (r === null || sp.leaderEpoch !== r.leaderEpoch) continue
    released += expireLocks(sp, w.nowMs, limits)
    const at = nextLockExpiry(sp)
    if (at >= 0) next = Math.min(next, at)
  }
  if (released > 0) wakeShareFetches(w, b, null)
  const keep: ParkedShareFetch[] = []
  for (const p of b.parkedShareFetch) {
    if (p.deadlineMs <= w.nowMs) answerShareFetch(w, b, p.req, p.req.tps.map((tp) => ({ tp, error: ledReplica(b, tp) ? 'NONE' : 'NOT_LEADER_OR_FOLLOWER', acknowledgeError: 'NONE', acquired: [] })))
    else {
      keep.push(p)
      next = Math.min(next, p.deadlineMs)
    }
  }
  b.parkedShareFetch = keep
  if (next !== Infinity) armShareTimer(w, b, next)
}
