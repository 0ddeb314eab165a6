/**
 * Replication throttles (KIP-73) as kafka-reassign-partitions --throttle sets them: the move's
 * brokers get leader/follower.replication.throttled.rate, its topic the throttled replica lists, and
 * the leader sends an out-of-sync follower of a throttled partition nothing while the rate it
 * measured (Kafka's Rate over eleven one-second samples) is above the bound; --verify removes them
 * once nothing moves.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createSimulation, kafkaConfigsDescribe, kafkaTopicsDescribe, kafkaReassignPartitionsVerify, parseScenario, ScenarioError } from './index.ts'
import { activeController } from './controller/quorum-controller.ts'
import { measuredRate, newReplicationQuota, recordThrottled, shouldFollowerThrottle } from './cluster/replication-quota.ts'

function throttled(patch: (raw: any) => void = () => {}) {
  const raw = JSON.parse(readFileSync(new URL('../scenarios/throttled-reassignment.json', import.meta.url), 'utf8'))
  patch(raw)
  return parseScenario(raw)
}

const configText = (out: ReturnType<typeof kafkaConfigsDescribe>) => (typeof out === 'string' ? out : JSON.stringify(out))

describe('the replication quota (ReplicationQuotaManager: Rate over SampledStat, 11 × 1 s)', () => {
  test('measures over at least ten windows, and forgets a sample eleven windows old', () => {
    const q = newReplicationQuota()
    recordThrottled(q, 35_006, 1_048_170)
    // what made the leader send a second mebibyte half a second later: 1048170 B over 10.5 s
    expect(measuredRate(q, 35_006)).toBeCloseTo(104_817, 0)
    expect(measuredRate(q, 35_508)).toBeCloseTo(1_048_170 / 10.502, 0)
    expect(measuredRate(q, 41_006)).toBeCloseTo(104_817, 0)
    expect(measuredRate(q, 46_005)).toBeCloseTo(1_048_170 / 10.999, 0)
    expect(measuredRate(q, 46_006)).toBe(0)
  })

  test('a window over 1 s starts the next sample; the oldest is reused after eleven', () => {
    const q = newReplicationQuota()
    for (let s = 0; s < 13; s++) recordThrottled(q, s * 1000, 1000)
    expect(q.starts).toHaveLength(11)
    // samples from 2 s to 12 s, 11 000 bytes over 10 s
    expect(measuredRate(q, 12_000)).toBeCloseTo(1100, 5)
  })
})

describe('a throttled move (throttled-reassignment)', () => {
  test('sets the throttles, copies about a mebibyte per eleven seconds, and --verify clears them once done', () => {
    const sim = createSimulation(throttled())
    sim.runUntil(35_100)
    const configs = configText(kafkaConfigsDescribe(sim, 'orders'))
    expect(configs).toContain('leader.replication.throttled.replicas=0:3,0:1,0:2')
    expect(configs).toContain('follower.replication.throttled.replicas=0:4')
    expect(activeController(sim.world)!.image.brokerConfigs[4]).toEqual({ 'leader.replication.throttled.rate': 50000, 'follower.replication.throttled.rate': 50000 })
    const leo = (b: number) => sim.world.brokers[String(b)].replicas['orders-0']?.leo ?? 0
    const seen: number[] = []
    for (let t = 36_000; t <= 60_000; t += 1000) {
      sim.runUntil(t)
      seen.push(leo(4))
    }
    // steps, not a stream: the copy stands still for about ten seconds between fetches
    const steps = seen.filter((v, i) => i > 0 && v !== seen[i - 1]).length
    expect(steps).toBeGreaterThanOrEqual(1)
    expect(steps).toBeLessThanOrEqual(3)
    expect(leo(4)).toBeLessThan(leo(3))
    expect(kafkaTopicsDescribe(sim, { topic: 'orders' })).toContain('Adding Replicas: 4\tRemoving Replicas: 3')
    expect(kafkaReassignPartitionsVerify(sim)).toContain('Reassignment of partition orders-0 is still in progress.')
    // the verify at 60 s found the move in progress: the throttles stay
    expect(sim.world.notes.some((n) => n.type === 'ThrottlesCleared')).toBe(false)
    sim.runUntil(110_000)
    const done = sim.world.notes.find((n) => n.type === 'ReassignmentCompleted')!
    expect(done.atMs).toBeGreaterThan(70_000)
    expect(sim.world.notes.find((n) => n.type === 'ThrottlesCleared')).toMatchObject({ atMs: 100_000, brokers: [1, 2, 3, 4], topics: ['orders'] })
    expect(configText(kafkaConfigsDescribe(sim, 'orders'))).not.toContain('throttled')
    expect(activeController(sim.world)!.image.brokerConfigs[4]).toEqual({})
    expect(sim.summary().checks.ok).toBe(true)
  })

  test('the follower throttles too: broker 4 measures what it receives and leaves orders-0 out of its fetch session while over the bound', () => {
    const sim = createSimulation(throttled())
    sim.runUntil(37_000)
    const b4 = sim.world.brokers['4']
    const r = b4.replicas['orders-0']
    expect(measuredRate(b4.followerQuota, sim.world.nowMs)).toBeGreaterThan(50_000)
    expect(r.fetchLag).toBeGreaterThan(0)
    expect(shouldFollowerThrottle(sim.world, b4, r)).toBe(true)
    const fetcher = Object.values(b4.fetchers).find((f) => f.tps.includes('orders-0'))!
    expect(fetcher.session['orders-0']).toBeUndefined()
    // caught up, it is in sync and fetches freely again
    sim.runUntil(90_000)
    expect(b4.replicas['orders-0'].fetchLag).toBe(0)
  })

  test('without --throttle the same move completes within a second', () => {
    const sim = createSimulation(throttled((raw) => delete raw.timeline[2].throttle))
    sim.runUntil(36_000)
    expect(sim.world.notes.find((n) => n.type === 'ReassignmentCompleted')).toBeDefined()
  })

  test('a throttle below 1 B/s is refused with the field path', () => {
    expect(() => throttled((raw) => (raw.timeline[2].throttle = 0))).toThrow(ScenarioError)
    expect(() => throttled((raw) => (raw.timeline[2].throttle = 0))).toThrow(/timeline\[2\]\.throttle/)
  })

  test('throttled replica lists are topic configs: "*" or partition:broker pairs, anything else refused', () => {
    const withConfig = (v: unknown) => throttled((raw) => (raw.topics[0].config['leader.replication.throttled.replicas'] = v))
    expect(withConfig('0:1, 0:2').topics[0].config['leader.replication.throttled.replicas']).toBe('0:1,0:2')
    expect(withConfig('*').topics[0].config['leader.replication.throttled.replicas']).toBe('*')
    expect(() => withConfig('0-1')).toThrow(/leader\.replication\.throttled\.replicas.*must be \*, or partition:broker pairs/)
  })
})
