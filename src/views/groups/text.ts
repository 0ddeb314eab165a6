// The groups panel's words in English and Korean, for consumer groups and share groups (KIP-932).
// Kafka's names (the group states, EAGER, COOPERATIVE, the assignors, CURRENT-OFFSET, LOG-END-OFFSET,
// LAG, CONSUMER-ID; SPSO, SPEO, the record states, ACCEPT/RELEASE/REJECT) stay as Kafka writes them.

import type { Text } from '../../i18n.ts'
import type { PartitionStatus } from './describe.ts'
import { LAG_RULE } from '../lag-text.ts'

export const G = {
  title: { en: 'Consumer groups', ko: '컨슈머 그룹' },
  none: { en: 'This scenario has no consumer groups.', ko: '이 시나리오에는 컨슈머 그룹이 없습니다.' },
  noRun: { en: 'No scenario is loaded.', ko: '불러온 시나리오가 없습니다.' },
  generation: { en: 'generation', ko: 'generation' },
  protocol: { en: 'protocol', ko: '프로토콜' },
  rebalanceProtocol: { en: 'rebalance', ko: '리밸런스' },
  coordinator: { en: 'coordinator', ko: '코디네이터' },
  broker: { en: 'broker', ko: '브로커' },
  noCoordinator: { en: 'none (no leader for its __consumer_offsets partition)', ko: '없음 (__consumer_offsets 파티션에 리더가 없음)' },
  reason: { en: 'last rebalance', ko: '마지막 리밸런스 이유' },
  addConsumer: { en: '+ Add consumer', ko: '+ 컨슈머 추가' },
  members: { en: 'Members', ko: '멤버' },
  clientId: { en: 'CLIENT-ID', ko: 'CLIENT-ID' },
  state: { en: 'state', ko: '상태' },
  partitions: { en: 'assigned partitions', ko: '할당된 파티션' },
  down: { en: 'down (process crashed)', ko: '다운 (프로세스 중단)' },
  noMembers: { en: 'no live members', ko: '살아 있는 멤버 없음' },
  describe: { en: 'kafka-consumer-groups --describe', ko: 'kafka-consumer-groups --describe' },
  lagRule: LAG_RULE,
  eager: {
    en: 'EAGER: every member gives up all its partitions before rejoining, so the whole group stops reading until the rebalance ends.',
    ko: 'EAGER: 모든 멤버가 다시 참여하기 전에 파티션을 모두 내려놓아서, 리밸런스가 끝날 때까지 그룹 전체가 읽기를 멈춥니다.',
  },
  cooperative: {
    en: 'COOPERATIVE: members keep reading what they own; only partitions that move pause, and a second rebalance hands them over.',
    ko: 'COOPERATIVE: 멤버는 가진 파티션을 계속 읽고, 옮겨 가는 파티션만 잠시 멈췄다가 두 번째 리밸런스에서 넘겨받습니다.',
  },
  rebalancing: { en: 'Rebalancing now', ko: '리밸런스 중' },
  kip848: {
    en: 'KIP-848 (group.protocol=consumer): the coordinator computes the target assignment; a member first revokes only the partitions that move, then its next heartbeat hands them to their new owner. Members not involved never stop reading.',
    ko: 'KIP-848 (group.protocol=consumer): 코디네이터가 목표 할당을 계산합니다. 멤버는 옮겨 갈 파티션만 먼저 반납하고, 다음 heartbeat에서 그 파티션이 새 주인에게 넘어갑니다. 상관없는 멤버는 읽기를 멈추지 않습니다.',
  },
  groupEpoch: { en: 'group epoch', ko: '그룹 에포크' },
  assignmentEpoch: { en: 'target assignment epoch', ko: '목표 할당 에포크' },
  epoch: { en: 'epoch', ko: '에포크' },
  assigning: { en: 'assigned to it, not yet taken', ko: '할당됐지만 아직 받지 않음' },
  allReading: { en: 'every partition is being read', ko: '모든 파티션을 읽는 중' },
} satisfies Record<string, Text>

export function stoppedText(stopped: number, total: number): Text {
  return {
    en: `${stopped} of ${total} partitions not read right now`,
    ko: `파티션 ${total}개 중 ${stopped}개는 지금 읽지 않음`,
  }
}

