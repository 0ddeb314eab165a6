// Callouts at the moment something happens, from the run's typed events (sim/kafka/events.ts):
// "Broker 3 fenced", "orders-0: new leader 1, epoch 1", "orders-1: ISR shrank to [1,2]",
// "consumer-2 removed from the group", "142 acknowledged records lost", in ZooKeeper mode a broker's
// session expiring and a new controller (epoch 2). Each names the card it
// belongs next to (the broker, group or producer it is about), in English and Korean. Leader and
// ISR changes of internal topics (__consumer_offsets) are left out: a learner never sees them.

import { isInternalPartitionEvent, mayLoseRecords, type SimEvent } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'

export type CalloutTarget = { kind: 'broker'; id: number } | { kind: 'group'; id: string } | { kind: 'producer'; id: string }
export type CalloutTone = 'bad' | 'good' | 'info'

export interface Callout {
  /** unique within a run: the event's index in the notes, and a suffix */
  key: string
  atMs: number
  target: CalloutTarget
  tone: CalloutTone
  text: Text
}

/** Where a partition's news goes: its new leader's card, else the card of the broker that led it. */
function partitionTarget(leaderNow: number, fallback: number): CalloutTarget | null {
  const id = leaderNow >= 0 ? leaderNow : fallback
  return id >= 0 ? { kind: 'broker', id } : null
}

/**
 * The callout of one event, or null when the event is not worth one. `leaderOf` gives a
 * partition's leader now (for ISR changes, whose event does not name the leader).
 */
export function calloutOf(e: SimEvent, key: string, leaderOf: (tp: string) => number): Callout | null {
  if (isInternalPartitionEvent(e)) return null
  switch (e.type) {
    case 'BrokerFenced':
      return { key, atMs: e.atMs, target: { kind: 'broker', id: e.broker }, tone: 'bad', text: { en: `Broker ${e.broker} fenced`, ko: `브로커 ${e.broker} fence됨` } }
    case 'BrokerUnfenced':
      return { key, atMs: e.atMs, target: { kind: 'broker', id: e.broker }, tone: 'good', text: { en: `Broker ${e.broker} unfenced`, ko: `브로커 ${e.broker} fence 해제` } }
    case 'BrokerControlledShutdown':
      return { key, atMs: e.atMs, target: { kind: 'broker', id: e.broker }, tone: 'info', text: { en: `Broker ${e.broker}: controlled shutdown, ${e.partitions} partitions handed over`, ko: `브로커 ${e.broker}: 제어된 종료, 파티션 ${e.partitions}개 넘김` } }
    case 'BrokerStopped':
      return { key, atMs: e.atMs, target: { kind: 'broker', id: e.broker }, tone: 'info', text: { en: `Broker ${e.broker} stopped cleanly`, ko: `브로커 ${e.broker} 정상 종료` } }
    case 'LeaderElected': {
      const tp = `${e.topic}-${e.partition}`
      const target = partitionTarget(e.to, e.from)
      if (!target) return null
      if (e.to < 0) {
        const elr = e.elr !== undefined && e.elr.length > 0 ? `, ELR [${e.elr.join(',')}]` : ''
        return { key, atMs: e.atMs, target, tone: 'bad', text: { en: `${tp}: no leader (offline)${elr}`, ko: `${tp}: leader 없음 (오프라인)${elr}` } }
      }
      const unclean =
        e.via === 'elr'
          ? { en: ' from the ELR', ko: ' (ELR에서)' }
          : e.via === 'lastKnownLeader'
            ? { en: ' (last known leader, unclean)', ko: ' (마지막 leader, unclean)' }
            : e.unclean
              ? { en: ' (unclean)', ko: ' (unclean)' }
              : { en: '', ko: '' }
      return {
        key,
        atMs: e.atMs,
        target,
        tone: e.via === 'elr' ? 'good' : mayLoseRecords(e) ? 'bad' : 'info',
        text: { en: `${tp}: new leader ${e.to}, epoch ${e.leaderEpoch}${unclean.en}`, ko: `${tp}: 새 leader ${e.to}, epoch ${e.leaderEpoch}${unclean.ko}` },
      }
    }
    case 'ReassignmentCompleted': {
      const tp = `${e.topic}-${e.partition}`
      const target = partitionTarget(leaderOf(tp), e.replicas[0] ?? -1)
      if (!target) return null
      const replicas = `[${e.replicas.join(',')}]`
      return { key, atMs: e.atMs, target, tone: 'good', text: { en: `${tp}: moved to brokers ${replicas}`, ko: `${tp}: 브로커 ${replicas}(으)로 이동 완료` } }
    }
    case 'ReassignmentCancelled': {
      const tp = `${e.topic}-${e.partition}`
      const target = partitionTarget(leaderOf(tp), e.replicas[0] ?? -1)
      if (!target) return null
      const replicas = `[${e.replicas.join(',')}]`
      return { key, atMs: e.atMs, target, tone: 'info', text: { en: `${tp}: move cancelled, back on brokers ${replicas}`, ko: `${tp}: 이동 취소, 브로커 ${replicas}(으)로 되돌림` } }
    }
    case 'IsrChanged': {
      const tp = `${e.topic}-${e.partition}`
      const target = partitionTarget(leaderOf(tp), e.to[0] ?? -1)
      // a finished or cancelled move says so itself (ReassignmentCompleted, ReassignmentCancelled)
      if (!target || e.reason === 'reassignment' || e.reason === 'reassignmentCancelled') return null
      const isr = `[${e.to.join(',')}]`
      const shrank = e.to.length < e.from.length
      return {
        key,
        atMs: e.atMs,
        target,
        tone: shrank ? 'bad' : 'good',
        text: shrank ? { en: `${tp}: ISR shrank to ${isr}`, ko: `${tp}: ISR이 ${isr}로 줄어듦` } : { en: `${tp}: ISR grew to ${isr}`, ko: `${tp}: ISR이 ${isr}로 늘어남` },
      }
    }
    case 'ElrChanged': {
      const tp = `${e.topic}-${e.partition}`
      const target = partitionTarget(leaderOf(tp), e.from[0] ?? -1)
      if (!target) return null
      const elr = `[${e.to.join(',')}]`
      return { key, atMs: e.atMs, target, tone: e.to.length < e.from.length ? 'bad' : 'info', text: { en: `${tp}: ELR now ${elr}`, ko: `${tp}: ELR이 ${elr}(으)로 바뀜` } }
    }
    case 'ZkSessionExpired': {
      const deleted = e.deleted.length > 0 ? e.deleted.join(', ') : null
      return {
        key,
        atMs: e.atMs,
        target: { kind: 'broker', id: e.broker },
        tone: 'bad',
        text: deleted
          ? { en: `ZooKeeper session expired: ${deleted} deleted`, ko: `ZooKeeper 세션 만료: ${deleted} 삭제` }
          : { en: 'ZooKeeper session expired', ko: 'ZooKeeper 세션 만료' },
      }
    }
    case 'ZkControllerElected':
      // the first controller of a run is there from the start: only a later one is news
      return e.epoch <= 1
        ? null
        : { key, atMs: e.atMs, target: { kind: 'broker', id: e.broker }, tone: 'good', text: { en: `Controller now: created /controller, epoch ${e.epoch}`, ko: `컨트롤러가 됨: /controller 생성, 에포크 ${e.epoch}` } }
    case 'MemberRemoved':
      return {
        key,
        atMs: e.atMs,
        target: { kind: 'group', id: e.groupId },
        tone: 'bad',
        text:
          e.reason.code === 'sessionTimeout' || e.reason.code === 'consumerSessionTimeout' || e.reason.code === 'shareSessionTimeout'
            ? { en: `${e.member} removed: session timed out`, ko: `${e.member} 제거됨: 세션 타임아웃` }
            : e.reason.code === 'rebalanceTimeout'
              ? { en: `${e.member} fenced: did not revoke in time`, ko: `${e.member} 펜스됨: 제때 반납하지 않음` }
              : { en: `${e.member} left the group`, ko: `${e.member} 그룹에서 나감` },
      }
    case 'GroupStateChanged':
      return e.to === 'Stable'
        ? { key, atMs: e.atMs, target: { kind: 'group', id: e.groupId }, tone: 'good', text: { en: `${e.groupId}: Stable again`, ko: `${e.groupId}: 다시 Stable` } }
        : null
    case 'ProducerEpochBumped':
      return {
        key,
        atMs: e.atMs,
        target: { kind: 'producer', id: e.producer },
        tone: 'info',
        text: { en: `${e.producer}: producer epoch ${e.producerEpoch}`, ko: `${e.producer}: producer epoch ${e.producerEpoch}` },
      }
    default:
      return null
  }
}

