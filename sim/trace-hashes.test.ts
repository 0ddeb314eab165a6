// Every built-in scenario's trace hash at its end, with its default seed, pinned: a change to
// how the engine runs (the event queue, data layout, allocation) must not change what happens.
// When kafkascope deliberately changes behaviour, update these and bump ENGINE_VERSION
// (sim/scenario/session.ts) so shared sessions say their run may differ.
import { describe, expect, it } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario } from './index.ts'

const PINNED: Record<string, string> = {
  'add-partitions-rebalance': 'f4ca8b98d5b0d0f3',
  'classroom-tour': '31e236dc74291a67',
  'clean-election-unavailable': '1f898c8feaa2546a',
  'consumer-crash-session-timeout': 'afa761aa4ad5b1f0',
  'consumer-group-rebalance': 'ad421f4b785008f2',
  'consumer-joins-rebalance': '8af15aaea38a4d2b',
  'controller-failover': '89b175a89e30d5ca',
  'coordinator-failover': 'cdbe16e78b03d9b6',
  'eager-vs-cooperative': 'c7239f34add8baea',
  'idempotent-retries': '261b57d4207cf318',
  'isr-shrink-not-enough-replicas': 'f6869ffa9e7e4aee',
  'leader-failover': '76b3cb7b78e32f90',
  'lesson-batching': 'ea1e0d013b03b27b',
  'lesson-clean-vs-unclean': '67bddd2411bb6e03',
  'lesson-isr-acks': 'c9d92f4b24566eae',
  'more-members-than-partitions': 'c73afb206805b879',
  'replay-by-reset-offsets': 'bd312c0ea3eff320',
  'slow-follower': 'f54f4bbe74c47d0b',
  'static-member-restart': '3f32bfc194053f26',
  'static-membership': '0ed013fb27b31ead',
  'two-groups-one-topic': 'f47520f38bdc4c7f',
  'unclean-election-data-loss': '6ef41df17c6b63e8',
}

describe('trace hashes of the built-in scenarios', () => {
  it('covers every built-in scenario', () => {
    expect(Object.keys(PINNED).sort()).toEqual(Object.keys(builtInScenarios).sort())
  })
  for (const [id, hash] of Object.entries(PINNED)) {
    it(id, () => {
      const scenario = parseScenario(builtInScenarios[id])
      const sim = createSimulation(scenario)
      sim.runUntil(scenario.durationMs)
      expect(sim.traceHash()).toBe(hash)
    })
  }
})
