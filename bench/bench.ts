/**
 * The benchmark (`npm run bench`, `kafkascope bench`): runs bench/standard.json (6 brokers, 2 topics ×
 * 24 partitions, RF 3, min.insync.replicas 2, four producers of 2,000 records/s, 10 simulated minutes
 * with a broker crash/restart and an isolation) and reports wall time, the speed-up over real time,
 * simulated events/s, records/s and peak memory; then, in the same process, pushes and pops the same
 * number of events through a bare event heap (sim/kernel/scheduler.ts, hold model: pop the earliest,
 * push one a little later) to show how far the simulation is from the cost of its event queue, and
 * times a checkpoint of the world at the run's end (what the app's time travel takes, median of 5).
 *
 *   npm run bench [-- --json] [-- --until MS] [-- --scenario FILE]
 *
 * bench/storage.json is the same cluster with log storage at work (orders compacted, clicks with a
 * 2-minute retention, 1 MiB segments); bench/storage-baseline.json is it with the storage configs
 * left at Kafka's defaults: run both to see what retention and the cleaner cost. bench/group-kinds.json
 * has one group of each kind (classic, KIP-848, a KIP-932 share group), bench/groups-classic.json the
 * same load with three classic groups: run them alternately to see what the newer groups cost.
 */
import { ANOMALY_COUNTS } from '../sim/trace/summary-types.ts'
import { readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createSimulation, parseScenario, snapshotBytes, type Simulation } from '../sim/index.ts'
import { queueSize as queuedEvents } from '../sim/kernel/scheduler.ts'
import { heapPop, heapPush, newHeap, type HeapEvent } from './reference-heap.ts'

export interface BenchOptions {
  /** stop earlier than the scenario's 10 minutes (e.g. for profiling) */
  untilMs?: number
  /** another scenario file instead of bench/standard.json */
  scenarioFile?: string
  /** memory sampling period in simulated ms (default 5000) */
  sampleEveryMs?: number
}

export interface BenchResult {
  scenario: string
  node: string
  simulatedMs: number
  wallMs: number
  /** simulated ms per wall ms */
  speedup: number
  events: number
  eventsPerSec: number
  /** records the producers sent (handed to send()) */
  records: number
  recordsAcked: number
  recordsPerSec: number
  peakRssMB: number
  peakHeapUsedMB: number
  /** largest event-queue length seen at a sample */
  peakQueue: number
  /** records the producers gave up on (failed) */
  recordsFailed: number
  traceHash: string
  checksOk: boolean
  /** the checker's counts (acks=1 producers may lose acknowledged writes at a failover: that is Kafka) */
  anomalies: Record<string, number>
  bareHeap: { events: number; queueSize: number; wallMs: number; eventsPerSec: number }
  /** bare heap events/s ÷ simulation events/s: how many times slower than an empty event loop */
  overheadRatio: number
  /** a checkpoint of the world at the end (Simulation.snapshot): wall ms (median of 5) and the bytes it holds of its own (snapshotBytes) */
  checkpoint: { ms: number; bytes: number }
}

const here = dirname(fileURLToPath(import.meta.url))
export const STANDARD_SCENARIO = join(here, 'standard.json')

const MB = 1024 * 1024

export function runBench(options: BenchOptions = {}): BenchResult {
  const file = options.scenarioFile ?? STANDARD_SCENARIO
  const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')))
  const until = options.untilMs ?? scenario.durationMs
  const every = options.sampleEveryMs ?? 5000

  let peakRss = process.memoryUsage().rss
  let peakHeap = process.memoryUsage().heapUsed
  let peakQueue = 0
  const t0 = performance.now()
  const sim = createSimulation(scenario, { seed: scenario.seed })
  for (let t = Math.min(every, until); ; t = Math.min(t + every, until)) {
    sim.runUntil(t)
    const m = process.memoryUsage()
    if (m.rss > peakRss) peakRss = m.rss
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed
    const queued = queuedEvents(sim.world.queue)
    if (queued > peakQueue) peakQueue = queued
    if (t >= until) break
  }
  const wallMs = performance.now() - t0
  const checkpoint = timeCheckpoint(sim)
  const summary = sim.summary()
  const events = sim.world.events
  const records = summary.producers.reduce((n, p) => n + p.sent, 0)
  const recordsAcked = summary.producers.reduce((n, p) => n + p.acked, 0)
  const recordsFailed = summary.producers.reduce((n, p) => n + p.failed, 0)
  const k = summary.checks
  const anomalies: Record<string, number> = {}
  for (const name of ANOMALY_COUNTS) anomalies[name] = k[name]

  const bare = bareHeap(events, Math.max(16, peakQueue))
  const eventsPerSec = events / (wallMs / 1000)
  return {
    scenario: scenario.name,
    node: process.version,
    simulatedMs: until,
    wallMs: round(wallMs),
    speedup: round(until / wallMs),
    events,
    eventsPerSec: Math.round(eventsPerSec),
    records,
    recordsAcked,
    recordsPerSec: Math.round(records / (wallMs / 1000)),
    peakRssMB: round(peakRss / MB),
    peakHeapUsedMB: round(peakHeap / MB),
    peakQueue,
    recordsFailed,
    traceHash: summary.traceHash,
    checksOk: summary.checks.ok,
    anomalies,
    bareHeap: bare,
    overheadRatio: round(bare.eventsPerSec / eventsPerSec),
    checkpoint,
  }
}

