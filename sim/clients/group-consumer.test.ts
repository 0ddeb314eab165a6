/**
 * The consumer group member (group-consumer.ts): its pure rules (effective rebalance protocol,
 * what a rebalance revokes, backoff, the assignor input), and whole runs against the broker's
 * group coordinator asserting the client behaviour Kafka defines (ConsumerCoordinator,
 * AbstractCoordinator, KIP-62, KIP-345, KIP-429).
 */
import { formatEvent } from '../trace/format-events.ts'
import { describe, expect, test } from 'vitest'
import { getInt } from '../history/int-column.ts'
import { createSimulation, parseScenario, restoreSimulation, type Scenario, type Simulation } from '../index.ts'
import { handleMemberMessage, newGroupMember } from './group-consumer.ts'
import { assignmentChanges, assignorInput } from './group-member/membership.ts'
import { compareTps } from './group-member/subscription.ts'
import { effectiveProtocol, partitionsToRevokeBeforeJoin } from './group-member/rebalance.ts'
import { leastLoadedBroker, retryBackoffMs } from './group-member/coordinator.ts'
import { processingMs } from './group-member/poll.ts'
import type { GroupHistoryEvent, GroupRevoked, GroupAssigned, GroupCommitted } from '../history/group-history.ts'
import type { MemberNode } from './group-consumer-types.ts'
import { memberView } from '../observe/member-view.ts'
import type { World } from '../nodes/world.ts'

// ------------------------------------------------------------------------------------------- helpers

interface GroupOptions {
  groupId?: string
  members?: number
  processingMsPerRecord?: number
  staticMembership?: boolean
  config?: Record<string, unknown>
}

/** One topic "orders" (6 partitions, RF 3), a keyed producer, one group, and a timeline. */
function scenario(group: GroupOptions, timeline: unknown[] = [], durationMs = 60000, extra: Record<string, unknown> = {}): Scenario {
  return parseScenario({
    name: 'group member test',
    seed: 7,
    durationMs,
    cluster: { brokers: 3 },
    topics: [{ name: 'orders', partitions: 6, replicationFactor: 3, config: { 'min.insync.replicas': 2 } }],
    producers: [{ id: 'checkout', topic: 'orders', recordsPerSec: 60, keys: { kind: 'pool', size: 60 }, config: { acks: 'all' } }],
    consumers: [
      {
        groupId: group.groupId ?? 'billing',
        topics: ['orders'],
        members: group.members ?? 2,
        processingMsPerRecord: group.processingMsPerRecord ?? 1,
        staticMembership: group.staticMembership ?? false,
        config: { 'session.timeout.ms': 10000, 'auto.offset.reset': 'earliest', ...group.config },
      },
    ],
    timeline,
    ...extra,
  })
}

function run(s: Scenario, untilMs = s.durationMs): Simulation {
  const sim = createSimulation(s)
  sim.runUntil(untilMs)
  return sim
}

const member = (w: World, id: string): MemberNode => w.members[id]
const groupEvents = (w: World): GroupHistoryEvent[] => w.history.groups
const assigned = (w: World): GroupAssigned[] => groupEvents(w).filter((e): e is GroupAssigned => e.kind === 'assigned')
const revoked = (w: World): GroupRevoked[] => groupEvents(w).filter((e): e is GroupRevoked => e.kind === 'revoked')
const commits = (w: World): GroupCommitted[] => groupEvents(w).filter((e): e is GroupCommitted => e.kind === 'committed')

/** Every poll of a member: [atMs, tp, from, to]. */
function polls(w: World, clientId: string): [number, string, number, number][] {
  const out: [number, string, number, number][] = []
  for (const key of Object.keys(w.history.reads).sort()) {
    const log = w.history.reads[key]
    if (log.reader !== clientId) continue
    for (let i = 0; i < log.n; i++) out.push([getInt(log.atMs, i), log.tp, getInt(log.from, i), getInt(log.to, i)])
  }
  return out.sort((a, b) => a[0] - b[0] || compareTps(a[1], b[1]))
}

