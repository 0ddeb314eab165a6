/**
 * The wire codecs against a real client's bytes: every request kafkajs 2.x can send for the APIs
 * kafkascope serves, in every version kafkajs speaks, is built by kafkajs's own encoders, read by
 * kafkascope (API key, version, correlation id, client id and the fields), and written back
 * byte for byte; responses kafkascope writes are read by kafkajs's own decoders.
 */
import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { APIS, apiByName, decodeRequest, encodeResponse } from './apis.ts'
import { encodeMessage, type Struct } from './codec.ts'

const require = createRequire(import.meta.url)
const requests = (require('kafkajs/src/protocol/requests/index.js') as { requests: unknown }).requests as Record<string, { versions: string[]; protocol: (o: { version: number }) => (args: unknown) => { request: KjsRequest; response: { decode: (b: Buffer) => Promise<unknown>; parse: (d: unknown) => Promise<unknown> } } }>
const encodeFrame = require('kafkajs/src/protocol/request.js') as (o: { correlationId: number; clientId: string; request: KjsRequest }) => Promise<{ buffer: Buffer }>

interface KjsRequest {
  apiKey: number
  apiVersion: number
}

/** kafkajs's arguments for one request of each API, and what kafkascope must read from it. */
const CASES: { name: string; kjs?: string; args: unknown; check: (body: Struct, version: number) => void }[] = [
  { name: 'ApiVersions', args: {}, check: () => {} },
  {
    name: 'Metadata',
    args: { topics: ['orders', 'clicks'], allowAutoTopicCreation: false },
    check: (b) => expect((b.Topics as Struct[]).map((t) => t.Name)).toEqual(['orders', 'clicks']),
  },
  {
    name: 'Fetch',
    args: {
      replicaId: -1,
      maxWaitTime: 500,
      minBytes: 1,
      maxBytes: 10485760,
      topics: [{ topic: 'orders', partitions: [{ partition: 2, fetchOffset: '42', maxBytes: 1048576, currentLeaderEpoch: 3, logStartOffset: '0' }] }],
    },
    check: (b) => {
      expect(b.MaxWaitMs).toBe(500)
      const t = (b.Topics as Struct[])[0]
      expect(t.Topic).toBe('orders')
      expect((t.Partitions as Struct[])[0]).toMatchObject({ Partition: 2, FetchOffset: 42, PartitionMaxBytes: 1048576 })
    },
  },
  {
    name: 'ListOffsets',
    args: { replicaId: -1, topics: [{ topic: 'orders', partitions: [{ partition: 1, timestamp: '-1' }] }] },
    check: (b) => expect(((b.Topics as Struct[])[0].Partitions as Struct[])[0]).toMatchObject({ PartitionIndex: 1, Timestamp: -1 }),
  },
  { name: 'FindCoordinator', kjs: 'GroupCoordinator', args: { groupId: 'billing', coordinatorType: 0 }, check: (b) => expect(b.Key).toBe('billing') },
  {
    name: 'JoinGroup',
    args: { groupId: 'billing', sessionTimeout: 30000, rebalanceTimeout: 60000, memberId: '', protocolType: 'consumer', groupProtocols: [{ name: 'RoundRobinAssigner', metadata: Buffer.from([0, 1, 2]) }] },
    check: (b, v) => {
      expect(b).toMatchObject({ GroupId: 'billing', SessionTimeoutMs: 30000, MemberId: '', ProtocolType: 'consumer' })
      if (v >= 1) expect(b.RebalanceTimeoutMs).toBe(60000)
      expect([...((b.Protocols as Struct[])[0].Metadata as Uint8Array)]).toEqual([0, 1, 2])
    },
  },
  {
    name: 'SyncGroup',
    args: { groupId: 'billing', generationId: 4, memberId: 'm-1', groupAssignment: [{ memberId: 'm-1', memberAssignment: Buffer.from([9]) }] },
    check: (b) => expect(b).toMatchObject({ GroupId: 'billing', GenerationId: 4, MemberId: 'm-1' }),
  },
  { name: 'Heartbeat', args: { groupId: 'billing', groupGenerationId: 4, memberId: 'm-1' }, check: (b) => expect(b).toMatchObject({ GroupId: 'billing', GenerationId: 4, MemberId: 'm-1' }) },
  { name: 'LeaveGroup', args: { groupId: 'billing', memberId: 'm-1' }, check: (b) => expect(b.GroupId).toBe('billing') },
  {
    name: 'OffsetCommit',
    args: { groupId: 'billing', groupGenerationId: 4, memberId: 'm-1', topics: [{ topic: 'orders', partitions: [{ partition: 0, offset: '120' }] }] },
    check: (b) => expect(((b.Topics as Struct[])[0].Partitions as Struct[])[0]).toMatchObject({ PartitionIndex: 0, CommittedOffset: 120 }),
  },
  {
    name: 'OffsetFetch',
    args: { groupId: 'billing', topics: [{ topic: 'orders', partitions: [{ partition: 0 }, { partition: 1 }] }] },
    check: (b) => expect(((b.Topics as Struct[])[0].PartitionIndexes as number[])).toEqual([0, 1]),
  },
  { name: 'InitProducerId', args: { transactionalId: null, transactionTimeout: 60000 }, check: (b) => expect(b.TransactionTimeoutMs).toBe(60000) },
  {
    name: 'CreateTopics',
    args: { topics: [{ topic: 'payments', numPartitions: 3, replicationFactor: 2, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }], timeout: 5000 },
    check: (b) => expect((b.Topics as Struct[])[0]).toMatchObject({ Name: 'payments', NumPartitions: 3, ReplicationFactor: 2 }),
  },
  { name: 'DeleteTopics', args: { topics: ['payments'], timeout: 5000 }, check: (b) => expect(b.TopicNames).toEqual(['payments']) },
  {
    name: 'DescribeConfigs',
    args: { resources: [{ type: 2, name: 'orders', configNames: ['retention.ms'] }], includeSynonyms: false },
    check: (b) => expect((b.Resources as Struct[])[0]).toMatchObject({ ResourceType: 2, ResourceName: 'orders', ConfigurationKeys: ['retention.ms'] }),
  },
  { name: 'DescribeGroups', args: { groupIds: ['billing'] }, check: (b) => expect(b.Groups).toEqual(['billing']) },
  { name: 'ListGroups', args: {}, check: () => {} },
]

