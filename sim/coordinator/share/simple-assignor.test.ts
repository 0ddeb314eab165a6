/**
 * The share-group `simple` assignor (SimpleAssignor + Simple{Homogeneous,Heterogeneous}AssignmentBuilder,
 * apache/kafka 5e32e528 / f1d99eca / 3a475745) against Kafka's own unit tests:
 * group-coordinator/src/test/java/org/apache/kafka/coordinator/group/assignor/SimpleAssignorTest.java in
 * its builder-era form (the stored version with the ...WithAllowedMap, ...WithNonAssignableTopic and
 * testIncrementalAssignment... methods and KRaftCoordinatorMetadataImage), one `it` per Java method,
 * all 16 ported; none skipped. Kafka has no SimpleHomogeneous/HeterogeneousAssignmentBuilderTest.
 * The older file's methods (testMemberHashAssignment, testRoundRobinAssignment...,
 * testAssignWithCurrentAssignmentHomogeneous) test the hash-based assignor that these builders
 * replaced, so they have no counterpart here.
 *
 * Kafka's test draws its topic ids with Uuid.randomUuid() and asserts only what holds for any ids:
 * each Java case runs here with two fixed id sets, ordinary ids and ids whose Uuid.hashCode() is 0
 * (every topic in one HashMap bucket), and asserts what Java asserts. Kafka's test puts its members in
 * a java.util.HashMap, so GroupSpec.memberIds() iterates in that map's order: the specs here list
 * them in the order of the same HashMap (JavaHashMap over String.hashCode, removals included). Where
 * Kafka feeds an assignment back (new Assignment(partitions)), the port feeds back the listed result
 * (each topic's partitions rebuilt as a HashSet from the ascending list).
 *
 * Then: Kafka's quirks pinned with fixed ids, exact vectors (results and listing order) that a Java
 * transcription of the two builders produced on OpenJDK 25's java.util collections (a local check,
 * not Kafka's code itself), java.util.HashMap iteration vectors from OpenJDK 25, and properties over
 * random groups.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { javaStringHashCode } from '../../kafka/java.ts'
import {
  PartitionAssignorError,
  subscriptionType,
  type AssignorMember,
  type ConsumerGroupSpec,
  type GroupAssignment,
  type SubscriptionType,
  type TopicId,
} from '../consumer/assignment-spec.ts'
import { topicIdFromBits, topicIdFromBytes } from '../consumer/topic-id.ts'
import { SIMPLE_ASSIGNOR_NAME, assignSimple, type SimpleAssignorOptions } from './simple-assignor.ts'
import { JavaHashMap } from '../../kafka/java-hash-map.ts'

interface TopicIds {
  name: string
  t1: TopicId
  t2: TopicId
  t3: TopicId
  t4: TopicId
}

const ORDINARY: TopicIds = {
  name: 'ordinary topic ids',
  t1: topicIdFromBits(0x5a3c0f1e2d4b6987n, -0x1234567890abcdefn), // WjwPHi1LaYfty6mHb1QyEQ
  t2: topicIdFromBits(0x0123456789abcdefn, 0x7edcba9876543210n), // ASNFZ4mrze9-3LqYdlQyEA
  t3: topicIdFromBits(-0x600df00dcafebaben, 0x2468ace013579bdfn), // n_IP8jUBRUIkaKzgE1eb3w
  t4: topicIdFromBits(0x3141592653589793n, 0x2718281828459045n), // MUFZJlNYl5MnGCgYKEWQRQ
}

/** msb == lsb: Uuid.hashCode() is 0 for all four */
const COLLIDING: TopicIds = {
  name: 'topic ids with hash code 0',
  t1: topicIdFromBits(0x1111111111111111n, 0x1111111111111111n), // EREREREREREREREREREREQ
  t2: topicIdFromBits(0x2222222222222222n, 0x2222222222222222n),
  t3: topicIdFromBits(0x3333333333333333n, 0x3333333333333333n),
  t4: topicIdFromBits(0x4444444444444444n, 0x4444444444444444n),
}

type Partitions = Record<TopicId, number[]>

/** MemberSubscriptionAndAssignmentImpl(no rack, no instance id, subscription (LinkedHashSet order), assignment) */
function member(memberId: string, subscribed: readonly TopicId[], assignment: Partitions | ReadonlyMap<TopicId, readonly number[]> = {}): AssignorMember {
  const assigned = assignment instanceof Map ? new Map(assignment) : new Map(Object.entries(assignment))
  return { memberId, subscribedTopicIds: [...subscribed], assignedPartitions: assigned }
}

