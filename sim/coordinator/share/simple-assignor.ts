/**
 * The KIP-932 share-group `simple` assignor (group.share.assignors = simple): the subscribed
 * partitions are spread over the subscribing members, balance first, then stickiness; when there
 * are more members than partitions several members share a partition.
 *
 * Follows apache/kafka group-coordinator/src/main/java/org/apache/kafka/coordinator/group/assignor/:
 * - SimpleAssignor.java at commit 5e32e528c02697b926b5c0264ecbf5dda9eea074: no members, empty
 *   result; HOMOGENEOUS -> SimpleHomogeneousAssignmentBuilder, otherwise
 *   SimpleHeterogeneousAssignmentBuilder;
 * - SimpleHomogeneousAssignmentBuilder.java as stored at f1d99eca721569cefa71a2feafa54d9b26e2ea0a and
 *   SimpleHeterogeneousAssignmentBuilder.java as stored at 3a4757452e47611645f281fe39e058716eb9181d
 *   (KAFKA-19362 / KAFKA-19363, PRs #19977 and #20074, June-July 2025; the heterogeneous file is also
 *   stored at 07a283ac with org.apache.kafka.coordinator.group.Utils.newHashMap/newHashSet in place
 *   of AssignorHelpers', the algorithm being the same);
 * - AssignorHelpers.newHashMap/newHashSet (`new HashMap<>((int) (((n + 1) / 0.75f) + 1))`) and
 *   deepCopyAssignment; GroupSpecImpl.isPartitionAssignable (topicPartitionAllowedMap) at 5e32e528.
 *
 * Both builders, step by step as in Java (the heterogeneous one per subscribed topic, the topics in
 * the iteration order of a HashSet<Uuid>):
 * 1. desired sharing s = ceil(members / target partitions) (0 without target partitions); member i
 *    (in memberIds() order, or in subscriber order for a topic) wants
 *    ceil(p·(i+1)) - ceil(p·i) partitions with p = s·partitions / members (doubles, as in Java);
 * 2. revokeUnassignablePartitions: the current assignment, member by member (index order), builds
 *    finalAssignmentByPartition / finalAssignmentByMember; the homogeneous builder drops the topics
 *    the group no longer subscribes to and notes under- and overfilled members;
 * 3. revokeOverfilledMembers: a member over its count loses partitions, in the iteration order of
 *    its HashSet, until it is at its count (heterogeneous: every member of the topic, so a member
 *    that no longer subscribes to it, wanting 0, loses them all);
 * 4. revokeOversharedPartitions: a partition with more than s members loses members, in the
 *    iteration order of its HashSet<Integer>, until it has s;
 * 5. every target partition gets a key in finalAssignmentByPartition (computeIfAbsent);
 * 6. assignRemainingPartitions: one pass over finalAssignmentByPartition (HashMap order), handing each
 *    partition short of s members to the unfilled members in turn (a HashSet<Integer> iterator kept
 *    across partitions and restarted when exhausted), with Java's quirks kept: the partition's member
 *    set is not updated as members are added (a member picked twice for it counts twice, getting it
 *    once), the "anything assigned since the iterator restarted" flag is not reset per partition (a
 *    full pass without a taker ends the hand-out for every later partition too), and an emptied
 *    iterator throws (java.util.NoSuchElementException, here a RangeError).
 * The new assignment of a member is a deep copy of its current one, taken at its first change
 * (copy-on-write); members never changed keep their current map.
 *
 * Java's iteration orders are reproduced by JavaHashMap / JavaHashSet (sim/kafka/java-hash-map.ts) (java.util.HashMap:
 * buckets by `(h ^ h >>> 16) & (capacity - 1)`; `put` appends to its bucket and grows the table
 * after the insert; `computeIfAbsent` puts a new key at the head of its bucket and grows the table
 * at the start of the next call once past the threshold; a bucket reaching 9 keys by `put` or 8 by
 * `computeIfAbsent` doubles a table smaller than 64; removals never shrink it; initial capacities
 * as `newHashMap`, `new HashMap<>(n)` and, for `new HashSet<>(collection)`, JDK 19+'s
 * `HashMap.newHashMap(max(n, 12))`). Hash codes: Integer (the value), Uuid.hashCode (topic-id.ts),
 * TopicIdPartition, a record: `31 * topicId.hashCode() + partitionId` (OpenJDK's record hashCode).
 * String.hashCode plays no part: members are numbered in GroupSpec.memberIds() order (the spec's
 * order, assignment-spec.ts) and only looked up by id.
 *
 * Simplifies: racks are ignored (the assignor is not rack-aware). A member's subscribedTopicIds are
 * iterated in the array's order (duplicates dropped): Java iterates the Set it is handed. A member's
 * current assignment is taken to be a java.util.HashMap with its topics put in the spec's order,
 * each topic's partitions a `new HashSet<>(ascending list)` (Kafka's tests' mkAssignment /
 * mkTopicAssignment; the coordinator builds HashMaps of HashSets too, but their iteration order can
 * differ where partition numbers reach the set's capacity). The subscription type is, by default,
 * assignment-spec.ts#subscriptionType (by topic ids); pass `subscriptionType` to use the one Kafka's
 * coordinator declares (a HOMOGENEOUS group uses the first member's subscription for everyone).
 * `assignablePartitions` is GroupSpecImpl's topicPartitionAllowedMap (absent: everything
 * assignable). Where Kafka returns an empty GroupAssignment although there are members (no
 * subscribed topic), every member is listed with nothing, which is what the coordinator makes of it.
 * A topic whose partition set Kafka leaves empty is omitted from the member's map. Not modelled:
 * HashMap tree bins (8 or more keys in one bucket of a table of 64 or more, whose iteration order
 * differs), and JDK 17's `new HashSet<>(collection)` sizing (different for exactly 12·2^k elements).
 *
 * Invariants: pure (the spec is not modified); no members, empty result; otherwise every member of
 * the spec is in the result, in spec order, its topics in the iteration order of its Java map, the
 * partitions of a topic ascending and distinct. As in Kafka (not repaired here): a member keeps a
 * held partition of a subscribed topic that is not a target partition (not assignable, or beyond
 * the partition count) unless balancing revokes it, and such a partition can even be handed to more
 * members; in a HETEROGENEOUS group a topic nobody subscribes to any more stays with the members
 * holding it; a held non-target partition takes a member's room, so a target partition can then be
 * left without a member. With current assignments inside the target partitions, every target
 * partition goes to at least one subscriber and only subscribers get a topic's partitions.
 */
