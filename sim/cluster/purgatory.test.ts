/**
 * The purgatory wakes a parked consumer fetch as soon as the partition's high watermark moves, from
 * wherever it moves (ReplicaManager.tryCompleteDelayedRequests completes delayed fetches and
 * delayed produces together): here from an ISR shrink, either published by the controller after it
 * fenced the followers, or answered to the leader's own AlterPartition. The consumer must not wait
 * out its fetch.max.wait.ms when records became readable.
 */
import { describe, expect, test } from 'vitest'
import { parseScenario } from '../scenario/parse.ts'
import { createWorld } from '../nodes/create-world.ts'
import { step } from '../run.ts'
import type { Msg, World } from '../nodes/world.ts'
import type { TimelineAction } from '../scenario/types.ts'

const FETCH_MAX_WAIT_MS = 20000

function world(timeline: unknown[]): World {
  const s = parseScenario({
    name: 'parked consumer fetch',
    seed: 7,
    durationMs: 60000,
    cluster: { brokers: 3, controller: { mode: 'kraft', voters: 3, dedicated: true }, config: { 'replica.lag.time.max.ms': 10000 } },
    topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
    producers: [{ id: 'p', topic: 't', recordsPerSec: 20, config: { acks: '1' } }],
    readers: [{ id: 'r', topics: ['t'], config: { 'auto.offset.reset': 'earliest', 'fetch.max.wait.ms': FETCH_MAX_WAIT_MS } }],
    timeline: timeline as TimelineAction[],
  })
  return createWorld(s, s.seed)
}

/**
 * Run until 60 s. Returns when the leader's HW first moved after `fromMs` (the producer has stopped
 * by then, so nothing but the ISR change can move it) and when the reader then received records
 * from above the old HW.
 */
function hwMoveAndDelivery(w: World, fromMs: number): { hwMovedAt: number; isrAfter: number[]; deliveredAt: number } {
  while (w.nowMs < fromMs && step(w)) {}
  const leader = w.brokerIds.map((id) => w.brokers[String(id)]).find((b) => b.replicas['t-0']?.role === 'leader')!
  const r = leader.replicas['t-0']
  const hwBefore = r.hw
  expect(r.leo).toBeGreaterThan(hwBefore) // acks=1 writes above the HW wait for the ISR to change
  let hwMovedAt = -1
  let isrAfter: number[] = []
  let deliveredAt = -1
  const tap = (m: Msg, to: string, atMs: number) => {
    if (to !== 'r' || m.api !== 'FetchResponse' || deliveredAt >= 0) return
    if (m.parts.some((p) => p.tp === 't-0' && p.batches.some((x) => x.baseOffset + x.count > hwBefore))) deliveredAt = atMs
  }
  while (w.nowMs < 60000 && step(w, tap)) {
    if (hwMovedAt < 0 && r.hw > hwBefore) {
      hwMovedAt = w.nowMs
      isrAfter = r.isr.slice()
    }
    if (deliveredAt >= 0) break
  }
  return { hwMovedAt, isrAfter, deliveredAt }
}

describe('purgatory: a parked consumer fetch wakes when the HW moves', () => {
  test('ISR shrink published by the controller (followers fenced): the consumer gets the records at once', () => {
    const w = world([
      { atMs: 15000, action: 'stopProducer', producer: 'p' },
      { atMs: 14000, action: 'crashBroker', broker: 'replica:t-0:1' },
      { atMs: 14000, action: 'crashBroker', broker: 'replica:t-0:2' },
    ])
    const { hwMovedAt, isrAfter, deliveredAt } = hwMoveAndDelivery(w, 15500)
    expect(hwMovedAt).toBeGreaterThan(15500)
    expect(isrAfter).toHaveLength(1)
    expect(deliveredAt).toBeGreaterThanOrEqual(hwMovedAt)
    // one network hop (1..3 ms), not the rest of fetch.max.wait.ms
    expect(deliveredAt - hwMovedAt).toBeLessThanOrEqual(3)
  })

  test("ISR shrink answered to the leader's AlterPartition (followers cut off): the consumer gets the records at once", () => {
    const w = world([
      { atMs: 14000, action: 'cutLink', between: ['leader:t-0', 'replica:t-0:1'] },
      { atMs: 14000, action: 'cutLink', between: ['leader:t-0', 'replica:t-0:2'] },
      { atMs: 15000, action: 'stopProducer', producer: 'p' },
    ])
    const { hwMovedAt, isrAfter, deliveredAt } = hwMoveAndDelivery(w, 15500)
    expect(hwMovedAt).toBeGreaterThan(15500)
    expect(isrAfter).toHaveLength(1)
    expect(deliveredAt).toBeGreaterThanOrEqual(hwMovedAt)
    expect(deliveredAt - hwMovedAt).toBeLessThanOrEqual(3)
  })
})
