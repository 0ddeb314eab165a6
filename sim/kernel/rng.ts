/**
 * The seeded random number generator. Every random draw in the simulation goes through an Rng.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's small fast counting generator), seeded from a
 * string with seedrandom's ARC4 stream so that seeds are reproducible in Node and browsers alike.
 * Its state is four int32s kept in a plain object, so it is saved and restored with the simulation
 * state. Draws are integers or integer ratios; nothing here uses Math.log/exp/sin.
 */
import seedrandom from 'seedrandom'

export interface RngState {
  a: number
  b: number
  c: number
  d: number
}

export function newRng(seed: string | number): RngState {
  const arc4 = seedrandom(String(seed))
  const s: RngState = {
    a: arc4.int32() | 0,
    b: arc4.int32() | 0,
    c: arc4.int32() | 0,
    d: arc4.int32() | 0,
  }
  for (let i = 0; i < 12; i++) nextU32(s)
  return s
}

/** A labelled child stream: independent of how many draws the parent makes later. */
export function forkRng(parent: RngState, label: string): RngState {
  return newRng(`${parent.a},${parent.b},${parent.c},${parent.d}/${label}`)
}

/** Next unsigned 32-bit integer. */
export function nextU32(s: RngState): number {
  const t = (((s.a + s.b) | 0) + s.d) | 0
  s.d = (s.d + 1) | 0
  s.a = s.b ^ (s.b >>> 9)
  s.b = (s.c + (s.c << 3)) | 0
  s.c = (s.c << 21) | (s.c >>> 11)
  s.c = (s.c + t) | 0
  return t >>> 0
}

/** Uniform integer in [0, bound), without modulo bias (bound < 2^32). */
export function nextInt(s: RngState, bound: number): number {
  if (bound <= 1) return 0
  const limit = 4294967296 - (4294967296 % bound)
  for (;;) {
    const x = nextU32(s)
    if (x < limit) return x % bound
  }
}

/** Uniform integer in [lo, hi] inclusive. */
export function nextRange(s: RngState, lo: number, hi: number): number {
  return lo + nextInt(s, hi - lo + 1)
}

/** True with probability num/den. */
export function chance(s: RngState, num: number, den: number): boolean {
  return nextInt(s, den) < num
}
