/**
 * The payloads Kafka messages carry: record batches (produce requests, fetch responses), fetch
 * partitions, and the KRaft metadata log's records (RaftFetch responses). Types only; the code
 * that builds and reads them lives in cluster/ and controller/, which re-export these types.
 */

/**
 * A record batch as stored in a partition log (Kafka's RecordBatch, v2 format).
 *
 * One LogBatch object is created when the leader appends; followers store the very same object
 * (replication moves references, never copies records). A batch is immutable once appended.
 * Records inside a batch are identified by (producer, partition, sequence): record i of the batch
 * is sequence `baseSequence + i` of its producer for that partition, at offset `baseOffset + i`.
 * `baseSequence` is kafkascope's record identity (it never restarts, and is kept without
 * idempotence, so the checkers can follow every record); `sequence` is what Kafka's batch header
 * carries: the idempotent producer's sequence for (producerId, partition), or -1.
 * Keys and values live with the producer's record table (see clients/), not per batch.
 */
export interface LogBatch {
  baseOffset: number
  /** number of records */
  count: number
  /** leader epoch of the leader that appended the batch */
  partitionLeaderEpoch: number
  /** client id of the producer that sent it */
  producer: string
  /** Kafka producer id (-1 when idempotence is off) */
  producerId: number
  /** record identity of the first record: the producer's per-partition record number */
  baseSequence: number
  /** Kafka's base sequence in the batch header (idempotent producers), -1 otherwise */
  sequence: number
  /** producer epoch (idempotent producers bump it after OUT_OF_ORDER_SEQUENCE_NUMBER) */
  producerEpoch: number
  /** create time of the first record (ms) */
  firstTimestamp: number
  /**
   * the batch header's max timestamp: the newest record's create time (CreateTime), or the leader's
   * append time (LogAppendTime); segments roll and retention deletes by it
   */
  maxTimestamp: number
  /** message.timestamp.type of the topic when the leader appended it */
  timestampType: 'CreateTime' | 'LogAppendTime'
  /** time the leader appended the batch (ms) */
  appendedMs: number
  /** value bytes in the batch */
  sizeBytes: number
  /**
   * the number of the batch's first record in its producer's record stream for the partition
   * (storage/records.ts: keys, values, timestamps); -1 for batches without one (internal topics)
   */
  firstRecord: number
  /**
   * after the log cleaner rewrote the batch: the indexes (0..count-1, ascending) of the records it
   * kept; absent while every record is there. Offsets keep their gaps (compaction never renumbers).
   */
  retained?: readonly number[]
  /** set by the first cleaning that kept a tombstone of this batch: tombstones go after this time */
  deleteHorizonMs?: number
  /** the records' content, kept only for internal topics (__consumer_offsets records) */
  payload?: readonly unknown[]
  // Batches are made with every field above set (the optional ones to undefined), in this order, so
  // that all of them, cleaned or not, share one shape in the engine's hot paths.
}

/** A batch as the producer sends it. */
export interface ProduceBatch {
  tp: string
  producer: string
  producerId: number
  /** record identity (see LogBatch) */
  baseSequence: number
  /** Kafka's idempotent sequence, -1 when not idempotent */
  sequence: number
  producerEpoch: number
  count: number
  firstTimestamp: number
  /** create time of the newest record */
  maxTimestamp: number
  sizeBytes: number
  /** see LogBatch.firstRecord */
  firstRecord: number
}

/** KIP-932: records a share fetch acquired, and how often they have been delivered (ShareFetchResponse's AcquiredRecords). */
export interface AcquiredRecords {
  first: number
  last: number
  deliveryCount: number
}

/** KIP-932 AcknowledgeType: ACCEPT (1), RELEASE (2), REJECT (3). */
export type AcknowledgeType = 'ACCEPT' | 'RELEASE' | 'REJECT'

/** KIP-932: one acknowledgement batch of a ShareFetch or ShareAcknowledge (records [first, last] of a partition). */
export interface ShareAcknowledgement {
  tp: string
  first: number
  last: number
  type: AcknowledgeType
}

export interface FetchPart {
  tp: string
  fetchOffset: number
  lastFetchedEpoch: number
  currentLeaderEpoch: number
}

export interface FetchPartResponse {
  tp: string
  error: string
  highWatermark: number
  logStartOffset: number
  batches: LogBatch[]
  diverging: { epoch: number; endOffset: number } | null
}

/**
 * The KRaft metadata log's records (`__cluster_metadata`, see controller/metadata.ts). `Config`
 * carries a topic's config map as the scenario gives it (scenario/types.ts ConfigMap).
 */
/** A partition as the metadata image holds it (and as a `Partition` record carries it). */
/** A partition in a metadata image: immutable (frozen) once made, so images and snapshots share it. */
export interface PartitionState {
  readonly topic: string
  readonly partition: number
  readonly replicas: readonly number[]
  readonly isr: readonly number[]
  readonly leader: number
  readonly leaderEpoch: number
  readonly partitionEpoch: number
  /** a reassignment in progress (PartitionRegistration.addingReplicas / removingReplicas): both empty when none */
  readonly addingReplicas: readonly number[]
  readonly removingReplicas: readonly number[]
  /** eligible leader replicas (KIP-966): left the ISR while it was under min.insync.replicas; may lead when the ISR is empty */
  readonly elr: readonly number[]
  /** the last leader, kept while the partition has none (KIP-966's last known ELR, as Kafka 4.3 fills it) */
  readonly lastKnownElr: readonly number[]
}

