/**
 * The legacy ZooKeeper mode (Kafka 3.x): the controller elected through /controller and its epoch,
 * a broker's failure seen only when its ZooKeeper session expires, the offline election from the
 * ISR (Kafka's Election.leaderForOffline), the controller's failover reading everything back from
 * ZooKeeper, and a ZooKeeper quorum loss that stops every controller change.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario, runNotes, type Simulation } from './index.ts'
import { electOffline } from './controller/zookeeper/kafka-controller.ts'
import { assignReplicasRackUnaware, PlacementError } from './kafka/placement.ts'
import type { PartitionState } from './kafka/payloads.ts'

function builtIn(patch: (raw: any) => void = () => {}) {
  const raw = JSON.parse(readFileSync(new URL('../scenarios/zookeeper-failover.json', import.meta.url), 'utf8'))
  patch(raw)
  return parseScenario(raw)
}

const notes = (sim: Simulation) => runNotes(sim).filter((n) => !('topic' in n) || n.topic === 'orders')
const zk = (sim: Simulation) => sim.world.zookeeper!

describe('ZooKeeper mode: the controller', () => {
  test('one broker creates /controller with controller epoch 1; every broker registers an ephemeral /brokers/ids znode', () => {
    const sim = createSimulation(builtIn())
    sim.runUntil(5_000)
    const elected = runNotes(sim).filter((n) => n.type === 'ZkControllerElected')
    expect(elected).toHaveLength(1)
    expect(elected[0]).toMatchObject({ epoch: 1 })
    const controller = (elected[0] as { broker: number }).broker
    expect(zk(sim).controller?.brokerId).toBe(controller)
    expect(Object.keys(zk(sim).brokers)).toEqual(['1', '2', '3'])
    // each broker's znode belongs to its own session, and its epoch is the zxid that created it
    const sessions = new Set(Object.values(zk(sim).brokers).map((b) => b.session))
    expect(sessions.size).toBe(3)
    const summary = sim.summary()
    expect(summary.controller).toEqual({ mode: 'zookeeper', active: controller, epoch: 1 })
    // the topics were created through ZooKeeper and every partition has a leader from its replicas
    for (const p of summary.partitions) expect(p.replicas).toContain(p.leader)
  })

  test('a crashed controller is replaced only once its session expires; the new one bumps the epoch and elects from the ISR', () => {
    const sim = createSimulation(builtIn())
    sim.runUntil(19_999)
    const first = zk(sim).controller!.brokerId
    const led = sim.summary().partitions.filter((p) => p.topic === 'orders' && p.leader === first)
    expect(led.length).toBeGreaterThan(0)
    sim.runUntil(45_000)
    const expired = runNotes(sim).find((n) => n.type === 'ZkSessionExpired')!
    expect(expired).toMatchObject({ broker: first, timeoutMs: 18_000 })
    expect((expired as { deleted: string[] }).deleted).toEqual([`/brokers/ids/${first}`, '/controller'])
    // nothing changes before zookeeper.session.timeout.ms has passed since the crash's last ping
    expect(expired.atMs).toBeGreaterThanOrEqual(20_000 + 18_000 - 6_000)
    expect(expired.atMs).toBeLessThanOrEqual(20_000 + 18_000 + 3_000)
    const leaderChanges = notes(sim).filter((n) => n.type === 'LeaderElected')
    expect(leaderChanges.every((n) => n.atMs >= expired.atMs)).toBe(true)
    const next = runNotes(sim).find((n) => n.type === 'ZkControllerElected' && n.epoch === 2) as { broker: number; atMs: number }
    expect(next.broker).not.toBe(first)
    expect(next.atMs - expired.atMs).toBeLessThan(100)
    const summary = sim.summary()
    expect(summary.controller).toMatchObject({ mode: 'zookeeper', active: next.broker, epoch: 2 })
    for (const before of led) {
      const p = summary.partitions.find((x) => x.partition === before.partition && x.topic === 'orders')!
      // Election.leaderForOffline: the first live ISR member in assignment order, the ISR its live members
      const expected = before.replicas.find((b) => b !== first && before.isr.includes(b))
      expect(p.leader).toBe(expected)
      expect(p.isr).toEqual(before.isr.filter((b) => b !== first))
    }
    sim.runUntil(90_000)
    expect(sim.summary().checks.lostAckedWrites).toBe(0)
    expect(sim.summary().checks.ok).toBe(true)
    // restarted at 60 s, it registered again and is back in every ISR
    for (const p of sim.summary().partitions.filter((p) => p.topic === 'orders')) expect(p.isr).toContain(first)
  })

  test('a ZooKeeper quorum loss stops controller changes: a crashed leader keeps its partitions until the quorum is back', () => {
    const scenario = builtIn((raw) => {
      raw.durationMs = 120_000
      raw.timeline = [
        { atMs: 20_000, action: 'crashZooKeeper', server: 'zk-1' },
        { atMs: 20_000, action: 'crashZooKeeper', server: 'zk-2' },
        { atMs: 25_000, action: 'crashBroker', broker: 'leader:orders-0' },
        { atMs: 70_000, action: 'restartZooKeeper', server: 'zk-1' },
      ]
    })
    const sim = createSimulation(scenario)
    sim.runUntil(24_999)
    const leader = sim.summary().partitions.find((p) => p.topic === 'orders' && p.partition === 0)!.leader
    sim.runUntil(69_999)
    expect(runNotes(sim).some((n) => n.type === 'ZkQuorumLost')).toBe(true)
    // 45 s after the crash, more than twice the session timeout: no session expired, no election
    expect(runNotes(sim).some((n) => n.type === 'ZkSessionExpired')).toBe(false)
    expect(notes(sim).some((n) => n.type === 'LeaderElected' && n.atMs > 25_000)).toBe(false)
    expect(sim.summary().partitions.find((p) => p.topic === 'orders' && p.partition === 0)!.leader).toBe(leader)
    // the leaders' ISR shrinks (AlterPartition) wait at the controller, which says it cannot reach ZooKeeper, once
    expect(runNotes(sim).filter((n) => n.type === 'ZkWriteFailed')).toEqual([expect.objectContaining({ op: 'AlterPartition', error: 'CONNECTION_LOSS' })])
    expect(notes(sim).some((n) => n.type === 'IsrChanged' && n.atMs > 25_000)).toBe(false)
    sim.runUntil(120_000)
    // the new ZooKeeper leader starts every session's clock afresh: the broker's expires a session timeout after
    const back = runNotes(sim).find((n) => n.type === 'ZkLeaderElected' && n.atMs >= 70_000)!
    const expired = runNotes(sim).find((n) => n.type === 'ZkSessionExpired')!
    expect(expired).toMatchObject({ broker: leader })
    expect(expired.atMs - back.atMs).toBeGreaterThanOrEqual(18_000)
    const p = sim.summary().partitions.find((x) => x.topic === 'orders' && x.partition === 0)!
    expect(p.leader).not.toBe(leader)
    expect(p.leader).toBeGreaterThan(0)
    expect(sim.summary().checks.lostAckedWrites).toBe(0)
  })

  test('a broker restarted before its old session expires waits for it, then registers with a new broker epoch', () => {
    const sim = createSimulation(
      builtIn((raw) => {
        raw.timeline = [
          { atMs: 20_000, action: 'crashBroker', broker: 2 },
          { atMs: 22_000, action: 'restartBroker', broker: 2 },
        ]
      }),
    )
    sim.runUntil(19_999)
    const before = zk(sim).brokers['2'].info.brokerEpoch
    sim.runUntil(30_000)
    expect(sim.world.brokers['2'].registered).toBe(false)
    sim.runUntil(60_000)
    expect(sim.world.brokers['2'].registered).toBe(true)
    expect(zk(sim).brokers['2'].info.brokerEpoch).toBeGreaterThan(before)
    const changed = runNotes(sim).filter((n) => n.type === 'ZkBrokersChanged')
    expect(changed.map((n) => [n.dead, n.added])).toEqual([[[2], []], [[], [2]]])
    for (const p of sim.summary().partitions.filter((p) => p.topic === 'orders')) expect(p.isr).toContain(2)
  })

  test('the session timeout is bounded by the ensemble to [2, 20] ticks of 3000 ms', () => {
    const sim = createSimulation(
      builtIn((raw) => {
        raw.cluster.config = { 'zookeeper.session.timeout.ms': 2000 }
        raw.timeline = [{ atMs: 20_000, action: 'crashBroker', broker: 2 }]
      }),
    )
    sim.runUntil(40_000)
    expect(runNotes(sim).find((n) => n.type === 'ZkSessionExpired')).toMatchObject({ broker: 2, timeoutMs: 6000 })
  })

  test('unclean.leader.election.enable lets an out-of-sync replica lead when the ISR is gone', () => {
    const run = (unclean: boolean) => {
      const sim = createSimulation(
        builtIn((raw) => {
          raw.durationMs = 150_000
          raw.topics[0].config['unclean.leader.election.enable'] = unclean
          raw.topics[0].config['min.insync.replicas'] = 1
          raw.cluster.config = { 'replica.lag.time.max.ms': 10_000 }
          raw.timeline = [
            { atMs: 10_000, action: 'crashBroker', broker: 'replica:orders-0:1' },
            { atMs: 60_000, action: 'crashBroker', broker: 'replica:orders-0:0' },
            { atMs: 61_000, action: 'crashBroker', broker: 'replica:orders-0:2' },
            { atMs: 65_000, action: 'restartBroker', broker: 'replica:orders-0:1' },
          ]
        }),
      )
      sim.runUntil(150_000)
      return sim.summary().partitions.find((p) => p.topic === 'orders' && p.partition === 0)!
    }
    const clean = run(false)
    expect(clean.leader).toBe(-1)
    const unclean = run(true)
    expect(unclean.leader).toBe(unclean.replicas[1])
    expect(unclean.isr).toEqual([unclean.replicas[1]])
  })
})

function state(replicas: number[], isr: number[]): PartitionState {
  return { topic: 't', partition: 0, replicas, isr, leader: -1, leaderEpoch: 0, partitionEpoch: 0, addingReplicas: [], removingReplicas: [], elr: [], lastKnownElr: [] }
}

describe('ZooKeeper mode: Kafka 3.9 election and placement cases', () => {
  // PartitionLeaderElectionAlgorithmsTest (core/src/test/scala/unit/kafka/controller)
  test('offline election: the first live replica in assignment order that is in the ISR', () => {
    expect(electOffline(state([2, 4], [2, 4]), (b) => b === 4, false)).toEqual({ leader: 4, isr: [4], unclean: false })
  })
  test('offline election: the last ISR member offline, unclean election disabled: no leader', () => {
    expect(electOffline(state([2, 4], [2]), (b) => b === 4, false)).toBeNull()
  })
  test('offline election: the last ISR member offline, unclean election enabled: the first live replica, alone in the ISR', () => {
    expect(electOffline(state([2, 4], [2]), (b) => b === 4, true)).toEqual({ leader: 4, isr: [4], unclean: true })
  })

  // AdminRackAwareTest.testReplicaAssignment: five brokers, ten partitions, RF 3, start index 0
  test('AdminUtils.assignReplicasToBrokersRackUnaware', () => {
    const zero = { nextInt: () => 0 }
    expect(assignReplicasRackUnaware([0, 1, 2, 3, 4], 10, 3, zero)).toEqual([
      [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 0], [4, 0, 1],
      [0, 2, 3], [1, 3, 4], [2, 4, 0], [3, 0, 1], [4, 1, 2],
    ])
    expect(() => assignReplicasRackUnaware([0, 1, 2, 3, 4], 10, 0, zero)).toThrow(PlacementError)
    expect(() => assignReplicasRackUnaware([0, 1, 2, 3, 4], 10, 6, zero)).toThrow(PlacementError)
  })
})
