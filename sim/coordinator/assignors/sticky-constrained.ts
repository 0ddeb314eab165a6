/**
 * The sticky assignors' builder for groups whose members all subscribe to the same topics.
 *
 * Follows AbstractStickyAssignor.ConstrainedAssignmentBuilder (build, assignOwnedPartitions,
 * assignRoundRobin, assignNewPartition, verifyUnfilledMembers, getUnassignedPartitions), without
 * racks.
 *
 * Invariants:
 * - quotas: minQuota = floor(P / C), maxQuota = ceil(P / C), and exactly P % C members end with
 *   maxQuota partitions;
 * - owned partitions are visited member by member in the iteration order of
 *   consumerToOwnedPartitions (a java.util.HashMap), each member's sorted by (partition, topic):
 *   fewer than minQuota are all kept; maxQuota or more keep maxQuota while max-quota slots are
 *   left; otherwise minQuota are kept; the rest are revoked;
 * - the remaining partitions, by (topic, partition), go round-robin to the members under
 *   minQuota (sorted by id), then one each to members at exactly minQuota (sorted by id);
 * - partitionsTransferringOwnership maps each handed-out partition that another member had
 *   revoked, or that several members claimed in the same generation, to its new owner;
 * - each member's list is its kept partitions followed by new ones in the order handed out.
 */
import { javaHashMapOrder, javaStringHashCode } from '../../kafka/java.ts'
import { AssignorError, byPartitionThenTopic, compareStrings, partitionsOf } from './common.ts'

export interface ConstrainedResult {
  assignment: Map<string, string[]>
  partitionsTransferringOwnership: Map<string, string>
}

class ConstrainedAssignmentBuilder {
  private readonly assignment = new Map<string, string[]>()
  private readonly assignedPartitions: string[] = []
  private readonly allRevokedPartitions = new Set<string>()
  private readonly transferring = new Map<string, string>()
  private readonly underMinQuota: string[] = []
  private readonly exactlyMinQuota: string[] = []
  private readonly minQuota: number
  private readonly maxQuota: number
  private readonly expectedOverMinQuota: number
  private currentOverMinQuota = 0

  constructor(
    private readonly partitionsPerTopic: ReadonlyMap<string, number>,
    private readonly consumerToOwnedPartitions: ReadonlyMap<string, readonly string[]>,
    private readonly partitionsWithMultiplePreviousOwners: ReadonlySet<string>,
  ) {
    const total = [...partitionsPerTopic.values()].reduce((a, b) => a + b, 0)
    const consumers = consumerToOwnedPartitions.size
    this.minQuota = Math.floor(total / consumers)
    this.maxQuota = Math.ceil(total / consumers)
    this.expectedOverMinQuota = total % consumers
    for (const consumer of consumerToOwnedPartitions.keys()) this.assignment.set(consumer, [])
  }

  build(): ConstrainedResult {
    this.assignOwnedPartitions()
    const unassigned = this.unassignedPartitions()
    this.underMinQuota.sort(compareStrings)
    this.exactlyMinQuota.sort(compareStrings)
    this.assignRoundRobin(unassigned)
    this.verifyUnfilledMembers()
    return { assignment: this.assignment, partitionsTransferringOwnership: this.transferring }
  }

  /** consumerToOwnedPartitions is a HashMap filled in the subscriptions' iteration order. */
  private ownersInIterationOrder(): string[] {
    return javaHashMapOrder([...this.consumerToOwnedPartitions.keys()], javaStringHashCode)
  }

  private keep(consumer: string, partitions: readonly string[]): void {
    this.assignment.get(consumer)!.push(...partitions)
    this.assignedPartitions.push(...partitions)
  }

  private revoke(partitions: readonly string[]): void {
    for (const tp of partitions) this.allRevokedPartitions.add(tp)
  }

