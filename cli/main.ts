/**
 * kafkascope's headless CLI (CONTRACT §2), run with tsx (`npm run --silent sim -- ...`, or
 * `npx kafkascope ...` through cli/kafkascope.mjs).
 *
 *   kafkascope run <scenario.json|session.json> [--seed N] [--until MS] [--json] [--describe] [--trace FILE.jsonl]
 *   kafkascope check-determinism <scenario.json> [--seed N] [--until MS]
 *   kafkascope fuzz [--scenario FILE] [--seeds N] [--start S] [--until MS]
 *   kafkascope bench [--json] [--until MS]
 *
 * Exit codes: 0 ok (every `expect` held, hashes equal, no fuzz violation); 1 an expectation, a
 * determinism comparison or a fuzz seed failed; 2 bad input (one line on stderr naming the file and
 * the field path, never a stack trace); 3 an internal error (a bug: one line, the stack only with
 * KAFKASCOPE_DEBUG=1).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import {
  createSimulation,
  kafkaConsumerGroupsDescribe,
  kafkaTopicsDescribe,
  parseScenario,
  parseScenarioText,
  restoreSimulation,
  ScenarioError,
  type Scenario,
  type Simulation,
  type Summary,
} from '../sim/index.ts'
import { isSessionLike, parseSession } from '../sim/scenario/session.ts'
import { evaluateExpect } from '../sim/check/expect.ts'
import { ANOMALY_COUNTS } from '../sim/trace/summary-types.ts'
import { nextTime } from '../sim/engine.ts'
import type { World } from '../sim/world.ts'
import {
  describeSchedule,
  faultEnd,
  reproduceCommand,
  runFuzzSeed,
  safeFuzzScenario,
  type FuzzResult,
} from '../sim/check/fuzz.ts'

const USAGE = `usage:
  kafkascope run <scenario.json|session.json> [--seed N] [--until MS] [--json] [--describe] [--trace FILE.jsonl]
  kafkascope check-determinism <scenario.json> [--seed N] [--until MS]
  kafkascope fuzz [--scenario FILE] [--seeds N] [--start S] [--until MS]
  kafkascope bench [--json] [--until MS]`

// ---------------------------------------------------------------------------------------------
// Errors

/** Bad input: exit 2 with one line, `kafkascope: <where>: <message>`. */
class InputError extends Error {}

function inputError(...parts: (string | undefined)[]): InputError {
  return new InputError(parts.filter((p) => p !== undefined && p !== '').join(': '))
}

// ---------------------------------------------------------------------------------------------
// Arguments

type FlagKind = 'int' | 'bool' | 'string'

interface Parsed {
  positionals: string[]
  flags: Record<string, string | number | boolean>
}

function parseArgs(command: string, argv: string[], spec: Record<string, FlagKind>, positionals: [number, number]): Parsed {
  const out: Parsed = { positionals: [], flags: {} }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=')
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq)
      const kind = spec[name]
      if (kind === undefined) {
        const known = Object.keys(spec).map((k) => `--${k}`)
        throw inputError(command, `unknown option --${name}${known.length ? ` (known: ${known.join(', ')})` : ''}`)
      }
      if (kind === 'bool') {
        if (eq >= 0) throw inputError(command, `--${name} takes no value`)
        out.flags[name] = true
        continue
      }
      let value: string | undefined
      if (eq >= 0) value = arg.slice(eq + 1)
      else {
        value = argv[i + 1]
        i++
      }
      if (value === undefined) throw inputError(command, `--${name} needs a value`)
      if (kind === 'int') {
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
          throw inputError(command, `--${name}: expected a non-negative integer, got ${JSON.stringify(value)}`)
        }
        out.flags[name] = Number(value)
      } else {
        if (value === '') throw inputError(command, `--${name}: expected a value, got an empty string`)
        out.flags[name] = value
      }
      continue
    }
    out.positionals.push(arg)
  }
  const [min, max] = positionals
  if (out.positionals.length < min) throw inputError(command, `missing the scenario file (usage: kafkascope ${command} <scenario.json> ...)`)
  if (out.positionals.length > max) throw inputError(command, `unexpected argument ${JSON.stringify(out.positionals[max])}`)
  return out
}

function intFlag(p: Parsed, name: string): number | undefined {
  const v = p.flags[name]
  return typeof v === 'number' ? v : undefined
}

