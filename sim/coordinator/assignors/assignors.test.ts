// Kafka's four assignors (range, roundrobin, sticky, cooperative-sticky) on Kafka's own vectors and properties.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AssignorInput, AssignorName } from './index.ts'
import { AssignorError, assignPartitions, assignPartitionsDetailed, partitionsTransferringOwnership } from './index.ts'
import { loadVectors } from '../../kafka/vectors.test-helper.ts'
import { parseTopicPartition } from '../../kafka/topic-partition.ts'

interface AssignorVector extends AssignorInput {
  name: string
  source: string
  assignor: AssignorName
  builder?: 'constrained' | 'general'
  notes?: string
  expected: Record<string, string[]>
  expectedPartitionsTransferringOwnership?: Record<string, string>
}

interface AssignorsFile {
  format: Record<string, string>
  caveats: string[]
  vectors: AssignorVector[]
}

const file = loadVectors<AssignorsFile>('assignors.json')

const STICKY_TEST = 'clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java'

// ---- Cases restated from Kafka (used when the vector file is absent, and checked against it) ----

const RESTATED: AssignorVector[] = [
  {
    name: 'range/testTwoConsumersTwoTopicsSixPartitions',
    source: 'clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java',
    assignor: 'range',
    topics: { topic1: 3, topic2: 3 },
    members: { consumer1: ['topic1', 'topic2'], consumer2: ['topic1', 'topic2'] },
    expected: { consumer1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'], consumer2: ['topic1-2', 'topic2-2'] },
  },
  {
    name: 'range/testTwoStaticConsumersTwoTopicsSixPartitions',
    source: 'clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java',
    assignor: 'range',
    topics: { topic1: 3, topic2: 3 },
    members: { 'consumer-b': ['topic1', 'topic2'], 'consumer-a': ['topic1', 'topic2'] },
    groupInstanceIds: { 'consumer-b': 'instance1', 'consumer-a': 'instance2' },
    expected: { 'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'], 'consumer-a': ['topic1-2', 'topic2-2'] },
  },
  {
    name: 'roundrobin/testMultipleConsumersMixedTopics',
    source: 'clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java',
    assignor: 'roundrobin',
    topics: { topic1: 3, topic2: 2 },
    members: { consumer1: ['topic1'], consumer2: ['topic1', 'topic2'], consumer3: ['topic1'] },
    expected: { consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-0', 'topic2-1'], consumer3: ['topic1-2'] },
  },
  {
    name: 'roundrobin/testStaticMemberRoundRobinAssignmentPersistent',
    source: 'clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java',
    assignor: 'roundrobin',
    topics: { topic1: 3, topic2: 3 },
    members: { consumer1: ['topic1', 'topic2'], consumer2: ['topic1', 'topic2'], consumer3: ['topic1', 'topic2'], consumer4: ['topic1', 'topic2'] },
    groupInstanceIds: { consumer1: 'instance1', consumer2: 'instance2', consumer3: 'instance3' },
    expected: { consumer1: ['topic1-0', 'topic2-1'], consumer2: ['topic1-1', 'topic2-2'], consumer3: ['topic1-2'], consumer4: ['topic2-0'] },
  },
  {
    name: 'sticky/testTwoConsumersTwoTopicsSixPartitions',
    source: STICKY_TEST,
    assignor: 'sticky',
    builder: 'constrained',
    topics: { topic1: 3, topic2: 3 },
    members: { consumer1: ['topic1', 'topic2'], consumer2: ['topic1', 'topic2'] },
    previous: {},
    expected: { consumer1: ['topic1-0', 'topic1-2', 'topic2-1'], consumer2: ['topic1-1', 'topic2-0', 'topic2-2'] },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testMultipleConsumersMixedTopicSubscriptions',
    source: STICKY_TEST,
    assignor: 'sticky',
    builder: 'general',
    topics: { topic1: 3, topic2: 2 },
    members: { consumer1: ['topic1'], consumer2: ['topic1', 'topic2'], consumer3: ['topic1'] },
    previous: {},
    expected: { consumer1: ['topic1-0', 'topic1-2'], consumer2: ['topic2-0', 'topic2-1'], consumer3: ['topic1-1'] },
  },
  {
    name: 'cooperative-sticky/testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers (first rebalance)',
    source: `${STICKY_TEST} + CooperativeStickyAssignor.adjustAssignment`,
    assignor: 'cooperative-sticky',
    builder: 'constrained',
    topics: { topic1: 2, topic2: 2 },
    members: { consumer1: ['topic1', 'topic2'], consumer2: ['topic1', 'topic2'], consumer3: ['topic1', 'topic2'] },
    previous: { consumer1: ['topic1-0', 'topic2-0'], consumer2: ['topic1-1', 'topic2-1'], consumer3: [] },
    generation: { consumer1: 1, consumer2: 1, consumer3: 1 },
    expected: { consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-1'], consumer3: [] },
    expectedPartitionsTransferringOwnership: { 'topic2-0': 'consumer3' },
  },
  {
    name: 'sticky/testAddRemoveTwoConsumersTwoTopics (step 2: add consumer3, consumer4)',
    source: STICKY_TEST,
    assignor: 'sticky',
    builder: 'constrained',
    topics: { topic1: 3, topic2: 4 },
    members: { consumer1: ['topic1', 'topic2'], consumer2: ['topic1', 'topic2'], consumer3: ['topic1', 'topic2'], consumer4: ['topic1', 'topic2'] },
    previous: { consumer1: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'], consumer2: ['topic1-1', 'topic2-0', 'topic2-2'], consumer3: [], consumer4: [] },
    generation: { consumer1: 1, consumer2: 1, consumer3: 1, consumer4: 1 },
    expected: { consumer1: ['topic1-0', 'topic2-1'], consumer2: ['topic2-0', 'topic1-1'], consumer3: ['topic1-2', 'topic2-3'], consumer4: ['topic2-2'] },
    expectedPartitionsTransferringOwnership: { 'topic1-2': 'consumer3', 'topic2-3': 'consumer3', 'topic2-2': 'consumer4' },
  },
  {
    name: 'sticky/testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer',
    source: 'clients/src/test/java/org/apache/kafka/clients/consumer/StickyAssignorTest.java',
    assignor: 'sticky',
    builder: 'constrained',
    topics: { topic: 3 },
    members: { consumer1: ['topic'], consumer2: ['topic'], consumer3: ['topic'] },
    previous: { consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-0', 'topic-2'], consumer3: [] },
    generation: { consumer1: 1, consumer2: 1, consumer3: 1 },
    expected: { consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: ['topic-0'] },
  },
  {
    name: 'sticky/javadoc-example-2 (unequal subscriptions, fresh)',
    source: 'clients/src/main/java/org/apache/kafka/clients/consumer/StickyAssignor.java (class Javadoc, Example 2)',
    assignor: 'sticky',
    builder: 'general',
    topics: { t0: 1, t1: 2, t2: 3 },
    members: { C0: ['t0'], C1: ['t0', 't1'], C2: ['t0', 't1', 't2'] },
    previous: {},
    expected: { C0: ['t0-0'], C1: ['t1-0', 't1-1'], C2: ['t2-0', 't2-1', 't2-2'] },
  },
]

// ---- More of Kafka's own assertions (not in the vector file) ----

interface ExtraCase extends AssignorVector {
  /** 'set': Kafka's test compares HashSets (or sorted strings) */
  compare?: 'list' | 'set'
}

const DOUBLE_CLAIM: AssignorInput = {
  topics: { topic: 3 },
  members: { consumer1: ['topic'], consumer2: ['topic'], consumer3: ['topic'] },
  previous: { consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-0', 'topic-2'], consumer3: [] },
  generation: { consumer1: 1, consumer2: 1, consumer3: 1 },
}

const RACKLESS_T = { t1: 6, t2: 7, t3: 2 }
const ALL_T = ['t1', 't2', 't3']
const PARTITION_ASSIGNOR_TEST = 'clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractPartitionAssignorTest.java#verifyRackAssignment'
const split = (s: string) => s.split(', ')

const EXTRA: ExtraCase[] = [
  {
    name: 'sticky/testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers',
    source: STICKY_TEST,
    assignor: 'sticky',
    builder: 'constrained',
    topics: { topic1: 2, topic2: 2 },
    members: { consumer1: ['topic1', 'topic2'], consumer2: ['topic1', 'topic2'], consumer3: ['topic1', 'topic2'] },
    previous: { consumer1: ['topic1-0', 'topic2-0'], consumer2: ['topic1-1', 'topic2-1'], consumer3: [] },
    generation: { consumer1: 1, consumer2: 1, consumer3: 1 },
    expected: { consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-1'], consumer3: ['topic2-0'] },
    expectedPartitionsTransferringOwnership: { 'topic2-0': 'consumer3' },
  },
  {
    name: 'cooperative-sticky/testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers (follow-up rebalance)',
    source: `${STICKY_TEST} (final state the test asserts after the cooperative follow-up)`,
    assignor: 'cooperative-sticky',
    builder: 'constrained',
    topics: { topic1: 2, topic2: 2 },
    members: { consumer1: ['topic1', 'topic2'], consumer2: ['topic1', 'topic2'], consumer3: ['topic1', 'topic2'] },
    previous: { consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-1'], consumer3: [] },
    generation: { consumer1: 2, consumer2: 2, consumer3: 2 },
    expected: { consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-1'], consumer3: ['topic2-0'] },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testConsumerOwningMinQuotaExpectedMaxQuota',
    source: STICKY_TEST,
    assignor: 'sticky',
    topics: { topic1: 2, topic2: 3 },
    members: { consumer1: ['topic1', 'topic2'], consumer2: ['topic1', 'topic2'] },
    previous: { consumer1: ['topic1-0', 'topic2-1'], consumer2: ['topic1-1', 'topic2-2'] },
    generation: { consumer1: 1, consumer2: 1 },
    expected: { consumer1: ['topic1-0', 'topic2-1', 'topic2-0'], consumer2: ['topic1-1', 'topic2-2'] },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testAllConsumersReachExpectedQuotaAndAreConsideredFilled',
    source: STICKY_TEST,
    assignor: 'sticky',
    topics: { topic: 4 },
    members: { consumer1: ['topic'], consumer2: ['topic'], consumer3: ['topic'] },
    previous: { consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'], consumer3: [] },
    generation: { consumer1: 1, consumer2: 1, consumer3: 1 },
    expected: { consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'], consumer3: ['topic-3'] },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testAddRemoveTwoConsumersTwoTopics (step 1: fresh)',
    source: STICKY_TEST,
    assignor: 'sticky',
    topics: { topic1: 3, topic2: 4 },
    members: { consumer1: ['topic1', 'topic2'], consumer2: ['topic1', 'topic2'] },
    expected: { consumer1: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'], consumer2: ['topic1-1', 'topic2-0', 'topic2-2'] },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testAddRemoveTwoConsumersTwoTopics (step 3: remove consumer1, consumer2)',
    source: STICKY_TEST,
    assignor: 'sticky',
    topics: { topic1: 3, topic2: 4 },
    members: { consumer3: ['topic1', 'topic2'], consumer4: ['topic1', 'topic2'] },
    previous: { consumer3: ['topic1-2', 'topic2-3'], consumer4: ['topic2-2'] },
    generation: { consumer3: 1, consumer4: 1 },
    expected: { consumer3: ['topic1-2', 'topic2-3', 'topic1-0', 'topic2-1'], consumer4: ['topic2-2', 'topic1-1', 'topic2-0'] },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration',
    source: STICKY_TEST,
    assignor: 'sticky',
    ...DOUBLE_CLAIM,
    expected: { consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: ['topic-0'] },
    expectedPartitionsTransferringOwnership: { 'topic-0': 'consumer3' },
  },
  {
    name: 'cooperative-sticky/same-generation double claim (first rebalance)',
    source: `${STICKY_TEST} + CooperativeStickyAssignor.adjustAssignment`,
    assignor: 'cooperative-sticky',
    ...DOUBLE_CLAIM,
    expected: { consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: [] },
    expectedPartitionsTransferringOwnership: { 'topic-0': 'consumer3' },
  },
  {
    name: 'sticky/testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration',
    source: STICKY_TEST,
    assignor: 'sticky',
    compare: 'set',
    topics: { topic: 3, topic2: 3 },
    members: { consumer1: ['topic', 'topic2'], consumer2: ['topic', 'topic2'] },
    previous: { consumer1: ['topic-0', 'topic-2', 'topic2-1'], consumer2: ['topic-0', 'topic-2', 'topic2-1'] },
    generation: { consumer1: 10, consumer2: 9 },
    expected: { consumer1: ['topic-0', 'topic-2', 'topic2-1'], consumer2: ['topic-1', 'topic2-0', 'topic2-2'] },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration',
    source: STICKY_TEST,
    assignor: 'cooperative-sticky',
    compare: 'set',
    topics: { topic: 3, topic2: 3 },
    members: { consumer1: ['topic', 'topic2'], consumer2: ['topic', 'topic2'] },
    previous: { consumer1: ['topic-0', 'topic-2', 'topic2-1'], consumer2: ['topic-0', 'topic-2', 'topic2-1'] },
    generation: { consumer1: 10 },
    expected: { consumer1: ['topic-0', 'topic-2', 'topic2-1'], consumer2: ['topic-1', 'topic2-0', 'topic2-2'] },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testEnsurePartitionsAssignedToHighestGeneration',
    source: STICKY_TEST,
    assignor: 'sticky',
    compare: 'set',
    topics: { topic: 3, topic2: 3, topic3: 3 },
    members: { consumer1: ['topic', 'topic2', 'topic3'], consumer2: ['topic', 'topic2', 'topic3'], consumer3: ['topic', 'topic2', 'topic3'] },
    previous: {
      consumer1: ['topic-0', 'topic2-0', 'topic3-0'],
      consumer2: ['topic-1', 'topic2-1', 'topic3-1'],
      consumer3: ['topic2-1', 'topic3-0', 'topic3-2'],
    },
    generation: { consumer1: 10, consumer2: 9, consumer3: 8 },
    expected: {
      consumer1: ['topic-0', 'topic2-0', 'topic3-0'],
      consumer2: ['topic-1', 'topic2-1', 'topic3-1'],
      consumer3: ['topic-2', 'topic2-2', 'topic3-2'],
    },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration',
    source: STICKY_TEST,
    assignor: 'sticky',
    compare: 'set',
    topics: { topic: 3, topic2: 3 },
    members: { consumer1: ['topic', 'topic2'], consumer2: ['topic', 'topic2'] },
    previous: { consumer1: ['topic-0', 'topic2-1', 'topic-1'], consumer2: ['topic-0', 'topic2-1', 'topic2-2'] },
    generation: { consumer1: 10, consumer2: 8 },
    expected: { consumer1: ['topic-0', 'topic2-1', 'topic-1'], consumer2: ['topic-2', 'topic2-2', 'topic2-0'] },
    expectedPartitionsTransferringOwnership: {},
  },
  {
    name: 'sticky/testRackAwareAssignmentWithNonEqualSubscription (no racks)',
    source: `${STICKY_TEST} + ${PARTITION_ASSIGNOR_TEST}`,
    assignor: 'sticky',
    builder: 'general',
    compare: 'set',
    topics: RACKLESS_T,
    members: { consumer0: ALL_T, consumer1: ALL_T, consumer2: ['t1', 't3'] },
    expected: {
      consumer0: split('t1-5, t2-0, t2-2, t2-4, t2-6'),
      consumer1: split('t1-3, t2-1, t2-3, t2-5, t3-0'),
      consumer2: split('t1-0, t1-1, t1-2, t1-4, t3-1'),
    },
  },
  {
    name: 'cooperative-sticky/testRackAwareAssignmentWithNonEqualSubscription (no racks, owned -> intermediate)',
    source: `${STICKY_TEST} + ${PARTITION_ASSIGNOR_TEST}`,
    assignor: 'cooperative-sticky',
    builder: 'general',
    compare: 'set',
    topics: RACKLESS_T,
    members: { consumer0: ALL_T, consumer1: ALL_T, consumer2: ['t1', 't3'] },
    previous: {
      consumer0: split('t1-0, t1-1, t1-2, t1-3, t1-4'),
      consumer1: split('t1-5, t2-0, t2-1, t2-2, t2-3'),
      consumer2: split('t2-4, t2-5, t2-6, t3-0, t3-1'),
    },
    expected: { consumer0: split('t1-2, t1-3, t1-4'), consumer1: split('t2-0, t2-1, t2-2, t2-3'), consumer2: split('t3-0, t3-1') },
  },
  {
    name: 'cooperative-sticky/testRackAwareAssignmentWithNonEqualSubscription (no racks, intermediate -> final)',
    source: `${STICKY_TEST} + ${PARTITION_ASSIGNOR_TEST}`,
    assignor: 'cooperative-sticky',
    builder: 'general',
    compare: 'set',
    topics: RACKLESS_T,
    members: { consumer0: ALL_T, consumer1: ALL_T, consumer2: ['t1', 't3'] },
    previous: { consumer0: split('t1-2, t1-3, t1-4'), consumer1: split('t2-0, t2-1, t2-2, t2-3'), consumer2: split('t3-0, t3-1') },
    expected: {
      consumer0: split('t1-2, t1-3, t1-4, t2-4, t2-5'),
      consumer1: split('t2-0, t2-1, t2-2, t2-3, t2-6'),
      consumer2: split('t1-0, t1-1, t1-5, t3-0, t3-1'),
    },
  },
  {
    name: 'sticky/javadoc-example-2 (C0 leaves)',
    source: 'clients/src/main/java/org/apache/kafka/clients/consumer/StickyAssignor.java (class Javadoc, Example 2)',
    assignor: 'sticky',
    builder: 'general',
    topics: { t0: 1, t1: 2, t2: 3 },
    members: { C1: ['t0', 't1'], C2: ['t0', 't1', 't2'] },
    previous: { C1: ['t1-0', 't1-1'], C2: ['t2-0', 't2-1', 't2-2'] },
    generation: { C1: 1, C2: 1 },
    expected: { C1: ['t1-0', 't1-1', 't0-0'], C2: ['t2-0', 't2-1', 't2-2'] },
  },
  {
    name: 'roundrobin/javadoc-example-2 (unequal subscriptions)',
    source: 'clients/src/main/java/org/apache/kafka/clients/consumer/RoundRobinAssignor.java (class Javadoc)',
    assignor: 'roundrobin',
    topics: { t0: 1, t1: 2, t2: 3 },
    members: { C0: ['t0'], C1: ['t0', 't1'], C2: ['t0', 't1', 't2'] },
    expected: { C0: ['t0-0'], C1: ['t1-0'], C2: ['t1-1', 't2-0', 't2-1', 't2-2'] },
  },
  {
    name: 'range/javadoc-example',
    source: 'clients/src/main/java/org/apache/kafka/clients/consumer/RangeAssignor.java (class Javadoc)',
    assignor: 'range',
    topics: { t0: 3, t1: 3 },
    members: { C0: ['t0', 't1'], C1: ['t0', 't1'] },
    expected: { C0: ['t0-0', 't0-1', 't1-0', 't1-1'], C1: ['t0-2', 't1-2'] },
  },
]

const sortedLists = (r: Record<string, string[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]))

function checkCase(v: ExtraCase): void {
  const result = assignPartitionsDetailed(v.assignor, v)
  const expected = Object.fromEntries(Object.keys(v.members).map((m) => [m, v.expected[m] ?? []]))
  if (v.compare === 'set') expect(sortedLists(result.assignment)).toEqual(sortedLists(expected))
  else expect(result.assignment).toEqual(expected)
  if (v.builder !== undefined) expect(result.builder).toBe(v.builder)
  if (v.expectedPartitionsTransferringOwnership !== undefined) {
    expect(result.partitionsTransferringOwnership).toEqual(v.expectedPartitionsTransferringOwnership)
  }
}

describe('assignPartitions: Kafka vectors', () => {
  // Tests over the shared vector file exist only where the file is (the restated cases always run).
  if (file) {
    it('the vector file has the documented format', () => {
      expect(Object.keys(file.format)).toContain('expected')
      expect(file.vectors.length).toBeGreaterThanOrEqual(16)
    })
  }

  for (const v of file?.vectors ?? []) {
    it(`vector file: ${v.name}`, () => checkCase(v))
  }

  for (const v of RESTATED) {
    it(`restated: ${v.name}`, () => checkCase(v))
  }

  if (file) {
    it('the restated cases agree with the vector file', () => {
      for (const v of RESTATED) {
        const inFile = file.vectors.find((f) => f.name === v.name)
        expect(inFile, v.name).toBeDefined()
        const pick = (x: AssignorVector) => [x.assignor, x.topics, x.members, x.groupInstanceIds, x.previous, x.generation, x.expected, x.expectedPartitionsTransferringOwnership]
        expect(pick(v), v.name).toEqual(pick(inFile!))
      }
    })
  }

  for (const v of EXTRA) {
    it(`Kafka test: ${v.name}`, () => checkCase(v))
  }
})

describe('assignPartitions: details Kafka is particular about', () => {
  it('the sticky general builder reports no partitionsTransferringOwnership (Kafka sets it to null)', () => {
    const input = { topics: { a: 2, b: 1 }, members: { m1: ['a'], m2: ['a', 'b'] } }
    expect(partitionsTransferringOwnership('sticky', input)).toBeNull()
    expect(partitionsTransferringOwnership('range', input)).toBeUndefined()
  })

  it('cooperative-sticky in the general case withholds partitions added to one member and revoked from another', () => {
    const r = assignPartitionsDetailed('cooperative-sticky', {
      topics: { a: 4, b: 1 },
      members: { m1: ['a', 'b'], m2: ['a'] },
      previous: { m1: ['a-0', 'a-1', 'a-2', 'a-3', 'b-0'] },
      generation: { m1: 3, m2: 3 },
    })
    expect(r.builder).toBe('general')
    const withheld = r.partitionsTransferringOwnership!
    expect(Object.keys(withheld).length).toBeGreaterThan(0)
    for (const [tp, owner] of Object.entries(withheld)) {
      expect(owner).toBe('m2')
      expect(Object.values(r.assignment).flat()).not.toContain(tp)
    }
  })

  it('range and roundrobin order static members by group.instance.id before dynamic ones', () => {
    const input = {
      topics: { t: 3 },
      members: { a: ['t'], b: ['t'], z: ['t'] },
      groupInstanceIds: { z: 'i0', b: 'i1' },
    }
    expect(assignPartitions('range', input)).toEqual({ z: ['t-0'], b: ['t-1'], a: ['t-2'] })
    expect(assignPartitions('roundrobin', input)).toEqual({ z: ['t-0'], b: ['t-1'], a: ['t-2'] })
  })

  it('a member with an empty subscription met first in HashMap order makes Kafka take the constrained path', () => {
    // AbstractStickyAssignor#allSubscriptionsEqual only fills its topic set from the first
    // non-empty subscription, so an empty one seen first never makes the subscriptions unequal.
    const first = assignPartitionsDetailed('sticky', { topics: { t: 3 }, members: { a: [], b: ['t'], c: ['t'] } })
    expect(first.builder).toBe('constrained')
    expect(first.assignment).toEqual({ a: ['t-0'], b: ['t-1'], c: ['t-2'] })
    const last = assignPartitionsDetailed('sticky', { topics: { t: 3 }, members: { a: ['t'], b: ['t'], c: [] } })
    expect(last.builder).toBe('general')
    expect(last.assignment.c).toEqual([])
  })

  it('the constrained builder visits members in java.util.HashMap order, not sorted order', () => {
    // "Aa" and "BB" share String#hashCode 2112, hence a bucket, where they keep their put order.
    // Both own maxQuota partitions but there is one max-quota slot: the first one visited keeps it.
    const run = (members: Record<string, string[]>) =>
      assignPartitionsDetailed('sticky', {
        topics: { t: 4 },
        members,
        previous: { Aa: ['t-0', 't-1'], BB: ['t-2', 't-3'] },
        generation: { Aa: 1, BB: 1, C: 1 },
      })
    const ab = run({ Aa: ['t'], BB: ['t'], C: ['t'] })
    expect(ab.assignment).toEqual({ Aa: ['t-0', 't-1'], BB: ['t-2'], C: ['t-3'] })
    expect(ab.partitionsTransferringOwnership).toEqual({ 't-3': 'C' })
    const ba = run({ BB: ['t'], Aa: ['t'], C: ['t'] })
    expect(ba.assignment).toEqual({ BB: ['t-2', 't-3'], Aa: ['t-0'], C: ['t-1'] })
    expect(ba.partitionsTransferringOwnership).toEqual({ 't-1': 'C' })
    // consumer1..consumer4 iterate as consumer4, consumer3, consumer2, consumer1
    const four = assignPartitions('sticky', {
      topics: { t: 5 },
      members: { consumer1: ['t'], consumer2: ['t'], consumer3: ['t'], consumer4: ['t'] },
      previous: { consumer1: ['t-0', 't-1'], consumer2: ['t-2', 't-3'], consumer3: ['t-4'], consumer4: [] },
    })
    expect(four).toEqual({ consumer1: ['t-0'], consumer2: ['t-2', 't-3'], consumer3: ['t-4'], consumer4: ['t-1'] })
  })

  it('throws where Kafka throws: a stale previous owner that left the topic and takes no part in the moves', () => {
    // consumer3 (generation -1 < 0) still reports zz-0 but now subscribes only to an empty topic,
    // so it is "fixed" and has no entry in currentAssignment when performReassignments asks
    // whether zz-0 should go back to it: Kafka's currentAssignment.get(prevOwner).size() is an NPE.
    const input = {
      topics: { t1: 1, zz: 1, empty: 0 },
      members: { consumer1: ['zz'], Aa: ['t1', 'zz'], consumer3: ['empty'] },
      previous: { consumer1: [], Aa: ['zz-0'], consumer3: ['zz-0'] },
      generation: { Aa: 0 },
    }
    for (const s of ['sticky', 'cooperative-sticky'] as const) {
      expect(() => assignPartitions(s, input)).toThrow(AssignorError)
      expect(() => assignPartitions(s, input)).toThrow(/NullPointerException/)
    }
  })

  it('owned partitions of unknown topics or beyond the partition count are ignored', () => {
    const r = assignPartitions('sticky', {
      topics: { t: 2 },
      members: { m1: ['t'], m2: ['t'] },
      previous: { m1: ['gone-0', 't-7', 't-1'], m2: [] },
      generation: { m1: 1, m2: 1 },
    })
    expect(r).toEqual({ m1: ['t-1'], m2: ['t-0'] })
  })

  it('topic names with dashes parse by the last dash', () => {
    const r = assignPartitions('cooperative-sticky', {
      topics: { 'orders-eu-1': 2 },
      members: { m1: ['orders-eu-1'], m2: ['orders-eu-1'] },
      previous: { m1: ['orders-eu-1-1'] },
      generation: { m1: 1 },
    })
    expect(r).toEqual({ m1: ['orders-eu-1-1'], m2: ['orders-eu-1-0'] })
  })

  it('rejects malformed input', () => {
    expect(() => assignPartitions('range', { topics: { t: -1 }, members: { m: ['t'] } })).toThrow(RangeError)
    expect(() => assignPartitions('sticky', { topics: { t: 1 }, members: { m: ['t'] }, previous: { m: ['t'] } })).toThrow(RangeError)
    expect(() => assignPartitions('nope' as AssignorName, { topics: {}, members: {} })).toThrow(RangeError)
  })

  it('no members, no topics', () => {
    for (const s of ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const) {
      expect(assignPartitions(s, { topics: { t: 3 }, members: {} })).toEqual({})
      expect(assignPartitions(s, { topics: {}, members: { m: ['t'] } })).toEqual({ m: [] })
    }
  })
})

// ---- Properties ----

const TOPICS = ['t0', 't1', 'orders-eu', 'zz'] as const
/** includes "Aa"/"BB" (equal String#hashCode) and ids that share HashMap buckets */
const MEMBER_IDS = ['consumer1', 'consumer2', 'consumer3', 'consumer4', 'Aa', 'BB', 'c-1', 'member-7f3a', 'x'] as const
const OWNABLE = TOPICS.flatMap((t) => [0, 1, 2, 3, 4, 5].map((p) => `${t}-${p}`))
const STRATEGIES = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const

function topicOfName(name: string): string {
  return parseTopicPartition(name)!.topic
}

const memberArb = fc.record({
  topics: fc.subarray([...TOPICS], { minLength: 1 }),
  isStatic: fc.boolean(),
  owned: fc.subarray(OWNABLE, { maxLength: 8 }),
  generation: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
})

type MemberSpec = typeof memberArb extends fc.Arbitrary<infer T> ? T : never

/**
 * `ownedFromSubscription`: owned partitions only of topics the member subscribes to. Without it a
 * member with a stale generation may "previously own" a partition of a topic it left, which can
 * make Kafka's general builder throw (see the NullPointerException test).
 */
function buildInput(
  counts: readonly number[],
  members: ReadonlyArray<readonly [string, MemberSpec]>,
  options: { sameTopics?: string[]; ownedFromSubscription: boolean },
): AssignorInput {
  const input: Required<AssignorInput> = { topics: {}, members: {}, groupInstanceIds: {}, previous: {}, generation: {} }
  TOPICS.forEach((t, i) => (input.topics[t] = counts[i]!))
  for (const [id, m] of members) {
    const topics = options.sameTopics ?? m.topics
    input.members[id] = topics
    if (m.isStatic) input.groupInstanceIds[id] = `instance-${id}`
    input.previous[id] = options.ownedFromSubscription ? m.owned.filter((tp) => topics.includes(topicOfName(tp))) : m.owned
    if (m.generation !== undefined) input.generation[id] = m.generation
  }
  return input
}

const membersArb = fc.uniqueArray(fc.tuple(fc.constantFrom(...MEMBER_IDS), memberArb), { minLength: 1, maxLength: 6, selector: ([id]) => id })
const countsArb = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: TOPICS.length, maxLength: TOPICS.length })
const inputArb = fc.tuple(countsArb, membersArb).map(([counts, members]) => buildInput(counts, members, { ownedFromSubscription: true }))
const wildInputArb = fc.tuple(countsArb, membersArb).map(([counts, members]) => buildInput(counts, members, { ownedFromSubscription: false }))
const equalInputArb = fc
  .tuple(countsArb, membersArb, fc.subarray([...TOPICS], { minLength: 1 }))
  .map(([counts, members, sameTopics]) => buildInput(counts, members, { sameTopics, ownedFromSubscription: false }))

function subscribedPartitions(input: AssignorInput): string[] {
  const topics = new Set(Object.values(input.members).flat())
  return [...topics].flatMap((t) => Array.from({ length: input.topics[t] ?? 0 }, (_, p) => `${t}-${p}`))
}

const RUNS = { numRuns: 300 }

describe('assignPartitions: properties', () => {
  it('every partition of a subscribed topic is assigned exactly once (cooperative: or withheld)', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...STRATEGIES), (input, strategy) => {
        const r = assignPartitionsDetailed(strategy, input)
        const assigned = Object.values(r.assignment).flat()
        const withheld = strategy === 'cooperative-sticky' ? Object.keys(r.partitionsTransferringOwnership ?? {}) : []
        expect(new Set(assigned).size).toBe(assigned.length)
        expect([...assigned, ...withheld].sort()).toEqual(subscribedPartitions(input).sort())
        expect(Object.keys(r.assignment)).toEqual(Object.keys(input.members))
      }),
      RUNS,
    )
  })

  it('members only get partitions of topics they subscribe to', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...STRATEGIES), (input, strategy) => {
        const r = assignPartitions(strategy, input)
        for (const [member, partitions] of Object.entries(r)) {
          for (const tp of partitions) expect(input.members[member]).toContain(topicOfName(tp))
        }
      }),
      RUNS,
    )
  })

  it('equal subscriptions: range balances every topic within 1, the others the totals', () => {
    fc.assert(
      fc.property(equalInputArb, fc.constantFrom(...STRATEGIES), (input, strategy) => {
        const r = assignPartitionsDetailed(strategy, input)
        const assignment = structuredClone(r.assignment)
        if (strategy === 'cooperative-sticky') {
          for (const [tp, owner] of Object.entries(r.partitionsTransferringOwnership ?? {})) assignment[owner]!.push(tp)
        }
        const groups = strategy === 'range' ? Object.keys(input.topics) : [undefined]
        for (const topic of groups) {
          const sizes = Object.values(assignment).map((l) => l.filter((tp) => topic === undefined || topicOfName(tp) === topic).length)
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
        }
      }),
      RUNS,
    )
  })

  it('any owned partitions: a valid assignment, or the exception Kafka throws', () => {
    fc.assert(
      fc.property(wildInputArb, fc.constantFrom(...STRATEGIES), (input, strategy) => {
        try {
          const assigned = Object.values(assignPartitions(strategy, input)).flat()
          expect(new Set(assigned).size).toBe(assigned.length)
        } catch (e) {
          expect(e).toBeInstanceOf(AssignorError)
          expect((e as AssignorError).javaException).toBe('NullPointerException')
          expect(strategy === 'sticky' || strategy === 'cooperative-sticky').toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...STRATEGIES), (input, strategy) => {
        const a = assignPartitionsDetailed(strategy, input)
        const b = assignPartitionsDetailed(strategy, structuredClone(input))
        expect(b).toEqual(a)
      }),
      RUNS,
    )
  })

  it('cooperative-sticky plus its withheld partitions equals sticky, as sets', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const sticky = assignPartitions('sticky', input)
        const coop = assignPartitionsDetailed('cooperative-sticky', input)
        const merged = structuredClone(coop.assignment)
        for (const [tp, owner] of Object.entries(coop.partitionsTransferringOwnership ?? {})) merged[owner]!.push(tp)
        expect(sortedLists(merged)).toEqual(sortedLists(sticky))
      }),
      RUNS,
    )
  })

  it('sticky, equal subscriptions: feeding a result back as the owned partitions changes nothing', () => {
    fc.assert(
      fc.property(equalInputArb, fc.constantFrom(...(['sticky', 'cooperative-sticky'] as const)), (input, strategy) => {
        const first = assignPartitions(strategy, { topics: input.topics, members: input.members })
        const generation = Object.fromEntries(Object.keys(input.members).map((m) => [m, 1]))
        const again = assignPartitionsDetailed(strategy, { topics: input.topics, members: input.members, previous: first, generation })
        expect(sortedLists(again.assignment)).toEqual(sortedLists(first))
        expect(again.partitionsTransferringOwnership).toEqual({})
      }),
      RUNS,
    )
  })
})
