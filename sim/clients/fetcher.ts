/**
 * The fetch side shared by the plain consumer (consumer.ts) and the group member
 * (group-member/fetch.ts): Metadata for leaders, one Fetch in flight per leader, ListOffsets for
 * auto.offset.reset, and the history's read log.
 *
 * Follows the Java client's Fetcher / AbstractFetch (one fetch request per node, the partitions it
 * leads), FetchCollector (errors that request a metadata update) and OffsetFetcher (ListOffsets:
 * "earliest" is the log start, "latest" the high watermark). Consumers read below the HW only: the
 * broker's fetch handler returns whole batches that end at or below it.
 *
 * Invariants: a request is matched by its correlation id, a response to anything else is dropped;
 * every position set on purpose (committed offset, reset) is recorded as a reset in the read log,
 * so the non-monotonic poll checker tells redelivery from a bug.
 */
import { nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import type { MessageOf } from '../kafka/messages.ts'
import type { World } from '../nodes/world.ts'
import type { ConsumerConfig } from '../kafka/config.ts'
import type { FetchPart, FetchPartResponse } from '../cluster/fetch-handler.ts'
import type { LogBatch } from '../storage/batch.ts'
import type { ReadLog } from '../history/history.ts'
import { newColumn, setInt } from '../history/int-column.ts'

/** NetworkClient's reconnect.backoff.ms / reconnect.backoff.max.ms (exponential, no jitter here) */
const RECONNECT_BACKOFF_MS = 50
const RECONNECT_BACKOFF_MAX_MS = 1000

/** Brokers whose connection failed lately: no request to them before untilMs (NetworkClient's reconnect backoff). */
export type ConnBackoff = Record<string, { failures: number; untilMs: number }>

/** A connection to `peer` failed: back off, twice as long as the last time, up to reconnect.backoff.max.ms. */
export function connectionFailed(w: World, backoff: ConnBackoff, peer: string): void {
  const b = (backoff[peer] ??= { failures: 0, untilMs: 0 })
  b.untilMs = w.nowMs + Math.min(RECONNECT_BACKOFF_MAX_MS, RECONNECT_BACKOFF_MS * 2 ** Math.min(b.failures, 20))
  b.failures++
}

/** NetworkClient.isUnavailable: the connection to `peer` failed and its backoff has not run out. */
export function inReconnectBackoff(w: World, backoff: ConnBackoff, peer: string | number): boolean {
  const b = backoff[peer]
  return b !== undefined && w.nowMs < b.untilMs
}

/** FetchCollector: these errors call requestMetadataUpdate. */
export const REFRESH_ERRORS: ReadonlySet<string> = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'REPLICA_NOT_AVAILABLE',
  'OFFSET_NOT_AVAILABLE',
])

export interface FetchInflight {
  corr: number
  sentMs: number
}

/** The metadata and fetch state a consumer keeps (flat fields, shared by readers and members). */
/** The configs the shared fetch and metadata code reads (a consumer's, or a share consumer's). */
export type FetchClientConfig = Pick<ConsumerConfig, 'request.timeout.ms' | 'metadata.max.age.ms' | 'fetch.max.wait.ms' | 'fetch.max.bytes'>

export interface FetchClient {
  id: string
  cfg: FetchClientConfig
  metaInflight: boolean
  metaCorr: number
  metaSentMs: number
  metaTarget: number
  metaFetchedMs: number
  needMetadata: boolean
  /** one fetch in flight per broker: by broker id */
  fetchInflight: Record<string, FetchInflight>
  errors: Record<string, number>
}

/** A FetchClient's metadata and fetch state at its start: nothing asked yet, metadata needed. */
export function newFetchState(): Pick<FetchClient, 'metaInflight' | 'metaCorr' | 'metaSentMs' | 'metaTarget' | 'metaFetchedMs' | 'needMetadata' | 'fetchInflight'> {
  return { metaInflight: false, metaCorr: 0, metaSentMs: 0, metaTarget: 0, metaFetchedMs: 0, needMetadata: true, fetchInflight: {} }
}

export interface FetchPartition {
  tp: string
  position: number
  leader: number
  leaderEpoch: number
}

