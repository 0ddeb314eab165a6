// The groups panel's words in English and Korean. Kafka's names (the group states, EAGER,
// COOPERATIVE, the assignors, CURRENT-OFFSET, LOG-END-OFFSET, LAG, CONSUMER-ID) stay as Kafka writes them.

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
