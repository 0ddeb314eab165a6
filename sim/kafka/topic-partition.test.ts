import { describe, expect, it } from 'vitest'
import { compareTp, parseTopicPartition, partitionName } from './topic-partition.ts'

describe('partition names (TopicPartition#toString)', () => {
  it('writes <topic>-<partition>', () => {
    expect(partitionName('orders', 0)).toBe('orders-0')
    expect(partitionName('__consumer_offsets', 49)).toBe('__consumer_offsets-49')
  })

  it('reads the partition after the last dash, so topics may contain dashes', () => {
    expect(parseTopicPartition('orders-12')).toEqual({ topic: 'orders', partition: 12 })
    expect(parseTopicPartition('my-topic-3')).toEqual({ topic: 'my-topic', partition: 3 })
    expect(parseTopicPartition('a-1-2')).toEqual({ topic: 'a-1', partition: 2 })
    expect(parseTopicPartition('orders.eu_v2-0')).toEqual({ topic: 'orders.eu_v2', partition: 0 })
  })

  it('round-trips every name it writes', () => {
    for (const topic of ['t', 'my-topic', 'x-9', '__consumer_offsets']) {
      for (const partition of [0, 7, 123]) expect(parseTopicPartition(partitionName(topic, partition))).toEqual({ topic, partition })
    }
  })

  it('refuses what is not a partition name', () => {
    for (const bad of ['', 'orders', 'orders-', '-3', 'orders-x', 'orders-1a', 'orders--', 'orders-1.5', 'orders- 1', 'orders-99999999999999999999']) {
      expect(parseTopicPartition(bad), bad).toBeNull()
    }
  })

  it('orders by topic, then partition number (not text)', () => {
    expect(['b-0', 'a-10', 'a-2', 'a-b-1'].sort(compareTp)).toEqual(['a-2', 'a-10', 'a-b-1', 'b-0'])
  })
})