function positiveFlag(command: string, p: Parsed, name: string): number | undefined {
  const v = intFlag(p, name)
  if (v !== undefined && v < 1) throw inputError(command, `--${name}: must be at least 1, got ${v}`)
  return v
}

// ---------------------------------------------------------------------------------------------
// Input files: a scenario, or a session (CONTRACT §6)

interface Loaded {
  file: string
  scenario: Scenario
  seed: number
  /** where `run` stops by default: the session's playhead, else the scenario's duration */
  untilMs: number
}

function loadInput(file: string): Loaded {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    const why =
      err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory, not a file' : err.code === 'EACCES' ? 'permission denied' : err.message
    throw inputError(file, `cannot read the file (${why})`)
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    try {
      parseScenarioText(body, file) // throws ScenarioError('(json)', message with line and column)
    } catch (e) {
      if (e instanceof ScenarioError) throw inputError(file, e.path, e.what)
      throw e
    }
    throw inputError(file, '(json)', 'invalid JSON')
  }
  if (isSessionLike(json)) return loadSession(file, json)
  try {
    const scenario = parseScenario(json)
    return { file, scenario, seed: scenario.seed, untilMs: scenario.durationMs }
  } catch (e) {
    if (e instanceof ScenarioError) throw inputError(file, e.path, e.what)
    throw e
  }
}

function loadSession(file: string, json: Record<string, unknown>): Loaded {
  try {
    const session = parseSession(json)
    return { file, scenario: session.merged, seed: session.seed, untilMs: session.playheadMs }
  } catch (e) {
    if (e instanceof ScenarioError) throw inputError(file, e.path, e.what)
    throw e
  }
}

// ---------------------------------------------------------------------------------------------
// Output helpers

function out(line = ''): void {
  process.stdout.write(line + '\n')
}

function err(line: string): void {
  process.stderr.write(line + '\n')
}

function table(headers: string[], rows: string[][], indent = '  '): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const fmt = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return [fmt(headers), ...rows.map(fmt)]
}

function ms(t: number): string {
  return `${(t / 1000).toFixed(3)} s`
}

function ids(list: readonly number[]): string {
  return list.length === 0 ? '-' : list.join(',')
}

function errorCounts(errors: Record<string, number>): string {
  const parts = Object.entries(errors).map(([k, v]) => `${k}×${v}`)
  return parts.length === 0 ? '-' : parts.join(' ')
}

const NOTES_SHOWN = 40

function printSummary(s: Summary, w: World, file: string): void {
  out(`${s.scenario}  (${file}, seed ${s.seed})`)
  out(`sim time ${ms(s.simTimeMs)} · ${s.events} events · trace hash ${s.traceHash}`)
  out()
  out(`Brokers     ${s.brokers.map((b) => `${b.id} ${b.state}`).join(' · ')}`)
  const c = s.controller
  out(`Controller  ${c.mode}, active ${c.active === -1 ? 'none' : c.active}, epoch ${c.epoch}`)
  out()
  const internal = s.partitions.filter((p) => p.topic.startsWith('__'))
  const user = s.partitions.filter((p) => !p.topic.startsWith('__'))
  if (user.length > 0) {
    const rows = user.map((p) => [
      p.topic,
      String(p.partition),
      p.leader < 0 ? 'none' : String(p.leader),
      String(p.leaderEpoch),
      ids(p.replicas),
      ids(p.isr),
      String(p.highWatermark),
      p.replicas.map((r) => `${r}:${p.logEndOffsets[String(r)] ?? 0}`).join(' '),
    ])
    for (const line of table(['Topic', 'Partition', 'Leader', 'Epoch', 'Replicas', 'Isr', 'HW', 'LEO (broker:offset)'], rows)) out(line)
  } else out('  (no topics)')
  if (internal.length > 0) {
    const byTopic = new Map<string, typeof internal>()
    for (const p of internal) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p])
    for (const [topic, parts] of byTopic) {
      const leaderless = parts.filter((p) => p.leader < 0).length
      out(`  ${topic}: ${parts.length} partitions${leaderless ? `, ${leaderless} without a leader` : ', all with a leader'}`)
    }
  }
  out()
  if (s.producers.length > 0) {
    const rows = s.producers.map((p) => [p.id, String(p.sent), String(p.acked), String(p.failed), errorCounts(p.errors)])
    for (const line of table(['Producer', 'Sent', 'Acked', 'Failed', 'Errors'], rows)) out(line)
    out()
  }
  if (s.readers.length > 0) {
    const rows = s.readers.map((r) => [
      r.id,
      String(r.polled),
      Object.entries(r.positions)
        .map(([tp, pos]) => `${tp}@${pos}`)
        .join(' ') || '-',
      errorCounts(r.errors),
    ])
    for (const line of table(['Reader', 'Polled', 'Positions', 'Errors'], rows)) out(line)
    out()
  }
  if (s.groups.length > 0) {
    const rows = s.groups.map((g) => [g.groupId, g.state, String(g.generation), g.protocol, String(g.coordinator), String(Object.keys(g.members).length)])
    for (const line of table(['Group', 'State', 'Generation', 'Protocol', 'Coordinator', 'Members'], rows)) out(line)
    out()
  }
  const k = s.checks
  const counts = ANOMALY_COUNTS.map((name) => `${name} ${k[name]}`).join(', ') + (k.redeliveries ? ` (redelivered records: ${k.redeliveries})` : '')
  out(`Checks      ${k.ok ? 'ok' : 'ANOMALIES'}: ${counts}`)
  for (const a of k.first.slice(0, 10)) out(`  ${ms(a.atMs).padStart(11)}  ${a.kind}: ${a.detail}`)
  if (k.first.length > 10) out(`  … see --json for the first ${k.first.length}`)
  out()
  const notes = w.notes
  out(`Events (${notes.length})`)
  for (const n of notes.slice(0, NOTES_SHOWN)) out(`  ${ms(n.atMs).padStart(11)}  ${n.kind.padEnd(10)}  ${n.text}`)
  if (notes.length > NOTES_SHOWN) out(`  … ${notes.length - NOTES_SHOWN} more`)
}

