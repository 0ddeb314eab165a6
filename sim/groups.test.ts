/**
 * Consumer-group scenario tests (issue 3, "What must hold"): whole runs of the built-in group
 * scenarios through the public API, asserting Kafka's behaviour (kafka-semantics.md §2, §6) from what
 * the clients observed (history.reads, history.groups), what the coordinator holds
 * (world.brokers[id].coordinator.groups), the notes and the summary — with the values Kafka defines
 * (session.timeout.ms, the range assignment of the survivors, generations), not loose bounds.
 *
 * Every run is deterministic: a failure reproduces with
 * `npm run --silent sim -- run scenarios/<id>.json [--seed N]`.
 */
import { eventKind } from './kafka/events.ts'
import { formatEvent } from './trace/format-events.ts'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { getInt } from './history/int-column.ts'
import { assignPartitions, coordinatorPartitionFor, createSimulation, parseScenario, type Scenario, type Simulation, type Summary } from './index.ts'
import type { GroupAssigned, GroupCommitted, GroupHistoryEvent, GroupRevoked } from './history/group-history.ts'
import type { ClassicGroup } from './coordinator/group-types.ts'
import type { World } from './nodes/world.ts'

// ------------------------------------------------------------------------------------------- helpers

function load(id: string): Scenario {
  return parseScenario(JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')))
}

function start(s: Scenario, seed = s.seed): Simulation {
  return createSimulation(s, { seed })
}

function actionAt(s: Scenario, action: string): Scenario['timeline'][number] {
  const a = s.timeline.find((x) => x.action === action)
  if (!a) throw new Error(`scenario ${s.name} has no ${action}`)
  return a
}

const groupEvents = (w: World, groupId: string): GroupHistoryEvent[] => w.history.groups.filter((e) => e.groupId === groupId)
const assignedEvents = (w: World, groupId: string): GroupAssigned[] =>
  groupEvents(w, groupId).filter((e): e is GroupAssigned => e.kind === 'assigned')
const revokedEvents = (w: World, groupId: string): GroupRevoked[] =>
  groupEvents(w, groupId).filter((e): e is GroupRevoked => e.kind === 'revoked')
const commitEvents = (w: World, groupId: string): GroupCommitted[] =>
  groupEvents(w, groupId).filter((e): e is GroupCommitted => e.kind === 'committed')

interface Poll {
  atMs: number
  member: string
  tp: string
  from: number
  to: number
}

/** Every poll (records handed out by poll()) of the members of a group, in time order. */
function groupPolls(w: World, groupId: string): Poll[] {
  const out: Poll[] = []
  for (const key of Object.keys(w.history.reads).sort()) {
    const log = w.history.reads[key]
    if (w.members[log.reader]?.groupId !== groupId) continue
    for (let i = 0; i < log.n; i++) out.push({ atMs: getInt(log.atMs, i), member: log.reader, tp: log.tp, from: getInt(log.from, i), to: getInt(log.to, i) })
  }
  return out.sort((a, b) => a.atMs - b.atMs)
}

function groupNotes(w: World, groupId: string, text: RegExp, fromMs = 0, toMs = Infinity): { atMs: number; text: string }[] {
  return w.notes
    .map((n) => ({ atMs: n.atMs, kind: eventKind(n), text: formatEvent(n, 'en') }))
    .filter((n) => n.kind === 'group' && n.atMs >= fromMs && n.atMs <= toMs && n.text.startsWith(`Group ${groupId}:`) && text.test(n.text))
}

function groupSummary(sim: Simulation, groupId: string): Summary['groups'][number] {
  const g = sim.summary().groups.find((x) => x.groupId === groupId)
  if (!g) throw new Error(`no group ${groupId} in the summary`)
  return g
}

/** The group as its coordinator (the broker leading its __consumer_offsets partition) holds it. */
function coordinatorGroup(sim: Simulation, groupId: string): { broker: number; group: ClassicGroup } {
  const broker = groupSummary(sim, groupId).coordinator
  const group = sim.world.brokers[String(broker)]?.coordinator.groups[groupId]
  if (!group) throw new Error(`broker ${broker} does not hold group ${groupId}`)
  return { broker, group }
}

/** The leader of __consumer_offsets-<coordinatorPartitionFor(groupId)> in the summary's partitions. */
function offsetsLeader(sim: Simulation, groupId: string): { partition: number; leader: number } {
  const partition = coordinatorPartitionFor(groupId, sim.world.brokerConfig['offsets.topic.num.partitions'])
  const p = sim.summary().partitions.find((x) => x.topic === '__consumer_offsets' && x.partition === partition)
  if (!p) throw new Error(`no __consumer_offsets-${partition} in the summary`)
  return { partition, leader: p.leader }
}

/** Range's assignment for members (member id -> client id) subscribed to `topics`, keyed by client id. */
function expectedRange(memberClients: Record<string, string>, topics: Record<string, number>): Record<string, string[]> {
  const members: Record<string, string[]> = {}
  for (const id of Object.keys(memberClients)) members[id] = Object.keys(topics)
  const byMember = assignPartitions('range', { topics, members })
  const out: Record<string, string[]> = {}
  for (const id of Object.keys(byMember).sort((a, b) => (memberClients[a] < memberClients[b] ? -1 : 1))) out[memberClients[id]] = byMember[id]
  return out
}

const partitionsOf = (topic: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${topic}-${i}`)

/** Does the union of [from, to) ranges cover [0, end)? */
function covers(ranges: readonly { from: number; to: number }[], end: number): boolean {
  let covered = 0
  for (const r of [...ranges].sort((a, b) => a.from - b.from)) {
    if (r.from > covered) break
    covered = Math.max(covered, r.to)
  }
  return covered >= end
}

// ------------------------------------------------------ a. a crash waits for the session timeout

describe('a crashed member keeps its partitions until session.timeout.ms, then one rebalance (consumer-crash-session-timeout)', () => {
  const s = load('consumer-crash-session-timeout')
  const crash = actionAt(s, 'crashConsumer') as Extract<Scenario['timeline'][number], { action: 'crashConsumer' }>
  const groupId = s.consumers[0].groupId

  test.each([42, 1, 2])('seed %i', (seed) => {
    const sim = start(s, seed)
    sim.runUntil(crash.atMs)
    const w = sim.world
    const sessionMs = w.members[crash.member].cfg['session.timeout.ms']
    const heartbeatMs = w.members[crash.member].cfg['heartbeat.interval.ms']
    expect(sessionMs).toBe(10000)
    const before = groupSummary(sim, groupId)
    expect(before.state).toBe('Stable')
    const owned = before.members[crash.member]
    expect(owned.length).toBeGreaterThan(0)
    // the coordinator's last heartbeat from the crashed member
    const { group } = coordinatorGroup(sim, groupId)
    const crashed = Object.values(group.members).find((m) => m.clientId === crash.member)!
    const lastHeartbeat = crashed.lastHeartbeatMs
    expect(lastHeartbeat).toBeGreaterThan(crash.atMs - heartbeatMs - 100)

    // until crash + session - heartbeat (the earliest the session can run out), nothing happens:
    // no rebalance, the dead member still owns its partitions, and nobody else reads them
    const quietUntil = crash.atMs + sessionMs - heartbeatMs
    sim.runUntil(quietUntil)
    expect(groupNotes(w, groupId, /→ PreparingRebalance|removed/, crash.atMs)).toEqual([])
    const during = groupSummary(sim, groupId)
    expect(during.generation).toBe(before.generation)
    expect(during.members[crash.member]).toEqual(owned)
    expect(groupPolls(w, groupId).filter((p) => p.atMs > crash.atMs && owned.includes(p.tp))).toEqual([])

    sim.runUntil(s.durationMs)
    // removed when the session runs out: lastHeartbeat + session.timeout.ms
    const removed = groupNotes(w, groupId, new RegExp(`member ${crash.member} removed \\(session timeout`), crash.atMs)
    expect(removed).toHaveLength(1)
    expect(Math.abs(removed[0].atMs - (lastHeartbeat + sessionMs))).toBeLessThanOrEqual(5)
    expect(groupPolls(w, groupId).filter((p) => p.atMs > crash.atMs && p.atMs < removed[0].atMs && owned.includes(p.tp))).toEqual([])

    // then exactly one rebalance: one more generation, one PreparingRebalance
    expect(groupNotes(w, groupId, /→ PreparingRebalance/, crash.atMs)).toHaveLength(1)
    expect(groupNotes(w, groupId, /→ PreparingRebalance/, crash.atMs)[0].atMs).toBe(removed[0].atMs)
    const after = groupSummary(sim, groupId)
    expect(after.state).toBe('Stable')
    expect(after.generation).toBe(before.generation + 1)

    // ... giving the survivors exactly range's assignment (members ordered by member id)
    const survivors: Record<string, string> = {}
    for (const m of Object.values(coordinatorGroup(sim, groupId).group.members)) survivors[m.memberId] = m.clientId
    expect(Object.values(survivors).sort()).toEqual(Object.keys(before.members).filter((c) => c !== crash.member).sort())
    const expected = expectedRange(survivors, { orders: 6 })
    expect(after.members).toEqual(expected)
    // the survivors received it in the new generation (SyncGroup)
    const got = assignedEvents(w, groupId).filter((e) => e.generation === after.generation)
    expect(Object.fromEntries(got.map((e) => [e.member, e.tps]))).toEqual(expected)
    expect(sim.summary().checks.ok).toBe(true)
  })
})

// ----------------------------------------------------------- b. eager rebalances stop the group

/**
 * The eager window of the rebalance that produced `generation`: every member revoked everything
 * (onJoinPrepare) before its JoinGroup, and the join completes only once every member has joined, so
 * from the last revocation until the first SyncGroup answer nobody in the group owns a partition.
 */
function eagerWindow(w: World, groupId: string, generation: number) {
  const assigned = assignedEvents(w, groupId).filter((e) => e.generation === generation)
  const firstAssigned = Math.min(...assigned.map((e) => e.atMs))
  const revoked = revokedEvents(w, groupId).filter((e) => e.generation === generation - 1 && e.atMs <= firstAssigned && !e.lost)
  return { assigned, revoked, firstRevoked: Math.min(...revoked.map((e) => e.atMs)), lastRevoked: Math.max(...revoked.map((e) => e.atMs)), firstAssigned }
}

describe('eager rebalances: a window where no member of the group reads', () => {
  test.each([
    ['consumer-crash-session-timeout', 'billing', 2],
    ['eager-vs-cooperative', 'eager', 2],
  ] as const)('%s (group %s, generation %i)', (id, groupId, generation) => {
    const s = load(id)
    const sim = start(s)
    sim.runUntil(s.durationMs)
    const w = sim.world
    expect(groupSummary(sim, groupId).protocol).toBe('range')
    const win = eagerWindow(w, groupId, generation)
    // EAGER: each member that took part revoked its whole previous assignment
    const previous = assignedEvents(w, groupId).filter((e) => e.generation === generation - 1)
    for (const r of win.revoked) expect(r.tps).toEqual(previous.find((e) => e.member === r.member)!.tps)
    expect(win.revoked.length).toBeGreaterThanOrEqual(2)
    expect(win.firstAssigned - win.lastRevoked).toBeGreaterThan(0)
    const polls = groupPolls(w, groupId)
    // nobody reads between the last revocation and the new assignment ...
    expect(polls.filter((p) => p.atMs > win.lastRevoked && p.atMs < win.firstAssigned)).toEqual([])
    // ... and here not from the first revocation either. (Kafka promises only the window above: a
    // member that has not heard of the rebalance yet keeps reading its own partitions. These members
    // joined together, so they heartbeat in step and stop within a few ms of each other.)
    expect(polls.filter((p) => p.atMs >= win.firstRevoked && p.atMs < win.firstAssigned)).toEqual([])
    // each member is idle from its own revocation until its own new assignment
    for (const r of win.revoked) {
      const a = win.assigned.find((e) => e.member === r.member)!
      expect(polls.filter((p) => p.member === r.member && p.atMs >= r.atMs && p.atMs < a.atMs)).toEqual([])
    }
    // and the group reads again afterwards
    expect(polls.some((p) => p.atMs > win.firstAssigned)).toBe(true)
  })
})

// -------------------------------------------------- c. cooperative-sticky moves only what changes

describe('cooperative-sticky moves only the partitions that change owner (eager-vs-cooperative)', () => {
  const s = load('eager-vs-cooperative')
  const addAt = actionAt(s, 'addConsumer').atMs
  const sim = start(s)
  sim.runUntil(s.durationMs)
  const w = sim.world

  test('coop: members keep reading what they keep; only moved partitions are revoked; a second rebalance hands them over', () => {
    const before = assignedEvents(w, 'coop').filter((e) => e.atMs < addAt)
    const g0 = Math.max(...before.map((e) => e.generation))
    const after = groupSummary(sim, 'coop')
    expect(after.protocol).toBe('cooperative-sticky')
    // two rebalances: the one the new member starts, and the follow-up that hands over the revoked
    expect(after.generation).toBe(g0 + 2)
    const ownerBefore: Record<string, string> = {}
    for (const e of before.filter((x) => x.generation === g0)) for (const tp of e.tps) ownerBefore[tp] = e.member
    const ownerAfter: Record<string, string> = {}
    for (const [member, tps] of Object.entries(after.members)) for (const tp of tps) ownerAfter[tp] = member
    const all = partitionsOf('orders', 6)
    expect(Object.keys(ownerAfter).sort()).toEqual([...all].sort())
    const moved = all.filter((tp) => ownerBefore[tp] !== ownerAfter[tp])
    const kept = all.filter((tp) => ownerBefore[tp] === ownerAfter[tp])
    expect(moved.length).toBeGreaterThan(0)
    expect(kept.length).toBeGreaterThan(0)

    // only the moved partitions are revoked, by their old owner, in the first rebalance
    const revoked = revokedEvents(w, 'coop').filter((e) => e.atMs >= addAt)
    expect(revoked.flatMap((e) => e.tps).sort()).toEqual([...moved].sort())
    for (const e of revoked) {
      expect(e.lost).toBe(false)
      for (const tp of e.tps) expect(e.member).toBe(ownerBefore[tp])
    }
    // generation g0+1 leaves them unassigned; g0+2 gives them to their new owner
    const g1 = assignedEvents(w, 'coop').filter((e) => e.generation === g0 + 1)
    expect(g1.flatMap((e) => e.tps).filter((tp) => moved.includes(tp))).toEqual([])
    const g2 = assignedEvents(w, 'coop').filter((e) => e.generation === g0 + 2)
    for (const tp of moved) expect(g2.find((e) => e.added.includes(tp))?.member).toBe(ownerAfter[tp])
    // nobody gets a kept partition "added": it never left its owner
    for (const e of [...g1, ...g2]) for (const tp of kept) expect(e.added).not.toContain(tp)

    // the kept partitions are read by their owner throughout: during the rebalances too
    const rebalanceStart = groupNotes(w, 'coop', /Stable → PreparingRebalance/, addAt)[0].atMs
    const rebalanceEnd = Math.max(...g2.map((e) => e.atMs))
    const polls = groupPolls(w, 'coop')
    for (const tp of kept) {
      const during = polls.filter((p) => p.tp === tp && p.atMs > rebalanceStart && p.atMs < rebalanceEnd)
      expect(during.length, `${tp} read during the cooperative rebalance`).toBeGreaterThan(0)
      expect(new Set(during.map((p) => p.member))).toEqual(new Set([ownerBefore[tp]]))
    }
    expect(sim.summary().checks.ok).toBe(true)
  })

  test('eager: every member revokes everything, in one rebalance', () => {
    const before = assignedEvents(w, 'eager').filter((e) => e.atMs < addAt)
    const g0 = Math.max(...before.map((e) => e.generation))
    expect(groupSummary(sim, 'eager').generation).toBe(g0 + 1)
    const revoked = revokedEvents(w, 'eager').filter((e) => e.atMs >= addAt)
    expect(revoked.flatMap((e) => e.tps).sort()).toEqual(partitionsOf('orders', 6).sort())
    for (const e of before.filter((x) => x.generation === g0)) expect(revoked.find((r) => r.member === e.member)?.tps).toEqual(e.tps)
    // every partition of the new generation is "added": nobody kept anything
    for (const e of assignedEvents(w, 'eager').filter((x) => x.generation === g0 + 1)) expect(e.added).toEqual(e.tps)
  })
})

// ---------------------------------------------------- d. static membership: no rebalance on restart

describe('a static member restart keeps the generation (static-member-restart)', () => {
  test('no rebalance, the same generation and the same assignment, a new member id', () => {
    const s = load('static-member-restart')
    const restart = actionAt(s, 'restartConsumer') as Extract<Scenario['timeline'][number], { action: 'restartConsumer' }>
    const sim = start(s)
    sim.runUntil(restart.atMs - 1)
    const before = groupSummary(sim, 'billing')
    const memberIdBefore = sim.world.members[restart.member].memberId
    expect(before.state).toBe('Stable')
    sim.runUntil(s.durationMs)
    const w = sim.world
    const after = groupSummary(sim, 'billing')
    expect(groupNotes(w, 'billing', /PreparingRebalance/, restart.atMs)).toEqual([])
    expect(after.generation).toBe(before.generation)
    expect(after.members).toEqual(before.members)
    expect(after.members[restart.member].length).toBeGreaterThan(0)
    // the restarted process got a new member id and its old partitions back, in the same generation
    expect(w.members[restart.member].memberId).not.toBe(memberIdBefore)
    const back = assignedEvents(w, 'billing').filter((e) => e.member === restart.member && e.atMs > restart.atMs)
    expect(back).toHaveLength(1)
    expect(back[0].generation).toBe(before.generation)
    expect(back[0].tps).toEqual(before.members[restart.member])
    expect(groupNotes(w, 'billing', /static member .* is back with a new member id; no rebalance/, restart.atMs)).toHaveLength(1)
    // the other members never gave anything up
    expect(revokedEvents(w, 'billing').filter((e) => e.atMs > restart.atMs)).toEqual([])
  })
})

describe('a static leader restart keeps the generation too (KIP-814 skipAssignment)', () => {
  test('the restarted member is the group leader: no rebalance, it syncs without assigning, same generation', () => {
    const base = load('static-member-restart')
    const restart = actionAt(base, 'restartConsumer') as Extract<Scenario['timeline'][number], { action: 'restartConsumer' }>
    // a fourth member joins at 8 s: a second generation, so every member's stored subscription now
    // carries the generation it owned its partitions in — the restarted leader's new subscription
    // (nothing owned, generation -1) differs from it, while the group's selected protocol does not
    const grow: Scenario = { ...base, timeline: [{ atMs: 8000, action: 'addConsumer', groupId: 'billing' }] }
    const probe = start(grow)
    probe.runUntil(restart.atMs - 1)
    const { group: g0 } = coordinatorGroup(probe, 'billing')
    expect(g0.generation).toBeGreaterThanOrEqual(2)
    const leaderClient = g0.members[g0.leaderId!].clientId
    expect(g0.members[g0.leaderId!].protocols[0].metadata.generation).toBeGreaterThanOrEqual(1)
    const s: Scenario = { ...grow, timeline: [...grow.timeline, { ...restart, member: leaderClient }] }
    const sim = start(s)
    sim.runUntil(restart.atMs - 1)
    const before = groupSummary(sim, 'billing')
    const leaderIdBefore = coordinatorGroup(sim, 'billing').group.leaderId
    expect(before.state).toBe('Stable')
    expect(sim.world.members[leaderClient].memberId).toBe(leaderIdBefore)
    sim.runUntil(s.durationMs)
    const w = sim.world
    const after = groupSummary(sim, 'billing')
    expect(groupNotes(w, 'billing', /PreparingRebalance/, restart.atMs)).toEqual([])
    expect(after.state).toBe('Stable')
    expect(after.generation).toBe(before.generation)
    expect(after.members).toEqual(before.members)
    // still the leader, under its new member id
    const { group } = coordinatorGroup(sim, 'billing')
    expect(w.members[leaderClient].memberId).not.toBe(leaderIdBefore)
    expect(group.leaderId).toBe(w.members[leaderClient].memberId)
    const back = assignedEvents(w, 'billing').filter((e) => e.member === leaderClient && e.atMs > restart.atMs)
    expect(back).toHaveLength(1)
    expect(back[0].generation).toBe(before.generation)
    expect(back[0].tps).toEqual(before.members[leaderClient])
    expect(groupNotes(w, 'billing', /static member .* is back with a new member id; no rebalance/, restart.atMs)).toHaveLength(1)
    expect(revokedEvents(w, 'billing').filter((e) => e.atMs > restart.atMs)).toEqual([])
  })
})

// ------------------------------------------------ e. the coordinator is the offsets partition's leader

describe("the coordinator is __consumer_offsets-<partitionFor(group)>'s leader and moves with it (coordinator-failover)", () => {
  test('before and after the crash; committed offsets survive the failover and never decrease', () => {
    const s = load('coordinator-failover')
    const crashAt = actionAt(s, 'crashBroker').atMs
    const sim = start(s)
    const w = sim.world
    sim.runUntil(crashAt - 1)
    const { partition, leader: oldLeader } = offsetsLeader(sim, 'billing')
    expect(partition).toBe(coordinatorPartitionFor('billing', 50))
    expect(groupSummary(sim, 'billing').coordinator).toBe(oldLeader)
    expect(w.brokers[String(oldLeader)].replicas[`__consumer_offsets-${partition}`].role).toBe('leader')
    expect(coordinatorGroup(sim, 'billing').group.state).toBe('Stable')
    for (const id of w.memberIds) expect(w.members[id].coordinator).toBe(oldLeader)
    const generation = groupSummary(sim, 'billing').generation
    // what the coordinator acknowledged before the crash
    const acked: Record<string, number> = {}
    for (const e of commitEvents(w, 'billing')) for (const [tp, o] of Object.entries(e.offsets)) acked[tp] = Math.max(acked[tp] ?? 0, o)
    expect(Object.keys(acked).length).toBe(6)

    // committed offsets, sampled every 250 ms through the failover, never decrease
    const last: Record<string, number> = {}
    const check = () => {
      for (const [tp, o] of Object.entries(groupSummary(sim, 'billing').committed)) {
        expect(o, `${tp} at ${sim.nowMs} ms`).toBeGreaterThanOrEqual(last[tp] ?? 0)
        last[tp] = o
      }
    }
    sim.runUntil(crashAt)
    expect(sim.summary().brokers.find((b) => b.id === oldLeader)?.state).toBe('crashed')
    let loadedAt = -1
    for (let t = crashAt; t <= s.durationMs; t += 250) {
      sim.runUntil(t)
      check()
      const { leader } = offsetsLeader(sim, 'billing')
      if (loadedAt < 0 && leader >= 0 && leader !== oldLeader && w.brokers[String(leader)].coordinator.groups['billing']) {
        loadedAt = t
        // the new leader loaded the group and every acknowledged commit from the partition
        const g = w.brokers[String(leader)].coordinator.groups['billing']
        for (const [tp, o] of Object.entries(acked)) expect(g.committed[tp], tp).toBeGreaterThanOrEqual(o)
      }
    }
    expect(loadedAt).toBeGreaterThan(crashAt)

    // after: the summary's coordinator is the partition's new leader, which serves the group
    const { leader: newLeader } = offsetsLeader(sim, 'billing')
    expect(newLeader).not.toBe(oldLeader)
    expect(newLeader).toBeGreaterThan(0)
    const after = groupSummary(sim, 'billing')
    expect(after.coordinator).toBe(newLeader)
    expect(after.state).toBe('Stable')
    expect(after.generation).toBe(generation)
    expect(coordinatorGroup(sim, 'billing').broker).toBe(newLeader)
    expect(w.brokers[String(newLeader)].replicas[`__consumer_offsets-${partition}`].role).toBe('leader')
    for (const id of w.memberIds) expect(w.members[id].coordinator).toBe(newLeader)
    const loads = w.notes.filter((n) => eventKind(n) === 'group' && formatEvent(n, 'en').startsWith(`Broker ${newLeader} is now the coordinator of group billing (loaded from __consumer_offsets-${partition})`))
    expect(loads).toHaveLength(1)
    expect(loads[0]).toMatchObject({ type: 'CoordinatorLoaded', broker: newLeader, groupId: 'billing', tp: `__consumer_offsets-${partition}` })
    expect(loads[0].atMs).toBeGreaterThan(crashAt)
    // the members carry on committing to it, above what was committed before the crash
    const later = commitEvents(w, 'billing').filter((e) => e.atMs > loadedAt)
    expect(later.length).toBeGreaterThan(0)
    for (const [tp, o] of Object.entries(after.committed)) expect(o).toBeGreaterThan(acked[tp])
    expect(sim.summary().checks.ok).toBe(true)
  })
})

// ------------------------------------------------- f. after a crash, resume from the last commit

describe('after a crash its partitions resume from the last committed offset (consumer-crash-session-timeout)', () => {
  test.each([42, 1])('seed %i', (seed) => {
    const s = load('consumer-crash-session-timeout')
    const crash = actionAt(s, 'crashConsumer') as Extract<Scenario['timeline'][number], { action: 'crashConsumer' }>
    const sim = start(s, seed)
    sim.runUntil(s.durationMs)
    const w = sim.world
    const generation = groupSummary(sim, 'billing').generation
    const lost = assignedEvents(w, 'billing').filter((e) => e.member === crash.member && e.atMs < crash.atMs).at(-1)!.tps
    expect(lost.length).toBeGreaterThan(0)
    const newAssignment = assignedEvents(w, 'billing').filter((e) => e.generation === generation)
    const polls = groupPolls(w, 'billing')
    for (const tp of lost) {
      const owner = newAssignment.find((e) => e.tps.includes(tp))!
      expect(owner.member).not.toBe(crash.member)
      const first = polls.find((p) => p.tp === tp && p.member === owner.member && p.atMs > owner.atMs)!
      expect(first, `${tp}: a first poll by ${owner.member}`).toBeDefined()
      // the last offset the group committed for it, before that first poll
      const commits = commitEvents(w, 'billing').filter((e) => e.atMs <= first.atMs && e.offsets[tp] !== undefined)
      const lastCommitted = commits.at(-1)!.offsets[tp]
      expect(commits.at(-1)!.member).toBe(crash.member)
      expect(first.from).toBe(lastCommitted)
      // the crashed member had read past it: those records are read again (at-least-once)
      const readByCrashed = polls.filter((p) => p.tp === tp && p.member === crash.member).at(-1)!
      expect(readByCrashed.to).toBeGreaterThan(lastCommitted)
      // and its position was set on purpose (the committed offset fetched after the assignment)
      const resets = w.history.reads[`${owner.member}|${tp}`].resets
      expect(resets.slice(-2)).toEqual([expect.any(Number), lastCommitted])
    }
    const checks = sim.summary().checks
    expect(checks.redeliveries).toBeGreaterThan(0)
    expect(checks.ok).toBe(true)
    expect(checks.skippedRecords).toBe(0)
    expect(checks.concurrentConsumers).toBe(0)
  })
})

// ------------------------------------------------------------------------------- g. the others

describe('two groups on one topic are independent (two-groups-one-topic)', () => {
  test('each group reads every record of every partition', () => {
    const s = load('two-groups-one-topic')
    const sim = start(s)
    const checkAt = s.durationMs - 10000
    sim.runUntil(checkAt)
    const hw: Record<string, number> = {}
    for (const p of sim.summary().partitions.filter((x) => x.topic === 'orders')) hw[`orders-${p.partition}`] = p.highWatermark
    sim.runUntil(s.durationMs)
    const w = sim.world
    const groups = sim.summary().groups
    expect(groups.map((g) => g.groupId).sort()).toEqual(['archive', 'search-index'])
    for (const g of groups) {
      expect(g.state).toBe('Stable')
      // one owner per partition within each group; every partition has one
      const owned = Object.values(g.members).flat().sort()
      expect(owned).toEqual(partitionsOf('orders', 6).sort())
      const polls = groupPolls(w, g.groupId)
      for (const tp of Object.keys(hw)) {
        expect(hw[tp]).toBeGreaterThan(0)
        expect(covers(polls.filter((p) => p.tp === tp), hw[tp]), `${g.groupId} read ${tp} [0, ${hw[tp]})`).toBe(true)
      }
    }
    expect(Object.keys(groups.find((g) => g.groupId === 'archive')!.members)).toEqual(['archive-1'])
    expect(Object.keys(groups.find((g) => g.groupId === 'search-index')!.members)).toHaveLength(3)
    expect(sim.summary().checks.ok).toBe(true)
  })
})

describe('more members than partitions leaves members idle (more-members-than-partitions)', () => {
  test('2 of 5 members get [], then 1 of 4 after a crash', () => {
    const s = load('more-members-than-partitions')
    const crashAt = actionAt(s, 'crashConsumer').atMs
    const sim = start(s)
    sim.runUntil(crashAt - 1)
    const before = groupSummary(sim, 'billing')
    expect(Object.keys(before.members)).toHaveLength(5)
    expect(Object.values(before.members).filter((tps) => tps.length === 0)).toHaveLength(2)
    expect(Object.values(before.members).flat().sort()).toEqual(partitionsOf('orders', 3))
    const idle = Object.keys(before.members).filter((m) => before.members[m].length === 0)
    // idle members read nothing, but stay in the group
    expect(groupPolls(sim.world, 'billing').filter((p) => idle.includes(p.member))).toEqual([])
    sim.runUntil(s.durationMs)
    const after = groupSummary(sim, 'billing')
    expect(Object.keys(after.members)).toHaveLength(4)
    expect(Object.values(after.members).filter((tps) => tps.length === 0)).toHaveLength(1)
    expect(Object.values(after.members).flat().sort()).toEqual(partitionsOf('orders', 3))
    const survivors: Record<string, string> = {}
    for (const m of Object.values(coordinatorGroup(sim, 'billing').group.members)) survivors[m.memberId] = m.clientId
    expect(after.members).toEqual(expectedRange(survivors, { orders: 3 }))
  })
})

describe('adding partitions rebalances the group (add-partitions-rebalance)', () => {
  test('each member ends with 2 partitions, in generation 2', () => {
    const s = load('add-partitions-rebalance')
    const sim = start(s)
    sim.runUntil(s.durationMs)
    const g = groupSummary(sim, 'billing')
    expect(g.state).toBe('Stable')
    expect(g.generation).toBe(2)
    expect(Object.keys(g.members)).toHaveLength(3)
    for (const tps of Object.values(g.members)) expect(tps).toHaveLength(2)
    expect(Object.values(g.members).flat().sort()).toEqual(partitionsOf('orders', 6).sort())
    const members: Record<string, string> = {}
    for (const m of Object.values(coordinatorGroup(sim, 'billing').group.members)) members[m.memberId] = m.clientId
    expect(g.members).toEqual(expectedRange(members, { orders: 6 }))
  })
})

describe('resetOffsets to an explicit offset is clamped to the partition (kafka-consumer-groups --to-offset)', () => {
  test('999999 becomes the log end offset of each partition; the new members go on from there', () => {
    const base = load('replay-by-reset-offsets')
    const s: Scenario = {
      ...base,
      timeline: base.timeline.map((a) => (a.action === 'resetOffsets' ? { ...a, to: 999999 } : a)),
    }
    const resetAt = actionAt(s, 'resetOffsets').atMs
    const sim = start(s)
    sim.runUntil(resetAt)
    const w = sim.world
    const note = groupNotes(w, 'analytics', /offsets reset to /)
    expect(note).toHaveLength(1)
    const reset: Record<string, number> = {}
    for (const [, tp, o] of note[0].text.matchAll(/(orders-\d)=(\d+)/g)) reset[tp] = Number(o)
    expect(Object.keys(reset).sort()).toEqual(partitionsOf('orders', 4))
    const leaderOf = (tp: string) => {
      const p = sim.summary().partitions.find((x) => `${x.topic}-${x.partition}` === tp)!
      return w.brokers[String(p.leader)].replicas[tp]
    }
    for (const tp of partitionsOf('orders', 4)) {
      expect(reset[tp], tp).toBeGreaterThan(0)
      expect(reset[tp], tp).toBeLessThanOrEqual(leaderOf(tp).hw)
      expect(reset[tp], tp).toBeGreaterThanOrEqual(leaderOf(tp).logStartOffset)
    }
    expect(groupNotes(w, 'analytics', /New offset \(999999\) is higher than latest offset for topic partition orders-\d\. Value will be set to \d+$/)).toHaveLength(4)
    sim.runUntil(s.durationMs)
    const polls = groupPolls(w, 'analytics').filter((p) => p.atMs > resetAt)
    for (const tp of partitionsOf('orders', 4)) {
      const first = polls.find((p) => p.tp === tp)!
      expect(first, tp).toBeDefined()
      // no OFFSET_OUT_OF_RANGE and auto.offset.reset=earliest: they go on where the reset put them
      expect(first.from, tp).toBe(reset[tp])
    }
    expect(groupSummary(sim, 'analytics').committed['orders-0']).toBeLessThanOrEqual(leaderOf('orders-0').hw)
  })
})

describe('replaying by resetting offsets (replay-by-reset-offsets)', () => {
  test('after the reset the new members start every partition at offset 0 again', () => {
    const s = load('replay-by-reset-offsets')
    const resetAt = actionAt(s, 'resetOffsets').atMs
    const sim = start(s)
    sim.runUntil(resetAt - 1)
    const committedBefore = groupSummary(sim, 'analytics').committed
    expect(Object.values(committedBefore).every((o) => o > 0)).toBe(true)
    sim.runUntil(s.durationMs)
    const w = sim.world
    expect(groupNotes(w, 'analytics', /offsets reset to orders-0=0, orders-1=0, orders-2=0, orders-3=0/)).toHaveLength(1)
    const newMembers = w.memberIds.filter((id) => w.members[id].groupId === 'analytics' && !['analytics-1', 'analytics-2'].includes(id))
    expect(newMembers).toHaveLength(2)
    const polls = groupPolls(w, 'analytics').filter((p) => p.atMs > resetAt)
    for (const tp of partitionsOf('orders', 4)) {
      const first = polls.find((p) => p.tp === tp)!
      expect(first, tp).toBeDefined()
      expect(newMembers).toContain(first.member)
      expect(first.from).toBe(0)
    }
    expect(groupSummary(sim, 'analytics').state).toBe('Stable')
    expect(sim.summary().checks.ok).toBe(true)
  })
})
