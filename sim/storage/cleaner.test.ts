// The log cleaner on hand-built logs: what is cleanable (LogCleanerManager.cleanableOffsets), what a
// cleaning keeps (Cleaner.shouldRetainRecord), tombstones and their delete horizon, regrouping.
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { appendBatch, newReplica, recordCount } from './partition.ts'
import { cleanableRange, cleanLog, needsCleaning } from './cleaner.ts'
import { BATCH_OVERHEAD_BYTES, DEFAULT_LOG_CONFIG, type LogConfig } from './segments.ts'
import { batchesOf } from './batch-log.ts'
import { appendRecordFacts, internKey, newRecordStore, recordKeyId, recordStream, recordValue, type RecordStore } from './records.ts'
import type { LogBatch } from './batch.ts'
import type { Replica } from '../cluster/types.ts'

const MiB = 1048576

function setup(over: Partial<LogConfig> = {}): { r: Replica; store: RecordStore } {
  const r = newReplica('prices', 0, { ...DEFAULT_LOG_CONFIG, cleanupPolicy: 'compact', segmentBytes: MiB, deleteRetentionMs: 10_000, ...over })
  return { r, store: newRecordStore() }
}

/** Append one batch of records (340,000 bytes: three fill a 1 MiB segment): a key each (null: keyless), null values for tombstones. */
function append(r: Replica, store: RecordStore, keys: (string | null)[], ts: number, opts: { bytes?: number; tombstones?: number[] } = {}): LogBatch {
  const s = recordStream(store, 'p', r.tp, 100, 0)
  const firstRecord = s.n
  keys.forEach((k, i) => appendRecordFacts(s, internKey(store, k), ts, opts.tombstones?.includes(i) ? null : 100))
  const b: LogBatch = {
    baseOffset: r.leo,
    count: keys.length,
    partitionLeaderEpoch: 0,
    producer: 'p',
    producerId: -1,
    baseSequence: firstRecord,
    sequence: -1,
    producerEpoch: -1,
    firstTimestamp: ts,
    maxTimestamp: ts,
    timestampType: 'CreateTime',
    appendedMs: ts,
    sizeBytes: (opts.bytes ?? 340_000) - BATCH_OVERHEAD_BYTES,
    firstRecord,
  }
  appendBatch(r, b, ts)
  r.hw = r.leo
  return b
}

/** What a reader of the log sees: [offset, key, value] for every record left. */
function readAll(r: Replica, store: RecordStore): [number, string | null, number | null][] {
  const s = recordStream(store, 'p', r.tp, 100, 0)
  const out: [number, string | null, number | null][] = []
  for (const b of batchesOf(r.log)) {
    const ks = b.retained ?? Array.from({ length: b.count }, (_, k) => k)
    for (const k of ks) {
      const id = recordKeyId(s, b.firstRecord + k)
      out.push([b.baseOffset + k, id < 0 ? null : store.keys[id], recordValue(s, b.firstRecord + k)])
    }
  }
  return out
}

describe('what the cleaner may clean', () => {
  test('never the active segment, never past the HW; the dirty ratio is cleanable / (clean + cleanable)', () => {
    const { r, store } = setup()
    for (let i = 0; i < 7; i++) append(r, store, ['a', 'b'], 1000 * i) // 3 batches per segment
    expect(r.segments.map((s) => s.baseOffset)).toEqual([0, 6, 12])
    const range = cleanableRange(r, 10_000)
    expect(range).toMatchObject({ firstDirtyOffset: 0, firstUncleanableOffset: 12, cleanBytes: 0, ratio: 1 })
    r.hw = 8 // the HW inside the second segment: only the first is cleanable
    expect(cleanableRange(r, 10_000)).toMatchObject({ firstUncleanableOffset: 6, cleanableBytes: 1_020_000 })
  })

  test('min.compaction.lag.ms holds back segments with newer records', () => {
    const { r, store } = setup({ minCompactionLagMs: 5_000 })
    for (let i = 0; i < 7; i++) append(r, store, ['a'], 1000 * i)
    expect(cleanableRange(r, 6_500).firstUncleanableOffset).toBe(0) // the first segment's newest record (2 s) is under 5 s old
    expect(cleanableRange(r, 7_500).firstUncleanableOffset).toBe(3) // the second one's (5 s) still is
    expect(cleanableRange(r, 10_500).firstUncleanableOffset).toBe(6)
  })

  test('a log qualifies above min.cleanable.dirty.ratio, and not again until new dirty segments', () => {
    const { r, store } = setup()
    for (let i = 0; i < 7; i++) append(r, store, ['a', 'b'], 1000 * i)
    const range = cleanableRange(r, 10_000)
    expect(needsCleaning(range, 0.5)).toBe(true)
    cleanLog(r, store, 10_000, range)
    expect(r.cleanOffset).toBe(12)
    expect(needsCleaning(cleanableRange(r, 10_000), 0.5)).toBe(false)
  })
})