/** the metadata image: topic id -> partition count */
function topicsOf(counts: Record<TopicId, number>): ConsumerGroupSpec['topics'] {
  return new Map(Object.entries(counts).map(([id, partitions]) => [id, { id, name: id, partitions }]))
}

/** the members of Kafka's test: a java.util.HashMap<String, MemberSubscriptionAndAssignmentImpl> */
function membersMap(): JavaHashMap<string, AssignorMember> {
  return new JavaHashMap<string, AssignorMember>((id) => id, javaStringHashCode)
}

/** new GroupSpecImpl(members, type, ...): memberIds() is the HashMap's key set */
function groupSpec(counts: Record<TopicId, number>, members: JavaHashMap<string, AssignorMember> | readonly AssignorMember[]): ConsumerGroupSpec {
  return { members: members instanceof JavaHashMap ? members.entries().map(([, m]) => m) : members, topics: topicsOf(counts) }
}

function assign(spec: ConsumerGroupSpec, declared: SubscriptionType, assignablePartitions?: SimpleAssignorOptions['assignablePartitions']): GroupAssignment {
  return assignSimple(spec, { subscriptionType: declared, ...(assignablePartitions === undefined ? {} : { assignablePartitions }) })
}

/** as Java compares Map<String, Map<Uuid, Set<Integer>>>: regardless of order */
function plain(assignment: GroupAssignment): Record<string, Partitions> {
  const out: Record<string, Partitions> = {}
  for (const [memberId, topics] of assignment) out[memberId] = Object.fromEntries(topics)
  return out
}

/** members, topics and partitions in the order the result lists them */
function ordered(assignment: GroupAssignment): [string, [TopicId, number[]][]][] {
  return [...assignment].map(([memberId, topics]) => [memberId, [...topics]])
}

/** assertEveryPartitionGetsAssignment: the number of distinct partitions assigned to anyone */
function distinctPartitions(assignment: GroupAssignment): number {
  const seen = new Set<string>()
  for (const topics of assignment.values()) for (const [t, ps] of topics) for (const p of ps) seen.add(`${t}:${p}`)
  return seen.size
}

