/**
 * Eligible leader replicas (KIP-966), as Kafka 4.3 formats a new cluster
 * (eligible.leader.replicas.version=1): replicas that leave the ISR while it is under
 * min.insync.replicas stay eligible to lead, the ISR may become empty, a cleanly shut down replica
 * keeps its eligibility and one that crashed loses it when it registers again; the last leader is
 * kept as LastKnownElr. With the feature at 0 the run is Kafka 4.0's.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSimulation, kafkaTopicsDescribe, parseScenario, ScenarioError, type Simulation } from './index.ts'
import { activeController } from './controller/quorum-controller.ts'
import { buildPartitionChange, targetOf, type ElectionRules } from './controller/partition-change.ts'
import type { PartitionState } from './controller/metadata.ts'

function elrScenario(patch: (raw: any) => void = () => {}) {
  const raw = JSON.parse(readFileSync(new URL('../scenarios/eligible-leader-replicas.json', import.meta.url), 'utf8'))
  patch(raw)
  return parseScenario(raw)
}

const payments0 = (sim: Simulation) => activeController(sim.world)!.image.topics.payments.partitions[0]

/** PartitionChangeBuilderTest's partitions: replicas 1..4, leader epoch 100, partition epoch 200. */
function registration(p: Partial<PartitionState>): PartitionState {
  return { topic: 't', partition: 0, replicas: [1, 2, 3, 4], isr: [], leader: -1, leaderEpoch: 100, partitionEpoch: 200, addingReplicas: [], removingReplicas: [], elr: [], lastKnownElr: [], ...p }
}

function rules(acceptable: (b: number) => boolean, minIsr: number, uncleanShutdown = -1): ElectionRules {
  return { acceptable, uncleanAllowed: () => false, elrEnabled: true, minIsr, uncleanShutdown }
}

// Kafka's PartitionChangeBuilderTest cases for ELR with the last known leader (Kafka 4.3's mode).
// Those tests run Election.PREFERRED; for these partitions ONLINE elects the same leader.
describe('PartitionChangeBuilder with ELR', () => {
  test('testEligibleLeaderReplicas_IsrShrinkBelowMinISR: the members that leave join the ELR', () => {
    const p = registration({ isr: [1, 2, 3, 4], leader: 1 })
    const built = buildPartitionChange(p, targetOf(p, [1, 2]), rules((r) => r !== 3, 3), 'isr-shrink')!
    expect(built.record).toMatchObject({ leader: 1, isr: [1, 2], elr: [3, 4], leaderEpoch: 100, partitionEpoch: 201 })
    expect(built.record.lastKnownElr).toBeUndefined()
  })

  test('testEligibleLeaderReplicas_IsrExpandAboveMinISR: at min.insync.replicas the ELR and LastKnownElr are cleared', () => {
    const p = registration({ isr: [1, 2], elr: [3], lastKnownElr: [4], leader: 1 })
    const built = buildPartitionChange(p, targetOf(p, [1, 2, 3]), rules((r) => r !== 3, 3), 'isr-expand')!
    expect(built.record).toMatchObject({ leader: 1, isr: [1, 2, 3], elr: [], lastKnownElr: [] })
  })

  test('testEligibleLeaderReplicas_ElrCanBeElected: with an empty ISR an ELR member leads, and the ISR is just it', () => {
    const p = registration({ isr: [1], elr: [3], leader: 1 })
    const built = buildPartitionChange(p, targetOf(p, []), rules((r) => r !== 1, 3), 'fenced')!
    expect(built.record).toMatchObject({ leader: 3, isr: [3], elr: [1], leaderEpoch: 101, unclean: false })
    expect(built.via).toBe('elr')
    expect(built.record.lastKnownElr).toBeUndefined()
  })

  test('testEligibleLeaderReplicas_IsrCanShrinkToZero: no replica can lead, the ISR empties into the ELR, the last leader is kept', () => {
    const p = registration({ isr: [1, 2, 3, 4], leader: 1 })
    const built = buildPartitionChange(p, targetOf(p, []), rules(() => false, 3), 'fenced')!
    expect(built.record).toMatchObject({ leader: -1, isr: [], elr: [1, 2, 3, 4], lastKnownElr: [1] })
    // an unclean shutdown of 2 later drops it from the ELR and leaves LastKnownElr alone
    const after = registration({ isr: [], elr: [1, 2, 3, 4], lastKnownElr: [1], leader: -1, leaderEpoch: 101, partitionEpoch: 201 })
    const again = buildPartitionChange(after, targetOf(after), rules(() => false, 3, 2), 'uncleanShutdown')!
    expect(again.record.elr).toEqual([1, 3, 4])
    expect(again.record.lastKnownElr).toBeUndefined()
  })

  test('testEligibleLeaderReplicas_ElectLastKnownLeader: empty ISR and ELR, the last known leader leads (unclean: the ISR is just it)', () => {
    const p = registration({ lastKnownElr: [1] })
    const built = buildPartitionChange(p, targetOf(p, []), rules(() => true, 3), 'unfenced')!
    expect(built.record).toMatchObject({ leader: 1, isr: [1], lastKnownElr: [], unclean: true })
    expect(built.record.elr).toBeUndefined()
    expect(built.via).toBe('lastKnownLeader')
  })

  test('testEligibleLeaderReplicas_ElectLastKnownLeaderShouldFail: an ELR member that cannot lead blocks the last known leader', () => {
    const p = registration({ elr: [3], lastKnownElr: [1] })
    expect(buildPartitionChange(p, targetOf(p, []), rules((r) => r !== 3, 3), 'unfenced')).toBeNull()
  })

  test('KAFKA-19522: a last known leader that is not acceptable is not elected', () => {
    const p = registration({ lastKnownElr: [1] })
    expect(buildPartitionChange(p, targetOf(p, []), rules((r) => r !== 1, 3), 'unfenced')).toBeNull()
  })

  test('with ELR off the last member stays in the ISR and nothing is written to the ELR', () => {
    const p = registration({ isr: [1], leader: 1 })
    const built = buildPartitionChange(p, targetOf(p, []), { ...rules(() => false, 2), elrEnabled: false }, 'fenced')!
    expect(built.record).toMatchObject({ leader: -1, isr: [1] })
    expect(built.record.elr).toBeUndefined()
    expect(built.record.lastKnownElr).toBeUndefined()
  })
})

