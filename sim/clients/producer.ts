/**
 * The producer client (KafkaProducer 4.x): metadata, partitioner, accumulator, sender.
 *
 * - keyed records: partitionForKey (murmur2, as the Java client), over all partitions;
 * - null keys: the strictly uniform sticky partitioner (KIP-794), which switches partition after
 *   batch.size bytes once the partition's last batch is full, or at 2 × batch.size; the next sticky
 *   partition is drawn uniformly from partitions with a leader (the adaptive weighting by queue
 *   length is not modelled);
 * - batches are ready after linger.ms, when full, or when more than one is queued; a ready node gets
 *   one Produce with the first batch of every partition it leads, while fewer than
 *   max.in.flight.requests.per.connection requests are outstanding to it;
 * - sequence numbers are assigned when a batch is first drained; retriable errors re-queue the batch
 *   with exponential backoff (retry.backoff.ms → retry.backoff.max.ms, ±20 % jitter) until
 *   delivery.timeout.ms; invalid-metadata errors request a metadata update, and a response naming
 *   the current leader updates it directly (KIP-951);
 * - idempotence follows TransactionManager/RecordAccumulator: sequences and epoch per partition;
 *   OUT_OF_ORDER_SEQUENCE_NUMBER right after the last acknowledged (or unresolved) sequence asks for
 *   an epoch bump, carried out once none of the partition's batches is on the wire (a later
 *   acknowledgement resolves it instead); an expired batch that was sent fails to the application
 *   and leaves its sequence unresolved until the partition drains (maybeResolveSequences);
 * - acks=0 completes on send with no offset.
 * Records are generated lazily at wake-ups, each with its exact due time (recordsPerSec).
 */
import { nextInt, forkRng } from '../kernel/rng.ts'
import { timer, nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { emit } from '../kafka/events.ts'
import type { World, Msg } from '../nodes/world.ts'
import { partitionForKey } from '../kafka/murmur2.ts'
import { partitionName } from '../kafka/topic-partition.ts'
import { resolveProducerConfig } from '../kafka/config.ts'
import type { ProducerSpec } from '../scenario/types.ts'
import type { ProducerBatch, ProducerNode } from './producer-types.ts'
import type { ProduceBatch } from '../cluster/produce-handler.ts'
import { PENDING, FAILED, ACKED_NO_OFFSET, type SendLog } from '../history/history.ts'
import { newColumn, setIntRun } from '../history/int-column.ts'
import type { MessageOf } from '../kafka/messages.ts'
import { appendRecordFacts, internKey, recordStream, type RecordStream } from '../storage/records.ts'

const RETRIABLE = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'REQUEST_TIMED_OUT',
  'NETWORK_EXCEPTION',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
])
const INVALID_METADATA = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'NETWORK_EXCEPTION',
])
const MAX_REQUEST_BYTES = 1048576
const RECORD_OVERHEAD_BYTES = 10

export function newProducer(w: World, spec: ProducerSpec): ProducerNode {
  const cfg = resolveProducerConfig(spec.config)
  return {
    id: spec.id,
    spec,
    cfg,
    rng: forkRng(w.rng.clients, `producer:${spec.id}`),
    active: spec.startActive,
    idempotent: cfg['enable.idempotence'],
    producerId: -1,
    producerEpoch: 0,
    wireNext: [],
    wireAcked: [],
    partEpoch: [],
    onWire: [],
    bumpSeq: [],
    unresolved: [],
    pidInflight: false,
    meta: { known: false, leaders: [], leaderEpochs: [], brokers: [], fetchedMs: 0, inflight: false, corr: 0, sentMs: 0, needUpdate: true, target: 0 },
    genStartMs: 0,
    genCount: 0,
    keyCursor: 0,
    queues: [],
    seqNext: [],
    sticky: { partition: -1, bytes: 0 },
    inflightByNode: {},
    requests: {},
    wakeAt: -1,
    nextRequestDeadline: Infinity,
    sendLogs: [],
    recordStreams: [],
    poolKeys: spec.keys.kind === 'pool' ? Array.from({ length: spec.keys.size }, (_, i) => `key-${i}`) : [],
    sent: 0,
    acked: 0,
    failed: 0,
    errors: {},
    metadataWarnings: {},
    blockedSinceMs: -1,
  }
}