import {
  PartitionAssignorError,
  subscriptionType as specSubscriptionType,
  type ConsumerGroupSpec,
  type GroupAssignment,
  type SubscriptionType,
  type TopicId,
} from '../consumer/assignment-spec.ts'
import { uuidHashCode } from '../consumer/topic-id.ts'
import { JavaHashMap, JavaHashSet } from '../../kafka/java-hash-map.ts'

/** SimpleAssignor.SIMPLE_ASSIGNOR_NAME (`name()`) */
export const SIMPLE_ASSIGNOR_NAME = 'simple'

export interface SimpleAssignorOptions {
  /** GroupSpec.subscriptionType() as the coordinator declares it; default: computed from the spec by topic ids */
  subscriptionType?: SubscriptionType
  /**
   * GroupSpecImpl's topicPartitionAllowedMap (share groups: the partitions whose share-group state is
   * initialized): isPartitionAssignable(t, p) is `map has t and map.get(t) has p`. Absent
   * (Optional.empty()): every partition is assignable.
   */
  assignablePartitions?: ReadonlyMap<TopicId, Iterable<number>>
}

/** AssignorHelpers.newHashMap / newHashSet: `new HashMap<>((int) (((n + 1) / 0.75f) + 1))` (float arithmetic) */
function sizedCapacity(n: number): number {
  return Math.trunc(Math.fround(Math.fround(Math.fround(n + 1) / 0.75) + 1))
}

/** JDK 19+ `new HashSet<>(collection)`: HashMap.newHashMap(max(n, 12)), i.e. capacity ceil(max(n, 12) / 0.75) */
function collectionCapacity(n: number): number {
  return Math.ceil(Math.max(n, 12) / 0.75)
}

const intId = (n: number): number => n
const intHash = (n: number): number => n

