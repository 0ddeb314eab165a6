// The history checkers: each anomaly kind is found with its count, time and detail; clean histories give ok.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { columnOf } from '../history/int-column.ts'
import type { LogBatch } from '../storage/batch.ts'
import { batchLogOf } from '../storage/batch-log.ts'
import { newRecordStore } from '../storage/records.ts'
import {
  checkHistory,
  findDivergentReplicas,
  findDuplicates,
  findHwAboveLeo,
  findInconsistentOffsets,
  findLostAckedWrites,
  findMultipleLeaders,
  findNonMonotonicPolls,
  firstAnomalies,
} from './checkers.ts'
import { ACKED_NO_OFFSET, FAILED, PENDING, newHistory } from '../history/history.ts'
import type { History, LeaderChange, PartitionView, ReplicaView } from '../history/history.ts'

// ---- builders ---------------------------------------------------------------------------------------

function batch(
  baseOffset: number,
  count: number,
  producer: string,
  baseSequence: number,
  epoch = 0,
  appendedMs = 1000 + baseOffset,
): LogBatch {
  return {
    baseOffset,
    count,
    partitionLeaderEpoch: epoch,
    producer,
    producerId: -1,
    producerEpoch: -1,
    baseSequence,
    sequence: -1,
    firstTimestamp: appendedMs,
    maxTimestamp: appendedMs,
    timestampType: 'CreateTime',
    appendedMs,
    sizeBytes: 100 * count,
    firstRecord: baseSequence,
  }
}

function replica(broker: number, batches: LogBatch[], opts: Partial<Omit<ReplicaView, 'batches'>> = {}): ReplicaView {
  const last = batches[batches.length - 1]
  const leo = last ? last.baseOffset + last.count : 0
  return {
    broker,
    online: true,
    logStartOffset: batches[0]?.baseOffset ?? 0,
    logEndOffset: leo,
    highWatermark: leo,
    batches: batchLogOf(batches),
    cleanedTo: 0,
    ...opts,
  }
}

function partition(tp: string, leader: number, replicas: ReplicaView[], leaderEpoch = 0): PartitionView {
  return { tp, leader, leaderEpoch, isr: replicas.map((r) => r.broker), replicas, compacted: false, records: newRecordStore() }
}

/** outcomes per sequence: offset, ACKED_NO_OFFSET, PENDING or FAILED; ack times default to 100 + seq */
function send(history: History, producer: string, tp: string, outcomes: number[], atMs?: number[]): void {
  history.sends[`${producer}|${tp}`] = {
    producer,
    tp,
    n: outcomes.length,
    outcome: columnOf(outcomes),
    atMs: columnOf(atMs ?? outcomes.map((_, i) => 100 + i)),
    recordShift: [],
  }
}

function read(history: History, reader: string, tp: string, polls: [number, number, number][], resets: number[] = []): void {
  history.reads[`${reader}|${tp}`] = {
    reader,
    tp,
    n: polls.length,
    from: columnOf(polls.map((p) => p[0])),
    to: columnOf(polls.map((p) => p[1])),
    atMs: columnOf(polls.map((p) => p[2])),
    resets,
  }
}

function change(atMs: number, tp: string, leader: number, leaderEpoch: number, unclean = false): LeaderChange {
  return { atMs, tp, leader, leaderEpoch, isr: leader < 0 ? [] : [leader], unclean }
}

const range = (n: number, start = 0): number[] => Array.from({ length: n }, (_, i) => start + i)

// ---- a clean history ----------------------------------------------------------------------------------

