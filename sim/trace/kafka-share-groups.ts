/**
 * `kafka-share-groups.sh --describe --group G [--members | --state] [--verbose]`, as
 * org.apache.kafka.tools.consumer.group.ShareGroupCommand prints it (Kafka 4.x): the default view lists
 * each partition's share-partition start offset (START-OFFSET; --verbose adds LEADER-EPOCH), sorted
 * by topic then partition; --members lists the members sorted by consumer id with their assignment
 * ("topic:0,1;other:2"); --state prints the coordinator, the group state and the member count
 * (--verbose adds GROUP-EPOCH and ASSIGNMENT-EPOCH). maybePrintEmptyGroupState: a Dead group is an
 * error ("Share group 'G' does not exist."), an Empty one a note on stderr.
 * Simplified: HOST is the client's node name (kafkascope has no addresses).
 */
import { MISSING, padRight, type ToolOutput } from './kafka-tools.ts'

export interface ShareGroupOffsetRow {
  topic: string
  partition: number
  /** the SPSO; null before the partition's first ShareFetch */
  startOffset: number | null
  leaderEpoch: number | null
}

export interface ShareGroupMemberRow {
  consumerId: string
  host: string
  clientId: string
  memberEpoch: number
  /** "topic-p" names */
  assignment: string[]
}

export interface DescribeShareGroupInput {
  groupId: string
  /** Stable, Empty or Dead */
  state: string
  coordinator: { host: string; port: number; id: number }
  groupEpoch: number
  assignmentEpoch: number
  members: ShareGroupMemberRow[]
  offsets: ShareGroupOffsetRow[]
}

export interface ShareGroupsDescribeOptions {
  members?: boolean
  state?: boolean
  verbose?: boolean
}

/** ShareGroupService.maybePrintEmptyGroupState: whether to print the rows. */
function emptyGroupNote(groupId: string, state: string, numRows: number, out: ToolOutput): boolean {
  if (state === 'Dead') out.stdout += `\nError: Share group '${groupId}' does not exist.\n`
  else if (state === 'Empty') out.stderr += `\nShare group '${groupId}' has no active members.\n`
  return state !== 'Dead' && numRows > 0
}

/** getAssignmentString: per topic "topic:p,p", topics sorted, joined by ";". */
function assignmentString(tps: readonly string[]): string {
  const byTopic = new Map<string, number[]>()
  for (const tp of tps) {
    const i = tp.lastIndexOf('-')
    const topic = tp.slice(0, i)
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), Number(tp.slice(i + 1))])
  }
  return [...byTopic]
    .map(([topic, ps]) => `${topic}:${ps.sort((a, b) => a - b).join(',')}`)
    .sort()
    .join(';')
}

function describeOffsets(input: DescribeShareGroupInput, verbose: boolean): ToolOutput {
  const out: ToolOutput = { stdout: '', stderr: '' }
  // a group the coordinator does not know: describeShareGroups fails (GroupIdNotFoundException)
  if (input.state === 'Dead') return (emptyGroupNote(input.groupId, input.state, 0, out), out)
  const rows = input.offsets.slice().sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition))
  const gw = Math.max(15, input.groupId.length)
  const tw = rows.reduce((w, r) => Math.max(w, r.topic.length), 15)
  const line = (cols: string[]) =>
    verbose ? `\n${padRight(cols[0], gw)} ${padRight(cols[1], tw)} ${padRight(cols[2], 10)} ${padRight(cols[3], 13)} ${cols[4]}` : `\n${padRight(cols[0], gw)} ${padRight(cols[1], tw)} ${padRight(cols[2], 10)} ${cols[3]}`
  const opt = (n: number | null) => (n === null ? MISSING : String(n))
  out.stdout += verbose ? line(['GROUP', 'TOPIC', 'PARTITION', 'LEADER-EPOCH', 'START-OFFSET']) : line(['GROUP', 'TOPIC', 'PARTITION', 'START-OFFSET'])
  for (const r of rows) {
    const cols = verbose ? [input.groupId, r.topic, String(r.partition), opt(r.leaderEpoch), opt(r.startOffset)] : [input.groupId, r.topic, String(r.partition), opt(r.startOffset)]
    out.stdout += line(cols)
  }
  out.stdout += '\n'
  return out
}

function describeState(input: DescribeShareGroupInput, verbose: boolean): ToolOutput {
  const out: ToolOutput = { stdout: '', stderr: '' }
  emptyGroupNote(input.groupId, input.state, 1, out)
  const gw = Math.max(15, input.groupId.length)
  const coordinator = `${input.coordinator.host}:${input.coordinator.port}  (${input.coordinator.id})`
  const cw = Math.max(25, coordinator.length)
  const line = (cols: string[]) =>
    verbose
      ? `\n${padRight(cols[0], gw)} ${padRight(cols[1], cw)} ${padRight(cols[2], 15)} ${padRight(cols[3], 12)} ${padRight(cols[4], 17)} ${cols[5]}`
      : `\n${padRight(cols[0], gw)} ${padRight(cols[1], cw)} ${padRight(cols[2], 15)} ${cols[3]}`
  const n = String(input.members.length)
  if (verbose) {
    out.stdout += line(['GROUP', 'COORDINATOR (ID)', 'STATE', 'GROUP-EPOCH', 'ASSIGNMENT-EPOCH', '#MEMBERS'])
    out.stdout += line([input.groupId, coordinator, input.state, String(input.groupEpoch), String(input.assignmentEpoch), n])
  } else {
    out.stdout += line(['GROUP', 'COORDINATOR (ID)', 'STATE', '#MEMBERS'])
    out.stdout += line([input.groupId, coordinator, input.state, n])
  }
  out.stdout += '\n'
  return out
}

function describeMembers(input: DescribeShareGroupInput, verbose: boolean): ToolOutput {
  const out: ToolOutput = { stdout: '', stderr: '' }
  if (!emptyGroupNote(input.groupId, input.state, input.members.length, out)) return out
  const members = input.members.slice().sort((a, b) => (a.consumerId < b.consumerId ? -1 : a.consumerId > b.consumerId ? 1 : 0))
  const gw = Math.max(15, input.groupId.length)
  const iw = members.reduce((w, m) => Math.max(w, m.consumerId.length), 15)
  const hw = members.reduce((w, m) => Math.max(w, m.host.length), 15)
  const cw = members.reduce((w, m) => Math.max(w, m.clientId.length), 15)
  const line = (cols: string[]) => {
    let s = `\n${padRight(cols[0], gw)} ${padRight(cols[1], iw)} ${padRight(cols[2], hw)} ${padRight(cols[3], cw)} ${padRight(cols[4], 12)}`
    if (verbose) s += ` ${padRight(cols[5], 13)}`
    return `${s} ${cols[cols.length - 1]}`
  }
  out.stdout += verbose ? line(['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS', 'MEMBER-EPOCH', 'ASSIGNMENT']) : line(['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS', 'ASSIGNMENT'])
  for (const m of members) {
    const base = [input.groupId, m.consumerId, m.host, m.clientId, String(m.assignment.length)]
    out.stdout += line(verbose ? [...base, String(m.memberEpoch), assignmentString(m.assignment)] : [...base, assignmentString(m.assignment)])
  }
  out.stdout += '\n'
  return out
}

export function describeShareGroup(input: DescribeShareGroupInput, options: ShareGroupsDescribeOptions = {}): ToolOutput {
  const verbose = options.verbose === true
  if (options.members === true) return describeMembers(input, verbose)
  if (options.state === true) return describeState(input, verbose)
  return describeOffsets(input, verbose)
}
