/**
 * KIP-848 consumer groups (group.protocol=consumer), whole runs through the public API: what the
 * members observed (history.reads, history.groups), what the coordinator holds, the notes and the
 * summary, against Kafka's consumer protocol (GroupMetadataManager, CurrentAssignmentBuilder,
 * ConsumerMembershipManager): members not involved in a rebalance never stop, a partition moves
 * only after its owner gave it up, a crashed member is fenced after
 * group.consumer.session.timeout.ms, epochs survive a coordinator failover.
 *
 * Every run is deterministic: a failure reproduces with
 * `npm run --silent sim -- run scenarios/rebalance-without-stopping.json`.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { getInt } from './history/int-column.ts'
import { eventKind } from './kafka/events.ts'
import { formatEvent } from './trace/format-events.ts'
import { createSimulation, kafkaConsumerGroupsDescribe, parseScenario, type Scenario, type Simulation } from './index.ts'
import type { GroupAssigned, GroupRevoked } from './history/group-history.ts'
import type { ConsumerGroup } from './coordinator/consumer/consumer-group-types.ts'
import type { World } from './nodes/world.ts'

function load(id: string): Scenario {
  return parseScenario(JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')))
}

/** The rebalance-without-stopping scenario with only its KIP-848 group, changed by `edit`. */
function kip848Only(edit: (json: Record<string, unknown> & { consumers: Record<string, unknown>[]; timeline: Record<string, unknown>[] }) => void = () => {}): Scenario {
  const json = JSON.parse(readFileSync(new URL('../scenarios/rebalance-without-stopping.json', import.meta.url), 'utf8'))
  json.consumers = json.consumers.filter((c: { groupId: string }) => c.groupId === 'kip848')
  json.timeline = []
  json.expect = {}
  edit(json)
  return parseScenario(json)
}

function run(s: Scenario, untilMs = s.durationMs): Simulation {
  const sim = createSimulation(s, { seed: s.seed })
  sim.runUntil(untilMs)
  return sim
}

/** Times at which a member's poll() handed out records of `tp`. */
function pollTimes(w: World, member: string, tp: string): number[] {
  const log = w.history.reads[`${member}|${tp}`]
  if (!log) return []
  const out: number[] = []
  for (let i = 0; i < log.n; i++) out.push(getInt(log.atMs, i))
  return out
}

/** The longest time in [fromMs, toMs] a member handed out no record of any of `tps`. */
function longestSilence(w: World, member: string, tps: readonly string[], fromMs: number, toMs: number): number {
  const times = tps.flatMap((tp) => pollTimes(w, member, tp)).filter((t) => t >= fromMs && t <= toMs).sort((a, b) => a - b)
  let longest = 0
  let last = fromMs
  for (const t of [...times, toMs]) {
    longest = Math.max(longest, t - last)
    last = t
  }
  return longest
}

function consumerGroup(sim: Simulation, groupId: string): ConsumerGroup {
  const broker = sim.summary().groups.find((g) => g.groupId === groupId)!.coordinator
  const g = sim.world.brokers[String(broker)].coordinator.consumerGroups[groupId]
  if (!g) throw new Error(`broker ${broker} does not hold consumer group ${groupId}`)
  return g
}

function notes(w: World, pattern: RegExp): { atMs: number; text: string }[] {
  return w.notes.map((n) => ({ atMs: n.atMs, kind: eventKind(n), text: formatEvent(n, 'en') })).filter((n) => pattern.test(n.text))
}

const assigned = (w: World, groupId: string): GroupAssigned[] => w.history.groups.filter((e): e is GroupAssigned => e.kind === 'assigned' && e.groupId === groupId)
const revoked = (w: World, groupId: string): GroupRevoked[] => w.history.groups.filter((e): e is GroupRevoked => e.kind === 'revoked' && e.groupId === groupId)