describe('SimpleAssignorTest', () => {
  it('testName', () => {
    expect(SIMPLE_ASSIGNOR_NAME).toBe('simple')
  })

  describe.each([ORDINARY, COLLIDING])('$name', ({ t1, t2, t3, t4 }) => {
    it('testAssignWithEmptyMembers', () => {
      const spec = groupSpec({}, [])
      expect(assign(spec, 'HOMOGENEOUS').size).toBe(0)
      expect(assign(spec, 'HETEROGENEOUS').size).toBe(0)
    })

    it('testAssignWithNoSubscribedTopic', () => {
      // Java returns an empty GroupAssignment (Map.of()); the port lists every member with nothing,
      // which is what the coordinator makes of a member missing from the assignor's result.
      const spec = groupSpec({ [t1]: 3 }, [member('A', [])])
      expect(plain(assign(spec, 'HOMOGENEOUS'))).toEqual({ A: {} })
    })

    it('testAssignWithSubscribedToNonExistentTopic', () => {
      const spec = groupSpec({ [t1]: 3 }, [member('A', [t2])])
      expect(() => assign(spec, 'HOMOGENEOUS')).toThrow(PartitionAssignorError)
      expect(() => assign(spec, 'HOMOGENEOUS')).toThrow(`Members are subscribed to topic ${t2} which doesn't exist in the topic metadata.`)
    })

    it('testAssignWithTwoMembersAndTwoTopicsHomogeneous', () => {
      const members = membersMap()
      members.put('A', member('A', [t1, t3]))
      members.put('B', member('B', [t1, t3]))
      const computed = assign(groupSpec({ [t1]: 3, [t3]: 2 }, members), 'HOMOGENEOUS')
      expect(distinctPartitions(computed)).toBe(5)
    })

    it('testAssignWithTwoMembersAndTwoTopicsHomogeneousWithAllowedMap', () => {
      const members = membersMap()
      members.put('A', member('A', [t1, t3]))
      members.put('B', member('B', [t1, t3]))
      const allowed = new Map([
        [t1, [0, 1, 2]],
        [t3, [0, 1]], // but not 2
      ])
      const computed = assign(groupSpec({ [t1]: 3, [t3]: 3 }, members), 'HOMOGENEOUS', allowed)
      expect(distinctPartitions(computed)).toBe(5)
    })

    it('testAssignWithTwoMembersAndTwoTopicsHomogeneousWithNonAssignableTopic', () => {
      const members = membersMap()
      members.put('A', member('A', [t1, t3]))
      members.put('B', member('B', [t1, t3]))
      const computed = assign(groupSpec({ [t1]: 3, [t3]: 2 }, members), 'HOMOGENEOUS', new Map([[t1, [0, 1, 2]]]))
      expect(distinctPartitions(computed)).toBe(3)
    })

    it('testAssignWithThreeMembersThreeTopicsHeterogeneous', () => {
      const members = membersMap()
      members.put('A', member('A', [t1, t2]))
      members.put('B', member('B', [t3]))
      members.put('C', member('C', [t2, t3]))
      const computed = assign(groupSpec({ [t1]: 3, [t2]: 3, [t3]: 2 }, members), 'HETEROGENEOUS')
      // T1: 3 partitions + T2: 3 partitions + T3: 2 partitions = 8 partitions
      expect(distinctPartitions(computed)).toBe(8)
    })

    it('testAssignWithThreeMembersThreeTopicsHeterogeneousWithAllowedMap', () => {
      const members = membersMap()
      members.put('A', member('A', [t1, t2]))
      members.put('B', member('B', [t3]))
      members.put('C', member('C', [t2, t3]))
      const allowed = new Map([
        [t1, [0, 1]], // but not 2
        [t2, [0, 2]], // but not 1
        [t3, [1]], // but not 0
      ])
      const computed = assign(groupSpec({ [t1]: 3, [t2]: 3, [t3]: 2 }, members), 'HETEROGENEOUS', allowed)
      // T1: 2 partitions + T2: 2 partitions + T3: 1 partition = 5 partitions
      expect(distinctPartitions(computed)).toBe(5)
    })

    it('testAssignWithThreeMembersThreeTopicsHeterogeneousWithNonAssignableTopic', () => {
      const members = membersMap()
      members.put('A', member('A', [t1, t2]))
      members.put('B', member('B', [t3]))
      members.put('C', member('C', [t2, t3]))
      const allowed = new Map([
        [t1, [0, 1, 2]],
        [t2, [0, 1, 2]],
      ])
      const computed = assign(groupSpec({ [t1]: 3, [t2]: 3, [t3]: 2 }, members), 'HETEROGENEOUS', allowed)
      expect(plain(computed)).toEqual({
        A: { [t1]: [0, 1, 2], [t2]: [0, 2] },
        B: {},
        C: { [t2]: [1] },
      })
      // T1: 3 partitions + T2: 3 partitions + T3: 2 partitions (non-assignable) = 6 partitions
      expect(distinctPartitions(computed)).toBe(6)
    })

    it('testAssignWithOneMemberNoAssignedTopicHeterogeneous', () => {
      const members = membersMap()
      members.put('A', member('A', [t1, t2]))
      members.put('B', member('B', []))
      const computed = assign(groupSpec({ [t1]: 3, [t2]: 2 }, members), 'HETEROGENEOUS')
      expect(plain(computed)).toEqual({
        A: { [t1]: [0, 1, 2], [t2]: [0, 1] },
        B: {},
      })
      // T1: 3 partitions + T2: 2 partitions = 5 partitions
      expect(distinctPartitions(computed)).toBe(5)
    })

    it('testIncrementalAssignmentIncreasingMembersHomogeneous', () => {
      const numPartitions = 24
      const numMembers = 101
      const counts = { [t1]: numPartitions }
      const members = membersMap()
      // Increase the number of members one a time, checking that the partitions are assigned as expected
      for (let i = 0; i < numMembers; i++) {
        members.put(`M${i}`, member(`M${i}`, [t1]))
        const computed = assign(groupSpec(counts, members), 'HOMOGENEOUS')
        expect(distinctPartitions(computed)).toBe(numPartitions)
        for (const [memberId, partitions] of computed) members.put(memberId, member(memberId, [t1], partitions))
      }
    })

    it('testIncrementalAssignmentDecreasingMembersHomogeneous', () => {
      const numPartitions = 24
      const numMembers = 101
      const counts = { [t1]: numPartitions }
      const members = membersMap()
      for (let i = 0; i < numMembers; i++) members.put(`M${i}`, member(`M${i}`, [t1]))
      let computed = assign(groupSpec(counts, members), 'HOMOGENEOUS')
      expect(distinctPartitions(computed)).toBe(numPartitions)
      for (let i = 0; i < numMembers; i++) members.put(`M${i}`, member(`M${i}`, [t1], computed.get(`M${i}`)!))
      // Decrease the number of members one a time, checking that the partitions are assigned as expected
      for (let i = numMembers - 1; i > 0; i--) {
        members.remove(`M${i}`)
        computed = assign(groupSpec(counts, members), 'HOMOGENEOUS')
        expect(distinctPartitions(computed)).toBe(numPartitions)
        for (const [memberId, partitions] of computed) members.put(memberId, member(memberId, [t1], partitions))
      }
    })

    it('testAssignWithCurrentAssignmentHeterogeneous', () => {
      // Current assignment setup - 3 members A - {T1, T2}, B - {T3}, C - {T2, T3}.
      const members1 = membersMap()
      members1.put('A', member('A', [t1, t2]))
      members1.put('B', member('B', [t3]))
      members1.put('C', member('C', [t2, t3]))
      const computed1 = assign(groupSpec({ [t1]: 3, [t2]: 3, [t3]: 2 }, members1), 'HETEROGENEOUS')
      expect(distinctPartitions(computed1)).toBe(8)

      // New assignment setup - 2 members A - {T1, T2, T3}, B - {T3, T4}.
      const members2 = membersMap()
      members2.put('A', member('A', [t1, t2, t3], { [t1]: [0, 1, 2], [t2]: [0, 2] }))
      members2.put('B', member('B', [t3, t4], { [t3]: [0, 1] }))
      const computed2 = assign(groupSpec({ [t1]: 3, [t2]: 3, [t3]: 2, [t4]: 1 }, members2), 'HETEROGENEOUS')
      expect(distinctPartitions(computed2)).toBe(9)
    })

    const subscriptions = [[t1, t2, t3], [t2], [t3], [t1, t2]]
    const heterogeneousCounts = { [t1]: 24 / 2, [t2]: 24 / 3, [t3]: 24 / 6 }

    it('testIncrementalAssignmentIncreasingMembersHeterogeneous', () => {
      const numPartitions = 24
      const numMembers = 101
      const members = membersMap()
      // Increase the number of members one a time, checking that the partitions are assigned as expected
      for (let i = 0; i < numMembers; i++) {
        members.put(`M${i}`, member(`M${i}`, subscriptions[i % 4]!))
        const computed = assign(groupSpec(heterogeneousCounts, members), 'HETEROGENEOUS')
        expect(distinctPartitions(computed)).toBe(numPartitions)
        // as in Java: the members before the new one get their new assignment, the new one keeps none
        for (let j = 0; j < i; j++) members.put(`M${j}`, member(`M${j}`, subscriptions[j % 4]!, computed.get(`M${j}`)!))
      }
    })

    it('testIncrementalAssignmentDecreasingMembersHeterogeneous', () => {
      const numPartitions = 24
      const numMembers = 101
      const members = membersMap()
      for (let i = 0; i < numMembers; i++) members.put(`M${i}`, member(`M${i}`, subscriptions[i % 4]!))
      let computed = assign(groupSpec(heterogeneousCounts, members), 'HETEROGENEOUS')
      expect(distinctPartitions(computed)).toBe(numPartitions)
      for (let i = 0; i < numMembers; i++) members.put(`M${i}`, member(`M${i}`, subscriptions[i % 4]!, computed.get(`M${i}`)!))
      // Decrease the number of members one a time, checking that the partitions are assigned as expected
      for (let i = numMembers - 1; i > 0; i--) {
        members.remove(`M${i}`)
        computed = assign(groupSpec(heterogeneousCounts, members), 'HETEROGENEOUS')
        expect(distinctPartitions(computed)).toBe(numPartitions)
        for (let j = 0; j < i; j++) members.put(`M${j}`, member(`M${j}`, subscriptions[j % 4]!, computed.get(`M${j}`)!))
      }
    })
  })
})

