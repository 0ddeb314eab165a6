/** The summary (CONTRACT §4): the JSON the CLI prints with --json and the app exposes. */

/** 'shuttingDown': in controlled shutdown, handing its leaderships over; 'stopped': down after a clean (controlled) shutdown */
export type BrokerState = 'alive' | 'crashed' | 'fenced' | 'isolated' | 'shuttingDown' | 'stopped'

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
    | 'partitionOwnedTwice'
    | 'committedBackwards'
    | 'skippedRecords'
    | 'compactionLostLatest'
    | 'shareAckedByOther'
    | 'shareAckedTwice'
    | 'shareRecordLost'
    | 'shareDeliveryOverLimit'
  atMs: number
  /** the checker's sentence, in English */
  detail: string
  /** the partition it is about ("orders-0") */
  tp?: string
  /** what the sentence says, as data, so the app can word it in each language */
  facts?: AnomalyFacts
}

/** A record as the checkers name it: its producer and sequence number (null: a record without one). */
export interface RecordRef {
  producer: string
  seq: number | null
}

/** A client's (or broker's) act at a time: a leader claim, a poll. */
export interface AtMs<T> {
  who: T
  atMs: number
}

/** The facts of each kind of anomaly; the same facts its `detail` sentence states. */
export type AnomalyFacts =
  | {
      kind: 'lostAckedWrite'
      producer: string
      seq: number
      /** the offset it was acknowledged at; null: sent with acks=0 */
      offset: number | null
      ackMs: number
      /** the leader whose log lacks it; null: no leader, absent from every replica */
      leader: number | null
      replicas: number[]
      /** the leader's log end offset, when the acknowledged offset is at or past it */
      leaderLogEnd: number | null
      /** what the leader's log now holds at the acknowledged offset */
      holder: RecordRef | null
      /** the leader change that lost it */
      election: { broker: number; atMs: number; leaderEpoch: number; unclean: boolean } | null
    }
  | { kind: 'duplicate'; producer: string; seq: number; offsets: [number, number]; broker: number; leaderless: boolean; appendedMs: number }
  | {
      kind: 'inconsistentOffset'
      producer: string
      seq: number
      offset: number
      ackMs: number
      /** the offset the reference log has the record at */
      foundAt: number
      broker: number
      leaderless: boolean
      /** what the reference log holds at the acknowledged offset (null: nothing) */
      holder: RecordRef | null
    }
  | { kind: 'nonMonotonicPoll'; reader: string; from: number; to: number; atMs: number; previousTo: number; previousMs: number }
  | {
      kind: 'divergentReplica'
      offset: number
      /** the two replicas: broker, high watermark, the record at the offset and its batch's leader epoch */
      replicas: [DivergentSide, DivergentSide]
    }
  | { kind: 'multipleLeaders'; leaderEpoch: number; first: AtMs<number>; second: AtMs<number> }
  | { kind: 'hwAboveLeo'; broker: number; highWatermark: number; logEndOffset: number; atMs: number }
  | { kind: 'concurrentConsumers'; groupId: string; first: AtMs<string>; second: AtMs<string>; previousMs: number }
  /** KIP-848: `second` was given the partition while `first` (owner since its atMs) had not given it up */
  | { kind: 'partitionOwnedTwice'; groupId: string; first: AtMs<string>; second: AtMs<string> }
  | { kind: 'committedBackwards'; groupId: string; member: string; offset: number; atMs: number; generation: number; previous: number }
  | { kind: 'skippedRecords'; groupId: string; from: number; to: number; committed: number }
  | { kind: 'compactionLostLatest'; key: string; offset: number; producer: string; seq: number; broker: number; ackMs: number }
  /** KIP-932: `member` acknowledged a record whose delivery (`deliveryCount`, null: none of its own) was not its own; `other` acquired the same delivery */
  | { kind: 'shareAckedByOther'; groupId: string; member: string; offset: number; atMs: number; type: string; deliveryCount: number | null; other: AtMs<string> | null }
  /** KIP-932: a record `first` accepted or rejected was acknowledged or delivered again by `second` */
  | { kind: 'shareAckedTwice'; groupId: string; offset: number; first: AtMs<string>; second: AtMs<string>; how: 'acknowledged' | 'delivered' }
  /** KIP-932: offsets below the share-partition start offset that no member accepted or rejected and that were not archived */
  | { kind: 'shareRecordLost'; groupId: string; from: number; to: number; startOffset: number }
  | { kind: 'shareDeliveryOverLimit'; groupId: string; offset: number; member: string; deliveryCount: number; limit: number; atMs: number }

