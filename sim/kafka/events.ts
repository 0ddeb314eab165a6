/**
 * What happened in a run, as data: one variant per kind of event the simulator records (a leader
 * election, an Isr change, a broker fenced, a group's state change, ...), with the ids, epochs and
 * error names as fields. Text for people is made at the edge, one formatter per language
 * (trace/format-events.ts); the app filters and groups by these fields, never by text.
 *
 * This module sits at the bottom of the layers so every layer can emit events: it imports only
 * Kafka's internal topic names (a module that imports nothing).
 */
import { isInternalTopic } from './internal-topics.ts'

/** Why a group went to a new state (a simulator-worded reason, as a code with its fields). */
export type GroupStateReason =
  /** a member joined; `joinReason` is the JoinGroup reason as the Kafka client spells it ('' when none) */
  | { code: 'memberJoined'; member: string; joinReason: string }
  | { code: 'staticMemberRejoined'; instanceId: string }
  | { code: 'memberLeft'; member: string }
  | { code: 'sessionExpired'; member: string }
  | { code: 'noMembers'; generation: number }
  | { code: 'generationFormed'; generation: number; protocol: string; leader: string }
  | { code: 'assigned'; generation: number }
  /** KIP-848: the group's epochs when its state changed */
  | { code: 'epochs'; groupEpoch: number; assignmentEpoch: number }

/** Why a KIP-848 group's epoch went up (a member is a client id). */
export type GroupEpochReason =
  | { code: 'memberJoined'; member: string }
  | { code: 'subscriptionChanged'; member: string }
  | { code: 'memberLeft'; member: string }
  | { code: 'partitionsChanged' }

/** Why the coordinator removed a member. */
export type MemberRemovedReason =
  | { code: 'rejoinTimeout' }
  /** `leaveReason` is the LeaveGroup reason as the Kafka client spells it ('' when none) */
  | { code: 'leaveGroup'; leaveReason: string }
  | { code: 'sessionTimeout'; sinceHeartbeatMs: number; sessionTimeoutMs: number }
  /** KIP-848: it did not revoke its partitions within its rebalance timeout (max.poll.interval.ms) */
  | { code: 'rebalanceTimeout'; rebalanceTimeoutMs: number }
  /** KIP-848: no ConsumerGroupHeartbeat for group.consumer.session.timeout.ms */
  | { code: 'consumerSessionTimeout'; sinceHeartbeatMs: number; sessionTimeoutMs: number }
  /** KIP-932: no ShareGroupHeartbeat for group.share.session.timeout.ms */
  | { code: 'shareSessionTimeout'; sinceHeartbeatMs: number; sessionTimeoutMs: number }

