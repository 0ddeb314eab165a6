// Kafka's RangeAssignorTest (group-coordinator/src/test/.../assignor/RangeAssignorTest.java, apache/kafka
// 4.0), case by case: the server-side range assignor ignores current assignments and topic ids, so the
// Java tests' random topic ids do not matter here.
import { describe, expect, it } from 'vitest'
import { assignRange } from './range-assignor.ts'
import { PartitionAssignorError, type AssignorMember, type ConsumerGroupSpec, type GroupAssignment } from './assignment-spec.ts'

const topics = { topic1: 'T1', topic2: 'T2', topic3: 'T3' } as const
type Name = keyof typeof topics

function spec(partitions: Partial<Record<Name, number>>, members: [string, Name[], string?][]): ConsumerGroupSpec {
  const ts = new Map(Object.entries(partitions).map(([name, n]) => [topics[name as Name], { id: topics[name as Name], name, partitions: n as number }]))
  const ms: AssignorMember[] = members.map(([memberId, subscribed, instanceId]) => ({
    memberId,
    ...(instanceId !== undefined ? { instanceId } : {}),
    subscribedTopicIds: subscribed.map((t) => topics[t]),
    assignedPartitions: new Map(),
  }))
  return { members: ms, topics: ts }
}

/** The assignment as member -> topic name -> partitions, for comparing with the Java tests' expectations. */
function byName(a: GroupAssignment): Record<string, Record<string, number[]>> {
  const names = Object.fromEntries(Object.entries(topics).map(([name, id]) => [id, name]))
  const out: Record<string, Record<string, number[]>> = {}
  for (const [member, parts] of a) out[member] = Object.fromEntries([...parts].map(([id, ps]) => [names[id], ps]))
  return out
}

