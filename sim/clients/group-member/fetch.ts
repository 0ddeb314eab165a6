/**
 * A group member's fetching, as the Java client's Fetcher / AbstractFetch, FetchCollector, Metadata
 * and OffsetFetcher do it: Metadata for the leaders of its topics; one Fetch per leader for the owned
 * partitions with a position and nothing buffered (a leader whose connection failed waits out
 * reconnect.backoff.ms); auto.offset.reset through ListOffsets; KIP-320 validation after a leader
 * epoch change (SubscriptionState.maybeValidatePositionForCurrentLeader, then OffsetForLeaderEpoch:
 * a diverged log sends the position back, "Truncation detected"). The request plumbing shared with
 * the plain reader is in ../fetcher.ts. The group leader also asks for a rejoin when a subscribed
 * topic's partition count changed (ConsumerCoordinator's metadata snapshot).
 */
import { nextCorrelationId } from '../../kernel/node-io.ts'
import { send } from '../../kafka/wire.ts'
import { emit } from '../../kafka/events.ts'
import type { World } from '../../nodes/world.ts'
import type { MessageOf } from '../../kafka/messages.ts'
import type { MemberNode, MemberPartition } from '../group-consumer-types.ts'
import {
  REFRESH_ERRORS,
  countError,
  fetchedRange,
  recordRuns,
  requestMetadata,
  sendFetches,
  sendListOffsets,
  takeFetchResponse,
} from '../fetcher.ts'
import { ownedPartition, setPosition, needReset } from './subscription.ts'
import { unavailable, requestRejoin } from './coordinator.ts'

type TopicsMeta = Record<string, { error: string; partitions: { leader: number; leaderEpoch: number }[] }>

function memberTopics(m: MemberNode): string[] {
  const extra = m.groupTopics.filter((t) => !m.spec.topics.includes(t))
  return [...m.spec.topics, ...extra]
}

export function requestMemberMetadata(w: World, m: MemberNode): void {
  requestMetadata(w, m, memberTopics(m))
}

/** The member's own Metadata answer: leaders, and whether to ask again soon. */
export function onMetadata(w: World, m: MemberNode, msg: MessageOf<'MetadataResponse'>): void {
  if (msg.corr !== m.metaCorr) return
  m.metaInflight = false
  m.metaFetchedMs = w.nowMs
  m.needMetadata = false
  const meta = msg.topics
  for (const topic of m.spec.topics) if (meta[topic]?.error !== 'NONE') m.needMetadata = true
  applyLeaders(m, meta)
  checkAssignmentSnapshot(m)
}

/** Remember leaders and epochs, and move the owned partitions' fetches to them. */
export function applyLeaders(m: MemberNode, meta: TopicsMeta): void {
  for (const topic of Object.keys(meta).sort()) {
    const t = meta[topic]
    if (t.error !== 'NONE') continue
    m.topicLeaders[topic] = t.partitions.map((x) => ({ leader: x.leader, leaderEpoch: x.leaderEpoch }))
  }
  for (const p of m.owned) {
    const x = m.topicLeaders[p.topic]?.[p.partition]
    if (!x) continue
    // SubscriptionState.maybeValidatePositionForCurrentLeader (KIP-320)
    if (x.leaderEpoch > p.leaderEpoch && p.leaderEpoch >= 0 && p.position >= 0 && p.positionEpoch >= 0) p.awaitValidation = true
    p.leader = x.leader
    p.leaderEpoch = x.leaderEpoch
    if (x.leader < 0) m.needMetadata = true
  }
}

/** The leader rejoins when a subscribed topic's partition count changed (assignmentSnapshot). */
function checkAssignmentSnapshot(m: MemberNode): void {
  if (!m.assignedCounts || m.state !== 'stable' || m.leaderId !== m.memberId) return
  for (const topic of m.groupTopics) {
    const n = m.topicLeaders[topic]?.length ?? 0
    if (n > 0 && n !== (m.assignedCounts[topic] ?? 0)) {
      requestRejoin(m, `cached metadata has changed: ${topic} has ${n} partitions`)
      return
    }
  }
}

/** Per owned partition: reset (ListOffsets), validate (KIP-320) or fetch, grouped by leader. */
export function sendMemberFetches(w: World, m: MemberNode): void {
  const ready: MemberPartition[] = []
  for (const p of m.owned) {
    if (p.leader < 0 || p.pendingRevocation || unavailable(w, m, p.leader)) continue
    if (p.position < 0) {
      if (p.init === 'reset') listOffsets(w, m, p)
      continue
    }
    if (p.awaitValidation) {
      validatePosition(w, m, p)
      continue
    }
    if (p.fetchedTo > p.position || m.fetchInflight[p.leader]) continue
    p.fetchedFrom = p.position
    ready.push(p)
  }
  sendFetches(w, m, ready)
}