export function countError(c: { errors: Record<string, number> }, e: string): void {
  c.errors[e] = (c.errors[e] ?? 0) + 1
}

// ---------------------------------------------------------------- metadata

/** Send Metadata for `topics` unless one is in flight (brokers are tried in turn). */
export function requestMetadata(w: World, c: FetchClient, topics: string[]): void {
  if (c.metaInflight) return
  c.metaInflight = true
  c.metaCorr = nextCorrelationId(w)
  c.metaSentMs = w.nowMs
  const target = w.brokerIds[c.metaTarget % w.brokerIds.length]
  send(w, c.id, String(target), { api: 'Metadata', from: c.id, corr: c.metaCorr, topics })
}

/** A lost Metadata request or connection: try the next broker. */
export function abandonMetadata(c: FetchClient): void {
  if (!c.metaInflight) return
  c.metaInflight = false
  c.metaTarget++
}

/** NetworkClient's request timeout for Metadata and Fetch (request.timeout.ms). */
export function expireFetchRequests(w: World, c: FetchClient): void {
  const timeout = c.cfg['request.timeout.ms']
  if (c.metaInflight && w.nowMs - c.metaSentMs > timeout) abandonMetadata(c)
  for (const k of Object.keys(c.fetchInflight)) if (w.nowMs - c.fetchInflight[k].sentMs > timeout) delete c.fetchInflight[k]
}

export function metadataDue(w: World, c: FetchClient): boolean {
  return c.needMetadata || w.nowMs - c.metaFetchedMs >= c.cfg['metadata.max.age.ms']
}

// ---------------------------------------------------------------- fetch and list offsets

/** ListOffsets for auto.offset.reset, to the partition's leader. */
export function sendListOffsets(w: World, c: FetchClient, p: FetchPartition, spec: MessageOf<'ListOffsets'>['spec']): void {
  send(w, c.id, String(p.leader), { api: 'ListOffsets', from: c.id, corr: nextCorrelationId(w), tp: p.tp, spec, currentLeaderEpoch: p.leaderEpoch })
}

/**
 * One Fetch per leader with no fetch in flight, for the given partitions (each with a leader and
 * a position), leaders in order of first appearance.
 */
export function sendFetches(w: World, c: FetchClient, parts: FetchPartition[]): void {
  const leaders: number[] = []
  for (const p of parts) if (!c.fetchInflight[p.leader] && !leaders.includes(p.leader)) leaders.push(p.leader)
  for (const leader of leaders) {
    const k = String(leader)
    const corr = nextCorrelationId(w)
    c.fetchInflight[k] = { corr, sentMs: w.nowMs }
    const fetch: FetchPart[] = []
    for (const p of parts) if (p.leader === leader) fetch.push({ tp: p.tp, fetchOffset: p.position, lastFetchedEpoch: -1, currentLeaderEpoch: p.leaderEpoch })
    send(w, c.id, k, {
      api: 'Fetch',
      from: c.id,
      corr,
      replicaId: -1,
      maxWaitMs: c.cfg['fetch.max.wait.ms'],
      maxBytes: c.cfg['fetch.max.bytes'],
      parts: fetch,
    })
  }
}

/** The response to the fetch in flight to its sender, or null when it answers nothing pending. */
export function takeFetchResponse(c: FetchClient, from: string, corr: number, parts: FetchPartResponse[]): FetchPartResponse[] | null {
  const inflight = c.fetchInflight[from]
  if (!inflight || inflight.corr !== corr) return null
  delete c.fetchInflight[from]
  return parts
}

/**
 * The records a fetch returned in [from, to) as runs of consecutive offsets, [first offset, count],
 * when compaction left gaps among them (a batch past the position, offsets between batches, records
 * the cleaner removed inside a batch); null when every offset there is a record. A consumer counts
 * records, not offsets, for max.poll.records and what it polled.
 */
