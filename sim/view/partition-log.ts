/**
 * The partition log view's data: each replica of a partition as a log of offsets, the way a learner
 * should picture Kafka's storage. Per replica: log start offset, high watermark (HW) and log end offset
 * (LEO); the batches of the last `tailSize` offsets one by one (base offset, count, partition leader
 * epoch, producer); older offsets only as runs of one leader epoch (a log's epochs never go down, so
 * runs are found by binary search, not by a walk). And the acknowledged records the partition no
 * longer holds (lost in an unclean election or an acks=1 failover), as offset ranges, found by the
 * same rule the checkers use (check/acked-writes.ts, findLostAckedWrites). And each replica's
 * segments (base offset, size, newest record time; the last is the active one), with the segments
 * its retention deleted in the last DELETED_SHOWN_MS (so the app can fade them out). On a compacted
 * topic (cleanup.policy=compact), each replica's compaction layer too (compaction-view.ts): its
 * records one by one with their keys, the offsets its cleaned part still holds, and its latest
 * cleaning; the epoch runs then cover only the part the cleaner has not reached.
 *
 * Read-only over the world and deterministic. Cost: O(tail + epochs · log B) per replica; the loss
 * lookup walks the reference log once, only for partitions that changed leader after their first
 * election (no loss is possible before), cached per world, partition and event count.
 */
import { shareGroupIds, sharePartitionOf, shareWindow, type ShareRecordCell } from '../observe/share-groups.ts'
import type { World } from '../nodes/world.ts'
import { batchAtIndex, batchesOf, firstBatchEndingAfter, newBatchLog, type BatchLog } from '../storage/batch-log.ts'
import type { PartitionView, ReplicaView } from '../history/history.ts'
import { getInt } from '../history/int-column.ts'
import { indexRecords } from '../observe/record-index.ts'
import type { PartitionState } from '../controller/metadata.ts'
import { partitionName } from '../kafka/topic-partition.ts'
import { clusterImage, partitionView } from '../observe/cluster-state.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import { mainReplica, replicaRole } from './cluster-view.ts'
import type { ReplicaRole } from './types.ts'
import type { LogSegment } from '../storage/segments.ts'
import { laneCompaction, type LaneCompaction } from './compaction-view.ts'

export const DEFAULT_TAIL_SIZE = 100

/** One batch near the log end (Kafka's RecordBatch header fields a learner can read). */
export interface BatchMark {
  baseOffset: number
  count: number
  /** partitionLeaderEpoch: the epoch of the leader that appended it */
  epoch: number
  producer: string
  appendedMs: number
  /** the batch's max timestamp (the newest record's CreateTime, or LogAppendTime) */
  maxTimestamp: number
}

/** One segment of a replica's log: offsets [baseOffset, endOffset). */
export interface SegmentMark {
  baseOffset: number
  endOffset: number
  sizeBytes: number
  /** the newest record's timestamp, -1 while empty: retention.ms counts from it */
  largestTimestamp: number
  /** the last segment, the only one written to */
  active: boolean
}

/** Segments a replica's retention deleted recently: offsets [from, to) at atMs. */
export interface DeletedMark {
  from: number
  to: number
  atMs: number
  cause: 'logStartOffset' | 'retention.bytes' | 'retention.ms'
}

/** How long deleted segments stay in the view (to fade out). */
export const DELETED_SHOWN_MS = 10_000

/** Offsets [from, to) appended in one leader epoch. */
export interface EpochRun {
  from: number
  to: number
  epoch: number
}

export interface ReplicaLane {
  broker: number
  role: ReplicaRole
  up: boolean
  logStartOffset: number
  highWatermark: number
  logEndOffset: number
  /** leader-epoch runs over [logStartOffset, tailFrom) */
  runs: EpochRun[]
  /** batches that reach into [tailFrom, logEndOffset) */
  tail: BatchMark[]
  /** segments, oldest first (the last is the active one) */
  segments: SegmentMark[]
  /** segments deleted within the last DELETED_SHOWN_MS, oldest first */
  deleted: DeletedMark[]
  /** on a compacted topic: keys, the cleaned part's runs and the latest cleaning; null otherwise */
  compaction: LaneCompaction | null
}

