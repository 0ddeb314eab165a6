// Scenario `expect` blocks against a summary: every failure says what was expected and what was seen.
import { describe, expect, it } from 'vitest'
import type { Summary } from '../trace/summary-types.ts'
import { checkCount, describeCount, evaluateExpect, meetsCount } from './expect.ts'

function summary(): Summary {
  return {
    scenario: 'Leader failover',
    seed: 42,
    simTimeMs: 120000,
    events: 51234,
    traceHash: '9f1c',
    brokers: [
      { id: 1, state: 'crashed' },
      { id: 2, state: 'alive' },
      { id: 3, state: 'alive' },
    ],
    controller: { mode: 'kraft', active: 2, epoch: 3 },
    partitions: [
      { topic: 'orders', partition: 0, leader: 2, leaderEpoch: 3, replicas: [1, 2, 3], isr: [3, 2], highWatermark: 812, logEndOffsets: { 1: 700, 2: 812, 3: 812 }, logStartOffset: 0, records: 812, segments: 1, elr: [], lastKnownElr: [] },
      { topic: 'orders', partition: 1, leader: -1, leaderEpoch: 4, replicas: [1, 2, 3], isr: [1], highWatermark: 10, logEndOffsets: { 1: 10 }, logStartOffset: 0, records: 10, segments: 1, elr: [], lastKnownElr: [] },
    ],
    groups: [
      { groupId: 'billing', type: 'classic', state: 'Stable', generation: 4, protocol: 'range', coordinator: 2, members: {}, committed: {}, lag: {} },
    ],
    producers: [{ id: 'checkout', sent: 6000, acked: 5990, failed: 10, errors: { NOT_ENOUGH_REPLICAS: 10 }, metadataWarnings: {} }],
    readers: [],
    checks: {
      ok: false,
      lostAckedWrites: 3,
      compactionLostLatest: 0,
      duplicates: 0,
      inconsistentOffsets: 0,
      nonMonotonicPolls: 0,
      divergentReplicas: 1,
      multipleLeaders: 0,
      hwAboveLeo: 0,
    concurrentConsumers: 0,
    partitionsOwnedTwice: 0,
    committedBackwards: 0,
    skippedRecords: 0,
    shareAckedByOther: 0,
    shareAckedTwice: 0,
    shareRecordsLost: 0,
    shareDeliveriesOverLimit: 0,
    redeliveries: 0,
      first: [],
    },
  }
}

describe('evaluateExpect', () => {
  it('passes when everything matches', () => {
    const result = evaluateExpect(
      {
        lostAckedWrites: { min: 1 },
        duplicates: 0,
        inconsistentOffsets: { max: 0 },
        divergentReplicas: { min: 1, max: 2 },
        multipleLeaders: 0,
        nonMonotonicPolls: 0,
        leaderOf: { 'orders-0': 2, 'orders-1': -1 },
        isrOf: { 'orders-0': [2, 3], 'orders-1': [1] },
        groupState: { billing: 'Stable', archive: 'Dead' },
        producerErrors: { checkout: { NOT_ENOUGH_REPLICAS: 10, REQUEST_TIMED_OUT: 0 } },
        producerAcked: { checkout: { min: 5000 } },
        brokerState: { '1': 'crashed', '2': 'alive' },
      },
      summary(),
    )
    expect(result).toEqual({ ok: true, failures: [] })
  })

  it('passes an empty expectation', () => {
    expect(evaluateExpect({}, summary())).toEqual({ ok: true, failures: [] })
  })

  it('says what was expected and what was seen', () => {
    const result = evaluateExpect(
      {
        lostAckedWrites: 0,
        duplicates: { min: 1 },
        divergentReplicas: { max: 0 },
        multipleLeaders: { min: 1, max: 2 },
        leaderOf: { 'orders-1': 2, 'orders-7': 1 },
        isrOf: { 'orders-0': [1, 2, 3] },
        groupState: { billing: 'PreparingRebalance', search: 'Stable' },
        producerErrors: { checkout: { NOT_ENOUGH_REPLICAS: { max: 5 }, NOT_LEADER_OR_FOLLOWER: { min: 1 } }, ghost: { X: 1 } },
        producerAcked: { checkout: 6000, ghost: { min: 1 } },
        brokerState: { '1': 'alive', '9': 'alive' },
      },
      summary(),
    )
    expect(result.ok).toBe(false)
    expect(result.failures).toEqual([
      'lostAckedWrites: expected 0, got 3',
      'duplicates: expected at least 1, got 0',
      'divergentReplicas: expected at most 0, got 1',
      'multipleLeaders: expected between 1 and 2, got 0',
      'leaderOf orders-1: expected 2, got -1',
      'leaderOf orders-7: expected 1, got no such partition',
      'isrOf orders-0: expected [1,2,3], got [2,3]',
      'groupState billing: expected PreparingRebalance, got Stable',
      'groupState search: expected Stable, got Dead (no such group)',
      'producerErrors checkout NOT_ENOUGH_REPLICAS: expected at most 5, got 10',
      'producerErrors checkout NOT_LEADER_OR_FOLLOWER: expected at least 1, got 0',
      'producerErrors ghost X: expected 1, got no such producer',
      'producerAcked checkout: expected 6000, got 5990',
      'producerAcked ghost: expected at least 1, got no such producer',
      'brokerState 1: expected alive, got crashed',
      'brokerState 9: expected alive, got no such broker',
    ])
  })

  it('compares the ISR as a set of ids in sorted order', () => {
    expect(evaluateExpect({ isrOf: { 'orders-0': [3, 2] } }, summary()).ok).toBe(true)
    expect(evaluateExpect({ isrOf: { 'orders-0': [2] } }, summary()).failures).toEqual(['isrOf orders-0: expected [2], got [2,3]'])
  })
})

describe('count expectations', () => {
  it('reads exact numbers and bounds', () => {
    expect(meetsCount(3, 3)).toBe(true)
    expect(meetsCount(3, 4)).toBe(false)
    expect(meetsCount({ min: 2 }, 2)).toBe(true)
    expect(meetsCount({ min: 2 }, 1)).toBe(false)
    expect(meetsCount({ max: 2 }, 3)).toBe(false)
    expect(meetsCount({}, 99)).toBe(true)
    expect(describeCount({ min: 2, max: 2 })).toBe('2')
    expect(describeCount({})).toBe('any number')
    expect(checkCount('duplicates', { max: 0 }, 0)).toBeUndefined()
  })
})
