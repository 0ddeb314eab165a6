// The checkers' anomalies in both languages: each kind's name and what it means, and its detail
// (which partition, offsets, producer) worded per language from the facts the checker recorded
// (Anomaly.facts, the same facts as its English `detail` sentence). An anomaly without facts (a
// summary from before they were recorded) shows the checker's English sentence.

import { groupAnomalies, type Anomaly, type AnomalyFacts, type AnomalyGroup, type RecordRef, type Summary } from '../../sim/index.ts'
import { formatSimTime, type Text } from '../i18n.ts'

export const EXPLAIN: Record<Anomaly['kind'], { name: Text; why: Text }> = {
  lostAckedWrite: {
    name: { en: 'Acknowledged write lost', ko: '확인(ack)된 쓰기 유실' },
    why: {
      en: 'The producer was told the record was written, but no replica has it any more: a leader that did not have it was elected (unclean election, or acks=1 before the followers copied it).',
      ko: '프로듀서는 기록이 저장되었다는 응답을 받았지만, 이제 어느 레플리카에도 없습니다. 그 기록이 없는 레플리카가 리더가 되었기 때문입니다 (unclean 선출, 또는 팔로워가 복제하기 전의 acks=1).',
    },
  },
  duplicate: {
    name: { en: 'Duplicate record', ko: '중복 기록' },
    why: {
      en: 'The same record sits at two offsets: a retry was written again (idempotence off, or an edge case the producer could not tell apart).',
      ko: '같은 기록이 두 오프셋에 있습니다. 재시도가 한 번 더 쓰였습니다 (멱등성 꺼짐 등).',
    },
  },
  inconsistentOffset: { name: { en: 'Inconsistent offset', ko: '오프셋 불일치' }, why: { en: 'Readers saw different records at the same offset.', ko: '같은 오프셋에서 서로 다른 기록을 읽었습니다.' } },
  nonMonotonicPoll: { name: { en: 'Offsets went backwards', ko: '오프셋 역행' }, why: { en: 'A consumer was handed an offset lower than one it had already read.', ko: '컨슈머가 이미 읽은 것보다 낮은 오프셋을 받았습니다.' } },
  divergentReplica: {
    name: { en: 'Divergent replicas', ko: '레플리카 불일치' },
    why: { en: 'Two replicas hold different records below the high watermark.', ko: '두 레플리카가 high watermark 아래에서 서로 다른 기록을 갖고 있습니다.' },
  },
  multipleLeaders: { name: { en: 'Two leaders in one epoch', ko: '한 에포크에 리더 둘' }, why: { en: 'Two brokers acted as leader of a partition in the same leader epoch.', ko: '같은 리더 에포크에서 두 브로커가 리더로 동작했습니다.' } },
  hwAboveLeo: { name: { en: 'HW above LEO', ko: 'HW가 LEO보다 큼' }, why: { en: 'A replica’s high watermark passed its log end.', ko: '레플리카의 high watermark가 로그 끝을 넘었습니다.' } },
  concurrentConsumers: {
    name: { en: 'Two members read one partition', ko: '한 파티션을 두 멤버가 읽음' },
    why: { en: 'Two members of one group consumed the same partition at once.', ko: '한 그룹의 두 멤버가 같은 파티션을 동시에 읽었습니다.' },
  },
  partitionOwnedTwice: {
    name: { en: 'One partition, two owners', ko: '한 파티션에 소유자 둘' },
    why: { en: 'A member of a consumer group was given a partition another member had not given up yet.', ko: '다른 멤버가 아직 내놓지 않은 파티션이 컨슈머 그룹의 한 멤버에게 할당되었습니다.' },
  },
  committedBackwards: { name: { en: 'Commit went backwards', ko: '커밋 역행' }, why: { en: 'A commit moved a group’s offset backwards within one generation.', ko: '한 generation 안에서 커밋이 그룹의 오프셋을 뒤로 옮겼습니다.' } },
  compactionLostLatest: {
    name: { en: 'Latest value compacted away', ko: '최신 값이 컴팩션으로 사라짐' },
    why: { en: 'The log cleaner removed the newest value of a key, so a reader can no longer see it.', ko: '로그 클리너가 키의 가장 새로운 값을 지워서 더 이상 읽을 수 없습니다.' },
  },
  skippedRecords: {
    name: { en: 'Records skipped', ko: '건너뛴 기록' },
    why: { en: 'The group committed past records no member read.', ko: '어느 멤버도 읽지 않은 기록을 지나 커밋했습니다.' },
  },
  shareAckedByOther: {
    name: { en: 'Acknowledged by a member that did not hold it', ko: '갖고 있지 않은 멤버가 확인함' },
    why: {
      en: 'A share group member acknowledged a record that was delivered to another member (or never to it); only the member holding a record’s acquisition lock may acknowledge it.',
      ko: '셰어 그룹의 한 멤버가 다른 멤버에게 전달된(또는 자신은 받은 적 없는) 기록을 확인(acknowledge)했습니다. 기록의 획득 잠금을 가진 멤버만 확인할 수 있습니다.',
    },
  },
  shareAckedTwice: {
    name: { en: 'Record acknowledged twice', ko: '두 번 확인된 기록' },
    why: {
      en: 'A share group record that was already accepted or rejected was delivered or acknowledged again.',
      ko: '이미 수락(accept)되거나 거부(reject)된 셰어 그룹의 기록이 다시 전달되거나 다시 확인되었습니다.',
    },
  },
  shareRecordLost: {
    name: { en: 'Share group skipped records', ko: '셰어 그룹이 건너뛴 기록' },
    why: {
      en: 'The share-partition start offset moved past records no member accepted or rejected and that were not archived at the delivery limit.',
      ko: '셰어 파티션 시작 오프셋(SPSO)이 어느 멤버도 수락·거부하지 않았고 전달 횟수 한도로 보관(archive)되지도 않은 기록을 지나갔습니다.',
    },
  },
  shareDeliveryOverLimit: {
    name: { en: 'Delivered over the limit', ko: '전달 횟수 한도 초과' },
    why: {
      en: 'A share group record was delivered more often than group.share.delivery.count.limit allows.',
      ko: '셰어 그룹의 기록이 group.share.delivery.count.limit보다 많이 전달되었습니다.',
    },
  },
}

