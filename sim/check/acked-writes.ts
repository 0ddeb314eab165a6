/**
 * Checkers of acknowledged writes: records a producer was told were written (kafka-semantics.md §4,
 * acks) that the partition no longer holds (lost after an unclean election or an acks=1 failover),
 * holds twice (a retry without idempotence), or holds at another offset than the one acknowledged.
 * Like Jepsen's Kafka checker they read only the recorded History and the replicas' logs, through
 * the record index (observe/record-index.ts), and never call broker code.
 */
import type { LogBatch } from '../storage/batch.ts'
import { batchAt, batchAtIndex } from '../storage/batch-log.ts'
import type { Anomaly, AnomalyFacts } from '../trace/summary-types.ts'
import { ACKED_NO_OFFSET } from '../history/history.ts'
import { getInt } from '../history/int-column.ts'
import type { History, LeaderChange, PartitionView } from '../history/history.ts'
import { indexRecords, slotMap, type PartitionRecords, type ProducerRecords, type RecordIndex } from '../observe/record-index.ts'
import { describeRecord, recordAt, recordRef } from './record-text.ts'

// ---------------------------------------------------------------------------------------------------
// Lost acknowledged writes

/**
 * Records acknowledged (with an offset, or with acks=0) that the partition no longer holds.
 *
 * With a leader: the record is absent from the leader's log, and the leader's own retention (or a log
 * start it moved or learned) did not remove it: the history's RecordRemovals say which records each
 * replica let go on purpose, so a record that vanished below a moved log start for any other reason
 * still counts. Another replica's removal excuses a record only where the leader never held that
 * offset because it took the other's log start or compacted log (`inherited`). A record the leader
 * still has is never lost, even above the HW (acks=1 data waiting for followers). An acked offset at or past the leader's LEO counts
 * too: the leader that appended it had passed it, so a newer leader truncated it away.
 * Without a leader: the record is absent from every replica, online or not, and no replica removed it on purpose.
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
    const candidates = lostCandidates(part, removedRecords(history, part))
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
      const ackMs = getInt(slot.log.atMs, seq)
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

/** Records let go on purpose, by producer: by the reference replica (any replica when leaderless), and by the others. */
interface Removed {
  own: Map<string, [number, number][]>
  elsewhere: Map<string, [number, number][]>
  /** [from, to) offset ranges the reference replica's log start moved over to follow the leader's */
  ownLogStartMoves: [number, number][]
}

function removedRecords(history: History, part: PartitionRecords): Removed {
  const out: Removed = { own: new Map(), elsewhere: new Map(), ownLogStartMoves: [] }
  const view = part.view
  const leaderless = part.leaderIndex < 0
  const broker = view.replicas[part.referenceIndex]?.broker
  for (const r of history.removals) {
    if (r.tp !== view.tp) continue
    const own = leaderless || r.broker === broker
    if (own && r.cause === 'logStartOffset') out.ownLogStartMoves.push([r.fromOffset, r.logStartOffset])
    const byProducer = own ? out.own : out.elsewhere
    for (const [producer, from, to] of r.ranges) {
      let list = byProducer.get(producer)
      if (!list) byProducer.set(producer, (list = []))
      list.push([from, to])
    }
  }
  return out
}

/**
 * A record the reference replica never held because it took what another replica had already
 * removed: it restarted at the leader's log start past it (AbstractFetcherThread's out-of-range
 * handling), or fetched over the gap the leader's cleaner left there. It was let go on purpose if
 * another replica's removal holds it; a record replaced at its offset (the reference holds another
 * batch there) is not excused.
 */
function inherited(reference: PartitionView['replicas'][number], moves: readonly [number, number][], offset: number): boolean {
  for (const [from, to] of moves) if (offset >= from && offset < to) return true
  return offset >= reference.logStartOffset && batchAt(reference.batches, offset) === undefined
}

/** removed[seq] === 1 for the producer's sequences the ranges cover (null: none). */
function removedMarks(ranges: [number, number][] | undefined, n: number): Uint8Array | null {
  if (!ranges) return null
  const marks = new Uint8Array(n)
  for (const [from, to] of ranges) marks.fill(1, Math.max(0, from), Math.min(n, to + 1))
  return marks
}

