/**
 * kafkascope's headless CLI (CONTRACT §2), run with tsx (`npm run --silent sim -- ...`, or
 * `npx kafkascope ...` through cli/kafkascope.mjs).
 *
 *   kafkascope run <scenario.json|session.json> [--seed N] [--until MS] [--max-events N] [--json] [--describe] [--trace FILE.jsonl] [--quiet] [--lang ko|en]
 *   kafkascope check-determinism <scenario.json> [--seed N] [--until MS] [--quiet] [--invariants]
 *   kafkascope fuzz [--scenario FILE] [--seeds N] [--start S] [--until MS] [--invariants]
 *   kafkascope bench [--json] [--until MS]
 *
 * Exit codes: 0 ok (every `expect` held, hashes equal, no fuzz violation, no broken invariant); 1 an
 * expectation, a determinism comparison, a fuzz seed or a state invariant (--invariants) failed; 2
 * bad input (one line on stderr naming the file and the field path, never a stack trace); 3 an
 * internal error (a bug: one line, the stack only with KAFKASCOPE_DEBUG=1).
 *
 * Every line goes through cli/terminal.ts, which shows control characters escaped. Runs that take
 * more than about 2 s report progress on stderr (cli/progress.ts) unless --quiet; cli/advance.ts
 * runs the simulation in slices between those reports and stops it at --max-events.
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs'
import {
  createSimulation,
  kafkaConsumerGroupsDescribe,
  kafkaShareGroupsDescribe,
  kafkaTopicsDescribe,
  parseScenario,
  parseScenarioText,
  parseSeedText,
  runSizeProblemUntil,
  listSome,
  restoreSimulation,
  runCheckingInvariants,
  ScenarioError,
  SEED_MAX,
  type Scenario,
  type InvariantBreak,
  type Simulation,
  type Summary,
  isSessionLike,
  parseSession,
  evaluateExpect,
  ANOMALY_COUNTS,
  type Note,
  runNotes,
  eventKind,
  formatEvent,
  type EventLang,
  describeSchedule,
  faultEnd,
  reproduceCommand,
  runFuzzSeed,
  safeFuzzScenario,
  shellQuote,
  type FuzzOptions,
  type FuzzResult,
  isInternalTopic,
  scenarioText,
} from '../sim/index.ts'
import { advance, TraceFileError, watchProgress } from './advance.ts'
import { createProgress } from './progress.ts'
import { cut, cutLine, err, out, outJson, quoted } from './terminal.ts'

const USAGE = `usage:
  kafkascope run <scenario.json|session.json> [--seed N] [--until MS] [--max-events N] [--json] [--describe] [--trace FILE.jsonl] [--quiet] [--lang ko|en]
  kafkascope check-determinism <scenario.json> [--seed N] [--until MS] [--quiet] [--invariants]
  kafkascope fuzz [--scenario FILE] [--seeds N] [--start S] [--until MS] [--invariants]
  kafkascope bench [--json] [--until MS]
  kafkascope serve [scenario.json] [--port 9092] [--host 127.0.0.1] [--watch-port 9091] [--record session.json]`

// ---------------------------------------------------------------------------------------------
// Errors

/** Bad input: exit 2 with one line, `kafkascope: <where>: <message>`. */
class InputError extends Error {}

function inputError(...parts: (string | undefined)[]): InputError {
  return new InputError(parts.filter((p) => p !== undefined && p !== '').join(': '))
}

// ---------------------------------------------------------------------------------------------
// Arguments

/** 'seed' follows the one seed rule (sim/scenario/seed.ts), with its words. */
type FlagKind = 'int' | 'seed' | 'bool' | 'string'

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
        throw inputError(command, `unknown option --${cut(name)}${known.length ? ` (known: ${known.join(', ')})` : ''}`)
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
      out.flags[name] = flagValue(command, name, kind, value)
      continue
    }
    out.positionals.push(arg)
  }
  const [min, max] = positionals
  if (out.positionals.length < min) throw inputError(command, `missing the scenario file (usage: kafkascope ${command} <scenario.json> ...)`)
  if (out.positionals.length > max) throw inputError(command, `unexpected argument ${quoted(out.positionals[max])}`)
  return out
}

