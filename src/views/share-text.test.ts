// Share record states in words (KIP-932): AVAILABLE is told apart as new or released (delivered
// again), every drawn kind has words in both languages with Kafka's state name in them, and a
// record's tooltip gives its offset, delivery count (of the limit) and holder.
import { expect, test } from 'vitest'
import { SHARE_CELL_KINDS, SHARE_CELL_TEXT, SHARE_STATES, SHARE_STATE_TEXT, shareCellKind, shareCellTitle } from './share-text.ts'

test('AVAILABLE after a delivery is "released"; the other states map one to one', () => {
  expect(shareCellKind({ state: 'AVAILABLE', deliveries: 0 })).toBe('available')
  expect(shareCellKind({ state: 'AVAILABLE', deliveries: 2 })).toBe('released')
  expect(shareCellKind({ state: 'ACQUIRED', deliveries: 1 })).toBe('acquired')
  expect(shareCellKind({ state: 'ACKNOWLEDGED', deliveries: 1 })).toBe('acknowledged')
  expect(shareCellKind({ state: 'ARCHIVED', deliveries: 5 })).toBe('archived')
})

test('every state and drawn kind has words in both languages, with Kafka’s name', () => {
  for (const kind of SHARE_CELL_KINDS) {
    const state = kind === 'released' ? 'AVAILABLE' : kind.toUpperCase()
    expect(SHARE_CELL_TEXT[kind].en).toContain(state)
    expect(SHARE_CELL_TEXT[kind].ko).toContain(state)
  }
  for (const state of SHARE_STATES) expect(SHARE_STATE_TEXT[state].ko.length).toBeGreaterThan(0)
})

test('a record’s tooltip: offset, delivery count of the limit, holder', () => {
  const title = shareCellTitle('workers', { offset: 42, state: 'ACQUIRED', deliveries: 2, holder: 'workers-3' }, 5)
  expect(title.en).toBe('workers · offset 42 · ACQUIRED: one member holds it, locked · delivery count 2 / 5 · held by workers-3')
  expect(title.ko).toContain('오프셋 42')
  expect(title.ko).toContain('전달 횟수 2 / 5')
  expect(title.ko).toContain('workers-3')
  expect(shareCellTitle('workers', { offset: 7, state: 'ACKNOWLEDGED', deliveries: 1, holder: '' }, null).en).not.toContain('held by')
})
