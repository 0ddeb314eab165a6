/**
 * The `uniform` assignor against Kafka's own unit tests (apache/kafka 4.0,
 * group-coordinator/src/test/java/org/apache/kafka/coordinator/group/assignor/
 * {OptimizedUniformAssignmentBuilderTest, UniformHeterogeneousAssignmentBuilderTest}.java, one `it`
 * per Java test method, same topic ids), Kafka's Uuid vectors (clients/.../common/UuidTest.java),
 * and properties over random small groups.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { subscriptionType, type AssignorMember, type ConsumerGroupSpec, type GroupAssignment, type SubscriptionType, type TopicId } from './assignment-spec.ts'
import { PartitionAssignorError } from './assignment-spec.ts'
import { assignUniform, buildUniformHeterogeneous, buildUniformHomogeneous, type CurrentAssignmentOrder } from './uniform-assignor.ts'
import { compareTopicIds, topicIdFromBits, topicIdToBits, uuidHashCode } from './topic-id.ts'

const topic1Uuid = 'T1-A4s3VTwiI5CTbEp6POw'
const topic2Uuid = 'T2-B4s3VTwiI5YHbPp6YUe'
const topic3Uuid = 'T3-CU8fVTLCz5YMkLoDQsa'
const topic4Uuid = 'T4-Tw9fVTLCz5HbPp6YQsa'
const names: Record<string, string> = { [topic1Uuid]: 'topic1', [topic2Uuid]: 'topic2', [topic3Uuid]: 'topic3', [topic4Uuid]: 'topic4' }

type Partitions = Record<TopicId, number[]>

/** MemberSubscriptionAndAssignmentImpl(no rack, no instance id, subscription, assignment) */
function member(memberId: string, subscribed: TopicId[], assignment: Partitions = {}): AssignorMember {
  return { memberId, subscribedTopicIds: subscribed, assignedPartitions: new Map(Object.entries(assignment)) }
}

/** members in TreeMap order (Kafka's tests use a TreeMap, or sort the member ids) */
function groupSpec(topics: Record<TopicId, number>, members: AssignorMember[]): ConsumerGroupSpec {
  const sorted = [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))
  const topicMap = new Map(Object.entries(topics).map(([id, partitions]) => [id, { id, name: names[id] ?? id, partitions }]))
  return { members: sorted, topics: topicMap }
}

/** assignor.assign(new GroupSpecImpl(members, declaredType, inverted), describer) */
function assign(spec: ConsumerGroupSpec, declared: SubscriptionType, order: CurrentAssignmentOrder = 'hash-map'): GroupAssignment {
  return assignUniform(spec, { subscriptionType: declared, currentAssignmentOrder: order })
}

function plain(assignment: GroupAssignment): Record<string, Partitions> {
  const out: Record<string, Partitions> = {}
  for (const [memberId, topics] of assignment) out[memberId] = Object.fromEntries(topics)
  return out
}

function size(topics: ReadonlyMap<TopicId, readonly number[]>): number {
  let n = 0
  for (const partitions of topics.values()) n += partitions.length
  return n
}

/** OptimizedUniformAssignmentBuilderTest.checkValidityAndBalance */
function checkValidityAndBalance(spec: ConsumerGroupSpec, computed: GroupAssignment): void {
  const members = [...computed.keys()]
  for (let i = 0; i < members.length; i++) {
    const mine = computed.get(members[i]!)!
    const subscription = spec.members.find((m) => m.memberId === members[i])!.subscribedTopicIds
    for (const topicId of mine.keys()) expect(subscription).toContain(topicId)
    for (let j = i + 1; j < members.length; j++) {
      const other = computed.get(members[j]!)!
      for (const [topicId, partitions] of mine) {
        const theirs = other.get(topicId) ?? []
        expect(partitions.filter((p) => theirs.includes(p))).toEqual([])
      }
      expect(Math.abs(size(mine) - size(other))).toBeLessThanOrEqual(1)
    }
  }
}

