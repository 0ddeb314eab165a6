// Metrics over simulated time, sampled every SAMPLE_MS of simulated time from the world's own
// counters (never from wall time), so a run gives the same series however it was played. Samples
// after a given time can be dropped (a run restarted or rewound), and the series is rebuilt as the
// run goes forward again.

import type { World } from '../../sim/world.ts'
import { clusterImage, coordinatedGroup, leaderHw } from '../../sim/trace/summary.ts'
import { OFFSETS_TOPIC } from '../../sim/groups/coordinator.ts'
import { partitionName } from '../../sim/controller/metadata.ts'

/** One sample every 250 ms of simulated time. */
export const SAMPLE_MS = 250

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
}

export function sampleWorld(w: World): MetricSample {
  const img = clusterImage(w)
  let acked = 0
  let consumed = 0
  const errors: Record<string, number> = {}
  const addErrors = (e: Record<string, number>) => {
    for (const k in e) errors[k] = (errors[k] ?? 0) + e[k]
  }
  for (const id of w.producerIds) {
    acked += w.producers[id].acked
    addErrors(w.producers[id].errors)
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
  return { atMs: w.nowMs, acked, consumed, underReplicated, offline, leaders, groupLag, errors }
}

/** The series of one run, in time order. */
export class MetricSeries {
  readonly samples: MetricSample[] = []

  add(s: MetricSample): void {
    this.samples.push(s)
  }

  /** Forget samples after `ms` (the run went back in time). */
  truncateAfter(ms: number): void {
    let n = this.samples.length
    while (n > 0 && this.samples[n - 1].atMs > ms) n--
    this.samples.length = n
  }

  lastAtMs(): number {
    return this.samples.length ? this.samples[this.samples.length - 1].atMs : -Infinity
  }
}