/** Acknowledged offsets [from, to) of one producer that no replica the partition trusts holds any more. */
export interface LostRange {
  from: number
  to: number
  producer: string
}

export interface PartitionLog {
  topic: string
  partition: number
  tp: string
  leader: number
  leaderEpoch: number
  replicas: number[]
  isr: number[]
  /** eligible leader replicas (KIP-966) */
  elr: number[]
  /** the leader's offsets (or the best replica's when there is no leader) */
  logStartOffset: number
  highWatermark: number
  logEndOffset: number
  /** offsets drawn: [start, end); batches are drawn one by one from tailFrom on */
  start: number
  tailFrom: number
  end: number
  lanes: ReplicaLane[]
  /** cleanup.policy includes compact: the log cleaner keeps the latest record of each key */
  compacted: boolean
  lost: LostRange[]
  /** number of lost acknowledged records (the sum of the ranges) */
  lostCount: number
  /** KIP-932: each share group's window on this partition (SPSO to SPEO, record by record), by group id */
  shares: ShareWindowMark[]
}

/** A share group's in-flight window on a partition: [startOffset, endOffset] (SPSO, SPEO) and the last records' states. */
export interface ShareWindowMark {
  groupId: string
  startOffset: number
  /** SPEO: the last offset in flight (startOffset - 1 when none) */
  endOffset: number
  /** the window's records (at most the last SHARE_CELLS_SHOWN) */
  cells: ShareRecordCell[]
}

/** Records of a share window drawn one by one. */
export const SHARE_CELLS_SHOWN = 200

export interface PartitionLogOptions {
  /** offsets before the largest LEO drawn batch by batch */
  tailSize?: number
}

/** The logs of every partition of the user topics (or of one topic), in topic and partition order. */
export function buildPartitionLogs(w: World, topic: string | null = null, options: PartitionLogOptions = {}): PartitionLog[] {
  const img = clusterImage(w)
  const out: PartitionLog[] = []
  for (const name of img.topicNames) {
    if (name === OFFSETS_TOPIC || (topic !== null && name !== topic)) continue
    for (const p of img.topics[name].partitions) if (p) out.push(partitionLog(w, p, options.tailSize ?? DEFAULT_TAIL_SIZE))
  }
  return out
}

/** One partition's log, or null when the topic or partition does not exist. */
export function buildPartitionLog(w: World, topic: string, partition: number, options: PartitionLogOptions = {}): PartitionLog | null {
  const p = clusterImage(w).topics[topic]?.partitions[partition]
  return p ? partitionLog(w, p, options.tailSize ?? DEFAULT_TAIL_SIZE) : null
}

function partitionLog(w: World, p: PartitionState, tailSize: number): PartitionLog {
  const tp = partitionName(p.topic, p.partition)
  const view = partitionView(w, p)
  const lost = lostRanges(w, view)
  const present = view.replicas
  const end = Math.max(0, ...present.map((r) => r.logEndOffset), ...lost.map((l) => l.to))
  const start = Math.min(end, ...present.map((r) => r.logStartOffset), ...lost.map((l) => l.from))
  const tailFrom = Math.max(start, end - tailSize)
  const lanes = p.replicas.map((broker) => lane(w, p, broker, present.find((r) => r.broker === broker), tailFrom, end, view.compacted))
  const main = mainReplica(present, p.leader)
  return {
    topic: p.topic,
    partition: p.partition,
    tp,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    replicas: p.replicas.slice(),
    isr: p.isr.slice(),
    elr: p.elr.slice(),
    logStartOffset: main?.logStartOffset ?? 0,
    highWatermark: main?.highWatermark ?? 0,
    logEndOffset: main?.logEndOffset ?? 0,
    start,
    tailFrom,
    end,
    lanes,
    compacted: view.compacted,
    lost,
    lostCount: lost.reduce((n, l) => n + l.to - l.from, 0),
    shares: shareWindowMarks(w, tp),
  }
}