describe('OptimizedUniformAssignmentBuilderTest', () => {
  it('testOneMemberNoTopicSubscription', () => {
    const spec = groupSpec({ [topic1Uuid]: 3 }, [member('A', [])])
    expect(buildUniformHomogeneous(spec).size).toBe(0)
    expect(plain(assign(spec, 'HOMOGENEOUS'))).toEqual({ A: {} })
  })

  it('testOneMemberSubscribedToNonexistentTopic', () => {
    const spec = groupSpec({ [topic1Uuid]: 3 }, [member('A', [topic2Uuid])])
    expect(() => assign(spec, 'HOMOGENEOUS')).toThrow(PartitionAssignorError)
  })

  it('testFirstAssignmentTwoMembersTwoTopicsNoMemberRacks', () => {
    const spec = groupSpec({ [topic1Uuid]: 3, [topic3Uuid]: 2 }, [
      member('A', [topic1Uuid, topic3Uuid]),
      member('B', [topic1Uuid, topic3Uuid]),
    ])
    const computed = assign(spec, 'HOMOGENEOUS')
    expect(plain(computed)).toEqual({
      A: { [topic1Uuid]: [0], [topic3Uuid]: [0, 1] },
      B: { [topic1Uuid]: [1, 2] },
    })
    checkValidityAndBalance(spec, computed)
  })

  it('testFirstAssignmentNumMembersGreaterThanTotalNumPartitions', () => {
    const spec = groupSpec({ [topic3Uuid]: 2 }, [member('A', [topic3Uuid]), member('B', [topic3Uuid]), member('C', [topic3Uuid])])
    const computed = assign(spec, 'HOMOGENEOUS')
    expect(plain(computed)).toEqual({ A: { [topic3Uuid]: [0] }, B: { [topic3Uuid]: [1] }, C: {} })
    checkValidityAndBalance(spec, computed)
  })

  it('testValidityAndBalanceForLargeSampleSet', () => {
    // Kafka draws the 99 topic ids with Uuid.randomUuid(): fixed ids here, and only what Kafka asserts
    const topics: Record<TopicId, number> = {}
    for (let i = 1; i < 100; i++) topics[topicIdFromBits(0x5deece66dn * BigInt(i) + 11n, -0x61c8864680b583ebn * BigInt(i))] = 3
    const members: AssignorMember[] = []
    for (let i = 1; i < 50; i++) members.push(member(`member${i}`, Object.keys(topics)))
    const spec = groupSpec(topics, members)
    checkValidityAndBalance(spec, assign(spec, 'HOMOGENEOUS'))
  })

  it('testReassignmentForTwoMembersTwoTopicsGivenUnbalancedPrevAssignment', () => {
    const spec = groupSpec({ [topic1Uuid]: 3, [topic2Uuid]: 3 }, [
      member('A', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [0, 1], [topic2Uuid]: [0, 1] }),
      member('B', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [2], [topic2Uuid]: [2] }),
    ])
    // mkOrderedAssignment: the current assignments iterate in insertion order
    const computed = assign(spec, 'HOMOGENEOUS', 'insertion')
    expect(plain(computed)).toEqual({
      A: { [topic1Uuid]: [0, 1], [topic2Uuid]: [0] },
      B: { [topic1Uuid]: [2], [topic2Uuid]: [1, 2] },
    })
    checkValidityAndBalance(spec, computed)
  })

  it('testReassignmentWhenPartitionsAreAddedForTwoMembersTwoTopics', () => {
    const spec = groupSpec({ [topic1Uuid]: 6, [topic2Uuid]: 5 }, [
      member('A', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [0, 2], [topic2Uuid]: [0] }),
      member('B', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [1], [topic2Uuid]: [1, 2] }),
    ])
    const computed = assign(spec, 'HOMOGENEOUS', 'insertion')
    expect(plain(computed)).toEqual({
      A: { [topic1Uuid]: [0, 2, 3], [topic2Uuid]: [0, 3, 4] },
      B: { [topic1Uuid]: [1, 4, 5], [topic2Uuid]: [1, 2] },
    })
    checkValidityAndBalance(spec, computed)
  })

  it('testReassignmentWhenOneMemberAddedAfterInitialAssignmentWithTwoMembersTwoTopics', () => {
    const spec = groupSpec({ [topic1Uuid]: 3, [topic2Uuid]: 3 }, [
      member('A', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [0, 2], [topic2Uuid]: [0] }),
      member('B', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [1], [topic2Uuid]: [1, 2] }),
      member('C', [topic1Uuid, topic2Uuid]),
    ])
    const computed = assign(spec, 'HOMOGENEOUS', 'insertion')
    expect(plain(computed)).toEqual({
      A: { [topic1Uuid]: [0, 2] },
      B: { [topic1Uuid]: [1], [topic2Uuid]: [1] },
      C: { [topic2Uuid]: [0, 2] },
    })
    checkValidityAndBalance(spec, computed)
  })

  it('testReassignmentWhenOneMemberRemovedAfterInitialAssignmentWithThreeMembersTwoTopics', () => {
    const spec = groupSpec({ [topic1Uuid]: 3, [topic2Uuid]: 3 }, [
      member('A', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [0], [topic2Uuid]: [0] }),
      member('B', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [1], [topic2Uuid]: [1] }),
    ])
    const computed = assign(spec, 'HOMOGENEOUS')
    expect(plain(computed)).toEqual({
      A: { [topic1Uuid]: [0], [topic2Uuid]: [0, 2] },
      B: { [topic1Uuid]: [1, 2], [topic2Uuid]: [1] },
    })
    checkValidityAndBalance(spec, computed)
  })

  it('testReassignmentWhenOneSubscriptionRemovedAfterInitialAssignmentWithTwoMembersTwoTopics', () => {
    const spec = groupSpec({ [topic1Uuid]: 2, [topic2Uuid]: 2 }, [
      member('A', [topic2Uuid], { [topic1Uuid]: [0], [topic2Uuid]: [0] }),
      member('B', [topic2Uuid], { [topic1Uuid]: [1], [topic2Uuid]: [1] }),
    ])
    const computed = assign(spec, 'HOMOGENEOUS')
    expect(plain(computed)).toEqual({ A: { [topic2Uuid]: [0] }, B: { [topic2Uuid]: [1] } })
    checkValidityAndBalance(spec, computed)
  })
})

