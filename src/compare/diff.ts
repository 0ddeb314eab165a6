// The differences table of a comparison: one row per thing a learner checks (records
// acknowledged, acknowledged records lost, duplicates, request errors by name (metadata warm-up
// warnings beside them, never a difference), time without a
// leader, records re-read, rebalances, time a group was not Stable or its partitions went unread,
// each partition's Leader and Isr), A's and B's value, whether they differ, and one plain sentence:
// what the difference means when A ≠ B, what the row counts when they agree.

import type { Text } from '../i18n.ts'
import type { RunFacts } from './facts.ts'
import type { SettingOption } from './variants.ts'

export interface DiffRow {
  id: string
  label: Text
  a: Text
  b: Text
  differs: boolean
  /** one sentence: the difference explained (A ≠ B) or what the row counts (A = B) */
  note: Text
  /** the numbers behind a counted row (ms for the time rows) */
  raw?: { a: number; b: number }
  /** information beside the comparison (metadata warm-up): listed last, never counted as a difference */
  aside?: boolean
}

/** The metadata warm-up row: warnings both runs log at start-up, apart from request errors. */
export function warmupRow(a: number, b: number): DiffRow {
  const n = (v: number) => ({ en: String(v), ko: String(v) })
  return {
    id: 'metadata-warmup',
    label: { en: 'Metadata warm-up warnings (not errors)', ko: '메타데이터 준비 중 경고 (오류 아님)' },
    a: n(a),
    b: n(b),
    raw: { a, b },
    differs: false,
    aside: true,
    note: {
      en: "UNKNOWN_TOPIC_OR_PARTITION or LEADER_NOT_AVAILABLE in Metadata responses at start-up: the producer asked before the topic's leaders were known; the Java client logs these as warnings and retries. Not request errors; nothing was lost.",
      ko: '시작할 때 Metadata 응답의 UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE: 토픽의 리더가 정해지기 전에 프로듀서가 물었기 때문입니다. Java 클라이언트는 경고로 기록하고 다시 시도합니다. 요청 오류가 아니며 잃은 것도 없습니다.',
    },
  }
}

type Side = 'A' | 'B'

function same(s: string): Text {
  return { en: s, ko: s }
}

/** Partition-seconds as the table shows them: "12.3 s" / "12.3초". */
export function formatSeconds(ms: number): Text {
  const s = (ms / 1000).toFixed(1)
  return { en: `${s} s`, ko: `${s}초` }
}

/** The error names kafkascope's producers get, with what each one means here. */
const ERROR_MEANING: Record<string, Text> = {
  NOT_LEADER_OR_FOLLOWER: { en: "the partition's leader had moved to another broker", ko: '파티션의 리더가 다른 브로커로 바뀌었기 때문입니다' },
  NOT_ENOUGH_REPLICAS: { en: 'with acks=all, fewer replicas than min.insync.replicas were in the Isr', ko: 'acks=all인데 Isr에 있는 레플리카가 min.insync.replicas보다 적었기 때문입니다' },
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: { en: 'the Isr shrank after the leader had written the record', ko: '리더가 레코드를 쓴 뒤 Isr이 줄었기 때문입니다' },
  REQUEST_TIMED_OUT: { en: 'no response came back within request.timeout.ms', ko: 'request.timeout.ms 안에 응답이 오지 않았기 때문입니다' },
  OUT_OF_ORDER_SEQUENCE_NUMBER: { en: 'the new leader lacked sequence numbers the old one had acknowledged', ko: '새 리더에게 이전 리더가 확인해 준 시퀀스 번호가 없었기 때문입니다' },
  LEADER_NOT_AVAILABLE: { en: 'the partition had no leader', ko: '파티션에 리더가 없었기 때문입니다' },
  NETWORK_EXCEPTION: { en: 'the connection to the broker broke', ko: '브로커와의 연결이 끊겼기 때문입니다' },
}

/** A numeric row: the side with more, by how much, and the sentence for it. */
function numberRow(
  id: string,
  label: Text,
  a: number,
  b: number,
  about: Text,
  explain: (more: Side, less: Side, d: number) => Text,
  show: (n: number) => Text = (n) => same(String(n)),
): DiffRow {
  const differs = a !== b
  const more: Side = a > b ? 'A' : 'B'
  const less: Side = more === 'A' ? 'B' : 'A'
  return { id, label, a: show(a), b: show(b), raw: { a, b }, differs, note: differs ? explain(more, less, Math.abs(a - b)) : about }
}

function records(n: number): string {
  return n === 1 ? 'record' : 'records'
}

function leaderText(leader: number): string {
  return leader < 0 ? 'none' : String(leader)
}

function partitionValue(leader: number, isr: number[]): Text {
  return same(`Leader ${leaderText(leader)} · Isr ${isr.length > 0 ? isr.join(',') : '—'}`)
}

