// Opening a session that takes a while (a shared link, an imported file, the session kept for a
// reload, window.__kafkascope.openSession): a session may stop minutes into a big cluster's run,
// so its run is moved to the playhead in slices of about SLICE_MS of wall time, one per animation
// frame (advanceTo with a wall budget), never in one go. The page stays responsive and shows how
// far the opening got (useOpening); playback and actions wait (the page's controls are inert and the
// shortcuts ignored). Cancel (or Esc) puts the previous run back exactly as it was: the same Run
// object, at its time, with its trace and interventions. At start-up there is no previous run:
// cancelling opens the fallback (the stored session or the default scenario) instead.
//
// How a span is sliced never changes the run (runUntil(a); runUntil(b) equals runUntil(b)), so a
// session opened in slices arrives at the same trace hash as a straight run.

import { useOpening } from '../store/opening-store.ts'
import { advanceTo, current, publish, putBackRun, type Run } from './engine-host.ts'
import { resetPlayback } from './playback.ts'

export { useOpening }
export type { OpeningProgress, OpeningSource } from '../store/opening-store.ts'
import type { OpeningSource } from '../store/opening-store.ts'

/** How an opening ended. */
export type OpeningOutcome =
  | 'arrived' // at the playhead
  | 'cancelled' // the person cancelled; the previous run is back
  | 'replaced' // another session or scenario was opened meanwhile
  | 'failed' // an internal error; the previous run is back (and the person was told)

export interface OpeningRequest {
  source: OpeningSource
  playheadMs: number
  /** start the session's run at time 0 (it becomes the current run) */
  start(): void
  /** at start-up (no previous run): what cancelling opens instead */
  fallback?: () => void
  /** called once the opening has ended and a run is in place (keeps the address bar and storage) */
  ended?(outcome: OpeningOutcome): void
  /** an internal error stopped the opening (after the previous run is back) */
  failed?(error: unknown): void
}

interface Opening {
  request: OpeningRequest
  /** the run being opened */
  run: Run
  previous: Run | null
  fallback: (() => void) | null
  frame: number | null
  settle(outcome: OpeningOutcome): void
}

/** Wall ms of simulation per animation frame while opening (the rest of the frame draws the page). */
const SLICE_MS = 16

let active: Opening | null = null
/** set while a cancelled start-up opening runs its fallback: the run on the page is not one to go back to */
let inFallback = false

export function isOpening(): boolean {
  return active !== null
}

/**
 * Start opening a session's run and move it to the playhead slice by slice. The first slice runs
 * at once, so a short session opens without a progress indicator. Resolves with how it ended.
 * Throws (after putting the previous run back) when the run cannot even start.
 */
export function beginOpening(request: OpeningRequest): Promise<OpeningOutcome> {
  const superseded = active
  const previous = superseded ? superseded.previous : inFallback ? null : current()
  const fallback = superseded ? superseded.fallback : (request.fallback ?? null)
  if (superseded) {
    stopFrames(superseded)
    active = null
    superseded.settle('replaced')
  }
  resetPlayback()
  try {
    request.start()
  } catch (error) {
    goBack(previous, fallback)
    throw error
  }
  const run = current()
  if (!run) throw new Error('kafkascope: the session did not start a run')
  return new Promise<OpeningOutcome>((resolve) => {
    const opening: Opening = { request, run, previous, fallback, frame: null, settle: resolve }
    active = opening
    slice(opening)
  })
}

/** Cancel the opening in progress: the previous run comes back as it was. False when nothing is opening. */
export function cancelOpening(): boolean {
  const a = active
  if (!a) return false
  end(a, 'cancelled')
  return true
}

function slice(a: Opening): void {
  a.frame = null
  if (active !== a) return
  if (current() !== a.run) return end(a, 'replaced') // something else was opened meanwhile
  let reached: boolean
  try {
    const now = () => performance.now()
    reached = advanceTo(a.request.playheadMs, { now, untilWall: now() + SLICE_MS })
  } catch (error) {
    return end(a, 'failed', error)
  }
  if (reached) {
    publish(true)
    return end(a, 'arrived')
  }
  useOpening.setState({ progress: { source: a.request.source, reachedMs: a.run.sim.nowMs, playheadMs: a.request.playheadMs } })
  a.frame = requestAnimationFrame(() => slice(a))
}

function stopFrames(a: Opening): void {
  if (a.frame !== null) cancelAnimationFrame(a.frame)
  a.frame = null
}

function goBack(previous: Run | null, fallback: (() => void) | null): void {
  if (previous) return putBackRun(previous)
  inFallback = true
  try {
    fallback?.()
  } finally {
    inFallback = false
  }
}

function end(a: Opening, outcome: OpeningOutcome, error?: unknown): void {
  stopFrames(a)
  active = null
  useOpening.setState({ progress: null })
  if (outcome === 'cancelled' || outcome === 'failed') {
    resetPlayback()
    goBack(a.previous, a.fallback)
  }
  if (outcome === 'failed') {
    if (a.request.failed) a.request.failed(error)
    else console.error('kafkascope: the session could not be opened', error)
  }
  a.request.ended?.(outcome)
  a.settle(outcome)
}