describe('UniformHeterogeneousAssignmentBuilderTest', () => {
  it('testTwoMembersNoTopicSubscription', () => {
    const spec = groupSpec({ [topic1Uuid]: 3 }, [member('A', []), member('B', [])])
    // Kafka returns no member at all (as the builder does); assignUniform lists every member with nothing
    expect(buildUniformHeterogeneous(spec).size).toBe(0)
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({ A: {}, B: {} })
  })

  it('testTwoMembersSubscribedToNonexistentTopics', () => {
    const spec = groupSpec({ [topic1Uuid]: 3 }, [member('A', [topic3Uuid]), member('B', [topic2Uuid])])
    expect(() => assign(spec, 'HETEROGENEOUS')).toThrow(PartitionAssignorError)
  })

  it('testFirstAssignmentTwoMembersTwoTopics', () => {
    const spec = groupSpec({ [topic1Uuid]: 3, [topic3Uuid]: 6 }, [member('A', [topic1Uuid, topic3Uuid]), member('B', [topic3Uuid])])
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({
      A: { [topic1Uuid]: [0, 1, 2], [topic3Uuid]: [4] },
      B: { [topic3Uuid]: [0, 1, 2, 3, 5] },
    })
  })

  it('testFirstAssignmentNumMembersGreaterThanTotalNumPartitions', () => {
    const spec = groupSpec({ [topic3Uuid]: 1, [topic1Uuid]: 2 }, [member('A', [topic3Uuid]), member('B', [topic3Uuid]), member('C', [topic1Uuid])])
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({
      A: { [topic3Uuid]: [0] },
      B: {},
      C: { [topic1Uuid]: [0, 1] },
    })
  })

  it('testReassignmentForTwoMembersThreeTopicsGivenUnbalancedPrevAssignment', () => {
    const spec = groupSpec({ [topic1Uuid]: 6, [topic2Uuid]: 4, [topic3Uuid]: 4 }, [
      member('A', [topic1Uuid], { [topic1Uuid]: [0, 1, 2] }),
      member('B', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [3], [topic2Uuid]: [0] }),
      member('C', [topic1Uuid, topic2Uuid, topic3Uuid], { [topic1Uuid]: [4, 5], [topic2Uuid]: [1, 2, 3], [topic3Uuid]: [0, 1, 2, 3] }),
    ])
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({
      A: { [topic1Uuid]: [0, 1, 2, 5] },
      B: { [topic1Uuid]: [3], [topic2Uuid]: [0, 1, 2, 3] },
      C: { [topic1Uuid]: [4], [topic3Uuid]: [0, 1, 2, 3] },
    })
  })

  it('testReassignmentWhenPartitionsAreAddedForTwoMembers', () => {
    const spec = groupSpec({ [topic1Uuid]: 6, [topic2Uuid]: 5, [topic3Uuid]: 3, [topic4Uuid]: 3 }, [
      member('A', [topic1Uuid, topic3Uuid], { [topic1Uuid]: [0, 1, 2, 3], [topic3Uuid]: [0, 1] }),
      member('B', [topic1Uuid, topic2Uuid, topic3Uuid, topic4Uuid], { [topic2Uuid]: [0, 1, 2], [topic4Uuid]: [0, 1, 2] }),
    ])
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({
      A: { [topic1Uuid]: [0, 1, 2, 3, 4, 5], [topic3Uuid]: [0, 1, 2] },
      B: { [topic2Uuid]: [0, 1, 2, 3, 4], [topic4Uuid]: [0, 1, 2] },
    })
  })

  it('testReassignmentWhenOneMemberAddedAndPartitionsAddedTwoMembersTwoTopics', () => {
    const spec = groupSpec({ [topic1Uuid]: 6, [topic2Uuid]: 7 }, [
      member('A', [topic1Uuid], { [topic1Uuid]: [0, 2], [topic2Uuid]: [0] }),
      member('B', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [1], [topic2Uuid]: [1, 2] }),
      member('C', [topic1Uuid, topic2Uuid]),
    ])
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({
      A: { [topic1Uuid]: [0, 2, 3, 4, 5] },
      B: { [topic1Uuid]: [1], [topic2Uuid]: [1, 2, 6] },
      C: { [topic2Uuid]: [0, 3, 4, 5] },
    })
  })

  it('testReassignmentWhenOneMemberRemovedAfterInitialAssignmentWithThreeMembersThreeTopics', () => {
    const spec = groupSpec({ [topic1Uuid]: 3, [topic2Uuid]: 8, [topic3Uuid]: 3 }, [
      member('A', [topic1Uuid, topic3Uuid], { [topic1Uuid]: [0, 1, 2], [topic3Uuid]: [0, 1] }),
      member('B', [topic2Uuid], { [topic2Uuid]: [3, 4, 5, 6] }),
    ])
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({
      A: { [topic1Uuid]: [0, 1, 2], [topic3Uuid]: [0, 1, 2] },
      B: { [topic2Uuid]: [0, 1, 2, 3, 4, 5, 6, 7] },
    })
  })

  it('testReassignmentWhenOneSubscriptionRemovedAfterInitialAssignmentWithTwoMembersTwoTopics', () => {
    const spec = groupSpec({ [topic1Uuid]: 3, [topic2Uuid]: 5 }, [
      member('A', [topic1Uuid], { [topic1Uuid]: [0, 2], [topic2Uuid]: [1, 3] }),
      member('B', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [1], [topic2Uuid]: [0, 2, 4] }),
    ])
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({
      A: { [topic1Uuid]: [0, 1, 2] },
      B: { [topic2Uuid]: [0, 1, 2, 3, 4] },
    })
  })

  it('testReassignmentWhenTopicPartitionsRunOutAndMembersHaveNoPartitions', () => {
    const spec = groupSpec({ [topic1Uuid]: 2, [topic2Uuid]: 2, [topic3Uuid]: 2 }, [
      member('A', [topic1Uuid, topic2Uuid, topic3Uuid], { [topic1Uuid]: [0, 1], [topic2Uuid]: [0, 1], [topic3Uuid]: [0, 1] }),
      member('B', [topic1Uuid, topic2Uuid, topic3Uuid]),
    ])
    // the Java test declares HETEROGENEOUS although both members subscribe to the same topics
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({
      A: { [topic2Uuid]: [0], [topic3Uuid]: [0, 1] },
      B: { [topic1Uuid]: [0, 1], [topic2Uuid]: [1] },
    })
  })

  it('testFirstAssignmentWithTwoMembersIncludingOneWithoutSubscriptions', () => {
    const spec = groupSpec({ [topic1Uuid]: 3 }, [member('A', [topic1Uuid]), member('B', [])])
    expect(plain(assign(spec, 'HETEROGENEOUS'))).toEqual({ A: { [topic1Uuid]: [0, 1, 2] }, B: {} })
  })
})

