// Timeline actions as the run applies them: restartConsumer's second half is its own, clearly
// named action in the event log (never a restartBroker of a consumer), and actions change the
// run's state, never the scenario the run was given.
import { describe, expect, it } from 'vitest'
import { createSimulation, parseScenario, restoreSimulation } from '../index.ts'
import { builtInScenarios } from './builtins.ts'

const actions = (notes: readonly { type: string }[]) =>
  notes.flatMap((n) => (n.type === 'ActionApplied' ? [n as { type: 'ActionApplied'; atMs: number; action: string; args: string }] : []))

describe('restartConsumer', () => {
  it('crashes the member now and starts it again afterMs later, as "restartConsumer:start" in the event log', () => {
    const sim = createSimulation(parseScenario(builtInScenarios['consumer-joins-rebalance']))
    sim.runUntil(10_000)
    sim.apply({ action: 'restartConsumer', member: 'billing-1', afterMs: 3000 })
    sim.runUntil(11_000)
    expect(sim.world.nodes['billing-1'].up).toBe(false)
    sim.runUntil(14_000)
    expect(sim.world.nodes['billing-1'].up).toBe(true)
    const applied = actions(sim.world.notes).filter((a) => a.atMs >= 10_000)
    expect(applied.map((a) => [a.atMs, a.action, a.args])).toEqual([
      [10_000, 'restartConsumer', '{"member":"billing-1","afterMs":3000}'],
      [13_000, 'restartConsumer:start', '{"member":"billing-1"}'],
    ])
    expect(actions(sim.world.notes).some((a) => a.action === 'restartBroker')).toBe(false)
  })

  it('its continuation is not an action a scenario may name', () => {
    const s = parseScenario(builtInScenarios['consumer-joins-rebalance'])
    const inFile = { ...s, timeline: [{ atMs: 1, action: 'restartConsumer:start', member: 'billing-1' }] }
    expect(() => parseScenario(inFile)).toThrow(/unknown action "restartConsumer:start"/)
  })
})

describe('group actions', () => {
  it('name an unknown group as such, even one called like an Object property', () => {
    const sim = createSimulation(parseScenario(builtInScenarios['consumer-joins-rebalance']))
    sim.runUntil(5_000)
    for (const groupId of ['constructor', 'toString', 'nobody']) {
      sim.apply({ action: 'addConsumer', groupId })
      sim.apply({ action: 'setConsumerConfig', groupId, config: {} })
    }
    sim.runUntil(5_001)
    const failed = sim.world.notes.flatMap((n) => (n.type === 'ActionFailed' ? [`${n.action}: ${n.message}`] : []))
    expect(failed).toEqual(['constructor', 'toString', 'nobody'].flatMap((g) => [`addConsumer: unknown group ${g}`, `setConsumerConfig: unknown group ${g}`]))
    expect(Object.keys(sim.world.groupSpecs)).toEqual(['billing'])
  })
})

describe('the scenario as given', () => {
  it('stays unchanged while setConsumerConfig changes the group for the members that start afterwards', () => {
    const scenario = parseScenario(builtInScenarios['consumer-joins-rebalance'])
    const given = structuredClone(scenario)
    const sim = createSimulation(scenario)
    sim.runUntil(10_000)
    sim.apply({ action: 'setConsumerConfig', groupId: 'billing', config: { 'partition.assignment.strategy': 'cooperative-sticky' } })
    sim.runUntil(12_000)
    expect(sim.world.scenario).toBe(scenario)
    expect(sim.world.scenario).toEqual(given)
    expect(sim.world.groupSpecs.billing.config['partition.assignment.strategy']).toBe('cooperative-sticky')
    // a snapshot carries the changed group, so a restored run starts new members with it
    const restored = restoreSimulation(sim.snapshot())
    expect(restored.world.scenario).toEqual(given)
    expect(restored.world.groupSpecs.billing.config['partition.assignment.strategy']).toBe('cooperative-sticky')
    restored.apply({ action: 'restartConsumer', member: 'billing-1', afterMs: 0 })
    restored.runUntil(14_000)
    expect(restored.world.members['billing-1'].assignors).toEqual(['cooperative-sticky'])
  })
})
