// The leader epoch cache's end offset lookup (LeaderEpochFileCache.endOffsetFor), and what it keeps
// from happening: a restarted follower of an empty partition fetching in a tight loop. Truncation
// (UnifiedLog.truncateTo) and the epochs it forgets.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { assignEpoch, endOffsetForEpoch, newReplica, truncateTo } from './partition.ts'
import { createSimulation, parseScenario } from '../index.ts'

describe('endOffsetForEpoch follows LeaderEpochFileCache.endOffsetFor', () => {
  const replica = () => {
    const r = newReplica('orders', 0)
    assignEpoch(r, 2, 0)
    assignEpoch(r, 4, 10)
    r.leo = 15
    return r
  }

  test('the latest epoch ends at the log end offset', () => {
    expect(endOffsetForEpoch(replica(), 4)).toEqual({ epoch: 4, endOffset: 15 })
  })

  test('an epoch between two cached ones answers the floor epoch and the next start', () => {
    expect(endOffsetForEpoch(replica(), 3)).toEqual({ epoch: 2, endOffset: 10 })
    expect(endOffsetForEpoch(replica(), 2)).toEqual({ epoch: 2, endOffset: 10 })
  })

  test('an epoch older than every cached one answers itself and the first start offset', () => {
    expect(endOffsetForEpoch(replica(), 1)).toEqual({ epoch: 1, endOffset: 0 })
  })

  test('the undefined epoch, or an empty cache, is undefined', () => {
    expect(endOffsetForEpoch(replica(), -1)).toEqual({ epoch: -1, endOffset: -1 })
    expect(endOffsetForEpoch(newReplica('orders', 0), 3)).toEqual({ epoch: -1, endOffset: -1 })
  })
})

describe('assignEpoch follows LeaderEpochFileCache.assign', () => {
  test('a leader epoch that got no record is dropped when the next one starts at the same offset', () => {
    const r = newReplica('orders', 0)
    assignEpoch(r, 0, 0)
    assignEpoch(r, 3, 20)
    assignEpoch(r, 4, 20)
    expect(r.epochs).toEqual([{ epoch: 0, startOffset: 0 }, { epoch: 4, startOffset: 20 }])
  })

  test('the same epoch at a later offset changes nothing; an older epoch drops the newer entries', () => {
    const r = newReplica('orders', 0)
    assignEpoch(r, 1, 0)
    assignEpoch(r, 2, 10)
    assignEpoch(r, 2, 15)
    expect(r.epochs).toEqual([{ epoch: 1, startOffset: 0 }, { epoch: 2, startOffset: 10 }])
    assignEpoch(r, 1, 5)
    expect(r.epochs).toEqual([{ epoch: 1, startOffset: 5 }])
  })
})

describe('truncateTo follows UnifiedLog.truncateTo', () => {
  // epoch 0 holds offsets 0..157; the replica then became leader in epoch 1 at its LEO, 158, and lost
  // the leadership before it wrote anything
  const replica = () => {
    const r = newReplica('clicks', 0)
    assignEpoch(r, 0, 0)
    assignEpoch(r, 1, 158)
    r.leo = 158
    r.hw = 158
    return r
  }

  test('at the log end offset it still forgets an epoch that starts there', () => {
    const r = replica()
    truncateTo(r, 158)
    expect(r.epochs).toEqual([{ epoch: 0, startOffset: 0 }])
    expect(endOffsetForEpoch(r, 1)).toEqual({ epoch: 0, endOffset: 158 })
    expect([r.leo, r.hw]).toEqual([158, 158])
  })

  test('above the log end offset too, and keeps every epoch that holds records', () => {
    const r = replica()
    truncateTo(r, 538)
    expect(r.epochs).toEqual([{ epoch: 0, startOffset: 0 }])
    truncateTo(r, 158)
    expect(r.epochs).toEqual([{ epoch: 0, startOffset: 0 }])
  })
})

test('after a restart, a follower of empty partitions long-polls instead of fetching in a loop', () => {
  // leader-failover: broker 3 crashes at 20 s and restarts at 60 s; it followed empty
  // __consumer_offsets partitions whose leaders moved to a new epoch while it was down.
  const scenario = parseScenario(JSON.parse(readFileSync('scenarios/leader-failover.json', 'utf8')))
  const sim = createSimulation(scenario)
  sim.runUntil(70_000)
  let responses = 0
  sim.observe((msg, to) => {
    if (to === '3' && msg.api === 'FetchResponse') responses++
  })
  sim.runUntil(90_000)
  // 50 records/s to two leaders: about 50 answers a second with data plus two long polls a second
  // per leader. Fetching in a loop answered more than 600 a second.
  expect(responses / 20).toBeLessThan(100)
})
