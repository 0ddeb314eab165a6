import { readFileSync } from 'node:fs'
import { createSimulation, parseScenario } from '../sim/index.ts'
const raw = JSON.parse(readFileSync('scenarios/leader-failover.json', 'utf8'))
const sim = createSimulation(parseScenario(raw))
sim.runUntil(100000)
const w = sim.world as any
let n = 0
while (n < 6) {
  const ev = w.heap.items[0]
  if (ev.kind === 'msg' && ev.node === '3' && ev.data.api === 'FetchResponse') { console.log(sim.nowMs, JSON.stringify(ev.data).slice(0, 600)); n++ }
  if (ev.kind === 'msg' && ev.node !== '3' && ev.data.api === 'Fetch' && ev.data.replicaId === 3) { console.log('REQ', ev.node, sim.nowMs, JSON.stringify(ev.data).slice(0, 400)) }
  sim.step()
}