/**
 * Not Kafka tests: the outputs of Kafka's own UniformAssignor classes (apache/kafka trunk of
 * 2024-10-25) run on JDK 25 with the coordinator's collections (HashMap current assignments, HashSet
 * partitions), to pin the Java iteration orders the homogeneous builder depends on.
 */
describe('uniform assignor, as Kafka computes it on JDK 21+', () => {
  it('iterates a current assignment in java.util.HashMap order of the topic ids', () => {
    // same input as testReassignmentForTwoMembersTwoTopicsGivenUnbalancedPrevAssignment, but with
    // HashMap (not LinkedHashMap) assignments: topic2Uuid comes first, so topic1's partition 1 moves
    const spec = groupSpec({ [topic1Uuid]: 3, [topic2Uuid]: 3 }, [
      member('A', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [0, 1], [topic2Uuid]: [0, 1] }),
      member('B', [topic1Uuid, topic2Uuid], { [topic1Uuid]: [2], [topic2Uuid]: [2] }),
    ])
    expect(plain(assignUniform(spec))).toEqual({
      A: { [topic1Uuid]: [0], [topic2Uuid]: [0, 1] },
      B: { [topic1Uuid]: [1, 2], [topic2Uuid]: [2] },
    })
  })

  it('keeps the first partitions in java.util.HashSet<Integer> order, not the lowest', () => {
    // a HashSet of 8 partitions has 16 buckets: it iterates 0, 16, 1, 17, 2, 3, 4, 5
    const spec = groupSpec({ [topic1Uuid]: 18 }, [member('A', [topic1Uuid], { [topic1Uuid]: [0, 1, 2, 3, 4, 5, 16, 17] }), member('B', [topic1Uuid]), member('C', [topic1Uuid])])
    expect(plain(assignUniform(spec))).toEqual({
      A: { [topic1Uuid]: [0, 1, 2, 3, 16, 17] },
      B: { [topic1Uuid]: [6, 7, 8, 9, 10, 11] },
      C: { [topic1Uuid]: [4, 5, 12, 13, 14, 15] },
    })
  })

  it('sizes new HashSet<>(12 topic ids) with 16 buckets (JDK 19+; JDK 17 takes 32 and differs)', () => {
    const ids = Array.from({ length: 12 }, (_, i) => topicIdFromBits(BigInt(i + 1) * 0x0123456789abcdefn, BigInt(i + 1) * -0x1f2e3d4c5b6a7988n))
    const topics = Object.fromEntries(ids.map((id) => [id, 1]))
    const spec = groupSpec(topics, ['A', 'B', 'C', 'D', 'E'].map((m) => member(m, ids)))
    const one = (...names: string[]): Partitions => Object.fromEntries(names.map((id) => [id, [0]]))
    expect(plain(assignUniform(spec))).toEqual({
      A: one('A2nQNp0Dac2idUga7cCTaA', 'B_bl1MOyoYklvFLpgBatSA', 'Cj1wo9cKPWfnX9hQyUG6OA'),
      B: one('C2C2C2C2C1bIMZsEbddAsA', 'DIP7cuph2UWpA124EmzHKA', 'DadA2nQNpzSJ1SBrtwJNoA'),
      C: one('BbBbBbBbBatkGM2CNuugWA', 'BtOgbToG05pE6pA124Em0A'),
      D: one('ASNFZ4mrze_g0cKzpJWGeA', 'AkaKzxNXm97Bo4VnSSsM8A'),
      E: one('BI0VniavN7yDRwrOklYZ4A', 'CRorPE1eb3gGjhWdJKwzwA'),
    })
  })
})

