import { readFileSync } from 'node:fs'
import { serialize } from 'node:v8'
import { createSimulation, parseScenario } from '../sim/index.ts'
const raw = JSON.parse(readFileSync(process.argv[2], 'utf8')); raw.durationMs = Number(process.argv[3])
const sim = createSimulation(parseScenario(raw))
for (const t of process.argv.slice(4).map(Number)) {
  sim.runUntil(t)
  const snap = sim.snapshot() as any
  const size = (v: unknown) => (serialize(v).length / 1e6).toFixed(2)
  const { history, notes, brokers, ...rest } = snap
  const logsStripped = structuredClone(brokers); for (const b of Object.values<any>(logsStripped)) for (const r of Object.values<any>(b.replicas)) r.log = []
  console.log(`t=${t / 1000}s events=${sim.world.events} history ${size(history)} MB (sends ${size(history.sends)} reads ${size(history.reads)} groups ${size(history.groups)} leader ${size([history.leaderChanges, history.leaderClaims])}), notes ${size(notes)} MB (${notes.length}), brokers w/o logs ${size(logsStripped)} MB, rest ${size(rest)} MB`)
}
import { snapshotBytes } from '../sim/index.ts'
console.log('estimate', (snapshotBytes(sim.snapshot()) / 1e6).toFixed(2), 'MB; serialized', (serialize(sim.snapshot()).length/1e6).toFixed(2))