describe('requests from kafkajs 2.x', () => {
  for (const c of CASES) {
    const defs = requests[c.kjs ?? c.name]
    for (const version of defs.versions.map(Number)) {
      test(`${c.name} v${version}: read and written back byte for byte`, async () => {
        const { request } = defs.protocol({ version })(c.args)
        const { buffer } = await encodeFrame({ correlationId: 77, clientId: 'kafkajs-test', request })
        const frame = new Uint8Array(buffer.subarray(4))
        const decoded = decodeRequest(frame)
        if (decoded.kind !== 'request') throw new Error(`${c.name} v${version} is not served`)
        expect(decoded.api.name).toBe(c.name)
        expect(decoded.head).toEqual({ apiKey: request.apiKey, apiVersion: version, correlationId: 77, clientId: 'kafkajs-test' })
        c.check(decoded.body, version)
        const again = encodeMessage(decoded.api.request, version, decoded.body)
        expect(Buffer.from(again).equals(buffer.subarray(buffer.length - again.length))).toBe(true)
        expect(4 + 2 + 2 + 4 + 2 + 'kafkajs-test'.length + again.length).toBe(buffer.length)
      })
    }
  }
})

describe('responses kafkajs 2.x reads', () => {
  const decode = async (name: string, kjs: string, version: number, body: Struct) => {
    const api = apiByName(name)
    const frame = encodeResponse(api, version, 5, body)
    const { response } = requests[kjs].protocol({ version })({})
    // kafkajs's decoders take the body after the size and the correlation id
    return response.parse(await response.decode(Buffer.from(frame.subarray(8))))
  }

  test('ApiVersions v0..v2: the APIs and versions kafkascope serves', async () => {
    const keys = [...APIS.values()].map((a) => ({ ApiKey: a.key, MinVersion: a.minVersion, MaxVersion: a.maxVersion }))
    for (const version of [0, 1, 2]) {
      const parsed = (await decode('ApiVersions', 'ApiVersions', version, { ErrorCode: 0, ApiKeys: keys, ThrottleTimeMs: 0 })) as { apiVersions: { apiKey: number; maxVersion: number }[] }
      expect(parsed.apiVersions.find((a) => a.apiKey === 0)).toMatchObject({ maxVersion: apiByName('Produce').maxVersion })
      expect(parsed.apiVersions).toHaveLength(APIS.size)
    }
  })

  test('Metadata v6: brokers, the controller and partitions with leaders and ISRs', async () => {
    const parsed = (await decode('Metadata', 'Metadata', 6, {
      ThrottleTimeMs: 0,
      Brokers: [{ NodeId: 1, Host: '127.0.0.1', Port: 9092, Rack: null }, { NodeId: 2, Host: '127.0.0.1', Port: 9093, Rack: 'b' }],
      ClusterId: 'kafkascope',
      ControllerId: 1,
      Topics: [{ ErrorCode: 0, Name: 'orders', IsInternal: false, Partitions: [{ ErrorCode: 0, PartitionIndex: 0, LeaderId: 2, ReplicaNodes: [2, 1], IsrNodes: [2], OfflineReplicas: [] }] }],
    })) as { brokers: { nodeId: number; port: number }[]; controllerId: number; topicMetadata: { topic: string; partitionMetadata: { leader: number; isr: number[] }[] }[] }
    expect(parsed.brokers.map((b) => [b.nodeId, b.port])).toEqual([[1, 9092], [2, 9093]])
    expect(parsed.controllerId).toBe(1)
    expect(parsed.topicMetadata[0]).toMatchObject({ topic: 'orders', partitionMetadata: [{ leader: 2, isr: [2] }] })
  })

  test('Produce v7: an offset per partition, and an error where there is one', async () => {
    const parsed = (await decode('Produce', 'Produce', 7, {
      Responses: [{ Name: 'orders', PartitionResponses: [{ Index: 0, ErrorCode: 0, BaseOffset: 1234, LogAppendTimeMs: -1, LogStartOffset: 0 }] }],
      ThrottleTimeMs: 0,
    })) as { topics: { topicName: string; partitions: { partition: number; baseOffset: string }[] }[] }
    expect(parsed.topics[0].partitions[0]).toMatchObject({ partition: 0, baseOffset: '1234' })
  })

  test('FindCoordinator v2 and Heartbeat v3 with errors', async () => {
    const found = (await decode('FindCoordinator', 'GroupCoordinator', 2, { ThrottleTimeMs: 0, ErrorCode: 0, ErrorMessage: null, NodeId: 3, Host: '127.0.0.1', Port: 9094 })) as { coordinator: { nodeId: number; port: number } }
    expect(found.coordinator).toMatchObject({ nodeId: 3, port: 9094 })
    await expect(decode('Heartbeat', 'Heartbeat', 3, { ThrottleTimeMs: 0, ErrorCode: 27 })).rejects.toThrow(/rebalancing/)
  })
})