/** HashSet<Integer> */
type IntSet = JavaHashSet<number>
/** a member's assignment: HashMap<Uuid, Set<Integer>> */
type MemberMap = JavaHashMap<TopicId, IntSet>

/** org.apache.kafka.server.common.TopicIdPartition */
interface TopicIdPartition {
  readonly topicId: TopicId
  readonly partitionId: number
}

/** Hash codes of one assignment: each topic id decoded once. */
class Hashes {
  private readonly cache = new Map<TopicId, number>()

  readonly uuid = (id: TopicId): number => {
    let h = this.cache.get(id)
    if (h === undefined) this.cache.set(id, (h = uuidHashCode(id)))
    return h
  }

  /** TopicIdPartition (a record): 31 * topicId.hashCode() + partitionId */
  readonly topicIdPartition = (tp: TopicIdPartition): number => (Math.imul(31, this.uuid(tp.topicId)) + tp.partitionId) | 0

  intSet(initialCapacity?: number): IntSet {
    return new JavaHashSet<number>(intId, intHash, initialCapacity)
  }

  /** `new HashSet<>(collection)` */
  intSetOf(items: readonly number[]): IntSet {
    const set = this.intSet(collectionCapacity(items.length))
    for (const p of items) set.add(p)
    return set
  }

  memberMap(initialCapacity?: number): MemberMap {
    return new JavaHashMap<TopicId, IntSet>((id) => id, this.uuid, initialCapacity)
  }

  /** AssignorHelpers.deepCopyAssignment: `new HashMap<>(map.size())`, each set `new HashSet<>(set)` */
  deepCopy(map: MemberMap): MemberMap {
    const copy = this.memberMap(map.size)
    for (const [topicId, partitions] of map.entries()) copy.put(topicId, this.intSetOf(partitions.values()))
    return copy
  }
}

const tpId = (tp: TopicIdPartition): string => `${tp.topicId}:${tp.partitionId}`

/** The distinct elements in first-seen order (the Set a member subscribes with). */
function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)]
}

/** groupSpec.memberAssignment(m).partitions(): a HashMap (topics put in spec order) of `new HashSet<>(ascending)` */
function currentMemberMap(hashes: Hashes, assigned: ReadonlyMap<TopicId, readonly number[]>): MemberMap {
  const map = hashes.memberMap()
  for (const [topicId, partitions] of assigned) {
    const ascending = distinct(partitions).sort((a, b) => a - b)
    map.put(topicId, hashes.intSetOf(ascending))
  }
  return map
}

/** GroupSpecImpl.isPartitionAssignable */
type Assignable = (topicId: TopicId, partitionId: number) => boolean

function assignableFrom(options: SimpleAssignorOptions): Assignable {
  const allowed = options.assignablePartitions
  if (allowed === undefined) return () => true
  const sets = new Map<TopicId, Set<number>>()
  for (const [topicId, partitions] of allowed) sets.set(topicId, new Set(partitions))
  return (topicId, partitionId) => sets.get(topicId)?.has(partitionId) === true
}

/** SubscribedTopicDescriber.numPartitions, -1 for an unknown topic -> PartitionAssignorException */
function numPartitions(spec: ConsumerGroupSpec, topicId: TopicId): number {
  const topic = spec.topics.get(topicId)
  if (topic === undefined) {
    throw new PartitionAssignorError(`Members are subscribed to topic ${topicId} which doesn't exist in the topic metadata.`)
  }
  return topic.partitions
}

/** desiredSharing: ceil(members / partitions) in int arithmetic; 0 without partitions */
function desiredSharingOf(numMembers: number, numTargetPartitions: number): number {
  return numTargetPartitions === 0 ? 0 : Math.trunc((numMembers + numTargetPartitions - 1) / numTargetPartitions)
}

/** the desired assignment count of the i-th of n members: ceil(p·(i+1)) - ceil(p·i), p = s·P / (double) n */
function desiredCounts(desiredSharing: number, numTargetPartitions: number, n: number): number[] {
  const precise = Math.imul(desiredSharing, numTargetPartitions) / n
  const counts: number[] = []
  for (let i = 0; i < n; i++) counts.push(Math.ceil(precise * (i + 1)) - Math.ceil(precise * i))
  return counts
}

