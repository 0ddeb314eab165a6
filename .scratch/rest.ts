import { readFileSync } from 'node:fs'
import { serialize } from 'node:v8'
import { createSimulation, parseScenario } from '../sim/index.ts'
const raw = JSON.parse(readFileSync('bench/standard.json', 'utf8'))
const sim = createSimulation(parseScenario(raw))
sim.runUntil(300000)
const w = sim.world as any
const sizes = Object.keys(w).filter(k => !['history','notes','brokers'].includes(k)).map(k => [k, serialize(w[k]).length / 1e6] as const).sort((a, b) => b[1] - a[1])
console.log(sizes.slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(2)}MB`).join(', '))
const members = w.members; const m0 = members[Object.keys(members)[0]]
console.log(Object.keys(m0).map(k => [k, serialize(m0[k] ?? null).length]).sort((a: any, b: any) => b[1] - a[1]).slice(0, 6))
const p0 = w.producers[Object.keys(w.producers)[0]]
console.log(Object.keys(p0).map(k => [k, serialize(p0[k] ?? null).length]).sort((a: any, b: any) => b[1] - a[1]).slice(0, 6))