describe('ELR in a run (eligible-leader-replicas)', () => {
  test('Kafka 4.3: the cleanly shut down follower leads from the ELR with nothing lost', () => {
    const s = elrScenario()
    const sim = createSimulation(s)
    sim.runUntil(29_999)
    const [leader, second, first] = payments0(sim).replicas
    expect(payments0(sim)).toMatchObject({ leader, isr: [leader, second], elr: [] })
    // the second follower leaves an ISR that falls under min.insync.replicas=2: it joins the ELR
    sim.runUntil(44_999)
    expect(payments0(sim)).toMatchObject({ leader, isr: [leader], elr: [second] })
    // the leader crashes: the ISR empties into the ELR and the leader is the last known one
    sim.runUntil(59_999)
    expect(payments0(sim)).toMatchObject({ leader: -1, isr: [], elr: [second, leader].sort((a, b) => a - b), lastKnownElr: [leader] })
    expect(kafkaTopicsDescribe(sim, { topic: 'payments' })).toContain(`Leader: none\tReplicas: ${[leader, second, first].join(',')}\tIsr: \tElr: ${[second, leader].sort((a, b) => a - b).join(',')}\tLastKnownElr: ${leader}`)
    // it comes back from a clean shutdown: still eligible, elected cleanly from the ELR
    sim.runUntil(s.durationMs)
    const elected = sim.world.notes.find((n) => n.type === 'LeaderElected' && n.topic === 'payments' && n.to === second)
    expect(elected).toMatchObject({ from: -1, unclean: false, via: 'elr', isr: [second], elr: [leader] })
    expect(elected!.atMs).toBeLessThan(65_000)
    const summary = sim.summary()
    const p = summary.partitions.find((x) => x.topic === 'payments')!
    expect(p).toMatchObject({ leader: second, elr: [], lastKnownElr: [] })
    expect(p.isr.sort()).toEqual([second, first].sort())
    expect(summary.checks.lostAckedWrites).toBe(0)
    expect(summary.checks.ok).toBe(true)
  })

  test('Kafka 4.0 (eligible.leader.replicas.version=0): the same run stays without a leader to the end, and acknowledges far less', () => {
    const on = createSimulation(elrScenario())
    on.runUntil(90_000)
    const sim = createSimulation(elrScenario((raw) => (raw.cluster.features = { 'eligible.leader.replicas.version': 0 })))
    sim.runUntil(90_000)
    const [leader] = payments0(sim).replicas
    expect(payments0(sim)).toMatchObject({ leader: -1, isr: [leader], elr: [], lastKnownElr: [] })
    expect(kafkaTopicsDescribe(sim, { topic: 'payments' })).toContain(`Isr: ${leader}\tElr: \tLastKnownElr: `)
    const summary = sim.summary()
    expect(summary.checks.lostAckedWrites).toBe(0)
    expect(summary.producers[0].acked).toBeLessThan(on.summary().producers[0].acked / 2)
  })

  test('a replica that crashed instead leaves the ELR when it registers again, and cannot lead', () => {
    const s = elrScenario((raw) => (raw.timeline[1].action = 'crashBroker'))
    const sim = createSimulation(s)
    sim.runUntil(59_999)
    const [leader, second] = payments0(sim).replicas
    expect(payments0(sim)).toMatchObject({ leader: -1, isr: [], elr: [second, leader].sort((a, b) => a - b) })
    sim.runUntil(90_000)
    const dropped = sim.world.notes.find((n) => n.type === 'ElrChanged' && n.topic === 'payments')
    expect(dropped).toMatchObject({ from: [second, leader].sort((a, b) => a - b), to: [leader], reason: 'uncleanShutdown' })
    expect(dropped!.atMs).toBeGreaterThanOrEqual(60_000)
    expect(payments0(sim)).toMatchObject({ leader: -1, isr: [], elr: [leader], lastKnownElr: [leader] })
    expect(sim.summary().checks.lostAckedWrites).toBe(0)
  })
})

describe('cluster.features', () => {
  test('eligible.leader.replicas.version defaults to 1 and takes 0', () => {
    expect(elrScenario().cluster.features).toEqual({ 'eligible.leader.replicas.version': 1 })
    expect(elrScenario((raw) => (raw.cluster.features = { 'eligible.leader.replicas.version': 0 })).cluster.features['eligible.leader.replicas.version']).toBe(0)
  })

  test('a level out of range or a feature kafkascope does not model is refused with its path', () => {
    expect(() => elrScenario((raw) => (raw.cluster.features = { 'eligible.leader.replicas.version': 2 }))).toThrow(ScenarioError)
    expect(() => elrScenario((raw) => (raw.cluster.features = { 'eligible.leader.replicas.version': 2 }))).toThrow('cluster.features.eligible.leader.replicas.version: 2 must be at most 1')
    expect(() => elrScenario((raw) => (raw.cluster.features = { 'transaction.version': 2 }))).toThrow('cluster.features.transaction.version: unknown field (known: eligible.leader.replicas.version)')
  })
})