const { t1: T1, t2: T2, t3: T3, t4: T4 } = ORDINARY

describe("Kafka's quirks, pinned (checked against the Java transcription)", () => {
  it('HETEROGENEOUS: a topic nobody subscribes to any more stays with the members holding it', () => {
    // No partial builder runs for t3 (it is not in the union of the subscriptions), and the branch
    // that would drop an unsubscribed topic is unreachable in SimpleHeterogeneousAssignmentBuilder.
    const spec = groupSpec({ [T1]: 2, [T2]: 2, [T3]: 2 }, [member('A', [T1], { [T3]: [0, 1] }), member('B', [T2], { [T3]: [1] })])
    expect(ordered(assign(spec, 'HETEROGENEOUS'))).toEqual([
      ['A', [[T1, [0, 1]], [T3, [0, 1]]]],
      ['B', [[T2, [0, 1]], [T3, [1]]]],
    ])
    // HOMOGENEOUS drops the topics the group does not subscribe to
    const homogeneous = groupSpec({ [T1]: 2, [T3]: 2 }, [member('A', [T1], { [T3]: [0, 1] }), member('B', [T1], { [T3]: [1] })])
    expect(plain(assign(homogeneous, 'HOMOGENEOUS'))).toEqual({ A: { [T1]: [1] }, B: { [T1]: [0] } })
  })

  it('a held partition that is no longer assignable is kept and takes the room of a target partition', () => {
    // t has partitions 0..2, only 0 and 1 assignable; A holds 2. A wants 2 partitions: it keeps 2 and
    // takes the first of 0, 1 in HashMap order; the other is left without a member.
    const spec = (t: TopicId): ConsumerGroupSpec => groupSpec({ [t]: 3 }, [member('A', [t], { [t]: [2] })])
    expect(plain(assign(spec(T1), 'HOMOGENEOUS', new Map([[T1, [0, 1]]])))).toEqual({ A: { [T1]: [1, 2] } })
    expect(plain(assign(spec(T2), 'HOMOGENEOUS', new Map([[T2, [0, 1]]])))).toEqual({ A: { [T2]: [0, 2] } })
  })

  it('a held partition beyond the partition count: handed to more members, or NoSuchElementException', () => {
    // t has 1 partition, 3 members, A holds t:3: desired sharing 3, each member wants 1. In HashMap
    // order either t:3 comes first and B, C join it (t:0 gets nobody), or t:0 comes first, B and C
    // take it, the unfilled set empties with one assignment still to make, and the restarted
    // iterator's next() throws.
    const spec = (t: TopicId): ConsumerGroupSpec => groupSpec({ [t]: 1 }, [member('A', [t], { [t]: [3] }), member('B', [t]), member('C', [t])])
    expect(plain(assign(spec(T1), 'HOMOGENEOUS'))).toEqual({ A: { [T1]: [3] }, B: { [T1]: [3] }, C: { [T1]: [3] } })
    expect(() => assign(spec(T2), 'HOMOGENEOUS')).toThrow('java.util.NoSuchElementException')
  })
})