function flagValue(command: string, name: string, kind: Exclude<FlagKind, 'bool'>, value: string): string | number {
  if (kind === 'seed') {
    const seed = parseSeedText(value)
    if ('problem' in seed) throw inputError(command, `--${name}`, seed.problem)
    return seed.seed
  }
  if (kind === 'int') {
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw inputError(command, `--${name}: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${quoted(value)}`)
    }
    return Number(value)
  }
  if (value === '') throw inputError(command, `--${name}: expected a value, got an empty string`)
  return value
}

/** `--until` past the scenario's end is held to the same work limit as durationMs (sim/scenario/run-size.ts). */
function untilFlag(command: string, p: Parsed, scenario: Scenario, fallback: number): number {
  const until = intFlag(p, 'until')
  if (until === undefined) return fallback
  const problem = until > scenario.durationMs ? runSizeProblemUntil(scenario, until) : null
  if (problem !== null) throw inputError(command, `--until: ${problem.replace(/durationMs can be at most/, '--until can be at most')}`)
  return until
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
  /** a session made by another engine version: its run may differ from the one that was shared */
  engineNotice?: ReturnType<typeof parseSession>['engineNotice']
}

/** The largest scenario or session file kafkascope reads (a large session is a few megabytes). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024

/** The file's text, read in chunks up to MAX_INPUT_BYTES, so /dev/zero or a pipe cannot exhaust memory. */
function readInput(file: string): string {
  const chunks: Buffer[] = []
  let total = 0
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (e) {
    throw inputError(file, `cannot read the file (${readProblem(e as NodeJS.ErrnoException)})`)
  }
  try {
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, MAX_INPUT_BYTES + 1 - total))
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      chunks.push(chunk.subarray(0, n))
      total += n
      if (total > MAX_INPUT_BYTES) throw inputError(file, `is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB; kafkascope reads scenario and session files of at most that size`)
    }
  } catch (e) {
    if (e instanceof InputError) throw e
    throw inputError(file, `cannot read the file (${readProblem(e as NodeJS.ErrnoException)})`)
  } finally {
    closeSync(fd)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function readProblem(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return 'no such file'
  if (e.code === 'EISDIR') return 'is a directory, not a file'
  if (e.code === 'EACCES') return 'permission denied'
  return e.message
}

function loadInput(file: string): Loaded {
  const text = readInput(file)
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
    return { file, scenario: session.merged, seed: session.seed, untilMs: session.playheadMs, engineNotice: session.engineNotice }
  } catch (e) {
    if (e instanceof ScenarioError) throw inputError(file, e.path, e.what)
    throw e
  }
}

// ---------------------------------------------------------------------------------------------
// Output helpers (out and err, from cli/terminal.ts, escape control characters)

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

/** The readable summary's words per language (--lang); Kafka's own names stay as Kafka spells them. */
const LABELS = {
  en: {
    simTime: 'sim time',
    events: (n: number) => `${n} events`,
    traceHash: 'trace hash',
    brokers: 'Brokers   ',
    controller: 'Controller',
    active: 'active',
    epoch: 'epoch',
    legacy: 'legacy: Kafka 3.x, removed in 4.0',
    none: 'none',
    noTopics: '(no topics)',
    partitions: 'partitions',
    withoutLeader: (n: number) => `, ${n} without a leader`,
    allWithLeader: ', all with a leader',
    topicHeaders: ['Topic', 'Partition', 'Leader', 'Epoch', 'Replicas', 'Isr', 'HW', 'LEO (broker:offset)'],
    producerHeaders: ['Producer', 'Sent', 'Acked', 'Failed', 'Errors'],
    readerHeaders: ['Reader', 'Polled', 'Positions', 'Errors'],
    groupHeaders: ['Group', 'State', 'Generation', 'Protocol', 'Coordinator', 'Members'],
    checks: 'Checks     ',
    anomalies: 'ANOMALIES',
    redelivered: 'redelivered records',
    seeJson: (n: number) => `… see --json for the first ${n}`,
    eventLog: 'Events',
    more: (n: number) => `… ${n} more`,
  },
  ko: {
    simTime: '시뮬레이션 시간',
    events: (n: number) => `이벤트 ${n}개`,
    traceHash: 'trace hash',
    brokers: '브로커    ',
    controller: '컨트롤러  ',
    active: '액티브',
    epoch: '에포크',
    legacy: '레거시: Kafka 3.x, 4.0에서 제거',
    none: '없음',
    noTopics: '(토픽 없음)',
    partitions: '파티션',
    withoutLeader: (n: number) => `, ${n}개는 리더 없음`,
    allWithLeader: ', 모두 리더 있음',
    topicHeaders: ['Topic', 'Partition', 'Leader', 'Epoch', 'Replicas', 'Isr', 'HW', 'LEO (브로커:오프셋)'],
    producerHeaders: ['프로듀서', '전송', 'ack', '실패', '오류'],
    readerHeaders: ['읽기 클라이언트', 'poll', '위치', '오류'],
    groupHeaders: ['그룹', 'State', 'Generation', 'Protocol', '코디네이터', '멤버'],
    checks: '검사      ',
    anomalies: '이상 징후',
    redelivered: '재전달된 레코드',
    seeJson: (n: number) => `… 처음 ${n}개는 --json에서 보세요`,
    eventLog: '이벤트 로그',
    more: (n: number) => `… ${n}개 더`,
  },
} as const

