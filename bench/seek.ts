/**
 * The seek benchmark (`npm run bench:seek`): how long time travel takes in the app's host. It plays
 * a scenario to its end (taking checkpoints as the app does, within their budget), then makes 50
 * seeks to seeded random times and prints the median and worst seek, the number of checkpoints
 * kept, how far apart they are near the end and how far back of the run's middle the nearest one
 * lies, and the memory they hold (heap measured with and without them, after a full GC when Node
 * runs with --expose-gc, as the npm script does).
 *
 *   npm run bench:seek [-- --scenario classroom-tour|bench] [-- --seeks 50]
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { advanceTo, loadBuiltIn, loadScenario, requireRun } from '../src/host/engine-host.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function heapMB(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

/** A small seeded generator for the seek targets (the benchmark must be repeatable too). */
function lcg(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 2 ** 32
  }
}

function measure(label: string, open: () => void, seeks: number): void {
  open()
  const r0 = requireRun()
  const duration = r0.scenario.durationMs
  const t0 = performance.now()
  advanceTo(duration)
  const playMs = performance.now() - t0
  const r = requireRun()
  const kept = r.checkpoints.list.length
  const nearEnd = kept > 1 ? r.checkpoints.list[kept - 1].atMs - r.checkpoints.list[kept - 2].atMs : 0
  const middle = duration / 2 - (r.checkpoints.before(duration / 2)?.atMs ?? 0)
  const withCheckpoints = heapMB()
  r.checkpoints.list.length = 0
  const without = heapMB()
  // play again for the seeks (the checkpoints were dropped to weigh them)
  open()
  advanceTo(duration)
  const random = lcg(42)
  const times: number[] = []
  for (let i = 0; i < seeks; i++) {
    const target = Math.floor(random() * duration)
    const s = performance.now()
    advanceTo(target)
    times.push(performance.now() - s)
  }
  times.sort((a, b) => a - b)
  console.log(
    `${label}: played ${duration / 1000} s in ${(playMs / 1000).toFixed(1)} s (${r.checkpoints.costMs.toFixed(0)} ms of it taking checkpoints); ` +
      `${kept} checkpoints kept, ${(nearEnd / 1000).toFixed(0)} s apart at the end, the nearest before the middle ${(middle / 1000).toFixed(0)} s back, ` +
      `holding about ${(withCheckpoints - without).toFixed(0)} MB; ` +
      `${seeks} random seeks: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, worst ${times[times.length - 1].toFixed(1)} ms`,
  )
}

const which = arg('--scenario') ?? 'both'
const seeks = Number(arg('--seeks') ?? 50)
if (which === 'both' || which === 'classroom-tour') measure('classroom-tour (10 min)', () => loadBuiltIn('classroom-tour'), seeks)
if (which === 'both' || which === 'bench') {
  measure('benchmark cluster (bench/standard.json, 10 min)', () => loadScenario(readFileSync(`${root}bench/standard.json`, 'utf8')), seeks)
}
