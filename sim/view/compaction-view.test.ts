/**
 * The partition log's compaction layer against whole runs: on a compacted topic every record cell
 * carries its key and a colour fixed by the key, the cleaned part keeps the latest record of each
 * key at its old offset (gaps before it), and the latest cleaning shows what it removed, within
 * CLEANED_SHOWN_MS, agreeing with the LogCleaned event; tombstones are marked and, past their
 * delete horizon, go. Topics with cleanup.policy=delete have no compaction layer.
 */
import { describe, expect, test } from 'vitest'
import { createSimulation, parseScenario, type Simulation } from '../index.ts'
import { builtInScenarios } from '../scenario/builtins.ts'
import { internKey } from '../storage/records.ts'
import { buildPartitionLogs, type ReplicaLane } from './partition-log.ts'
import { CLEANED_SHOWN_MS, KEY_COLOUR_COUNT, MAX_REMOVED_BANDS, type LaneCompaction, type RecordCell } from './compaction-view.ts'

function run(scenario: unknown, untilMs: number): Simulation {
  const sim = createSimulation(parseScenario(scenario))
  sim.runUntil(untilMs)
  return sim
}

function lanesAt(sim: Simulation): ReplicaLane[] {
  const [log] = buildPartitionLogs(sim.world)
  expect(log.compacted).toBe(true)
  return log.lanes
}

const SYMBOLS = ['AAPL', 'MSFT', 'GOOG', 'AMZN', 'TSLA', 'NVDA']
/** The first cleaning of compaction-latest-per-key, at 15 s: offsets 0–1010, 1005 records removed. */
const FIRST_PASS = { atMs: 15_000, from: 0, to: 1011, removed: 1005 }

/** Every cell's colour is its key's interned id modulo KEY_COLOUR_COUNT. */
function expectKeyColours(sim: Simulation, cells: readonly RecordCell[]): void {
  for (const c of cells) {
    expect(c.key).not.toBeNull()
    expect(c.colour).toBe(internKey(sim.world.records, c.key!) % KEY_COLOUR_COUNT)
  }
}

describe('compaction-latest-per-key', () => {
  const sim = run(builtInScenarios['compaction-latest-per-key'], 15_300)
  const lanes = lanesAt(sim)

  test('every cell of the drawn tail has its key and the key’s colour; six keys, six colours', () => {
    const [log] = buildPartitionLogs(sim.world)
    for (const lane of lanes) {
      const c = lane.compaction!
      const tail = c.cells.filter((x) => x.offset >= log.tailFrom)
      // the tail holds every offset [tailFrom, LEO): the cleaner never touches the active segment
      expect(tail.map((x) => x.offset)).toEqual(Array.from({ length: lane.logEndOffset - log.tailFrom }, (_, i) => log.tailFrom + i))
      expectKeyColours(sim, c.cells)
      expect(new Set(tail.map((x) => x.key))).toEqual(new Set(SYMBOLS))
      expect(new Set(tail.map((x) => x.colour)).size).toBe(6)
      // the producer writes the six symbols in turn
      for (let i = 6; i < tail.length; i++) expect(tail[i].key).toBe(tail[i - 6].key)
      expect(tail.every((x) => !x.tombstone && x.timestamp > 0 && x.timestamp <= 15_300)).toBe(true)
    }
  })

  test('after the first cleaning the cleaned part keeps the latest record of each key, at its old offset', () => {
    for (const lane of lanes) {
      const c = lane.compaction!
      expect(c.cleanedTo).toBe(FIRST_PASS.to)
      expect(c.keptTo).toBe(FIRST_PASS.to)
      // offsets 0–1004 are a gap; 1005–1010 hold one record of each symbol
      expect(c.kept).toEqual([{ from: 1005, to: 1011 }])
      const kept = c.cells.filter((x) => x.offset < c.keptTo)
      expect(kept.map((x) => x.offset)).toEqual([1005, 1006, 1007, 1008, 1009, 1010])
      expect(new Set(kept.map((x) => x.key))).toEqual(new Set(SYMBOLS))
      // and the epoch runs cover only the part the cleaner has not reached
      expect(lane.runs[0].from).toBe(FIRST_PASS.to)
    }
  })

  test('the latest cleaning: its range and what it removed, as the LogCleaned event says', () => {
    const event = sim.world.notes.find((n) => n.type === 'LogCleaned')
    expect(event).toMatchObject({ atMs: FIRST_PASS.atMs, from: FIRST_PASS.from, to: FIRST_PASS.to, removed: FIRST_PASS.removed, tombstonesRemoved: 0 })
    for (const lane of lanes) {
      const pass = lane.compaction!.pass!
      expect(pass).toMatchObject({ ...FIRST_PASS, tombstones: 0 })
      // nothing removed in the tail (the active segment); below it, bands of every removed record, by offset
      expect(pass.cells).toEqual([])
      expect(pass.bands.length).toBe(MAX_REMOVED_BANDS)
      expect(pass.bands.reduce((n, b) => n + b.count, 0)).toBe(FIRST_PASS.removed)
      expect(pass.bands[0].from).toBe(0)
      expect(pass.bands[pass.bands.length - 1].to).toBe(1005)
      for (const [i, b] of pass.bands.entries()) {
        expect(b.from).toBeLessThan(b.to)
        if (i > 0) expect(b.from).toBeGreaterThanOrEqual(pass.bands[i - 1].to)
        expect(b.colour).toBe(internKey(sim.world.records, b.key!) % KEY_COLOUR_COUNT)
        // about 21 records of the six symbols in turn: every band holds them all
        expect(b.keys).toHaveLength(4)
        expect(b.moreKeys).toBe(true)
        expect(b.keys[0]).toBe(b.key)
      }
      // the sampled keys change from band to band, as the records' keys did
      expect(new Set(pass.bands.map((b) => b.key)).size).toBe(6)
    }
  })

  test('a cleaning shows for CLEANED_SHOWN_MS; the next one replaces it', () => {
    const later = run(builtInScenarios['compaction-latest-per-key'], FIRST_PASS.atMs + CLEANED_SHOWN_MS + 100)
    for (const lane of lanesAt(later)) {
      expect(lane.compaction!.pass).toBeNull()
      // the survivors stay
      expect(lane.compaction!.kept).toEqual([{ from: 1005, to: 1011 }])
    }
    later.runUntil(30_500)
    for (const lane of lanesAt(later)) {
      const c = lane.compaction!
      expect(c.pass).toMatchObject({ atMs: 30_000, from: 0, to: 2526, removed: 1515 })
      expect(c.kept).toEqual([{ from: 2520, to: 2526 }])
    }
  })

  test('building the view is deterministic and leaves the run unchanged', () => {
    const a = run(builtInScenarios['compaction-latest-per-key'], 15_300)
    const b = run(builtInScenarios['compaction-latest-per-key'], 15_300)
    expect(buildPartitionLogs(a.world)).toEqual(buildPartitionLogs(a.world))
    a.runUntil(31_000)
    buildPartitionLogs(a.world)
    b.runUntil(31_000)
    expect(a.traceHash()).toBe(b.traceHash())
  })
})

