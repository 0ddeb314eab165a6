// The map's countdowns and callouts: the time left and the config that sets it, and the wording of
// what just happened, in English and Korean.
import { describe, expect, it } from 'vitest'
import type { ClusterView, SimEvent } from '../../../sim/index.ts'
import { formatLeft, mapCountdowns, offlineNote } from './countdowns.ts'
import { calloutOf, calloutsOf, lostCallout } from './callouts.ts'

const view = (over: Partial<ClusterView['waits']>, nowMs: number) =>
  ({ nowMs, waits: { fencing: [], isr: [], sessions: [], delivery: [], ...over } }) as unknown as ClusterView

describe('map countdowns', () => {
  it('counts the controller down to fencing a silent broker', () => {
    const c = mapCountdowns(view({ fencing: [{ broker: 3, lastHeartbeatMs: 15_107, timeoutMs: 9000, deadlineMs: 24_107 }] }, 18_000))
    const [fence] = c.brokers.get(3)!
    expect(fence.leftMs).toBe(6107)
    expect(fence.config).toBe('broker.session.timeout.ms=9000')
    expect(fence.text.en).toBe('Controller fences broker 3 in 6.1 s: no heartbeat')
    expect(fence.text.ko).toBe('컨트롤러가 6.1초 뒤 브로커 3을 fence: heartbeat 없음')
    expect(fence.progress).toBeCloseTo(2893 / 9000)
  })

  it('puts ISR, session and delivery waits on the follower, group and producer cards', () => {
    const c = mapCountdowns(
      view(
        {
          isr: [{ topic: 'orders', partition: 0, tp: 'orders-0', leader: 3, follower: 2, lastCaughtUpMs: 0, timeoutMs: 30_000, deadlineMs: 30_000 }],
          sessions: [{ groupId: 'billing', member: 'billing-2', coordinator: 1, lastHeartbeatMs: 0, timeoutMs: 45_000, deadlineMs: 45_000 }],
          delivery: [{ producer: 'checkout', partition: 0, createdMs: 0, timeoutMs: 120_000, deadlineMs: 120_000, reason: 'retry', leader: 3, attempts: 4 }],
        },
        6000,
      ),
    )
    expect(c.brokers.get(2)![0].text.en).toBe('orders-0: leaves the ISR in 24 s (not fetching)')
    expect(c.groups.get('billing')![0].config).toBe('session.timeout.ms=45000')
    expect(c.groups.get('billing')![0].text.en).toBe('billing-2: removed from the group in 39 s (no heartbeat)')
    const d = c.producers.get('checkout')![0]
    expect(d.text.en).toBe('checkout-0: retrying, attempt 4: metadata still names broker 3 as leader; the batch fails in 114 s')
    expect(d.text.ko).toContain('114초 뒤 배치 실패')
  })

  it('in ZooKeeper mode, counts a crashed broker down to ZooKeeper expiring its session, and says why nothing happens', () => {
    const zkView = (nowMs: number, quorum: boolean, state: 'alive' | 'crashed', lastHeardMs = 14_001) =>
      ({
        nowMs,
        activeController: null,
        waits: { fencing: [], isr: [], sessions: [], delivery: [] },
        brokers: [1, 2, 3].map((id) => ({ id, state: id === 3 ? state : 'alive' })),
        zookeeper: {
          quorum,
          sessions: [
            { id: '0x3000001', broker: 3, server: 'zk-3', timeoutMs: 18_000, lastHeardMs, deadlineMs: lastHeardMs + 18_000 },
            { id: '0x1000002', broker: 1, server: 'zk-1', timeoutMs: 18_000, lastHeardMs: nowMs - 1000, deadlineMs: nowMs + 17_000 },
          ],
        },
      }) as unknown as ClusterView
    const c = mapCountdowns(zkView(25_000, true, 'crashed'))
    expect([...c.brokers.keys()]).toEqual([3])
    const [wait] = c.brokers.get(3)!
    expect(wait.kind).toBe('zkSession')
    expect(wait.config).toBe('zookeeper.session.timeout.ms=18000')
    expect(wait.leftMs).toBe(7001)
    expect(wait.text.en).toBe('ZooKeeper expires its session in 7.0 s')
    expect(wait.text.ko).toBe('ZooKeeper 세션 만료까지 아무 일 없음: 7.0초')
    expect(offlineNote(zkView(25_000, true, 'crashed'), 3)).toBeNull()
    // past the deadline, the leader expires it at its next tick
    expect(mapCountdowns(zkView(32_500, true, 'crashed')).brokers.get(3)![0].text.en).toBe('Timed out: ZooKeeper expires the session at its next tick')
    // a live broker silent for over half its timeout (paused, cut off) is counted down too; one heard from lately is not
    expect(mapCountdowns(zkView(24_000, true, 'alive')).brokers.get(3)).toHaveLength(1)
    expect(mapCountdowns(zkView(20_000, true, 'alive', 19_000)).brokers.size).toBe(0)
    // without a quorum nothing expires: no countdown, a note instead
    expect(mapCountdowns(zkView(25_000, false, 'crashed')).brokers.size).toBe(0)
    expect(offlineNote(zkView(25_000, false, 'crashed'), 3)?.en).toBe('Offline; ZooKeeper has no quorum, so its session cannot expire: nothing changes')
  })

  it('never shows a negative time left', () => {
    expect(formatLeft(-5)).toEqual({ en: '0.0 s', ko: '0.0초' })
  })
})

