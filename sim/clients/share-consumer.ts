/**
 * A share consumer (KafkaShareConsumer, KIP-932), as the Java client's ShareConsumerImpl,
 * ShareMembershipManager, ShareHeartbeatRequestManager and ShareConsumeRequestManager do it:
 * - membership: the member makes its own member id and joins its share group with a
 *   ShareGroupHeartbeat of epoch 0, then heartbeats every interval the coordinator gives; the
 *   answer's assignment is the set of partitions it fetches from (several members share a
 *   partition); FENCED_MEMBER_EPOCH or UNKNOWN_MEMBER_ID: it rejoins with epoch 0;
 * - fetching: once the records fetched before are all handed out, one ShareFetch per partition
 *   leader at a time, naming the assigned partitions that broker leads and carrying the
 *   acknowledgements due for them; the leader answers with the records it acquired for the member
 *   (a long poll of fetch.max.wait.ms when there are none);
 * - the application: poll() hands out at most max.poll.records acquired records, processing takes
 *   processingMsPerRecord each; in implicit acknowledgement mode (the default) the next poll
 *   acknowledges them: ACCEPT, or for a record that failed processing (the scenario's
 *   failProcessing: its offset a multiple of everyNth) RELEASE (delivered again) or REJECT
 *   (archived). Acknowledgements go with the next ShareFetch to the leader (after the one in flight
 *   comes back), or in a ShareAcknowledge while the member fetches nothing from that leader;
 * - close(): a ShareAcknowledge that closes the share session on each leader (the broker releases
 *   what the member still holds, the poll it was processing included), then a heartbeat of epoch
 *   -1. A crashed member sends nothing: its records come back when their locks run out
 *   (group.share.record.lock.duration.ms).
 * Simplified: no share session epochs beyond the final close; the coordinator names topics beside
 * their ids in assignments; explicit acknowledgement mode is not modelled.
 *
 * Invariants: a record is acknowledged only by the member that acquired it and at most once per
 * acquisition; every acquisition, every answered acknowledgement and every one whose answer never
 * came (a crash, a timeout, a lost connection) is recorded in history.shares.
 */
import { nextCorrelationId, timer } from '../kernel/node-io.ts'
import { nextU32 } from '../kernel/rng.ts'
import { send } from '../kafka/wire.ts'
import type { World, Msg } from '../nodes/world.ts'
import type { MessageOf } from '../kafka/messages.ts'
import type { ShareAcknowledgement } from '../kafka/payloads.ts'
import { resolveShareConsumerConfig } from '../kafka/config.ts'
import { parseTopicPartition, partitionName } from '../kafka/topic-partition.ts'
import type { ShareGroupSpec } from '../scenario/types.ts'
import { recordShareAckUnanswered, recordShareAcknowledged, recordShareAcquired, recordShareFetchUnanswered } from '../history/share-history.ts'
import { abandonMetadata, connectionFailed, countError, expireFetchRequests, inReconnectBackoff, metadataDue, newFetchState, requestMetadata } from './fetcher.ts'
import type { ShareFetchPlan, ShareMemberNode } from './share-consumer-types.ts'
import { armHeartbeatTimer, armHeartbeatTimerAt } from './heartbeat-timer.ts'

const TICK_MS = 1000

export function newShareMember(spec: ShareGroupSpec, clientId: string): ShareMemberNode {
  return {
    id: clientId,
    groupId: spec.groupId,
    spec,
    cfg: resolveShareConsumerConfig(spec.config),
    ...newFetchState(),
    fetchInflight: {},
    connBackoff: {},
    errors: {},
    state: 'UNSUBSCRIBED',
    memberId: '',
    memberEpoch: 0,
    heartbeatIntervalMs: 0,
    assignment: [],
    topicLeaders: {},
    leaderOfTp: {},
    fetchPlan: null,
    coordinator: -1,
    findCoordinator: null,
    findTarget: 0,
    heartbeat: null,
    heartbeatToken: 0,
    heartbeatTimerToken: -1,
    heartbeatTimerMs: -1,
    lastHeartbeatSentMs: 0,
    retryAtMs: 0,
    buffered: [],
    processing: [],
    pendingAcks: [],
    pendingAckLeaders: [],
    acksInFlight: [],
    app: 'stopped',
    pollSeq: 0,
    closing: false,
    acquired: 0,
    acknowledged: 0,
    released: 0,
    rejected: 0,
  }
}

