/**
 * Reading a partition from an offset as kafka-console-consumer does: every record up to the high
 * watermark with its key and timestamp; on a compacted topic the offsets jump over what the
 * cleaner removed, and a tombstone shows as a null value.
 */
import { describe, expect, test } from 'vitest'
import { builtInScenarios, createSimulation, logRecords, parseScenario } from '../index.ts'

describe('logRecords', () => {
  test('an uncompacted log: consecutive offsets from the log start to the high watermark, CreateTime in offset order per producer', () => {
    const sim = createSimulation(parseScenario(builtInScenarios['replay-by-reset-offsets']))
    sim.runUntil(20_000)
    const p = sim.summary().partitions.find((x) => x.topic === 'orders' && x.partition === 0)!
    const records = logRecords(sim, 'orders-0')!
    expect(records.map((r) => r.offset)).toEqual(Array.from({ length: p.highWatermark }, (_, i) => i))
    expect(records.every((r) => r.key !== null && /^key-\d+$/.test(r.key) && !r.tombstone)).toBe(true)
    for (let i = 1; i < records.length; i++) expect(records[i].timestamp).toBeGreaterThanOrEqual(records[i - 1].timestamp)
    expect(records.every((r) => r.timestamp <= 20_000)).toBe(true)
    // from an offset, at most a number of records
    expect(logRecords(sim, 'orders-0', { fromOffset: 50, maxRecords: 3 })!.map((r) => r.offset)).toEqual([50, 51, 52])
    expect(logRecords(sim, 'nope-0')).toBeNull()
  })

  test('a compacted log: gaps where the cleaner removed records, the tombstone until its delete horizon', () => {
    const sim = createSimulation(parseScenario(builtInScenarios.tombstones))
    sim.runUntil(60_500)
    const cleaned = logRecords(sim, 'users-0')!.filter((r) => r.offset < 2829)
    expect(cleaned.map((r) => [r.offset, r.key, r.tombstone])).toEqual([
      [2146, 'user-9', true],
      [2825, 'user-4', false],
      [2826, 'user-1', false],
      [2827, 'user-2', false],
      [2828, 'user-3', false],
    ])
    // a read from an offset in a gap starts at the next record still there
    expect(logRecords(sim, 'users-0', { fromOffset: 0, maxRecords: 1 })![0].offset).toBe(2146)
    expect(logRecords(sim, 'users-0', { fromOffset: 2147, maxRecords: 1 })![0].offset).toBe(2825)
    sim.runUntil(90_500)
    expect(logRecords(sim, 'users-0')!.some((r) => r.key === 'user-9')).toBe(false)
  })
})
