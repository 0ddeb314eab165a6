// Replica placement: Kafka's StripedReplicaPlacer, checked against Kafka's own tests and vectors.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { newRng } from '../kernel/rng.ts'
import type { JavaRandomLike } from './java.ts'
import { javaHashMapOrder, javaNextInt, javaShuffle, javaStringHashCode, MockRandom } from './java.ts'
import type { PlacementInput } from './placement.ts'
import { PlacementError, placeReplicas, rngAdapter } from './placement.ts'
import { loadVectors } from './vectors.test-helper.ts'

interface PlacementFile {
  striped_3brokers_6partitions_rf3_MockRandom17: Record<string, number[]>
}

const file = loadVectors<PlacementFile>('placement.json')

/** Counts the draws a placement makes. */
class CountingRandom implements JavaRandomLike {
  calls = 0
  constructor(private readonly inner: JavaRandomLike) {}
  nextInt(bound: number): number {
    this.calls++
    return this.inner.nextInt(bound)
  }
}

const place = (input: PlacementInput) => placeReplicas(input, new MockRandom())

describe("MockRandom and java.util.Random#nextInt (checked against JDK 17 running Kafka's MockRandom)", () => {
  it('gives the same nextInt sequence as Java for bounds 1..12', () => {
    const rnd = new MockRandom()
    const got: number[] = []
    for (let rep = 0; rep < 3; rep++) for (let bound = 1; bound <= 12; bound++) got.push(rnd.nextInt(bound))
    expect(got).toEqual([
      0, 1, 1, 3, 0, 4, 5, 5, 4, 2, 4, 5, 0, 0, 1, 0, 2, 2, 1, 7, 3, 6, 2, 6, 0, 1, 2, 3, 2, 5, 1, 5, 7, 5, 10, 2,
    ])
  })

  it('gives the same next(32) values as Java', () => {
    const rnd = new MockRandom()
    const got = [1, 2, 3, 4, 5].map(() => rnd.next(32))
    expect(got).toEqual([-1553064625, -1379575778, 649309754, -422816401, 874314300])
  })

  it("follows Java's rejection loop for large bounds (1073741825 needs two draws)", () => {
    const rnd = new MockRandom()
    let draws = 0
    const next = (bits: number) => {
      draws++
      return rnd.next(bits)
    }
    const bounds = [1500000000, 2000000000, 2147483647, 1073741825, 1073741824, 3, 1500000000, 2000000001]
    const expected = [1370951335, 1457695759, 324654877, 437157150, 876916040, 2, 1457134632, 272681878]
    const drawsPerCall = [1, 1, 1, 2, 1, 1, 1, 1]
    bounds.forEach((bound, i) => {
      const before = draws
      expect(javaNextInt(next, bound), `bound ${bound}`).toBe(expected[i])
      expect(draws - before, `draws for bound ${bound}`).toBe(drawsPerCall[i])
    })
    expect(() => javaNextInt(next, 0)).toThrow(RangeError)
  })

  it('shuffles like Collections.shuffle(list, new MockRandom())', () => {
    const list = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    javaShuffle(list, new MockRandom())
    expect(list).toEqual([7, 2, 3, 8, 6, 0, 9, 1, 4, 5])
  })

  it('iterates like java.util.HashMap (Optional<String>, String and Integer keys)', () => {
    const racks: (string | null)[] = [
      'rack-a', 'rack-b', 'rack-c', 'us-east-1a', 'us-east-1b', 'us-east-1c', '1', '2', '3', 'eu', 'Aa', 'BB', null,
    ]
    const rackHash = (r: string | null) => (r === null ? 0 : javaStringHashCode(r))
    expect(javaHashMapOrder(racks, rackHash)).toEqual([
      'rack-c', 'Aa', 'BB', null, 'rack-b', 'rack-a', 'eu', '1', '2', '3', 'us-east-1a', 'us-east-1b', 'us-east-1c',
    ])
    const consumers = ['consumer1', 'consumer2', 'consumer3', 'consumer4']
    expect(javaHashMapOrder(consumers, javaStringHashCode)).toEqual(['consumer4', 'consumer3', 'consumer2', 'consumer1'])
    const ints = Array.from({ length: 14 }, (_, i) => 3 * i)
    expect(javaHashMapOrder(ints, (i) => i)).toEqual([0, 33, 3, 36, 6, 39, 9, 12, 15, 18, 21, 24, 27, 30])
    // nine keys in one bucket of a 16-slot table force a resize (HashMap#treeifyBin below 64 slots)
    const colliding = [0, 16, 32, 48, 64, 80, 96, 112, 128, 1, 17]
    expect(javaHashMapOrder(colliding, (i) => i)).toEqual([0, 32, 64, 96, 128, 1, 16, 48, 80, 112, 17])
  })
})

