/**
 * What a real client gets through `kafkascope serve` (`npm run bench:serve`): a kafkajs producer
 * sends keyed records of 200 bytes with acks=all to serve's default cluster (3 brokers, orders of 3
 * partitions, RF 3, min.insync.replicas 2), in sends of `--batch` records (100 by default), one send
 * at a time and then `--inflight` at once (3 by default), and reports records/s on the wall clock
 * and serve's CPU time per record.
 *
 * The reference, measured in the same process: the same cluster with an in-process producer of the
 * same kind of records (keyed, 200 bytes, acks=all, batched by the producer's own linger and batch
 * size), run as fast as the machine runs it, in records per wall second. serve's figure is
 * bounded by simulated time following the wall clock (every round trip takes the simulated network's
 * latency and replication's fetch rounds in real time), the reference is not: the ratio says what
 * a real client costs over the simulation itself.
 *
 *   npm run bench:serve [-- --records 6000] [-- --batch 100] [-- --inflight 3] [-- --rounds 3]
 */
import { Kafka, logLevel } from 'kafkajs'
import { createSimulation, parseScenario, type Scenario } from '../sim/index.ts'
import defaultCluster from '../cli/serve/default-cluster.json' with { type: 'json' }
import { startServe } from '../cli/serve/serve.ts'

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

const records = arg('--records', 6000)
const batch = arg('--batch', 100)
const inflight = arg('--inflight', 3)
const rounds = arg('--rounds', 3)
const value = 'x'.repeat(200)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

interface ServeFigure {
  recordsPerSec: number
  cpuMsPerThousand: number
}

/** A kafkajs producer against a fresh serve: records/s and serve's (this process's) CPU per 1,000 records. */
async function throughServe(parallel: number): Promise<ServeFigure> {
  const served = await startServe(parseScenario(defaultCluster))
  try {
    const kafka = new Kafka({ clientId: 'bench', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING })
    const producer = kafka.producer({ allowAutoTopicCreation: false })
    await producer.connect()
    await producer.send({ topic: 'orders', acks: -1, messages: [{ key: 'warm', value }] })
    let next = 0
    const sendAll = async () => {
      while (next < records) {
        const from = next
        next += batch
        await producer.send({ topic: 'orders', acks: -1, messages: Array.from({ length: Math.min(batch, records - from) }, (_, i) => ({ key: `key-${(from + i) % 1000}`, value })) })
      }
    }
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await Promise.all(Array.from({ length: parallel }, sendAll))
    const wall = performance.now() - t0
    const cpu = process.cpuUsage(c0)
    await producer.disconnect()
    return { recordsPerSec: Math.round((records / wall) * 1000), cpuMsPerThousand: +(((cpu.user + cpu.system) / 1000 / records) * 1000).toFixed(1) }
  } finally {
    await served.close()
  }
}

/**
 * The same kind of records from an in-process producer (ten times as many, for a steadier figure),
 * simulated as fast as the machine goes: acknowledged records per wall second of the producing
 * stretch (the cluster's opening is run first and not timed).
 */
function inProcess(): number {
  const perSec = 20_000
  const opening = 6_000
  const producingMs = Math.ceil(((records * 10) / perSec) * 1000)
  const scenario: Scenario = parseScenario({
    ...defaultCluster,
    durationMs: opening + producingMs + 5_000,
    producers: [{ id: 'bench', topic: 'orders', recordsPerSec: perSec, keys: { kind: 'pool', size: 1000 }, valueBytes: 200, config: { acks: 'all' } }],
    timeline: [{ atMs: opening + producingMs, action: 'stopProducer', producer: 'bench' }],
  })
  const sim = createSimulation(scenario)
  sim.runUntil(opening)
  const before = sim.summary().producers.reduce((n, p) => n + p.acked, 0)
  const t0 = performance.now()
  sim.runUntil(scenario.durationMs)
  const wall = performance.now() - t0
  const acked = sim.summary().producers.reduce((n, p) => n + p.acked, 0) - before
  return Math.round((acked / wall) * 1000)
}

inProcess() // warm the JIT: the first run of a process is slower than the rest
const rows: { round: number; sequential: ServeFigure; pipelined: ServeFigure; inProcess: number }[] = []
for (let round = 1; round <= rounds; round++) {
  const sequential = await throughServe(1)
  const pipelined = await throughServe(inflight)
  const reference = inProcess()
  rows.push({ round, sequential, pipelined, inProcess: reference })
  console.log(JSON.stringify(rows.at(-1)))
}
const seq = median(rows.map((r) => r.sequential.recordsPerSec))
const pip = median(rows.map((r) => r.pipelined.recordsPerSec))
const ref = median(rows.map((r) => r.inProcess))
console.log(
  `kafkajs through serve: ${seq} records/s one send at a time, ${pip} with ${inflight} in flight (sends of ${batch}, acks=all); ` +
    `in-process producer: ${ref} records/s of wall time; serve ÷ in-process: ${(seq / ref).toFixed(3)} and ${(pip / ref).toFixed(3)} (medians of ${rounds})`,
)
