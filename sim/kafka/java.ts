/**
 * The bits of the Java platform whose exact behaviour leaks into Kafka's observable results.
 *
 * Follows java.lang.String#hashCode, org.apache.kafka.common.utils.Utils#abs,
 * java.util.Random#nextInt(int) (on top of a subclass's `next(bits)`),
 * java.util.Collections#shuffle(List, Random) (the RandomAccess path), java.util.HashMap's
 * bucket/resize rules (iteration order), and Kafka's test helper MockRandom
 * (metadata/src/test/java/org/apache/kafka/metadata/MockRandom.java, later moved to
 * server-common/src/test/java/org/apache/kafka/server/util/MockRandom.java).
 *
 * Invariants:
 * - all int results are 32-bit signed integers computed with Java's wrap-around arithmetic;
 * - `nextInt(bound)` consumes `next(31)` values exactly as java.util.Random does (one for a power
 *   of two, one or more for other bounds), so any `next(bits)` source reproduces Java's sequence;
 * - `javaShuffle` makes exactly `size - 1` calls `nextInt(i + 1)` for i = size-1 … 1.
 */

const INT_MIN = -2147483648

/** `String.hashCode()`: `h = 31*h + c` over UTF-16 code units, in int arithmetic. */
export function javaStringHashCode(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
  return h
}

/** Kafka's `Utils.abs`: `Math.abs` except that `Integer.MIN_VALUE` maps to 0. */
export function javaAbs(n: number): number {
  return n === INT_MIN ? 0 : Math.abs(n | 0)
}

/** The one method of java.util.Random that Kafka's placement code calls. */
export interface JavaRandomLike {
  /** Uniform int in [0, bound); bound > 0. */
  nextInt(bound: number): number
}

/**
 * java.util.Random#nextInt(int) on top of a `next(bits)` source (bits = 31 here).
 * Power-of-two bounds take the high bits; other bounds use Java's rejection loop, which retries
 * while `u - (u % bound) + (bound - 1)` overflows int.
 */
export function javaNextInt(next: (bits: number) => number, bound: number): number {
  if (!Number.isInteger(bound) || bound <= 0 || bound > 0x7fffffff) {
    throw new RangeError('bound must be positive')
  }
  let r = next(31)
  const m = bound - 1
  if ((bound & m) === 0) {
    // (int)((bound * (long) r) >> 31) with bound = 2^k is r >>> (31 - k)
    const k = 31 - Math.clz32(bound)
    return r >>> (31 - k)
  }
  for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = next(31)) {
    // rejected: retry with a fresh 31-bit value
  }
  return r
}

/** `Collections.shuffle(list, rnd)`: for i from size-1 down to 1, swap(i, rnd.nextInt(i + 1)). */
export function javaShuffle<T>(list: T[], rnd: JavaRandomLike): void {
  for (let i = list.length - 1; i >= 1; i--) {
    const j = rnd.nextInt(i + 1)
    const tmp = list[i]!
    list[i] = list[j]!
    list[j] = tmp
  }
}

const LCG_MUL = 2862933555777941757n
const LCG_ADD = 3037000493n

/**
 * Kafka's test `MockRandom`: a java.util.Random subclass whose `next(bits)` is a 64-bit LCG,
 * `state = state * 2862933555777941757 + 3037000493` (mod 2^64), returning
 * `(int) (state >>> (64 - bits))`. The state starts at 17; Kafka's class has no seed argument
 * (`new MockRandom()`), the optional `state` here only exists for experiments.
 */
export class MockRandom implements JavaRandomLike {
  private state: bigint

  constructor(state: bigint | number = 17n) {
    this.state = BigInt.asUintN(64, BigInt(state))
  }

  /** Java's protected `next(bits)`, 1 <= bits <= 32, as a signed int. */
  next(bits: number): number {
    this.state = BigInt.asUintN(64, this.state * LCG_MUL + LCG_ADD)
    return Number(BigInt.asIntN(32, this.state >> BigInt(64 - bits)))
  }

  nextInt(bound: number): number {
    return javaNextInt((bits) => this.next(bits), bound)
  }
}

/**
 * The iteration order of a `java.util.HashMap` (default capacity 16, load factor 0.75) after the
 * given distinct keys were `put` in this order: by bucket `(h ^ h >>> 16) & (capacity - 1)` at the
 * final capacity, and by insertion order inside a bucket (resizes split buckets keeping relative
 * order). A bucket that would grow past 8 entries forces a resize while the table is smaller than
 * 64, as HashMap#treeifyBin does. Not modelled: tree bins (more than 8 colliding keys in a table of
 * 64 or more), whose iteration order differs.
 */
export function javaHashMapOrder<K>(keysInPutOrder: readonly K[], hashCode: (key: K) => number): K[] {
  const spread = keysInPutOrder.map((k) => {
    const h = hashCode(k) | 0
    return h ^ (h >>> 16)
  })
  let capacity = 16
  let threshold = 12
  for (let size = 0; size < keysInPutOrder.length; size++) {
    const bucket = spread[size]! & (capacity - 1)
    let inBucket = 0
    for (let j = 0; j < size; j++) if ((spread[j]! & (capacity - 1)) === bucket) inBucket++
    if (inBucket >= 8 && capacity < 64) {
      capacity *= 2
      threshold = capacity * 0.75
    }
    if (size + 1 > threshold) {
      capacity *= 2
      threshold = capacity * 0.75
    }
  }
  const index = keysInPutOrder.map((_, i) => i)
  index.sort((a, b) => (spread[a]! & (capacity - 1)) - (spread[b]! & (capacity - 1)) || a - b)
  return index.map((i) => keysInPutOrder[i]!)
}