// ---------------------------------------------------------------------------------------------
// run

/** What the next step() will process, for the trace file. */
function peekNext(w: World): { node: string; what: string } {
  const ev = w.heap.items[0]
  const action = w.timeline[w.timelineNext]
  if (action && (!ev || action.atMs < ev.timeMs)) return { node: 'sim', what: action.action }
  if (!ev) return { node: '', what: '' }
  const what = ev.kind === 'msg' ? String((ev.data as { api?: unknown }).api) : ev.kind
  return { node: ev.node, what }
}

/** Step event by event to untilMs, writing one JSON line per processed event; same end state as runUntil. */
function runWithTrace(sim: Simulation, untilMs: number, traceFile: string): void {
  let fd: number
  try {
    fd = openSync(traceFile, 'w')
  } catch (e) {
    throw inputError(traceFile, `cannot write the trace file (${(e as Error).message})`)
  }
  try {
    const w = sim.world
    let buf: string[] = []
    let notesSeen = w.notes.length
    while (nextTime(w) <= untilMs) {
      const next = peekNext(w)
      sim.step()
      const line: Record<string, unknown> = { t: sim.nowMs, events: w.events, hash: sim.traceHash(), node: next.node, what: next.what }
      if (w.notes.length > notesSeen) {
        line.notes = w.notes.slice(notesSeen).map((n) => `[${n.kind}] ${n.text}`)
        notesSeen = w.notes.length
      }
      buf.push(JSON.stringify(line))
      if (buf.length >= 4096) {
        writeSync(fd, buf.join('\n') + '\n')
        buf = []
      }
    }
    if (buf.length > 0) writeSync(fd, buf.join('\n') + '\n')
    sim.runUntil(untilMs)
  } finally {
    closeSync(fd)
  }
}

/** What Kafka's own tools would print now: kafka-topics --describe, kafka-consumer-groups --describe. */
function printKafkaTools(sim: Simulation, summary: Summary): void {
  out('\n$ kafka-topics.sh --bootstrap-server localhost:9092 --describe --exclude-internal')
  out(kafkaTopicsDescribe(sim, { includeInternal: false }).trimEnd())
  for (const g of summary.groups) {
    out(`\n$ kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group ${g.groupId}`)
    const r = kafkaConsumerGroupsDescribe(sim, g.groupId)
    if (r.stderr.trim()) out(r.stderr.trim())
    out(r.stdout.replace(/^\n/, '').trimEnd())
  }
}

