// Run by plain-copy.test.ts in a Node started with --allow-natives-syntax: prints, as JSON, whether
// objects copied by plainCopy have the same hidden class (V8 map) as their originals.
import { plainCopy } from './plain-copy.ts'

const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean

function batch(i: number) {
  return { baseOffset: i, count: 2, producer: 'p', retained: undefined as number[] | undefined, payload: null as unknown }
}
const original = batch(1)
const msg = { api: 'Produce', from: 'p', corr: 7 } as { api: string; from: string; corr: number; srcInc?: number; sentMs?: number }
msg.srcInc = 0
msg.sentMs = 5
const world = { nowMs: 3, log: [original, batch(2)], inFlight: msg }
const copy = plainCopy(world, ['srcInc', 'sentMs'])

console.log(
  JSON.stringify({
    literal: sameMap(original, copy.log[0]),
    addedOnSend: sameMap(msg, copy.inFlight),
    nested: sameMap(world, copy),
    array: sameMap(world.log, copy.log),
    structuredClone: sameMap(original, structuredClone(original)),
  }),
)
