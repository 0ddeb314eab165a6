/**
 * A third, independent implementation of Kafka's protocol against kafkascope serve: kafka-python
 * (Debian's python3-kafka 2.0.2, which npm test installs) produces keyed records with headers,
 * reads them in a consumer group and commits, lists and describes groups, reads committed offsets
 * and creates a topic (cli/serve/kafka-python-client.py). Every record it was told was written is
 * in the simulated log, on the partition murmur2 gives its key, and the group's committed offsets
 * are the partitions' ends.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { builtInScenarios, logRecords, parseScenario, partitionForKey } from '../../sim/index.ts'
import { startServe, type Served } from './serve.ts'

const run = promisify(execFile)
const script = fileURLToPath(new URL('./kafka-python-client.py', import.meta.url))
const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), name: 'serve kafka-python', producers: [], readers: [], timeline: [], expect: {}, durationMs: 600_000 })
let served: Served

beforeAll(async () => {
  served = await startServe(scenario, { port: 0 })
})
afterAll(() => served.close())

interface Seen {
  placed: Record<string, number>
  read: { partition: number; offset: number; key: string; value: string; headers: [string, string][] }[]
  groups: [string, string][]
  offsets: Record<string, number>
  state: string
}

test('kafka-python produces, consumes in a group, commits, and administers the served cluster', async () => {
  // Debian's python3 (the one python3-kafka installs into)
  const { stdout } = await run('/usr/bin/python3', [script, `127.0.0.1:${served.ports[1]}`], { timeout: 60_000 })
  const seen = JSON.parse(stdout) as Seen
  const keys = Array.from({ length: 12 }, (_, i) => `py-${i}`)
  for (const k of keys) expect(seen.placed[k]).toBe(partitionForKey(k, 3))
  expect(seen.read.map((r) => r.key).sort()).toEqual([...keys].sort())
  expect(seen.read.every((r) => r.value === `from python ${r.key.slice(3)}` && r.headers[0][0] === 'lang' && r.headers[0][1] === 'py')).toBe(true)
  for (const p of [0, 1, 2]) {
    const log = logRecords(served.sim, `orders-${p}`) ?? []
    expect(log.map((r) => r.key)).toEqual(keys.filter((k) => partitionForKey(k, 3) === p))
    expect(seen.offsets[`orders-${p}`] ?? 0).toBe(log.length)
  }
  expect(seen.groups).toContainEqual(['py-group', 'consumer'])
  expect(seen.state).toBe('Empty')
  expect(served.sim.summary().partitions.filter((p) => p.topic === 'py-topic').map((p) => p.replicas.length)).toEqual([2, 2])
}, 90_000)
