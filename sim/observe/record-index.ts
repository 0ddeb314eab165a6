/**
 * The record index: where each producer's records sit in a partition's reference log (the leader's,
 * or when leaderless the longest online replica's), found in one walk of that log.
 *
 * A record is (producer, partition, sequence), Kafka's per-partition producer sequence; the index maps
 * each sequence to the lowest offset holding it, and lists every extra copy. The history checkers
 * (check/acked-writes.ts) and the partition log view (view/partition-log.ts) both read it. Read-only
 * over the History and the PartitionViews it is given.
 */
import { batchAtIndex, type BatchLog } from '../storage/batch-log.ts'
import type { History, LeaderChange, PartitionView, ReplicaView, SendLog } from '../history/history.ts'
import { compareStrings } from '../coordinator/assignors/common.ts'

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

function walkReference(part: PartitionRecords, batches: BatchLog): void {
  const slotOf = slotMap(part.slots)
  let lastProducer = ''
  let slotIndex = -1
  for (let b = batches.start; b < batches.length; b++) {
    const batch = batchAtIndex(batches, b)
    if (batch.producer !== lastProducer || b === batches.start) {
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
    const retained = batch.retained
    for (let seq = first, k = 0; seq < end; seq++) {
      // a compacted batch holds only its retained records (storage/cleaner.ts)
      if (retained !== undefined) {
        while (k < retained.length && retained[k] < seq - first) k++
        if (retained[k] !== seq - first) continue
      }
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

export function slotMap(slots: readonly ProducerRecords[]): Map<string, number> {
  const map = new Map<string, number>()
  slots.forEach((slot, i) => map.set(slot.log.producer, i))
  return map
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
