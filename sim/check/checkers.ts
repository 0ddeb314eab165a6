/**
 * History checkers: what clients observed (History) against what the replicas hold now (PartitionView).
 *
 * They look for the anomalies a Kafka user would call bugs or data loss: acknowledged writes that are
 * gone (typically after an unclean leader election or an acks=1 failover), records written twice
 * (a non-idempotent retry), records found at another offset than the one acknowledged, polls that
 * go backwards without a seek, replicas that disagree below their high watermarks, two leaders in
 * one leader epoch, and a high watermark above the log end offset (kafka-semantics.md §4).
 * Like Jepsen's Kafka checker, they read only observable history and the replicas' logs and never call
 * broker code.
 *
 * Speed: a record is (producer, partition, sequence), so per-record state lives in typed arrays
 * indexed by sequence, one set per producer × partition. Records are looked up in one reference log
 * per partition (a single walk); other replicas are compared batch by batch (shared batch objects
 * make `a === b` the usual case) and walked record by record only when some acked record is missing.
 */
import { firstBatchEndingAfter, type LogBatch } from '../storage/batch.ts'
import type { Anomaly, AnomalyFacts, CheckReport, DivergentSide, RecordRef } from '../trace/summary-types.ts'
import { ACKED_NO_OFFSET } from '../history/history.ts'
import type { History, LeaderChange, PartitionView, ReplicaView, SendLog } from '../history/history.ts'
import { checkGroups } from './group-checkers.ts'

export const FIRST_ANOMALIES_MAX = 20

/** The order of kinds used to break ties between anomalies at the same time. */
const KIND_ORDER: readonly Anomaly['kind'][] = [
  'lostAckedWrite',
  'duplicate',
  'inconsistentOffset',
  'nonMonotonicPoll',
  'divergentReplica',
  'multipleLeaders',
  'hwAboveLeo',
  'concurrentConsumers',
  'committedBackwards',
  'skippedRecords',
]

// ---------------------------------------------------------------------------------------------------
// Record index: one walk of each partition's reference log (the leader's, or when leaderless the
// longest online replica's), shared by the lost-write, duplicate and offset checkers.

/** What the reference log holds of one producer's records for one partition. */
export interface ProducerRecords {
  log: SendLog
  /** per sequence: the lowest offset the record occupies in the reference log, -1 when absent */
  foundAt: Int32Array
  minPresentSeq: number
  maxPresentSeq: number
}

/** One extra copy of a record in the reference log. */
export interface DuplicateCopy {
  slot: number
  seq: number
  firstOffset: number
  offset: number
  appendedMs: number
}

export interface PartitionRecords {
  view: PartitionView
  /** index in view.replicas of the leader's replica, -1 when there is none */
  leaderIndex: number
  /** index in view.replicas of the log the records were looked up in, -1 when no replica */
  referenceIndex: number
  /** one per SendLog of this partition, producers sorted by name */
  slots: ProducerRecords[]
  /** this partition's leader changes, by time */
  changes: LeaderChange[]
  duplicates: DuplicateCopy[]
}

export type RecordIndex = PartitionRecords[]

/** Walk every partition's reference log once, locating each producer's records by sequence. */
export function indexRecords(history: History, partitions: readonly PartitionView[]): RecordIndex {
  const sendsByTp = groupSends(history)
  const changesByTp = groupLeaderChanges(history.leaderChanges)
  const index: RecordIndex = []
  for (const view of partitions) {
    const logs = sendsByTp.get(view.tp) ?? []
    const slots: ProducerRecords[] = logs.map((log) => ({
      log,
      foundAt: new Int32Array(log.n).fill(-1),
      minPresentSeq: Number.MAX_SAFE_INTEGER,
      maxPresentSeq: -1,
    }))
    const leaderIndex = view.leader < 0 ? -1 : view.replicas.findIndex((r) => r.broker === view.leader)
    const referenceIndex = leaderIndex >= 0 ? leaderIndex : longestReplica(view.replicas)
    const part: PartitionRecords = {
      view,
      leaderIndex,
      referenceIndex,
      slots,
      changes: changesByTp.get(view.tp) ?? [],
      duplicates: [],
    }
    if (referenceIndex >= 0 && slots.length > 0) walkReference(part, view.replicas[referenceIndex].batches)
    index.push(part)
  }
  return index
}