describe('clean histories', () => {
  it('gives ok for a replicated log with every acked record in place', () => {
    const h = newHistory()
    const b1 = batch(0, 3, 'checkout', 0)
    const b2 = batch(3, 2, 'checkout', 3)
    const b3 = batch(5, 2, 'billing', 0)
    send(h, 'checkout', 'orders-0', [0, 1, 2, 3, 4, PENDING, FAILED])
    send(h, 'billing', 'orders-0', [5, 6])
    read(h, 'r', 'orders-0', [
      [0, 3, 200],
      [3, 7, 300],
    ])
    h.leaderClaims.push({ atMs: 0, broker: 1, tp: 'orders-0', leaderEpoch: 0 })
    const parts = [partition('orders-0', 1, [replica(1, [b1, b2, b3]), replica(2, [b1, b2, b3]), replica(3, [b1, b2])])]
    const report = checkHistory(h, parts, 5000)
    expect(report).toEqual({
      ok: true,
      lostAckedWrites: 0,
      duplicates: 0,
      inconsistentOffsets: 0,
      nonMonotonicPolls: 0,
      divergentReplicas: 0,
      multipleLeaders: 0,
      hwAboveLeo: 0,
      concurrentConsumers: 0,
      partitionsOwnedTwice: 0,
      committedBackwards: 0,
      skippedRecords: 0,
      compactionLostLatest: 0,
      shareAckedByOther: 0,
      shareAckedTwice: 0,
      shareRecordsLost: 0,
      shareDeliveriesOverLimit: 0,
      redeliveries: 0,
      first: [],
      grouped: [],
    })
  })

  it('does not count acks=1 records above the HW that the leader still has', () => {
    const h = newHistory()
    const b1 = batch(0, 5, 'p', 0)
    const b2 = batch(5, 5, 'p', 5)
    send(h, 'p', 't-0', range(10))
    const leader = replica(1, [b1, b2], { highWatermark: 5 })
    const follower = replica(2, [b1], { highWatermark: 5 })
    const report = checkHistory(h, [partition('t-0', 1, [leader, follower])], 9000)
    expect(report.ok).toBe(true)
  })

  it("ignores records the leader's retention removed (the history's RecordRemovals)", () => {
    const h = newHistory()
    send(h, 'p', 't-0', range(10))
    const leader = replica(1, [batch(5, 5, 'p', 5)])
    expect(leader.logStartOffset).toBe(5)
    h.removals.push({ atMs: 8000, broker: 1, tp: 't-0', cause: 'retention.ms', fromOffset: 0, logStartOffset: 5, ranges: [['p', 0, 4]] })
    expect(checkHistory(h, [partition('t-0', 1, [leader])], 9000).ok).toBe(true)
  })

  it('still reports records that vanished below a moved log start when no retention removed them', () => {
    const h = newHistory()
    send(h, 'p', 't-0', range(10))
    const leader = replica(1, [batch(5, 5, 'p', 5)])
    // another broker's retention does not excuse the leader's log; nor does a removal of other records
    h.removals.push({ atMs: 8000, broker: 2, tp: 't-0', cause: 'retention.ms', fromOffset: 0, logStartOffset: 5, ranges: [['p', 0, 4]] })
    h.removals.push({ atMs: 8000, broker: 1, tp: 't-0', cause: 'retention.ms', fromOffset: 0, logStartOffset: 5, ranges: [['p', 0, 2]] })
    const report = checkHistory(h, [partition('t-0', 1, [leader])], 9000)
    expect(report.lostAckedWrites).toBe(2)
    expect(report.first.map((a) => a.detail)).toEqual([expect.stringContaining('offset 3'), expect.stringContaining('offset 4')])
  })

  it('ignores records a replica never held because it restarted at the leader’s log start, which the leader’s retention had moved past them', () => {
    const h = newHistory()
    send(h, 'p', 't-0', range(10))
    // broker 2 had 0–2 and restarted at broker 1's log start 6; broker 1's retention had removed 0–5; broker 2 now leads
    h.removals.push({ atMs: 8000, broker: 1, tp: 't-0', cause: 'retention.ms', fromOffset: 0, logStartOffset: 6, ranges: [['p', 0, 5]] })
    h.removals.push({ atMs: 8100, broker: 2, tp: 't-0', cause: 'logStartOffset', fromOffset: 0, logStartOffset: 6, ranges: [['p', 0, 2]] })
    const leader = replica(2, [batch(6, 4, 'p', 6)])
    expect(checkHistory(h, [partition('t-0', 2, [leader, replica(1, [batch(6, 4, 'p', 6)])])], 9000).ok).toBe(true)
    // without the old leader's removal of 3–5 they are lost: nothing let them go on purpose
    h.removals.shift()
    expect(checkHistory(h, [partition('t-0', 2, [leader, replica(1, [batch(6, 4, 'p', 6)])])], 9000).lostAckedWrites).toBe(3)
  })

  it('ignores records compacted away on another replica where the reference’s log has a gap, not where it holds another record', () => {
    const h = newHistory()
    send(h, 'p', 't-0', range(6))
    h.removals.push({ atMs: 8000, broker: 1, tp: 't-0', cause: 'compaction', fromOffset: 0, logStartOffset: 0, ranges: [['p', 2, 3]] })
    // broker 2 fetched over the gap broker 1's cleaner left at 2–3
    const gap = replica(2, [batch(0, 2, 'p', 0), batch(4, 2, 'p', 4)])
    expect(checkHistory(h, [partition('t-0', 2, [gap])], 9000).ok).toBe(true)
    // a log holding other records at 2–3 (an unclean leader's) lost the acknowledged ones
    const replaced = replica(2, [batch(0, 2, 'p', 0), batch(2, 2, 'q', 0), batch(4, 2, 'p', 4)])
    expect(checkHistory(h, [partition('t-0', 2, [replaced])], 9000).lostAckedWrites).toBe(2)
  })

  it('ignores producers the history does not know and batches without sequences', () => {
    const h = newHistory()
    send(h, 'p', 't-0', [0])
    const log = [batch(0, 1, 'p', 0), batch(1, 1, 'coordinator', 0), batch(2, 1, 'coordinator', 0), batch(3, 2, 'x', -1), batch(5, 1, 'x', -1)]
    expect(checkHistory(h, [partition('t-0', 1, [replica(1, log)])], 9000).ok).toBe(true)
  })
})