/** The summary's anomalies grouped by cause (a summary without the grouping: its first anomalies, grouped). */
export function groupedOf(checks: Summary['checks']): AnomalyGroup[] {
  return checks.grouped ?? groupAnomalies([checks.first])
}

/** "(offsets 310–451)" or "(offset 310)", or nothing when the group names no offset. */
function offsetsText(g: AnomalyGroup): Text {
  const o = g.offsets
  if (!o) return { en: '', ko: '' }
  return o.from === o.to ? { en: ` (offset ${o.from})`, ko: ` (오프셋 ${o.from})` } : { en: ` (offsets ${o.from}–${o.to})`, ko: ` (오프셋 ${o.from}–${o.to})` }
}

/** Where a group is: "orders-0", "group billing, orders-0", or nothing. */
function whereText(g: AnomalyGroup): Text {
  if (g.groupId !== undefined) return { en: `group ${g.groupId}${g.tp ? `, ${g.tp}` : ''}`, ko: `그룹 ${g.groupId}${g.tp ? `, ${g.tp}` : ''}` }
  return { en: g.tp ?? '', ko: g.tp ?? '' }
}

/**
 * One line for a group of anomalies with one cause, e.g. "orders-0: 142 acknowledged records lost
 * (offsets 310–451) when broker 1 became leader in an unclean election at 24.300 s".
 */
export function groupHeadline(g: AnomalyGroup): Text {
  const where = whereText(g)
  const off = offsetsText(g)
  const lead = (w: string) => (w ? `${w}: ` : '')
  if (g.kind === 'lostAckedWrite') {
    const e = g.election
    const at = e ? formatSimTime(e.atMs) : ''
    const records = g.count === 1 ? 'acknowledged record' : 'acknowledged records'
    const causeEn = !e ? '' : e.unclean ? ` when broker ${e.broker} became leader in an unclean election at ${at}` : ` when broker ${e.broker} became leader (leader epoch ${e.leaderEpoch}) at ${at}`
    const causeKo = !e ? '' : e.unclean ? ` — ${at}, unclean 선출로 새 리더 브로커 ${e.broker}` : ` — ${at}, 리더 변경으로 새 리더 브로커 ${e.broker} (리더 에포크 ${e.leaderEpoch})`
    return {
      en: `${lead(where.en)}${g.count} ${records} lost${off.en}${causeEn}`,
      ko: `${lead(where.ko)}확인(ack)된 레코드 ${g.count}개 유실${off.ko}${causeKo}`,
    }
  }
  const name = EXPLAIN[g.kind].name
  const count = (n: number, ko: boolean) => (n === 1 ? '' : ko ? ` ${n}건` : `${n} × `)
  return { en: `${lead(where.en)}${count(g.count, false)}${name.en}${off.en}`, ko: `${lead(where.ko)}${name.ko}${count(g.count, true)}${off.ko}` }
}

