/**
 * The leader's side of Fetch, for followers (replicaId >= 0) and consumers (replicaId = -1).
 *
 * Follows ReplicaManager.fetchMessages / Partition.fetchRecords / DelayedFetch:
 * - not the leader → NOT_LEADER_OR_FOLLOWER; an older current leader epoch → FENCED_LEADER_EPOCH,
 *   a newer one → UNKNOWN_LEADER_EPOCH;
 * - a follower's lastFetchedEpoch is checked first: if its log diverges from the leader's, the
 *   answer is divergingEpoch {epoch, endOffset} (KIP-279 truncation on fetch), and nothing else;
 * - otherwise the follower's progress is recorded (which may expand the ISR and move the HW);
 * - followers read up to the LEO, consumers (read_uncommitted) up to the HW;
 * - a fetch offset beyond the LEO or below the log start → OFFSET_OUT_OF_RANGE;
 * - with no data to return the request waits (long poll) until data arrives or maxWaitMs passes;
 * - like an incremental fetch session (KIP-227), the response leaves out partitions with nothing
 *   new: no records, no error, and (for followers) no HW change since the last response.
 * Responses carry references to the log's batches, never copies.
 */
import { send } from '../kafka/wire.ts'
import type { World } from '../nodes/world.ts'
import type { BrokerNode, ParkedFetch, Replica } from './types.ts'
import { endOffsetForEpoch, latestEpoch, maybeIncrementHw, readBatches, updateFollower } from '../storage/partition.ts'
import { maybeExpandIsr } from './isr.ts'
import { armPurge, minIsrOf, wakeParkedProduce } from './produce-handler.ts'
import type { MessageOf } from '../kafka/messages.ts'
import type { FetchPart, FetchPartResponse } from '../kafka/payloads.ts'

export type { FetchPart, FetchPartResponse } from '../kafka/payloads.ts'

export function handleFetch(w: World, b: BrokerNode, m: MessageOf<'Fetch'>): void {
  const replicaId = m.replicaId
  let parts = m.parts
  let session: Record<string, FetchPart> | null = null
  if (replicaId >= 0) {
    session = followerSession(b, m)
    if (!session) {
      send(w, b.node, m.from, { api: 'FetchResponse', from: b.node, corr: m.corr, replicaId, error: 'FETCH_SESSION_ID_NOT_FOUND', parts: [] })
      return
    }
    for (const p of parts) recordFollowerFetch(w, b, replicaId, p)
    parts = Object.values(session)
  }
  const f: ParkedFetch = {
    corr: m.corr,
    from: m.from,
    replicaId,
    deadline: w.nowMs + m.maxWaitMs,
    parts,
    session,
    maxBytes: m.maxBytes,
  }
  if (m.maxWaitMs <= 0 || hasDataOrError(b, f)) return respondFetch(w, b, f)
  b.parkedFetch.push(f)
  armPurge(w, b, f.deadline)
}

/**
 * The follower's fetch session (KIP-227): a full request starts it; an incremental one updates the
 * partitions it names and drops the forgotten ones. Unknown session → FETCH_SESSION_ID_NOT_FOUND.
 */
function followerSession(b: BrokerNode, m: MessageOf<'Fetch'>): Record<string, FetchPart> | null {
  let session = b.fetchSessions[m.from]
  if (m.full) {
    session = {}
    b.fetchSessions[m.from] = session
  }
  if (!session) return null
  for (const tp of m.forgotten ?? []) delete session[tp]
  for (const p of m.parts) session[p.tp] = p
  return session
}

function recordFollowerFetch(w: World, b: BrokerNode, follower: number, p: FetchPart): void {
  const r = b.replicas[p.tp]
  if (!r || r.role !== 'leader' || p.currentLeaderEpoch !== r.leaderEpoch) return
  if (diverging(r, p)) return
  updateFollower(r, follower, p.fetchOffset, w.nowMs)
  maybeExpandIsr(w, b, r, follower)
  if (maybeIncrementHw(r, minIsrOf(w, b, r.topic), b.id)) {
    wakeParkedProduce(w, b, r)
    wakeParkedFetches(w, b, r.tp, true)
  }
}

function diverging(r: Replica, p: FetchPart): { epoch: number; endOffset: number } | null {
  if (p.lastFetchedEpoch < 0) return null
  if (p.fetchOffset <= r.leo && p.lastFetchedEpoch === latestEpoch(r)) return null
  const eo = endOffsetForEpoch(r, p.lastFetchedEpoch)
  if (eo.epoch < p.lastFetchedEpoch || eo.endOffset < p.fetchOffset) {
    return eo.epoch < 0 ? { epoch: -1, endOffset: -1 } : eo
  }
  return null
}

