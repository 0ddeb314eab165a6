/**
 * The running trace hash: every processed event folds (time, node, what) into two 32-bit FNV-style
 * lanes. Names are mapped to integers by a pure string hash (memoised; the memo is not state), so
 * the hash is the same in Node and in every browser. Same seed + scenario + interventions ⇒ same hash.
 */
import type { World } from '../nodes/world.ts'

const memo = new Map<string, number>()

export function internName(s: string): number {
  let v = memo.get(s)
  if (v === undefined) {
    let h = 0x811c9dc5
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
    v = h >>> 0
    memo.set(s, v)
  }
  return v
}

export function mixTrace(w: World, timeMs: number, node: number, what: number): void {
  let a = w.trace.h1
  let b = w.trace.h2
  a = Math.imul(a ^ timeMs, 0x01000193)
  a = Math.imul(a ^ node, 0x01000193)
  a = Math.imul(a ^ what, 0x01000193)
  b = Math.imul(b ^ (timeMs + 0x9e3779b9), 0x85ebca6b)
  b = Math.imul(b ^ what, 0xc2b2ae35)
  b = Math.imul(b ^ node, 0x27d4eb2f)
  b ^= b >>> 15
  w.trace.h1 = a
  w.trace.h2 = b
}

export function traceHashOf(w: World): string {
  return (w.trace.h1 >>> 0).toString(16).padStart(8, '0') + (w.trace.h2 >>> 0).toString(16).padStart(8, '0')
}