// ---- lost acknowledged writes -----------------------------------------------------------------------

describe('findLostAckedWrites', () => {
  it('reports the unclean-election shape at the election time', () => {
    // broker 1 led and acked offsets 0..9 (acks=1); broker 2 (out of sync, had 0..4) became leader uncleanly
    // at 80500 and appended other records at 5..7; broker 1 is down and still holds 0..9.
    const h = newHistory()
    const b0 = batch(0, 5, 'checkout', 0, 0)
    const lostBatch = batch(5, 5, 'checkout', 5, 0)
    const newer = batch(5, 3, 'checkout', 10, 1, 80600)
    send(h, 'checkout', 'orders-0', [...range(10), 5, 6, 7], [...range(10).map((i) => 61000 + i), 80601, 80602, 80603])
    h.leaderChanges.push(change(0, 'orders-0', 1, 0), change(70000, 'orders-0', -1, 1), change(80500, 'orders-0', 2, 2, true))
    const parts = [
      partition('orders-0', 2, [
        replica(1, [b0, lostBatch], { online: false, highWatermark: 10 }),
        replica(2, [b0, newer], { highWatermark: 8 }),
      ]),
    ]
    const lost = findLostAckedWrites(h, parts)
    expect(lost).toHaveLength(5)
    expect(lost.map((a) => a.atMs)).toEqual([80500, 80500, 80500, 80500, 80500])
    expect(lost[0].detail).toBe(
      "orders-0 offset 5 acked to checkout at 61005 ms (seq 5), absent from leader broker 2's log, " +
        'where offset 5 now holds checkout seq 10 after the unclean election of broker 2 at 80500 ms',
    )
    expect(lost[4].detail).toContain("orders-0 offset 9 acked to checkout at 61009 ms (seq 9), absent from leader broker 2's log, which ends at offset 8")
    const report = checkHistory(h, parts, 90000)
    expect(report.ok).toBe(false)
    expect(report.lostAckedWrites).toBe(5)
    expect(report.first[0].kind).toBe('lostAckedWrite')
  })

  it('counts records, not batches, and keeps records the leader still has', () => {
    const h = newHistory()
    const kept = batch(0, 4, 'p', 0)
    send(h, 'p', 't-0', [0, 1, 2, 3, 4, 5, 6])
    // offsets 4..6 were acked by broker 1 (acks=1) which was replaced cleanly at 500 by broker 2
    h.leaderChanges.push(change(500, 't-0', 2, 1))
    const parts = [partition('t-0', 2, [replica(1, [kept, batch(4, 3, 'p', 4)]), replica(2, [kept])])]
    const lost = findLostAckedWrites(h, parts)
    expect(lost.map((a) => a.atMs)).toEqual([500, 500, 500])
    expect(lost[0].detail).toBe(
      "t-0 offset 4 acked to p at 104 ms (seq 4), absent from leader broker 2's log, which ends at offset 4 " +
        'after broker 2 became leader (epoch 1) at 500 ms',
    )
  })

  it('prefers the unclean election among the changes after the ack', () => {
    const h = newHistory()
    send(h, 'p', 't-0', [0, 1], [100, 100])
    h.leaderChanges.push(change(300, 't-0', 3, 1), change(400, 't-0', 2, 2, true))
    const parts = [partition('t-0', 2, [replica(1, [batch(0, 2, 'p', 0)]), replica(2, []), replica(3, [])])]
    expect(findLostAckedWrites(h, parts).map((a) => a.atMs)).toEqual([400, 400])
  })

  it('uses the ack time when no leader change follows the ack (acked by a deposed leader)', () => {
    const h = newHistory()
    send(h, 'p', 't-0', [0], [700])
    h.leaderChanges.push(change(500, 't-0', 2, 1))
    const parts = [partition('t-0', 2, [replica(1, [batch(0, 1, 'p', 0)]), replica(2, [batch(0, 1, 'q', 0)])])]
    const lost = findLostAckedWrites(h, parts)
    expect(lost).toHaveLength(1)
    expect(lost[0].atMs).toBe(700)
    expect(lost[0].detail).toBe("t-0 offset 0 acked to p at 700 ms (seq 0), absent from leader broker 2's log, where offset 0 now holds q seq 0")
  })

  it('without a leader counts only records absent from every replica', () => {
    const h = newHistory()
    send(h, 'checkout', 'orders-0', range(6), range(6).map(() => 61002))
    h.leaderChanges.push(change(80500, 'orders-0', 3, 4, true), change(90000, 'orders-0', -1, 5))
    const parts = [
      partition('orders-0', -1, [
        replica(1, [batch(0, 2, 'checkout', 0)], { online: true }),
        replica(2, [batch(0, 4, 'checkout', 0)], { online: false }),
        replica(3, [batch(0, 2, 'checkout', 0)], { online: false }),
      ]),
    ]
    const lost = findLostAckedWrites(h, parts)
    expect(lost).toHaveLength(2) // offsets 4 and 5; 2 and 3 survive on the offline broker 2
    expect(lost[0]).toEqual({
      kind: 'lostAckedWrite',
      atMs: 80500,
      detail:
        'orders-0 offset 4 acked to checkout at 61002 ms (seq 4), absent from every replica (brokers 1, 2, 3; no leader) ' +
        'after the unclean election of broker 3 at 80500 ms',
      tp: 'orders-0',
      facts: {
        kind: 'lostAckedWrite',
        producer: 'checkout',
        seq: 4,
        offset: 4,
        ackMs: 61002,
        leader: null,
        replicas: [1, 2, 3],
        leaderLogEnd: null,
        holder: null,
        election: { broker: 3, atMs: 80500, leaderEpoch: 4, unclean: true },
      },
    })
  })

  it('judges acks=0 records only once the log has moved past them', () => {
    const h = newHistory()
    const A = ACKED_NO_OFFSET
    // seq 1 vanished (seq 2 is there), seq 3 may still be in flight (nothing later, no leader change)
    send(h, 'p', 't-0', [A, A, A, A])
    const parts = [partition('t-0', 1, [replica(1, [batch(0, 1, 'p', 0), batch(1, 1, 'p', 2)])])]
    const lost = findLostAckedWrites(h, parts)
    expect(lost.map((a) => a.detail)).toEqual(["t-0 record p seq 1 sent with acks=0 at 101 ms, absent from leader broker 1's log"])
    // a leader change after seq 3 was sent settles it
    h.leaderChanges.push(change(200, 't-0', 1, 1))
    expect(findLostAckedWrites(h, parts).map((a) => a.atMs)).toEqual([200, 200])
  })

  it('treats a leader missing from the replica list as no leader', () => {
    const h = newHistory()
    send(h, 'p', 't-0', [0, 1])
    const parts = [partition('t-0', 9, [replica(1, [batch(0, 1, 'p', 0)])])]
    expect(findLostAckedWrites(h, parts)).toHaveLength(1)
  })
})

