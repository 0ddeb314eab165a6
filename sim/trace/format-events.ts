/**
 * The run's events (kafka/events.ts) as text for people, one formatter per language. English
 * keeps kafkascope's long-standing wording; Korean is written for Korean learners. Kafka's own
 * names (configs, error codes, group states, API names, reason strings the Kafka client prints)
 * stay as Kafka spells them in both languages.
 */
import type { GroupEpochReason, GroupStateReason, MemberRemovedReason, SimEvent } from '../kafka/events.ts'
import { partitionName } from '../kafka/topic-partition.ts'

export type EventLang = 'en' | 'ko'

const list = (xs: readonly number[]) => `[${xs.join(',')}]`
const none = (id: number, lang: EventLang) => (id === -1 ? (lang === 'ko' ? '없음' : 'none') : String(id))

function groupReasonEn(r: GroupStateReason): string {
  switch (r.code) {
    case 'memberJoined':
      return `${r.member} joined: ${r.joinReason || 'new member'}`
    case 'staticMemberRejoined':
      return `static member ${r.instanceId} rejoined`
    case 'memberLeft':
      return `${r.member} left the group`
    case 'sessionExpired':
      return `${r.member}'s session expired`
    case 'noMembers':
      return `generation ${r.generation} has no members`
    case 'generationFormed':
      return `generation ${r.generation}, protocol ${r.protocol}, leader ${r.leader}`
    case 'assigned':
      return `generation ${r.generation} assigned`
    case 'epochs':
      return `group epoch ${r.groupEpoch}, target assignment epoch ${r.assignmentEpoch}`
  }
}

function epochReasonEn(r: GroupEpochReason): string {
  switch (r.code) {
    case 'memberJoined':
      return `${r.member} joined`
    case 'subscriptionChanged':
      return `${r.member} changed its subscription`
    case 'memberLeft':
      return `${r.member} left`
    case 'partitionsChanged':
      return 'a subscribed topic has a new partition count'
  }
}

function epochReasonKo(r: GroupEpochReason): string {
  switch (r.code) {
    case 'memberJoined':
      return `${r.member} 참가`
    case 'subscriptionChanged':
      return `${r.member} 구독 변경`
    case 'memberLeft':
      return `${r.member} 이탈`
    case 'partitionsChanged':
      return '구독한 토픽의 파티션 수 변경'
  }
}

function groupReasonKo(r: GroupStateReason): string {
  switch (r.code) {
    case 'memberJoined':
      return `${r.member} 참가: ${r.joinReason || '새 멤버'}`
    case 'staticMemberRejoined':
      return `static 멤버 ${r.instanceId} 재참가`
    case 'memberLeft':
      return `${r.member} 탈퇴`
    case 'sessionExpired':
      return `${r.member} 세션 만료`
    case 'noMembers':
      return `generation ${r.generation}에 멤버 없음`
    case 'generationFormed':
      return `generation ${r.generation}, 프로토콜 ${r.protocol}, 리더 ${r.leader}`
    case 'assigned':
      return `generation ${r.generation} 할당 완료`
    case 'epochs':
      return `그룹 에포크 ${r.groupEpoch}, 목표 할당 에포크 ${r.assignmentEpoch}`
  }
}

function removedEn(r: MemberRemovedReason): string {
  switch (r.code) {
    case 'rejoinTimeout':
      return 'did not rejoin in time'
    case 'leaveGroup':
      return `LeaveGroup: ${r.leaveReason || 'the consumer is closing'}`
    case 'sessionTimeout':
      return `session timeout: no heartbeat for ${r.sinceHeartbeatMs} ms (session.timeout.ms=${r.sessionTimeoutMs})`
    case 'rebalanceTimeout':
      return `did not revoke its partitions within its rebalance timeout (max.poll.interval.ms=${r.rebalanceTimeoutMs})`
    case 'consumerSessionTimeout':
      return `session timeout: no heartbeat for ${r.sinceHeartbeatMs} ms (group.consumer.session.timeout.ms=${r.sessionTimeoutMs})`
    case 'shareSessionTimeout':
      return `session timeout: no heartbeat for ${r.sinceHeartbeatMs} ms (group.share.session.timeout.ms=${r.sessionTimeoutMs})`
  }
}

