/**
 * State of one KRaft controller (a voter of the `__cluster_metadata` Raft quorum, KIP-595), and,
 * when it is the Raft leader, of the active QuorumController.
 */
import type { MetadataImage, RaftEntry } from './metadata.ts'
import type { KafkaMessage } from '../kafka/messages.ts'

export type RaftRole = 'Unattached' | 'Voted' | 'Prospective' | 'Candidate' | 'Leader' | 'Follower' | 'Resigned'

export interface ParkedRaftFetch {
  from: string
  corr: number
  offset: number
  observer: boolean
  deadline: number
}

export interface PendingResponse {
  /** respond once the log's high watermark passes this offset */
  offset: number
  to: string
  msg: KafkaMessage
}

export interface ControllerNode {
  id: string
  /** persisted across restarts: epoch, votedFor, log */
  epoch: number
  votedFor: string | null
  log: RaftEntry[]
  role: RaftRole
  leaderId: string | null
  /** entries [0, hw) are committed */
  hw: number
  /** replay of the whole local log (the active controller's view, uncommitted tail included) */
  image: MetadataImage
  /** time of the last contact with a leader (followers) or of the election start (candidates) */
  lastContactMs: number
  electionDeadlineMs: number
  votes: string[]
  /** the leader this voter last followed (Prospective voters fall back to it) */
  lastLeaderId: string | null
  fetchInflight: boolean
  fetchCorr: number
  /** leader only */
  followerEnd: Record<string, { end: number; lastFetchMs: number }>
  parked: ParkedRaftFetch[]
  pending: PendingResponse[]
  /** active controller soft state: last heartbeat per broker id (not in the log) */
  lastHeartbeatMs: Record<string, number>
  /** soft state too (BrokerHeartbeatManager): each broker's last reported metadata offset, and where its controlled shutdown's changes end */
  brokerMetadataOffset: Record<string, number>
  controlledShutdownOffset: Record<string, number>
  activeSinceMs: number
  nextProducerIdBlock: number
}
