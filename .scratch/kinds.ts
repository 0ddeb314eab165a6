import { readFileSync } from 'node:fs'
import { createSimulation, parseScenario } from '../sim/index.ts'
const raw = JSON.parse(readFileSync('scenarios/leader-failover.json', 'utf8')); raw.durationMs = 4000000
const sim = createSimulation(parseScenario(raw))
function window(from: number) {
  sim.runUntil(from)
  const counts: Record<string, number> = {}
  const w = sim.world as any
  while (sim.nowMs < from + 10000) {
    const ev = w.heap.items[0]
    const k = ev ? `${ev.node}:${ev.kind === 'msg' ? ev.data.api : ev.kind}` : 'none'
    counts[k] = (counts[k] ?? 0) + 1
    sim.step()
  }
  console.log(`t=${from / 1000}s heap size ${w.heap.items.length}`, Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k}=${v}`).join(' '))
}
window(10000); window(100000)
