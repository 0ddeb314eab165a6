/**
 * The broker's purgatory: requests parked until they can be answered, and what wakes, completes,
 * fails or expires them. Parked here are acks=all produce requests waiting for the high watermark
 * to pass their batches (DelayedProduce) and fetches waiting for data (DelayedFetch: a consumer
 * waits for the HW to move past its offset, a follower for the LEO, up to fetch.max.wait.ms /
 * replica.fetch.wait.max.ms).
 *
 * Follows DelayedOperationPurgatory, DelayedProduce and DelayedFetch:
 * - new data on a leader wakes the parked follower fetches of that partition;
 * - a move of the leader's HW, whatever moved it, goes through one onHighWatermarkMoved, which
 *   wakes the parked produce requests and the parked consumer fetches of that partition;
 * - a parked produce completes once the HW reaches its last offset + 1; if the maximal ISR fell
 *   below min.insync.replicas meanwhile it answers NOT_ENOUGH_REPLICAS_AFTER_APPEND;
 * - the leader giving up a partition fails its parked produce parts (NOT_LEADER_OR_FOLLOWER) and
 *   answers the parked fetches that include it;
 * - one purge timer, armed at the earliest deadline, expires produce requests (REQUEST_TIMED_OUT)
 *   and answers fetches whose wait is over with what there is.
 * Parked requests are plain data on the broker (BrokerNode.parkedProduce / parkedFetch), answered
 * in the order they were parked.
 */
import { wakeShareFetches } from './share-fetch-handler.ts'
import { timer } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import { parseTopicPartition } from '../kafka/topic-partition.ts'
import type { World } from '../nodes/world.ts'
import type { BrokerNode, ParkedFetch, ParkedProduce, Replica } from './types.ts'
import { effectiveMinIsr, maybeIncrementHw } from '../storage/partition.ts'
import { hasDataOrError, respondFetch } from './fetch-read.ts'

/** The topic's min.insync.replicas (a topic config, else the broker's). */
export function minIsrOf(w: World, b: BrokerNode, topic: string): number {
  const v = b.image.topics[topic]?.config['min.insync.replicas']
  return typeof v === 'number' ? v : w.brokerConfig['min.insync.replicas']
}

/**
 * Move the leader's HW if the ISR's LEOs allow it (Partition.maybeIncrementLeaderHW); if it moved,
 * complete what waited for it. Returns whether it moved.
 */
export function maybeIncrementLeaderHw(w: World, b: BrokerNode, r: Replica): boolean {
  // the HW never passes the LEO: a caught-up partition (most of those a follower's fetch session
  // names) is done before its min.insync.replicas is looked up
  if (r.hw >= r.leo || !maybeIncrementHw(r, minIsrOf(w, b, r.topic), b.id)) return false
  onHighWatermarkMoved(w, b, r)
  return true
}

/**
 * The HW of the leader replica `r` moved, whatever moved it (an append, a follower's fetch, an ISR
 * change from metadata or an AlterPartition response, becoming leader): complete both kinds of
 * delayed operation keyed on the partition, like ReplicaManager's purgatory action after an append
 * (delayedProducePurgatory, then delayedFetchPurgatory): the acks=all produce requests it
 * satisfies, then the parked consumer fetches it makes readable.
 */
export function onHighWatermarkMoved(w: World, b: BrokerNode, r: Replica): void {
  wakeParkedProduce(w, b, r)
  wakeParkedFetches(w, b, r.tp, true)
  wakeShareFetches(w, b, r.tp)
}

// ------------------------------------------------------------------ produce

function currentLeader(b: BrokerNode, tp: string): { id: number; epoch: number } | null {
  const r = b.replicas[tp]
  if (r && r.leader >= 0) return { id: r.leader, epoch: r.leaderEpoch }
  const name = parseTopicPartition(tp)
  const p = name && b.image.topics[name.topic]?.partitions[name.partition]
  return p && p.leader >= 0 ? { id: p.leader, epoch: p.leaderEpoch } : null
}

