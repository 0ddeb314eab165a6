// The command lines the console panel shows above the output, as a learner would type them
// against a real cluster: kafka-topics.sh --describe, kafka-consumer-groups.sh --describe,
// kafka-share-groups.sh --describe (KIP-932 share groups), kafka-configs.sh --describe (a topic's configs), kafka-log-dirs.sh --describe (each broker's log
// sizes), kafka-get-offsets.sh (offsets at the log start, the end, or a point in time) and
// kafka-reassign-partitions.sh --verify (whether the partitions the run moved got there).

export const BOOTSTRAP = 'localhost:9092'

/** What kafka-get-offsets is asked: --time -2 (earliest), -1 (latest), or a time some ms before now. */
export type OffsetsTime = 'earliest' | 'latest' | { agoMs: number }

/**
 * kafka-consumer-groups --describe's and kafka-share-groups --describe's views: offsets (the default:
 * CURRENT-OFFSET and LAG, or a share group's START-OFFSET), --members --verbose, --state --verbose.
 */
export type GroupView = 'offsets' | 'members' | 'state'

/** The options a group view adds to `--describe --group G`. */
export function groupViewOptions(view: GroupView): string {
  return view === 'offsets' ? '' : ` --${view} --verbose`
}

/** A command the console can run. */
export type ToolCommand =
  | { tool: 'topics'; topic: string | null }
  | { tool: 'groups'; groupId: string; view: GroupView }
  | { tool: 'share-groups'; groupId: string; view: GroupView }
  | { tool: 'configs'; topic: string; all: boolean }
  | { tool: 'log-dirs'; topic: string | null }
  | { tool: 'offsets'; topic: string; time: OffsetsTime }
  /** kafka-reassign-partitions --verify of what the run has moved so far */
  | { tool: 'reassign' }

export type ToolName = ToolCommand['tool']

/** The shell script of each tool, in the order the picker groups them. */
export const TOOL_SCRIPTS: Readonly<Record<ToolName, string>> = {
  topics: 'kafka-topics.sh',
  groups: 'kafka-consumer-groups.sh',
  'share-groups': 'kafka-share-groups.sh',
  configs: 'kafka-configs.sh',
  'log-dirs': 'kafka-log-dirs.sh',
  offsets: 'kafka-get-offsets.sh',
  reassign: 'kafka-reassign-partitions.sh',
}

/** The simulated timestamp kafka-get-offsets asks for now (never below 0, the run's first millisecond). */
export function offsetsTimestamp(time: OffsetsTime, nowMs: number): number | 'earliest' | 'latest' {
  if (time === 'earliest' || time === 'latest') return time
  return Math.max(0, nowMs - time.agoMs)
}

/** The `--time` argument: -2, -1, or the timestamp in ms. */
export function timeArgument(time: OffsetsTime, nowMs: number): string {
  const t = offsetsTimestamp(time, nowMs)
  return t === 'earliest' ? '-2' : t === 'latest' ? '-1' : String(t)
}

/** The command as typed in a shell; `nowMs` fixes kafka-get-offsets' "60 s ago" to a timestamp. */
export function commandLine(command: ToolCommand, nowMs = 0): string {
  const base = `${TOOL_SCRIPTS[command.tool]} --bootstrap-server ${BOOTSTRAP}`
  switch (command.tool) {
    case 'topics':
      return `${base} --describe${command.topic === null ? '' : ` --topic ${shellWord(command.topic)}`}`
    case 'groups':
    case 'share-groups':
      return `${base} --describe --group ${shellWord(command.groupId)}${groupViewOptions(command.view)}`
    case 'configs':
      return `${base} --describe${command.all ? ' --all' : ''} --entity-type topics --entity-name ${shellWord(command.topic)}`
    case 'log-dirs':
      return `${base} --describe${command.topic === null ? '' : ` --topic-list ${shellWord(command.topic)}`}`
    case 'offsets':
      return `${base} --topic ${shellWord(command.topic)} --time ${timeArgument(command.time, nowMs)}`
    case 'reassign':
      return `${base} --verify --reassignment-json-file reassignment.json`
  }
}

