// Countdowns for what Kafka is waiting out, from the published view's waits (sim/view/waits.ts):
// the controller before it fences a silent broker (broker.session.timeout.ms), a leader before it
// drops a follower that stopped fetching from the ISR (replica.lag.time.max.ms), the coordinator
// before it removes a silent member (session.timeout.ms), a producer before it fails its oldest
// batch (delivery.timeout.ms). Each is placed on the card it is about, with the time left in
// simulated time and the config that sets it, worded in English and Korean.
// In the legacy ZooKeeper mode (Kafka 3.x) nothing fences a broker: the controller learns of a
// broker's failure only when ZooKeeper expires the broker's session (zookeeper.session.timeout.ms)
// and deletes its ephemeral /brokers/ids/<id>, so a silent broker's card counts down to that.

import type { ClusterView, DeliveryWait, ZooKeeperSessionCard, ZooKeeperView } from '../../../sim/index.ts'
import { koNumber, type Text } from '../../i18n.ts'

export type CountdownKind = 'fence' | 'zkSession' | 'isr' | 'session' | 'delivery'

export interface Countdown {
  key: string
  kind: CountdownKind
  /** Kafka's config name and value that sets the wait */
  config: string
  leftMs: number
  totalMs: number
  /** the share of the wait already gone, 0..1 */
  progress: number
  text: Text
}

export interface MapCountdowns {
  brokers: Map<number, Countdown[]>
  groups: Map<string, Countdown[]>
  producers: Map<string, Countdown[]>
}

/** "6.2 s" under ten seconds, "24 s" above (English); Korean "6.2초", "24초". */
export function formatLeft(ms: number): Text {
  const s = Math.max(0, ms) / 1000
  const n = s < 10 ? s.toFixed(1) : String(Math.ceil(s))
  return { en: `${n} s`, ko: `${n}초` }
}

function make(kind: CountdownKind, key: string, config: string, deadlineMs: number, totalMs: number, nowMs: number, text: (left: Text) => Text): Countdown {
  const leftMs = Math.max(0, deadlineMs - nowMs)
  const progress = totalMs > 0 ? Math.min(1, Math.max(0, 1 - leftMs / totalMs)) : 1
  return { key, kind, config, leftMs, totalMs, progress, text: text(formatLeft(leftMs)) }
}

function push<K>(map: Map<K, Countdown[]>, key: K, c: Countdown): void {
  const list = map.get(key)
  if (list) list.push(c)
  else map.set(key, [c])
}

const WHY: Record<DeliveryWait['reason'], (d: DeliveryWait) => Text> = {
  metadata: () => ({ en: 'waiting for metadata (no leader known)', ko: '메타데이터 대기 중 (알려진 leader 없음)' }),
  retry: (d) => ({
    en: `retrying, attempt ${d.attempts}${d.leader >= 0 ? `: metadata still names broker ${d.leader} as leader` : ''}`,
    ko: `재시도 중 (${d.attempts}번째)${d.leader >= 0 ? `: 메타데이터는 아직 브로커 ${koNumber(d.leader, '을')} leader로 봄` : ''}`,
  }),
  inflight: (d) => ({ en: `waiting for broker ${d.leader}'s answer`, ko: `브로커 ${d.leader}의 응답 대기 중` }),
  queued: () => ({ en: 'queued, waiting to be sent', ko: '전송 대기열에 있음' }),
}