describe('rebalancing without stopping (scenarios/rebalance-without-stopping.json)', () => {
  const s = load('rebalance-without-stopping')
  const sim = run(s)
  const w = sim.world
  const summary = sim.summary()

  test('every expectation of the scenario holds, the new checker included', () => {
    expect(summary.checks.lostAckedWrites).toBe(0)
    expect(summary.checks.partitionsOwnedTwice).toBe(0)
    expect(summary.checks.concurrentConsumers).toBe(0)
    expect(summary.checks.committedBackwards).toBe(0)
    const kip848 = summary.groups.find((g) => g.groupId === 'kip848')!
    expect(kip848).toMatchObject({ type: 'consumer', state: 'Stable', protocol: 'uniform' })
    // three joins and one fence: group epoch 4, and the target assignment was computed for it
    expect(kip848.groupEpoch).toBe(4)
    expect(kip848.assignmentEpoch).toBe(4)
    expect(summary.groups.find((g) => g.groupId === 'classic')).toMatchObject({ type: 'classic', state: 'Stable' })
  })

  test('when a third member joins, the members keep reading the partitions they keep; the eager group stops', () => {
    const join = 20000
    const before = (member: string) => assigned(w, 'kip848').filter((e) => e.member === member && e.atMs < join).at(-1)!.tps
    const after = (member: string) => assigned(w, 'kip848').filter((e) => e.member === member && e.atMs > join && e.atMs < 50000).at(-1)!.tps
    for (const member of ['kip848-1', 'kip848-2']) {
      const kept = before(member).filter((tp) => after(member).includes(tp))
      expect(kept.length).toBe(2)
      // never revoked: only the partition that moved was given up
      const gaveUp = revoked(w, 'kip848').filter((e) => e.member === member && e.atMs > join && e.atMs < 50000)
      expect(gaveUp.flatMap((e) => e.tps).filter((tp) => kept.includes(tp))).toEqual([])
      expect(gaveUp.flatMap((e) => e.tps)).toHaveLength(1)
      // 40 records/s over 6 partitions: a kept pair of partitions is read several times a second throughout
      expect(longestSilence(w, member, kept, join - 2000, join + 8000)).toBeLessThan(1000)
    }
    // EAGER: each classic member gave up all it owned and read nothing until the new generation's assignment
    for (const member of ['classic-1', 'classic-2']) {
      const gaveUp = revoked(w, 'classic').find((e) => e.member === member && e.atMs > join)!
      const owned = assigned(w, 'classic').filter((e) => e.member === member && e.atMs < join).at(-1)!.tps
      expect(gaveUp.tps).toEqual(owned)
      const next = assigned(w, 'classic').find((e) => e.member === member && e.atMs > gaveUp.atMs)!
      const all = Array.from({ length: 6 }, (_, i) => `orders-${i}`)
      expect(all.flatMap((tp) => pollTimes(w, member, tp)).filter((t) => t > gaveUp.atMs && t < next.atMs)).toEqual([])
    }
    // so every partition paused in the eager group, only the two that moved in the KIP-848 group
    const moved = (groupId: string) => new Set(revoked(w, groupId).filter((e) => e.atMs > join && e.atMs < 50000).flatMap((e) => e.tps)).size
    expect(moved('classic')).toBe(6)
    expect(moved('kip848')).toBe(2)
  })

  test('a partition moves only after its owner revoked it: revoked first, then added to the newcomer', () => {
    const gained = assigned(w, 'kip848').filter((e) => e.member === 'kip848-3' && e.atMs > 20000 && e.atMs < 50000)
    expect(gained).toHaveLength(1)
    for (const tp of gained[0].added) {
      const gaveUp = revoked(w, 'kip848').find((e) => e.tps.includes(tp) && e.atMs > 20000 && !e.lost)
      expect(gaveUp, tp).toBeDefined()
      expect(gaveUp!.atMs).toBeLessThan(gained[0].atMs)
    }
  })

  test('a crashed member is fenced after group.consumer.session.timeout.ms, and its partitions go to the others', () => {
    const fenced = notes(w, /^Group kip848: member kip848-1 removed \(session timeout: no heartbeat for (\d+) ms \(group\.consumer\.session\.timeout\.ms=45000\)\)$/)
    expect(fenced).toHaveLength(1)
    // its last heartbeat was at most one heartbeat interval (5 s) before the crash at 50 s
    expect(fenced[0].atMs).toBeGreaterThan(50000 + 45000 - 5000)
    expect(fenced[0].atMs).toBeLessThanOrEqual(50000 + 45000 + 1)
    const g = consumerGroup(sim, 'kip848')
    const owned = g.memberOrder.flatMap((id) => Object.values(g.members[id].assignedPartitions).flat())
    expect(owned.sort()).toEqual([0, 1, 2, 3, 4, 5])
    expect(g.memberOrder.map((id) => g.members[id].clientId).sort()).toEqual(['kip848-2', 'kip848-3'])
  })
})

