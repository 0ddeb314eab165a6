// Keeps lessons 8–17 true to the model: each lesson's scenario runs headless the way the lesson
// engine plays it (open at the lesson's start, seek to atMs, apply the step's actions, play to
// playUntilMs), and after each key
// moment the test asserts that what the step tells the learner has really happened.

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  parseScenario,
  partitionForKey,
  coordinatorPartitionFor,
  type Simulation,
  type Summary,
  builtInScenarios,
  runNotes,
  batchesOf,
  clusterView,
  partitionLogs,
  builtInName,
  formatEvent,
  logRecords,
  kafkaGetOffsets,
  kafkaConsumerGroupsDescribe,
  restoreSimulation,
  type Note,
} from '../../sim/index.ts'
import type { Lesson, LessonStep } from './types.ts'
import { lessonStartMs } from './check.ts'
import { lesson as isrAcks } from './content/08-isr-acks.ts'
import { lesson as unclean } from './content/09-unclean-election.ts'
import { lesson as controller } from './content/10-controller.ts'
import { lesson as coordinator } from './content/11-group-coordinator.ts'
import { lesson as scaling } from './content/12-scaling-out.ts'
import { lesson as batching } from './content/13-batching.ts'
import { lesson as retention } from './content/14-retention-and-segments.ts'
import { lesson as compaction } from './content/15-compaction.ts'
import { lesson as idempotent } from './content/16-idempotent-producer.ts'
import { lesson as replay } from './content/17-time-and-replay.ts'

const lessons: Lesson[] = [isrAcks, unclean, controller, coordinator, scaling, batching, retention, compaction, idempotent, replay]

function scenarioJson(lesson: Lesson): unknown {
  if ('builtIn' in lesson.scenario) return (builtInScenarios as Record<string, unknown>)[lesson.scenario.builtIn]
  return lesson.scenario.json
}

/** What a step's check gets: the run, its summary now, and Produce requests counted so far. */
interface Moment {
  sim: Simulation
  s: Summary
  produce: { requests: number; records: number; at: number }[]
  /** the summary at the previous key moment */
  before: Summary | null
}

type Check = (m: Moment) => void

function part(s: Summary, tp: string) {
  const p = s.partitions.find((x) => `${x.topic}-${x.partition}` === tp)
  if (!p) throw new Error(`no partition ${tp}`)
  return p
}
const producer = (s: Summary, id: string) => s.producers.find((p) => p.id === id)!
const reader = (s: Summary, id: string) => s.readers.find((r) => r.id === id)!
const group = (s: Summary, id: string) => s.groups.find((g) => g.groupId === id)!
const leaderLeo = (s: Summary, tp: string) => part(s, tp).logEndOffsets[String(part(s, tp).leader)]
const leadersPerBroker = (s: Summary, topic: string) => {
  const n: Record<number, number> = {}
  for (const p of s.partitions) if (p.topic === topic) n[p.leader] = (n[p.leader] ?? 0) + 1
  return n
}
/** Produce requests per second, and records per request, between two times. */
function produceRate(m: Moment, fromMs: number, toMs: number) {
  const inWindow = m.produce.filter((r) => r.at >= fromMs && r.at < toMs)
  const requests = inWindow.reduce((a, r) => a + r.requests, 0)
  const records = inWindow.reduce((a, r) => a + r.records, 0)
  const secs = (toMs - fromMs) / 1000
  return { requestsPerSec: requests / secs, recordsPerSec: records / secs, perRequest: records / Math.max(1, requests) }
}

type NoteOf<T extends Note['type']> = Extract<Note, { type: T }>
/** The run's notes of one type (SegmentRolled, SegmentsDeleted, OffsetOutOfRange, ...), in order. */
function notesOf<T extends Note['type']>(sim: Simulation, type: T): NoteOf<T>[] {
  return runNotes(sim).filter((n): n is NoteOf<T> => n.type === type)
}
/** Every replica's log start offset of a partition (the inspector's Replica logs table). */
const replicaLogStarts = (sim: Simulation, tp: string) => clusterView(sim).partitions.find((p) => p.tp === tp)!.logs.map((l) => l.logStartOffset)
/** The segments of a partition's leader replica (the partition log's lanes). */
function leaderSegments(sim: Simulation, tp: string) {
  const log = partitionLogs(sim, tp.slice(0, tp.lastIndexOf('-'))).find((l) => l.tp === tp)!
  return log.lanes.find((lane) => lane.broker === log.leader)!.segments
}
const LOGS = ['logs-0', 'logs-1']
/** Lesson 14 sets segment.bytes back to the default when its step 4 opens: where step 3 paused. */
const SEGMENT_BYTES_RAISED_MS = retention.steps[2].playUntilMs!

/** Lesson 17: analytics' committed offsets when it stopped, and audit's Polled around its restart. */
let committedAt90: Record<string, number> = {}
const auditPolled = { before: -1, after: -1 }

