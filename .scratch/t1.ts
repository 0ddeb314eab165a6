import { parseScenario } from '/work/main/sim/index.ts'
for (const patch of [{durationMs: 2**31}, {durationMs: 2**53}, {seed: -1}, {seed: 2**53}, {seed: 1.5}, {producers:[{id:'p',topic:'nope'}]}]) {
  try { parseScenario({name:'x', topics: Array.from({length:30},(_, i)=>({name:'t'+i, partitions:1, replicationFactor:1})), ...patch}); console.log('ok') } catch (e) { console.log((e as Error).message) }
}
