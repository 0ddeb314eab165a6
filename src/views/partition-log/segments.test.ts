// The partition log's storage maths: the drawn offsets reach down to recently deleted segments,
// deleted segments fade by their age (in steps under reduced motion), separators thin out where
// segments are packed, and a batch finds its segment.
import { describe, expect, test } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario, partitionLogs, DELETED_SHOWN_MS, type PartitionLog, type SegmentMark } from '../../../sim/index.ts'
import { activeSegment, deletedOpacity, drawnWindow, formatBytes, segmentAt, segmentEdges, showsLogStart, visibleDeleted } from './segments.ts'

function seg(baseOffset: number, endOffset: number, active = false): SegmentMark {
  return { baseOffset, endOffset, sizeBytes: 1000, largestTimestamp: active && endOffset === baseOffset ? -1 : 5, active }
}

function logWith(start: number, tailFrom: number, end: number, deletedFrom: number[]): PartitionLog {
  const lane = { deleted: deletedFrom.map((from) => ({ from, to: start, atMs: 0, cause: 'retention.ms' as const })) }
  return { start, tailFrom, end, lanes: [lane] } as unknown as PartitionLog
}

describe('drawnWindow', () => {
  test('without deletions it is the partition log’s own window', () => {
    expect(drawnWindow(logWith(100, 900, 1000, []))).toEqual({ start: 100, tailFrom: 900, end: 1000 })
  })
  test('reaches down to the lowest deleted offset and keeps the tail of a compressed log', () => {
    expect(drawnWindow(logWith(1007, 7747, 7847, [0, 500]))).toEqual({ start: 0, tailFrom: 7747, end: 7847 })
  })
  test('a log drawn offset by offset stays linear when deleted offsets join it', () => {
    expect(drawnWindow(logWith(50, 50, 130, [0]))).toEqual({ start: 0, tailFrom: 0, end: 130 })
  })
})

describe('deletedOpacity', () => {
  test('fades from 1 when deleted to 0 after DELETED_SHOWN_MS', () => {
    expect(deletedOpacity(75_000, 75_000, false)).toBe(1)
    expect(deletedOpacity(75_000, 75_000 + DELETED_SHOWN_MS / 2, false)).toBeCloseTo(0.5)
    expect(deletedOpacity(75_000, 75_000 + DELETED_SHOWN_MS, false)).toBe(0)
    expect(deletedOpacity(75_000, 99_000, false)).toBe(0)
  })
  test('under reduced motion it fades in four steps', () => {
    const at = (ms: number) => deletedOpacity(0, ms, true)
    expect([0, 1_000, 3_000, 6_000, 9_000, 10_000].map(at)).toEqual([1, 1, 0.75, 0.5, 0.25, 0])
  })
  test('visibleDeleted keeps only the marks younger than DELETED_SHOWN_MS', () => {
    const marks = [0, 5_000].map((atMs) => ({ from: 0, to: 1, atMs, cause: 'retention.bytes' as const }))
    expect(visibleDeleted(marks, 12_000).map((d) => d.atMs)).toEqual([5_000])
  })
})

describe('segmentEdges', () => {
  const x = (o: number) => o
  test('one separator at each base offset after the first segment', () => {
    expect(segmentEdges([seg(0, 100), seg(100, 200), seg(200, 250, true)], x)).toEqual([
      { offset: 100, x: 100 },
      { offset: 200, x: 200 },
    ])
  })
  test('separators packed closer than the minimum gap are thinned', () => {
    const packed = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => seg(i, i + 1, i === 9))
    expect(segmentEdges(packed, x, 4).map((e) => e.offset)).toEqual([4, 8])
  })
  test('a log of one segment has none', () => {
    expect(segmentEdges([seg(0, 10, true)], x)).toEqual([])
    expect(segmentEdges([], x)).toEqual([])
  })
})

describe('segmentAt and activeSegment', () => {
  const segments = [seg(10, 20), seg(20, 35), seg(35, 35, true)]
  test('finds the segment holding an offset, the empty active one at the log end', () => {
    expect(segmentAt(segments, 10)?.baseOffset).toBe(10)
    expect(segmentAt(segments, 34)?.baseOffset).toBe(20)
    expect(segmentAt(segments, 35)?.baseOffset).toBe(35)
    expect(segmentAt(segments, 9)).toBeNull()
    expect(segmentAt(segments, 36)).toBeNull()
  })
  test('the active segment is the last one', () => {
    expect(activeSegment(segments)?.baseOffset).toBe(35)
    expect(activeSegment([])).toBeNull()
  })
})

test('the log start offset shows once it moved or a segment was deleted', () => {
  expect(showsLogStart(0, [])).toBe(false)
  expect(showsLogStart(1007, [])).toBe(true)
  expect(showsLogStart(0, [{ from: 0, to: 0, atMs: 0, cause: 'logStartOffset' }])).toBe(true)
})

test('formatBytes', () => {
  expect(formatBytes(0)).toBe('0 B')
  expect(formatBytes(812 * 1024 + 100)).toBe('812 KB')
  expect(formatBytes(1048576)).toBe('1.0 MB')
})

test('retention-deletes-segments at 80 s: the deleted first segment is drawn left of the log start', () => {
  const sim = createSimulation(parseScenario(builtInScenarios['retention-deletes-segments']))
  sim.runUntil(80_000)
  const [log] = partitionLogs(sim, 'logs')
  const lane = log.lanes[0]
  expect(lane.deleted.length).toBeGreaterThan(0)
  expect(lane.segments.length).toBeGreaterThan(1)
  const win = drawnWindow(log)
  expect(win.start).toBe(Math.min(...lane.deleted.map((d) => d.from)))
  expect(win.start).toBeLessThan(log.start)
  expect(win.end).toBe(log.end)
  expect(lane.segments[0].baseOffset).toBe(lane.logStartOffset)
})
