/**
 * The `uniform` assignor's builder for a group whose members subscribe to different topics:
 * balance first, then stickiness, by repeatedly moving partitions from a topic's most loaded
 * subscribers to its least loaded ones.
 *
 * Follows group-coordinator/src/main/java/org/apache/kafka/coordinator/group/assignor/
 * UniformHeterogeneousAssignmentBuilder.java as reworked by KAFKA-17710 (apache/kafka 4.0):
 * 1. members are numbered in GroupSpec.memberIds() order (the spec's order); each topic's
 *    subscribers are listed by that number;
 * 2. each member keeps its current partitions of the topics it still subscribes to;
 * 3. the unassigned partitions, topic by topic (topics ordered by partitions per subscriber
 *    descending, then subscriber count ascending, then Uuid.compareTo), ascending, go one by one to
 *    the least loaded subscriber (MemberAssignmentBalancer: members by size, then number);
 * 4. balance(): for at most 16 passes over the topics with two or more subscribers (same order),
 *    a topic's partitions move from its most loaded subscribers (each gives up its highest
 *    partition first) to its least loaded ones until their sizes differ by at most one; a pass in
 *    which no topic moved anything ends the loop.
 * Every collection Kafka iterates here is either sorted with a total comparator or a list in member
 * order, so no java.util.HashMap order is involved.
 *
 * Simplifies: nothing in the algorithm. Racks: none; Kafka 4.0's uniform assignor never reads rack
 * ids. A current partition outside its topic's range makes Kafka throw
 * ArrayIndexOutOfBoundsException; here it is a RangeError.
 *
 * Invariants: pure (the spec is not modified); every member of the spec is in the result unless no
 * topic is subscribed (Kafka then returns an empty assignment); result partitions are ascending and
 * a member has no entry for a topic of which it has nothing.
 */
import { PartitionAssignorError, type ConsumerGroupSpec, type GroupAssignment, type TopicId } from './assignment-spec.ts'
import { compareTopicIds } from './topic-id.ts'

/** UniformHeterogeneousAssignmentBuilder.MAX_ITERATION_COUNT */
const MAX_ITERATION_COUNT = 16

/** The builder's working state: members by number, partition owners (-1: none), member sizes. */
interface Builder {
  readonly spec: ConsumerGroupSpec
  readonly memberIds: readonly string[]
  /** topic id -> subscriber numbers, ascending; its keys are the subscribed topics */
  readonly topicSubscribers: Map<TopicId, number[]>
  readonly partitionCounts: Map<TopicId, number>
  /** topic id -> owner number per partition */
  readonly owners: Map<TopicId, number[]>
  readonly sizes: number[]
  /** member number -> topic id -> partitions */
  readonly assignment: Map<TopicId, Set<number>>[]
}

function newBuilder(spec: ConsumerGroupSpec): Builder {
  const memberIds = spec.members.map((m) => m.memberId)
  const topicSubscribers = new Map<TopicId, number[]>()
  const partitionCounts = new Map<TopicId, number>()
  spec.members.forEach((member, memberIndex) => {
    for (const topicId of new Set(member.subscribedTopicIds)) {
      const topic = spec.topics.get(topicId)
      if (topic === undefined) {
        throw new PartitionAssignorError(`Members are subscribed to topic ${topicId} which doesn't exist in the topic metadata.`)
      }
      partitionCounts.set(topicId, topic.partitions)
      let subscribers = topicSubscribers.get(topicId)
      if (subscribers === undefined) topicSubscribers.set(topicId, (subscribers = []))
      subscribers.push(memberIndex)
    }
  })
  const owners = new Map<TopicId, number[]>()
  for (const [topicId, count] of partitionCounts) owners.set(topicId, new Array<number>(count).fill(-1))
  const sizes = memberIds.map(() => 0)
  const assignment = memberIds.map(() => new Map<TopicId, Set<number>>())
  return { spec, memberIds, topicSubscribers, partitionCounts, owners, sizes, assignment }
}

/** topicComparator: partitions per subscriber descending, then subscriber count ascending, then topic id. */
function sortTopicIds(b: Builder, topicIds: Iterable<TopicId>): TopicId[] {
  const subscriberCount = (id: TopicId): number => b.topicSubscribers.get(id)!.length
  const perSubscriber = (id: TopicId): number => b.partitionCounts.get(id)! / subscriberCount(id)
  return [...topicIds].sort(
    (x, y) =>
      doubleCompare(perSubscriber(y), perSubscriber(x)) ||
      subscriberCount(x) - subscriberCount(y) ||
      compareTopicIds(x, y),
  )
}

/** Double.compare for the finite, non-negative ratios compared here. */
function doubleCompare(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0
}

