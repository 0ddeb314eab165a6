/**
 * One partition replica on one broker: its log of record batches, high watermark, leader-epoch
 * cache and idempotent-producer state, and the leader's view of its followers.
 *
 * Follows core/src/main/scala/kafka/cluster/Partition.scala and Replica.scala (Kafka 4.x):
 * - HW = min LEO over the leader and the followers in the maximal ISR (plus caught-up followers about
 *   to join); it never moves while ISR < min(min.insync.replicas, RF); it only moves forward.
 * - a follower is caught up when its LEO equals the leader's, or it reached the leader's LEO of its
 *   previous fetch within replica.lag.time.max.ms (Replica.updateFetchStateOrThrow);
 * - a follower rejoins the ISR when its LEO >= HW and >= the start offset of the leader's epoch;
 * - endOffsetForEpoch answers the leader-epoch question of KIP-101/KIP-279; truncation removes whole
 *   batches at and above the cut point.
 * - the log is a list of segments (segments.ts): an append rolls a new segment first when
 *   LogSegment.shouldRoll says so; truncation drops the segments above the cut and recounts the last;
 * - the log start offset only moves forward (UnifiedLog.maybeIncrementLogStartOffset), never past
 *   the HW; the batches below it go when their segments are deleted (retention.ts).
 * Batches are shared between replicas by reference; nothing here copies records.
 */
import type { LogBatch } from './batch.ts'
import { batchAtIndex, firstBatchEndingAfter, lastBatch, newBatchLog, pushBatch, truncateBatches } from './batch-log.ts'
import { activeSegment, addToSegment, DEFAULT_LOG_CONFIG, newSegment, rollReason, type LogConfig, type RollReason } from './segments.ts'
import { partitionName } from '../kafka/topic-partition.ts'
import type { Replica, ProducerStateEntry } from '../cluster/types.ts'

export function newReplica(topic: string, partition: number, config: LogConfig = DEFAULT_LOG_CONFIG, nowMs = 0): Replica {
  return {
    topic,
    partition,
    tp: partitionName(topic, partition),
    log: newBatchLog(),
    segments: [newSegment(0, 0, nowMs)],
    config,
    logStartOffset: 0,
    cleanOffset: 0,
    leo: 0,
    hw: 0,
    epochs: [],
    producers: {},
    role: 'none',
    leader: -1,
    leaderEpoch: -1,
    partitionEpoch: -1,
    replicas: [],
    isr: [],
    followers: {},
    maximalIsr: [],
    alterInflight: false,
    alterCorr: 0,
    alterSentMs: 0,
    alterIsr: [],
    fetchLag: -1,
  }
}

export function latestEpoch(r: Replica): number {
  return r.epochs.length ? r.epochs[r.epochs.length - 1].epoch : -1
}

/**
 * Record that `epoch` starts at `offset` (LeaderEpochFileCache.assign): nothing changes when the
 * latest entry already has this epoch at an offset no later; otherwise every entry with an epoch
 * >= `epoch` or a start >= `offset` is dropped first (maybeTruncateNonMonotonicEntries), so an
 * epoch that never got a record is forgotten when the next one starts at the same offset.
 */
export function assignEpoch(r: Replica, epoch: number, offset: number): void {
  const last = r.epochs[r.epochs.length - 1]
  if (last && last.epoch === epoch && offset >= last.startOffset) return
  let keep = r.epochs.length
  while (keep > 0 && (r.epochs[keep - 1].epoch >= epoch || r.epochs[keep - 1].startOffset >= offset)) keep--
  if (keep < r.epochs.length) r.epochs.length = keep
  r.epochs.push(Object.freeze({ epoch, startOffset: offset })) // never changed: snapshots share it
}

/**
 * LeaderEpochFileCache.endOffsetFor: the largest epoch <= `epoch` and where it ends (the start of
 * the next epoch, or the LEO for the latest). An epoch older than every cached one answers itself
 * with the start of the first cached epoch, as Kafka does, so a follower whose only epoch predates
 * the leader's (an empty partition led again after a restart) is not told it diverges.
 */
export function endOffsetForEpoch(r: Replica, epoch: number): { epoch: number; endOffset: number } {
  let i = r.epochs.length - 1
  while (i >= 0 && r.epochs[i].epoch > epoch) i--
  if (i < 0) return r.epochs.length > 0 && epoch >= 0 ? { epoch, endOffset: r.epochs[0].startOffset } : { epoch: -1, endOffset: -1 }
  const end = i + 1 < r.epochs.length ? r.epochs[i + 1].startOffset : r.leo
  return { epoch: r.epochs[i].epoch, endOffset: end }
}

export function epochStartOffset(r: Replica, epoch: number): number {
  for (let i = r.epochs.length - 1; i >= 0; i--) if (r.epochs[i].epoch === epoch) return r.epochs[i].startOffset
  return r.leo
}

