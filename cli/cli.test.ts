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
import { createSimulation, ENGINE_VERSION, parseScenario, parseSeedText, type TimelineAction } from '../sim/index.ts'
import { createProgress } from './progress.ts'
import { terminalSafe } from './terminal.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const tmp = mkdtempSync(join(tmpdir(), 'kafkascope-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

interface Result {
  code: number | null
  stdout: string
  stderr: string
}

function cli(...args: string[]): Promise<Result> {
  return spawnCli([], args)
}

/** The CLI with a module loaded ahead of it (`node --import`), e.g. one that plants a bug in the broker. */
function cliWith(preload: string, ...args: string[]): Promise<Result> {
  return spawnCli(['--import', preload], args)
}

function spawnCli(nodeArgs: string[], args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, 'cli/main.ts', ...args], { cwd: root, env: { ...process.env, KAFKASCOPE_DEBUG: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Loaded ahead of the CLI: the leader of orders-0 sets its HW above its LEO from 10 s on (a planted bug). */
const BROKEN_BROKER = './sim/check/broken-broker.test-helper.ts'

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

/** A progress report (cli/progress.ts), as written when stderr is not a terminal. */
const PROGRESS_LINE = /^kafkascope: (check-determinism run \d of 4 · )?\d+\.\d s of \d+\.\d s simulated \(\d+%\) · [\d.]+( [kMG])?( of [\d.]+( [kMG])?)? events · [\d.]+( [kMG])? events\/s · (about \d+ (s|min)|about \d+ h \d+ min|about \d+ days|time left unknown)( left)?$/

/** stderr without progress reports: a run may take over 2 s on a busy machine. */
function withoutProgress(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !PROGRESS_LINE.test(l))
    .join('\n')
}

function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m)
  expect(stderr).not.toMatch(/internal error/)
}

