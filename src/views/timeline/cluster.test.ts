// Dense timeline markers cluster into one marker with a count, per row, so a busy run stays readable.
import { describe, expect, it } from 'vitest'
import { clusterMarkers, tooltipOrder, type MarkerItem } from './cluster.ts'

const item = (atMs: number, category: MarkerItem['category'], scheduled = false): MarkerItem => ({ atMs, category, text: { en: `${category}@${atMs}`, ko: `${category}@${atMs}` }, internal: false, scheduled })
const xOf = (ms: number) => ms / 100 // 1 px per 100 ms

describe('clusterMarkers', () => {
  it('keeps markers apart when they are at least the gap apart', () => {
    const out = clusterMarkers([item(0, 'isr'), item(1000, 'isr'), item(2000, 'isr')], xOf, 10)
    expect(out.map((c) => c.items.length)).toEqual([1, 1, 1])
    expect(out.map((c) => c.x)).toEqual([0, 10, 20])
  })

  it('merges hundreds of close markers into few clusters with counts that add up', () => {
    const many = Array.from({ length: 500 }, (_, i) => item(30_000 + i * 10, 'isr'))
    const out = clusterMarkers(many, xOf, 12)
    expect(out.length).toBeLessThanOrEqual(5)
    expect(out.reduce((n, c) => n + c.items.length, 0)).toBe(500)
    expect(out[0].atMs).toBe(30_000)
    expect(out[0].lastMs).toBeGreaterThan(30_000)
  })

  it('clusters each row on its own (a leader election does not hide an ISR change)', () => {
    const out = clusterMarkers([item(32_157, 'isr'), item(32_157, 'leader'), item(32_157, 'broker')], xOf, 12)
    expect(out.map((c) => c.lane).sort()).toEqual(['controller', 'isr', 'leader'])
  })

  it('shows an UNCLEAN election when it shares a cluster with clean ones', () => {
    const out = clusterMarkers([item(47_000, 'leader'), item(47_002, 'unclean'), item(47_003, 'leader')], xOf, 12)
    expect(out).toHaveLength(1)
    expect(out[0].category).toBe('unclean')
    expect(out[0].items).toHaveLength(3)
  })

  it('keeps scheduled actions apart from those that happened', () => {
    const out = clusterMarkers([item(20_000, 'fault'), item(20_050, 'fault', true)], xOf, 12)
    expect(out).toHaveLength(2)
    expect(out.map((c) => c.scheduled).sort()).toEqual([false, true])
  })

  it('sorts each row by time whatever the input order', () => {
    const out = clusterMarkers([item(5000, 'fault'), item(1000, 'fault')], xOf, 1)
    expect(out.map((c) => c.atMs)).toEqual([1000, 5000])
  })
})

describe('tooltipOrder', () => {
  it('lists an UNCLEAN election first, then user topics before __consumer_offsets (by the internal field, not the text), then by time', () => {
    const text = (en: string): MarkerItem['text'] => ({ en, ko: en })
    const items: MarkerItem[] = [
      { atMs: 47002, category: 'leader', text: text('Partition __consumer_offsets-1: leader 3 → 1, epoch 1, ISR [1,2]'), internal: true, scheduled: false },
      { atMs: 47003, category: 'leader', text: text('Partition orders-0: leader 3 → 1, epoch 1, ISR [1,2]'), internal: false, scheduled: false },
      { atMs: 47002, category: 'unclean', text: text('Partition events-0: leader 3 → 1 (UNCLEAN election), epoch 1, ISR [1]'), internal: false, scheduled: false },
      { atMs: 47001, category: 'leader', text: text('Partition orders-1: leader 3 → 2, epoch 1, ISR [1,2]'), internal: false, scheduled: false },
    ]
    expect(tooltipOrder(items).map((i) => i.text.en.slice(10, 20))).toEqual(['events-0: ', 'orders-1: ', 'orders-0: ', '__consumer'])
    // the order comes from the field: an item marked internal goes last whatever its text says
    const relabelled = items.map((i) => ({ ...i, text: text('x'), internal: i.text.en.includes('__consumer') }))
    expect(tooltipOrder(relabelled).map((i) => i.atMs)).toEqual([47002, 47001, 47003, 47002])
    expect(tooltipOrder(relabelled)[3]!.internal).toBe(true)
  })
})
