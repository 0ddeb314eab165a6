/**
 * Moving a partition (reassignPartitions, as `kafka-reassign-partitions --execute`): the controller
 * adds the new replicas beside the old ones (ReplicationControlManager.changePartitionReassignment),
 * they catch up and join the ISR, then the move completes in the same change that lets them in
 * (PartitionChangeBuilder.completeReassignmentIfNeeded): the removed replicas leave the replica set
 * and the ISR, and delete their logs; leadership moves when the leader was one of them.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario, kafkaReassignPartitionsVerify, kafkaTopicsDescribe, ScenarioError, type Simulation, type TimelineAction } from './index.ts'
import { activeController } from './controller/quorum-controller.ts'
import { maybeCompleteReassignment, reassignmentTarget, revertTarget } from './controller/partition-change.ts'
import type { PartitionState } from './controller/metadata.ts'
import { verifyReassignment } from './trace/kafka-tools.ts'

function withTimeline(timeline: TimelineAction[]) {
  const raw = JSON.parse(readFileSync(new URL('../scenarios/leader-failover.json', import.meta.url), 'utf8'))
  raw.timeline = timeline
  delete raw.expect
  return parseScenario(raw)
}

function partition(sim: Simulation, p: number): PartitionState {
  return activeController(sim.world)!.image.topics.orders.partitions[p]
}

/** Every ISR orders-<p> had from `fromMs` on (the committed PartitionChange records). */
function isrsSince(sim: Simulation, p: number, fromMs: number): number[][] {
  return sim.world.history.leaderChanges.filter((c) => c.tp === `orders-${p}` && c.atMs >= fromMs).map((c) => c.isr)
}

describe('PartitionReassignmentReplicas', () => {
  const p = (replicas: number[], isr: number[]): PartitionState => ({ topic: 't', partition: 0, replicas, isr, leader: replicas[0], leaderEpoch: 0, partitionEpoch: 0, addingReplicas: [], removingReplicas: [], elr: [], lastKnownElr: [] })

  test('adds the new replicas after the target, keeps the leaving ones until the new are in the ISR', () => {
    const t = reassignmentTarget(p([1, 2, 3], [1, 2, 3]), [4, 2, 3])
    expect(t).toEqual({ isr: [1, 2, 3], replicas: [4, 2, 3, 1], adding: [4], removing: [1] })
    expect(maybeCompleteReassignment(t)).toBeNull()
    expect(maybeCompleteReassignment({ ...t, isr: [1, 2, 3, 4] })).toEqual({ isr: [2, 3, 4], replicas: [4, 2, 3], adding: [], removing: [] })
  })

  test('a reordering completes at once; a move whose ISR would be only leaving replicas waits', () => {
    const reorder = reassignmentTarget(p([1, 2, 3], [1, 2, 3]), [3, 1, 2])
    expect(maybeCompleteReassignment(reorder)).toBeNull() // nothing is moving: no reassignment to complete
    expect(reorder).toEqual({ isr: [1, 2, 3], replicas: [3, 1, 2], adding: [], removing: [] })
    const away = reassignmentTarget(p([1, 2], [1]), [2])
    expect(maybeCompleteReassignment(away)).toBeNull() // the ISR without 1 is empty
    expect(maybeCompleteReassignment({ ...away, isr: [1, 2] })).toEqual({ isr: [2], replicas: [2], adding: [], removing: [] })
  })
})