function partError(b: BrokerNode, r: Replica | undefined, p: FetchPart, follower: boolean): string {
  if (!r || r.role !== 'leader' || b.fenced) return 'NOT_LEADER_OR_FOLLOWER'
  if (p.currentLeaderEpoch >= 0 && p.currentLeaderEpoch < r.leaderEpoch) return 'FENCED_LEADER_EPOCH'
  if (p.currentLeaderEpoch > r.leaderEpoch) return 'UNKNOWN_LEADER_EPOCH'
  if (follower && diverging(r, p)) return 'NONE'
  if (p.fetchOffset > r.leo || p.fetchOffset < r.logStartOffset) return 'OFFSET_OUT_OF_RANGE'
  return 'NONE'
}

function hasDataOrError(b: BrokerNode, f: ParkedFetch): boolean {
  const follower = f.replicaId >= 0
  for (const p of f.parts) {
    const r = b.replicas[p.tp]
    if (partError(b, r, p, follower) !== 'NONE') return true
    if (follower && diverging(r!, p)) return true
    const limit = follower ? r!.leo : r!.hw
    if (limit > p.fetchOffset) return true
  }
  return false
}

function respondFetch(w: World, b: BrokerNode, f: ParkedFetch): void {
  const follower = f.replicaId >= 0
  const out: FetchPartResponse[] = []
  let budget = f.maxBytes
  for (const p of f.parts) {
    const r = b.replicas[p.tp]
    const error = partError(b, r, p, follower)
    if (error === 'NONE' && r && unchanged(r, p, f.replicaId)) continue
    const resp: FetchPartResponse = {
      tp: p.tp,
      error,
      highWatermark: r ? r.hw : -1,
      logStartOffset: r ? r.logStartOffset : -1,
      batches: [],
      diverging: null,
    }
    if (error === 'NONE' && r) {
      resp.diverging = follower ? diverging(r, p) : null
      if (!resp.diverging) {
        const limit = follower ? r.leo : r.hw
        if (limit > p.fetchOffset && budget > 0) {
          resp.batches = readBatches(r, p.fetchOffset, limit, budget)
          for (const x of resp.batches) budget -= x.sizeBytes
        }
      }
    }
    if (follower && r) {
      const fp = r.followers[String(f.replicaId)]
      if (fp) fp.lastSentHw = r.hw
    }
    out.push(resp)
  }
  send(w, b.node, f.from, { api: 'FetchResponse', from: b.node, corr: f.corr, replicaId: f.replicaId, parts: out })
}

/** Nothing new for this partition: no records to return, and the follower already has the HW. */
function unchanged(r: Replica, p: FetchPart, replicaId: number): boolean {
  if (replicaId < 0) return r.hw <= p.fetchOffset
  if (r.leo > p.fetchOffset || diverging(r, p)) return false
  const fp = r.followers[String(replicaId)]
  return !!fp && fp.lastSentHw === r.hw
}

/** New data (or, for consumers, a higher HW) in `tp`: answer the parked fetches it satisfies. */
export function wakeParkedFetches(w: World, b: BrokerNode, tp: string, hwMoved: boolean): void {
  const parked = b.parkedFetch
  if (parked.length === 0) return
  let keep: ParkedFetch[] | null = null
  for (let i = 0; i < parked.length; i++) {
    const f = parked[i]
    let ready = false
    if ((f.replicaId >= 0) !== hwMoved) {
      if (f.session) ready = f.session[tp] !== undefined
      else
        for (const p of f.parts) {
          if (p.tp === tp) {
            ready = true
            break
          }
        }
    }
    if (ready && hasDataOrError(b, f)) {
      if (!keep) keep = parked.slice(0, i)
      respondFetch(w, b, f)
    } else if (keep) keep.push(f)
  }
  if (keep) b.parkedFetch = keep
}

/** Leadership of `tp` changed on this broker: parked fetches that include it answer now. */
export function completeParkedFetchesFor(w: World, b: BrokerNode, tp: string): void {
  const keep: ParkedFetch[] = []
  for (const f of b.parkedFetch) {
    if (f.parts.some((p) => p.tp === tp)) respondFetch(w, b, f)
    else keep.push(f)
  }
  b.parkedFetch = keep
}

/** Answer parked fetches whose wait is over; returns the next deadline. */
export function purgeParkedFetches(w: World, b: BrokerNode): number {
  let next = Infinity
  const keep: ParkedFetch[] = []
  for (const f of b.parkedFetch) {
    if (f.deadline <= w.nowMs) respondFetch(w, b, f)
    else {
      keep.push(f)
      next = Math.min(next, f.deadline)
    }
  }
  b.parkedFetch = keep
  return next
}