/** The assertions after each step's key moment, by lesson id and step index. */
const checks: Record<string, Record<number, Check>> = {
  'isr-acks': {
    0: ({ s }) => {
      expect(part(s, 'ledger-0').isr).toEqual([1, 2, 3])
      expect(part(s, 'ledger-0').leader).toBe(3)
    },
    1: ({ s }) => {
      // broker 2 still in the ISR, the high watermark stuck behind the leader's log end
      expect(part(s, 'ledger-0').isr).toEqual([1, 2, 3])
      expect(leaderLeo(s, 'ledger-0') - part(s, 'ledger-0').highWatermark).toBeGreaterThan(100)
    },
    2: ({ s }) => {
      expect(part(s, 'ledger-0').isr).toEqual([1, 3])
      expect(leaderLeo(s, 'ledger-0') - part(s, 'ledger-0').highWatermark).toBeLessThan(20)
    },
    3: ({ s }) => {
      expect(part(s, 'ledger-0').isr).toEqual([3])
      expect(producer(s, 'payments').errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0)
      expect(producer(s, 'payments').errors.REQUEST_TIMED_OUT).toBeGreaterThan(0)
      expect(producer(s, 'metrics').errors.NOT_ENOUGH_REPLICAS ?? 0).toBe(0)
    },
    4: ({ s, before }) => {
      const hw = part(s, 'ledger-0').highWatermark
      expect(hw).toBe(part(before!, 'ledger-0').highWatermark)
      expect(leaderLeo(s, 'ledger-0')).toBeGreaterThan(hw + 200)
      expect(producer(s, 'metrics').acked).toBeGreaterThan(producer(before!, 'metrics').acked)
      expect(reader(s, 'auditor').polled).toBe(reader(before!, 'auditor').polled)
    },
    5: ({ s, before }) => {
      expect(part(s, 'ledger-0').isr).toEqual([2, 3])
      expect(part(s, 'ledger-0').highWatermark).toBeGreaterThan(part(before!, 'ledger-0').highWatermark + 300)
      expect(reader(s, 'auditor').polled).toBeGreaterThan(reader(before!, 'auditor').polled + 300)
      expect(s.checks.lostAckedWrites).toBe(0)
      expect(s.checks.duplicates).toBe(0)
    },
  },
  'unclean-election': {
    0: ({ s }) => {
      expect(part(s, 'orders-0').leader).toBe(1)
      expect(part(s, 'clicks-0').leader).toBe(1)
    },
    1: ({ s }) => {
      expect(part(s, 'orders-0').isr).toEqual([1])
      expect(part(s, 'clicks-0').isr).toEqual([1])
    },
    2: ({ s }) => {
      expect(part(s, 'orders-0').leader).toBe(-1)
      expect(part(s, 'orders-0').isr).toEqual([])
      expect(part(s, 'orders-0').elr).toEqual([1])
      expect(part(s, 'orders-0').lastKnownElr).toEqual([1])
      expect(part(s, 'clicks-0').leader).toBe(2)
      expect(part(s, 'clicks-0').isr).toEqual([2])
    },
    3: ({ s }) => {
      expect(s.checks.lostAckedWrites).toBeGreaterThan(0)
      expect(s.checks.first.length).toBeGreaterThan(0)
      for (const a of s.checks.first) expect(a.detail).toContain('clicks-0')
    },
    4: ({ s }) => {
      expect(part(s, 'orders-0').leader).toBe(1)
      expect(part(s, 'orders-0')).toMatchObject({ elr: [], lastKnownElr: [] })
      expect(part(s, 'clicks-0').leader).toBe(2)
      for (const a of s.checks.first) expect(a.detail).not.toContain('orders-0')
      expect(s.checks.lostAckedWrites).toBeGreaterThan(0)
    },
  },
  controller: {
    0: ({ s }) => {
      expect(String(s.controller.active)).toBe('3')
      expect(s.brokers.every((b) => b.state === 'alive')).toBe(true)
    },
    1: ({ s }) => {
      expect(String(s.controller.active)).toBe('2')
      expect(s.controller.epoch).toBe(2)
      expect(part(s, 'orders-0').leader).toBe(3) // not fenced yet
    },
    2: ({ s, before }) => {
      expect(s.brokers.find((b) => b.id === 3)!.state).not.toBe('alive')
      expect(part(s, 'orders-0').leader).toBe(1)
      for (const p of ['orders-0', 'orders-1', 'orders-2']) expect(part(s, p).isr).not.toContain(3)
      expect(producer(s, 'checkout').acked).toBeGreaterThan(producer(before!, 'checkout').acked)
    },
    3: ({ s }) => {
      expect(String(s.controller.active)).toBe('2')
      expect(s.brokers.find((b) => b.id === 3)!.state).toBe('alive')
      for (const p of ['orders-0', 'orders-1', 'orders-2']) expect(part(s, p).isr).toContain(3)
    },
  },
  'group-coordinator': {
    0: ({ s }) => {
      expect(coordinatorPartitionFor('billing')).toBe(9)
      expect(part(s, '__consumer_offsets-9').leader).toBe(1)
      expect(group(s, 'billing').coordinator).toBe(1)
      expect(group(s, 'billing').state).toBe('Stable')
    },
    1: ({ s }) => {
      expect(part(s, '__consumer_offsets-9').leader).toBe(2)
      expect(group(s, 'billing').coordinator).toBe(2)
      expect(group(s, 'billing').state).toBe('Stable')
      expect(group(s, 'billing').generation).toBe(1)
    },
    3: ({ s }) => {
      expect(part(s, '__consumer_offsets-9').isr).toContain(1)
      expect(group(s, 'billing').coordinator).toBe(2)
    },
    4: ({ sim, s }) => {
      expect(group(s, 'billing').coordinator).toBe(1)
      expect(group(s, 'billing').generation).toBe(1)
      for (const id of ['billing-1', 'billing-2', 'billing-3']) expect(sim.world.members[id].errors.NOT_COORDINATOR).toBeGreaterThan(0)
    },
  },
  'scaling-out': {
    0: ({ s }) => {
      const g = group(s, 'billing')
      expect(g.state).toBe('Stable')
      expect(Object.keys(g.members)).toHaveLength(4)
      expect(Object.values(g.members).filter((ps) => ps.length === 0)).toHaveLength(1)
    },
    1: ({ sim, s }) => {
      const g = group(s, 'billing')
      expect(s.partitions.filter((p) => p.topic === 'orders')).toHaveLength(6)
      expect(g.state).toBe('Stable')
      expect(Object.values(g.members).every((ps) => ps.length > 0)).toBe(true)
      const keys = sim.world.producers.checkout.poolKeys
      expect(keys.filter((k) => partitionForKey(k, 3) !== partitionForKey(k, 6)).length).toBeGreaterThan(keys.length / 3)
      expect(leaderLeo(s, 'orders-5')).toBeGreaterThan(0)
      expect(leadersPerBroker(s, 'orders')).toEqual({ 1: 2, 2: 2, 3: 2 })
    },
    2: ({ s }) => {
      expect(leadersPerBroker(s, 'orders')[2] ?? 0).toBe(0)
      expect(leadersPerBroker(s, 'orders')[3]).toBe(4)
    },
    3: ({ s }) => {
      for (const p of s.partitions.filter((x) => x.topic === 'orders')) expect(p.isr).toContain(2)
      expect(leadersPerBroker(s, 'orders')[2] ?? 0).toBe(0)
    },
    4: ({ s }) => {
      expect(leadersPerBroker(s, 'orders')).toEqual({ 1: 2, 2: 2, 3: 2 })
      for (const p of s.partitions.filter((x) => x.topic === 'orders')) expect(p.leader).toBe(p.replicas[0])
    },
    5: ({ s }) => {
      expect(s.brokers.find((b) => b.id === 4)?.state).toBe('alive')
      for (const p of s.partitions) expect(p.replicas).not.toContain(4)
    },
    6: ({ sim, s }) => {
      expect(part(s, 'orders-0')).toMatchObject({ replicas: [4, 3, 1], leader: 3 })
      expect(part(s, 'orders-1')).toMatchObject({ replicas: [4, 1, 2], leader: 1 })
      expect([...part(s, 'orders-0').isr].sort()).toEqual([1, 3, 4])
      expect(sim.world.brokers['2'].replicas['orders-0']).toBeUndefined()
      expect(sim.world.brokers['3'].replicas['orders-1']).toBeUndefined()
      expect(leadersPerBroker(s, 'orders')[4] ?? 0).toBe(0)
    },
    7: ({ s }) => {
      expect(leadersPerBroker(s, 'orders')).toEqual({ 1: 1, 2: 2, 3: 1, 4: 2 })
      expect(s.checks.ok).toBe(true)
    },
  },
  batching: {
    0: (m) => {
      const r = produceRate(m, 5000, 10000)
      expect(r.requestsPerSec).toBeGreaterThan(400)
      expect(r.recordsPerSec).toBeGreaterThan(950)
      expect(r.perRequest).toBeLessThan(3)
    },
    1: (m) => {
      const r = produceRate(m, 21000, 26000)
      expect(r.requestsPerSec).toBeLessThan(35)
      expect(r.recordsPerSec).toBeGreaterThan(950)
      expect(r.perRequest).toBeGreaterThan(30)
    },
    2: (m) => {
      const r = produceRate(m, 41000, 46000)
      expect(r.requestsPerSec).toBeGreaterThan(90)
      expect(r.requestsPerSec).toBeLessThan(130)
      expect(r.perRequest).toBeCloseTo(9, 0)
      expect(r.recordsPerSec).toBeGreaterThan(950)
    },
  },
  'retention-and-segments': {
    0: ({ sim, s }) => {
      // one active segment per partition, nothing rolled or deleted yet
      for (const tp of LOGS) {
        expect(part(s, tp).logStartOffset).toBe(0)
        expect(part(s, tp).segments).toBe(1)
        expect(part(s, tp).records).toBeGreaterThan(500)
      }
      expect(notesOf(sim, 'SegmentRolled')).toEqual([])
    },
    1: ({ sim, s }) => {
      // "broker 3, the leader of logs-0, rolled a new segment at offset 1007 (segment.bytes reached), and broker 1 did the same for logs-1"
      const rolls = notesOf(sim, 'SegmentRolled')
      expect(rolls.find((n) => n.partition === 0)).toMatchObject({ broker: 3, topic: 'logs', baseOffset: 1007, reason: 'segment.bytes' })
      expect(rolls.find((n) => n.partition === 1)).toMatchObject({ broker: 1, topic: 'logs', reason: 'segment.bytes' })
      expect(part(s, 'logs-0').leader).toBe(3)
      expect(part(s, 'logs-1').leader).toBe(1)
      // "Nothing was deleted: the log start offset is still 0"
      for (const tp of LOGS) {
        expect(part(s, tp).segments).toBe(2)
        expect(part(s, tp).logStartOffset).toBe(0)
      }
      expect(notesOf(sim, 'SegmentsDeleted')).toEqual([])
    },
    2: ({ sim, s }) => {
      const rolls = notesOf(sim, 'SegmentRolled').filter((n) => n.partition === 0)
      // "about every 10 s per partition"; "its newest record was written at about 11 s"
      expect(rolls.length).toBeGreaterThanOrEqual(6)
      expect(Math.abs(rolls[0].atMs - 11_000)).toBeLessThan(1_000)
      const meanGap = (rolls.at(-1)!.atMs - rolls[0].atMs) / (rolls.length - 1)
      expect(Math.abs(meanGap - 10_000)).toBeLessThan(1_000)
      // the first deletion is the pass at 75 s: logs-0's first segment, whole, by retention.ms
      const deleted = notesOf(sim, 'SegmentsDeleted')
      expect(deleted.length).toBeGreaterThan(0)
      expect(Math.min(...deleted.map((n) => n.atMs))).toBe(75_000)
      expect(deleted.find((n) => n.partition === 0)).toMatchObject({ atMs: 75_000, broker: 3, segments: 1, records: 1007, cause: 'retention.ms', logStartOffset: 1007 })
      // "the log start offset is now 1007, on every replica"
      for (const tp of LOGS) {
        expect(part(s, tp).logStartOffset).toBe(1007)
        expect(replicaLogStarts(sim, tp)).toEqual([1007, 1007, 1007])
      }
      // "the next segment's first records are older than a minute too, yet they stay": offset 1007
      // (the first of that segment) was appended when logs-0 rolled, more than 60 s before the pass
      expect(rolls[0].baseOffset).toBe(part(s, 'logs-0').logStartOffset)
      expect(75_000 - rolls[0].atMs).toBeGreaterThan(60_000)
    },
    3: ({ sim, s, before }) => {
      // segment.bytes is back to 1 GiB: no roll since; the pass at 90 s still deletes closed segments
      expect(notesOf(sim, 'TopicConfigChanged').at(-1)).toMatchObject({ atMs: SEGMENT_BYTES_RAISED_MS, topic: 'logs', config: [['segment.bytes', '1073741824']] })
      expect(notesOf(sim, 'SegmentRolled').filter((n) => n.atMs > SEGMENT_BYTES_RAISED_MS)).toEqual([])
      const at90 = notesOf(sim, 'SegmentsDeleted').filter((n) => n.atMs === 90_000)
      expect(at90.map((n) => n.partition).sort()).toEqual([0, 1])
      for (const tp of LOGS) expect(part(s, tp).logStartOffset).toBeGreaterThan(part(before!, tp).logStartOffset)
    },
    4: ({ sim, s, before }) => {
      // archive reads 40 records a second while about 200 arrive
      const totalLag = (x: Summary) => Object.values(group(x, 'archive').lag).reduce((a, b) => a + b, 0)
      expect(totalLag(s)).toBeGreaterThan(totalLag(before!))
      // "archive-1's fetch of logs-1 answered with OFFSET_OUT_OF_RANGE: its position was below the log start offset"
      const oor = notesOf(sim, 'OffsetOutOfRange')
      expect(oor.length).toBeGreaterThan(0)
      const first = oor[0]
      expect(first).toMatchObject({ consumer: 'archive-1', tp: 'logs-1', reset: 'earliest' })
      expect(first.atMs).toBeGreaterThan(90_500)
      expect(first.position).toBeLessThan(first.logStartOffset)
      // "went on from the log start": its position is at or past the log start offset now, and the
      // reset moved it forwards over records it never read
      const member = clusterView(sim).groups.find((g) => g.groupId === 'archive')!.members.find((m) => m.clientId === 'archive-1')!
      expect(member.positions['logs-1']).toBeGreaterThanOrEqual(part(s, 'logs-1').logStartOffset)
      expect(member.positions['logs-1']).toBeGreaterThan(first.logStartOffset - 1)
      // a reset by retention is not counted as lost or skipped by the checkers
      expect(s.checks.lostAckedWrites).toBe(0)
      expect(s.checks.skippedRecords ?? 0).toBe(0)
    },
    5: ({ sim, s }) => {
      // "the pass at 135 s deleted the last closed ones: each partition is now one active segment, from offset 7048"
      const rolls = notesOf(sim, 'SegmentRolled')
      for (const tp of LOGS) {
        const p = part(s, tp)
        expect(p.segments).toBe(1)
        expect(p.logStartOffset).toBe(7048)
        const segments = leaderSegments(sim, tp)
        expect(segments).toHaveLength(1)
        expect(segments[0]).toMatchObject({ baseOffset: 7048, active: true })
        // "its first records were written at about 72 s"
        const rolled = rolls.find((n) => `${n.topic}-${n.partition}` === tp && n.baseOffset === 7048)!
        expect(Math.abs(rolled.atMs - 72_500)).toBeLessThan(1_000)
        // its newest record is recent, so it is not old
        expect(sim.nowMs - segments[0].largestTimestamp).toBeLessThan(1_000)
      }
      expect(notesOf(sim, 'SegmentsDeleted').filter((n) => n.atMs === 135_000).map((n) => n.partition).sort()).toEqual([0, 1])
      // "Nothing was deleted" at 150 s, "though those records are now about 78 s old"
      expect(notesOf(sim, 'SegmentsDeleted').filter((n) => n.atMs > 135_000)).toEqual([])
      const rolledAt = rolls.find((n) => n.partition === 0 && n.baseOffset === 7048)!.atMs
      expect(Math.abs(sim.nowMs - rolledAt - 78_000)).toBeLessThan(1_500)
    },
    6: ({ sim, s }) => {
      // "both leaders rolling a new segment (segment.ms reached)"
      const byTime = notesOf(sim, 'SegmentRolled').filter((n) => n.atMs >= 150_500)
      expect(byTime.map((n) => [n.partition, n.reason]).sort()).toEqual([
        [0, 'segment.ms'],
        [1, 'segment.ms'],
      ])
      for (const tp of LOGS) {
        expect(part(s, tp).segments).toBe(2)
        expect(part(s, tp).logStartOffset).toBe(7048)
      }
    },
  },
  'idempotent-producer': {
    0: ({ sim }) => {
      expect(sim.world.producers['safe-payer'].idempotent).toBe(true)
      expect(sim.world.producers['legacy-payer'].idempotent).toBe(false)
    },
    1: ({ s }) => {
      expect(producer(s, 'safe-payer').errors.REQUEST_TIMED_OUT).toBeGreaterThan(0)
      expect(producer(s, 'legacy-payer').errors.REQUEST_TIMED_OUT).toBeGreaterThan(0)
      expect(s.checks.duplicates).toBeGreaterThan(0)
      const dups = s.checks.first.filter((a) => a.kind === 'duplicate')
      expect(dups.length).toBeGreaterThan(0)
      for (const a of dups) expect(a.detail).toContain('legacy-payer')
    },
    3: ({ s, before }) => {
      expect(producer(s, 'legacy-payer').acked).toBeGreaterThan(producer(before!, 'legacy-payer').acked)
      for (const a of s.checks.first) if (a.kind === 'duplicate') expect(a.detail).toContain('legacy-payer')
      expect(producer(s, 'safe-payer').acked).toBeGreaterThan(producer(before!, 'safe-payer').acked)
      expect(s.checks.lostAckedWrites).toBe(0)
    },
  },
  compaction: {
    0: ({ sim, s }) => {
      // "broker 3, the leader of users-0, rolls a new segment about every 5 s"; nothing cleaned yet
      expect(part(s, 'users-0').leader).toBe(3)
      const rolls = notesOf(sim, 'SegmentRolled')
      expect(rolls.map((n) => [n.broker, n.baseOffset, n.reason])).toEqual([
        [3, 257, 'segment.bytes'],
        [3, 514, 'segment.bytes'],
      ])
      expect(Math.abs(rolls[1].atMs - rolls[0].atMs - 5_000)).toBeLessThan(500)
      expect(notesOf(sim, 'LogCleaned')).toEqual([])
      // step 2 opens here: "offsets 0–594: two closed segments (0–256 and 257–513) and the active segment from 514"
      expect(part(s, 'users-0').highWatermark).toBe(595)
      expect(leaderSegments(sim, 'users-0').map((x) => [x.baseOffset, x.endOffset, x.active])).toEqual([
        [0, 257, false],
        [257, 514, false],
        [514, 595, true],
      ])
      expect(group(s, 'search-index').state).toBe('Stable')
    },
    1: ({ sim, s }) => {
      // "broker 3 compacted users-0 offsets 0..513 (dirty ratio 1), 510 older records removed"
      expect(notesOf(sim, 'LogCleaned')).toEqual([
        expect.objectContaining({ atMs: 15_000, broker: 3, topic: 'users', partition: 0, from: 0, to: 514, dirtyRatio: 1, removed: 510, tombstonesRemoved: 0 }),
      ])
      const records = logRecords(sim, 'users-0')!
      // "four records are left, the newest of each user, at offsets 510–513"
      const cleaned = records.filter((r) => r.offset < 514)
      expect(cleaned.map((r) => r.offset)).toEqual([510, 511, 512, 513])
      expect(cleaned.map((r) => r.key).sort()).toEqual(['user-1', 'user-2', 'user-3', 'user-4'])
      // "the active segment, from offset 514, was not touched"; "the log start offset is still 0"
      const active = records.filter((r) => r.offset >= 514)
      expect(active.map((r) => r.offset)).toEqual(Array.from({ length: part(s, 'users-0').highWatermark - 514 }, (_, i) => 514 + i))
      expect(part(s, 'users-0').logStartOffset).toBe(0)
      expect(leaderSegments(sim, 'users-0').at(-1)).toMatchObject({ baseOffset: 514, active: true })
      // "Brokers 1 and 2 cleaned their own replicas the same way"
      const cleanings = sim.world.history.removals.filter((r) => r.cause === 'compaction')
      expect(cleanings.map((r) => [r.atMs, r.broker]).sort()).toEqual([
        [15_000, 1],
        [15_000, 2],
        [15_000, 3],
      ])
      for (const b of [1, 2, 3]) expect(sim.world.brokers[String(b)].replicas['users-0'].cleanOffset).toBe(514)
    },
    2: ({ sim, s }) => {
      // "At 20 s a new user, user-9, signs up"
      expect(notesOf(sim, 'ActionApplied').find((n) => n.action === 'produce')).toMatchObject({ atMs: 20_000 })
      // "broker 3 compacted users-0 offsets 0..1285 (dirty ratio 0.99), 771 older records removed"
      expect(notesOf(sim, 'LogCleaned').at(-1)).toMatchObject({ atMs: 30_000, from: 0, to: 1286, dirtyRatio: 0.99, removed: 771 })
      // "the clean part is the four records kept at 15 s, about 16 KB; the dirty part is the three
      // segments closed since, about 3 MiB": the three segments rolled between the two passes
      const rolled = notesOf(sim, 'SegmentRolled').filter((n) => n.atMs > 15_000 && n.atMs < 30_000)
      expect(rolled.map((n) => n.baseOffset)).toEqual([771, 1029, 1286])
      const kept = leaderSegments(sim, 'users-0').find((x) => x.baseOffset === 1029)!
      expect(Math.round(kept.sizeBytes / 1024)).toBe(16) // the four records the pass at 30 s kept, like those of 15 s
      // "user-9's record, at offset 895, stays"
      expect(logRecords(sim, 'users-0')!.filter((r) => r.key === 'user-9')).toEqual([expect.objectContaining({ offset: 895, tombstone: false })])
      expect(part(s, 'users-0').logStartOffset).toBe(0)
    },
    3: ({ sim }) => {
      // "accounts sends it just after the pass at 45 s"
      const notes = runNotes(sim)
      const at45 = notes.filter((n) => n.atMs === 45_000 && (n.type === 'LogCleaned' || (n.type === 'ActionApplied' && n.action === 'produce'))).map((n) => n.type)
      expect(at45).toEqual(['LogCleaned', 'ActionApplied'])
      // "the pass at 60 s removed 772 older records, one more than the passes before: user-9's sign-up at offset 895"
      const cleaned = notesOf(sim, 'LogCleaned')
      expect(cleaned.map((n) => [n.atMs, n.removed])).toEqual([
        [15_000, 510],
        [30_000, 771],
        [45_000, 771],
        [60_000, 772],
      ])
      const user9 = logRecords(sim, 'users-0')!.filter((r) => r.key === 'user-9')
      expect(user9).toEqual([expect.objectContaining({ offset: 2146, tombstone: true })])
      // "stamps its batch with a delete horizon: now plus delete.retention.ms, here 30 s ... so 90 s"
      const log = sim.world.brokers['3'].replicas['users-0'].log
      const batch = batchesOf(log).find((b) => b.baseOffset <= 2146 && 2146 < b.baseOffset + b.count)!
      expect(batch.deleteHorizonMs).toBe(90_000)
    },
    4: ({ sim, s }) => {
      // search-index-1 left (LeaveGroup): the group is Empty
      expect(group(s, 'search-index').state).toBe('Empty')
      expect(notesOf(sim, 'ConsumerClosed').map((n) => n.member)).toEqual(['search-index-1'])
    },
    5: ({ sim, s }) => {
      // the reset to the earliest offset, 0, then search-index-2
      expect(notesOf(sim, 'OffsetsReset')).toEqual([expect.objectContaining({ atMs: 61_000, groupId: 'search-index', offsets: [['users-0', 0]] })])
      const g = group(s, 'search-index')
      expect(g.state).toBe('Stable')
      expect(g.members).toEqual({ 'search-index-2': ['users-0'] })
      // "got its partition at 64 s, after group.initial.rebalance.delay.ms (3 s)"
      const got = notesOf(sim, 'AssignmentReceived').filter((n) => n.member === 'search-index-2')
      expect(got).toHaveLength(1)
      expect(Math.floor(got[0].atMs / 1000)).toBe(64)
      // it started from offset 0, then read to the log end at once
      const resets = sim.world.history.reads['search-index-2|users-0'].resets
      expect(resets.slice(1, 2)).toEqual([0])
      expect(Math.floor(resets[0] / 1000)).toBe(64)
      // "the Groups tab shows CURRENT-OFFSET 3348 and LAG 49"
      expect(g.committed).toEqual({ 'users-0': 3348 })
      expect(g.lag).toEqual({ 'users-0': 49 })
      // "Below 2829 it read five records: user-9's tombstone, then each user's newest profile"
      const below = logRecords(sim, 'users-0', { fromOffset: 0 })!.filter((r) => r.offset < 2829)
      expect(below.map((r) => [r.offset, r.key, r.tombstone])).toEqual([
        [2146, 'user-9', true],
        [2825, 'user-4', false],
        [2826, 'user-1', false],
        [2827, 'user-2', false],
        [2828, 'user-3', false],
      ])
      // "From 2829 on it read every record"
      const rest = logRecords(sim, 'users-0', { fromOffset: 2829 })!
      expect(rest.length).toBe(part(s, 'users-0').highWatermark - 2829)
    },
    6: ({ sim }) => {
      // "the pass at 75 s removed 771 older records, the pass at 90 s 772, 1 past delete.retention.ms among them"
      const cleaned = notesOf(sim, 'LogCleaned').filter((n) => n.atMs > 60_000)
      expect(cleaned.map((n) => [n.atMs, n.removed, n.tombstonesRemoved])).toEqual([
        [75_000, 771, 0],
        [90_000, 772, 1],
      ])
      expect(formatEvent(cleaned[1], 'en')).toContain('1 past delete.retention.ms among them')
      expect(formatEvent(cleaned[1], 'ko')).toContain('그중 delete.retention.ms가 지난 툼스톤 1개')
      // "No record of user-9 is left"
      expect(logRecords(sim, 'users-0')!.some((r) => r.key === 'user-9')).toBe(false)
    },
    7: ({ sim, s }) => {
      expect(notesOf(sim, 'TopicConfigChanged').at(-1)).toMatchObject({ atMs: 90_500, topic: 'users', config: [['min.compaction.lag.ms', '30000']] })
      // "no compaction at 105 s or at 120 s"; at 135 s "offsets 0..5141 only"
      const cleaned = notesOf(sim, 'LogCleaned').filter((n) => n.atMs > 90_000)
      expect(cleaned.map((n) => [n.atMs, n.to])).toEqual([[135_000, 5142]])
      // "the oldest dirty segment (offsets 4371–4627) got its newest record at about 94.6 s": the log rolled past it then
      const rolls = notesOf(sim, 'SegmentRolled')
      const closed = rolls.find((n) => n.baseOffset === 4628)!
      expect(Math.abs(closed.atMs - 94_600)).toBeLessThan(100)
      expect(120_000 - closed.atMs).toBeLessThan(30_000)
      // "though the active segment starts at 6427: the five closed segments from 5142 on got records after 105 s"
      const segments = leaderSegments(sim, 'users-0')
      expect(segments.at(-1)).toMatchObject({ baseOffset: 6427, active: true })
      const young = segments.filter((x) => x.baseOffset >= 5142 && !x.active)
      expect(young).toHaveLength(5)
      for (const x of young) expect(x.largestTimestamp).toBeGreaterThan(105_000)
      expect(rolls.find((n) => n.baseOffset === 5142)!.atMs).toBeLessThanOrEqual(105_000)
      expect(s.checks.compactionLostLatest).toBe(0)
      // "The pass at 150 s takes the next two, as they turn 30 s old"
      const later = restoreSimulation(sim.snapshot())
      later.runUntil(150_000)
      expect(notesOf(later, 'LogCleaned').at(-1)).toMatchObject({ atMs: 150_000, to: 5656 })
    },
  },
  'time-and-replay': {
    0: ({ sim, s }) => {
      expect(group(s, 'analytics').state).toBe('Stable')
      // CreateTime: every batch in the leader's log carries the producer's create time, no later than
      // the leader appended it; its maxTimestamp is its newest record's
      const p = part(s, 'orders-0')
      const log = sim.world.brokers[String(p.leader)].replicas['orders-0'].log
      expect(log.length).toBeGreaterThan(0)
      for (const b of batchesOf(log)) {
        expect(b.timestampType).toBe('CreateTime')
        expect(b.firstTimestamp).toBeLessThanOrEqual(b.maxTimestamp)
        expect(b.maxTimestamp).toBeLessThanOrEqual(b.appendedMs)
      }
      // "its LAG stays small"
      for (const lag of Object.values(group(s, 'analytics').lag)) expect(lag).toBeLessThan(60)
    },
    1: ({ sim, s }) => {
      expect(group(s, 'analytics').state).toBe('Empty')
      expect(notesOf(sim, 'ConsumerClosed').map((n) => [n.member, Math.floor(n.atMs / 1000)])).toEqual([
        ['analytics-1', 90],
        ['analytics-2', 90],
      ])
      committedAt90 = group(s, 'analytics').committed
      expect(Object.values(committedAt90).every((o) => o > 0)).toBe(true)
    },
    2: ({ s }) => {
      // "CURRENT-OFFSET is 0 on all four partitions, and LAG equals LOG-END-OFFSET (850 on orders-0)"
      const g = group(s, 'analytics')
      expect(Object.values(g.committed)).toEqual([0, 0, 0, 0])
      for (const tp of Object.keys(g.lag)) expect(g.lag[tp]).toBe(part(s, tp).highWatermark)
      expect(g.lag['orders-0']).toBe(850)
    },
    3: ({ sim }) => {
      // "offsets reset to orders-0=306, orders-1=392, orders-2=271, orders-3=347"
      const reset = notesOf(sim, 'OffsetsReset').at(-1)!
      expect(reset).toMatchObject({ atMs: 95_000, groupId: 'analytics' })
      expect(reset.offsets).toEqual([
        ['orders-0', 306],
        ['orders-1', 392],
        ['orders-2', 271],
        ['orders-3', 347],
      ])
      // each is the first offset whose timestamp is at or after 35 s
      for (const [tp, offset] of reset.offsets) {
        const [previous, first] = logRecords(sim, tp, { fromOffset: offset - 1, maxRecords: 2 })!
        expect(previous.offset).toBe(offset - 1)
        expect(previous.timestamp).toBeLessThan(35_000)
        expect(first.offset).toBe(offset)
        expect(first.timestamp).toBeGreaterThanOrEqual(35_000)
      }
      // the Console's kafka-get-offsets at now − 60 s is --time 35000 here, and prints the same offsets
      expect(sim.nowMs - 60_000).toBe(35_000)
      const printed = kafkaGetOffsets(sim, { topic: 'orders', time: sim.nowMs - 60_000 }).stdout.trim().split('\n')
      expect(printed).toEqual(reset.offsets.map(([tp, o]) => `orders:${tp.slice('orders-'.length)}:${o}`))
      // a time after every record finds nothing: no line
      expect(kafkaGetOffsets(sim, { topic: 'orders', time: sim.nowMs + 1_000 }).stdout.trim()).toBe('')
      // "LAG started at the orders since 35 s (577 on orders-0)": once the reset is written
      const after = restoreSimulation(sim.snapshot())
      after.runUntil(95_100)
      expect(group(after.summary(), 'analytics').lag['orders-0']).toBe(577)
    },
    4: ({ sim, s }) => {
      const g = group(s, 'analytics')
      expect(g.state).toBe('Stable')
      expect(g.generation).toBe(3)
      // the members started reading at the reset offsets, ListOffsets for 35 s
      const reset = Object.fromEntries(notesOf(sim, 'OffsetsReset').at(-1)!.offsets)
      for (const [member, tps] of Object.entries(g.members)) {
        for (const tp of tps) {
          const resets = sim.world.history.reads[`${member}|${tp}`].resets
          expect(resets[0]).toBeGreaterThan(100_000)
          expect(resets[1]).toBe(reset[tp])
        }
      }
      // "down to a few dozen by 110 s"
      for (const lag of Object.values(g.lag)) expect(lag).toBeLessThan(40)
      // "The orders from 35 s to 90 s were read twice; those before 35 s were not read again"
      const twice = Object.keys(reset).reduce((n, tp) => n + committedAt90[tp] - reset[tp], 0)
      expect(s.checks.redeliveries).toBe(twice)
      // audit's Polled around its restart, as the inspector shows it
      const around = restoreSimulation(sim.snapshot())
      around.runUntil(119_999)
      auditPolled.before = reader(around.summary(), 'audit').polled
      around.runUntil(121_100)
      auditPolled.after = reader(around.summary(), 'audit').polled
    },
    5: ({ sim, s }) => {
      // "When it first started, at about 2 s ... ListOffsets answered -1, and audit started at the log end (offset 0 then)"
      const start = kafkaGetOffsets(sim, { topic: 'orders', time: 60_000 }).stdout.trim().split('\n')
      expect(start).toEqual(['orders:0:533', 'orders:1:728', 'orders:2:467', 'orders:3:588'])
      for (const line of start) {
        const tp = `orders-${line.split(':')[1]}`
        const resets = sim.world.history.reads[`audit|${tp}`].resets
        expect(resets).toHaveLength(4)
        expect(resets[0]).toBeLessThan(3_000)
        expect(resets[1]).toBe(0)
        expect(logRecords(sim, tp, { maxRecords: 1 })![0].timestamp).toBeLessThan(60_000)
        // restarted at 120 s, back at 121 s: from the first record at or after 60 s
        expect(Math.floor(resets[2] / 1000)).toBe(121)
        expect(resets[3]).toBe(Number(line.split(':')[2]))
      }
      // "audit's Polled went from 4716 before the restart to 7160 just after it"
      expect(auditPolled).toEqual({ before: 4716, after: 7160 })
      expect(reader(s, 'audit').polled).toBeGreaterThan(7160)
    },
  },
}

