// Playback: one requestAnimationFrame loop maps wall time × speed to a target simulated time and
// calls advanceTo(target) with a frame budget. The simulation never steps per frame: a frame may
// cover one event or a million. When a frame cannot reach its target within the budget the
// anchor moves, so playback slows down instead of freezing the page (and says so: `lagging`).
// Playback stops at the scenario's end: the run goes no further (Play there says so).
//
// A run that follows a served cluster (serve-link.ts sets the live edge: the served clock) plays
// live: while `following`, each frame moves it to the live edge. Pausing, seeking or stepping
// stops following (the run shows the past); playing catches up at the chosen speed and follows
// again once it reaches the edge; backToLive() jumps there.

import { usePlayback } from '../store/playback-store.ts'
import { advanceTo, atEnd, current, onMovedByHand, onStepRefused, publish } from './engine-host.ts'
import { sayAtEnd } from './run-end.ts'

/** Wall ms per frame the simulation may use; the rest is for drawing. */
const FRAME_BUDGET_MS = 10

type FrameListener = (wallNow: number) => void

let anchor: { wall: number; sim: number } | null = null
/** a key moment (a lesson's): playback pauses exactly there */
let stopAt: number | null = null
const frameListeners = new Set<FrameListener>()
/** the served clock, while the run follows a served cluster */
let liveEdge: (() => number) | null = null

/** Follow a served cluster's clock (null: no longer attached). Playback starts following live. */
export function setLiveEdge(edge: (() => number) | null): void {
  liveEdge = edge
  anchor = null
  usePlayback.setState({ following: edge !== null })
}

/** Whether the run follows the served cluster's clock now. */
export function isFollowingLive(): boolean {
  return liveEdge !== null && usePlayback.getState().following && usePlayback.getState().playing
}

/** Back to the served cluster's present, following it. */
export function backToLive(): void {
  if (liveEdge === null) return
  anchor = null
  usePlayback.setState({ following: true, playing: true })
}

function stopFollowing(): void {
  if (usePlayback.getState().following) usePlayback.setState({ following: false })
}

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
    const edge = liveEdge?.() ?? Infinity
    const following = liveEdge !== null && usePlayback.getState().following
    let target = following ? edge : anchor.sim + (wallNow - anchor.wall) * speed
    if (!following && target >= edge) {
      // caught up with the served cluster: follow it from here
      target = edge
      anchor = null
      usePlayback.setState({ following: true })
    }
    const end = r.scenario.durationMs
    const stopAtEnd = target >= end
    if (stopAtEnd) target = end
    const stopHere = stopAt !== null && r.sim.nowMs <= stopAt && target >= stopAt
    if (stopHere) target = stopAt!
    const reached = advanceTo(Math.floor(target), { now: () => performance.now(), untilWall: wallNow + FRAME_BUDGET_MS })
    if (!reached) anchor = { wall: wallNow, sim: r.sim.nowMs }
    if (usePlayback.getState().lagging !== !reached) usePlayback.setState({ lagging: !reached })
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
  onStepRefused(sayAtEnd)
  onMovedByHand(() => {
    if (liveEdge !== null) pause()
  })
  usePlayback.subscribe((s, prev) => {
    if (s.speed !== prev.speed || s.playing !== prev.playing) anchor = null
  })
  requestAnimationFrame(frame)
}

/** Play from here; at the scenario's end there is nothing to play, and the person is told so. */
export function play(): void {
  const r = current()
  if (r && atEnd()) {
    sayAtEnd(r.scenario.durationMs)
    return
  }
  usePlayback.getState().setPlaying(true)
}

export function pause(): void {
  usePlayback.setState({ playing: false, lagging: false, following: false })
  publish(true)
}

export function togglePlay(): void {
  if (usePlayback.getState().playing) pause()
  else play()
}

/** Move the run to `ms`, at most to its end (forward runs on, backward replays the same run); playing goes on from there. */
export function seek(ms: number): void {
  anchor = null
  stopFollowing()
  advanceTo(ms)
  publish(true)
}

/** Pause exactly at simulated time `ms` when playback gets there (null: no such stop). */
export function pauseAt(ms: number | null): void {
  stopAt = ms
}

/** A new run was loaded: stop. */
export function resetPlayback(): void {
  stopAt = null
  anchor = null
  usePlayback.setState({ playing: false, lagging: false, following: false })
}
