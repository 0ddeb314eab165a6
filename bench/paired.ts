/**
 * Two scenarios timed against each other (`npm run bench:paired -- A.json B.json`): both runs
 * advance in turns of `--step` simulated ms (1,000 by default) in one process, the order swapped
 * every turn, so a noisy neighbour or a slow minute of the machine slows both alike (turns of 5 s
 * let one slow stretch land on one run: their ratios spread over ±15% on this machine, against ±3%
 * in 1 s turns). Prints each run's wall time and process CPU time, B ÷ A of each, their event
 * counts and trace hashes, `--rounds` times (3 by default).
 *
 *   npm run bench:paired -- bench/groups-classic.json bench/group-kinds.json [--rounds 3] [--step 1000]
 *
 * Both worlds share one heap, so each run's garbage collection also walks the other's objects:
 * compare runs of similar size, as the pair above is.
 */
import { readFileSync } from 'node:fs'
import { createSimulation, parseScenario, type Simulation } from '../sim/index.ts'

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

const [fileA, fileB] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'))
if (!fileA || !fileB) {
  console.error('usage: npm run bench:paired -- A.json B.json [--rounds N] [--step MS]')
  process.exit(2)
}
const rounds = arg('--rounds', 3)
const step = arg('--step', 1000)
const load = (f: string) => parseScenario(JSON.parse(readFileSync(f, 'utf8')))

for (let round = 1; round <= rounds; round++) {
  const a = load(fileA)
  const b = load(fileB)
  const sims: Simulation[] = [createSimulation(a, { seed: a.seed }), createSimulation(b, { seed: b.seed })]
  const wall = [0, 0]
  const cpu = [0, 0]
  const end = Math.min(a.durationMs, b.durationMs)
  for (let t = Math.min(step, end), turn = 0; ; t = Math.min(t + step, end), turn++) {
    for (const k of turn % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = performance.now()
      const c0 = process.cpuUsage()
      sims[k].runUntil(t)
      const c = process.cpuUsage(c0)
      wall[k] += performance.now() - t0
      cpu[k] += (c.user + c.system) / 1000
    }
    if (t >= end) break
  }
  console.log(
    JSON.stringify({
      round,
      a: fileA,
      b: fileB,
      aMs: Math.round(wall[0]),
      bMs: Math.round(wall[1]),
      ratio: +(wall[1] / wall[0]).toFixed(3),
      aCpuMs: Math.round(cpu[0]),
      bCpuMs: Math.round(cpu[1]),
      cpuRatio: +(cpu[1] / cpu[0]).toFixed(3),
      aEvents: sims[0].world.events,
      bEvents: sims[1].world.events,
      aHash: sims[0].traceHash(),
      bHash: sims[1].traceHash(),
    }),
  )
}
