// Every built-in scenario's trace hash at its end, with its default seed, pinned: a change to
// how the engine runs (the event queue, data layout, allocation) must not change what happens.
// When kafkascope deliberately changes behaviour, update these and bump ENGINE_VERSION
// (sim/scenario/session.ts) so shared sessions say their run may differ.
import { describe, expect, it } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario } from './index.ts'

const PINNED: Record<string, string> = {
  'active-segment-kept': '406bf5e72889d573',
  'add-partitions-rebalance': '0f5f67c037495665',
  'classroom-tour': '18da7b0542b96783',
  'clean-election-unavailable': '8d338514b89a4ea4',
  'eligible-leader-replicas': 'f33ff67c50c9ec04',
  'compaction-latest-per-key': '59c419cd37bb6bd0',
  'consumer-crash-session-timeout': '2eed7c5b6f6c3401',
  'consumer-group-rebalance': '1f0e42842fdce4d8',
  'consumer-joins-rebalance': '0e5bcf915986967f',
  'controller-failover': '6c2a63f66d1bcb99',
  'coordinator-failover': '1b7351e8ddd7319d',
  'eager-vs-cooperative': '364d80750dd82921',
  'rebalance-without-stopping': '6ed822e721360213',
  'share-group-queue': '3ada14382ca63167',
  'idempotent-retries': '81725d3388f6f257',
  'isr-shrink-not-enough-replicas': '95423f64e4252a21',
  'leader-failover': '9126fa90f847c1fe',
  'controlled-shutdown': '272c2039004a6eb3',
  'scale-out': '8adab932adf22730',
  'stuck-reassignment': '9d8766a77d1a2315',
  'throttled-reassignment': 'be84b844b1ec51fe',
  'rack-loss': '1e08172e9becdc71',
  'lesson-batching': '887ceec866ebbe93',
  'lesson-clean-vs-unclean': '2a0bae3287018aee',
  'lesson-isr-acks': '5ce92624bc54f39e',
  'more-members-than-partitions': 'afac9d254708f048',
  'replay-by-reset-offsets': '754f8831b46503f7',
  'replay-from-a-time': 'b81c85d8a612a240',
  'retention-deletes-segments': '421f9fef6c1cee44',
  'slow-follower': '155832afc26cd4bf',
  'static-member-restart': '55e909c28555c23f',
  'static-membership': 'b984e4d631259422',
  'tombstones': 'ea4d8df8bc0f0c02',
  'two-groups-one-topic': 'a435d09aedc1aa69',
  'unclean-election-data-loss': '8ecdd86788bb05a3',
  'zookeeper-failover': 'c0b503bd91a2abaa',
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
