/**
 * The sticky general builder's record of partition moves during one rebalance.
 *
 * Follows AbstractStickyAssignor.PartitionMovements (movePartition,
 * getTheActualPartitionToBeMoved, add/removePartitionMovementRecord) and ConsumerPair.
 * The stickiness check (isSticky/hasCycles) is not needed for the result and is left out.
 *
 * Invariants:
 * - a partition has at most one record src -> dst, where src is the member that owned it before
 *   this rebalance's moves and dst its current owner; moving it back to src drops the record;
 * - per topic and per (src, dst) pair the moved partitions are kept in a java.util.HashSet keyed
 *   by TopicPartition#hashCode, created on first use and dropped when empty, because
 *   getTheActualPartitionToBeMoved returns that set's first element in HashSet iteration order.
 */
import { JavaHashSet } from './java-hash-set.ts'
import { topicOf, topicPartitionHashCode } from './common.ts'

interface ConsumerPair {
  readonly src: string
  readonly dst: string
}

function pairKey(src: string, dst: string): string {
  return JSON.stringify([src, dst])
}

export class PartitionMovements {
  private readonly byTopic = new Map<string, Map<string, JavaHashSet<string>>>()
  private readonly moves = new Map<string, ConsumerPair>()

  private removeRecord(partition: string): ConsumerPair {
    const pair = this.moves.get(partition)!
    this.moves.delete(partition)
    const topic = topicOf(partition)
    const forTopic = this.byTopic.get(topic)!
    const set = forTopic.get(pairKey(pair.src, pair.dst))!
    set.delete(partition)
    if (set.size === 0) forTopic.delete(pairKey(pair.src, pair.dst))
    if (forTopic.size === 0) this.byTopic.delete(topic)
    return pair
  }

  private addRecord(partition: string, pair: ConsumerPair): void {
    this.moves.set(partition, pair)
    const topic = topicOf(partition)
    const forTopic = this.byTopic.get(topic) ?? new Map<string, JavaHashSet<string>>()
    this.byTopic.set(topic, forTopic)
    const key = pairKey(pair.src, pair.dst)
    const set = forTopic.get(key) ?? new JavaHashSet<string>(topicPartitionHashCode)
    forTopic.set(key, set)
    set.add(partition)
  }

  movePartition(partition: string, oldConsumer: string, newConsumer: string): void {
    if (!this.moves.has(partition)) {
      this.addRecord(partition, { src: oldConsumer, dst: newConsumer })
      return
    }
    const existing = this.removeRecord(partition)
    if (existing.src !== newConsumer) this.addRecord(partition, { src: existing.src, dst: newConsumer })
  }

  /**
   * When a partition of the same topic already moved the opposite way (newConsumer -> the
   * original owner), move that one back instead, so moves between two members do not cross.
   */
  getTheActualPartitionToBeMoved(partition: string, oldConsumer: string, newConsumer: string): string {
    const forTopic = this.byTopic.get(topicOf(partition))
    if (forTopic === undefined) return partition
    const origin = this.moves.get(partition)?.src ?? oldConsumer
    const reverse = forTopic.get(pairKey(newConsumer, origin))
    return reverse?.first() ?? partition
  }
}
