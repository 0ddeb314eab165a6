/**
 * Which `__consumer_offsets` partition (and so which broker, its leader) coordinates a group.
 *
 * Follows group-coordinator/src/main/java/org/apache/kafka/coordinator/group/GroupCoordinatorService.java
 * (`partitionFor`) and its Scala twin core/.../coordinator/group/GroupMetadataManager.scala:
 * `Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions`. Transaction coordinators use the
 * same formula on `__transaction_state` with the transactional id.
 *
 * Invariants: the hash is Java's String.hashCode (UTF-16 code units, int arithmetic), not murmur2;
 * `Utils.abs(Integer.MIN_VALUE)` is 0; the result is in [0, offsetsTopicPartitions).
 */
import { javaAbs, javaStringHashCode } from './java.ts'

/** The default of `offsets.topic.num.partitions`. */
export const DEFAULT_OFFSETS_TOPIC_PARTITIONS = 50

export function coordinatorPartitionFor(
  groupId: string,
  offsetsTopicPartitions: number = DEFAULT_OFFSETS_TOPIC_PARTITIONS,
): number {
  if (!Number.isInteger(offsetsTopicPartitions) || offsetsTopicPartitions <= 0) {
    throw new RangeError(`offsetsTopicPartitions must be a positive integer, got ${offsetsTopicPartitions}`)
  }
  return javaAbs(javaStringHashCode(groupId)) % offsetsTopicPartitions
}