describe('the coordinator side', () => {
  test('group.remote.assignor=range: contiguous ranges by member id, the last member joining takes the tail', () => {
    const sim = run(
      kip848Only((j) => {
        j.consumers[0].config = { 'auto.offset.reset': 'earliest', 'group.protocol': 'consumer', 'group.remote.assignor': 'range' }
        j.consumers[0].members = 3
      }),
      30000,
    )
    const g = consumerGroup(sim, 'kip848')
    expect(g.assignor).toBe('range')
    const byId = [...g.memberOrder].sort().map((id) => Object.values(g.members[id].assignedPartitions).flat())
    expect(byId).toEqual([[0, 1], [2, 3], [4, 5]])
  })

  test('a coordinator failover keeps the group: the new coordinator loads its epochs and members from __consumer_offsets', () => {
    const s = kip848Only()
    const probe = run(s, 15000)
    const coordinator = probe.summary().groups[0].coordinator
    const epochBefore = consumerGroup(probe, 'kip848').groupEpoch
    const sim = run(kip848Only((j) => (j.timeline = [{ atMs: 15000, action: 'crashBroker', broker: coordinator }])), 40000)
    const after = sim.summary().groups[0]
    expect(after.coordinator).not.toBe(coordinator)
    expect(after.state).toBe('Stable')
    expect(after.groupEpoch).toBe(epochBefore)
    expect(notes(sim.world, /^Broker \d+ is now the coordinator of group kip848/)).toHaveLength(1)
    expect(sim.summary().checks.ok).toBe(true)
  })

  test('a static member that comes back after its session expired joins again as a new member', () => {
    const sim = run(
      kip848Only((j) => {
        j.durationMs = 90_000
        j.consumers[0].staticMembership = true
        j.timeline = [{ atMs: 15000, action: 'restartConsumer', member: 'kip848-1', afterMs: 50_000 }]
      }),
      90_000,
    )
    expect(notes(sim.world, /^kip848-1 stops/)).toEqual([])
    const g = consumerGroup(sim, 'kip848')
    expect(g.memberOrder.map((id) => g.members[id].clientId).sort()).toEqual(['kip848-1', 'kip848-2'])
    expect(g.staticMembers['kip848-1']).toBeDefined()
    expect(Object.values(g.members[g.staticMembers['kip848-1']].assignedPartitions).flat()).toHaveLength(3)
  })

  test('a static member that crashed cannot come back before its session expires: UNRELEASED_INSTANCE_ID stops it', () => {
    const sim = run(
      kip848Only((j) => {
        j.consumers[0].staticMembership = true
        j.timeline = [{ atMs: 15000, action: 'restartConsumer', member: 'kip848-1', afterMs: 2000 }]
      }),
      30000,
    )
    expect(notes(sim.world, /^kip848-1 stops: UNRELEASED_INSTANCE_ID/)).toHaveLength(1)
  })
})

describe('the member side', () => {
  test('a poll that outlasts max.poll.interval.ms: the member leaves with epoch -1, loses its partitions and rejoins on its next poll', () => {
    const sim = run(
      kip848Only((j) => {
        j.consumers[0].members = 1
        j.consumers[0].processingMsPerRecord = 200
        j.consumers[0].config = { 'auto.offset.reset': 'earliest', 'group.protocol': 'consumer', 'max.poll.interval.ms': 10000, 'max.poll.records': 100 }
      }),
      60000,
    )
    const w = sim.world
    expect(notes(w, /^kip848-1 leaves group kip848: consumer poll timeout has expired/).length).toBeGreaterThan(0)
    expect(notes(w, /^Group kip848: member kip848-1 removed \(LeaveGroup: the consumer left the group/).length).toBeGreaterThan(0)
    const lost = revoked(w, 'kip848').filter((e) => e.lost)
    expect(lost.length).toBeGreaterThan(0)
    // it came back: assigned again after losing its partitions
    expect(assigned(w, 'kip848').some((e) => e.atMs > lost[0].atMs)).toBe(true)
  })
})

describe('kafka-consumer-groups --describe for a KIP-848 group, as Kafka 4.x prints it', () => {
  const sim = run(load('rebalance-without-stopping'), 21000)

  test('--members --verbose: each member\'s epoch and assignment beside its share of the target (mid-reconciliation)', () => {
    const out = kafkaConsumerGroupsDescribe(sim, 'kip848', { members: true, verbose: true })
    expect(out.stderr).toBe("\nWarning: Consumer group 'kip848' is rebalancing.\n")
    const lines = out.stdout.split('\n').filter((l) => l !== '')
    expect(lines[0].split(/\s+/).filter((x) => x !== '')).toEqual(['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS', 'CURRENT-EPOCH', 'CURRENT-ASSIGNMENT', 'TARGET-EPOCH', 'TARGET-ASSIGNMENT'])
    const row = (client: string) => lines.find((l) => l.includes(` ${client} `))!.trim().split(/\s+/).slice(3)
    // the newcomer is at the target epoch with nothing yet; the others still own three partitions and must give one up
    expect(row('kip848-3')).toEqual(['kip848-3', '0', '3', '-', '3', 'orders:2,5'])
    expect(row('kip848-2')).toEqual(['kip848-2', '3', '2', 'orders:0,1,2', '3', 'orders:0,1'])
  })

  test('--state --verbose: the group epoch and the target assignment epoch', () => {
    const out = kafkaConsumerGroupsDescribe(sim, 'kip848', { state: true, verbose: true })
    const row = out.stdout.split('\n').filter((l) => l !== '')[1].trim().split(/\s+/)
    expect(row).toEqual(['kip848', `broker-${sim.summary().groups.find((g) => g.groupId === 'kip848')!.coordinator}:9092`, `(${sim.summary().groups.find((g) => g.groupId === 'kip848')!.coordinator})`, 'uniform', 'Reconciling', '3', '3', '3'])
  })
})
