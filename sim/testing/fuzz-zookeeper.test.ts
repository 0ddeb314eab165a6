/**
 * Property test for the legacy ZooKeeper mode under faults: brokers, the controller and ZooKeeper
 * servers crash, the network is cut and slowed (fuzz.ts), on the safe configuration (RF 3,
 * min.insync.replicas 2, idempotent acks=all producers). Whatever the schedule:
 * - no checker reports an anomaly and no state invariant breaks (in particular, ZooKeeper's
 *   partition states never put a replica outside its assignment in the ISR);
 * - once the faults stop, the cluster converges: one broker is the controller, every partition has
 *   a leader, every replica is back in its ISR at the leader's log end, and the group reads to the end.
 * A controller stuck on a write it cannot make, or a broker never registered again, fails here.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { faultEnd, fuzzScenario, reproduceCommand } from './fuzz.ts'
import { parseScenario } from '../scenario/parse.ts'
import { createWorld } from '../nodes/create-world.ts'
import { runUntil } from '../run.ts'
import { step, nextTime } from '../run.ts'
import { buildSummary } from '../trace/summary.ts'
import { runCheckingInvariants } from '../check/invariant-run.ts'
import zooKeeperFuzzBase from './fuzz-zookeeper.json' with { type: 'json' }

const UNTIL_MS = 120_000
/** after the faults: a session timeout (18 s) and a tick, a re-registration, the ISR growing back, a commit */
const SETTLE_MS = 40_000
const RUNS = Number(process.env.ZK_FUZZ_RUNS ?? 10)

const base = parseScenario(zooKeeperFuzzBase)

/** What did not converge by the end of a seed's run (empty when everything did). */
function unconverged(seed: number): string[] {
  const world = createWorld(fuzzScenario(base, seed, UNTIL_MS), seed)
  const steppable = { world, step: () => step(world), nextEventMs: () => nextTime(world), runUntil: (t: number) => runUntil(world, t) }
  const broken = runCheckingInvariants(steppable, UNTIL_MS + SETTLE_MS)
  const s = buildSummary(world)
  const out: string[] = []
  if (broken !== null) out.push(`invariant ${JSON.stringify(broken)}`)
  if (!s.checks.ok) out.push(`checkers: ${JSON.stringify(s.checks)}`)
  if (s.controller.active === -1) out.push('no controller')
  for (const p of s.partitions) {
    const tp = `${p.topic}-${p.partition}`
    if (p.leader < 0) out.push(`${tp}: no leader`)
    if (p.topic.startsWith('__')) continue
    if (p.isr.length !== p.replicas.length) out.push(`${tp}: ISR ${p.isr} of replicas ${p.replicas}`)
    const leo = p.logEndOffsets[String(p.leader)]
    for (const b of p.replicas) if (leo - p.logEndOffsets[String(b)] > 100) out.push(`${tp}: broker ${b} at ${p.logEndOffsets[String(b)]}, leader at ${leo}`)
    const group = s.groups.find((g) => g.groupId === 'billing')!
    const read = Object.values(group.members).some((tps) => tps.includes(tp))
    if (read && !(group.lag[tp] <= 400)) out.push(`${tp}: group billing lag ${group.lag[tp] ?? '-'}`)
    if (!read && group.state !== 'Empty') out.push(`${tp}: no member of the ${group.state} group billing reads it`)
  }
  return out
}

describe('ZooKeeper mode under random faults', () => {
  it(`loses nothing acknowledged and converges after the faults (${RUNS} seeds × ${(UNTIL_MS + SETTLE_MS) / 1000} s, faults until ${faultEnd(UNTIL_MS) / 1000} s)`, () => {
    let failure = ''
    const details = fc.check(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const problems = unconverged(seed)
        if (problems.length === 0) return true
        failure = `fuzz seed ${seed} at ${(UNTIL_MS + SETTLE_MS) / 1000} s: ${problems.join('; ')}; its faults: ${reproduceCommand(seed, UNTIL_MS, 'sim/testing/fuzz-zookeeper.json', { invariants: true })}`
        return false
      }),
      { numRuns: RUNS, seed: 20261207, endOnFailure: true },
    )
    if (details.failed) expect.fail(failure || `fuzz threw: ${String(details.errorInstance)}`)
  })

  it('its schedules crash ZooKeeper servers and the controller, and run no KRaft-only operation', () => {
    const actions = new Set<string>()
    for (let seed = 1; seed <= 20; seed++) for (const a of fuzzScenario(base, seed, UNTIL_MS).timeline) actions.add(a.action)
    expect(actions).toContain('crashZooKeeper')
    expect(actions).toContain('restartZooKeeper')
    expect(actions).toContain('crashController')
    for (const kraftOnly of ['shutdownBroker', 'reassignPartitions', 'addBroker', 'cancelReassignment']) expect(actions).not.toContain(kraftOnly)
  })
})