function cmdRun(argv: string[]): number {
  const p = parseArgs('run', argv, { seed: 'int', until: 'int', json: 'bool', trace: 'string', describe: 'bool' }, [1, 1])
  const loaded = loadInput(p.positionals[0])
  const seed = intFlag(p, 'seed') ?? loaded.seed
  const until = intFlag(p, 'until') ?? loaded.untilMs
  const sim = createSimulation(loaded.scenario, { seed })
  const trace = p.flags.trace
  if (typeof trace === 'string') runWithTrace(sim, until, trace)
  else sim.runUntil(until)
  const summary = sim.summary()
  if (p.flags.json) out(JSON.stringify(summary))
  else printSummary(summary, sim.world, loaded.file)
  if (p.flags.describe && !p.flags.json) printKafkaTools(sim, summary)
  const result = evaluateExpect(loaded.scenario.expect, summary)
  const n = Object.keys(loaded.scenario.expect).length
  if (!result.ok) {
    for (const f of result.failures) err(`expect failed: ${f}`)
    return 1
  }
  if (!p.flags.json) out(`\nexpect: ${n === 0 ? 'nothing to check' : 'every expectation held'}`)
  return 0
}

// ---------------------------------------------------------------------------------------------
// check-determinism

/** Uneven chunk sizes in 1..997 ms, from a fixed sequence. */
function chunkSizes(): () => number {
  let x = 12345
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return 1 + ((x >>> 8) % 997)
  }
}

function cmdCheckDeterminism(argv: string[]): number {
  const p = parseArgs('check-determinism', argv, { seed: 'int', until: 'int' }, [1, 1])
  const loaded = loadInput(p.positionals[0])
  const seed = intFlag(p, 'seed') ?? loaded.seed
  const until = intFlag(p, 'until') ?? loaded.untilMs
  const results: { label: string; hash: string; events: number; summary: string }[] = []
  const record = (label: string, sim: Simulation): void => {
    const s = sim.summary()
    results.push({ label, hash: s.traceHash, events: s.events, summary: JSON.stringify(s) })
  }

  for (const label of ['straight run 1', 'straight run 2']) {
    const sim = createSimulation(loaded.scenario, { seed })
    sim.runUntil(until)
    record(label, sim)
  }

  const chunked = createSimulation(loaded.scenario, { seed })
  const next = chunkSizes()
  let calls = 0
  for (let t = 0; t < until; ) {
    t = Math.min(until, t + next())
    chunked.runUntil(t)
    calls++
  }
  record(`chunked (${calls} runUntil calls)`, chunked)

  const points = [1, 2, 3, 4].map((k) => Math.floor((until * k) / 5) + k * 7)
  let sim = createSimulation(loaded.scenario, { seed })
  for (const t of points) {
    if (t >= until) break
    sim.runUntil(t)
    sim = restoreSimulation(structuredClone(sim.snapshot()))
  }
  sim.runUntil(until)
  record(`snapshot/restore at ${points.filter((t) => t < until).join(', ')} ms`, sim)

  const width = Math.max(...results.map((r) => r.label.length))
  out(`${loaded.scenario.name}: seed ${seed}, until ${until} ms`)
  for (const r of results) out(`  ${r.label.padEnd(width)}  ${r.hash}  ${r.events} events`)
  const hashesEqual = results.every((r) => r.hash === results[0].hash)
  const summariesEqual = results.every((r) => r.summary === results[0].summary)
  if (hashesEqual && summariesEqual) {
    out('deterministic: all hashes and summaries are equal')
    return 0
  }
  if (!hashesEqual) err('check-determinism: the trace hashes differ')
  else err('check-determinism: the trace hashes are equal but the summaries differ')
  for (const r of results.slice(1)) {
    if (r.summary !== results[0].summary) err(`  ${r.label}: summary differs from ${results[0].label}`)
  }
  return 1
}

// ---------------------------------------------------------------------------------------------
// fuzz

