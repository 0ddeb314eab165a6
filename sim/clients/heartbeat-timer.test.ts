import { describe, expect, test } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario } from '../index.ts'
import { queuedEvents, queueSize } from '../kernel/scheduler.ts'
import { armHeartbeatTimer, armHeartbeatTimerAt } from './heartbeat-timer.ts'

/** Heartbeat timers queued now, by client. */
function heartbeatTimers(events: ReturnType<typeof queuedEvents>): Map<string, number> {
  const out = new Map<string, number>()
  for (const e of events) if (e.kind === 'member.heartbeat' || e.kind === 'share.heartbeat') out.set(e.node, (out.get(e.node) ?? 0) + 1)
  return out
}

describe('the heartbeat timer', () => {
  test('asking again for the armed time schedules nothing; another time makes the older timer stale', () => {
    const w = createSimulation(parseScenario(builtInScenarios['rebalance-without-stopping'])).world
    // a running client's node, with tokens of its own
    const m = { id: Object.keys(w.members)[0], heartbeatToken: 1000, heartbeatTimerToken: -1, heartbeatTimerMs: -1 }
    const before = queueSize(w.queue)
    armHeartbeatTimerAt(w, m, 'member.heartbeat', w.nowMs + 3000)
    armHeartbeatTimerAt(w, m, 'member.heartbeat', w.nowMs + 3000)
    expect(queueSize(w.queue)).toBe(before + 1)
    armHeartbeatTimerAt(w, m, 'member.heartbeat', w.nowMs + 2000)
    expect(queueSize(w.queue)).toBe(before + 2)
    const live = queuedEvents(w.queue).filter((e) => e.node === m.id && e.data === m.heartbeatToken)
    expect(live.map((e) => e.timeMs)).toEqual([w.nowMs + 2000])
    // whatever stops the heartbeat bumps the token: the same time is armed again
    m.heartbeatToken++
    armHeartbeatTimerAt(w, m, 'member.heartbeat', w.nowMs + 2000)
    expect(queueSize(w.queue)).toBe(before + 3)
    armHeartbeatTimer(w, m, 'member.heartbeat', 0)
    expect(m.heartbeatTimerMs).toBe(w.nowMs)
  })

  // every round of a poll loop asks for the next heartbeat: one timer per member, not one per round
  for (const id of ['rebalance-without-stopping', 'share-group-queue']) {
    test(`${id}: a few heartbeat timers per member at any time`, () => {
      const sim = createSimulation(parseScenario(builtInScenarios[id]))
      for (const t of [20_000, 45_000, 70_000]) {
        sim.runUntil(t)
        const timers = heartbeatTimers(queuedEvents(sim.world.queue))
        expect(timers.size).toBeGreaterThan(0)
        for (const [member, n] of timers) expect(n, `${member} at ${t} ms`).toBeLessThanOrEqual(3)
      }
    })
  }
})