// ---- duplicates and offsets ---------------------------------------------------------------------------

describe('findDuplicates', () => {
  it('detects a non-idempotent retry written twice', () => {
    // batch seq 3..4 appended at 3..4, the response was lost, the retry appended again at 5..6
    const h = newHistory()
    send(h, 'checkout', 'orders-0', [0, 1, 2, 5, 6, 7])
    const log = [batch(0, 3, 'checkout', 0), batch(3, 2, 'checkout', 3, 0, 2000), batch(5, 2, 'checkout', 3, 0, 2100), batch(7, 1, 'checkout', 5)]
    const parts = [partition('orders-0', 1, [replica(1, log), replica(2, log)])]
    const dups = findDuplicates(h, parts)
    expect(dups).toEqual([
      {
        kind: 'duplicate',
        atMs: 2100,
        detail: "orders-0 record checkout seq 3 at offsets 3 and 5 of leader broker 1's log, the extra copy appended at 2100 ms",
        tp: 'orders-0',
        facts: { kind: 'duplicate', producer: 'checkout', seq: 3, offsets: [3, 5], broker: 1, leaderless: false, appendedMs: 2100 },
      },
      {
        kind: 'duplicate',
        atMs: 2100,
        detail: "orders-0 record checkout seq 4 at offsets 4 and 6 of leader broker 1's log, the extra copy appended at 2100 ms",
        tp: 'orders-0',
        facts: { kind: 'duplicate', producer: 'checkout', seq: 4, offsets: [4, 6], broker: 1, leaderless: false, appendedMs: 2100 },
      },
    ])
    // the ack named the second copy's offsets, so the offsets are consistent
    const report = checkHistory(h, parts, 3000)
    expect(report.duplicates).toBe(2)
    expect(report.inconsistentOffsets).toBe(0)
    expect(report.lostAckedWrites).toBe(0)
  })

  it('counts each extra copy and uses the longest online replica when leaderless', () => {
    const h = newHistory()
    send(h, 'p', 't-0', [0])
    const long = [batch(0, 1, 'p', 0), batch(1, 1, 'p', 0), batch(2, 1, 'p', 0)]
    const parts = [partition('t-0', -1, [replica(1, [long[0]]), replica(2, long), replica(3, [...long, batch(3, 1, 'p', 0)], { online: false })])]
    const dups = findDuplicates(h, parts)
    expect(dups).toHaveLength(2)
    expect(dups[1].detail).toBe("t-0 record p seq 0 at offsets 0 and 2 of broker 2's log (longest replica, no leader), the extra copy appended at 1002 ms")
  })
})

