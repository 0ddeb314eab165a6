/**
 * The KRaft quorum (KIP-595): voters elect a leader for the `__cluster_metadata` log and replicate it
 * by pull (followers and observers send Fetch to the leader).
 *
 * Follows raft/src/main/java/org/apache/kafka/raft/ (KafkaRaftClient, QuorumState):
 * - a voter that hears nothing from a leader for controller.quorum.fetch.timeout.ms becomes
 *   Prospective and asks for pre-votes (KIP-996, Kafka 4.0) without bumping the epoch; a follower
 *   that still hears from its leader and the leader itself deny pre-votes, so a restarted or
 *   briefly cut-off voter cannot depose a healthy leader; with a majority of pre-votes it becomes a
 *   candidate (epoch + 1); elections retry after a randomized timeout in [T, 2T)
 *   (T = controller.quorum.election.timeout.ms);
 * - a vote is granted at most once per epoch, to a candidate whose log is at least as up to date;
 * - the leader announces itself with BeginQuorumEpoch (repeated to voters that have not fetched)
 *   and appends a LeaderChange record;
 * - the high watermark is the largest offset held by a majority, counted only once an entry of the
 *   leader's own epoch is replicated (Raft's commit rule);
 * - a follower whose log diverges is told the diverging epoch and truncates;
 * - a leader that no majority has fetched from within the fetch timeout resigns.
 * Timers are lazy: a timer event re-checks its deadline and re-arms if contact happened meanwhile.
 *
 * Raft knows nothing of the state machine on top of its log. Its steps are generators that yield
 * what happened (RaftOutcome: became leader, entries committed, resigned) at the moment it happens,
 * the way KafkaRaftClient calls its RaftClient.Listener (handleLeaderChange, handleCommit); whoever
 * drives a step (the QuorumController, runRaft) acts on each outcome before Raft goes on.
 */