function cmdFuzz(argv: string[]): number {
  const p = parseArgs('fuzz', argv, { scenario: 'string', seeds: 'int', start: 'int', until: 'int' }, [0, 0])
  const file = typeof p.flags.scenario === 'string' ? p.flags.scenario : undefined
  const base = file === undefined ? safeFuzzScenario() : loadInput(file).scenario
  const seeds = positiveFlag('fuzz', p, 'seeds') ?? 100
  const start = intFlag(p, 'start') ?? 1
  const until = positiveFlag('fuzz', p, 'until') ?? (file === undefined ? 60000 : base.durationMs)
  if (until < 2000) throw inputError('fuzz', `--until: must be at least 2000 ms, got ${until}`)

  out(`fuzz: ${base.name}; seeds ${start}..${start + seeds - 1}, ${until} ms each (faults until ${faultEnd(until)} ms, then heal and restart)`)
  const t0 = performance.now()
  const failures: number[] = []
  let events = 0
  const every = Math.max(1, Math.ceil(seeds / 10))
  for (let i = 0; i < seeds; i++) {
    const seed = start + i
    let result: FuzzResult | undefined
    let crash: Error | undefined
    try {
      result = runFuzzSeed(base, seed, until)
      events += result.events
    } catch (e) {
      crash = e instanceof Error ? e : new Error(String(e))
    }
    if (crash || !result!.ok) {
      failures.push(seed)
      reportFuzzFailure(seed, until, file, result, crash)
    }
    const done = i + 1
    if (done % every === 0 || done === seeds) {
      const secs = (performance.now() - t0) / 1000
      out(`  ${done}/${seeds} seeds · ${failures.length} failing · ${events} events · ${secs.toFixed(1)} s`)
    }
  }
  const secs = (performance.now() - t0) / 1000
  if (failures.length === 0) {
    out(`fuzz: ${seeds} seeds, no violation (${secs.toFixed(1)} s)`)
    return 0
  }
  err(`fuzz: ${failures.length} of ${seeds} seeds failed: ${failures.join(', ')}`)
  return 1
}

function reportFuzzFailure(seed: number, until: number, file: string | undefined, r: FuzzResult | undefined, crash: Error | undefined): void {
  err(`FAIL seed ${seed}: ${crash ? `the simulation threw: ${crash.message}` : anomalyCounts(r!)}`)
  err(`  reproduce: ${reproduceCommand(seed, until, file)}`)
  if (r) {
    for (const a of r.checks.first.slice(0, 8)) err(`  ${String(a.atMs).padStart(8)} ms ${a.kind}: ${a.detail}`)
    const total = ANOMALY_COUNTS.reduce((sum, name) => sum + r.checks[name], 0)
    if (total > 8) err(`  … ${total - 8} more anomalies`)
    err('  fault schedule:')
    for (const line of describeSchedule(r.schedule)) err(`  ${line}`)
  } else if (process.env.KAFKASCOPE_DEBUG && crash?.stack) err(crash.stack)
}

function anomalyCounts(r: FuzzResult): string {
  const k = r.checks
  const parts: string[] = []
  for (const name of ANOMALY_COUNTS) {
    if (k[name] > 0) parts.push(`${name} ${k[name]}`)
  }
  return parts.join(', ')
}

// ---------------------------------------------------------------------------------------------
// bench

async function cmdBench(argv: string[]): Promise<number> {
  const p = parseArgs('bench', argv, { json: 'bool', until: 'int' }, [0, 0])
  const { runBench, formatBench } = await import('../bench/bench.ts')
  const result = runBench({ untilMs: positiveFlag('bench', p, 'until') })
  if (p.flags.json) out(JSON.stringify(result, null, 2))
  else for (const line of formatBench(result)) out(line)
  return 0
}

// ---------------------------------------------------------------------------------------------
// main

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'run':
      return cmdRun(rest)
    case 'check-determinism':
      return cmdCheckDeterminism(rest)
    case 'fuzz':
      return cmdFuzz(rest)
    case 'bench':
      return cmdBench(rest)
    case 'help':
    case '--help':
    case '-h':
      out(USAGE)
      return 0
    case undefined:
      err(USAGE)
      return 2
    default:
      throw inputError(`unknown command ${JSON.stringify(command)} (commands: run, check-determinism, fuzz, bench)`)
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (e) {
  if (e instanceof InputError) {
    err(`kafkascope: ${e.message}`)
    process.exitCode = 2
  } else {
    const message = e instanceof Error ? e.message : String(e)
    err(`kafkascope: internal error: ${message.split('\n')[0]}`)
    if (process.env.KAFKASCOPE_DEBUG && e instanceof Error && e.stack) err(e.stack)
    process.exitCode = 3
  }
}