/** The callout for acknowledged records the checkers found lost (on the card of the partition's new leader). */
export function lostCallout(count: number, key: string, atMs: number, target: CalloutTarget): Callout {
  return {
    key,
    atMs,
    target,
    tone: 'bad',
    text: count === 1 ? { en: '1 acknowledged record lost', ko: '확인(ack)된 기록 1개 유실' } : { en: `${count} acknowledged records lost`, ko: `확인(ack)된 기록 ${count}개 유실` },
  }
}

/** At most this many callouts per card; older ones give way. */
export const CALLOUTS_PER_TARGET = 3
/** How long a callout stays, in wall-clock milliseconds. */
export const CALLOUT_SHOW_MS = 4500

/**
 * The callouts of the notes from index `from` on, up to the simulated time `nowMs`, newest last;
 * when a jump covers many events, only the newest few per card are kept.
 */
export function calloutsOf(notes: readonly SimEvent[], from: number, nowMs: number, leaderOf: (tp: string) => number): Callout[] {
  const out: Callout[] = []
  for (let i = Math.max(0, from); i < notes.length; i++) {
    const e = notes[i]
    if (e.atMs > nowMs) break
    const c = calloutOf(e, `n${i}`, leaderOf)
    if (c) out.push(c)
  }
  return newestPerTarget(out, CALLOUTS_PER_TARGET)
}

export function targetKey(t: CalloutTarget): string {
  return `${t.kind}:${t.id}`
}

/** Keep the newest `max` callouts of each target, in their order. */
export function newestPerTarget(list: readonly Callout[], max: number): Callout[] {
  const count = new Map<string, number>()
  const keep: boolean[] = new Array(list.length).fill(false)
  for (let i = list.length - 1; i >= 0; i--) {
    const k = targetKey(list[i].target)
    const n = count.get(k) ?? 0
    if (n < max) {
      keep[i] = true
      count.set(k, n + 1)
    }
  }
  return list.filter((_, i) => keep[i])
}