export function startProducerClient(w: World, p: ProducerNode): void {
  p.genStartMs = w.nowMs
  p.genCount = 0
  requestMetadata(w, p)
  wake(w, p)
}

/**
 * The producer process crashed: its record accumulator, in-flight requests, cached metadata request
 * and producer id are gone (a restarted KafkaProducer starts from nothing but its configuration).
 */
export function crashProducer(p: ProducerNode): void {
  p.queues = p.queues.map(() => [])
  p.requests = {}
  p.nextRequestDeadline = Infinity
  p.inflightByNode = {}
  p.onWire = p.onWire.map(() => 0)
  p.bumpSeq = p.bumpSeq.map(() => -1)
  p.unresolved = p.unresolved.map(() => -1)
  p.meta.inflight = false
  p.pidInflight = false
  p.producerId = -1
  p.wakeAt = -1
}

function ready(p: ProducerNode): boolean {
  return p.meta.known && (!p.idempotent || p.producerId >= 0)
}

export function setProducerActive(w: World, p: ProducerNode, active: boolean): void {
  if (active && !p.active) {
    p.genStartMs = w.nowMs
    p.genCount = 0
  }
  p.active = active
  wake(w, p)
}

// ---------------------------------------------------------------- metadata

function requestMetadata(w: World, p: ProducerNode): void {
  if (p.meta.inflight) return
  const brokers = p.meta.brokers.length ? p.meta.brokers : w.brokerIds
  const target = brokers[p.meta.target % brokers.length]
  p.meta.inflight = true
  p.meta.corr = nextCorrelationId(w)
  p.meta.sentMs = w.nowMs
  send(w, p.id, String(target), { api: 'Metadata', from: p.id, corr: p.meta.corr, topics: [p.spec.topic] })
}

function onMetadata(w: World, p: ProducerNode, m: MessageOf<'MetadataResponse'>): void {
  if (m.corr !== p.meta.corr) return
  p.meta.inflight = false
  const t = m.topics[p.spec.topic]
  p.meta.brokers = m.brokers.slice()
  if (!t || t.error !== 'NONE') {
    // NetworkClient.handleCompletedMetadataResponse: a metadata warning, not a request error
    if (t) p.metadataWarnings[t.error] = (p.metadataWarnings[t.error] ?? 0) + 1
    p.meta.needUpdate = true
    timer(w, p.id, 'producer.metaRetry', p.cfg['retry.backoff.ms'])
    return
  }
  p.meta.known = true
  p.meta.needUpdate = false
  p.meta.fetchedMs = w.nowMs
  const n = t.partitions.length
  p.meta.leaders = t.partitions.map((x) => x.leader)
  p.meta.leaderEpochs = t.partitions.map((x) => x.leaderEpoch)
  while (p.queues.length < n) p.queues.push([])
  while (p.seqNext.length < n) p.seqNext.push(0)
  while (p.wireNext.length < n) p.wireNext.push(0)
  while (p.wireAcked.length < n) p.wireAcked.push(-1)
  while (p.partEpoch.length < n) p.partEpoch.push(p.producerEpoch)
  while (p.onWire.length < n) p.onWire.push(0)
  while (p.bumpSeq.length < n) p.bumpSeq.push(-1)
  while (p.unresolved.length < n) p.unresolved.push(-1)
  if (p.meta.leaders.some((l) => l < 0)) p.meta.needUpdate = true
  if (p.idempotent && p.producerId < 0) initProducerId(w, p)
  wake(w, p)
}