/** Boot or restart: a new process with a new member id; what the last one held is gone with it. */
export function startShareMember(w: World, m: ShareMemberNode): void {
  const spec = w.shareGroupSpecs[m.groupId]
  if (spec !== undefined && spec !== m.spec) Object.assign(m, { spec, cfg: resolveShareConsumerConfig(spec.config) })
  let id = ''
  for (let i = 0; i < 22; i++) id += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[nextU32(w.rng.clients) & 63]
  Object.assign(m, {
    memberId: id,
    memberEpoch: 0,
    state: 'JOINING',
    assignment: [],
    fetchPlan: null,
    coordinator: -1,
    findCoordinator: null,
    heartbeat: null,
    buffered: [],
    processing: [],
    pendingAcks: [],
    pendingAckLeaders: [],
    acksInFlight: [],
    fetchInflight: {},
    metaInflight: false,
    needMetadata: true,
    closing: false,
  })
  m.heartbeatToken++
  requestMetadata(w, m, m.spec.topics)
  timer(w, m.id, 'share.tick', TICK_MS)
  m.app = 'polling'
  m.pollSeq++
  pollLoop(w, m)
}

// ------------------------------------------------------------------ the coordinator and heartbeats

function findCoordinator(w: World, m: ShareMemberNode): void {
  if (m.findCoordinator !== null || w.nowMs < m.retryAtMs) return
  const node = w.brokerIds[m.findTarget % w.brokerIds.length]
  const corr = nextCorrelationId(w)
  m.findCoordinator = { corr, node, deadline: w.nowMs + m.cfg['request.timeout.ms'] }
  send(w, m.id, String(node), { api: 'FindCoordinator', from: m.id, corr, key: m.groupId })
}

function lostCoordinator(w: World, m: ShareMemberNode): void {
  m.coordinator = -1
  m.heartbeat = null
  m.findTarget++
  m.retryAtMs = w.nowMs + m.cfg['retry.backoff.ms']
  timer(w, m.id, 'share.retry', m.cfg['retry.backoff.ms'])
}

function maybeHeartbeat(w: World, m: ShareMemberNode): void {
  if (m.state !== 'JOINING' && m.state !== 'STABLE') return
  if (m.coordinator < 0) return findCoordinator(w, m)
  if (m.heartbeat !== null) return
  const due = m.lastHeartbeatSentMs + m.heartbeatIntervalMs
  if (m.state === 'STABLE' && w.nowMs < due) return armHeartbeatTimerAt(w, m, 'share.heartbeat', due)
  const corr = nextCorrelationId(w)
  m.heartbeat = { corr, deadline: w.nowMs + m.cfg['request.timeout.ms'] }
  m.lastHeartbeatSentMs = w.nowMs
  const joining = m.state === 'JOINING'
  send(w, m.id, String(m.coordinator), {
    api: 'ShareGroupHeartbeat',
    from: m.id,
    corr,
    groupId: m.groupId,
    memberId: m.memberId,
    memberEpoch: joining ? 0 : m.memberEpoch,
    subscribedTopicNames: joining ? m.spec.topics.slice().sort() : null,
  })
}

function armHeartbeat(w: World, m: ShareMemberNode, delayMs: number): void {
  armHeartbeatTimer(w, m, 'share.heartbeat', delayMs)
}

function onHeartbeatResponse(w: World, m: ShareMemberNode, msg: MessageOf<'ShareGroupHeartbeatResponse'>): void {
  if (m.heartbeat === null || m.heartbeat.corr !== msg.corr) return
  m.heartbeat = null
  if (msg.error === 'NONE') {
    if (m.state !== 'JOINING' && m.state !== 'STABLE') return
    m.state = 'STABLE'
    m.memberEpoch = msg.memberEpoch
    m.heartbeatIntervalMs = msg.heartbeatIntervalMs
    if (msg.assignment !== null) {
      m.assignment = msg.assignment.flatMap((t) => t.partitions.map((p) => partitionName(t.topic, p))).sort()
      m.fetchPlan = null
    }
    return armHeartbeat(w, m, m.heartbeatIntervalMs)
  }
  countError(m, msg.error)
  if (msg.error === 'NOT_COORDINATOR' || msg.error === 'COORDINATOR_NOT_AVAILABLE') return lostCoordinator(w, m)
  if (msg.error === 'FENCED_MEMBER_EPOCH' || msg.error === 'UNKNOWN_MEMBER_ID') {
    // fenced: rejoin (what it holds comes back to the group when its locks run out)
    m.state = 'JOINING'
    m.memberEpoch = 0
    return armHeartbeat(w, m, 0)
  }
  m.state = 'FATAL'
  m.app = 'stopped'
}

