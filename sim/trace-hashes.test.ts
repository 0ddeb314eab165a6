// Every built-in scenario's trace hash at its end, with its default seed, pinned: a change to
// how the engine runs (the event queue, data layout, allocation) must not change what happens.
// When kafkascope deliberately changes behaviour, update these and bump ENGINE_VERSION
// (sim/scenario/session.ts) so shared sessions say their run may differ.
import { describe, expect, it } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario } from './index.ts'

const PINNED: Record<string, string> = {
  'active-segment-kept': '1324c593fc1c8a1c',
  'add-partitions-rebalance': 'cdfeaa13340ca364',
  'classroom-tour': 'e7adfe6011a4ff23',
  'clean-election-unavailable': 'a6bf785e5042eb97',
  'consumer-crash-session-timeout': 'b290215dc6c12eb0',
  'consumer-group-rebalance': '8e62fb3291cbb7f6',
  'consumer-joins-rebalance': '7b90293b2ac7d5a1',
  'controller-failover': '75464647337e8c88',
  'coordinator-failover': 'f6d2f186c60afec8',
  'eager-vs-cooperative': 'cd22d7477f4e0860',
  'idempotent-retries': '39d19df35c4b10b5',
  'isr-shrink-not-enough-replicas': 'c36f9db63eb5928c',
  'leader-failover': 'f012b0225ca47d3a',
  'lesson-batching': '4c1220c2901586d1',
  'lesson-clean-vs-unclean': '2a57fd67e65e4528',
  'lesson-isr-acks': '41d213a622eab8e9',
  'more-members-than-partitions': '5e9c529509468308',
  'replay-by-reset-offsets': '6be0aed59890c3cf',
  'retention-deletes-segments': '157ca05d2400538e',
  'slow-follower': 'c36f403fc6d4f649',
  'static-member-restart': '401b15eca8a0de12',
  'static-membership': 'd45fc15ee99dbb3b',
  'two-groups-one-topic': '66041ad290a6d34b',
  'unclean-election-data-loss': '726abd1e7a31d2d6',
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
