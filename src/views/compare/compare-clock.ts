// One clock for the two compared runs. Like the page's playback (src/host/playback.ts), a
// requestAnimationFrame loop maps wall time × speed to a simulated target and brings both runs
// there with a frame budget; it never steps per frame, and a frame that cannot keep up moves the
// anchor (slower, never frozen). "Jump to the end" runs both to the scenario's end as fast as the
// budget allows, and so does opening (or switching the setting) at a late moment: both runs are
// brought to the page's time over as many frames as it takes, never in one go. Views are rebuilt at most 10 times a second, the checkers (summary) about 3 times.
// The page's own engine is never touched: A and B are simulations of their own.

import { create } from 'zustand'
import { clusterView, type ClusterView, mergeInterventions } from '../../../sim/index.ts'
import { advancePair, createPair, pairFacts, pairNow, type ComparePair, type RunSource } from '../../compare/pair.ts'
import { diffRows, type DiffRow } from '../../compare/diff.ts'
import { settingsFor, type SettingId, type SettingOption } from '../../compare/variants.ts'

/** Wall ms per frame the two simulations may use. */
const FRAME_BUDGET_MS = 12
/** Wall ms building a pair may take at once before the rest of the way goes frame by frame. */
const BUILD_BUDGET_MS = 50
const VIEW_EVERY_MS = 100
const FACTS_EVERY_MS = 300
/** Where "start again" opens both runs: the cluster is up and the topics exist. */
export const COMPARE_OPENING_MS = 10_000

export const COMPARE_SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200] as const

export interface CompareState {
  options: SettingOption[]
  setting: SettingOption | null
  seed: number
  nowMs: number
  durationMs: number
  playing: boolean
  /** running both to the end as fast as possible */
  jumping: boolean
  speed: number
  viewA: ClusterView | null
  viewB: ClusterView | null
  rows: DiffRow[]
  /** the simulated time the rows were computed at */
  rowsAtMs: number
}

const initial: CompareState = {
  options: [],
  setting: null,
  seed: 0,
  nowMs: 0,
  durationMs: 0,
  playing: false,
  jumping: false,
  speed: 10,
  viewA: null,
  viewB: null,
  rows: [],
  rowsAtMs: -1,
}

export const useCompare = create<CompareState>(() => initial)

let source: RunSource | null = null
let pair: ComparePair | null = null
let anchor: { wall: number; sim: number } | null = null
/** where a jump goes (null: the scenario's end) */
let jumpTarget: number | null = null
let raf = 0
let lastView = -Infinity
let lastFacts = -Infinity

function publishViews(): void {
  if (!pair) return
  useCompare.setState({ nowMs: pairNow(pair), viewA: clusterView(pair.a.sim), viewB: clusterView(pair.b.sim) })
}

function publishFacts(): void {
  if (!pair) return
  const facts = pairFacts(pair)
  useCompare.setState({ rows: diffRows(facts.a, facts.b, pair.setting), rowsAtMs: pairNow(pair) })
}

function publishAll(): void {
  publishViews()
  publishFacts()
  lastView = lastFacts = performance.now()
}

function frame(wall: number): void {
  raf = requestAnimationFrame(frame)
  const s = useCompare.getState()
  if (!pair || (!s.playing && !s.jumping)) {
    anchor = null
    return
  }
  const end = pair.durationMs
  if (!anchor) anchor = { wall, sim: pairNow(pair) }
  const target = s.jumping ? (jumpTarget ?? end) : Math.min(end, anchor.sim + (wall - anchor.wall) * s.speed)
  const reached = advancePair(pair, Math.floor(target), { now: () => performance.now(), untilWall: wall + FRAME_BUDGET_MS })
  if (!reached) anchor = { wall, sim: pairNow(pair) }
  if (pairNow(pair) >= end || (s.jumping && reached)) {
    jumpTarget = null
    useCompare.setState({ playing: false, jumping: false })
    publishAll()
    return
  }
  const now = performance.now()
  if (now - lastView >= VIEW_EVERY_MS) {
    publishViews()
    lastView = now
  }
  if (now - lastFacts >= FACTS_EVERY_MS) {
    publishFacts()
    lastFacts = performance.now()
  }
}

/**
 * Build both runs for `id` and bring them to `atMs` (paused): at once when that is quick, else
 * the rest of the way one frame budget at a time (shown as running).
 */
function build(id: SettingId, atMs: number): void {
  if (!source) return
  pair = createPair(source, id)
  const target = Math.min(atMs, pair.durationMs)
  const now = () => performance.now()
  const reached = advancePair(pair, target, { now, untilWall: now() + BUILD_BUDGET_MS })
  jumpTarget = reached ? null : target
  anchor = null
  useCompare.setState({ setting: pair.setting, durationMs: pair.durationMs, playing: false, jumping: !reached })
  publishAll()
}

/**
 * Open the comparison of the page's run (scenario, seed, interventions) at `atMs`, comparing
 * `preferred` when it applies, else the first setting that does. Starts the clock's loop.
 */
export function openCompare(run: RunSource, atMs: number, preferred?: SettingId): void {
  source = run
  const options = settingsFor(mergeInterventions(run.scenario, run.interventions))
  useCompare.setState({ ...initial, speed: useCompare.getState().speed, options, seed: run.seed })
  const id = options.find((o) => o.id === preferred)?.id ?? options[0]?.id
  if (id) build(id, atMs)
  if (!raf) raf = requestAnimationFrame(frame)
}

/** Stop the loop and drop both runs. */
export function closeCompare(): void {
  cancelAnimationFrame(raf)
  raf = 0
  pair = null
  source = null
  anchor = null
  jumpTarget = null
  useCompare.setState({ playing: false, jumping: false, viewA: null, viewB: null, rows: [] })
}

/**
 * Compare another setting: both runs start again at the time the clock shows, or, while the pair
 * is still on its way to the time it was opened at, at that time.
 */
export function chooseSetting(id: SettingId): void {
  build(id, jumpTarget ?? useCompare.getState().nowMs)
}

/** Both runs again from the opening time. */
export function startAgain(): void {
  const s = useCompare.getState()
  if (s.setting) build(s.setting.id, COMPARE_OPENING_MS)
}

export function playCompare(): void {
  if (!pair) return
  anchor = null
  if (pairNow(pair) >= pair.durationMs) return
  useCompare.setState({ playing: true })
}

export function pauseCompare(): void {
  anchor = null
  jumpTarget = null
  useCompare.setState({ playing: false, jumping: false })
  publishAll()
}

export function setCompareSpeed(speed: number): void {
  anchor = null
  useCompare.setState({ speed })
}

export function jumpToEnd(): void {
  if (!pair || pairNow(pair) >= pair.durationMs) return
  anchor = null
  jumpTarget = null
  useCompare.setState({ jumping: true, playing: false })
}