/** A stable value for the command picker's <option> (it does not change while the run plays). */
export function commandKey(command: ToolCommand): string {
  switch (command.tool) {
    case 'topics':
      return command.topic === null ? 'topics:*' : `topics:${command.topic}`
    case 'groups':
    case 'share-groups':
      return command.view === 'offsets' ? `${command.tool}:${command.groupId}` : `${command.tool}-${command.view}:${command.groupId}`
    case 'configs':
      return `${command.all ? 'configs-all' : 'configs'}:${command.topic}`
    case 'log-dirs':
      return command.topic === null ? 'log-dirs:*' : `log-dirs:${command.topic}`
    case 'offsets': {
      const t = command.time
      return `offsets:${t === 'earliest' ? '-2' : t === 'latest' ? '-1' : `ago${t.agoMs}`}:${command.topic}`
    }
    case 'reassign':
      return 'reassign:verify'
  }
}

/** How far back the console's "read from a time" command looks. */
export const OFFSETS_AGO_MS = 60_000

export interface CommandGroup {
  tool: ToolName
  commands: ToolCommand[]
}

/**
 * The commands on offer, by tool: each user topic and all topics (kafka-topics), each consumer
 * group, each share group (kafka-share-groups), each user topic's configs (overrides, then --all),
 * the log directories (all topics, then each user topic), and each user topic's offsets at the log
 * start, the end and a minute ago, and kafka-reassign-partitions --verify when the run moves partitions.
 * A tool with nothing to run (no groups, no share groups, no moves) is left out.
 */
export function commandGroups(topics: readonly string[], groups: readonly string[], shareGroups: readonly string[] = [], movesPartitions = false): CommandGroup[] {
  const all: CommandGroup[] = [
    { tool: 'topics', commands: [...topics.map((topic): ToolCommand => ({ tool: 'topics', topic })), { tool: 'topics', topic: null }] },
    { tool: 'groups', commands: groups.flatMap((groupId) => GROUP_VIEWS.map((view): ToolCommand => ({ tool: 'groups', groupId, view }))) },
    { tool: 'share-groups', commands: shareGroups.flatMap((groupId) => GROUP_VIEWS.map((view): ToolCommand => ({ tool: 'share-groups', groupId, view }))) },
    {
      tool: 'configs',
      commands: [
        ...topics.map((topic): ToolCommand => ({ tool: 'configs', topic, all: false })),
        ...topics.map((topic): ToolCommand => ({ tool: 'configs', topic, all: true })),
      ],
    },
    { tool: 'log-dirs', commands: [{ tool: 'log-dirs', topic: null }, ...topics.map((topic): ToolCommand => ({ tool: 'log-dirs', topic }))] },
    {
      tool: 'offsets',
      commands: topics.flatMap((topic): ToolCommand[] => [
        { tool: 'offsets', topic, time: 'earliest' },
        { tool: 'offsets', topic, time: 'latest' },
        { tool: 'offsets', topic, time: { agoMs: OFFSETS_AGO_MS } },
      ]),
    },
    { tool: 'reassign', commands: movesPartitions ? [{ tool: 'reassign' }] : [] },
  ]
  return all.filter((g) => g.commands.length > 0)
}

const GROUP_VIEWS: readonly GroupView[] = ['offsets', 'members', 'state']

/** Every command on offer, in the picker's order. */
export function availableCommands(topics: readonly string[], groups: readonly string[], shareGroups: readonly string[] = []): ToolCommand[] {
  return commandGroups(topics, groups, shareGroups).flatMap((g) => g.commands)
}

/** Quote a word for a POSIX shell when it holds anything beyond safe characters. */
function shellWord(word: string): string {
  return /^[\w.-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
