/**
 * Kafka's topic ids as values: the 128 bits behind the 22-character string, Kafka's hash code and
 * Kafka's ordering of them.
 *
 * Follows clients/src/main/java/org/apache/kafka/common/Uuid.java (apache/kafka 4.0): a Uuid is two
 * signed 64-bit longs (most significant first); `toString` is the URL-safe base64 of its 16 bytes
 * without padding; `fromString` accepts at most 24 characters that decode to exactly 16 bytes (the
 * unused low bits of the last character are ignored, as java.util.Base64 does); `hashCode` is
 * `(int) (xor >> 32) ^ (int) xor` with `xor = msb ^ lsb`; `compareTo` compares msb, then lsb, as
 * signed longs.
 *
 * Invariants: pure functions of the id string; the hash and the comparison work on four 32-bit
 * words (no BigInt on those paths); the BigInt helpers exist to state ids as Kafka's (msb, lsb).
 */
import type { TopicId } from './assignment-spec.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** The 16 bytes as four big-endian 32-bit words, each a signed int: msb high, msb low, lsb high, lsb low. */
export type UuidWords = readonly [number, number, number, number]

/** `Uuid.fromString` down to the 16 bytes; throws a RangeError where Kafka throws IllegalArgumentException. */
export function topicIdBytes(id: TopicId): Uint8Array {
  const digits = id.length === 24 && id.endsWith('==') ? id.slice(0, 22) : id
  if (digits.length !== 22) throw new RangeError(`Input string \`${id}\` does not decode to the 16 bytes of a Uuid`)
  const bytes = new Uint8Array(16)
  let acc = 0
  let bits = 0
  let n = 0
  for (const ch of digits) {
    const v = ALPHABET.indexOf(ch)
    if (v < 0) throw new RangeError(`Illegal base64 character in \`${id}\``)
    acc = ((acc << 6) | v) & 0xffff
    bits += 6
    if (bits >= 8 && n < 16) {
      bits -= 8
      bytes[n++] = (acc >>> bits) & 0xff
    }
  }
  return bytes
}

/** `Uuid.toString` of 16 bytes: URL-safe base64 without padding. */
export function topicIdFromBytes(bytes: Uint8Array): TopicId {
  if (bytes.length !== 16) throw new RangeError('a Uuid has 16 bytes')
  let out = ''
  for (let i = 0; i < 16; i += 3) {
    const b0 = bytes[i]!
    const b1 = bytes[i + 1] ?? 0
    const b2 = bytes[i + 2] ?? 0
    out += ALPHABET[b0 >> 2]! + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)]!
    if (i + 1 < 16) out += ALPHABET[((b1 & 15) << 2) | (b2 >> 6)]!
    if (i + 2 < 16) out += ALPHABET[b2 & 63]!
  }
  return out
}

export function uuidWords(id: TopicId): UuidWords {
  const b = topicIdBytes(id)
  const word = (i: number): number => (b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!
  return [word(0), word(4), word(8), word(12)]
}

/** `Uuid.hashCode()`: the xor of the four 32-bit words, a signed int. */
export function uuidHashCode(id: TopicId): number {
  const [a, b, c, d] = uuidWords(id)
  return a ^ b ^ c ^ d
}

/** `Uuid.compareTo`: msb, then lsb, each a signed long; -1, 0 or 1. */
export function compareTopicIds(x: TopicId, y: TopicId): number {
  const a = uuidWords(x)
  const b = uuidWords(y)
  const cmp = (p: number, q: number): number => (p < q ? -1 : p > q ? 1 : 0)
  return cmp(a[0], b[0]) || cmp(a[1] >>> 0, b[1] >>> 0) || cmp(a[2], b[2]) || cmp(a[3] >>> 0, b[3] >>> 0)
}

/** `new Uuid(msb, lsb).toString()`; msb and lsb are taken modulo 2^64 (a negative long is fine). */
export function topicIdFromBits(msb: bigint, lsb: bigint): TopicId {
  const bytes = new Uint8Array(16)
  const view = new DataView(bytes.buffer)
  view.setBigUint64(0, BigInt.asUintN(64, msb))
  view.setBigUint64(8, BigInt.asUintN(64, lsb))
  return topicIdFromBytes(bytes)
}

/** `Uuid.fromString(id)`'s getMostSignificantBits / getLeastSignificantBits, as signed longs. */
export function topicIdToBits(id: TopicId): { msb: bigint; lsb: bigint } {
  const view = new DataView(topicIdBytes(id).buffer)
  return { msb: view.getBigInt64(0), lsb: view.getBigInt64(8) }
}