  private assignOwnedPartitions(): void {
    for (const consumer of this.ownersInIterationOrder()) {
      const owned = [...this.consumerToOwnedPartitions.get(consumer)!]
        .sort(byPartitionThenTopic)
        .filter((tp) => !this.partitionsWithMultiplePreviousOwners.has(tp))
      if (owned.length < this.minQuota) {
        this.keep(consumer, owned)
        this.underMinQuota.push(consumer)
      } else if (owned.length >= this.maxQuota && this.currentOverMinQuota < this.expectedOverMinQuota) {
        this.currentOverMinQuota++
        if (this.currentOverMinQuota === this.expectedOverMinQuota) this.exactlyMinQuota.length = 0
        this.keep(consumer, owned.slice(0, this.maxQuota))
        this.revoke(owned.slice(this.maxQuota))
      } else {
        this.keep(consumer, owned.slice(0, this.minQuota))
        this.revoke(owned.slice(this.minQuota))
        if (this.currentOverMinQuota < this.expectedOverMinQuota) this.exactlyMinQuota.push(consumer)
      }
    }
  }

  /** All partitions by (topic, partition), minus those kept. */
  private unassignedPartitions(): string[] {
    const assigned = new Set(this.assignedPartitions)
    const topics = [...this.partitionsPerTopic.keys()].sort(compareStrings)
    return topics.flatMap((t) => partitionsOf(t, this.partitionsPerTopic.get(t)!)).filter((tp) => !assigned.has(tp))
  }

  private assignNewPartition(partition: string, consumer: string): number {
    const list = this.assignment.get(consumer)!
    list.push(partition)
    if (this.allRevokedPartitions.has(partition) || this.partitionsWithMultiplePreviousOwners.has(partition)) {
      this.transferring.set(partition, consumer)
    }
    return list.length
  }

  /** The next member to fill; `cursor` is a java.util.Iterator over underMinQuota. */
  private nextConsumer(cursor: { next: number }): string {
    if (cursor.next < this.underMinQuota.length) return this.underMinQuota[cursor.next++]!
    if (this.underMinQuota.length === 0 && this.exactlyMinQuota.length === 0) {
      throw new AssignorError('IllegalStateException', 'No more unfilled consumers to be assigned.')
    }
    if (this.underMinQuota.length === 0) return this.exactlyMinQuota.shift()!
    cursor.next = 1
    return this.underMinQuota[0]!
  }

  private assignRoundRobin(unassigned: readonly string[]): void {
    const cursor = { next: 0 }
    for (const partition of unassigned) {
      const consumer = this.nextConsumer(cursor)
      const count = this.assignNewPartition(partition, consumer)
      if (count === this.minQuota) {
        this.underMinQuota.splice(--cursor.next, 1)
        this.exactlyMinQuota.push(consumer)
      } else if (count === this.maxQuota) {
        this.currentOverMinQuota++
      }
    }
  }

  private verifyUnfilledMembers(): void {
    if (this.underMinQuota.length === 0) return
    if (this.currentOverMinQuota !== this.expectedOverMinQuota) {
      throw new AssignorError(
        'IllegalStateException',
        "We haven't reached the expected number of members with more than the minQuota partitions, but no more partitions to be assigned",
      )
    }
    for (const member of this.underMinQuota) {
      if (this.assignment.get(member)!.length !== this.minQuota) {
        throw new AssignorError('IllegalStateException', `Consumer: [${member}] doesn't reach minQuota partitions, and no more partitions to be assigned`)
      }
    }
  }
}

export function constrainedAssign(
  partitionsPerTopic: ReadonlyMap<string, number>,
  consumerToOwnedPartitions: ReadonlyMap<string, readonly string[]>,
  partitionsWithMultiplePreviousOwners: ReadonlySet<string>,
): ConstrainedResult {
  return new ConstrainedAssignmentBuilder(partitionsPerTopic, consumerToOwnedPartitions, partitionsWithMultiplePreviousOwners).build()
}