function walkReference(part: PartitionRecords, batches: readonly LogBatch[]): void {
  const slotOf = slotMap(part.slots)
  let lastProducer = ''
  let slotIndex = -1
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b]
    if (batch.producer !== lastProducer || b === 0) {
      lastProducer = batch.producer
      slotIndex = slotOf.get(batch.producer) ?? -1
    }
    if (slotIndex < 0 || batch.baseSequence < 0) continue
    const slot = part.slots[slotIndex]
    const foundAt = slot.foundAt
    const n = slot.log.n
    const first = batch.baseSequence
    const end = Math.min(first + batch.count, n)
    if (first >= end) continue
    for (let seq = first; seq < end; seq++) {
      const offset = batch.baseOffset + (seq - first)
      const seen = foundAt[seq]
      if (seen < 0) foundAt[seq] = offset
      else {
        part.duplicates.push({
          slot: slotIndex,
          seq,
          firstOffset: Math.min(seen, offset),
          offset: Math.max(seen, offset),
          appendedMs: batch.appendedMs,
        })
      }
    }
    if (first < slot.minPresentSeq) slot.minPresentSeq = first
    if (end - 1 > slot.maxPresentSeq) slot.maxPresentSeq = end - 1
  }
}

// ---------------------------------------------------------------------------------------------------
// Lost acknowledged writes

/**
 * Records acknowledged (with an offset, or with acks=0) that the partition no longer holds.
 *
 * With a leader: the record is absent from the leader's log, and its offset is not below the leader's
 * log start offset (retention may delete old data). A record the leader still has is never lost, even
 * above the HW (acks=1 data waiting for followers). An acked offset at or past the leader's LEO counts
 * too: the leader that appended it had passed it, so a newer leader truncated it away.
 * Without a leader: the record is absent from every replica, online or not.
 * An acks=0 record has no offset: it is lost only once the log has visibly moved past it (a later
 * sequence of the same producer is present, or the leader changed after it was sent), and only if
 * retention cannot explain its absence.
 * atMs: the first leader change at or after the ack whose new leader's log lacks the record,
 * preferring an unclean election; else the ack time (e.g. acked by a deposed leader).
 */
export function findLostAckedWrites(
  history: History,
  partitions: readonly PartitionView[],
  index: RecordIndex = indexRecords(history, partitions),
): Anomaly[] {
  const anomalies: Anomaly[] = []
  for (const part of index) {
    if (part.referenceIndex < 0) continue
    const candidates = lostCandidates(part)
    if (candidates.seq.length === 0) continue
    const presence = replicaPresence(part, candidates)
    const leaderless = part.leaderIndex < 0
    const phrases = lossPhrases(part)
    const replicaOfChange = part.changes.map((c) => part.view.replicas.findIndex((r) => r.broker === c.leader))
    for (let c = 0; c < candidates.seq.length; c++) {
      const seq = candidates.seq[c]
      const slot = part.slots[candidates.slot[c]]
      const inReplicas = presence[candidates.slot[c]]
      if (leaderless && presentAnywhere(inReplicas, seq)) continue
      const ackMs = slot.log.atMs[seq]
      const change = lossCause(part, replicaOfChange, inReplicas, seq, ackMs)
      anomalies.push({
        kind: 'lostAckedWrite',
        atMs: change ? change.atMs : ackMs,
        detail: describeLoss(part, phrases, slot, seq, change),
        tp: part.view.tp,
        facts: lossFacts(part, slot, seq, change),
      })
    }
  }
  return anomalies
}