function allPolls(w: World): [number, string, number, number][] {
  return w.memberIds.flatMap((id) => polls(w, id))
}

// ------------------------------------------------------------------------------------------- rules

describe('the effective rebalance protocol (ConsumerCoordinator)', () => {
  test('the default [range, cooperative-sticky] rebalances EAGER: range supports only EAGER', () => {
    expect(effectiveProtocol(['range', 'cooperative-sticky'])).toBe('EAGER')
  })
  test('COOPERATIVE only when every assignor supports it', () => {
    expect(effectiveProtocol(['cooperative-sticky'])).toBe('COOPERATIVE')
    expect(effectiveProtocol(['sticky', 'cooperative-sticky'])).toBe('EAGER')
    expect(effectiveProtocol(['roundrobin'])).toBe('EAGER')
    expect(effectiveProtocol(['sticky'])).toBe('EAGER')
  })
  test('a member built from the scenario config', () => {
    const s = scenario({ config: {} })
    const w = createSimulation(s).world
    const m = newGroupMember(w, s.consumers[0], 'billing-9')
    expect(m.protocol).toBe('EAGER')
    expect(m.assignors).toEqual(['range', 'cooperative-sticky'])
    expect(m.groupInstanceId).toBeNull()
    const coop = newGroupMember(w, { ...s.consumers[0], config: { 'partition.assignment.strategy': 'cooperative-sticky' } }, 'billing-9')
    expect(coop.protocol).toBe('COOPERATIVE')
    expect(newGroupMember(w, { ...s.consumers[0], staticMembership: true }, 'billing-9').groupInstanceId).toBe('billing-9')
    expect(newGroupMember(w, { ...s.consumers[0], config: { 'group.instance.id': 'host-a' } }, 'billing-9').groupInstanceId).toBe('host-a')
  })
})

describe('what a rebalance revokes', () => {
  test('EAGER revokes everything before JoinGroup; COOPERATIVE keeps its partitions', () => {
    const owned = ['orders-0', 'orders-3']
    expect(partitionsToRevokeBeforeJoin('EAGER', owned, false)).toEqual({ tps: owned, lost: false })
    expect(partitionsToRevokeBeforeJoin('COOPERATIVE', owned, false)).toEqual({ tps: [], lost: false })
  })
  test('a reset generation loses every partition in either protocol (invokePartitionsLost)', () => {
    expect(partitionsToRevokeBeforeJoin('COOPERATIVE', ['orders-1'], true)).toEqual({ tps: ['orders-1'], lost: true })
    expect(partitionsToRevokeBeforeJoin('EAGER', ['orders-1'], true)).toEqual({ tps: ['orders-1'], lost: true })
  })
  test('after SyncGroup: revoke owned − assigned, add assigned − owned (KIP-429)', () => {
    expect(assignmentChanges(['orders-0', 'orders-1', 'orders-2'], ['orders-1', 'orders-0'])).toEqual({ revoked: ['orders-2'], added: [] })
    expect(assignmentChanges(['orders-0'], ['orders-0', 'orders-4', 'orders-10'])).toEqual({ revoked: [], added: ['orders-4', 'orders-10'] })
    expect(assignmentChanges([], ['b-1', 'a-2', 'a-10'])).toEqual({ revoked: [], added: ['a-2', 'a-10', 'b-1'] })
  })
})