export function addFailed(groupId: string, message: string): Text {
  return { en: `Could not add a consumer to ${groupId}: ${message}`, ko: `${groupId}에 컨슈머를 추가할 수 없습니다: ${message}` }
}

export function selectMember(clientId: string): Text {
  return { en: `Select member ${clientId}`, ko: `멤버 ${clientId} 선택` }
}

export function addConsumerLabel(groupId: string): Text {
  return { en: `Add consumer to group ${groupId}`, ko: `${groupId} 그룹에 컨슈머 추가` }
}

/** A partition's status: a mark (shape) and words, never colour alone. */
export const STATUS: Record<PartitionStatus, { mark: string; text: Text }> = {
  reading: { mark: '▶', text: { en: 'reading', ko: '읽는 중' } },
  revoking: { mark: '↺', text: { en: 'revoking: committing before giving it up', ko: '반납 중: 내려놓기 전에 커밋' } },
  paused: { mark: '❚❚', text: { en: 'paused: nobody owns it during the rebalance', ko: '멈춤: 리밸런스 동안 주인이 없음' } },
  ownerDown: { mark: '✕', text: { en: 'not read: its member is down (until session.timeout.ms)', ko: '읽지 않음: 멤버가 다운됨 (session.timeout.ms까지)' } },
  unowned: { mark: '–', text: { en: 'not assigned', ko: '할당되지 않음' } },
}

/** Kafka's group states, with a mark each. */
export const STATE_MARK: Record<string, string> = {
  Stable: '●',
  PreparingRebalance: '◐',
  CompletingRebalance: '◑',
  Empty: '○',
  Dead: '✕',
  Assigning: '◔',
  Reconciling: '◑',
}

/** The member client's state (AbstractCoordinator.MemberState), in words. */
export const MEMBER_STATE: Record<string, Text> = {
  unjoined: { en: 'UNJOINED', ko: 'UNJOINED' },
  joining: { en: 'PREPARING_REBALANCE', ko: 'PREPARING_REBALANCE' },
  syncing: { en: 'COMPLETING_REBALANCE', ko: 'COMPLETING_REBALANCE' },
  stable: { en: 'STABLE', ko: 'STABLE' },
  fenced: { en: 'fenced (FENCED_INSTANCE_ID)', ko: '차단됨 (FENCED_INSTANCE_ID)' },
  closed: { en: 'closed', ko: '종료됨' },
}