/** The group's first anomaly as the checker worded it: "e.g. …" when the group has more. */
export function groupExample(g: AnomalyGroup): Text {
  const d = anomalyDetail(g.example)
  return g.count === 1 ? d : { en: `First: ${d.en}`, ko: `첫 번째: ${d.ko}` }
}

/** A group as a timeline tooltip lists it: its kind's name, then its headline. */
export function groupText(g: AnomalyGroup): Text {
  const h = groupHeadline(g)
  return { en: `${EXPLAIN[g.kind].name.en}: ${h.en}`, ko: `${EXPLAIN[g.kind].name.ko}: ${h.ko}` }
}

/** An anomaly as a timeline tooltip lists it: its kind's name in each language, then the detail. */
export function anomalyText(a: Anomaly): Text {
  const detail = anomalyDetail(a)
  return { en: `${a.kind}: ${detail.en}`, ko: `${EXPLAIN[a.kind].name.ko}: ${detail.ko}` }
}

/** What the checker found, in each language: from its facts, else its English sentence in both. */
export function anomalyDetail(a: Anomaly): Text {
  if (!a.facts || a.tp === undefined) return { en: a.detail, ko: a.detail }
  return { en: detailEn(a.tp, a.facts), ko: detailKo(a.tp, a.facts) }
}

const recordEn = (r: RecordRef) => (r.seq !== null ? `${r.producer} seq ${r.seq}` : `a record of ${r.producer}`)
const recordKo = (r: RecordRef) => (r.seq !== null ? `${r.producer} seq ${r.seq}` : `${r.producer}의 기록(시퀀스 없음)`)

/** The checker's own sentence (sim/check/checkers.ts, group-checkers.ts), from its facts. */
function detailEn(tp: string, f: AnomalyFacts): string {
  switch (f.kind) {
    case 'lostAckedWrite':
      return lostEn(tp, f)
    case 'duplicate':
      return `${tp} record ${f.producer} seq ${f.seq} at offsets ${f.offsets[0]} and ${f.offsets[1]} of ${logEn(f.broker, f.leaderless)}, the extra copy appended at ${f.appendedMs} ms`
    case 'inconsistentOffset':
      return (
        `${tp} offset ${f.offset} acked to ${f.producer} at ${f.ackMs} ms (seq ${f.seq}), but ${logEn(f.broker, f.leaderless)} has the record ` +
        `at offset ${f.foundAt} and ${f.holder ? recordEn(f.holder) : 'nothing'} at offset ${f.offset}`
      )
    case 'nonMonotonicPoll':
      return `${tp} reader ${f.reader} polled offsets ${f.from}..${f.to} at ${f.atMs} ms after polling up to offset ${f.previousTo} at ${f.previousMs} ms, with no reset in between`
    case 'divergentReplica': {
      const [a, b] = f.replicas
      const side = (s: typeof a) => `broker ${s.broker} has ${recordEn(s.record)} (leader epoch ${s.leaderEpoch})`
      return `${tp} replicas on brokers ${a.broker} and ${b.broker} differ at offset ${f.offset}, below both high watermarks (${a.highWatermark} and ${b.highWatermark}): ${side(a)}, ${side(b)}`
    }
    case 'multipleLeaders':
      return `${tp} leader epoch ${f.leaderEpoch} claimed by broker ${f.first.who} at ${f.first.atMs} ms and by broker ${f.second.who} at ${f.second.atMs} ms`
    case 'hwAboveLeo':
      return `${tp} replica on broker ${f.broker}: high watermark ${f.highWatermark} above log end offset ${f.logEndOffset} at ${f.atMs} ms`
    case 'concurrentConsumers':
      return `group ${f.groupId}: ${tp} read by ${f.first.who} at ${f.first.atMs} ms and by ${f.second.who} at ${f.second.atMs} ms, which had read it before (${f.previousMs} ms) and was not assigned it again`
    case 'partitionOwnedTwice':
      return `group ${f.groupId}: ${tp} given to ${f.second.who} at ${f.second.atMs} ms while ${f.first.who}, its owner since ${f.first.atMs} ms, had not given it up`
    case 'committedBackwards':
      return `group ${f.groupId}: ${f.member} committed ${tp} offset ${f.offset} at ${f.atMs} ms in generation ${f.generation}, below ${f.previous} committed earlier in that generation`
    case 'skippedRecords':
      return `group ${f.groupId}: ${tp} offsets ${f.from}..${f.to} were never read by any member, yet the group committed ${f.committed}`
    case 'compactionLostLatest':
      return `${tp} key ${f.key}: the latest acknowledged value (offset ${f.offset}, ${f.producer} seq ${f.seq}) was compacted away on broker ${f.broker}, with no newer record of the key left`
    case 'shareAckedByOther':
      return (
        `share group ${f.groupId}: ${tp} offset ${f.offset} acknowledged (${f.type}) by ${f.member} at ${f.atMs} ms, ` +
        (f.other === null ? 'which never acquired it' : `whose delivery ${f.deliveryCount} ${f.other.who} had also acquired at ${f.other.atMs} ms`)
      )
    case 'shareAckedTwice':
      return `share group ${f.groupId}: ${tp} offset ${f.offset}, acknowledged by ${f.first.who} at ${f.first.atMs} ms, was ${f.how} again by ${f.second.who} at ${f.second.atMs} ms`
    case 'shareRecordLost':
      return `share group ${f.groupId}: ${tp} offsets ${f.from}..${f.to} are below the share-partition start offset ${f.startOffset}, yet no member accepted or rejected them and they were not archived`
    case 'shareDeliveryOverLimit':
      return `share group ${f.groupId}: ${tp} offset ${f.offset} delivered to ${f.member} for the ${f.deliveryCount}th time at ${f.atMs} ms, over the limit of ${f.limit}`
  }
}

