// Group -> __consumer_offsets partition (Utils.abs(String.hashCode) % partitions), checked against Kafka's examples.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { coordinatorPartitionFor, DEFAULT_OFFSETS_TOPIC_PARTITIONS } from './coordinator.ts'
import { javaAbs, javaStringHashCode } from './java.ts'
import { partitionForKey } from './murmur2.ts'
import { loadVectors } from './vectors.test-helper.ts'

interface Murmur2File {
  group_coordinator_partition: { examples: Record<string, { hashCode: number; partition50: number }> }
}

const file = loadVectors<Murmur2File>('murmur2.json')

/** group id, String.hashCode(), partition of 50 (GroupCoordinatorService#partitionFor). */
const GROUPS: [string, number, number][] = [
  ['my-group', -1906497762, 12],
  ['group-1', 293427299, 49],
  ['test-group', 627841412, 12],
  ['console-consumer-1', 35782224, 24],
  ['orders-service', 23943117, 17],
  ['', 0, 0],
]

/** Non-ASCII ids and ids hashing to Integer.MIN_VALUE, checked against JDK 17's String.hashCode. */
const JDK_CHECKED: [string, number, number][] = [
  ['주문-1', 1578866784, 34],
  ['한국어', 53916739, 39],
  ['고객-42', -765661426, 26],
  ['😀', 1772899, 49],
  ['polygenelubricants', -2147483648, 0],
  ['GydZG_', -2147483648, 0],
  ['DESIGNING WORKHOUSES', -2147483648, 0],
]

describe('coordinatorPartitionFor (Utils.abs(groupId.hashCode()) % 50)', () => {
  it('reproduces the group -> __consumer_offsets partition examples', () => {
    const cases: [string, number, number][] = file
      ? Object.entries(file.group_coordinator_partition.examples).map(([g, e]) => [g, e.hashCode, e.partition50])
      : GROUPS
    expect(cases.length).toBeGreaterThanOrEqual(6)
    for (const [group, hash, partition] of cases) {
      expect(javaStringHashCode(group), group).toBe(hash)
      expect(coordinatorPartitionFor(group), group).toBe(partition)
      expect(coordinatorPartitionFor(group, 50), group).toBe(partition)
    }
  })

  it('agrees with the restated table', () => {
    for (const [group, hash, partition] of GROUPS) {
      expect(javaStringHashCode(group)).toBe(hash)
      expect(coordinatorPartitionFor(group)).toBe(partition)
      if (file) expect(file.group_coordinator_partition.examples[group]).toEqual({ hashCode: hash, partition50: partition })
    }
  })

  it('hashes UTF-16 code units and maps Integer.MIN_VALUE to partition 0', () => {
    for (const [group, hash, partition] of JDK_CHECKED) {
      expect(javaStringHashCode(group), group).toBe(hash)
      expect(coordinatorPartitionFor(group), group).toBe(partition)
    }
    expect(javaAbs(-2147483648)).toBe(0)
    expect(Math.abs(-2147483648) % 50).toBe(48) // what a naive port would answer
    expect(javaAbs(-5)).toBe(5)
    expect(javaAbs(7)).toBe(7)
  })

  it('is not the producer hash: my-group differs under murmur2', () => {
    expect(DEFAULT_OFFSETS_TOPIC_PARTITIONS).toBe(50)
    expect(partitionForKey('my-group', 50)).not.toBe(coordinatorPartitionFor('my-group'))
  })

  it('matches the definition h = 31*h + c and stays in range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 500 }), (s, n) => {
        let h = 0n
        for (let i = 0; i < s.length; i++) h = BigInt.asIntN(32, 31n * h + BigInt(s.charCodeAt(i)))
        expect(javaStringHashCode(s)).toBe(Number(h))
        const p = coordinatorPartitionFor(s, n)
        expect(Number.isInteger(p) && p >= 0 && p < n).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('rejects a non-positive partition count', () => {
    expect(() => coordinatorPartitionFor('g', 0)).toThrow(RangeError)
  })
})
