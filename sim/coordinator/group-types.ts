/**
 * State of the classic group coordinator on a broker (Kafka's group-coordinator module:
 * GroupMetadataManager, ClassicGroup, ClassicGroupMember), and the records it writes to
 * `__consumer_offsets` (GroupMetadataValue, OffsetCommitValue).
 */
import type { GroupResponse, Subscription, Unsent } from '../kafka/messages.ts'
import type { ConsumerGroup, ConsumerGroupRecord } from './consumer/consumer-group-types.ts'
import type { ShareGroup } from './share/share-group.ts'

export type ClassicGroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead'

export interface PendingReply {
  corr: number
  node: string
}

/** A member as GroupMetadataValue stores it in __consumer_offsets. */
export interface StoredMember {
  memberId: string
  groupInstanceId: string | null
  clientId: string
  /** network node of the client */
  node: string
  sessionTimeoutMs: number
  rebalanceTimeoutMs: number
  protocols: { name: string; metadata: Subscription }[]
  assignment: string[]
  /** the assignment as a real leader's bytes (base64), absent when a simulated leader made it */
  rawAssignment?: string
}

/** A member in the coordinator's memory: what is stored, plus its liveness and pending replies. */
export interface GroupMember extends StoredMember {
  lastHeartbeatMs: number
  joinPending: PendingReply | null
  syncPending: PendingReply | null
}

export interface ClassicGroup {
  groupId: string
  /** the __consumer_offsets partition that holds it */
  offsetsPartition: number
  state: ClassicGroupState
  generation: number
  protocolName: string | null
  leaderId: string | null
  members: Record<string, GroupMember>
  /** member ids in the order they joined */
  memberOrder: string[]
  /** member ids handed out with MEMBER_ID_REQUIRED and not yet joined (KIP-394) */
  pendingMemberIds: string[]
  /** group.instance.id -> member id */
  staticMembers: Record<string, string>
  /** when the join phase ends at the latest (PreparingRebalance) */
  joinDeadlineMs: number
  /** true while the initial rebalance delay of a group that was Empty runs */
  initialDelay: boolean
  /** the initial delay is extended per join, but never beyond this (the rebalance timeout) */
  initialDeadlineCapMs: number
  /** committed offsets: "topic-p" -> offset */
  committed: Record<string, number>
  /** why the current or last rebalance started */
  rebalanceReason: string
}

/** A record in __consumer_offsets (the key is the group, and the partition for offsets). */
export type OffsetsRecord =
  | {
      type: 'group'
      groupId: string
      generation: number
      protocolName: string | null
      leaderId: string | null
      state: ClassicGroupState
      members: StoredMember[]
    }
  | { type: 'offset'; groupId: string; tp: string; offset: number }
  | ConsumerGroupRecord
  /** KIP-932: a share group's state (members, epochs, target assignment), written whole on each change */
  | { type: 'shareGroup'; groupId: string; group: ShareGroup }

/** A write waiting for the offsets partition's high watermark. */
export interface PendingWrite {
  tp: string
  requiredOffset: number
  groupId: string
  /** what to do once committed: answer a commit, finish a SyncGroup, or send `response` (a KIP-848 heartbeat's) */
  kind: 'commit' | 'sync' | 'respond'
  reply: PendingReply | null
  response: Unsent<GroupResponse> | null
  offsets: Record<string, number>
  generation: number
}

export interface CoordinatorState {
  groups: Record<string, ClassicGroup>
  /** KIP-848 consumer groups (a group id is either classic or consumer) */
  consumerGroups: Record<string, ConsumerGroup>
  /** KIP-932 share groups */
  shareGroups: Record<string, ShareGroup>
  /** __consumer_offsets partitions this broker leads and has loaded */
  loaded: Record<string, true>
  pendingWrites: PendingWrite[]
  /** armed coordinator timer (lazy) */
  timerAt: number
  nextMemberSeq: number
}