describe('vectors from the Java transcription on OpenJDK 25 (results and listing order)', () => {
  it('two members, two topics, homogeneous', () => {
    const spec = groupSpec({ [T1]: 3, [T3]: 2 }, [member('A', [T1, T3]), member('B', [T1, T3])])
    expect(ordered(assign(spec, 'HOMOGENEOUS'))).toEqual([
      ['A', [[T1, [0, 1]], [T3, [1]]]],
      ['B', [[T1, [2]], [T3, [0]]]],
    ])
  })

  it('three members, three topics, heterogeneous', () => {
    const spec = groupSpec({ [T1]: 3, [T2]: 3, [T3]: 2 }, [member('A', [T1, T2]), member('B', [T3]), member('C', [T2, T3])])
    expect(ordered(assign(spec, 'HETEROGENEOUS'))).toEqual([
      ['A', [[T2, [0, 2]], [T1, [0, 1, 2]]]],
      ['B', [[T3, [0]]]],
      ['C', [[T2, [1]], [T3, [1]]]],
    ])
  })

  it('current assignment, heterogeneous (phase 2 of testAssignWithCurrentAssignmentHeterogeneous)', () => {
    const spec = groupSpec({ [T1]: 3, [T2]: 3, [T3]: 2, [T4]: 1 }, [
      member('A', [T1, T2, T3], { [T1]: [0, 1, 2], [T2]: [0, 2] }),
      member('B', [T3, T4], { [T3]: [0, 1] }),
    ])
    expect(ordered(assign(spec, 'HETEROGENEOUS'))).toEqual([
      ['A', [[T2, [0, 1, 2]], [T3, [0]], [T1, [0, 1, 2]]]],
      ['B', [[T4, [0]], [T3, [1]]]],
    ])
  })

  it('a member joins a homogeneous group: one partition moves', () => {
    const spec = groupSpec({ [T1]: 7 }, [
      member('A', [T1], { [T1]: [0, 1, 2] }),
      member('B', [T1], { [T1]: [3, 4] }),
      member('C', [T1], { [T1]: [5, 6] }),
      member('D', [T1]),
    ])
    expect(ordered(assign(spec, 'HOMOGENEOUS'))).toEqual([
      ['A', [[T1, [0, 2]]]],
      ['B', [[T1, [3, 4]]]],
      ['C', [[T1, [5, 6]]]],
      ['D', [[T1, [1]]]],
    ])
  })

  it('20 members share 6 partitions (members in HashMap order)', () => {
    const members = membersMap()
    for (let i = 0; i < 20; i++) members.put(`M${i}`, member(`M${i}`, [T1]))
    const order = members.keys()
    expect(order.join(' ')).toBe('M0 M1 M2 M3 M4 M5 M6 M7 M8 M9 M11 M10 M13 M12 M15 M14 M17 M16 M19 M18')
    const spec = groupSpec(
      { [T1]: 6 },
      order.map((id, i) => member(id, [T1], i < 8 ? { [T1]: [i % 6, (i + 1) % 6] } : {})),
    )
    const expected: [string, number[]][] = [
      ['M0', [0, 1]], ['M1', [2]], ['M2', [2]], ['M3', [4]], ['M4', [4]], ['M5', [0, 5]], ['M6', [0]],
      ['M7', [2]], ['M8', [5]], ['M9', [5]], ['M11', [2, 5]], ['M10', [3]], ['M13', [3]], ['M12', [3]],
      ['M15', [3]], ['M14', [0, 4]], ['M17', [4]], ['M16', [1]], ['M19', [1]], ['M18', [1]],
    ]
    expect(ordered(assign(spec, 'HOMOGENEOUS'))).toEqual(expected.map(([id, ps]) => [id, [[T1, ps]]]))
  })
})

