/**
 * The text that Kafka's command-line tools print, built from simulator state:
 * `kafka-topics.sh --describe` (org.apache.kafka.tools.TopicCommand),
 * `kafka-consumer-groups.sh --describe [--members [--verbose] | --state [--verbose]]`
 * (org.apache.kafka.tools.consumer.group.ConsumerGroupCommand), `kafka-configs.sh --describe` for a
 * topic (org.apache.kafka.tools.ConfigCommand, with the broker's kafka.server.ConfigHelper),
 * `kafka-log-dirs.sh --describe` (org.apache.kafka.tools.LogDirsCommand) and `kafka-get-offsets.sh`
 * (org.apache.kafka.tools.GetOffsetShell), as of Kafka 4.x.
 *
 * Java details that show in the output are reproduced: `printf("%-Ns")` padding, the leading "\n"
 * of every table line, the iteration order of the `java.util.HashMap`s the tools and the broker
 * pass results through (topic order, config order), and `Double.toString`.
 */
import { javaStringHashCode } from '../kafka/java.ts'
import { partitionLag } from '../observe/lag.ts'
import { isInternalTopic } from '../kafka/internal-topics.ts'
import { CONFIG_REGISTRY } from '../kafka/config.ts'

// ---------------------------------------------------------------------------------------------
// Java helpers
// ---------------------------------------------------------------------------------------------

/** `String.format("%-Ns", s)`: left-justified, padded with spaces to at least `width`, never cut. */
export function padRight(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length)
}

/** `HashMap.tableSizeFor(c)`: the smallest power of two >= c (1 for c <= 1). */
function tableSizeFor(c: number): number {
  let n = 1
  while (n < c) n *= 2
  return n
}

/** `HashMap.hash(key)`: the key's hashCode with its high half xor-ed into the low half. */
function spreadHash(key: string): number {
  return spreadOf(javaStringHashCode(key))
}

function spreadOf(hashCode: number): number {
  const h = hashCode | 0
  return h ^ (h >>> 16)
}

/**
 * Iteration order of a `java.util.HashMap<String, ?>` whose table starts at `initialTable` buckets
 * (0: the default constructor, 16) after `keys` were put in this order. Chains keep insertion order
 * and resizes split them preserving it, so iteration is a stable sort by bucket at the final size.
 * The final size follows putVal: a bin reaching 9 nodes resizes while the table is under 64
 * (treeifyBin), and the size passing `threshold = capacity * 0.75` doubles the table.
 * Tree bins (9+ colliding keys in a table of 64 or more) are not modelled.
 */
function hashMapOrder(keys: readonly string[], initialTable: number): string[] {
  return hashMapOrderBy(keys, javaStringHashCode, initialTable)
}

/** As hashMapOrder, for keys of any type with their Java `hashCode()`. */
function hashMapOrderBy<K>(keys: readonly K[], hashCode: (key: K) => number, initialTable: number): K[] {
  const spread = keys.map((k) => spreadOf(hashCode(k)))
  let capacity = initialTable > 0 ? initialTable : 16
  let threshold = Math.floor(capacity * 0.75)
  for (let size = 0; size < keys.length; size++) {
    const bucket = spread[size]! & (capacity - 1)
    let inBin = 0
    for (let j = 0; j < size; j++) if ((spread[j]! & (capacity - 1)) === bucket) inBin++
    if (inBin >= 8 && capacity < 64) {
      capacity *= 2
      threshold = Math.floor(capacity * 0.75)
    }
    if (size + 1 > threshold) {
      capacity *= 2
      threshold = Math.floor(capacity * 0.75)
    }
  }
  const index = keys.map((_, i) => i)
  index.sort((a, b) => (spread[a]! & (capacity - 1)) - (spread[b]! & (capacity - 1)) || a - b)
  return index.map((i) => keys[i]!)
}

/** `new HashMap<>(n)`: the table starts at tableSizeFor(n). */
function newHashMapWithCapacity(keys: readonly string[], n: number): string[] {
  return hashMapOrder(keys, tableSizeFor(n))
}

/**
 * `new HashMap<>(map)` (JDK 19+ `putMapEntries`: threshold = tableSizeFor(ceil(size / 0.75))),
 * fed in the source map's iteration order. JDK 17 sized this table from `size / 0.75 + 1`, which
 * can only change the order of keys that share a bucket of the final map.
 */
function copyHashMap(sourceOrder: readonly string[]): string[] {
  if (sourceOrder.length === 0) return []
  return hashMapOrder(sourceOrder, tableSizeFor(Math.ceil(sourceOrder.length / 0.75)))
}