function printSummary(s: Summary, notes: readonly Note[], file: string, lang: EventLang): void {
  const L = LABELS[lang]
  out(`${s.scenario}  (${file}, seed ${s.seed})`)
  out(`${L.simTime} ${ms(s.simTimeMs)} · ${L.events(s.events)} · ${L.traceHash} ${s.traceHash}`)
  out()
  out(`${L.brokers}  ${s.brokers.map((b) => `${b.id} ${b.state}`).join(' · ')}`)
  const c = s.controller
  const mode = c.mode === 'zookeeper' ? `zookeeper (${L.legacy})` : c.mode
  out(`${L.controller}  ${mode}, ${L.active} ${c.active === -1 ? L.none : c.active}, ${L.epoch} ${c.epoch}`)
  out()
  const internal = s.partitions.filter((p) => isInternalTopic(p.topic))
  const user = s.partitions.filter((p) => !isInternalTopic(p.topic))
  if (user.length > 0) {
    const rows = user.map((p) => [
      p.topic,
      String(p.partition),
      p.leader < 0 ? L.none : String(p.leader),
      String(p.leaderEpoch),
      ids(p.replicas),
      ids(p.isr),
      String(p.highWatermark),
      p.replicas.map((r) => `${r}:${p.logEndOffsets[String(r)] ?? 0}`).join(' '),
    ])
    for (const line of table([...L.topicHeaders], rows)) out(line)
  } else out(`  ${L.noTopics}`)
  if (internal.length > 0) {
    const byTopic = new Map<string, typeof internal>()
    for (const p of internal) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p])
    for (const [topic, parts] of byTopic) {
      const leaderless = parts.filter((p) => p.leader < 0).length
      out(`  ${topic}: ${parts.length} ${L.partitions}${leaderless ? L.withoutLeader(leaderless) : L.allWithLeader}`)
    }
  }
  out()
  if (s.producers.length > 0) {
    const rows = s.producers.map((p) => [p.id, String(p.sent), String(p.acked), String(p.failed), errorCounts(p.errors)])
    for (const line of table([...L.producerHeaders], rows)) out(line)
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
    for (const line of table([...L.readerHeaders], rows)) out(line)
    out()
  }
  if (s.groups.length > 0) {
    const rows = s.groups.map((g) => [g.groupId, g.state, String(g.generation), g.protocol, String(g.coordinator), String(Object.keys(g.members).length)])
    for (const line of table([...L.groupHeaders], rows)) out(line)
    out()
  }
  const k = s.checks
  const counts = ANOMALY_COUNTS.map((name) => `${name} ${k[name]}`).join(', ') + (k.redeliveries ? ` (${L.redelivered}: ${k.redeliveries})` : '')
  out(`${L.checks} ${k.ok ? 'ok' : L.anomalies}: ${counts}`)
  for (const a of k.first.slice(0, 10)) out(`  ${ms(a.atMs).padStart(11)}  ${a.kind}: ${a.detail}`)
  if (k.first.length > 10) out(`  ${L.seeJson(k.first.length)}`)
  out()
  out(`${L.eventLog} (${notes.length})`)
  for (const n of notes.slice(0, NOTES_SHOWN)) out(`  ${ms(n.atMs).padStart(11)}  ${eventKind(n).padEnd(10)}  ${formatEvent(n, lang)}`)
  if (notes.length > NOTES_SHOWN) out(`  ${L.more(notes.length - NOTES_SHOWN)}`)
}

