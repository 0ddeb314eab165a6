// The metric panel's words in Korean and English; Kafka's names (LAG, acks, error names) stay as Kafka writes them.

import type { Text } from '../../i18n.ts'
import { LAG_RULE } from '../lag-text.ts'

export const L = {
  throughput: { en: 'Throughput (records/s)', ko: '처리량 (레코드/초)' },
  produced: { en: 'produced (acked)', ko: '프로듀스 (acked)' },
  consumed: { en: 'consumed', ko: '컨슘' },
  groupLag: { en: 'Consumer LAG by group (records)', ko: '그룹별 컨슈머 LAG (레코드)' },
  partitionLag: { en: 'LAG per partition (records)', ko: '파티션별 LAG (레코드)' },
  lagRule: LAG_RULE,
  group: { en: 'Group', ko: '그룹' },
  noGroups: { en: 'This scenario has no consumer groups.', ko: '이 시나리오에는 컨슈머 그룹이 없습니다.' },
  health: { en: 'Under-replicated and offline partitions', ko: 'Under-replicated · offline 파티션' },
  underReplicated: { en: 'under-replicated (Isr < Replicas)', ko: 'under-replicated (Isr < Replicas)' },
  offline: { en: 'offline (no Leader)', ko: 'offline (Leader 없음)' },
  errors: { en: 'Request errors seen by clients (total so far)', ko: '클라이언트가 받은 요청 오류 (누적)' },
  noErrors: { en: 'No request errors so far.', ko: '아직 요청 오류가 없습니다.' },
  perSecond: { en: '/s', ko: '/초' },
  noRun: { en: 'No scenario is loaded.', ko: '불러온 시나리오가 없습니다.' },
} satisfies Record<string, Text>

export const throughputSummary = (produce: number, consume: number): Text => ({
  en: `Now producers get ${produce} records/s acknowledged and consumers read ${consume} records/s.`,
  ko: `현재 프로듀서는 초당 ${produce}개 레코드를 ack 받고, 컨슈머는 초당 ${consume}개 레코드를 읽습니다.`,
})

export const lagSummary = (parts: string): Text => ({
  en: parts ? `LAG now: ${parts}.` : 'No LAG to show.',
  ko: parts ? `현재 LAG: ${parts}.` : '표시할 LAG가 없습니다.',
})

export const healthSummary = (urp: number, offline: number, peakUrp: number): Text => ({
  en: `Now ${urp} under-replicated and ${offline} offline partitions; at most ${peakUrp} under-replicated so far.`,
  ko: `현재 under-replicated 파티션 ${urp}개, offline 파티션 ${offline}개. 지금까지 under-replicated 최대 ${peakUrp}개.`,
})

export const errorsSummary = (parts: string): Text => ({
  en: parts ? `Request errors so far: ${parts}.` : 'No request errors so far.',
  ko: parts ? `지금까지의 요청 오류: ${parts}.` : '아직 요청 오류가 없습니다.',
})

/** NetworkClient's "Error while fetching metadata" warnings (topics still being created), apart from request errors. */
export const metadataWarningsText = (parts: string): Text => ({
  en: `Metadata warm-up (not request errors): ${parts}.`,
  ko: `메타데이터 준비 중 경고 (요청 오류 아님): ${parts}.`,
})

/** Why the warm-up warnings are not errors (the Java client's own behaviour). */
export const METADATA_WARMUP: Text = {
  en: "The producer asked for metadata before the topic's leaders were known; the Java client logs these as warnings (\"Error while fetching metadata\") and retries. Nothing was sent or lost.",
  ko: '프로듀서가 토픽의 리더가 정해지기 전에 메타데이터를 요청했습니다. Java 클라이언트는 이를 경고("Error while fetching metadata")로 기록하고 다시 시도합니다. 보낸 것도, 잃은 것도 없습니다.',
}

/** JoinGroup's MEMBER_ID_REQUIRED: the first round of a new member's join (KIP-394), apart from request errors. */
export const joinHandshakesText = (n: number): Text => ({
  en: `Join handshakes (not request errors): MEMBER_ID_REQUIRED ${n}. A new member's first JoinGroup is answered with the member id it must use; it joins again with it at once (KIP-394).`,
  ko: `조인 핸드셰이크 (요청 오류 아님): MEMBER_ID_REQUIRED ${n}. 새 멤버의 첫 JoinGroup에는 사용할 멤버 ID가 응답으로 오고, 멤버는 그 ID로 곧바로 다시 조인합니다 (KIP-394).`,
})

export const mostLagText = (shown: number, all: number): Text => ({
  en: `The ${shown} of ${all} partitions with the most LAG.`,
  ko: `파티션 ${all}개 중 LAG가 가장 큰 ${shown}개.`,
})
