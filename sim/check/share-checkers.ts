/**
 * Share-group checkers (KIP-932), written from what the share consumers observed (history.shares:
 * the records each member acquired, with their delivery count, and the acknowledgements the leader
 * answered without error), never from broker code. A record's deliveries are told apart by their
 * delivery count (each acquisition counts one more), so the checks do not depend on the order in
 * which members heard their answers.
 *
 * - shareAckedByOther: a member's acknowledgement was taken for a record whose delivery was not its
 *   own: it never acquired the record, or another member acquired the same delivery;
 * - shareAckedTwice: a record was accepted or rejected and then delivered or acknowledged again;
 * - shareRecordLost: the share-partition start offset (SPSO) passed a record no member accepted or
 *   rejected (an accept or reject whose answer never came counts: the leader may have applied it),
 *   that was not delivered group.share.delivery.count.limit times (archived) and that
 *   retention did not remove first. A ShareFetch a member gave up on (timeout, lost connection,
 *   crash) may have delivered records unseen: each one on the partition counts as a possible
 *   delivery of every record;
 * - shareDeliveryOverLimit: a record delivered more often than group.share.delivery.count.limit.
 * Records above the SPSO are still in flight (or not yet delivered): nothing is concluded of them.
 */
import type { Anomaly } from '../trace/summary-types.ts'
import type { History } from '../history/history.ts'
import { shareEventAt, type ShareAckUnanswered, type ShareAcknowledged, type ShareHistoryEvent, type ShareLog } from '../history/share-history.ts'
import type { SharePartitionView } from '../observe/share-groups.ts'

export interface ShareCheckResult {
  ackedByOther: Anomaly[]
  ackedTwice: Anomaly[]
  recordsLost: Anomaly[]
  deliveriesOverLimit: Anomaly[]
}

interface Delivery {
  member: string
  count: number
  atMs: number
}

/** One (group, partition): each offset's deliveries, and who finished it (accepted or rejected). */
interface PartitionFacts {
  deliveries: Map<number, Delivery[]>
  done: Map<number, { member: string; atMs: number; count: number }>
  acks: ShareAcknowledged[]
  /** offsets an accept or reject was sent for, answered or not */
  finishing: Set<number>
  /** ShareFetches on the partition whose answer nobody took */
  unanswered: number
}

function factsByPartition(log: ShareLog, awaiting: readonly ShareHistoryEvent[]): Map<string, PartitionFacts> {
  const out = new Map<string, PartitionFacts>()
  const of = (groupId: string, tp: string): PartitionFacts => {
    const key = `${groupId}|${tp}`
    let f = out.get(key)
    if (f === undefined) out.set(key, (f = { deliveries: new Map(), done: new Map(), acks: [], finishing: new Set(), unanswered: 0 }))
    return f
  }
  for (let i = 0; i < log.n + awaiting.length; i++) {
    const e = i < log.n ? shareEventAt(log, i) : awaiting[i - log.n]
    if (e.kind === 'fetchUnanswered') {
      for (const tp of e.tps) of(e.groupId, tp).unanswered++
      continue
    }
    const f = of(e.groupId, e.tp)
    if (e.kind === 'acknowledged') {
      if (e.error === 'NONE') f.acks.push(e)
      // refused: what was sent proves nothing
      else for (let o = e.first; o <= e.last; o++) f.finishing.delete(o)
      continue
    }
    if (e.kind === 'ackUnanswered') {
      if (e.type !== 'RELEASE') for (let o = e.first; o <= e.last; o++) f.finishing.add(o)
      continue
    }
    for (let o = e.first; o <= e.last; o++) {
      const list = f.deliveries.get(o)
      const d = { member: e.member, count: e.deliveryCount, atMs: e.atMs }
      if (list === undefined) f.deliveries.set(o, [d])
      else list.push(d)
    }
  }
  return out
}

/** The member's own latest delivery of `offset` heard by `atMs`, or null. */
function ownDelivery(list: readonly Delivery[] | undefined, member: string, atMs: number): Delivery | null {
  let best: Delivery | null = null
  for (const d of list ?? []) if (d.member === member && d.atMs <= atMs && (best === null || d.count > best.count)) best = d
  return best
}

