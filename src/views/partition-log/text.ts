// The partition log view's words in English and Korean. Kafka's names (Leader, Replicas, Isr,
// LeaderEpoch, HW, LEO, CURRENT-OFFSET, LAG, maxTimestamp, retention.ms) stay as Kafka writes them
// in both languages. Times are simulated time as the clock shows it.

import type { CleanerPass, DeletedMark, RecordCell, RemovedBand, ReplicaRole, SegmentMark } from '../../../sim/index.ts'
import { formatSimTime, type Text } from '../../i18n.ts'
import { rangeText } from './geometry.ts'
import { formatBytes } from './segments.ts'
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
  logStart: { en: 'log start offset', ko: '로그 시작 오프셋' },
  activeSegment: { en: 'active segment', ko: '액티브 세그먼트' },
  activeShort: { en: 'active', ko: '액티브' },
  segmentEdge: { en: 'segment boundary: a log is a list of segment files', ko: '세그먼트 경계: 로그는 세그먼트 파일의 목록' },
  activeLegend: { en: 'active segment: the one written to; its newest record stays recent, so retention keeps it', ko: '액티브 세그먼트: 지금 쓰는 세그먼트, 가장 새 레코드가 계속 최근이라 리텐션이 남겨 둠' },
  deletedLegend: { en: 'segment deleted by retention (fades out)', ko: '리텐션이 삭제한 세그먼트 (서서히 사라짐)' },
  logStartLegend: { en: 'log start offset: the oldest offset still stored', ko: '로그 시작 오프셋: 아직 저장된 가장 오래된 오프셋' },
  lostLane: { en: 'lost', ko: '유실' },
  keysLegend: { en: 'compacted topic: one colour per record key', ko: '컴팩션 토픽: 레코드 키마다 한 색' },
  tombstoneLegend: { en: 'tombstone: a null value that deletes its key', ko: '툼스톤(tombstone): 키를 지우는 null 값' },
  removedLegend: { en: 'removed by the log cleaner (fades out)', ko: '로그 클리너가 지운 레코드 (서서히 사라짐)' },
  gapLegend: { en: 'gap: offsets the cleaner emptied (drawn short)', ko: '빈칸: 클리너가 비운 오프셋 (짧게 그림)' },
  cleanedLegend: { en: 'the log cleaner’s latest pass: the offsets it cleaned', ko: '로그 클리너의 최근 정리: 정리한 오프셋' },
  cleanedShort: { en: 'cleaned', ko: '정리됨' },
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

/** A segment's tooltip: its base offset, offsets, size, newest record, and whether it is the active one. */
export function segmentTitle(s: SegmentMark): Text {
  const empty = s.endOffset <= s.baseOffset
  const newest = s.largestTimestamp < 0 ? null : formatSimTime(s.largestTimestamp)
  const size = formatBytes(s.sizeBytes)
  return {
    en:
      `segment ${s.baseOffset}: ${empty ? 'empty' : `offsets ${rangeText(s.baseOffset, s.endOffset)}`} · ${size} · ` +
      `${newest === null ? 'no records yet' : `newest record ${newest}`}${s.active ? ' · active segment: written to now; retention deletes it only once its newest record is older than retention.ms' : ''}`,
    ko:
      `세그먼트 ${s.baseOffset}: ${empty ? '비어 있음' : `오프셋 ${rangeText(s.baseOffset, s.endOffset)}`} · ${size} · ` +
      `${newest === null ? '아직 레코드 없음' : `가장 새 레코드 ${newest}`}${s.active ? ' · 액티브 세그먼트: 지금 쓰는 중, 가장 새 레코드가 retention.ms보다 오래되어야 리텐션이 삭제함' : ''}`,
  }
}

/** A batch's timestamp line (RecordBatch's maxTimestamp: its newest record's time). */
export function batchTimeText(maxTimestamp: number): Text {
  const at = formatSimTime(maxTimestamp)
  return { en: `maxTimestamp ${at}`, ko: `maxTimestamp(가장 새 레코드 시각) ${at}` }
}

const CAUSE: Record<DeletedMark['cause'], Text> = {
  'retention.ms': { en: 'retention.ms: its newest record was too old', ko: 'retention.ms: 가장 새 레코드가 보관 기간을 넘김' },
  'retention.bytes': { en: 'retention.bytes: the log was too big', ko: 'retention.bytes: 로그가 크기 한도를 넘김' },
  logStartOffset: { en: 'below the log start offset (DeleteRecords)', ko: '로그 시작 오프셋 아래 (DeleteRecords)' },
}