describe('reassignPartitions', () => {
  test('moves a replica to a new broker: it catches up, joins the ISR, and the old replica leaves and deletes its log', () => {
    const sim = createSimulation(withTimeline([
      { atMs: 15_000, action: 'addBroker' },
      { atMs: 30_000, action: 'reassignPartitions', topic: 'orders', partition: 0, replicas: [4, 1, 2] },
    ]))
    sim.runUntil(29_999)
    const before = partition(sim, 0)
    expect(before).toMatchObject({ replicas: [3, 1, 2], leader: 3 })
    expect(sim.world.brokers['3'].replicas['orders-0']).toBeDefined()
    sim.runUntil(30_000)
    const started = sim.world.notes.find((n) => n.type === 'ReassignmentStarted')
    expect(started).toMatchObject({ topic: 'orders', partition: 0, replicas: [4, 1, 2], adding: [4], removing: [3] })
    // kafka-topics --describe while the move is in progress (the new replica copies ~500 records in a few fetches)
    const moving = partition(sim, 0)
    expect(moving).toMatchObject({ replicas: [4, 1, 2, 3], addingReplicas: [4], removingReplicas: [3], leader: 3 })
    const line = kafkaTopicsDescribe(sim, { topic: 'orders' }).split('\n').find((l) => l.includes('Partition: 0'))!
    expect(line).toContain('\tLeader: 3\tReplicas: 4,1,2,3\tIsr: 3,1,2\tAdding Replicas: 4\tRemoving Replicas: 3\t')
    expect(kafkaTopicsDescribe(sim, { topic: 'orders' })).toMatch(/^Topic: orders\t.*\tReplicationFactor: 3\t/)
    expect(kafkaReassignPartitionsVerify(sim)).toBe('Status of partition reassignment:\nReassignment of partition orders-0 is still in progress.\n\n')
    sim.runUntil(60_000)
    const after = partition(sim, 0)
    // the leader was the replica that left: the first in-sync replica of the target leads, in a new leader epoch
    expect(after).toMatchObject({ replicas: [4, 1, 2], addingReplicas: [], removingReplicas: [], leader: 4, leaderEpoch: before.leaderEpoch + 1 })
    expect([...after.isr].sort()).toEqual([1, 2, 4])
    expect(sim.world.notes.find((n) => n.type === 'ReassignmentCompleted')).toMatchObject({ topic: 'orders', partition: 0, replicas: [4, 1, 2] })
    expect(kafkaTopicsDescribe(sim, { topic: 'orders' })).not.toContain('Adding Replicas')
    // --verify: done, so it clears the throttles (every broker of the cluster, the JSON's topic)
    expect(kafkaReassignPartitionsVerify(sim)).toBe(
      'Status of partition reassignment:\nReassignment of partition orders-0 is completed.\n\nClearing broker-level throttles on brokers 1,2,3,4\nClearing topic-level throttles on topic orders\n',
    )
    // the old replica's log is gone; the new one holds what the leader has
    expect(sim.world.brokers['3'].replicas['orders-0']).toBeUndefined()
    expect(sim.world.brokers['3'].replicaOrder).not.toContain('orders-0')
    const moved = sim.world.brokers['4'].replicas['orders-0']
    const follower = sim.world.brokers['1'].replicas['orders-0']
    expect(moved.role).toBe('leader')
    expect(moved.hw).toBeGreaterThan(0)
    expect(moved.leo - follower.leo).toBeLessThan(50)
    // the ISR never fell below min.insync.replicas during the move, and nothing acknowledged was lost
    for (const isr of isrsSince(sim, 0, 30_000)) expect(isr.length).toBeGreaterThanOrEqual(2)
    expect(sim.summary().checks.ok).toBe(true)
  })

  test("moving the leader's replica away elects a new leader from the target, with a new leader epoch", () => {
    const sim = createSimulation(withTimeline([{ atMs: 30_000, action: 'reassignPartitions', topic: 'orders', partition: 1, replicas: [3, 1] }]))
    sim.runUntil(29_999)
    const before = partition(sim, 1)
    expect(before.replicas).toContain(2)
    sim.runUntil(45_000)
    const after = partition(sim, 1)
    expect(after.replicas).toEqual([3, 1])
    expect(after.isr).not.toContain(2)
    if (before.leader === 2) {
      expect([3, 1]).toContain(after.leader)
      expect(after.leaderEpoch).toBe(before.leaderEpoch + 1)
    } else expect(after.leaderEpoch).toBeGreaterThan(before.leaderEpoch) // a replica left: the leader epoch goes up all the same
    expect(sim.world.brokers['2'].replicas['orders-1']).toBeUndefined()
    expect(sim.summary().checks.ok).toBe(true)
  })

  test('a new replica set that only reorders the replicas completes at once and keeps the leader', () => {
    const sim = createSimulation(withTimeline([{ atMs: 30_000, action: 'reassignPartitions', topic: 'orders', partition: 2, replicas: [3, 2, 1] }]))
    sim.runUntil(29_999)
    const before = partition(sim, 2)
    sim.runUntil(30_100)
    const after = partition(sim, 2)
    expect(after.replicas).toEqual([3, 2, 1])
    expect(after).toMatchObject({ leader: before.leader, leaderEpoch: before.leaderEpoch, addingReplicas: [], removingReplicas: [] })
  })

  test('a broker that has not registered yet is refused when the action runs (INVALID_REPLICA_ASSIGNMENT), and nothing changes', () => {
    const sim = createSimulation(withTimeline([
      { atMs: 30_000, action: 'addBroker' },
      { atMs: 30_000, action: 'reassignPartitions', topic: 'orders', partition: 0, replicas: [4, 2, 3] },
    ]))
    sim.runUntil(30_010)
    const failed = sim.world.notes.find((n) => n.type === 'ActionFailed')
    expect(failed).toMatchObject({ action: 'reassignPartitions', message: 'INVALID_REPLICA_ASSIGNMENT: The manual partition assignment includes broker 4, but no such broker is registered.' })
    expect(partition(sim, 0).replicas).toEqual([3, 1, 2])
  })

  test('bad moves are refused with the field path', () => {
    const bad = (a: Partial<Extract<TimelineAction, { action: 'reassignPartitions' }>>) => () =>
      withTimeline([{ atMs: 30_000, action: 'reassignPartitions', topic: 'orders', partition: 0, replicas: [1, 2, 3], ...a }])
    expect(bad({ replicas: [1, 2, 2] })).toThrow(ScenarioError)
    expect(bad({ replicas: [1, 2, 2] })).toThrow(/timeline\[0\]\.replicas\[2\]: broker 2 is listed twice/)
    expect(bad({ replicas: [1, 5] })).toThrow(/timeline\[0\]\.replicas\[1\]: 5 is not a broker \(brokers are 1\.\.3\)/)
    expect(bad({ replicas: [] })).toThrow(/timeline\[0\]\.replicas/)
    expect(bad({ partition: 3 })).toThrow(/timeline\[0\]\.partition: orders has 3 partitions at this point \(0\.\.2\)/)
    expect(bad({ topic: 'nope' })).toThrow(/timeline\[0\]\.topic/)
  })
})