/** A share group's (KIP-932) words. SPSO, SPEO, the record states, ACCEPT/RELEASE/REJECT and the group.share.* configs stay as Kafka writes them. */
export const SG = {
  kind: { en: 'share group (KIP-932)', ko: '셰어 그룹 (KIP-932)' },
  explain: {
    en: 'Share group (KIP-932, queues for Kafka): members share partitions, more members than partitions all work. The partition leader hands each record to one member at a time (ACQUIRED, locked); the member acknowledges it: ACCEPT (processed), RELEASE (delivered again) or REJECT. Nothing is committed: the leader keeps each record’s state, and the window [SPSO, SPEO] moves on once the records below it are done.',
    ko: '셰어 그룹(KIP-932, Kafka의 큐): 멤버들이 파티션을 함께 맡아서, 파티션보다 멤버가 많아도 모두 일합니다. 파티션 리더는 각 레코드를 한 번에 한 멤버에게만 넘기고(ACQUIRED, 잠금), 멤버는 ACCEPT(처리함), RELEASE(다시 전달), REJECT로 확인합니다. 커밋은 없습니다. 리더가 레코드마다 상태를 기억하고, 아래쪽 레코드가 끝나면 창 [SPSO, SPEO]가 앞으로 나아갑니다.',
  },
  deliveryLimit: { en: 'group.share.delivery.count.limit', ko: 'group.share.delivery.count.limit' },
  deliveryLimitHint: { en: 'a record delivered this many times is ARCHIVED instead of delivered again', ko: '이만큼 전달된 레코드는 다시 전달하지 않고 ARCHIVED로 둡니다' },
  lockMs: { en: 'group.share.record.lock.duration.ms', ko: 'group.share.record.lock.duration.ms' },
  lockHint: { en: 'how long a member holds an ACQUIRED record before it becomes AVAILABLE again', ko: '멤버가 ACQUIRED 레코드를 잡고 있을 수 있는 시간, 지나면 다시 AVAILABLE' },
  acknowledged: { en: 'ACKNOWLEDGED', ko: 'ACKNOWLEDGED' },
  redelivered: { en: 'redelivered', ko: '재전달' },
  archived: { en: 'archived', ko: '보관(ARCHIVED)' },
  totals: { en: 'so far (since the group began)', ko: '지금까지 (그룹이 시작한 뒤로)' },
  soFar: { en: 'so far:', ko: '지금까지:' },
  memberState: { en: 'state', ko: '상태' },
  inFlight: { en: 'in flight (ACQUIRED)', ko: '처리 중 (ACQUIRED)' },
  inFlightHint: { en: 'records this member has acquired and not acknowledged yet, by partition', ko: '이 멤버가 가져갔지만 아직 확인하지 않은 레코드, 파티션별' },
  processing: { en: 'poll', ko: 'poll' },
  processingHint: { en: 'records of the poll it is processing now', ko: '지금 처리 중인 poll의 레코드 수' },
  acks: { en: 'ACCEPT / RELEASE / REJECT', ko: 'ACCEPT / RELEASE / REJECT' },
  acksHint: { en: 'records it accepted (processed), released (to be delivered again) and rejected', ko: '이 멤버가 ACCEPT(처리), RELEASE(다시 전달), REJECT한 레코드 수' },
  down: { en: 'down (crashed): its locks run out', ko: '다운 (크래시): 잠금이 풀리길 기다림' },
  closed: { en: 'left the group', ko: '그룹을 떠남' },
  windows: { en: 'Share partitions: the window [SPSO, SPEO]', ko: '셰어 파티션: 창 [SPSO, SPEO]' },
  noWindows: { en: 'No share partition yet: the leaders make one at a member’s first ShareFetch.', ko: '아직 셰어 파티션이 없습니다. 멤버의 첫 ShareFetch 때 리더가 만듭니다.' },
  partition: { en: 'partition', ko: '파티션' },
  spso: { en: 'SPSO', ko: 'SPSO' },
  spsoHint: { en: 'share-partition start offset: every record below it is ACKNOWLEDGED or ARCHIVED', ko: '셰어 파티션 시작 오프셋: 그 아래 레코드는 모두 ACKNOWLEDGED 또는 ARCHIVED' },
  speo: { en: 'SPEO', ko: 'SPEO' },
  speoHint: { en: 'share-partition end offset: the last offset in flight ("-" when none)', ko: '셰어 파티션 끝 오프셋: 처리 중인 마지막 오프셋 (없으면 "-")' },
  sharedBy: { en: 'members', ko: '멤버' },
  sharedByHint: { en: 'the live members this partition is assigned to: they share it', ko: '이 파티션을 할당받은 살아 있는 멤버: 함께 나눠 읽음' },
  inWindow: { en: 'records in the window now, by state', ko: '지금 창 안의 레코드, 상태별' },
  redeliveredHint: { en: 'deliveries after the first, so far (released records and locks that ran out)', ko: '지금까지 두 번째 이후 전달 수 (RELEASE, 잠금 만료)' },
  archivedHint: { en: 'records archived so far (rejected, or at the delivery limit)', ko: '지금까지 ARCHIVED된 레코드 (REJECT 또는 전달 한도)' },
  acknowledgedHint: { en: 'records acknowledged (ACCEPT) so far', ko: '지금까지 ACCEPT로 확인된 레코드' },
} satisfies Record<string, Text>

/** "30 s" / "30초" for a duration in ms (the lock duration). */
export function secondsText(ms: number): Text {
  const s = ms / 1000
  const n = Number.isInteger(s) ? String(s) : s.toFixed(1)
  return { en: `${ms} (${n} s)`, ko: `${ms} (${n}초)` }
}

export function shareKindLabel(groupId: string): Text {
  return { en: `Share group ${groupId}`, ko: `셰어 그룹 ${groupId}` }
}
