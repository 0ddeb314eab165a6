/**
 * The leader's side of Fetch, for followers (replicaId >= 0) and consumers (replicaId = -1).
 *
 * Follows ReplicaManager.fetchMessages:
 * - a follower's fetch belongs to its fetch session (KIP-227): a full request starts it, an
 *   incremental one names only what changed; an unknown session → FETCH_SESSION_ID_NOT_FOUND;
 * - a follower whose log diverges from the leader's (KIP-279) gets only divergingEpoch; otherwise
 *   its progress is recorded, which may expand the ISR and move the HW;
 * - what is read and the errors per partition: fetch-read.ts;
 * - with nothing to return the request is parked in the purgatory (purgatory.ts) until data
 *   arrives or maxWaitMs passes (long poll).
 */
import { send } from '../kafka/wire.ts'
import type { World } from '../nodes/world.ts'
import { NO_CHANGES, type BrokerNode, type ParkedFetch, type PartitionChange, type Replica } from './types.ts'
import { updateFollower } from '../storage/partition.ts'
import { maybeExpandIsr } from './isr.ts'
import { diverging, hasDataOrError, respondFetch } from './fetch-read.ts'
import { maybeIncrementLeaderHw, parkFetch } from './purgatory.ts'
import type { MessageOf } from '../kafka/messages.ts'
import type { FetchPart } from '../kafka/payloads.ts'

export type { FetchPart, FetchPartResponse } from '../kafka/payloads.ts'

/** Answer (or park) a Fetch; returns the partitions whose HW a follower's progress moved. */
export function handleFetch(w: World, b: BrokerNode, m: MessageOf<'Fetch'>): readonly PartitionChange[] {
  const replicaId = m.replicaId
  let parts = m.parts
  let session: Record<string, FetchPart> | null = null
  let changes: PartitionChange[] | null = null // most fetches move no HW: allocate on the first that does
  if (replicaId >= 0) {
    session = followerSession(b, m)
    if (!session) {
      send(w, b.node, m.from, { api: 'FetchResponse', from: b.node, corr: m.corr, replicaId, error: 'FETCH_SESSION_ID_NOT_FOUND', parts: [] })
      return NO_CHANGES
    }
    // every partition of the session, named in this request or not: an incremental request leaves
    // out the unchanged ones, yet the fetch still tells the leader the follower is there and where
    // (FetchSession's IncrementalFetchContext → Partition.updateFollowerFetchState for each, which
    // may expand the ISR: a caught-up follower of an idle partition must still be able to rejoin)
    parts = Object.values(session)
    for (const p of parts) {
      const r = recordFollowerFetch(w, b, replicaId, p)
      if (r) (changes ??= []).push({ replica: r, change: 'hwMoved' })
    }
  }
  serveFetch(w, b, m, parts, session)
  return changes ?? NO_CHANGES
}

function serveFetch(w: World, b: BrokerNode, m: MessageOf<'Fetch'>, parts: FetchPart[], session: Record<string, FetchPart> | null): void {
  const replicaId = m.replicaId
  const f: ParkedFetch = {
    corr: m.corr,
    from: m.from,
    replicaId,
    deadline: w.nowMs + m.maxWaitMs,
    parts,
    session,
    maxBytes: m.maxBytes,
    everyPartition: m.everyPartition === true,
  }
  if (m.maxWaitMs <= 0 || hasDataOrError(w, b, f)) return respondFetch(w, b, f)
  parkFetch(w, b, f)
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

/** Record a follower's fetch position; returns the replica if that moved its HW. */
function recordFollowerFetch(w: World, b: BrokerNode, follower: number, p: FetchPart): Replica | null {
  const r = b.replicas[p.tp]
  if (!r || r.role !== 'leader' || p.currentLeaderEpoch !== r.leaderEpoch) return null
  if (diverging(r, p)) return null
  updateFollower(r, follower, p.fetchOffset, w.nowMs)
  maybeExpandIsr(w, b, r, follower)
  return maybeIncrementLeaderHw(w, b, r) ? r : null
}
