// The metric charts' lines, computed from a run's samples (src/host/metrics.ts): produce and
// consume rates, LAG per group and per partition, under-replicated and offline partition counts,
// and request errors by Kafka's error name. Every series is downsampled for drawing.

import type { MetricSample } from '../../host/metrics.ts'
import { compareTp } from '../../../sim/index.ts'
import { downsample } from './downsample.ts'
import { ratePerSecond, valueAt, type Point } from './rates.ts'

/** Points per line: a few per pixel of a side-panel chart, cheap to redraw ten times a second. */
export const MAX_POINTS = 240

export interface NamedSeries {
  name: string
  points: Point[]
}

export function throughput(samples: readonly MetricSample[]): { produce: Point[]; consume: Point[] } {
  return {
    produce: downsample(ratePerSecond(samples, (s) => s.acked), MAX_POINTS, 'mean'),
    consume: downsample(ratePerSecond(samples, (s) => s.consumed), MAX_POINTS, 'mean'),
  }
}

export function health(samples: readonly MetricSample[]): { underReplicated: Point[]; offline: Point[] } {
  return {
    underReplicated: downsample(valueAt(samples, (s) => s.underReplicated), MAX_POINTS, 'max'),
    offline: downsample(valueAt(samples, (s) => s.offline), MAX_POINTS, 'max'),
  }
}

/** Names present in any sample's record, sorted. */
function keysOf(samples: readonly MetricSample[], record: (s: MetricSample) => Record<string, unknown> | undefined): string[] {
  const names = new Set<string>()
  for (const s of samples) for (const k in record(s) ?? {}) names.add(k)
  return [...names].sort()
}

/** Total LAG of each consumer group over time. */
export function groupLag(samples: readonly MetricSample[]): NamedSeries[] {
  return keysOf(samples, (s) => s.groupLag).map((name) => ({
    name,
    points: downsample(valueAt(samples, (s) => s.groupLag[name]?.total ?? 0), MAX_POINTS, 'max'),
  }))
}

/** LAG of each partition of one group over time (partitions in Kafka's order: topic, then number). */
export function partitionLag(samples: readonly MetricSample[], group: string): NamedSeries[] {
  const names = keysOf(samples, (s) => s.groupLag[group]?.byPartition).sort(compareTp)
  return names.map((name) => ({
    name,
    points: downsample(valueAt(samples, (s) => s.groupLag[group]?.byPartition[name] ?? 0), MAX_POINTS, 'max'),
  }))
}


/** Request errors the clients have seen so far, one cumulative line per error name. */
export function errorCounts(samples: readonly MetricSample[]): NamedSeries[] {
  return keysOf(samples, (s) => s.errors).map((name) => ({
    name,
    points: downsample(valueAt(samples, (s) => s.errors[name] ?? 0), MAX_POINTS, 'last'),
  }))
}

export function latest(points: readonly Point[]): number {
  return points.length ? points[points.length - 1].v : 0
}

export function peak(points: readonly Point[]): number {
  let m = 0
  for (const p of points) m = Math.max(m, p.v)
  return m
}

/** The `n` series with the highest peak (a group on 48 partitions would draw 48 tangled lines), kept in their order. */
export function mostOf(series: readonly NamedSeries[], n: number): NamedSeries[] {
  if (series.length <= n) return series.slice()
  const keep = new Set([...series].sort((a, b) => peak(b.points) - peak(a.points) || (a.name < b.name ? -1 : 1)).slice(0, n))
  return series.filter((s) => keep.has(s))
}