/** Per member index: its new map (changed members) or undefined (keeps its current map); undefined overall: `Map.of()`. */
type BuilderResult = { readonly oldGroupAssignment: MemberMap[]; readonly newGroupAssignment: JavaHashMap<number, MemberMap> } | undefined

// ---------------------------------------------------------------------------------------------
// SimpleHomogeneousAssignmentBuilder
// ---------------------------------------------------------------------------------------------

class SimpleHomogeneousAssignmentBuilder {
  private readonly subscribedTopicIds: TopicId[]
  private readonly subscribed: Set<TopicId>
  private readonly targetPartitions: TopicIdPartition[] = []
  private readonly numGroupMembers: number
  private readonly desiredSharing: number
  private readonly desiredAssignmentCount: number[]
  private readonly oldGroupAssignment: JavaHashMap<number, MemberMap>
  private readonly newGroupAssignment: JavaHashMap<number, MemberMap>
  private readonly finalAssignmentByPartition: JavaHashMap<TopicIdPartition, IntSet>
  private readonly finalAssignmentByMember: JavaHashMap<number, JavaHashSet<TopicIdPartition>>
  private readonly unfilledMembers: IntSet
  private readonly overfilledMembers: IntSet
  private readonly hashes: Hashes

  constructor(spec: ConsumerGroupSpec, current: readonly MemberMap[], assignable: Assignable, hashes: Hashes) {
    this.hashes = hashes
    this.subscribedTopicIds = distinct(spec.members[0]!.subscribedTopicIds)
    this.subscribed = new Set(this.subscribedTopicIds)
    this.numGroupMembers = spec.members.length
    // computeTargetPartitions
    for (const topicId of this.subscribedTopicIds) {
      const n = numPartitions(spec, topicId)
      for (let partition = 0; partition < n; partition++) {
        if (assignable(topicId, partition)) this.targetPartitions.push({ topicId, partitionId: partition })
      }
    }
    const numTargetPartitions = this.targetPartitions.length
    const m = this.numGroupMembers
    this.desiredSharing = desiredSharingOf(m, numTargetPartitions)
    this.oldGroupAssignment = new JavaHashMap<number, MemberMap>(intId, intHash, sizedCapacity(m))
    this.newGroupAssignment = new JavaHashMap<number, MemberMap>(intId, intHash, sizedCapacity(m))
    this.finalAssignmentByPartition = new JavaHashMap<TopicIdPartition, IntSet>(tpId, hashes.topicIdPartition, sizedCapacity(numTargetPartitions))
    this.finalAssignmentByMember = new JavaHashMap<number, JavaHashSet<TopicIdPartition>>(intId, intHash, sizedCapacity(m))
    this.unfilledMembers = hashes.intSet(sizedCapacity(m))
    this.overfilledMembers = hashes.intSet(sizedCapacity(m))
    current.forEach((map, memberIndex) => this.oldGroupAssignment.put(memberIndex, map))
    this.desiredAssignmentCount = desiredCounts(this.desiredSharing, numTargetPartitions, m)
  }

  build(): BuilderResult {
    if (this.subscribedTopicIds.length === 0) return undefined

    // The order of steps here is not that significant, but assignRemainingPartitions must go last.
    this.revokeUnassignablePartitions()
    this.revokeOverfilledMembers()
    this.revokeOversharedPartitions()

    // Add in any partitions which are currently not in the assignment.
    for (const tp of this.targetPartitions) this.finalAssignmentByPartition.computeIfAbsent(tp, () => this.hashes.intSet())

    this.assignRemainingPartitions()

    const old: MemberMap[] = []
    for (let i = 0; i < this.numGroupMembers; i++) old.push(this.oldGroupAssignment.get(i)!)
    return { oldGroupAssignment: old, newGroupAssignment: this.newGroupAssignment }
  }

  private newMemberAssignment(memberIndex: number): MemberMap {
    let map = this.newGroupAssignment.get(memberIndex)
    if (map === undefined) {
      map = this.hashes.deepCopy(this.oldGroupAssignment.get(memberIndex)!)
      this.newGroupAssignment.put(memberIndex, map)
    }
    return map
  }