/**
 * What the last step's "try this" list tells the learner to do, done on the run as the lesson left
 * it, and what the list says (or asks about) checked on the model.
 */
const tryThis: Record<string, (sim: Simulation, act: (a: object) => void) => void> = {
  'unclean-election': (sim, act) => {
    const lost = sim.summary().checks.lostAckedWrites
    act({ action: 'crashBroker', broker: 2 })
    sim.runUntil(sim.nowMs + 20_000)
    const s = sim.summary()
    // broker 1 is back in both ISRs, so both partitions get broker 1 as leader, cleanly: nothing new is lost
    expect(part(s, 'orders-0').leader).toBe(1)
    expect(part(s, 'clicks-0').leader).toBe(1)
    expect(s.checks.lostAckedWrites).toBe(lost)
  },
  controller: (sim, act) => {
    expect(String(sim.summary().controller.active)).toBe('2')
    const before = sim.summary().controller.epoch
    const crashedAt = sim.nowMs
    act({ action: 'crashBroker', broker: 2 })
    sim.runUntil(sim.nowMs + 5_000)
    const elected = sim.summary().controller
    expect(['1', '3']).toContain(String(elected.active))
    expect(elected.epoch).toBeGreaterThan(before)
    sim.runUntil(sim.nowMs + 10_000) // broker.session.timeout.ms is 9 s
    expect(sim.summary().brokers.find((b) => b.id === 2)!.state).toBe('crashed')
    expect(runNotes(sim).some((e) => e.type === 'BrokerFenced' && e.broker === 2 && e.atMs > crashedAt)).toBe(true)
    act({ action: 'crashBroker', broker: Number(elected.active) })
    sim.runUntil(sim.nowMs + 20_000)
    expect(sim.summary().controller.active).toBe(-1)
  },
  'retention-and-segments': (sim) => {
    // "the Log start of every replica, followers too, moved up"
    for (const tp of LOGS) expect(new Set(replicaLogStarts(sim, tp))).toEqual(new Set([7048]))
    // "search for logs-1: its rolls, its deleted segments and archive-1's OFFSET_OUT_OF_RANGE, in order"
    // (the Events tab's search matches the event's text in the learner's language)
    for (const lang of ['en', 'ko'] as const) {
      const found = runNotes(sim).filter((n) => formatEvent(n, lang).includes('logs-1'))
      const types = found.map((n) => n.type)
      expect(types).toContain('SegmentRolled')
      expect(types).toContain('SegmentsDeleted')
      expect(found.filter((n) => n.type === 'OffsetOutOfRange').map((n) => formatEvent(n, lang))).toEqual([expect.stringContaining('OFFSET_OUT_OF_RANGE')])
      expect(found.map((n) => n.atMs)).toEqual([...found.map((n) => n.atMs)].sort((a, b) => a - b))
    }
    // "at 225 s, after this run ends": the same run carried on past the scenario's three minutes
    const json = scenarioJson(retention) as { durationMs: number }
    const longer = createSimulation(parseScenario({ ...json, durationMs: 240_000 }), { seed: retention.seed })
    longer.runUntil(lessonStartMs(retention, json.durationMs))
    for (const step of retention.steps) {
      if (step.atMs !== undefined) longer.runUntil(step.atMs)
      for (const a of step.actions ?? []) longer.apply(validated(retention, { ...a, atMs: longer.nowMs }))
      if (step.playUntilMs !== undefined) longer.runUntil(step.playUntilMs)
    }
    longer.runUntil(240_000)
    const later = notesOf(longer, 'SegmentsDeleted').filter((n) => n.atMs > 135_000)
    expect(later.map((n) => [n.atMs, n.partition, n.segments, n.logStartOffset]).sort()).toEqual([
      [225_000, 0, 1, notesOf(longer, 'SegmentRolled').find((n) => n.partition === 0 && n.reason === 'segment.ms')!.baseOffset],
      [225_000, 1, 1, notesOf(longer, 'SegmentRolled').find((n) => n.partition === 1 && n.reason === 'segment.ms')!.baseOffset],
    ])
    // the built-in scenario the list names: its rolls by segment.ms at 120 s and the deletion at 150 s
    expect(retention.tryThis[2].en).toContain(builtInName('active-segment-kept', 'en'))
    expect(retention.tryThis[2].ko).toContain(builtInName('active-segment-kept', 'ko'))
    const kept = createSimulation(parseScenario(builtInScenarios['active-segment-kept']))
    kept.runUntil(150_500)
    const roll = notesOf(kept, 'SegmentRolled')
    expect(roll).toHaveLength(1)
    expect(roll[0].reason).toBe('segment.ms')
    expect(Math.floor(roll[0].atMs / 1000)).toBe(120)
    expect(notesOf(kept, 'SegmentsDeleted').map((n) => [n.atMs, n.logStartOffset])).toEqual([[150_000, roll[0].baseOffset]])
  },
  compaction: (sim, act) => {
    // "search for users-0: one compaction after another, each with its offsets, its dirty ratio and the records it removed"
    for (const lang of ['en', 'ko'] as const) {
      const found = runNotes(sim).filter((n) => n.type === 'LogCleaned' && formatEvent(n, lang).includes('users-0'))
      expect(found.map((n) => n.atMs)).toEqual([15_000, 30_000, 45_000, 60_000, 75_000, 90_000, 135_000])
      for (const n of found) expect(formatEvent(n, lang)).toMatch(lang === 'en' ? /offsets \d+\.\.\d+ \(dirty ratio [\d.]+\): \d+ older records removed/ : /오프셋 \d+\.\.\d+ 컴팩션 \(dirty 비율 [\d.]+\), 오래된 레코드 \d+개 제거/)
    }
    // "the built-in scenario the list names: late-cache reads from the earliest offset at 120 s and
    // finds the newest price of each of six symbols"
    expect(compaction.tryThis[2].en).toContain(builtInName('compaction-latest-per-key', 'en'))
    expect(compaction.tryThis[2].ko).toContain(builtInName('compaction-latest-per-key', 'ko'))
    const prices = createSimulation(parseScenario(builtInScenarios['compaction-latest-per-key']))
    prices.runUntil(125_000)
    const cleaned = notesOf(prices, 'LogCleaned').filter((n) => n.atMs <= 120_000).at(-1)!
    expect(cleaned.atMs).toBe(120_000)
    const keys = logRecords(prices, 'prices-0')!.filter((r) => r.offset < cleaned.to).map((r) => r.key)
    expect([...keys].sort()).toEqual(['AAPL', 'AMZN', 'GOOG', 'MSFT', 'NVDA', 'TSLA'])
    const resets = prices.world.history.reads['late-cache-1|prices-0'].resets
    expect(resets[1]).toBe(0)
    expect(resets[0]).toBeGreaterThan(120_000)
    // "Set min.compaction.lag.ms back to 0 and play on: the pass at 150 s cleans every closed segment, up to the active one"
    act({ action: 'setTopicConfig', topic: 'users', config: { 'min.compaction.lag.ms': 0 } })
    sim.runUntil(150_000)
    const last = notesOf(sim, 'LogCleaned').at(-1)!
    expect(last.atMs).toBe(150_000)
    const active = leaderSegments(sim, 'users-0').at(-1)!
    expect(active.active).toBe(true)
    // the segment rolled at the pass or after it is the only one not cleaned
    const rolledSince = notesOf(sim, 'SegmentRolled').filter((n) => n.atMs > 150_000)
    expect(rolledSince).toEqual([])
    expect(last.to).toBe(active.baseOffset)
  },
  'time-and-replay': (sim, act) => {
    // "set message.timestamp.type to LogAppendTime: a batch written after that has the time the leader appended it"
    act({ action: 'setTopicConfig', topic: 'orders', config: { 'message.timestamp.type': 'LogAppendTime' } })
    const from = sim.nowMs
    sim.runUntil(from + 2_000)
    const leader = part(sim.summary(), 'orders-0').leader
    const newer = batchesOf(sim.world.brokers[String(leader)].replicas['orders-0'].log).filter((b) => b.appendedMs > from + 100)
    expect(newer.length).toBeGreaterThan(0)
    for (const b of newer) {
      expect(b.timestampType).toBe('LogAppendTime')
      expect(b.maxTimestamp).toBe(b.appendedMs)
    }
    // "the same group reset --to-earliest replays the whole topic"
    expect(replay.tryThis[1].en).toContain(builtInName('replay-by-reset-offsets', 'en'))
    expect(replay.tryThis[1].ko).toContain(builtInName('replay-by-reset-offsets', 'ko'))
    const earliest = createSimulation(parseScenario(builtInScenarios['replay-by-reset-offsets']))
    earliest.runUntil(36_000)
    expect(Object.values(group(earliest.summary(), 'analytics').committed)).toEqual([0, 0, 0, 0])
    // kafka-consumer-groups --describe shows CURRENT-OFFSET
    expect(kafkaConsumerGroupsDescribe(sim, 'analytics').stdout).toContain('CURRENT-OFFSET')
  },
  'idempotent-producer': (sim) => {
    // "Previous back to step 2, Free play": the run as step 2 found it, then safe-payer with acks=1
    const duplicatesOf = (who: string) =>
      (sim.summary().checks.grouped ?? []).filter((g) => g.kind === 'duplicate' && g.producers.includes(who)).reduce((n, g) => n + g.count, 0)
    const replay = createSimulation(parseScenario(scenarioJson(idempotent)), { seed: idempotent.seed })
    replay.runUntil(idempotent.steps[0].playUntilMs!)
    replay.apply({ atMs: replay.nowMs, action: 'setProducerConfig', producer: 'safe-payer', config: { acks: '1', 'enable.idempotence': false } })
    replay.runUntil(sim.nowMs)
    expect(duplicatesOf('safe-payer')).toBe(0)
    expect(duplicatesOf('legacy-payer')).toBeGreaterThan(0)
    const replayed = (replay.summary().checks.grouped ?? []).filter((g) => g.kind === 'duplicate' && g.producers.includes('safe-payer'))
    expect(replayed.reduce((n, g) => n + g.count, 0)).toBeGreaterThan(0)
  },
}

