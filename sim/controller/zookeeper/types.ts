/**
 * State of the legacy ZooKeeper mode (Kafka 3.x, removed in 4.0): the ensemble's servers and data,
 * each broker's ZooKeeper client session, and the controller that one broker runs.
 *
 * The data tree is typed rather than a map of paths to bytes: each field is one znode, or one family
 * of znodes, that Kafka's KafkaZkClient reads and writes (ZkData.scala names the paths):
 *   /brokers/ids/<id>                       ephemeral, one per live broker   -> brokers
 *   /controller                             ephemeral, the controller's id   -> controller
 *   /controller_epoch                       the controller epoch             -> controllerEpoch(+ZkVersion)
 *   /brokers/topics/<t>, /config/topics/<t> assignment and topic config      -> data.topics
 *   /brokers/topics/<t>/partitions/<p>/state leader, leader epoch, ISR       -> data.topics[t].partitions[p]
 *                                           (its zkVersion is the partition epoch)
 */
import type { MetadataImage } from '../metadata.ts'
import type { ZkBrokerInfo, ZkOp, ZkTopicInfo, ZkWatch } from '../../kafka/payloads.ts'
import type { AlterPartitionRequest, LeaderAndIsrRequest, UpdateMetadataRequest } from '../../kafka/messages.ts'

export interface ZkSession {
  id: number
  /** the client's node (a broker) */
  client: string
  /** the server it is connected to now */
  server: string
  /** the negotiated timeout: the client's, bounded to [2, 20] ticks */
  timeoutMs: number
  lastHeardMs: number
  /** watches this session set (kafkascope keeps them until the session ends; Kafka re-arms each one after it fires) */
  watches: ZkWatch[]
  /** watch events its server could not deliver, sent when the client connects again */
  missed: ZkWatch[]
}

export interface ZkEnsemble {
  /** zk-1..zk-N */
  servers: string[]
  /** the ZAB leader; null while no majority of servers can reach each other */
  leader: string | null
  /** the last transaction id: every write bumps it (a broker's epoch is the zxid that created its znode) */
  zxid: number
  /** live sessions by id, in creation order */
  sessions: Record<string, ZkSession>
  sessionOrder: number[]
  nextSession: number
  /** /brokers/ids/<id> and the session that owns each (ephemeral) */
  brokers: Record<string, { info: ZkBrokerInfo; session: number }>
  /** /controller: the broker id and its session (ephemeral), null when absent */
  controller: { brokerId: number; session: number } | null
  controllerEpoch: number
  controllerEpochZkVersion: number
  /** /brokers/topics, /config/topics and the partition state znodes, as a metadata image (brokers: the live ones) */
  data: MetadataImage
}

/** A broker's ZooKeeper client (ZooKeeperClient over the zookeeper library's ClientCnxn). */
export interface ZkClientState {
  /** 0 before the first session, and after one expired */
  sessionId: number
  server: string
  connected: boolean
  /** the ZkConnect in flight, -1 when none */
  connectCorr: number
  lastHeardMs: number
  lastSentMs: number
  timeoutMs: number
  /** requests in flight, and who asked */
  pending: { corr: number; owner: 'broker' | 'controller'; op: ZkOp['op']; sentMs: number }[]
}

/** What the controller does, one at a time, in order (ControllerEventManager's queue). */
export type ControllerEvent =
  /** elect(): at startup, after a session expired, and when /controller changed */
  | { type: 'Elect' }
  /** the /brokers/ids children changed */
  | { type: 'BrokerChange' }
  | { type: 'AlterPartition'; req: AlterPartitionRequest }
  /** the scenario's topics, created as an admin's CreateTopics would once the brokers are up */
  | { type: 'TopicCreation' }
  | { type: 'AutoLeaderRebalance' }

/** A broker's KafkaController (every broker runs one; at most one is active). Volatile. */
export interface ZkControllerState {
  active: boolean
  epoch: number
  epochZkVersion: number
  /** the broker /controller names, as last read (-1: none or unknown) */
  activeControllerId: number
  /** the controller context: live brokers, topics and partition states as ZooKeeper has them */
  liveBrokers: ZkBrokerInfo[]
  context: MetadataImage
  queue: ControllerEvent[]
  /** the event whose ZooKeeper request is in flight */
  inflight: ControllerEvent | null
  /** a write failed and has not succeeded since (so the failure is reported once) */
  writeFailing: boolean
  activeSinceMs: number
  /** the partition state write in flight: each state's reason code, for the events once it is written */
  writing: { tp: string; reason: string; unclean: boolean }[]
  /** the topic whose creation is in flight */
  pendingTopic: ZkTopicInfo | null
  /** ControllerChannelManager: per live broker, the requests to send, one at a time, the first in flight until answered */
  channels: Record<string, ControllerChannel>
}

export interface ControllerChannel {
  queue: (LeaderAndIsrRequest | UpdateMetadataRequest)[]
  inflight: boolean
  sentMs: number
}

/** The parts of a broker process the ZooKeeper client and the controller use. */
export interface ZkBrokerProcess {
  id: number
  node: string
  zk: ZkClientState
  zkController: ZkControllerState
}