import { nextRange } from '../kernel/rng.ts'
import { timer, nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { emit } from '../kafka/events.ts'
import type { World } from '../nodes/world.ts'
import { applyRecord, rebuildImage, type MetaRecord, type RaftEntry } from './metadata.ts'
import type { ControllerNode } from './types.ts'
import type { MessageOf } from '../kafka/messages.ts'

/** What a Raft step did that the state machine on top of the log must act on, where it happened. */
export type RaftOutcome =
  /** this voter won the election: it is the leader of its epoch and appended its LeaderChange */
  | { type: 'BecameLeader'; epoch: number }
  /** the high watermark advanced: entries [0, hw) are committed */
  | { type: 'Committed'; hw: number }
  /** this voter was the leader and no longer is */
  | { type: 'Resigned'; epoch: number }

/** A Raft step: run it to completion, acting on each outcome it yields, to get its result. */
export type RaftStep<T = void> = Generator<RaftOutcome, T, undefined>

const FETCH_MAX_WAIT_MS = 500

function majority(w: World): number {
  return Math.floor(w.voterIds.length / 2) + 1
}

function lastEpoch(c: ControllerNode): number {
  return c.log.length ? c.log[c.log.length - 1].epoch : 0
}

function electionTimeout(w: World): number {
  const t = w.brokerConfig['controller.quorum.election.timeout.ms']
  return nextRange(w.rng.raft, t, 2 * t - 1)
}

export function newControllerNode(id: string): ControllerNode {
  return {
    id,
    epoch: 0,
    votedFor: null,
    log: [],
    role: 'Unattached',
    leaderId: null,
    hw: 0,
    image: rebuildImage([], 0),
    lastContactMs: 0,
    electionDeadlineMs: 0,
    votes: [],
    lastLeaderId: null,
    fetchInflight: false,
    fetchCorr: 0,
    followerEnd: {},
    parked: [],
    pending: [],
    lastHeartbeatMs: {},
    brokerMetadataOffset: {},
    controlledShutdownOffset: {},
    activeSinceMs: 0,
    nextProducerIdBlock: 0,
  }
}

/** Start (or restart) a voter: keep the persisted epoch, vote and log; forget everything else. */
export function startController(w: World, c: ControllerNode): void {
  c.role = 'Unattached'
  c.leaderId = null
  c.hw = 0
  c.image = rebuildImage(c.log, c.log.length)
  c.votes = []
  c.fetchInflight = false
  c.followerEnd = {}
  c.parked = []
  c.pending = []
  c.lastHeartbeatMs = {}
  c.brokerMetadataOffset = {}
  c.controlledShutdownOffset = {}
  c.lastContactMs = w.nowMs
  armElection(w, c, electionTimeout(w))
}

/** A controller process crashed: its role, leader knowledge and parked or pending work are gone. */
export function crashController(c: ControllerNode): void {
  c.role = 'Unattached'
  c.leaderId = null
  c.parked = []
  c.pending = []
}

function armElection(w: World, c: ControllerNode, delay: number): void {
  c.electionDeadlineMs = w.nowMs + delay
  timer(w, c.id, 'raft.election', delay, c.epoch)
}

function* becomeProspective(w: World, c: ControllerNode): RaftStep {
  if (c.leaderId) c.lastLeaderId = c.leaderId
  c.role = 'Prospective'
  c.leaderId = null
  c.votes = [c.id]
  c.fetchInflight = false
  if (c.votes.length >= majority(w)) return yield* becomeCandidate(w, c)
  for (const v of w.voterIds) {
    if (v === c.id) continue
    send(w, c.id, v, { api: 'Vote', from: c.id, preVote: true, epoch: c.epoch, lastEpoch: lastEpoch(c), lastOffset: c.log.length })
  }
  armElection(w, c, electionTimeout(w))
}

function* becomeCandidate(w: World, c: ControllerNode): RaftStep {
  c.epoch += 1
  c.role = 'Candidate'
  c.votedFor = c.id
  c.leaderId = null
  c.votes = [c.id]
  c.fetchInflight = false
  emit(w, { type: 'ControllerElectionStarted', controller: c.id, epoch: c.epoch })
  if (c.votes.length >= majority(w)) return yield* becomeLeader(w, c)
  for (const v of w.voterIds) {
    if (v === c.id) continue
    send(w, c.id, v, { api: 'Vote', from: c.id, epoch: c.epoch, lastEpoch: lastEpoch(c), lastOffset: c.log.length })
  }
  armElection(w, c, electionTimeout(w))
}

function* becomeLeader(w: World, c: ControllerNode): RaftStep {
  c.role = 'Leader'
  c.leaderId = c.id
  c.lastLeaderId = c.id
  c.followerEnd = {}
  for (const v of w.voterIds) if (v !== c.id) c.followerEnd[v] = { end: 0, lastFetchMs: w.nowMs }
  c.parked = []
  emit(w, { type: 'ControllerActive', controller: c.id, epoch: c.epoch })
  for (const v of w.voterIds) if (v !== c.id) send(w, c.id, v, { api: 'BeginQuorumEpoch', from: c.id, epoch: c.epoch })
  yield* appendRecords(w, c, [{ type: 'LeaderChange', leaderId: c.id, epoch: c.epoch }])
  timer(w, c.id, 'raft.checkQuorum', w.brokerConfig['controller.quorum.fetch.timeout.ms'] / 4, c.epoch)
  yield { type: 'BecameLeader', epoch: c.epoch }
}

/** Step down to an unattached voter in `epoch` (a higher epoch seen, or a resignation). */
function* becomeUnattached(w: World, c: ControllerNode, epoch: number, leaderId: string | null): RaftStep {
  const wasLeader = c.role === 'Leader'
  if (epoch > c.epoch) c.votedFor = null
  c.epoch = epoch
  c.leaderId = leaderId
  c.role = leaderId ? 'Follower' : 'Unattached'
  if (leaderId) c.lastLeaderId = leaderId
  c.votes = []
  c.fetchInflight = false
  c.parked = []
  if (wasLeader) yield { type: 'Resigned', epoch: c.epoch }
  c.lastContactMs = w.nowMs
  if (c.role === 'Follower') {
    armFetchTimeout(w, c)
    fetchFromLeader(w, c)
  } else armElection(w, c, electionTimeout(w))
}

function armFetchTimeout(w: World, c: ControllerNode): void {
  const t = w.brokerConfig['controller.quorum.fetch.timeout.ms']
  c.electionDeadlineMs = c.lastContactMs + t
  timer(w, c.id, 'raft.election', c.electionDeadlineMs - w.nowMs, c.epoch)
}

/** Append records as the leader; they are applied to the leader's image at once. */
export function* appendRecords(w: World, c: ControllerNode, recs: MetaRecord[]): RaftStep<number> {
  for (const rec of recs) {
    const e: RaftEntry = { offset: c.log.length, epoch: c.epoch, rec }
    if (rec.type === 'RegisterBroker') rec.brokerEpoch = e.offset
    c.log.push(e)
    applyRecord(c.image, e)
  }
  yield* advanceHighWatermark(w, c)
  wakeParked(w, c, false)
  return c.log.length - 1
}

function* advanceHighWatermark(w: World, c: ControllerNode): RaftStep {
  const ends = [c.log.length]
  for (const v of w.voterIds) if (v !== c.id) ends.push(c.followerEnd[v]?.end ?? 0)
  ends.sort((a, b) => b - a)
  const candidate = ends[majority(w) - 1]
  if (candidate > c.hw && c.log[candidate - 1].epoch === c.epoch) {
    c.hw = candidate
    yield { type: 'Committed', hw: c.hw }
    wakeParked(w, c, true)
  }
}

export function* handleRaftTimer(w: World, c: ControllerNode, kind: string, epoch: number): RaftStep {
  if (kind === 'raft.election') {
    if (epoch !== c.epoch || c.role === 'Leader') return
    if (w.nowMs < c.electionDeadlineMs) {
      timer(w, c.id, 'raft.election', c.electionDeadlineMs - w.nowMs, c.epoch)
      return
    }
    if (c.role === 'Candidate') yield* becomeCandidate(w, c)
    else yield* becomeProspective(w, c)
  } else if (kind === 'raft.checkQuorum') {
    if (c.role !== 'Leader' || epoch !== c.epoch) return
    const t = w.brokerConfig['controller.quorum.fetch.timeout.ms']
    let fresh = 1
    for (const v of w.voterIds) if (v !== c.id && w.nowMs - (c.followerEnd[v]?.lastFetchMs ?? 0) <= t) fresh++
    if (fresh < majority(w)) {
      emit(w, { type: 'ControllerResigned', controller: c.id, fetchTimeoutMs: t })
      yield* becomeUnattached(w, c, c.epoch, null)
      return
    }
    for (const v of w.voterIds) {
      if (v !== c.id && w.nowMs - (c.followerEnd[v]?.lastFetchMs ?? 0) > t / 4)
        send(w, c.id, v, { api: 'BeginQuorumEpoch', from: c.id, epoch: c.epoch })
    }
    timer(w, c.id, 'raft.checkQuorum', t / 4, c.epoch)
  } else if (kind === 'raft.fetchWait') {
    expireParked(w, c)
  }
}

export function* handleRaftMessage(w: World, c: ControllerNode, m: MessageOf<'Vote' | 'VoteResponse' | 'BeginQuorumEpoch' | 'RaftFetch' | 'RaftFetchResponse'>): RaftStep {
  switch (m.api) {
    case 'Vote':
      return yield* onVote(w, c, m)
    case 'VoteResponse':
      return yield* onVoteResponse(w, c, m)
    case 'BeginQuorumEpoch': {
      const epoch = m.epoch
      if (epoch < c.epoch) return
      if (epoch > c.epoch || c.role !== 'Follower' || c.leaderId !== m.from) yield* becomeUnattached(w, c, epoch, m.from)
      return
    }
    case 'RaftFetch':
      return yield* onFetch(w, c, m)
    case 'RaftFetchResponse':
      return yield* onFetchResponse(w, c, m)
  }
}

function* onVote(w: World, c: ControllerNode, m: MessageOf<'Vote'>): RaftStep {
  const epoch = m.epoch
  if (m.preVote) return yield* onPreVote(w, c, m)
  if (epoch > c.epoch) yield* becomeUnattached(w, c, epoch, null)
  let granted = false
  if (epoch === c.epoch && (c.votedFor === null || c.votedFor === m.from) && c.role !== 'Leader') {
    const le = lastEpoch(c)
    const upToDate = m.lastEpoch > le || (m.lastEpoch === le && m.lastOffset >= c.log.length)
    if (upToDate) {
      granted = true
      c.votedFor = m.from
      c.role = 'Voted'
      c.lastContactMs = w.nowMs
      armElection(w, c, electionTimeout(w))
    }
  }
  send(w, c.id, m.from, { api: 'VoteResponse', from: c.id, epoch: c.epoch, granted })
}

/** KIP-996: grant a pre-vote unless we are the leader or still hear from one; no state changes. */
function* onPreVote(w: World, c: ControllerNode, m: MessageOf<'Vote'>): RaftStep {
  const epoch = m.epoch
  if (epoch > c.epoch) yield* becomeUnattached(w, c, epoch, null)
  const fetchTimeout = w.brokerConfig['controller.quorum.fetch.timeout.ms']
  const hearsLeader = c.role === 'Follower' && w.nowMs - c.lastContactMs < fetchTimeout
  const le = lastEpoch(c)
  const upToDate = m.lastEpoch > le || (m.lastEpoch === le && m.lastOffset >= c.log.length)
  const granted = epoch >= c.epoch && c.role !== 'Leader' && !hearsLeader && upToDate
  send(w, c.id, m.from, { api: 'VoteResponse', from: c.id, epoch: c.epoch, granted, preVote: true })
}

function* onVoteResponse(w: World, c: ControllerNode, m: MessageOf<'VoteResponse'>): RaftStep {
  const epoch = m.epoch
  if (m.preVote) {
    if (epoch > c.epoch) return yield* becomeUnattached(w, c, epoch, null)
    if (c.role !== 'Prospective' || epoch !== c.epoch || !m.granted) return
    if (!c.votes.includes(m.from)) c.votes.push(m.from)
    if (c.votes.length >= majority(w)) yield* becomeCandidate(w, c)
    return
  }
  if (epoch > c.epoch) return yield* becomeUnattached(w, c, epoch, null)
  if (c.role !== 'Candidate' || epoch !== c.epoch || !m.granted) return
  if (!c.votes.includes(m.from)) c.votes.push(m.from)
  if (c.votes.length >= majority(w)) yield* becomeLeader(w, c)
}

/** Follower/observer side: ask the leader for the log from our end. */
export function fetchFromLeader(w: World, c: ControllerNode): void {
  if (c.role !== 'Follower' || !c.leaderId || c.fetchInflight) return
  c.fetchInflight = true
  c.fetchCorr = nextCorrelationId(w)
  send(w, c.id, c.leaderId, {
    api: 'RaftFetch',
    from: c.id,
    corr: c.fetchCorr,
    epoch: c.epoch,
    offset: c.log.length,
    lastFetchedEpoch: lastEpoch(c),
    hw: c.hw,
    observer: false,
  })
}

/** The leader's end of a log fetch, shared by voters and observer brokers. */
function* onFetch(w: World, c: ControllerNode, m: MessageOf<'RaftFetch'>): RaftStep {
  const observer = m.observer
  if (c.role !== 'Leader') {
    send(w, c.id, m.from, {
      api: 'RaftFetchResponse',
      from: c.id,
      corr: m.corr,
      error: 'NOT_LEADER_OR_FOLLOWER',
      epoch: c.epoch,
      leaderId: c.leaderId,
      observer: m.observer,
    })
    return
  }
  const epoch = m.epoch
  if (!observer && epoch > c.epoch) return yield* becomeUnattached(w, c, epoch, null)
  const offset = m.offset
  const lfe = m.lastFetchedEpoch
  if (!observer && offset > 0 && (offset > c.log.length || c.log[offset - 1].epoch !== lfe)) {
    send(w, c.id, m.from, {
      api: 'RaftFetchResponse',
      from: c.id,
      corr: m.corr,
      error: 'NONE',
      epoch: c.epoch,
      leaderId: c.id,
      diverging: divergingEnd(c, lfe),
      entries: [],
      hw: c.hw,
      observer,
    })
    return
  }
  if (!observer && c.followerEnd[m.from]) {
    c.followerEnd[m.from] = { end: offset, lastFetchMs: w.nowMs }
    yield* advanceHighWatermark(w, c)
  }
  const limit = observer ? c.hw : c.log.length
  if (offset < limit || (!observer && m.hw !== undefined && m.hw < c.hw)) {
    respondFetch(w, c, m.from, m.corr, offset, observer)
    return
  }
  c.parked.push({ from: m.from, corr: m.corr, offset, observer, deadline: w.nowMs + FETCH_MAX_WAIT_MS })
  timer(w, c.id, 'raft.fetchWait', FETCH_MAX_WAIT_MS, c.epoch)
}

function divergingEnd(c: ControllerNode, epoch: number): { epoch: number; endOffset: number } {
  let best = -1
  for (let i = c.log.length - 1; i >= 0; i--) {
    if (c.log[i].epoch <= epoch) {
      best = i
      break
    }
  }
  if (best < 0) return { epoch: 0, endOffset: 0 }
  const e = c.log[best].epoch
  let end = best + 1
  while (end < c.log.length && c.log[end].epoch === e) end++
  return { epoch: e, endOffset: end }
}

function respondFetch(w: World, c: ControllerNode, to: string, corr: number, offset: number, observer: boolean): void {
  const limit = observer ? c.hw : c.log.length
  send(w, c.id, to, {
    api: 'RaftFetchResponse',
    from: c.id,
    corr,
    error: 'NONE',
    epoch: c.epoch,
    leaderId: c.id,
    entries: c.log.slice(offset, Math.min(limit, offset + 500)),
    hw: c.hw,
    observer,
  })
}

function wakeParked(w: World, c: ControllerNode, hwMoved: boolean): void {
  if (c.parked.length === 0) return
  const keep = []
  for (const p of c.parked) {
    const limit = p.observer ? c.hw : c.log.length
    if (p.offset < limit || (hwMoved && !p.observer)) respondFetch(w, c, p.from, p.corr, p.offset, p.observer)
    else keep.push(p)
  }
  c.parked = keep
}

function expireParked(w: World, c: ControllerNode): void {
  if (c.role !== 'Leader') return
  const keep = []
  for (const p of c.parked) {
    if (p.deadline <= w.nowMs) respondFetch(w, c, p.from, p.corr, p.offset, p.observer)
    else keep.push(p)
  }
  c.parked = keep
}

function* onFetchResponse(w: World, c: ControllerNode, m: MessageOf<'RaftFetchResponse'>): RaftStep {
  if (m.corr !== c.fetchCorr) return
  c.fetchInflight = false
  const epoch = m.epoch
  if (m.error !== 'NONE') {
    if (epoch > c.epoch) yield* becomeUnattached(w, c, epoch, m.leaderId ?? null)
    return
  }
  if (epoch > c.epoch) {
    yield* becomeUnattached(w, c, epoch, m.from)
    return
  }
  if (c.role !== 'Follower' || m.from !== c.leaderId) return
  c.lastContactMs = w.nowMs
  armFetchTimeoutLazy(w, c)
  const div = m.diverging
  if (div) {
    truncateLog(c, Math.min(div.endOffset, endOffsetForEpoch(c, div.epoch)))
  } else {
    const entries = m.entries as RaftEntry[]
    for (const e of entries) {
      if (e.offset !== c.log.length) break
      c.log.push(e)
      applyRecord(c.image, e)
    }
    c.hw = Math.min(m.hw as number, c.log.length)
  }
  fetchFromLeader(w, c)
}

function armFetchTimeoutLazy(w: World, c: ControllerNode): void {
  // The pending election timer re-checks lastContactMs when it fires; only arm a new one when the
  // deadline it guards has already passed.
  const t = w.brokerConfig['controller.quorum.fetch.timeout.ms']
  c.electionDeadlineMs = Math.max(c.electionDeadlineMs, c.lastContactMs + t)
}

function endOffsetForEpoch(c: ControllerNode, epoch: number): number {
  let end = 0
  for (let i = 0; i < c.log.length; i++) if (c.log[i].epoch <= epoch) end = i + 1
  return end
}

function truncateLog(c: ControllerNode, to: number): void {
  if (to >= c.log.length) return
  c.log.length = to
  c.hw = Math.min(c.hw, to)
  c.image = rebuildImage(c.log, c.log.length)
}
