// The cluster map's texts in English and Korean. Kafka's own names (Leader, Follower, acks,
// PreparingRebalance, error names) stay in Kafka's spelling in both languages.

import type { Text } from '../../i18n.ts'
import type { BrokerState, ReplicaRole } from '../../../sim/index.ts'
import { LAG_RULE } from '../lag-text.ts'

export const L = {
  map: { en: 'Cluster map', ko: '클러스터 맵' },
  broker: { en: 'Broker', ko: '브로커' },
  crash: { en: 'Crash', ko: '크래시' },
  crashHint: { en: 'Crash this broker process now (crashBroker)', ko: '이 브로커 프로세스를 지금 강제로 죽입니다 (crashBroker)' },
  restart: { en: 'Restart', ko: '재시작' },
  restartHint: { en: 'Start this broker again (restartBroker)', ko: '이 브로커를 다시 시작합니다 (restartBroker)' },
  activeController: { en: 'active controller', ko: '활성 컨트롤러' },
  rack: { en: 'rack', ko: '랙' },
  voter: { en: 'KRaft voter', ko: 'KRaft 투표자' },
  coordinator: { en: 'coordinator', ko: '코디네이터' },
  controllers: { en: 'Controller quorum (KRaft)', ko: '컨트롤러 쿼럼 (KRaft)' },
  controller: { en: 'Controller', ko: '컨트롤러' },
  producers: { en: 'Producers', ko: '프로듀서' },
  consumers: { en: 'Consumers', ko: '컨슈머' },
  brokers: { en: 'Brokers', ko: '브로커' },
  noClients: { en: 'none', ko: '없음' },
  sent: { en: 'sent', ko: '전송' },
  acked: { en: 'acked', ko: 'ack' },
  failed: { en: 'failed', ko: '실패' },
  inflight: { en: 'in flight', ko: '전송 중' },
  stopped: { en: 'stopped', ko: '중지됨' },
  down: { en: 'down', ko: '다운' },
  polled: { en: 'polled', ko: 'poll' },
  reader: { en: 'consumer (assign)', ko: '컨슈머 (assign)' },
  generation: { en: 'generation', ko: '세대' },
  groupEpoch: { en: 'epoch', ko: '에포크' },
  assigningHint: { en: 'KIP-848: assigned to this member, taken once its previous owner has revoked it', ko: 'KIP-848: 이 멤버에게 할당됨. 이전 주인이 반납하면 받습니다' },
  paused: { en: 'paused', ko: '멈춤' },
  pausedHint: { en: 'hands out no records until the rebalance ends', ko: '리밸런스가 끝날 때까지 레코드를 내주지 않음' },
  revoking: { en: 'revoking', ko: '반납 중' },
  noPartitions: { en: 'no partitions', ko: '파티션 없음' },
  lag: { en: 'LAG', ko: 'LAG' },
  lagRule: LAG_RULE,
  preferred: { en: 'preferred leader', ko: '선호 리더' },
  isolated: { en: 'isolated', ko: '격리됨' },
  cut: { en: 'cut', ko: '끊김' },
  legend: { en: 'Legend', ko: '범례' },
  flowLabel: { en: 'Messages moving between producers, brokers and consumers', ko: '프로듀서, 브로커, 컨슈머 사이를 오가는 메시지' },
  dotNumbers: { en: 'Dots are requests and responses; a number on a dot counts the records it carries.', ko: '점은 요청과 응답이고, 점 옆 숫자는 실어 나르는 레코드 수입니다.' },
  errorMarker: { en: 'error response', ko: '오류 응답' },
  showKind: { en: 'Show', ko: '표시' },
  noScenario: { en: 'No scenario is loaded.', ko: '불러온 시나리오가 없습니다.' },
  actionFailed: { en: 'The action failed', ko: '동작을 실행하지 못했습니다' },
} satisfies Record<string, Text>