/** The countdowns of the view now, keyed by the card they belong on. */
export function mapCountdowns(view: ClusterView): MapCountdowns {
  const now = view.nowMs
  const out: MapCountdowns = { brokers: new Map(), groups: new Map(), producers: new Map() }
  for (const f of view.waits.fencing) {
    const c = make('fence', `fence-${f.broker}`, `broker.session.timeout.ms=${f.timeoutMs}`, f.deadlineMs, f.timeoutMs, now, (left) => ({
      en: `Controller fences broker ${f.broker} in ${left.en}: no heartbeat`,
      ko: `컨트롤러가 ${left.ko} 뒤 브로커 ${koNumber(f.broker, '을')} fence: heartbeat 없음`,
    }))
    push(out.brokers, f.broker, c)
  }
  for (const z of zooKeeperWaits(view)) {
    const c = make('zkSession', `zk-${z.id}`, `zookeeper.session.timeout.ms=${z.timeoutMs}`, z.deadlineMs, z.timeoutMs, now, (left) =>
      z.deadlineMs > now
        ? { en: `ZooKeeper expires its session in ${left.en}`, ko: `ZooKeeper 세션 만료까지 아무 일 없음: ${left.ko}` }
        : { en: 'Timed out: ZooKeeper expires the session at its next tick', ko: '시간 초과: ZooKeeper가 다음 tick에 세션을 만료함' },
    )
    push(out.brokers, z.broker, c)
  }
  for (const i of view.waits.isr) {
    const c = make('isr', `isr-${i.tp}-${i.follower}`, `replica.lag.time.max.ms=${i.timeoutMs}`, i.deadlineMs, i.timeoutMs, now, (left) => ({
      en: `${i.tp}: leaves the ISR in ${left.en} (not fetching)`,
      ko: `${i.tp}: ${left.ko} 뒤 ISR에서 빠짐 (fetch 없음)`,
    }))
    push(out.brokers, i.follower, c)
  }
  for (const s of view.waits.sessions) {
    const c = make('session', `session-${s.groupId}-${s.member}`, `session.timeout.ms=${s.timeoutMs}`, s.deadlineMs, s.timeoutMs, now, (left) => ({
      en: `${s.member}: removed from the group in ${left.en} (no heartbeat)`,
      ko: `${s.member}: ${left.ko} 뒤 그룹에서 제거 (heartbeat 없음)`,
    }))
    push(out.groups, s.groupId, c)
  }
  for (const d of view.waits.delivery) {
    const why = WHY[d.reason](d)
    const c = make('delivery', `delivery-${d.producer}`, `delivery.timeout.ms=${d.timeoutMs}`, d.deadlineMs, d.timeoutMs, now, (left) => ({
      en: `${d.producer}-${d.partition}: ${why.en}; the batch fails in ${left.en}`,
      ko: `${d.producer}-${d.partition}: ${why.ko}; ${left.ko} 뒤 배치 실패`,
    }))
    push(out.producers, d.producer, c)
  }
  return out
}

/**
 * The ZooKeeper sessions ZooKeeper will expire unless their broker is heard from: those of a broker
 * that crashed or is cut off, and any session silent for over half its timeout (the client pings
 * after a third of it), such as the old session of a broker that restarted before it expired.
 * None while the ensemble has no quorum: no leader, so nothing expires.
 */
export function zooKeeperWaits(view: ClusterView): ZooKeeperSessionCard[] {
  const zk = view.zookeeper ?? null
  if (!zk || !zk.quorum) return []
  return zk.sessions.filter((s) => {
    const state = view.brokers.find((b) => b.id === s.broker)?.state
    const silent = view.nowMs - s.lastHeardMs > s.timeoutMs / 2
    return silent || state === 'crashed' || state === 'isolated' || state === 'stopped'
  })
}

/** A crashed broker's card in ZooKeeper mode, when no session countdown says what is going on. */
function zooKeeperOfflineNote(view: ClusterView, zk: ZooKeeperView, broker: number): Text | null {
  const session = zk.sessions.find((s) => s.broker === broker)
  if (session && zk.quorum) return null
  if (session) return { en: 'Offline; ZooKeeper has no quorum, so its session cannot expire: nothing changes', ko: '오프라인; ZooKeeper 쿼럼이 없어 세션이 만료되지 않음: 아무것도 바뀌지 않음' }
  if (view.activeController === null)
    return { en: `Offline; its session expired and /brokers/ids/${broker} is gone; a broker is becoming controller through /controller`, ko: `오프라인; 세션 만료로 /brokers/ids/${broker} 삭제됨, 다른 브로커가 /controller로 컨트롤러가 되는 중` }
  return { en: `Offline; its session expired and /brokers/ids/${broker} is gone: its partitions moved to other leaders`, ko: `오프라인; 세션 만료로 /brokers/ids/${broker} 삭제됨: 파티션은 다른 leader로 옮겨짐` }
}

/** What a crashed or stopped broker's card says while nothing is counting down for it yet. */
export function offlineNote(view: ClusterView, broker: number): Text | null {
  const b = view.brokers.find((x) => x.id === broker)
  if (view.zookeeper && b?.state === 'crashed') return zooKeeperOfflineNote(view, view.zookeeper, broker)
  if (b?.state === 'stopped') return { en: 'Stopped cleanly: its leaderships had moved before it went', ko: '정상 종료: 멈추기 전에 리더 역할을 넘김' }
  if (b?.state === 'shuttingDown') return { en: 'Controlled shutdown: handing its leaderships over', ko: '제어된 종료 중: 리더 역할을 넘기는 중' }
  if (!b || b.state !== 'crashed') return null
  if (view.waits.fencing.some((f) => f.broker === broker)) return null
  if (view.activeController === null)
    return { en: 'Offline; the controller quorum is electing a new active controller', ko: '오프라인; 컨트롤러 쿼럼이 새 활성 컨트롤러를 선출하는 중' }
  return { en: 'Offline and fenced: its partitions moved to other leaders', ko: '오프라인, fence됨: 파티션은 다른 leader로 옮겨짐' }
}
