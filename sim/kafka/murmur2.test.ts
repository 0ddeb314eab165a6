// Keyed partitioning: murmur2 and key -> partition, checked against Kafka's own test vectors (Korean keys included).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { murmur2, partitionForKey, toPositive, utf8 } from './murmur2.ts'
import { loadVectors } from './vectors.test-helper.ts'

interface Murmur2File {
  murmur2_test_vectors_from_kafka: { vectors: Record<string, number> }
  streams_test_comment_vector: { numPartitions: number; expected: Record<string, number> }
  computed: Record<string, { murmur2: number; toPositive: number; p3: number; p6: number; p12: number }>
  computed_bytes: Record<string, { murmur2: number; p3: number; p6: number; p12: number }>
  flat_murmur2: Record<string, number>
  flat_partitions: Record<string, Record<string, number>>
}

const file = loadVectors<Murmur2File>('murmur2.json')

// ---- Tables restated from Kafka (used when the vector file is absent, and checked against it) ----

/** UtilsTest.testMurmur2 (String.getBytes(); "abc" is new byte[]{'a','b','c'}). */
const KAFKA_UTILS: [string, number][] = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
]

/** KTableKTableForeignKeyInnerJoinMultiIntegrationTest comments: String key -> partition of 3. */
const STREAMS_3: [string, number][] = [
  ['0', 2], ['1', 0], ['2', 2], ['3', 2], ['4', 1], ['5', 0], ['6', 1], ['7', 0], ['8', 0], ['9', 2],
]

/** key, murmur2, partition for 3 / 6 / 12 partitions (UTF-8 string keys). */
const WORKED: [string, number, number, number, number][] = [
  ['order-1', 1221710326, 1, 4, 10],
  ['order-2', -1055499005, 0, 3, 3],
  ['order-3', -849583649, 0, 3, 3],
  ['order-4', 1928061674, 2, 2, 2],
  ['order-5', 847857254, 2, 2, 2],
  ['order-6', -634967039, 0, 3, 9],
  ['order-7', 323129857, 1, 1, 1],
  ['order-8', -1988495187, 2, 5, 5],
  ['order-9', -1979565934, 1, 4, 10],
  ['order-10', 1960481346, 0, 0, 6],
  ['user-42', 1459644460, 1, 4, 4],
  ['1234', -1614185708, 0, 0, 0],
  ['key', -1079937367, 1, 1, 1],
  ['', 275646681, 0, 3, 9],
  ['0', 971027396, 2, 2, 8],
  ['1', -1993445489, 0, 3, 3],
  ['9', 415544963, 2, 5, 11],
  ['a', -1563381124, 1, 4, 4],
  ['ab', 316155434, 2, 2, 2],
]

/** Raw key bytes (e.g. IntegerSerializer(42) = [0,0,0,42]). */
const BYTES: [number[], number, number, number, number][] = [
  [[], 275646681, 0, 3, 9],
  [[0], 375494588, 2, 2, 8],
  [[255], -311467685, 0, 3, 3],
  [[0, 0, 0, 0], 850957120, 1, 4, 4],
  [[1, 2, 3, 4, 5], 963186390, 0, 0, 6],
  [[0, 0, 0, 42], 1606757304, 0, 0, 0],
]

/**
 * Non-ASCII keys, computed here and cross-checked with a JDK 17 program (String.getBytes(UTF_8)
 * plus a Java int-arithmetic murmur2) and, below, with a BigInt re-implementation and TextEncoder.
 * The last two are unpaired surrogates: Java's encoder writes '?' (0x3f) for them.
 */
