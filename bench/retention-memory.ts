/**
 * Does retention keep a long run's memory flat? Runs bench/retention-hour.json (an hour of 2,000
 * records/s into a topic with 5-minute retention and 1 MiB segments, read by one group) and prints
 * the heap after a full GC every 5 simulated minutes, with the records the logs hold and the history's
 * size. Logs stop growing after the first minutes; what still grows is the history the checkers
 * need (a few bytes per record sent and read) and the run's notes.
 *
 *   node --expose-gc --import tsx bench/retention-memory.ts [--until MS]
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createSimulation, parseScenario } from '../sim/index.ts'

const here = dirname(fileURLToPath(import.meta.url))
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) {
  process.stderr.write('retention-memory: run with node --expose-gc --import tsx bench/retention-memory.ts\n')
  process.exit(2)
}
const untilArg = process.argv.indexOf('--until')
const scenario = parseScenario(JSON.parse(readFileSync(join(here, 'retention-hour.json'), 'utf8')))
const until = untilArg > 0 ? Number(process.argv[untilArg + 1]) : scenario.durationMs
const sim = createSimulation(scenario)
const MB = 1024 * 1024
const rows: string[] = ['  sim min   heap MB   records in logs   batches in logs   log start (logs-0)   notes']
for (let t = 0; t <= until; t += 300_000) {
  sim.runUntil(t)
  gc()
  const heap = process.memoryUsage().heapUsed / MB
  let records = 0
  let batches = 0
  let start = 0
  for (const id of sim.world.brokerIds) {
    for (const r of Object.values(sim.world.brokers[String(id)].replicas)) {
      if (r.topic !== 'logs') continue
      batches += r.log.length - r.log.start
      records += r.leo - r.logStartOffset
      if (r.partition === 0 && r.role === 'leader') start = r.logStartOffset
    }
  }
  rows.push(`${String(t / 60_000).padStart(9)} ${heap.toFixed(1).padStart(9)} ${String(records).padStart(17)} ${String(batches).padStart(17)} ${String(start).padStart(20)} ${String(sim.world.notes.length).padStart(7)}`)
  process.stdout.write(rows[rows.length - 1] + '\n')
}
const checks = sim.summary().checks
process.stdout.write(`checks ok: ${checks.ok} (lostAckedWrites ${checks.lostAckedWrites})\n`)