/** maybeRevokePartitions: keep the current partitions of subscribed topics, drop the others. */
function keepSubscribedPartitions(b: Builder): void {
  b.spec.members.forEach((member, memberIndex) => {
    const subscribed = new Set(member.subscribedTopicIds)
    for (const [topicId, partitions] of member.assignedPartitions) {
      if (!subscribed.has(topicId)) continue
      const owners = b.owners.get(topicId)!
      const kept = new Set(partitions)
      for (const p of kept) {
        if (!(p >= 0 && p < owners.length)) throw new RangeError(`partition ${p} of topic ${topicId} is out of range`)
        owners[p] = memberIndex
      }
      b.sizes[memberIndex]! += kept.size
      b.assignment[memberIndex]!.set(topicId, kept)
    }
  })
}

/** assignPartition: move (or give) a partition to a member, updating owners and sizes. */
function assignPartition(b: Builder, topicId: TopicId, partition: number, memberIndex: number): void {
  const owners = b.owners.get(topicId)!
  const oldOwner = owners[partition]!
  if (oldOwner !== -1) {
    const partitions = b.assignment[oldOwner]!.get(topicId)
    if (partitions !== undefined) {
      partitions.delete(partition)
      if (partitions.size === 0) b.assignment[oldOwner]!.delete(topicId)
    }
    b.sizes[oldOwner]!--
  }
  let partitions = b.assignment[memberIndex]!.get(topicId)
  if (partitions === undefined) b.assignment[memberIndex]!.set(topicId, (partitions = new Set()))
  partitions.add(partition)
  owners[partition] = memberIndex
  b.sizes[memberIndex]!++
}

/** computeUnassignedPartitions: topic id -> partitions without an owner, ascending. */
function unassignedPartitions(b: Builder): Map<TopicId, number[]> {
  const unassigned = new Map<TopicId, number[]>()
  for (const [topicId, owners] of b.owners) {
    const free: number[] = []
    owners.forEach((owner, p) => {
      if (owner === -1) free.push(p)
    })
    if (free.length > 0) unassigned.set(topicId, free)
  }
  return unassigned
}

/**
 * MemberAssignmentBalancer: the subscribers of one topic sorted by size; a least loaded range
 * growing rightwards and a most loaded range growing leftwards, each handing out members in turn.
 */
class MemberAssignmentBalancer {
  private readonly sizes: readonly number[]
  private sortedMembers: number[] = []
  private leastLoadedRangeEnd = 0
  private leastLoadedRangePartitionCount = -1
  private nextLeastLoaded = 0
  private mostLoadedRangeStart = 0
  private mostLoadedRangeEnd = 0
  private mostLoadedRangePartitionCount = 1
  private nextMostLoaded = -1

  constructor(sizes: readonly number[]) {
    this.sizes = sizes
  }

  private sizeAt(position: number): number {
    return this.sizes[this.sortedMembers[position]!]!
  }

  /** Resets for a topic's subscribers; returns the size difference between the most and least loaded. */
  initialize(members: readonly number[]): number {
    if (members.length === 0) throw new RangeError('Cannot balance an empty subscriber list.')
    this.sortedMembers = [...members].sort((x, y) => this.sizes[x]! - this.sizes[y]! || x - y)
    const last = this.sortedMembers.length - 1
    this.leastLoadedRangeEnd = 0
    this.leastLoadedRangePartitionCount = this.sizeAt(0) - 1
    this.nextLeastLoaded = 0
    this.mostLoadedRangeStart = this.sortedMembers.length
    this.mostLoadedRangeEnd = this.sortedMembers.length
    this.mostLoadedRangePartitionCount = this.sizeAt(last) + 1
    this.nextMostLoaded = last
    return this.sizeAt(last) - this.sizeAt(0)
  }

  /** The member to give the next partition to; assumes it gets it. */
  nextLeastLoadedMember(): number {
    if (this.nextLeastLoaded >= this.leastLoadedRangeEnd) {
      this.leastLoadedRangePartitionCount++
      while (
        this.leastLoadedRangeEnd < this.sortedMembers.length &&
        this.sizeAt(this.leastLoadedRangeEnd) === this.leastLoadedRangePartitionCount
      ) {
        this.leastLoadedRangeEnd++
      }
      this.nextLeastLoaded = 0
    }
    return this.sortedMembers[this.nextLeastLoaded++]!
  }

  /** The member to take the next partition from, or -1; assumes it gives one up. */
  nextMostLoadedMember(): number {
    if (this.nextMostLoaded < this.mostLoadedRangeStart) {
      if (this.mostLoadedRangeEnd <= this.mostLoadedRangeStart && this.mostLoadedRangeStart > 0) {
        this.mostLoadedRangePartitionCount = this.sizeAt(this.mostLoadedRangeStart - 1)
      } else {
        this.mostLoadedRangePartitionCount--
      }
      while (this.mostLoadedRangeStart > 0 && this.sizeAt(this.mostLoadedRangeStart - 1) === this.mostLoadedRangePartitionCount) {
        this.mostLoadedRangeStart--
      }
      this.nextMostLoaded = this.mostLoadedRangeEnd - 1
    }
    if (this.nextMostLoaded < 0) return -1
    return this.sortedMembers[this.nextMostLoaded--]!
  }