describe('findInconsistentOffsets', () => {
  it('detects a record acked at one offset but found at another', () => {
    const h = newHistory()
    send(h, 'p', 't-0', [0, 1, 2], [100, 101, 102])
    // seq 1 and 2 sit at 2 and 1: swapped
    const log = [batch(0, 1, 'p', 0), batch(1, 1, 'p', 2), batch(2, 1, 'p', 1, 0, 1500)]
    const bad = findInconsistentOffsets(h, [partition('t-0', 1, [replica(1, log)])])
    expect(bad).toHaveLength(2)
    expect(bad[0]).toEqual({
      kind: 'inconsistentOffset',
      atMs: 1500,
      detail: "t-0 offset 1 acked to p at 101 ms (seq 1), but leader broker 1's log has the record at offset 2 and p seq 2 at offset 1",
      tp: 't-0',
      facts: { kind: 'inconsistentOffset', producer: 'p', seq: 1, offset: 1, ackMs: 101, foundAt: 2, broker: 1, leaderless: false, holder: { producer: 'p', seq: 2 } },
    })
    expect(bad[1].atMs).toBe(1001)
  })
})

// ---- polls ----------------------------------------------------------------------------------------------

describe('findNonMonotonicPolls', () => {
  it('flags a poll going backwards without a reset', () => {
    const h = newHistory()
    read(h, 'billing-1', 'orders-0', [
      [0, 500, 60900],
      [400, 450, 61000],
      [450, 460, 61100],
    ])
    expect(findNonMonotonicPolls(h)).toEqual([
      {
        kind: 'nonMonotonicPoll',
        atMs: 61000,
        detail: 'orders-0 reader billing-1 polled offsets 400..449 at 61000 ms after polling up to offset 499 at 60900 ms, with no reset in between',
        tp: 'orders-0',
        facts: { kind: 'nonMonotonicPoll', reader: 'billing-1', from: 400, to: 449, atMs: 61000, previousTo: 499, previousMs: 60900 },
      },
    ])
  })

  it('accepts a backwards poll after a reset between the two polls, but not a reset before', () => {
    const h = newHistory()
    read(h, 'r', 't-0', [
      [0, 10, 100],
      [0, 10, 200],
      [5, 10, 300],
    ], [150, 0])
    const found = findNonMonotonicPolls(h)
    expect(found.map((a) => a.atMs)).toEqual([300])
  })

  it('accepts forward gaps (not a checked anomaly)', () => {
    const h = newHistory()
    read(h, 'r', 't-0', [
      [0, 10, 100],
      [20, 30, 200],
    ])
    expect(findNonMonotonicPolls(h)).toEqual([])
  })
})

// ---- replicas -----------------------------------------------------------------------------------------

