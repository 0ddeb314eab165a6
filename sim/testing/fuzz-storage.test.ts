/**
 * Property test for log storage under faults: a compacted topic and a topic with a short retention,
 * on the safe configuration (RF 3, min.insync.replicas 2, idempotent acks=all producers), with
 * random broker, network and consumer faults (fuzz.ts). Segments roll every few seconds, the
 * cleaner and retention run every 5 s, so replicas are cleaned and trimmed while they are down,
 * cut off or behind. Whatever the schedule:
 * - no checker reports an anomaly (removed records are not lost ones; every key's latest value
 *   survives the cleaner);
 * - once the faults stop, the cluster converges: every replica is back in its ISR at the leader's
 *   log end, and the group reads to the end. A follower or consumer that cannot read past a gap
 *   the cleaner or retention left (it fetches in a loop and never appends) fails here.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { faultEnd, fuzzScenario, reproduceCommand } from './fuzz.ts'
import { parseScenario } from '../scenario/parse.ts'
import { createWorld } from '../nodes/create-world.ts'
import { runUntil } from '../run.ts'
import { buildSummary } from '../trace/summary.ts'
import storageFuzzBase from './fuzz-storage.json' with { type: 'json' }

const UNTIL_MS = 90_000
/** after the faults: a controller election, a restarted broker's old session running out (broker.session.timeout.ms), rejoining, a commit */
const SETTLE_MS = 30_000
const RUNS = 12

const base = parseScenario(storageFuzzBase)

/** What did not converge by the end of a seed's run (empty when everything did). */
function unconverged(seed: number): string[] {
  const world = createWorld(fuzzScenario(base, seed, UNTIL_MS), seed)
  runUntil(world, UNTIL_MS + SETTLE_MS)
  const s = buildSummary(world)
  const out: string[] = []
  if (!s.checks.ok) out.push(`checkers: ${JSON.stringify(s.checks)}`)
  for (const p of s.partitions) {
    if (p.topic.startsWith('__')) continue
    const tp = `${p.topic}-${p.partition}`
    if (p.isr.length !== p.replicas.length) out.push(`${tp}: ISR ${p.isr} of replicas ${p.replicas}`)
    const leo = p.logEndOffsets[String(p.leader)]
    for (const b of p.replicas) {
      // a follower is at most a fetch (about a second of records) behind
      if (leo - p.logEndOffsets[String(b)] > 200) out.push(`${tp}: broker ${b} at ${p.logEndOffsets[String(b)]}, leader at ${leo}`)
    }
    const group = s.groups.find((g) => g.groupId === 'cache')!
    // a member reads it (the fuzzer may have removed them all), committing every 5 s: at most ~5 s of records behind
    const read = Object.values(group.members).some((tps) => tps.includes(tp))
    if (read && !(group.lag[tp] <= 1000)) out.push(`${tp}: group cache lag ${group.lag[tp] ?? '-'}`)
    if (!read && group.state !== 'Empty') out.push(`${tp}: no member of the ${group.state} group cache reads it`)
  }
  return out
}

describe('log storage under random faults', () => {
  it(`keeps every record the checkers follow and converges after the faults (${RUNS} seeds × ${(UNTIL_MS + SETTLE_MS) / 1000} s, faults until ${faultEnd(UNTIL_MS) / 1000} s)`, () => {
    let failure = ''
    const details = fc.check(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const problems = unconverged(seed)
        if (problems.length === 0) return true
        failure = `fuzz seed ${seed} at ${(UNTIL_MS + SETTLE_MS) / 1000} s: ${problems.join('; ')}; its faults: ${reproduceCommand(seed, UNTIL_MS)} --scenario sim/testing/fuzz-storage.json`
        return false
      }),
      { numRuns: RUNS, seed: 20261206, endOnFailure: true },
    )
    if (details.failed) expect.fail(failure || `fuzz threw: ${String(details.errorInstance)}`)
  })

  it('the cleaner and retention did their work in such a run', () => {
    const world = createWorld(fuzzScenario(base, 7, UNTIL_MS), 7)
    runUntil(world, UNTIL_MS)
    for (const p of buildSummary(world).partitions) {
      if (p.topic === 'prices') expect(p.records).toBeLessThan(p.highWatermark / 3)
      if (p.topic === 'clicks') expect(p.logStartOffset).toBeGreaterThan(0)
    }
  })
})
