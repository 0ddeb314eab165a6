// The partition log's share rows (KIP-932): the row's words name the window and the non-zero counts
// by Kafka's state, a record released or whose lock ran out is drawn apart from a new one, cells sit
// on the row's offset scale; on share-group-queue the drawn window matches the groups panel's card.
import { scaleLinear } from 'd3-scale'
import { expect, test } from 'vitest'
import { builtInScenarios, clusterView, createSimulation, parseScenario, partitionLogs, type ShareWindowMark } from '../../../sim/index.ts'
import { cellBox, placeRowText, shareKindCounts, shareRowParts, shareRowText } from './share-window.ts'

const mark: ShareWindowMark = {
  groupId: 'workers',
  startOffset: 10,
  endOffset: 14,
  cells: [
    { offset: 10, state: 'ACQUIRED', deliveries: 2, holder: 'workers-1' },
    { offset: 11, state: 'ACKNOWLEDGED', deliveries: 1, holder: '' },
    { offset: 12, state: 'AVAILABLE', deliveries: 1, holder: '' },
    { offset: 13, state: 'ARCHIVED', deliveries: 5, holder: '' },
    { offset: 14, state: 'AVAILABLE', deliveries: 0, holder: '' },
  ],
}

test('the row names SPSO, SPEO and the non-zero counts by state', () => {
  expect(shareRowText(mark)).toBe('SPSO 10 · SPEO 14 · ACQUIRED 1 · AVAILABLE 2 · ARCHIVED 1 · ACKNOWLEDGED 1')
  expect(shareRowText({ groupId: 'workers', startOffset: 141, endOffset: 140, cells: [] })).toBe('SPSO 141 · SPEO -')
})

test('the words go left of the window, else right, else as many leading pieces as fit; none when SPSO does not fit', () => {
  const parts = shareRowParts(mark)
  const width = (text: string) => text.length * 6
  const full = parts.join(' · ')
  expect(placeRowText(parts, 500, 520, 0, 600, width)).toEqual({ text: full, x: 494, anchor: 'end' })
  expect(placeRowText(parts, 20, 40, 0, 600, width)).toEqual({ text: full, x: 46, anchor: 'start' })
  // 160 px on the left, 40 on the right: "SPSO 10 · SPEO 14" (17 characters, 102 px) fits, one more piece does not
  expect(placeRowText(parts, 166, 560, 0, 606, width)).toEqual({ text: 'SPSO 10 · SPEO 14', x: 160, anchor: 'end' })
  expect(placeRowText(parts, 30, 580, 0, 600, width)).toBeNull()
})

test('a released record (AVAILABLE after a delivery) is drawn apart from a new one', () => {
  expect(shareKindCounts(mark)).toEqual({ available: 1, released: 1, acquired: 1, acknowledged: 1, archived: 1 })
})

test('cells follow the offset scale, with a gap once wide enough', () => {
  const x = scaleLinear().domain([0, 100]).range([0, 500])
  expect(cellBox(10, x)).toEqual({ x: 50, width: 4 })
  const narrow = scaleLinear().domain([0, 1000]).range([0, 500])
  expect(cellBox(10, narrow)).toEqual({ x: 5, width: 1 })
})

test('share-group-queue: each partition a share group reads carries its window, the same as the group card', () => {
  const sim = createSimulation(parseScenario(structuredClone(builtInScenarios['share-group-queue'])))
  sim.runUntil(60_000)
  const card = clusterView(sim).shareGroups.find((g) => g.groupId === 'workers')!
  const logs = partitionLogs(sim, 'jobs')
  expect(logs.length).toBeGreaterThan(0)
  for (const log of logs) {
    const row = card.partitions.find((p) => p.tp === log.tp)!
    expect(log.shares.map((s) => s.groupId)).toEqual(['workers'])
    const w = log.shares[0]
    expect([w.startOffset, w.endOffset]).toEqual([row.startOffset, row.endOffset])
    const size = Math.max(0, w.endOffset - w.startOffset + 1)
    expect(w.cells.length).toBe(Math.min(size, 200))
    if (size <= 200) {
      const c = shareKindCounts(w)
      expect(c.acquired).toBe(row.counts.ACQUIRED)
      expect(c.available + c.released).toBe(row.counts.AVAILABLE)
      expect(c.acknowledged).toBe(row.counts.ACKNOWLEDGED)
      expect(c.archived).toBe(row.counts.ARCHIVED)
    }
    for (const cell of w.cells) expect(cell.holder !== '').toBe(cell.state === 'ACQUIRED')
  }
})