  private revokeUnassignablePartitions(): void {
    for (const [memberIndex, oldMemberAssignment] of this.oldGroupAssignment.entries()) {
      let newMemberAssignment: MemberMap | undefined
      let memberAssignedPartitions = 0
      const desired = this.desiredAssignmentCount[memberIndex]!
      for (const [topicId, assignedPartitions] of oldMemberAssignment.entries()) {
        if (this.subscribed.has(topicId)) {
          for (const partitionId of assignedPartitions.values()) {
            const tp: TopicIdPartition = { topicId, partitionId }
            memberAssignedPartitions++
            this.finalAssignmentByPartition.computeIfAbsent(tp, () => this.hashes.intSet()).add(memberIndex)
            this.finalAssignmentByMember
              .computeIfAbsent(memberIndex, () => new JavaHashSet<TopicIdPartition>(tpId, this.hashes.topicIdPartition))
              .add(tp)
            if (memberAssignedPartitions >= desired && newMemberAssignment === undefined) {
              newMemberAssignment = this.hashes.deepCopy(oldMemberAssignment)
            }
          }
        } else {
          newMemberAssignment ??= this.hashes.deepCopy(oldMemberAssignment)
          // Remove the entire topic.
          newMemberAssignment.remove(topicId)
        }
      }
      if (newMemberAssignment !== undefined) this.newGroupAssignment.put(memberIndex, newMemberAssignment)
      if (memberAssignedPartitions < desired) this.unfilledMembers.add(memberIndex)
      else if (memberAssignedPartitions > desired) this.overfilledMembers.add(memberIndex)
    }
  }

  private revokeOverfilledMembers(): void {
    if (this.overfilledMembers.isEmpty()) return
    this.overfilledMembers.forEach((memberIndex) => {
      const desired = this.desiredAssignmentCount[memberIndex]!
      const memberFinalAssignment = this.finalAssignmentByMember.get(memberIndex)!
      if (memberFinalAssignment.size > desired) {
        const iterator = memberFinalAssignment.iterator()
        while (iterator.hasNext()) {
          const tp = iterator.next()
          this.newGroupAssignment.get(memberIndex)!.get(tp.topicId)!.remove(tp.partitionId)
          this.finalAssignmentByPartition.get(tp)!.remove(memberIndex)
          iterator.remove()
          if (memberFinalAssignment.size === desired) break
        }
      }
    })
  }

  private revokeOversharedPartitions(): void {
    this.finalAssignmentByPartition.forEach((tp, assignedMembers) => {
      let assignedMemberCount = assignedMembers.size
      if (assignedMemberCount > this.desiredSharing) {
        const iterator = assignedMembers.iterator()
        while (iterator.hasNext()) {
          const memberIndex = iterator.next()
          const partitions = this.newMemberAssignment(memberIndex).get(tp.topicId)
          if (partitions !== undefined && partitions.remove(tp.partitionId)) {
            assignedMemberCount--
            iterator.remove()
            this.finalAssignmentByMember.get(memberIndex)!.remove(tp)
            this.unfilledMembers.add(memberIndex)
          }
          if (assignedMemberCount <= this.desiredSharing) break
        }
      }
    })
  }

  private assignRemainingPartitions(): void {
    if (this.unfilledMembers.isEmpty()) return
    let memberIterator = this.unfilledMembers.iterator()
    let partitionAssignedForThisIterator = false
    for (const [tp, membersAssigned] of this.finalAssignmentByPartition.entries()) {
      if (membersAssigned.size < this.desiredSharing) {
        let assignmentsToMake = this.desiredSharing - membersAssigned.size
        while (assignmentsToMake > 0) {
          if (!memberIterator.hasNext()) {
            if (!partitionAssignedForThisIterator) break
            memberIterator = this.unfilledMembers.iterator()
            partitionAssignedForThisIterator = false
          }
          const memberIndex = memberIterator.next()
          if (!membersAssigned.has(memberIndex)) {
            this.newMemberAssignment(memberIndex)
              .computeIfAbsent(tp.topicId, () => this.hashes.intSet())
              .add(tp.partitionId)
            const memberFinal = this.finalAssignmentByMember.computeIfAbsent(
              memberIndex,
              () => new JavaHashSet<TopicIdPartition>(tpId, this.hashes.topicIdPartition),
            )
            memberFinal.add(tp)
            assignmentsToMake--
            partitionAssignedForThisIterator = true
            if (memberFinal.size >= this.desiredAssignmentCount[memberIndex]!) memberIterator.remove()
          }
        }
      }
      if (this.unfilledMembers.isEmpty()) break
    }
  }
}