describe('kafka-reassign-partitions --cancel (cancelReassignment)', () => {
  // broker 4 joins and is given orders-0's first replica, then crashes before it can copy the log:
  // the move waits with broker 4 adding until it is cancelled
  const stuck = (extra: TimelineAction[] = []) =>
    createSimulation(withTimeline([
      { atMs: 5_000, action: 'addBroker' },
      { atMs: 12_000, action: 'crashBroker', broker: 4 },
      { atMs: 12_000, action: 'reassignPartitions', topic: 'orders', partition: 0, replicas: [4, 2, 1] },
      ...extra,
    ]))

  test('reverts a move that cannot finish: the adding replica leaves, the removing one stays (after the others), the leader keeps leading', () => {
    const sim = stuck([{ atMs: 20_000, action: 'cancelReassignment', topic: 'orders', partition: 0 }])
    sim.runUntil(11_999)
    const before = structuredClone(partition(sim, 0))
    expect(before.replicas).toEqual([3, 1, 2])
    sim.runUntil(19_999)
    expect(partition(sim, 0)).toMatchObject({ replicas: [4, 2, 1, 3], addingReplicas: [4], removingReplicas: [3] })
    sim.runUntil(20_100)
    const after = partition(sim, 0)
    // PartitionReassignmentReplicas.originalReplicas: the replicas less the adding ones, in the order
    // the move left them: broker 3 is back, but no longer first (not the preferred leader)
    expect(after).toMatchObject({ replicas: [2, 1, 3], addingReplicas: [], removingReplicas: [], leader: before.leader })
    expect([...after.isr].sort()).toEqual([1, 2, 3])
    // the adding replica leaving bumps the leader epoch (triggerLeaderEpochBumpForReplicaReassignmentIfNeeded)
    expect(after.leaderEpoch).toBe(before.leaderEpoch + 1)
    expect(sim.world.notes.find((n) => n.type === 'ReassignmentCancelled')).toMatchObject({ atMs: 20_000, topic: 'orders', partition: 0, replicas: [2, 1, 3] })
    expect(kafkaReassignPartitionsVerify(sim)).toContain('There is no active reassignment of partition orders-0, but replica set is 2,1,3 rather than 4,2,1.')
    sim.runUntil(40_000)
    expect(sim.summary().checks.lostAckedWrites).toBe(0)
  })

  test('stuck-reassignment: the move waits on the crashed broker with Adding/Removing Replicas, the cancel reverts it, and broker 4 deletes its partial copy', () => {
    const raw = JSON.parse(readFileSync(new URL('../scenarios/stuck-reassignment.json', import.meta.url), 'utf8'))
    const sim = createSimulation(parseScenario(raw))
    sim.runUntil(39_999)
    expect(partition(sim, 0)).toMatchObject({ replicas: [4, 2, 1, 3], addingReplicas: [4], removingReplicas: [3] })
    expect(kafkaTopicsDescribe(sim, { topic: 'orders' })).toContain('Replicas: 4,2,1,3\tIsr: 3,1,2\tAdding Replicas: 4\tRemoving Replicas: 3')
    expect(kafkaReassignPartitionsVerify(sim)).toContain('Reassignment of partition orders-0 is still in progress.')
    sim.runUntil(60_000)
    expect(partition(sim, 0)).toMatchObject({ replicas: [2, 1, 3], addingReplicas: [], removingReplicas: [] })
    expect(sim.world.brokers['4'].replicas['orders-0']).toBeUndefined()
    expect(sim.world.nodes['4'].up).toBe(true)
    const summary = sim.summary()
    expect(summary.checks.ok).toBe(true)
    expect(summary.checks.lostAckedWrites).toBe(0)
  })

  test('with nothing moving the controller answers NO_REASSIGNMENT_IN_PROGRESS, and nothing changes', () => {
    const sim = createSimulation(withTimeline([{ atMs: 20_000, action: 'cancelReassignment', topic: 'orders', partition: 1 }]))
    sim.runUntil(19_999)
    const before = structuredClone(partition(sim, 1))
    sim.runUntil(20_100)
    expect(sim.world.notes.find((n) => n.type === 'ActionFailed')).toMatchObject({ action: 'cancelReassignment', message: 'NO_REASSIGNMENT_IN_PROGRESS: No partition reassignment is in progress.' })
    expect(partition(sim, 1)).toEqual(before)
  })

  test('PartitionReassignmentRevert: an ISR of only adding replicas would need an unclean election', () => {
    const p = (isr: number[]): PartitionState => ({ topic: 't', partition: 0, replicas: [4, 5, 1, 2], isr, leader: isr[0], leaderEpoch: 0, partitionEpoch: 0, addingReplicas: [4, 5], removingReplicas: [1, 2], elr: [], lastKnownElr: [] })
    expect(revertTarget(p([1, 4]))).toEqual({ target: { isr: [1], replicas: [1, 2], adding: [], removing: [] }, unclean: false })
    expect(revertTarget(p([4, 5]))).toEqual({ target: { isr: [1], replicas: [1, 2], adding: [], removing: [] }, unclean: true })
  })

  test('a cancel is checked like a move: a missing topic or partition is refused with the field path', () => {
    const bad = (a: object) => () => withTimeline([{ atMs: 30_000, action: 'cancelReassignment', topic: 'orders', partition: 0, ...a } as TimelineAction])
    expect(bad({ partition: 3 })).toThrow(/timeline\[0\]\.partition: orders has 3 partitions at this point \(0\.\.2\)/)
    expect(bad({ topic: 'nope' })).toThrow(/timeline\[0\]\.topic/)
  })
})

