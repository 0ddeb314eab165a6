/**
 * The KIP-848 server-side `uniform` assignor (the group coordinator's default,
 * group.consumer.assignors = uniform,range): a balanced, sticky assignment of the subscribed topics'
 * partitions over the members of a consumer group.
 *
 * Follows group-coordinator/src/main/java/org/apache/kafka/coordinator/group/assignor/
 * UniformAssignor.java (apache/kafka 4.0): no members, no assignment; a HOMOGENEOUS group goes to
 * UniformHomogeneousAssignmentBuilder (./uniform-homogeneous.ts), any other to
 * UniformHeterogeneousAssignmentBuilder (./uniform-heterogeneous.ts).
 *
 * Simplifies: the subscription type is, by default, assignment-spec.ts#subscriptionType (by topic
 * ids); Kafka's coordinator declares it from the subscribed topic *names* (ModernGroup
 * #subscriptionType), which also count topics that do not exist; pass `subscriptionType` to use the
 * declared one. Racks: none; Kafka 4.0's uniform assignor never reads rack ids.
 *
 * Invariants: pure; every member of the spec is in the result (with an empty map if it gets
 * nothing; where Kafka returns no entry at all, as it does when no topic is subscribed, the member
 * is added with an empty map); partitions are ascending; every partition of a subscribed topic goes
 * to exactly one of its subscribers.
 */
import { subscriptionType as specSubscriptionType, type ConsumerGroupSpec, type GroupAssignment, type SubscriptionType } from './assignment-spec.ts'
import { buildUniformHeterogeneous } from './uniform-heterogeneous.ts'
import { buildUniformHomogeneous, type CurrentAssignmentOrder } from './uniform-homogeneous.ts'

export { buildUniformHeterogeneous } from './uniform-heterogeneous.ts'
export { buildUniformHomogeneous, type CurrentAssignmentOrder } from './uniform-homogeneous.ts'

/** UniformAssignor.UNIFORM_ASSIGNOR_NAME */
export const UNIFORM_ASSIGNOR_NAME = 'uniform'

export interface UniformAssignorOptions {
  /** GroupSpec.subscriptionType() as the coordinator declares it; default: computed from the spec */
  subscriptionType?: SubscriptionType
  /** how members' current assignment maps iterate (homogeneous builder only); default 'hash-map' */
  currentAssignmentOrder?: CurrentAssignmentOrder
}

/** UniformAssignor.assign, with every member of the spec present in the result. */
export function assignUniform(spec: ConsumerGroupSpec, options: UniformAssignorOptions = {}): GroupAssignment {
  if (spec.members.length === 0) return new Map()
  const type = options.subscriptionType ?? specSubscriptionType(spec)
  const built =
    type === 'HOMOGENEOUS'
      ? buildUniformHomogeneous(spec, options.currentAssignmentOrder ?? 'hash-map')
      : buildUniformHeterogeneous(spec)
  const result: GroupAssignment = new Map()
  for (const member of spec.members) result.set(member.memberId, built.get(member.memberId) ?? new Map())
  return result
}