// ------------------------------------------------------------------ fetching and acknowledging

function leaderOf(m: ShareMemberNode, tp: string): number {
  const known = m.leaderOfTp[tp]
  if (known !== undefined) return known
  const { topic, partition } = parseTopicPartition(tp)!
  return (m.leaderOfTp[tp] = m.topicLeaders[topic]?.[partition]?.leader ?? -1)
}

/** One ShareFetch per leader with none in flight, carrying that leader's acknowledgements. */
function sendShareFetches(w: World, m: ShareMemberNode): void {
  if (m.state !== 'STABLE' || m.closing) return
  // the poll loop asks on every round: the partitions are grouped by leader once per assignment or metadata
  const plan = (m.fetchPlan ??= fetchPlanOf(m))
  if (plan.leaderUnknown) m.needMetadata = true
  for (const { leader, tps } of plan.byLeader) {
    if (m.fetchInflight[leader] !== undefined || inReconnectBackoff(w, m.connBackoff, leader)) continue
    const corr = nextCorrelationId(w)
    // acknowledgements of every partition this broker leads, assigned or not (any longer)
    const acks = takeAcks(m, leader)
    m.fetchInflight[leader] = { corr, sentMs: w.nowMs, tps }
    if (acks.length > 0) m.acksInFlight.push({ corr, acks })
    send(w, m.id, String(leader), {
      api: 'ShareFetch',
      from: m.id,
      corr,
      groupId: m.groupId,
      memberId: m.memberId,
      maxWaitMs: m.cfg['fetch.max.wait.ms'],
      maxRecords: m.cfg['max.poll.records'],
      tps,
      acknowledgements: acks,
    })
  }
}

/** The assignment grouped by leader, the leaders in the order their first partition comes (the partitions never change once made: requests share them). */
function fetchPlanOf(m: ShareMemberNode): ShareFetchPlan {
  const byLeader: ShareFetchPlan['byLeader'] = []
  let leaderUnknown = false
  for (const tp of m.assignment) {
    const leader = leaderOf(m, tp)
    if (leader < 0) leaderUnknown = true
    else {
      const entry = byLeader.find((e) => e.leader === leader)
      if (entry === undefined) byLeader.push({ leader, tps: [tp] })
      else entry.tps.push(tp)
    }
  }
  return { byLeader, leaderUnknown }
}

/** The leaders of `tps` and `more`, each once, ascending (-1 when one has none). */
function leadersOf(m: ShareMemberNode, tps: readonly string[], more: readonly number[]): number[] {
  const out: number[] = []
  for (const l of more) if (!out.includes(l)) out.push(l)
  for (const tp of tps) {
    const l = leaderOf(m, tp)
    if (!out.includes(l)) out.push(l)
  }
  return out.sort((a, b) => a - b)
}

/** Pending acknowledgements of the partitions `leader` leads, taken off the pending list to be sent. */
function takeAcks(m: ShareMemberNode, leader: number): ShareAcknowledgement[] {
  const taken: ShareAcknowledgement[] = []
  if (!m.pendingAckLeaders.includes(leader)) return taken
  const kept: ShareAcknowledgement[] = []
  const keptLeaders: number[] = []
  for (let i = 0; i < m.pendingAcks.length; i++) {
    if (m.pendingAckLeaders[i] === leader) taken.push(m.pendingAcks[i])
    else {
      kept.push(m.pendingAcks[i])
      keptLeaders.push(m.pendingAckLeaders[i])
    }
  }
  m.pendingAcks = kept
  m.pendingAckLeaders = keptLeaders
  return taken
}

/** An acknowledgement to send, with the leader it goes to as metadata says now. */
function addPendingAck(m: ShareMemberNode, ack: ShareAcknowledgement): void {
  m.pendingAcks.push(ack)
  m.pendingAckLeaders.push(leaderOf(m, ack.tp))
}

