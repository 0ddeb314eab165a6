import { readFileSync, readdirSync } from 'node:fs'
import { parseScenario } from '../sim/index.ts'
import { estimateRunSize } from '../sim/scenario/run-size.ts'
import { resolveBrokerConfig } from '../sim/scenario/config.ts'
for (const f of [...readdirSync('scenarios').map((f) => 'scenarios/' + f), 'bench/standard.json']) {
  try { const s = parseScenario(JSON.parse(readFileSync(f, 'utf8'))); const e = estimateRunSize(s, resolveBrokerConfig(s.cluster.config)); console.log(f.padEnd(50), Math.round(e.eventsPerSecond), (e.events/1e6).toFixed(1)+'M') } catch (e) { console.log(f, (e as Error).message) }
}