/** The action as the app's act() checks it: added to the scenario's timeline and parsed. */
/** An action as the app's act() checks it: with the scenario's timeline and what was applied before (`earlier`: the run's interventions so far). */
function validated(lesson: Lesson, action: object & { atMs: number }, earlier: readonly { atMs: number }[] = []) {
  const json = scenarioJson(lesson) as { timeline?: { atMs: number }[] }
  const timeline = [...(json.timeline ?? []), ...earlier, action].sort((a, b) => a.atMs - b.atMs)
  const parsed = parseScenario({ ...json, timeline })
  return parsed.timeline[timeline.indexOf(action)]
}

function textsOf(step: LessonStep) {
  const out = [step.text]
  if (step.question) out.push(step.question.prompt, step.question.explain, ...step.question.choices)
  return out
}

describe('lessons 8–17', () => {
  it('are rows 8–17 of LESSONS.md, each with a unique id', () => {
    expect(lessons.map((l) => l.number)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17])
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length)
  })

  for (const lesson of lessons) {
    describe(`${lesson.number} ${lesson.id}`, () => {
      const scenario = parseScenario(scenarioJson(lesson))

      it('has 4–8 steps, a question, an automatic pause and texts in both languages', () => {
        expect(lesson.steps.length).toBeGreaterThanOrEqual(4)
        expect(lesson.steps.length).toBeLessThanOrEqual(8)
        expect(lesson.steps.some((s) => s.question)).toBe(true)
        expect(lesson.steps.some((s) => s.playUntilMs !== undefined)).toBe(true)
        for (const t of [lesson.title, lesson.summary, ...lesson.steps.flatMap(textsOf)]) {
          expect(t.en.trim()).not.toBe('')
          expect(t.ko.trim()).not.toBe('')
          expect(t.ko).toMatch(/[가-힣]/)
        }
        for (const s of lesson.steps) {
          if (!s.question) continue
          expect(s.question.choices.length).toBeGreaterThanOrEqual(2)
          expect(Number.isInteger(s.question.answer)).toBe(true)
          expect(s.question.answer).toBeGreaterThanOrEqual(0)
          expect(s.question.answer).toBeLessThan(s.question.choices.length)
        }
      })

      it('moves forward in time, within the scenario', () => {
        let t = 0
        for (const s of lesson.steps) {
          for (const at of [s.atMs, s.playUntilMs]) {
            if (at === undefined) continue
            expect(at).toBeGreaterThanOrEqual(t)
            expect(at).toBeLessThanOrEqual(scenario.durationMs)
            t = at
          }
        }
      })

      it('shows on the model what each step says', () => {
        const sim = createSimulation(scenario, { seed: lesson.seed })
        const produce: Moment['produce'] = []
        sim.observe((msg, _to, atMs) => {
          if (msg.api !== 'Produce') return
          const batches = (msg.batches ?? []) as { count: number }[]
          produce.push({ requests: 1, records: batches.reduce((a, b) => a + b.count, 0), at: atMs })
        })
        const stepChecks = checks[lesson.id] ?? {}
        expect(Object.keys(stepChecks).length).toBeGreaterThanOrEqual(3)
        let before: Summary | null = null
        // where the lesson runner opens the run before the first step (the cluster is up)
        sim.runUntil(lessonStartMs(lesson, scenario.durationMs))
        lesson.steps.forEach((step, i) => {
          if (step.atMs !== undefined) sim.runUntil(step.atMs)
          // validated like the app's act(): as a scenario file's timeline action at this moment
          for (const a of step.actions ?? []) sim.apply(validated(lesson, { ...a, atMs: sim.nowMs }, sim.world.interventions))
          if (step.playUntilMs !== undefined) sim.runUntil(step.playUntilMs)
          const check = stepChecks[i]
          if (!check) return
          const s = sim.summary()
          check({ sim, s, produce, before })
          before = s
        })
        tryThis[lesson.id]?.(sim, (a) => sim.apply(validated(lesson, { ...a, atMs: sim.nowMs }, sim.world.interventions)))
      })
    })
  }
})
