/**
 * How much work a scenario asks for, estimated before it runs, so that no scenario a person opens
 * (a file, a link, an import) can keep kafkascope busy for hours or fill the memory of a tab.
 *
 * The estimate counts simulation events: a background per simulated second for what runs even
 * when idle (broker and KRaft heartbeats, replica fetch long polls, consumer fetches and group
 * heartbeats) plus events per record (the produce, the replication and every reading client),
 * with coefficients measured on kafkascope itself (2-core machine, Node 20):
 *   - per broker       20 events/s   (3 idle brokers: 76 events/s; 50: 990)
 *   - per replica       3 events/s   (50 brokers, 1,000 partitions × 3 replicas: 8,366 events/s)
 *   - per client       10 events/s   (20 idle readers on one partition: +195 events/s)
 *   - per record        2 events for the write and 2 more per client that reads the topic
 *                        (2,000 keyed records/s on 100 partitions: 3,454 events/s; with two groups
 *                        reading them: 10,178 events/s)
 * kafkascope processes 70,000 to 900,000 events per second on that machine, depending mostly on
 * the cluster's size, so MAX_RUN_EVENTS (60 million) is a run of one to a few minutes. The
 * estimate is conservative: it counts one event per record where Kafka's batching needs fewer
 * (the benchmark, 8,000 records/s on 48 partitions read by two groups for 10 minutes, is
 * estimated at 29 million events and processes 15 million).
 */
import type { Scenario } from './types.ts'
import { resolveBrokerConfig, type BrokerConfig } from '../kafka/config.ts'

/** The most events one run may be estimated to take. */
export const MAX_RUN_EVENTS = 60_000_000

const EVENTS_PER_BROKER_SECOND = 20
const EVENTS_PER_REPLICA_SECOND = 3
const EVENTS_PER_CLIENT_SECOND = 10
const EVENTS_PER_RECORD_WRITE = 2
const EVENTS_PER_RECORD_READ = 2

export interface RunSize {
  /** estimated events per simulated second, at the scenario's largest */
  eventsPerSecond: number
  /** estimated events over durationMs */
  events: number
}

/** The scenario's estimated size at its largest (partitions and members its timeline adds count from the start). */
export function estimateRunSize(s: Scenario, broker: Pick<BrokerConfig, 'offsets.topic.num.partitions' | 'offsets.topic.replication.factor'>): RunSize {
  const partitions = new Map(s.topics.map((t) => [t.name, t.partitions]))
  let clients = s.producers.length + s.readers.length
  for (const c of s.consumers) clients += c.members
  for (const a of s.timeline) {
    if (a.action === 'addPartitions') partitions.set(a.topic, Math.max(partitions.get(a.topic) ?? 0, a.count))
    if (a.action === 'addConsumer') clients += 1
  }
  let replicas = 0
  for (const t of s.topics) replicas += (partitions.get(t.name) ?? t.partitions) * t.replicationFactor
  if (s.consumers.length > 0) {
    replicas += broker['offsets.topic.num.partitions'] * Math.min(broker['offsets.topic.replication.factor'], s.cluster.brokers)
  }
  let recordEvents = 0
  for (const p of s.producers) {
    const readers = s.consumers.filter((c) => c.topics.includes(p.topic)).length + s.readers.filter((r) => r.topics.includes(p.topic)).length
    recordEvents += p.recordsPerSec * (EVENTS_PER_RECORD_WRITE + EVENTS_PER_RECORD_READ * readers)
  }
  const eventsPerSecond =
    s.cluster.brokers * EVENTS_PER_BROKER_SECOND + replicas * EVENTS_PER_REPLICA_SECOND + clients * EVENTS_PER_CLIENT_SECOND + recordEvents
  return { eventsPerSecond, events: (eventsPerSecond * s.durationMs) / 1000 }
}

/** "2.4 billion", "61 million", "950,000": a count for a message. */
export function roughCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} billion`
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} million`
  return Math.round(n).toLocaleString('en-US')
}

/** Why the scenario is too big for one run, or null when it fits. */
export function runSizeProblem(size: RunSize, durationMs: number): string | null {
  if (size.events <= MAX_RUN_EVENTS) return null
  const fitsMs = Math.floor((MAX_RUN_EVENTS / size.eventsPerSecond) * 1000)
  return (
    `this run would take about ${roughCount(size.events)} events (about ${roughCount(size.eventsPerSecond)} per simulated second for ${durationMs / 1000} s); ` +
    `kafkascope runs at most ${roughCount(MAX_RUN_EVENTS)} in one run, a few minutes on a 2-core machine. ` +
    (fitsMs >= 1000 ? `At this size durationMs can be at most ${fitsMs}; or ` : '') +
    'use fewer brokers, partitions, clients or records per second'
  )
}

/** Why running this (checked) scenario to `untilMs` is too big for one run, or null (the CLI's --until, the fuzzer). */
export function runSizeProblemUntil(s: Scenario, untilMs: number): string | null {
  const size = estimateRunSize({ ...s, durationMs: untilMs }, resolveBrokerConfig(s.cluster.config))
  return runSizeProblem(size, untilMs)
}