export type MetaRecord =
  | { type: 'LeaderChange'; leaderId: string; epoch: number }
  /** RegisterBrokerRecord; `rack` is the broker's broker.rack (null: none) */
  | { type: 'RegisterBroker'; brokerId: number; incarnation: number; brokerEpoch: number; rack: string | null }
  | { type: 'FenceBroker'; brokerId: number; brokerEpoch: number }
  | { type: 'UnfenceBroker'; brokerId: number; brokerEpoch: number }
  /** BrokerRegistrationChangeRecord with InControlledShutdown: the broker asked to shut down and its leaderships move away */
  | { type: 'BrokerControlledShutdown'; brokerId: number; brokerEpoch: number }
  | { type: 'Topic'; name: string; topicId: string }
  /** RemoveTopicRecord: the topic and its partitions are gone (DeleteTopics) */
  | { type: 'RemoveTopic'; name: string; topicId: string }
  /** ConfigRecord for a topic; a null value deletes the key (IncrementalAlterConfigs DELETE) */
  | { type: 'Config'; topic: string; config: Record<string, string | number | boolean | string[] | null> }
  /** ConfigRecord for one broker's dynamic configs (the replication throttle rates); null deletes */
  | { type: 'BrokerConfig'; brokerId: number; config: Record<string, number | null> }
  | ({ type: 'Partition' } & PartitionState)
  | {
      type: 'PartitionChange'
      topic: string
      partition: number
      leader: number
      isr: number[]
      leaderEpoch: number
      partitionEpoch: number
      /** why: 'fenced', 'unfenced', 'isr-shrink', 'isr-expand', 'preferred', 'unclean', 'reassignment', 'uncleanShutdown', 'elr', 'lastKnownLeader' */
      reason: string
      unclean: boolean
      /** present only when they change (PartitionChangeRecord's nullable Replicas, AddingReplicas, RemovingReplicas) */
      replicas?: number[]
      addingReplicas?: number[]
      removingReplicas?: number[]
      /** present only when they change (PartitionChangeRecord's EligibleLeaderReplicas, LastKnownElr) */
      elr?: number[]
      lastKnownElr?: number[]
    }

export interface RaftEntry {
  offset: number
  epoch: number
  rec: MetaRecord
}

// ------------------------------------------------------------------ ZooKeeper mode (legacy, Kafka 3.x)

/** A live broker as its /brokers/ids/<id> znode says (the broker epoch is the znode's czxid). */
export interface ZkBrokerInfo {
  id: number
  brokerEpoch: number
  rack: string | null
}

/** A topic as /brokers/topics/<name> (its assignment) and /config/topics/<name> hold it. */
export interface ZkTopicInfo {
  name: string
  topicId: string
  config: Record<string, string | number | boolean | string[]>
}

/**
 * What a broker's ZooKeeper client asks of the ensemble, as KafkaZkClient's calls name it (the
 * paths are in controller/zookeeper/ensemble.ts). A partition state's partitionEpoch is the zkVersion
 * of its /brokers/topics/<t>/partitions/<p>/state znode; a write names the version it expects.
 */
export type ZkOp =
  /** registerBroker: create the ephemeral /brokers/ids/<id> */
  | { op: 'registerBroker'; broker: ZkBrokerInfo }
  /** getControllerId, with a watch on /controller */
  | { op: 'getController' }
  /** registerControllerAndIncrementControllerEpoch: create the ephemeral /controller and bump /controller_epoch, at once */
  | { op: 'registerController'; brokerId: number }
  /** initializeControllerContext: /brokers/ids, /brokers/topics, /config/topics and every partition state, with watches */
  | { op: 'readCluster' }
  /** getAllBrokersInCluster (the /brokers/ids children watch fired) */
  | { op: 'getBrokers' }
  /** createTopicWithAssignment and the partition states of onNewPartitionCreation, guarded by the controller epoch */
  | { op: 'createTopic'; controllerEpochZkVersion: number; topic: ZkTopicInfo; states: PartitionState[] }
  /** updateLeaderAndIsr: conditional writes of partition states, guarded by the controller epoch's zkVersion */
  | { op: 'updateLeaderAndIsr'; controllerEpochZkVersion: number; states: PartitionState[] }

export type ZkResult =
  | { op: 'registerBroker'; brokerEpoch: number }
  /** -1 when /controller does not exist */
  | { op: 'getController'; controllerId: number }
  | { op: 'registerController'; epoch: number; epochZkVersion: number }
  | { op: 'readCluster'; brokers: ZkBrokerInfo[]; topics: ZkTopicInfo[]; states: PartitionState[]; epoch: number; epochZkVersion: number }
  | { op: 'getBrokers'; brokers: ZkBrokerInfo[] }
  | { op: 'createTopic'; states: PartitionState[] }
  /** the states as written (new zkVersions) */
  | { op: 'updateLeaderAndIsr'; states: PartitionState[] }

/** ZooKeeper's error codes as KeeperException names them, and CONTROLLER_MOVED (the epoch guard failed). */
export type ZkError = 'NONE' | 'CONNECTION_LOSS' | 'SESSION_EXPIRED' | 'NODE_EXISTS' | 'BAD_VERSION' | 'CONTROLLER_MOVED'

/** Which watch fired: the children of /brokers/ids, or /controller. */
export type ZkWatch = 'brokers' | 'controller'
