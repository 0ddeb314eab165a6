// Long runs have thousands of samples (a 10-minute run has 2400); a 350-pixel chart needs a few
// hundred points. Points are grouped in equal runs and each run becomes one point at its last
// time: 'max' keeps spikes (an under-replicated blip of one sample stays visible), 'mean' smooths
// rates, 'last' keeps a counter's exact latest value.

import type { Point } from './rates.ts'

export type Reduce = 'max' | 'mean' | 'last'

export function downsample(points: readonly Point[], maxPoints: number, reduce: Reduce): Point[] {
  if (points.length <= maxPoints) return points.slice()
  const size = Math.ceil(points.length / Math.max(1, maxPoints))
  const out: Point[] = []
  for (let start = 0; start < points.length; start += size) {
    const end = Math.min(points.length, start + size)
    out.push({ t: points[end - 1].t, v: reduceRun(points, start, end, reduce) })
  }
  return out
}

function reduceRun(points: readonly Point[], start: number, end: number, reduce: Reduce): number {
  if (reduce === 'last') return points[end - 1].v
  let acc = reduce === 'max' ? -Infinity : 0
  for (let i = start; i < end; i++) acc = reduce === 'max' ? Math.max(acc, points[i].v) : acc + points[i].v
  return reduce === 'max' ? acc : acc / (end - start)
}