// ---------------------------------------------------------------------------------------------
// run

/** What Kafka's own tools would print now: kafka-topics --describe, kafka-consumer-groups and kafka-share-groups --describe. */
function printKafkaTools(sim: Simulation, summary: Summary): void {
  out('\n$ kafka-topics.sh --bootstrap-server localhost:9092 --describe --exclude-internal')
  out(kafkaTopicsDescribe(sim, { includeInternal: false }).trimEnd())
  for (const g of summary.groups) {
    const share = g.type === 'share'
    out(`\n$ kafka-${share ? 'share' : 'consumer'}-groups.sh --bootstrap-server localhost:9092 --describe --group ${g.groupId}`)
    const r = share ? kafkaShareGroupsDescribe(sim, g.groupId) : kafkaConsumerGroupsDescribe(sim, g.groupId)
    if (r.stderr.trim()) out(r.stderr.trim())
    out(r.stdout.replace(/^\n/, '').trimEnd())
  }
}

/** --lang ko|en (English when absent): the language of the readable summary and the event log. */
function langFlag(p: Parsed): EventLang {
  const v = p.flags.lang
  if (v === undefined) return 'en'
  if (v === 'en' || v === 'ko') return v
  throw inputError('run', `--lang: expected ko or en, got ${quoted(String(v))}`)
}

function cmdRun(argv: string[]): number {
  const spec = { seed: 'seed', until: 'int', 'max-events': 'int', json: 'bool', trace: 'string', describe: 'bool', quiet: 'bool', lang: 'string' } as const
  const p = parseArgs('run', argv, spec, [1, 1])
  const lang = langFlag(p)
  const loaded = loadInput(p.positionals[0])
  if (loaded.engineNotice) err(`kafkascope: run: ${loaded.file}: ${loaded.engineNotice[lang]}`)
  const seed = intFlag(p, 'seed') ?? loaded.seed
  const until = untilFlag('run', p, loaded.scenario, loaded.untilMs)
  const maxEvents = intFlag(p, 'max-events')
  const sim = createSimulation(loaded.scenario, { seed })
  const progress = createProgress({ targetMs: until, maxEvents, enabled: !p.flags.quiet })
  const trace = typeof p.flags.trace === 'string' ? p.flags.trace : undefined
  let stoppedEarly: boolean
  try {
    stoppedEarly = advance(sim, { untilMs: until, maxEvents, progress, traceFile: trace }).stoppedEarly
  } catch (e) {
    if (e instanceof TraceFileError) throw inputError(trace, e.message)
    throw e
  } finally {
    progress.done()
  }
  const summary = sim.summary()
  if (p.flags.json) outJson(summary)
  else printSummary({ ...summary, scenario: scenarioText(loaded.scenario, lang).name }, runNotes(sim), loaded.file, lang)
  if (p.flags.describe && !p.flags.json) printKafkaTools(sim, summary)
  if (stoppedEarly) err(`kafkascope: run: stopped after ${summary.events} events (--max-events) at ${ms(sim.nowMs)} of ${ms(until)} of simulated time`)
  return judgeExpect(loaded.scenario, summary, stoppedEarly, !p.flags.json)
}

const FAILURES_SHOWN = 20

