// How the cluster map words replica chips, member assignments and paused members.
import { describe, expect, it } from 'vitest'
import { parseTopicPartition, type GroupCard, type MemberView, type ReplicaCell } from '../../../sim/index.ts'
import { chipsByTopic, compactPartitions, memberPaused, numberRuns, topError } from './format.ts'

function member(over: Partial<MemberView>): MemberView {
  return {
    clientId: 'g-1', groupId: 'g', groupProtocol: 'classic', consumerState: null, memberId: 'm', groupInstanceId: null, generation: 1, state: 'stable', protocol: 'EAGER',
    assignor: 'range', coordinator: 1, assignment: [], revoking: [], app: 'polling', positions: {}, committed: {},
    polled: 0, commitsAcked: 0, rebalances: 0, backlog: 0, errors: {}, ...over,
  }
}

const group = (state: string) => ({ state }) as GroupCard

describe('cluster map texts', () => {
  it('splits topic-partition names at the last dash', () => {
    expect(parseTopicPartition('orders-12')).toEqual({ topic: 'orders', partition: 12 })
    expect(parseTopicPartition('my-topic-3')).toEqual({ topic: 'my-topic', partition: 3 })
  })

  it('writes partition numbers as runs', () => {
    expect(numberRuns([5, 0, 1, 2, 7, 8])).toBe('0-2,5,7-8')
    expect(numberRuns([])).toBe('')
  })

  it('shortens a member assignment per topic', () => {
    expect(compactPartitions(['orders-1', 'orders-0', 'clicks-3', 'orders-2'])).toBe('clicks 3 · orders 0-2')
  })

  it('groups chips by topic in their order', () => {
    const cell = (topic: string, partition: number) => ({ topic, partition, tp: `${topic}-${partition}`, role: 'insync', preferred: false }) as ReplicaCell
    const groups = chipsByTopic([cell('a', 0), cell('a', 1), cell('b', 0)])
    expect(groups.map((g) => [g.topic, g.cells.length])).toEqual([['a', 2], ['b', 1]])
  })

  it('a member is paused while revoking, joining, or in an eager rebalance; not in a cooperative one', () => {
    expect(memberPaused(member({}), group('Stable'))).toBe(false)
    expect(memberPaused(member({ revoking: ['t-0'] }), group('Stable'))).toBe(true)
    expect(memberPaused(member({ state: 'joining' }), group('Stable'))).toBe(true)
    expect(memberPaused(member({}), group('PreparingRebalance'))).toBe(true)
    expect(memberPaused(member({ protocol: 'COOPERATIVE' }), group('PreparingRebalance'))).toBe(false)
    // KIP-848: a member keeps reading through its group's reconciliation, unless it revokes something
    const kip848 = { groupProtocol: 'consumer' as const, consumerState: 'RECONCILING' as const }
    expect(memberPaused(member(kip848), group('Reconciling'))).toBe(false)
    expect(memberPaused(member({ ...kip848, revoking: ['t-1'] }), group('Reconciling'))).toBe(true)
  })

  it('names the most frequent error', () => {
    expect(topError({})).toBeNull()
    expect(topError({ NOT_LEADER_OR_FOLLOWER: 3, NETWORK_EXCEPTION: 5 })).toBe('NETWORK_EXCEPTION ×5')
  })
})
