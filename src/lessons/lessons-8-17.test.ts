// Keeps lessons 8–17 true to the model: each lesson's scenario runs headless the way the lesson
// engine plays it (seek to atMs, apply the step's actions, play to playUntilMs), and after each key
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
} from '../../sim/index.ts'
import type { Lesson, LessonStep } from './types.ts'
import { lesson as isrAcks } from './content/08-isr-acks.ts'
import { lesson as unclean } from './content/09-unclean-election.ts'
import { lesson as controller } from './content/10-controller.ts'
import { lesson as coordinator } from './content/11-group-coordinator.ts'
import { lesson as scaling } from './content/12-scaling-out.ts'
import { lesson as batching } from './content/13-batching.ts'
import { lesson as idempotent } from './content/16-idempotent-producer.ts'
import { lesson as replay } from './content/17-time-and-replay.ts'

const lessons: Lesson[] = [isrAcks, unclean, controller, coordinator, scaling, batching, idempotent, replay]

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
  it('are rows 8–13, 16 and 17 of LESSONS.md, each with a unique id', () => {
    expect(lessons.map((l) => l.number)).toEqual([8, 9, 10, 11, 12, 13, 16, 17])
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
