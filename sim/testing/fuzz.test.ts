/**
 * Property test (issues 2 and 3): on the safe configuration (RF 3, min.insync.replicas 2, acks=all,
 * idempotent, clean elections only, a consumer group of 3 with range and auto-commit) random fault
 * schedules over hundreds of seeds never make a checker report an anomaly (lost acknowledged writes,
 * duplicates, inconsistent offsets, non-monotonic polls, divergent replicas, two leaders in an epoch,
 * HW above LEO; and for the group: two members consuming a partition at once, committed offsets going
 * backwards in a generation, skipped records), whatever happens to availability. Consumer faults
 * (crash, restart, add, remove) come on top of the server and network faults; network faults never
 * target a member (see fuzz.ts: a member cut off from its coordinator is a Kafka "zombie").
 * A failure names the one command that replays it: `npx kafkascope fuzz --seeds 1 --start S --until U`.
 *
 * fast-check picks the fuzz seeds (its own seed is fixed, so the suite is reproducible; shrinking is
 * off: a neighbouring seed is an unrelated schedule). Runs are 60 simulated seconds.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  describeSchedule,
  faultEnd,
  fuzzScenario,
  randomFaultSchedule,
  reproduceCommand,
  clusterShape,
  cancellations,
  runFuzzSeed,
  safeFuzzScenario,
  fuzzTargets,
} from './fuzz.ts'
import { builtInScenarios } from '../scenario/builtins.ts'
import { parseScenario } from '../scenario/parse.ts'
import { createWorld } from '../nodes/create-world.ts'
import { runUntil } from '../run.ts'
import { latestEpoch } from '../storage/partition.ts'
import type { TimelineAction } from '../scenario/types.ts'

const UNTIL_MS = 60_000
const BATCHES = 4
const RUNS_PER_BATCH = 55 // 220 seeds in all (about 0.17 s each)

const base = safeFuzzScenario()

function failureMessage(seed: number, r: ReturnType<typeof runFuzzSeed>): string {
  const k = r.checks
  return [
    `checker violation for fuzz seed ${seed}; reproduce with: ${reproduceCommand(seed, UNTIL_MS)}`,
    `  lostAckedWrites ${k.lostAckedWrites}, duplicates ${k.duplicates}, inconsistentOffsets ${k.inconsistentOffsets}, nonMonotonicPolls ${k.nonMonotonicPolls}, divergentReplicas ${k.divergentReplicas}, multipleLeaders ${k.multipleLeaders}, hwAboveLeo ${k.hwAboveLeo}`,
    `  concurrentConsumers ${k.concurrentConsumers}, committedBackwards ${k.committedBackwards}, skippedRecords ${k.skippedRecords} (redeliveries ${k.redeliveries})`,
    ...k.first.slice(0, 5).map((a) => `  ${a.atMs} ms ${a.kind}: ${a.detail}`),
    `  cluster: ${r.cluster}`,
    '  fault schedule:',
    ...describeSchedule(r.schedule).map((l) => `  ${l}`),
  ].join('\n')
}

describe('fault schedules', () => {
  it('are deterministic, sorted, within the run, and end healed and restarted', () => {
    const targets = fuzzTargets(base)
    for (const seed of [1, 2, 3, 99, 12345]) {
      const a = randomFaultSchedule(seed, targets, UNTIL_MS)
      expect(randomFaultSchedule(seed, targets, UNTIL_MS)).toEqual(a)
      expect(a.map((x) => x.atMs)).toEqual([...a.map((x) => x.atMs)].sort((x, y) => x - y))
      const end = faultEnd(UNTIL_MS)
      for (const x of a) expect(x.atMs).toBeLessThan(UNTIL_MS - 10_000)
      const tail = a.filter((x) => x.atMs >= end)
      expect(tail.some((x) => x.action === 'healNetwork')).toBe(true)
      for (const b of targets.brokers) expect(tail).toContainEqual(expect.objectContaining({ action: 'restartBroker', broker: b }))
      for (const x of a) if (x.action === 'pauseNode') expect(x.durationMs).toBeGreaterThan(0)
    }
    expect(randomFaultSchedule(1, targets, UNTIL_MS)).not.toEqual(randomFaultSchedule(2, targets, UNTIL_MS))
    const s = fuzzScenario(base, 7, UNTIL_MS)
    expect(s.seed).toBe(7)
    expect(s.durationMs).toBe(UNTIL_MS)
    expect(reproduceCommand(1234, 120000)).toBe('npx kafkascope fuzz --seeds 1 --start 1234 --until 120000')
  })

  it('exercise every kind of fault across seeds', () => {
    const kinds = new Set<string>()
    for (let seed = 1; seed <= 60; seed++) for (const a of randomFaultSchedule(seed, fuzzTargets(base), UNTIL_MS)) kinds.add(a.action)
    for (const k of ['crashBroker', 'shutdownBroker', 'restartBroker', 'isolate', 'partitionNetwork', 'healNetwork', 'slowLink', 'pauseNode', 'crashController']) {
      expect(kinds).toContain(k)
    }
    for (const k of ['crashConsumer', 'restartConsumer', 'addConsumer', 'removeConsumer']) expect(kinds).toContain(k)
  })

  it('cancel a third of the moves, each shortly after it starts', () => {
    let moves = 0
    let cancels = 0
    for (let seed = 1; seed <= 60; seed++) {
      const schedule = randomFaultSchedule(seed, fuzzTargets(base), UNTIL_MS)
      const c = cancellations(seed, schedule)
      moves += schedule.filter((a) => a.action === 'reassignPartitions').length
      cancels += c.length
      for (const x of c) {
        const move = schedule.find((a) => a.action === 'reassignPartitions' && a.topic === (x as { topic: string }).topic && a.partition === (x as { partition: number }).partition && a.atMs <= x.atMs && x.atMs < a.atMs + 8)
        expect(move).toBeDefined()
      }
    }
    expect(cancels).toBeGreaterThan(moves / 6)
    expect(cancels).toBeLessThan(moves / 2)
  })

  it('shape the cluster from a stream of their own: racks with a rack lost, and Kafka 4.0 without ELR, on some seeds', () => {
    const shapes = Array.from({ length: 60 }, (_, i) => clusterShape(i + 1, base, UNTIL_MS))
    const racked = shapes.filter((s) => Object.keys(s.racks).length > 0)
    expect(racked.length).toBeGreaterThan(10)
    expect(racked.length).toBeLessThan(35)
    for (const s of racked) {
      expect(s.racks).toEqual({ 1: 'a', 2: 'b', 3: 'c' })
      const [crash, restart] = s.actions
      expect(crash).toMatchObject({ action: 'crashRack' })
      expect(restart).toMatchObject({ action: 'restartRack', rack: (crash as { rack: string }).rack })
      expect(restart.atMs).toBeGreaterThanOrEqual(crash.atMs)
      expect(restart.atMs).toBeLessThanOrEqual(faultEnd(UNTIL_MS))
    }
    for (const s of shapes) if (Object.keys(s.racks).length === 0) expect(s.actions).toEqual([])
    const withoutElr = shapes.filter((s) => s.features['eligible.leader.replicas.version'] === 0).length
    expect(withoutElr).toBeGreaterThan(5)
    expect(withoutElr).toBeLessThan(30)
    // the faults of a seed do not depend on its shape
    const s = fuzzScenario(base, 7, UNTIL_MS)
    expect(s.timeline.filter((a) => a.action !== 'crashRack' && a.action !== 'restartRack' && a.action !== 'cancelReassignment')).toEqual(randomFaultSchedule(7, fuzzTargets(base), UNTIL_MS))
    // a scenario's own racks are kept
    const own = parseScenario({ ...structuredClone(builtInScenarios['rack-loss']) as object })
    for (let seed = 1; seed <= 20; seed++) expect(clusterShape(seed, own, UNTIL_MS).racks).toEqual(own.cluster.racks)
  })

  it('keep network faults away from group members, and leave the server faults of a seed as without groups', () => {
    const targets = fuzzTargets(base)
    expect(targets.members).toEqual(['billing-1', 'billing-2', 'billing-3', 'ledger-1', 'ledger-2', 'ledger-3', 'dispatch-1', 'dispatch-2', 'dispatch-3'])
    expect(targets.groups).toEqual(['billing', 'ledger', 'dispatch'])
    const noGroups = fuzzTargets({ ...base, consumers: [], shareGroups: [] })
    expect(noGroups.members).toEqual([])
    const isMember = (ref: unknown) => targets.members.includes(String(ref))
    for (let seed = 1; seed <= 60; seed++) {
      const a = randomFaultSchedule(seed, targets, UNTIL_MS)
      for (const x of a) {
        if (x.action === 'isolate' || x.action === 'pauseNode' || x.action === 'resumeNode') expect(isMember(x.node)).toBe(false)
        if (x.action === 'slowLink') expect(x.between.some(isMember)).toBe(false)
        if (x.action === 'partitionNetwork') expect(x.sides.flat().some(isMember)).toBe(false)
        if (x.action === 'restartConsumer') expect(x.atMs + x.afterMs).toBeLessThanOrEqual(faultEnd(UNTIL_MS))
      }
      const consumerActions = new Set(['crashConsumer', 'restartConsumer', 'addConsumer', 'removeConsumer'])
      expect(a.filter((x) => !consumerActions.has(x.action))).toEqual(randomFaultSchedule(seed, noGroups, UNTIL_MS))
      expect(randomFaultSchedule(seed, noGroups, UNTIL_MS).some((x) => consumerActions.has(x.action))).toBe(false)
    }
  })
})

describe('the safe configuration under random faults', () => {
  for (let batch = 0; batch < BATCHES; batch++) {
    it(`has no checker violation (fast-check batch ${batch + 1} of ${BATCHES}, ${RUNS_PER_BATCH} seeds × ${UNTIL_MS / 1000} s)`, () => {
      let progressed = 0
      let consumed = 0
      let failure: string | undefined
      const details = fc.check(
        fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
          const r = runFuzzSeed(base, seed, UNTIL_MS)
          if (!r.ok) {
            failure = failureMessage(seed, r)
            return false
          }
          if (r.acked > 0) progressed++
          if (r.consumed > 0) consumed++
          return true
        }),
        { numRuns: RUNS_PER_BATCH, seed: 20260427 + batch, endOnFailure: true },
      )
      if (details.failed) {
        // a simulation that throws is a failure too; fast-check caught it
        const thrown = details.errorInstance instanceof Error ? details.errorInstance.message : undefined
        const seed = details.counterexample?.[0]
        expect.fail(
          failure ??
            `fuzz seed ${seed} threw: ${thrown}; reproduce with: ${reproduceCommand(Number(seed), UNTIL_MS)}`,
        )
      }
      // the runs did something: most seeds get records acknowledged despite the faults
      expect(progressed).toBeGreaterThan(RUNS_PER_BATCH / 2)
      // and the group consumed in most of them
      expect(consumed).toBeGreaterThan(RUNS_PER_BATCH / 2)
    })
  }
})

// Seed 444: broker 3 appends sequences 0–4 of producer "sticky" on orders-2 after it lost the
// leadership, answers NOT_LEADER_OR_FOLLOWER, and the replicas keep them; the retried sequence 0
// gets OUT_OF_ORDER_SEQUENCE_NUMBER while a later batch is still in flight. The idempotent producer
// must not bump its epoch and resend sequences 1–4 under it before that later batch's answer shows
// the broker already holds them (TransactionManager.canRetry / maybeResolveSequences).
describe('idempotent producer and an unknown outcome', () => {
  it('fuzz seed 444 writes no duplicate', () => {
    const r = runFuzzSeed(base, 444, UNTIL_MS)
    expect(r.checks.duplicates, failureMessage(444, r)).toBe(0)
    expect(r.ok, failureMessage(444, r)).toBe(true)
  })
})

// A replica that became leader and lost the leadership before it wrote anything keeps an epoch that
// starts at its log end offset. As a follower it must forget that epoch when it truncates (even when
// no record goes: UnifiedLog.truncateTo always cuts the leader-epoch cache at the LEO), or it keeps
// sending it as lastFetchedEpoch, gets the same divergingEpoch answer forever and never catches up.
describe('a follower whose latest epoch holds no record', () => {
  // Seed 36 with unclean elections: broker 1 is elected uncleanly (epoch 1) at its LEO 158 and
  // crashes; broker 2 leads epoch 3 from 538 without writing and loses it to broker 1 (epoch 4, from
  // 158). Broker 2 then kept its epoch-0 records 158..537 beside broker 1's epoch-4 records, below
  // both high watermarks.
  it('truncates to the new leader after unclean elections (lesson-clean-vs-unclean, fuzz seed 36)', () => {
    const unclean = parseScenario(structuredClone(builtInScenarios['lesson-clean-vs-unclean']))
    const r = runFuzzSeed(unclean, 36, 90_000)
    // the unclean elections lose acknowledged writes, which Kafka allows; the logs still converge
    expect(r.checks.lostAckedWrites).toBeGreaterThan(0)
    expect(r.checks.divergentReplicas, failureMessage(36, r)).toBe(0)
  })

  // Safe seed 17 (its fault schedule as the fuzzer drew it before controlled shutdowns joined the
  // faults, kept here): broker 2 led orders-1 in epoch 1 from offset 545 and lost it before writing;
  // it stayed at 545, out of the ISR, for the rest of the run.
  const SEED_17_FAULTS: TimelineAction[] = [
    { atMs: 15038, action: 'crashConsumer', member: 'billing-1' },
    { atMs: 17491, action: 'restartConsumer', member: 'dispatch-1', afterMs: 16341 },
    { atMs: 26939, action: 'crashController' },
    { atMs: 29856, action: 'crashBroker', broker: 1 },
    { atMs: 42000, action: 'restartBroker', broker: 1 },
    { atMs: 42000, action: 'healNetwork' },
    { atMs: 42001, action: 'restartBroker', broker: 1 },
    { atMs: 42251, action: 'restartBroker', broker: 2 },
    { atMs: 42501, action: 'restartBroker', broker: 3 },
  ]
  it('catches up and rejoins the ISR (safe configuration, fuzz seed 17)', () => {
    const w = createWorld({ ...base, seed: 17, durationMs: UNTIL_MS, timeline: [...base.timeline, ...SEED_17_FAULTS] }, 17)
    runUntil(w, UNTIL_MS)
    const follower = w.brokers['2'].replicas['orders-1']
    const leader = w.brokers[String(follower.leader)].replicas['orders-1']
    expect(leader.role).toBe('leader')
    expect(follower.role).toBe('follower')
    expect(latestEpoch(follower)).toBe(latestEpoch(leader))
    expect(follower.leo).toBeGreaterThan(1000)
    expect(leader.isr).toContain(2)
  })
})