/** Records absent from the reference log, as parallel arrays (slot index, sequence). */
interface Candidates {
  slot: number[]
  seq: number[]
}

function presentAnywhere(inReplicas: readonly Uint8Array[], seq: number): boolean {
  for (const present of inReplicas) if (present[seq] === 1) return true
  return false
}

function lostCandidates(part: PartitionRecords): Candidates {
  const view = part.view
  const reference = view.replicas[part.referenceIndex]
  const leaderless = part.leaderIndex < 0
  // below this offset, absence may be retention's doing
  const floor = leaderless
    ? Math.max(...view.replicas.map((r) => r.logStartOffset))
    : reference.logStartOffset
  const out: Candidates = { slot: [], seq: [] }
  for (let s = 0; s < part.slots.length; s++) {
    const slot = part.slots[s]
    const { outcome, atMs, n } = slot.log
    const foundAt = slot.foundAt
    for (let seq = 0; seq < n; seq++) {
      const o = outcome[seq]
      if (o >= 0) {
        if (foundAt[seq] < 0 && o >= floor) {
          out.slot.push(s)
          out.seq.push(seq)
        }
      } else if (o === ACKED_NO_OFFSET && foundAt[seq] < 0) {
        const passed = slot.maxPresentSeq > seq || changeAtOrAfter(part.changes, atMs[seq]) >= 0
        const notRetention = floor === 0 || slot.minPresentSeq < seq
        if (passed && notRetention) {
          out.slot.push(s)
          out.seq.push(seq)
        }
      }
    }
  }
  return out
}

/** presence[slot][replica][seq] === 1 when that replica's log holds the record; only candidate slots. */
function replicaPresence(part: PartitionRecords, candidates: Candidates): Uint8Array[][] {
  const presence: Uint8Array[][] = part.slots.map(() => [])
  for (const s of candidates.slot) {
    if (presence[s].length > 0) continue
    const n = part.slots[s].log.n
    presence[s] = part.view.replicas.map(() => new Uint8Array(n))
  }
  const slotOf = slotMap(part.slots)
  part.view.replicas.forEach((replica, r) => {
    let lastProducer = ''
    let present: Uint8Array | undefined
    for (let b = 0; b < replica.batches.length; b++) {
      const batch = replica.batches[b]
      if (batch.producer !== lastProducer || b === 0) {
        lastProducer = batch.producer
        const s = slotOf.get(batch.producer)
        present = s === undefined ? undefined : presence[s][r]
      }
      if (present === undefined || batch.baseSequence < 0) continue
      const end = Math.min(batch.baseSequence + batch.count, present.length)
      for (let seq = batch.baseSequence; seq < end; seq++) present[seq] = 1
    }
  })
  return presence
}

/** The leader change that lost the record: the first (unclean preferred) after the ack whose leader lacks it. */
function lossCause(
  part: PartitionRecords,
  replicaOfChange: readonly number[],
  inReplicas: readonly Uint8Array[],
  seq: number,
  ackMs: number,
): LeaderChange | undefined {
  const start = changeAtOrAfter(part.changes, ackMs)
  if (start < 0) return undefined
  let firstLacking: LeaderChange | undefined
  for (let i = start; i < part.changes.length; i++) {
    const change = part.changes[i]
    if (change.leader < 0) continue
    const r = replicaOfChange[i]
    const lacks = r < 0 || inReplicas[r][seq] !== 1
    if (!lacks) continue
    if (change.unclean) return change
    firstLacking ??= change
  }
  return firstLacking
}

/** Phrases shared by the lost records of one partition (built once: a big loss has many records). */
interface LossPhrases {
  absent: string
  endsAt: string
  causes: Map<LeaderChange, string>
}