function initProducerId(w: World, p: ProducerNode): void {
  if (p.pidInflight) return
  p.pidInflight = true
  const target = p.meta.brokers[nextInt(p.rng, Math.max(1, p.meta.brokers.length))] ?? w.brokerIds[0]
  send(w, p.id, String(target), { api: 'InitProducerId', from: p.id, corr: nextCorrelationId(w) })
}

// ---------------------------------------------------------------- records

function nextKey(p: ProducerNode): string | null {
  const k = p.spec.keys
  if (k.kind === 'pool') return p.poolKeys[nextInt(p.rng, k.size)]
  if (k.kind === 'list') return k.values[p.keyCursor++ % k.values.length]
  return null
}

function stickyPartition(p: ProducerNode): number {
  const n = p.meta.leaders.length
  const available: number[] = []
  for (let i = 0; i < n; i++) if (p.meta.leaders[i] >= 0) available.push(i)
  if (available.length === 0) return nextInt(p.rng, n)
  return available[nextInt(p.rng, available.length)]
}

/**
 * partitionForKey, remembered by partition count and key. A pure function's memo, kept outside the
 * world (snapshots copy no dictionary of every key); bounded, since interventions may produce any key.
 */
function keyPartition(key: string, n: number): number {
  let byKey = KEY_PARTITIONS.get(n)
  if (byKey === undefined) KEY_PARTITIONS.set(n, (byKey = new Map()))
  let part = byKey.get(key)
  if (part === undefined) {
    if (byKey.size >= MAX_REMEMBERED_KEYS) byKey.clear()
    part = partitionForKey(key, n)
    byKey.set(key, part)
  }
  return part
}

const KEY_PARTITIONS = new Map<number, Map<string, number>>()
const MAX_REMEMBERED_KEYS = 100_000

/**
 * KafkaProducer.send: partition the record, write its fields to the partition's record stream and
 * add it to the accumulator. `valueBytes` null: a tombstone.
 */
export function appendRecord(w: World, p: ProducerNode, key: string | null, valueBytes: number | null, atMs: number): void {
  p.sent++
  const n = p.meta.leaders.length
  let part: number
  if (key !== null && !p.cfg['partitioner.ignore.keys']) part = keyPartition(key, n)
  else {
    if (p.sticky.partition < 0 || p.sticky.partition >= n) p.sticky = { partition: stickyPartition(p), bytes: 0 }
    part = p.sticky.partition
  }
  const size = (valueBytes ?? 0) + (key === null ? 0 : key.length) + RECORD_OVERHEAD_BYTES
  const q = p.queues[part]
  const batchSize = p.cfg['batch.size']
  const stream = recordStreamFor(w, p, part)
  let last = q[q.length - 1]
  if (!last || last.baseSequence >= 0 || last.sizeBytes + size > batchSize) {
    last = { partition: part, baseSequence: -1, count: 0, sizeBytes: 0, createdMs: atMs, lastRecordMs: atMs, firstRecord: stream.n, attempts: 0, retryAtMs: 0, wireSequence: -1, wireEpoch: -1 }
    q.push(last)
  }
  appendRecordFacts(stream, internKey(w.records, key), atMs, valueBytes)
  last.count++
  last.lastRecordMs = atMs
  last.sizeBytes += size
  if (key === null || p.cfg['partitioner.ignore.keys']) {
    p.sticky.bytes += size
    const full = last.sizeBytes + size > batchSize
    if ((p.sticky.bytes >= batchSize && full) || p.sticky.bytes >= 2 * batchSize) p.sticky = { partition: stickyPartition(p), bytes: 0 }
  }
}

function generateDue(w: World, p: ProducerNode): void {
  const rate = p.spec.recordsPerSec
  if (!p.active || rate <= 0) return
  for (;;) {
    const due = p.genStartMs + Math.floor((p.genCount * 1000) / rate)
    if (due > w.nowMs) break
    appendRecord(w, p, nextKey(p), nextValueBytes(p), due)
    p.genCount++
  }
}