describe('small rules', () => {
  test('processing time is processingMsPerRecord per record, in whole ms', () => {
    expect(processingMs(500, 1)).toBe(500)
    expect(processingMs(3, 0.5)).toBe(2)
    expect(processingMs(7, 0)).toBe(0)
  })
  test('retry backoff doubles from retry.backoff.ms up to retry.backoff.max.ms (KIP-580)', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => retryBackoffMs(100, 1000, n))).toEqual([100, 200, 400, 800, 1000, 1000])
  })
  test('requests without a known node go to the broker that answered last, skipping unavailable ones', () => {
    const never = () => false
    expect(leastLoadedBroker([1, 2, 3], 0, {}, never)).toBe(1)
    expect(leastLoadedBroker([1, 2, 3], 4, {}, never)).toBe(2)
    expect(leastLoadedBroker([1, 2, 3], 0, { '1': 500, '2': 900, '3': 100 }, never)).toBe(2)
    expect(leastLoadedBroker([1, 2, 3], 0, { '1': 500, '2': 900, '3': 100 }, (b) => b === 2)).toBe(1)
  })
  test("the leader's assignor input: subscriptions, static ids, owned partitions and generations", () => {
    const input = assignorInput(
      [
        { memberId: 'a', groupInstanceId: null, metadata: { topics: ['orders', 'gone'], ownedPartitions: ['orders-1'], generation: 3 } },
        { memberId: 'b', groupInstanceId: 'host-b', metadata: { topics: ['orders'], ownedPartitions: [], generation: -1 } },
      ],
      { orders: 6 },
    )
    expect(input).toEqual({
      topics: { orders: 6 },
      members: { a: ['orders'], b: ['orders'] },
      groupInstanceIds: { b: 'host-b' },
      previous: { a: ['orders-1'], b: [] },
      generation: { a: 3, b: -1 },
    })
  })
})

// ------------------------------------------------------------------------------------------- runs

describe('joining a group', () => {
  test('dynamic members join with MEMBER_ID_REQUIRED first, get range assignments and read every partition', () => {
    const sim = run(scenario({ members: 3 }), 20000)
    const w = sim.world
    const views = w.memberIds.map((id) => memberView(member(w, id)))
    for (const v of views) {
      expect(v.state).toBe('stable')
      expect(v.errors.MEMBER_ID_REQUIRED).toBe(1)
      expect(v.memberId.startsWith(`${v.clientId}-`)).toBe(true)
      expect(v.assignor).toBe('range')
      expect(v.protocol).toBe('EAGER')
      expect(v.assignment).toHaveLength(2)
    }
    expect(views.flatMap((v) => v.assignment).sort(compareTps)).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3', 'orders-4', 'orders-5'])
    expect(new Set(views.map((v) => v.generation)).size).toBe(1)
    for (const v of views) expect(v.polled).toBeGreaterThan(0)
    expect(sim.summary().checks.nonMonotonicPolls).toBe(0)
  })

  test('positions start at the committed offset, else at auto.offset.reset (latest: the HW)', () => {
    const sim = run(scenario({ members: 1, config: { 'auto.offset.reset': 'latest' } }, [], 30000), 30000)
    const w = sim.world
    const first = polls(w, 'billing-1')
    expect(first.length).toBeGreaterThan(0)
    // with latest, the member starts at the HW when it got the partition: nothing before it is read
    const log = w.history.reads['billing-1|orders-0']
    expect(log.resets.length).toBeGreaterThanOrEqual(2)
    expect(getInt(log.from, 0)).toBe(log.resets[1])
  })

  test("auto.offset.reset=none with no committed offset: NoOffsetForPartitionException, nothing read", () => {
    const sim = run(scenario({ members: 1, config: { 'auto.offset.reset': 'none' } }), 15000)
    const v = memberView(member(sim.world, 'billing-1'))
    expect(v.errors.NoOffsetForPartitionException).toBe(6)
    expect(v.polled).toBe(0)
  })
})

