/**
 * KIP-320 (SubscriptionState.maybeValidatePositionForCurrentLeader, OffsetFetcherUtils): after an
 * unclean election the plain consumer's position is past the new leader's log; it validates its
 * position with OffsetForLeaderEpoch and goes back to the end offset of its position's epoch on the
 * new leader ("Truncation detected"), instead of OFFSET_OUT_OF_RANGE and auto.offset.reset=earliest.
 */
import { describe, expect, test } from 'vitest'
import { getInt } from '../history/int-column.ts'
import { createSimulation, parseScenario } from '../index.ts'
import { builtInScenarios } from '../scenario/builtins.ts'

describe('consumer position validation (KIP-320)', () => {
  test('unclean-election-data-loss: the reader goes back to the end offset of its epoch, not to earliest', () => {
    const s = parseScenario(structuredClone(builtInScenarios['unclean-election-data-loss']))
    const sim = createSimulation(s)
    const w = sim.world
    sim.runUntil(s.durationMs)
    const election = w.history.leaderChanges.find((c) => c.unclean)!
    expect(election).toBeDefined()
    const newLeader = w.brokers[election.leader].replicas['events-0']
    // where epoch 0 ends on the new leader: the start of the epoch it got in the unclean election
    const epochEnd = newLeader.epochs.find((e) => e.epoch === election.leaderEpoch)!.startOffset
    const log = w.history.reads['analytics|events-0']
    const resets: [number, number][] = []
    for (let i = 0; i < log.resets.length; i += 2) resets.push([log.resets[i], log.resets[i + 1]])
    const after = resets.filter(([at]) => at > election.atMs)
    expect(after).toEqual([[expect.any(Number), epochEnd]])
    expect(epochEnd).toBeGreaterThan(0)
    // its position before the election was past that end offset
    let maxRead = 0
    for (let i = 0; i < log.n; i++) if (getInt(log.atMs, i) <= election.atMs) maxRead = Math.max(maxRead, getInt(log.to, i))
    expect(maxRead).toBeGreaterThan(epochEnd)
    expect(w.readers['analytics'].errors['OFFSET_OUT_OF_RANGE'] ?? 0).toBe(0)
    expect(w.notes.some((n) => n.type === 'TruncationDetected' && n.consumer === 'analytics' && n.tp === 'events-0' && n.endOffset === epochEnd)).toBe(true)
  })
})

describe('group member position validation (KIP-320)', () => {
  test('unclean-election-data-loss with a group: the member goes back to the end offset of its epoch', () => {
    const s = parseScenario(
      Object.assign(structuredClone(builtInScenarios['unclean-election-data-loss']) as any, {
        readers: [],
        consumers: [{ groupId: 'g', topics: ['events'], members: 1, config: { 'auto.offset.reset': 'earliest' } }],
      }),
    )
    const sim = createSimulation(s)
    const w = sim.world
    sim.runUntil(s.durationMs)
    const election = w.history.leaderChanges.find((c) => c.unclean)!
    expect(election).toBeDefined()
    const epochEnd = w.brokers[election.leader].replicas['events-0'].epochs.find((e) => e.epoch === election.leaderEpoch)!.startOffset
    const id = w.memberIds[0]
    const log = w.history.reads[`${id}|events-0`]
    const after: number[] = []
    for (let i = 0; i < log.resets.length; i += 2) if (log.resets[i] > election.atMs) after.push(log.resets[i + 1])
    expect(after).toEqual([epochEnd])
    expect(w.members[id].errors['OFFSET_OUT_OF_RANGE'] ?? 0).toBe(0)
  })
})
