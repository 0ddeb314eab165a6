// Events (typed data) become the timeline's categories (what a learner sees as a marker), by type and fields.
import { describe, expect, it } from 'vitest'
import type { SimEvent } from '../../../sim/index.ts'
import { CATEGORIES, categorizeEvent } from './categories.ts'

const leader = (unclean: boolean): SimEvent => ({ type: 'LeaderElected', atMs: 1, topic: 'orders', partition: 0, from: 3, to: 1, leaderEpoch: 1, isr: [1, 2], unclean })
const group = (to: string): SimEvent => ({ type: 'GroupStateChanged', atMs: 1, groupId: 'billing', from: 'Stable', to, reason: { code: 'sessionExpired', member: 'billing-2' } })

describe('categorizeEvent', () => {
  it('puts faults, elections, ISR and controller events in their categories', () => {
    expect(categorizeEvent({ type: 'ActionApplied', atMs: 1, action: 'crashBroker', args: '{"broker":"leader:orders-0"}' })).toBe('fault')
    expect(categorizeEvent({ type: 'ActionFailed', atMs: 1, action: 'crashBroker', args: '{}', message: 'unknown node x' })).toBe('fault')
    expect(categorizeEvent(leader(false))).toBe('leader')
    expect(categorizeEvent(leader(true))).toBe('unclean')
    expect(categorizeEvent({ type: 'IsrChanged', atMs: 1, topic: 'orders', partition: 1, from: [1, 2, 3], to: [1, 2], reason: 'fenced' })).toBe('isr')
    expect(categorizeEvent({ type: 'ControllerElectionStarted', atMs: 1, controller: '3', epoch: 1 })).toBe('controller')
    expect(categorizeEvent({ type: 'ControllerActive', atMs: 1, controller: '3', epoch: 1 })).toBe('controller')
  })

  it('shows a group event only when the group goes to PreparingRebalance', () => {
    expect(categorizeEvent(group('PreparingRebalance'))).toBe('rebalance')
    expect(categorizeEvent(group('CompletingRebalance'))).toBeNull()
    // KIP-848: a group that leaves Stable (or Empty) for Assigning or Reconciling starts a rebalance, once
    const kip848 = (from: string, to: string) => categorizeEvent({ type: 'GroupStateChanged', atMs: 1, groupId: 'g', from, to, reason: null })
    expect(kip848('Stable', 'Reconciling')).toBe('rebalance')
    expect(kip848('Stable', 'Assigning')).toBe('rebalance')
    expect(kip848('Assigning', 'Reconciling')).toBeNull()
    expect(kip848('Reconciling', 'Stable')).toBeNull()
    expect(categorizeEvent({ type: 'MemberJoined', atMs: 1, groupId: 'billing', member: 'billing-2', joinReason: 'the consumer subscribed' })).toBeNull()
  })

  it('shows broker fencing and unfencing, not registration', () => {
    expect(categorizeEvent({ type: 'BrokerFenced', atMs: 1, broker: 3, sinceHeartbeatMs: 9001, timeoutMs: 9000 })).toBe('broker')
    expect(categorizeEvent({ type: 'BrokerUnfenced', atMs: 1, broker: 3 })).toBe('broker')
    expect(categorizeEvent({ type: 'BrokerRegistered', atMs: 1, broker: 3, brokerEpoch: 1 })).toBeNull()
  })

  it('leaves other events to the event log', () => {
    expect(categorizeEvent({ type: 'TopicCreated', atMs: 1, topic: 'orders', partitions: 3, replicationFactor: 3 })).toBeNull()
    expect(categorizeEvent({ type: 'CoordinatorFound', atMs: 1, member: 'billing-2', groupId: 'billing', broker: 1 })).toBeNull()
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
