// The consumer-group checkers' anomalies: each names its partition (tp) and carries the facts its
// sentence states, so the app can word it in each language.
import { describe, expect, it } from 'vitest'
import { columnOf } from '../history/int-column.ts'
import { checkGroups } from './group-checkers.ts'
import { newHistory, type History } from '../history/history.ts'
import type { GroupHistoryEvent } from '../history/group-history.ts'

function read(h: History, reader: string, tp: string, polls: [number, number, number][]): void {
  h.reads[`${reader}|${tp}`] = {
    reader,
    tp,
    n: polls.length,
    from: columnOf(polls.map((p) => p[0])),
    to: columnOf(polls.map((p) => p[1])),
    atMs: columnOf(polls.map((p) => p[2])),
    resets: [],
  }
}

const assigned = (atMs: number, member: string, tps: string[], protocol: 'classic' | 'consumer' = 'classic'): GroupHistoryEvent => ({ kind: 'assigned', atMs, groupId: 'billing', protocol, member, memberId: `${member}-id`, generation: 1, tps, added: tps })
const revoked = (atMs: number, member: string, tps: string[], lost = false): GroupHistoryEvent => ({ kind: 'revoked', atMs, groupId: 'billing', protocol: 'consumer', member, memberId: `${member}-id`, generation: 1, tps, lost })
const committed = (atMs: number, member: string, generation: number, offsets: Record<string, number>): GroupHistoryEvent => ({ kind: 'committed', atMs, groupId: 'billing', member, memberId: `${member}-id`, generation, offsets })

function history(events: GroupHistoryEvent[]): History {
  const h = newHistory() as History & { groups?: GroupHistoryEvent[] }
  h.groups = events
  return h
}

describe('group checkers', () => {
  it('KIP-848: a partition given to a member while another still owns it', () => {
    const found = checkGroups(history([assigned(1000, 'billing-1', ['orders-0', 'orders-1'], 'consumer'), assigned(2000, 'billing-2', ['orders-1'], 'consumer')]))
    expect(found.partitionsOwnedTwice).toEqual([
      {
        kind: 'partitionOwnedTwice',
        atMs: 2000,
        detail: 'group billing: orders-1 given to billing-2 at 2000 ms while billing-1, its owner since 1000 ms, had not given it up',
        tp: 'orders-1',
        facts: { kind: 'partitionOwnedTwice', groupId: 'billing', first: { who: 'billing-1', atMs: 1000 }, second: { who: 'billing-2', atMs: 2000 } },
      },
    ])
  })

  it('KIP-848: a partition revoked, or lost with its crashed owner, may go to another member', () => {
    const handedOver = [assigned(1000, 'billing-1', ['orders-0', 'orders-1'], 'consumer'), revoked(1900, 'billing-1', ['orders-1']), assigned(2000, 'billing-2', ['orders-1'], 'consumer')]
    const crashed = [assigned(1000, 'billing-1', ['orders-0'], 'consumer'), revoked(5000, 'billing-1', ['orders-0'], true), assigned(50000, 'billing-2', ['orders-0'], 'consumer')]
    expect(checkGroups(history(handedOver)).partitionsOwnedTwice).toEqual([])
    expect(checkGroups(history(crashed)).partitionsOwnedTwice).toEqual([])
  })

  it('classic groups are not checked for it: a member that ran out of max.poll.interval.ms still owns its partitions until its next poll', () => {
    expect(checkGroups(history([assigned(1000, 'billing-1', ['orders-0']), assigned(2000, 'billing-2', ['orders-0'])])).partitionsOwnedTwice).toEqual([])
  })

  it('a commit below an earlier one of the same generation', () => {
    const found = checkGroups(history([committed(1000, 'billing-1', 3, { 'my-topic-0': 100 }), committed(2000, 'billing-2', 3, { 'my-topic-0': 80 })]))
    expect(found.committedBackwards).toEqual([
      {
        kind: 'committedBackwards',
        atMs: 2000,
        detail: 'group billing: billing-2 committed my-topic-0 offset 80 at 2000 ms in generation 3, below 100 committed earlier in that generation',
        tp: 'my-topic-0',
        facts: { kind: 'committedBackwards', groupId: 'billing', member: 'billing-2', offset: 80, atMs: 2000, generation: 3, previous: 100 },
      },
    ])
  })

  it('offsets below the committed one that no member read', () => {
    const h = history([assigned(0, 'billing-1', ['orders-0']), committed(5000, 'billing-1', 1, { 'orders-0': 30 })])
    read(h, 'billing-1', 'orders-0', [[0, 10, 1000], [20, 30, 2000]])
    expect(checkGroups(h).skippedRecords).toEqual([
      {
        kind: 'skippedRecords',
        atMs: 5000,
        detail: 'group billing: orders-0 offsets 10..19 were never read by any member, yet the group committed 30',
        tp: 'orders-0',
        facts: { kind: 'skippedRecords', groupId: 'billing', from: 10, to: 19, committed: 30 },
      },
    ])
  })

  it('two members reading one partition at once', () => {
    const h = history([assigned(0, 'billing-1', ['orders-0']), assigned(0, 'billing-2', ['orders-0'])])
    read(h, 'billing-1', 'orders-0', [[0, 10, 100], [20, 30, 300]])
    read(h, 'billing-2', 'orders-0', [[10, 20, 200]])
    expect(checkGroups(h).concurrentConsumers).toEqual([
      {
        kind: 'concurrentConsumers',
        atMs: 300,
        detail: 'group billing: orders-0 read by billing-2 at 200 ms and by billing-1 at 300 ms, which had read it before (100 ms) and was not assigned it again',
        tp: 'orders-0',
        facts: { kind: 'concurrentConsumers', groupId: 'billing', first: { who: 'billing-2', atMs: 200 }, second: { who: 'billing-1', atMs: 300 }, previousMs: 100 },
      },
    ])
  })
})
