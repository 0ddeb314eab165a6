/**
 * What `kafka-topics.sh --describe` and `kafka-consumer-groups.sh --describe --group g` would print
 * against the simulated cluster right now: the rows observe/describe-tables.ts reads from the live
 * state (the active controller's metadata, the leaders' high watermarks, the group coordinators'
 * groups) put through the formatters of kafka-tools.ts. LOG-END-OFFSET is the high watermark, as in Kafka.
 */
import type { World } from '../nodes/world.ts'
import { groupOffsetRows, topicDescriptions } from '../observe/describe-tables.ts'
import { describeTopics, describeGroupOffsets, type DescribeTopicsOptions, type ToolOutput } from './kafka-tools.ts'

export function kafkaTopicsDescribe(w: World, options: DescribeTopicsOptions = {}): string {
  return describeTopics(topicDescriptions(w), options)
}

export function kafkaConsumerGroupsDescribe(w: World, groupId: string): ToolOutput {
  return describeGroupOffsets(groupOffsetRows(w, groupId))
}