describe('JavaHashMap: java.util.HashMap iteration order (vectors from OpenJDK 25)', () => {
  const ints = (capacity?: number): JavaHashMap<number, number> => new JavaHashMap<number, number>((k) => k, (k) => k, capacity)

  it('put appends to its bucket, computeIfAbsent prepends', () => {
    const put = ints()
    const computed = ints()
    for (const k of [0, 16, 32]) {
      put.put(k, 0)
      computed.computeIfAbsent(k, () => 0)
    }
    expect(put.keys()).toEqual([0, 16, 32])
    expect(computed.keys()).toEqual([32, 16, 0])
  })

  it('computeIfAbsent grows the table at the next call, not after the insert', () => {
    const map = ints()
    for (const k of [17, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) map.computeIfAbsent(k, () => 0)
    expect(map.keys()).toEqual([1, 17, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    map.computeIfAbsent(13, () => 0)
    expect(map.keys()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17])
  })

  it('new HashMap<>(2) grows to 4 at its second key; removals keep the table', () => {
    const map = ints(2)
    for (const k of [5, 1, 3]) map.put(k, 0)
    expect(map.keys()).toEqual([5, 1, 3])
    map.remove(1)
    map.put(9, 0)
    expect(map.keys()).toEqual([5, 9, 3])
  })
})

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

interface Scenario {
  spec: ConsumerGroupSpec
  assignable: Map<TopicId, number[]> | undefined
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    topics: fc.uniqueArray(fc.record({ bytes: fc.uint8Array({ minLength: 16, maxLength: 16 }), partitions: fc.integer({ min: 0, max: 12 }) }), {
      minLength: 1,
      maxLength: 4,
      selector: (t) => topicIdFromBytes(t.bytes),
    }),
    members: fc.array(
      fc.record({ subscribe: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), hold: fc.array(fc.array(fc.boolean(), { maxLength: 12 }), { minLength: 4, maxLength: 4 }) }),
      { minLength: 1, maxLength: 25 },
    ),
    sameSubscription: fc.boolean(),
    assignable: fc.option(fc.array(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), { minLength: 4, maxLength: 4 }), { nil: undefined }),
  })
  .map(({ topics, members, sameSubscription, assignable }) => {
    const ids = topics.map((t) => topicIdFromBytes(t.bytes))
    const allowed = assignable === undefined ? undefined : new Map(ids.map((id, i) => [id, topics[i]!.partitions > 0 ? [...Array(topics[i]!.partitions).keys()].filter((p) => assignable[i]![p]) : []]))
    const isTarget = (i: number, p: number): boolean => p < topics[i]!.partitions && (assignable === undefined || assignable[i]![p] === true)
    const specMembers = members.map((m, mi) => {
      const subscribe = sameSubscription ? members[0]!.subscribe : m.subscribe
      const held = new Map<TopicId, number[]>()
      ids.forEach((id, i) => {
        // current assignments inside the target partitions, of any topic (subscribed or not)
        const ps = (m.hold[i] ?? []).flatMap((h, p) => (h && isTarget(i, p) ? [p] : []))
        if (ps.length > 0) held.set(id, ps)
      })
      return member(`m${mi}`, ids.filter((_, i) => subscribe[i]), held)
    })
    return { spec: { members: specMembers, topics: new Map(ids.map((id, i) => [id, { id, name: `topic${i}`, partitions: topics[i]!.partitions }])) }, assignable: allowed }
  })

