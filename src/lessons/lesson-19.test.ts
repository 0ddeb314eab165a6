// Keeps lesson 19 (share groups, KIP-932) true to the model: its scenario runs headless the way the
// lesson engine plays it, and at each key moment the test asserts what the step tells the learner.

import { describe, expect, it } from 'vitest'
import { builtInScenarios, clusterView, createSimulation, kafkaShareGroupsDescribe, parseScenario, partitionLogs, shareEvents, type ShareHistoryEvent, type Simulation } from '../../sim/index.ts'
import { lessonStartMs } from './check.ts'
import { lesson } from './content/19-queues-share-groups.ts'

const scenario = parseScenario(builtInScenarios['share-group-queue'])

type ShareAcquired = Extract<ShareHistoryEvent, { kind: 'acquired' }>
type ShareAcknowledged = Extract<ShareHistoryEvent, { kind: 'acknowledged' }>

function card(sim: Simulation) {
  return clusterView(sim).shareGroups.find((g) => g.groupId === 'workers')!
}

function audit(sim: Simulation) {
  return clusterView(sim).groups.find((g) => g.groupId === 'audit')!
}

/** Partitions each live member of workers is assigned, by client id. */
function assigned(sim: Simulation): Record<string, string[]> {
  return Object.fromEntries(card(sim).members.filter((m) => m.up).map((m) => [m.clientId, m.assignment]))
}

/** The share window of workers on a partition of jobs, as the partition log draws it. */
function shareWindow(sim: Simulation, tp: string) {
  return partitionLogs(sim, 'jobs').find((l) => l.tp === tp)!.shares.find((s) => s.groupId === 'workers')!
}

function cell(sim: Simulation, tp: string, offset: number) {
  return shareWindow(sim, tp).cells.find((c) => c.offset === offset)
}

function partition(sim: Simulation, tp: string) {
  return clusterView(sim).partitions.find((p) => p.tp === tp)!
}

/** Records the leader has but never handed to a member of workers yet: beyond SPEO. */
function notDelivered(sim: Simulation, tp: string): number {
  return partition(sim, tp).logEndOffset - shareWindow(sim, tp).endOffset - 1
}

function acquisitionsOf(sim: Simulation, tp: string, offset: number): ShareAcquired[] {
  return shareEvents(sim.world.history.shares).filter((e): e is ShareAcquired => e.kind === 'acquired' && e.tp === tp && e.first <= offset && offset <= e.last)
}

function answeredAcksOf(sim: Simulation, tp: string, offset: number): ShareAcknowledged[] {
  return shareEvents(sim.world.history.shares).filter((e): e is ShareAcknowledged => e.kind === 'acknowledged' && e.error === 'NONE' && e.tp === tp && e.first <= offset && offset <= e.last)
}

/** Seconds as the lesson writes them: one decimal. */
const s1 = (ms: number) => (ms / 1000).toFixed(1)

