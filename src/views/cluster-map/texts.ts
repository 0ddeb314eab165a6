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

/**
 * The legacy ZooKeeper mode (Kafka 3.x, removed in 4.0): the ensemble's row and the controller's
 * badge. ZooKeeper's server modes (leader, follower, looking) and znode paths stay as ZooKeeper and
 * Kafka write them.
 */
export const ZK = {
  ensemble: { en: 'ZooKeeper ensemble', ko: 'ZooKeeper 앙상블' },
  legacy: { en: 'ZooKeeper mode — legacy: Kafka 3.x, removed in 4.0', ko: 'ZooKeeper 모드 — 레거시: Kafka 3.x, 4.0에서 제거' },
  legacyHint: {
    en: 'Before KRaft, Kafka kept its metadata in ZooKeeper: one broker is the controller, elected by creating the ephemeral znode /controller; it learns that a broker failed when ZooKeeper expires the broker\'s session. Kafka 4.0 runs KRaft only.',
    ko: 'KRaft 이전의 Kafka는 메타데이터를 ZooKeeper에 두었습니다. 브로커 하나가 임시(ephemeral) znode /controller를 만들어 컨트롤러가 되고, 브로커 장애는 ZooKeeper가 그 브로커의 세션을 만료시켜야 알게 됩니다. Kafka 4.0은 KRaft만 지원합니다.',
  },
  server: { en: 'ZooKeeper server', ko: 'ZooKeeper 서버' },
} satisfies Record<string, Text>

export type ZooKeeperRole = 'leader' | 'follower' | 'looking' | 'down'

/** A server's mode as ZooKeeper's srvr command prints it, and what it means. */
export const ZK_ROLE: Record<ZooKeeperRole, { glyph: string; text: Text; hint: Text }> = {
  leader: {
    glyph: '◆',
    text: { en: 'leader', ko: 'leader' },
    hint: { en: 'leader: the ensemble\'s leader; it orders every write and expires silent sessions', ko: 'leader: 앙상블의 리더. 모든 쓰기의 순서를 정하고 응답 없는 세션을 만료시킴' },
  },
  follower: {
    glyph: '',
    text: { en: 'follower', ko: 'follower' },
    hint: { en: 'follower: serves its clients and follows the leader', ko: 'follower: 자기 클라이언트 요청을 처리하고 리더를 따름' },
  },
  looking: {
    glyph: '?',
    text: { en: 'looking for a quorum', ko: 'looking (쿼럼 찾는 중)' },
    hint: { en: 'looking: running but not in a majority with a leader; it answers its clients nothing', ko: 'looking: 실행 중이지만 리더가 있는 과반에 속하지 못함. 클라이언트에게 아무 응답도 못 함' },
  },
  down: {
    glyph: '✕',
    text: { en: 'down', ko: '다운' },
    hint: { en: 'down: the server process is not running', ko: '다운: 서버 프로세스가 멈춤' },
  },
}

/** "quorum" or "no quorum: …"; the tooltip says how many servers make a majority */
export function quorumText(quorum: boolean, servers: number): { text: Text; hint: Text } {
  const needed = Math.floor(servers / 2) + 1
  return {
    text: quorum ? { en: 'quorum', ko: '쿼럼 있음' } : { en: 'no quorum: ZooKeeper serves nothing', ko: '쿼럼 없음: 처리 불가' },
    hint: {
      en: `A majority (${needed} of ${servers} servers) must reach each other and follow one leader; only then does ZooKeeper serve reads and writes.`,
      ko: `과반(서버 ${servers}대 중 ${needed}대)이 서로 닿고 한 리더를 따라야 ZooKeeper가 읽기와 쓰기를 처리합니다.`,
    },
  }
}

/** The controller broker's badge in ZooKeeper mode, and the badge of a down broker /controller still names. */
export function zooKeeperControllerBadge(epoch: number): { text: Text; hint: Text } {
  return {
    text: { en: `controller · /controller, epoch ${epoch}`, ko: `컨트롤러 · /controller, 에포크 ${epoch}` },
    hint: {
      en: `Elected through ZooKeeper: it created the ephemeral znode /controller; /controller_epoch holds ${epoch}`,
      ko: `ZooKeeper로 선출됨: 임시 znode /controller를 만들었고, /controller_epoch 값은 ${epoch}`,
    },
  }
}

export const STALE_CONTROLLER: { text: Text; hint: Text } = {
  text: { en: 'still in /controller', ko: '/controller에 남음' },
  hint: {
    en: 'Its ephemeral /controller stays until ZooKeeper expires its session; until then no other broker can become controller.',
    ko: '세션이 만료될 때까지 임시 znode /controller가 남아 있어, 그동안 다른 브로커가 컨트롤러가 될 수 없습니다.',
  },
}

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

/** The same hints in the legacy ZooKeeper mode: the controller's traffic there is ZooKeeper's and LeaderAndIsr. */
export const KIND_HINT_ZOOKEEPER: Text[] = KIND_HINT.map((hint, i) =>
  i === 4
    ? {
        en: 'ZooKeeper mode: brokers\' ZooKeeper sessions (pings, reads, writes, watches) and the controller\'s LeaderAndIsr',
        ko: 'ZooKeeper 모드: 브로커의 ZooKeeper 세션(ping, 읽기, 쓰기, watch)과 컨트롤러의 LeaderAndIsr',
      }
    : i === 5
      ? { en: 'Metadata, ListOffsets, and the controller\'s UpdateMetadata', ko: 'Metadata, ListOffsets, 컨트롤러의 UpdateMetadata' }
      : hint,
)
