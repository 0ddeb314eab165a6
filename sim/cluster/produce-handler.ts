/**
 * The leader's side of Produce (ReplicaManager.appendRecords, Partition.appendRecordsToLeader,
 * DelayedProduce) and of InitProducerId.
 *
 * - not the leader → NOT_LEADER_OR_FOLLOWER, with the current leader when known (KIP-951);
 * - acks=all and ISR < min(min.insync.replicas, RF) → NOT_ENOUGH_REPLICAS, nothing written;
 * - idempotent batches: a duplicate of one of the last five batches answers with the original
 *   offset; a sequence gap → OUT_OF_ORDER_SEQUENCE_NUMBER;
 * - acks=0: no response; acks=1: answer after the local append; acks=all: parked until the HW
 *   passes the batch (then NOT_ENOUGH_REPLICAS_AFTER_APPEND if the maximal ISR fell below min ISR
 *   meanwhile) or until the request's timeout (REQUEST_TIMED_OUT).
 * The leader creates one LogBatch per produced batch; followers will share that same object.
 */
import { timer } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import type { World } from '../nodes/world.ts'
import type { LogBatch } from '../storage/batch.ts'
import type { BrokerNode, ParkedProduce, Replica } from './types.ts'
import { appendBatch, checkSequence, effectiveMinIsr, maybeIncrementHw } from '../storage/partition.ts'
import { wakeParkedFetches } from './fetch-handler.ts'
import { OFFSETS_TOPIC, completeWrites } from '../coordinator/group-coordinator.ts'
import type { MessageOf } from '../kafka/messages.ts'
import type { ProduceBatch } from '../kafka/payloads.ts'
import { parseTopicPartition } from '../kafka/topic-partition.ts'

export type { ProduceBatch } from '../kafka/payloads.ts'

export function minIsrOf(w: World, b: BrokerNode, topic: string): number {
  const v = b.image.topics[topic]?.config['min.insync.replicas']
  return typeof v === 'number' ? v : w.brokerConfig['min.insync.replicas']
}

function currentLeader(b: BrokerNode, tp: string): { id: number; epoch: number } | null {
  const r = b.replicas[tp]
  if (r && r.leader >= 0) return { id: r.leader, epoch: r.leaderEpoch }
  const name = parseTopicPartition(tp)
  const p = name && b.image.topics[name.topic]?.partitions[name.partition]
  return p && p.leader >= 0 ? { id: p.leader, epoch: p.leaderEpoch } : null
}

export function handleProduce(w: World, b: BrokerNode, m: MessageOf<'Produce'>): void {
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
  for (const pb of batches) parked.parts.push(appendOne(w, b, pb, acks))
  if (acks === '0') return
  for (const part of parked.parts) if (!part.done) parked.remaining++
  if (parked.remaining === 0) return respondProduce(w, b, parked)
  b.parkedProduce.push(parked)
  armPurge(w, b, parked.deadline)
}

function appendOne(w: World, b: BrokerNode, pb: ProduceBatch, acks: string): ParkedProduce['parts'][number] {
  const r = b.replicas[pb.tp]
  const part = { tp: pb.tp, required: 0, baseOffset: -1, error: 'NONE', done: true }
  if (!r || r.role !== 'leader' || b.fenced) {
    part.error = b.image.topics[parseTopicPartition(pb.tp)?.topic ?? ''] ? 'NOT_LEADER_OR_FOLLOWER' : 'UNKNOWN_TOPIC_OR_PARTITION'
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
    appendedMs: w.nowMs,
    sizeBytes: pb.sizeBytes,
  }
  appendAsLeader(w, b, r, batch)
  part.baseOffset = batch.baseOffset
  part.required = r.leo
  part.done = acks !== 'all' || r.hw >= part.required
  return part
}

/**
 * Append a batch on the leader and let what waits on the partition react: parked follower fetches
 * (new data), and, if the HW moved, consumer fetches, acks=all produces and coordinator writes.
 */
export function appendAsLeader(w: World, b: BrokerNode, r: Replica, batch: LogBatch): void {
  appendBatch(r, batch)
  wakeParkedFetches(w, b, r.tp, false)
  if (maybeIncrementHw(r, minIsrOf(w, b, r.topic), b.id)) {
    wakeParkedFetches(w, b, r.tp, true)
    wakeParkedProduce(w, b, r)
  }
}

function respondProduce(w: World, b: BrokerNode, p: ParkedProduce): void {
  send(w, b.node, p.from, {
    api: 'ProduceResponse',
    from: b.node,
    corr: p.corr,
    parts: p.parts.map((x) => ({
      tp: x.tp,
      error: x.error,
      baseOffset: x.error === 'NONE' ? x.baseOffset : -1,
      currentLeader: x.error === 'NOT_LEADER_OR_FOLLOWER' ? currentLeader(b, x.tp) : null,
    })),
  })
}

/** The HW of `r` moved: answer the acks=all requests (and coordinator writes) it satisfies. */
export function wakeParkedProduce(w: World, b: BrokerNode, r: Replica): void {
  if (r.topic === OFFSETS_TOPIC) completeWrites(w, b, r)
  if (b.parkedProduce.length === 0) return
  const minIsr = effectiveMinIsr(minIsrOf(w, b, r.topic), r)
  let any = false
  for (const p of b.parkedProduce) {
    for (const part of p.parts) {
      if (part.done || part.tp !== r.tp || r.hw < part.required) continue
      part.done = true
      if (r.maximalIsr.length < minIsr) part.error = 'NOT_ENOUGH_REPLICAS_AFTER_APPEND'
      p.remaining--
      any = true
    }
  }
  if (any) flushDone(w, b)
}

function flushDone(w: World, b: BrokerNode): void {
  const keep: ParkedProduce[] = []
  for (const p of b.parkedProduce) {
    if (p.remaining === 0) respondProduce(w, b, p)
    else keep.push(p)
  }
  b.parkedProduce = keep
}

/** Leadership of `tp` is gone: every parked write for it fails with `error`. */
export function failParkedFor(w: World, b: BrokerNode, tp: string, error: string): void {
  let any = false
  for (const p of b.parkedProduce) {
    for (const part of p.parts) {
      if (part.done || part.tp !== tp) continue
      part.done = true
      part.error = error
      p.remaining--
      any = true
    }
  }
  if (any) flushDone(w, b)
}

export function armPurge(w: World, b: BrokerNode, deadline: number): void {
  if (b.purgeTimerAt >= w.nowMs && b.purgeTimerAt <= deadline) return
  b.purgeTimerAt = deadline
  timer(w, b.node, 'broker.purge', deadline - w.nowMs, deadline)
}

/** Expire parked produce requests past their timeout (REQUEST_TIMED_OUT). */
export function purgeParkedProduce(w: World, b: BrokerNode): number {
  let next = Infinity
  let any = false
  for (const p of b.parkedProduce) {
    if (p.deadline <= w.nowMs) {
      for (const part of p.parts) {
        if (part.done) continue
        part.done = true
        part.error = 'REQUEST_TIMED_OUT'
        p.remaining--
      }
      any = true
    } else next = Math.min(next, p.deadline)
  }
  if (any) flushDone(w, b)
  return next
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