function lossPhrases(part: PartitionRecords): LossPhrases {
  const view = part.view
  if (part.leaderIndex < 0) {
    const brokers = view.replicas.map((r) => r.broker).join(', ')
    return { absent: `absent from every replica (brokers ${brokers}; no leader)`, endsAt: '', causes: new Map() }
  }
  const leader = view.replicas[part.leaderIndex]
  return {
    absent: `absent from leader broker ${leader.broker}'s log`,
    endsAt: `, which ends at offset ${leader.logEndOffset}`,
    causes: new Map(),
  }
}

function describeLoss(
  part: PartitionRecords,
  phrases: LossPhrases,
  slot: ProducerRecords,
  seq: number,
  change: LeaderChange | undefined,
): string {
  const view = part.view
  const o = slot.log.outcome[seq]
  const ackMs = slot.log.atMs[seq]
  const what =
    o >= 0
      ? `${view.tp} offset ${o} acked to ${slot.log.producer} at ${ackMs} ms (seq ${seq})`
      : `${view.tp} record ${slot.log.producer} seq ${seq} sent with acks=0 at ${ackMs} ms`
  let where = ''
  if (part.leaderIndex >= 0 && o >= 0) {
    const leader = view.replicas[part.leaderIndex]
    if (o >= leader.logEndOffset) where = phrases.endsAt
    else {
      const holder = recordAt(leader.batches, o)
      if (holder) where = `, where offset ${o} now holds ${holder}`
    }
  }
  let cause = ''
  if (change) {
    cause = phrases.causes.get(change) ?? ''
    if (!cause) {
      cause = change.unclean
        ? ` after the unclean election of broker ${change.leader} at ${change.atMs} ms`
        : ` after broker ${change.leader} became leader (epoch ${change.leaderEpoch}) at ${change.atMs} ms`
      phrases.causes.set(change, cause)
    }
  }
  return `${what}, ${phrases.absent}${where}${cause}`
}

/** describeLoss's facts, as data. */
function lossFacts(part: PartitionRecords, slot: ProducerRecords, seq: number, change: LeaderChange | undefined): AnomalyFacts {
  const o = slot.log.outcome[seq]
  const leader = part.leaderIndex >= 0 ? part.view.replicas[part.leaderIndex] : undefined
  const acked = o >= 0 && leader !== undefined
  const holder = acked && o < leader.logEndOffset ? batchAt(leader.batches, o) : undefined
  return {
    kind: 'lostAckedWrite',
    producer: slot.log.producer,
    seq,
    offset: o >= 0 ? o : null,
    ackMs: slot.log.atMs[seq],
    leader: leader ? leader.broker : null,
    replicas: part.view.replicas.map((r) => r.broker),
    leaderLogEnd: acked && o >= leader.logEndOffset ? leader.logEndOffset : null,
    holder: holder ? recordRef(holder, o) : null,
    election: change ? { broker: change.leader, atMs: change.atMs, leaderEpoch: change.leaderEpoch, unclean: change.unclean } : null,
  }
}

// ---------------------------------------------------------------------------------------------------
// Duplicates and inconsistent offsets

/**
 * The same record (producer, sequence) at two or more offsets of the leader's log (the longest online
 * replica's when leaderless): the mark of a retry without idempotence. One anomaly per extra copy,
 * at the time the copy was appended. Only producers present in the history are judged.
 */
export function findDuplicates(
  history: History,
  partitions: readonly PartitionView[],
  index: RecordIndex = indexRecords(history, partitions),
): Anomaly[] {
  const anomalies: Anomaly[] = []
  for (const part of index) {
    const where = referenceName(part)
    for (const dup of part.duplicates) {
      const log = part.slots[dup.slot].log
      anomalies.push({
        kind: 'duplicate',
        atMs: dup.appendedMs,
        detail:
          `${part.view.tp} record ${log.producer} seq ${dup.seq} at offsets ${dup.firstOffset} and ` +
          `${dup.offset} of ${where}, the extra copy appended at ${dup.appendedMs} ms`,
        tp: part.view.tp,
        facts: {
          kind: 'duplicate',
          producer: log.producer,
          seq: dup.seq,
          offsets: [dup.firstOffset, dup.offset],
          broker: part.view.replicas[part.referenceIndex].broker,
          leaderless: part.leaderIndex < 0,
          appendedMs: dup.appendedMs,
        },
      })
    }
  }
  return anomalies
}

