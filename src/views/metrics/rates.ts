// Rates from kafkascope's cumulative counters (records acknowledged, records consumed, errors):
// the counters are sampled every 250 simulated ms (further apart in a long run, whose series is
// thinned), and a rate is the increase over a sliding window of about one simulated second, per
// second — as a broker's MessagesInPerSec would show. Where samples lie further apart than the
// window, the rate is over the span back to the sample before (never a span shorter than the window).

export interface Point {
  /** simulated ms */
  t: number
  v: number
}

export const RATE_WINDOW_MS = 1000

/**
 * Per-second rate of a cumulative counter at each sample, from the latest sample at least
 * `windowMs` before it (or the first sample, in the first window).
 */
export function ratePerSecond<S extends { atMs: number }>(samples: readonly S[], count: (s: S) => number, windowMs = RATE_WINDOW_MS): Point[] {
  const out: Point[] = []
  let j = 0
  for (let i = 0; i < samples.length; i++) {
    const now = samples[i]
    while (j + 1 < i && samples[j + 1].atMs <= now.atMs - windowMs) j++
    const dt = now.atMs - samples[j].atMs
    const v = dt > 0 ? Math.max(0, ((count(now) - count(samples[j])) * 1000) / dt) : 0
    out.push({ t: now.atMs, v })
  }
  return out
}

/** The counter itself at each sample. */
export function valueAt<S extends { atMs: number }>(samples: readonly S[], value: (s: S) => number): Point[] {
  return samples.map((s) => ({ t: s.atMs, v: value(s) }))
}