/** Snapshot the world five times: the median wall time, and what one snapshot holds of its own. */
function timeCheckpoint(sim: Simulation): BenchResult['checkpoint'] {
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    const snapshot = sim.snapshot()
    times.push(performance.now() - t0)
    bytes = snapshotBytes(snapshot)
  }
  times.sort((a, b) => a - b)
  return { ms: round(times[2]), bytes }
}

/**
 * The same number of events through the scheduler's heap doing no work: the classic hold model
 * (start with `queueSize` events; each step pops the earliest and pushes one 0..99 ms later).
 */
function bareHeap(events: number, queueSize: number): BenchResult['bareHeap'] {
  const heap = newHeap()
  let x = 1
  const rand = (): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return x >>> 16
  }
  for (let i = 0; i < queueSize; i++) heapPush(heap, { timeMs: rand() % 100, node: 'n', kind: 'tick', data: null, inc: 0 })
  const t0 = performance.now()
  let sink = 0
  for (let i = 0; i < events; i++) {
    const ev = heapPop(heap) as HeapEvent
    sink += ev.inc
    heapPush(heap, { timeMs: ev.timeMs + (rand() % 100), node: ev.node, kind: ev.kind, data: null, inc: ev.inc })
  }
  const wallMs = Math.max(performance.now() - t0, 0.001)
  if (sink < 0) throw new Error('unreachable')
  return { events, queueSize, wallMs: round(wallMs), eventsPerSec: Math.round(events / (wallMs / 1000)) }
}

function round(v: number): number {
  return Math.round(v * 100) / 100
}

function group(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

export function formatBench(r: BenchResult): string[] {
  const rows: [string, string][] = [
    ['scenario', r.scenario],
    ['node', r.node],
    ['simulated time', `${group(r.simulatedMs)} ms (${(r.simulatedMs / 60000).toFixed(1)} min)`],
    ['wall time', `${group(r.wallMs)} ms`],
    ['speed-up over real time', `${r.speedup.toFixed(1)}×  (target ≥ 100×, stretch 300×)`],
    ['events', group(r.events)],
    ['simulated events/s', group(r.eventsPerSec)],
    ['records produced', `${group(r.records)} (${group(r.recordsAcked)} acked, ${group(r.recordsFailed)} failed)`],
    ['records/s', group(r.recordsPerSec)],
    ['peak memory (rss)', `${r.peakRssMB.toFixed(1)} MB  (target ≤ 250 MB, stretch 150 MB)`],
    ['peak heap used', `${r.peakHeapUsedMB.toFixed(1)} MB`],
    ['peak event queue', group(r.peakQueue)],
    ['bare event heap', `${group(r.bareHeap.eventsPerSec)} events/s (${group(r.bareHeap.events)} events, queue ${group(r.bareHeap.queueSize)}, ${group(r.bareHeap.wallMs)} ms)`],
    ['bare heap ÷ simulation', `${r.overheadRatio.toFixed(1)}×  (target ≤ 4×, stretch 2×)`],
    ['checkpoint at the end', `${r.checkpoint.ms.toFixed(1)} ms, ${(r.checkpoint.bytes / MB).toFixed(1)} MB of its own  (target ≤ 15 ms, ≤ 1 MB)`],
    [
      'checks',
      r.checksOk
        ? 'ok'
        : Object.entries(r.anomalies)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${group(n)}`)
            .join(', ') + ' (details: kafkascope run bench/standard.json)',
    ],
    ['trace hash', r.traceHash],
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`)
}

function isMain(): boolean {
  const arg = process.argv[1]
  if (!arg) return false
  try {
    return pathToFileURL(realpathSync(arg)).href === import.meta.url
  } catch {
    return false
  }
}

if (isMain()) {
  const args = process.argv.slice(2)
  let json = false
  let untilMs: number | undefined
  let scenarioFile: string | undefined
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true
    else if (args[i] === '--until' && /^\d+$/.test(args[i + 1] ?? '') && Number(args[i + 1]) > 0) untilMs = Number(args[++i])
    else if (args[i] === '--scenario' && args[i + 1] !== undefined) scenarioFile = args[++i]
    else {
      process.stderr.write(`bench: unknown or bad argument ${JSON.stringify(args[i])} (usage: bench [--json] [--until MS] [--scenario FILE])\n`)
      process.exit(2)
    }
  }
  const result = runBench({ untilMs, scenarioFile })
  if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  else process.stdout.write(formatBench(result).join('\n') + '\n')
}