function removedKo(r: MemberRemovedReason): string {
  switch (r.code) {
    case 'rejoinTimeout':
      return '제때 다시 참가하지 않음'
    case 'leaveGroup':
      return `LeaveGroup: ${r.leaveReason || '컨슈머 종료'}`
    case 'sessionTimeout':
      return `세션 타임아웃: ${r.sinceHeartbeatMs} ms 동안 heartbeat 없음 (session.timeout.ms=${r.sessionTimeoutMs})`
    case 'rebalanceTimeout':
      return `리밸런스 타임아웃 안에 파티션을 반납하지 않음 (max.poll.interval.ms=${r.rebalanceTimeoutMs})`
    case 'consumerSessionTimeout':
      return `세션 타임아웃: ${r.sinceHeartbeatMs} ms 동안 heartbeat 없음 (group.consumer.session.timeout.ms=${r.sessionTimeoutMs})`
    case 'shareSessionTimeout':
      return `세션 타임아웃: ${r.sinceHeartbeatMs} ms 동안 heartbeat 없음 (group.share.session.timeout.ms=${r.sessionTimeoutMs})`
  }
}

/** PartitionChange reason codes in Korean; codes kafkascope does not know stay as they are. */
const ISR_REASON_KO: Readonly<Record<string, string>> = {
  'isr-shrink': 'ISR 축소',
  'isr-expand': 'ISR 확장',
  fenced: '브로커 fence',
  unfenced: '브로커 unfence',
  unclean: 'unclean 선출',
  preferred: 'preferred 리더 선출',
  controlledShutdown: '제어된 종료 (controlled shutdown)',
  reassignment: '파티션 이동',
  reassignmentCancelled: '파티션 이동 취소',
  uncleanShutdown: '비정상 종료 후 재등록 (unclean shutdown)',
  elr: 'ELR에서 선출',
  lastKnownLeader: '마지막 leader 선출',
}

/** ", ELR [..]" when the change set the eligible leader replicas (KIP-966). */
function elrPart(elr: number[] | undefined): string {
  return elr === undefined ? '' : `, ELR ${list(elr)}`
}

function electedEn(e: Extract<SimEvent, { type: 'LeaderElected' }>): string {
  if (e.via === 'elr') return ' (clean election from the ELR)'
  if (e.via === 'lastKnownLeader') return ' (UNCLEAN election of the last known leader)'
  return e.unclean ? ' (UNCLEAN election)' : ''
}

function electedKo(e: Extract<SimEvent, { type: 'LeaderElected' }>): string {
  if (e.via === 'elr') return 'ELR에서 클린 선출'
  if (e.via === 'lastKnownLeader') return '마지막 leader를 UNCLEAN 선출'
  return e.unclean ? 'UNCLEAN 선출' : '클린 선출'
}

