/**
 * Keyed-record partitioning, as the Java producer does it.
 *
 * Follows Kafka's clients/src/main/java/org/apache/kafka/common/utils/Utils.java (`murmur2`,
 * `toPositive`), clients/.../producer/internals/BuiltInPartitioner.java (`partitionForKey`) and
 * clients/.../common/serialization/StringSerializer.java (UTF-8 via `String.getBytes`).
 *
 * Invariants:
 * - every intermediate value is a 32-bit signed int (`Math.imul` for products, `>>>` for Java's
 *   unsigned shift, `| 0` to wrap), so `murmur2` returns exactly what Java returns;
 * - `partitionForKey` uses `toPositive` (`& 0x7fffffff`), never `Math.abs`, and divides by the
 *   topic's total partition count (leaderless partitions included);
 * - `utf8` encodes like Java's `String.getBytes(UTF_8)`: a lone surrogate becomes `?` (0x3f).
 */

const SEED = 0x9747b28c
const M = 0x5bd1e995
const R = 24

/** Kafka's `Utils.murmur2`: the 32-bit MurmurHash2 variant with Kafka's seed, as a signed int32. */
export function murmur2(bytes: Uint8Array): number {
  const length = bytes.length
  let h = (SEED ^ length) | 0
  const blocks = length >>> 2
  for (let i = 0; i < blocks; i++) {
    const o = i << 2
    let k = bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24)
    k = Math.imul(k, M)
    k ^= k >>> R
    k = Math.imul(k, M)
    h = Math.imul(h, M)
    h ^= k
  }
  // Tail: Java's switch falls through from case 3 to case 1; h *= m only when there is a tail.
  const tail = blocks << 2
  const rest = length & 3
  if (rest > 0) {
    if (rest === 3) h ^= bytes[tail + 2]! << 16
    if (rest >= 2) h ^= bytes[tail + 1]! << 8
    h ^= bytes[tail]!
    h = Math.imul(h, M)
  }
  h ^= h >>> 13
  h = Math.imul(h, M)
  h ^= h >>> 15
  return h | 0
}

/** Kafka's `Utils.toPositive`: clears the sign bit (not `Math.abs`). */
export function toPositive(n: number): number {
  return n & 0x7fffffff
}

/**
 * UTF-8 bytes of a JS (UTF-16) string, as Java's `s.getBytes(StandardCharsets.UTF_8)` gives them.
 * Surrogate pairs become one 4-byte sequence; an unpaired surrogate becomes `?`, Java's replacement
 * byte (TextEncoder would emit EF BF BD instead, so it is not used here).
 */
export function utf8(s: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) {
      out.push(c)
    } else if (c < 0x800) {
      out.push(0xc0 | (c >>> 6), 0x80 | (c & 0x3f))
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
        out.push(
          0xf0 | (cp >>> 18),
          0x80 | ((cp >>> 12) & 0x3f),
          0x80 | ((cp >>> 6) & 0x3f),
          0x80 | (cp & 0x3f),
        )
        i++
      } else {
        out.push(0x3f)
      }
    } else {
      out.push(0xe0 | (c >>> 12), 0x80 | ((c >>> 6) & 0x3f), 0x80 | (c & 0x3f))
    }
  }
  return Uint8Array.from(out)
}

/**
 * `BuiltInPartitioner.partitionForKey`: `toPositive(murmur2(keyBytes)) % numPartitions`.
 * A string key is serialized as UTF-8 (StringSerializer's default); bytes are used as given.
 */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions <= 0) {
    throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`)
  }
  const bytes = typeof key === 'string' ? utf8(key) : key
  return toPositive(murmur2(bytes)) % numPartitions
}