const NON_ASCII: [string, number[], number, number, number, number][] = [
  ['주문-1', [0xec, 0xa3, 0xbc, 0xeb, 0xac, 0xb8, 0x2d, 0x31], -1848416265, 2, 5, 11],
  ['한국어', [0xed, 0x95, 0x9c, 0xea, 0xb5, 0xad, 0xec, 0x96, 0xb4], 790120414, 1, 4, 10],
  ['고객-42', [0xea, 0xb3, 0xa0, 0xea, 0xb0, 0x9d, 0x2d, 0x34, 0x32], 363716132, 2, 2, 8],
  ['카프카', [0xec, 0xb9, 0xb4, 0xed, 0x94, 0x84, 0xec, 0xb9, 0xb4], -1792248277, 1, 1, 7],
  ['😀', [0xf0, 0x9f, 0x98, 0x80], 131881617, 0, 3, 9],
  ['\ud800x', [0x3f, 0x78], 2102813084, 2, 2, 8],
  ['x\udc00', [0x78, 0x3f], -1310484425, 0, 3, 3],
]

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** An independent murmur2: BigInt arithmetic modulo 2^32, no Math.imul. */
function referenceMurmur2(data: Uint8Array): number {
  const U32 = 0xffffffffn
  const m = 0x5bd1e995n
  const mul = (a: bigint, b: bigint) => (a * b) & U32
  let h = (0x9747b28cn ^ BigInt(data.length)) & U32
  const whole = data.length - (data.length % 4)
  for (let i = 0; i < whole; i += 4) {
    let k = BigInt(data[i]! + data[i + 1]! * 256 + data[i + 2]! * 65536 + data[i + 3]! * 16777216)
    k = mul(k, m)
    k ^= k >> 24n
    k = mul(k, m)
    h = mul(h, m) ^ k
  }
  const rest = data.length % 4
  if (rest > 0) {
    for (let j = rest - 1; j >= 0; j--) h ^= BigInt(data[whole + j]!) << BigInt(8 * j)
    h = mul(h, m)
  }
  h ^= h >> 13n
  h = mul(h, m)
  h ^= h >> 15n
  return Number(BigInt.asIntN(32, h))
}

function parseByteKey(label: string): Uint8Array {
  const match = /^\[([^\]]*)\]/.exec(label)
  if (!match) throw new Error(`cannot parse byte key ${label}`)
  const body = match[1]!.trim()
  return Uint8Array.from(body === '' ? [] : body.split(',').map((s) => Number(s.trim())))
}

describe('murmur2 (Utils.murmur2)', () => {
  it("reproduces Kafka's UtilsTest.testMurmur2 vectors", () => {
    const cases: [string, number][] = file
      ? Object.entries(file.murmur2_test_vectors_from_kafka.vectors)
      : KAFKA_UTILS
    expect(cases.length).toBeGreaterThanOrEqual(6)
    for (const [input, expected] of cases) expect(murmur2(utf8(input)), input).toBe(expected)
    // the byte-array form of the 'abc' vector
    expect(murmur2(Uint8Array.from([97, 98, 99]))).toBe(479470107)
  })

  it('reproduces every flat_murmur2 / computed value', () => {
    const cases: [string, number][] = file ? Object.entries(file.flat_murmur2) : WORKED.map((w) => [w[0], w[1]])
    expect(cases.length).toBeGreaterThanOrEqual(19)
    for (const [key, expected] of cases) expect(murmur2(utf8(key)), key).toBe(expected)
    if (file) {
      const computed = Object.entries(file.computed)
      expect(computed.length).toBeGreaterThan(20)
      for (const [key, c] of computed) {
        expect(murmur2(utf8(key)), key).toBe(c.murmur2)
        expect(toPositive(c.murmur2), key).toBe(c.toPositive)
      }
    }
  })

  it('Kafka\'s UtilsTest and Streams vectors together cover every tail length (0, 1, 2, 3)', () => {
    const lengths = new Set([...KAFKA_UTILS, ...STREAMS_3].map(([s]) => s.length % 4))
    expect([...lengths].sort()).toEqual([0, 1, 2, 3])
  })

  it('handles raw key bytes (computed_bytes)', () => {
    const cases: [Uint8Array, number, number, number, number][] = file
      ? Object.entries(file.computed_bytes).map(([label, c]) => [parseByteKey(label), c.murmur2, c.p3, c.p6, c.p12])
      : BYTES.map(([b, h, p3, p6, p12]) => [Uint8Array.from(b), h, p3, p6, p12])
    expect(cases.length).toBeGreaterThanOrEqual(6)
    for (const [bytes, h, p3, p6, p12] of cases) {
      const label = `[${bytes.join(',')}]`
      expect(murmur2(bytes), label).toBe(h)
      expect([3, 6, 12].map((n) => partitionForKey(bytes, n)), label).toEqual([p3, p6, p12])
    }
  })

  it('agrees with the restated tables when the vector file is present', () => {
    // With the file absent this compares the restated tables with themselves via the code above.
    for (const [key, h, p3, p6, p12] of WORKED) {
      expect(murmur2(utf8(key)), key).toBe(h)
      expect([3, 6, 12].map((n) => partitionForKey(key, n)), key).toEqual([p3, p6, p12])
      if (file) {
        expect(file.flat_murmur2[key], key).toBe(h)
        expect(file.flat_partitions[key], key).toEqual({ 3: p3, 6: p6, 12: p12 })
      }
    }
    for (const [input, h] of KAFKA_UTILS) {
      expect(murmur2(utf8(input))).toBe(h)
      if (file) expect(file.murmur2_test_vectors_from_kafka.vectors[input]).toBe(h)
    }
  })

  it('matches an independent BigInt implementation on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const h = murmur2(bytes)
        expect(h).toBe(referenceMurmur2(bytes))
        expect(h | 0).toBe(h)
      }),
      { numRuns: 500 },
    )
  })
})