function nextDueMs(p: ProducerNode): number {
  const rate = p.spec.recordsPerSec
  if (!p.active || rate <= 0) return Infinity
  return p.genStartMs + Math.floor((p.genCount * 1000) / rate)
}

// ---------------------------------------------------------------- sender

/** Run the sender: generate due records, expire, drain ready nodes, and arm the next wake-up. */
export function wake(w: World, p: ProducerNode): void {
  if (!w.nodes[p.id]?.up) return
  if (!ready(p)) {
    if (p.active) {
      p.genStartMs = w.nowMs
      p.genCount = 0
    }
    if (!p.meta.inflight && w.nowMs - p.meta.sentMs >= p.cfg['retry.backoff.ms']) requestMetadata(w, p)
    armWake(w, p, w.nowMs + p.cfg['retry.backoff.ms'])
    return
  }
  generateDue(w, p)
  if (p.meta.needUpdate || w.nowMs - p.meta.fetchedMs >= p.cfg['metadata.max.age.ms']) {
    if (!p.meta.inflight && w.nowMs - p.meta.sentMs >= p.cfg['retry.backoff.ms']) requestMetadata(w, p)
  }
  expireRequests(w, p)
  expireBatches(w, p)
  drain(w, p)
  armWake(w, p, nextWakeMs(w, p))
}

function armWake(w: World, p: ProducerNode, at: number): void {
  if (at === Infinity) return
  const t = Math.max(at, w.nowMs + 1)
  if (p.wakeAt > w.nowMs && p.wakeAt <= t) return
  p.wakeAt = t
  timer(w, p.id, 'producer.wake', t - w.nowMs, t)
}

export function onWakeTimer(w: World, p: ProducerNode, at: number): void {
  if (at !== p.wakeAt) return
  p.wakeAt = -1
  wake(w, p)
}

function nextWakeMs(w: World, p: ProducerNode): number {
  const linger = p.cfg['linger.ms']
  let next = Infinity
  const due = nextDueMs(p)
  if (due !== Infinity) {
    const fill = Math.max(1, Math.floor((p.cfg['batch.size'] / (p.spec.valueBytes + RECORD_OVERHEAD_BYTES)) * (1000 / p.spec.recordsPerSec)))
    next = due + Math.min(linger, fill)
  }
  for (const q of p.queues) {
    const b = q[0]
    if (!b) continue
    next = Math.min(next, Math.max(b.createdMs + linger, b.retryAtMs))
  }
  next = Math.min(next, p.nextRequestDeadline)
  if (p.meta.needUpdate) next = Math.min(next, w.nowMs + p.cfg['retry.backoff.ms'])
  return next
}

function batchReady(w: World, p: ProducerNode, q: ProducerBatch[]): boolean {
  const b = q[0]
  if (!b || b.retryAtMs > w.nowMs) return false
  return q.length > 1 || w.nowMs - b.createdMs >= p.cfg['linger.ms'] || b.sizeBytes >= p.cfg['batch.size'] * 0.9
}

function drain(w: World, p: ProducerNode): void {
  // the leaders of the partitions with something queued, in order of first appearance, and their partitions
  const nodes: number[] = []
  const partsOf: number[][] = []
  let readyAny = false
  for (let i = 0; i < p.queues.length; i++) {
    const q = p.queues[i]
    if (q.length === 0) continue
    if (p.idempotent && !mayDrain(p, i)) continue
    const leader = p.meta.leaders[i]
    if (leader === undefined || leader < 0) {
      p.meta.needUpdate = true
      continue
    }
    let k = nodes.indexOf(leader)
    if (k < 0) {
      k = nodes.push(leader) - 1
      partsOf.push([])
    }
    partsOf[k].push(i)
    if (batchReady(w, p, q)) readyAny = true
  }
  if (!readyAny) return
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]
    const parts = partsOf[k]
    if (!parts.some((i) => batchReady(w, p, p.queues[i]))) continue
    if ((p.inflightByNode[node] ?? 0) >= p.cfg['max.in.flight.requests.per.connection']) continue
    sendProduce(w, p, node, parts)
  }
}

