/**
 * The follower's side of replication: one fetcher per source broker (ReplicaFetcherThread /
 * AbstractFetcherThread), fetching all partitions this broker follows on that leader in one
 * long-polling Fetch (replica.fetch.wait.max.ms), sending the next fetch as soon as a response is
 * processed.
 *
 * - batches are appended as the very objects the leader holds (no copy);
 * - follower HW = min(leader HW in the response, own LEO);
 * - on divergingEpoch the follower truncates (AbstractFetcherThread.getOffsetTruncationState):
 *   to min(leader's end offset, its own end offset for that epoch) when it knows the epoch, else to
 *   the end of its largest smaller epoch and asks again (KIP-279);
 * - errors or a lost connection back off replica.fetch.backoff.ms; a request with no answer is given
 *   up after replica.socket.timeout.ms.
 */
import { timer, nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import type { World } from '../nodes/world.ts'
import type { BrokerNode, FetcherState, Replica } from './types.ts'
import { endOffsetForEpoch, latestEpoch, truncateTo } from '../storage/partition.ts'
import { appendToLog, restartLogAt } from './log-retention.ts'
import { maybeIncrementLogStartOffset } from '../storage/retention.ts'
import type { FetchPart, FetchPartResponse } from './fetch-handler.ts'
import type { MessageOf } from '../kafka/messages.ts'
import { isFollowerThrottled, recordThrottled, shouldFollowerThrottle } from './replication-quota.ts'

export function addToFetcher(w: World, b: BrokerNode, leader: number, tp: string): void {
  const key = String(leader)
  let f = b.fetchers[key]
  if (!f) {
    f = { leader, tps: [], inflight: false, corr: 0, backoffUntil: 0, sentMs: 0, session: {}, full: true, removed: [] }
    b.fetchers[key] = f
  }
  if (!f.tps.includes(tp)) f.tps.push(tp)
  sendFetch(w, b, f)
}

export function removeFromFetchers(b: BrokerNode, tp: string): void {
  for (const key of Object.keys(b.fetchers)) {
    const f = b.fetchers[key]
    const i = f.tps.indexOf(tp)
    if (i >= 0) {
      f.tps.splice(i, 1)
      f.removed.push(tp)
    }
  }
}

/**
 * Send the next fetch of an incremental fetch session (KIP-227): only the partitions whose fetch
 * position or epochs changed since the last request, plus the ones to forget; a full request
 * (every partition) starts a new session.
 */
function sendFetch(w: World, b: BrokerNode, f: FetcherState): void {
  if (f.inflight || w.nowMs < f.backoffUntil) return
  if (f.full) {
    f.session = {}
    f.removed = []
  }
  // Partitions that left this fetcher are forgotten; one that left and came back is sent afresh.
  const forgotten: string[] = []
  for (const tp of f.removed) {
    delete f.session[tp]
    if (!f.tps.includes(tp) && !forgotten.includes(tp)) forgotten.push(tp)
  }
  f.removed = []
  const parts: FetchPart[] = []
  let active = 0
  for (const tp of f.tps) {
    const r = b.replicas[tp]
    if (!r || r.role !== 'follower' || r.leader !== f.leader) continue
    active++
    const prev = f.session[tp]
    if (shouldFollowerThrottle(w, b, r)) {
      // left out of this fetch: FetchSessionHandler forgets a partition the request does not add
      if (prev) {
        delete f.session[tp]
        forgotten.push(tp)
      }
      continue
    }
    const lfe = latestEpoch(r)
    if (prev && prev.fetchOffset === r.leo && prev.lastFetchedEpoch === lfe && prev.currentLeaderEpoch === r.leaderEpoch) continue
    // the session remembers what this request says (the part is never changed once sent)
    const part: FetchPart = { tp, fetchOffset: r.leo, lastFetchedEpoch: lfe, currentLeaderEpoch: r.leaderEpoch }
    f.session[tp] = part
    parts.push(part)
  }
  if (active === 0 && forgotten.length === 0) return
  const full = f.full
  f.full = false
  f.inflight = true
  f.corr = nextCorrelationId(w)
  f.sentMs = w.nowMs
  send(w, b.node, String(f.leader), {
    api: 'Fetch',
    from: b.node,
    corr: f.corr,
    replicaId: b.id,
    brokerEpoch: b.brokerEpoch,
    maxWaitMs: w.brokerConfig['replica.fetch.wait.max.ms'],
    maxBytes: w.brokerConfig['replica.fetch.max.bytes'] * Math.max(1, active),
    full,
    parts,
    forgotten,
  })
}

function backoff(w: World, b: BrokerNode, f: FetcherState): void {
  const ms = w.brokerConfig['replica.fetch.backoff.ms']
  f.full = true
  f.backoffUntil = w.nowMs + ms
  timer(w, b.node, 'broker.fetcherRetry', ms, f.leader)
}

export function retryFetcher(w: World, b: BrokerNode, leader: number): void {
  const f = b.fetchers[String(leader)]
  if (f) sendFetch(w, b, f)
}

export function onReplicaFetchResponse(w: World, b: BrokerNode, m: MessageOf<'FetchResponse'>): void {
  const f = b.fetchers[m.from]
  if (!f || !f.inflight || f.corr !== m.corr) return
  f.inflight = false
  if (m.error === 'FETCH_SESSION_ID_NOT_FOUND') {
    f.full = true
    return sendFetch(w, b, f)
  }
  let errors = 0
  const parts = m.parts
  for (const p of parts) {
    const r = b.replicas[p.tp]
    if (!r || r.role !== 'follower' || r.leader !== f.leader) continue
    if (p.error === 'OFFSET_OUT_OF_RANGE' && p.logStartOffset > r.leo) {
      // AbstractFetcherThread.handleOutOfRangeError: the leader's log now starts past this log's end
      restartLogAt(w, b, r, p.logStartOffset)
      continue
    }
    if (p.error !== 'NONE') {
      errors++
      continue
    }
    if (p.diverging) truncateOnDivergence(r, p.diverging)
    else appendFromLeader(w, b, r, p)
  }
  if (errors > 0 && errors === parts.length) backoff(w, b, f)
  else sendFetch(w, b, f)
}

/** ReplicaFetcherThread.processPartitionData: append, take the leader's HW, then its log start offset. */
function appendFromLeader(w: World, b: BrokerNode, r: Replica, p: FetchPartResponse): void {
  // a batch may start past the LEO: the leader's cleaner removed whole batches there (offsets keep
  // their gaps, and UnifiedLog.appendAsFollower only refuses offsets below the LEO)
  for (const batch of p.batches) {
    if (batch.baseOffset < r.leo) continue
    appendToLog(w, b, r, batch)
  }
  r.hw = Math.min(p.highWatermark, r.leo)
  r.fetchLag = Math.max(0, p.highWatermark - r.leo)
  if (p.batches.length > 0 && isFollowerThrottled(b, r.tp)) {
    let bytes = 0
    for (const batch of p.batches) bytes += batch.sizeBytes
    recordThrottled(b.followerQuota, w.nowMs, bytes)
  }
  // the follower's log start follows the leader's (never past its HW); its segments below go at its next retention pass
  if (p.logStartOffset > r.logStartOffset) maybeIncrementLogStartOffset(r, p.logStartOffset)
}

function truncateOnDivergence(r: Replica, d: { epoch: number; endOffset: number }): void {
  if (d.epoch < 0) {
    truncateTo(r, r.hw)
    return
  }
  const mine = endOffsetForEpoch(r, d.epoch)
  if (mine.epoch === d.epoch) truncateTo(r, Math.min(d.endOffset, mine.endOffset, r.leo))
  else truncateTo(r, Math.min(mine.endOffset < 0 ? 0 : mine.endOffset, r.leo))
}

/** The connection to `peer` broke: its fetcher backs off and retries. */
export function onFetcherDisconnect(w: World, b: BrokerNode, peer: string): void {
  const f = b.fetchers[peer]
  if (!f || !f.inflight) return
  f.inflight = false
  backoff(w, b, f)
}

export function checkFetcherTimeouts(w: World, b: BrokerNode): void {
  const timeout = w.brokerConfig['replica.socket.timeout.ms']
  for (const key of Object.keys(b.fetchers)) {
    const f = b.fetchers[key]
    if (f.inflight && w.nowMs - f.sentMs > timeout) {
      f.inflight = false
      backoff(w, b, f)
    } else if (!f.inflight) sendFetch(w, b, f)
  }
}