describe('rebalances', () => {
  test('EAGER: every member revokes all before rejoining, so nobody in the group reads during the rebalance', () => {
    const s = scenario({ members: 2 }, [{ atMs: 20000, action: 'addConsumer', groupId: 'billing' }])
    const w = run(s, 40000).world
    const gen2 = assigned(w).filter((e) => e.generation === 2)
    expect(gen2.map((e) => e.member).sort()).toEqual(['billing-1', 'billing-2', 'billing-3'])
    const revokes = revoked(w).filter((e) => e.generation === 1)
    expect(revokes.map((e) => e.member).sort()).toEqual(['billing-1', 'billing-2'])
    for (const r of revokes) expect(r.tps).toHaveLength(3)
    const windowStart = Math.min(...revokes.map((e) => e.atMs))
    const windowEnd = Math.max(...gen2.map((e) => e.atMs))
    expect(windowEnd).toBeGreaterThan(windowStart)
    const during = allPolls(w).filter(([at]) => at > windowStart && at < Math.min(...gen2.map((e) => e.atMs)))
    expect(during).toEqual([])
    expect(run(s, 40000).summary().checks.nonMonotonicPolls).toBe(0)
  })

  test('COOPERATIVE: only the partitions that move are revoked, a second rebalance hands them over, and the others keep reading', () => {
    const s = scenario({ members: 2, config: { 'partition.assignment.strategy': 'cooperative-sticky' } }, [
      { atMs: 20000, action: 'addConsumer', groupId: 'billing' },
    ])
    const w = run(s, 40000).world
    const gen1 = Object.fromEntries(assigned(w).filter((e) => e.generation === 1).map((e) => [e.member, e.tps]))
    const gen2 = Object.fromEntries(assigned(w).filter((e) => e.generation === 2).map((e) => [e.member, e.tps]))
    const gen3 = Object.fromEntries(assigned(w).filter((e) => e.generation === 3).map((e) => [e.member, e.tps]))
    // generation 2: the newcomer gets nothing yet; each old member keeps two of its three
    expect(gen2['billing-3']).toEqual([])
    for (const id of ['billing-1', 'billing-2']) {
      expect(gen2[id]).toHaveLength(2)
      for (const tp of gen2[id]) expect(gen1[id]).toContain(tp)
    }
    const moved = revoked(w).filter((e) => e.generation === 1)
    expect(moved.flatMap((e) => e.tps)).toHaveLength(2)
    expect(gen3['billing-3'].sort(compareTps)).toEqual(moved.flatMap((e) => e.tps).sort(compareTps))
    // the old members never stopped reading the partitions they kept
    const rebalanceStart = Math.min(...moved.map((e) => e.atMs))
    const gen3At = Math.max(...assigned(w).filter((e) => e.generation === 3).map((e) => e.atMs))
    expect(allPolls(w).some(([at, , ,]) => at > 20000 && at < rebalanceStart)).toBe(true)
    expect(allPolls(w).some(([at]) => at > rebalanceStart && at < gen3At)).toBe(true)
  })

  test('a crashed member keeps its partitions until the session times out; its successor resumes from the last commit', () => {
    const s = scenario({ members: 2 }, [{ atMs: 20000, action: 'crashConsumer', member: 'billing-2' }])
    const sim = run(s, 45000)
    const w = sim.world
    const lost = assigned(w).find((e) => e.member === 'billing-2' && e.generation === 1)!.tps
    const gen2 = assigned(w).find((e) => e.member === 'billing-1' && e.generation === 2)!
    // the coordinator expires it session.timeout.ms after its last heartbeat (at most heartbeat.interval.ms before the crash)
    expect(gen2.atMs).toBeGreaterThan(20000 + 10000 - 3000)
    expect(assigned(w).filter((e) => e.atMs > 20000 && e.atMs < gen2.atMs)).toEqual([])
    expect(gen2.tps.sort(compareTps)).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3', 'orders-4', 'orders-5'])
    const lastCommit: Record<string, number> = {}
    for (const c of commits(w)) if (c.member === 'billing-2') Object.assign(lastCommit, c.offsets)
    for (const tp of lost) {
      const log = w.history.reads[`billing-1|${tp}`]
      expect(getInt(log.from, 0)).toBe(lastCommit[tp])
      expect(log.resets[1]).toBe(lastCommit[tp])
    }
    expect(sim.summary().checks.nonMonotonicPolls).toBe(0)
  })

  test('processing longer than max.poll.interval.ms: the member leaves (LeaveGroup) and rejoins on its next poll (KIP-62)', () => {
    const s = scenario({ members: 2, processingMsPerRecord: 40, config: { 'max.poll.interval.ms': 8000, 'max.poll.records': 300 } })
    const w = run(s, 60000).world
    const leaves = revoked(w).filter((e) => e.lost)
    expect(leaves.length).toBeGreaterThan(0)
    expect(w.notes.some((n) => /consumer poll timeout has expired/.test(formatEvent(n, 'en')))).toBe(true)
    expect(w.notes.some((n) => /LeaveGroup: consumer poll timeout has expired/.test(formatEvent(n, 'en')))).toBe(true)
    expect(w.notes.some((n) => n.type === 'ConsumerPollTimeout')).toBe(true)
    expect(w.notes.some((n) => n.type === 'MemberRemoved' && n.reason.code === 'leaveGroup' && n.reason.leaveReason === 'consumer poll timeout has expired.')).toBe(true)
    // the member comes back in a later generation
    const left = leaves[0]
    expect(assigned(w).some((e) => e.member === left.member && e.atMs > left.atMs)).toBe(true)
  })
})

