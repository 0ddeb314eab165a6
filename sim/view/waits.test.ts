// What the map's countdowns read: the deadlines the controller, a partition leader, the group
// coordinator and a producer are waiting out, checked against when the cluster then acts.
import { describe, expect, it } from 'vitest'
import { buildClusterView, createSimulation, parseScenario, runNotes } from '../index.ts'
import { builtInScenarios } from '../scenario/builtins.ts'

function open(id: string) {
  return createSimulation(parseScenario(builtInScenarios[id]))
}

describe('waits in the published view', () => {
  it('counts down broker.session.timeout.ms for a crashed leader until the controller fences it', () => {
    const sim = open('leader-failover')
    sim.runUntil(12_000)
    const leader = buildClusterView(sim.world).partitions.find((p) => p.tp === 'orders-0')!.leader
    sim.apply({ action: 'crashBroker', broker: leader })
    sim.runUntil(18_000)
    const v = buildClusterView(sim.world)
    const wait = v.waits.fencing.find((f) => f.broker === leader)!
    expect(wait.timeoutMs).toBe(9000)
    expect(wait.deadlineMs).toBe(wait.lastHeartbeatMs + 9000)
    expect(wait.deadlineMs).toBeGreaterThan(18_000)
    // while the controller waits, the producer's oldest batch waits too, and says why
    const d = v.waits.delivery.find((x) => x.producer === 'checkout')!
    expect(d.timeoutMs).toBe(120_000)
    expect(d.leader).toBe(leader)
    expect(['retry', 'inflight', 'metadata']).toContain(d.reason)
    sim.runUntil(wait.deadlineMs + 2000)
    const fenced = runNotes(sim).find((n) => n.type === 'BrokerFenced' && n.broker === leader)!
    expect(fenced.atMs).toBeGreaterThan(wait.deadlineMs)
    expect(fenced.atMs).toBeLessThanOrEqual(wait.deadlineMs + 1)
    expect(buildClusterView(sim.world).waits.fencing).toEqual([])
  })

  it('counts down replica.lag.time.max.ms for a follower that stopped fetching, then the ISR shrinks', () => {
    const sim = open('slow-follower')
    sim.runUntil(20_000)
    const wait = buildClusterView(sim.world).waits.isr.find((i) => i.tp === 'orders-0')!
    expect(wait.deadlineMs).toBe(wait.lastCaughtUpMs + wait.timeoutMs)
    sim.runUntil(40_000)
    const shrink = runNotes(sim).find((n) => n.type === 'IsrChanged' && n.topic === 'orders' && n.partition === 0 && !n.to.includes(wait.follower))!
    expect(shrink.atMs).toBeGreaterThanOrEqual(wait.deadlineMs)
    expect(buildClusterView(sim.world).waits.isr.filter((i) => i.tp === 'orders-0')).toEqual([])
  })

  it('counts down session.timeout.ms for a crashed member until the coordinator removes it', () => {
    const sim = open('consumer-crash-session-timeout')
    sim.runUntil(25_000)
    const wait = buildClusterView(sim.world).waits.sessions[0]
    expect(wait.member).toBe('billing-2')
    expect(wait.deadlineMs).toBe(wait.lastHeartbeatMs + wait.timeoutMs)
    sim.runUntil(40_000)
    const removed = runNotes(sim).find((n) => n.type === 'MemberRemoved' && n.member.startsWith('billing-2'))
    expect(removed?.atMs).toBeGreaterThanOrEqual(wait.deadlineMs)
    expect(buildClusterView(sim.world).waits.sessions).toEqual([])
  })

  it('reading the waits never changes the run', () => {
    const a = open('leader-failover')
    const b = open('leader-failover')
    for (let t = 1000; t <= 40_000; t += 1000) {
      a.runUntil(t)
      buildClusterView(a.world)
    }
    b.runUntil(40_000)
    expect(a.traceHash()).toBe(b.traceHash())
  })
})
