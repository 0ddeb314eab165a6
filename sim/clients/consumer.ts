/**
 * A plain consumer in assign mode (KafkaConsumer.assign over every partition of its topics, no
 * group): it learns leaders from Metadata, sets its starting position with ListOffsets according to
 * auto.offset.reset (earliest → log start, latest → the HW), and fetches from each leader
 * (fetch.max.wait.ms long poll, fetch.min.bytes = 1) the records below the HW.
 *
 * Follows the Java client's Fetcher/FetchCollector: NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH,
 * UNKNOWN_LEADER_EPOCH, UNKNOWN_TOPIC_OR_PARTITION request a metadata update; OFFSET_OUT_OF_RANGE
 * resets the position by auto.offset.reset (recorded in the history as a reset, so it is not read
 * as a non-monotonic poll). Records are read as batch references; the consumer skips the part of a
 * batch below its position. The fetch, metadata and history code is shared with group members
 * (fetcher.ts).
 * KIP-320 (SubscriptionState.maybeValidatePositionForCurrentLeader, OffsetFetcherUtils,
 * OffsetsForLeaderEpochUtils): the position keeps the leader epoch of the last record consumed; a
 * new leader epoch in metadata makes the consumer validate it with OffsetForLeaderEpoch, and go
 * back to the epoch's end offset on the leader when the log diverged ("Truncation detected").
 */