function sendProduce(w: World, p: ProducerNode, node: number, parts: number[]): void {
  const batches: ProducerBatch[] = []
  const wire: ProduceBatch[] = []
  let bytes = 0
  for (const i of parts) {
    const b = p.queues[i][0]
    if (!b || b.retryAtMs > w.nowMs) continue
    if (batches.length && bytes + b.sizeBytes > MAX_REQUEST_BYTES) break
    p.queues[i].shift()
    if (b.baseSequence < 0) assignSequence(w, p, b)
    if (p.idempotent && b.wireEpoch < 0) {
      // TransactionManager.maybeUpdateProducerIdAndEpoch: a partition left on an older epoch with
      // nothing in flight starts again at sequence 0 under the current one (mayDrain checked that).
      if (p.partEpoch[i] !== p.producerEpoch) {
        p.partEpoch[i] = p.producerEpoch
        p.wireNext[i] = 0
        p.wireAcked[i] = -1
      }
      b.wireSequence = p.wireNext[i]
      b.wireEpoch = p.producerEpoch
      p.wireNext[i] += b.count
    }
    if (p.idempotent) p.onWire[i]++
    b.attempts++
    bytes += b.sizeBytes
    batches.push(b)
    wire.push({
      tp: partitionName(p.spec.topic, b.partition),
      producer: p.id,
      producerId: p.idempotent ? p.producerId : -1,
      producerEpoch: p.idempotent ? b.wireEpoch : -1,
      baseSequence: b.baseSequence,
      sequence: p.idempotent ? b.wireSequence : -1,
      count: b.count,
      firstTimestamp: b.createdMs,
      maxTimestamp: b.lastRecordMs,
      sizeBytes: b.sizeBytes,
      firstRecord: b.firstRecord,
    })
  }
  if (batches.length === 0) return
  const corr = nextCorrelationId(w)
  const acks = p.cfg.acks
  send(w, p.id, String(node), { api: 'Produce', from: p.id, corr, acks, timeoutMs: p.cfg['request.timeout.ms'], batches: wire })
  if (acks === '0') {
    for (const b of batches) complete(w, p, b, ACKED_NO_OFFSET)
    return
  }
  p.inflightByNode[node] = (p.inflightByNode[node] ?? 0) + 1
  const deadline = w.nowMs + p.cfg['request.timeout.ms']
  p.requests[corr] = { node, batches, deadline }
  if (deadline < p.nextRequestDeadline) p.nextRequestDeadline = deadline
}

function recordStreamFor(w: World, p: ProducerNode, partition: number): RecordStream {
  let s = p.recordStreams[partition]
  if (!s) {
    s = recordStream(w.records, p.id, partitionName(p.spec.topic, partition), p.spec.valueBytes, p.spec.headers)
    p.recordStreams[partition] = s
  }
  return s
}

/** The next generated record's value size: a tombstone (null) for the spec's share of them. */
function nextValueBytes(p: ProducerNode): number | null {
  const share = p.spec.tombstones
  if (share <= 0) return p.spec.valueBytes
  return nextInt(p.rng, 1_000_000) < Math.round(share * 1_000_000) ? null : p.spec.valueBytes
}

function sendLogFor(w: World, p: ProducerNode, partition: number): SendLog {
  const cached = p.sendLogs[partition]
  if (cached) return cached
  const tp = partitionName(p.spec.topic, partition)
  const key = `${p.id}|${tp}`
  let log = w.history.sends[key]
  if (!log) {
    log = { producer: p.id, tp, n: 0, outcome: newColumn(), atMs: newColumn(), recordShift: [] }
    w.history.sends[key] = log
  }
  p.sendLogs[partition] = log
  return log
}

