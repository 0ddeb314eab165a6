// The state invariants checked after every event: a corrupted world is reported, with the invariant's
// name, at the first event that exposes it; Kafka's allowances (a zombie leader in an older epoch, a
// commit above a lagging leader's HW) are not; every built-in scenario keeps them all.
import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, type Simulation } from '../index.ts'
import { builtInScenarios } from '../scenario/builtins.ts'
import type { ControllerNode } from '../controller/types.ts'
import type { Replica } from '../cluster/types.ts'
import { checkInvariants, newInvariantState, type InvariantState } from './invariants.ts'
import { runCheckingInvariants } from './invariant-run.ts'

function simulation(id: string): Simulation {
  return createSimulation(parseScenario(structuredClone(builtInScenarios[id])))
}

function activeController(sim: Simulation): ControllerNode {
  const w = sim.world
  const c = w.voterIds.map((id) => w.controllers[id]).find((c) => c.role === 'Leader' && w.nodes[c.id].up)
  if (!c) throw new Error('no active controller')
  return c
}

/** The replica of `tp` on `broker`. */
function replica(sim: Simulation, broker: number, tp: string): Replica {
  return sim.world.brokers[String(broker)].replicas[tp]
}

/** leader-failover run to 10 s with the invariants checked all along: the state remembers that run. */
function checkedFailover(): { sim: Simulation; state: InvariantState; leader: number; follower: number; epoch: number } {
  const sim = simulation('leader-failover')
  const state = newInvariantState()
  expect(runCheckingInvariants(sim, 10000, state)).toBeNull()
  const p = activeController(sim).image.topics.orders.partitions[0]
  return { sim, state, leader: p.leader, follower: p.replicas.find((b) => b !== p.leader)!, epoch: p.leaderEpoch }
}

