/**
 * Replica placement for new topics and partitions in KRaft mode: Kafka's StripedReplicaPlacer.
 *
 * Follows metadata/src/main/java/org/apache/kafka/metadata/placement/StripedReplicaPlacer.java
 * (BrokerList, Rack, RackList, place), OptionalStringComparator.java (rack order: no rack first),
 * and the up-front checks of controller/ReplicationControlManager.java#createTopic.
 *
 * Algorithm (per call, one fresh RackList):
 * - brokers are grouped by rack; each rack keeps a fenced and an unfenced list, each sorted and
 *   given a random start offset (`nextInt(size)`, fenced first, racks in java.util.HashMap order);
 *   rack names are sorted and the rack list gets a random offset (`nextInt(#racks)`);
 * - each partition: the leader is the next unfenced broker of the rack at the rack offset (or of
 *   the first later rack that has one); followers are taken round-robin from the racks starting at
 *   the rack offset, skipping the leader's rack once, unfenced brokers of a rack before its fenced
 *   ones; then the rack offset and the iteration epoch advance by one (a broker list advances its
 *   own offset by one the first time it is read in a new epoch);
 * - after `numUnfencedBrokers` partitions (if more than one), the rack names and every broker list
 *   are `Collections.shuffle`d and the epoch restarts at 0.
 * - optional `existing` (newer trunk, KAFKA-14437): the replicas the topic already has; the start
 *   offsets then continue from the last existing partition instead of being drawn at random.
 *
 * Invariants: every replica list has `replicationFactor` distinct brokers and an unfenced leader;
 * with one rack, fenced brokers appear only when RF exceeds the unfenced count, and each run of
 * `numUnfencedBrokers` consecutive partitions (from the first) has every unfenced broker as leader
 * exactly once. The result depends only on the input and the random draws.
 *
 * Modelling choices: the usable-broker iterator is taken to visit broker ids in the order of a
 * java.util.HashMap<Integer, …> filled in ascending id order (BrokerHeartbeatManager's map; this is
 * ascending for small ids); RF <= 0 and partitions <= 0 are rejected before any random draw, as the
 * controller does before it calls the placer.
 */
import type { RngState } from '../kernel/rng.ts'
import { nextInt } from '../kernel/rng.ts'
import type { JavaRandomLike } from './java.ts'
import { javaHashMapOrder, javaShuffle, javaStringHashCode } from './java.ts'

export type PlacementErrorCode = 'INVALID_REPLICATION_FACTOR' | 'INVALID_PARTITIONS'

const ERROR_NUMBERS: Record<PlacementErrorCode, number> = {
  INVALID_PARTITIONS: 37,
  INVALID_REPLICATION_FACTOR: 38,
}

/** Kafka's InvalidReplicationFactorException / InvalidPartitionsException, with Kafka's message. */
export class PlacementError extends Error {
  readonly code: PlacementErrorCode
  /** Kafka's numeric error code (Errors.java): 37 or 38. */
  readonly errorCode: number

  constructor(code: PlacementErrorCode, message: string) {
    super(message)
    this.name = 'PlacementError'
    this.code = code
    this.errorCode = ERROR_NUMBERS[code]
  }
}

export interface PlacementInput {
  /** Ids of registered, unfenced brokers (not in controlled shutdown). */
  unfenced: readonly number[]
  /** Ids of registered but fenced brokers: used only when unavoidable, never as leader. */
  fenced: readonly number[]
  /** How many partitions to place. */
  partitions: number
  replicationFactor: number
  /** First partition id of the result (PlacementSpec.startPartition); the placer does not use it. */
  startPartition?: number
  /** `broker.rack` per broker id; brokers not listed have no rack. */
  racks?: Readonly<Record<number, string>>
  /** Replica lists the topic already has, in partition order (CreatePartitions); see header. */
  existing?: readonly (readonly number[])[]
}

type RackName = string | null