/** The acknowledgements request `corr` carries, taken off the in-flight list (null: none). */
function takeAcksInFlight(m: ShareMemberNode, corr: number): ShareAcknowledgement[] | null {
  const i = m.acksInFlight.findIndex((f) => f.corr === corr)
  if (i < 0) return null
  return m.acksInFlight.splice(i, 1)[0].acks
}

/** The acknowledgements of request `corr` will never be answered: into history as such (the leader may have applied them). */
function ackUnanswered(w: World, m: ShareMemberNode, corr: number): void {
  const acks = takeAcksInFlight(m, corr)
  if (acks === null) return
  for (const a of acks) recordShareAckUnanswered(w, { groupId: m.groupId, member: m.id, tp: a.tp, first: a.first, last: a.last, type: a.type })
}

/** The member stops waiting for the ShareFetch to `leader` (timeout, lost connection, crash): whatever it acquired, nobody will see. */
function giveUpFetch(w: World, m: ShareMemberNode, leader: string): void {
  const inflight = m.fetchInflight[leader]
  if (inflight === undefined) return
  recordShareFetchUnanswered(w, { groupId: m.groupId, member: m.id, tps: inflight.tps })
  ackUnanswered(w, m, inflight.corr)
  delete m.fetchInflight[leader]
}

/**
 * Acknowledgements in a ShareAcknowledge: to leaders no ShareFetch is waiting on while the member
 * fetches nothing (records still buffered), or on close() to every leader, closing the share session.
 * Otherwise they ride on the next ShareFetch to the leader (ShareConsumeRequestManager).
 */
function sendShareAcknowledges(w: World, m: ShareMemberNode, closeSession: boolean): void {
  if (m.pendingAcks.length === 0 && !closeSession) return
  // to the leaders of what is pending (on close, of the assignment too), each once, ascending, but
  // not to one in its reconnect backoff or (unless closing) waiting on a ShareFetch
  if (!closeSession && !m.pendingAckLeaders.some((l) => acksGoTo(w, m, l, false))) return
  const leaders = leadersOf(m, closeSession ? m.assignment : [], m.pendingAckLeaders)
  for (const leader of leaders) {
    if (!acksGoTo(w, m, leader, closeSession)) continue
    const acks = takeAcks(m, leader)
    const corr = nextCorrelationId(w)
    if (acks.length > 0) m.acksInFlight.push({ corr, acks })
    // a closed member takes no answer
    if (closeSession) ackUnanswered(w, m, corr)
    send(w, m.id, String(leader), { api: 'ShareAcknowledge', from: m.id, corr, groupId: m.groupId, memberId: m.memberId, acknowledgements: acks, closeSession })
  }
}

/** Whether a ShareAcknowledge may go to `leader` now: it is known, not in its reconnect backoff and (unless closing) not waiting on a ShareFetch. */
function acksGoTo(w: World, m: ShareMemberNode, leader: number, closeSession: boolean): boolean {
  return leader >= 0 && !inReconnectBackoff(w, m.connBackoff, leader) && (closeSession || m.fetchInflight[leader] === undefined)
}

/** The leader's answer to acknowledgements: into history, and the counters (each part's error in `field`: absent parts are NONE). */
function answered<K extends string>(w: World, m: ShareMemberNode, corr: number, parts: readonly ({ tp: string } & Record<K, string>)[], field: K): void {
  const acks = takeAcksInFlight(m, corr)
  if (acks === null) return
  for (const a of acks) {
    const error = errorOf(parts, field, a.tp)
    recordShareAcknowledged(w, { groupId: m.groupId, member: m.id, tp: a.tp, first: a.first, last: a.last, type: a.type, error })
    if (error !== 'NONE') {
      countError(m, error)
      continue
    }
    const n = a.last - a.first + 1
    if (a.type === 'ACCEPT') m.acknowledged += n
    else if (a.type === 'RELEASE') m.released += n
    else m.rejected += n
  }
}

function errorOf<K extends string>(parts: readonly ({ tp: string } & Record<K, string>)[], field: K, tp: string): string {
  for (const p of parts) if (p.tp === tp) return p[field]
  return 'NONE'
}

