/**
 * Determinism (ARCHITECTURE "Testing", issues 2 and 3): one scenario + one seed (+ interventions) is one run.
 * Same seed twice; runUntil in one call vs many uneven calls; snapshot → structuredClone → restore at
 * several points; an intervention applied at t vs the same action in the timeline at t: all give the
 * same trace hash (and the same summary). Different seeds give different runs.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, restoreSimulation, type Scenario, type TimelineAction } from './index.ts'

function load(id: string): Scenario {
  return parseScenario(JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')))
}

function straight(s: Scenario, seed: number, until: number): { hash: string; summary: string } {
  const sim = createSimulation(s, { seed })
  sim.runUntil(until)
  return { hash: sim.traceHash(), summary: JSON.stringify(sim.summary()) }
}

/** Uneven chunk sizes in 1..997 ms from a fixed sequence. */
function* chunks(): Generator<number> {
  let x = 2463534242
  for (;;) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    yield 1 + (x % 997)
  }
}

const CASES: { id: string; action: TimelineAction }[] = [
  { id: 'leader-failover', action: { atMs: 33_333, action: 'crashBroker', broker: 3 } },
  { id: 'unclean-election-data-loss', action: { atMs: 25_001, action: 'isolate', node: 'tracker' } },
  // consumer groups: member ids (seeded), rebalances, commits into __consumer_offsets, coordinator timers
  { id: 'consumer-crash-session-timeout', action: { atMs: 33_333, action: 'crashConsumer', member: 'billing-1' } },
  { id: 'eager-vs-cooperative', action: { atMs: 25_001, action: 'addConsumer', groupId: 'coop' } },
  // storage: segments rolled and deleted by retention across snapshots; DeleteRecords moves the log start
  { id: 'retention-deletes-segments', action: { atMs: 67_777, action: 'deleteRecords', topic: 'logs', partition: 0, beforeOffset: -1 } },
  // compaction: cleaner passes rewrite logs across snapshots; tombstones get and pass their delete horizon
  { id: 'tombstones', action: { atMs: 52_345, action: 'produce', producer: 'accounts', key: 'user-2', value: null } },
  // share groups: member ids (seeded), share partitions' windows and locks, acquisitions in history
  { id: 'share-group-queue', action: { atMs: 55_555, action: 'addConsumer', groupId: 'workers' } },
]

describe.each(CASES)('determinism of $id', ({ id, action }) => {
  const scenario = load(id)
  const seed = scenario.seed
  const until = scenario.durationMs
  const reference = straight(scenario, seed, until)

  it('gives the same hash and summary for the same seed twice', () => {
    const again = straight(scenario, seed, until)
    expect(again.hash).toBe(reference.hash)
    expect(again.summary).toBe(reference.summary)
  })

  it('gives the same hash for runUntil in one call and in many small uneven calls', () => {
    const sim = createSimulation(scenario, { seed })
    const sizes = chunks()
    let calls = 0
    for (let t = 0; t < until; ) {
      t = Math.min(until, t + sizes.next().value)
      sim.runUntil(t)
      calls++
    }
    expect(calls).toBeGreaterThan(100)
    expect(sim.traceHash()).toBe(reference.hash)
    expect(JSON.stringify(sim.summary())).toBe(reference.summary)
  })

  it('gives the same hash and summary after snapshot → structuredClone → restore at 3 points', () => {
    let sim = createSimulation(scenario, { seed })
    for (const t of [Math.floor(until * 0.21), Math.floor(until * 0.5) + 3, Math.floor(until * 0.77) + 11]) {
      sim.runUntil(t)
      const snap = structuredClone(sim.snapshot())
      // the original keeps going unchanged alongside the restored copy
      const hashAt = sim.traceHash()
      sim = restoreSimulation(snap)
      expect(sim.nowMs).toBe(t)
      expect(sim.traceHash()).toBe(hashAt)
    }
    sim.runUntil(until)
    expect(sim.traceHash()).toBe(reference.hash)
    expect(JSON.stringify(sim.summary())).toBe(reference.summary)
  })

  it('gives the same run from snapshots that share log chunks with a world that ran on (through truncations)', () => {
    const sim = createSimulation(scenario, { seed })
    const snaps: { at: number; snap: ReturnType<typeof sim.snapshot> }[] = []
    for (const t of [Math.floor(until * 0.15), Math.floor(until * 0.4) + 7, Math.floor(until * 0.6) + 1, Math.floor(until * 0.85)]) {
      sim.runUntil(t)
      snaps.push({ at: t, snap: sim.snapshot() }) // no structuredClone: full chunks stay shared
    }
    sim.runUntil(until)
    expect(sim.traceHash()).toBe(reference.hash)
    for (const { at, snap } of snaps) {
      // two runs from one snapshot, going on side by side: each appends to the read logs, notes
      // and group facts it shares with the other, the snapshot and the world that ran on
      const again = restoreSimulation(snap)
      const twin = restoreSimulation(snap)
      expect(again.nowMs).toBe(at)
      for (const t of [at + Math.floor((until - at) / 3), until]) {
        again.runUntil(t)
        twin.runUntil(t)
      }
      expect(again.traceHash(), `from ${at} ms`).toBe(reference.hash)
      expect(JSON.stringify(again.summary())).toBe(reference.summary)
      expect(JSON.stringify(twin.summary())).toBe(reference.summary)
    }
  })

  it('gives different hashes for different seeds', () => {
    const hashes = new Set([reference.hash, straight(scenario, seed + 1, until).hash, straight(scenario, seed + 1000, until).hash])
    expect(hashes.size).toBe(3)
  })

  it('applies an intervention at t exactly like the same action in the timeline at t', () => {
    const atMs = action.atMs
    const live = createSimulation(scenario, { seed })
    live.runUntil(atMs)
    const { atMs: _t, ...intervention } = action
    live.apply(intervention as TimelineAction)
    live.runUntil(until)

    const timeline = [...scenario.timeline.filter((a) => a.atMs <= atMs), action, ...scenario.timeline.filter((a) => a.atMs > atMs)]
    const scripted = createSimulation({ ...scenario, timeline }, { seed })
    scripted.runUntil(until)

    expect(live.traceHash()).toBe(scripted.traceHash())
    expect(live.traceHash()).not.toBe(reference.hash)
    const a = live.summary()
    const b = scripted.summary()
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(live.world.interventions).toEqual([action])
  })
})