type Lost = Extract<AnomalyFacts, { kind: 'lostAckedWrite' }>

function lostEn(tp: string, f: Lost): string {
  const what = f.offset !== null ? `${tp} offset ${f.offset} acked to ${f.producer} at ${f.ackMs} ms (seq ${f.seq})` : `${tp} record ${f.producer} seq ${f.seq} sent with acks=0 at ${f.ackMs} ms`
  const absent = f.leader === null ? `absent from every replica (brokers ${f.replicas.join(', ')}; no leader)` : `absent from leader broker ${f.leader}'s log`
  const where = f.leaderLogEnd !== null ? `, which ends at offset ${f.leaderLogEnd}` : f.holder ? `, where offset ${f.offset} now holds ${recordEn(f.holder)}` : ''
  const e = f.election
  const cause = !e ? '' : e.unclean ? ` after the unclean election of broker ${e.broker} at ${e.atMs} ms` : ` after broker ${e.broker} became leader (epoch ${e.leaderEpoch}) at ${e.atMs} ms`
  return `${what}, ${absent}${where}${cause}`
}

const logEn = (broker: number, leaderless: boolean) => (leaderless ? `broker ${broker}'s log (longest replica, no leader)` : `leader broker ${broker}'s log`)
const logKo = (broker: number, leaderless: boolean) => (leaderless ? `브로커 ${broker}의 로그(가장 긴 레플리카, 리더 없음)` : `리더 브로커 ${broker}의 로그`)

