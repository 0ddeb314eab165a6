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
 * batch below its position.
 */
import { send, timer, nextCorrelationId, type World, type Msg } from '../world.ts'
import { resolveConsumerConfig } from '../scenario/config.ts'
import type { ReaderSpec } from '../scenario/types.ts'
import type { ReaderNode, ReaderPartition } from './consumer-types.ts'
import type { FetchPartResponse } from '../cluster/fetch-handler.ts'
import { ensureReadCapacity, type ReadLog } from '../check/history.ts'

const REFRESH_ERRORS = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'REPLICA_NOT_AVAILABLE',
  'OFFSET_NOT_AVAILABLE',
])

export function newReader(spec: ReaderSpec): ReaderNode {
  return {
    id: spec.id,
    spec,
    cfg: resolveConsumerConfig(spec.config),
    parts: [],
    metaInflight: false,
    metaCorr: 0,
    metaSentMs: 0,
    metaTarget: 0,
    metaFetchedMs: 0,
    needMetadata: true,
    fetchInflight: {},
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

function countError(r: ReaderNode, e: string): void {
  r.errors[e] = (r.errors[e] ?? 0) + 1
}

function requestMetadata(w: World, r: ReaderNode): void {
  if (r.metaInflight) return
  r.metaInflight = true
  r.metaCorr = nextCorrelationId(w)
  r.metaSentMs = w.nowMs
  const target = w.brokerIds[r.metaTarget % w.brokerIds.length]
  send(w, r.id, String(target), { api: 'Metadata', from: r.id, corr: r.metaCorr, topics: r.spec.topics })
}

/** Periodic: retry metadata, re-drive idle fetches, time out lost requests. */
export function readerTick(w: World, r: ReaderNode): void {
  const timeout = r.cfg['request.timeout.ms']
  if (r.metaInflight && w.nowMs - r.metaSentMs > timeout) {
    r.metaInflight = false
    r.metaTarget++
  }
  for (const k of Object.keys(r.fetchInflight)) if (w.nowMs - r.fetchInflight[k].sentMs > timeout) delete r.fetchInflight[k]
  if (r.needMetadata || w.nowMs - r.metaFetchedMs >= r.cfg['metadata.max.age.ms']) requestMetadata(w, r)
  fetchAll(w, r)
  timer(w, r.id, 'reader.tick', Math.max(r.cfg['retry.backoff.ms'], 250))
}

function onMetadata(w: World, r: ReaderNode, m: Msg): void {
  if (m.corr !== r.metaCorr) return
  r.metaInflight = false
  r.metaFetchedMs = w.nowMs
  r.needMetadata = false
  const topics = m.topics as Record<string, { error: string; partitions: { leader: number; leaderEpoch: number }[] }>
  for (const topic of r.spec.topics) {
    const t = topics[topic]
    if (!t || t.error !== 'NONE') {
      r.needMetadata = true
      continue
    }
    t.partitions.forEach((x, i) => {
      let p = r.parts.find((q) => q.topic === topic && q.partition === i)
      if (!p) {
        p = { topic, partition: i, tp: `${topic}-${i}`, position: -1, leader: -1, leaderEpoch: -1, listInflight: false }
        r.parts.push(p)
      }
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
  const spec = r.cfg['auto.offset.reset'] === 'earliest' ? 'earliest' : 'latest'
  send(w, r.id, String(p.leader), { api: 'ListOffsets', from: r.id, corr: nextCorrelationId(w), tp: p.tp, spec, currentLeaderEpoch: p.leaderEpoch })
}

function fetchAll(w: World, r: ReaderNode): void {
  const byLeader: Record<string, ReaderPartition[]> = {}
  const leaders: number[] = []
  for (const p of r.parts) {
    if (p.leader < 0) continue
    if (p.position < 0) {
      listOffsets(w, r, p)
      continue
    }
    const k = String(p.leader)
    if (!byLeader[k]) {
      byLeader[k] = []
      leaders.push(p.leader)
    }
    byLeader[k].push(p)
  }
  for (const leader of leaders) {
    const k = String(leader)
    if (r.fetchInflight[k]) continue
    const corr = nextCorrelationId(w)
    r.fetchInflight[k] = { corr, sentMs: w.nowMs }
    send(w, r.id, k, {
      api: 'Fetch',
      from: r.id,
      corr,
      replicaId: -1,
      maxWaitMs: r.cfg['fetch.max.wait.ms'],
      maxBytes: r.cfg['fetch.max.bytes'],
      parts: byLeader[k].map((p) => ({ tp: p.tp, fetchOffset: p.position, lastFetchedEpoch: -1, currentLeaderEpoch: p.leaderEpoch })),
    })
  }
}

function readLogFor(w: World, r: ReaderNode, tp: string): ReadLog {
  const key = `${r.id}|${tp}`
  let log = w.history.reads[key]
  if (!log) {
    log = { reader: r.id, tp, n: 0, from: new Int32Array(16), to: new Int32Array(16), atMs: new Int32Array(16), resets: [] }
    w.history.reads[key] = log
  }
  return log
}

function resetPosition(w: World, r: ReaderNode, p: ReaderPartition, offset: number): void {
  p.position = offset
  readLogFor(w, r, p.tp).resets.push(w.nowMs, offset)
}

function onFetchResponse(w: World, r: ReaderNode, m: Msg): void {
  const k = m.from
  const inflight = r.fetchInflight[k]
  if (!inflight || inflight.corr !== m.corr) return
  delete r.fetchInflight[k]
  for (const part of m.parts as FetchPartResponse[]) {
    const p = r.parts.find((q) => q.tp === part.tp)
    if (!p) continue
    if (part.error === 'NONE') consume(w, r, p, part)
    else {
      countError(r, part.error)
      if (part.error === 'OFFSET_OUT_OF_RANGE') {
        p.position = -1
      } else if (REFRESH_ERRORS.has(part.error)) r.needMetadata = true
    }
  }
  if (r.needMetadata) requestMetadata(w, r)
  fetchAll(w, r)
}

function consume(w: World, r: ReaderNode, p: ReaderPartition, part: FetchPartResponse): void {
  if (part.batches.length === 0) return
  const last = part.batches[part.batches.length - 1]
  const end = last.baseOffset + last.count
  if (end <= p.position) return
  const from = Math.max(p.position, part.batches[0].baseOffset)
  const log = readLogFor(w, r, p.tp)
  ensureReadCapacity(log, log.n + 1)
  log.from[log.n] = from
  log.to[log.n] = end
  log.atMs[log.n] = w.nowMs
  log.n++
  r.polled += end - from
  p.position = end
}

function onListOffsets(w: World, r: ReaderNode, m: Msg): void {
  const p = r.parts.find((q) => q.tp === m.tp)
  if (!p) return
  p.listInflight = false
  if (m.error !== 'NONE') {
    countError(r, m.error as string)
    r.needMetadata = true
    return
  }
  resetPosition(w, r, p, m.offset as number)
  fetchAll(w, r)
}

export function onReaderDisconnect(_w: World, r: ReaderNode, peer: string): void {
  delete r.fetchInflight[peer]
  if (r.metaInflight) {
    r.metaInflight = false
    r.metaTarget++
  }
  for (const p of r.parts) if (String(p.leader) === peer) p.listInflight = false
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
  }
}
