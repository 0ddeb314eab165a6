/**
 * The leader's side of Produce (ReplicaManager.appendRecords, Partition.appendRecordsToLeader) and
 * of InitProducerId.
 *
 * - not the leader → NOT_LEADER_OR_FOLLOWER, with the current leader when known (KIP-951);
 * - acks=all and ISR < min(min.insync.replicas, RF) → NOT_ENOUGH_REPLICAS, nothing written;
 * - idempotent batches: a duplicate of one of the last five batches answers with the original
 *   offset; a sequence gap → OUT_OF_ORDER_SEQUENCE_NUMBER;
 * - acks=0: no response; acks=1: answer after the local append; acks=all: parked in the purgatory
 *   (purgatory.ts, DelayedProduce) until the HW passes the batch (then
 *   NOT_ENOUGH_REPLICAS_AFTER_APPEND if the maximal ISR fell below min ISR meanwhile) or until the
 *   request's timeout (REQUEST_TIMED_OUT).
 * The leader creates one LogBatch per produced batch; followers will share that same object.
 */
import { send } from '../kafka/wire.ts'
import type { World } from '../nodes/world.ts'
import type { LogBatch } from '../storage/batch.ts'
import type { BrokerNode, ParkedProduce, PartitionChange, Replica } from './types.ts'
import { checkSequence, effectiveMinIsr } from '../storage/partition.ts'
import { appendToLog } from './log-retention.ts'
import { findRecordStream, recordKeyId } from '../storage/records.ts'
import { maybeIncrementLeaderHw, minIsrOf, parkProduce, respondProduce, wakeFollowerFetches } from './purgatory.ts'
import type { MessageOf } from '../kafka/messages.ts'
import type { ProduceBatch } from '../kafka/payloads.ts'
import { parseTopicPartition } from '../kafka/topic-partition.ts'

export type { ProduceBatch } from '../kafka/payloads.ts'

/** Answer (or park) a Produce; returns the partitions whose HW the appends moved. */
export function handleProduce(w: World, b: BrokerNode, m: MessageOf<'Produce'>): PartitionChange[] {
  const changes: PartitionChange[] = []
  serveProduce(w, b, m, changes)
  return changes
}

function serveProduce(w: World, b: BrokerNode, m: MessageOf<'Produce'>, changes: PartitionChange[]): void {
  const acks = m.acks
  const batches = m.batches
  const parked: ParkedProduce = {
    corr: m.corr,
    from: m.from,
    acks,
    deadline: w.nowMs + m.timeoutMs,
    parts: [],
    remaining: 0,
  }
  for (const pb of batches) parked.parts.push(appendOne(w, b, pb, acks, changes))
  if (acks === '0') return
  for (const part of parked.parts) if (!part.done) parked.remaining++
  if (parked.remaining === 0) return respondProduce(w, b, parked)
  parkProduce(w, b, parked)
}

function appendOne(w: World, b: BrokerNode, pb: ProduceBatch, acks: string, changes: PartitionChange[]): ParkedProduce['parts'][number] {
  const r = b.replicas[pb.tp]
  const part = { tp: pb.tp, required: 0, baseOffset: -1, error: 'NONE', done: true }
  if (!r || r.role !== 'leader' || b.fenced) {
    part.error = b.image.topics[parseTopicPartition(pb.tp)?.topic ?? ''] ? 'NOT_LEADER_OR_FOLLOWER' : 'UNKNOWN_TOPIC_OR_PARTITION'
    return part
  }
  if (r.config.cleanupPolicy !== 'delete' && hasKeylessRecord(w, pb)) {
    // LogValidator: "Compacted topic cannot accept message without key"
    part.error = 'INVALID_RECORD'
    return part
  }
  if (acks === 'all' && r.isr.length < effectiveMinIsr(minIsrOf(w, b, r.topic), r)) {
    part.error = 'NOT_ENOUGH_REPLICAS'
    return part
  }
  if (pb.producerId >= 0 && pb.sequence >= 0) {
    const seq = checkSequence(r, pb.producerId, pb.producerEpoch, pb.sequence, pb.count)
    if (seq && 'dup' in seq) {
      part.baseOffset = seq.dup
      part.required = seq.dup + pb.count
      part.done = acks !== 'all' || r.hw >= part.required
      return part
    }
    if (seq) {
      part.error = seq.error
      return part
    }
  }
  const batch: LogBatch = {
    baseOffset: r.leo,
    count: pb.count,
    partitionLeaderEpoch: r.leaderEpoch,
    producer: pb.producer,
    producerId: pb.producerId,
    baseSequence: pb.baseSequence,
    sequence: pb.sequence,
    producerEpoch: pb.producerEpoch,
    firstTimestamp: pb.firstTimestamp,
    // LogValidator: LogAppendTime stamps the batch with the leader's clock
    maxTimestamp: r.config.timestampType === 'LogAppendTime' ? w.nowMs : pb.maxTimestamp,
    timestampType: r.config.timestampType,
    appendedMs: w.nowMs,
    sizeBytes: pb.sizeBytes,
    firstRecord: pb.firstRecord,
    // every field set, in LogBatch's order: the cleaner's rewritten batches keep this shape
    retained: undefined,
    deleteHorizonMs: undefined,
    payload: undefined,
  }
  if (appendAsLeader(w, b, r, batch)) changes.push({ replica: r, change: 'hwMoved' })
  part.baseOffset = batch.baseOffset
  part.required = r.leo
  part.done = acks !== 'all' || r.hw >= part.required
  return part
}

/** Does the batch hold a record without a key (storage/records.ts)? */
function hasKeylessRecord(w: World, pb: ProduceBatch): boolean {
  const stream = pb.firstRecord >= 0 ? findRecordStream(w.records, pb.producer, pb.tp) : undefined
  if (!stream) return false
  for (let i = 0; i < pb.count; i++) if (recordKeyId(stream, pb.firstRecord + i) < 0) return true
  return false
}

/**
 * Append a batch on the leader and let what waits on the partition react: parked follower fetches
 * (new data), and, if the HW moved, what waits for the HW (onHighWatermarkMoved). Returns whether
 * the HW moved.
 */
export function appendAsLeader(w: World, b: BrokerNode, r: Replica, batch: LogBatch): boolean {
  appendToLog(w, b, r, batch)
  wakeFollowerFetches(w, b, r.tp)
  return maybeIncrementLeaderHw(w, b, r)
}

export function handleInitProducerId(w: World, b: BrokerNode, m: MessageOf<'InitProducerId'>): void {
  if (b.producerIdNext >= b.producerIdEnd) {
    // A block of 1000 ids per broker (the controller's AllocateProducerIds, simplified to a fixed
    // per-broker range so that ids are unique without a round trip).
    b.producerIdNext = b.id * 1_000_000 + b.incarnation * 1000
    b.producerIdEnd = b.producerIdNext + 1000
  }
  send(w, b.node, m.from, { api: 'InitProducerIdResponse', from: b.node, corr: m.corr, error: 'NONE', producerId: b.producerIdNext++, producerEpoch: 0 })
}
