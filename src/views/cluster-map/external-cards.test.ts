// Real clients of kafkascope serve on the map: where each connection shows (a Kafka client opens one
// per broker), and every text about them in both languages.
import { describe, expect, it } from 'vitest'
import type { ExternalClientCard } from '../../../sim/index.ts'
import { externalLabel, externalLayout, X } from './ExternalCards.tsx'
import { S } from '../ServeBar.tsx'
import { T } from '../../host/serve-link.ts'
import type { Text } from '../../i18n.ts'

const conn = (id: string, over: Partial<ExternalClientCard> = {}): ExternalClientCard => ({ id, clientId: 'kafkajs', connected: true, produced: 0, fetched: 0, groupId: null, member: null, ...over })

describe('real clients on the map', () => {
  it('shows producing connections as producers, a group member with what its client fetched elsewhere, plain fetchers as consumers, and counts the rest', () => {
    const member = { memberId: 'app-2b7c', groupState: 'Stable', generation: 1, assignment: ['orders-0', 'orders-1'] }
    const layout = externalLayout([
      conn('ext-1'), // metadata only
      conn('ext-2', { produced: 5 }),
      conn('ext-3', { clientId: 'app', groupId: 'billing', member }),
      conn('ext-4', { clientId: 'app', fetched: 3 }),
      conn('ext-5', { clientId: 'kcat', fetched: 7 }),
      conn('ext-6', { clientId: 'app', groupId: 'billing', connected: false }), // reset before it joined
      conn('ext-7', { connected: false }),
    ])
    expect(layout.producers.map((c) => c.id)).toEqual(['ext-2'])
    expect(layout.groups).toEqual([{ groupId: 'billing', members: [{ client: conn('ext-3', { clientId: 'app', groupId: 'billing', member }), fetched: 3 }] }])
    expect(layout.readers.map((c) => c.id)).toEqual(['ext-5'])
    expect(layout.others).toBe(1)
    expect(externalLabel(conn('ext-9'))).toBe('kafkajs · ext-9')
    expect(externalLabel(conn('ext-9', { clientId: null }))).toBe('ext-9')
  })

  it('says everything about serve and real clients in English and Korean', () => {
    const texts: Text[] = []
    for (const table of [X, S, T] as Record<string, unknown>[]) {
      for (const v of Object.values(table)) texts.push(typeof v === 'function' ? (v as (...a: unknown[]) => Text)('ws://127.0.0.1:9091', 2_000) : (v as Text))
    }
    for (const t of texts) {
      expect(t.en.trim()).not.toBe('')
      expect(t.ko.trim()).not.toBe('')
      expect(t.ko).toMatch(/[가-힣]/)
    }
  })
})
