/**
 * Share groups (KIP-932), whole runs through the public API against Kafka's SharePartition and
 * ShareConsumerImpl: several members work one partition, every record is acquired by one member at
 * a time and accepted once, a released record comes back with a higher delivery count until
 * group.share.delivery.count.limit archives it, a crashed member's records come back when their
 * acquisition locks run out, a closing member's at once; the describe tool, the summary and the
 * checkers say so.
 *
 * Every run is deterministic: a failure reproduces with
 * `npm run --silent sim -- run scenarios/share-group-queue.json`.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { clusterView, createSimulation, kafkaShareGroupsDescribe, parseScenario, type Scenario, type Simulation } from './index.ts'
import { shareEvents, type ShareAcquired, type ShareAcknowledged } from './history/share-history.ts'

type Json = Record<string, unknown> & { shareGroups: Record<string, unknown>[]; timeline: Record<string, unknown>[]; consumers: unknown[]; expect: unknown }

/** The share-group-queue scenario, changed by `edit`. */
function queue(edit: (json: Json) => void = () => {}): Scenario {
  const json = JSON.parse(readFileSync(new URL('../scenarios/share-group-queue.json', import.meta.url), 'utf8')) as Json
  edit(json)
  return parseScenario(json)
}

function run(s: Scenario, untilMs = s.durationMs): Simulation {
  const sim = createSimulation(s, { seed: s.seed })
  sim.runUntil(untilMs)
  return sim
}

function acquisitions(sim: Simulation): ShareAcquired[] {
  return shareEvents(sim.world.history.shares).filter((e): e is ShareAcquired => e.kind === 'acquired')
}

function answered(sim: Simulation): ShareAcknowledged[] {
  return shareEvents(sim.world.history.shares).filter((e): e is ShareAcknowledged => e.kind === 'acknowledged' && e.error === 'NONE')
}

/** offset -> the deliveries of it (member, delivery count), for one partition. */
function deliveriesOf(sim: Simulation, tp: string): Map<number, { member: string; count: number; atMs: number }[]> {
  const out = new Map<number, { member: string; count: number; atMs: number }[]>()
  for (const a of acquisitions(sim)) {
    if (a.tp !== tp) continue
    for (let o = a.first; o <= a.last; o++) out.set(o, [...(out.get(o) ?? []), { member: a.member, count: a.deliveryCount, atMs: a.atMs }])
  }
  return out
}

