/**
 * Progress for long headless runs (`kafkascope run`, `check-determinism`). Once a run has taken more
 * than about 2 s of wall time, one line on stderr every ~2 s: the simulated time reached of the
 * target and its share, the events so far, events per second and an estimate of the time left, e.g.
 *
 *   kafkascope: 125.0 s of 600.0 s simulated (21%) · 2.1 M events · 410 k events/s · about 48 s left
 *
 * On a terminal the line is rewritten in place (\r, clear to the end of the line); otherwise each
 * report is a line of its own. The wall clock is read here, in cli/, never in sim/: what this prints
 * never changes the run. `update` is cheap (one clock read) so callers may call it often.
 */
import { terminalSafe } from './terminal.ts'

const FIRST_AFTER_MS = 2000
const EVERY_MS = 2000
const CLEAR_LINE = '\r\x1b[K'

export interface ProgressOptions {
  /** the simulated time the whole job reaches, in ms */
  targetMs: number
  /** the run stops at this many events (--max-events), if set */
  maxEvents?: number
  enabled: boolean
  /** where lines go; defaults to stderr */
  stream?: NodeJS.WriteStream
  /** wall clock in ms; defaults to performance.now */
  clock?: () => number
}

export interface Progress {
  /** where the job stands: simulated ms reached (of targetMs) and events processed so far */
  update(simMs: number, events: number, phase?: string): void
  /** ends the in-place line on a terminal, before anything else is printed */
  done(): void
}

const SILENT: Progress = { update: () => {}, done: () => {} }

export function createProgress(options: ProgressOptions): Progress {
  if (!options.enabled) return SILENT
  const stream = options.stream ?? process.stderr
  const clock = options.clock ?? (() => performance.now())
  const tty = stream.isTTY === true
  const started = clock()
  let nextReport = started + FIRST_AFTER_MS
  let showing = false
  return {
    update(simMs, events, phase) {
      const now = clock()
      if (now < nextReport) return
      nextReport = now + EVERY_MS
      const line = terminalSafe(progressLine({ simMs, events, phase, wallMs: now - started, targetMs: options.targetMs, maxEvents: options.maxEvents }))
      stream.write(tty ? CLEAR_LINE + line : line + '\n')
      showing = tty
    },
    done() {
      if (showing) stream.write(CLEAR_LINE)
      showing = false
    },
  }
}

// ---------------------------------------------------------------------------------------------
// The line

interface Standing {
  simMs: number
  events: number
  phase?: string
  wallMs: number
  targetMs: number
  maxEvents?: number
}

export function progressLine(s: Standing): string {
  const share = s.targetMs > 0 ? Math.floor((100 * s.simMs) / s.targetMs) : 100
  const events = s.maxEvents === undefined ? `${compact(s.events)} events` : `${compact(s.events)} of ${compact(s.maxEvents)} events`
  const rate = s.wallMs > 0 ? (1000 * s.events) / s.wallMs : 0
  const parts = [
    `${seconds(s.simMs)} of ${seconds(s.targetMs)} simulated (${share}%)`,
    events,
    `${compact(rate)} events/s`,
    timeLeft(s),
  ]
  return `kafkascope: ${s.phase ? `${s.phase} · ` : ''}${parts.join(' · ')}`
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** 950, 12 k, 2.1 M, 3.4 G: two or three significant digits. */
export function compact(n: number): string {
  const units: [number, string][] = [
    [1e9, ' G'],
    [1e6, ' M'],
    [1e3, ' k'],
  ]
  for (const [size, unit] of units) {
    if (n >= size) {
      const v = n / size
      return (v < 10 ? v.toFixed(1) : Math.round(v).toString()) + unit
    }
  }
  return Math.round(n).toString()
}

/** The sooner of the two ends (the target time, the event cap), at the average pace so far. */
function timeLeft(s: Standing): string {
  const estimates: number[] = []
  if (s.simMs > 0) estimates.push(((s.targetMs - s.simMs) * s.wallMs) / s.simMs)
  if (s.maxEvents !== undefined && s.events > 0) estimates.push(((s.maxEvents - s.events) * s.wallMs) / s.events)
  if (estimates.length === 0) return 'time left unknown'
  return `about ${duration(Math.max(0, Math.min(...estimates)))} left`
}

export function duration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const min = Math.round(s / 60)
  if (min < 60) return `${min} min`
  const h = Math.floor(min / 60)
  if (h < 48) return `${h} h ${min % 60} min`
  return `${Math.round(h / 24)} days`
}