describe('Kafka Uuid (UuidTest)', () => {
  it('testHashCode', () => {
    expect(uuidHashCode(topicIdFromBits(16n, 7n))).toBe(23)
    expect(uuidHashCode(topicIdFromBits(1043n, 20075n))).toBe(19064)
    expect(uuidHashCode(topicIdFromBits(104312423523523n, 200732425676585n))).toBe(-2011255899)
  })

  it('testCompareUuids', () => {
    const id00 = topicIdFromBits(0n, 0n)
    const id01 = topicIdFromBits(0n, 1n)
    const id10 = topicIdFromBits(1n, 0n)
    expect([compareTopicIds(id00, id00), compareTopicIds(id00, id01), compareTopicIds(id00, id10)]).toEqual([0, -1, -1])
    expect([compareTopicIds(id01, id00), compareTopicIds(id10, id00), compareTopicIds(id01, id10), compareTopicIds(id10, id01)]).toEqual([1, 1, -1, 1])
    expect(compareTopicIds(topicIdFromBits(-1n, 0n), id00)).toBe(-1)
    expect(compareTopicIds(id00, topicIdFromBits(0n, -1n))).toBe(1)
  })

  it('testStringConversion and testFromStringWithInvalidInput', () => {
    expect(topicIdFromBits(0n, 1n)).toBe('AAAAAAAAAAAAAAAAAAAAAQ')
    expect(topicIdToBits(topic1Uuid)).toEqual({ msb: 5719431763388092168n, lsb: -8582694466532503749n })
    expect(topicIdToBits('AAAAAAAAAAAAAAAAAAAAAQ==')).toEqual({ msb: 0n, lsb: 1n })
    // like java.util.Base64, the unused low bits of the last character are ignored
    expect(topicIdFromBits(topicIdToBits(topic2Uuid).msb, topicIdToBits(topic2Uuid).lsb)).toBe('T2-B4s3VTwiI5YHbPp6YUQ')
    expect(uuidHashCode(topic2Uuid)).toBe(uuidHashCode('T2-B4s3VTwiI5YHbPp6YUQ'))
    expect(() => topicIdToBits('A'.repeat(43))).toThrow(RangeError)
    expect(() => topicIdToBits('AAAAAA')).toThrow(RangeError)
    fc.assert(
      fc.property(fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), (msb, lsb) => {
        const id = topicIdFromBits(msb, lsb)
        expect(id).toHaveLength(22)
        expect(topicIdToBits(id)).toEqual({ msb, lsb })
      }),
    )
  })
})

