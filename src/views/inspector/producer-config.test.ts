// Kafka's rule that idempotence needs acks=all, as the inspector's acks control applies it, and
// the console's command lines.
import { describe, expect, it } from 'vitest'
import { acksConfig, normaliseAcks } from './producer-config.ts'
import { availableCommands, commandKey, commandLine } from './tool-commands.ts'

describe('acksConfig', () => {
  it('turns idempotence off with acks=0 and acks=1', () => {
    expect(acksConfig('0')).toEqual({ acks: '0', 'enable.idempotence': false })
    expect(acksConfig('1')).toEqual({ acks: '1', 'enable.idempotence': false })
  })

  it('sets only acks for acks=all', () => {
    expect(acksConfig('all')).toEqual({ acks: 'all' })
  })

  it('reads -1 as all', () => {
    expect(normaliseAcks('-1')).toBe('all')
    expect(normaliseAcks('1')).toBe('1')
  })
})

describe('tool command lines', () => {
  it('prints kafka-topics and kafka-consumer-groups as typed at a shell', () => {
    expect(commandLine({ tool: 'topics', topic: 'orders' })).toBe('kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic orders')
    expect(commandLine({ tool: 'topics', topic: null })).toBe('kafka-topics.sh --bootstrap-server localhost:9092 --describe')
    expect(commandLine({ tool: 'groups', groupId: 'payments', view: 'offsets' })).toBe(
      'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group payments',
    )
    expect(commandLine({ tool: 'groups', groupId: 'payments', view: 'members' })).toBe(
      'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group payments --members --verbose',
    )
    expect(commandLine({ tool: 'groups', groupId: 'payments', view: 'state' })).toBe(
      'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group payments --state --verbose',
    )
    expect(commandLine({ tool: 'groups', groupId: "it's", view: 'offsets' })).toBe(
      "kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group 'it'\\''s'",
    )
  })

  it('offers each topic, all topics and each group first, with distinct keys', () => {
    const commands = availableCommands(['orders'], ['payments'])
    expect(commands.map(commandKey).slice(0, 5)).toEqual(['topics:orders', 'topics:*', 'groups:payments', 'groups-members:payments', 'groups-state:payments'])
    expect(new Set(commands.map(commandKey)).size).toBe(commands.length)
  })
})