describe('a share group works a queue (scenarios/share-group-queue.json)', () => {
  const sim = run(queue())
  const s = sim.summary()
  const workers = s.groups.find((g) => g.groupId === 'workers')!

  test('more members than partitions all work: each partition is shared by two members, and each of the four accepted records', () => {
    const early = run(queue(), 30_000)
    const card = clusterView(early).shareGroups.find((g) => g.groupId === 'workers')!
    expect(card.state).toBe('Stable')
    expect(card.members.map((m) => m.assignment.length)).toEqual([1, 1, 1, 1])
    const byPartition: Record<string, string[]> = {}
    for (const m of card.members) for (const tp of m.assignment) (byPartition[tp] ??= []).push(m.clientId)
    expect(Object.keys(byPartition).sort()).toEqual(['jobs-0', 'jobs-1'])
    for (const tp of Object.keys(byPartition)) expect(byPartition[tp]).toHaveLength(2)
    for (const m of card.members) expect(m.acknowledged).toBeGreaterThan(50)
  })

  test('the summary says type share, the epochs, and accepted, redelivered and archived records', () => {
    expect(workers.type).toBe('share')
    expect(workers.state).toBe('Stable')
    expect(workers.groupEpoch).toBe(5)
    expect(workers.assignmentEpoch).toBe(5)
    expect(Object.keys(workers.members)).toEqual(['workers-1', 'workers-3', 'workers-4'])
    expect(Object.keys(workers.acknowledged!)).toEqual(['workers-1', 'workers-2', 'workers-3', 'workers-4'])
    expect(workers.redelivered).toBeGreaterThan(0)
    expect(workers.archived).toBeGreaterThan(0)
    expect(s.checks.ok).toBe(true)
  })

  test('every record below the SPSO was accepted once, or archived after exactly the delivery limit', () => {
    for (const tp of ['jobs-0', 'jobs-1']) {
      const spso = workers.committed[tp]
      expect(spso).toBeGreaterThan(300)
      const accepted = new Map<number, number>()
      for (const a of answered(sim)) if (a.tp === tp && a.type === 'ACCEPT') for (let o = a.first; o <= a.last; o++) accepted.set(o, (accepted.get(o) ?? 0) + 1)
      const deliveries = deliveriesOf(sim, tp)
      let archived = 0
      for (let o = 0; o < spso; o++) {
        const counts = (deliveries.get(o) ?? []).map((d) => d.count)
        if (o % 30 === 0) {
          // fails every time: released four times, archived at the fifth
          expect(accepted.get(o)).toBeUndefined()
          expect(Math.max(...counts)).toBe(5)
          archived++
        } else expect(accepted.get(o)).toBe(1)
        // a delivery count is never handed out twice
        expect(new Set(counts).size).toBe(counts.length)
      }
      expect(archived).toBe(Math.ceil(spso / 30))
    }
    expect(workers.archived).toBe([0, 1].reduce((n, p) => n + Math.ceil(workers.committed[`jobs-${p}`] / 30), 0))
  })

  test('the crashed member’s records come back when their locks run out, to other members, with delivery count 2', () => {
    const lockMs = 30_000
    let again = 0
    for (const h of acquisitions(sim).filter((a) => a.member === 'workers-2' && a.atMs <= 40_000)) {
      for (let o = h.first; o <= h.last; o++) {
        const next = deliveriesOf(sim, h.tp).get(o)!.find((d) => d.count === h.deliveryCount + 1)
        if (next === undefined || next.atMs <= 40_000) continue // accepted, or released by workers-2 itself before it crashed
        again++
        expect(next.member).not.toBe('workers-2')
        expect(next.atMs).toBeGreaterThanOrEqual(h.atMs + lockMs)
      }
    }
    expect(again).toBeGreaterThan(0)
  })

  test('the audit consumer group still reads every record: the log keeps what the share group took', () => {
    const audit = s.groups.find((g) => g.groupId === 'audit')!
    const jobs = s.partitions.filter((p) => p.topic === 'jobs')
    expect(jobs).toHaveLength(2)
    for (const p of jobs) expect(audit.committed[`jobs-${p.partition}`]).toBeGreaterThan(workers.committed[`jobs-${p.partition}`] - 100)
    for (const p of jobs) expect(p.records).toBe(p.highWatermark)
  })

  test('kafka-share-groups --describe prints Kafka’s columns', () => {
    const offsets = kafkaShareGroupsDescribe(sim, 'workers').stdout
    expect(offsets).toBe(
      '\nGROUP           TOPIC           PARTITION  START-OFFSET' +
        `\nworkers         jobs            0          ${workers.committed['jobs-0']}` +
        `\nworkers         jobs            1          ${workers.committed['jobs-1']}\n`,
    )
    const state = kafkaShareGroupsDescribe(sim, 'workers', { state: true, verbose: true }).stdout
    expect(state).toBe(
      '\nGROUP           COORDINATOR (ID)          STATE           GROUP-EPOCH  ASSIGNMENT-EPOCH  #MEMBERS' +
        `\nworkers         ${`broker-${workers.coordinator}:9092  (${workers.coordinator})`.padEnd(25)} Stable          5            5                 3\n`,
    )
    const members = kafkaShareGroupsDescribe(sim, 'workers', { members: true, verbose: true }).stdout.split('\n').filter((l) => l !== '')
    expect(members[0].split(/\s+/)).toEqual(['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS', 'MEMBER-EPOCH', 'ASSIGNMENT'])
    expect(members.slice(1).map((l) => l.split(/\s+/).slice(2))).toEqual(
      expect.arrayContaining([
        ['/workers-1', 'workers-1', '1', '5', expect.stringMatching(/^jobs:[01]$/)],
        ['/workers-3', 'workers-3', '1', '5', expect.stringMatching(/^jobs:[01]$/)],
        ['/workers-4', 'workers-4', '1', '5', expect.stringMatching(/^jobs:[01]$/)],
      ]),
    )
    expect(kafkaShareGroupsDescribe(sim, 'nobody').stdout).toBe("\nError: Share group 'nobody' does not exist.\n")
  })

  test('the partition log shows the share window record by record', () => {
    const mid = run(queue(), 41_000)
    const log = mid.world.shares['workers|jobs-0']
    expect(log.endOffset).toBeGreaterThan(log.startOffset)
    const card = clusterView(mid).shareGroups[0]
    const p = card.partitions.find((x) => x.tp === 'jobs-0')!
    expect(p.startOffset).toBe(log.startOffset)
    expect(p.endOffset).toBe(log.endOffset - 1)
    expect(p.counts.ACQUIRED).toBe(card.members.reduce((n, m) => n + (m.inFlight['jobs-0'] ?? 0), 0))
  })
})

describe('acknowledge types and members leaving', () => {
  test('REJECT archives a failed record at once: it is never delivered again', () => {
    const sim = run(
      queue((j) => {
        j.shareGroups[0].failProcessing = { everyNth: 30, acknowledge: 'REJECT' }
        j.timeline = []
      }),
      60_000,
    )
    const g = sim.summary().groups.find((x) => x.groupId === 'workers')!
    expect(g.redelivered).toBe(0)
    expect(g.archived).toBe([0, 1].reduce((n, p) => n + Math.ceil(g.committed[`jobs-${p}`] / 30), 0))
    expect(sim.summary().checks.ok).toBe(true)
  })

  test('a member that closes (removeConsumer) hands back what it holds at once, not after the lock', () => {
    const sim = run(queue((j) => (j.timeline = [{ atMs: 20_000, action: 'removeConsumer', member: 'workers-1' }])), 40_000)
    let back = 0
    for (const h of acquisitions(sim).filter((a) => a.member === 'workers-1')) {
      for (let o = h.first; o <= h.last; o++) {
        const next = deliveriesOf(sim, h.tp).get(o)!.find((d) => d.count === h.deliveryCount + 1)
        if (next === undefined || next.atMs <= 20_000) continue
        back++
        expect(next.member).not.toBe('workers-1')
        expect(next.atMs).toBeLessThan(21_000)
      }
    }
    expect(back).toBeGreaterThan(0)
  })

  test('share.auto.offset.reset=latest (the default) starts at the high watermark: older records are not the group’s', () => {
    const sim = run(
      queue((j) => {
        j.shareGroups[0].config = {}
        j.timeline = [{ atMs: 20_000, action: 'addConsumer', groupId: 'audit' }]
      }),
      30_000,
    )
    const first = Math.min(...acquisitions(sim).filter((a) => a.tp === 'jobs-0').map((a) => a.first))
    expect(first).toBeGreaterThan(0)
    expect(sim.world.shares['workers|jobs-0'].firstOffset).toBe(first)
  })

  test('the same seed gives the same run', () => {
    const a = run(queue(), 50_000)
    const b = run(queue(), 50_000)
    expect(a.traceHash()).toBe(b.traceHash())
    expect(a.world.history.shares).toEqual(b.world.history.shares)
  })
})