const longs = fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n)
const MAX_TOPICS = 5
const MAX_MEMBERS = 6
const MAX_PARTITIONS = 7

/**
 * A random small group: up to 5 topics (random ids, 1-7 partitions), up to 6 members, each
 * subscribed to a subset of the topics (all the same subset when `homogeneous`), and a valid
 * current assignment (each partition held by at most one member, subscribed or not).
 */
const groups = fc
  .record({
    topics: fc.uniqueArray(fc.tuple(longs, longs, fc.integer({ min: 1, max: MAX_PARTITIONS })), {
      minLength: 1,
      maxLength: MAX_TOPICS,
      selector: (t) => `${t[0]}/${t[1]}`,
    }),
    memberCount: fc.integer({ min: 1, max: MAX_MEMBERS }),
    homogeneous: fc.boolean(),
    subscribes: fc.array(fc.array(fc.boolean(), { minLength: MAX_TOPICS, maxLength: MAX_TOPICS }), { minLength: MAX_MEMBERS, maxLength: MAX_MEMBERS }),
    /** owner of partition p of topic t: owners[t * MAX_PARTITIONS + p], -1 for none */
    owners: fc.array(fc.integer({ min: -1, max: MAX_MEMBERS - 1 }), { minLength: MAX_TOPICS * MAX_PARTITIONS, maxLength: MAX_TOPICS * MAX_PARTITIONS }),
  })
  .map(({ topics, memberCount, homogeneous, subscribes, owners }): ConsumerGroupSpec => {
    const ids = topics.map(([msb, lsb]) => topicIdFromBits(msb, lsb))
    const subscription = (m: number): TopicId[] => ids.filter((_, t) => subscribes[homogeneous ? 0 : m]![t])
    const previous: Partitions[] = Array.from({ length: memberCount }, () => ({}))
    topics.forEach(([, , partitions], t) => {
      for (let p = 0; p < partitions; p++) {
        const owner = owners[t * MAX_PARTITIONS + p]!
        if (owner >= 0 && owner < memberCount) (previous[owner]![ids[t]!] ??= []).push(p)
      }
    })
    return {
      members: previous.map((assignment, m) => member(`m${m}`, subscription(m), assignment)),
      topics: new Map(ids.map((id, t) => [id, { id, name: id, partitions: topics[t]![2] }])),
    }
  })