/**
 * Append a batch that already has its offsets (leader append or follower copy), rolling a new
 * active segment first when LogSegment.shouldRoll says so (UnifiedLog.maybeRoll). Returns why it
 * rolled, or null.
 */
export function appendBatch(r: Replica, b: LogBatch, nowMs: number): RollReason | null {
  let seg = activeSegment(r.segments)
  const rolled = rollReason(seg, b, r.config)
  if (rolled !== null) {
    seg = newSegment(b.baseOffset, r.log.length, nowMs)
    r.segments.push(seg)
  }
  addToSegment(seg, b)
  pushBatch(r.log, b)
  r.leo = b.baseOffset + b.count
  assignEpoch(r, b.partitionLeaderEpoch, b.baseOffset)
  if (b.producerId >= 0 && b.sequence >= 0) updateProducerState(r, b)
  return rolled
}

/** ProducerStateEntry.NUM_BATCHES_TO_RETAIN: the batches a producer's state remembers for duplicates. */
const RECENT_BATCHES = 5

function updateProducerState(r: Replica, b: LogBatch): void {
  const key = String(b.producerId)
  let s: ProducerStateEntry | undefined = r.producers[key]
  if (!s || s.producerEpoch !== b.producerEpoch) {
    s = { producerId: b.producerId, producerEpoch: b.producerEpoch, lastSeq: -1, recent: [] }
    r.producers[key] = s
  }
  const last = b.sequence + b.count - 1
  s.lastSeq = last
  s.recent.push(b.sequence, last, b.baseOffset)
  if (s.recent.length > 3 * RECENT_BATCHES) s.recent.splice(0, 3)
}

/**
 * Truncate to `offset` (UnifiedLog.truncateTo): drop every batch whose last offset is >= offset.
 * The leader-epoch cache is cut at the new LEO even when no batch goes, as Kafka always does: an
 * epoch this replica assigned when it became leader, then lost before it wrote anything, starts at
 * the LEO and must not stay its latest epoch (a follower would keep sending it as lastFetchedEpoch
 * and never get past the divergence).
 */
export function truncateTo(r: Replica, offset: number): void {
  if (offset < r.leo) {
    // every batch from the first whose last offset is >= offset goes, whole
    truncateBatches(r.log, firstBatchEndingAfter(r.log, offset))
    const last = lastBatch(r.log)
    r.leo = last ? last.baseOffset + last.count : r.logStartOffset
    if (r.hw > r.leo) r.hw = r.leo
    truncateSegments(r)
    rebuildProducerState(r)
  }
  truncateEpochsFromEnd(r, r.leo)
}

/** LeaderEpochFileCache.truncateFromEnd: forget every epoch that starts at or after `endOffset`. */
function truncateEpochsFromEnd(r: Replica, endOffset: number): void {
  while (r.epochs.length && r.epochs[r.epochs.length - 1].startOffset >= endOffset) r.epochs.pop()
}

/**
 * After the batches were cut: drop the segments that start past the log's end (keeping the first),
 * and recount the last one from its batches (LogSegment.truncateTo rescans for its max timestamp).
 */
function truncateSegments(r: Replica): void {
  const n = r.log.length
  let keep = r.segments.length
  while (keep > 1 && r.segments[keep - 1].firstIndex >= n) keep--
  r.segments.length = keep
  const seg = r.segments[keep - 1]
  if (seg.firstIndex > n) {
    seg.firstIndex = n
    seg.baseOffset = r.leo
  }
  seg.sizeBytes = 0
  seg.largestTimestamp = -1
  seg.rollingBasedTimestamp = -1
  for (let i = Math.max(seg.firstIndex, r.log.start); i < n; i++) addToSegment(seg, batchAtIndex(r.log, i))
}

function rebuildProducerState(r: Replica): void {
  r.producers = {}
  for (let i = r.log.start; i < r.log.length; i++) {
    const b = batchAtIndex(r.log, i)
    if (b.producerId >= 0 && b.sequence >= 0) updateProducerState(r, b)
  }
}

/** Index of the first batch holding an offset >= `offset` (binary search). */
export function batchIndexFor(r: Replica, offset: number): number {
  return firstBatchEndingAfter(r.log, offset)
}

/** Batches from `offset` up to (exclusive) `maxOffset`, at most `maxBytes` (at least one batch). */
export function readBatches(r: Replica, offset: number, maxOffset: number, maxBytes: number): LogBatch[] {
  const out: LogBatch[] = []
  let bytes = 0
  for (let i = batchIndexFor(r, offset); i < r.log.length; i++) {
    const b = batchAtIndex(r.log, i)
    if (b.baseOffset >= maxOffset) break
    if (b.baseOffset + b.count > maxOffset) break
    if (out.length > 0 && bytes + b.sizeBytes > maxBytes) break
    out.push(b)
    bytes += b.sizeBytes
  }
  return out
}