describe('server-side range assignor (KIP-848), as RangeAssignorTest', () => {
  it('testOneMemberNoTopic', () => {
    expect(byName(assignRange(spec({ topic1: 3 }, [['A', []]])))).toEqual({ A: {} })
  })

  it('testOneMemberSubscribedToNonExistentTopic', () => {
    expect(() => assignRange(spec({ topic1: 3 }, [['A', ['topic2']]]))).toThrow(PartitionAssignorError)
  })

  it('testFirstAssignmentTwoMembersTwoTopicsSameSubscriptions', () => {
    const a = assignRange(spec({ topic1: 3, topic3: 2 }, [['A', ['topic1', 'topic3']], ['B', ['topic1', 'topic3']]]))
    expect(byName(a)).toEqual({ A: { topic1: [0, 1], topic3: [0] }, B: { topic1: [2], topic3: [1] } })
  })

  it('testFirstAssignmentThreeMembersThreeTopicsDifferentSubscriptions', () => {
    const a = assignRange(spec({ topic1: 3, topic2: 3, topic3: 2 }, [['A', ['topic1', 'topic2']], ['B', ['topic3']], ['C', ['topic2', 'topic3']]]))
    expect(byName(a)).toEqual({ A: { topic1: [0, 1, 2], topic2: [0, 1] }, B: { topic3: [0] }, C: { topic2: [2], topic3: [1] } })
  })

  it('testFirstAssignmentNumMembersGreaterThanNumPartitions', () => {
    const both: Name[] = ['topic1', 'topic3']
    const a = assignRange(spec({ topic1: 3, topic3: 2 }, [['A', both], ['B', both], ['C', both]]))
    expect(byName(a)).toEqual({ A: { topic1: [0], topic3: [0] }, B: { topic1: [1], topic3: [1] }, C: { topic1: [2] } })
  })

  it('testStaticMembership: a static member that comes back under a new member id gets the same partitions', () => {
    const before = assignRange(spec({ topic1: 3 }, [['A', ['topic1'], 'instanceA'], ['B', ['topic1'], 'instanceB']]))
    const after = assignRange(spec({ topic1: 3 }, [['B', ['topic1'], 'instanceB'], ['memberA1', ['topic1'], 'instanceA']]))
    expect(after.get('memberA1')).toEqual(before.get('A'))
    expect(after.get('B')).toEqual(before.get('B'))
  })

  it('testMixedStaticMembership: static members come first, by instance id, then the others by member id', () => {
    const before = assignRange(spec({ topic1: 5 }, [['A', ['topic1'], 'instanceA'], ['C', ['topic1'], 'instanceC'], ['B', ['topic1']]]))
    const after = assignRange(spec({ topic1: 5 }, [['C', ['topic1'], 'instanceC'], ['B', ['topic1']], ['memberA1', ['topic1'], 'instanceA']]))
    expect(after.get('memberA1')).toEqual(before.get('A'))
    expect(after.get('B')).toEqual(before.get('B'))
    expect(after.get('C')).toEqual(before.get('C'))
    // instanceA, instanceC, then B: B, the only dynamic member, gets the last range
    expect(byName(before)).toEqual({ A: { topic1: [0, 1] }, C: { topic1: [2, 3] }, B: { topic1: [4] } })
  })

  it('testReassignmentNumMembersGreaterThanNumPartitionsWhenOneMemberAdded', () => {
    const both: Name[] = ['topic1', 'topic2']
    const a = assignRange(spec({ topic1: 2, topic2: 2 }, [['A', both], ['B', both], ['C', both]]))
    expect(byName(a)).toEqual({ A: { topic1: [0], topic2: [0] }, B: { topic1: [1], topic2: [1] }, C: {} })
  })

  it('testReassignmentWhenOnePartitionAddedForTwoMembersTwoTopics', () => {
    const both: Name[] = ['topic1', 'topic2']
    const a = assignRange(spec({ topic1: 4, topic2: 4 }, [['A', both], ['B', both]]))
    expect(byName(a)).toEqual({ A: { topic1: [0, 1], topic2: [0, 1] }, B: { topic1: [2, 3], topic2: [2, 3] } })
  })

  it('testReassignmentWhenOneMemberAddedAfterInitialAssignmentWithTwoMembersTwoTopics', () => {
    const both: Name[] = ['topic1', 'topic2']
    const a = assignRange(spec({ topic1: 3, topic2: 3 }, [['A', both], ['B', both], ['C', both]]))
    expect(byName(a)).toEqual({ A: { topic1: [0], topic2: [0] }, B: { topic1: [1], topic2: [1] }, C: { topic1: [2], topic2: [2] } })
  })

  it('testReassignmentWhenOneMemberAddedAndOnePartitionAfterInitialAssignmentWithTwoMembersTwoTopics', () => {
    const both: Name[] = ['topic1', 'topic2']
    const a = assignRange(spec({ topic1: 4, topic2: 3 }, [['A', both], ['B', both], ['C', ['topic1']]]))
    expect(byName(a)).toEqual({ A: { topic1: [0, 1], topic2: [0, 1] }, B: { topic1: [2], topic2: [2] }, C: { topic1: [3] } })
  })

  it('testReassignmentWhenOneMemberRemovedAfterInitialAssignmentWithTwoMembersTwoTopics', () => {
    const a = assignRange(spec({ topic1: 3, topic2: 3 }, [['B', ['topic1', 'topic2']]]))
    expect(byName(a)).toEqual({ B: { topic1: [0, 1, 2], topic2: [0, 1, 2] } })
  })

  it('testReassignmentWhenMultipleSubscriptionsRemovedAfterInitialAssignmentWithThreeMembersTwoTopics', () => {
    const a = assignRange(spec({ topic1: 3, topic2: 3, topic3: 2 }, [['A', ['topic1']], ['B', ['topic1', 'topic2', 'topic3']], ['C', ['topic2']]]))
    expect(byName(a)).toEqual({ A: { topic1: [0, 1] }, B: { topic1: [2], topic2: [0, 1], topic3: [0, 1] }, C: { topic2: [2] } })
  })

  it('gives the same result whatever order the members and topics come in', () => {
    const a = assignRange(spec({ topic1: 7, topic2: 5 }, [['C', ['topic2', 'topic1']], ['A', ['topic1']], ['B', ['topic1', 'topic2']]]))
    const b = assignRange(spec({ topic2: 5, topic1: 7 }, [['B', ['topic2', 'topic1']], ['C', ['topic1', 'topic2']], ['A', ['topic1']]]))
    expect(byName(a)).toEqual(byName(b))
  })
})
