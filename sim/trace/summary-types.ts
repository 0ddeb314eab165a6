/** The summary (CONTRACT §4): the JSON the CLI prints with --json and the app exposes. */

export type BrokerState = 'alive' | 'crashed' | 'fenced' | 'isolated'

export interface Anomaly {
  kind:
    | 'lostAckedWrite'
    | 'duplicate'
    | 'inconsistentOffset'
    | 'nonMonotonicPoll'
    | 'divergentReplica'
    | 'multipleLeaders'
    | 'hwAboveLeo'
    | 'concurrentConsumers'
    | 'committedBackwards'
    | 'skippedRecords'
  atMs: number
  detail: string
}

/** The anomaly counts of a CheckReport, in report order (redeliveries is information, not one). */
export const ANOMALY_COUNTS = [
  'lostAckedWrites',
  'duplicates',
  'inconsistentOffsets',
  'nonMonotonicPolls',
  'divergentReplicas',
  'multipleLeaders',
  'hwAboveLeo',
  'concurrentConsumers',
  'committedBackwards',
  'skippedRecords',
] as const

export interface CheckReport {
  ok: boolean
  lostAckedWrites: number
  duplicates: number
  inconsistentOffsets: number
  nonMonotonicPolls: number
  divergentReplicas: number
  multipleLeaders: number
  hwAboveLeo: number
  /** group checks: two members of a group consuming one partition at once */
  concurrentConsumers: number
  /** group checks: an acknowledged commit lower than an earlier one of the same generation */
  committedBackwards: number
  /** group checks: offsets below the committed offset that no member of the group read */
  skippedRecords: number
  /** not an anomaly (at-least-once): records a group read more than once, e.g. after a crash */
  redeliveries: number
  /** the first anomalies found (at most 20), earliest first */
  first: Anomaly[]
}

export interface PartitionSummary {
  topic: string
  partition: number
  leader: number
  leaderEpoch: number
  replicas: number[]
  isr: number[]
  highWatermark: number
  logEndOffsets: Record<string, number>
}

export interface GroupSummary {
  groupId: string
  state: string
  generation: number
  protocol: string
  coordinator: number
  members: Record<string, string[]>
  committed: Record<string, number>
  /**
   * kafka-consumer-groups' LAG (observe/lag.ts): high watermark − committed offset (negative past a truncated log's end), per
   * committed partition whose leader answers. A partition without a committed offset (LAG `-`) or
   * without a leader has no entry.
   */
  lag: Record<string, number>
}

export interface ProducerSummary {
  id: string
  sent: number
  acked: number
  failed: number
  errors: Record<string, number>
  /** errors of the topic in Metadata responses, by name (warnings, not request errors) */
  metadataWarnings: Record<string, number>
}

export interface ReaderSummary {
  id: string
  polled: number
  positions: Record<string, number>
  errors: Record<string, number>
}

export interface Summary {
  scenario: string
  seed: number
  simTimeMs: number
  events: number
  traceHash: string
  brokers: { id: number; state: BrokerState }[]
  controller: { mode: 'kraft'; active: number | string; epoch: number }
  partitions: PartitionSummary[]
  groups: GroupSummary[]
  producers: ProducerSummary[]
  readers: ReaderSummary[]
  checks: CheckReport
}