export type SimEvent =
  | { type: 'ActionApplied'; atMs: number; action: string; args: string }
  /** an action the simulator could not apply; `message` says why (the simulator's words) */
  | { type: 'ActionFailed'; atMs: number; action: string; args: string; message: string }
  | {
      type: 'LeaderElected'
      atMs: number
      topic: string
      partition: number
      /** -1: none */
      from: number
      /** -1: none */
      to: number
      leaderEpoch: number
      isr: number[]
      unclean: boolean
      /** how the new leader was found when not from the ISR: the ELR, or the last known leader (KIP-966) */
      via?: 'elr' | 'lastKnownLeader'
      /** the ELR after the change, when the change set it */
      elr?: number[]
    }
  /** `reason` is the PartitionChange record's reason code (isr-shrink, isr-expand, fenced, ...) */
  | { type: 'IsrChanged'; atMs: number; topic: string; partition: number; from: number[]; to: number[]; reason: string; elr?: number[] }
  /** the eligible leader replicas changed while the leader and ISR did not (KIP-966); `reason` as IsrChanged's */
  | { type: 'ElrChanged'; atMs: number; topic: string; partition: number; from: number[]; to: number[]; reason: string }
  | { type: 'BrokerRegistered'; atMs: number; broker: number; brokerEpoch: number }
  | { type: 'BrokerUnfenced'; atMs: number; broker: number }
  | { type: 'BrokerFenced'; atMs: number; broker: number; sinceHeartbeatMs: number; timeoutMs: number }
  /** addBroker: a new broker process joined the cluster */
  | { type: 'BrokerAdded'; atMs: number; broker: number }
  /** AlterPartitionReassignments accepted for a partition: `replicas` is the target, `adding`/`removing` what moves */
  /** `throttle`: the move's replication throttle in bytes/s (kafka-reassign-partitions --throttle) */
  | { type: 'ReassignmentStarted'; atMs: number; topic: string; partition: number; replicas: number[]; adding: number[]; removing: number[]; throttle?: number }
  /** kafka-reassign-partitions --verify found nothing moving and removed the replication throttles */
  | { type: 'ThrottlesCleared'; atMs: number; brokers: number[]; topics: string[] }
  /** every adding replica joined the ISR: the removing ones are dropped */
  | { type: 'ReassignmentCompleted'; atMs: number; topic: string; partition: number; replicas: number[]; isr: number[] }
  /** kafka-reassign-partitions --cancel: the move is reverted to `replicas` (the adding replicas leave) */
  | { type: 'ReassignmentCancelled'; atMs: number; topic: string; partition: number; replicas: number[] }
  /** a shutdownBroker: the broker asks to shut down in its heartbeats (WantShutDown) */
  | { type: 'BrokerShutdownRequested'; atMs: number; broker: number }
  /** the controller moved `partitions` leaderships and ISR places away from the broker (handleBrokerInControlledShutdown) */
  | { type: 'BrokerControlledShutdown'; atMs: number; broker: number; partitions: number }
  /** the controller fenced the broker and answered ShouldShutDown */
  | { type: 'BrokerShutdownGranted'; atMs: number; broker: number }
  /** the broker process stopped after a clean shutdown */
  | { type: 'BrokerStopped'; atMs: number; broker: number }
  | { type: 'CreateTopicsFailed'; atMs: number; topic: string; error: string; message: string }
  | { type: 'TopicCreated'; atMs: number; topic: string; partitions: number; replicationFactor: number }
  /** DeleteTopics: the controller wrote the topic's RemoveTopicRecord */
  | { type: 'TopicDeleted'; atMs: number; topic: string }
  | { type: 'PartitionsAdded'; atMs: number; topic: string; count: number }
  | { type: 'TopicConfigChanged'; atMs: number; topic: string; config: [string, string][] }
  | { type: 'ControllerElectionStarted'; atMs: number; controller: string; epoch: number }
  | { type: 'ControllerActive'; atMs: number; controller: string; epoch: number }
  | { type: 'ControllerResigned'; atMs: number; controller: string; fetchTimeoutMs: number }
  /** ZooKeeper mode (legacy): a broker's ZooKeeper session began, on server `server` */
  | { type: 'ZkSessionEstablished'; atMs: number; broker: number; sessionId: number; server: string }
  /** ZooKeeper mode: the ensemble leader expired a session it heard nothing from for its timeout; its ephemeral znodes are deleted */
  | { type: 'ZkSessionExpired'; atMs: number; broker: number; sessionId: number; sinceHeardMs: number; timeoutMs: number; deleted: string[] }
  /** ZooKeeper mode: the ensemble has a leader (ZAB) and serves again */
  | { type: 'ZkLeaderElected'; atMs: number; server: string; servers: number }
  /** ZooKeeper mode: no majority of the ensemble can reach each other; nothing can be read or written */
  | { type: 'ZkQuorumLost'; atMs: number; reachable: number; needed: number }
  /** ZooKeeper mode: the broker created /controller and bumped /controller_epoch */
  | { type: 'ZkControllerElected'; atMs: number; broker: number; epoch: number }
  /** ZooKeeper mode: the controller stopped being one (its session expired, or another controller's epoch won) */
  | { type: 'ZkControllerResigned'; atMs: number; broker: number; epoch: number; reason: 'sessionExpired' | 'controllerMoved' }
  /** ZooKeeper mode: the controller saw /brokers/ids change (BrokerChange): brokers that came and went */
  | { type: 'ZkBrokersChanged'; atMs: number; controller: number; added: number[]; dead: number[] }
  /** ZooKeeper mode: the controller cannot reach ZooKeeper; `op` (the controller event) and everything after it wait */
  | { type: 'ZkWriteFailed'; atMs: number; controller: number; op: string; error: string }
  | { type: 'CoordinatorLoaded'; atMs: number; broker: number; groupId: string; tp: string; state: string; generation: number }
  | { type: 'MemberJoined'; atMs: number; groupId: string; member: string; joinReason: string }
  | { type: 'StaticMemberReturned'; atMs: number; groupId: string; instanceId: string; generation: number }
  | { type: 'GroupStateChanged'; atMs: number; groupId: string; from: string; to: string; reason: GroupStateReason | null }
  | { type: 'MemberRemoved'; atMs: number; groupId: string; member: string; reason: MemberRemovedReason }
  /** KIP-848: the group epoch went up; the next heartbeat computes a new target assignment */
  | { type: 'GroupEpochBumped'; atMs: number; groupId: string; groupEpoch: number; why: GroupEpochReason }
  | { type: 'TargetAssignmentComputed'; atMs: number; groupId: string; assignmentEpoch: number; assignor: string; members: number }
  /** KIP-848: a member's reconciliation moved (CurrentAssignmentBuilder); `revoking`: what it must give up first */
  | { type: 'MemberEpochChanged'; atMs: number; groupId: string; member: string; memberEpoch: number; state: string; revoking: string[] }
  | { type: 'OffsetsReset'; atMs: number; groupId: string; offsets: [string, number][] }
  /** kafka-consumer-groups --reset-offsets --to-offset moved an offset into [log start, log end] */
  | { type: 'ResetOffsetClamped'; atMs: number; groupId: string; tp: string; requested: number; bound: 'latest' | 'earliest'; offset: number }
  /** KIP-320: the consumer's position was past where its epoch ends on the new leader */
  | { type: 'TruncationDetected'; atMs: number; consumer: string; tp: string; position: number; endOffset: number }
  | { type: 'ConsumerPollTimeout'; atMs: number; member: string; groupId: string; maxPollIntervalMs: number }
  /** `reason` is the rejoin reason as the Kafka client spells it */
  | { type: 'ConsumerRejoinReset'; atMs: number; member: string; resetMemberId: boolean; reason: string }
  | { type: 'ConsumerStopped'; atMs: number; member: string; error: string; instanceId: string | null }
  | { type: 'CoordinatorFound'; atMs: number; member: string; groupId: string; broker: number }
  | { type: 'CoordinatorLost'; atMs: number; member: string; groupId: string; broker: number; error: string }
  | { type: 'AssignmentReceived'; atMs: number; member: string; groupId: string; generation: number; protocol: string; partitions: string[] }
  /** KIP-848: a member finished reconciling: it revoked, then added partitions, and now owns `partitions` */
  | { type: 'MemberReconciled'; atMs: number; member: string; groupId: string; memberEpoch: number; partitions: string[]; revoked: string[]; added: string[] }
  | { type: 'ConsumerClosed'; atMs: number; member: string; staticMember: boolean }
  | { type: 'ProducerEpochBumped'; atMs: number; producer: string; producerEpoch: number }
  | { type: 'ProducerIdReceived'; atMs: number; producer: string; producerId: number }
  /** the leader's log rolled a new active segment before an append (LogSegment.shouldRoll) */
  | { type: 'SegmentRolled'; atMs: number; broker: number; topic: string; partition: number; baseOffset: number; reason: 'segment.bytes' | 'segment.ms' }
  /** the leader's retention deleted old segments (UnifiedLog.deleteOldSegments); `records` were still readable */
  | {
      type: 'SegmentsDeleted'
      atMs: number
      broker: number
      topic: string
      partition: number
      segments: number
      records: number
      cause: 'logStartOffset' | 'retention.bytes' | 'retention.ms'
      logStartOffset: number
    }
  /** a consumer's fetch position was out of range (below the log start after retention): auto.offset.reset applies */
  | { type: 'OffsetOutOfRange'; atMs: number; consumer: string; tp: string; position: number; logStartOffset: number; reset: 'earliest' | 'latest' | 'none' }
  /** the leader's log cleaner compacted offsets [from, to): the latest record of each key stays */
  | {
      type: 'LogCleaned'
      atMs: number
      broker: number
      topic: string
      partition: number
      from: number
      to: number
      dirtyRatio: number
      removed: number
      tombstonesRemoved: number
      segmentsBefore: number
      segmentsAfter: number
    }
  /** kafka-delete-records moved the leader's log start offset (DeleteRecords) */
  | { type: 'LogStartOffsetMoved'; atMs: number; broker: number; topic: string; partition: number; from: number; to: number }