/** placement.json "striped_3brokers_6partitions_rf3_MockRandom17" restated. */
const STRIPED_3_BROKERS: number[][] = [
  [1, 2, 0],
  [2, 0, 1],
  [0, 1, 2],
  [2, 1, 0],
  [1, 0, 2],
  [0, 2, 1],
]

describe('placeReplicas (StripedReplicaPlacer) with MockRandom', () => {
  it('reproduces placement.json: 3 brokers, 6 partitions, RF 3', () => {
    const expected = file
      ? Object.entries(file.striped_3brokers_6partitions_rf3_MockRandom17)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([, replicas]) => replicas)
      : STRIPED_3_BROKERS
    expect(expected.length).toBe(6)
    expect(place({ unfenced: [0, 1, 2], fenced: [], partitions: 6, replicationFactor: 3 })).toEqual(expected)
    expect(expected).toEqual(STRIPED_3_BROKERS)
  })

  it('testAvoidFencedReplicaIfPossibleOnSingleRack: [3,4,0,2] … then the shuffle at partition 4', () => {
    const result = place({ unfenced: [3, 0, 4, 2], fenced: [1], partitions: 5, replicationFactor: 4 })
    expect(result).toEqual([
      [3, 4, 0, 2],
      [4, 0, 2, 3],
      [0, 2, 3, 4],
      [2, 3, 4, 0],
      [0, 4, 3, 2],
    ])
  })

  it('testPlacementOnFencedReplicaOnSingleRack: the fenced broker fills the last slot', () => {
    const result = place({ unfenced: [3, 2], fenced: [1], partitions: 4, replicationFactor: 3 })
    expect(result).toEqual([
      [3, 2, 1],
      [2, 3, 1],
      [3, 2, 1],
      [2, 3, 1],
    ])
  })

  it('testSuccessfulPlacement and testMultiPartitionTopicPlacementOnSingleUnfencedBroker', () => {
    expect(place({ unfenced: [0, 3, 2, 1], fenced: [], partitions: 5, replicationFactor: 3 })).toEqual([
      [2, 3, 0],
      [3, 0, 1],
      [0, 1, 2],
      [1, 2, 3],
      [1, 0, 2],
    ])
    expect(place({ unfenced: [0], fenced: [1], partitions: 3, replicationFactor: 1 })).toEqual([[0], [0], [0]])
  })

  it('testEvenDistribution: 200 partitions, RF 2, 4 brokers', () => {
    const result = place({ unfenced: [0, 1, 2, 3], fenced: [], partitions: 200, replicationFactor: 2 })
    const counts = new Map<string, number>()
    for (const replicas of result) counts.set(replicas.join(','), (counts.get(replicas.join(',')) ?? 0) + 1)
    expect(Object.fromEntries([...counts].sort())).toEqual({
      '0,1': 14, '0,2': 22, '0,3': 14,
      '1,0': 17, '1,2': 17, '1,3': 16,
      '2,0': 13, '2,1': 17, '2,3': 20,
      '3,0': 20, '3,1': 19, '3,2': 11,
    })
  })

  it('testRackListWithMultipleRacks and testRackListWithInvalidRacks (rack-aware)', () => {
    const racks = { 10: '1', 11: '1', 20: '2', 21: '2', 30: '3', 31: '3', 40: '4', 41: '4' }
    expect(place({ unfenced: [11, 10, 30, 31, 21], fenced: [20], partitions: 3, replicationFactor: 4, racks })).toEqual([
      [11, 21, 31, 10],
      [21, 30, 10, 20],
      [31, 11, 21, 30],
    ])
    expect(
      place({ unfenced: [11, 10, 41], fenced: [30, 31, 20, 21, 40], partitions: 3, replicationFactor: 4, racks }),
    ).toEqual([
      [41, 11, 21, 30],
      [10, 20, 31, 41],
      [41, 21, 30, 11],
    ])
  })

  it('draws rack offsets in java.util.HashMap order of the rack names (JDK-checked)', () => {
    // Expected values from JDK 17 running a transcription of Kafka's RackList with MockRandom.
    // HashMap order here is rack-c, rack-b, rack-a (not sorted order), and "Aa"/"BB" share one
    // hash bucket, so their order is insertion order.
    const abc = { 0: 'rack-a', 1: 'rack-b', 2: 'rack-c', 3: 'rack-a', 4: 'rack-b', 5: 'rack-c' }
    expect(place({ unfenced: [0, 1, 2, 3, 5], fenced: [4], partitions: 6, replicationFactor: 3, racks: abc })).toEqual([
      [3, 1, 5], [1, 2, 0], [5, 3, 1], [0, 1, 2], [1, 5, 3], [1, 2, 3],
    ])
    const colliding = { 0: 'BB', 1: 'Aa', 2: 'BB', 3: 'Aa', 5: 'BB' } // broker 4 has no rack
    expect(place({ unfenced: [0, 1, 3, 4, 5], fenced: [2], partitions: 8, replicationFactor: 2, racks: colliding })).toEqual([
      [4, 1], [3, 0], [5, 4], [4, 1], [3, 0], [3, 5], [0, 4], [4, 1],
    ])
  })

  it('testPlaceShiftsInitialOffsets*: new partitions continue from the existing ones', () => {
    const all = Array.from({ length: 12 }, (_, i) => i)
    const first = place({ unfenced: all, fenced: [], partitions: 2, replicationFactor: 3 })
    expect(first).toEqual([[7, 8, 9], [8, 9, 10]])
    const next = place({ unfenced: all, fenced: [], partitions: 2, replicationFactor: 3, startPartition: 2, existing: first })
    expect(next).toEqual([[9, 10, 11], [10, 11, 0]])
    const more = place({ unfenced: all, fenced: [], partitions: 4, replicationFactor: 3, existing: [...first, ...next] })
    expect(more).toEqual([[11, 0, 1], [0, 1, 2], [1, 2, 3], [2, 3, 4]])

    const racks: Record<number, string> = {}
    for (const b of all) racks[b] = String(1 + Math.floor(b / 4))
    const rackFirst = place({ unfenced: all, fenced: [], partitions: 2, replicationFactor: 3, racks })
    expect(rackFirst).toEqual([[6, 8, 2], [9, 3, 7]])
    expect(place({ unfenced: all, fenced: [], partitions: 2, replicationFactor: 3, racks, existing: rackFirst })).toEqual([
      [0, 4, 10],
      [5, 11, 1],
    ])

    const fourRacks = { 0: '1', 1: '2', 2: '3', 3: '4' }
    let latest = place({ unfenced: [0, 1, 2, 3], fenced: [], partitions: 1, replicationFactor: 2, racks: fourRacks })
    const seen = [latest[0]]
    for (let i = 0; i < 3; i++) {
      latest = place({ unfenced: [0, 1, 2, 3], fenced: [], partitions: 1, replicationFactor: 2, racks: fourRacks, existing: latest })
      seen.push(latest[0])
    }
    expect(seen).toEqual([[0, 1], [1, 2], [2, 3], [3, 0]])
  })
})