export interface DivergentSide {
  broker: number
  highWatermark: number
  record: RecordRef
  leaderEpoch: number
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
  'partitionsOwnedTwice',
  'committedBackwards',
  'skippedRecords',
  'compactionLostLatest',
  'shareAckedByOther',
  'shareAckedTwice',
  'shareRecordsLost',
  'shareDeliveriesOverLimit',
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
  /** group checks (KIP-848 groups): a partition given to a member while another still owned it */
  partitionsOwnedTwice: number
  /** group checks: an acknowledged commit lower than an earlier one of the same generation */
  committedBackwards: number
  /** group checks: offsets below the committed offset that no member of the group read */
  skippedRecords: number
  /** compaction: the latest acknowledged value of a key compacted away with no newer record of the key left */
  compactionLostLatest: number
  /** share groups: an acknowledgement taken for a record delivered to another member (or never to it) */
  shareAckedByOther: number
  /** share groups: a record accepted or rejected, then delivered or acknowledged again */
  shareAckedTwice: number
  /** share groups: records passed by the share-partition start offset without being acknowledged or archived */
  shareRecordsLost: number
  /** share groups: records delivered more often than group.share.delivery.count.limit */
  shareDeliveriesOverLimit: number
  /** not an anomaly (at-least-once): records a group read more than once, e.g. after a crash */
  redeliveries: number
  /** the first anomalies found (at most 20), earliest first */
  first: Anomaly[]
  /**
   * every anomaly grouped by its cause (at most 50 groups, earliest first): lost writes by partition
   * and the election that lost them, other kinds by partition (and group), with a count and offsets
   */
  grouped?: AnomalyGroup[]
}

/** Anomalies of one kind with one cause: e.g. the acknowledged writes of orders-0 one election lost. */
export interface AnomalyGroup {
  kind: Anomaly['kind']
  /** when it happened: the election's time for lost writes, else the earliest anomaly's */
  atMs: number
  tp?: string
  /** the consumer group, for the group checks */
  groupId?: string
  /** how many anomalies (for lost writes: records) */
  count: number
  /** the lowest and highest offsets involved, when the anomalies name offsets */
  offsets: { from: number; to: number } | null
  /** the producers whose records are involved, sorted */
  producers: string[]
  /** the leader change that lost the writes (lost writes only) */
  election: { broker: number; atMs: number; leaderEpoch: number; unclean: boolean } | null
  /** the group's earliest anomaly, as the checker reported it */
  example: Anomaly
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
  /** the leader's log start offset (the replica with the highest HW when there is no leader) */
  logStartOffset: number
  /** records in that log from its log start offset on (after retention and compaction) */
  records: number
  /** that log's segment count */
  segments: number
  /** eligible leader replicas (KIP-966), in the controller's order; empty while ELR is off */
  elr: number[]
  /** the last known leader while the partition has none (KIP-966), else empty */
  lastKnownElr: number[]
}

export interface GroupSummary {
  groupId: string
  /** the group type: "classic" (JoinGroup/SyncGroup), "consumer" (KIP-848) or "share" (KIP-932) */
  type: 'classic' | 'consumer' | 'share'
  state: string
  generation: number
  protocol: string
  coordinator: number
  members: Record<string, string[]>
  /** committed offsets; share groups: each share partition's start offset (SPSO, kafka-share-groups' START-OFFSET) */
  committed: Record<string, number>
  /**
   * kafka-consumer-groups' LAG (observe/lag.ts): high watermark − committed offset (negative past a truncated log's end), per
   * committed partition whose leader answers. A partition without a committed offset (LAG `-`) or
   * without a leader has no entry.
   */
  lag: Record<string, number>
  /** KIP-848 and share groups: the group epoch and the epoch of its target assignment */
  groupEpoch?: number
  assignmentEpoch?: number
  /** share groups: records each member (client id) acknowledged with ACCEPT, as the leaders answered */
  acknowledged?: Record<string, number>
  /** share groups: deliveries after a record's first (a release, a lock that ran out, a member gone) */
  redelivered?: number
  /** share groups: records archived (rejected, delivered group.share.delivery.count.limit times, or gone below the log start) */
  archived?: number
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
  /** mode 'zookeeper': the legacy Kafka 3.x mode; `active` is then the controller broker */
  controller: { mode: 'kraft' | 'zookeeper'; active: number | string; epoch: number }
  partitions: PartitionSummary[]
  groups: GroupSummary[]
  producers: ProducerSummary[]
  readers: ReaderSummary[]
  checks: CheckReport
}