class BrokerList {
  brokers: number[] = []
  /** Brokers returned in the current epoch. */
  private index = 0
  /** Added to the index, modulo size, to pick the entry. */
  private offset = 0
  /** The last epoch seen; a different one resets index and advances offset. */
  private epoch = 0

  initializeRandom(random: JavaRandomLike): void {
    if (this.brokers.length === 0) return
    this.brokers.sort((a, b) => a - b)
    this.offset = random.nextInt(this.brokers.length)
  }

  initializeAfter(previousOffset: number): void {
    if (this.brokers.length === 0) return
    this.brokers.sort((a, b) => a - b)
    this.offset = (previousOffset + 1) % this.brokers.length
  }

  shuffle(random: JavaRandomLike): void {
    javaShuffle(this.brokers, random)
  }

  /** The next broker in this epoch, or -1 when the list is exhausted for this epoch. */
  next(epoch: number): number {
    const n = this.brokers.length
    if (n === 0) return -1
    if (this.epoch !== epoch) {
      this.epoch = epoch
      this.index = 0
      this.offset = (this.offset + 1) % n
    }
    if (this.index >= n) return -1
    const broker = this.brokers[(this.index + this.offset) % n]!
    this.index++
    return broker
  }
}

class Rack {
  readonly fenced = new BrokerList()
  readonly unfenced = new BrokerList()

  nextUnfenced(epoch: number): number {
    return this.unfenced.next(epoch)
  }

  next(epoch: number): number {
    const result = this.unfenced.next(epoch)
    return result >= 0 ? result : this.fenced.next(epoch)
  }
}