describe('placeReplicas errors (Kafka messages)', () => {
  const expectError = (input: PlacementInput, code: string, message: string) => {
    let caught: unknown
    try {
      place(input)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(PlacementError)
    const err = caught as PlacementError
    expect(err.code).toBe(code)
    expect(err.errorCode).toBe(code === 'INVALID_PARTITIONS' ? 37 : 38)
    expect(err.message).toBe(message)
  }

  it('rejects RF above the registered broker count (testNotEnoughBrokers)', () => {
    expectError(
      { unfenced: [11, 10], fenced: [], partitions: 1, replicationFactor: 3 },
      'INVALID_REPLICATION_FACTOR',
      'The target replication factor of 3 cannot be reached because only 2 broker(s) are registered.',
    )
    // fenced brokers count as registered
    expect(place({ unfenced: [1], fenced: [2, 3], partitions: 1, replicationFactor: 3 })[0]).toHaveLength(3)
  })

  it('rejects when every broker is fenced, before the RF check (testAllBrokersFenced)', () => {
    expectError(
      { unfenced: [], fenced: [11, 10], partitions: 1, replicationFactor: 1 },
      'INVALID_REPLICATION_FACTOR',
      'All brokers are currently fenced.',
    )
    expectError(
      { unfenced: [], fenced: [0, 1, 2], partitions: 1, replicationFactor: 5 },
      'INVALID_REPLICATION_FACTOR',
      'All brokers are currently fenced.',
    )
    expectError({ unfenced: [], fenced: [], partitions: 1, replicationFactor: 1 }, 'INVALID_REPLICATION_FACTOR', 'All brokers are currently fenced.')
  })

  it('rejects a non-positive RF (testNonPositiveReplicationFactor) and partition count', () => {
    expectError(
      { unfenced: [11, 10], fenced: [], partitions: 1, replicationFactor: 0 },
      'INVALID_REPLICATION_FACTOR',
      'Invalid replication factor 0: the replication factor must be positive.',
    )
    expectError(
      { unfenced: [11, 10], fenced: [], partitions: 1, replicationFactor: -1 },
      'INVALID_REPLICATION_FACTOR',
      'Invalid replication factor -1: the replication factor must be positive.',
    )
    expectError(
      { unfenced: [0, 1], fenced: [], partitions: 0, replicationFactor: 1 },
      'INVALID_PARTITIONS',
      'Number of partitions was set to an invalid non-positive value.',
    )
  })

  it('draws nothing for input the controller rejects up front', () => {
    const rnd = new CountingRandom(new MockRandom())
    expect(() => placeReplicas({ unfenced: [0, 1], fenced: [], partitions: 0, replicationFactor: 1 }, rnd)).toThrow(PlacementError)
    expect(() => placeReplicas({ unfenced: [0, 1], fenced: [], partitions: 1, replicationFactor: 0 }, rnd)).toThrow(PlacementError)
    expect(rnd.calls).toBe(0)
  })

  it('rejects malformed input with RangeError', () => {
    expect(() => place({ unfenced: [0, 1], fenced: [1], partitions: 1, replicationFactor: 1 })).toThrow(RangeError)
    expect(() => place({ unfenced: [0, 1.5], fenced: [], partitions: 1, replicationFactor: 1 })).toThrow(RangeError)
    expect(() => place({ unfenced: [0, 1], fenced: [], partitions: 1.5, replicationFactor: 1 })).toThrow(RangeError)
  })
})

const singleRackCase = fc
  .record({
    unfencedCount: fc.integer({ min: 1, max: 9 }),
    fencedCount: fc.integer({ min: 0, max: 4 }),
    partitions: fc.integer({ min: 1, max: 60 }),
    rfPick: fc.nat(),
    idBase: fc.integer({ min: 0, max: 100 }),
    seed: fc.integer(),
    useMock: fc.boolean(),
  })
  .map((c) => {
    const ids = Array.from({ length: c.unfencedCount + c.fencedCount }, (_, i) => c.idBase + 3 * i)
    // scramble which ids are fenced, deterministically from the seed
    const order = [...ids]
    javaShuffle(order, rngAdapter(newRng(c.seed)))
    return {
      unfenced: order.slice(0, c.unfencedCount),
      fenced: order.slice(c.unfencedCount),
      partitions: c.partitions,
      replicationFactor: 1 + (c.rfPick % ids.length),
      random: c.useMock ? new MockRandom(BigInt(c.seed)) : rngAdapter(newRng(c.seed)),
    }
  })

describe('placeReplicas properties', () => {
  it('single rack: RF distinct brokers, unfenced leaders spread evenly, fenced only when unavoidable', () => {
    fc.assert(
      fc.property(singleRackCase, ({ random, ...input }) => {
        const result = placeReplicas(input, random)
        const unfenced = new Set(input.unfenced)
        const u = input.unfenced.length
        expect(result).toHaveLength(input.partitions)
        const leaderCounts = new Map<number, number>()
        result.forEach((replicas, p) => {
          expect(replicas).toHaveLength(input.replicationFactor)
          expect(new Set(replicas).size).toBe(input.replicationFactor)
          expect(unfenced.has(replicas[0]!)).toBe(true)
          const fencedUsed = replicas.filter((b) => !unfenced.has(b)).length
          expect(fencedUsed).toBe(Math.max(0, input.replicationFactor - u))
          leaderCounts.set(replicas[0]!, (leaderCounts.get(replicas[0]!) ?? 0) + 1)
          // every run of u partitions (from the first) has u different leaders
          if (p % u === u - 1) {
            expect(new Set(result.slice(p - u + 1, p + 1).map((r) => r[0])).size).toBe(u)
          }
        })
        const counts = input.unfenced.map((b) => leaderCounts.get(b) ?? 0)
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
      }),
      { numRuns: 300 },
    )
  })

  it('multi rack: distinct replicas, unfenced leader, as many racks as possible per partition', () => {
    const multiRack = fc.record({
      rackOf: fc.array(fc.constantFrom('a', 'b', 'c', 'rack-1', 'us-east-1d'), { minLength: 1, maxLength: 10 }),
      fencedMask: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
      partitions: fc.integer({ min: 1, max: 40 }),
      rfPick: fc.nat(),
      seed: fc.integer(),
    })
    fc.assert(
      fc.property(multiRack, (c) => {
        const ids = c.rackOf.map((_, i) => i)
        const racks: Record<number, string> = {}
        ids.forEach((id) => (racks[id] = c.rackOf[id]!))
        let unfenced = ids.filter((id) => !c.fencedMask[id])
        if (unfenced.length === 0) unfenced = [0]
        const fenced = ids.filter((id) => !unfenced.includes(id))
        const replicationFactor = 1 + (c.rfPick % ids.length)
        const input = { unfenced, fenced, partitions: c.partitions, replicationFactor, racks }
        const result = placeReplicas(input, rngAdapter(newRng(c.seed)))
        const rackCount = new Set(c.rackOf).size
        for (const replicas of result) {
          expect(new Set(replicas).size).toBe(replicationFactor)
          expect(unfenced).toContain(replicas[0])
          expect(new Set(replicas.map((b) => racks[b])).size).toBe(Math.min(replicationFactor, rackCount))
        }
        // deterministic for a given seed
        expect(placeReplicas(input, rngAdapter(newRng(c.seed)))).toEqual(result)
      }),
      { numRuns: 300 },
    )
  })

  it('rngAdapter draws from the simulator RNG and advances its state', () => {
    const state = newRng('placement')
    const before = { ...state }
    const a = placeReplicas({ unfenced: [1, 2, 3, 4, 5], fenced: [], partitions: 12, replicationFactor: 3 }, rngAdapter(state))
    expect(state).not.toEqual(before)
    const b = placeReplicas({ unfenced: [1, 2, 3, 4, 5], fenced: [], partitions: 12, replicationFactor: 3 }, rngAdapter(newRng('placement')))
    expect(b).toEqual(a)
  })
})
