/**
 * The headless CLI (CONTRACT §2), spawned as a user runs it: `node --import tsx cli/main.ts ...` from
 * the repository root. Exit codes: 0 ok, 1 an expectation failed, 2 bad input (one line naming the
 * field path, no stack trace). Spawns run concurrently: each costs about a second of tsx start-up.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, type TimelineAction } from '../sim/index.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const tmp = mkdtempSync(join(tmpdir(), 'kafkascope-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

interface Result {
  code: number | null
  stdout: string
  stderr: string
}

function cli(...args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: root, env: { ...process.env, KAFKASCOPE_DEBUG: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const failoverText = readFileSync(join(root, 'scenarios/leader-failover.json'), 'utf8')
const failover = (): Record<string, any> => JSON.parse(failoverText)

/** Write a variant of leader-failover (or raw text) to a temp file; returns its path. */
function variant(name: string, edit: ((s: Record<string, any>) => void) | string): string {
  const path = join(tmp, name)
  if (typeof edit === 'string') writeFileSync(path, edit)
  else {
    const s = failover()
    edit(s)
    writeFileSync(path, JSON.stringify(s, null, 2))
  }
  return path
}

function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m)
  expect(stderr).not.toMatch(/internal error/)
}

describe.concurrent('kafkascope CLI', () => {
  it('run --json prints exactly one JSON object, the summary, and exits 0 when every expect holds', async () => {
    const r = await cli('run', 'scenarios/leader-failover.json', '--json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    const s = JSON.parse(r.stdout)
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining(['scenario', 'seed', 'simTimeMs', 'events', 'traceHash', 'brokers', 'controller', 'partitions', 'groups', 'producers', 'checks']),
    )
    expect(s.scenario).toBe('Leader failover')
    expect(s.seed).toBe(42)
    expect(s.simTimeMs).toBe(90000)
    expect(s.events).toBeGreaterThan(1000)
    expect(s.traceHash).toMatch(/^[0-9a-f]{16}$/)
    expect(s.brokers).toEqual([1, 2, 3].map((id) => ({ id, state: expect.stringMatching(/^(alive|crashed|fenced|isolated)$/) })))
    expect(s.controller).toMatchObject({ mode: 'kraft', active: expect.any(Number), epoch: expect.any(Number) })
    const p0 = s.partitions.find((p: any) => p.topic === 'orders' && p.partition === 0)
    expect(p0).toMatchObject({ leader: expect.any(Number), leaderEpoch: expect.any(Number), replicas: expect.any(Array), isr: expect.any(Array), highWatermark: expect.any(Number) })
    expect(Object.keys(p0.logEndOffsets).sort()).toEqual(['1', '2', '3'])
    expect(s.producers[0]).toMatchObject({ id: 'checkout', sent: expect.any(Number), acked: expect.any(Number), failed: expect.any(Number), errors: expect.any(Object) })
    expect(s.checks).toMatchObject({ ok: true, lostAckedWrites: 0, duplicates: 0, inconsistentOffsets: 0, nonMonotonicPolls: 0, divergentReplicas: 0, multipleLeaders: 0, first: [] })

    // the in-process simulation gives the same run
    const sim = createSimulation(parseScenario(failover()))
    sim.runUntil(90000)
    expect(s.traceHash).toBe(sim.traceHash())
  })

  it('run prints a readable summary', async () => {
    // stopping early: the scenario's own expectations (about the end state) do not apply
    const file = variant('no-expect-1.json', (s) => (s.expect = {}))
    const r = await cli('run', file, '--until', '30000')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Leader failover/)
    expect(r.stdout).toMatch(/trace hash [0-9a-f]{16}/)
    expect(r.stdout).toMatch(/Topic\s+Partition\s+Leader\s+Epoch\s+Replicas\s+Isr\s+HW/)
    expect(r.stdout).toMatch(/Producer\s+Sent\s+Acked\s+Failed\s+Errors/)
    expect(r.stdout).toMatch(/Checks\s+ok/)
    expect(r.stdout).toMatch(/crashBroker/)
  })

  const badInputs: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['run', join(tmp, 'no-such-file.json')], /no-such-file\.json: cannot read the file/],
    ['invalid JSON', () => ['run', variant('bad.json', '{"name": "x",\n  "topics": [,]}')], /bad\.json: \(json\): /],
    [
      'a replication factor above the broker count',
      () => ['run', variant('rf4.json', (s) => (s.topics[0].replicationFactor = 4))],
      /rf4\.json: topics\[0\]\.replicationFactor: 4 is more than the 3 brokers/,
    ],
    [
      'an unknown config key',
      () => ['run', variant('key.json', (s) => (s.topics[0].config['min.insync.replica'] = 2))],
      /key\.json: topics\[0\]\.config\.min\.insync\.replica: unknown/,
    ],
    ['acks=2', () => ['run', variant('acks.json', (s) => (s.producers[0].config.acks = 2))], /acks\.json: producers\[0\]\.config\.acks: /],
    [
      'an unknown action',
      () => ['run', variant('action.json', (s) => s.timeline.push({ atMs: 1000, action: 'explode' }))],
      /action\.json: timeline\[2\]\.action: unknown action "explode"/,
    ],
    ['an unknown topic', () => ['run', variant('topic.json', (s) => (s.producers[0].topic = 'nope'))], /topic\.json: producers\[0\]\.topic: unknown topic "nope"/],
    ['a bad --seed value', () => ['run', 'scenarios/leader-failover.json', '--seed', 'abc'], /--seed: expected a non-negative integer, got "abc"/],
    ['an unknown command', () => ['frobnicate'], /unknown command "frobnicate"/],
  ]

  it.each(badInputs)('exits 2 with one line naming the path for %s', async (_label, args, message) => {
    const r = await cli(...args())
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^kafkascope: /)
    expect(lines[0]).toMatch(message)
    expectNoStack(r.stderr)
  })

  it('exits 1 and names every expectation that failed', async () => {
    const file = variant('expect.json', (s) => (s.expect = { lostAckedWrites: 0, leaderOf: { 'orders-0': -1 }, producerAcked: { checkout: { max: 10 } } }))
    const r = await cli('run', file, '--json')
    expect(r.code).toBe(1)
    JSON.parse(r.stdout) // still prints the summary
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines).toEqual([expect.stringMatching(/^expect failed: leaderOf orders-0: expected -1, got \d+$/), expect.stringMatching(/^expect failed: producerAcked checkout: expected at most 10, got \d+$/)])
    expectNoStack(r.stderr)
  })

  it('runs a session: the interventions merged into the timeline, up to the playhead', async () => {
    const intervention = { atMs: 30000, action: 'crashBroker', broker: 3 } as TimelineAction
    const scenario = { ...failover(), expect: {} }
    const session = { version: 1, scenario, seed: 7, interventions: [intervention], playheadMs: 50000 }
    const file = variant('session.json', JSON.stringify(session))
    const r = await cli('run', file, '--json')
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s.simTimeMs).toBe(50000)
    expect(s.seed).toBe(7)
    const sim = createSimulation(parseScenario(scenario), { seed: 7 })
    sim.runUntil(30000)
    sim.apply(intervention)
    sim.runUntil(50000)
    expect(s.traceHash).toBe(sim.traceHash())
    expect(s.brokers.find((b: any) => b.id === 3).state).toBe('crashed')
  })

  it('writes one JSON line per processed event with --trace, ending in the summary hash', async () => {
    const trace = join(tmp, 'trace.jsonl')
    const file = variant('no-expect-2.json', (s) => (s.expect = {}))
    const r = await cli('run', file, '--until', '25000', '--json', '--trace', trace)
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout)
    const lines = readFileSync(trace, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(s.events)
    expect(lines[lines.length - 1]).toMatchObject({ events: s.events, hash: s.traceHash })
    expect(lines.every((l, i) => l.events === i + 1 && l.t <= 25000)).toBe(true)
    expect(lines.some((l) => (l.notes ?? []).some((n: string) => n.includes('crashBroker')))).toBe(true)
  })

  it('check-determinism exits 0 on leader-failover', async () => {
    const r = await cli('check-determinism', 'scenarios/leader-failover.json', '--until', '40000')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const hashes = [...r.stdout.matchAll(/\b([0-9a-f]{16})\b/g)].map((m) => m[1])
    expect(hashes).toHaveLength(4)
    expect(new Set(hashes).size).toBe(1)
  })

  it('fuzz with 2 seeds on the safe configuration exits 0', async () => {
    const r = await cli('fuzz', '--seeds', '2', '--start', '5', '--until', '20000')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/2 seeds, no violation/)
  })
})