function onShareFetchResponse(w: World, m: ShareMemberNode, msg: MessageOf<'ShareFetchResponse'>): void {
  const inflight = m.fetchInflight[msg.from]
  if (inflight === undefined || inflight.corr !== msg.corr || m.closing) {
    // an answer it gave up on, or came after close(): the records were handed out all the same (their locks will run out)
    for (const p of msg.parts) for (const r of p.acquired) recordShareAcquired(w, { groupId: m.groupId, member: m.id, tp: p.tp, first: r.first, last: r.last, deliveryCount: r.deliveryCount })
    return
  }
  delete m.fetchInflight[msg.from]
  if (m.connBackoff[msg.from] !== undefined) delete m.connBackoff[msg.from]
  answered(w, m, msg.corr, msg.parts, 'acknowledgeError')
  for (const p of msg.parts) {
    if (p.error !== 'NONE') {
      countError(m, p.error)
      m.needMetadata = true
      continue
    }
    for (const r of p.acquired) {
      m.buffered.push({ tp: p.tp, first: r.first, last: r.last, deliveryCount: r.deliveryCount })
      m.acquired += r.last - r.first + 1
      recordShareAcquired(w, { groupId: m.groupId, member: m.id, tp: p.tp, first: r.first, last: r.last, deliveryCount: r.deliveryCount })
    }
  }
}

// ------------------------------------------------------------------ the application thread

function pollLoop(w: World, m: ShareMemberNode): void {
  if (m.state === 'FATAL' || m.state === 'CLOSED') {
    m.app = 'stopped'
    return
  }
  maybeHeartbeat(w, m)
  const records = handOut(m)
  // fetch more only once what was fetched is handed out (ShareConsumeRequestManager); acknowledgements
  // ride on those fetches (or wait for the one in flight to come back); while it fetches nothing they
  // go in a ShareAcknowledge
  if (m.buffered.length === 0) sendShareFetches(w, m)
  sendShareAcknowledges(w, m, false)
  if (records > 0) startProcessing(w, m, records)
}

/** At most max.poll.records buffered records, in the order they came. */
function handOut(m: ShareMemberNode): number {
  let left = m.cfg['max.poll.records']
  let n = 0
  while (left > 0 && m.buffered.length > 0) {
    const run = m.buffered[0]
    const take = Math.min(left, run.last - run.first + 1)
    if (take === run.last - run.first + 1) m.processing.push(m.buffered.shift()!)
    else {
      m.processing.push({ ...run, last: run.first + take - 1 })
      m.buffered[0] = { ...run, first: run.first + take }
    }
    left -= take
    n += take
  }
  return n
}

function startProcessing(w: World, m: ShareMemberNode, records: number): void {
  m.app = 'processing'
  const ms = Math.ceil(records * m.spec.processingMsPerRecord)
  if (ms === 0) return onProcessed(w, m)
  timer(w, m.id, 'share.processed', ms, m.pollSeq)
}

/** Processing done: the next poll acknowledges (implicit mode) what this one delivered. */
function onProcessed(w: World, m: ShareMemberNode): void {
  const fail = m.spec.failProcessing
  for (const run of m.processing) {
    if (fail === null) {
      addPendingAck(m, { tp: run.tp, first: run.first, last: run.last, type: 'ACCEPT' })
      continue
    }
    let start = run.first
    let type = ackType(fail, run.first)
    for (let o = run.first + 1; o <= run.last + 1; o++) {
      const t = o <= run.last ? ackType(fail, o) : null
      if (t === type) continue
      addPendingAck(m, { tp: run.tp, first: start, last: o - 1, type })
      if (t !== null) {
        start = o
        type = t
      }
    }
  }
  m.processing = []
  m.app = 'polling'
  m.pollSeq++
  pollLoop(w, m)
}

function ackType(fail: ShareMemberNode['spec']['failProcessing'], offset: number): ShareAcknowledgement['type'] {
  return fail !== null && offset % fail.everyNth === 0 ? fail.acknowledge : 'ACCEPT'
}

// ------------------------------------------------------------------ messages, timers, close

