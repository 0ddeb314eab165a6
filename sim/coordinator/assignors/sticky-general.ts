/**
 * The sticky assignors' builder for groups whose members subscribe to different topics.
 *
 * Follows AbstractStickyAssignor.GeneralAssignmentBuilder (build, assignOwnedPartitions,
 * prepopulateCurrentAssignments, balance, performReassignments, reassignPartition,
 * processPartitionMovement, isBalanced, getBalanceScore) with TopicComparator and
 * SubscriptionComparator, without racks.
 *
 * Invariants:
 * - owned partitions of still-subscribed topics are kept; the others are handed out in the order
 *   of sortedAllPartitions (topics by number of potential consumers, then name; partitions
 *   ascending), each to the first member of sortedCurrentSubscriptions (a TreeSet ordered by
 *   (assignment size, member id)) that subscribes to its topic;
 * - then partitions move, one at a time, from a member to a less loaded one (or back to the
 *   member that owned them in an older generation) until isBalanced(); when members already had
 *   partitions and the moves did not lower the balance score, the moves are undone;
 * - topics with fewer than two potential consumers and members that cannot take part are left
 *   out of the moves;
 * - each member's list keeps its owned partitions in reported order, new partitions appended.
 */
import { AssignorError, compareStrings, partitionsOf, removeFirst, topicOf } from './common.ts'
import { PartitionMovements } from './partition-movements.ts'

/** What the builder needs of a member: its subscription and its MemberData. */
export interface StickyMember {
  readonly memberId: string
  readonly topics: readonly string[]
  /** MemberData.partitions: owned partitions as the assignor decoded them */
  readonly ownedPartitions: readonly string[]
  /** MemberData.generation, or DEFAULT_GENERATION */
  readonly generation: number
}

interface ConsumerGenerationPair {
  readonly consumer: string
  readonly generation: number
}

/**
 * Java throws a NullPointerException here: `currentAssignment.get(member)` is null, e.g. for a
 * member left out of the moves (fixed) that is still the previous owner of a partition.
 */
function missing(member: string): never {
  throw new AssignorError('NullPointerException', `GeneralAssignmentBuilder: currentAssignment has no entry for ${member}`)
}

function removeAllInPlace(list: string[], remove: ReadonlySet<string>): void {
  const kept = list.filter((x) => !remove.has(x))
  list.length = 0
  list.push(...kept)
}

function deepCopy(source: ReadonlyMap<string, string[]>): Map<string, string[]> {
  return new Map([...source].map(([k, v]) => [k, [...v]]))
}

/** Sum over all member pairs of the difference of their assignment sizes. */
function balanceScore(assignment: ReadonlyMap<string, readonly string[]>): number {
  const sizes = [...assignment.values()].map((l) => l.length)
  let score = 0
  for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!)
  return score
}

class GeneralAssignmentBuilder {
  private readonly topic2AllPotentialConsumers = new Map<string, string[]>()
  private readonly consumer2AllPotentialTopics = new Map<string, string[]>()
  private readonly currentPartitionConsumer = new Map<string, string>()
  private readonly sortedAllPartitions: string[]
  /** the members of sortedCurrentSubscriptions; sortedConsumers() gives the TreeSet order */
  private readonly sortedSet = new Set<string>()
  private readonly movements = new PartitionMovements()
  private revocationRequired = false

  constructor(
    private readonly partitionsPerTopic: ReadonlyMap<string, number>,
    private readonly currentAssignment: Map<string, string[]>,
    private readonly members: readonly StickyMember[],
    private readonly maxGeneration: number,
  ) {
    for (const topic of partitionsPerTopic.keys()) this.topic2AllPotentialConsumers.set(topic, [])
    for (const m of members) this.addPotentialTopics(m)
    for (const [consumer, partitions] of currentAssignment) {
      for (const tp of partitions) this.currentPartitionConsumer.set(tp, consumer)
    }
    const sortedAllTopics = [...this.topic2AllPotentialConsumers.keys()].sort(
      (a, b) => this.potentialConsumers(a).length - this.potentialConsumers(b).length || compareStrings(a, b),
    )
    this.sortedAllPartitions = sortedAllTopics.flatMap((t) => partitionsOf(t, partitionsPerTopic.get(t)!))
  }

  private addPotentialTopics(m: StickyMember): void {
    const topics: string[] = []
    this.consumer2AllPotentialTopics.set(m.memberId, topics)
    for (const topic of m.topics) {
      if (!this.partitionsPerTopic.has(topic)) continue
      topics.push(topic)
      this.topic2AllPotentialConsumers.get(topic)!.push(m.memberId)
    }
    if (!this.currentAssignment.has(m.memberId)) this.currentAssignment.set(m.memberId, [])
  }

  private potentialConsumers(topic: string): string[] {
    return this.topic2AllPotentialConsumers.get(topic)!
  }

  private potentialTopics(consumer: string): string[] {
    return this.consumer2AllPotentialTopics.get(consumer)!
  }

