/**
 * The leader's read side of Fetch: what a fetch may read and the response it gets, for an
 * immediate answer (fetch-handler.ts) and for a parked one (purgatory.ts).
 *
 * Follows Partition.fetchRecords / ReplicaManager.readFromLog and DelayedFetch.tryComplete:
 * - not the leader → NOT_LEADER_OR_FOLLOWER; an older current leader epoch → FENCED_LEADER_EPOCH,
 *   a newer one → UNKNOWN_LEADER_EPOCH;
 * - a follower whose log diverges from the leader's gets divergingEpoch {epoch, endOffset}
 *   (KIP-279) and nothing else;
 * - followers read up to the LEO, consumers (read_uncommitted) up to the HW, within maxBytes;
 * - a fetch offset beyond the LEO or below the log start → OFFSET_OUT_OF_RANGE;
 * - like an incremental fetch session (KIP-227), the response leaves out partitions with nothing
 *   new: no records, no error, and (for followers) no HW change since the last response.
 * Responses carry references to the log's batches, never copies.
 */
import { isLeaderThrottled, recordThrottled, shouldLeaderThrottle } from './replication-quota.ts'
import { send } from '../kafka/wire.ts'
import type { World } from '../nodes/world.ts'
import type { BrokerNode, ParkedFetch, Replica } from './types.ts'
import { endOffsetForEpoch, latestEpoch, readBatches } from '../storage/partition.ts'
import type { FetchPart, FetchPartResponse } from '../kafka/payloads.ts'

/** KIP-279: where a follower's log diverges from the leader's, or null when it does not. */
export function diverging(r: Replica, p: FetchPart): { epoch: number; endOffset: number } | null {
  if (p.lastFetchedEpoch < 0) return null
  if (p.fetchOffset <= r.leo && p.lastFetchedEpoch === latestEpoch(r)) return null
  const eo = endOffsetForEpoch(r, p.lastFetchedEpoch)
  if (eo.epoch < p.lastFetchedEpoch || eo.endOffset < p.fetchOffset) {
    return eo.epoch < 0 ? { epoch: -1, endOffset: -1 } : eo
  }
  return null
}

/** The partition's error for a fetch before reading: leadership and the leader epoch. */
function leaderError(b: BrokerNode, r: Replica | undefined, p: FetchPart): string {
  if (!r || r.role !== 'leader' || b.fenced) return 'NOT_LEADER_OR_FOLLOWER'
  if (p.currentLeaderEpoch >= 0 && p.currentLeaderEpoch < r.leaderEpoch) return 'FENCED_LEADER_EPOCH'
  if (p.currentLeaderEpoch > r.leaderEpoch) return 'UNKNOWN_LEADER_EPOCH'
  return 'NONE'
}

/** A fetch offset beyond the LEO or below the log start (a diverging follower is told that instead). */
function outOfRange(r: Replica, p: FetchPart): boolean {
  return p.fetchOffset > r.leo || p.fetchOffset < r.logStartOffset
}

/** May the fetch be answered now: an error, a divergence, or something to read in one partition. */
export function hasDataOrError(w: World, b: BrokerNode, f: ParkedFetch): boolean {
  const follower = f.replicaId >= 0
  for (const p of f.parts) {
    const r = b.replicas[p.tp]
    if (leaderError(b, r, p) !== 'NONE') return true
    if (follower && diverging(r!, p)) return true
    if (outOfRange(r!, p)) return true
    const limit = follower ? r!.leo : r!.hw
    // DelayedFetch: a throttled partition's bytes do not count towards answering now
    if (limit > p.fetchOffset && !(follower && shouldLeaderThrottle(w, b, r!, f.replicaId))) return true
  }
  return false
}

export function respondFetch(w: World, b: BrokerNode, f: ParkedFetch): void {
  const follower = f.replicaId >= 0
  const out: FetchPartResponse[] = []
  let budget = f.maxBytes
  let throttledBytes = 0
  for (const p of f.parts) {
    const r = b.replicas[p.tp]
    let error = leaderError(b, r, p)
    const div = error === 'NONE' && follower ? diverging(r!, p) : null
    if (error === 'NONE' && div === null) {
      if (outOfRange(r!, p)) error = 'OFFSET_OUT_OF_RANGE'
      else if (!f.everyPartition && unchanged(r!, p, f.replicaId)) continue
    }
    const resp: FetchPartResponse = {
      tp: p.tp,
      error,
      highWatermark: r ? r.hw : -1,
      logStartOffset: r ? r.logStartOffset : -1,
      batches: [],
      diverging: div,
    }
    if (error === 'NONE' && div === null) {
      const limit = follower ? r!.leo : r!.hw
      const throttled = follower && isLeaderThrottled(b, r!.tp)
      if (limit > p.fetchOffset && budget > 0 && !(throttled && shouldLeaderThrottle(w, b, r!, f.replicaId))) {
        resp.batches = readBatches(r!, p.fetchOffset, limit, budget)
        for (const x of resp.batches) {
          budget -= x.sizeBytes
          if (throttled) throttledBytes += x.sizeBytes
        }
      }
    }
    if (follower && r) {
      const fp = r.followers[f.replicaId]
      if (fp) fp.lastSentHw = r.hw
    }
    out.push(resp)
  }
  // KafkaApis: the bytes of every throttled partition in a follower's response count against the quota
  if (throttledBytes > 0) recordThrottled(b.leaderQuota, w.nowMs, throttledBytes)
  send(w, b.node, f.from, { api: 'FetchResponse', from: b.node, corr: f.corr, replicaId: f.replicaId, parts: out })
}

/** Nothing new for this partition (not diverging): no records to return, and the follower already has the HW. */
function unchanged(r: Replica, p: FetchPart, replicaId: number): boolean {
  if (replicaId < 0) return r.hw <= p.fetchOffset
  if (r.leo > p.fetchOffset) return false
  const fp = r.followers[replicaId]
  return !!fp && fp.lastSentHw === r.hw
}