/** `Double.toString(d)` (JDK 19+: the shortest decimal that round-trips). */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN'
  if (d === Infinity) return 'Infinity'
  if (d === -Infinity) return '-Infinity'
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0'
  const a = Math.abs(d)
  if (a >= 1e-3 && a < 1e7) {
    const s = String(d)
    return s.includes('.') ? s : `${s}.0`
  }
  const [mantissa, exponent] = d.toExponential().split('e') as [string, string]
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`
  return `${m}E${exponent.startsWith('+') ? exponent.slice(1) : exponent}`
}

// ---------------------------------------------------------------------------------------------
// kafka-topics.sh --describe
// ---------------------------------------------------------------------------------------------

export type TopicConfigValue = string | number | boolean | string[]

export interface DescribedPartition {
  partition: number
  /** -1 when the partition has no leader: printed `Leader: none`. */
  leader: number
  replicas: readonly number[]
  isr: readonly number[]
  /** A reassignment in progress (ListPartitionReassignments): printed as `Adding Replicas:` and `Removing Replicas:` while either is not empty. */
  addingReplicas?: readonly number[]
  removingReplicas?: readonly number[]
  /**
   * Eligible leader replicas (KIP-966). Omitted: the empty list a KRaft 4.x broker returns in
   * DescribeTopicPartitions while ELR is off, printed `Elr: `. `null`: the field is absent (the
   * Metadata API fallback), printed `Elr: N/A`.
   */
  elr?: number[] | null
  /** As `elr`, for `LastKnownElr:`. */
  lastKnownElr?: number[] | null
}

export interface DescribedTopic {
  name: string
  /** Base64 topic id; omitted from the output when it is the zero UUID (or empty). */
  topicId: string
  /**
   * Only the entries whose ConfigEntry source is not DEFAULT_CONFIG: the topic's own overrides
   * and broker-level settings of their synonyms (e.g. `log.segment.bytes` in server.properties
   * shows as `segment.bytes=…`). Lists are joined with ",", as ConfigDef.convertToString does.
   */
  config: Record<string, TopicConfigValue>
  partitions: DescribedPartition[]
}

export interface DescribeTopicsInput {
  topics: DescribedTopic[]
}

export interface DescribeTopicsOptions {
  /** `--topic`: a regex (commas act as `|`) that must match the whole topic name. */
  topic?: string
  /** Internal topics are listed unless this is false (`--exclude-internal`). Default true. */
  includeInternal?: boolean
}

/** What TopicCommand prints to stderr before exiting with status 1. */
export class KafkaToolError extends Error {
  readonly exitCode = 1
}

/** `Uuid.ZERO_UUID.toString()`. */
const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA'


/**
 * LogConfig's keys in definition order (storage/.../log/LogConfig.java, `CONFIG.define(...)`).
 * The broker answers DescribeConfigs by iterating `LogConfig.nonInternalValues()`, a HashMap
 * filled in this order; with 30-odd keys its table has 64 buckets.
 */
const LOG_CONFIG_DEFINITION_ORDER = [
  'segment.bytes', 'segment.ms', 'segment.jitter.ms', 'segment.index.bytes', 'flush.messages',
  'flush.ms', 'retention.bytes', 'retention.ms', 'max.message.bytes', 'index.interval.bytes',
  'delete.retention.ms', 'min.compaction.lag.ms', 'max.compaction.lag.ms', 'file.delete.delay.ms',
  'min.cleanable.dirty.ratio', 'cleanup.policy', 'unclean.leader.election.enable',
  'min.insync.replicas', 'compression.type', 'compression.gzip.level', 'compression.lz4.level',
  'compression.zstd.level', 'preallocate', 'message.timestamp.type',
  'message.timestamp.before.max.ms', 'message.timestamp.after.max.ms',
  'leader.replication.throttled.replicas', 'follower.replication.throttled.replicas',
  'remote.storage.enable', 'local.retention.ms', 'local.retention.bytes',
  'remote.log.copy.disable', 'remote.copy.lag.ms', 'remote.copy.lag.bytes',
  'remote.log.delete.on.disable',
]
const LOG_CONFIG_TABLE = 64
/** LogConfig's only DOUBLE key: its value prints through Double.toString. */
const DOUBLE_CONFIGS = new Set(['min.cleanable.dirty.ratio'])

/** The order of config entries in the DescribeConfigs answer: HashMap order of a 64-bucket table. */
function configOrder(names: readonly string[]): string[] {
  const rank = (n: string) => {
    const i = LOG_CONFIG_DEFINITION_ORDER.indexOf(n)
    return i < 0 ? LOG_CONFIG_DEFINITION_ORDER.length : i
  }
  return [...names].sort(
    (a, b) =>
      (spreadHash(a) & (LOG_CONFIG_TABLE - 1)) - (spreadHash(b) & (LOG_CONFIG_TABLE - 1)) ||
      rank(a) - rank(b) ||
      (a < b ? -1 : a > b ? 1 : 0),
  )
}

function configValueString(name: string, value: TopicConfigValue): string {
  if (Array.isArray(value)) return value.join(',')
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (DOUBLE_CONFIGS.has(name)) {
    const d = typeof value === 'number' ? value : Number(value)
    return Number.isFinite(d) && String(value).trim() !== '' ? javaDoubleToString(d) : String(value)
  }
  return String(value)
}

/** Java `String.compareTo` order (UTF-16 code units), which `Stream.sorted()` uses. */
function javaStringCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** TopicFilter's regex: trimmed, `,` → `|`, spaces removed, surrounding quotes dropped. */
function topicFilter(raw: string): RegExp {
  const regex = raw
    .trim()
    .replaceAll(',', '|')
    .replaceAll(' ', '')
    .replace(/^["']+/, '')
    .replace(/["']+$/, '')
  return new RegExp(`^(?:${regex})$`)
}

function idList(ids: readonly number[]): string {
  return ids.join(',')
}

/**
 * `kafka-topics.sh --bootstrap-server … --describe [--topic T] [--exclude-internal]`: stdout.
 * Throws KafkaToolError("Topic 'T' does not exist as expected") when `--topic` matches nothing.
 */
export function describeTopics(input: DescribeTopicsInput, options: DescribeTopicsOptions = {}): string {
  const excludeInternal = options.includeInternal === false
  const byName = new Map(input.topics.map((t) => [t.name, t]))
  // TopicService.getTopics: the listed names, sorted, then filtered (doGetTopics).
  let names = [...byName.keys()].sort(javaStringCompare)
  const filter = options.topic !== undefined ? topicFilter(options.topic) : undefined
  names = names.filter((n) => !(excludeInternal && isInternalTopic(n)) && (!filter || filter.test(n)))
  // ensureTopicExists
  if (options.topic !== undefined && options.topic !== '' && names.length === 0) {
    throw new KafkaToolError(`Topic '${options.topic}' does not exist as expected`)
  }
  if (names.length === 0) return ''

  // The descriptions come back through three HashMaps (KafkaAdminClient
  // handleDescribeTopicsByNamesWithDescribeTopicPartitionsApi: `new HashMap<>(n)` then
  // `new HashMap<>(topicFutures)`; DescribeTopicsResult.all: `new HashMap<>(n)`), and
  // describeTopic prints `descTopics.values()` in that map's order, not sorted.
  const futures = newHashMapWithCapacity(names, names.length)
  const returned = copyHashMap(futures)
  const printed = newHashMapWithCapacity(returned, returned.length)

  let out = ''
  for (const name of printed) {
    const topic = byName.get(name)!
    const partitions = [...topic.partitions].sort((a, b) => a.partition - b.partition)
    // TopicDescription.printDescription
    const configs = configOrder(Object.keys(topic.config))
      .map((k) => `${k}=${configValueString(k, topic.config[k]!)}`)
      .join(',')
    out += `Topic: ${topic.name}`
    if (topic.topicId !== '' && topic.topicId !== ZERO_UUID) out += `\tTopicId: ${topic.topicId}`
    out += `\tPartitionCount: ${partitions.length}`
    // getReplicationFactor(firstPartition, reassignment): the first partition's replica count, less
    // the replicas it is adding while a reassignment is in progress
    out += `\tReplicationFactor: ${partitions.length > 0 ? partitions[0]!.replicas.length - (reassigning(partitions[0]!) ? partitions[0]!.addingReplicas!.length : 0) : 0}`
    out += `\tConfigs: ${configs}\n`
    // PartitionDescription.printDescription
    for (const p of partitions) {
      out += `\tTopic: ${topic.name}`
      out += `\tPartition: ${p.partition}`
      out += `\tLeader: ${p.leader >= 0 ? p.leader : 'none'}`
      out += `\tReplicas: ${idList(p.replicas)}`
      out += `\tIsr: ${idList(p.isr)}`
      if (reassigning(p)) out += `\tAdding Replicas: ${idList(p.addingReplicas ?? [])}\tRemoving Replicas: ${idList(p.removingReplicas ?? [])}`
      const elr = p.elr === undefined ? [] : p.elr
      const lastKnownElr = p.lastKnownElr === undefined ? [] : p.lastKnownElr
      out += elr === null ? '\tElr: N/A' : `\tElr: ${idList(elr)}`
      out += lastKnownElr === null ? '\tLastKnownElr: N/A' : `\tLastKnownElr: ${idList(lastKnownElr)}`
      out += '\n'
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
/** TopicCommand.isReassignmentInProgress: ListPartitionReassignments lists the partition. */
function reassigning(p: DescribedPartition): boolean {
  return (p.addingReplicas?.length ?? 0) > 0 || (p.removingReplicas?.length ?? 0) > 0
}

// kafka-consumer-groups.sh --describe
// ---------------------------------------------------------------------------------------------

/** MISSING_COLUMN_VALUE */
export const MISSING = '-'

export interface ToolOutput {
  stdout: string
  stderr: string
}

/** Kafka's GroupState names as the tools print them. */
export type GroupStateName =
  | 'Empty'
  | 'Stable'
  | 'PreparingRebalance'
  | 'CompletingRebalance'
  | 'Assigning'
  | 'Reconciling'
  | 'Dead'

/**
 * ConsumerGroupService.shouldPrintMemberState: the stderr note for Empty and rebalancing groups,
 * the stdout error for Dead ones; whether to print the table's rows.
 */
function memberStateNote(groupId: string, state: string, numRows: number, out: ToolOutput): boolean {
  switch (state) {
    case 'Dead':
      // printError: System.out.println("\nError: " + msg)
      out.stdout += `\nError: Consumer group '${groupId}' does not exist.\n`
      break
    case 'Empty':
      out.stderr += `\nConsumer group '${groupId}' has no active members.\n`
      break
    case 'PreparingRebalance':
    case 'CompletingRebalance':
    case 'Assigning':
    case 'Reconciling':
      out.stderr += `\nWarning: Consumer group '${groupId}' is rebalancing.\n`
      break
    case 'Stable':
      break
    default:
      throw new Error(`Expected a valid consumer group state, but found '${state}'.`)
  }
  return state !== 'Dead' && numRows > 0
}

export interface GroupOffsetRow {
  topic: string
  partition: number
  /** The committed offset; null (or -1) when none: CURRENT-OFFSET and LAG print `-`. */
  currentOffset: number | null
  /** What `listOffsets(latest)` answers: the high watermark. null when the partition has no leader. */
  logEndOffset: number | null
  /** The member that owns the partition; null for a committed partition that no member owns. */
  consumerId: string | null
  host: string | null
  clientId: string | null
  /** The committed offset's leader epoch, shown only by `--verbose`. */
  leaderEpoch?: number | null
}

export interface DescribeGroupOffsetsInput {
  groupId: string
  state: GroupStateName | string
  /**
   * One row per assigned partition (consumerId set) and per committed partition that no member
   * owns (consumerId null). Members come in the coordinator's DescribeGroups order (the order of
   * their first row here), which breaks ties between members with equally many partitions.
   * Members without partitions have no row: Kafka leaves them out of this view.
   */
  rows: GroupOffsetRow[]
}

interface OffsetLine {
  topic: string
  partition: string
  leaderEpoch: string
  offset: string
  logEndOffset: string
  lag: string
  consumerId: string
  host: string
  clientId: string
}

function toLine(r: GroupOffsetRow, owned: boolean): OffsetLine {
  const offset = r.currentOffset
  // getLag: offset.filter(o -> o != -1).flatMap(o -> logEndOffset.map(end -> end - o)), by the one
  // rule of observe/lag.ts (which never goes below 0)
  const lag = partitionLag(offset, r.logEndOffset)
  return {
    topic: r.topic,
    partition: String(r.partition),
    leaderEpoch: r.leaderEpoch === undefined || r.leaderEpoch === null ? MISSING : String(r.leaderEpoch),
    offset: offset === null ? MISSING : String(offset),
    logEndOffset: r.logEndOffset === null ? MISSING : String(r.logEndOffset),
    lag: lag === null ? MISSING : String(lag),
    consumerId: owned ? (r.consumerId ?? MISSING) : MISSING,
    host: owned ? (r.host ?? MISSING) : MISSING,
    clientId: owned ? (r.clientId ?? MISSING) : MISSING,
  }
}

/** describePartitions: rows sorted by topic, then partition. */
function byTopicPartition(a: GroupOffsetRow, b: GroupOffsetRow): number {
  return javaStringCompare(a.topic, b.topic) || a.partition - b.partition
}

/**
 * `kafka-consumer-groups.sh --describe --group G [--verbose]` (the default `--offsets` view).
 * Rows: members by partition count, descending (stable), each member's partitions by topic and
 * partition; then the committed partitions nobody owns, with `-` for CONSUMER-ID, HOST, CLIENT-ID.
 */
export function describeGroupOffsets(
  input: DescribeGroupOffsetsInput,
  options: { verbose?: boolean } = {},
): ToolOutput {
  const verbose = options.verbose === true
  const out: ToolOutput = { stdout: '', stderr: '' }

  // collectGroupsOffsets
  const members = new Map<string, GroupOffsetRow[]>()
  const unowned: GroupOffsetRow[] = []
  for (const r of input.rows) {
    if (r.consumerId === null) {
      unowned.push(r)
      continue
    }
    let rows = members.get(r.consumerId)
    if (!rows) members.set(r.consumerId, (rows = []))
    rows.push(r)
  }
  const memberOrder = [...members.entries()].sort((a, b) => b[1].length - a[1].length)
  const lines: OffsetLine[] = []
  for (const [, rows] of memberOrder) {
    for (const r of [...rows].sort(byTopicPartition)) lines.push(toLine(r, true))
  }
  for (const r of [...unowned].sort(byTopicPartition)) lines.push(toLine(r, false))

  if (!memberStateNote(input.groupId, input.state, lines.length, out)) return out

  // printOffsetFormat: G, T, C, H = max(15, longest value)
  let g = 15
  let t = 15
  let c = 15
  let h = 15
  for (const l of lines) {
    g = Math.max(g, input.groupId.length)
    t = Math.max(t, l.topic.length)
    c = Math.max(c, l.consumerId.length)
    h = Math.max(h, l.host.length)
  }
  const format = (cols: string[]): string => {
    const [group, topic, partition, ...rest] = cols as [string, string, string, ...string[]]
    const widths = verbose ? [15, 15, 15, 15] : [15, 15, 15]
    let s = `\n${padRight(group, g)} ${padRight(topic, t)} ${padRight(partition, 10)}`
    for (let i = 0; i < widths.length; i++) s += ` ${padRight(rest[i]!, widths[i]!)}`
    const [consumerId, host, clientId] = rest.slice(widths.length) as [string, string, string]
    return `${s} ${padRight(consumerId, c)} ${padRight(host, h)} ${clientId}`
  }
  const header = verbose
    ? ['GROUP', 'TOPIC', 'PARTITION', 'LEADER-EPOCH', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID']
    : ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID']
  out.stdout += format(header)
  for (const l of lines) {
    const mid = verbose ? [l.leaderEpoch, l.offset, l.logEndOffset, l.lag] : [l.offset, l.logEndOffset, l.lag]
    out.stdout += format([input.groupId, l.topic, l.partition, ...mid, l.consumerId, l.host, l.clientId])
  }
  out.stdout += '\n'
  return out
}

export interface TopicPartitionRef {
  topic: string
  partition: number
}

export interface DescribedMember {
  consumerId: string
  host: string
  clientId: string
  /** static membership (`group.instance.id`); absent or empty: none */
  groupInstanceId?: string | null
  assignment: TopicPartitionRef[]
  /** Consumer-protocol groups only; classic members have none (`-`). */
  targetAssignment?: TopicPartitionRef[]
  /** Consumer-protocol groups only (`-` for classic members). */
  memberEpoch?: number | null
  /** Consumer-protocol groups only: whether the member uses the consumer protocol. */
  upgraded?: boolean | null
}

export interface DescribeGroupMembersInput {
  groupId: string
  state: GroupStateName | string
  /** In the coordinator's DescribeGroups order; the tool prints them unsorted. */
  members: DescribedMember[]
  /** Consumer-protocol groups only. */
  targetAssignmentEpoch?: number | null
}

/** getAssignmentString: `topic:0,1;other:2`, partitions sorted per topic, entries sorted. */
function assignmentString(assignment: readonly TopicPartitionRef[]): string {
  const grouped = new Map<string, number[]>()
  for (const tp of assignment) {
    let ps = grouped.get(tp.topic)
    if (!ps) grouped.set(tp.topic, (ps = []))
    ps.push(tp.partition)
  }
  return [...grouped.entries()]
    .map(([topic, ps]) => `${topic}:${[...ps].sort((a, b) => a - b).join(',')}`)
    .sort(javaStringCompare)
    .join(';')
}

/**
 * `kafka-consumer-groups.sh --describe --group G --members [--verbose]` (printMembers).
 * The header is printed even for a group without members, with the default widths.
 */
export function describeGroupMembers(
  input: DescribeGroupMembersInput,
  options: { verbose?: boolean } = {},
): ToolOutput {
  const verbose = options.verbose === true
  const out: ToolOutput = { stdout: '', stderr: '' }
  const members = input.members.map((m) => ({
    consumerId: m.consumerId,
    host: m.host,
    clientId: m.clientId,
    groupInstanceId: m.groupInstanceId ?? '',
    numPartitions: m.assignment.length,
    currentEpoch: m.memberEpoch === undefined || m.memberEpoch === null ? MISSING : String(m.memberEpoch),
    current: m.assignment.length === 0 ? MISSING : assignmentString(m.assignment),
    targetEpoch:
      input.targetAssignmentEpoch === undefined || input.targetAssignmentEpoch === null
        ? MISSING
        : String(input.targetAssignmentEpoch),
    target: !m.targetAssignment || m.targetAssignment.length === 0 ? MISSING : assignmentString(m.targetAssignment),
    upgraded: m.upgraded,
  }))

  let g = 15
  let c = 15
  let gi = 17
  let h = 15
  let cl = 15
  let ca = 20
  let ta = 20
  let includeGroupInstanceId = false
  let hasClassicMember = false
  let hasConsumerMember = false
  if (memberStateNote(input.groupId, input.state, members.length, out)) {
    for (const m of members) {
      g = Math.max(g, input.groupId.length)
      c = Math.max(c, m.consumerId.length)
      gi = Math.max(gi, m.groupInstanceId.length)
      h = Math.max(h, m.host.length)
      cl = Math.max(cl, m.clientId.length)
      includeGroupInstanceId ||= m.groupInstanceId !== ''
      ca = Math.max(ca, m.current.length)
      ta = Math.max(ta, m.target.length)
      hasClassicMember ||= m.upgraded === false
      hasConsumerMember ||= m.upgraded === true
    }
  }
  const hasMigrationMember = hasClassicMember && hasConsumerMember
  // formatWithGroupInstanceId / formatWithoutGroupInstanceId end in "%-15s " (a trailing space).
  const base = (group: string, id: string, instance: string, host: string, client: string, n: string) =>
    `${padRight(group, g)} ${padRight(id, c)} ` +
    (includeGroupInstanceId ? `${padRight(instance, gi)} ` : '') +
    `${padRight(host, h)} ${padRight(client, cl)} ${padRight(n, 15)} `
  const extra = (cur: string, curAssign: string, tgt: string, tgtAssign: string, upgraded: string) =>
    `${padRight(cur, 15)} ${padRight(curAssign, ca)} ${padRight(tgt, 15)} ${padRight(tgtAssign, ta)}` +
    (hasMigrationMember ? ` ${upgraded}` : '')

  out.stdout += `\n${base('GROUP', 'CONSUMER-ID', 'GROUP-INSTANCE-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS')}`
  if (verbose) out.stdout += extra('CURRENT-EPOCH', 'CURRENT-ASSIGNMENT', 'TARGET-EPOCH', 'TARGET-ASSIGNMENT', 'UPGRADED')
  out.stdout += '\n'
  for (const m of members) {
    out.stdout += base(input.groupId, m.consumerId, m.groupInstanceId, m.host, m.clientId, String(m.numPartitions))
    if (verbose) {
      const upgraded = m.upgraded === undefined || m.upgraded === null ? MISSING : String(m.upgraded)
      out.stdout += extra(m.currentEpoch, m.current, m.targetEpoch, m.target, upgraded)
    }
    out.stdout += '\n'
  }
  return out
}

export interface DescribeGroupStateInput {
  groupId: string
  state: GroupStateName | string
  coordinator: { id: number; host: string; port: number }
  /** ConsumerGroupDescription.partitionAssignor: the classic protocol name or the server assignor. Empty: `-`. */
  assignmentStrategy: string
  numMembers: number
  /** Consumer-protocol groups only (`--verbose`). */
  groupEpoch?: number | null
  targetAssignmentEpoch?: number | null
}

/** `kafka-consumer-groups.sh --describe --group G --state [--verbose]` (printStates). */
export function describeGroupState(
  input: DescribeGroupStateInput,
  options: { verbose?: boolean } = {},
): ToolOutput {
  const out: ToolOutput = { stdout: '', stderr: '' }
  // shouldPrintMemberState(groupId, Optional.of(state), Optional.of(1))
  if (!memberStateNote(input.groupId, input.state, 1, out)) return out
  const coordinator = `${input.coordinator.host}:${input.coordinator.port}  (${input.coordinator.id})`
  const cw = Math.max(25, coordinator.length)
  const gw = Math.max(15, input.groupId.length)
  const strategy = input.assignmentStrategy === '' ? MISSING : input.assignmentStrategy
  const opt = (n: number | null | undefined) => (n === undefined || n === null ? MISSING : String(n))
  const line = (cols: string[]) => {
    const [group, coord, assignor, state, ...rest] = cols as [string, string, string, string, ...string[]]
    let s = `\n${padRight(group, gw)} ${padRight(coord, cw)} ${padRight(assignor, 20)} ${padRight(state, 20)}`
    if (options.verbose === true) s += ` ${padRight(rest[0]!, 15)} ${padRight(rest[1]!, 25)}`
    return `${s} ${rest[rest.length - 1]!}`
  }
  if (options.verbose === true) {
    out.stdout += line(['GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', 'GROUP-EPOCH', 'TARGET-ASSIGNMENT-EPOCH', '#MEMBERS'])
    out.stdout += line([input.groupId, coordinator, strategy, input.state, opt(input.groupEpoch), opt(input.targetAssignmentEpoch), String(input.numMembers)])
  } else {
    out.stdout += line(['GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', '#MEMBERS'])
    out.stdout += line([input.groupId, coordinator, strategy, input.state, String(input.numMembers)])
  }
  out.stdout += '\n'
  return out
}

// ---------------------------------------------------------------------------------------------
// kafka-configs.sh --describe --entity-type topics --entity-name T [--all]
// ---------------------------------------------------------------------------------------------

/** ConfigEntry.ConfigSource names as ConfigCommand prints them in `synonyms={...}`. */
export type ConfigSourceName =
  | 'DYNAMIC_TOPIC_CONFIG'
  | 'DYNAMIC_BROKER_CONFIG'
  | 'DYNAMIC_DEFAULT_BROKER_CONFIG'
  | 'STATIC_BROKER_CONFIG'
  | 'DEFAULT_CONFIG'

export interface ConfigSynonymEntry {
  name: string
  value: string
  source: ConfigSourceName
}

/** One entry of a DescribeConfigs answer (the broker's ConfigHelper.createTopicConfigEntry). */
export interface TopicConfigEntry {
  name: string
  /** ConfigDef.convertToString of the effective value */
  value: string
  /** where the value comes from: the first synonym's source, else DEFAULT_CONFIG */
  source: ConfigSourceName
  sensitive: boolean
  /** the topic override first (if any), then the broker's synonyms that have a value, most specific first */
  synonyms: ConfigSynonymEntry[]
  /** the broker config whose value a topic without an override takes (Kafka's synonym), if any */
  brokerSynonym: string | null
  /** the registry's one line for people, when kafkascope models the key */
  doc: string | null
}

export interface TopicConfigSources {
  /** the topic's overrides as the controller stores them (given at creation or by setTopicConfig) */
  overrides: Readonly<Record<string, TopicConfigValue>>
  /** broker configs set in server.properties (the scenario's cluster.config) */
  staticBroker: Readonly<Record<string, TopicConfigValue>>
}

/**
 * The broker configs each topic key falls back to, most specific first
 * (ServerTopicConfigSynonyms.TOPIC_CONFIG_SYNONYMS, then DynamicBrokerConfig.brokerConfigSynonyms:
 * retention.ms → log.retention.ms, .minutes, .hours; segment.ms → log.roll.ms, .hours).
 */
function brokerSynonymsOf(topicKey: string): string[] {
  if (topicKey === 'retention.ms') return ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours']
  if (topicKey === 'segment.ms') return ['log.roll.ms', 'log.roll.hours']
  const spec = CONFIG_REGISTRY.topic[topicKey]
  return spec?.brokerDefault !== undefined ? [spec.brokerDefault] : []
}

/**
 * KafkaConfig's own defaults (the DEFAULT_CONFIG synonyms), as strings. log.retention.ms and
 * log.roll.ms have no default in Kafka (null): their 7 days come from log.retention.hours=168 and
 * log.roll.hours=168, which kafkascope does not take as configs but which Kafka reports.
 */
function kafkaBrokerDefault(brokerKey: string): string | null {
  if (brokerKey === 'log.retention.ms' || brokerKey === 'log.retention.minutes' || brokerKey === 'log.roll.ms') return null
  if (brokerKey === 'log.retention.hours' || brokerKey === 'log.roll.hours') return '168'
  const spec = CONFIG_REGISTRY.broker[brokerKey]
  return spec?.default === undefined ? null : configValueString(brokerKey, spec.default as TopicConfigValue)
}

function hasKey(map: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key)
}

/**
 * The broker's DescribeConfigs answer for a topic, with synonyms (ConfigHelper.createTopicConfigEntry
 * and configSynonyms): every topic key kafkascope models, plus any other key the topic overrides,
 * sorted by name as ConfigCommand sorts them. Simplified: no dynamic broker configs exist in
 * kafkascope (brokers are configured once, from the scenario), so the sources are the topic's
 * override, server.properties (STATIC_BROKER_CONFIG) and Kafka's defaults; LogConfig keys that
 * kafkascope does not model (compression.type, flush.ms, ...) are left out.
 */
export function topicConfigEntries(sources: TopicConfigSources): TopicConfigEntry[] {
  const names = new Set([...Object.keys(CONFIG_REGISTRY.topic), ...Object.keys(sources.overrides)])
  const entries: TopicConfigEntry[] = []
  for (const name of [...names].sort(javaStringCompare)) {
    const brokerKeys = brokerSynonymsOf(name)
    // configSynonyms: static broker configs, then Kafka's defaults; dropWhile(name != first synonym)
    let broker: ConfigSynonymEntry[] = []
    for (const key of brokerKeys) {
      if (hasKey(sources.staticBroker, key)) broker.push({ name: key, value: configValueString(key, sources.staticBroker[key]!), source: 'STATIC_BROKER_CONFIG' })
    }
    for (const key of brokerKeys) {
      const value = kafkaBrokerDefault(key)
      if (value !== null) broker.push({ name: key, value, source: 'DEFAULT_CONFIG' })
    }
    const first = broker.findIndex((s) => s.name === brokerKeys[0])
    broker = first < 0 ? [] : broker.slice(first)
    const override = hasKey(sources.overrides, name) ? configValueString(name, sources.overrides[name]!) : null
    const synonyms: ConfigSynonymEntry[] =
      override === null ? broker : [{ name, value: override, source: 'DYNAMIC_TOPIC_CONFIG' }, ...broker]
    // LogConfig's value: the override, else the broker's (its first synonym with a value)
    const value = override ?? broker[0]?.value ?? effectiveDefault(name)
    entries.push({
      name,
      value,
      source: synonyms[0]?.source ?? 'DEFAULT_CONFIG',
      sensitive: false,
      synonyms,
      brokerSynonym: brokerKeys[0] ?? null,
      doc: CONFIG_REGISTRY.topic[name]?.doc ?? null,
    })
  }
  return entries
}

/**
 * The broker's DescribeConfigs answer for itself (resource type BROKER): every broker config
 * kafkascope models, from server.properties (STATIC_BROKER_CONFIG) when the scenario sets it, else
 * Kafka's default; sorted by name. Simplified like the topic answer: no dynamic broker configs.
 */
export function brokerConfigEntries(staticBroker: Readonly<Record<string, TopicConfigValue>>): TopicConfigEntry[] {
  return Object.keys(CONFIG_REGISTRY.broker)
    .sort(javaStringCompare)
    .map((name) => {
      const spec = CONFIG_REGISTRY.broker[name]
      const fallback = kafkaBrokerDefault(name)
      const synonyms: ConfigSynonymEntry[] = []
      if (hasKey(staticBroker, name)) synonyms.push({ name, value: configValueString(name, staticBroker[name]!), source: 'STATIC_BROKER_CONFIG' })
      if (fallback !== null) synonyms.push({ name, value: fallback, source: 'DEFAULT_CONFIG' })
      return { name, value: synonyms[0]?.value ?? '', source: synonyms[0]?.source ?? 'DEFAULT_CONFIG', sensitive: false, synonyms, brokerSynonym: null, doc: spec.doc ?? null }
    })
}

/** The value of a key no synonym sets: LogConfig's default (log.retention.hours=168 and log.roll.hours=168 give 7 days). */
function effectiveDefault(name: string): string {
  const brokerKey = CONFIG_REGISTRY.topic[name]?.brokerDefault
  const spec = brokerKey !== undefined ? CONFIG_REGISTRY.broker[brokerKey] : undefined
  return spec?.default === undefined ? '' : configValueString(brokerKey!, spec.default as TopicConfigValue)
}

export interface DescribeTopicConfigsInput {
  topic: string
  /** false: the topic does not exist (ListTopics does not list it) */
  exists: boolean
  entries: TopicConfigEntry[]
}

/**
 * `kafka-configs.sh --bootstrap-server … --describe --entity-type topics --entity-name T [--all]`
 * (ConfigCommand.describeResourceConfig): a header, then one line per entry:
 * `  name=value sensitive=false synonyms={SOURCE:name=value, ...}`. Without `--all` only the
 * topic's own overrides (source DYNAMIC_TOPIC_CONFIG) are listed.
 */
export function describeTopicConfigs(input: DescribeTopicConfigsInput, options: { all?: boolean } = {}): ToolOutput {
  const all = options.all === true
  const out: ToolOutput = { stdout: '', stderr: '' }
  if (!input.exists) {
    if (!all) {
      out.stdout = `The topic '${input.topic}' doesn't exist and doesn't have dynamic config.\n`
      return out
    }
    // --all skips the existence check: the header, then DescribeConfigs fails (no stack trace here)
    out.stdout = `All configs for topic ${input.topic} are:\n`
    const args = `--bootstrap-server localhost:9092 --describe --all --entity-type topics --entity-name ${input.topic}`
    out.stderr =
      `Error while executing config command with args '${args}'\n` +
      'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.\n'
    return out
  }
  out.stdout = `${all ? 'All' : 'Dynamic'} configs for topic ${input.topic} are:\n`
  const entries = [...input.entries]
    .filter((e) => all || e.source === 'DYNAMIC_TOPIC_CONFIG')
    .sort((a, b) => javaStringCompare(a.name, b.name))
  for (const e of entries) {
    const synonyms = e.synonyms.map((s) => `${s.source}:${s.name}=${s.value}`).join(', ')
    out.stdout += `  ${e.name}=${e.value} sensitive=${e.sensitive} synonyms={${synonyms}}\n`
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// kafka-log-dirs.sh --describe
// ---------------------------------------------------------------------------------------------

/** One replica in a log directory (DescribeLogDirs' ReplicaInfo). */
export interface LogDirReplica {
  topic: string
  partition: number
  /** bytes of the replica's segments (UnifiedLog.size) */
  size: number
  /** ReplicaManager.getLogEndOffsetLag: max(the replica's own high watermark − its log end offset, 0) */
  offsetLag: number
  isFuture: boolean
}

export interface LogDirsBroker {
  broker: number
  logDirs: { logDir: string; error: string | null; replicas: LogDirReplica[] }[]
}

export interface DescribeLogDirsInput {
  /** the brokers DescribeCluster lists (alive ones), each with its log directories */
  brokers: LogDirsBroker[]
}

export interface DescribeLogDirsOptions {
  /** `--topic-list a,b`: only these topics' replicas (empty or absent: all) */
  topicList?: readonly string[]
  /** `--broker-list 1,2`: only these brokers (empty or absent: all) */
  brokerList?: readonly number[]
}

/** `Integer.hashCode()` */
const intHash = (n: number) => n | 0

/** `TopicPartition.hashCode()`: 31 * (31 + partition) + topic.hashCode(), in int arithmetic. */
function topicPartitionHash(tp: { topic: string; partition: number }): number {
  return (Math.imul(31, 31 + tp.partition) + javaStringHashCode(tp.topic)) | 0
}

/** `new HashSet<>(c)`: a table of max(size / .75 + 1, 16) buckets. */
function copyHashSet(ids: readonly number[]): number[] {
  return hashMapOrderBy(ids, intHash, tableSizeFor(Math.max(Math.floor(ids.length / 0.75) + 1, 16)))
}

/** Jackson's writeValueAsString of a `HashMap<String, Object>` built by `put`s in this order. */
function jsonObject(entries: [string, string][]): string {
  const byKey = new Map(entries)
  return `{${hashMapOrder(entries.map(([k]) => k), 0).map((k) => `${JSON.stringify(k)}:${byKey.get(k)!}`).join(',')}}`
}

/**
 * `kafka-log-dirs.sh --bootstrap-server … --describe [--topic-list T] [--broker-list B]`
 * (LogDirsCommand): two status lines and one line of JSON, whose object keys come in the order of
 * the `HashMap`s the tool serialises, brokers in `HashMap<Integer>` order and replicas in
 * `HashMap<TopicPartition>` order (ties inside a bucket by topic and partition: the broker's
 * order there is not modelled).
 */
export function describeLogDirs(input: DescribeLogDirsInput, options: DescribeLogDirsOptions = {}): ToolOutput {
  const out: ToolOutput = { stdout: '', stderr: '' }
  const clusterBrokers = copyHashSet(input.brokers.map((b) => b.broker))
  const asked = options.brokerList ?? []
  const missing = asked.filter((id) => !clusterBrokers.includes(id))
  if (missing.length > 0) {
    out.stderr = `ERROR: The given brokers do not exist from --broker-list: ${copyHashSet([...new Set(missing)]).join(',')}. Current existent brokers: ${clusterBrokers.join(',')}\n`
    return out
  }
  const existing = asked.length === 0 ? clusterBrokers : copyHashSet([...new Set(asked)])
  const topics = new Set((options.topicList ?? []).filter((t) => t !== ''))
  out.stdout += 'Querying brokers for log directories information\n'
  out.stdout += `Received log directory information from brokers ${existing.join(',')}\n`
  const byId = new Map(input.brokers.map((b) => [b.broker, b]))
  // allDescriptions: new HashMap<>(futures.size()), filled in the order of the brokers asked
  const brokerOrder = hashMapOrderBy(existing, intHash, tableSizeFor(existing.length))
  const brokers = brokerOrder.map((id) => {
    const b = byId.get(id)!
    const logDirs = b.logDirs.map((d) => {
      const replicas = d.replicas
        .filter((r) => topics.size === 0 || topics.has(r.topic))
        .sort((x, y) => javaStringCompare(x.topic, y.topic) || x.partition - y.partition)
      const partitions = hashMapOrderBy(replicas, topicPartitionHash, 0).map((r) =>
        jsonObject([
          ['partition', JSON.stringify(`${r.topic}-${r.partition}`)],
          ['size', String(r.size)],
          ['offsetLag', String(r.offsetLag)],
          ['isFuture', String(r.isFuture)],
        ]),
      )
      return jsonObject([
        ['logDir', JSON.stringify(d.logDir)],
        ['error', d.error === null ? 'null' : JSON.stringify(d.error)],
        ['partitions', `[${partitions.join(',')}]`],
      ])
    })
    return jsonObject([
      ['broker', String(b.broker)],
      ['logDirs', `[${logDirs.join(',')}]`],
    ])
  })
  out.stdout += `${jsonObject([
    ['version', '1'],
    ['brokers', `[${brokers.join(',')}]`],
  ])}\n`
  return out
}

// ---------------------------------------------------------------------------------------------
// kafka-get-offsets.sh (GetOffsetShell)
// ---------------------------------------------------------------------------------------------

/** What ListOffsets is asked: EARLIEST (-2), LATEST (-1) or the first offset at or after a timestamp. */
export type OffsetSpec = 'earliest' | 'latest' | { timestamp: number }

/**
 * GetOffsetShell.parseOffsetSpec for the specs kafkascope answers: `-1`/`latest`, `-2`/`earliest`
 * and a timestamp (ms). -3 (max-timestamp) and the tiered-storage specs (-4, -5, -6) are Kafka's
 * but not modelled: refused with a kafkascope message.
 */
export function parseOffsetSpec(time: string | number): OffsetSpec {
  const s = String(time).trim()
  if (s === 'earliest' || s === '-2') return 'earliest'
  if (s === 'latest' || s === '-1') return 'latest'
  if (['max-timestamp', 'earliest-local', 'latest-tiered', 'earliest-pending-upload', '-3', '-4', '-5', '-6'].includes(s)) {
    throw new KafkaToolError(`--time ${s} is a Kafka option kafkascope does not model yet (use -1, -2 or a timestamp)`)
  }
  if (!/^[-+]?\d+$/.test(s)) {
    throw new KafkaToolError(
      `Malformed time argument ${s}. Please use -1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or latest-tiered / -6 or earliest-pending-upload, or a specified long format timestamp`,
    )
  }
  return { timestamp: Number(s) }
}

/** The answer of ListOffsets for one partition: an offset (-1: none for that time) or an error. */
export type ListOffsetsAnswer = { offset: number } | { error: 'LEADER_NOT_AVAILABLE' | 'REQUEST_TIMED_OUT' }

export interface GetOffsetsPartition {
  topic: string
  partition: number
  internal: boolean
  answer: ListOffsetsAnswer
}

export interface GetOffsetsOptions {
  /** `--topic`: a regex that must match the whole topic name (absent: every topic) */
  topic?: string
  /** `--partitions 0,2` (absent or empty: every partition) */
  partitions?: string
  /** `--exclude-internal-topics` */
  excludeInternalTopics?: boolean
}

/** What the admin client's ExecutionException says for an error (Throwable.toString of its cause). */
function listOffsetsErrorText(error: string): string {
  // Simplified: the admin client retries both until default.api.timeout.ms (60 s) and then reports
  // a TimeoutException; kafkascope answers at once, naming why.
  if (error === 'LEADER_NOT_AVAILABLE') {
    return 'org.apache.kafka.common.errors.LeaderNotAvailableException: There is no leader for this topic-partition as we are in the middle of a leadership election.'
  }
  return 'org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: listOffsets'
}

/**
 * `kafka-get-offsets.sh --bootstrap-server … [--topic T] [--partitions P] --time X` (GetOffsetShell):
 * `topic:partition:offset` per partition, sorted by the string `topic-partition` (a TreeMap over
 * TopicPartition.toString, so `t-10` sorts before `t-2`); a partition answered with offset -1 (no
 * record at or after the time) is left out; a failed partition is named on stderr. The partitions'
 * answers are ListOffsets' answers for the `--time` the caller already applied.
 */
export function getOffsets(partitions: readonly GetOffsetsPartition[], options: GetOffsetsOptions = {}): ToolOutput {
  const out: ToolOutput = { stdout: '', stderr: '' }
  const filter = topicFilter(options.topic ?? '.*')
  let wanted: Set<number> | null = null
  if (options.partitions !== undefined && options.partitions !== '') {
    const ids = options.partitions.split(',')
    if (!ids.every((id) => /^[-+]?\d+$/.test(id))) {
      throw new KafkaToolError(`--partitions expects a comma separated list of numeric partition ids, but received: ${options.partitions}`)
    }
    wanted = new Set(ids.map(Number))
  }
  const matched = partitions.filter(
    (p) => !(options.excludeInternalTopics === true && p.internal) && filter.test(p.topic) && (wanted === null || wanted.has(p.partition)),
  )
  if (matched.length === 0) throw new KafkaToolError('Could not match any topic-partitions with the specified filters')
  const lines: { key: string; line: string }[] = []
  for (const p of matched) {
    const key = `${p.topic}-${p.partition}`
    if ('error' in p.answer) {
      out.stderr += `Skip getting offsets for topic-partition ${key} due to error: ${listOffsetsErrorText(p.answer.error)}\n`
      continue
    }
    if (p.answer.offset !== -1) lines.push({ key, line: `${p.topic}:${p.partition}:${p.answer.offset}` })
  }
  lines.sort((a, b) => javaStringCompare(a.key, b.key))
  out.stdout = lines.map((l) => `${l.line}\n`).join('')
  return out
}

// ---------------------------------------------------------------------------------------------
// kafka-reassign-partitions.sh --verify
// ---------------------------------------------------------------------------------------------

/** One partition of the reassignment JSON, and what the cluster says of it now. */
export interface ReassignmentCheck {
  topic: string
  partition: number
  /** the replicas the JSON asks for */
  target: readonly number[]
  /** the partition's replicas now (empty when the partition does not exist) */
  current: readonly number[]
  /** ListPartitionReassignments lists it: adding or removing replicas */
  inProgress: boolean
}

export interface VerifyReassignmentInput {
  partitions: ReassignmentCheck[]
  /** whether any partition of the cluster is being reassigned (not only those of the JSON) */
  anyInProgress: boolean
  /** DescribeCluster's brokers */
  brokers: readonly number[]
}

/**
 * `kafka-reassign-partitions.sh --bootstrap-server … --verify --reassignment-json-file F`
 * (ReassignPartitionsCommand.verifyAssignment): each partition's state, sorted by topic and
 * partition; an empty line for the log-directory moves (none here); once no reassignment is in
 * progress anywhere, the throttles it clears (every broker of the cluster and of the JSON, ascending
 * as Java's HashSet of small integers iterates, and the JSON's topics in HashSet order).
 */
export function verifyReassignment(input: VerifyReassignmentInput): string {
  const lines = ['Status of partition reassignment:']
  const sorted = [...input.partitions].sort((a, b) => javaStringCompare(a.topic, b.topic) || a.partition - b.partition)
  for (const p of sorted) {
    const tp = `${p.topic}-${p.partition}`
    if (p.inProgress) lines.push(`Reassignment of partition ${tp} is still in progress.`)
    else if (idList(p.current) === idList(p.target)) lines.push(`Reassignment of partition ${tp} is completed.`)
    else lines.push(`There is no active reassignment of partition ${tp}, but replica set is ${idList(p.current)} rather than ${idList(p.target)}.`)
  }
  let out = `${lines.join('\n')}\n\n`
  if (!input.anyInProgress) {
    const brokers = [...new Set([...input.brokers, ...input.partitions.flatMap((p) => p.target)])].sort((a, b) => a - b)
    const topics = hashMapOrder([...new Set(input.partitions.map((p) => p.topic))], 16)
    out += `Clearing broker-level throttles on broker${brokers.length === 1 ? '' : 's'} ${brokers.join(',')}\n`
    out += `Clearing topic-level throttles on topic${topics.length === 1 ? '' : 's'} ${topics.join(',')}\n`
  }
  return out
}