describe('a cleaning keeps the latest record of every key', () => {
  test('older records of a key go, offsets keep their gaps, keyless records go, the active segment is left alone', () => {
    const { r, store } = setup()
    append(r, store, ['a', 'b', null], 1000)
    append(r, store, ['a', 'c'], 2000)
    append(r, store, ['b'], 3000)
    append(r, store, ['a'], 4000) // second segment: the active one
    expect(r.segments.map((s) => s.baseOffset)).toEqual([0, 6])
    const c = cleanLog(r, store, 5000, cleanableRange(r, 5000))
    expect(readAll(r, store)).toEqual([
      [3, 'a', 100],
      [4, 'c', 100],
      [5, 'b', 100],
      [6, 'a', 100],
    ])
    expect(c).toMatchObject({ removed: 3, from: 0, to: 6 })
    expect(c.removedRanges).toEqual([['p', 0, 2]])
    expect(r.leo).toBe(7)
    expect(recordCount(r)).toBe(4)
    // the cleaned segment shrank: its size counts the records kept
    expect(r.segments[0].sizeBytes).toBeLessThan(1_020_000)
  })

  test('a tombstone stays until delete.retention.ms after the cleaning that first kept it, then a later cleaning removes it', () => {
    const { r, store } = setup()
    append(r, store, ['a', 'b'], 1000)
    append(r, store, ['a'], 2000, { tombstones: [0] }) // delete a
    append(r, store, ['c'], 3000)
    append(r, store, ['d'], 4000) // rolls: the first segment is cleanable
    cleanLog(r, store, 5000, cleanableRange(r, 5000))
    expect(readAll(r, store).map(([o, k, v]) => `${o}:${k}=${v}`)).toEqual(['1:b=100', '2:a=null', '3:c=100', '4:d=100'])
    const tombstoneBatch = batchesOf(r.log)[1]
    expect(tombstoneBatch.deleteHorizonMs).toBe(15_000)
    // more dirty data, cleaned before the horizon: the tombstone stays
    for (let i = 0; i < 4; i++) append(r, store, ['e'], 6000 + i)
    cleanLog(r, store, 9000, cleanableRange(r, 9000))
    expect(readAll(r, store).some(([, k]) => k === 'a')).toBe(true)
    for (let i = 0; i < 4; i++) append(r, store, ['e'], 16_000 + i)
    const c = cleanLog(r, store, 16_500, cleanableRange(r, 16_500))
    expect(readAll(r, store).some(([, k]) => k === 'a')).toBe(false)
    expect(c.tombstonesRemoved).toBe(1)
  })

  test('cleaned segments are regrouped to fit segment.bytes (by their sizes before the cleaning)', () => {
    const { r, store } = setup()
    for (let i = 0; i < 10; i++) append(r, store, ['k'], 1000 * i)
    expect(r.segments.length).toBe(4)
    const first = cleanLog(r, store, 20_000, cleanableRange(r, 20_000))
    // three full segments cannot share one: they stay three, now nearly empty
    expect([first.segmentsBefore, first.segmentsAfter]).toEqual([3, 3])
    for (let i = 0; i < 3; i++) append(r, store, ['k'], 21_000 + i)
    const second = cleanLog(r, store, 30_000, cleanableRange(r, 30_000))
    // the three cleaned ones (one still holds a 340,000-byte batch) fit in one; the next full one does not join them
    expect([second.segmentsBefore, second.segmentsAfter]).toEqual([4, 2])
    expect(r.segments.map((s) => s.baseOffset)).toEqual([0, 9, 12])
    expect(readAll(r, store)).toEqual([[11, 'k', 100], [12, 'k', 100]])
  })

  test('property: the latest record of every key is never cleaned away, nothing is renumbered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (batches, cleanAt) => {
          const { r, store } = setup()
          const latest = new Map<string, number>()
          let t = 0
          const cleans = new Set(cleanAt.map((x) => x % batches.length))
          batches.forEach((keys, i) => {
            const b = append(r, store, keys, (t += 500), { bytes: 300_000 })
            keys.forEach((k, j) => latest.set(k, b.baseOffset + j))
            if (cleans.has(i)) cleanLog(r, store, t, cleanableRange(r, t))
          })
          const seen = readAll(r, store)
          for (const [k, offset] of latest) expect(seen).toContainEqual([offset, k, 100])
          const offsets = seen.map(([o]) => o)
          expect(offsets).toEqual([...offsets].sort((x, y) => x - y))
          expect(new Set(offsets).size).toBe(offsets.length)
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('a consumer reads a compacted log', () => {
  test('from the earliest offset, over the gaps compaction left, to the end (compaction-latest-per-key)', async () => {
    const { builtInScenarios, createSimulation, parseScenario } = await import('../index.ts')
    const s = parseScenario(builtInScenarios['compaction-latest-per-key'])
    const sim = createSimulation(s)
    sim.runUntil(s.durationMs)
    const summary = sim.summary()
    const hw = summary.partitions.find((p) => p.topic === 'prices')!.highWatermark
    const group = summary.groups.find((g) => g.groupId === 'late-cache')!
    // it started at 120 s from offset 0 of a log whose first ~14,000 offsets were mostly compacted away
    expect(hw).toBeGreaterThan(15_000)
    expect(group.committed['prices-0']).toBeGreaterThan(hw - 1_000)
    // it counts records, not offsets: the compacted part gave it a few records per key
    const member = Object.values(sim.world.members).find((m) => m.groupId === 'late-cache')!
    expect(member.polled).toBeLessThan(group.committed['prices-0'] / 2)
    expect(member.polled).toBeGreaterThan(0)
  })
})

describe('a follower catches up on a compacted log', () => {
  test('over the gaps the leader’s cleaner left while it was down, and rejoins the ISR', async () => {
    const { builtInScenarios, createSimulation, parseScenario } = await import('../index.ts')
    const base = builtInScenarios['compaction-latest-per-key'] as Record<string, unknown>
    const probe = createSimulation(parseScenario(base))
    probe.runUntil(5_000)
    const leader = probe.summary().partitions.find((p) => p.topic === 'prices')!.leader
    const follower = [1, 2, 3].find((b) => b !== leader)!
    const s = parseScenario({
      ...base,
      timeline: [
        { atMs: 10_000, action: 'crashBroker', broker: follower },
        { atMs: 90_000, action: 'restartBroker', broker: follower },
      ],
    })
    const sim = createSimulation(s)
    sim.runUntil(90_000)
    const down = sim.summary().partitions.find((p) => p.topic === 'prices')!
    // the leader cleaned the log past where the follower stopped
    expect(down.records).toBeLessThan(down.highWatermark / 2)
    expect(down.logEndOffsets[String(follower)]).toBeLessThan(down.highWatermark / 4)
    sim.runUntil(150_000)
    const p = sim.summary().partitions.find((x) => x.topic === 'prices')!
    expect(p.isr).toContain(follower)
    expect(p.logEndOffsets[String(follower)]).toBeGreaterThan(p.highWatermark - 200)
  })
})
