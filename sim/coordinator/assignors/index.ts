/**
 * Kafka's client-side partition assignors for the classic group protocol (CONTRACT §5):
 * "range", "roundrobin", "sticky" and "cooperative-sticky", without racks.
 *
 * Follows clients/.../consumer/{RangeAssignor, RoundRobinAssignor, StickyAssignor,
 * CooperativeStickyAssignor}.java and consumer/internals/{AbstractPartitionAssignor,
 * AbstractStickyAssignor}.java (apache/kafka 4.0); see the modules under ./assignors/.
 *
 * Invariants:
 * - pure: the result depends only on the input, including the order of `input.members`, which is
 *   the order the leader put the members into its java.util.HashMap (the JoinGroup response order;
 *   as JS object key order, integer-like ids would come first);
 * - every member is in the result, possibly with []; each member's list is in the order Kafka's
 *   assignor returns it;
 * - `previous`/`generation` matter only to the sticky assignors; a missing generation is
 *   DEFAULT_GENERATION (-1);
 * - partitions are named "topic-p"; owned partitions of unknown topics or beyond a topic's
 *   partition count are ignored;
 * - where Kafka's assignor throws (a NullPointerException in the sticky general builder when a
 *   stale previous owner no longer subscribes to the topic), this throws an AssignorError.
 */
import type { AssignorInput, AssignorName } from './common.ts'
import { groupSnapshot, toRecord } from './common.ts'
import { assignRange } from './range.ts'
import { assignRoundRobin } from './roundrobin.ts'
import { cooperativeStickyAssign, stickyAssign } from './sticky.ts'

export type { AssignorInput, AssignorName } from './common.ts'
export { AssignorError } from './common.ts'

export interface AssignmentDetails {
  /** member id -> assigned partitions */
  assignment: Record<string, string[]>
  /** sticky family: which AbstractStickyAssignor builder ran */
  builder?: 'constrained' | 'general'
  /**
   * sticky family: partition -> new owner.
   * "sticky": AbstractStickyAssignor.partitionsTransferringOwnership after the call (null when the
   * general builder ran, as in Kafka). "cooperative-sticky": the map adjustAssignment applied, i.e.
   * the partitions withheld from their new owner until the old owner has revoked them.
   */
  partitionsTransferringOwnership?: Record<string, string> | null
}

const ASSIGNORS: readonly AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky']

function mapToRecord(map: ReadonlyMap<string, string> | null): Record<string, string> | null {
  return map === null ? null : Object.fromEntries(map)
}

/** The assignment plus what the sticky assignors report about partitions changing hands. */
export function assignPartitionsDetailed(strategy: AssignorName, input: AssignorInput): AssignmentDetails {
  if (!ASSIGNORS.includes(strategy)) throw new RangeError(`unknown assignor "${String(strategy)}"`)
  const group = groupSnapshot(input)
  switch (strategy) {
    case 'range':
      return { assignment: toRecord(group, assignRange(group)) }
    case 'roundrobin':
      return { assignment: toRecord(group, assignRoundRobin(group)) }
    case 'sticky': {
      const r = stickyAssign(group, 'sticky')
      return { assignment: toRecord(group, r.assignment), builder: r.builder, partitionsTransferringOwnership: mapToRecord(r.partitionsTransferringOwnership) }
    }
    case 'cooperative-sticky': {
      const r = cooperativeStickyAssign(group)
      return { assignment: toRecord(group, r.assignment), builder: r.builder, partitionsTransferringOwnership: mapToRecord(r.withheld) }
    }
  }
}

/** member id -> assigned partitions ("topic-p"), as Kafka's assignor named `strategy` computes it. */
export function assignPartitions(strategy: AssignorName, input: AssignorInput): Record<string, string[]> {
  return assignPartitionsDetailed(strategy, input).assignment
}

/** The sticky family's partitionsTransferringOwnership (see AssignmentDetails); undefined for range/roundrobin. */
export function partitionsTransferringOwnership(strategy: AssignorName, input: AssignorInput): Record<string, string> | null | undefined {
  return assignPartitionsDetailed(strategy, input).partitionsTransferringOwnership
}