/** A share group's card (KIP-932). ACQUIRED, ACK (acknowledged) and the states stay as Kafka writes them. */
export const SHARE = {
  kind: { en: 'share group', ko: '셰어 그룹' },
  redelivered: { en: 'redelivered', ko: '재전달' },
  archived: { en: 'archived', ko: '보관' },
  totalsHint: {
    en: 'records acknowledged (ACCEPT), delivered again and ARCHIVED so far',
    ko: '지금까지 ACCEPT로 확인된 레코드, 다시 전달된 횟수, ARCHIVED된 레코드',
  },
  inFlightHint: { en: 'records this member holds in flight (ACQUIRED, locked to it)', ko: '이 멤버가 잡고 처리 중인 레코드 (ACQUIRED, 잠김)' },
  left: { en: 'left', ko: '떠남' },
} satisfies Record<string, Text>

export const STATE_TEXT: Record<BrokerState, Text> = {
  alive: { en: 'alive', ko: '정상' },
  crashed: { en: 'crashed', ko: '다운됨' },
  fenced: { en: 'fenced', ko: '펜싱됨 (fenced)' },
  isolated: { en: 'isolated', ko: '격리됨' },
  shuttingDown: { en: 'shutting down', ko: '종료 중' },
  stopped: { en: 'stopped', ko: '정상 종료됨' },
}

export const STATE_ICON: Record<BrokerState, string> = { alive: '●', crashed: '✕', fenced: '⛔', isolated: '✂', shuttingDown: '⏻', stopped: '■' }

export const ROLE_TEXT: Record<ReplicaRole, Text> = {
  leader: { en: 'Leader', ko: 'Leader (리더)' },
  insync: { en: 'in-sync follower (Isr)', ko: '동기화된 팔로워 (Isr)' },
  outofsync: { en: 'out-of-sync follower', ko: '뒤처진 팔로워 (Isr 밖)' },
  offline: { en: 'offline', ko: '오프라인' },
}

/** The roles as the legend names them, short. */
export const ROLE_SHORT: Record<ReplicaRole, Text> = {
  leader: { en: 'Leader', ko: '리더 (Leader)' },
  insync: { en: 'in-sync (Isr)', ko: '동기화 (Isr)' },
  outofsync: { en: 'out of sync', ko: '뒤처짐' },
  offline: { en: 'offline', ko: '오프라인' },
}

/** Message kinds as the legend names them, and their short forms on links (reduced motion). */
export const KIND_TEXT: Text[] = [
  { en: 'produce', ko: '프로듀스' },
  { en: 'replication', ko: '복제' },
  { en: 'consume', ko: '컨슘' },
  { en: 'group', ko: '그룹' },
  { en: 'controller', ko: '컨트롤러' },
  { en: 'metadata', ko: '메타데이터' },
]

export const KIND_SHORT: Text[] = [
  { en: 'prod', ko: '프로듀스' },
  { en: 'repl', ko: '복제' },
  { en: 'fetch', ko: '컨슘' },
  { en: 'grp', ko: '그룹' },
  { en: 'ctrl', ko: '컨트롤러' },
  { en: 'meta', ko: '메타' },
]

export const KIND_HINT: Text[] = [
  { en: 'Produce requests to partition leaders, and their responses', ko: '파티션 리더로 가는 Produce 요청과 응답' },
  { en: 'Followers fetching from the leader (replica Fetch)', ko: '팔로워가 리더에서 가져가는 복제 Fetch' },
  { en: 'Consumers fetching records', ko: '컨슈머의 Fetch 요청' },
  { en: 'Heartbeat, JoinGroup, SyncGroup, OffsetCommit to the group coordinator', ko: '그룹 코디네이터로 가는 Heartbeat, JoinGroup, SyncGroup, OffsetCommit' },
  { en: 'KRaft: Raft Fetch, BrokerHeartbeat, AlterPartition', ko: 'KRaft: Raft Fetch, BrokerHeartbeat, AlterPartition' },
  { en: 'Metadata and ListOffsets requests', ko: 'Metadata, ListOffsets 요청' },
]