export function handleShareMemberMessage(w: World, m: ShareMemberNode, msg: Msg): void {
  switch (msg.api) {
    case 'MetadataResponse':
      if (msg.corr !== m.metaCorr) break
      m.metaInflight = false
      m.metaFetchedMs = w.nowMs
      m.needMetadata = false
      for (const t of Object.keys(msg.topics).sort()) if (msg.topics[t].error === 'NONE') m.topicLeaders[t] = msg.topics[t].partitions.map((p) => ({ leader: p.leader, leaderEpoch: p.leaderEpoch }))
      m.leaderOfTp = {}
      m.fetchPlan = null
      m.pendingAckLeaders = m.pendingAcks.map((a) => leaderOf(m, a.tp))
      break
    case 'FindCoordinatorResponse':
      if (m.findCoordinator === null || m.findCoordinator.corr !== msg.corr) break
      m.findCoordinator = null
      if (msg.error === 'NONE' && msg.nodeId >= 0) m.coordinator = msg.nodeId
      else lostCoordinator(w, m)
      break
    case 'ShareGroupHeartbeatResponse':
      onHeartbeatResponse(w, m, msg)
      break
    case 'ShareFetchResponse':
      onShareFetchResponse(w, m, msg)
      break
    case 'ShareAcknowledgeResponse':
      answered(w, m, msg.corr, msg.parts, 'error')
      break
  }
  if (m.app === 'polling') pollLoop(w, m)
}

export function handleShareMemberTimer(w: World, m: ShareMemberNode, kind: string, data: unknown): void {
  if (kind === 'share.tick') {
    if (m.state === 'CLOSED' || m.state === 'FATAL') return
    timer(w, m.id, 'share.tick', TICK_MS)
    if (metadataDue(w, m)) requestMetadata(w, m, m.spec.topics)
    for (const leader of Object.keys(m.fetchInflight).sort()) if (w.nowMs - m.fetchInflight[leader].sentMs > m.cfg['request.timeout.ms']) giveUpFetch(w, m, leader)
    expireFetchRequests(w, m)
    if (m.heartbeat !== null && w.nowMs >= m.heartbeat.deadline) lostCoordinator(w, m)
    if (m.findCoordinator !== null && w.nowMs >= m.findCoordinator.deadline) {
      m.findCoordinator = null
      m.findTarget++
    }
  } else if (kind === 'share.heartbeat' && data !== m.heartbeatToken) return
  else if (kind === 'share.processed') {
    if (data === m.pollSeq && m.app === 'processing') onProcessed(w, m)
    return
  }
  if (m.app === 'polling') pollLoop(w, m)
  else maybeHeartbeat(w, m)
}

export function onShareMemberDisconnect(w: World, m: ShareMemberNode, peer: string): void {
  connectionFailed(w, m.connBackoff, peer)
  giveUpFetch(w, m, peer)
  if (m.metaInflight) abandonMetadata(m)
  m.needMetadata = true
  if (m.findCoordinator !== null && String(m.findCoordinator.node) === peer) {
    m.findCoordinator = null
    lostCoordinator(w, m)
  }
  if (m.coordinator >= 0 && String(m.coordinator) === peer) lostCoordinator(w, m)
  if (m.app === 'polling') pollLoop(w, m)
}

/** The process dies: the answers it waited for will never be taken. */
export function crashShareMember(w: World, m: ShareMemberNode): void {
  for (const leader of Object.keys(m.fetchInflight).sort()) giveUpFetch(w, m, leader)
  while (m.acksInFlight.length > 0) ackUnanswered(w, m, m.acksInFlight[0].corr)
}

/** KafkaShareConsumer.close(): acknowledge, close the share sessions (the leaders release the rest), leave. */
export function closeShareMember(w: World, m: ShareMemberNode): void {
  if (m.state === 'CLOSED' || m.state === 'FATAL') return
  if (!w.nodes[m.id]?.up) {
    m.state = 'CLOSED'
    m.app = 'stopped'
    return
  }
  m.closing = true
  m.app = 'stopped'
  sendShareAcknowledges(w, m, true)
  if (m.coordinator >= 0 && m.state === 'STABLE') {
    send(w, m.id, String(m.coordinator), { api: 'ShareGroupHeartbeat', from: m.id, corr: nextCorrelationId(w), groupId: m.groupId, memberId: m.memberId, memberEpoch: -1, subscribedTopicNames: null })
  }
  m.state = 'CLOSED'
  m.heartbeatToken++
}