/** Records in the log from the log start offset on (offsets compaction removed are not counted). */
export function recordCount(r: Replica): number {
  let n = 0
  for (let i = batchIndexFor(r, r.logStartOffset); i < r.log.length; i++) {
    const b = batchAtIndex(r.log, i)
    if (b.retained) {
      for (const k of b.retained) if (b.baseOffset + k >= r.logStartOffset) n++
    } else n += b.baseOffset >= r.logStartOffset ? b.count : b.baseOffset + b.count - r.logStartOffset
  }
  return n
}

export function effectiveMinIsr(minIsr: number, r: Replica): number {
  return Math.min(minIsr, r.replicas.length)
}

/** Leader: update a follower's progress from a fetch at `fetchOffset` (Replica.updateFetchStateOrThrow). */
export function updateFollower(r: Replica, follower: number, fetchOffset: number, nowMs: number): void {
  const key = String(follower)
  let f = r.followers[key]
  if (!f) {
    f = { leo: -1, lastCaughtUpMs: 0, lastFetchMs: 0, lastFetchLeaderLeo: 0, lastSentHw: -1 }
    r.followers[key] = f
  }
  if (fetchOffset >= r.leo) f.lastCaughtUpMs = Math.max(f.lastCaughtUpMs, nowMs)
  else if (fetchOffset >= f.lastFetchLeaderLeo) f.lastCaughtUpMs = Math.max(f.lastCaughtUpMs, f.lastFetchMs)
  f.leo = fetchOffset
  f.lastFetchMs = nowMs
  f.lastFetchLeaderLeo = r.leo
}

export function isCaughtUp(r: Replica, follower: number, nowMs: number, lagMaxMs: number): boolean {
  const f = r.followers[follower]
  if (!f) return false
  return f.leo === r.leo || nowMs - f.lastCaughtUpMs <= lagMaxMs
}

/**
 * Partition.maybeIncrementLeaderHW. Returns true when the HW moved.
 * `minIsr` is the topic's min.insync.replicas. The min-ISR guard (Partition.isUnderMinIsr) counts
 * the committed ISR (partitionState.isr), not the maximal one: a pending expansion does not let the
 * HW move before the controller has committed it.
 */
export function maybeIncrementHw(r: Replica, minIsr: number, self: number): boolean {
  if (r.isr.length < effectiveMinIsr(minIsr, r)) return false
  let hw = r.leo
  for (const b of r.maximalIsr) {
    if (b === self) continue
    const f = r.followers[b]
    const leo = f ? f.leo : -1
    if (leo < hw) hw = leo
  }
  if (hw > r.hw) {
    r.hw = hw
    return true
  }
  return false
}

/** Partition.isFollowerInSync: may this follower join the ISR? */
export function canJoinIsr(r: Replica, follower: number): boolean {
  const f = r.followers[follower]
  if (!f) return false
  return f.leo >= r.hw && f.leo >= epochStartOffset(r, r.leaderEpoch)
}

/** Partition.getOutOfSyncReplicas */
export function outOfSyncReplicas(r: Replica, self: number, nowMs: number, lagMaxMs: number): number[] {
  const out: number[] = []
  for (const b of r.isr) {
    if (b === self) continue
    if (!isCaughtUp(r, b, nowMs, lagMaxMs)) out.push(b)
  }
  return out
}

/**
 * Idempotent producer check (ProducerStateManager): a duplicate of one of the last five batches
 * returns its original base offset; a gap is OUT_OF_ORDER_SEQUENCE_NUMBER; a new producer epoch must
 * start at sequence 0; an older epoch is INVALID_PRODUCER_EPOCH.
 */
export function checkSequence(
  r: Replica,
  producerId: number,
  producerEpoch: number,
  baseSeq: number,
  count: number,
): { dup: number } | { error: string } | null {
  const s = r.producers[producerId]
  const last = baseSeq + count - 1
  if (s && producerEpoch < s.producerEpoch) return { error: 'INVALID_PRODUCER_EPOCH' }
  // ProducerAppendInfo.checkSequence: a producer this replica has no state for is accepted at any
  // sequence; a new epoch of a known producer must start at 0.
  if (!s) return null
  if (producerEpoch > s.producerEpoch) return baseSeq === 0 ? null : { error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' }
  const recent = s.recent
  for (let i = 0; i < recent.length; i += 3) if (recent[i] === baseSeq && recent[i + 1] === last) return { dup: recent[i + 2] }
  if (baseSeq !== s.lastSeq + 1) return { error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' }
  return null
}