describe('state invariants', () => {
  it('reports a high watermark above the log end offset at the first event of that broker', () => {
    const { sim, state, leader } = checkedFailover()
    const r = replica(sim, leader, 'orders-0')
    r.hw = r.leo + 1_000_000
    const broken = runCheckingInvariants(sim, 20000, state)
    expect(broken).not.toBeNull()
    expect(broken!.event.node).toBe(String(leader))
    expect(broken!.event.timeline).toBe(false)
    expect(broken!.event.atMs).toBe(sim.nowMs)
    expect(broken!.eventNumber).toBe(sim.world.events)
    expect(broken!.violations).toEqual([
      { invariant: 'hwAboveLeo', detail: `orders-0 replica on broker ${leader}: high watermark ${r.hw} above log end offset ${r.leo}` },
    ])
  })

  it('reports two brokers leading one partition in one leader epoch, at the event of the second', () => {
    const { sim, state, leader, follower, epoch } = checkedFailover()
    const r = replica(sim, follower, 'orders-0')
    r.role = 'leader'
    r.leaderEpoch = epoch
    const broken = runCheckingInvariants(sim, 20000, state)
    expect(broken!.event.node).toBe(String(follower))
    expect(broken!.violations.map((v) => v.invariant)).toEqual(['twoLeadersInOneEpoch'])
    expect(broken!.violations[0].detail).toMatch(
      new RegExp(`^orders-0 leader epoch ${epoch}: broker ${follower} acts as leader, and broker ${leader} did since \\d+ ms$`),
    )
  })

  it('allows a deposed leader that still acts in an older epoch (a zombie Kafka fences by epoch)', () => {
    const { sim, state, leader, follower, epoch } = checkedFailover()
    const next = replica(sim, follower, 'orders-0')
    next.role = 'leader'
    next.leaderEpoch = epoch + 1
    expect(checkInvariants(sim.world, state, null)).toEqual([])
    replica(sim, leader, 'orders-0').leaderEpoch = epoch + 1
    expect(checkInvariants(sim.world, state, null).map((v) => v.invariant)).toEqual(['twoLeadersInOneEpoch'])
  })

  it("reports an ISR member that is not a replica, in the controller's image and on the leader", () => {
    const { sim, state, leader } = checkedFailover()
    const c = activeController(sim)
    const p1 = c.image.topics.orders.partitions[1] // frozen: a changed partition is a new state
    c.image.topics.orders.partitions[1] = { ...p1, isr: [...p1.isr, 7] }
    replica(sim, leader, 'orders-0').isr.push(9)
    const found = checkInvariants(sim.world, state, null)
    expect(found.map((v) => v.invariant)).toEqual(['isrNotInReplicas', 'isrNotInReplicas'])
    expect(found[0].detail).toMatch(new RegExp(`^orders-0 on leader broker ${leader}: ISR \\[[\\d,]+,9\\] has 9, not among the replicas \\[[\\d,]+\\]$`))
    expect(found[1].detail).toMatch(new RegExp(`^orders-1 in controller ${c.id}'s image: ISR \\[[\\d,]+,7\\] has 7, not among the replicas`))
  })

  it("reports a fenced broker leading a partition in the active controller's image", () => {
    const { sim, state, leader, epoch } = checkedFailover()
    const c = activeController(sim)
    c.image.brokers[leader].fenced = true
    const found = checkInvariants(sim.world, state, null)
    expect(found).toContainEqual({
      invariant: 'fencedBrokerLeads',
      detail: `orders-0 in controller ${c.id}'s image: leader broker ${leader} is fenced (leader epoch ${epoch})`,
    })
    expect(found.every((v) => v.invariant === 'fencedBrokerLeads')).toBe(true)
  })

  it('reports a committed offset above every high watermark the partition had, not one above the current HW', () => {
    const sim = simulation('consumer-group-rebalance')
    const state = newInvariantState()
    expect(runCheckingInvariants(sim, 30000, state)).toBeNull()
    const w = sim.world
    const coordinator = w.brokerIds.map((id) => w.brokers[String(id)]).find((b) => b.coordinator.groups.billing?.committed['orders-0'] !== undefined)!
    const committed = coordinator.coordinator.groups.billing.committed
    const highest = state.maxHw.get('orders-0')!
    // at most the highest HW seen: allowed even when the leader's HW is now lower (a new leader's HW trails)
    committed['orders-0'] = highest
    for (const id of w.brokerIds) {
      const r = w.brokers[String(id)].replicas['orders-0']
      if (r) r.hw = Math.min(r.hw, highest - 1)
    }
    expect(checkInvariants(w, state, null)).toEqual([])
    committed['orders-0'] = highest + 1
    expect(checkInvariants(w, state, null)).toEqual([
      {
        invariant: 'committedAboveHw',
        detail: `group billing on coordinator broker ${coordinator.id}: committed offset ${highest + 1} for orders-0, above ${highest}, the highest high watermark orders-0 has had`,
      },
    ])
  })

  it('reports a share window that is not well formed, and passes the share-group-queue run', () => {
    const sim = simulation('share-group-queue')
    const state = newInvariantState()
    expect(runCheckingInvariants(sim, 45000, state)).toBeNull()
    const sp = sim.world.shares['workers|jobs-0']
    expect(sp.batches.length).toBeGreaterThan(0)
    expect(checkInvariants(sim.world, state, null)).toEqual([])
    const head = sp.batches[0]
    const owner = head.owner
    head.owner = head.state === 1 ? '' : 'someone'
    expect(checkInvariants(sim.world, state, null)).toEqual([
      { invariant: 'shareWindow', detail: expect.stringMatching(/^share partition workers\|jobs-0: offset \d+ is in state \d with holder/) },
    ])
    head.owner = owner
    head.deliveries = 6
    expect(checkInvariants(sim.world, state, null)).toEqual([
      { invariant: 'shareWindow', detail: `share partition workers|jobs-0: offset ${sp.startOffset} delivered 6 times (limit 5)` },
    ])
  })

  it('leaves the run as it was: the same trace hash and time as a plain run', () => {
    for (const id of ['leader-failover', 'unclean-election-data-loss', 'coordinator-failover']) {
      const checked = simulation(id)
      const plain = simulation(id)
      const until = 50000
      expect(runCheckingInvariants(checked, until)).toBeNull()
      plain.runUntil(until)
      expect(checked.nowMs).toBe(until)
      expect(checked.traceHash()).toBe(plain.traceHash())
    }
  })
})

describe('every built-in scenario keeps the invariants after every event', () => {
  for (const id of Object.keys(builtInScenarios)) {
    it(id, { timeout: 60000 }, () => {
      const sim = simulation(id)
      const broken = runCheckingInvariants(sim, parseScenario(structuredClone(builtInScenarios[id])).durationMs)
      expect(broken).toBeNull()
    })
  }
})
