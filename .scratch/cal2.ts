import { createSimulation, parseScenario } from '../sim/index.ts'
function measure(label: string, raw: any, simMs: number) {
  raw.durationMs = simMs
  const sim = createSimulation(parseScenario(raw))
  sim.runUntil(10000); const e0 = sim.world.events; const w0 = performance.now()
  sim.runUntil(simMs)
  const ev = sim.world.events - e0, simS = (simMs - 10000) / 1000, wallS = (performance.now() - w0) / 1000
  console.log(`${label.padEnd(40)} ${(ev / simS).toFixed(0).padStart(9)} ev/sim-s  ${(ev / wallS / 1000).toFixed(0).padStart(5)} k ev/wall-s`)
}
const T = (n: number, p = 1, rf = 3) => Array.from({ length: n }, (_, i) => ({ name: 't' + i, partitions: p, replicationFactor: rf }))
measure('3 brokers nothing', { name: 'x', cluster: { brokers: 3 } }, 60000)
measure('50 brokers nothing', { name: 'x', cluster: { brokers: 50 } }, 60000)
measure('3 brokers 1 topic 1p', { name: 'x', cluster: { brokers: 3 }, topics: T(1) }, 60000)
measure('3b 1p group 20 members', { name: 'x', cluster: { brokers: 3 }, topics: T(1), consumers: [{ groupId: 'g', topics: ['t0'], members: 20 }] }, 60000)
measure('3b 1p group 100 members', { name: 'x', cluster: { brokers: 3 }, topics: T(1), consumers: [{ groupId: 'g', topics: ['t0'], members: 100 }] }, 60000)
measure('3b 1p 20 readers', { name: 'x', cluster: { brokers: 3 }, topics: T(1), readers: Array.from({ length: 20 }, (_, i) => ({ id: 'r' + i, topics: ['t0'] })) }, 60000)
measure('3b 1p 20 producers idle 0/s', { name: 'x', cluster: { brokers: 3 }, topics: T(1), producers: Array.from({ length: 20 }, (_, i) => ({ id: 'p' + i, topic: 't0', recordsPerSec: 0 })) }, 60000)
measure('3b 100p 2000 rec/s keyed + 2 groups x 6', { name: 'x', cluster: { brokers: 3 }, topics: T(1, 100), producers: [{ id: 'p', topic: 't0', recordsPerSec: 2000, keys: { kind: 'pool', size: 1000 } }], consumers: [{ groupId: 'g', topics: ['t0'], members: 6 }, { groupId: 'h', topics: ['t0'], members: 6 }] }, 30000)
measure('3b 100p 2000 rec/s keyed no readers', { name: 'x', cluster: { brokers: 3 }, topics: T(1, 100), producers: [{ id: 'p', topic: 't0', recordsPerSec: 2000, keys: { kind: 'pool', size: 1000 } }] }, 30000)
measure('3b 100p 2000 rec/s sticky no readers', { name: 'x', cluster: { brokers: 3 }, topics: T(1, 100), producers: [{ id: 'p', topic: 't0', recordsPerSec: 2000 }] }, 30000)