function shareWindowMarks(w: World, tp: string): ShareWindowMark[] {
  const out: ShareWindowMark[] = []
  for (const groupId of shareGroupIds(w)) {
    const sp = sharePartitionOf(w, groupId, tp)
    if (sp === undefined) continue
    out.push({ groupId, startOffset: sp.startOffset, endOffset: sp.endOffset - 1, cells: shareWindow(w, groupId, tp, SHARE_CELLS_SHOWN) ?? [] })
  }
  return out
}

function lane(w: World, p: PartitionState, broker: number, r: ReplicaView | undefined, tailFrom: number, end: number, compacted: boolean): ReplicaLane {
  const batches = r?.batches ?? newBatchLog()
  const cut = firstBatchEndingAfter(batches, tailFrom)
  const tp = partitionName(p.topic, p.partition)
  const replica = w.brokers[String(broker)]?.replicas[tp]
  const compaction = compacted ? laneCompaction(w, tp, broker, batches, r?.cleanedTo ?? 0, tailFrom, end) : null
  return {
    broker,
    role: replicaRole(w, p, broker),
    up: w.nodes[String(broker)].up,
    logStartOffset: r?.logStartOffset ?? 0,
    highWatermark: r?.highWatermark ?? 0,
    logEndOffset: r?.logEndOffset ?? 0,
    // on a compacted log the cleaned part is drawn from its runs and cells: epoch runs from where it ends
    runs: compaction ? epochRunsFrom(batches, compaction.keptTo, cut, tailFrom) : epochRuns(batches, cut, tailFrom),
    tail: batchesOf(batches, cut).map((b) => ({
      baseOffset: b.baseOffset,
      count: b.count,
      epoch: b.partitionLeaderEpoch,
      producer: b.producer,
      appendedMs: b.appendedMs,
      maxTimestamp: b.maxTimestamp,
    })),
    segments: replica ? segmentMarks(replica.segments, replica.leo) : [],
    deleted: deletedMarks(w, broker, tp),
    compaction,
  }
}

function segmentMarks(segments: readonly LogSegment[], leo: number): SegmentMark[] {
  return segments.map((s, i) => ({
    baseOffset: s.baseOffset,
    endOffset: i + 1 < segments.length ? segments[i + 1].baseOffset : leo,
    sizeBytes: s.sizeBytes,
    largestTimestamp: s.largestTimestamp,
    active: i === segments.length - 1,
  }))
}

/** The replica's deletions of the last DELETED_SHOWN_MS (the history is in time order: read from its end). */
function deletedMarks(w: World, broker: number, tp: string): DeletedMark[] {
  const out: DeletedMark[] = []
  const removals = w.history.removals
  for (let i = removals.length - 1; i >= 0 && removals[i].atMs > w.nowMs - DELETED_SHOWN_MS; i--) {
    const r = removals[i]
    if (r.cause !== 'compaction' && r.broker === broker && r.tp === tp && r.logStartOffset > r.fromOffset) out.push({ from: r.fromOffset, to: r.logStartOffset, atMs: r.atMs, cause: r.cause })
  }
  return out.reverse()
}

/** Leader-epoch runs of the batches holding offsets [from, limit) (the first run clipped at `from`). */
function epochRunsFrom(batches: BatchLog, from: number, cut: number, limit: number): EpochRun[] {
  const runs = epochRuns(batches, cut, limit, Math.max(batches.start, firstBatchEndingAfter(batches, from)))
  if (runs.length > 0) runs[0].from = Math.max(runs[0].from, from)
  return runs.filter((r) => r.to > r.from)
}

