// Kafka's CurrentAssignmentBuilderTest (group-coordinator/src/test/.../modern/consumer/
// CurrentAssignmentBuilderTest.java, apache/kafka 4.0), case by case; testUnknownState is left out
// (kafkascope has no UNKNOWN member state).
import { describe, expect, it } from 'vitest'
import { reconcile, type MemberReconciliation, type MemberState, type TopicPartitions } from './current-assignment.ts'

const T1 = 'topic1-id'
const T2 = 'topic2-id'
const tps = (one: number[], two: number[]): TopicPartitions => ({ [T1]: one, [T2]: two })

function member(state: MemberState, memberEpoch: number, previousMemberEpoch: number, assigned: TopicPartitions, revoking: TopicPartitions = {}): MemberReconciliation {
  return { state, memberEpoch, previousMemberEpoch, assignedPartitions: assigned, partitionsPendingRevocation: revoking }
}

const epochOf = (epoch: number) => () => epoch

describe('CurrentAssignmentBuilder: revoke first, then assign', () => {
  it('testStableToStable', () => {
    const m = member('STABLE', 10, 10, tps([1, 2, 3], [4, 5, 6]))
    const next = reconcile(m, { targetEpoch: 11, target: tps([1, 2, 3], [4, 5, 6]), partitionEpoch: epochOf(10), owned: null })
    expect(next).toEqual(member('STABLE', 11, 10, tps([1, 2, 3], [4, 5, 6])))
  })

  it('testStableToStableWithNewPartitions', () => {
    const m = member('STABLE', 10, 10, tps([1, 2, 3], [4, 5, 6]))
    const next = reconcile(m, { targetEpoch: 11, target: tps([1, 2, 3, 4], [4, 5, 6, 7]), partitionEpoch: epochOf(-1), owned: null })
    expect(next).toEqual(member('STABLE', 11, 10, tps([1, 2, 3, 4], [4, 5, 6, 7])))
  })

  it('testStableToUnrevokedPartitions', () => {
    const m = member('STABLE', 10, 10, tps([1, 2, 3], [4, 5, 6]))
    const next = reconcile(m, { targetEpoch: 11, target: tps([2, 3, 4], [5, 6, 7]), partitionEpoch: epochOf(-1), owned: null })
    expect(next).toEqual(member('UNREVOKED_PARTITIONS', 10, 10, tps([2, 3], [5, 6]), tps([1], [4])))
  })

  it('testStableToUnreleasedPartitions', () => {
    const m = member('STABLE', 10, 10, tps([1, 2, 3], [4, 5, 6]))
    const next = reconcile(m, { targetEpoch: 11, target: tps([1, 2, 3, 4], [4, 5, 6, 7]), partitionEpoch: epochOf(10), owned: null })
    expect(next).toEqual(member('UNRELEASED_PARTITIONS', 11, 10, tps([1, 2, 3], [4, 5, 6])))
  })

  it('testStableToUnreleasedPartitionsWithOwnedPartitionsNotHavingRevokedPartitions', () => {
    const m = member('STABLE', 10, 10, tps([1, 2, 3], [4, 5, 6]))
    const next = reconcile(m, { targetEpoch: 11, target: tps([1, 2, 3], [4, 5, 7]), partitionEpoch: (id) => (id === T2 ? 10 : -1), owned: {} })
    expect(next).toEqual(member('UNRELEASED_PARTITIONS', 11, 10, tps([1, 2, 3], [4, 5])))
  })

  it('testUnrevokedPartitionsToStable', () => {
    const m = member('UNREVOKED_PARTITIONS', 10, 10, tps([2, 3], [5, 6]), tps([1], [4]))
    const next = reconcile(m, { targetEpoch: 11, target: tps([2, 3], [5, 6]), partitionEpoch: epochOf(-1), owned: tps([2, 3], [5, 6]) })
    expect(next).toEqual(member('STABLE', 11, 10, tps([2, 3], [5, 6])))
  })

  it('testRemainsInUnrevokedPartitions: until the heartbeat stops reporting every revoked partition', () => {
    const m = member('UNREVOKED_PARTITIONS', 10, 10, tps([2, 3], [5, 6]), tps([1], [4]))
    const input = { targetEpoch: 12, target: tps([3], [6]), partitionEpoch: epochOf(-1) }
    expect(reconcile(m, { ...input, owned: null })).toBe(m)
    expect(reconcile(m, { ...input, owned: tps([1, 2, 3], [5, 6]) })).toBe(m)
    expect(reconcile(m, { ...input, owned: tps([2, 3], [4, 5, 6]) })).toBe(m)
  })

  it('testUnrevokedPartitionsToUnrevokedPartitions', () => {
    const m = member('UNREVOKED_PARTITIONS', 10, 10, tps([2, 3], [5, 6]), tps([1], [4]))
    const next = reconcile(m, { targetEpoch: 12, target: tps([3], [6]), partitionEpoch: epochOf(-1), owned: tps([2, 3], [5, 6]) })
    expect(next).toEqual(member('UNREVOKED_PARTITIONS', 11, 10, tps([3], [6]), tps([2], [5])))
  })

  it('testUnrevokedPartitionsToUnreleasedPartitions', () => {
    const m = member('UNREVOKED_PARTITIONS', 11, 10, tps([2, 3], [5, 6]))
    const next = reconcile(m, { targetEpoch: 11, target: tps([2, 3, 4], [5, 6, 7]), partitionEpoch: epochOf(10), owned: tps([2, 3], [5, 6]) })
    expect(next).toEqual(member('UNRELEASED_PARTITIONS', 11, 11, tps([2, 3], [5, 6])))
  })

  it('testUnreleasedPartitionsToStable', () => {
    const m = member('UNRELEASED_PARTITIONS', 11, 11, tps([2, 3], [5, 6]))
    const next = reconcile(m, { targetEpoch: 12, target: tps([2, 3], [5, 6]), partitionEpoch: epochOf(10), owned: null })
    expect(next).toEqual(member('STABLE', 12, 11, tps([2, 3], [5, 6])))
  })

  it('testUnreleasedPartitionsToStableWithNewPartitions', () => {
    const m = member('UNRELEASED_PARTITIONS', 11, 11, tps([2, 3], [5, 6]))
    const next = reconcile(m, { targetEpoch: 11, target: tps([2, 3, 4], [5, 6, 7]), partitionEpoch: epochOf(-1), owned: null })
    expect(next).toEqual(member('STABLE', 11, 11, tps([2, 3, 4], [5, 6, 7])))
  })

  it('testUnreleasedPartitionsToUnreleasedPartitions', () => {
    const m = member('UNRELEASED_PARTITIONS', 11, 11, tps([2, 3], [5, 6]))
    const next = reconcile(m, { targetEpoch: 11, target: tps([2, 3, 4], [5, 6, 7]), partitionEpoch: epochOf(10), owned: null })
    expect(next).toEqual(m)
  })

  it('testUnreleasedPartitionsToUnrevokedPartitions', () => {
    const m = member('UNRELEASED_PARTITIONS', 11, 11, tps([2, 3], [5, 6]))
    const next = reconcile(m, { targetEpoch: 12, target: tps([3], [6]), partitionEpoch: epochOf(10), owned: null })
    expect(next).toEqual(member('UNREVOKED_PARTITIONS', 11, 11, tps([3], [6]), tps([2], [5])))
  })

  it('never hands a member a partition another member still holds', () => {
    const held = new Set([`${T1}:4`, `${T2}:7`])
    const m = member('STABLE', 3, 3, {})
    const next = reconcile(m, { targetEpoch: 4, target: tps([4, 5], [7, 8]), partitionEpoch: (id, p) => (held.has(`${id}:${p}`) ? 3 : -1), owned: {} })
    expect(next).toEqual(member('UNRELEASED_PARTITIONS', 4, 3, tps([5], [8])))
  })
})