function assignSequence(w: World, p: ProducerNode, b: ProducerBatch): void {
  b.baseSequence = p.seqNext[b.partition]
  p.seqNext[b.partition] += b.count
  const log = sendLogFor(w, p, b.partition)
  const shift = b.firstRecord - b.baseSequence
  const shifts = log.recordShift
  if ((shifts.length === 0 && shift !== 0) || (shifts.length > 0 && shifts[shifts.length - 1] !== shift)) shifts.push(b.baseSequence, shift)
  setIntRun(log.outcome, b.baseSequence, b.count, PENDING, 0)
  setIntRun(log.atMs, b.baseSequence, b.count, w.nowMs, 0)
  log.n = Math.max(log.n, b.baseSequence + b.count)
}

function complete(w: World, p: ProducerNode, b: ProducerBatch, baseOffset: number): void {
  const log = sendLogFor(w, p, b.partition)
  setIntRun(log.outcome, b.baseSequence, b.count, baseOffset, baseOffset >= 0 ? 1 : 0)
  setIntRun(log.atMs, b.baseSequence, b.count, w.nowMs, 0)
  if (baseOffset === FAILED) p.failed += b.count
  else p.acked += b.count
}

function countError(p: ProducerNode, error: string): void {
  p.errors[error] = (p.errors[error] ?? 0) + 1
}

function backoffMs(p: ProducerNode, attempts: number): number {
  const base = p.cfg['retry.backoff.ms']
  const max = p.cfg['retry.backoff.max.ms']
  const exp = Math.min(max, base * 2 ** Math.max(0, attempts - 1))
  const jitter = Math.floor((exp * (nextInt(p.rng, 41) - 20)) / 100)
  return Math.max(1, Math.min(max, exp + jitter))
}

/** A sequenced batch of partition i not yet completed: on the wire or queued for a retry. */
function hasInflightBatches(p: ProducerNode, i: number): boolean {
  return p.onWire[i] > 0 || p.queues[i].some((b) => b.wireEpoch >= 0)
}

/**
 * RecordAccumulator.shouldStopDrainBatchesForPartition: no batch of a partition waiting for an epoch
 * bump is sent; a new (unsequenced) batch waits while the partition has an unresolved sequence, or
 * while it has batches in flight under an older epoch.
 */
function mayDrain(p: ProducerNode, i: number): boolean {
  if (p.bumpSeq[i] >= 0) return false
  const first = p.queues[i][0]
  if (!first || first.wireEpoch >= 0) return true
  if (p.unresolved[i] >= 0) return false
  return p.partEpoch[i] === p.producerEpoch || !hasInflightBatches(p, i)
}

/**
 * TransactionManager.requestEpochBumpForPartition / bumpIdempotentProducerEpoch (KIP-360): the
 * idempotent producer lost track of a partition's sequences (e.g. a new leader after an unclean
 * election lacks the earlier batches): it bumps its producer epoch locally and starts that
 * partition's sequences again at 0; its queued batches are re-sequenced in order when next drained.
 * The bump waits until no batch of the partition is on the wire: a later acknowledgement in the old
 * epoch proves the broker holds every earlier sequence (it only appends sequence n after n - 1), so
 * it resolves the gap without a bump, and a batch whose outcome is unknown is never resent under a
 * new epoch (that would append it twice).
 */
function requestEpochBump(w: World, p: ProducerNode, i: number, seq: number): void {
  p.bumpSeq[i] = Math.max(p.bumpSeq[i], seq)
  maybeBumpEpoch(w, p, i)
}

function maybeBumpEpoch(w: World, p: ProducerNode, i: number): void {
  if (p.bumpSeq[i] < 0 || p.onWire[i] > 0) return
  const seq = p.bumpSeq[i]
  p.bumpSeq[i] = -1
  if (seq <= p.wireAcked[i]) return
  p.producerEpoch++
  p.partEpoch[i] = p.producerEpoch
  p.wireNext[i] = 0
  p.wireAcked[i] = -1
  p.unresolved[i] = -1
  for (const b of p.queues[i]) {
    b.wireEpoch = -1
    b.wireSequence = -1
  }
  emit(w, { type: 'ProducerEpochBumped', producer: p.id, producerEpoch: p.producerEpoch })
}