export type SimEventType = SimEvent['type']

/** An event without its time: what emit() is given (it stamps the current time). */
export type SimEventInput = SimEvent extends infer E ? (E extends SimEvent ? Omit<E, 'atMs'> : never) : never

/** The coarse kinds the app's filters and the CLI's event log use. */
export type EventKind =
  | 'action'
  | 'error'
  | 'consumer'
  | 'producer'
  | 'broker'
  | 'leader'
  | 'unclean'
  | 'isr'
  | 'topic'
  | 'config'
  | 'raft'
  | 'controller'
  | 'group'
  | 'storage'

export function eventKind(e: SimEvent): EventKind {
  switch (e.type) {
    case 'ActionApplied':
      return 'action'
    case 'ActionFailed':
    case 'CreateTopicsFailed':
      return 'error'
    case 'LeaderElected':
      return e.unclean ? 'unclean' : 'leader'
    case 'IsrChanged':
    case 'ElrChanged':
    case 'ReassignmentStarted':
    case 'ReassignmentCompleted':
    case 'ReassignmentCancelled':
      return 'isr'
    case 'BrokerRegistered':
    case 'BrokerUnfenced':
    case 'BrokerFenced':
    case 'BrokerAdded':
    case 'BrokerShutdownRequested':
    case 'BrokerControlledShutdown':
    case 'BrokerShutdownGranted':
    case 'BrokerStopped':
      return 'broker'
    case 'TopicCreated':
    case 'TopicDeleted':
    case 'PartitionsAdded':
      return 'topic'
    case 'TopicConfigChanged':
    case 'ThrottlesCleared':
      return 'config'
    case 'ControllerElectionStarted':
      return 'raft'
    case 'ControllerActive':
    case 'ControllerResigned':
    case 'ZkSessionEstablished':
    case 'ZkSessionExpired':
    case 'ZkLeaderElected':
    case 'ZkQuorumLost':
    case 'ZkControllerElected':
    case 'ZkControllerResigned':
    case 'ZkBrokersChanged':
    case 'ZkWriteFailed':
      return 'controller'
    case 'CoordinatorLoaded':
    case 'MemberJoined':
    case 'StaticMemberReturned':
    case 'GroupStateChanged':
    case 'MemberRemoved':
    case 'GroupEpochBumped':
    case 'TargetAssignmentComputed':
    case 'MemberEpochChanged':
    case 'OffsetsReset':
    case 'ResetOffsetClamped':
      return 'group'
    case 'TruncationDetected':
    case 'ConsumerPollTimeout':
    case 'ConsumerRejoinReset':
    case 'ConsumerStopped':
    case 'CoordinatorFound':
    case 'CoordinatorLost':
    case 'AssignmentReceived':
    case 'MemberReconciled':
    case 'ConsumerClosed':
      return 'consumer'
    case 'ProducerEpochBumped':
    case 'ProducerIdReceived':
      return 'producer'
    case 'SegmentRolled':
    case 'SegmentsDeleted':
    case 'LogStartOffsetMoved':
    case 'LogCleaned':
      return 'storage'
    case 'OffsetOutOfRange':
      return 'consumer'
  }
}

