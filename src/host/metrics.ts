// Metrics over simulated time, sampled from the world's own counters at multiples of a sampling
// interval of simulated time (never from wall time), so a run gives the same series however it
// was played, paused or seeked.
//
// A run keeps one series, a function of simulated time: going back in time keeps the samples
// ahead (views show those at or before the playhead) and going forward again does not sample them
// twice. Acting in the past changes what comes after, so the samples from then on are dropped.
// The series has a fixed budget (SAMPLE_BUDGET): when it is full, the interval doubles and every
// other sample goes, so samples stay at multiples of the interval and a long run keeps its whole
// history at a coarser grain. A sample is the state at its instant (counters are cumulative, so
// rates between two samples stay exact; a state shorter than the interval can fall between two).

import type { MetricSample } from '../../sim/index.ts'

/** A sample is sim's metricSample(sim): plain data, LAG by sim's one rule (observe/lag.ts). */
export type { MetricSample }

/** One sample every 250 ms of simulated time, until the series is full. */
export const SAMPLE_MS = 250
/** At most this many samples are kept (about 500 simulated seconds at 250 ms). */
export const SAMPLE_BUDGET = 2_000

/** The series of one run, in time order, at multiples of `intervalMs` from 0 without a gap. */
export class MetricSeries {
  readonly samples: MetricSample[] = []
  intervalMs = SAMPLE_MS

  constructor(readonly budget = SAMPLE_BUDGET) {
    if (!(budget >= 2)) throw new RangeError('kafkascope: a sample budget of at least 2 is needed')
  }

  /** The simulated time of the next sample: the one after the last, at the current interval. */
  nextAtMs(): number {
    const n = this.samples.length
    return n ? this.samples[n - 1].atMs + this.intervalMs : 0
  }

  /** Add the sample due at nextAtMs(); when the series is over budget, halve its grain. */
  add(s: MetricSample): void {
    if (s.atMs !== this.nextAtMs()) throw new RangeError(`kafkascope: metric sample at ${s.atMs} ms, expected one at ${this.nextAtMs()} ms`)
    this.samples.push(s)
    if (this.samples.length > this.budget) this.coarsen()
  }

  /** Double the interval, keeping the samples at multiples of the new one. */
  private coarsen(): void {
    this.intervalMs *= 2
    let kept = 0
    for (const s of this.samples) if (s.atMs % this.intervalMs === 0) this.samples[kept++] = s
    this.samples.length = kept
  }

  /** How many samples lie at or before `ms`. */
  countUpTo(ms: number): number {
    let lo = 0
    let hi = this.samples.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.samples[mid].atMs <= ms) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The samples at or before `ms` (what a view shows with the playhead at `ms`). */
  upTo(ms: number): MetricSample[] {
    return this.samples.slice(0, this.countUpTo(ms))
  }

  /** Forget samples at or after `ms` (the run changed from then on: an action in the past). */
  dropFrom(ms: number): void {
    this.samples.length = this.countUpTo(ms - 1)
  }

  lastAtMs(): number {
    return this.samples.length ? this.samples[this.samples.length - 1].atMs : -Infinity
  }
}
