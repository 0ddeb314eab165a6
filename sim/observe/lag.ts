/**
 * Consumer lag, computed here once for everyone who shows it: the summary, the published view, the
 * groups panel, `kafka-consumer-groups --describe` and the metrics.
 *
 * Kafka's rule (ConsumerGroupCommand, `getLag`): LAG = LOG-END-OFFSET − CURRENT-OFFSET, where
 * LOG-END-OFFSET is what the admin client's listOffsets(OffsetSpec.latest()) answers with
 * read_uncommitted, i.e. the partition leader's high watermark, and CURRENT-OFFSET is the group's
 * committed offset. A partition without a committed offset (or with Kafka's -1, "no offset") shows
 * `-` for CURRENT-OFFSET and LAG; a partition without a leader shows `-` for LOG-END-OFFSET and LAG.
 * Both are `null` here. LAG is not clamped, as in Kafka: a committed offset above the high watermark
 * (the log was truncated under it, e.g. by an unclean election) gives a negative LAG, which is how a
 * learner sees that the group's position is past the end of the log.
 *
 * Totals: a partition whose LAG is null (no committed offset, or no leader) adds nothing.
 */
import type { World } from '../nodes/world.ts'
import type { MetadataImage } from '../controller/metadata.ts'
import { compareTp } from '../kafka/topic-partition.ts'
import type { ObservedGroup } from './cluster-state.ts'
import { partitionOf, topicOf } from '../coordinator/assignors/common.ts'
import { leaderHw } from './cluster-state.ts'

/** LAG of one partition: high watermark − committed offset (negative past the log's end); null without either. */
export function partitionLag(currentOffset: number | null | undefined, logEndOffset: number | null | undefined): number | null {
  if (currentOffset === null || currentOffset === undefined || currentOffset < 0) return null
  if (logEndOffset === null || logEndOffset === undefined) return null
  return logEndOffset - currentOffset
}

/** The sum of the lags that are known: a partition without a committed offset or a leader adds 0. */
export function totalLag(lags: Iterable<number | null>): number {
  let total = 0
  for (const lag of lags) if (lag !== null) total += lag
  return total
}

/** One partition's offsets for a group: CURRENT-OFFSET, LOG-END-OFFSET and LAG. */
export interface PartitionOffsets {
  tp: string
  topic: string
  partition: number
  /** the group's committed offset, null before the first commit (`-` in Kafka's output) */
  currentOffset: number | null
  /** the leader's high watermark, null without a leader */
  logEndOffset: number | null
  /** partitionLag(currentOffset, logEndOffset) */
  lag: number | null
}

export function partitionOffsets(w: World, img: MetadataImage, group: ObservedGroup | undefined, tp: string): PartitionOffsets {
  const currentOffset = group?.committed[tp] ?? null
  const logEndOffset = leaderHw(w, img, tp)
  return { tp, topic: topicOf(tp), partition: partitionOf(tp), currentOffset, logEndOffset, lag: partitionLag(currentOffset, logEndOffset) }
}

/**
 * A group's committed offsets and their LAG, over its committed partitions in Kafka's order: `lag`
 * holds the partitions whose LAG is known (a leader's high watermark answers), `totalLag` their sum.
 */
export function committedLag(
  w: World,
  img: MetadataImage,
  group: ObservedGroup | undefined,
): { committed: Record<string, number>; lag: Record<string, number>; totalLag: number } {
  const committed: Record<string, number> = {}
  const lag: Record<string, number> = {}
  if (!group) return { committed, lag, totalLag: 0 }
  const rows = Object.keys(group.committed)
    .sort(compareTp)
    .map((tp) => partitionOffsets(w, img, group, tp))
  for (const r of rows) {
    committed[r.tp] = group.committed[r.tp]
    if (r.lag !== null) lag[r.tp] = r.lag
  }
  return { committed, lag, totalLag: totalLag(rows.map((r) => r.lag)) }
}