function checkAcks(groupId: string, tp: string, f: PartitionFacts, out: ShareCheckResult): void {
  for (const a of f.acks) {
    for (let o = a.first; o <= a.last; o++) {
      const list = f.deliveries.get(o)
      const own = ownDelivery(list, a.member, a.atMs)
      const rival = own === null ? undefined : list!.find((d) => d.member !== a.member && d.count === own.count)
      if (own === null || rival !== undefined) {
        out.ackedByOther.push({
          kind: 'shareAckedByOther',
          atMs: a.atMs,
          tp,
          detail: `group ${groupId}: ${tp} offset ${o} acknowledged (${a.type}) by ${a.member} at ${a.atMs} ms, ` + (own === null ? 'which never acquired it' : `whose delivery ${own.count} ${rival!.member} had also acquired at ${rival!.atMs} ms`),
          facts: { kind: 'shareAckedByOther', groupId, member: a.member, offset: o, atMs: a.atMs, type: a.type, deliveryCount: own?.count ?? null, other: rival === undefined ? null : { who: rival.member, atMs: rival.atMs } },
        })
        continue
      }
      if (a.type === 'RELEASE') continue
      const before = f.done.get(o)
      if (before !== undefined) {
        out.ackedTwice.push(twice(groupId, tp, o, before, { who: a.member, atMs: a.atMs }, 'acknowledged'))
        continue
      }
      f.done.set(o, { member: a.member, atMs: a.atMs, count: own.count })
    }
  }
  for (const [o, done] of [...f.done].sort((x, y) => x[0] - y[0])) {
    const later = (f.deliveries.get(o) ?? []).find((d) => d.count > done.count)
    if (later !== undefined) out.ackedTwice.push(twice(groupId, tp, o, done, { who: later.member, atMs: later.atMs }, 'delivered'))
  }
}

function twice(groupId: string, tp: string, offset: number, done: { member: string; atMs: number }, again: { who: string; atMs: number }, how: 'acknowledged' | 'delivered'): Anomaly {
  return {
    kind: 'shareAckedTwice',
    atMs: again.atMs,
    tp,
    detail: `group ${groupId}: ${tp} offset ${offset}, acknowledged by ${done.member} at ${done.atMs} ms, was ${how} again by ${again.who} at ${again.atMs} ms`,
    facts: { kind: 'shareAckedTwice', groupId, offset, first: { who: done.member, atMs: done.atMs }, second: again, how },
  }
}

function checkLimit(groupId: string, tp: string, f: PartitionFacts, limit: number, out: ShareCheckResult): void {
  for (const [o, list] of [...f.deliveries].sort((x, y) => x[0] - y[0])) {
    const over = list.find((d) => d.count > limit)
    if (over === undefined) continue
    out.deliveriesOverLimit.push({
      kind: 'shareDeliveryOverLimit',
      atMs: over.atMs,
      tp,
      detail: `group ${groupId}: ${tp} offset ${o} delivered to ${over.member} for the ${over.count}th time at ${over.atMs} ms, over group.share.delivery.count.limit ${limit}`,
      facts: { kind: 'shareDeliveryOverLimit', groupId, offset: o, member: over.member, deliveryCount: over.count, limit, atMs: over.atMs },
    })
  }
}

/** The offset below which retention removed `tp`'s records at some point (on any replica). */
function removedBelow(h: History, tp: string): number {
  let below = -1
  for (const r of h.removals) if (r.tp === tp && r.cause !== 'compaction' && r.logStartOffset > below) below = r.logStartOffset
  return below
}

function checkLost(h: History, v: SharePartitionView, f: PartitionFacts | undefined, nowMs: number, out: ShareCheckResult): void {
  const removed = removedBelow(h, v.tp)
  let run: { from: number; to: number } | null = null
  const flush = (): void => {
    if (run === null) return
    out.recordsLost.push({
      kind: 'shareRecordLost',
      atMs: nowMs,
      tp: v.tp,
      detail: `group ${v.groupId}: ${v.tp} offsets ${run.from}..${run.to} are below the share-partition start offset ${v.startOffset}, yet no member accepted or rejected them and they were not delivered ${v.deliveryLimit} times`,
      facts: { kind: 'shareRecordLost', groupId: v.groupId, from: run.from, to: run.to, startOffset: v.startOffset },
    })
    run = null
  }
  for (let o = v.firstOffset; o < v.startOffset; o++) {
    const seen = (f?.deliveries.get(o) ?? []).reduce((max, d) => Math.max(max, d.count), 0)
    const finished = f?.done.has(o) === true || f?.finishing.has(o) === true || seen + (f?.unanswered ?? 0) >= v.deliveryLimit || o < removed
    if (finished) flush()
    else if (run === null) run = { from: o, to: o }
    else run.to = o
  }
  flush()
}

/**
 * `awaiting`: acknowledgements members sent and have no answer to yet at the end (observe/share-groups.ts):
 * the leader may have applied them, as those whose answer was lost.
 */
export function checkShareGroups(h: History, partitions: readonly SharePartitionView[], nowMs: number, awaiting: readonly ShareAckUnanswered[] = []): ShareCheckResult {
  const out: ShareCheckResult = { ackedByOther: [], ackedTwice: [], recordsLost: [], deliveriesOverLimit: [] }
  if (h.shares.n === 0 && partitions.length === 0) return out
  const facts = factsByPartition(h.shares, awaiting)
  const limitOf = new Map(partitions.map((v) => [`${v.groupId}|${v.tp}`, v.deliveryLimit]))
  for (const key of [...facts.keys()].sort()) {
    const [groupId, tp] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)]
    const f = facts.get(key)!
    checkAcks(groupId, tp, f, out)
    const limit = limitOf.get(key)
    if (limit !== undefined) checkLimit(groupId, tp, f, limit, out)
  }
  for (const v of partitions) checkLost(h, v, facts.get(`${v.groupId}|${v.tp}`), nowMs, out)
  return out
}
