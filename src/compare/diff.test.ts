// Real runs of the built-in scenarios, A against B with one setting flipped: the differences
// table calls out what that setting does (records lost vs time without a leader, duplicates,
// rebalances), and the two runs' clocks stay locked however the time is cut.
import { expect, test } from 'vitest'
import { createSimulation, parseScenario, builtInScenarios } from '../../sim/index.ts'
import { advancePair, createPair, pairFacts, pairNow } from './pair.ts'
import { diffRows, type DiffRow } from './diff.ts'
import type { SettingId } from './variants.ts'

function compare(id: string, setting: SettingId, untilMs?: number) {
  const scenario = parseScenario(builtInScenarios[id])
  const pair = createPair({ scenario, seed: scenario.seed, interventions: [] }, setting)
  advancePair(pair, untilMs ?? scenario.durationMs)
  const facts = pairFacts(pair)
  return { pair, facts, rows: diffRows(facts.a, facts.b, pair.setting) }
}

function row(rows: DiffRow[], id: string): DiffRow {
  const r = rows.find((x) => x.id === id)
  if (!r) throw new Error(`no row ${id} in ${rows.map((x) => x.id).join(', ')}`)
  return r
}

test('unclean election on (A) loses acknowledged records; off (B) leaves the partition without a leader instead', () => {
  const { facts, rows, pair } = compare('unclean-election-data-loss', 'unclean')
  expect(pair.setting).toMatchObject({ a: 'true', b: 'false' })
  expect(facts.a.lost).toBeGreaterThan(0)
  expect(facts.b.lost).toBe(0)
  expect(facts.b.leaderlessMs).toBeGreaterThan(10_000)
  expect(facts.b.leaderlessMs).toBeGreaterThan(facts.a.leaderlessMs)
  const lost = row(rows, 'lost')
  expect(lost.differs).toBe(true)
  expect(lost.note.en).toMatch(/^A lost \d+ more acknowledged records than B/)
  expect(lost.note.ko).toContain('A는 B보다')
  const leaderless = row(rows, 'leaderless')
  expect(leaderless.differs).toBe(true)
  expect(leaderless.note.en).toMatch(/^B had partitions without a leader/)
  expect(row(rows, 'duplicates').differs).toBe(false)
  expect(rows.some((r) => r.id.startsWith('redeliveries'))).toBe(false)
  // start-up metadata warnings are beside the comparison, not request errors and not a difference
  expect(rows.some((r) => r.id === 'error-UNKNOWN_TOPIC_OR_PARTITION')).toBe(false)
  const warmup = row(rows, 'metadata-warmup')
  expect(warmup).toMatchObject({ aside: true, differs: false })
  expect(warmup.raw!.a).toBeGreaterThan(0)
  expect(warmup.note.en).toContain('the Java client logs these as warnings and retries')
})

test('idempotence off (B) writes the retried batches twice: more duplicates', () => {
  const { facts, rows } = compare('idempotent-retries', 'idempotence')
  expect(facts.b.duplicates).toBeGreaterThan(facts.a.duplicates)
  expect(row(rows, 'duplicates')).toMatchObject({ differs: true })
  expect(row(rows, 'duplicates').note.en).toMatch(/^B has \d+ more duplicates than A/)
  expect(row(rows, 'error-REQUEST_TIMED_OUT').differs).toBe(false)
})

test('range (A) vs cooperative-sticky (B): cooperative needs a second rebalance', () => {
  const { facts, rows } = compare('consumer-joins-rebalance', 'strategy')
  expect(facts.b.rebalances).toBe(facts.a.rebalances + 1)
  const rebalances = row(rows, 'rebalances')
  expect(rebalances.differs).toBe(true)
  expect(rebalances.note.en).toContain('COOPERATIVE')
  expect(row(rows, 'notStable').differs).toBe(true)
  expect(row(rows, 'lost').differs).toBe(false)
  // the record path does not depend on the consumers' assignor
  expect(facts.a.acked).toBe(facts.b.acked)
})

test('the clocks stay locked: both runs at the same time, and cutting time differently gives the same facts', () => {
  const scenario = parseScenario(builtInScenarios['unclean-election-data-loss'])
  const steady = createPair({ scenario, seed: scenario.seed, interventions: [] }, 'unclean')
  advancePair(steady, 50_000)
  const jumpy = createPair({ scenario, seed: scenario.seed, interventions: [] }, 'unclean')
  let calls = 0
  for (let t = 0; t < 50_000; t += 1_337) {
    advancePair(jumpy, t, { now: () => calls++, untilWall: calls + 3 })
    expect(jumpy.a.sim.nowMs).toBe(jumpy.b.sim.nowMs)
  }
  advancePair(jumpy, 50_000)
  expect(pairNow(jumpy)).toBe(50_000)
  expect(jumpy.a.sim.traceHash()).toBe(steady.a.sim.traceHash())
  expect(jumpy.b.sim.traceHash()).toBe(steady.b.sim.traceHash())
  expect(pairFacts(jumpy)).toEqual(pairFacts(steady))
})

test('A is the run on the page: the same scenario and seed give the same trace as a plain run', () => {
  const { pair } = compare('leader-failover', 'acks', 30_000)
  const scenario = parseScenario(builtInScenarios['leader-failover'])
  const plain = createSimulation(scenario, { seed: scenario.seed })
  plain.runUntil(30_000)
  expect(pair.a.sim.traceHash()).toBe(plain.traceHash())
  expect(pair.b.sim.traceHash()).not.toBe(plain.traceHash())
})


test('a crash (A) breaks the producer’s connection; a controlled shutdown (B) hands leadership over first', () => {
  const { facts, rows, pair } = compare('leader-failover', 'shutdown')
  expect(pair.setting).toMatchObject({ key: 'controlled.shutdown.enable', a: 'false', b: 'true' })
  expect(facts.a.errors.NETWORK_EXCEPTION).toBeGreaterThan(0)
  expect(facts.b.errors.NETWORK_EXCEPTION ?? 0).toBe(0)
  expect(row(rows, 'error-NETWORK_EXCEPTION').differs).toBe(true)
  expect(facts.a.lost).toBe(0)
  expect(facts.b.lost).toBe(0)
})

test('ZooKeeper mode (A) keeps a crashed controller broker as leader until its session expires; KRaft (B) fences it sooner', () => {
  const { facts, rows, pair } = compare('zookeeper-failover', 'mode', 50_000)
  expect(pair.setting).toMatchObject({ key: 'controller.mode', a: 'zookeeper', b: 'kraft' })
  // one partition led by the crashed broker: ~13 s (session expiry) against ~10.6 s (9 s fencing after its last heartbeat)
  expect(facts.a.downLeaderMs).toBeGreaterThan(12_000)
  expect(facts.b.downLeaderMs).toBeGreaterThan(9_000)
  expect(facts.a.downLeaderMs - facts.b.downLeaderMs).toBeGreaterThan(1_500)
  const down = row(rows, 'downLeader')
  expect(down.differs).toBe(true)
  expect(down.note.en).toMatch(/^A kept leaders that were down [\d.]+ s longer than B/)
  expect(facts.a.lost + facts.b.lost).toBe(0)
})
