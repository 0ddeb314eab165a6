// The public assignConsumerGroup (CONTRACT §7): the server-side assignors by topic and member names.
import { describe, expect, it } from 'vitest'
import { assignConsumerGroup } from '../../index.ts'

const topics = { orders: { partitions: 6 }, clicks: { partitions: 3 } }

describe('assignConsumerGroup', () => {
  it('range: contiguous ranges per topic over its subscribers, sorted by member id', () => {
    const a = assignConsumerGroup('range', {
      topics,
      members: { b: { subscribedTopics: ['orders'], currentAssignment: {} }, a: { subscribedTopics: ['orders', 'clicks'], currentAssignment: {} } },
    })
    expect(a).toEqual({ a: { orders: [0, 1, 2], clicks: [0, 1, 2] }, b: { orders: [3, 4, 5] } })
  })

  it('uniform: every partition once, balanced, and sticky to the current assignment', () => {
    const members = { m1: { subscribedTopics: ['orders'], currentAssignment: { orders: [0, 1, 2, 3, 4, 5] } }, m2: { subscribedTopics: ['orders'], currentAssignment: {} } }
    const a = assignConsumerGroup('uniform', { topics, members })
    expect(Object.values(a).flatMap((t) => t.orders ?? []).sort()).toEqual([0, 1, 2, 3, 4, 5])
    expect(a.m1.orders).toHaveLength(3)
    expect(a.m2.orders).toHaveLength(3)
    // m1 keeps three of the partitions it had; m2 gets the other three
    expect(a.m1.orders.every((p) => members.m1.currentAssignment.orders.includes(p))).toBe(true)
  })

  it('drops subscriptions to topics that do not exist, as the coordinator does', () => {
    const a = assignConsumerGroup('range', { topics, members: { a: { subscribedTopics: ['nope', 'clicks'], currentAssignment: { nope: [0] } } } })
    expect(a).toEqual({ a: { clicks: [0, 1, 2] } })
  })

  it('gives the same result for the same input (topic ids made from names when not given)', () => {
    const input = { topics, members: { x: { subscribedTopics: ['orders', 'clicks'], currentAssignment: {} }, y: { subscribedTopics: ['orders'], currentAssignment: {} } } }
    expect(assignConsumerGroup('uniform', input)).toEqual(assignConsumerGroup('uniform', structuredClone(input)))
  })
})
