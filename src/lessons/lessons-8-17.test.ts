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
import { lesson as idempotent } from './content/16-idempotent-producer.ts'
import { lesson as replay } from './content/17-time-and-replay.ts'

const lessons: Lesson[] = [isrAcks, unclean, controller, coordinator, scaling, batching, retention, idempotent, replay]

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
  const log = partitionLogs(sim, 'logs').find((l) => l.tp === tp)!
  return log.lanes.find((lane) => lane.broker === log.leader)!.segments
}
const LOGS = ['logs-0', 'logs-1']
/** Lesson 14 sets segment.bytes back to the default when its step 4 opens: where step 3 paused. */
const SEGMENT_BYTES_RAISED_MS = retention.steps[2].playUntilMs!

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
      expect(part(s, 'orders-0').isr).toEqual([1])
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
      expect(Object.values(g.members).map((ps) => ps.length)).toEqual([1, 1, 1])
    },
    1: ({ s }) => {
      const g = group(s, 'billing')
      expect(g.state).toBe('Stable')
      expect(Object.keys(g.members)).toHaveLength(4)
      expect(Object.values(g.members).filter((ps) => ps.length === 0)).toHaveLength(1)
    },
    2: ({ sim, s }) => {
      const g = group(s, 'billing')
      expect(s.partitions.filter((p) => p.topic === 'orders')).toHaveLength(6)
      expect(g.state).toBe('Stable')
      expect(Object.values(g.members).every((ps) => ps.length > 0)).toBe(true)
      const keys = sim.world.producers.checkout.poolKeys
      expect(keys.filter((k) => partitionForKey(k, 3) !== partitionForKey(k, 6)).length).toBeGreaterThan(keys.length / 3)
      expect(leaderLeo(s, 'orders-5')).toBeGreaterThan(0)
      expect(leadersPerBroker(s, 'orders')).toEqual({ 1: 2, 2: 2, 3: 2 })
    },
    3: ({ s }) => {
      expect(leadersPerBroker(s, 'orders')[2] ?? 0).toBe(0)
      expect(leadersPerBroker(s, 'orders')[3]).toBe(4)
    },
    4: ({ s }) => {
      for (const p of s.partitions.filter((x) => x.topic === 'orders')) expect(p.isr).toContain(2)
      expect(leadersPerBroker(s, 'orders')[2] ?? 0).toBe(0)
    },
    5: ({ s }) => {
      expect(leadersPerBroker(s, 'orders')).toEqual({ 1: 2, 2: 2, 3: 2 })
      for (const p of s.partitions.filter((x) => x.topic === 'orders')) expect(p.leader).toBe(p.replicas[0])
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
  'time-and-replay': {
    0: ({ sim, s }) => {
      expect(group(s, 'analytics').state).toBe('Stable')
      // every batch in the leader's log carries a create time no later than now, in append order
      const p = part(s, 'orders-0')
      const log = sim.world.brokers[String(p.leader)].replicas['orders-0'].log
      expect(log.length).toBeGreaterThan(0)
      for (const b of batchesOf(log)) expect(b.firstTimestamp).toBeLessThanOrEqual(b.appendedMs)
    },
    1: ({ s }) => {
      expect(group(s, 'analytics').state).toBe('Empty')
      expect(Object.values(group(s, 'analytics').committed).every((o) => o > 0)).toBe(true)
    },
    2: ({ s }) => {
      const g = group(s, 'analytics')
      expect(Object.values(g.committed)).toEqual([0, 0, 0, 0])
      for (const tp of Object.keys(g.lag)) expect(g.lag[tp]).toBe(part(s, tp).highWatermark)
    },
    3: ({ s }) => {
      const g = group(s, 'analytics')
      expect(g.state).toBe('Stable')
      expect(g.generation).toBe(3)
      expect(s.checks.redeliveries).toBeGreaterThan(0)
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
function validated(lesson: Lesson, action: object & { atMs: number }) {
  const json = scenarioJson(lesson) as { timeline?: { atMs: number }[] }
  const timeline = [...(json.timeline ?? []), action].sort((a, b) => a.atMs - b.atMs)
  const parsed = parseScenario({ ...json, timeline })
  return parsed.timeline[timeline.indexOf(action)]
}

function textsOf(step: LessonStep) {
  const out = [step.text]
  if (step.question) out.push(step.question.prompt, step.question.explain, ...step.question.choices)
  return out
}

describe('lessons 8–17', () => {
  it('are rows 8–14, 16 and 17 of LESSONS.md, each with a unique id', () => {
    expect(lessons.map((l) => l.number)).toEqual([8, 9, 10, 11, 12, 13, 14, 16, 17])
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
          for (const a of step.actions ?? []) sim.apply(validated(lesson, { ...a, atMs: sim.nowMs }))
          if (step.playUntilMs !== undefined) sim.runUntil(step.playUntilMs)
          const check = stepChecks[i]
          if (!check) return
          const s = sim.summary()
          check({ sim, s, produce, before })
          before = s
        })
        tryThis[lesson.id]?.(sim, (a) => sim.apply(validated(lesson, { ...a, atMs: sim.nowMs })))
      })
    })
  }
})