describe('map callouts', () => {
  const leaderOf = () => 1
  it('words fencing, a new leader and an ISR shrink, on the card they are about', () => {
    const notes: SimEvent[] = [
      { type: 'BrokerFenced', atMs: 24_108, broker: 3, sinceHeartbeatMs: 9001, timeoutMs: 9000 },
      { type: 'LeaderElected', atMs: 24_108, topic: 'orders', partition: 0, from: 3, to: 1, leaderEpoch: 1, isr: [1, 2], unclean: false },
      { type: 'IsrChanged', atMs: 24_108, topic: 'orders', partition: 1, from: [1, 2, 3], to: [1, 2], reason: 'fenced' },
      { type: 'LeaderElected', atMs: 24_108, topic: '__consumer_offsets', partition: 4, from: 3, to: 1, leaderEpoch: 1, isr: [1, 2], unclean: false },
      { type: 'BrokerUnfenced', atMs: 90_000, broker: 3 },
    ]
    const list = calloutsOf(notes, 0, 30_000, leaderOf)
    expect(list.map((c) => c.text.en)).toEqual(['Broker 3 fenced', 'orders-0: new leader 1, epoch 1', 'orders-1: ISR shrank to [1,2]'])
    expect(list.map((c) => c.text.ko)).toEqual(['브로커 3 fence됨', 'orders-0: 새 leader 1, epoch 1', 'orders-1: ISR이 [1,2]로 줄어듦'])
    expect(list[0].target).toEqual({ kind: 'broker', id: 3 })
    expect(list[1].target).toEqual({ kind: 'broker', id: 1 })
    expect(calloutOf(notes[3], 'x', leaderOf)).toBeNull()
  })

  it('says a finished move once, on the leader, not as an ISR that grew', () => {
    const notes: SimEvent[] = [
      { type: 'ReassignmentCompleted', atMs: 30_012, topic: 'orders', partition: 0, replicas: [4, 3, 1], isr: [3, 1, 4] },
      { type: 'IsrChanged', atMs: 30_012, topic: 'orders', partition: 0, from: [3, 1, 2], to: [3, 1, 4], reason: 'reassignment' },
    ]
    const list = calloutsOf(notes, 0, 31_000, leaderOf)
    expect(list.map((c) => c.text.en)).toEqual(['orders-0: moved to brokers [4,3,1]'])
    expect(list.map((c) => c.text.ko)).toEqual(['orders-0: 브로커 [4,3,1](으)로 이동 완료'])
    expect(list[0].target).toEqual({ kind: 'broker', id: 1 })
  })

  it('keeps the newest three per card when a jump covers many events', () => {
    const notes: SimEvent[] = [1, 2, 3, 4, 5].map((e) => ({ type: 'LeaderElected', atMs: e, topic: 'orders', partition: 0, from: 2, to: 1, leaderEpoch: e, isr: [1], unclean: false }))
    expect(calloutsOf(notes, 0, 10, leaderOf).map((c) => c.text.en)).toEqual(['orders-0: new leader 1, epoch 3', 'orders-0: new leader 1, epoch 4', 'orders-0: new leader 1, epoch 5'])
  })

  it('words a ZooKeeper session expiring and a new controller, on the brokers they are about', () => {
    const notes: SimEvent[] = [
      { type: 'ZkControllerElected', atMs: 9, broker: 3, epoch: 1 },
      { type: 'ZkSessionExpired', atMs: 33_000, broker: 3, sessionId: 0x3000001, sinceHeardMs: 18_999, timeoutMs: 18_000, deleted: ['/brokers/ids/3', '/controller'] },
      { type: 'ZkControllerElected', atMs: 33_005, broker: 1, epoch: 2 },
    ]
    const list = calloutsOf(notes, 0, 34_000, leaderOf)
    expect(list.map((c) => c.text.en)).toEqual(['ZooKeeper session expired: /brokers/ids/3, /controller deleted', 'Controller now: created /controller, epoch 2'])
    expect(list.map((c) => c.text.ko)).toEqual(['ZooKeeper 세션 만료: /brokers/ids/3, /controller 삭제', '컨트롤러가 됨: /controller 생성, 에포크 2'])
    expect(list.map((c) => c.target)).toEqual([{ kind: 'broker', id: 3 }, { kind: 'broker', id: 1 }])
  })

  it('counts lost acknowledged records', () => {
    expect(lostCallout(142, 'k', 0, { kind: 'broker', id: 1 }).text).toEqual({ en: '142 acknowledged records lost', ko: '확인(ack)된 기록 142개 유실' })
  })
})
