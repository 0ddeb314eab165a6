// Every event type formats in both languages; English keeps kafkascope's long-standing wording.
import { describe, expect, it } from 'vitest'
import { eventKind, isInternalPartitionEvent, mayLoseRecords, type SimEvent, type SimEventType } from '../kafka/events.ts'
import { formatEvent } from './format-events.ts'

/** One sample per type: a missing or extra type is a compile error (Record over the union's tags). */
const SAMPLES: { [T in SimEventType]: Extract<SimEvent, { type: T }> } = {
  ActionApplied: { type: 'ActionApplied', atMs: 1, action: 'crashBroker', args: '{"broker":1}' },
  ActionFailed: { type: 'ActionFailed', atMs: 1, action: 'crashBroker', args: '{"broker":"leader:x-0"}', message: 'cannot resolve leader:x-0' },
  LeaderElected: { type: 'LeaderElected', atMs: 1, topic: 'orders', partition: 0, from: 3, to: 1, leaderEpoch: 5, isr: [1, 2], unclean: false },
  IsrChanged: { type: 'IsrChanged', atMs: 1, topic: 'orders', partition: 0, from: [1, 2, 3], to: [1, 2], reason: 'isr-shrink' },
  ElrChanged: { type: 'ElrChanged', atMs: 1, topic: 'orders', partition: 0, from: [2, 3], to: [3], reason: 'uncleanShutdown' },
  BrokerRegistered: { type: 'BrokerRegistered', atMs: 1, broker: 2, brokerEpoch: 7 },
  BrokerUnfenced: { type: 'BrokerUnfenced', atMs: 1, broker: 2 },
  BrokerFenced: { type: 'BrokerFenced', atMs: 1, broker: 2, sinceHeartbeatMs: 9001, timeoutMs: 9000 },
  BrokerAdded: { type: 'BrokerAdded', atMs: 1, broker: 4 },
  ReassignmentStarted: { type: 'ReassignmentStarted', atMs: 1, topic: 'orders', partition: 0, replicas: [2, 3, 4], adding: [4], removing: [1] },
  ReassignmentCompleted: { type: 'ReassignmentCompleted', atMs: 1, topic: 'orders', partition: 0, replicas: [2, 3, 4], isr: [2, 3, 4] },
  ThrottlesCleared: { type: 'ThrottlesCleared', atMs: 1, brokers: [1, 2, 4], topics: ['orders'] },
  ReassignmentCancelled: { type: 'ReassignmentCancelled', atMs: 1, topic: 'orders', partition: 0, replicas: [1, 2, 3] },
  BrokerShutdownRequested: { type: 'BrokerShutdownRequested', atMs: 1, broker: 2 },
  BrokerControlledShutdown: { type: 'BrokerControlledShutdown', atMs: 1, broker: 2, partitions: 5 },
  BrokerShutdownGranted: { type: 'BrokerShutdownGranted', atMs: 1, broker: 2 },
  BrokerStopped: { type: 'BrokerStopped', atMs: 1, broker: 2 },
  CreateTopicsFailed: { type: 'CreateTopicsFailed', atMs: 1, topic: 'wide', error: 'INVALID_REPLICATION_FACTOR', message: 'only 2 broker(s) are registered.' },
  TopicCreated: { type: 'TopicCreated', atMs: 1, topic: 'orders', partitions: 3, replicationFactor: 3 },
  TopicDeleted: { type: 'TopicDeleted', atMs: 1, topic: 'orders' },
  PartitionsAdded: { type: 'PartitionsAdded', atMs: 1, topic: 'orders', count: 6 },
  TopicConfigChanged: { type: 'TopicConfigChanged', atMs: 1, topic: 'orders', config: [['min.insync.replicas', '2']] },
  ControllerElectionStarted: { type: 'ControllerElectionStarted', atMs: 1, controller: '3000', epoch: 4 },
  ControllerActive: { type: 'ControllerActive', atMs: 1, controller: '3000', epoch: 4 },
  ZkSessionEstablished: { type: 'ZkSessionEstablished', atMs: 1, broker: 2, sessionId: 0x100000002, server: 'zk-2' },
  ZkSessionExpired: { type: 'ZkSessionExpired', atMs: 1, broker: 2, sessionId: 0x100000002, sinceHeardMs: 18004, timeoutMs: 18000, deleted: ['/brokers/ids/2'] },
  ZkLeaderElected: { type: 'ZkLeaderElected', atMs: 1, server: 'zk-3', servers: 3 },
  ZkQuorumLost: { type: 'ZkQuorumLost', atMs: 1, reachable: 1, needed: 2 },
  ZkControllerElected: { type: 'ZkControllerElected', atMs: 1, broker: 1, epoch: 2 },
  ZkControllerResigned: { type: 'ZkControllerResigned', atMs: 1, broker: 1, epoch: 2, reason: 'sessionExpired' },
  ZkBrokersChanged: { type: 'ZkBrokersChanged', atMs: 1, controller: 1, added: [], dead: [3] },
  ZkWriteFailed: { type: 'ZkWriteFailed', atMs: 1, controller: 1, op: 'AlterPartition', error: 'CONNECTION_LOSS' },
  ControllerResigned: { type: 'ControllerResigned', atMs: 1, controller: '3000', fetchTimeoutMs: 2000 },
  CoordinatorLoaded: { type: 'CoordinatorLoaded', atMs: 1, broker: 1, groupId: 'billing', tp: '__consumer_offsets-7', state: 'Stable', generation: 3 },
  MemberJoined: { type: 'MemberJoined', atMs: 1, groupId: 'billing', member: 'c1', joinReason: '' },
  StaticMemberReturned: { type: 'StaticMemberReturned', atMs: 1, groupId: 'billing', instanceId: 'i1', generation: 3 },
  GroupStateChanged: { type: 'GroupStateChanged', atMs: 1, groupId: 'billing', from: 'Stable', to: 'PreparingRebalance', reason: { code: 'memberJoined', member: 'c2', joinReason: '' } },
  MemberRemoved: { type: 'MemberRemoved', atMs: 1, groupId: 'billing', member: 'c1', reason: { code: 'sessionTimeout', sinceHeartbeatMs: 45001, sessionTimeoutMs: 45000 } },
  GroupEpochBumped: { type: 'GroupEpochBumped', atMs: 1, groupId: 'billing', groupEpoch: 4, why: { code: 'memberJoined', member: 'c3' } },
  TargetAssignmentComputed: { type: 'TargetAssignmentComputed', atMs: 1, groupId: 'billing', assignmentEpoch: 4, assignor: 'uniform', members: 3 },
  MemberEpochChanged: { type: 'MemberEpochChanged', atMs: 1, groupId: 'billing', member: 'c1', memberEpoch: 3, state: 'UNREVOKED_PARTITIONS', revoking: ['orders-2'] },
  MemberReconciled: { type: 'MemberReconciled', atMs: 1, member: 'c1', groupId: 'billing', memberEpoch: 4, partitions: ['orders-0', 'orders-1'], revoked: ['orders-2'], added: ['orders-1'] },
  OffsetsReset: { type: 'OffsetsReset', atMs: 1, groupId: 'billing', offsets: [['orders-0', 0]] },
  TruncationDetected: { type: 'TruncationDetected', atMs: 1, consumer: 'audit', tp: 'orders-0', position: 200, endOffset: 159 },
  ResetOffsetClamped: { type: 'ResetOffsetClamped', atMs: 1, groupId: 'billing', tp: 'orders-0', requested: 999999, bound: 'latest', offset: 120 },
  ConsumerPollTimeout: { type: 'ConsumerPollTimeout', atMs: 1, member: 'c1', groupId: 'billing', maxPollIntervalMs: 300000 },
  ConsumerRejoinReset: { type: 'ConsumerRejoinReset', atMs: 1, member: 'c1', resetMemberId: true, reason: 'consumer pro-actively leaving the group' },
  ConsumerStopped: { type: 'ConsumerStopped', atMs: 1, member: 'c1', error: 'FENCED_INSTANCE_ID', instanceId: 'i1' },
  CoordinatorFound: { type: 'CoordinatorFound', atMs: 1, member: 'c1', groupId: 'billing', broker: 2 },
  CoordinatorLost: { type: 'CoordinatorLost', atMs: 1, member: 'c1', groupId: 'billing', broker: 2, error: 'NOT_COORDINATOR' },
  AssignmentReceived: { type: 'AssignmentReceived', atMs: 1, member: 'c1', groupId: 'billing', generation: 3, protocol: 'range', partitions: ['orders-0'] },
  ConsumerClosed: { type: 'ConsumerClosed', atMs: 1, member: 'c1', staticMember: true },
  ProducerEpochBumped: { type: 'ProducerEpochBumped', atMs: 1, producer: 'p1', producerEpoch: 1 },
  ProducerIdReceived: { type: 'ProducerIdReceived', atMs: 1, producer: 'p1', producerId: 1000 },
  SegmentRolled: { type: 'SegmentRolled', atMs: 1, broker: 1, topic: 'orders', partition: 0, baseOffset: 5120, reason: 'segment.bytes' },
  SegmentsDeleted: { type: 'SegmentsDeleted', atMs: 1, broker: 1, topic: 'orders', partition: 0, segments: 2, records: 4096, cause: 'retention.ms', logStartOffset: 5120 },
  LogStartOffsetMoved: { type: 'LogStartOffsetMoved', atMs: 1, broker: 1, topic: 'orders', partition: 0, from: 0, to: 300 },
  LogCleaned: { type: 'LogCleaned', atMs: 1, broker: 2, topic: 'prices', partition: 0, from: 0, to: 4000, dirtyRatio: 0.83, removed: 3800, tombstonesRemoved: 2, segmentsBefore: 4, segmentsAfter: 1 },
  OffsetOutOfRange: { type: 'OffsetOutOfRange', atMs: 1, consumer: 'billing-1', tp: 'orders-0', position: 120, logStartOffset: 300, reset: 'earliest' },
}