  private sizeOf(consumer: string | undefined): number {
    const list = consumer === undefined ? undefined : this.currentAssignment.get(consumer)
    return list === undefined ? missing(String(consumer)) : list.length
  }

  /** sortedCurrentSubscriptions: SubscriptionComparator = (assignment size, member id). */
  private sortedConsumers(): string[] {
    return [...this.sortedSet].sort((a, b) => this.sizeOf(a) - this.sizeOf(b) || compareStrings(a, b))
  }

  build(): Map<string, string[]> {
    const prevAssignment = this.prepopulateCurrentAssignments()
    const assigned = this.assignOwnedPartitions()
    const unassigned = this.unassignedPartitions(assigned)
    for (const consumer of this.currentAssignment.keys()) this.sortedSet.add(consumer)
    this.balance(prevAssignment, unassigned)
    return this.currentAssignment
  }

  private assignOwnedPartitions(): string[] {
    const assigned: string[] = []
    const byId = new Map(this.members.map((m) => [m.memberId, m]))
    for (const [consumer, partitions] of this.currentAssignment) {
      const kept = partitions.filter((tp) => {
        const topic = topicOf(tp)
        if (!this.topic2AllPotentialConsumers.has(topic)) {
          this.currentPartitionConsumer.delete(tp)
          return false
        }
        if (!byId.get(consumer)!.topics.includes(topic)) {
          this.revocationRequired = true
          return false
        }
        assigned.push(tp)
        return true
      })
      partitions.splice(0, partitions.length, ...kept)
    }
    return assigned
  }

  /** sortedAllPartitions minus the assigned ones; the very same list when nothing is assigned. */
  private unassignedPartitions(assigned: readonly string[]): string[] {
    if (assigned.length === 0) return this.sortedAllPartitions
    const set = new Set(assigned)
    return this.sortedAllPartitions.filter((tp) => !set.has(tp))
  }

  /** prevAssignment: for each partition, its owner in the newest generation below maxGeneration. */
  private prepopulateCurrentAssignments(): Map<string, ConsumerGenerationPair> {
    const prev = new Map<string, ConsumerGenerationPair>()
    for (const m of this.members) {
      if (m.generation >= this.maxGeneration) continue
      for (const tp of m.ownedPartitions) {
        const existing = prev.get(tp)
        if (existing === undefined || m.generation > existing.generation) {
          prev.set(tp, { consumer: m.memberId, generation: m.generation })
        }
      }
    }
    return prev
  }

  private maxAssignmentSize(consumer: string): number {
    return this.potentialTopics(consumer).reduce((sum, t) => sum + this.partitionsPerTopic.get(t)!, 0)
  }

  private isBalanced(): boolean {
    const sorted = this.sortedConsumers()
    if (this.sizeOf(sorted[0]) >= this.sizeOf(sorted[sorted.length - 1]) - 1) return true
    const owner = new Map<string, string>()
    for (const [consumer, partitions] of this.currentAssignment) for (const tp of partitions) owner.set(tp, consumer)
    return sorted.every((consumer) => !this.canTakeFromBiggerConsumer(consumer, owner))
  }

  /** Whether some partition this member could own sits with a member 2+ partitions bigger. */
  private canTakeFromBiggerConsumer(consumer: string, owner: ReadonlyMap<string, string>): boolean {
    const mine = this.currentAssignment.get(consumer)!
    if (mine.length === this.maxAssignmentSize(consumer)) return false
    return this.potentialTopics(consumer).some((topic) =>
      partitionsOf(topic, this.partitionsPerTopic.get(topic)!).some(
        (tp) => !mine.includes(tp) && mine.length + 1 < this.sizeOf(owner.get(tp)),
      ),
    )
  }

  private maybeAssign(unassigned: readonly string[]): void {
    for (const tp of unassigned) {
      if (this.potentialConsumers(topicOf(tp)).length === 0) continue
      const consumer = this.sortedConsumers().find((c) => this.potentialTopics(c).includes(topicOf(tp)))
      if (consumer === undefined) continue
      this.sortedSet.delete(consumer)
      this.currentAssignment.get(consumer)!.push(tp)
      this.currentPartitionConsumer.set(tp, consumer)
      this.sortedSet.add(consumer)
    }
  }

  private canTopicParticipateInReassignment(topic: string): boolean {
    return this.potentialConsumers(topic).length >= 2
  }

  private canConsumerParticipateInReassignment(consumer: string): boolean {
    const current = this.currentAssignment.get(consumer)!
    if (current.length < this.maxAssignmentSize(consumer)) return true
    return current.some((tp) => this.canTopicParticipateInReassignment(topicOf(tp)))
  }

  private fixedPartitions(): Set<string> {
    const fixed = new Set<string>()
    for (const topic of this.topic2AllPotentialConsumers.keys()) {
      if (this.canTopicParticipateInReassignment(topic)) continue
      for (const tp of partitionsOf(topic, this.partitionsPerTopic.get(topic)!)) fixed.add(tp)
    }
    return fixed
  }