describe('commits', () => {
  test('auto-commit every auto.commit.interval.ms commits the positions handed out, in the current generation', () => {
    const w = run(scenario({ members: 1, config: { 'auto.commit.interval.ms': 2000 } }), 30000).world
    const mine = commits(w).filter((c) => c.member === 'billing-1')
    expect(mine.length).toBeGreaterThanOrEqual(10)
    for (let i = 1; i < mine.length; i++) {
      expect(mine[i].atMs - mine[i - 1].atMs).toBeGreaterThanOrEqual(1900)
      for (const tp of Object.keys(mine[i].offsets)) expect(mine[i].offsets[tp]).toBeGreaterThanOrEqual(mine[i - 1].offsets[tp] ?? 0)
    }
    const m = member(w, 'billing-1')
    for (const c of mine) expect(c.generation).toBe(m.generation)
  })

  test('enable.auto.commit=false: the application commits synchronously after each processed poll', () => {
    const w = run(scenario({ members: 1, config: { 'enable.auto.commit': false } }), 20000).world
    const m = member(w, 'billing-1')
    const mine = commits(w).filter((c) => c.member === 'billing-1')
    expect(mine.length).toBeGreaterThan(5)
    // after the last commit, whatever was committed is what had been handed out
    const last = mine[mine.length - 1]
    for (const tp of Object.keys(last.offsets)) {
      const log = w.history.reads[`billing-1|${tp}`]
      const handedOutBefore = Array.from({ length: log.n }, (_, i) => i).filter((i) => getInt(log.atMs, i) <= last.atMs)
      expect(last.offsets[tp]).toBe(getInt(log.to, handedOutBefore[handedOutBefore.length - 1]))
    }
    expect(m.errors).not.toHaveProperty('CommitFailedException')
  })
})

describe('closing and static membership', () => {
  test('a dynamic member closes with a commit and a LeaveGroup: the group rebalances at once', () => {
    const s = scenario({ members: 2 }, [{ atMs: 20000, action: 'removeConsumer', member: 'billing-2' }])
    const w = run(s, 30000).world
    const m = member(w, 'billing-2')
    expect(m.state).toBe('closed')
    expect(commits(w).some((c) => c.member === 'billing-2' && c.atMs >= 20000)).toBe(true)
    const gen2 = assigned(w).find((e) => e.member === 'billing-1' && e.generation === 2)!
    expect(gen2.atMs).toBeLessThan(20000 + 3000 + 500)
  })

  test('a static member never sends LeaveGroup: closing it rebalances only after session.timeout.ms (KIP-345)', () => {
    const s = scenario({ members: 2, staticMembership: true }, [{ atMs: 20000, action: 'removeConsumer', member: 'billing-2' }])
    const w = run(s, 40000).world
    expect(member(w, 'billing-2').groupInstanceId).toBe('billing-2')
    const gen2 = assigned(w).find((e) => e.member === 'billing-1' && e.generation === 2)!
    expect(gen2.atMs).toBeGreaterThanOrEqual(20000 + 10000)
  })

  test('a static member restarted within the session timeout gets a new member id and the same generation and partitions', () => {
    const s = scenario({ members: 2, staticMembership: true }, [{ atMs: 20000, action: 'restartConsumer', member: 'billing-2', afterMs: 3000 }])
    const sim = run(s, 40000)
    const w = sim.world
    const before = assigned(w).filter((e) => e.member === 'billing-2')
    expect(before).toHaveLength(2)
    expect(before[1].generation).toBe(before[0].generation)
    expect(before[1].tps).toEqual(before[0].tps)
    expect(before[1].memberId).not.toBe(before[0].memberId)
    expect(sim.summary().checks.nonMonotonicPolls).toBe(0)
  })
})