/**
 * TransactionManager.maybeResolveSequences: once a partition with an unresolved sequence has no
 * batch in flight, it is resolved if the last acknowledged sequence is right before the next one;
 * otherwise the idempotent producer bumps its epoch.
 */
function maybeResolveSequences(w: World, p: ProducerNode): void {
  for (let i = 0; i < p.unresolved.length; i++) {
    if (p.unresolved[i] < 0 || hasInflightBatches(p, i)) continue
    const resolved = p.wireNext[i] === p.wireAcked[i] + 1
    p.unresolved[i] = -1
    if (!resolved) requestEpochBump(w, p, i, p.wireNext[i])
  }
}

/** A batch got an error: retry it, or give up for good. */
function failOrRetry(w: World, p: ProducerNode, b: ProducerBatch, error: string): void {
  countError(p, error)
  if (p.idempotent && (error === 'OUT_OF_ORDER_SEQUENCE_NUMBER' || error === 'UNKNOWN_PRODUCER_ID')) {
    // TransactionManager.canRetry: a gap behind an earlier batch that is itself being retried is
    // transient; the batch right after the last acknowledged sequence (or right after an unresolved
    // one) shows a real gap and asks for an epoch bump; either way the batch is retried until
    // delivery.timeout.ms.
    const i = b.partition
    const current = b.wireEpoch === p.partEpoch[i]
    const next = p.unresolved[i] >= 0 ? b.wireSequence === p.unresolved[i] : b.wireSequence === p.wireAcked[i] + 1
    if (w.nowMs - b.createdMs >= p.cfg['delivery.timeout.ms']) {
      complete(w, p, b, FAILED)
      return
    }
    requeue(w, p, b)
    if (current && (error === 'UNKNOWN_PRODUCER_ID' || next)) requestEpochBump(w, p, i, b.wireSequence)
    return
  }
  if (INVALID_METADATA.has(error)) p.meta.needUpdate = true
  const expired = w.nowMs - b.createdMs >= p.cfg['delivery.timeout.ms']
  if (RETRIABLE.has(error) && !expired && b.attempts <= p.cfg.retries) requeue(w, p, b)
  else complete(w, p, b, FAILED)
}

/** Put a batch back in its partition's queue, in sequence order, after a backoff. */
function requeue(w: World, p: ProducerNode, b: ProducerBatch): void {
  b.retryAtMs = w.nowMs + backoffMs(p, b.attempts)
  const q = p.queues[b.partition]
  let i = 0
  while (i < q.length && q[i].baseSequence >= 0 && q[i].baseSequence < b.baseSequence) i++
  q.splice(i, 0, b)
}

function onProduceResponse(w: World, p: ProducerNode, m: MessageOf<'ProduceResponse'>): void {
  const req = p.requests[m.corr]
  if (!req) return
  finishRequest(p, m.corr, req.node)
  const parts = m.parts
  for (let i = 0; i < req.batches.length; i++) {
    const b = req.batches[i]
    const r = parts[i]
    if (p.idempotent) p.onWire[b.partition]--
    if (r.error === 'NONE') {
      if (p.idempotent && b.wireEpoch === p.partEpoch[b.partition])
        p.wireAcked[b.partition] = Math.max(p.wireAcked[b.partition], b.wireSequence + b.count - 1)
      complete(w, p, b, r.baseOffset)
    } else {
      if (r.currentLeader && r.currentLeader.epoch > (p.meta.leaderEpochs[b.partition] ?? -1)) {
        p.meta.leaders[b.partition] = r.currentLeader.id
        p.meta.leaderEpochs[b.partition] = r.currentLeader.epoch
      }
      failOrRetry(w, p, b, r.error)
    }
    if (p.idempotent) maybeBumpEpoch(w, p, b.partition)
  }
  wake(w, p)
}