describe.concurrent('kafkascope CLI', () => {
  it('run --json prints exactly one JSON object, the summary, and exits 0 when every expect holds', async () => {
    const r = await cli('run', 'scenarios/leader-failover.json', '--json')
    expect(withoutProgress(r.stderr)).toBe('')
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

  it('run --lang ko prints the readable summary and the event log in Korean, Kafka names as Kafka spells them', async () => {
    const file = variant('no-expect-ko.json', (s) => (s.expect = {}))
    const [ko, en] = await Promise.all([cli('run', file, '--until', '40000', '--lang', 'ko', '--quiet'), cli('run', file, '--until', '40000', '--lang=en', '--quiet')])
    expect(ko.code).toBe(0)
    expect(ko.stdout).toMatch(/^리더 장애 조치/)
    expect(ko.stdout).toMatch(/시뮬레이션 시간 40\.000 s · 이벤트 \d+개 · trace hash [0-9a-f]{16}/)
    expect(ko.stdout).toMatch(/Topic\s+Partition\s+Leader\s+Epoch\s+Replicas\s+Isr\s+HW/)
    expect(ko.stdout).toMatch(/검사\s+ok: lostAckedWrites 0/)
    expect(ko.stdout).toMatch(/이벤트 로그 \(\d+\)/)
    expect(ko.stdout).toMatch(/action\s+crashBroker \{"broker":"leader:orders-0"\}/)
    expect(ko.stdout).toMatch(/broker\s+브로커 \d fence: \d+ ms 동안 heartbeat 없음 \(broker\.session\.timeout\.ms=9000\)/)
    expect(ko.stdout).not.toMatch(/Events \(|fenced: no heartbeat|sim time/)
    // the same run in English: the same trace hash, the English words
    const hash = (out: string) => /trace hash ([0-9a-f]{16})/.exec(out)?.[1]
    expect(en.code).toBe(0)
    expect(hash(en.stdout)).toBe(hash(ko.stdout))
    expect(en.stdout).toMatch(/sim time 40\.000 s · \d+ events/)
    expect(en.stdout).toMatch(/Events \(\d+\)/)
    expect(en.stdout).toMatch(/broker\s+Broker \d fenced: no heartbeat for \d+ ms \(broker\.session\.timeout\.ms=9000\)/)
  })

  it('run --lang with an unknown language exits 2 with one line', async () => {
    const r = await cli('run', 'scenarios/leader-failover.json', '--lang', 'xx')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toEqual(['kafkascope: run: --lang: expected ko or en, got "xx"'])
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
    ['a bad --seed value', () => ['run', 'scenarios/leader-failover.json', '--seed', 'abc'], /run: --seed: a seed is a whole number from 0 to 9007199254740991 written in digits, got "abc"/],
    ['an unknown command', () => ['frobnicate'], /unknown command "frobnicate"/],
    ['serve ports past 65535', () => ['serve', '--port', '65534'], /serve: --port: broker ports 65534\.\.65536 must lie in 1\.\.65535/],
    ['serve with a --watch-port past 65535', () => ['serve', '--watch-port', '70000'], /serve: --watch-port: must lie in 1\.\.65535 \(0: no WebSocket for the app\), got 70000/],
    ['serve with a --watch-port on a broker port', () => ['serve', '--watch-port', '9093'], /serve: --watch-port: 9093 is a broker's port \(9092\.\.9094\)/],
    ['serve with a bad scenario', () => ['serve', variant('serve.json', (s) => (s.topics[0].partitions = 0))], /serve\.json: topics\[0\]\.partitions: 0 must be at least 1/],
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
    const lines = withoutProgress(r.stderr).trimEnd().split('\n')
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

  it('runs a session of another engine version with a notice on stderr; one of this engine silently', async () => {
    const base = { version: 1, scenario: { ...failover(), expect: {} }, seed: 7, interventions: [], playheadMs: 20000 }
    const [same, other, none, ko] = await Promise.all([
      cli('run', variant('engine-same.json', JSON.stringify({ ...base, engine: ENGINE_VERSION })), '--json', '--quiet'),
      cli('run', variant('engine-other.json', JSON.stringify({ ...base, engine: '2020-01-01.1' })), '--json', '--quiet'),
      cli('run', variant('engine-none.json', JSON.stringify(base)), '--json', '--quiet'),
      cli('run', variant('engine-other-ko.json', JSON.stringify({ ...base, engine: '2020-01-01.1' })), '--quiet', '--lang', 'ko'),
    ])
    expect(same.code).toBe(0)
    expect(same.stderr).toBe('')
    expect(other.code).toBe(0)
    expect(other.stderr.trimEnd().split('\n')).toEqual([
      `kafkascope: run: ${join(tmp, 'engine-other.json')}: This session was made by kafkascope engine 2020-01-01.1; this is engine ${ENGINE_VERSION}: the run may differ from the one that was shared.`,
    ])
    expect(none.stderr).toMatch(/does not say which kafkascope engine made it .*the run may differ from the one that was shared/)
    expect(ko.stderr).toMatch(/엔진 2020-01-01\.1에서 만들어졌고.*공유된 실행과 다르게 진행될 수 있습니다/)
    // the run itself is this engine's run of the same scenario, seed and interventions
    expect(JSON.parse(other.stdout).traceHash).toBe(JSON.parse(same.stdout).traceHash)
    expect(JSON.parse(none.stdout).traceHash).toBe(JSON.parse(same.stdout).traceHash)
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
    const [r, run] = await Promise.all([
      cli('check-determinism', 'scenarios/leader-failover.json', '--until', '40000'),
      cli('run', variant('no-expect-5.json', (s) => (s.expect = {})), '--until', '40000', '--json', '--quiet'),
    ])
    expect(withoutProgress(r.stderr)).toBe('')
    expect(r.code).toBe(0)
    const hashes = [...r.stdout.matchAll(/\b([0-9a-f]{16})\b/g)].map((m) => m[1])
    expect(hashes).toHaveLength(4)
    expect(new Set(hashes).size).toBe(1)
    // its progress observer leaves no mark: the same hash as a plain run
    expect(hashes[0]).toBe(JSON.parse(run.stdout).traceHash)
  })

  it('check-determinism --invariants checks them in its first run, and names a broken one with the event and a command that reproduces it', async () => {
    const [clean, broken] = await Promise.all([
      cli('check-determinism', 'scenarios/leader-failover.json', '--until', '40000', '--invariants', '--quiet'),
      cliWith(BROKEN_BROKER, 'check-determinism', 'scenarios/leader-failover.json', '--invariants', '--quiet'),
    ])
    expect(clean.stderr).toBe('')
    expect(clean.code).toBe(0)
    expect(clean.stdout).toMatch(/straight run 1, invariants checked +([0-9a-f]{16}) +\d+ events/)
    expect(new Set([...clean.stdout.matchAll(/\b([0-9a-f]{16})\b/g)].map((m) => m[1])).size).toBe(1)

    expect(broken.code).toBe(1)
    expect(broken.stdout).toBe('')
    const lines = broken.stderr.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^invariant broken after event \d+ at (\d+) ms \(node \d, broker\.tick\):$/)
    expect(lines[1]).toMatch(/^ {2}hwAboveLeo: orders-0 replica on broker \d: high watermark \d+ above log end offset \d+$/)
    const atMs = lines[0].match(/ at (\d+) ms/)![1]
    expect(lines[2]).toBe(`  reproduce: npx kafkascope check-determinism scenarios/leader-failover.json --seed 42 --until ${atMs} --invariants`)
    expect(lines).toHaveLength(3)
    // the command finds the same event again
    const again = await cliWith(BROKEN_BROKER, ...lines[2].replace('  reproduce: npx kafkascope ', '').split(' '), '--quiet')
    expect(again.code).toBe(1)
    expect(again.stderr).toBe(broken.stderr)
  })

  it('fuzz --invariants reports the seed, the broken invariant and its reproduce command', async () => {
    const r = await cliWith(BROKEN_BROKER, 'fuzz', '--scenario', 'scenarios/leader-failover.json', '--seeds', '1', '--start', '3', '--until', '20000', '--invariants')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/state invariants checked after every event/)
    const lines = r.stderr.split('\n')
    expect(lines[0]).toBe('FAIL seed 3: invariant hwAboveLeo broken')
    expect(lines[1]).toBe('  reproduce: npx kafkascope fuzz --scenario scenarios/leader-failover.json --seeds 1 --start 3 --until 20000 --invariants')
    expect(lines[2]).toMatch(/^ {2}invariant broken after event \d+ at \d+ ms \((node \d, broker\.tick|timeline action \w+)\):$/)
    expect(lines[3]).toMatch(/^ {4}hwAboveLeo: orders-0 replica on broker \d: high watermark \d+ above log end offset \d+$/)
    expect(r.stderr).toMatch(/\n {2}fault schedule:\n/)
  })

  it('fuzz with 2 seeds on the safe configuration exits 0', async () => {
    const r = await cli('fuzz', '--seeds', '2', '--start', '5', '--until', '20000')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/2 seeds, no violation/)
  })
})

/** Raw bytes a terminal would act on: C0 (but newline and tab), DEL, C1, line separators, bidi controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/** A name that would set the terminal's title, clear the screen, colour it (C1 CSI) and reverse text. */
const HOSTILE_NAME = 'Evil\u001b]0;owned\u0007\u001b[2J\u009b31m\u202egnp.exe\u2028\u007f'

/** A session around leader-failover (no expect), with `edit` applied to the session object. */
function session(name: string, edit: (s: Record<string, any>) => void): string {
  const s: Record<string, any> = { version: 1, scenario: { ...failover(), expect: {} }, seed: 7, interventions: [], playheadMs: 1000 }
  edit(s)
  return variant(name, JSON.stringify(s))
}

function timed(run: Promise<Result>): Promise<Result & { wallMs: number }> {
  const started = performance.now()
  return run.then((r) => ({ ...r, wallMs: performance.now() - started }))
}

function expectOneBadInputLine(r: Result, message: RegExp): void {
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^kafkascope: /)
  expect(lines[0]).toMatch(message)
  expectNoStack(r.stderr)
}

describe.concurrent('kafkascope CLI: nothing a user opens hangs it, exhausts it or takes over the terminal', () => {
  it('refuses a session whose playhead lies after the scenario end (2^53-1), at once', async () => {
    const file = session('far-playhead.json', (s) => (s.playheadMs = Number.MAX_SAFE_INTEGER))
    const r = await timed(cli('run', file, '--json'))
    expectOneBadInputLine(r, /far-playhead\.json: playheadMs: 9007199254740991 ms is after the scenario's end/)
    expect(r.wallMs).toBeLessThan(30_000)
  })

  it('refuses --until past the scenario end when the run would be too big, naming how far it may go', async () => {
    const file = variant('long-until.json', () => {})
    const r = await timed(cli('run', file, '--until', '2147483647'))
    expectOneBadInputLine(r, /^kafkascope: run: --until: this run would take about [\d.]+ (million|billion) events .* --until can be at most \d+; or use fewer/)
    expect(r.wallMs).toBeLessThan(30_000)
    const fuzz = await cli('fuzz', '--seeds', '1', '--until', '2147483647')
    expectOneBadInputLine(fuzz, /^kafkascope: fuzz: --until: this run would take about/)
  })

  it('refuses a session whose scenario nests 100,000 levels deep with exit 2 naming the depth', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const file = session('deep-session.json', (s) => (s.scenario.description = 'DEEP'))
    writeFileSync(file, readFileSync(file, 'utf8').replace('"DEEP"', deep))
    const r = await cli('run', file)
    expectOneBadInputLine(r, /deep-session\.json: scenario\.description\[0\]\[0\].*: nested more than 32 levels deep/)
  })

  it('refuses a 200 KB file of nested objects quickly (the check is linear)', async () => {
    const levels = 40_000
    const file = variant('deep-objects.json', `{"name": "deep", "topics": ${'{"a": '.repeat(levels)}1${'}'.repeat(levels)}}`)
    expect(readFileSync(file).length).toBeGreaterThan(200_000)
    const r = await timed(cli('run', file))
    expectOneBadInputLine(r, /deep-objects\.json: topics\.a\.a\.a\.a\.a.*: nested more than 32 levels deep/)
    expect(r.wallMs).toBeLessThan(30_000)
  })

  it('shows the control characters of a scenario name escaped, in the readable summary and in --json', async () => {
    const file = variant('hostile-\u001b[2J-name.json', (s) => {
      s.name = HOSTILE_NAME
      s.expect = {}
    })
    const readable = await cli('run', file, '--until', '3000', '--describe')
    expect(readable.code).toBe(0)
    expect(readable.stdout).not.toMatch(CONTROL)
    expect(readable.stderr).not.toMatch(CONTROL)
    expect(readable.stdout.split('\n')[0]).toBe(
      String.raw`Evil\x1b]0;owned\x07\x1b[2J\x9b31m\u202egnp.exe\u2028\x7f  (` + file.replace('\u001b', String.raw`\x1b`) + ', seed 42)',
    )

    const json = await cli('run', file, '--until', '3000', '--json')
    expect(json.code).toBe(0)
    expect(json.stdout).not.toMatch(CONTROL)
    expect(json.stdout.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(json.stdout).scenario).toBe(HOSTILE_NAME)
  })

  it("escapes the control bytes Node's JSON.parse message quotes from an invalid file, and the file's name", async () => {
    const file = join(tmp, 'bad-\u009b31m.json')
    writeFileSync(file, Buffer.from('\u001b]0;owned\u0007\u001b[2J\u009b31m\u202e{', 'utf8'))
    const r = await cli('run', file)
    expectOneBadInputLine(r, /: \(json\): /)
    expect(r.stderr).not.toMatch(CONTROL)
    expect(r.stderr).toContain(String.raw`bad-\x9b31m.json: (json): `)
    expect(r.stderr).toContain(String.raw`\x1b]0;owned\x07\x1b[2J`)
  })

  it('--max-events stops at exactly N events; the unchecked expect of the scenario exits 1', async () => {
    const n = 5000
    const r = await cli('run', 'scenarios/leader-failover.json', '--max-events', String(n), '--json')
    expect(r.code).toBe(1)
    const s = JSON.parse(r.stdout)
    expect(s.events).toBe(n)
    const lines = withoutProgress(r.stderr).trimEnd().split('\n')
    expect(lines).toEqual([
      `kafkascope: run: stopped after ${n} events (--max-events) at ${(s.simTimeMs / 1000).toFixed(3)} s of 90.000 s of simulated time`,
      "expect not checked: the run stopped at --max-events before the scenario's end",
    ])
    // the same run, stepped in-process: stepping to the cap is exact
    const sim = createSimulation(parseScenario(failover()))
    for (let i = 0; i < n; i++) sim.step()
    expect(s.simTimeMs).toBe(sim.nowMs)
    expect(s.traceHash).toBe(sim.traceHash())
  })

  it('--max-events on a scenario without expect exits 0 and prints the summary at that moment', async () => {
    const file = variant('no-expect-3.json', (s) => (s.expect = {}))
    const r = await cli('run', file, '--max-events', '3000')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^sim time [\d.]+ s · 3000 events · trace hash/m)
    expect(r.stdout).toMatch(/expect: nothing to check/)
    expect(withoutProgress(r.stderr).trimEnd()).toMatch(/^kafkascope: run: stopped after 3000 events \(--max-events\) at [\d.]+ s of 90\.000 s of simulated time$/)
  })

  it('--max-events with --trace writes exactly N lines, the last with the summary hash', async () => {
    const trace = join(tmp, 'capped-trace.jsonl')
    const file = variant('no-expect-4.json', (s) => (s.expect = {}))
    const r = await cli('run', file, '--max-events', '2500', '--json', '--trace', trace)
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s.events).toBe(2500)
    const lines = readFileSync(trace, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(2500)
    expect(lines[lines.length - 1]).toMatchObject({ events: 2500, hash: s.traceHash, t: s.simTimeMs })
  })

  it('--max-events above what the run needs changes nothing: the expect is checked and holds', async () => {
    const r = await cli('run', 'scenarios/leader-failover.json', '--max-events', '100000000', '--json')
    expect(r.code).toBe(0)
    expect(withoutProgress(r.stderr)).toBe('')
    const s = JSON.parse(r.stdout)
    expect(s.simTimeMs).toBe(90000)
    expect(s.events).toBeLessThan(100000000)
  })

  // 1.5 M events of the benchmark take several seconds (about 5 s on one free core)
  const longRun = ['run', 'bench/standard.json', '--until', '600000', '--max-events', '1500000', '--json']

  it('reports progress on stderr, one line each ~2 s, during a run of several seconds', async () => {
    const r = await cli(...longRun)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).events).toBe(1_500_000)
    const lines = r.stderr.trimEnd().split('\n')
    const progress = lines.filter((l) => l.startsWith('kafkascope: ') && l.includes(' simulated ('))
    expect(progress.length).toBeGreaterThanOrEqual(1)
    for (const l of progress) expect(l).toMatch(PROGRESS_LINE)
    expect(progress[0]).toMatch(/ of 600\.0 s simulated \(\d+%\) · [\d.]+ [kM] of 1\.5 M events · [\d.]+ k events\/s · about \d+ (s|min) left$/)
    expect(lines[lines.length - 1]).toMatch(/^kafkascope: run: stopped after 1500000 events/)
    expect(lines).toHaveLength(progress.length + 1)
  })

  it('--quiet turns progress off', async () => {
    const r = await timed(cli(...longRun, '--quiet'))
    expect(r.wallMs).toBeGreaterThan(2500) // long enough that progress would have shown
    expect(r.code).toBe(0)
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^kafkascope: run: stopped after 1500000 events/)])
  })

  const oddSeeds = ['-1', '0x10', ' 7 ', '1e3', '9007199254740992']

  it.each(oddSeeds)('refuses --seed %j with the words of the one seed rule', async (seed) => {
    const problem = (parseSeedText(seed) as { problem: string }).problem
    expect(problem).toBeTruthy()
    const r = await cli('run', 'scenarios/leader-failover.json', '--seed', seed)
    expectOneBadInputLine(r, /./)
    expect(r.stderr.trimEnd()).toBe(`kafkascope: run: --seed: ${problem}`)
  })

  it('refuses fuzz --start and check-determinism --seed by the same rule', async () => {
    const [fuzz, determinism] = await Promise.all([
      cli('fuzz', '--start', '1e3', '--seeds', '1'),
      cli('check-determinism', 'scenarios/leader-failover.json', '--seed=-1'),
    ])
    expectOneBadInputLine(fuzz, /./)
    expect(fuzz.stderr.trimEnd()).toBe(`kafkascope: fuzz: --start: ${(parseSeedText('1e3') as { problem: string }).problem}`)
    expectOneBadInputLine(determinism, /./)
    expect(determinism.stderr.trimEnd()).toBe(`kafkascope: check-determinism: --seed: ${(parseSeedText('-1') as { problem: string }).problem}`)
  })

  it('cuts a long list of failed expectations with "and N more"', async () => {
    const leaderOf = Object.fromEntries(Array.from({ length: 50 }, (_, p) => [`__consumer_offsets-${p}`, -1]))
    const file = variant('many-expect.json', (s) => (s.expect = { leaderOf }))
    const r = await cli('run', file, '--until', '20000', '--json')
    expect(r.code).toBe(1)
    const lines = withoutProgress(r.stderr).trimEnd().split('\n')
    expect(lines).toHaveLength(21)
    expect(lines.slice(0, 20).every((l) => /^expect failed: leaderOf __consumer_offsets-\d+: expected -1, got \d+$/.test(l))).toBe(true)
    expect(lines[20]).toBe('expect failed: … and 30 more')
  })

  it('cuts a long argument in a message', async () => {
    const r = await cli('run', 'scenarios/leader-failover.json', '--until', 'x'.repeat(100_000))
    expectOneBadInputLine(r, /^kafkascope: run: --until: expected a whole number from 0 to 9007199254740991, got "x{40}…"$/)
  })
})

