/**
 * A real client written in C against kafkascope's wire protocol: kcat (librdkafka, from Debian's
 * kcat package, which npm test installs) lists a cluster that a listener describes with
 * kafkascope's codecs. librdkafka negotiates its versions with ApiVersions v3 (a flexible request,
 * and a flexible answer it must read) and then asks for Metadata in the version it needs.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Struct } from '../protocol/codec.ts'
import { apiVersionsBody, startFrameServer, type FrameServer } from './frame-server.ts'

const run = promisify(execFile)
let server: FrameServer
const seen: { api: string; version: number; clientId: string | null; body: Struct }[] = []

beforeAll(async () => {
  server = await startFrameServer({
    host: '127.0.0.1',
    port: 0,
    handler: (req) => {
      seen.push({ api: req.api.name, version: req.head.apiVersion, clientId: req.head.clientId, body: req.body })
      if (req.api.name === 'ApiVersions') return apiVersionsBody()
      if (req.api.name !== 'Metadata') return null
      const partition = (p: number, leader: number) => ({ ErrorCode: 0, PartitionIndex: p, LeaderId: leader, LeaderEpoch: 4, ReplicaNodes: [leader, 1], IsrNodes: [leader], OfflineReplicas: [] })
      return {
        ThrottleTimeMs: 0,
        Brokers: [{ NodeId: 1, Host: '127.0.0.1', Port: server.port, Rack: null }],
        ClusterId: 'kafkascope',
        ControllerId: 1,
        Topics: [{ ErrorCode: 0, Name: 'orders', TopicId: 'AAAAAAAAAAAAAAAAAAAAAQ', IsInternal: false, Partitions: [partition(0, 1), partition(1, 1), partition(2, 1)], TopicAuthorizedOperations: -2147483648 }],
        ClusterAuthorizedOperations: -2147483648,
      }
    },
  })
})
afterAll(() => server.close())

test('kcat -L: ApiVersions v3 (flexible) both ways, then Metadata: the brokers, the topic and its partitions', async () => {
  const { stdout } = await run('kcat', ['-L', '-J', '-b', `127.0.0.1:${server.port}`, '-m', '10'], { timeout: 20_000 })
  const listing = JSON.parse(stdout) as { brokers: { id: number; name: string }[]; topics: { topic: string; partitions: { partition: number; leader: number; isrs: { id: number }[] }[] }[] }
  expect(listing.brokers).toEqual([{ id: 1, name: `127.0.0.1:${server.port}` }])
  const orders = listing.topics.find((t) => t.topic === 'orders')!
  expect(orders.partitions.map((p) => [p.partition, p.leader, p.isrs.map((i) => i.id)])).toEqual([[0, 1, [1]], [1, 1, [1]], [2, 1, [1]]])
  // librdkafka's first request: ApiVersions v3, the flexible version, naming the client software
  expect(seen[0]).toMatchObject({ api: 'ApiVersions', version: 3, clientId: 'rdkafka' })
  expect(seen[0].body.ClientSoftwareName).toBe('librdkafka')
  const metadata = seen.find((s) => s.api === 'Metadata')!
  // librdkafka 2.0 asks Metadata v4 (the version it needs), after reading the flexible ApiVersions v3 answer
  expect(metadata.version).toBe(4)
  // librdkafka first asks for the brokers only (an empty topic list), then for every topic (null)
  expect(metadata.body.Topics).toEqual([])
  expect(seen.filter((s) => s.api === 'Metadata').some((s) => s.body.Topics === null)).toBe(true)
})
