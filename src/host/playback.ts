// Playback: one requestAnimationFrame loop maps wall time × speed to a target simulated time and
// calls advanceTo(target) with a frame budget. The simulation never steps per frame: a frame may
// cover one event or a million. When a frame cannot reach its target within the budget the
// anchor moves, so playback slows down instead of freezing the page (and says so: `lagging`).
// At the scenario's end playback pauses once; play again to go on.

import { usePlayback } from '../store/playback-store.ts'
import { advanceTo, current, publish } from './engine-host.ts'

/** Wall ms per frame the simulation may use; the rest is for drawing. */
const FRAME_BUDGET_MS = 10

type FrameListener = (wallNow: number) => void

let anchor: { wall: number; sim: number } | null = null
let pausedAtEnd = false
/** a key moment (a lesson's): playback pauses exactly there */
let stopAt: number | null = null
const frameListeners = new Set<FrameListener>()

/** Called every animation frame after the simulation moved (the message-flow layer draws here). */
export function onFrame(listener: FrameListener): () => void {
  frameListeners.add(listener)
  return () => frameListeners.delete(listener)
}

function frame(wallNow: number): void {
  const { playing, speed } = usePlayback.getState()
  const r = current()
  if (playing && r) {
    if (!anchor) anchor = { wall: wallNow, sim: r.sim.nowMs }
    let target = anchor.sim + (wallNow - anchor.wall) * speed
    const end = r.scenario.durationMs
    const stopAtEnd = !pausedAtEnd && r.sim.nowMs < end && target >= end
    if (stopAtEnd) target = end
    const stopHere = stopAt !== null && r.sim.nowMs <= stopAt && target >= stopAt
    if (stopHere) target = stopAt!
    const reached = advanceTo(Math.floor(target), { now: () => performance.now(), untilWall: wallNow + FRAME_BUDGET_MS })
    if (!reached) anchor = { wall: wallNow, sim: r.sim.nowMs }
    if (usePlayback.getState().lagging !== !reached) usePlayback.setState({ lagging: !reached })
    if (stopAtEnd && reached) pausedAtEnd = true
    if (stopHere && reached) stopAt = null
    if ((stopAtEnd || stopHere) && reached) pause()
  } else {
    anchor = null
  }
  publish(false, wallNow)
  for (const listener of frameListeners) listener(wallNow)
  requestAnimationFrame(frame)
}

let started = false

/** Start the loop (once). */
export function startPlaybackLoop(): void {
  if (started) return
  started = true
  usePlayback.subscribe((s, prev) => {
    if (s.speed !== prev.speed || s.playing !== prev.playing) anchor = null
  })
  requestAnimationFrame(frame)
}

export function play(): void {
  usePlayback.getState().setPlaying(true)
}

export function pause(): void {
  usePlayback.setState({ playing: false, lagging: false })
  publish(true)
}

export function togglePlay(): void {
  if (usePlayback.getState().playing) pause()
  else play()
}

/** Move the run to `ms` (forward runs on, backward replays the same run); playing goes on from there. */
export function seek(ms: number): void {
  anchor = null
  advanceTo(ms)
  publish(true)
}

/** Pause exactly at simulated time `ms` when playback gets there (null: no such stop). */
export function pauseAt(ms: number | null): void {
  stopAt = ms
}

/** A new run was loaded: stop, and stop at its end again. */
export function resetPlayback(): void {
  pausedAtEnd = false
  stopAt = null
  anchor = null
  usePlayback.setState({ playing: false, lagging: false })
}
