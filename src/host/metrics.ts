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

import type { World } from '../../sim/nodes/world.ts'
import { clusterImage, coordinatedGroup, leaderHw } from '../../sim/trace/summary.ts'
import { OFFSETS_TOPIC } from '../../sim/coordinator/group-coordinator.ts'
import { partitionName } from '../../sim/controller/metadata.ts'

/** One sample every 250 ms of simulated time, until the series is full. */
export const SAMPLE_MS = 250
/** At most this many samples are kept (about 500 simulated seconds at 250 ms). */
export const SAMPLE_BUDGET = 2_000

export interface MetricSample {
  atMs: number
  /** records acknowledged to producers so far (all producers) */
  acked: number
  /** records handed to applications so far (readers and group members) */
  consumed: number
  underReplicated: number
  offline: number
  /** per broker id (in brokerIds order): partitions of user topics it leads */
  leaders: number[]
  /** per group: total lag, and lag per partition (high watermark − committed offset) */
  groupLag: Record<string, { total: number; byPartition: Record<string, number> }>
  /** request errors the clients have seen so far, by Kafka's error name */
  errors: Record<string, number>
  /** errors of topics in producers' Metadata responses so far, by name: warnings, not request errors */
  metadataWarnings?: Record<string, number>
}

export function sampleWorld(w: World): MetricSample {
  const img = clusterImage(w)
  let acked = 0
  let consumed = 0
  const errors: Record<string, number> = {}
  const addErrors = (e: Record<string, number>) => {
    for (const k in e) errors[k] = (errors[k] ?? 0) + e[k]
  }
  const metadataWarnings: Record<string, number> = {}
  for (const id of w.producerIds) {
    acked += w.producers[id].acked
    addErrors(w.producers[id].errors)
    const mw = w.producers[id].metadataWarnings
    for (const k in mw) metadataWarnings[k] = (metadataWarnings[k] ?? 0) + mw[k]
  }
  for (const id of w.readerIds) {
    consumed += w.readers[id].polled
    addErrors(w.readers[id].errors)
  }
  for (const id of w.memberIds) {
    consumed += w.members[id].polled
    addErrors(w.members[id].errors)
  }
  let underReplicated = 0
  let offline = 0
  const leaders = w.brokerIds.map(() => 0)
  for (const name of img.topicNames) {
    if (name === OFFSETS_TOPIC) continue
    for (const p of img.topics[name].partitions) {
      if (p.leader < 0) offline++
      else {
        const i = w.brokerIds.indexOf(p.leader)
        if (i >= 0) leaders[i]++
      }
      if (p.isr.length < p.replicas.length) underReplicated++
    }
  }
  const groupLag: MetricSample['groupLag'] = {}
  for (const spec of w.scenario.consumers) {
    const { group } = coordinatedGroup(w, img, spec.groupId)
    const byPartition: Record<string, number> = {}
    let total = 0
    for (const topic of spec.topics) {
      for (const p of img.topics[topic]?.partitions ?? []) {
        const tp = partitionName(topic, p.partition)
        const hw = leaderHw(w, img, tp)
        if (hw === null) continue
        const lag = Math.max(0, hw - (group?.committed[tp] ?? 0))
        byPartition[tp] = lag
        total += lag
      }
    }
    groupLag[spec.groupId] = { total, byPartition }
  }
  return { atMs: w.nowMs, acked, consumed, underReplicated, offline, leaders, groupLag, errors, metadataWarnings }
}

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