describe('fencing', () => {
  test('FENCED_INSTANCE_ID on a heartbeat of the current generation is fatal: the member gives up its partitions and stops', () => {
    const sim = createSimulation(scenario({ members: 2, staticMembership: true }, [], 40000))
    sim.runUntil(15000)
    const w = sim.world
    const m = member(w, 'billing-1')
    while (!m.heartbeat) sim.step()
    handleMemberMessage(w, m, { api: 'HeartbeatResponse', from: String(m.coordinator), corr: m.heartbeat.corr, error: 'FENCED_INSTANCE_ID' })
    expect(m.state).toBe('fenced')
    expect(m.fatal).toBe('FENCED_INSTANCE_ID')
    expect(m.owned).toEqual([])
    expect(revoked(w).some((e) => e.member === 'billing-1' && e.lost)).toBe(true)
    const polled = m.polled
    const sent = m.commitsAcked
    sim.runUntil(40000)
    expect(m.polled).toBe(polled)
    expect(m.commitsAcked).toBe(sent)
    expect(m.state).toBe('fenced')
  })

  // Needs the coordinator to answer a stale member id of a known group.instance.id with
  // FENCED_INSTANCE_ID (ClassicGroup.validateMember checks the instance id before the member id).
  test('two processes with one group.instance.id: the older one is fenced (FENCED_INSTANCE_ID) and stops', () => {
    const sim = createSimulation(scenario({ members: 2, staticMembership: true }, [], 40000))
    sim.runUntil(15000)
    const w = sim.world
    // billing-2 comes back configured with billing-1's instance id (a deployment mistake)
    member(w, 'billing-2').groupInstanceId = 'billing-1'
    sim.apply({ action: 'restartConsumer', member: 'billing-2', afterMs: 100 })
    sim.runUntil(40000)
    const fenced = member(w, 'billing-1')
    expect(fenced.state).toBe('fenced')
    expect(fenced.fatal).toBe('FENCED_INSTANCE_ID')
    expect(fenced.owned).toEqual([])
    expect(revoked(w).some((e) => e.member === 'billing-1' && e.lost)).toBe(true)
    const polledAtFence = fenced.polled
    sim.runUntil(45000)
    expect(fenced.polled).toBe(polledAtFence)
  })
})

describe('determinism', () => {
  test('a run with rebalances gives the same trace through a snapshot and restore', () => {
    const s = scenario({ members: 3, config: { 'partition.assignment.strategy': 'cooperative-sticky' } }, [
      { atMs: 15000, action: 'crashConsumer', member: 'billing-3' },
      { atMs: 25000, action: 'addConsumer', groupId: 'billing' },
    ])
    const straight = run(s, 40000)
    const a = createSimulation(s)
    a.runUntil(21000)
    const snap = a.snapshot()
    a.runUntil(40000)
    const b = restoreSimulation(snap)
    b.runUntil(40000)
    expect(a.traceHash()).toBe(straight.traceHash())
    expect(b.traceHash()).toBe(straight.traceHash())
  })
})
