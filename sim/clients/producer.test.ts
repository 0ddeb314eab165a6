/**
 * Metadata warm-up (NetworkClient/Metadata): UNKNOWN_TOPIC_OR_PARTITION and LEADER_NOT_AVAILABLE in
 * Metadata responses while the topics are created at start-up are metadata warnings ("Error while
 * fetching metadata with correlation id ..."), not errors of Produce requests.
 */
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario } from '../index.ts'
import { builtInScenarios } from '../scenario/builtins.ts'

describe('producer metadata warnings', () => {
  test('leader-failover: the start-up metadata errors are metadata warnings, not request errors', () => {
    const s = parseScenario(structuredClone(builtInScenarios['leader-failover']))
    const sim = createSimulation(s)
    sim.runUntil(3000)
    const summary = sim.summary()
    const warm = ['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']
    let warnings = 0
    for (const p of summary.producers) {
      for (const e of warm) expect(p.errors[e] ?? 0).toBe(0)
      for (const e of warm) warnings += p.metadataWarnings[e] ?? 0
    }
    expect(warnings).toBeGreaterThan(0)
  })
})