describe('kafka-reassign-partitions --verify', () => {
  test("words each partition as ReassignPartitionsCommand does, sorted, and clears throttles only once nothing moves", () => {
    const out = verifyReassignment({
      partitions: [
        { topic: 'payments', partition: 1, target: [2, 3], current: [2, 3], inProgress: false },
        { topic: 'orders', partition: 10, target: [4, 1], current: [1, 2], inProgress: false },
        { topic: 'orders', partition: 2, target: [4, 1], current: [4, 1, 2], inProgress: true },
      ],
      anyInProgress: true,
      brokers: [1, 2, 3, 4],
    })
    expect(out).toBe(
      [
        'Status of partition reassignment:',
        'Reassignment of partition orders-2 is still in progress.',
        'There is no active reassignment of partition orders-10, but replica set is 1,2 rather than 4,1.',
        'Reassignment of partition payments-1 is completed.',
        '',
        '',
      ].join('\n'),
    )
    const done = verifyReassignment({ partitions: [{ topic: 'orders', partition: 0, target: [1], current: [1], inProgress: false }], anyInProgress: false, brokers: [1] })
    expect(done).toBe('Status of partition reassignment:\nReassignment of partition orders-0 is completed.\n\nClearing broker-level throttles on broker 1\nClearing topic-level throttles on topic orders\n')
  })
})