describe('lesson 19: queues in Kafka, share groups (KIP-932)', () => {
  it('is row 19 of LESSONS.md, on the share-group-queue scenario, in both languages', () => {
    expect(lesson.number).toBe(19)
    expect(lesson.scenario).toEqual({ builtIn: 'share-group-queue' })
    expect(lesson.steps.length).toBeGreaterThanOrEqual(4)
    expect(lesson.steps.length).toBeLessThanOrEqual(8)
    const questions = lesson.steps.filter((s) => s.question)
    expect(questions.length).toBeGreaterThanOrEqual(1)
    expect(questions.length).toBeLessThanOrEqual(2)
    for (const s of lesson.steps) {
      expect(s.text.ko).toMatch(/[가-힣]/)
      if (s.question) expect(s.question.why).toHaveLength(s.question.choices.length)
    }
    // the concepts of LESSONS.md row 19, by Kafka's names, in both languages
    const all = JSON.stringify(lesson)
    for (const name of ['ACQUIRED', 'ACKNOWLEDGED', 'ARCHIVED', 'RELEASE', 'group.share.delivery.count.limit', 'group.share.record.lock.duration.ms', 'group.share.session.timeout.ms', 'SPSO']) expect(all).toContain(name)
    const ko = lesson.steps.map((s) => s.text.ko).join(' ')
    for (const word of ['셰어 그룹', '전달 횟수', '메시지 브로커', '이벤트 브로커', '큐']) expect(ko).toContain(word)
  })

  it('runs on the scenario the steps describe', () => {
    expect(scenario.topics.find((t) => t.name === 'jobs')).toMatchObject({ partitions: 2, replicationFactor: 3 })
    const workers = scenario.shareGroups.find((g) => g.groupId === 'workers')!
    expect(workers).toMatchObject({ members: 4, processingMsPerRecord: 300, failProcessing: { everyNth: 30, acknowledge: 'RELEASE' } })
    expect(scenario.consumers.find((c) => c.groupId === 'audit')).toMatchObject({ members: 1 })
    expect(scenario.timeline).toEqual([expect.objectContaining({ atMs: 40_000, action: 'crashConsumer', member: 'workers-2' })])
    expect(scenario.producers[0]).toMatchObject({ topic: 'jobs', recordsPerSec: 10 })
  })

  it('shows on the model what each step says', () => {
    const sim = createSimulation(scenario)
    sim.runUntil(lessonStartMs(lesson, scenario.durationMs))
    const open = (i: number) => {
      const step = lesson.steps[i]
      if (step.atMs !== undefined) sim.runUntil(step.atMs)
    }
    /** run on to a moment between steps (never back: the steps' moments stay in order) */
    const to = (ms: number) => {
      expect(ms).toBeGreaterThanOrEqual(sim.nowMs)
      sim.runUntil(ms)
    }
    const play = (i: number) => {
      const step = lesson.steps[i]
      if (step.playUntilMs !== undefined) sim.runUntil(step.playUntilMs)
    }

    // 1. four members, two partitions, every member works; audit reads the same topic
    open(0)
    play(0)
    expect(sim.nowMs).toBe(15_000)
    expect(card(sim)).toMatchObject({ state: 'Stable', groupEpoch: 4, assignmentEpoch: 4, topics: ['jobs'] })
    expect(card(sim).members.map((m) => m.clientId)).toEqual(['workers-1', 'workers-2', 'workers-3', 'workers-4'])
    expect(assigned(sim)).toEqual({ 'workers-1': ['jobs-1'], 'workers-2': ['jobs-0'], 'workers-3': ['jobs-1'], 'workers-4': ['jobs-0'] })
    for (const m of card(sim).members) expect(m.acknowledged, m.clientId).toBeGreaterThan(0)
    expect(audit(sim)).toMatchObject({ type: 'classic', state: 'Stable' })
    expect(audit(sim).members.map((m) => [m.clientId, m.assignment])).toEqual([['audit-1', ['jobs-0', 'jobs-1']]])

    // 2. one holder per record; both jobs-0 members hold records now; SPSO 30 held by record 30 on its 3rd delivery
    open(1)
    play(1)
    expect(partition(sim, 'jobs-0').leader).toBe(3)
    expect(card(sim).lockMs).toBe(30_000)
    const w0 = shareWindow(sim, 'jobs-0')
    for (const c of w0.cells) expect(c.holder !== '', `offset ${c.offset}`).toBe(c.state === 'ACQUIRED')
    const holders = new Set(w0.cells.filter((c) => c.state === 'ACQUIRED').map((c) => c.holder))
    expect([...holders].sort()).toEqual(['workers-2', 'workers-4'])
    expect(w0.startOffset).toBe(30)
    expect(cell(sim, 'jobs-0', 30)).toMatchObject({ state: 'ACQUIRED', deliveries: 3 })
    expect(w0.cells.filter((c) => c.offset > 30 && c.state === 'ACKNOWLEDGED').length).toBeGreaterThan(10)
    // ACCEPT is what made them ACKNOWLEDGED
    expect(answeredAcksOf(sim, 'jobs-0', 31).map((a) => a.type)).toEqual(['ACCEPT'])

    // 3. record 30: RELEASE, delivered again with a higher delivery count, archived after the 5th; SPSO 30 → 60
    open(2)
    expect(card(sim).partitions.find((p) => p.tp === 'jobs-0')!.archived).toBe(1) // record 0 only, so far
    play(2)
    expect(card(sim).deliveryLimit).toBe(5)
    expect(acquisitionsOf(sim, 'jobs-0', 30).map((a) => a.deliveryCount)).toEqual([1, 2, 3, 4, 5])
    expect(answeredAcksOf(sim, 'jobs-0', 30).map((a) => a.type)).toEqual(['RELEASE', 'RELEASE', 'RELEASE', 'RELEASE', 'RELEASE'])
    expect(shareWindow(sim, 'jobs-0').startOffset).toBe(60)
    expect(card(sim).partitions.find((p) => p.tp === 'jobs-0')!.archived).toBe(2) // records 0 and 30
    expect(shareEvents(sim.world.history.shares).some((e) => e.kind === 'acquired' && e.tp === 'jobs-0' && e.first <= 60 && 60 <= e.last)).toBe(true)

    // 4. workers-2 crashes holding 190, 191, 193 (delivery count 1); the locks run out 30 s later; workers-4 gets them, count 2
    open(3)
    expect(sim.nowMs).toBe(40_100)
    const w2 = card(sim).members.find((m) => m.clientId === 'workers-2')!
    expect(w2).toMatchObject({ up: false, inFlight: { 'jobs-0': 3 }, inFlightTotal: 3 })
    const held = shareWindow(sim, 'jobs-0').cells.filter((c) => c.holder === 'workers-2')
    expect(held.map((c) => [c.offset, c.state, c.deliveries])).toEqual([
      [190, 'ACQUIRED', 1],
      [191, 'ACQUIRED', 1],
      [193, 'ACQUIRED', 1],
    ])
    const acquiredAt = Object.fromEntries([190, 191, 193].map((o) => [o, acquisitionsOf(sim, 'jobs-0', o).find((a) => a.member === 'workers-2')!.atMs]))
    expect([s1(acquiredAt[190]), s1(acquiredAt[191]), s1(acquiredAt[193])]).toEqual(['39.7', '39.7', '40.0'])
    // SPSO stays at 190 while workers-4 acknowledges records after it
    const ackedBy4 = card(sim).members.find((m) => m.clientId === 'workers-4')!.acknowledged
    for (let t = 41_000; t <= 69_000; t += 1000) {
      to(t)
      expect(shareWindow(sim, 'jobs-0').startOffset, `SPSO at ${t}`).toBe(190)
    }
    expect(card(sim).members.find((m) => m.clientId === 'workers-4')!.acknowledged - ackedBy4).toBeGreaterThan(50)
    // the locks run out 30 s after the acquisitions (the leader acquired a moment before the member heard): AVAILABLE again
    to(acquiredAt[190] + card(sim).lockMs - 10)
    expect(cell(sim, 'jobs-0', 190)).toMatchObject({ state: 'ACQUIRED', holder: 'workers-2' })
    to(acquiredAt[190] + card(sim).lockMs + 50)
    expect(cell(sim, 'jobs-0', 190)).toMatchObject({ state: 'AVAILABLE', deliveries: 1 })
    expect(cell(sim, 'jobs-0', 191)).toMatchObject({ state: 'AVAILABLE', deliveries: 1 })
    expect(cell(sim, 'jobs-0', 193)).toMatchObject({ state: 'ACQUIRED', holder: 'workers-2' })
    to(acquiredAt[193] + card(sim).lockMs + 50)
    expect(cell(sim, 'jobs-0', 193)).toMatchObject({ state: 'AVAILABLE', deliveries: 1 })
    expect([s1(acquiredAt[190] + 30_000), s1(acquiredAt[193] + 30_000)]).toEqual(['69.7', '70.0'])
    play(3)
    expect(sim.nowMs).toBe(70_400)
    for (const o of [190, 191, 193]) {
      expect(cell(sim, 'jobs-0', o), `offset ${o}`).toMatchObject({ state: 'ACQUIRED', deliveries: 2, holder: 'workers-4' })
      const again = acquisitionsOf(sim, 'jobs-0', o).find((a) => a.deliveryCount === 2)!
      expect(again.member).toBe('workers-4')
      expect(s1(again.atMs)).toBe('70.4')
    }
    expect(shareWindow(sim, 'jobs-0').startOffset).toBe(190)
    // a crash acknowledges nothing: workers-2 sent no acknowledgement from 40 s on
    expect(shareEvents(sim.world.history.shares).filter((e) => e.member === 'workers-2' && e.kind === 'acknowledged' && e.atMs > 40_000)).toEqual([])

    // 5. the coordinator removes workers-2 at 82.0 s (45 s without a heartbeat): group epoch 5, jobs-0 to workers-4 alone
    expect(sim.world.brokerConfig['group.share.session.timeout.ms']).toBe(45_000)
    const shareSummary = () => sim.summary().groups.find((g) => g.groupId === 'workers')!
    to(82_000)
    expect(shareSummary()).toMatchObject({ groupEpoch: 4 })
    expect(Object.keys(shareSummary().members)).toContain('workers-2')
    to(82_050)
    expect(shareSummary()).toMatchObject({ groupEpoch: 5 })
    expect(Object.keys(shareSummary().members)).toEqual(['workers-1', 'workers-3', 'workers-4'])
    play(4)
    expect(card(sim)).toMatchObject({ state: 'Stable', groupEpoch: 5, assignmentEpoch: 5, coordinator: 2 })
    expect(assigned(sim)).toEqual({ 'workers-1': ['jobs-1'], 'workers-3': ['jobs-1'], 'workers-4': ['jobs-0'] })
    // a member takes the new epoch at its next heartbeat (every 5 s): the two that heartbeat since are at 5
    expect(Object.fromEntries(card(sim).members.filter((x) => x.up).map((m) => [m.clientId, m.memberEpoch]))).toMatchObject({ 'workers-1': 5, 'workers-3': 5 })
    const state = kafkaShareGroupsDescribe(sim, 'workers', { state: true, verbose: true }).stdout.trim().split('\n')
    expect(state[1].split(/\s+/).slice(-5)).toEqual(['(2)', 'Stable', '5', '5', '3'])

    // …jobs-0 falls behind since 40 s: about 5 records a second arrive, workers-4 accepts about 3
    const from = createSimulation(scenario)
    from.runUntil(40_100)
    const spanS = (82_500 - 40_100) / 1000
    const arrived = (partition(sim, 'jobs-0').logEndOffset - partition(from, 'jobs-0').logEndOffset) / spanS
    const accepted = (card(sim).members.find((m) => m.clientId === 'workers-4')!.acknowledged - card(from).members.find((m) => m.clientId === 'workers-4')!.acknowledged) / spanS
    expect(arrived).toBeGreaterThan(4.5)
    expect(arrived).toBeLessThan(5.5)
    expect(accepted).toBeGreaterThan(2.5)
    expect(accepted).toBeLessThan(3.5)
    expect(notDelivered(from, 'jobs-0')).toBeLessThan(5)
    expect(notDelivered(sim, 'jobs-0')).toBeGreaterThan(50)
    expect(notDelivered(sim, 'jobs-1')).toBeLessThan(5)
    // step 6 opens here: workers has finished hundreds of jobs-0's records already
    expect(shareWindow(sim, 'jobs-0').startOffset).toBeGreaterThanOrEqual(200)

    // 6. the log keeps what the share group finished; audit read it all
    open(5)
    play(5)
    expect(sim.nowMs).toBe(110_000)
    const jobs0 = partitionLogs(sim, 'jobs').find((l) => l.tp === 'jobs-0')!
    expect(jobs0.lanes).toHaveLength(3)
    for (const lane of jobs0.lanes) expect(lane.logStartOffset, `broker ${lane.broker}`).toBe(0)
    expect(partition(sim, 'jobs-0')).toMatchObject({ logStartOffset: 0, logEndOffset: 539 })
    const spso = shareWindow(sim, 'jobs-0').startOffset
    expect(spso).toBe(390)
    const finished = card(sim).partitions.find((p) => p.tp === 'jobs-0')!
    expect(finished.acknowledged + finished.archived).toBeGreaterThanOrEqual(spso) // everything below SPSO, and some above
    expect(audit(sim).committed['jobs-0']).toBe(508)
    expect(audit(sim).committed['jobs-0']).toBeGreaterThan(spso)
    const summaryPartition = sim.summary().partitions.find((p) => p.topic === 'jobs' && p.partition === 0)!
    expect(summaryPartition.records).toBe(summaryPartition.highWatermark)
    expect(summaryPartition.logStartOffset).toBe(0)
    expect(sim.summary().checks.ok).toBe(true)
  })

  it('try this, where the lesson ends: “+ Add consumer” gives jobs-0 a second worker; “Leave the group” releases its records at once', () => {
    const end = lesson.steps[lesson.steps.length - 1].playUntilMs!
    const added = createSimulation(scenario)
    added.runUntil(end)
    added.apply({ atMs: end, action: 'addConsumer', groupId: 'workers' })
    added.runUntil(end + 5_000)
    expect(card(added).groupEpoch).toBe(6)
    expect(assigned(added)['workers-5']).toEqual(['jobs-0'])
    expect(assigned(added)['workers-4']).toEqual(['jobs-0'])
    expect(card(added).members.find((m) => m.clientId === 'workers-5')!.acknowledged).toBeGreaterThan(0)

    const left = createSimulation(scenario)
    left.runUntil(end)
    const held = shareWindow(left, 'jobs-0').cells.filter((c) => c.holder === 'workers-4')
    expect(held.length).toBeGreaterThan(0)
    left.apply({ atMs: end, action: 'removeConsumer', member: 'workers-4' })
    left.runUntil(end + 100)
    // leaving closed its share session: the leader released what it held at once
    for (const c of held) expect(cell(left, 'jobs-0', c.offset), `offset ${c.offset}`).toMatchObject({ state: 'AVAILABLE', deliveries: c.deliveries })
    left.runUntil(end + 5_000)
    expect(card(left).groupEpoch).toBe(6)
    expect(assigned(left)['workers-1']).toEqual(['jobs-0'])
    for (const c of held) {
      const next = acquisitionsOf(left, 'jobs-0', c.offset).find((a) => a.atMs > end)!
      expect(next, `offset ${c.offset}`).toMatchObject({ member: 'workers-1', deliveryCount: c.deliveries + 1 })
      expect(next.atMs - end).toBeLessThan(5_000)
    }

    // kafka-share-groups --describe: START-OFFSET is the SPSO; --members: MEMBER-EPOCH, ASSIGNMENT, two members on jobs:1
    const described = createSimulation(scenario)
    described.runUntil(end)
    const offsets = kafkaShareGroupsDescribe(described, 'workers').stdout.trim().split('\n')
    expect(offsets[0].split(/\s+/)).toEqual(['GROUP', 'TOPIC', 'PARTITION', 'START-OFFSET'])
    expect(offsets.slice(1).map((l) => l.split(/\s+/))).toEqual([
      ['workers', 'jobs', '0', String(shareWindow(described, 'jobs-0').startOffset)],
      ['workers', 'jobs', '1', String(shareWindow(described, 'jobs-1').startOffset)],
    ])
    const members = kafkaShareGroupsDescribe(described, 'workers', { members: true, verbose: true }).stdout.trim().split('\n')
    expect(members[0].split(/\s+/)).toEqual(expect.arrayContaining(['MEMBER-EPOCH', 'ASSIGNMENT']))
    expect(members.slice(1).filter((l) => l.trim().endsWith('jobs:1'))).toHaveLength(2)
  })
})