describe('assignUniform properties', () => {
  it('assigns every subscribed partition exactly once, to a subscriber; balanced when homogeneous', () => {
    fc.assert(
      fc.property(groups, (spec) => {
        const result = assignUniform(spec)
        expect([...result.keys()]).toEqual(spec.members.map((m) => m.memberId))
        const owners = new Map<string, string>()
        for (const m of spec.members) {
          for (const [topicId, partitions] of result.get(m.memberId)!) {
            expect(m.subscribedTopicIds).toContain(topicId)
            expect(partitions).toEqual([...partitions].sort((a, b) => a - b))
            for (const p of partitions) {
              expect(p).toBeLessThan(spec.topics.get(topicId)!.partitions)
              expect(owners.has(`${topicId}-${p}`)).toBe(false)
              owners.set(`${topicId}-${p}`, m.memberId)
            }
          }
        }
        const subscribed = new Set(spec.members.flatMap((m) => m.subscribedTopicIds))
        let expected = 0
        for (const id of subscribed) expected += spec.topics.get(id)!.partitions
        expect(owners.size).toBe(expected)
        if (subscriptionType(spec) === 'HOMOGENEOUS') {
          const sizes = spec.members.map((m) => size(result.get(m.memberId)!))
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
        }
        expect(plain(assignUniform(spec))).toEqual(plain(result))
      }),
      { numRuns: 300 },
    )
  })

  it('homogeneous: assigning again from its own result changes nothing (not a Kafka test)', () => {
    fc.assert(
      fc.property(groups, (spec) => {
        fc.pre(subscriptionType(spec) === 'HOMOGENEOUS')
        const first = assignUniform(spec)
        const again: ConsumerGroupSpec = { ...spec, members: spec.members.map((m) => ({ ...m, assignedPartitions: first.get(m.memberId)! })) }
        expect(plain(assignUniform(again))).toEqual(plain(first))
      }),
      { numRuns: 200 },
    )
  })
})