// ---------------------------------------------------------------------------------------------
// SimpleHeterogeneousAssignmentBuilder
// ---------------------------------------------------------------------------------------------

class SimpleHeterogeneousAssignmentBuilder {
  // read by TopicAssignmentPartialBuilder (a Java inner class)
  readonly subscribedTopicIds: JavaHashSet<TopicId>
  readonly subscribedMembersByTopic = new Map<TopicId, number[]>()
  readonly oldGroupAssignment: JavaHashMap<number, MemberMap>
  readonly newGroupAssignment: JavaHashMap<number, MemberMap>
  readonly hashes: Hashes
  private readonly numGroupMembers: number
  private readonly targetPartitionsByTopic = new Map<TopicId, TopicIdPartition[]>()

  constructor(spec: ConsumerGroupSpec, current: readonly MemberMap[], assignable: Assignable, hashes: Hashes) {
    this.hashes = hashes
    // new HashSet<>(), addAll of every member's subscription in memberIds() order
    this.subscribedTopicIds = new JavaHashSet<TopicId>((id) => id, hashes.uuid)
    for (const member of spec.members) for (const topicId of distinct(member.subscribedTopicIds)) this.subscribedTopicIds.add(topicId)
    this.numGroupMembers = spec.members.length
    // computeTargetPartitions, in the HashSet's order (the first unknown topic in that order throws)
    for (const topicId of this.subscribedTopicIds.values()) {
      const n = numPartitions(spec, topicId)
      const targetPartitions: TopicIdPartition[] = []
      for (let partition = 0; partition < n; partition++) {
        if (assignable(topicId, partition)) targetPartitions.push({ topicId, partitionId: partition })
      }
      this.targetPartitionsByTopic.set(topicId, targetPartitions)
    }
    // computeSubscribedMembers: member indices per topic, in memberIds() order
    spec.members.forEach((member, memberIndex) => {
      for (const topicId of distinct(member.subscribedTopicIds)) {
        let list = this.subscribedMembersByTopic.get(topicId)
        if (list === undefined) this.subscribedMembersByTopic.set(topicId, (list = []))
        list.push(memberIndex)
      }
    })
    this.oldGroupAssignment = new JavaHashMap<number, MemberMap>(intId, intHash, sizedCapacity(this.numGroupMembers))
    this.newGroupAssignment = new JavaHashMap<number, MemberMap>(intId, intHash, sizedCapacity(this.numGroupMembers))
    current.forEach((map, memberIndex) => this.oldGroupAssignment.put(memberIndex, map))
  }

  build(): BuilderResult {
    if (this.subscribedTopicIds.isEmpty()) return undefined
    // Compute the partition assignments for each topic separately.
    this.subscribedTopicIds.forEach((topicId) => {
      new TopicAssignmentPartialBuilder(
        this,
        topicId,
        this.numGroupMembers,
        this.targetPartitionsByTopic.get(topicId)!,
        this.subscribedMembersByTopic.get(topicId)!,
      ).build()
    })
    const old: MemberMap[] = []
    for (let i = 0; i < this.numGroupMembers; i++) old.push(this.oldGroupAssignment.get(i)!)
    return { oldGroupAssignment: old, newGroupAssignment: this.newGroupAssignment }
  }
}

/** SimpleHeterogeneousAssignmentBuilder.TopicAssignmentPartialBuilder: the assignment of one topic. */
class TopicAssignmentPartialBuilder {
  private readonly outer: SimpleHeterogeneousAssignmentBuilder
  private readonly topicId: TopicId
  private readonly numGroupMembers: number
  private readonly targetPartitions: readonly TopicIdPartition[]
  private readonly subscribedMembers: readonly number[]
  private readonly finalAssignmentByPartition: JavaHashMap<number, IntSet>
  private readonly finalAssignmentByMember: JavaHashMap<number, IntSet>
  private readonly desiredSharing: number
  private readonly desiredAssignmentCounts: number[]