  /** Drops the member last returned by nextMostLoadedMember from the most loaded range. */
  excludeMostLoadedMember(): void {
    const at = this.nextMostLoaded + 1
    const member = this.sortedMembers[at]!
    this.sortedMembers[at] = this.sortedMembers[this.mostLoadedRangeEnd - 1]!
    this.sortedMembers[this.mostLoadedRangeEnd - 1] = member
    this.mostLoadedRangeEnd--
  }

  isBalanced(): boolean {
    return this.mostLoadedRangePartitionCount - this.leastLoadedRangePartitionCount <= 1
  }
}

/** assignRemainingPartitions: each topic's unassigned partitions to its least loaded subscribers. */
function assignRemainingPartitions(b: Builder, unassigned: ReadonlyMap<TopicId, number[]>): void {
  const balancer = new MemberAssignmentBalancer(b.sizes)
  for (const topicId of sortTopicIds(b, unassigned.keys())) {
    balancer.initialize(b.topicSubscribers.get(topicId)!)
    for (const partition of unassigned.get(topicId)!) assignPartition(b, topicId, partition, balancer.nextLeastLoadedMember())
  }
}

/** balance() and balanceTopics(): passes over the topics with 2+ subscribers until one moves nothing. */
function balance(b: Builder): void {
  const topicIds = [...b.topicSubscribers.keys()].filter((id) => b.topicSubscribers.get(id)!.length >= 2)
  if (topicIds.length === 0) return
  const sorted = sortTopicIds(b, topicIds)
  const balancer = new MemberAssignmentBalancer(b.sizes)
  let lastRebalanceTopicIndex = -1
  for (let i = 0; i < MAX_ITERATION_COUNT; i++) {
    for (let topicIndex = 0; topicIndex < sorted.length; topicIndex++) {
      if (topicIndex === lastRebalanceTopicIndex) return
      const reassigned = balanceTopic(b, sorted[topicIndex]!, balancer)
      if (reassigned > 0 || lastRebalanceTopicIndex === -1) lastRebalanceTopicIndex = topicIndex
    }
  }
}

/** The topic's partitions grouped by owner (owner number, then partition), with each owner's [start, end) range. */
function partitionsByOwner(owners: readonly number[]): { partitions: number[]; start: Map<number, number>; end: Map<number, number> } {
  const partitions = owners.map((_, p) => p).sort((x, y) => owners[x]! - owners[y]! || x - y)
  const start = new Map<number, number>()
  const end = new Map<number, number>()
  partitions.forEach((p, i) => {
    const owner = owners[p]!
    if (!start.has(owner)) start.set(owner, i)
    end.set(owner, i + 1)
  })
  return { partitions, start, end }
}

/** balanceTopic: moves a topic's partitions from its most to its least loaded subscribers; returns how many moved. */
function balanceTopic(b: Builder, topicId: TopicId, balancer: MemberAssignmentBalancer): number {
  if (balancer.initialize(b.topicSubscribers.get(topicId)!) <= 1) return 0
  const owners = b.owners.get(topicId)!
  const { partitions, start, end } = partitionsByOwner(owners)
  let reassigned = 0
  while (!balancer.isBalanced()) {
    const mostLoaded = nextMemberWithPartitions(balancer, start, end)
    if (mostLoaded === -1) break
    const last = end.get(mostLoaded)! - 1
    end.set(mostLoaded, last)
    const leastLoaded = balancer.nextLeastLoadedMember()
    if (balancer.isBalanced()) break
    assignPartition(b, topicId, partitions[last]!, leastLoaded)
    reassigned++
  }
  return reassigned
}

/** The next most loaded member that still has a partition of the topic to give up, or -1. */
function nextMemberWithPartitions(
  balancer: MemberAssignmentBalancer,
  start: ReadonlyMap<number, number>,
  end: ReadonlyMap<number, number>,
): number {
  for (;;) {
    const member = balancer.nextMostLoadedMember()
    if (member === -1) return -1
    const e = end.get(member)
    if (e === undefined || e - start.get(member)! <= 0) {
      balancer.excludeMostLoadedMember()
      continue
    }
    return member
  }
}

/** UniformHeterogeneousAssignmentBuilder.build(). */
export function buildUniformHeterogeneous(spec: ConsumerGroupSpec): GroupAssignment {
  const b = newBuilder(spec)
  if (b.topicSubscribers.size === 0) return new Map()
  keepSubscribedPartitions(b)
  assignRemainingPartitions(b, unassignedPartitions(b))
  balance(b)
  const target: GroupAssignment = new Map()
  b.memberIds.forEach((memberId, i) => {
    const topics = new Map<TopicId, number[]>()
    for (const [topicId, partitions] of b.assignment[i]!) {
      if (partitions.size > 0) topics.set(topicId, [...partitions].sort((x, y) => x - y))
    }
    target.set(memberId, topics)
  })
  return target
}
