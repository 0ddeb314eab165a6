// Running a console command against the simulated cluster now (kafka-topics, kafka-consumer-groups,
// kafka-share-groups, kafka-configs, kafka-log-dirs, kafka-get-offsets, kafka-reassign-partitions --verify): each Kafka tool's stdout and
// stderr, with the tool's own words for a failure (kafka-topics: "Error while executing topic
// command : …", kafka-get-offsets: "Error occurred: …").

import {
  kafkaConfigsDescribe,
  kafkaConsumerGroupsDescribe,
  kafkaGetOffsets,
  kafkaLogDirsDescribe,
  kafkaReassignPartitionsVerify,
  kafkaShareGroupsDescribe,
  kafkaTopicsDescribe,
  type Simulation,
} from '../../sim/index.ts'
import { errorMessage } from '../notices.ts'
import { offsetsTimestamp, type ToolCommand } from './inspector/tool-commands.ts'

export interface ToolOutputText {
  stdout: string
  stderr: string
}

export function runTool(sim: Simulation, command: ToolCommand): ToolOutputText {
  switch (command.tool) {
    case 'groups':
      return kafkaConsumerGroupsDescribe(sim, command.groupId, command.view === 'offsets' ? {} : { [command.view]: true, verbose: true })
    case 'share-groups':
      return kafkaShareGroupsDescribe(sim, command.groupId, command.view === 'offsets' ? {} : { [command.view]: true, verbose: true })
    case 'configs':
      return kafkaConfigsDescribe(sim, command.topic, { all: command.all })
    case 'log-dirs':
      return kafkaLogDirsDescribe(sim, command.topic === null ? {} : { topicList: [command.topic] })
    case 'offsets':
      try {
        return kafkaGetOffsets(sim, { topic: command.topic, time: offsetsTimestamp(command.time, sim.nowMs) })
      } catch (error) {
        // GetOffsetShell: System.err.println("Error occurred: " + e.getMessage())
        return { stdout: '', stderr: `Error occurred: ${errorMessage(error)}` }
      }
    case 'reassign':
      return { stdout: kafkaReassignPartitionsVerify(sim), stderr: '' }
    case 'topics':
      try {
        return { stdout: kafkaTopicsDescribe(sim, command.topic === null ? {} : { topic: command.topic }), stderr: '' }
      } catch (error) {
        // kafka-topics prints its errors (e.g. "Topic 'x' does not exist as expected") to stderr
        return { stdout: '', stderr: `Error while executing topic command : ${errorMessage(error)}` }
      }
  }
}