/** Exit 1 when an expect did not hold, or could not be checked because the run stopped early. */
function judgeExpect(scenario: Scenario, summary: Summary, stoppedEarly: boolean, readable: boolean): number {
  const n = Object.keys(scenario.expect).length
  if (stoppedEarly && n > 0) {
    err("expect not checked: the run stopped at --max-events before the scenario's end")
    return 1
  }
  const result = evaluateExpect(scenario.expect, summary)
  if (!result.ok) {
    for (const f of result.failures.slice(0, FAILURES_SHOWN)) err(cutLine(`expect failed: ${f}`))
    const more = result.failures.length - FAILURES_SHOWN
    if (more > 0) err(`expect failed: … and ${more} more`)
    return 1
  }
  if (readable) out(`\nexpect: ${n === 0 ? 'nothing to check' : 'every expectation held'}`)
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

interface DeterminismRun {
  label: string
  hash: string
  events: number
  summary: string
}

/** Runs one way of check-determinism, `attach` given each Simulation it makes (for progress). */
type RunWay = (make: () => Simulation, until: number, attach: (sim: Simulation) => Simulation) => { label: string; sim: Simulation }

const straight =
  (n: number): RunWay =>
  (make, until, attach) => {
    const sim = attach(make())
    sim.runUntil(until)
    return { label: `straight run ${n}`, sim }
  }

const chunkedRun: RunWay = (make, until, attach) => {
  const sim = attach(make())
  const next = chunkSizes()
  let calls = 0
  for (let t = 0; t < until; ) {
    t = Math.min(until, t + next())
    sim.runUntil(t)
    calls++
  }
  return { label: `chunked (${calls} runUntil calls)`, sim }
}

const snapshotRun: RunWay = (make, until, attach) => {
  const points = [1, 2, 3, 4].map((k) => Math.floor((until * k) / 5) + k * 7).filter((t) => t < until)
  let sim = attach(make())
  for (const t of points) {
    sim.runUntil(t)
    sim = attach(restoreSimulation(structuredClone(sim.snapshot())))
  }
  sim.runUntil(until)
  return { label: `snapshot/restore at ${points.join(', ')} ms`, sim }
}

const DETERMINISM_WAYS: RunWay[] = [straight(1), straight(2), chunkedRun, snapshotRun]

/** --invariants: the first straight run steps one event at a time, the state invariants checked after each. */
const checkedRun =
  (found: { broken: InvariantBreak | null }): RunWay =>
  (make, until, attach) => {
    const sim = attach(make())
    found.broken = runCheckingInvariants(sim, until)
    return { label: 'straight run 1, invariants checked', sim }
  }

function cmdCheckDeterminism(argv: string[]): number {
  const p = parseArgs('check-determinism', argv, { seed: 'seed', until: 'int', quiet: 'bool', invariants: 'bool' }, [1, 1])
  const loaded = loadInput(p.positionals[0])
  const seed = intFlag(p, 'seed') ?? loaded.seed
  const until = untilFlag('check-determinism', p, loaded.scenario, loaded.untilMs)
  const found: { broken: InvariantBreak | null } = { broken: null }
  const runWays = p.flags.invariants ? [checkedRun(found), ...DETERMINISM_WAYS.slice(1)] : DETERMINISM_WAYS
  const ways = runWays.length
  const progress = createProgress({ targetMs: ways * until, enabled: !p.flags.quiet })
  const results: DeterminismRun[] = []
  try {
    for (const way of runWays) {
      const before = results.reduce((sum, r) => sum + r.events, 0)
      const phase = `check-determinism run ${results.length + 1} of ${ways}`
      const attach = (sim: Simulation): Simulation => {
        watchProgress(sim, progress, results.length * until, before, phase)
        return sim
      }
      const { label, sim } = way(() => createSimulation(loaded.scenario, { seed }), until, attach)
      sim.observe(null)
      if (found.broken) break
      const s = sim.summary()
      results.push({ label, hash: s.traceHash, events: s.events, summary: JSON.stringify(s) })
    }
  } finally {
    progress.done()
  }
  if (found.broken) {
    const again = `npx kafkascope check-determinism ${shellQuote(loaded.file)} --seed ${seed} --until ${found.broken.event.atMs} --invariants`
    for (const line of describeInvariantBreak(found.broken)) err(line)
    err(`  reproduce: ${again}`)
    return 1
  }
  return reportDeterminism(loaded.scenario.name, seed, until, results)
}

/** The broken invariants and the event after which they broke, one line each. */
function describeInvariantBreak(b: InvariantBreak): string[] {
  const e = b.event
  const where = e.timeline ? `timeline action ${e.what}` : `node ${e.node}, ${e.what}`
  const lines = [`invariant broken after event ${b.eventNumber} at ${e.atMs} ms (${where}):`]
  for (const v of b.violations) lines.push(cutLine(`  ${v.invariant}: ${v.detail}`))
  return lines
}

function reportDeterminism(name: string, seed: number, until: number, results: DeterminismRun[]): number {
  const width = Math.max(...results.map((r) => r.label.length))
  out(`${name}: seed ${seed}, until ${until} ms`)
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
  const p = parseArgs('fuzz', argv, { scenario: 'string', seeds: 'int', start: 'seed', until: 'int', invariants: 'bool' }, [0, 0])
  const options = { invariants: p.flags.invariants === true }
  const file = typeof p.flags.scenario === 'string' ? p.flags.scenario : undefined
  const base = file === undefined ? safeFuzzScenario() : loadInput(file).scenario
  const seeds = positiveFlag('fuzz', p, 'seeds') ?? 100
  const start = intFlag(p, 'start') ?? 1
  const until = positiveFlag('fuzz', p, 'until') ?? (file === undefined ? 60000 : base.durationMs)
  if (until < 2000) throw inputError('fuzz', `--until: must be at least 2000 ms, got ${until}`)
  const tooBig = runSizeProblemUntil(base, until)
  if (tooBig !== null) throw inputError('fuzz', `--until: ${tooBig.replace(/durationMs can be at most/, '--until can be at most')}`)
  if (start + seeds - 1 > SEED_MAX) throw inputError('fuzz', `--seeds: the last seed, ${start} + ${seeds} - 1, would be more than ${SEED_MAX}, the largest seed`)

  const checked = options.invariants ? '; state invariants checked after every event' : ''
  out(`fuzz: ${base.name}; seeds ${start}..${start + seeds - 1}, ${until} ms each (faults until ${faultEnd(until)} ms, then heal and restart)${checked}`)
  const t0 = performance.now()
  const failures: number[] = []
  let events = 0
  const every = Math.max(1, Math.ceil(seeds / 10))
  for (let i = 0; i < seeds; i++) {
    const seed = start + i
    let result: FuzzResult | undefined
    let crash: Error | undefined
    try {
      result = runFuzzSeed(base, seed, until, options)
      events += result.events
    } catch (e) {
      crash = e instanceof Error ? e : new Error(String(e))
    }
    if (crash || !result!.ok) {
      failures.push(seed)
      reportFuzzFailure(seed, until, file, result, crash, options)
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
  err(`fuzz: ${failures.length} of ${seeds} seeds failed: ${listSome(failures.map(String), 20)}`)
  return 1
}

function reportFuzzFailure(seed: number, until: number, file: string | undefined, r: FuzzResult | undefined, crash: Error | undefined, options: FuzzOptions): void {
  const broken = r?.invariant
  const what = crash ? `the simulation threw: ${crash.message}` : broken ? `invariant ${broken.violations[0].invariant} broken` : anomalyCounts(r!)
  err(`FAIL seed ${seed}: ${what}`)
  err(`  reproduce: ${reproduceCommand(seed, until, file, options)}`)
  if (!r) {
    if (process.env.KAFKASCOPE_DEBUG && crash?.stack) err(crash.stack)
    return
  }
  if (broken) for (const line of describeInvariantBreak(broken)) err(`  ${line}`)
  else {
    for (const a of r.checks.first.slice(0, 8)) err(`  ${String(a.atMs).padStart(8)} ms ${a.kind}: ${a.detail}`)
    const total = ANOMALY_COUNTS.reduce((sum, name) => sum + r.checks[name], 0)
    if (total > 8) err(`  … ${total - 8} more anomalies`)
  }
  err(`  cluster: ${r.cluster}`)
  err('  fault schedule:')
  for (const line of describeSchedule(r.schedule)) err(`  ${line}`)
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
  if (p.flags.json) outJson(result, 2)
  else for (const line of formatBench(result)) out(line)
  return 0
}

// ---------------------------------------------------------------------------------------------
// serve

/**
 * Serve until interrupted (Ctrl-C): each broker on its port, simulated time following the wall
 * clock; at the end the trace hash, and with --record the session that replays the run.
 */
async function cmdServe(argv: string[]): Promise<number> {
  const p = parseArgs('serve', argv, { port: 'int', host: 'string', record: 'string', 'watch-port': 'int' }, [0, 1])
  const scenario = p.positionals.length > 0 ? loadInput(p.positionals[0]).scenario : parseScenario((await import('./serve/default-cluster.json', { with: { type: 'json' } })).default)
  const port = intFlag(p, 'port') ?? 9092
  if (port < 1 || port + scenario.cluster.brokers - 1 > 65535) throw inputError('serve', `--port: broker ports ${port}..${port + scenario.cluster.brokers - 1} must lie in 1..65535`)
  const host = typeof p.flags.host === 'string' ? p.flags.host : '127.0.0.1'
  // the app's WebSocket: broker 1's port minus 1 unless told (0: none)
  const watchPort = intFlag(p, 'watch-port') ?? port - 1
  if (watchPort < 0 || watchPort > 65535) throw inputError('serve', `--watch-port: must lie in 1..65535 (0: no WebSocket for the app), got ${watchPort}`)
  if (watchPort >= port && watchPort < port + scenario.cluster.brokers) throw inputError('serve', `--watch-port: ${watchPort} is a broker's port (${port}..${port + scenario.cluster.brokers - 1})`)
  const { startServe } = await import('./serve/serve.ts')
  const { startWatch } = await import('./serve/watch.ts')
  let served
  try {
    served = await startServe(scenario, { host, port })
  } catch (e) {
    throw inputError('serve', `cannot listen on ${host}:${port}..${port + scenario.cluster.brokers - 1}: ${(e as Error).message}`)
  }
  let watch
  if (watchPort > 0) {
    try {
      watch = await startWatch(served, { host, port: watchPort })
    } catch (e) {
      await served.close()
      throw inputError('serve', `--watch-port: cannot listen on ${host}:${watchPort}: ${(e as Error).message} (--watch-port 0 turns the app's WebSocket off)`)
    }
  }
  for (const [id, at] of Object.entries(served.ports)) out(`broker ${id} listening on ${host}:${at}`)
  if (host !== '127.0.0.1' && host !== 'localhost') err('kafkascope: serve: no authentication: anyone who reaches this address can produce and consume')
  if (watch) {
    const wsHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
    out(`watch it in the app: http://127.0.0.1:4173/?serve=ws://${wsHost}:${watch.port} (npm start serves the app; the WebSocket takes pages from loopback origins only)`)
  }
  out('Ctrl-C stops; bootstrap servers: ' + Object.values(served.ports).map((at) => `${host}:${at}`).join(','))
  const why = await Promise.race([
    new Promise<'interrupted'>((resolve) => process.once('SIGINT', () => resolve('interrupted'))),
    new Promise<'interrupted'>((resolve) => process.once('SIGTERM', () => resolve('interrupted'))),
    served.ended.then(() => 'ended' as const),
  ])
  if (why === 'ended') out(`the scenario ends at ${(scenario.durationMs / 1000).toFixed(0)} s (durationMs): serve stops (a longer durationMs serves longer)`)
  await watch?.close()
  await served.close()
  out(`stopped at ${(served.sim.nowMs / 1000).toFixed(3)} s · ${served.sim.world.events} events · trace hash ${served.sim.traceHash()}`)
  const record = typeof p.flags.record === 'string' ? p.flags.record : undefined
  if (record) {
    const text = JSON.stringify(served.session()) + '\n'
    writeFileSync(record, text)
    out(`session written to ${record}: kafkascope run ${record} gives the same trace hash`)
    const bytes = Buffer.byteLength(text)
    if (bytes > MAX_INPUT_BYTES) err(`kafkascope: serve: the session is ${(bytes / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_INPUT_BYTES / 1024 / 1024} MB kafkascope run reads; record shorter sessions to replay them`)
  }
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
    case 'serve':
      return cmdServe(rest)
    case 'help':
    case '--help':
    case '-h':
      out(USAGE)
      return 0
    case undefined:
      err(USAGE)
      return 2
    default:
      throw inputError(`unknown command ${quoted(command)} (commands: run, check-determinism, fuzz, bench, serve)`)
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
    err(cutLine(`kafkascope: ${e.message}`))
    process.exitCode = 2
  } else {
    const message = e instanceof Error ? e.message : String(e)
    err(cutLine(`kafkascope: internal error: ${message.split('\n')[0]}`))
    if (process.env.KAFKASCOPE_DEBUG && e instanceof Error && e.stack) err(e.stack)
    process.exitCode = 3
  }
}