describe('partitionForKey (BuiltInPartitioner)', () => {
  it('reproduces the Kafka Streams 3-partition vector', () => {
    const cases: [string, number][] = file ? Object.entries(file.streams_test_comment_vector.expected) : STREAMS_3
    const n = file ? file.streams_test_comment_vector.numPartitions : 3
    expect(n).toBe(3)
    expect(cases.length).toBe(10)
    for (const [key, expected] of cases) expect(partitionForKey(key, n), key).toBe(expected)
  })

  it('reproduces flat_partitions for 3, 6 and 12 partitions', () => {
    const cases: [string, Record<string, number>][] = file
      ? Object.entries(file.flat_partitions)
      : WORKED.map(([key, , p3, p6, p12]) => [key, { 3: p3, 6: p6, 12: p12 }])
    expect(cases.length).toBeGreaterThanOrEqual(19)
    for (const [key, byCount] of cases) {
      const counts = Object.keys(byCount)
      expect(counts.length).toBe(3)
      for (const n of counts) expect(partitionForKey(key, Number(n)), `${key} / ${n}`).toBe(byCount[n])
    }
  })

  it('uses toPositive (& 0x7fffffff), not Math.abs', () => {
    // order-2: murmur2 = -1055499005; Math.abs would give 1055499005 -> partition 2 of 3, Kafka gives 0
    expect(toPositive(-1055499005)).toBe(1091984643)
    expect(Math.abs(-1055499005) % 3).toBe(2)
    expect(partitionForKey('order-2', 3)).toBe(0)
    expect(toPositive(-2147483648)).toBe(0)
    expect(toPositive(-1)).toBe(0x7fffffff)
  })

  it('hashes non-ASCII keys as Java UTF-8 bytes (Korean, emoji, lone surrogates)', () => {
    expect(NON_ASCII.length).toBe(7)
    const encoder = new TextEncoder()
    let wellFormed = 0
    for (const [key, bytes, h, p3, p6, p12] of NON_ASCII) {
      const encoded = utf8(key)
      expect([...encoded], key).toEqual(bytes)
      expect(murmur2(encoded), key).toBe(h)
      expect(referenceMurmur2(Uint8Array.from(bytes)), key).toBe(h)
      expect([3, 6, 12].map((n) => partitionForKey(key, n)), key).toEqual([p3, p6, p12])
      if (!LONE_SURROGATE.test(key)) {
        expect([...encoder.encode(key)], key).toEqual(bytes)
        wellFormed++
      }
    }
    expect(wellFormed).toBe(5)
  })

  it('encodes well-formed strings exactly like TextEncoder', () => {
    const encoder = new TextEncoder()
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect([...utf8(s)]).toEqual([...encoder.encode(s)])
      }),
      { numRuns: 200 },
    )
  })

  it('always lands in [0, numPartitions)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 1, max: 1000 }), (key, n) => {
        const p = partitionForKey(key, n)
        expect(Number.isInteger(p) && p >= 0 && p < n).toBe(true)
      }),
    )
  })

  it('rejects a non-positive partition count', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError)
    expect(() => partitionForKey('k', -3)).toThrow(RangeError)
  })
})