/**
 * A record acknowledged at offset o that the reference log holds, but not at o (so o holds something
 * else). One anomaly per record, at the later of the ack and the append of the copy found.
 * Records absent altogether are lost writes, not inconsistent offsets.
 */
export function findInconsistentOffsets(
  history: History,
  partitions: readonly PartitionView[],
  index: RecordIndex = indexRecords(history, partitions),
): Anomaly[] {
  const anomalies: Anomaly[] = []
  for (const part of index) {
    if (part.referenceIndex < 0) continue
    const reference = part.view.replicas[part.referenceIndex]
    for (const slot of part.slots) {
      const { outcome, atMs, n, producer } = slot.log
      const foundAt = slot.foundAt
      for (let seq = 0; seq < n; seq++) {
        const o = outcome[seq]
        const found = foundAt[seq]
        if (o < 0 || found < 0 || found === o) continue
        // a duplicate whose later copy sits at the acked offset is consistent
        const atAcked = batchAt(reference.batches, o)
        if (atAcked && holds(atAcked, o, producer, seq)) continue
        const foundBatch = batchAt(reference.batches, found)
        const holder = atAcked ? describeRecord(atAcked, o) : 'nothing'
        anomalies.push({
          kind: 'inconsistentOffset',
          atMs: Math.max(atMs[seq], foundBatch ? foundBatch.appendedMs : 0),
          detail:
            `${part.view.tp} offset ${o} acked to ${producer} at ${atMs[seq]} ms (seq ${seq}), but ` +
            `${referenceName(part)} has the record at offset ${found} and ${holder} at offset ${o}`,
          tp: part.view.tp,
          facts: {
            kind: 'inconsistentOffset',
            producer,
            seq,
            offset: o,
            ackMs: atMs[seq],
            foundAt: found,
            broker: reference.broker,
            leaderless: part.leaderIndex < 0,
            holder: atAcked ? recordRef(atAcked, o) : null,
          },
        })
      }
    }
  }
  return anomalies
}

// ---------------------------------------------------------------------------------------------------
// Polls

/**
 * A poll that starts below where the previous poll of the same reader and partition ended, with no
 * reset (auto.offset.reset, seek, position from a committed offset) recorded at or between the two
 * poll times. One anomaly per such poll, at its time.
 */
export function findNonMonotonicPolls(history: History): Anomaly[] {
  const anomalies: Anomaly[] = []
  for (const key of Object.keys(history.reads).sort()) {
    const log = history.reads[key]
    const { from, to, atMs, resets } = log
    let r = 0 // first reset not before the previous poll
    for (let i = 1; i < log.n; i++) {
      const prevTo = to[i - 1]
      const prevMs = atMs[i - 1]
      while (r < resets.length && resets[r] < prevMs) r += 2
      if (from[i] >= prevTo) continue
      if (r < resets.length && resets[r] <= atMs[i]) continue
      anomalies.push({
        kind: 'nonMonotonicPoll',
        atMs: atMs[i],
        detail:
          `${log.tp} reader ${log.reader} polled offsets ${from[i]}..${to[i] - 1} at ${atMs[i]} ms after ` +
          `polling up to offset ${prevTo - 1} at ${prevMs} ms, with no reset in between`,
        tp: log.tp,
        facts: { kind: 'nonMonotonicPoll', reader: log.reader, from: from[i], to: to[i] - 1, atMs: atMs[i], previousTo: prevTo - 1, previousMs: prevMs },
      })
    }
  }
  return anomalies
}

