// The command lines the console panel shows above the output, as a learner would type them
// against a real cluster: kafka-topics.sh --describe and kafka-consumer-groups.sh --describe.

export const BOOTSTRAP = 'localhost:9092'

/** A command the console can run: every topic, one topic, or one consumer group. */
export type ToolCommand = { tool: 'topics'; topic: string | null } | { tool: 'groups'; groupId: string }

export function commandLine(command: ToolCommand): string {
  if (command.tool === 'topics') {
    const topic = command.topic === null ? '' : ` --topic ${shellWord(command.topic)}`
    return `kafka-topics.sh --bootstrap-server ${BOOTSTRAP} --describe${topic}`
  }
  return `kafka-consumer-groups.sh --bootstrap-server ${BOOTSTRAP} --describe --group ${shellWord(command.groupId)}`
}

/** A stable value for the command picker's <option>. */
export function commandKey(command: ToolCommand): string {
  if (command.tool === 'topics') return command.topic === null ? 'topics:*' : `topics:${command.topic}`
  return `groups:${command.groupId}`
}

/** The commands on offer: each user topic, all topics (with the internal ones), each group. */
export function availableCommands(topics: readonly string[], groups: readonly string[]): ToolCommand[] {
  return [
    ...topics.map((topic): ToolCommand => ({ tool: 'topics', topic })),
    { tool: 'topics', topic: null },
    ...groups.map((groupId): ToolCommand => ({ tool: 'groups', groupId })),
  ]
}

/** Quote a word for a POSIX shell when it holds anything beyond safe characters. */
function shellWord(word: string): string {
  return /^[\w.-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