const ALL: SimEvent[] = Object.values(SAMPLES)

describe('formatEvent', () => {
  it.each(['en', 'ko'] as const)('formats every event type in %s, without undefined or [object', (lang) => {
    expect(ALL.length).toBe(59)
    for (const e of ALL) {
      const text = formatEvent(e, lang)
      expect(text.trim(), e.type).not.toBe('')
      expect(text, e.type).not.toMatch(/undefined|\[object|NaN/)
    }
  })

  it('writes Korean for Korean learners, and every Korean text differs from the English one but keeps Kafka names', () => {
    expect(formatEvent(SAMPLES.LeaderElected, 'ko')).toBe('파티션 orders-0: 리더 3 → 1 (클린 선출), 에포크 5, ISR [1,2]')
    expect(formatEvent({ ...SAMPLES.LeaderElected, from: -1, unclean: true }, 'ko')).toBe('파티션 orders-0: 리더 없음 → 1 (UNCLEAN 선출), 에포크 5, ISR [1,2]')
    expect(formatEvent(SAMPLES.BrokerFenced, 'ko')).toContain('broker.session.timeout.ms=9000')
    expect(formatEvent(SAMPLES.GroupStateChanged, 'ko')).toBe('그룹 billing: Stable → PreparingRebalance (c2 참가: 새 멤버)')
    for (const e of ALL) {
      if (e.type === 'ActionApplied') continue // an action is its own name and arguments in both languages
      expect(formatEvent(e, 'ko'), e.type).not.toBe(formatEvent(e, 'en'))
      expect(formatEvent(e, 'ko'), e.type).toMatch(/[가-힣]/)
    }
  })

  it("keeps kafkascope's English wording", () => {
    expect(formatEvent(SAMPLES.LeaderElected, 'en')).toBe('Partition orders-0: leader 3 → 1, epoch 5, ISR [1,2]')
    expect(formatEvent({ ...SAMPLES.LeaderElected, from: -1, unclean: true }, 'en')).toBe('Partition orders-0: leader none → 1 (UNCLEAN election), epoch 5, ISR [1,2]')
    expect(formatEvent(SAMPLES.IsrChanged, 'en')).toBe('Partition orders-0: ISR [1,2,3] → [1,2] (isr-shrink)')
    expect(formatEvent({ ...SAMPLES.IsrChanged, to: [1], elr: [2] }, 'en')).toBe('Partition orders-0: ISR [1,2,3] → [1] (isr-shrink), ELR [2]')
    expect(formatEvent({ ...SAMPLES.ReassignmentStarted, throttle: 50000 }, 'en')).toBe('Partition orders-0: reassignment to replicas [2,3,4] started (adding [4], removing [1]), replication throttled to 50000 B/s')
    expect(formatEvent(SAMPLES.ThrottlesCleared, 'en')).toBe('No reassignment in progress: replication throttles removed from brokers [1,2,4] and topics orders')
    expect(formatEvent(SAMPLES.ReassignmentCancelled, 'en')).toBe('Partition orders-0: reassignment cancelled, back to replicas [1,2,3]')
    expect(formatEvent(SAMPLES.ElrChanged, 'en')).toBe('Partition orders-0: ELR [2,3] → [3] (uncleanShutdown)')
    expect(formatEvent(SAMPLES.ElrChanged, 'ko')).toBe('파티션 orders-0: ELR [2,3] → [3] (비정상 종료 후 재등록 (unclean shutdown))')
    expect(formatEvent({ ...SAMPLES.LeaderElected, from: -1, isr: [2], via: 'elr', elr: [3] }, 'en')).toBe('Partition orders-0: leader none → 1 (clean election from the ELR), epoch 5, ISR [2], ELR [3]')
    expect(formatEvent({ ...SAMPLES.LeaderElected, from: -1, unclean: true, via: 'lastKnownLeader', elr: [] }, 'ko')).toBe('파티션 orders-0: 리더 없음 → 1 (마지막 leader를 UNCLEAN 선출), 에포크 5, ISR [1,2], ELR []')
    expect(formatEvent(SAMPLES.BrokerFenced, 'en')).toBe('Broker 2 fenced: no heartbeat for 9001 ms (broker.session.timeout.ms=9000)')
    expect(formatEvent(SAMPLES.GroupStateChanged, 'en')).toBe('Group billing: Stable → PreparingRebalance (c2 joined: new member)')
    expect(formatEvent(SAMPLES.ConsumerStopped, 'en')).toBe('c1 stops: FENCED_INSTANCE_ID (another consumer took group.instance.id i1)')
    expect(formatEvent(SAMPLES.ActionApplied, 'en')).toBe('crashBroker {"broker":1}')
    expect(formatEvent(SAMPLES.SegmentsDeleted, 'en')).toBe('Broker 1 deleted 2 segments of orders-0 (retention.ms; 4096 records no longer readable): log start offset 5120')
    expect(formatEvent(SAMPLES.SegmentsDeleted, 'ko')).toBe('브로커 1: orders-0의 세그먼트 2개 삭제 (retention.ms, 더 이상 읽을 수 없는 레코드 4096개), 로그 시작 오프셋 5120')
  })

  it('derives the coarse kinds the filters use from the type', () => {
    expect(eventKind(SAMPLES.LeaderElected)).toBe('leader')
    expect(eventKind({ ...SAMPLES.LeaderElected, unclean: true })).toBe('unclean')
    expect(eventKind(SAMPLES.ControllerElectionStarted)).toBe('raft')
    expect(eventKind(SAMPLES.CreateTopicsFailed)).toBe('error')
    // the last known leader's return is unclean in Kafka's books but loses nothing
    expect(mayLoseRecords({ ...SAMPLES.LeaderElected, unclean: true })).toBe(true)
    expect(mayLoseRecords({ ...SAMPLES.LeaderElected, unclean: true, via: 'lastKnownLeader' })).toBe(false)
    expect(mayLoseRecords(SAMPLES.LeaderElected)).toBe(false)
    expect(eventKind(SAMPLES.AssignmentReceived)).toBe('consumer')
    expect(isInternalPartitionEvent({ ...SAMPLES.IsrChanged, topic: '__consumer_offsets' })).toBe(true)
    expect(isInternalPartitionEvent(SAMPLES.IsrChanged)).toBe(false)
  })
})
