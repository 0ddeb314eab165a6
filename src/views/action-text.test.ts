// Every timeline action reads as words in both languages, never as the scenario file's JSON.
import { describe, expect, it } from 'vitest'
import type { TimelineAction } from '../../sim/index.ts'
import { actionText } from './action-text.ts'

const EVERY_ACTION: TimelineAction[] = [
  { atMs: 1, action: 'crashBroker', broker: 3 },
  { atMs: 1, action: 'restartBroker', broker: 'replica:orders-0:0' },
  { atMs: 1, action: 'isolate', node: 2 },
  { atMs: 1, action: 'partitionNetwork', sides: [[1, 2], ['controller']] },
  { atMs: 1, action: 'healNetwork' },
  { atMs: 1, action: 'slowLink', between: [1, 2], extraLatencyMs: 15_000 },
  { atMs: 1, action: 'cutLink', between: [1, 'leader:orders-0'] },
  { atMs: 1, action: 'pauseNode', node: 1, durationMs: 5_000 },
  { atMs: 1, action: 'resumeNode', node: 1 },
  { atMs: 1, action: 'crashController' },
  { atMs: 1, action: 'crashConsumer', member: 'billing-1' },
  { atMs: 1, action: 'addConsumer', groupId: 'billing' },
  { atMs: 1, action: 'removeConsumer', member: 'billing-2' },
  { atMs: 1, action: 'restartConsumer', member: 'billing-1', afterMs: 3_000 },
  { atMs: 1, action: 'stopProducer', producer: 'checkout' },
  { atMs: 1, action: 'startProducer', producer: 'checkout' },
  { atMs: 1, action: 'setTopicConfig', topic: 'orders', config: { 'min.insync.replicas': 3 } },
  { atMs: 1, action: 'setProducerConfig', producer: 'checkout', config: { acks: '1' } },
  { atMs: 1, action: 'setConsumerConfig', groupId: 'billing', config: { 'partition.assignment.strategy': 'cooperative-sticky' } },
  { atMs: 1, action: 'addPartitions', topic: 'orders', count: 6 },
  { atMs: 1, action: 'produce', producer: 'checkout', key: 'user-42' },
  { atMs: 1, action: 'electPreferredLeaders', topic: 'orders' },
  { atMs: 1, action: 'resetOffsets', groupId: 'billing', to: 'earliest' },
]

describe('actionText', () => {
  it('covers every action kind, in words, in English and Korean', () => {
    const kinds = new Set(EVERY_ACTION.map((a) => a.action))
    expect(kinds.size).toBe(EVERY_ACTION.length)
    for (const a of EVERY_ACTION) {
      const t = actionText(a)
      expect(t.en).not.toMatch(/[{}"]/)
      expect(t.ko).not.toMatch(/[{}"]/)
      expect(t.ko).not.toBe(t.en)
    }
  })

  it('names the broker, the node reference and Kafka configs as the scenario does', () => {
    expect(actionText(EVERY_ACTION[0])).toEqual({ en: 'Crash broker 3', ko: '브로커 3 크래시' })
    expect(actionText(EVERY_ACTION[5])).toEqual({ en: 'Slow the link broker 1 ↔ broker 2 by 15 s', ko: '브로커 1 ↔ 브로커 2 링크를 15초 느리게' })
    expect(actionText(EVERY_ACTION[16]).en).toBe('Topic orders: min.insync.replicas=3')
  })
})