/** The ProduceResponse; a NOT_LEADER_OR_FOLLOWER part names the current leader when known (KIP-951). */
export function respondProduce(w: World, b: BrokerNode, p: ParkedProduce): void {
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

/** Park an acks=all produce request until the HW passes its batches or its timeout. */
export function parkProduce(w: World, b: BrokerNode, p: ParkedProduce): void {
  b.parkedProduce.push(p)
  armPurge(w, b, p.deadline)
}

/** The HW of `r` moved: answer the acks=all requests it satisfies. */
function wakeParkedProduce(w: World, b: BrokerNode, r: Replica): void {
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

/**
 * This broker no longer leads `tp`: its parked produce parts fail with `error`, and the parked
 * fetches that include it answer now (with NOT_LEADER_OR_FOLLOWER for it).
 */
export function onLeadershipLost(w: World, b: BrokerNode, tp: string, error: string): void {
  failParkedFor(w, b, tp, error)
  completeParkedFetchesFor(w, b, tp)
}

/** Leadership of `tp` is gone: every parked write for it fails with `error`. */
function failParkedFor(w: World, b: BrokerNode, tp: string, error: string): void {
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

/** Expire parked produce requests past their timeout (REQUEST_TIMED_OUT); returns the next deadline. */
function purgeParkedProduce(w: World, b: BrokerNode): number {
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

// ------------------------------------------------------------------ fetch

/** Park a fetch with nothing to return yet, until data arrives or its wait is over. */
export function parkFetch(w: World, b: BrokerNode, f: ParkedFetch): void {
  b.parkedFetch.push(f)
  armPurge(w, b, f.deadline)
}

/** New data in `tp` on its leader: answer the parked follower fetches it satisfies. */
export function wakeFollowerFetches(w: World, b: BrokerNode, tp: string): void {
  wakeParkedFetches(w, b, tp, false)
}

/** New data (or, for consumers, a higher HW) in `tp`: answer the parked fetches it satisfies. */
function wakeParkedFetches(w: World, b: BrokerNode, tp: string, hwMoved: boolean): void {
  const parked = b.parkedFetch
  if (parked.length === 0) return
  let keep: ParkedFetch[] | null = null
  for (let i = 0; i < parked.length; i++) {
    const f = parked[i]
    let ready = false
    if ((f.replicaId >= 0) !== hwMoved) {
      if (f.session) ready = f.session[tp] !== undefined
      else
        for (const p of f.parts) {
          if (p.tp === tp) {
            ready = true
            break
          }
        }
    }
    if (ready && hasDataOrError(w, b, f)) {
      if (!keep) keep = parked.slice(0, i)
      respondFetch(w, b, f)
    } else if (keep) keep.push(f)
  }
  if (keep) b.parkedFetch = keep
}

/** Leadership of `tp` changed on this broker: parked fetches that include it answer now. */
function completeParkedFetchesFor(w: World, b: BrokerNode, tp: string): void {
  const keep: ParkedFetch[] = []
  for (const f of b.parkedFetch) {
    if (f.parts.some((p) => p.tp === tp)) respondFetch(w, b, f)
    else keep.push(f)
  }
  b.parkedFetch = keep
}

/** Answer parked fetches whose wait is over; returns the next deadline. */
function purgeParkedFetches(w: World, b: BrokerNode): number {
  let next = Infinity
  const keep: ParkedFetch[] = []
  for (const f of b.parkedFetch) {
    if (f.deadline <= w.nowMs) respondFetch(w, b, f)
    else {
      keep.push(f)
      next = Math.min(next, f.deadline)
    }
  }
  b.parkedFetch = keep
  return next
}

// ------------------------------------------------------------------ expiry

function armPurge(w: World, b: BrokerNode, deadline: number): void {
  if (b.purgeTimerAt >= w.nowMs && b.purgeTimerAt <= deadline) return
  b.purgeTimerAt = deadline
  timer(w, b.node, 'broker.purge', deadline - w.nowMs, deadline)
}

/** The purge timer armed for `at`: expire what is due, then re-arm for the next deadline. */
export function onPurgeTimer(w: World, b: BrokerNode, at: number): void {
  if (at !== b.purgeTimerAt) return
  b.purgeTimerAt = -1
  const next = Math.min(purgeParkedProduce(w, b), purgeParkedFetches(w, b))
  if (next !== Infinity) armPurge(w, b, next)
}