/** `corr` as a number or as the record's key (the same property). */
function finishRequest(p: ProducerNode, corr: number | string, node: number): void {
  delete p.requests[corr]
  p.inflightByNode[node] = Math.max(0, (p.inflightByNode[node] ?? 1) - 1)
}

function failRequest(w: World, p: ProducerNode, corr: string, error: string): void {
  const req = p.requests[corr]
  finishRequest(p, corr, req.node)
  for (const b of req.batches) {
    if (p.idempotent) p.onWire[b.partition]--
    failOrRetry(w, p, b, error)
    if (p.idempotent) maybeBumpEpoch(w, p, b.partition)
  }
}

/**
 * NetworkClient.handleTimedOutRequests: a request with no answer within request.timeout.ms fails
 * with REQUEST_TIMED_OUT, the connection to that broker is closed (its other in-flight requests
 * fail as disconnected) and a metadata update is requested.
 */
function expireRequests(w: World, p: ProducerNode): void {
  if (w.nowMs >= p.nextRequestDeadline) expireTimedOut(w, p)
  if (p.meta.inflight && w.nowMs - p.meta.sentMs >= p.cfg['request.timeout.ms']) {
    p.meta.inflight = false
    p.meta.target++
  }
}

function expireTimedOut(w: World, p: ProducerNode): void {
  for (const corr of Object.keys(p.requests)) {
    const req = p.requests[corr]
    if (!req || req.deadline > w.nowMs) continue
    const node = req.node
    failRequest(w, p, corr, 'REQUEST_TIMED_OUT')
    for (const other of Object.keys(p.requests)) if (p.requests[other].node === node) failRequest(w, p, other, 'NETWORK_EXCEPTION')
    p.meta.needUpdate = true
  }
  let next = Infinity
  for (const corr in p.requests) next = Math.min(next, p.requests[corr].deadline)
  p.nextRequestDeadline = next
}

function expireBatches(w: World, p: ProducerNode): void {
  const limit = p.cfg['delivery.timeout.ms']
  for (const q of p.queues) {
    while (q.length && w.nowMs - q[0].createdMs >= limit) {
      const b = q.shift()!
      if (b.baseSequence < 0) p.failed += b.count
      else complete(w, p, b, FAILED)
      // Sender.sendProducerData: an expired batch that was sent before has an unknown outcome; no new
      // batch of the partition is drained until that sequence is resolved.
      if (p.idempotent && b.wireEpoch === p.partEpoch[b.partition] && b.attempts > 0)
        p.unresolved[b.partition] = Math.max(p.unresolved[b.partition], b.wireSequence + b.count)
    }
  }
  if (p.idempotent) maybeResolveSequences(w, p)
}

export function onProducerDisconnect(w: World, p: ProducerNode, peer: string): void {
  for (const corr of Object.keys(p.requests)) if (String(p.requests[corr].node) === peer) failRequest(w, p, corr, 'NETWORK_EXCEPTION')
  if (p.meta.inflight) {
    p.meta.inflight = false
    p.meta.target++
  }
  p.pidInflight = false
  wake(w, p)
}

export function handleProducerMessage(w: World, p: ProducerNode, m: Msg): void {
  switch (m.api) {
    case 'MetadataResponse':
      return onMetadata(w, p, m)
    case 'ProduceResponse':
      return onProduceResponse(w, p, m)
    case 'InitProducerIdResponse':
      p.pidInflight = false
      if (m.error === 'NONE') {
        p.producerId = m.producerId
        emit(w, { type: 'ProducerIdReceived', producer: p.id, producerId: p.producerId })
      }
      return wake(w, p)
  }
}

export function produceOne(w: World, p: ProducerNode, key: string | null, valueBytes: number | null): void {
  if (!ready(p)) {
    p.failed++
    p.sent++
    countError(p, 'TIMEOUT')
    return
  }
  appendRecord(w, p, key, valueBytes, w.nowMs)
  wake(w, p)
}