describe('findDivergentReplicas', () => {
  it('detects replicas that differ below both high watermarks', () => {
    const shared = batch(0, 5, 'p', 0, 0)
    const a = replica(1, [shared, batch(5, 5, 'p', 5, 0, 3000)], { highWatermark: 10 })
    const b = replica(3, [shared, batch(5, 3, 'q', 0, 1, 4000)], { highWatermark: 8 })
    const c = replica(2, [shared], { highWatermark: 5 })
    const found = findDivergentReplicas([partition('t-0', 1, [a, c, b])])
    expect(found).toEqual([
      {
        kind: 'divergentReplica',
        atMs: 4000,
        detail:
          't-0 replicas on brokers 1 and 3 differ at offset 5, below both high watermarks (10 and 8): ' +
          'broker 1 has p seq 5 (leader epoch 0), broker 3 has q seq 0 (leader epoch 1)',
        tp: 't-0',
        facts: {
          kind: 'divergentReplica',
          offset: 5,
          replicas: [
            { broker: 1, highWatermark: 10, record: { producer: 'p', seq: 5 }, leaderEpoch: 0 },
            { broker: 3, highWatermark: 8, record: { producer: 'q', seq: 0 }, leaderEpoch: 1 },
          ],
        },
      },
    ])
  })

  it('ignores differences at or above either high watermark, and equal copies of a batch', () => {
    const shared = batch(0, 5, 'p', 0)
    const a = replica(1, [shared, batch(5, 5, 'p', 5)], { highWatermark: 10 })
    const b = replica(2, [{ ...shared }, batch(5, 3, 'q', 0)], { highWatermark: 5 })
    expect(findDivergentReplicas([partition('t-0', 1, [a, b])])).toEqual([])
  })

  it('on a compacted topic, takes a gap in one replica (its cleaner, or the leader it copied) as no divergence', () => {
    const shared = batch(0, 5, 'p', 0)
    const tail = batch(8, 2, 'p', 8)
    // broker 1 copied a leader whose cleaner had dropped offsets 5-7; broker 2 has not cleaned them yet
    const copied = replica(1, [shared, tail], { highWatermark: 10 })
    const uncleaned = replica(2, [shared, batch(5, 3, 'p', 5), tail], { highWatermark: 10 })
    const compacted = { ...partition('t-0', 1, [copied, uncleaned]), compacted: true }
    expect(findDivergentReplicas([compacted])).toEqual([])
    // without compaction a gap is lost data: divergence
    expect(findDivergentReplicas([partition('t-0', 1, [copied, uncleaned])])).toHaveLength(1)
    // and a batch that overlaps the other's batch is divergence either way
    const overlapping = replica(3, [shared, batch(6, 4, 'q', 0)], { highWatermark: 10 })
    expect(findDivergentReplicas([{ ...partition('t-0', 1, [uncleaned, overlapping]), compacted: true }])).toHaveLength(1)
  })

  it('sees a different leader epoch as divergence', () => {
    const a = replica(1, [batch(0, 2, 'p', 0, 1)])
    const b = replica(2, [batch(0, 2, 'p', 0, 2)])
    expect(findDivergentReplicas([partition('t-0', 1, [a, b])])).toHaveLength(1)
  })

  it("leaves out a crashed broker's replica, which truncates to the leader's log when it returns", () => {
    // broker 1 led epoch 0 and crashed; broker 2, out of sync at offset 5, won an unclean election
    const shared = batch(0, 5, 'p', 0, 0)
    const crashed = replica(1, [shared, batch(5, 5, 'p', 5, 0)], { online: false })
    const leader = replica(2, [shared, batch(5, 5, 'p', 10, 1)])
    const follower = replica(3, [shared, batch(5, 5, 'p', 10, 1)])
    expect(findDivergentReplicas([partition('t-0', 2, [crashed, leader, follower])])).toEqual([])
    // online, the same logs are divergent
    const back = { ...crashed, online: true }
    const found = findDivergentReplicas([partition('t-0', 2, [back, leader, follower])])
    expect(found.map((a) => a.facts)).toEqual([
      expect.objectContaining({ offset: 5, replicas: [expect.objectContaining({ broker: 1 }), expect.objectContaining({ broker: 2 })] }),
      expect.objectContaining({ offset: 5, replicas: [expect.objectContaining({ broker: 1 }), expect.objectContaining({ broker: 3 })] }),
    ])
  })
})

describe('findMultipleLeaders', () => {
  it('reports a second broker claiming leadership in the same epoch', () => {
    const h = newHistory()
    h.leaderClaims.push(
      { atMs: 100, broker: 1, tp: 't-0', leaderEpoch: 1 },
      { atMs: 20000, broker: 1, tp: 't-0', leaderEpoch: 1 },
      { atMs: 20500, broker: 3, tp: 't-0', leaderEpoch: 1 },
      { atMs: 20600, broker: 3, tp: 't-0', leaderEpoch: 1 },
      { atMs: 30000, broker: 2, tp: 't-0', leaderEpoch: 2 },
      { atMs: 100, broker: 2, tp: 't-1', leaderEpoch: 1 },
    )
    expect(findMultipleLeaders(h)).toEqual([
      {
        kind: 'multipleLeaders',
        atMs: 20500,
        detail: 't-0 leader epoch 1 claimed by broker 1 at 100 ms and by broker 3 at 20500 ms',
        tp: 't-0',
        facts: { kind: 'multipleLeaders', leaderEpoch: 1, first: { who: 1, atMs: 100 }, second: { who: 3, atMs: 20500 } },
      },
    ])
  })
})