  constructor(
    outer: SimpleHeterogeneousAssignmentBuilder,
    topicId: TopicId,
    numGroupMembers: number,
    targetPartitions: readonly TopicIdPartition[],
    subscribedMembers: readonly number[],
  ) {
    this.outer = outer
    this.topicId = topicId
    this.numGroupMembers = numGroupMembers
    this.targetPartitions = targetPartitions
    this.subscribedMembers = subscribedMembers
    this.finalAssignmentByPartition = new JavaHashMap<number, IntSet>(intId, intHash, sizedCapacity(targetPartitions.length))
    this.finalAssignmentByMember = new JavaHashMap<number, IntSet>(intId, intHash, sizedCapacity(subscribedMembers.length))
    const numTargetPartitions = targetPartitions.length
    this.desiredSharing = desiredSharingOf(subscribedMembers.length, numTargetPartitions)
    // new int[numGroupMembers]: 0 for the members not subscribed to the topic
    this.desiredAssignmentCounts = new Array<number>(numGroupMembers).fill(0)
    desiredCounts(this.desiredSharing, numTargetPartitions, subscribedMembers.length).forEach((count, i) => {
      this.desiredAssignmentCounts[subscribedMembers[i]!] = count
    })
  }

  build(): void {
    // The order of steps here is not that significant, but assignRemainingPartitions must go last.
    this.revokeUnassignablePartitions()
    this.revokeOverfilledMembers()
    this.revokeOversharedPartitions()

    // Add in any partitions which are currently not in the assignment.
    for (const tp of this.targetPartitions) {
      this.finalAssignmentByPartition.computeIfAbsent(tp.partitionId, () => this.outer.hashes.intSet(sizedCapacity(this.subscribedMembers.length)))
    }

    this.assignRemainingPartitions()
  }

  private newMemberAssignment(memberIndex: number): MemberMap {
    let map = this.outer.newGroupAssignment.get(memberIndex)
    if (map === undefined) {
      map = this.outer.hashes.deepCopy(this.outer.oldGroupAssignment.get(memberIndex)!)
      this.outer.newGroupAssignment.put(memberIndex, map)
    }
    return map
  }

  private revokeUnassignablePartitions(): void {
    const { hashes, oldGroupAssignment, newGroupAssignment, subscribedTopicIds } = this.outer
    for (const [memberIndex, oldMemberAssignment] of oldGroupAssignment.entries()) {
      let newMemberAssignment: MemberMap | undefined
      if (oldMemberAssignment.isEmpty()) continue
      const assignedPartitions = oldMemberAssignment.get(this.topicId)
      if (assignedPartitions !== undefined) {
        if (subscribedTopicIds.has(this.topicId)) {
          for (const partition of assignedPartitions.values()) {
            this.finalAssignmentByPartition.computeIfAbsent(partition, () => hashes.intSet()).add(memberIndex)
            this.finalAssignmentByMember.computeIfAbsent(memberIndex, () => hashes.intSet()).add(partition)
          }
        } else {
          // Unreachable in Java too (the topic comes from subscribedTopicIds); kept as written.
          newMemberAssignment = hashes.deepCopy(oldMemberAssignment)
          newMemberAssignment.remove(this.topicId)
        }
        if (newMemberAssignment !== undefined) newGroupAssignment.put(memberIndex, newMemberAssignment)
      }
    }
  }

  private revokeOverfilledMembers(): void {
    this.finalAssignmentByMember.forEach((memberIndex, assignedPartitions) => {
      const desired = this.desiredAssignmentCounts[memberIndex]!
      if (assignedPartitions.size > desired) {
        let newMemberAssignment = this.outer.newGroupAssignment.get(memberIndex)
        const iterator = assignedPartitions.iterator()
        while (iterator.hasNext() && assignedPartitions.size > desired) {
          const partitionIndex = iterator.next()
          this.finalAssignmentByPartition.get(partitionIndex)!.remove(memberIndex)
          iterator.remove()
          newMemberAssignment ??= this.newMemberAssignment(memberIndex)
          newMemberAssignment.get(this.topicId)!.remove(partitionIndex)
        }
      }
    })
  }

