/**
 * kafka-leader-election (the ElectLeaders API) as a timeline action, electLeaders: PREFERRED gives
 * each chosen partition back to its first replica when that one is in sync; UNCLEAN gives a
 * leaderless partition a leader even from outside the ISR, whatever unclean.leader.election.enable
 * says: the partition is writable again and the acknowledged records its new leader lacks are lost.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario, ScenarioError, type TimelineAction } from './index.ts'
import { activeController } from './controller/quorum-controller.ts'

function cleanElection(extra: TimelineAction[]) {
  const raw = JSON.parse(readFileSync(new URL('../scenarios/clean-election-unavailable.json', import.meta.url), 'utf8'))
  raw.timeline = [...raw.timeline, ...extra]
  delete raw.expect
  return parseScenario(raw)
}

const events0 = (sim: ReturnType<typeof createSimulation>) => activeController(sim.world)!.image.topics.events.partitions[0]

describe('electLeaders', () => {
  test('UNCLEAN brings a leaderless partition back with an out-of-sync leader, and the checker names what was lost', () => {
    const plain = createSimulation(cleanElection([]))
    plain.runUntil(90_000)
    expect(events0(plain).leader).toBe(-1)
    const sim = createSimulation(cleanElection([{ atMs: 70_000, action: 'electLeaders', electionType: 'UNCLEAN', topic: 'events', partition: 0 }]))
    sim.runUntil(69_999)
    expect(events0(sim).leader).toBe(-1)
    sim.runUntil(90_000)
    const p = events0(sim)
    expect(p.leader).toBeGreaterThan(0)
    expect(p.isr).toEqual([p.leader])
    expect(sim.world.notes.find((n) => n.type === 'LeaderElected' && n.atMs === 70_000)).toMatchObject({ topic: 'events', partition: 0, from: -1, unclean: true })
    const summary = sim.summary()
    expect(summary.checks.ok).toBe(false)
    expect(summary.checks.lostAckedWrites).toBeGreaterThan(0)
  })

  test('UNCLEAN leaves a partition that has a leader alone (ELECTION_NOT_NEEDED)', () => {
    const sim = createSimulation(cleanElection([{ atMs: 20_000, action: 'electLeaders', electionType: 'UNCLEAN' }]))
    sim.runUntil(19_999)
    const before = events0(sim)
    sim.runUntil(20_001)
    expect(events0(sim)).toMatchObject({ leader: before.leader, leaderEpoch: before.leaderEpoch })
    expect(sim.world.notes.filter((n) => n.type === 'LeaderElected' && n.atMs === 20_000)).toEqual([])
  })

  test('PREFERRED for one partition moves only that one', () => {
    const raw = JSON.parse(readFileSync(new URL('../scenarios/leader-failover.json', import.meta.url), 'utf8'))
    delete raw.expect
    // orders-0's first replica crashes at 20 s and comes back at 60 s: its leaderships stay elsewhere
    raw.timeline = [...raw.timeline, { atMs: 80_000, action: 'electLeaders', electionType: 'PREFERRED', topic: 'orders', partition: 0 }]
    const sim = createSimulation(parseScenario(raw))
    sim.runUntil(79_999)
    const image = () => activeController(sim.world)!.image.topics.orders.partitions
    const before = image().map((p) => p.leader)
    expect(before[0]).not.toBe(image()[0].replicas[0])
    sim.runUntil(80_010)
    const after = image().map((p) => p.leader)
    expect(after[0]).toBe(image()[0].replicas[0])
    expect(after.slice(1)).toEqual(before.slice(1))
  })

  test('a partition without its topic, or past the topic, is refused with the field path', () => {
    const bad = (a: object) => () => cleanElection([{ atMs: 20_000, action: 'electLeaders', electionType: 'UNCLEAN', ...a } as TimelineAction])
    expect(bad({ partition: 0 })).toThrow(ScenarioError)
    expect(bad({ partition: 0 })).toThrow(/timeline\[3\]\.partition: a partition needs its topic/)
    expect(bad({ topic: 'events', partition: 4 })).toThrow(/timeline\[3\]\.partition: events has 1 partitions at this point \(0\.\.0\)/)
    expect(bad({ electionType: 'ANY' })).toThrow(/timeline\[3\]\.electionType/)
  })
})
