/**
 * What `kafka-topics.sh --describe` and `kafka-consumer-groups.sh --describe --group g` would print
 * against the simulated cluster right now: the live state (the active controller's metadata, the
 * leaders' high watermarks, the group coordinators' groups) adapted to the formatters of
 * kafka-tools.ts. LOG-END-OFFSET is the high watermark, as in Kafka.
 */
import type { World } from '../nodes/world.ts'
import { compareTp, parseTopicPartition } from '../kafka/topic-partition.ts'
import { clusterImage, coordinatedGroup, leaderHw } from './summary.ts'
import { describeTopics, describeGroupOffsets, type DescribeTopicsOptions, type GroupOffsetRow, type ToolOutput } from './kafka-tools.ts'

export function kafkaTopicsDescribe(w: World, options: DescribeTopicsOptions = {}): string {
  const img = clusterImage(w)
  return describeTopics(
    {
      topics: img.topicNames.map((name) => {
        const t = img.topics[name]
        return {
          name,
          topicId: t.topicId,
          config: t.config as Record<string, string | number | boolean | string[]>,
          partitions: t.partitions.map((p) => ({ partition: p.partition, leader: p.leader, replicas: p.replicas, isr: p.isr })),
        }
      }),
    },
    options,
  )
}

export function kafkaConsumerGroupsDescribe(w: World, groupId: string): ToolOutput {
  const img = clusterImage(w)
  const { group: g } = coordinatedGroup(w, img, groupId)
  if (!g) return describeGroupOffsets({ groupId, state: 'Dead', rows: [] })
  const rows: GroupOffsetRow[] = []
  const owned = new Set<string>()
  for (const id of g.memberOrder) {
    const m = g.members[id]
    for (const tp of m.assignment) {
      owned.add(tp)
      rows.push(row(w, tp, g.committed[tp] ?? null, m.memberId, `/${m.node}`, m.clientId))
    }
  }
  for (const tp of Object.keys(g.committed).sort(compareTp)) {
    if (!owned.has(tp)) rows.push(row(w, tp, g.committed[tp], null, null, null))
  }
  return describeGroupOffsets({ groupId, state: g.state, rows })
}

function row(w: World, tp: string, committed: number | null, consumerId: string | null, host: string | null, clientId: string | null): GroupOffsetRow {
  const { topic, partition } = parseTopicPartition(tp)!
  return {
    topic,
    partition,
    currentOffset: committed,
    logEndOffset: leaderHw(w, clusterImage(w), tp),
    consumerId,
    host,
    clientId,
  }
}