/**
 * An unclean election that may lose acknowledged records: a leader from outside the ISR. The last
 * known leader's return (KIP-966) is unclean in Kafka's books, yet it holds every acknowledged record.
 */
export function mayLoseRecords(e: Extract<SimEvent, { type: 'LeaderElected' }>): boolean {
  return e.unclean && e.via !== 'lastKnownLeader'
}

/** The partition an event is about ("orders-0"), if it is about one. */
export function eventPartition(e: SimEvent): { topic: string; partition: number } | null {
  switch (e.type) {
    case 'LeaderElected':
    case 'IsrChanged':
    case 'ElrChanged':
    case 'ReassignmentStarted':
    case 'ReassignmentCompleted':
    case 'ReassignmentCancelled':
    case 'SegmentRolled':
    case 'SegmentsDeleted':
    case 'LogStartOffsetMoved':
    case 'LogCleaned':
      return { topic: e.topic, partition: e.partition }
    default:
      return null
  }
}

/** A leader or Isr change of an internal topic's partition (__consumer_offsets-N). */
export function isInternalPartitionEvent(e: SimEvent): boolean {
  const p = eventPartition(e)
  return p !== null && isInternalTopic(p.topic)
}

/** Record an event at the current time. */
export function emit(w: { nowMs: number; notes: SimEvent[] }, e: SimEventInput): void {
  w.notes.push({ ...e, atMs: w.nowMs } as SimEvent)
}