// ---------------------------------------------------------------------------------------------------
// Replicas

/**
 * Two replicas of a partition whose batches differ (offset, producer, sequence, count or leader epoch)
 * below both their high watermarks: committed data that is not the same everywhere. Replicas share
 * batch objects, so equal batches are usually identical references. One anomaly per replica pair, at
 * the first differing offset, timed at the later append of the two differing batches.
 */
export function findDivergentReplicas(partitions: readonly PartitionView[]): Anomaly[] {
  const anomalies: Anomaly[] = []
  for (const view of partitions) {
    for (let i = 0; i < view.replicas.length; i++) {
      for (let j = i + 1; j < view.replicas.length; j++) {
        const found = firstDivergence(view.replicas[i], view.replicas[j])
        if (found) anomalies.push(describeDivergence(view, view.replicas[i], view.replicas[j], found))
      }
    }
  }
  return anomalies
}

interface Divergence {
  offset: number
  a: LogBatch
  b: LogBatch
}

function firstDivergence(a: ReplicaView, b: ReplicaView): Divergence | undefined {
  const lo = Math.max(a.logStartOffset, b.logStartOffset)
  const hi = Math.min(a.highWatermark, b.highWatermark, a.logEndOffset, b.logEndOffset)
  if (lo >= hi) return undefined
  const A = a.batches
  const B = b.batches
  let i = firstBatchEndingAfter(A, lo)
  let j = firstBatchEndingAfter(B, lo)
  while (i < A.length && j < B.length) {
    const x = A[i]
    const y = B[j]
    if (x.baseOffset >= hi || y.baseOffset >= hi) return undefined
    if (x === y || sameBatch(x, y)) {
      i++
      j++
      continue
    }
    const offset = Math.max(lo, Math.min(x.baseOffset, y.baseOffset))
    return { offset, a: x, b: y }
  }
  return undefined
}

function sameBatch(x: LogBatch, y: LogBatch): boolean {
  return (
    x.baseOffset === y.baseOffset &&
    x.count === y.count &&
    x.producer === y.producer &&
    x.baseSequence === y.baseSequence &&
    x.partitionLeaderEpoch === y.partitionLeaderEpoch
  )
}

function describeDivergence(view: PartitionView, a: ReplicaView, b: ReplicaView, d: Divergence): Anomaly {
  const side = (r: ReplicaView, batch: LogBatch): string =>
    `broker ${r.broker} has ${describeRecord(batch, d.offset)} (leader epoch ${batch.partitionLeaderEpoch})`
  return {
    kind: 'divergentReplica',
    atMs: Math.max(d.a.appendedMs, d.b.appendedMs),
    detail:
      `${view.tp} replicas on brokers ${a.broker} and ${b.broker} differ at offset ${d.offset}, below both ` +
      `high watermarks (${a.highWatermark} and ${b.highWatermark}): ${side(a, d.a)}, ${side(b, d.b)}`,
    tp: view.tp,
    facts: {
      kind: 'divergentReplica',
      offset: d.offset,
      replicas: [divergentSide(a, d.a, d.offset), divergentSide(b, d.b, d.offset)],
    },
  }
}