function compareRackNames(a: RackName, b: RackName): number {
  if (a === null) return b === null ? 0 : -1
  if (b === null) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

function rackHashCode(name: RackName): number {
  return name === null ? 0 : javaStringHashCode(name)
}

class RackList {
  private readonly racks = new Map<RackName, Rack>()
  /** Racks in java.util.HashMap<Optional<String>, Rack> iteration order. */
  private readonly racksInHashOrder: Rack[]
  readonly rackNames: RackName[] = []
  readonly numTotalBrokers: number
  readonly numUnfencedBrokers: number
  private epoch = 0
  private offset: number

  constructor(
    private readonly random: JavaRandomLike,
    brokers: readonly { id: number; rack: RackName; fenced: boolean }[],
    existing: readonly (readonly number[])[],
  ) {
    const brokerRack = new Map<number, RackName>()
    let unfencedCount = 0
    for (const broker of brokers) {
      brokerRack.set(broker.id, broker.rack)
      let rack = this.racks.get(broker.rack)
      if (rack === undefined) {
        rack = new Rack()
        this.racks.set(broker.rack, rack)
        this.rackNames.push(broker.rack)
      }
      if (broker.fenced) {
        rack.fenced.brokers.push(broker.id)
      } else {
        unfencedCount++
        rack.unfenced.brokers.push(broker.id)
      }
    }
    const hashOrder = javaHashMapOrder(this.rackNames, rackHashCode)
    this.racksInHashOrder = hashOrder.map((name) => this.racks.get(name)!)
    for (const name of hashOrder) {
      const rack = this.racks.get(name)!
      const previous = previousBrokerOffset(brokerRack, existing, name, rack.unfenced.brokers)
      rack.fenced.initializeRandom(random)
      if (previous === undefined) rack.unfenced.initializeRandom(random)
      else rack.unfenced.initializeAfter(previous)
    }
    this.rackNames.sort(compareRackNames)
    this.numTotalBrokers = brokers.length
    this.numUnfencedBrokers = unfencedCount
    const previousRack = previousRackOffset(brokerRack, existing, this.rackNames)
    if (previousRack !== undefined) this.offset = (previousRack + 1) % this.rackNames.length
    else this.offset = this.rackNames.length === 0 ? 0 : random.nextInt(this.rackNames.length)
  }

  place(replicationFactor: number): number[] {
    checkReplicationFactorPositive(replicationFactor)
    checkEnoughBrokers(replicationFactor, this.numTotalBrokers)
    checkSomeUnfenced(this.numUnfencedBrokers)
    // After as many partitions as there are unfenced brokers, reshuffle to avoid repeating the
    // same assignments (not with a single unfenced broker, which would loop forever).
    if (this.epoch === this.numUnfencedBrokers && this.numUnfencedBrokers > 1) {
      this.shuffle()
      this.epoch = 0
    }
    if (this.offset === this.rackNames.length) this.offset = 0
    const replicas: number[] = []
    let firstRackIndex = this.offset
    for (;;) {
      const leader = this.rackAt(firstRackIndex).nextUnfenced(this.epoch)
      if (leader >= 0) {
        replicas.push(leader)
        break
      }
      firstRackIndex++
      if (firstRackIndex === this.rackNames.length) firstRackIndex = 0
    }
    let rackIndex = this.offset
    for (let replica = 1; replica < replicationFactor; replica++) {
      let result = -1
      do {
        if (rackIndex === firstRackIndex) {
          firstRackIndex = -1
        } else {
          result = this.rackAt(rackIndex).next(this.epoch)
        }
        rackIndex++
        if (rackIndex === this.rackNames.length) rackIndex = 0
      } while (result < 0)
      replicas.push(result)
    }
    this.epoch++
    this.offset++
    return replicas
  }

  private rackAt(index: number): Rack {
    return this.racks.get(this.rackNames[index]!)!
  }

  private shuffle(): void {
    javaShuffle(this.rackNames, this.random)
    for (const rack of this.racksInHashOrder) {
      rack.fenced.shuffle(this.random)
      rack.unfenced.shuffle(this.random)
    }
  }
}

/** The rack index after which the last existing partition's leader sits (KAFKA-14437). */
function previousRackOffset(
  brokerRack: ReadonlyMap<number, RackName>,
  existing: readonly (readonly number[])[],
  rackNames: readonly RackName[],
): number | undefined {
  if (existing.length === 0) return undefined
  const lastLeader = existing[existing.length - 1]![0]
  if (lastLeader === undefined || !brokerRack.has(lastLeader)) return undefined
  const index = rackNames.indexOf(brokerRack.get(lastLeader)!)
  return index === -1 ? undefined : index
}

/**
 * The position, in the rack's unfenced list as the brokers arrived (before sorting), of the most
 * recent existing replica on this rack (KAFKA-14437); undefined when there is none or it is fenced.
 */
function previousBrokerOffset(
  brokerRack: ReadonlyMap<number, RackName>,
  existing: readonly (readonly number[])[],
  rack: RackName,
  unfencedInArrivalOrder: readonly number[],
): number | undefined {
  for (let i = existing.length - 1; i >= 0; i--) {
    for (const broker of existing[i]!) {
      if (!brokerRack.has(broker)) continue
      if (brokerRack.get(broker) === rack) {
        const index = unfencedInArrivalOrder.indexOf(broker)
        return index === -1 ? undefined : index
      }
    }
  }
  return undefined
}

function checkReplicationFactorPositive(replicationFactor: number): void {
  if (replicationFactor <= 0) {
    throw new PlacementError(
      'INVALID_REPLICATION_FACTOR',
      `Invalid replication factor ${replicationFactor}: the replication factor must be positive.`,
    )
  }
}

function checkSomeUnfenced(numUnfenced: number): void {
  if (numUnfenced === 0) {
    throw new PlacementError('INVALID_REPLICATION_FACTOR', 'All brokers are currently fenced.')
  }
}

function checkEnoughBrokers(replicationFactor: number, numTotalBrokers: number): void {
  if (replicationFactor > numTotalBrokers) {
    throw new PlacementError(
      'INVALID_REPLICATION_FACTOR',
      `The target replication factor of ${replicationFactor} cannot be reached because only ` +
        `${numTotalBrokers} broker(s) are registered.`,
    )
  }
}

/**
 * StripedReplicaPlacer#place: one replica list (leader first) per new partition.
 * Throws PlacementError with Kafka's messages; RangeError for malformed input (non-integers,
 * a broker listed twice).
 */
export function placeReplicas(input: PlacementInput, random: JavaRandomLike): number[][] {
  const { partitions, replicationFactor } = input
  if (!Number.isInteger(partitions) || !Number.isInteger(replicationFactor)) {
    throw new RangeError('partitions and replicationFactor must be integers')
  }
  checkReplicationFactorPositive(replicationFactor)
  if (partitions <= 0) {
    throw new PlacementError('INVALID_PARTITIONS', 'Number of partitions was set to an invalid non-positive value.')
  }
  const fenced = new Set<number>()
  const ids: number[] = []
  for (const [list, isFenced] of [[input.unfenced, false], [input.fenced, true]] as const) {
    for (const id of list) {
      if (!Number.isInteger(id) || id < 0) throw new RangeError(`invalid broker id ${id}`)
      if (ids.includes(id)) throw new RangeError(`broker ${id} is listed twice`)
      ids.push(id)
      if (isFenced) fenced.add(id)
    }
  }
  ids.sort((a, b) => a - b)
  const brokers = javaHashMapOrder(ids, (id) => id).map((id) => ({
    id,
    rack: input.racks?.[id] ?? null,
    fenced: fenced.has(id),
  }))
  const rackList = new RackList(random, brokers, input.existing ?? [])
  checkSomeUnfenced(rackList.numUnfencedBrokers)
  checkEnoughBrokers(replicationFactor, rackList.numTotalBrokers)
  const result: number[][] = []
  for (let p = 0; p < partitions; p++) result.push(rackList.place(replicationFactor))
  return result
}

/**
 * The simulator's seeded RNG seen as a java.util.Random for the placer. Draws come from
 * kernel/rng.ts `nextInt`, so the layout is reproducible per seed (it is not Java's sequence;
 * MockRandom in java.ts reproduces Kafka's own tests).
 */
export function rngAdapter(state: RngState): JavaRandomLike {
  return { nextInt: (bound: number) => nextInt(state, bound) }
}

/**
 * Replica placement in ZooKeeper mode (legacy Kafka 3.x): AdminUtils.assignReplicasToBrokersRackUnaware.
 * A random first broker and a random shift; partition p's leader is broker (startIndex + p) mod n and
 * its followers follow at a distance that grows by one every n partitions, so replicas spread evenly.
 * (AdminUtils' rack-aware variant is not modelled: ZooKeeper mode ignores broker.rack here.)
 */
export function assignReplicasRackUnaware(brokers: readonly number[], partitions: number, replicationFactor: number, random: JavaRandomLike): number[][] {
  checkReplicationFactorPositive(replicationFactor)
  if (partitions <= 0) throw new PlacementError('INVALID_PARTITIONS', 'Number of partitions was set to an invalid non-positive value.')
  const ids = [...brokers].sort((a, b) => a - b)
  const n = ids.length
  if (replicationFactor > n) {
    throw new PlacementError('INVALID_REPLICATION_FACTOR', `Replication factor: ${replicationFactor} larger than available brokers: ${n}.`)
  }
  const startIndex = random.nextInt(n)
  let nextReplicaShift = random.nextInt(n)
  const out: number[][] = []
  for (let p = 0; p < partitions; p++) {
    if (p > 0 && p % n === 0) nextReplicaShift += 1
    const first = (p + startIndex) % n
    const replicas = [ids[first]]
    // AdminUtils.replicaIndex: 1 + (shift + j) mod (n - 1) places after the first
    for (let j = 0; j < replicationFactor - 1; j++) replicas.push(ids[(first + 1 + ((nextReplicaShift + j) % (n - 1))) % n])
    out.push(replicas)
  }
  return out
}