describe('findHwAboveLeo', () => {
  it('reports a replica whose HW is above its LEO', () => {
    const parts = [partition('t-0', 1, [replica(1, [batch(0, 3, 'p', 0)], { highWatermark: 4 }), replica(2, [])])]
    expect(findHwAboveLeo(parts, 7000)).toEqual([
      {
        kind: 'hwAboveLeo',
        atMs: 7000,
        detail: 't-0 replica on broker 1: high watermark 4 above log end offset 3 at 7000 ms',
        tp: 't-0',
        facts: { kind: 'hwAboveLeo', broker: 1, highWatermark: 4, logEndOffset: 3, atMs: 7000 },
      },
    ])
    expect(checkHistory(newHistory(), parts, 7000).hwAboveLeo).toBe(1)
  })
})

// ---- the report -----------------------------------------------------------------------------------------

describe('checkHistory', () => {
  it('keeps the 20 earliest anomalies, by time then kind', () => {
    const h = newHistory()
    const polls: [number, number, number][] = [[100, 101, 0]]
    for (let i = 0; i < 30; i++) polls.push([i, i + 1, 1000 + i * 10])
    read(h, 'r', 't-0', polls)
    const parts = [partition('t-0', 1, [replica(1, [], { highWatermark: 1 })])]
    const report = checkHistory(h, parts, 1000)
    expect(report.nonMonotonicPolls).toBe(1)
    expect(report.hwAboveLeo).toBe(1)
    expect(report.first.map((a) => a.kind)).toEqual(['nonMonotonicPoll', 'hwAboveLeo'])
    const many = Array.from({ length: 50 }, (_, i) => ({ kind: 'duplicate' as const, atMs: 50 - i, detail: `d${i}` }))
    const first = firstAnomalies([many, [{ kind: 'lostAckedWrite', atMs: 5, detail: 'x' }]], 20)
    expect(first).toHaveLength(20)
    expect(first.map((a) => a.atMs)).toEqual([1, 2, 3, 4, 5, 5, ...range(14, 6)])
    expect(first[4].kind).toBe('lostAckedWrite')
  })

  it('always gives ok for a consistent replicated log (property)', () => {
    const producers = ['a', 'b', 'c']
    const spec = fc.record({
      appends: fc.array(fc.record({ producer: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 1, max: 5 }) }), { maxLength: 40 }),
      acks: fc.array(fc.constantFrom<'offset' | 'none' | 'pending' | 'failed'>('offset', 'none', 'pending', 'failed'), { minLength: 200, maxLength: 200 }),
      followerLag: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 2 }),
      leader: fc.integer({ min: 0, max: 2 }),
      leaderless: fc.boolean(),
      reads: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 20 }),
    })
    fc.assert(
      fc.property(spec, (s) => {
        const h = newHistory()
        const batches: LogBatch[] = []
        const next = [0, 0, 0]
        const offsets: number[][] = [[], [], []]
        let offset = 0
        s.appends.forEach((ap, i) => {
          batches.push(batch(offset, ap.count, producers[ap.producer], next[ap.producer], 0, 1000 + i))
          for (let k = 0; k < ap.count; k++) offsets[ap.producer].push(offset + k)
          next[ap.producer] += ap.count
          offset += ap.count
        })
        let a = 0
        producers.forEach((p, pi) => {
          const outcomes = offsets[pi].map((o) => {
            const kind = s.acks[a++ % s.acks.length]
            return kind === 'offset' ? o : kind === 'none' ? ACKED_NO_OFFSET : kind === 'pending' ? PENDING : FAILED
          })
          send(h, p, 't-0', outcomes)
        })
        const cut = (lag: number): LogBatch[] => batches.slice(0, Math.max(0, batches.length - lag))
        const logs = [batches, cut(s.followerLag[0]), cut(s.followerLag[1])]
        const leo = (l: LogBatch[]): number => (l.length ? l[l.length - 1].baseOffset + l[l.length - 1].count : 0)
        const hw = Math.min(...logs.map(leo))
        const replicas = logs.map((l, i) => replica(i + 1, l, { logStartOffset: 0, highWatermark: i === 0 ? hw : Math.min(hw, leo(l)) }))
        // the complete log belongs to the leader; rotate so that it sits at index `leader`
        const ordered = [...replicas.slice(3 - s.leader), ...replicas.slice(0, 3 - s.leader)]
        const polls: [number, number, number][] = []
        let pos = 0
        s.reads.forEach((len, i) => {
          polls.push([pos, pos + len, 2000 + i])
          pos += len
        })
        read(h, 'r', 't-0', polls)
        h.leaderClaims.push({ atMs: 0, broker: 1, tp: 't-0', leaderEpoch: 0 })
        h.leaderChanges.push(change(0, 't-0', 1, 0))
        const report = checkHistory(h, [partition('t-0', s.leaderless ? -1 : 1, ordered)], 5000)
        expect(report.first).toEqual([])
        expect(report.ok).toBe(true)
      }),
      { numRuns: 300, seed: 42 },
    )
  })

  it('counts exactly the acked records an unclean leader lacks (property)', () => {
    const spec = fc.record({
      counts: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 30 }),
      producerOf: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 30, maxLength: 30 }),
      dropped: fc.integer({ min: 0, max: 30 }),
      electionMs: fc.integer({ min: 5000, max: 9000 }),
    })
    fc.assert(
      fc.property(spec, (s) => {
        const h = newHistory()
        const names = ['a', 'b']
        const next = [0, 0]
        const outcomes: number[][] = [[], []]
        const batches: LogBatch[] = []
        let offset = 0
        s.counts.forEach((count, i) => {
          const p = s.producerOf[i]
          batches.push(batch(offset, count, names[p], next[p]))
          for (let k = 0; k < count; k++) outcomes[p].push(offset + k)
          next[p] += count
          offset += count
        })
        names.forEach((name, p) => send(h, name, 't-0', outcomes[p]))
        const dropped = Math.min(s.dropped, batches.length)
        const kept = batches.slice(0, batches.length - dropped)
        const expectedLost = batches.slice(kept.length).reduce((sum, b) => sum + b.count, 0)
        h.leaderChanges.push(change(s.electionMs, 't-0', 2, 1, true))
        const parts = [partition('t-0', 2, [replica(1, batches, { online: false }), replica(2, kept)])]
        const report = checkHistory(h, parts, 10000)
        expect(report.lostAckedWrites).toBe(expectedLost)
        expect(report.duplicates + report.inconsistentOffsets + report.divergentReplicas).toBe(0)
        expect(report.first.every((a) => a.atMs === s.electionMs)).toBe(true)
      }),
      { numRuns: 200, seed: 7 },
    )
  })

  it('checks ~3M replica batches (48 partitions × 3 replicas, ~5M records) quickly', () => {
    // sanity benchmark, no timing assertion: vitest's per-test duration shows the cost (building included)
    const h = newHistory()
    const partitions: PartitionView[] = []
    const perPartition = 21_000
    for (let p = 0; p < 48; p++) {
      const tp = `bench-${p}`
      const batches: LogBatch[] = new Array(perPartition)
      const producers = ['p0', 'p1', 'p2', 'p3']
      const next = [0, 0, 0, 0]
      let offset = 0
      for (let i = 0; i < perPartition; i++) {
        const k = i & 3
        const count = 1 + ((i * 7 + p) % 9) // 1..9, mean 5
        batches[i] = batch(offset, count, producers[k], next[k], 0, i)
        next[k] += count
        offset += count
      }
      producers.forEach((producer, k) => {
        const outcome = new Int32Array(next[k])
        const atMs = new Int32Array(next[k])
        for (const b of batches) {
          if (b.producer !== producer) continue
          for (let r = 0; r < b.count; r++) {
            outcome[b.baseSequence + r] = b.baseOffset + r
            atMs[b.baseSequence + r] = b.appendedMs
          }
        }
        h.sends[`${producer}|${tp}`] = { producer, tp, n: next[k], outcome: columnOf(outcome), atMs: columnOf(atMs), recordShift: [] }
      })
      const replicas = [1, 2, 3].map((broker) => replica(broker, broker === 1 ? batches : batches.slice()))
      partitions.push(partition(tp, 1 + (p % 3), replicas))
    }
    const totalRecords = Object.values(h.sends).reduce((sum, log) => sum + log.n, 0)
    expect(totalRecords).toBeGreaterThan(4_500_000)
    const report = checkHistory(h, partitions, 100_000)
    expect(report.ok).toBe(true)
  })
})