function listOffsets(w: World, m: MemberNode, p: MemberPartition): void {
  if (p.listInflight) return
  p.listInflight = true
  p.listSentMs = w.nowMs
  sendListOffsets(w, m, p, m.cfg['auto.offset.reset'] === 'earliest' ? 'earliest' : 'latest')
}

export function onListOffsets(w: World, m: MemberNode, msg: MessageOf<'ListOffsetsResponse'>): void {
  const p = ownedPartition(m, msg.tp)
  if (!p || !p.listInflight) return
  p.listInflight = false
  if (msg.error !== 'NONE') {
    countError(m, msg.error)
    m.needMetadata = true
    return
  }
  if (p.init === 'reset') setPosition(w, m, p, msg.offset)
}

/**
 * OffsetFetcherUtils.validatePositionsIfNeeded (KIP-320): OffsetForLeaderEpoch with the position's
 * epoch; an end offset below the position means the log diverged (unclean election): go back to it
 * ("Truncation detected") instead of OFFSET_OUT_OF_RANGE and auto.offset.reset.
 */
function validatePosition(w: World, m: MemberNode, p: MemberPartition): void {
  if (p.validateInflight) return
  p.validateInflight = true
  p.listSentMs = w.nowMs
  send(w, m.id, String(p.leader), {
    api: 'OffsetForLeaderEpoch',
    from: m.id,
    corr: nextCorrelationId(w),
    tp: p.tp,
    currentLeaderEpoch: p.leaderEpoch,
    leaderEpoch: p.positionEpoch,
  })
}

export function onOffsetForLeaderEpoch(w: World, m: MemberNode, msg: MessageOf<'OffsetForLeaderEpochResponse'>): void {
  const p = ownedPartition(m, msg.tp)
  if (!p || !p.validateInflight) return
  p.validateInflight = false
  if (msg.error !== 'NONE') {
    countError(m, msg.error)
    m.needMetadata = true
    return
  }
  if (!p.awaitValidation || p.position < 0) return
  p.awaitValidation = false
  const endOffset = msg.endOffset
  if (endOffset >= 0 && endOffset < p.position) {
    emit(w, { type: 'TruncationDetected', consumer: m.id, tp: p.tp, position: p.position, endOffset })
    setPosition(w, m, p, endOffset)
    p.positionEpoch = msg.epoch
  } else if (p.fetchedTo > p.position && !m.completed.includes(p.tp)) m.completed.push(p.tp)
}

/** Buffer what each partition returned, or act on its error. */
export function onFetchResponse(w: World, m: MemberNode, msg: MessageOf<'FetchResponse'>): void {
  const parts = takeFetchResponse(m, msg.from, msg.corr, msg.parts)
  if (!parts) return
  delete m.connBackoff[msg.from]
  for (const part of parts) {
    const p = ownedPartition(m, part.tp)
    if (!p || p.position < 0 || p.pendingRevocation) continue
    if (part.error === 'NONE') buffer(m, p, part.batches)
    else fetchError(w, m, p, part.error, part.logStartOffset)
  }
  if (m.needMetadata) requestMemberMetadata(w, m)
}

/** Keep fetched records for poll(); a response that does not start at the position is stale. */
function buffer(m: MemberNode, p: MemberPartition, batches: Parameters<typeof fetchedRange>[1]): void {
  // a response that starts past the position is stale (the position moved back since), unless it
  // answers a fetch from this very position: then the offsets in between were compacted away
  if (p.fetchedTo > p.position || batches.length === 0 || (batches[0].baseOffset > p.position && p.fetchedFrom !== p.position)) return
  const range = fetchedRange(p.position, batches)
  if (!range) return
  const epochs: number[] = []
  for (const b of batches) if (b.baseOffset < range.to) epochs.push(b.baseOffset, b.partitionLeaderEpoch)
  p.bufferedEpochs = epochs
  p.bufferedRuns = recordRuns(batches, p.position, range.to)
  p.fetchedTo = range.to
  m.completed.push(p.tp)
}

function fetchError(w: World, m: MemberNode, p: MemberPartition, error: string, logStartOffset: number): void {
  countError(m, error)
  if (error === 'OFFSET_OUT_OF_RANGE') {
    // FetchCollector.handleInitializeErrors: "Fetch position ... is out of range for partition ..., resetting offset"
    emit(w, { type: 'OffsetOutOfRange', consumer: m.id, tp: p.tp, position: p.position, logStartOffset, reset: m.cfg['auto.offset.reset'] })
    needReset(m, p, 'OffsetOutOfRangeException')
  } else if (REFRESH_ERRORS.has(error)) m.needMetadata = true
}