/** Two different brokers that acted as leader of one partition in one leader epoch. One per extra broker. */
export function findMultipleLeaders(history: History): Anomaly[] {
  const claims = history.leaderClaims
    .map((claim, order) => ({ claim, order }))
    .sort(
      (x, y) =>
        compareStrings(x.claim.tp, y.claim.tp) ||
        x.claim.leaderEpoch - y.claim.leaderEpoch ||
        x.claim.atMs - y.claim.atMs ||
        x.order - y.order,
    )
    .map((c) => c.claim)
  const anomalies: Anomaly[] = []
  let g = 0
  while (g < claims.length) {
    let end = g
    while (
      end < claims.length &&
      claims[end].tp === claims[g].tp &&
      claims[end].leaderEpoch === claims[g].leaderEpoch
    ) {
      end++
    }
    const first = claims[g]
    const seen = [first.broker]
    for (let k = g + 1; k < end; k++) {
      const claim = claims[k]
      if (seen.includes(claim.broker)) continue
      seen.push(claim.broker)
      anomalies.push({
        kind: 'multipleLeaders',
        atMs: claim.atMs,
        detail:
          `${claim.tp} leader epoch ${claim.leaderEpoch} claimed by broker ${first.broker} at ${first.atMs} ms ` +
          `and by broker ${claim.broker} at ${claim.atMs} ms`,
        tp: claim.tp,
        facts: { kind: 'multipleLeaders', leaderEpoch: claim.leaderEpoch, first: { who: first.broker, atMs: first.atMs }, second: { who: claim.broker, atMs: claim.atMs } },
      })
    }
    g = end
  }
  return anomalies
}

/** A replica whose high watermark is above its log end offset, seen now. */
export function findHwAboveLeo(partitions: readonly PartitionView[], nowMs: number): Anomaly[] {
  const anomalies: Anomaly[] = []
  for (const view of partitions) {
    for (const r of view.replicas) {
      if (r.highWatermark <= r.logEndOffset) continue
      anomalies.push({
        kind: 'hwAboveLeo',
        atMs: nowMs,
        detail:
          `${view.tp} replica on broker ${r.broker}: high watermark ${r.highWatermark} above ` +
          `log end offset ${r.logEndOffset} at ${nowMs} ms`,
        tp: view.tp,
        facts: { kind: 'hwAboveLeo', broker: r.broker, highWatermark: r.highWatermark, logEndOffset: r.logEndOffset, atMs: nowMs },
      })
    }
  }
  return anomalies
}

// ---------------------------------------------------------------------------------------------------
// The report

/** Run every checker over the history and the cluster's current partitions. */
export function checkHistory(history: History, partitions: PartitionView[], nowMs: number): CheckReport {
  const index = indexRecords(history, partitions)
  const lost = findLostAckedWrites(history, partitions, index)
  const duplicates = findDuplicates(history, partitions, index)
  const inconsistent = findInconsistentOffsets(history, partitions, index)
  const polls = findNonMonotonicPolls(history)
  const divergent = findDivergentReplicas(partitions)
  const leaders = findMultipleLeaders(history)
  const hw = findHwAboveLeo(partitions, nowMs)
  const groups = checkGroups(history)
  const all = [lost, duplicates, inconsistent, polls, divergent, leaders, hw, groups.concurrentConsumers, groups.committedBackwards, groups.skippedRecords]
  const total = all.reduce((sum, list) => sum + list.length, 0)
  return {
    ok: total === 0,
    lostAckedWrites: lost.length,
    duplicates: duplicates.length,
    inconsistentOffsets: inconsistent.length,
    nonMonotonicPolls: polls.length,
    divergentReplicas: divergent.length,
    multipleLeaders: leaders.length,
    hwAboveLeo: hw.length,
    concurrentConsumers: groups.concurrentConsumers.length,
    committedBackwards: groups.committedBackwards.length,
    skippedRecords: groups.skippedRecords.length,
    redeliveries: groups.redeliveries,
    first: firstAnomalies(all, FIRST_ANOMALIES_MAX),
  }
}

/** Time, then kind (in KIND_ORDER). */
export function compareAnomalies(x: Anomaly, y: Anomaly): number {
  return x.atMs - y.atMs || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind)
}

/**
 * The `limit` earliest anomalies by time then kind; ties keep the order of the input (lists in order,
 * each in its own order), so the result is total and deterministic without sorting every anomaly.
 */
