// An anomaly's detail in each language, built from the facts the checker recorded: the English
// text is the checker's own sentence, the Korean one says the same in Korean; clicking one selects
// the partition named by its `tp`, never by parsing its text.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario } from '../../sim/index.ts'
import type { Anomaly } from '../../sim/trace/summary-types.ts'
import { anomalyDetail, anomalyText } from './anomaly-text.ts'
import { partitionOf } from './AnomalyList.tsx'

const HANGUL = /[\uac00-\ud7a3]/
/** English words of the checkers' sentences that a Korean text must not fall back to */
const ENGLISH = /\b(acked to|absent from|offsets? \d|replicas on|claimed by|polled|committed|were never read|read by|above log end)\b/

/** One anomaly of each kind, as the checkers write them (sim/check/*.test.ts pin the same objects). */
const SAMPLES: Anomaly[] = [
  {
    kind: 'lostAckedWrite',
    atMs: 80500,
    detail: 'orders-0 offset 4 acked to checkout at 61002 ms (seq 4), absent from every replica (brokers 1, 2, 3; no leader) after the unclean election of broker 3 at 80500 ms',
    tp: 'orders-0',
    facts: { kind: 'lostAckedWrite', producer: 'checkout', seq: 4, offset: 4, ackMs: 61002, leader: null, replicas: [1, 2, 3], leaderLogEnd: null, holder: null, election: { broker: 3, atMs: 80500, leaderEpoch: 4, unclean: true } },
  },
  {
    kind: 'duplicate',
    atMs: 2100,
    detail: "orders-0 record checkout seq 3 at offsets 3 and 5 of leader broker 1's log, the extra copy appended at 2100 ms",
    tp: 'orders-0',
    facts: { kind: 'duplicate', producer: 'checkout', seq: 3, offsets: [3, 5], broker: 1, leaderless: false, appendedMs: 2100 },
  },
  {
    kind: 'inconsistentOffset',
    atMs: 1500,
    detail: "t-0 offset 1 acked to p at 101 ms (seq 1), but leader broker 1's log has the record at offset 2 and p seq 2 at offset 1",
    tp: 't-0',
    facts: { kind: 'inconsistentOffset', producer: 'p', seq: 1, offset: 1, ackMs: 101, foundAt: 2, broker: 1, leaderless: false, holder: { producer: 'p', seq: 2 } },
  },
  {
    kind: 'nonMonotonicPoll',
    atMs: 61000,
    detail: 'orders-0 reader billing-1 polled offsets 400..449 at 61000 ms after polling up to offset 499 at 60900 ms, with no reset in between',
    tp: 'orders-0',
    facts: { kind: 'nonMonotonicPoll', reader: 'billing-1', from: 400, to: 449, atMs: 61000, previousTo: 499, previousMs: 60900 },
  },
  {
    kind: 'divergentReplica',
    atMs: 4000,
    detail: 't-0 replicas on brokers 1 and 3 differ at offset 5, below both high watermarks (10 and 8): broker 1 has p seq 5 (leader epoch 0), broker 3 has q seq 0 (leader epoch 1)',
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
  {
    kind: 'multipleLeaders',
    atMs: 20500,
    detail: 't-0 leader epoch 1 claimed by broker 1 at 100 ms and by broker 3 at 20500 ms',
    tp: 't-0',
    facts: { kind: 'multipleLeaders', leaderEpoch: 1, first: { who: 1, atMs: 100 }, second: { who: 3, atMs: 20500 } },
  },
  {
    kind: 'hwAboveLeo',
    atMs: 7000,
    detail: 't-0 replica on broker 1: high watermark 4 above log end offset 3 at 7000 ms',
    tp: 't-0',
    facts: { kind: 'hwAboveLeo', broker: 1, highWatermark: 4, logEndOffset: 3, atMs: 7000 },
  },
  {
    kind: 'concurrentConsumers',
    atMs: 300,
    detail: 'group billing: orders-0 read by billing-2 at 200 ms and by billing-1 at 300 ms, which had read it before (100 ms) and was not assigned it again',
    tp: 'orders-0',
    facts: { kind: 'concurrentConsumers', groupId: 'billing', first: { who: 'billing-2', atMs: 200 }, second: { who: 'billing-1', atMs: 300 }, previousMs: 100 },
  },
  {
    kind: 'committedBackwards',
    atMs: 2000,
    detail: 'group billing: billing-2 committed my-topic-0 offset 80 at 2000 ms in generation 3, below 100 committed earlier in that generation',
    tp: 'my-topic-0',
    facts: { kind: 'committedBackwards', groupId: 'billing', member: 'billing-2', offset: 80, atMs: 2000, generation: 3, previous: 100 },
  },
  {
    kind: 'skippedRecords',
    atMs: 5000,
    detail: 'group billing: orders-0 offsets 10..19 were never read by any member, yet the group committed 30',
    tp: 'orders-0',
    facts: { kind: 'skippedRecords', groupId: 'billing', from: 10, to: 19, committed: 30 },
  },
]

/** The numbers a sentence states, in order of first appearance (without those inside the partition name). */
const numbersOf = (text: string, tp: string) => [...new Set(text.replace(tp, '').match(/\d+/g) ?? [])].sort()

function expectKorean(a: Anomaly): void {
  const ko = anomalyDetail(a).ko
  expect(ko, a.kind).toMatch(HANGUL)
  expect(ko, a.kind).not.toMatch(ENGLISH)
  expect(ko, a.kind).toContain(a.tp)
  // every number of the English sentence is in the Korean one
  expect(numbersOf(ko, a.tp!), a.kind).toEqual(numbersOf(a.detail, a.tp!))
}

describe('anomaly details in each language', () => {
  it('words every kind: English as the checker wrote it, Korean with the same facts', () => {
    for (const a of SAMPLES) {
      expect(anomalyDetail(a).en, a.kind).toBe(a.detail)
      expectKorean(a)
    }
    expect(new Set(SAMPLES.map((a) => a.kind)).size).toBe(10)
  })

  it('says in Korean what the checkers found in real runs (lost writes after an unclean election, duplicates)', () => {
    for (const file of ['unclean-election-data-loss', 'idempotent-retries', 'lesson-clean-vs-unclean']) {
      const s = parseScenario(JSON.parse(readFileSync(`scenarios/${file}.json`, 'utf8')))
      const sim = createSimulation(s)
      sim.runUntil(s.durationMs)
      const found = sim.summary().checks.first
      expect(found.length, file).toBeGreaterThan(0)
      for (const a of found) {
        expect(anomalyDetail(a).en, file).toBe(a.detail)
        expectKorean(a)
      }
    }
  })

  it('shows the checker sentence in both languages for an anomaly without facts', () => {
    const old: Anomaly = { kind: 'duplicate', atMs: 1, detail: 'orders-0 record p seq 1 at offsets 1 and 2' }
    expect(anomalyDetail(old)).toEqual({ en: old.detail, ko: old.detail })
    expect(anomalyText(SAMPLES[1]).ko).toBe(`중복 기록: ${anomalyDetail(SAMPLES[1]).ko}`)
  })
})

describe('the partition an anomaly selects', () => {
  it('is its tp, when that topic is on the map (topics may contain dashes)', () => {
    expect(partitionOf(SAMPLES[8], ['orders', 'my-topic'])).toEqual({ topic: 'my-topic', partition: 0 })
    expect(partitionOf(SAMPLES[0], ['orders'])).toEqual({ topic: 'orders', partition: 0 })
    expect(partitionOf(SAMPLES[0], ['payments'])).toBeNull()
    expect(partitionOf({ kind: 'duplicate', atMs: 1, detail: 'orders-0 record p seq 1' }, ['orders'])).toBeNull()
  })
})