describe('tombstones', () => {
  const userNine = (c: LaneCompaction) => c.cells.filter((x) => x.key === 'user-9')

  test('the tombstone the cleaner keeps is marked, alone for its key', () => {
    const sim = run(builtInScenarios.tombstones, 61_000)
    for (const lane of lanesAt(sim)) {
      const c = lane.compaction!
      const nine = userNine(c)
      expect(nine).toHaveLength(1)
      expect(nine[0].tombstone).toBe(true)
      expect(nine[0].offset).toBeLessThan(c.cleanedTo)
      expectKeyColours(sim, c.cells)
      expect(c.cells.filter((x) => x.tombstone)).toHaveLength(1)
      // the cleaned part: the tombstone, a gap, the four users' latest records
      expect(c.kept).toHaveLength(2)
      expect(c.kept[0]).toEqual({ from: nine[0].offset, to: nine[0].offset + 1 })
      expect(c.kept[1].to - c.kept[1].from).toBe(4)
    }
  })

  test('past its delete horizon a cleaning removes the tombstone too', () => {
    const sim = run(builtInScenarios.tombstones, 91_000)
    for (const lane of lanesAt(sim)) {
      const c = lane.compaction!
      expect(userNine(c)).toEqual([])
      expect(c.pass).toMatchObject({ atMs: 90_000, tombstones: 1 })
      // what the cleaned part keeps (reaching into the drawn tail): the four users' latest records
      const kept = c.cells.filter((x) => x.offset < c.cleanedTo)
      expect(kept.map((x) => x.key).sort()).toEqual(['user-1', 'user-2', 'user-3', 'user-4'])
      expect(kept.every((x) => !x.tombstone)).toBe(true)
    }
  })
})

test('in a log short enough to be drawn offset by offset, the removed records are cells at their offsets', () => {
  const sim = run(
    {
      name: 'small compacted log',
      seed: 7,
      durationMs: 30_000,
      cluster: { brokers: 3 },
      topics: [{ name: 'cfg', partitions: 1, replicationFactor: 3, config: { 'cleanup.policy': 'compact', 'segment.bytes': 1048576, 'min.insync.replicas': 2 } }],
      producers: [{ id: 'app', topic: 'cfg', recordsPerSec: 4, keys: { kind: 'list', values: ['a', 'b', 'c'] }, valueBytes: 200_000, config: { acks: 'all' } }],
    },
    16_000,
  )
  for (const lane of lanesAt(sim)) {
    const c = lane.compaction!
    const pass = c.pass!
    expect(pass.bands).toEqual([])
    expect(pass.cells).toHaveLength(pass.removed)
    expectKeyColours(sim, pass.cells)
    // before and after: every offset below the checkpoint is either removed or kept, never both
    const removed = new Set(pass.cells.map((x) => x.offset))
    const kept = c.cells.filter((x) => x.offset < pass.to)
    expect(kept.map((x) => x.key).sort()).toEqual(['a', 'b', 'c'])
    for (const x of kept) expect(removed.has(x.offset)).toBe(false)
    expect(removed.size + kept.length).toBe(pass.to - pass.from)
    // each kept record is its key's latest below the checkpoint
    for (const x of kept) expect(pass.cells.every((r) => r.key !== x.key || r.offset < x.offset)).toBe(true)
  }
})

test('a topic with cleanup.policy=delete has no compaction layer', () => {
  const sim = run(builtInScenarios['leader-failover'], 20_000)
  for (const log of buildPartitionLogs(sim.world)) {
    expect(log.compacted).toBe(false)
    expect(log.lanes.every((l) => l.compaction === null)).toBe(true)
  }
})