  private revokeOversharedPartitions(): void {
    this.finalAssignmentByPartition.forEach((partitionIndex, assignedMembers) => {
      let assignedMemberCount = assignedMembers.size
      if (assignedMemberCount > this.desiredSharing) {
        const iterator = assignedMembers.iterator()
        while (iterator.hasNext()) {
          const memberIndex = iterator.next()
          const partitions = this.newMemberAssignment(memberIndex).get(this.topicId)
          if (partitions !== undefined && partitions.remove(partitionIndex)) {
            assignedMemberCount--
            iterator.remove()
            this.finalAssignmentByMember.get(memberIndex)!.remove(partitionIndex)
          }
          if (assignedMemberCount <= this.desiredSharing) break
        }
      }
    })
  }

  private assignRemainingPartitions(): void {
    const unfilledMembers = this.outer.hashes.intSet(sizedCapacity(this.numGroupMembers))
    for (const memberIndex of this.outer.subscribedMembersByTopic.get(this.topicId)!) {
      const assignedPartitions = this.finalAssignmentByMember.get(memberIndex)
      const numberOfAssignedPartitions = assignedPartitions === undefined ? 0 : assignedPartitions.size
      if (numberOfAssignedPartitions < this.desiredAssignmentCounts[memberIndex]!) unfilledMembers.add(memberIndex)
    }

    let memberIterator = unfilledMembers.iterator()
    let partitionAssignedForThisIterator = false
    for (const [partitionIndex, membersAssigned] of this.finalAssignmentByPartition.entries()) {
      if (membersAssigned.size < this.desiredSharing) {
        let assignmentsToMake = this.desiredSharing - membersAssigned.size
        while (assignmentsToMake > 0) {
          if (!memberIterator.hasNext()) {
            if (!partitionAssignedForThisIterator) break
            memberIterator = unfilledMembers.iterator()
            partitionAssignedForThisIterator = false
          }
          const memberIndex = memberIterator.next()
          if (!membersAssigned.has(memberIndex)) {
            this.newMemberAssignment(memberIndex)
              .computeIfAbsent(this.topicId, () => this.outer.hashes.intSet())
              .add(partitionIndex)
            const memberFinal = this.finalAssignmentByMember.computeIfAbsent(memberIndex, () => this.outer.hashes.intSet())
            memberFinal.add(partitionIndex)
            assignmentsToMake--
            partitionAssignedForThisIterator = true
            if (memberFinal.size >= this.desiredAssignmentCounts[memberIndex]!) memberIterator.remove()
          }
        }
      }
      if (unfilledMembers.isEmpty()) break
    }
  }
}

// ---------------------------------------------------------------------------------------------
// SimpleAssignor
// ---------------------------------------------------------------------------------------------

/** a member's Java map as the result lists it: topics in iteration order, partitions ascending, empty sets left out */
function listed(map: MemberMap): Map<TopicId, number[]> {
  const out = new Map<TopicId, number[]>()
  for (const [topicId, partitions] of map.entries()) {
    const ps = partitions.values().sort((a, b) => a - b)
    if (ps.length > 0) out.set(topicId, ps)
  }
  return out
}

/**
 * SimpleAssignor.assign, with every member of the spec present in the result (in spec order).
 * Throws PartitionAssignorError for a subscribed topic missing from `spec.topics`.
 */
export function assignSimple(spec: ConsumerGroupSpec, options: SimpleAssignorOptions = {}): GroupAssignment {
  const result: GroupAssignment = new Map()
  if (spec.members.length === 0) return result
  const hashes = new Hashes()
  const assignable = assignableFrom(options)
  const current = spec.members.map((member) => currentMemberMap(hashes, member.assignedPartitions))
  const type = options.subscriptionType ?? specSubscriptionType(spec)
  const built =
    type === 'HOMOGENEOUS'
      ? new SimpleHomogeneousAssignmentBuilder(spec, current, assignable, hashes).build()
      : new SimpleHeterogeneousAssignmentBuilder(spec, current, assignable, hashes).build()
  spec.members.forEach((member, memberIndex) => {
    if (built === undefined) {
      result.set(member.memberId, new Map())
      return
    }
    const map = built.newGroupAssignment.get(memberIndex) ?? built.oldGroupAssignment[memberIndex]!
    result.set(member.memberId, listed(map))
  })
  return result
}