export function firstAnomalies(lists: readonly (readonly Anomaly[])[], limit: number): Anomaly[] {
  const best: Anomaly[] = []
  if (limit <= 0) return best
  for (const list of lists) {
    for (const a of list) {
      if (best.length === limit && compareAnomalies(a, best[limit - 1]) >= 0) continue
      let k = best.length
      while (k > 0 && compareAnomalies(a, best[k - 1]) < 0) k--
      best.splice(k, 0, a)
      if (best.length > limit) best.pop()
    }
  }
  return best
}

// ---------------------------------------------------------------------------------------------------
// Helpers

function groupSends(history: History): Map<string, SendLog[]> {
  const byTp = new Map<string, SendLog[]>()
  for (const key of Object.keys(history.sends).sort()) {
    const log = history.sends[key]
    const list = byTp.get(log.tp)
    if (list) list.push(log)
    else byTp.set(log.tp, [log])
  }
  for (const list of byTp.values()) list.sort((x, y) => compareStrings(x.producer, y.producer))
  return byTp
}

function groupLeaderChanges(changes: readonly LeaderChange[]): Map<string, LeaderChange[]> {
  const byTp = new Map<string, LeaderChange[]>()
  for (const change of changes) {
    const list = byTp.get(change.tp)
    if (list) list.push(change)
    else byTp.set(change.tp, [change])
  }
  for (const list of byTp.values()) list.sort((x, y) => x.atMs - y.atMs) // stable: ties keep history order
  return byTp
}

function slotMap(slots: readonly ProducerRecords[]): Map<string, number> {
  const map = new Map<string, number>()
  slots.forEach((slot, i) => map.set(slot.log.producer, i))
  return map
}

/** Index of the first change at or after `atMs`, -1 when none. */
function changeAtOrAfter(changes: readonly LeaderChange[], atMs: number): number {
  let lo = 0
  let hi = changes.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (changes[mid].atMs < atMs) lo = mid + 1
    else hi = mid
  }
  return lo < changes.length ? lo : -1
}

/** The longest online replica (by log end offset, first in replica order on ties); else the longest. */
function longestReplica(replicas: readonly ReplicaView[]): number {
  let best = -1
  for (const online of [true, false]) {
    replicas.forEach((r, i) => {
      if (online && !r.online) return
      if (best < 0 || r.logEndOffset > replicas[best].logEndOffset) best = i
    })
    if (best >= 0) return best
  }
  return best
}

function referenceName(part: PartitionRecords): string {
  const broker = part.view.replicas[part.referenceIndex].broker
  return part.leaderIndex >= 0
    ? `leader broker ${broker}'s log`
    : `broker ${broker}'s log (longest replica, no leader)`
}

function batchAt(batches: readonly LogBatch[], offset: number): LogBatch | undefined {
  const i = firstBatchEndingAfter(batches, offset)
  const b = batches[i]
  return b && b.baseOffset <= offset ? b : undefined
}

function holds(batch: LogBatch, offset: number, producer: string, seq: number): boolean {
  return batch.producer === producer && batch.baseSequence >= 0 && batch.baseSequence + (offset - batch.baseOffset) === seq
}

function describeRecord(batch: LogBatch, offset: number): string {
  return batch.baseSequence >= 0
    ? `${batch.producer} seq ${batch.baseSequence + (offset - batch.baseOffset)}`
    : `a record of ${batch.producer}`
}

function divergentSide(r: ReplicaView, batch: LogBatch, offset: number): DivergentSide {
  return { broker: r.broker, highWatermark: r.highWatermark, record: recordRef(batch, offset), leaderEpoch: batch.partitionLeaderEpoch }
}

function recordRef(batch: LogBatch, offset: number): RecordRef {
  return { producer: batch.producer, seq: batch.baseSequence >= 0 ? batch.baseSequence + (offset - batch.baseOffset) : null }
}

function recordAt(batches: readonly LogBatch[], offset: number): string | undefined {
  const batch = batchAt(batches, offset)
  return batch ? describeRecord(batch, offset) : undefined
}

function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}