  private takeOutFixedAssignments(): Map<string, string[]> {
    const fixed = new Map<string, string[]>()
    for (const consumer of this.consumer2AllPotentialTopics.keys()) {
      if (this.canConsumerParticipateInReassignment(consumer)) continue
      this.sortedSet.delete(consumer)
      fixed.set(consumer, this.currentAssignment.get(consumer)!)
      this.currentAssignment.delete(consumer)
    }
    return fixed
  }

  private restore(assignment: ReadonlyMap<string, string[]>, partitionConsumers: ReadonlyMap<string, string>): void {
    this.currentAssignment.clear()
    for (const [k, v] of assignment) this.currentAssignment.set(k, [...v])
    this.currentPartitionConsumer.clear()
    for (const [k, v] of partitionConsumers) this.currentPartitionConsumer.set(k, v)
  }

  private balance(prevAssignment: ReadonlyMap<string, ConsumerGenerationPair>, unassigned: string[]): void {
    const initializing = this.sizeOf(this.sortedConsumers().at(-1)) === 0
    this.maybeAssign(unassigned)
    const fixedPartitions = this.fixedPartitions()
    removeAllInPlace(this.sortedAllPartitions, fixedPartitions)
    removeAllInPlace(unassigned, fixedPartitions)
    const fixedAssignments = this.takeOutFixedAssignments()
    const preBalanceAssignment = deepCopy(this.currentAssignment)
    const preBalancePartitionConsumers = new Map(this.currentPartitionConsumer)
    if (!this.revocationRequired) this.performReassignments(unassigned, prevAssignment)
    const reassigned = this.performReassignments(this.sortedAllPartitions, prevAssignment)
    if (!initializing && reassigned && balanceScore(this.currentAssignment) >= balanceScore(preBalanceAssignment)) {
      this.restore(preBalanceAssignment, preBalancePartitionConsumers)
    }
    for (const [consumer, partitions] of fixedAssignments) {
      this.currentAssignment.set(consumer, partitions)
      this.sortedSet.add(consumer)
    }
  }

  /** One pass's move for a partition, if it has one; true when the partition moved. */
  private reassignIfUnbalanced(partition: string, prevAssignment: ReadonlyMap<string, ConsumerGenerationPair>): boolean {
    const consumer = this.currentPartitionConsumer.get(partition)
    const prev = prevAssignment.get(partition)
    if (prev !== undefined && this.sizeOf(consumer) > this.sizeOf(prev.consumer) + 1) {
      this.reassignPartitionTo(partition, prev.consumer)
      return true
    }
    const lessLoaded = this.potentialConsumers(topicOf(partition)).some((other) => this.sizeOf(consumer) > this.sizeOf(other) + 1)
    if (lessLoaded) this.reassignPartition(partition)
    return lessLoaded
  }

  private performReassignments(reassignable: readonly string[], prevAssignment: ReadonlyMap<string, ConsumerGenerationPair>): boolean {
    let performed = false
    let modified: boolean
    do {
      modified = false
      for (const partition of reassignable) {
        if (this.isBalanced()) break
        if (this.reassignIfUnbalanced(partition, prevAssignment)) performed = modified = true
      }
    } while (modified)
    return performed
  }

  /** To the least loaded member (TreeSet order) that subscribes to the partition's topic. */
  private reassignPartition(partition: string): void {
    const topic = topicOf(partition)
    const newConsumer = this.sortedConsumers().find((c) => this.potentialTopics(c).includes(topic))!
    this.reassignPartitionTo(partition, newConsumer)
  }

  private reassignPartitionTo(partition: string, newConsumer: string): void {
    const consumer = this.currentPartitionConsumer.get(partition)!
    const toMove = this.movements.getTheActualPartitionToBeMoved(partition, consumer, newConsumer)
    this.processPartitionMovement(toMove, newConsumer)
  }

  private processPartitionMovement(partition: string, newConsumer: string): void {
    const oldConsumer = this.currentPartitionConsumer.get(partition)!
    const oldList = this.currentAssignment.get(oldConsumer) ?? missing(oldConsumer)
    const newList = this.currentAssignment.get(newConsumer) ?? missing(newConsumer)
    this.sortedSet.delete(oldConsumer)
    this.sortedSet.delete(newConsumer)
    this.movements.movePartition(partition, oldConsumer, newConsumer)
    removeFirst(oldList, partition)
    newList.push(partition)
    this.currentPartitionConsumer.set(partition, newConsumer)
    this.sortedSet.add(newConsumer)
    this.sortedSet.add(oldConsumer)
  }
}

/**
 * @param currentAssignment consumerToOwnedPartitions (after conflicting claims were resolved);
 *   the lists are updated in place and returned as the result
 * @param members the subscriptions, in java.util.HashMap iteration order
 * @param maxGeneration the highest generation any member reported
 */
export function generalAssign(
  partitionsPerTopic: ReadonlyMap<string, number>,
  currentAssignment: Map<string, string[]>,
  members: readonly StickyMember[],
  maxGeneration: number,
): Map<string, string[]> {
  return new GeneralAssignmentBuilder(partitionsPerTopic, currentAssignment, members, maxGeneration).build()
}
