/**
 * The "sticky" and "cooperative-sticky" assignors: owned partitions, conflicting claims, the
 * choice of builder, and the cooperative adjustment.
 *
 * Follows AbstractStickyAssignor (assignPartitions, allSubscriptionsEqual), StickyAssignor
 * (memberData from user data written by serializeTopicPartitionAssignment, which groups the
 * partitions by topic through CollectionUtils.groupPartitionsByTopic, a java.util.HashMap) and
 * CooperativeStickyAssignor (memberData from ownedPartitions + generationId, assignPartitions,
 * adjustAssignment, computePartitionsTransferringOwnership).
 *
 * Invariants:
 * - members are visited in the subscriptions' HashMap order; a partition claimed by two members of
 *   the same generation is taken from both (partitionsWithMultiplePreviousOwners), a partition
 *   claimed in different generations stays with the higher generation;
 * - ConstrainedAssignmentBuilder runs when every member reports the same topic set (Kafka's check
 *   starts from the first non-empty subscription it meets), GeneralAssignmentBuilder otherwise,
 *   and then partitionsTransferringOwnership is null;
 * - cooperative-sticky removes every partition in partitionsTransferringOwnership from its new
 *   owner (computed as "added to one member and revoked from another" in the general case), so a
 *   partition is never assigned while another member may still own it.
 */
import { javaHashMapOrder, javaStringHashCode } from '../../kafka/java.ts'
import type { GroupSnapshot, Subscription } from './common.ts'
import { DEFAULT_GENERATION, partitionExists, removeFirst, topicOf } from './common.ts'
import { constrainedAssign } from './sticky-constrained.ts'
import type { StickyMember } from './sticky-general.ts'
import { generalAssign } from './sticky-general.ts'

export type StickyFlavour = 'sticky' | 'cooperative-sticky'

export interface StickyResult {
  assignment: Map<string, string[]>
  builder: 'constrained' | 'general'
  /** AbstractStickyAssignor.partitionsTransferringOwnership: partition -> new owner; null after the general builder */
  partitionsTransferringOwnership: Map<string, string> | null
}

export interface CooperativeResult extends StickyResult {
  /** the partitions adjustAssignment withheld: partition -> the member that will get it */
  withheld: Map<string, string>
}

/** The owned partitions after StickyAssignor's user-data round trip: grouped by topic, topics in HashMap order. */
function userDataOrder(owned: readonly string[]): string[] {
  const byTopic = new Map<string, string[]>()
  for (const tp of owned) {
    const list = byTopic.get(topicOf(tp)) ?? []
    list.push(tp)
    byTopic.set(topicOf(tp), list)
  }
  return javaHashMapOrder([...byTopic.keys()], javaStringHashCode).flatMap((t) => byTopic.get(t)!)
}

function memberData(sub: Subscription, flavour: StickyFlavour): StickyMember {
  const ownedPartitions = flavour === 'sticky' ? userDataOrder(sub.ownedPartitions) : sub.ownedPartitions
  return { memberId: sub.memberId, topics: sub.topics, ownedPartitions, generation: sub.generation }
}

interface OwnedPartitions {
  allSubscriptionsEqual: boolean
  /** consumerToOwnedPartitions, filled in the subscriptions' iteration order */
  consumerToOwnedPartitions: Map<string, string[]>
  partitionsWithMultiplePreviousOwners: Set<string>
  maxGeneration: number
}

function sameTopics(subscribed: ReadonlySet<string>, topics: readonly string[]): boolean {
  return topics.length === subscribed.size && topics.every((t) => subscribed.has(t))
}

/** One claim of `member` on `tp`, resolved against an earlier claim (AbstractStickyAssignor#allSubscriptionsEqual). */
function claim(state: OwnedPartitions, owners: Map<string, StickyMember>, member: StickyMember, tp: string): void {
  const other = owners.get(tp)
  const owned = state.consumerToOwnedPartitions.get(member.memberId)!
  if (other === undefined || member.generation > other.generation) {
    owned.push(tp)
    if (other !== undefined) removeFirst(state.consumerToOwnedPartitions.get(other.memberId)!, tp)
    owners.set(tp, member)
  } else if (member.generation === other.generation) {
    state.partitionsWithMultiplePreviousOwners.add(tp)
    removeFirst(state.consumerToOwnedPartitions.get(other.memberId)!, tp)
    owners.set(tp, member)
  }
}

function collectOwnedPartitions(group: GroupSnapshot, members: readonly StickyMember[]): OwnedPartitions {
  const state: OwnedPartitions = {
    allSubscriptionsEqual: true,
    consumerToOwnedPartitions: new Map(),
    partitionsWithMultiplePreviousOwners: new Set(),
    maxGeneration: DEFAULT_GENERATION,
  }
  const subscribed = new Set<string>()
  const owners = new Map<string, StickyMember>()
  for (const member of members) {
    if (subscribed.size === 0) for (const t of member.topics) subscribed.add(t)
    else if (!sameTopics(subscribed, member.topics)) state.allSubscriptionsEqual = false
    state.maxGeneration = Math.max(state.maxGeneration, member.generation)
    state.consumerToOwnedPartitions.set(member.memberId, [])
    for (const tp of member.ownedPartitions) if (partitionExists(group, tp)) claim(state, owners, member, tp)
  }
  return state
}

export function stickyAssign(group: GroupSnapshot, flavour: StickyFlavour): StickyResult {
  const members = group.subscriptions.map((s) => memberData(s, flavour))
  const owned = collectOwnedPartitions(group, members)
  if (owned.allSubscriptionsEqual) {
    const result = constrainedAssign(group.partitionsPerTopic, owned.consumerToOwnedPartitions, owned.partitionsWithMultiplePreviousOwners)
    return { ...result, builder: 'constrained' }
  }
  const assignment = generalAssign(group.partitionsPerTopic, owned.consumerToOwnedPartitions, members, owned.maxGeneration)
  return { assignment, builder: 'general', partitionsTransferringOwnership: null }
}

/** Partitions added to one member that another member owned and loses (the general builder's case). */
function computePartitionsTransferringOwnership(group: GroupSnapshot, assignment: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const added = new Map<string, string>()
  const revoked = new Set<string>()
  for (const sub of group.subscriptions) {
    const assigned = assignment.get(sub.memberId) ?? []
    const owned = new Set(sub.ownedPartitions)
    for (const tp of assigned) if (!owned.has(tp)) added.set(tp, sub.memberId)
    const assignedSet = new Set(assigned)
    for (const tp of sub.ownedPartitions) if (!assignedSet.has(tp)) revoked.add(tp)
  }
  return new Map([...added].filter(([tp]) => revoked.has(tp)))
}

export function cooperativeStickyAssign(group: GroupSnapshot): CooperativeResult {
  const result = stickyAssign(group, 'cooperative-sticky')
  const withheld = result.partitionsTransferringOwnership ?? computePartitionsTransferringOwnership(group, result.assignment)
  for (const [tp, consumer] of withheld) removeFirst(result.assignment.get(consumer)!, tp)
  return { ...result, withheld }
}
