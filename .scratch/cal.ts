import { readFileSync } from 'node:fs'
import { createSimulation, parseScenario } from '../sim/index.ts'
const base = (f: string) => JSON.parse(readFileSync(f, 'utf8'))
function measure(label: string, raw: any, simMs: number, wallCapMs = 20000) {
  raw.durationMs = Math.max(raw.durationMs ?? 0, simMs); raw.timeline = raw.timeline ?? []
  const sim = createSimulation(parseScenario(raw))
  const t0 = performance.now(); let t = 0
  // skip start-up: first 10 s sim
  sim.runUntil(Math.min(10000, simMs / 2)); const e0 = sim.world.events; const s0 = sim.nowMs; const w0 = performance.now()
  while (sim.nowMs < simMs && performance.now() - t0 < wallCapMs) sim.runUntil(sim.nowMs + 100)
  const ev = sim.world.events - e0, simS = (sim.nowMs - s0) / 1000, wallS = (performance.now() - w0) / 1000
  console.log(`${label.padEnd(40)} ${(ev / simS).toFixed(0).padStart(9)} ev/sim-s  ${(ev / wallS / 1000).toFixed(0).padStart(5)} k ev/wall-s  reached ${sim.nowMs} ms`)
}
const lf = base('scenarios/leader-failover.json')
measure('default', structuredClone(lf), 60000)
measure('default, no producers', { ...structuredClone(lf), producers: [], timeline: [] }, 60000)
measure('bench', base('bench/standard.json'), 40000)
const big = (brokers: number, topics: number, parts: number, producers: number, rate: number) => ({ name: 'big', cluster: { brokers }, topics: Array.from({ length: topics }, (_, i) => ({ name: 't' + i, partitions: parts, replicationFactor: 3 })), producers: Array.from({ length: producers }, (_, i) => ({ id: 'p' + i, topic: 't' + (i % topics), recordsPerSec: rate })) })
measure('3 brokers idle 1 topic 10p', big(3, 1, 10, 0, 0), 60000)
measure('12 brokers idle 1 topic 100p', big(12, 1, 100, 0, 0), 30000)
measure('50 brokers idle 1 topic 1000p', big(50, 1, 1000, 0, 0), 20000)
measure('3 brokers 1 producer 1000/s', big(3, 1, 10, 1, 1000), 30000)
measure('3 brokers 1 producer 10000/s', big(3, 1, 10, 1, 10000), 20000)
measure('3 brokers 1 producer 100000/s', big(3, 1, 10, 1, 100000), 15000)
measure('50 brokers 5x1000p 5 x 100000/s', big(50, 5, 1000, 5, 100000), 12000, 30000)