function formatEn(e: SimEvent): string {
  switch (e.type) {
    case 'ActionApplied':
      return `${e.action} ${e.args}`
    case 'ActionFailed':
      return `${e.action} ${e.args}: ${e.message}`
    case 'LeaderElected':
      return `Partition ${partitionName(e.topic, e.partition)}: leader ${none(e.from, 'en')} → ${none(e.to, 'en')}${electedEn(e)}, epoch ${e.leaderEpoch}, ISR ${list(e.isr)}${elrPart(e.elr)}`
    case 'IsrChanged':
      return `Partition ${partitionName(e.topic, e.partition)}: ISR ${list(e.from)} → ${list(e.to)} (${e.reason})${elrPart(e.elr)}`
    case 'ElrChanged':
      return `Partition ${partitionName(e.topic, e.partition)}: ELR ${list(e.from)} → ${list(e.to)} (${e.reason})`
    case 'BrokerRegistered':
      return `Broker ${e.broker} registered (broker epoch ${e.brokerEpoch}), fenced until it catches up`
    case 'BrokerUnfenced':
      return `Broker ${e.broker} unfenced`
    case 'BrokerFenced':
      return `Broker ${e.broker} fenced: no heartbeat for ${e.sinceHeartbeatMs} ms (broker.session.timeout.ms=${e.timeoutMs})`
    case 'BrokerAdded':
      return `Broker ${e.broker} added to the cluster: it registers and hosts nothing until partitions are moved to it`
    case 'ReassignmentStarted':
      return `Partition ${partitionName(e.topic, e.partition)}: reassignment to replicas ${list(e.replicas)} started (adding ${list(e.adding)}, removing ${list(e.removing)})${e.throttle !== undefined ? `, replication throttled to ${e.throttle} B/s` : ''}`
    case 'ThrottlesCleared':
      return `No reassignment in progress: replication throttles removed from brokers ${list(e.brokers)} and topics ${e.topics.join(', ')}`
    case 'ReassignmentCompleted':
      return `Partition ${partitionName(e.topic, e.partition)}: reassignment complete, replicas ${list(e.replicas)}, ISR ${list(e.isr)}`
    case 'ReassignmentCancelled':
      return `Partition ${partitionName(e.topic, e.partition)}: reassignment cancelled, back to replicas ${list(e.replicas)}`
    case 'BrokerShutdownRequested':
      return `Broker ${e.broker} asks to shut down (BrokerHeartbeat WantShutDown)`
    case 'BrokerControlledShutdown':
      return `Broker ${e.broker} in controlled shutdown: ${e.partitions} partition${e.partitions === 1 ? '' : 's'} moved leadership or left the ISR`
    case 'BrokerShutdownGranted':
      return `Broker ${e.broker} fenced and told to shut down (ShouldShutDown)`
    case 'BrokerStopped':
      return `Broker ${e.broker} stopped (clean shutdown)`
    case 'CreateTopicsFailed':
      return `CreateTopics ${e.topic}: ${e.error}: ${e.message}`
    case 'TopicCreated':
      return `Created topic ${e.topic} with ${e.partitions} partitions, replication factor ${e.replicationFactor}`
    case 'TopicDeleted':
      return `Deleted topic ${e.topic}: its replicas and their logs go`
    case 'PartitionsAdded':
      return `Topic ${e.topic} now has ${e.count} partitions`
    case 'TopicConfigChanged':
      return `Topic ${e.topic} config: ${e.config.map(([k, v]) => `${k}=${v}`).join(', ')}`
    case 'ControllerElectionStarted':
      return `Controller ${e.controller} starts an election for epoch ${e.epoch}`
    case 'ControllerActive':
      return `Controller ${e.controller} is the active controller (epoch ${e.epoch})`
    case 'ControllerResigned':
      return `Controller ${e.controller} resigns: no majority has fetched for ${e.fetchTimeoutMs} ms`
    case 'ZkSessionEstablished':
      return `Broker ${e.broker}: ZooKeeper session 0x${e.sessionId.toString(16)} established on ${e.server}`
    case 'ZkSessionExpired':
      return `ZooKeeper expired broker ${e.broker}'s session 0x${e.sessionId.toString(16)}: nothing heard for ${e.sinceHeardMs} ms (zookeeper.session.timeout.ms=${e.timeoutMs}); deleted ${e.deleted.join(', ') || 'no znodes'}`
    case 'ZkLeaderElected':
      return `ZooKeeper: ${e.server} leads the ensemble of ${e.servers} servers; a quorum serves clients`
    case 'ZkQuorumLost':
      return `ZooKeeper lost its quorum: ${e.reachable} of the servers reach each other, ${e.needed} needed; no znode can be read or written`
    case 'ZkControllerElected':
      return `Broker ${e.broker} created /controller and is the controller (controller epoch ${e.epoch})`
    case 'ZkControllerResigned':
      return `Broker ${e.broker} is no longer the controller (epoch ${e.epoch}): ${e.reason === 'sessionExpired' ? 'its ZooKeeper session expired' : 'a newer controller epoch is in ZooKeeper'}`
    case 'ZkBrokersChanged':
      return `Controller ${e.controller}: /brokers/ids changed${e.added.length ? `, brokers ${list(e.added)} joined` : ''}${e.dead.length ? `, brokers ${list(e.dead)} failed` : ''}`
    case 'ZkWriteFailed':
      return `Controller ${e.controller} cannot reach ZooKeeper (${e.error}): ${e.op} waits, and so does every change after it`
    case 'CoordinatorLoaded':
      return `Broker ${e.broker} is now the coordinator of group ${e.groupId} (loaded from ${e.tp}): ${e.state}, generation ${e.generation}`
    case 'MemberJoined':
      return `Group ${e.groupId}: ${e.member} joins (${e.joinReason || 'new member'})`
    case 'StaticMemberReturned':
      return `Group ${e.groupId}: static member ${e.instanceId} is back with a new member id; no rebalance (generation ${e.generation})`
    case 'GroupStateChanged':
      return `Group ${e.groupId}: ${e.from} → ${e.to}${e.reason ? ` (${groupReasonEn(e.reason)})` : ''}`
    case 'MemberRemoved':
      return `Group ${e.groupId}: member ${e.member} removed (${removedEn(e.reason)})`
    case 'GroupEpochBumped':
      return `Group ${e.groupId}: group epoch ${e.groupEpoch} (${epochReasonEn(e.why)})`
    case 'TargetAssignmentComputed':
      return `Group ${e.groupId}: target assignment for epoch ${e.assignmentEpoch} computed by the ${e.assignor} assignor (${e.members} members)`
    case 'MemberEpochChanged':
      return `Group ${e.groupId}: ${e.member} is at member epoch ${e.memberEpoch}, ${e.state}${e.revoking.length > 0 ? `, must revoke ${e.revoking.join(', ')} first` : ''}`
    case 'OffsetsReset':
      return `Group ${e.groupId}: offsets reset to ${e.offsets.map(([t, o]) => `${t}=${o}`).join(', ')}`
    case 'ResetOffsetClamped':
      return `Group ${e.groupId}: New offset (${e.requested}) is ${e.bound === 'latest' ? 'higher' : 'lower'} than ${e.bound} offset for topic partition ${e.tp}. Value will be set to ${e.offset}`
    case 'TruncationDetected':
      return `${e.consumer}: Truncation detected for partition ${e.tp} at offset ${e.position}, resetting offset to the first offset known to diverge ${e.endOffset}`
    case 'ConsumerPollTimeout':
      return `${e.member} leaves group ${e.groupId}: consumer poll timeout has expired (max.poll.interval.ms=${e.maxPollIntervalMs})`
    case 'ConsumerRejoinReset':
      return `${e.member} resets its generation${e.resetMemberId ? ' and member id' : ''}: ${e.reason}`
    case 'ConsumerStopped':
      return `${e.member} stops: ${e.error}${e.error === 'FENCED_INSTANCE_ID' ? ` (another consumer took group.instance.id ${e.instanceId})` : ''}`
    case 'CoordinatorFound':
      return `${e.member} found the coordinator of group ${e.groupId}: broker ${e.broker}`
    case 'CoordinatorLost':
      return `${e.member} lost the coordinator of group ${e.groupId} (broker ${e.broker}): ${e.error}`
    case 'AssignmentReceived':
      return `${e.member} got generation ${e.generation} of group ${e.groupId} (${e.protocol}): ${e.partitions.join(', ') || 'no partitions'}`
    case 'MemberReconciled':
      return `${e.member} reconciled to member epoch ${e.memberEpoch} of group ${e.groupId}: ${e.partitions.join(', ') || 'no partitions'}${e.revoked.length > 0 ? ` (revoked ${e.revoked.join(', ')})` : ''}${e.added.length > 0 ? ` (added ${e.added.join(', ')})` : ''}`
    case 'ConsumerClosed':
      return `${e.member} closed${e.staticMember ? ' (static member: no LeaveGroup)' : ''}`
    case 'ProducerEpochBumped':
      return `Producer ${e.producer} bumps its producer epoch to ${e.producerEpoch} and resets its sequence numbers`
    case 'ProducerIdReceived':
      return `Producer ${e.producer} got producer id ${e.producerId} (idempotent)`
    case 'SegmentRolled':
      return `Broker ${e.broker} rolled a new segment of ${e.topic}-${e.partition} at offset ${e.baseOffset} (${e.reason} reached)`
    case 'SegmentsDeleted':
      return `Broker ${e.broker} deleted ${e.segments} ${e.segments === 1 ? 'segment' : 'segments'} of ${e.topic}-${e.partition} (${e.cause}; ${e.records} ${e.records === 1 ? 'record' : 'records'} no longer readable): log start offset ${e.logStartOffset}`
    case 'LogStartOffsetMoved':
      return `DeleteRecords: ${e.topic}-${e.partition} log start offset ${e.from} → ${e.to} (leader: broker ${e.broker})`
    case 'LogCleaned':
      return `Broker ${e.broker} compacted ${e.topic}-${e.partition} offsets ${e.from}..${e.to - 1} (dirty ratio ${e.dirtyRatio}): ${e.removed} older ${e.removed === 1 ? 'record' : 'records'} removed${e.tombstonesRemoved > 0 ? `, ${e.tombstonesRemoved} past delete.retention.ms among them` : ''}; ${e.segmentsBefore} → ${e.segmentsAfter} ${e.segmentsAfter === 1 ? 'segment' : 'segments'}`
    case 'OffsetOutOfRange':
      return `${e.consumer}: fetch position ${e.position} is out of range for ${e.tp} (log start offset ${e.logStartOffset}): OFFSET_OUT_OF_RANGE, ${e.reset === 'none' ? 'auto.offset.reset=none stops the consumer' : `resetting to ${e.reset} (auto.offset.reset)`}`
  }
}