function detailKo(tp: string, f: AnomalyFacts): string {
  switch (f.kind) {
    case 'lostAckedWrite':
      return lostKo(tp, f)
    case 'duplicate':
      return `${tp}: ${f.producer} seq ${f.seq} 기록이 ${logKo(f.broker, f.leaderless)}의 오프셋 ${f.offsets[0]}, ${f.offsets[1]} 두 곳에 있음 (추가 사본은 ${f.appendedMs} ms에 기록됨)`
    case 'inconsistentOffset':
      return (
        `${tp} 오프셋 ${f.offset} (seq ${f.seq}, ${f.ackMs} ms에 ${f.producer}에 ack됨): ${logKo(f.broker, f.leaderless)}에는 이 기록이 오프셋 ${f.foundAt}에 있고, ` +
        (f.holder ? `오프셋 ${f.offset}의 기록은 ${recordKo(f.holder)}` : `오프셋 ${f.offset}에는 기록이 없음`)
      )
    case 'nonMonotonicPoll':
      return `${tp}: 컨슈머 ${f.reader} — ${f.previousMs} ms에 오프셋 ${f.previousTo}까지 읽은 뒤 ${f.atMs} ms에 오프셋 ${f.from}..${f.to} 범위를 읽음 (그 사이 리셋 없음)`
    case 'divergentReplica': {
      const [a, b] = f.replicas
      const side = (s: typeof a) => `브로커 ${s.broker}에는 ${recordKo(s.record)} (리더 에포크 ${s.leaderEpoch})`
      return `${tp}: 브로커 ${a.broker}, ${b.broker}의 레플리카가 두 high watermark(${a.highWatermark}, ${b.highWatermark}) 아래인 오프셋 ${f.offset}에서 다름 — ${side(a)}, ${side(b)}`
    }
    case 'multipleLeaders':
      return `${tp} 리더 에포크 ${f.leaderEpoch}에서 두 브로커가 리더로 동작함: ${f.first.atMs} ms에 브로커 ${f.first.who}, ${f.second.atMs} ms에 브로커 ${f.second.who}`
    case 'hwAboveLeo':
      return `${tp}: 브로커 ${f.broker}의 레플리카, ${f.atMs} ms에 high watermark ${f.highWatermark} > 로그 끝 오프셋 ${f.logEndOffset}`
    case 'concurrentConsumers':
      return `그룹 ${f.groupId}, 파티션 ${tp}: ${f.first.atMs} ms에 ${f.first.who} 멤버가, ${f.second.atMs} ms에 ${f.second.who} 멤버가 읽음 (${f.second.who} 멤버는 전에 ${f.previousMs} ms에 읽었고 다시 할당받지 않았음)`
    case 'partitionOwnedTwice':
      return `그룹 ${f.groupId}, 파티션 ${tp}: ${f.first.atMs} ms부터 소유한 ${f.first.who} 멤버가 아직 내놓지 않았는데 ${f.second.atMs} ms에 ${f.second.who} 멤버에게 할당됨`
    case 'committedBackwards':
      return `그룹 ${f.groupId}, 파티션 ${tp}: ${f.member} 멤버가 ${f.atMs} ms에 커밋한 오프셋 ${f.offset} (generation ${f.generation}) — 같은 generation에서 먼저 커밋한 오프셋 ${f.previous}보다 낮음`
    case 'skippedRecords':
      return `그룹 ${f.groupId}, 파티션 ${tp}: 오프셋 ${f.from}..${f.to} 범위는 어느 멤버도 읽지 않았는데 그룹은 오프셋 ${f.committed}까지 커밋함`
    case 'compactionLostLatest':
      return `${tp}의 키 ${f.key}: 마지막으로 확인(ack)된 값(오프셋 ${f.offset}, ${f.producer} seq ${f.seq})이 브로커 ${f.broker}에서 컴팩션으로 지워졌는데, 이 키의 더 새로운 레코드가 없음`
    case 'shareAckedByOther':
      return (
        `셰어 그룹 ${f.groupId}, 파티션 ${tp}: 오프셋 ${f.offset}을(를) ${f.member} 멤버가 ${f.atMs} ms에 확인(${f.type})함 — ` +
        (f.other === null ? '이 멤버는 그 기록을 받은 적이 없음' : `같은 전달(${f.deliveryCount}번째)을 ${f.other.who} 멤버도 ${f.other.atMs} ms에 받았음`)
      )
    case 'shareAckedTwice':
      return `셰어 그룹 ${f.groupId}, 파티션 ${tp}: ${f.first.atMs} ms에 ${f.first.who} 멤버가 확인한 오프셋 ${f.offset}이(가) ${f.second.atMs} ms에 ${f.second.who} 멤버에게 다시 ${f.how === 'delivered' ? '전달됨' : '확인됨'}`
    case 'shareRecordLost':
      return `셰어 그룹 ${f.groupId}, 파티션 ${tp}: 오프셋 ${f.from}..${f.to} 범위가 셰어 파티션 시작 오프셋 ${f.startOffset}보다 아래인데, 어느 멤버도 수락·거부하지 않았고 보관(archive)되지도 않음`
    case 'shareDeliveryOverLimit':
      return `셰어 그룹 ${f.groupId}, 파티션 ${tp}: 오프셋 ${f.offset}이(가) ${f.atMs} ms에 ${f.member} 멤버에게 ${f.deliveryCount}번째로 전달됨 — 한도 ${f.limit}회 초과`
  }
}

function lostKo(tp: string, f: Lost): string {
  const what = f.offset !== null ? `${tp} 오프셋 ${f.offset} (seq ${f.seq}, ${f.ackMs} ms에 ${f.producer}에 ack됨)` : `${tp}의 ${f.producer} seq ${f.seq} 기록 (${f.ackMs} ms에 acks=0으로 보냄)`
  const e = f.election
  const cause = !e ? '' : e.unclean ? `${e.atMs} ms의 unclean 선출(브로커 ${e.broker}) 이후 ` : `${e.atMs} ms의 리더 변경(브로커 ${e.broker}, 에포크 ${e.leaderEpoch}) 이후 `
  const absent = f.leader === null ? `어느 레플리카에도 없음 (브로커 ${f.replicas.join(', ')}; 리더 없음)` : `리더 브로커 ${f.leader}의 로그에 없음`
  const where = f.leaderLogEnd !== null ? `, 그 로그는 오프셋 ${f.leaderLogEnd}에서 끝남` : f.holder ? `, 오프셋 ${f.offset}의 현재 기록은 ${recordKo(f.holder)}` : ''
  return `${what}: ${cause}${absent}${where}`
}
