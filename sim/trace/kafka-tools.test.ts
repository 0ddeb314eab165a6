/**
 * Golden tests for the CLI text of sim/trace/kafka-tools.ts.
 *
 * Every expected string below was produced by a small Java program that calls `String.format` /
 * `System.out.print` with the literal format strings of Kafka's tools (TopicCommand.java and
 * consumer/group/ConsumerGroupCommand.java, apache/kafka trunk, 4.x) and passes the data through
 * the same `java.util.HashMap`s, run on JDK 25. Tabs are written `\t`; trailing spaces sit
 * inside the quotes.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  kafkaConfigsDescribe,
  kafkaGetOffsets,
  kafkaLogDirsDescribe,
  kafkaTopicsDescribe,
  parseScenario,
  topicConfigs,
  type Simulation,
} from '../index.ts'
import {
  describeGroupMembers,
  describeGroupOffsets,
  describeGroupState,
  describeLogDirs,
  describeTopicConfigs,
  describeTopics,
  getOffsets,
  javaDoubleToString,
  KafkaToolError,
  parseOffsetSpec,
  topicConfigEntries,
  type DescribedTopic,
  type GetOffsetsPartition,
  type GroupOffsetRow,
  type LogDirReplica,
} from './kafka-tools.ts'

// ---------------------------------------------------------------------------------------------
// kafka-topics.sh --describe
// ---------------------------------------------------------------------------------------------

const one = (name: string, topicId = ''): DescribedTopic => ({
  name,
  topicId,
  config: {},
  partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1] }],
})

/** Kafka topic names in the order TopicCommand prints them. */
const printedNames = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('Topic: '))
    .map((l) => l.split('\t')[0]!.slice('Topic: '.length))

