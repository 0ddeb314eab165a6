// The one time axis kafkascope shares between the timeline and the metric charts: simulated
// milliseconds from 0 to the scenario's duration (a run never goes past its end), mapped to
// pixels. Seeking by click (and, later, dragging the playhead) goes through msAtX.

import { scaleLinear, type ScaleLinear } from 'd3'

export type TimeScale = ScaleLinear<number, number>

/** The shortest range a served run's timeline shows. */
const LIVE_MIN_RANGE_MS = 60_000

/**
 * The end of the shown time range: the scenario's duration (now, if a run were ever past it). A run
 * followed from kafkascope serve (`servedMs`, its served clock) lasts as long as serve runs, often
 * far less than its scenario's hour: its range is what was served and a quarter more, at least a
 * minute, so the markers of a few minutes are not squeezed into the left edge.
 */
export function timeDomainMax(durationMs: number, nowMs: number, servedMs: number | null = null): number {
  if (servedMs !== null) return Math.min(Math.max(durationMs, nowMs, 1), Math.max(LIVE_MIN_RANGE_MS, Math.ceil((Math.max(servedMs, nowMs) * 1.25) / 10_000) * 10_000))
  return Math.max(durationMs, nowMs, 1)
}

/** Simulated ms → x in [x0, x1]. */
export function timeScale(domainMaxMs: number, x0: number, x1: number): TimeScale {
  return scaleLinear().domain([0, domainMaxMs]).range([x0, Math.max(x0 + 1, x1)])
}

/** The simulated time (whole ms) at pixel x, clamped to the shown range. */
export function msAtX(scale: TimeScale, x: number): number {
  const [lo, hi] = scale.domain()
  return Math.round(Math.min(hi, Math.max(lo, scale.invert(x))))
}

/** Axis tick text: whole simulated seconds ("20 s"), or tenths on a short range ("2.5 s"). */
export function formatTick(ms: number): string {
  const s = ms / 1000
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`
}