import { timer, nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { emit } from '../kafka/events.ts'
import type { World, Msg } from '../nodes/world.ts'
import type { FetchPartResponse } from '../cluster/fetch-handler.ts'
import { resolveConsumerConfig } from '../kafka/config.ts'
import { partitionName } from '../kafka/topic-partition.ts'
import type { ReaderSpec } from '../scenario/types.ts'
import type { ReaderNode, ReaderPartition } from './consumer-types.ts'
import {
  REFRESH_ERRORS,
  abandonMetadata,
  countError,
  expireFetchRequests,
  fetchedRange,
  metadataDue,
  newFetchState,
  recordPoll,
  recordRuns,
  recordReset,
  requestMetadata as requestMetadataFor,
  sendFetches,
  sendListOffsets,
  takeFetchResponse,
  takeRecords,
} from './fetcher.ts'
import type { MessageOf } from '../kafka/messages.ts'

export function newReader(spec: ReaderSpec): ReaderNode {
  return {
    id: spec.id,
    spec,
    cfg: resolveConsumerConfig(spec.config),
    parts: [],
    ...newFetchState(),
    polled: 0,
    errors: {},
  }
}

export function startReader(w: World, r: ReaderNode): void {
  r.metaInflight = false
  r.fetchInflight = {}
  for (const p of r.parts) p.listInflight = false
  requestMetadata(w, r)
  timer(w, r.id, 'reader.tick', r.cfg['retry.backoff.ms'])
}

/** A restarted reader has no position: it looks its start offsets up again. */
export function restartReader(r: ReaderNode): void {
  for (const p of r.parts) {
    p.position = -1
    p.timeLooked = false
  }
}

function requestMetadata(w: World, r: ReaderNode): void {
  requestMetadataFor(w, r, r.spec.topics)
}

/** Periodic: retry metadata, re-drive idle fetches, time out lost requests. */
export function readerTick(w: World, r: ReaderNode): void {
  expireFetchRequests(w, r)
  if (metadataDue(w, r)) requestMetadata(w, r)
  fetchAll(w, r)
  timer(w, r.id, 'reader.tick', Math.max(r.cfg['retry.backoff.ms'], 250))
}

function onMetadata(w: World, r: ReaderNode, m: MessageOf<'MetadataResponse'>): void {
  if (m.corr !== r.metaCorr) return
  r.metaInflight = false
  r.metaFetchedMs = w.nowMs
  r.needMetadata = false
  const topics = m.topics
  for (const topic of r.spec.topics) {
    const t = topics[topic]
    if (!t || t.error !== 'NONE') {
      r.needMetadata = true
      continue
    }
    t.partitions.forEach((x, i) => {
      let p = r.parts.find((q) => q.topic === topic && q.partition === i)
      if (!p) {
        p = { topic, partition: i, tp: partitionName(topic, i), position: -1, leader: -1, leaderEpoch: -1, listInflight: false, timeLooked: false, positionEpoch: -1, awaitValidation: false, validateInflight: false }
        r.parts.push(p)
      }
      // SubscriptionState.maybeValidatePositionForCurrentLeader: a new leader epoch puts a position
      // with a known epoch in AWAIT_VALIDATION
      if (x.leaderEpoch > p.leaderEpoch && p.leaderEpoch >= 0 && p.position >= 0 && p.positionEpoch >= 0) p.awaitValidation = true
      p.leader = x.leader
      p.leaderEpoch = x.leaderEpoch
      if (x.leader < 0) r.needMetadata = true
    })
  }
  fetchAll(w, r)
}

function listOffsets(w: World, r: ReaderNode, p: ReaderPartition): void {
  if (p.listInflight || p.leader < 0) return
  p.listInflight = true
  const start = r.spec.startTimestamp
  if (start !== undefined && !p.timeLooked) return sendListOffsets(w, r, p, { timestamp: start })
  sendListOffsets(w, r, p, r.cfg['auto.offset.reset'] === 'earliest' ? 'earliest' : 'latest')
}

function fetchAll(w: World, r: ReaderNode): void {
  const ready: ReaderPartition[] = []
  for (const p of r.parts) {
    if (p.leader < 0) continue
    if (p.position < 0) listOffsets(w, r, p)
    else if (p.awaitValidation) validatePosition(w, r, p)
    else ready.push(p)
  }
  sendFetches(w, r, ready)
}

/**
 * OffsetFetcherUtils.validatePositionsIfNeeded / OffsetsForLeaderEpochUtils (KIP-320): ask the leader
 * where the position's epoch ends; an end offset below the position means the log diverged (an
 * unclean election): the consumer goes back to it ("Truncation detected") instead of hitting
 * OFFSET_OUT_OF_RANGE and resetting by auto.offset.reset.
 */
function validatePosition(w: World, r: ReaderNode, p: ReaderPartition): void {
  if (p.validateInflight || p.leader < 0) return
  p.validateInflight = true
  send(w, r.id, String(p.leader), {
    api: 'OffsetForLeaderEpoch',
    from: r.id,
    corr: nextCorrelationId(w),
    tp: p.tp,
    currentLeaderEpoch: p.leaderEpoch,
    leaderEpoch: p.positionEpoch,
  })
}

function onOffsetForLeaderEpoch(w: World, r: ReaderNode, m: MessageOf<'OffsetForLeaderEpochResponse'>): void {
  const p = r.parts.find((q) => q.tp === m.tp)
  if (!p || !p.validateInflight) return
  p.validateInflight = false
  if (m.error !== 'NONE') {
    countError(r, m.error)
    r.needMetadata = true
    requestMetadata(w, r)
    return
  }
  p.awaitValidation = false
  const endOffset = m.endOffset
  if (endOffset >= 0 && endOffset < p.position) {
    emit(w, { type: 'TruncationDetected', consumer: r.id, tp: p.tp, position: p.position, endOffset })
    p.position = endOffset
    p.positionEpoch = m.epoch
    recordReset(w, r.id, p.tp, endOffset)
  }
  fetchAll(w, r)
}

function resetPosition(w: World, r: ReaderNode, p: ReaderPartition, offset: number): void {
  p.position = offset
  p.positionEpoch = -1
  p.awaitValidation = false
  recordReset(w, r.id, p.tp, offset)
}

function onFetchResponse(w: World, r: ReaderNode, m: MessageOf<'FetchResponse'>): void {
  const parts = takeFetchResponse(r, m.from, m.corr, m.parts)
  if (!parts) return
  for (const part of parts) {
    const p = r.parts.find((q) => q.tp === part.tp)
    if (!p) continue
    if (part.error === 'NONE') consume(w, r, p, part.batches)
    else {
      countError(r, part.error)
      if (part.error === 'OFFSET_OUT_OF_RANGE') {
        emit(w, { type: 'OffsetOutOfRange', consumer: r.id, tp: p.tp, position: p.position, logStartOffset: part.logStartOffset, reset: r.cfg['auto.offset.reset'] })
        p.position = -1
      } else if (REFRESH_ERRORS.has(part.error)) r.needMetadata = true
    }
  }
  if (r.needMetadata) requestMetadata(w, r)
  fetchAll(w, r)
}

/** The reader hands every fetched record to the application at once: one poll per fetch. */
function consume(w: World, r: ReaderNode, p: ReaderPartition, batches: FetchPartResponse['batches']): void {
  const range = fetchedRange(p.position, batches)
  if (!range) return
  recordPoll(w, r.id, p.tp, range.from, range.to)
  r.polled += takeRecords(recordRuns(batches, range.from, range.to), range.from, range.to, Infinity).records
  p.position = range.to
  for (const b of batches) if (b.baseOffset < range.to && b.partitionLeaderEpoch > p.positionEpoch) p.positionEpoch = b.partitionLeaderEpoch
}

function onListOffsets(w: World, r: ReaderNode, m: MessageOf<'ListOffsetsResponse'>): void {
  const p = r.parts.find((q) => q.tp === m.tp)
  if (!p) return
  p.listInflight = false
  if (m.error !== 'NONE') {
    countError(r, m.error)
    r.needMetadata = true
    return
  }
  if (r.spec.startTimestamp !== undefined && !p.timeLooked) {
    p.timeLooked = true
    // offsetsForTimes found no record that new: start at the end
    if (m.offset < 0) {
      p.listInflight = true
      return sendListOffsets(w, r, p, 'latest')
    }
  }
  resetPosition(w, r, p, m.offset)
  fetchAll(w, r)
}

export function onReaderDisconnect(_w: World, r: ReaderNode, peer: string): void {
  delete r.fetchInflight[peer]
  abandonMetadata(r)
  for (const p of r.parts)
    if (String(p.leader) === peer) {
      p.listInflight = false
      p.validateInflight = false
    }
  r.needMetadata = true
}

export function handleReaderMessage(w: World, r: ReaderNode, m: Msg): void {
  switch (m.api) {
    case 'MetadataResponse':
      return onMetadata(w, r, m)
    case 'FetchResponse':
      return onFetchResponse(w, r, m)
    case 'ListOffsetsResponse':
      return onListOffsets(w, r, m)
    case 'OffsetForLeaderEpochResponse':
      return onOffsetForLeaderEpoch(w, r, m)
  }
}