describe('kafkascope CLI: the escaping and progress functions themselves', () => {
  it('terminalSafe leaves no control character of the whole BMP, and --json text reads back the same', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => c)
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCharCode(c))
      .join('')
    const text = terminalSafe(all)
    expect(text).not.toMatch(CONTROL)
    expect(text).toContain('\t\n') // tab and newline stay
    expect(text).toContain(String.raw`\x1b`)
    expect(text).toContain(String.raw`\x9f`)
    expect(text).toContain(String.raw`\u202e`)
    const json = terminalSafe(JSON.stringify({ [all]: [all] }), 'json')
    expect(json).not.toMatch(CONTROL)
    expect(JSON.parse(json)).toEqual({ [all]: [all] })
  })

  it('progress waits ~2 s, then rewrites one line in place on a terminal and clears it when done', () => {
    let now = 0
    let written = ''
    const stream = { isTTY: true, write: (s: string) => (written += s) } as unknown as NodeJS.WriteStream
    const progress = createProgress({ targetMs: 600_000, enabled: true, stream, clock: () => now })
    now = 1500
    progress.update(10_000, 50_000)
    expect(written).toBe('')
    now = 2100
    progress.update(125_000, 2_100_000)
    expect(written).toBe('\r\x1b[Kkafkascope: 125.0 s of 600.0 s simulated (20%) · 2.1 M events · 1.0 M events/s · about 8 s left')
    now = 3000
    progress.update(130_000, 2_200_000)
    expect(written).not.toContain('130.0 s') // not yet 2 s since the last report
    progress.done()
    expect(written.endsWith('\r\x1b[K')).toBe(true)
    expect(written).not.toContain('\n')
  })
})
