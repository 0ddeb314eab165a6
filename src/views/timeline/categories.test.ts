// Notes in Kafka's words become the timeline's categories (what a learner sees as a marker).
import { describe, expect, it } from 'vitest'
import { CATEGORIES, categorizeNote } from './categories.ts'

describe('categorizeNote', () => {
  it('puts faults, elections, ISR and controller notes in their categories', () => {
    expect(categorizeNote('action', 'crashBroker {"broker":"leader:orders-0"}')).toBe('fault')
    expect(categorizeNote('leader', 'Partition orders-0: leader 3 → 1, epoch 1, ISR [1,2]')).toBe('leader')
    expect(categorizeNote('unclean', 'Partition events-0: leader 3 → 1 (UNCLEAN election), epoch 1, ISR [1]')).toBe('unclean')
    expect(categorizeNote('isr', 'Partition orders-1: ISR [1,2,3] → [1,2] (fenced)')).toBe('isr')
    expect(categorizeNote('raft', 'Controller 3 starts an election for epoch 1')).toBe('controller')
    expect(categorizeNote('controller', 'Controller 3 is the active controller (epoch 1)')).toBe('controller')
  })

  it('shows a group note only when the group goes to PreparingRebalance', () => {
    expect(categorizeNote('group', "Group billing: Stable → PreparingRebalance (billing-2's session expired)")).toBe('rebalance')
    expect(categorizeNote('group', 'Group billing: PreparingRebalance → CompletingRebalance (generation 1, protocol range, leader billing-2)')).toBeNull()
    expect(categorizeNote('group', 'Group billing: billing-2 joins (the consumer subscribed)')).toBeNull()
  })

  it('shows broker fencing and unfencing, not registration', () => {
    expect(categorizeNote('broker', 'Broker 3 fenced: no heartbeat for 9001 ms (broker.session.timeout.ms=9000)')).toBe('broker')
    expect(categorizeNote('broker', 'Broker 3 unfenced')).toBe('broker')
    expect(categorizeNote('broker', 'Broker 3 registered (broker epoch 1), fenced until it catches up')).toBeNull()
  })

  it('leaves other notes to the event log', () => {
    expect(categorizeNote('topic', 'Created topic orders with 3 partitions, replication factor 3')).toBeNull()
    expect(categorizeNote('consumer', 'billing-2 found the coordinator of group billing: broker 1')).toBeNull()
  })

  it('puts unclean elections in the leader row and fencing in the controller row, with shapes of their own', () => {
    expect(CATEGORIES.unclean.lane).toBe(CATEGORIES.leader.lane)
    expect(CATEGORIES.unclean.shape).not.toBe(CATEGORIES.leader.shape)
    expect(CATEGORIES.broker.lane).toBe(CATEGORIES.controller.lane)
    expect(CATEGORIES.broker.shape).not.toBe(CATEGORIES.controller.shape)
  })

  it('gives every category its own shape', () => {
    const shapes = Object.values(CATEGORIES).map((c) => c.shape)
    expect(new Set(shapes).size).toBe(shapes.length)
  })
})