describe('describeTopics (TopicCommand)', () => {
  it('prints the header line and one line per partition, tab-separated', () => {
    // TopicDescription.printDescription:  "Topic: " + topic, "\tTopicId: ", "\tPartitionCount: ",
    //   "\tReplicationFactor: ", "\tConfigs: " + configsAsString, println.
    // PartitionDescription.printDescription:  "\tTopic: ", "\tPartition: ",
    //   "\tLeader: " + (hasLeader() ? id : "none"), "\tReplicas: ", "\tIsr: " (ids joined with ","),
    //   "\tElr: " + list, "\tLastKnownElr: " + list, println.
    // Partitions: `sortedPartitions.sort(comparingInt(TopicPartitionInfo::partition))`.
    // ReplicationFactor: getReplicationFactor(firstPartition, …) = the first partition's replica count.
    // Configs: `config.entries().filter(!isDefault).map(name + "=" + value).joining(",")`, in the
    //   broker's DescribeConfigs order (HashMap over LogConfig.nonInternalValues()); a LIST value is
    //   joined with "," by ConfigDef.convertToString, hence `cleanup.policy=compact,delete`.
    // Elr / LastKnownElr: the DescribeTopicPartitions answer carries empty lists while ELR is off,
    //   so `Elr: ` and `LastKnownElr: ` end the line with nothing after the space.
    const T1 = [
      'Topic: audit\tTopicId: q7Lw2pR9Tz6xY1uVb3NcAa\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: ',
      '\tTopic: audit\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: ',
      'Topic: orders\tTopicId: Vx1bB1QmS0aDCp8mfHdl6w\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2,cleanup.policy=compact,delete,segment.bytes=1073741824',
      '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\tElr: \tLastKnownElr: ',
      '\tTopic: orders\tPartition: 1\tLeader: none\tReplicas: 2,3,1\tIsr: 2\tElr: \tLastKnownElr: ',
      '\tTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1\tElr: \tLastKnownElr: ',
      'Topic: payments\tTopicId: kM3p0Y8cQ2C1o9y5b0n8Jg\tPartitionCount: 2\tReplicationFactor: 2\tConfigs: segment.bytes=1073741824,retention.ms=86400000',
      '\tTopic: payments\tPartition: 0\tLeader: 2\tReplicas: 2,3\tIsr: 2,3\tElr: \tLastKnownElr: ',
      '\tTopic: payments\tPartition: 1\tLeader: 3\tReplicas: 3,1\tIsr: 3,1\tElr: \tLastKnownElr: ',
      '',
    ].join('\n')
    const out = describeTopics({
      topics: [
        {
          name: 'payments',
          topicId: 'kM3p0Y8cQ2C1o9y5b0n8Jg',
          config: { 'retention.ms': 86400000, 'segment.bytes': 1073741824 },
          partitions: [
            { partition: 1, leader: 3, replicas: [3, 1], isr: [3, 1] },
            { partition: 0, leader: 2, replicas: [2, 3], isr: [2, 3] },
          ],
        },
        {
          name: 'orders',
          topicId: 'Vx1bB1QmS0aDCp8mfHdl6w',
          config: { 'cleanup.policy': ['compact', 'delete'], 'min.insync.replicas': 2, 'segment.bytes': 1073741824 },
          partitions: [
            { partition: 2, leader: 3, replicas: [3, 1, 2], isr: [3, 1] },
            { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
            // KRaft keeps the last ISR member when the partition goes leaderless (no ELR).
            { partition: 1, leader: -1, replicas: [2, 3, 1], isr: [2] },
          ],
        },
        { ...one('audit', 'q7Lw2pR9Tz6xY1uVb3NcAa') },
      ],
    })
    expect(out).toBe(T1)
  })

  it('orders topics as the HashMap that DescribeTopicsResult.allTopicNames() returns, not by name', () => {
    // TopicService.describeTopic: `topicDescriptions = new ArrayList<>(descTopics.values())` where
    // descTopics is `new HashMap<>(futures.size())` (DescribeTopicsResult.all) filled from
    // KafkaAdminClient's `new HashMap<>(topicFutures)`, itself filled from `new HashMap<>(n)` in
    // the sorted order of getTopics(). TopicId is omitted for the zero UUID.
    const T2 = [
      'Topic: delta\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: ',
      '\tTopic: delta\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: ',
      'Topic: beta\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: ',
      '\tTopic: beta\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: ',
      'Topic: gamma\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: ',
      '\tTopic: gamma\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: ',
      'Topic: alpha\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: ',
      '\tTopic: alpha\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: \tLastKnownElr: ',
      '',
    ].join('\n')
    const zero = 'AAAAAAAAAAAAAAAAAAAAAA'
    expect(describeTopics({ topics: ['alpha', 'beta', 'gamma', 'delta'].map((n) => one(n, zero)) })).toBe(T2)

    // More name sets, each checked against java.util.HashMap on JDK 25 (and JDK 17: same order).
    const cases: [string, string][] = [
      ['5v7iq 2qcys vt964 b 7 _csbg 153lte8ci y um4nb', '153lte8ci b um4nb 7 y 2qcys _csbg vt964 5v7iq'],
      ['n 17s20tjis w9hvb k-1v0 d 4dqvq w 27eb_ t', 'k-1v0 d t 27eb_ 4dqvq w 17s20tjis w9hvb n'],
      ['orders payments audit', 'audit orders payments'],
    ]
    for (const [given, printed] of cases) {
      expect(printedNames(describeTopics({ topics: given.split(' ').map((n) => one(n)) }))).toEqual(printed.split(' '))
    }
  })

  it('lists configs in the broker HashMap order: the real __consumer_offsets line', () => {
    // What `kafka-topics.sh --describe --topic __consumer_offsets` shows on a stock broker.
    const T3 = [
      'Topic: __consumer_offsets\tTopicId: e2Wm8sJvQ4yJq3b5c7d9fA\tPartitionCount: 1\tReplicationFactor: 3\tConfigs: compression.type=producer,cleanup.policy=compact,segment.bytes=104857600',
      '\tTopic: __consumer_offsets\tPartition: 0\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\tElr: \tLastKnownElr: ',
      '',
    ].join('\n')
    const offsets: DescribedTopic = {
      name: '__consumer_offsets',
      topicId: 'e2Wm8sJvQ4yJq3b5c7d9fA',
      config: { 'segment.bytes': 104857600, 'cleanup.policy': 'compact', 'compression.type': 'producer' },
      partitions: [{ partition: 0, leader: 2, replicas: [2, 3, 1], isr: [2, 3, 1] }],
    }
    expect(describeTopics({ topics: [offsets] })).toBe(T3)

    // Every LogConfig key set at once: the iteration order of LogConfig.nonInternalValues()
    // (a HashMap filled in ConfigDef definition order), printed by a JDK 25 program.
    const javaOrder =
      'compression.type,remote.copy.lag.bytes,remote.log.delete.on.disable,leader.replication.throttled.replicas,' +
      'remote.storage.enable,min.insync.replicas,segment.jitter.ms,remote.log.copy.disable,local.retention.ms,' +
      'cleanup.policy,flush.ms,follower.replication.throttled.replicas,compression.lz4.level,segment.bytes,' +
      'retention.ms,compression.gzip.level,remote.copy.lag.ms,flush.messages,compression.zstd.level,' +
      'max.compaction.lag.ms,file.delete.delay.ms,max.message.bytes,min.compaction.lag.ms,message.timestamp.type,' +
      'local.retention.bytes,preallocate,index.interval.bytes,min.cleanable.dirty.ratio,' +
      'unclean.leader.election.enable,retention.bytes,delete.retention.ms,message.timestamp.after.max.ms,' +
      'message.timestamp.before.max.ms,segment.ms,segment.index.bytes'
    const names = javaOrder.split(',')
    const all: DescribedTopic = {
      ...one('t'),
      config: Object.fromEntries([...names].sort().map((n) => [n, 'v'])),
    }
    const header = describeTopics({ topics: [all] }).split('\n')[0]!
    expect(header.split('\tConfigs: ')[1]!.split(',').map((kv) => kv.split('=')[0])).toEqual(names)
  })

  it('prints ELR lists when set and N/A when the broker did not send them', () => {
    // `if (info.elr() != null) print("\tElr: " + ids) else print("\tElr: N/A")`, same for LastKnownElr.
    const T4 = [
      'Topic: ledger\tTopicId: Zb9x1cV2nM3aS4dF5gH6jA\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2',
      '\tTopic: ledger\tPartition: 0\tLeader: none\tReplicas: 1,2,3\tIsr: 1\tElr: 2\tLastKnownElr: 3',
      '\tTopic: ledger\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\tElr: N/A\tLastKnownElr: N/A',
      '',
    ].join('\n')
    const ledger: DescribedTopic = {
      name: 'ledger',
      topicId: 'Zb9x1cV2nM3aS4dF5gH6jA',
      config: { 'min.insync.replicas': '2' },
      partitions: [
        { partition: 1, leader: 2, replicas: [2, 3, 1], isr: [2, 3, 1], elr: null, lastKnownElr: null },
        { partition: 0, leader: -1, replicas: [1, 2, 3], isr: [1], elr: [2], lastKnownElr: [3] },
      ],
    }
    expect(describeTopics({ topics: [ledger] })).toBe(T4)
  })

  it('filters with --topic (a whole-name regex) and --exclude-internal, and fails on no match', () => {
    const topics = [one('orders'), one('orders-dlq'), one('__consumer_offsets'), one('payments')]
    // TopicFilter.IncludeList: `topic.matches(regex)`, commas become "|".
    expect(printedNames(describeTopics({ topics }, { topic: 'orders' }))).toEqual(['orders'])
    expect(printedNames(describeTopics({ topics }, { topic: 'orders.*' })).sort()).toEqual(['orders', 'orders-dlq'])
    expect(printedNames(describeTopics({ topics }, { topic: 'orders,payments' })).sort()).toEqual(['orders', 'payments'])
    // Internal topics are described unless --exclude-internal (doGetTopics / Topic.isInternal).
    expect(printedNames(describeTopics({ topics }))).toContain('__consumer_offsets')
    expect(printedNames(describeTopics({ topics }, { includeInternal: false }))).not.toContain('__consumer_offsets')
    // ensureTopicExists: IllegalArgumentException, printed to stderr, exit status 1.
    expect(() => describeTopics({ topics }, { topic: 'nope' })).toThrow(KafkaToolError)
    expect(() => describeTopics({ topics }, { topic: 'nope' })).toThrow("Topic 'nope' does not exist as expected")
    expect(describeTopics({ topics: [] })).toBe('')
  })

  it('formats config values as the broker does (ConfigDef.convertToString)', () => {
    const t: DescribedTopic = {
      ...one('c'),
      config: { 'min.cleanable.dirty.ratio': 1, 'unclean.leader.election.enable': true, preallocate: false },
    }
    // DOUBLE values go through Double.toString: 1 prints as 1.0.
    expect(describeTopics({ topics: [t] }).split('\n')[0]).toBe(
      'Topic: c\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: preallocate=false,min.cleanable.dirty.ratio=1.0,unclean.leader.election.enable=true',
    )
    // java: 0.5 1.0 1.0E-4 1.23456789E7 0.30000000000000004
    expect([0.5, 1, 1e-4, 12345678.9, 0.1 + 0.2].map(javaDoubleToString)).toEqual([
      '0.5', '1.0', '1.0E-4', '1.23456789E7', '0.30000000000000004',
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// kafka-consumer-groups.sh --describe --group G
// ---------------------------------------------------------------------------------------------

const c1 = { consumerId: 'c-1', host: '/10.0.0.11', clientId: 'billing-1' }
const c2 = { consumerId: 'c-2', host: '/10.0.0.12', clientId: 'billing-2' }
const nobody = { consumerId: null, host: null, clientId: null }

describe('describeGroupOffsets (ConsumerGroupCommand.printOffsets)', () => {
  it('prints members by assignment size, then committed partitions nobody owns', () => {
    // printOffsetFormat: "\n%-Gs %-Ts %-10s %-15s %-15s %-15s %-Cs %-Hs %s", G/T/C/H = max(15, longest).
    // Every printf starts with "\n" (the header follows an empty line); printOffsets ends with println().
    // collectGroupsOffsets: members with partitions, sorted by assignment size reversed (stable);
    //   describePartitions sorts each member's rows by topic then partition; then the committed
    //   partitions not assigned to anyone, with consumerId/host/clientId = MISSING_COLUMN_VALUE "-".
    // getLag: offset.filter(o -> o != -1).flatMap(o -> logEndOffset.map(end -> end - o)); a partition
    //   without a committed offset prints "-" for CURRENT-OFFSET and LAG.
    const O1 = [
      '',
      'GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID',
      'billing         orders          0          100             112             12              c-1             /10.0.0.11      billing-1',
      'billing         orders          1          -               30              -               c-1             /10.0.0.11      billing-1',
      'billing         orders          2          40              45              5               c-2             /10.0.0.12      billing-2',
      'billing         orders          3          50              80              30              -               -               -',
      '',
    ].join('\n')
    const rows: GroupOffsetRow[] = [
      { topic: 'orders', partition: 3, currentOffset: 50, logEndOffset: 80, ...nobody },
      { topic: 'orders', partition: 2, currentOffset: 40, logEndOffset: 45, ...c2 },
      { topic: 'orders', partition: 1, currentOffset: null, logEndOffset: 30, ...c1 },
      { topic: 'orders', partition: 0, currentOffset: 100, logEndOffset: 112, ...c1 },
    ]
    expect(describeGroupOffsets({ groupId: 'billing', state: 'Stable', rows })).toEqual({ stdout: O1, stderr: '' })
  })

  it('widens the GROUP, TOPIC, CONSUMER-ID and HOST columns to the longest value; warns while rebalancing', () => {
    // shouldPrintMemberState: PREPARING_REBALANCE, COMPLETING_REBALANCE, ASSIGNING, RECONCILING →
    //   System.err.println("\nWarning: Consumer group '" + group + "' is rebalancing.")
    const O2 = [
      '',
      'GROUP                           TOPIC                   PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID                                                            HOST             CLIENT-ID',
      'payments-reconciliation-service payments.settlements.v2 0          7               9               2               payments-reconciliation-service-1-3f2a9c4e-8b1d-4e6f-a7c2-5d9e0b1f3a68 /192.168.100.201 payments-reconciliation-service-1',
      'payments-reconciliation-service payments.settlements.v2 1          12              12              0               payments-reconciliation-service-1-3f2a9c4e-8b1d-4e6f-a7c2-5d9e0b1f3a68 /192.168.100.201 payments-reconciliation-service-1',
      '',
    ].join('\n')
    const member = {
      consumerId: 'payments-reconciliation-service-1-3f2a9c4e-8b1d-4e6f-a7c2-5d9e0b1f3a68',
      host: '/192.168.100.201',
      clientId: 'payments-reconciliation-service-1',
    }
    const groupId = 'payments-reconciliation-service'
    const rows: GroupOffsetRow[] = [
      { topic: 'payments.settlements.v2', partition: 1, currentOffset: 12, logEndOffset: 12, ...member },
      { topic: 'payments.settlements.v2', partition: 0, currentOffset: 7, logEndOffset: 9, ...member },
    ]
    const warning = "\nWarning: Consumer group 'payments-reconciliation-service' is rebalancing.\n"
    for (const state of ['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling']) {
      expect(describeGroupOffsets({ groupId, state, rows })).toEqual({ stdout: O2, stderr: warning })
    }
  })

  it('notes an Empty group on stderr and still prints its committed offsets', () => {
    // EMPTY → System.err.println("\nConsumer group '" + group + "' has no active members.")
    const O3 = [
      '',
      'GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID',
      'billing         orders          0          112             112             0               -               -               -',
      'billing         orders          1          30              31              1               -               -               -',
      '',
    ].join('\n')
    const stderr = "\nConsumer group 'billing' has no active members.\n"
    const rows: GroupOffsetRow[] = [
      { topic: 'orders', partition: 1, currentOffset: 30, logEndOffset: 31, ...nobody },
      { topic: 'orders', partition: 0, currentOffset: 112, logEndOffset: 112, ...nobody },
    ]
    expect(describeGroupOffsets({ groupId: 'billing', state: 'Empty', rows })).toEqual({ stdout: O3, stderr })
    // `return !DEAD && num > 0`: no rows, no table.
    expect(describeGroupOffsets({ groupId: 'billing', state: 'Empty', rows: [] })).toEqual({ stdout: '', stderr })
  })

  it('reports a Dead group on stdout (printError) and rejects unknown states', () => {
    expect(describeGroupOffsets({ groupId: 'gone', state: 'Dead', rows: [] })).toEqual({
      stdout: "\nError: Consumer group 'gone' does not exist.\n",
      stderr: '',
    })
    expect(() => describeGroupOffsets({ groupId: 'g', state: 'Unknown', rows: [] })).toThrow(
      "Expected a valid consumer group state, but found 'Unknown'.",
    )
  })

  it('keeps the coordinator order between members with equally many partitions; LAG edge cases', () => {
    const rows: GroupOffsetRow[] = [
      { topic: 'b', partition: 0, currentOffset: 5, logEndOffset: 9, ...c2 },
      { topic: 'a', partition: 1, currentOffset: 9, logEndOffset: 9, ...c1 },
      // no leader: listOffsets has no answer, LOG-END-OFFSET and LAG print "-"
      { topic: 'a', partition: 0, currentOffset: 3, logEndOffset: null, ...nobody },
      // -1 means "no offset": getLag filters it out
      { topic: 'a', partition: 2, currentOffset: -1, logEndOffset: 4, ...nobody },
    ]
    const lines = describeGroupOffsets({ groupId: 'g', state: 'Stable', rows }).stdout.split('\n').slice(2, -1)
    expect(lines.map((l) => l.split(/ +/).slice(1, 7).join(' '))).toEqual([
      'b 0 5 9 4 c-2',
      'a 1 9 9 0 c-1',
      'a 0 3 - - -',
      'a 2 -1 4 - -',
    ])
  })

  it('--verbose adds LEADER-EPOCH after PARTITION', () => {
    // printOffsetFormat(verbose): "\n%-Gs %-Ts %-10s %-15s %-15s %-15s %-15s %-Cs %-Hs %s"
    const O6 = [
      '',
      'GROUP           TOPIC           PARTITION  LEADER-EPOCH    CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID',
      'billing         orders          0          3               100             112             12              c-1             /10.0.0.11      billing-1',
      'billing         orders          1          -               -               -               -               c-1             /10.0.0.11      billing-1',
      '',
    ].join('\n')
    const rows: GroupOffsetRow[] = [
      { topic: 'orders', partition: 0, currentOffset: 100, logEndOffset: 112, leaderEpoch: 3, ...c1 },
      { topic: 'orders', partition: 1, currentOffset: null, logEndOffset: null, ...c1 },
    ]
    expect(describeGroupOffsets({ groupId: 'billing', state: 'Stable', rows }, { verbose: true }).stdout).toBe(O6)
  })
})

describe('describeGroupMembers (ConsumerGroupCommand.printMembers)', () => {
  const members = [
    { ...c1, assignment: [{ topic: 'orders', partition: 1 }, { topic: 'audit', partition: 0 }, { topic: 'orders', partition: 0 }] },
    { ...c2, assignment: [{ topic: 'orders', partition: 2 }] },
    // an idle member: listed here with 0 partitions, absent from the offsets view
    { consumerId: 'c-3', host: '/10.0.0.13', clientId: 'billing-3', assignment: [] },
  ]

  it('lists every member, idle ones included, with a trailing space after #PARTITIONS', () => {
    // formatWithoutGroupInstanceId = "%-Gs %-Cs %-Hs %-CLs %-15s " (trailing space); the header is
    // printed with a leading "\n" and ended by println(), rows by println().
    const M1 = [
      '',
      'GROUP           CONSUMER-ID     HOST            CLIENT-ID       #PARTITIONS     ',
      'billing         c-1             /10.0.0.11      billing-1       3               ',
      'billing         c-2             /10.0.0.12      billing-2       1               ',
      'billing         c-3             /10.0.0.13      billing-3       0               ',
      '',
    ].join('\n')
    expect(describeGroupMembers({ groupId: 'billing', state: 'Stable', members })).toEqual({ stdout: M1, stderr: '' })
    // The offsets view drops members without partitions (`filter(!assignment.isEmpty())`).
    const rows: GroupOffsetRow[] = [{ topic: 'orders', partition: 2, currentOffset: 1, logEndOffset: 1, ...c2 }]
    expect(describeGroupOffsets({ groupId: 'billing', state: 'Stable', rows }).stdout).not.toContain('c-3')
  })

  it('--verbose adds the KIP-1099 epoch and assignment columns (`topic:0,1;other:2`)', () => {
    // formatWithoutUpgrade = "%-15s %-CAs %-15s %-TAs", CA/TA = max(20, longest); getAssignmentString
    // groups by topic, sorts partitions, sorts the "topic:p,p" strings and joins them with ";".
    // Classic members have no epoch and no target assignment: MISSING_COLUMN_VALUE.
    const M2 = [
      '',
      'GROUP           CONSUMER-ID     HOST            CLIENT-ID       #PARTITIONS     CURRENT-EPOCH   CURRENT-ASSIGNMENT   TARGET-EPOCH    TARGET-ASSIGNMENT   ',
      'billing         c-1             /10.0.0.11      billing-1       3               -               audit:0;orders:0,1   -               -                   ',
      'billing         c-2             /10.0.0.12      billing-2       1               -               orders:2             -               -                   ',
      'billing         c-3             /10.0.0.13      billing-3       0               -               -                    -               -                   ',
      '',
    ].join('\n')
    expect(describeGroupMembers({ groupId: 'billing', state: 'Stable', members }, { verbose: true }).stdout).toBe(M2)
  })

  it('adds GROUP-INSTANCE-ID (width max(17, longest)) when a member has one', () => {
    const M3 = [
      '',
      'GROUP           CONSUMER-ID     GROUP-INSTANCE-ID HOST            CLIENT-ID                    #PARTITIONS     ',
      'inventory       i-1             node-a            /10.0.0.21      inventory-projector-static-1 1               ',
      'inventory       i-2                               /10.0.0.22      inventory-2                  1               ',
      '',
    ].join('\n')
    const out = describeGroupMembers({
      groupId: 'inventory',
      state: 'Stable',
      members: [
        { consumerId: 'i-1', host: '/10.0.0.21', clientId: 'inventory-projector-static-1', groupInstanceId: 'node-a', assignment: [{ topic: 'stock', partition: 0 }] },
        { consumerId: 'i-2', host: '/10.0.0.22', clientId: 'inventory-2', assignment: [{ topic: 'stock', partition: 1 }] },
      ],
    })
    expect(out.stdout).toBe(M3)
  })

  it('prints the bare header for a group without members', () => {
    // The header printf sits outside `if (shouldPrintMemberState(...))`.
    const M4 = [
      '',
      'GROUP           CONSUMER-ID     HOST            CLIENT-ID       #PARTITIONS     ',
      '',
    ].join('\n')
    expect(describeGroupMembers({ groupId: 'billing', state: 'Empty', members: [] })).toEqual({
      stdout: M4,
      stderr: "\nConsumer group 'billing' has no active members.\n",
    })
  })
})

describe('describeGroupState (ConsumerGroupCommand.printStates)', () => {
  it('prints GROUP, COORDINATOR (ID), ASSIGNMENT-STRATEGY, STATE, #MEMBERS', () => {
    // format "\n%-Gs %-Ks %-20s %-20s %s", G = max(15, group), K = max(25, coordinator);
    // coordinator = host + ":" + port + "  (" + idString + ")" (two spaces).
    const S1 = [
      '',
      'GROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE                #MEMBERS',
      'billing         broker-2:9092  (2)        range                Stable               3',
      '',
    ].join('\n')
    const coordinator = { id: 2, host: 'broker-2', port: 9092 }
    expect(
      describeGroupState({ groupId: 'billing', state: 'Stable', coordinator, assignmentStrategy: 'range', numMembers: 3 }),
    ).toEqual({ stdout: S1, stderr: '' })

    // An Empty classic group has no protocol: MISSING_COLUMN_VALUE, plus the stderr note.
    const S3 = [
      '',
      'GROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE                #MEMBERS',
      'billing         broker-2:9092  (2)        -                    Empty                0',
      '',
    ].join('\n')
    expect(
      describeGroupState({ groupId: 'billing', state: 'Empty', coordinator, assignmentStrategy: '', numMembers: 0 }),
    ).toEqual({ stdout: S3, stderr: "\nConsumer group 'billing' has no active members.\n" })
  })

  it('--verbose adds GROUP-EPOCH and TARGET-ASSIGNMENT-EPOCH; long values widen their columns', () => {
    // verbose format "\n%-Gs %-Ks %-20s %-20s %-15s %-25s %s"
    const S2 = [
      '',
      'GROUP                           COORDINATOR (ID)                            ASSIGNMENT-STRATEGY  STATE                GROUP-EPOCH     TARGET-ASSIGNMENT-EPOCH   #MEMBERS',
      'payments-reconciliation-service kafka-broker-3.kafka-headless.svc:9092  (3) uniform              Reconciling          7               6                         2',
      '',
    ].join('\n')
    const out = describeGroupState(
      {
        groupId: 'payments-reconciliation-service',
        state: 'Reconciling',
        coordinator: { id: 3, host: 'kafka-broker-3.kafka-headless.svc', port: 9092 },
        assignmentStrategy: 'uniform',
        numMembers: 2,
        groupEpoch: 7,
        targetAssignmentEpoch: 6,
      },
      { verbose: true },
    )
    expect(out).toEqual({ stdout: S2, stderr: "\nWarning: Consumer group 'payments-reconciliation-service' is rebalancing.\n" })
  })

  it('prints only the error for a Dead group', () => {
    const out = describeGroupState({
      groupId: 'gone',
      state: 'Dead',
      coordinator: { id: 1, host: 'b1', port: 9092 },
      assignmentStrategy: '',
      numMembers: 0,
    })
    expect(out).toEqual({ stdout: "\nError: Consumer group 'gone' does not exist.\n", stderr: '' })
  })
})

// ---------------------------------------------------------------------------------------------
// the ISR as the controller stores it (PartitionChangeBuilder): not sorted
// ---------------------------------------------------------------------------------------------

describe('kafka-topics --describe prints the ISR in the stored order (leader-failover)', () => {
  it('a replica that rejoins the ISR is appended; the summary keeps listing the ISR ascending', () => {
    const s = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/leader-failover.json', import.meta.url), 'utf8')))
    const sim = createSimulation(s, { seed: s.seed })
    sim.runUntil(s.durationMs)
    // the leader of orders-0 (broker 3) crashes at 20 s and is back at 60 s: it leaves every ISR,
    // then rejoins each one at the end
    const lines = kafkaTopicsDescribe(sim, { topic: 'orders' }).split('\n')
    expect(lines).toContain('\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 3,1,2\tIsr: 1,2,3\tElr: \tLastKnownElr: ')
    expect(lines).toContain('\tTopic: orders\tPartition: 2\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,1,3\tElr: \tLastKnownElr: ')
    expect(sim.summary().partitions.find((p) => p.topic === 'orders' && p.partition === 2)!.isr).toEqual([1, 2, 3])
  })
})

// ---------------------------------------------------------------------------------------------
// kafka-configs.sh --describe --entity-type topics --entity-name T [--all]
// (ConfigCommand.describeResourceConfig over ConfigHelper.createTopicConfigEntry's synonyms)
// ---------------------------------------------------------------------------------------------

describe('describeTopicConfigs (ConfigCommand.describeResourceConfig)', () => {
  const entries = (overrides: Record<string, string | number | boolean>, staticBroker: Record<string, string | number | boolean> = {}) =>
    topicConfigEntries({ overrides, staticBroker })

  it('lists only the topic\'s overrides, sorted by name, with their synonyms, after "Dynamic configs for topic T are:"', () => {
    const out = describeTopicConfigs({ topic: 'orders', exists: true, entries: entries({ 'segment.bytes': 1048576, 'retention.ms': 60000, 'cleanup.policy': 'compact,delete' }) })
    expect(out).toEqual({
      stdout: [
        'Dynamic configs for topic orders are:',
        '  cleanup.policy=compact,delete sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete, DEFAULT_CONFIG:log.cleanup.policy=delete}',
        // log.retention.ms has no default in Kafka (the 7 days come from log.retention.hours), and
        // configSynonyms drops the synonyms before the first one set: nothing of the broker is left
        '  retention.ms=60000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=60000}',
        '  segment.bytes=1048576 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:segment.bytes=1048576, DEFAULT_CONFIG:log.segment.bytes=1073741824}',
        '',
      ].join('\n'),
      stderr: '',
    })
  })

  it('prints just the header for a topic without overrides', () => {
    expect(describeTopicConfigs({ topic: 't', exists: true, entries: entries({}) }).stdout).toBe('Dynamic configs for topic t are:\n')
  })

  it('names server.properties settings STATIC_BROKER_CONFIG, before Kafka\'s defaults', () => {
    const e = entries({ 'retention.ms': 60000 }, { 'log.retention.ms': 3600000, 'log.segment.bytes': 2097152 })
    const out = describeTopicConfigs({ topic: 'logs', exists: true, entries: e }, { all: true }).stdout.split('\n')
    expect(out).toContain('  retention.ms=60000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=60000, STATIC_BROKER_CONFIG:log.retention.ms=3600000, DEFAULT_CONFIG:log.retention.hours=168}')
    expect(out).toContain('  segment.bytes=2097152 sensitive=false synonyms={STATIC_BROKER_CONFIG:log.segment.bytes=2097152, DEFAULT_CONFIG:log.segment.bytes=1073741824}')
    const seg = e.find((x) => x.name === 'segment.bytes')!
    expect([seg.source, seg.value, seg.brokerSynonym]).toEqual(['STATIC_BROKER_CONFIG', '2097152', 'log.segment.bytes'])
  })

  it('--all lists every LogConfig key kafkascope models, with its value and source', () => {
    const out = describeTopicConfigs({ topic: 'prices', exists: true, entries: entries({ 'cleanup.policy': 'compact', 'min.cleanable.dirty.ratio': 0.1 }) }, { all: true })
    expect(out.stdout).toBe(
      [
        'All configs for topic prices are:',
        '  cleanup.policy=compact sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact, DEFAULT_CONFIG:log.cleanup.policy=delete}',
        '  delete.retention.ms=86400000 sensitive=false synonyms={DEFAULT_CONFIG:log.cleaner.delete.retention.ms=86400000}',
        // no broker-level synonym: an empty list by default (LogConfig's default "")
        '  follower.replication.throttled.replicas= sensitive=false synonyms={}',
        '  leader.replication.throttled.replicas= sensitive=false synonyms={}',
        '  max.message.bytes=1048588 sensitive=false synonyms={DEFAULT_CONFIG:message.max.bytes=1048588}',
        '  message.timestamp.type=CreateTime sensitive=false synonyms={DEFAULT_CONFIG:log.message.timestamp.type=CreateTime}',
        '  min.cleanable.dirty.ratio=0.1 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.cleanable.dirty.ratio=0.1, DEFAULT_CONFIG:log.cleaner.min.cleanable.ratio=0.5}',
        '  min.compaction.lag.ms=0 sensitive=false synonyms={DEFAULT_CONFIG:log.cleaner.min.compaction.lag.ms=0}',
        '  min.insync.replicas=1 sensitive=false synonyms={DEFAULT_CONFIG:min.insync.replicas=1}',
        '  retention.bytes=-1 sensitive=false synonyms={DEFAULT_CONFIG:log.retention.bytes=-1}',
        '  retention.ms=604800000 sensitive=false synonyms={}',
        '  segment.bytes=1073741824 sensitive=false synonyms={DEFAULT_CONFIG:log.segment.bytes=1073741824}',
        '  segment.ms=604800000 sensitive=false synonyms={}',
        '  unclean.leader.election.enable=false sensitive=false synonyms={DEFAULT_CONFIG:unclean.leader.election.enable=false}',
        '',
      ].join('\n'),
    )
  })

  it('prints a DOUBLE as Double.toString does (1 → 1.0)', () => {
    const out = describeTopicConfigs({ topic: 't', exists: true, entries: entries({ 'min.cleanable.dirty.ratio': 1 }) })
    expect(out.stdout).toContain('  min.cleanable.dirty.ratio=1.0 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.cleanable.dirty.ratio=1.0, DEFAULT_CONFIG:log.cleaner.min.cleanable.ratio=0.5}')
  })

  it('a topic that does not exist: a line on stdout; with --all, the header and the error', () => {
    expect(describeTopicConfigs({ topic: 'nope', exists: false, entries: [] })).toEqual({
      stdout: "The topic 'nope' doesn't exist and doesn't have dynamic config.\n",
      stderr: '',
    })
    const all = describeTopicConfigs({ topic: 'nope', exists: false, entries: [] }, { all: true })
    expect(all.stdout).toBe('All configs for topic nope are:\n')
    expect(all.stderr).toMatch(/^Error while executing config command with args '.*--entity-name nope'\n.*UnknownTopicOrPartitionException/)
  })

  it('every entry carries the registry\'s doc line and its broker synonym, for the inspector', () => {
    const e = entries({})
    const retention = e.find((x) => x.name === 'retention.ms')!
    expect(retention).toMatchObject({ source: 'DEFAULT_CONFIG', value: '604800000', brokerSynonym: 'log.retention.ms' })
    expect(retention.doc).toMatch(/Delete a segment/)
  })
})

// ---------------------------------------------------------------------------------------------
// kafka-log-dirs.sh --describe (LogDirsCommand)
// ---------------------------------------------------------------------------------------------

describe('describeLogDirs (LogDirsCommand)', () => {
  const replica = (topic: string, partition: number, size: number): LogDirReplica => ({ topic, partition, size, offsetLag: 0, isFuture: false })
  const dir = (replicas: LogDirReplica[]) => [{ logDir: '/var/lib/kafka/data', error: null, replicas }]

  it('prints two status lines and the JSON, keys in the order of the tool\'s HashMaps', () => {
    const out = describeLogDirs({
      brokers: [
        { broker: 2, logDirs: dir([replica('orders', 0, 1234)]) },
        { broker: 1, logDirs: dir([replica('orders', 0, 1300), replica('__consumer_offsets', 3, 0)]) },
      ],
    })
    expect(out.stderr).toBe('')
    expect(out.stdout).toBe(
      'Querying brokers for log directories information\n' +
        'Received log directory information from brokers 1,2\n' +
        '{"brokers":[' +
        '{"broker":1,"logDirs":[{"partitions":[{"partition":"orders-0","size":1300,"offsetLag":0,"isFuture":false},{"partition":"__consumer_offsets-3","size":0,"offsetLag":0,"isFuture":false}],"error":null,"logDir":"/var/lib/kafka/data"}]},' +
        '{"broker":2,"logDirs":[{"partitions":[{"partition":"orders-0","size":1234,"offsetLag":0,"isFuture":false}],"error":null,"logDir":"/var/lib/kafka/data"}]}' +
        '],"version":1}\n',
    )
    expect(JSON.parse(out.stdout.split('\n')[2]!).brokers[0].logDirs[0].partitions).toHaveLength(2)
  })

  it('lists replicas in HashMap<TopicPartition> order: orders-7 … orders-11, then orders-0 … orders-6', () => {
    const replicas = [...Array(12).keys()].map((p) => replica('orders', p, 100))
    const json = JSON.parse(describeLogDirs({ brokers: [{ broker: 1, logDirs: dir(replicas) }] }).stdout.split('\n')[2]!)
    expect(json.brokers[0].logDirs[0].partitions.map((p: { partition: string }) => p.partition)).toEqual(
      [7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5, 6].map((p) => `orders-${p}`),
    )
  })

  it('--topic-list keeps only those topics; --broker-list only those brokers', () => {
    const input = { brokers: [1, 2, 3].map((b) => ({ broker: b, logDirs: dir([replica('a', 0, b), replica('b', 0, 10 * b)]) })) }
    const json = JSON.parse(describeLogDirs(input, { topicList: ['b'], brokerList: [3, 1] }).stdout.split('\n')[2]!)
    expect(json.brokers.map((b: { broker: number }) => b.broker)).toEqual([1, 3])
    expect(json.brokers[1].logDirs[0].partitions).toEqual([{ partition: 'b-0', size: 30, offsetLag: 0, isFuture: false }])
  })

  it('refuses brokers that are not in the cluster', () => {
    const input = { brokers: [1, 2].map((b) => ({ broker: b, logDirs: dir([]) })) }
    expect(describeLogDirs(input, { brokerList: [1, 7] })).toEqual({
      stdout: '',
      stderr: 'ERROR: The given brokers do not exist from --broker-list: 7. Current existent brokers: 1,2\n',
    })
  })
})

// ---------------------------------------------------------------------------------------------
// kafka-get-offsets.sh (GetOffsetShell)
// ---------------------------------------------------------------------------------------------

describe('getOffsets (GetOffsetShell)', () => {
  const part = (topic: string, partition: number, offset: number, internal = false): GetOffsetsPartition => ({ topic, partition, internal, answer: { offset } })

  it('prints topic:partition:offset sorted by the string topic-partition (t-10 before t-2)', () => {
    const parts = [0, 1, 2, 10].map((p) => part('t', p, p * 100))
    expect(getOffsets(parts)).toEqual({ stdout: 't:0:0\nt:1:100\nt:10:1000\nt:2:200\n', stderr: '' })
  })

  it('leaves out a partition answered -1 (no record at or after the time)', () => {
    expect(getOffsets([part('t', 0, 42), part('t', 1, -1)]).stdout).toBe('t:0:42\n')
  })

  it('--topic is a regex of the whole name, --partitions a list; internal topics unless excluded', () => {
    const parts = [part('orders', 0, 1), part('orders', 1, 2), part('orders-dlq', 0, 3), part('__consumer_offsets', 0, 4, true)]
    expect(getOffsets(parts, { topic: 'orders' }).stdout).toBe('orders:0:1\norders:1:2\n')
    expect(getOffsets(parts, { topic: 'orders.*', partitions: '0' }).stdout).toBe('orders:0:1\norders-dlq:0:3\n')
    expect(getOffsets(parts).stdout).toBe('__consumer_offsets:0:4\norders:0:1\norders:1:2\norders-dlq:0:3\n')
    expect(getOffsets(parts, { excludeInternalTopics: true }).stdout).not.toContain('__consumer_offsets')
    expect(() => getOffsets(parts, { topic: 'nope' })).toThrow('Could not match any topic-partitions with the specified filters')
    expect(() => getOffsets(parts, { partitions: 'x' })).toThrow('--partitions expects a comma separated list of numeric partition ids, but received: x')
  })

  it('names a partition without a leader on stderr and goes on', () => {
    const out = getOffsets([{ topic: 't', partition: 0, internal: false, answer: { error: 'LEADER_NOT_AVAILABLE' } }, part('t', 1, 5)])
    expect(out.stdout).toBe('t:1:5\n')
    expect(out.stderr).toMatch(/^Skip getting offsets for topic-partition t-0 due to error: org\.apache\.kafka\.common\.errors\.LeaderNotAvailableException: /)
  })

  it('parses --time as GetOffsetShell does', () => {
    expect(parseOffsetSpec('-1')).toBe('latest')
    expect(parseOffsetSpec('latest')).toBe('latest')
    expect(parseOffsetSpec(-2)).toBe('earliest')
    expect(parseOffsetSpec('earliest')).toBe('earliest')
    expect(parseOffsetSpec('20000')).toEqual({ timestamp: 20000 })
    expect(() => parseOffsetSpec('yesterday')).toThrow(/^Malformed time argument yesterday\. Please use -1 or latest/)
    expect(() => parseOffsetSpec('-3')).toThrow(KafkaToolError)
  })
})

// ---------------------------------------------------------------------------------------------
// the storage tools on real runs of the built-in scenarios
// ---------------------------------------------------------------------------------------------

function runScenario(id: string, untilMs: number): Simulation {
  const s = parseScenario(JSON.parse(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8')))
  const sim = createSimulation(s, { seed: s.seed })
  sim.runUntil(untilMs)
  return sim
}

const offsetsOf = (stdout: string) => Object.fromEntries(stdout.trim().split('\n').map((l) => [l.split(':').slice(0, 2).join(':'), Number(l.split(':')[2])]))

describe('the storage tools on retention-deletes-segments (log start moves)', () => {
  const sim = runScenario('retention-deletes-segments', 80_000)

  it('kafka-get-offsets --time -2 is the leader\'s log start offset, moved up by retention; -1 the high watermark', () => {
    const summary = sim.summary()
    const earliest = offsetsOf(kafkaGetOffsets(sim, { topic: 'logs', time: -2 }).stdout)
    const latest = offsetsOf(kafkaGetOffsets(sim, { topic: 'logs', time: -1 }).stdout)
    for (const p of [0, 1]) {
      const row = summary.partitions.find((x) => x.topic === 'logs' && x.partition === p)!
      expect(earliest[`logs:${p}`]).toBe(row.logStartOffset)
      expect(earliest[`logs:${p}`]).toBeGreaterThan(0)
      expect(latest[`logs:${p}`]).toBe(row.highWatermark)
    }
  })

  it('kafka-get-offsets --time <60 s ago> finds an offset between the log start and the high watermark', () => {
    const earliest = offsetsOf(kafkaGetOffsets(sim, { topic: 'logs', time: -2 }).stdout)
    const latest = offsetsOf(kafkaGetOffsets(sim, { topic: 'logs', time: -1 }).stdout)
    const fromTime = offsetsOf(kafkaGetOffsets(sim, { topic: 'logs', time: sim.nowMs - 60_000 }).stdout)
    for (const key of ['logs:0', 'logs:1']) {
      expect(fromTime[key]).toBeGreaterThan(earliest[key]!)
      expect(fromTime[key]).toBeLessThan(latest[key]!)
    }
    // before every record left: the log start; after the newest: no line at all
    expect(offsetsOf(kafkaGetOffsets(sim, { topic: 'logs', time: 0 }).stdout)).toEqual(earliest)
    expect(kafkaGetOffsets(sim, { topic: 'logs', time: sim.nowMs + 1000 }).stdout).toBe('')
  })

  it('kafka-log-dirs sizes are the replicas\' segment bytes; every alive broker answers', () => {
    const out = kafkaLogDirsDescribe(sim, { topicList: ['logs'] })
    const [q, r, json] = out.stdout.split('\n')
    expect([q, r]).toEqual(['Querying brokers for log directories information', 'Received log directory information from brokers 1,2,3'])
    const parsed = JSON.parse(json!)
    for (const b of parsed.brokers) {
      const replicas = sim.world.brokers[String(b.broker)]!.replicas
      for (const p of b.logDirs[0].partitions) {
        const sizes = replicas[p.partition]!.segments.reduce((n, s) => n + s.sizeBytes, 0)
        expect(p.size).toBe(sizes)
        expect(p.offsetLag).toBe(0)
      }
      expect(b.logDirs[0].partitions.map((p: { partition: string }) => p.partition).sort()).toEqual(['logs-0', 'logs-1'])
    }
    // retention keeps about a minute of 200 KB/s over two partitions: far less than 80 s of writes
    const leaderSize = parsed.brokers[0].logDirs[0].partitions[0].size
    expect(leaderSize).toBeGreaterThan(1_048_576)
    expect(leaderSize).toBeLessThan(80 * 200 * 1061)
  })

  it('kafka-configs --describe shows the topic\'s overrides', () => {
    expect(kafkaConfigsDescribe(sim, 'logs').stdout).toBe(
      [
        'Dynamic configs for topic logs are:',
        '  min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2, DEFAULT_CONFIG:min.insync.replicas=1}',
        '  retention.ms=60000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=60000}',
        '  segment.bytes=1048576 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:segment.bytes=1048576, DEFAULT_CONFIG:log.segment.bytes=1073741824}',
        '',
      ].join('\n'),
    )
    expect(kafkaConfigsDescribe(sim, 'nope').stdout).toBe("The topic 'nope' doesn't exist and doesn't have dynamic config.\n")
  })

  it('a setTopicConfig reaches kafka-configs and the topic configs of the inspector', () => {
    const sim2 = runScenario('retention-deletes-segments', 80_000)
    sim2.apply({ action: 'setTopicConfig', topic: 'logs', config: { 'retention.ms': 30000 } })
    sim2.runUntil(82_000)
    expect(kafkaConfigsDescribe(sim2, 'logs').stdout).toContain('  retention.ms=30000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=30000}\n')
    expect(topicConfigs(sim2, 'logs')!.find((e) => e.name === 'retention.ms')).toMatchObject({ value: '30000', source: 'DYNAMIC_TOPIC_CONFIG' })
  })

  it('a crashed broker is not asked', () => {
    const sim2 = runScenario('retention-deletes-segments', 60_000)
    sim2.apply({ action: 'crashBroker', broker: 2 })
    sim2.runUntil(75_000)
    const out = kafkaLogDirsDescribe(sim2, { topicList: ['logs'] }).stdout
    expect(out).toContain('Received log directory information from brokers 1,3\n')
    expect(JSON.parse(out.split('\n')[2]!).brokers.map((b: { broker: number }) => b.broker)).toEqual([1, 3])
  })
})

describe('the storage tools on compacted topics (tombstones, compaction-latest-per-key)', () => {
  it('tombstones: kafka-configs shows compact and delete.retention.ms; compaction leaves the log start at 0', () => {
    const sim = runScenario('tombstones', 150_000)
    const out = kafkaConfigsDescribe(sim, 'users').stdout
    expect(out).toContain('  cleanup.policy=compact sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact, DEFAULT_CONFIG:log.cleanup.policy=delete}\n')
    expect(out).toContain('  delete.retention.ms=30000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:delete.retention.ms=30000, DEFAULT_CONFIG:log.cleaner.delete.retention.ms=86400000}\n')
    expect(kafkaGetOffsets(sim, { topic: 'users', time: -2 }).stdout).toBe('users:0:0\n')
    // the cleaner removed the old records: the first record at or after time 0 is far above offset 0
    const fromZero = offsetsOf(kafkaGetOffsets(sim, { topic: 'users', time: 0 }).stdout)['users:0']!
    expect(fromZero).toBeGreaterThan(0)
    expect(fromZero).toBeLessThan(sim.summary().partitions.find((p) => p.topic === 'users')!.highWatermark)
  })

  it('compaction-latest-per-key: the compacted log is a fraction of what was written', () => {
    const sim = runScenario('compaction-latest-per-key', 180_000)
    const row = sim.summary().partitions.find((p) => p.topic === 'prices')!
    expect(kafkaGetOffsets(sim, { topic: 'prices', time: -2 }).stdout).toBe('prices:0:0\n')
    expect(kafkaGetOffsets(sim, { topic: 'prices', time: -1 }).stdout).toBe(`prices:0:${row.highWatermark}\n`)
    const json = JSON.parse(kafkaLogDirsDescribe(sim, { topicList: ['prices'] }).stdout.split('\n')[2]!)
    for (const b of json.brokers) {
      const size = b.logDirs[0].partitions[0].size
      expect(size).toBeGreaterThan(0)
      // 180 s × 100 records/s × 2 KB were written; compaction keeps a small part of it
      expect(size).toBeLessThan((180 * 100 * 2061) / 4)
    }
    const all = kafkaConfigsDescribe(sim, 'prices', { all: true }).stdout
    expect(all.split('\n')[0]).toBe('All configs for topic prices are:')
    expect(all).toContain('  min.cleanable.dirty.ratio=0.5 sensitive=false synonyms={DEFAULT_CONFIG:log.cleaner.min.cleanable.ratio=0.5}\n')
  })
})
