// The console's lines cut into fields: the text stays exactly Kafka's, and lines of one shape get
// the same column widths, so they wrap at the same field boundaries.
import { describe, expect, it } from 'vitest'
import { consoleLines } from './console-lines.ts'

const join = (out: string) =>
  consoleLines(out)
    .map((l) => l.fields.map((f) => f.text).join('') + (l.newline ? '\n' : ''))
    .join('')

const TOPICS =
  'Topic: orders\tTopicId: AAAAAAAAAAAAAAAAAAAAAA\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2\n' +
  '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\tElr: \tLastKnownElr: \n' +
  '\tTopic: orders\tPartition: 10\tLeader: 2\tReplicas: 2,3\tIsr: 2\tElr: \tLastKnownElr: \n'

const GROUPS =
  '\nGROUP           TOPIC           PARTITION  LAG             CONSUMER-ID   HOST            CLIENT-ID\n' +
  'billing         orders          3          0               billing-2-a8c /billing-2      billing-2\n' +
  'billing         orders          12         50              billing-1-670 /billing-1      billing-1\n'

describe('consoleLines', () => {
  it('keeps the text exactly as Kafka prints it', () => {
    for (const out of [TOPICS, GROUPS, 'no newline at the end', '', 'Error\n\n']) expect(join(out)).toBe(out)
  })

  it('gives tab-separated lines of one shape the same column widths, the widest field plus a gap', () => {
    const [head, p0, p10] = consoleLines(TOPICS)
    expect(p0.fields.map((f) => f.widthCh)).toEqual(p10.fields.map((f) => f.widthCh))
    expect(p0.fields.map((f) => f.text.trimEnd())).toEqual(['', 'Topic: orders', 'Partition: 0', 'Leader: 1', 'Replicas: 1,2,3', 'Isr: 1,2,3', 'Elr:', 'LastKnownElr:'])
    expect(p0.fields[2].widthCh).toBe('Partition: 10'.length + 2)
    expect(p0.fields.at(-1)!.widthCh).toBeNull()
    expect(head.fields.map((f) => f.text.trimEnd())).toContain('PartitionCount: 3')
  })

  it('cuts a space-padded table under its upper-case header into its columns', () => {
    const [blank, header, row] = consoleLines(GROUPS)
    expect(blank.fields).toEqual([{ text: '', widthCh: null }])
    expect(header.fields.map((f) => f.text.trim())).toEqual(['GROUP', 'TOPIC', 'PARTITION', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'])
    expect(row.fields.map((f) => f.text.trim())).toEqual(['billing', 'orders', '3', '0', 'billing-2-a8c', '/billing-2', 'billing-2'])
    expect(row.fields.map((f) => f.widthCh)).toEqual(header.fields.map((f) => f.widthCh))
  })
})

describe('consoleLines with kafka-log-dirs JSON', () => {
  const LOG_DIRS =
    'Querying brokers for log directories information\n' +
    'Received log directory information from brokers 1,2\n' +
    '{"brokers":[{"broker":1,"logDirs":[{"partitions":[{"partition":"a,b-0","size":12,"offsetLag":0,"isFuture":false}],"error":null,"logDir":"/var/lib/kafka/data"}]}],"version":1}\n'

  it('keeps the text and cuts the JSON after each comma outside strings', () => {
    expect(join(LOG_DIRS)).toBe(LOG_DIRS)
    const [, received, json] = consoleLines(LOG_DIRS)
    expect(received.fields).toHaveLength(1)
    expect(json.fields.map((f) => f.text)).toEqual([
      '{"brokers":[{"broker":1,',
      '"logDirs":[{"partitions":[{"partition":"a,b-0",',
      '"size":12,',
      '"offsetLag":0,',
      '"isFuture":false}],',
      '"error":null,',
      '"logDir":"/var/lib/kafka/data"}]}],',
      '"version":1}',
    ])
    expect(json.fields.every((f) => f.widthCh === null)).toBe(true)
  })
})

describe('consoleLines with kafka-configs --describe', () => {
  const CONFIGS =
    'Dynamic configs for topic logs are:\n' +
    '  retention.ms=60000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=60000}\n' +
    '  segment.ms=604800000 sensitive=false synonyms={}\n' +
    '  segment.bytes=1048576 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:segment.bytes=1048576, DEFAULT_CONFIG:log.segment.bytes=1073741824}\n'

  it('keeps the text and cuts each entry at its parts, with a deeper hanging indent', () => {
    expect(join(CONFIGS)).toBe(CONFIGS)
    const [header, retention, segmentMs, segmentBytes] = consoleLines(CONFIGS)
    expect(header.fields).toHaveLength(1)
    expect(header.hangCh).toBeUndefined()
    expect(retention.fields.map((f) => f.text)).toEqual(['  retention.ms=60000 ', 'sensitive=false ', 'synonyms={', 'DYNAMIC_TOPIC_CONFIG:', 'retention.ms=60000}'])
    expect(retention.hangCh).toBe(6)
    expect(segmentMs.fields.map((f) => f.text)).toEqual(['  segment.ms=604800000 ', 'sensitive=false ', 'synonyms={}'])
    expect(segmentBytes.fields.map((f) => f.text)).toEqual([
      '  segment.bytes=1048576 ', 'sensitive=false ', 'synonyms={', 'DYNAMIC_TOPIC_CONFIG:', 'segment.bytes=1048576, ', 'DEFAULT_CONFIG:', 'log.segment.bytes=1073741824}',
    ])
  })
})