/** Leader-epoch runs of batches[first, cut), clipped at `limit`: one binary search per epoch. */
export function epochRuns(batches: BatchLog, cut: number, limit: number, first = batches.start): EpochRun[] {
  const runs: EpochRun[] = []
  let i = first
  while (i < cut) {
    const epoch = batchAtIndex(batches, i).partitionLeaderEpoch
    let lo = i + 1
    let hi = cut
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (batchAtIndex(batches, mid).partitionLeaderEpoch <= epoch) lo = mid + 1
      else hi = mid
    }
    const last = batchAtIndex(batches, lo - 1)
    runs.push({ from: batchAtIndex(batches, i).baseOffset, to: Math.min(limit, last.baseOffset + last.count), epoch })
    i = lo
  }
  return runs
}

// ---------------------------------------------------------------------------------------------------
// Lost acknowledged records

const lostCache = new WeakMap<World, Map<string, { events: number; lost: LostRange[] }>>()

/** Acknowledged offsets gone from the partition, cached until the world moves on. */
function lostRanges(w: World, view: PartitionView): LostRange[] {
  let byTp = lostCache.get(w)
  if (!byTp) lostCache.set(w, (byTp = new Map()))
  const hit = byTp.get(view.tp)
  if (hit && hit.events === w.events) return hit.lost
  const lost = mayHaveLost(w, view.tp) ? findLostRanges(w, view) : []
  byTp.set(view.tp, { events: w.events, lost })
  return lost
}

/** Records can only be lost once a partition changed leader after its first election. */
function mayHaveLost(w: World, tp: string): boolean {
  let changes = 0
  for (const c of w.history.leaderChanges) if (c.tp === tp && ++changes > 1) return true
  return false
}

/**
 * The checker's rule for records acknowledged with an offset: absent from the reference log (the
 * leader's, or the longest replica's), at or above its log start offset; without a leader, absent
 * from every replica.
 */
function findLostRanges(w: World, view: PartitionView): LostRange[] {
  const [part] = indexRecords(w.history, [view])
  if (!part || part.referenceIndex < 0) return []
  const leaderless = part.leaderIndex < 0
  const floor = leaderless ? Math.max(...view.replicas.map((r) => r.logStartOffset)) : view.replicas[part.referenceIndex].logStartOffset
  const elsewhere = leaderless ? otherReplicas(w, view, part.referenceIndex) : []
  const offsets: { offset: number; producer: string }[] = []
  part.slots.forEach((slot, s) => {
    const { outcome, n, producer } = slot.log
    for (let seq = 0; seq < n; seq++) {
      const o = getInt(outcome, seq)
      if (o < floor || slot.foundAt[seq] >= 0) continue
      if (elsewhere.some((other) => (other[s]?.foundAt[seq] ?? -1) >= 0)) continue
      offsets.push({ offset: o, producer })
    }
  })
  return toRanges(offsets)
}

/** Each other replica indexed as if it were the reference (leaderless partitions only). */
function otherReplicas(w: World, view: PartitionView, reference: number) {
  return view.replicas
    .filter((_, i) => i !== reference)
    .map((r) => indexRecords(w.history, [{ ...view, leader: r.broker, replicas: [r] }])[0].slots)
}

/** Contiguous offsets of one producer as ranges, by offset. */
export function toRanges(offsets: { offset: number; producer: string }[]): LostRange[] {
  offsets.sort((a, b) => a.offset - b.offset || (a.producer < b.producer ? -1 : a.producer > b.producer ? 1 : 0))
  const out: LostRange[] = []
  for (const { offset, producer } of offsets) {
    const last = out[out.length - 1]
    if (last && last.producer === producer && offset >= last.from && offset <= last.to) last.to = Math.max(last.to, offset + 1)
    else out.push({ from: offset, to: offset + 1, producer })
  }
  return out
}