function formatKo(e: SimEvent): string {
  switch (e.type) {
    case 'ActionApplied':
      return `${e.action} ${e.args}`
    case 'ActionFailed':
      return `${e.action} ${e.args} 실패: ${e.message}`
    case 'LeaderElected':
      return `파티션 ${partitionName(e.topic, e.partition)}: 리더 ${none(e.from, 'ko')} → ${none(e.to, 'ko')} (${electedKo(e)}), 에포크 ${e.leaderEpoch}, ISR ${list(e.isr)}${elrPart(e.elr)}`
    case 'IsrChanged':
      return `파티션 ${partitionName(e.topic, e.partition)}: ISR ${list(e.from)} → ${list(e.to)} (${ISR_REASON_KO[e.reason] ?? e.reason})${elrPart(e.elr)}`
    case 'ElrChanged':
      return `파티션 ${partitionName(e.topic, e.partition)}: ELR ${list(e.from)} → ${list(e.to)} (${ISR_REASON_KO[e.reason] ?? e.reason})`
    case 'BrokerRegistered':
      return `브로커 ${e.broker} 등록 (broker epoch ${e.brokerEpoch}), 따라잡을 때까지 fence 상태`
    case 'BrokerUnfenced':
      return `브로커 ${e.broker} unfence`
    case 'BrokerFenced':
      return `브로커 ${e.broker} fence: ${e.sinceHeartbeatMs} ms 동안 heartbeat 없음 (broker.session.timeout.ms=${e.timeoutMs})`
    case 'BrokerAdded':
      return `브로커 ${e.broker} 클러스터에 추가: 등록한 뒤, 파티션이 옮겨 올 때까지 아무 레플리카도 맡지 않음`
    case 'ReassignmentStarted':
      return `파티션 ${partitionName(e.topic, e.partition)}: 레플리카 ${list(e.replicas)}(으)로 재할당 시작 (추가 ${list(e.adding)}, 제거 ${list(e.removing)})${e.throttle !== undefined ? `, 복제 속도 제한 ${e.throttle} B/s` : ''}`
    case 'ThrottlesCleared':
      return `진행 중인 재할당 없음: 브로커 ${list(e.brokers)}와 토픽 ${e.topics.join(', ')}의 복제 속도 제한(throttle) 제거`
    case 'ReassignmentCompleted':
      return `파티션 ${partitionName(e.topic, e.partition)}: 재할당 완료, 레플리카 ${list(e.replicas)}, ISR ${list(e.isr)}`
    case 'ReassignmentCancelled':
      return `파티션 ${partitionName(e.topic, e.partition)}: 재할당 취소, 레플리카 ${list(e.replicas)}(으)로 되돌림`
    case 'BrokerShutdownRequested':
      return `브로커 ${e.broker} 종료 요청 (BrokerHeartbeat WantShutDown)`
    case 'BrokerControlledShutdown':
      return `브로커 ${e.broker} 제어된 종료 (controlled shutdown): 파티션 ${e.partitions}개의 리더십 이동 또는 ISR 제외`
    case 'BrokerShutdownGranted':
      return `브로커 ${e.broker} fence 후 종료 허가 (ShouldShutDown)`
    case 'BrokerStopped':
      return `브로커 ${e.broker} 정상 종료`
    case 'CreateTopicsFailed':
      return `CreateTopics ${e.topic} 실패: ${e.error}: ${e.message}`
    case 'TopicCreated':
      return `토픽 ${e.topic} 생성: 파티션 ${e.partitions}개, 복제 계수 ${e.replicationFactor}`
    case 'TopicDeleted':
      return `토픽 ${e.topic} 삭제: 레플리카와 로그가 지워짐`
    case 'PartitionsAdded':
      return `토픽 ${e.topic}: 파티션이 이제 ${e.count}개`
    case 'TopicConfigChanged':
      return `토픽 ${e.topic} 설정: ${e.config.map(([k, v]) => `${k}=${v}`).join(', ')}`
    case 'ControllerElectionStarted':
      return `컨트롤러 ${e.controller}: 에포크 ${e.epoch} 선거 시작`
    case 'ControllerActive':
      return `컨트롤러 ${e.controller}: 액티브 컨트롤러가 됨 (에포크 ${e.epoch})`
    case 'ControllerResigned':
      return `컨트롤러 ${e.controller} 사임: ${e.fetchTimeoutMs} ms 동안 과반수가 fetch하지 않음`
    case 'ZkSessionEstablished':
      return `브로커 ${e.broker}: ${e.server}에 ZooKeeper 세션 0x${e.sessionId.toString(16)} 연결`
    case 'ZkSessionExpired':
      return `ZooKeeper가 브로커 ${e.broker}의 세션 0x${e.sessionId.toString(16)}을 만료시킴: ${e.sinceHeardMs} ms 동안 응답 없음 (zookeeper.session.timeout.ms=${e.timeoutMs}); 삭제된 znode: ${e.deleted.join(', ') || '없음'}`
    case 'ZkLeaderElected':
      return `ZooKeeper: ${e.server}이(가) 앙상블(서버 ${e.servers}대)의 리더, 쿼럼이 클라이언트 요청을 처리함`
    case 'ZkQuorumLost':
      return `ZooKeeper 쿼럼 상실: 서로 닿는 서버 ${e.reachable}대, 필요한 수 ${e.needed}대; znode를 읽거나 쓸 수 없음`
    case 'ZkControllerElected':
      return `브로커 ${e.broker}이(가) /controller를 만들어 컨트롤러가 됨 (컨트롤러 에포크 ${e.epoch})`
    case 'ZkControllerResigned':
      return `브로커 ${e.broker}은(는) 더 이상 컨트롤러가 아님 (에포크 ${e.epoch}): ${e.reason === 'sessionExpired' ? 'ZooKeeper 세션 만료' : 'ZooKeeper에 더 새로운 컨트롤러 에포크가 있음'}`
    case 'ZkBrokersChanged':
      return `컨트롤러 ${e.controller}: /brokers/ids 변경${e.added.length ? `, 브로커 ${list(e.added)} 참가` : ''}${e.dead.length ? `, 브로커 ${list(e.dead)} 장애` : ''}`
    case 'ZkWriteFailed':
      return `컨트롤러 ${e.controller}이(가) ZooKeeper에 닿지 못함 (${e.error}): ${e.op}와(과) 그 뒤의 모든 변경이 기다림`
    case 'CoordinatorLoaded':
      return `그룹 ${e.groupId}의 코디네이터: 이제 브로커 ${e.broker} (${e.tp}에서 로드), ${e.state}, generation ${e.generation}`
    case 'MemberJoined':
      return `그룹 ${e.groupId}: ${e.member} 참가 (${e.joinReason || '새 멤버'})`
    case 'StaticMemberReturned':
      return `그룹 ${e.groupId}: static 멤버 ${e.instanceId} 새 member id로 복귀, 리밸런스 없음 (generation ${e.generation})`
    case 'GroupStateChanged':
      return `그룹 ${e.groupId}: ${e.from} → ${e.to}${e.reason ? ` (${groupReasonKo(e.reason)})` : ''}`
    case 'MemberRemoved':
      return `그룹 ${e.groupId}: 멤버 ${e.member} 제거 (${removedKo(e.reason)})`
    case 'GroupEpochBumped':
      return `그룹 ${e.groupId}: 그룹 에포크 ${e.groupEpoch} (${epochReasonKo(e.why)})`
    case 'TargetAssignmentComputed':
      return `그룹 ${e.groupId}: ${e.assignor} assignor가 에포크 ${e.assignmentEpoch}의 목표 할당을 계산 (멤버 ${e.members}개)`
    case 'MemberEpochChanged':
      return `그룹 ${e.groupId}: ${e.member} 멤버 에포크 ${e.memberEpoch}, ${e.state}${e.revoking.length > 0 ? `, 먼저 ${e.revoking.join(', ')} 반납 필요` : ''}`
    case 'OffsetsReset':
      return `그룹 ${e.groupId}: 오프셋 재설정 ${e.offsets.map(([t, o]) => `${t}=${o}`).join(', ')}`
    case 'ResetOffsetClamped':
      return `그룹 ${e.groupId}: ${e.tp}의 새 오프셋 ${e.requested}은(는) ${e.bound === 'latest' ? '최신(latest) 오프셋보다 큼' : '가장 이른(earliest) 오프셋보다 작음'}, ${e.offset}(으)로 설정`
    case 'TruncationDetected':
      return `${e.consumer}: 파티션 ${e.tp}의 오프셋 ${e.position}에서 잘림(Truncation) 감지, 갈라지기 시작한 첫 오프셋 ${e.endOffset}(으)로 되돌림`
    case 'ConsumerPollTimeout':
      return `${e.member}: 그룹 ${e.groupId}에서 나감, poll 간격 초과 (max.poll.interval.ms=${e.maxPollIntervalMs})`
    case 'ConsumerRejoinReset':
      return `${e.member}: generation${e.resetMemberId ? '·member id' : ''} 초기화, ${e.reason}`
    case 'ConsumerStopped':
      return `${e.member} 중지: ${e.error}${e.error === 'FENCED_INSTANCE_ID' ? ` (다른 컨슈머가 같은 group.instance.id ${e.instanceId} 사용)` : ''}`
    case 'CoordinatorFound':
      return `${e.member}: 그룹 ${e.groupId}의 코디네이터 찾음, 브로커 ${e.broker}`
    case 'CoordinatorLost':
      return `${e.member}: 그룹 ${e.groupId}의 코디네이터(브로커 ${e.broker}) 연결 끊김, ${e.error}`
    case 'AssignmentReceived':
      return `${e.member}: 그룹 ${e.groupId}의 generation ${e.generation} 할당 받음 (${e.protocol}), ${e.partitions.join(', ') || '파티션 없음'}`
    case 'MemberReconciled':
      return `${e.member}: 그룹 ${e.groupId}의 멤버 에포크 ${e.memberEpoch}로 조정 완료, ${e.partitions.join(', ') || '파티션 없음'}${e.revoked.length > 0 ? ` (반납 ${e.revoked.join(', ')})` : ''}${e.added.length > 0 ? ` (추가 ${e.added.join(', ')})` : ''}`
    case 'ConsumerClosed':
      return `${e.member} 종료${e.staticMember ? ' (static 멤버: LeaveGroup 없음)' : ''}`
    case 'ProducerEpochBumped':
      return `프로듀서 ${e.producer}: producer epoch ${e.producerEpoch}(으)로 올리고 시퀀스 번호 초기화`
    case 'ProducerIdReceived':
      return `프로듀서 ${e.producer}: producer id ${e.producerId} 받음 (idempotent)`
    case 'SegmentRolled':
      return `브로커 ${e.broker}: ${e.topic}-${e.partition}의 새 세그먼트를 오프셋 ${e.baseOffset}에서 시작 (${e.reason} 도달)`
    case 'SegmentsDeleted':
      return `브로커 ${e.broker}: ${e.topic}-${e.partition}의 세그먼트 ${e.segments}개 삭제 (${e.cause}, 더 이상 읽을 수 없는 레코드 ${e.records}개), 로그 시작 오프셋 ${e.logStartOffset}`
    case 'LogStartOffsetMoved':
      return `DeleteRecords: ${e.topic}-${e.partition}의 로그 시작 오프셋 ${e.from} → ${e.to} (리더: 브로커 ${e.broker})`
    case 'LogCleaned':
      return `브로커 ${e.broker}: ${e.topic}-${e.partition} 오프셋 ${e.from}..${e.to - 1} 컴팩션 (dirty 비율 ${e.dirtyRatio}), 오래된 레코드 ${e.removed}개 제거${e.tombstonesRemoved > 0 ? ` (그중 delete.retention.ms가 지난 툼스톤 ${e.tombstonesRemoved}개)` : ''}, 세그먼트 ${e.segmentsBefore}개 → ${e.segmentsAfter}개`
    case 'OffsetOutOfRange':
      return `${e.consumer}: ${e.tp}의 fetch 위치 ${e.position}이(가) 범위 밖 (로그 시작 오프셋 ${e.logStartOffset}): OFFSET_OUT_OF_RANGE, ${e.reset === 'none' ? 'auto.offset.reset=none이라 컨슈머가 멈춤' : `${e.reset}(으)로 재설정 (auto.offset.reset)`}`
  }
}

/** An event as text in one language. */
export function formatEvent(e: SimEvent, lang: EventLang): string {
  return lang === 'ko' ? formatKo(e) : formatEn(e)
}