/** A deleted segment's tooltip: its offsets, when and why retention deleted it. */
export function deletedTitle(d: DeletedMark): Text {
  const range = rangeText(d.from, d.to)
  const at = formatSimTime(d.atMs)
  return {
    en: `offsets ${range}: segment deleted at ${at} by ${CAUSE[d.cause].en}`,
    ko: `오프셋 ${range}: ${at}에 세그먼트 삭제됨, ${CAUSE[d.cause].ko}`,
  }
}

/** A replica's log start offset marker's tooltip. */
export function logStartTitle(broker: number, offset: number): Text {
  return { en: `broker ${broker}: log start offset ${offset}`, ko: `브로커 ${broker}: 로그 시작 오프셋 ${offset}` }
}

/** "leader epoch 3" or "leader epochs 3–5" for the runs a segment holds; null for none. */
export function epochsText(epochs: readonly number[]): Text | null {
  if (epochs.length === 0) return null
  const lo = Math.min(...epochs)
  const hi = Math.max(...epochs)
  const which = lo === hi ? String(lo) : `${lo}–${hi}`
  return { en: `leader epoch${lo === hi ? '' : 's'} ${which}`, ko: `리더 에포크 ${which}` }
}

/** A record cell's tooltip: its offset, key, timestamp, and "tombstone". */
export function recordTitle(c: RecordCell): Text {
  const at = formatSimTime(c.timestamp)
  const key = c.key ?? 'null'
  return {
    en: `offset ${c.offset} · key ${key} · timestamp ${at}${c.tombstone ? ' · tombstone: a null value, deletes the key' : ''}`,
    ko: `오프셋 ${c.offset} · 키 ${key} · 타임스탬프 ${at}${c.tombstone ? ' · 툼스톤(tombstone): null 값, 이 키를 지움' : ''}`,
  }
}

/** A removed record's tooltip: its facts, and when and why the cleaner removed it. */
export function removedTitle(c: RecordCell, atMs: number): Text {
  const facts = recordTitle(c)
  const at = formatSimTime(atMs)
  return {
    en: `${facts.en}\nremoved by the log cleaner at ${at}${c.tombstone ? '' : ': a newer record of this key stays'}`,
    ko: `${facts.ko}\n${at}에 로그 클리너가 지움${c.tombstone ? '' : ': 이 키의 더 새 레코드가 남음'}`,
  }
}

/** Removed records summarised in a band below the tail: how many, which keys, when. */
export function removedBandTitle(b: RemovedBand, atMs: number): Text {
  const range = rangeText(b.from, b.to)
  const at = formatSimTime(atMs)
  const keys = b.keys.map((k) => k ?? 'null').join(', ') + (b.moreKeys ? ', …' : '')
  return {
    en: `offsets ${range}: ${b.count} record${b.count === 1 ? '' : 's'} removed by the log cleaner at ${at} · key${b.keys.length === 1 && !b.moreKeys ? '' : 's'} ${keys}`,
    ko: `오프셋 ${range}: ${at}에 로그 클리너가 레코드 ${b.count}개를 지움 · 키 ${keys}`,
  }
}

/** A gap of the cleaned part. */
export function gapTitle(from: number, to: number): Text {
  const range = rangeText(from, to)
  const n = to - from
  return {
    en: `offsets ${range}: no record left (${n} offset${n === 1 ? '' : 's'}): the log cleaner removed them; offsets never change · drawn short`,
    ko: `오프셋 ${range}: 남은 레코드 없음 (오프셋 ${n}개), 로그 클리너가 지움, 오프셋은 바뀌지 않음 · 짧게 그림`,
  }
}

/** The latest cleaning's marker. */
export function cleanedTitle(broker: number, p: CleanerPass): Text {
  const range = rangeText(p.from, p.to)
  const at = formatSimTime(p.atMs)
  const tomb = p.tombstones > 0 ? { en: ` (${p.tombstones} tombstone${p.tombstones === 1 ? '' : 's'})`, ko: ` (툼스톤 ${p.tombstones}개)` } : { en: '', ko: '' }
  return {
    en: `broker ${broker}'s log cleaner at ${at}: offsets ${range} cleaned, ${p.removed} record${p.removed === 1 ? '' : 's'} removed${tomb.en}; the latest record of each key stays, at its offset`,
    ko: `브로커 ${broker}의 로그 클리너, ${at}: 오프셋 ${range} 정리, 레코드 ${p.removed}개 지움${tomb.ko}, 키마다 가장 새 레코드는 그 오프셋에 남음`,
  }
}

/** The label over the latest cleaning. */
export function cleanedLabel(removed: number): Text {
  return { en: `log cleaner: ${removed} removed`, ko: `로그 클리너: ${removed}개 지움` }
}
