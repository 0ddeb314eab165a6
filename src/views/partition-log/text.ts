// The partition log view's words in English and Korean. Kafka's names (Leader, Replicas, Isr,
// LeaderEpoch, HW, LEO, CURRENT-OFFSET, LAG) stay as Kafka writes them in both languages.

import type { ReplicaRole } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'
import { LAG_RULE } from '../lag-text.ts'

export const L = {
  lagRule: LAG_RULE,
  title: { en: 'Partition log', ko: '파티션 로그' },
  topic: { en: 'Topic', ko: '토픽' },
  allTopics: { en: 'all topics', ko: '모든 토픽' },
  noRun: { en: 'No scenario is loaded.', ko: '불러온 시나리오가 없습니다.' },
  noPartitions: { en: 'No user topic has partitions yet.', ko: '아직 파티션이 있는 사용자 토픽이 없습니다.' },
  legend: { en: 'Legend', ko: '범례' },
  readable: { en: 'up to HW: readable', ko: 'HW까지: 읽을 수 있음' },
  aboveHw: { en: 'above HW: not yet readable by consumers', ko: 'HW 위: 아직 컨슈머가 읽을 수 없음' },
  lost: { en: 'lost: acknowledged, then gone', ko: '유실: ack를 받았지만 사라짐' },
  committed: { en: 'committed (CURRENT-OFFSET)', ko: '커밋 위치 (CURRENT-OFFSET)' },
  position: { en: 'consumer position', ko: '컨슈머 위치' },
  compressed: { en: 'older offsets compressed', ko: '오래된 오프셋은 줄여서 표시' },
  epoch: { en: 'new leader epoch', ko: '새 리더 에포크' },
  logStart: { en: 'log start', ko: '로그 시작' },
  lostLane: { en: 'lost', ko: '유실' },
  revoking: { en: 'revoking', ko: '반납 중' },
  at: { en: 'position', ko: '위치' },
} satisfies Record<string, Text>

export const ROLE: Record<ReplicaRole, { mark: string; text: Text }> = {
  leader: { mark: '★', text: { en: 'Leader', ko: 'Leader' } },
  insync: { mark: '●', text: { en: 'Isr', ko: 'Isr' } },
  outofsync: { mark: '◆', text: { en: 'out of sync', ko: 'ISR 밖' } },
  offline: { mark: '✕', text: { en: 'offline', ko: '오프라인' } },
}

export function lostBadge(n: number): Text {
  return { en: `${n} acked record${n === 1 ? '' : 's'} lost`, ko: `ack된 레코드 ${n}개 유실` }
}

export function selectPartition(tp: string): Text {
  return { en: `Select partition ${tp}`, ko: `파티션 ${tp} 선택` }
}

export function lostRangeTitle(from: string, producer: string): Text {
  return { en: `offsets ${from}: acknowledged to ${producer}, then lost`, ko: `오프셋 ${from}: ${producer}에 ack를 보냈지만 유실됨` }
}

export function runTitle(range: string, epoch: number): Text {
  return { en: `offsets ${range}, leader epoch ${epoch}`, ko: `오프셋 ${range}, 리더 에포크 ${epoch}` }
}