/** The rows of the differences table, in a fixed order (rows for groups only when there are groups). */
export function diffRows(a: RunFacts, b: RunFacts, setting?: SettingOption): DiffRow[] {
  const rows: DiffRow[] = []
  const sec = formatSeconds
  rows.push(
    numberRow('acked', { en: 'Records acknowledged', ko: '확인(ack)된 레코드' }, a.acked, b.acked,
      { en: 'Records the brokers acknowledged to the producers.', ko: '브로커가 프로듀서에게 확인(ack)해 준 레코드 수입니다.' },
      (m, l, d) => ({ en: `${m} got ${d} more ${records(d)} acknowledged than ${l}.`, ko: `${m}는 ${l}보다 ${d}개 더 많은 레코드를 확인(ack)받았습니다.` })),
    numberRow('lost', { en: 'Acknowledged records lost', ko: '잃어버린 확인(ack)된 레코드' }, a.lost, b.lost,
      { en: 'Records the producer was told were written but that are gone from the log (the checker counts them).', ko: '프로듀서는 기록됐다고 확인받았지만 로그에서 사라진 레코드 수입니다 (검사기가 셉니다).' },
      (m, l, d) => ({
        en: `${m} lost ${d} more acknowledged ${records(d)} than ${l}: a replica that did not have them became the leader.`,
        ko: `${m}는 ${l}보다 확인된 레코드를 ${d}개 더 잃었습니다: 그 레코드가 없는 레플리카가 리더가 되었기 때문입니다.`,
      })),
    numberRow('duplicates', { en: 'Duplicated records', ko: '중복된 레코드' }, a.duplicates, b.duplicates,
      { en: 'Records written to the log more than once.', ko: '로그에 두 번 이상 기록된 레코드 수입니다.' },
      (m, l, d) => ({
        en: `${m} has ${d} more ${d === 1 ? 'duplicate' : 'duplicates'} than ${l}: a producer sent a request again after its response was lost, and the leader wrote it again instead of recognising its sequence number.`,
        ko: `${m}에는 ${l}보다 중복이 ${d}개 더 있습니다: 응답을 못 받은 요청을 프로듀서가 다시 보냈고, 리더가 시퀀스 번호로 알아보지 못해 한 번 더 기록했습니다.`,
      })),
  )
  const names = [...new Set([...Object.keys(a.errors), ...Object.keys(b.errors)])].sort()
  for (const name of names) {
    const meaning = ERROR_MEANING[name]
    rows.push(
      numberRow(`error-${name}`, { en: `Request errors: ${name}`, ko: `요청 오류: ${name}` }, a.errors[name] ?? 0, b.errors[name] ?? 0,
        { en: `Produce responses with ${name}${meaning ? `: ${meaning.en}` : ''}.`, ko: `${name} 오류가 담긴 Produce 응답 수입니다${meaning ? ` (${meaning.ko.replace(/기 때문입니다$/, '음')})` : ''}.` },
        (m, l, d) => ({
          en: `${m} got ${d} more ${name} ${d === 1 ? 'response' : 'responses'} than ${l}${meaning ? `: ${meaning.en}` : ''}.`,
          ko: `${m}는 ${l}보다 ${name} 응답을 ${d}번 더 받았습니다${meaning ? `: ${meaning.ko}` : ''}.`,
        })),
    )
  }
  if (a.metadataWarnings > 0 || b.metadataWarnings > 0) rows.push(warmupRow(a.metadataWarnings, b.metadataWarnings))
  rows.push(
    numberRow('leaderless', { en: 'Time without a leader', ko: '리더가 없던 시간' }, a.leaderlessMs, b.leaderlessMs,
      { en: 'How long partitions had Leader: none, added up over partitions; nobody can write to or read from them then.', ko: '파티션에 리더가 없던(Leader: none) 시간을 파티션마다 더한 값입니다. 그동안은 쓰지도 읽지도 못합니다.' },
      (m, l, d) => ({
        en: `${m} had partitions without a leader ${sec(d).en} longer than ${l}: until a replica allowed to lead was back, nobody could write to or read from them.`,
        ko: `${m}는 ${l}보다 리더 없는 파티션이 ${sec(d).ko} 더 있었습니다: 리더가 될 수 있는 레플리카가 돌아올 때까지 아무도 쓰거나 읽을 수 없었습니다.`,
      }), sec),
  )
  if (a.downLeaderMs > 0 || b.downLeaderMs > 0) {
    rows.push(
      numberRow('downLeader', { en: 'Time with a crashed leader', ko: '리더가 다운된 채 있던 시간' }, a.downLeaderMs, b.downLeaderMs,
        {
          en: 'How long partitions kept a leader whose broker was down, added up over partitions: the controller had not noticed yet (KRaft fences a broker after broker.session.timeout.ms without a heartbeat; ZooKeeper mode waits for its session to expire, zookeeper.session.timeout.ms), and nobody could write to or read from them.',
          ko: '리더 브로커가 다운됐는데도 그 리더를 그대로 둔 시간을 파티션마다 더한 값입니다. 컨트롤러가 아직 알아차리지 못한 것입니다 (KRaft는 하트비트가 broker.session.timeout.ms 동안 없으면 펜싱하고, ZooKeeper 모드는 세션이 zookeeper.session.timeout.ms 뒤에 만료되기를 기다림). 그동안은 쓰지도 읽지도 못합니다.',
        },
        (m, l, d) => ({
          en: `${m} kept leaders that were down ${sec(d).en} longer than ${l}: its controller took longer to notice the failure.`,
          ko: `${m}는 ${l}보다 다운된 리더를 ${sec(d).ko} 더 오래 두었습니다: 컨트롤러가 장애를 알아차리는 데 더 오래 걸렸습니다.`,
        }), sec),
    )
  }
  if (a.hasGroups || b.hasGroups) {
    const coop = (side: Side) => setting?.id === 'strategy' && (side === 'A' ? setting.a : setting.b) === 'cooperative-sticky'
    const kip848 = (side: Side) => setting?.id === 'protocol' && (side === 'A' ? setting.a : setting.b) === 'consumer'
    rows.push(
      numberRow('redeliveries', { en: 'Records re-read', ko: '다시 읽은 레코드' }, a.redeliveries, b.redeliveries,
        { en: 'Records a consumer group read a second time (at-least-once: nothing lost, some read twice).', ko: '컨슈머 그룹이 한 번 더 읽은 레코드 수입니다 (at-least-once: 잃지는 않고 일부를 두 번 읽음).' },
        (m, l, d) => ({
          en: `${m} re-read ${d} more ${records(d)} than ${l}: partitions moved to another member before the offsets of their last reads were committed.`,
          ko: `${m}는 ${l}보다 레코드를 ${d}개 더 다시 읽었습니다: 마지막으로 읽은 오프셋이 커밋되기 전에 파티션이 다른 멤버에게 넘어갔기 때문입니다.`,
        })),
      numberRow('rebalances', { en: 'Rebalances (generations)', ko: '리밸런싱 (generation)' }, a.rebalances, b.rebalances,
        { en: "Each completed rebalance starts a new generation of the group; added up over groups.", ko: '리밸런싱이 끝날 때마다 그룹의 generation이 하나 올라갑니다. 그룹마다 더한 값입니다.' },
        (m, l, d) => ({
          en: `${m} went through ${d} more ${d === 1 ? 'rebalance' : 'rebalances'} than ${l}${coop(m) ? ': COOPERATIVE rebalancing hands the partitions that move over in a second rebalance' : kip848(m) ? ': a KIP-848 group counts group epochs, one for every member that joins or leaves, and none of them stops the group' : ''}.`,
          ko: `${m}는 ${l}보다 리밸런싱을 ${d}번 더 거쳤습니다${coop(m) ? ': COOPERATIVE 리밸런싱은 옮겨 갈 파티션을 두 번째 리밸런싱에서 넘겨줍니다' : kip848(m) ? ': KIP-848 그룹은 멤버가 들어오거나 나갈 때마다 그룹 에포크가 하나씩 오르며, 그때마다 그룹이 멈추지는 않습니다' : ''}.`,
        })),
      numberRow('notStable', { en: 'Time a group was not Stable', ko: '그룹이 Stable이 아니던 시간' }, a.notStableMs, b.notStableMs,
        { en: 'How long consumer groups were rebalancing or had no members (not Stable), added up over groups.', ko: '컨슈머 그룹이 리밸런싱 중이거나 멤버가 없어 Stable이 아니던 시간을 그룹마다 더한 값입니다.' },
        (m, l, d) =>
          kip848(m)
            ? {
                en: `${m}'s groups were not Stable for ${sec(d).en} longer than ${l}'s: a KIP-848 group stays Reconciling until every member has heartbeated its way to the new target, while its members go on reading.`,
                ko: `${m}의 그룹은 ${l}보다 ${sec(d).ko} 더 오래 Stable이 아니었습니다: KIP-848 그룹은 모든 멤버가 heartbeat를 거쳐 새 목표 할당에 이를 때까지 Reconciling이지만, 그동안 멤버들은 계속 읽습니다.`,
              }
            : { en: `${m}'s groups were not Stable for ${sec(d).en} longer than ${l}'s.`, ko: `${m}의 그룹은 ${l}보다 ${sec(d).ko} 더 오래 Stable이 아니었습니다.` },
        sec),
      numberRow('unread', { en: 'Partition time not read', ko: '아무도 읽지 않은 파티션 시간' }, a.unreadMs, b.unreadMs,
        { en: "How long the groups' partitions had no member reading them (during a rebalance, or while their owner was down), added up over partitions.", ko: '그룹의 파티션을 아무 멤버도 읽지 않던 시간(리밸런싱 중이거나 담당 멤버가 다운된 동안)을 파티션마다 더한 값입니다.' },
        (m, l, d) => {
          if (setting?.id === 'protocol') {
            return kip848(m)
              ? {
                  en: `${m}'s partitions went unread ${sec(d).en} longer than ${l}'s: with KIP-848 a partition that moves waits until its owner revokes it at its next heartbeat, and its new owner takes it at its own next heartbeat.`,
                  ko: `${m}의 파티션은 ${l}보다 ${sec(d).ko} 더 오래 읽히지 않았습니다: KIP-848에서는 옮겨 가는 파티션이 주인이 다음 heartbeat에서 반납할 때까지, 그리고 새 주인이 자기 다음 heartbeat에서 받을 때까지 기다립니다.`,
                }
              : {
                  en: `${m}'s partitions went unread ${sec(d).en} longer than ${l}'s: a classic EAGER rebalance stops every partition of the group; KIP-848 stops only the partitions that move.`,
                  ko: `${m}의 파티션은 ${l}보다 ${sec(d).ko} 더 오래 읽히지 않았습니다: classic EAGER 리밸런싱은 그룹의 모든 파티션을 멈추고, KIP-848은 옮겨 가는 파티션만 멈춥니다.`,
                }
          }
          if (setting?.id !== 'strategy') {
            return {
              en: `${m}'s partitions went unread ${sec(d).en} longer than ${l}'s: no member owned them for longer.`,
              ko: `${m}의 파티션은 ${l}보다 ${sec(d).ko} 더 오래 읽히지 않았습니다: 담당 멤버가 없던 시간이 더 길었습니다.`,
            }
          }
          return coop(m)
            ? {
                en: `${m}'s partitions went unread ${sec(d).en} longer than ${l}'s: with COOPERATIVE, the partitions that move wait for a second rebalance to hand them over; EAGER stops every partition, but only until its one rebalance ends.`,
                ko: `${m}의 파티션은 ${l}보다 ${sec(d).ko} 더 오래 읽히지 않았습니다: COOPERATIVE에서는 옮겨 가는 파티션이 두 번째 리밸런싱에서 넘겨질 때까지 기다리고, EAGER는 모든 파티션을 멈추지만 한 번의 리밸런싱이 끝날 때까지만 멈춥니다.`,
              }
            : {
                en: `${m}'s partitions went unread ${sec(d).en} longer than ${l}'s: an EAGER rebalance stops every partition, a COOPERATIVE one only those that move.`,
                ko: `${m}의 파티션은 ${l}보다 ${sec(d).ko} 더 오래 읽히지 않았습니다: EAGER 리밸런싱은 모든 파티션을 멈추고, COOPERATIVE는 옮겨 가는 파티션만 멈춥니다.`,
              }
        }, sec),
    )
  }
  const tps = [...new Set([...a.partitions.map((p) => p.tp), ...b.partitions.map((p) => p.tp)])]
  for (const tp of tps) {
    const pa = a.partitions.find((p) => p.tp === tp)
    const pb = b.partitions.find((p) => p.tp === tp)
    const va = pa ? partitionValue(pa.leader, pa.isr) : same('—')
    const vb = pb ? partitionValue(pb.leader, pb.isr) : same('—')
    const differs = va.en !== vb.en
    const leaderless: Side | null = pa && pb && (pa.leader < 0) !== (pb.leader < 0) ? (pa.leader < 0 ? 'A' : 'B') : null
    rows.push({
      id: `partition-${tp}`,
      label: { en: `${tp} now: Leader, Isr`, ko: `${tp} 지금: Leader, Isr` },
      a: va,
      b: vb,
      differs,
      note: !differs
        ? { en: 'Who leads the partition now, and which replicas are in sync with it.', ko: '지금 이 파티션의 리더와, 리더와 동기화된 레플리카(Isr)입니다.' }
        : leaderless
          ? { en: `${leaderless} has no leader for ${tp}: it stays offline until a replica allowed to lead is back.`, ko: `${leaderless}에서는 ${tp}에 리더가 없습니다: 리더가 될 수 있는 레플리카가 돌아올 때까지 오프라인입니다.` }
          : { en: `A and B now have a different leader or a different Isr for ${tp}.`, ko: `지금 A와 B에서 ${tp}의 리더나 Isr이 다릅니다.` },
    })
  }
  return rows
}
