/**
 * The metrics sample (observe/metrics.ts): the start-up metadata warnings are not counted as
 * request errors, nor is the first round of a member's join handshake (MEMBER_ID_REQUIRED), and each group's LAG is the one rule of observe/lag.ts.
 */
import { describe, expect, test } from 'vitest'
import { createSimulation, metricSample, parseScenario } from '../index.ts'
import { builtInScenarios } from '../scenario/builtins.ts'

describe('metricSample', () => {
  test('leader-failover: the start-up metadata errors are metadata warnings, not request errors', () => {
    const sim = createSimulation(parseScenario(structuredClone(builtInScenarios['leader-failover'])))
    sim.runUntil(3000)
    const warm = ['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']
    const sample = metricSample(sim)
    for (const e of warm) expect(sample.errors[e] ?? 0).toBe(0)
    expect(warm.reduce((n, e) => n + (sample.metadataWarnings?.[e] ?? 0), 0)).toBeGreaterThan(0)
  })

  test('consumer-group-rebalance: MEMBER_ID_REQUIRED is counted as join handshakes, one per member that joins, not as a request error', () => {
    const sim = createSimulation(parseScenario(structuredClone(builtInScenarios['consumer-group-rebalance'])))
    sim.runUntil(5000)
    const sample = metricSample(sim)
    const members = sim.world.memberIds.filter((id) => sim.world.members[id].memberId !== '')
    const seen = sim.world.memberIds.reduce((n, id) => n + (sim.world.members[id].errors['MEMBER_ID_REQUIRED'] ?? 0), 0)
    expect(members.length).toBeGreaterThan(0)
    expect(sample.errors['MEMBER_ID_REQUIRED'] ?? 0).toBe(0)
    expect(sample.joinHandshakes).toBe(seen)
    expect(seen).toBeGreaterThanOrEqual(members.length)
  })
})