export function recordRuns(batches: readonly LogBatch[], from: number, to: number): [number, number][] | null {
  let gaps = batches.length > 0 && batches[0].baseOffset > from
  for (let i = 0; i < batches.length && !gaps; i++) {
    const b = batches[i]
    gaps = b.retained !== undefined || (i > 0 && b.baseOffset !== batches[i - 1].baseOffset + batches[i - 1].count)
  }
  if (!gaps) return null
  const runs: [number, number][] = []
  const add = (offset: number): void => {
    if (offset < from || offset >= to) return
    const last = runs[runs.length - 1]
    if (last !== undefined && last[0] + last[1] === offset) last[1]++
    else runs.push([offset, 1])
  }
  for (const b of batches) {
    if (b.retained) for (const k of b.retained) add(b.baseOffset + k)
    else {
      const start = Math.max(from, b.baseOffset)
      const end = Math.min(to, b.baseOffset + b.count)
      if (end <= start) continue
      const last = runs[runs.length - 1]
      if (last !== undefined && last[0] + last[1] === start) last[1] += end - start
      else runs.push([start, end - start])
    }
  }
  return runs
}

/**
 * Up to `max` records from `position` on: how many there are and the offset after the last one
 * (`to` when they run out first). `runs` null: every offset up to `to` is a record.
 */
export function takeRecords(runs: readonly [number, number][] | null, position: number, to: number, max: number): { records: number; next: number } {
  if (runs === null) {
    const records = Math.min(max, to - position)
    return { records, next: position + records }
  }
  let records = 0
  for (const [first, count] of runs) {
    const start = Math.max(first, position)
    const end = Math.min(first + count, to)
    if (end <= start) continue
    if (records + (end - start) >= max) return { records: max, next: start + (max - records) }
    records += end - start
  }
  return { records, next: to }
}

/** The records at or after `position` in the batches: [from, to), or null when there are none. */
export function fetchedRange(position: number, batches: readonly LogBatch[]): { from: number; to: number } | null {
  if (batches.length === 0) return null
  const last = batches[batches.length - 1]
  const to = last.baseOffset + last.count
  if (to <= position) return null
  return { from: Math.max(position, batches[0].baseOffset), to }
}

// ---------------------------------------------------------------- history

/**
 * Each world's read logs by reader and partition, so a poll finds its log without building the
 * `reader|tp` key the history is stored under. Derived from `history.reads` alone and keyed by that
 * record: a copied or restored world has a record of its own and gets its index on first use.
 */
const readIndex = new WeakMap<Record<string, ReadLog>, Map<string, Map<string, ReadLog>>>()

function readsByReader(reads: Record<string, ReadLog>): Map<string, Map<string, ReadLog>> {
  let index = readIndex.get(reads)
  if (!index) {
    index = new Map()
    for (const key of Object.keys(reads)) {
      const log = reads[key]
      let forReader = index.get(log.reader)
      if (!forReader) index.set(log.reader, (forReader = new Map()))
      forReader.set(log.tp, log)
    }
    readIndex.set(reads, index)
  }
  return index
}

export function readLogFor(w: World, reader: string, tp: string): ReadLog {
  const index = readsByReader(w.history.reads)
  let forReader = index.get(reader)
  let log = forReader?.get(tp)
  if (!log) {
    log = { reader, tp, n: 0, from: newColumn(), to: newColumn(), atMs: newColumn(), resets: [] }
    w.history.reads[`${reader}|${tp}`] = log
    if (!forReader) index.set(reader, (forReader = new Map()))
    forReader.set(tp, log)
  }
  return log
}

/** Records [from, to) of `tp` handed to the application now. */
export function recordPoll(w: World, reader: string, tp: string, from: number, to: number): void {
  appendPoll(w, readLogFor(w, reader, tp), from, to)
}

/** Records [from, to) handed to the application now, in a read log the poller keeps at hand. */
export function appendPoll(w: World, log: ReadLog, from: number, to: number): void {
  setInt(log.from, log.n, from)
  setInt(log.to, log.n, to)
  setInt(log.atMs, log.n, w.nowMs)
  log.n++
}

/** The position of `tp` was set on purpose (committed offset, auto.offset.reset, seek). */
export function recordReset(w: World, reader: string, tp: string, offset: number): void {
  readLogFor(w, reader, tp).resets.push(w.nowMs, offset)
}