/** the spec as text, to tell that the assignor left it untouched */
function snapshotOf(spec: ConsumerGroupSpec): string {
  return JSON.stringify([spec.members.map((m) => [m.memberId, m.subscribedTopicIds, [...m.assignedPartitions]]), [...spec.topics]])
}

function options(s: Scenario): SimpleAssignorOptions {
  return s.assignable === undefined ? {} : { assignablePartitions: s.assignable }
}

describe('properties', () => {
  it('every target partition goes to at least one subscriber; only subscribers get a topic (save the pinned exception)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { spec } = s
        const type = subscriptionType(spec)
        const result = assignSimple(spec, options(s))
        const isTarget = (t: TopicId, p: number): boolean => p < spec.topics.get(t)!.partitions && (s.assignable === undefined || s.assignable.get(t)!.includes(p))
        for (const [topicId, topic] of spec.topics) {
          const subscribers = spec.members.filter((m) => m.subscribedTopicIds.includes(topicId))
          if (subscribers.length === 0) continue
          for (let p = 0; p < topic.partitions; p++) {
            if (!isTarget(topicId, p)) continue
            expect(subscribers.some((m) => result.get(m.memberId)!.get(topicId)?.includes(p))).toBe(true)
          }
        }
        for (const m of spec.members) {
          for (const [topicId, partitions] of result.get(m.memberId)!) {
            if (m.subscribedTopicIds.includes(topicId)) continue
            // pinned above: in a HETEROGENEOUS group a topic nobody subscribes to stays as held
            expect(type).toBe('HETEROGENEOUS')
            expect(spec.members.some((x) => x.subscribedTopicIds.includes(topicId))).toBe(false)
            expect(partitions).toEqual(m.assignedPartitions.get(topicId))
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('is a pure function of its input: spec untouched, same result (and order) twice, every member listed', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (s, declareOther) => {
        const { spec } = s
        const before = snapshotOf(spec)
        const opts: SimpleAssignorOptions = { ...options(s), ...(declareOther ? { subscriptionType: 'HETEROGENEOUS' } : {}) }
        const first = assignSimple(spec, opts)
        const second = assignSimple(spec, opts)
        expect(ordered(second)).toEqual(ordered(first))
        expect([...first.keys()]).toEqual(spec.members.map((m) => m.memberId))
        for (const topics of first.values()) {
          for (const [topicId, partitions] of topics) {
            expect(spec.topics.has(topicId)).toBe(true)
            expect(partitions.length).toBeGreaterThan(0)
            for (let i = 1; i < partitions.length; i++) expect(partitions[i]!).toBeGreaterThan(partitions[i - 1]!)
          }
        }
        expect(snapshotOf(spec)).toBe(before)
      }),
      { numRuns: 200 },
    )
  })
})
