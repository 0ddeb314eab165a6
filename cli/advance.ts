/**
 * Running a simulation to its target for the CLI, with room for progress reports and a stop at
 * `--max-events`, through the public Simulation API only (step, nextEventMs, runUntil, observe).
 *
 * - Plain runs go in simulated-time slices (`runUntil(next + slice)`), the slice doubled or halved so
 *   each takes about 100–200 ms of wall time; the clock is read between slices, never per event.
 * - A run capped by `--max-events`, or written to a trace file, steps event by event (in batches
 *   between clock reads), so it stops exactly at the cap and sees every event.
 * - check-determinism's runs stay single runUntil calls (that is what they compare); a message
 *   observer, which never changes the run, reports progress from inside them.
 *
 * How a run is chunked never changes its outcome (one event queue, ARCHITECTURE.md), so none of this
 * leaves a mark on the summary or the trace hash. World internals are only read, for the trace lines.
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import { type Simulation, type World, eventKind, formatEvent, peekStep } from '../sim/index.ts'
import type { Progress } from './progress.ts'
import { jsonLine } from './terminal.ts'

export interface AdvanceOptions {
  untilMs: number
  /** stop after this many processed events (the summary's `events`) */
  maxEvents?: number
  progress: Progress
  /** write one JSON line per processed event to this file */
  traceFile?: string
}

export interface Advanced {
  /** the run stopped at maxEvents with events still due before untilMs */
  stoppedEarly: boolean
}

/** The trace file cannot be opened: bad input, not a bug. */
export class TraceFileError extends Error {}

export function advance(sim: Simulation, o: AdvanceOptions): Advanced {
  if (o.traceFile !== undefined) return withTrace(o.traceFile, (trace) => stepToCap(sim, o, trace))
  if (o.maxEvents !== undefined) return stepToCap(sim, o, undefined)
  runInSlices(sim, o)
  return { stoppedEarly: false }
}

const WALL_LOW_MS = 100
const WALL_HIGH_MS = 200
/** The longest slice, so a quiet stretch cannot grow the slice past a busy one that follows. */
const MAX_SLICE_MS = 10_000
const MAX_BATCH_EVENTS = 1 << 20

/** A slice or batch size adjusted so the next one takes about 100–200 ms of wall time. */
function adapt(size: number, tookMs: number, max: number): number {
  if (tookMs < WALL_LOW_MS) return Math.min(size * 2, max)
  if (tookMs > WALL_HIGH_MS) return Math.max(1, Math.floor(size / 2))
  return size
}

function runInSlices(sim: Simulation, o: AdvanceOptions): void {
  let sliceMs = 16
  while (sim.nextEventMs() <= o.untilMs) {
    const started = performance.now()
    sim.runUntil(Math.min(o.untilMs, sim.nextEventMs() + sliceMs))
    sliceMs = adapt(sliceMs, performance.now() - started, MAX_SLICE_MS)
    o.progress.update(sim.nowMs, sim.world.events)
  }
  sim.runUntil(o.untilMs)
}

function stepToCap(sim: Simulation, o: AdvanceOptions, trace: TraceWriter | undefined): Advanced {
  const w = sim.world
  const cap = o.maxEvents ?? Infinity
  let batch = 1024
  for (;;) {
    const started = performance.now()
    const end = Math.min(cap, w.events + batch)
    while (w.events < end && sim.nextEventMs() <= o.untilMs) {
      if (trace) trace.step(sim)
      else sim.step()
    }
    batch = adapt(batch, performance.now() - started, MAX_BATCH_EVENTS)
    o.progress.update(sim.nowMs, w.events)
    if (sim.nextEventMs() > o.untilMs) {
      sim.runUntil(o.untilMs)
      return { stoppedEarly: false }
    }
    if (w.events >= cap) return { stoppedEarly: true }
  }
}

// ---------------------------------------------------------------------------------------------
// check-determinism: progress from inside one runUntil call

/**
 * Reports progress while `sim` runs, from a message observer (called per delivered message, the
 * clock read every 4096 of them). `offsetMs` and `eventsBefore` place this run within the whole job.
 */
export function watchProgress(sim: Simulation, progress: Progress, offsetMs: number, eventsBefore: number, phase: string): void {
  let calls = 0
  progress.update(offsetMs + sim.nowMs, eventsBefore + sim.world.events, phase)
  sim.observe((_msg, _to, atMs) => {
    if ((++calls & 4095) === 0) progress.update(offsetMs + atMs, eventsBefore + sim.world.events, phase)
  })
}

// ---------------------------------------------------------------------------------------------
// --trace

interface TraceWriter {
  /** process one event and write its line */
  step(sim: Simulation): void
}

function withTrace(file: string, body: (trace: TraceWriter) => Advanced): Advanced {
  let fd: number
  try {
    fd = openSync(file, 'w')
  } catch (e) {
    throw new TraceFileError(`cannot write the trace file (${(e as Error).message})`)
  }
  let buf: string[] = []
  const flush = (): void => {
    if (buf.length > 0) writeSync(fd, buf.join('\n') + '\n')
    buf = []
  }
  let notesSeen = -1
  const trace: TraceWriter = {
    step(sim) {
      const w = sim.world
      if (notesSeen < 0) notesSeen = w.notes.length
      const next = peekNext(w)
      sim.step()
      const line: Record<string, unknown> = { t: sim.nowMs, events: w.events, hash: sim.traceHash(), node: next.node, what: next.what }
      if (w.notes.length > notesSeen) {
        line.notes = w.notes.slice(notesSeen).map((n) => `[${eventKind(n)}] ${formatEvent(n, 'en')}`)
        notesSeen = w.notes.length
      }
      buf.push(jsonLine(line))
      if (buf.length >= 4096) flush()
    },
  }
  try {
    const result = body(trace)
    flush()
    return result
  } finally {
    closeSync(fd)
  }
}

/** What the next step() will process, for the trace file. */
function peekNext(w: World): { node: string; what: string } {
  const next = peekStep(w)
  return next ? { node: next.node, what: next.what } : { node: '', what: '' }
}