function lostCandidates(part: PartitionRecords, removed: Removed): Candidates {
  const view = part.view
  const reference = view.replicas[part.referenceIndex]
  const leaderless = part.leaderIndex < 0
  // acks=0 records have no offset: below this one, their absence may be retention's doing
  const floor = leaderless
    ? Math.max(...view.replicas.map((r) => r.logStartOffset))
    : reference.logStartOffset
  const out: Candidates = { slot: [], seq: [] }
  for (let s = 0; s < part.slots.length; s++) {
    const slot = part.slots[s]
    const { outcome, atMs, n } = slot.log
    const foundAt = slot.foundAt
    const removedSeqs = removedMarks(removed.own.get(slot.log.producer), n)
    const removedElsewhere = removedMarks(removed.elsewhere.get(slot.log.producer), n)
    for (let seq = 0; seq < n; seq++) {
      const o = getInt(outcome, seq)
      if (o >= 0) {
        if (foundAt[seq] < 0 && (removedSeqs === null || removedSeqs[seq] === 0)) {
          if (removedElsewhere !== null && removedElsewhere[seq] === 1 && inherited(reference, removed.ownLogStartMoves, o)) continue
          out.slot.push(s)
          out.seq.push(seq)
        }
      } else if (o === ACKED_NO_OFFSET && foundAt[seq] < 0) {
        const passed = slot.maxPresentSeq > seq || changeAtOrAfter(part.changes, getInt(atMs, seq)) >= 0
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
    for (let b = replica.batches.start; b < replica.batches.length; b++) {
      const batch = batchAtIndex(replica.batches, b)
      if (batch.producer !== lastProducer || b === replica.batches.start) {
        lastProducer = batch.producer
        const s = slotOf.get(batch.producer)
        present = s === undefined ? undefined : presence[s][r]
      }
      if (present === undefined || batch.baseSequence < 0) continue
      const end = Math.min(batch.baseSequence + batch.count, present.length)
      if (batch.retained) {
        for (const k of batch.retained) if (batch.baseSequence + k < end) present[batch.baseSequence + k] = 1
      } else for (let seq = batch.baseSequence; seq < end; seq++) present[seq] = 1
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
  const o = getInt(slot.log.outcome, seq)
  const ackMs = getInt(slot.log.atMs, seq)
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
  const o = getInt(slot.log.outcome, seq)
  const leader = part.leaderIndex >= 0 ? part.view.replicas[part.leaderIndex] : undefined
  const acked = o >= 0 && leader !== undefined
  const holder = acked && o < leader.logEndOffset ? batchAt(leader.batches, o) : undefined
  return {
    kind: 'lostAckedWrite',
    producer: slot.log.producer,
    seq,
    offset: o >= 0 ? o : null,
    ackMs: getInt(slot.log.atMs, seq),
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
        const o = getInt(outcome, seq)
        const found = foundAt[seq]
        if (o < 0 || found < 0 || found === o) continue
        // a duplicate whose later copy sits at the acked offset is consistent
        const atAcked = batchAt(reference.batches, o)
        if (atAcked && holds(atAcked, o, producer, seq)) continue
        const foundBatch = batchAt(reference.batches, found)
        const holder = atAcked ? describeRecord(atAcked, o) : 'nothing'
        const ackMs = getInt(atMs, seq)
        anomalies.push({
          kind: 'inconsistentOffset',
          atMs: Math.max(ackMs, foundBatch ? foundBatch.appendedMs : 0),
          detail:
            `${part.view.tp} offset ${o} acked to ${producer} at ${ackMs} ms (seq ${seq}), but ` +
            `${referenceName(part)} has the record at offset ${found} and ${holder} at offset ${o}`,
          tp: part.view.tp,
          facts: {
            kind: 'inconsistentOffset',
            producer,
            seq,
            offset: o,
            ackMs,
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
// Helpers

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

function referenceName(part: PartitionRecords): string {
  const broker = part.view.replicas[part.referenceIndex].broker
  return part.leaderIndex >= 0
    ? `leader broker ${broker}'s log`
    : `broker ${broker}'s log (longest replica, no leader)`
}

function holds(batch: LogBatch, offset: number, producer: string, seq: number): boolean {
  return batch.producer === producer && batch.baseSequence >= 0 && batch.baseSequence + (offset - batch.baseOffset) === seq
}
