// Keeps lesson 18 (KIP-848) true to the model: its scenario runs headless the way the lesson engine
// plays it, and at each key moment the test asserts what the step tells the learner.

import { describe, expect, it } from 'vitest'
import { builtInScenarios, clusterView, createSimulation, kafkaConsumerGroupsDescribe, parseScenario, type Simulation } from '../../sim/index.ts'
import { lessonStartMs } from './check.ts'
import { settingsFor } from '../compare/variants.ts'
import { lesson } from './content/18-rebalancing-without-stopping.ts'

const scenario = parseScenario(builtInScenarios['rebalance-without-stopping'])

function card(sim: Simulation, groupId: string) {
  return clusterView(sim).groups.find((g) => g.groupId === groupId)!
}

/** Partitions each live member of the group owns, by client id (as the group card shows them). */
function owned(sim: Simulation, groupId: string): Record<string, string[]> {
  return Object.fromEntries(card(sim, groupId).members.map((m) => [m.clientId, m.assignment]))
}

describe('lesson 18: rebalancing without stopping (KIP-848)', () => {
  it('is row 18 of LESSONS.md, on the rebalance-without-stopping scenario, in both languages', () => {
    expect(lesson.number).toBe(18)
    expect(lesson.steps.length).toBeGreaterThanOrEqual(4)
    expect(lesson.steps.length).toBeLessThanOrEqual(8)
    for (const s of lesson.steps) {
      expect(s.text.ko).toMatch(/[가-힣]/)
      if (s.question) expect(s.question.why).toHaveLength(s.question.choices.length)
    }
  })

  it('shows on the model what each step says', () => {
    const sim = createSimulation(scenario)
    sim.runUntil(lessonStartMs(lesson, scenario.durationMs))
    const at = (i: number) => {
      const step = lesson.steps[i]
      if (step.atMs !== undefined) sim.runUntil(step.atMs)
      if (step.playUntilMs !== undefined) sim.runUntil(step.playUntilMs)
    }

    at(0)
    expect(card(sim, 'classic')).toMatchObject({ type: 'classic', state: 'Stable', generation: 1 })
    expect(card(sim, 'kip848')).toMatchObject({ type: 'consumer', state: 'Stable', protocol: 'uniform', consumer: { groupEpoch: 2, assignmentEpoch: 2 } })

    at(1)
    expect(card(sim, 'classic')).toMatchObject({ state: 'Stable', generation: 2 })
    expect(card(sim, 'kip848')).toMatchObject({ state: 'Reconciling', consumer: { groupEpoch: 3, assignmentEpoch: 3 } })
    const mid = owned(sim, 'kip848')
    expect(mid['kip848-3']).toEqual([])
    expect(mid['kip848-1']).toHaveLength(3)
    expect(mid['kip848-2']).toHaveLength(3)
    expect(card(sim, 'kip848').consumer!.members['kip848-3']).toMatchObject({ state: 'UNRELEASED_PARTITIONS', target: ['orders-2', 'orders-5'] })

    at(2)
    const coordinator = card(sim, 'kip848').consumer!.members
    expect(coordinator['kip848-2']).toMatchObject({ memberEpoch: 3, state: 'STABLE' })
    expect(owned(sim, 'kip848')['kip848-2']).toEqual(['orders-0', 'orders-1'])

    at(3)
    expect(card(sim, 'kip848')).toMatchObject({ state: 'Stable', consumer: { groupEpoch: 3, assignmentEpoch: 3 } })
    expect(owned(sim, 'kip848')['kip848-3']).toEqual(['orders-2', 'orders-5'])

    at(4)
    const members = kafkaConsumerGroupsDescribe(sim, 'kip848', { members: true, verbose: true }).stdout
    for (const column of ['CURRENT-EPOCH', 'CURRENT-ASSIGNMENT', 'TARGET-EPOCH', 'TARGET-ASSIGNMENT']) expect(members).toContain(column)

    at(5)
    expect(card(sim, 'kip848')).toMatchObject({ state: 'Stable', consumer: { groupEpoch: 4, assignmentEpoch: 4 } })
    expect(owned(sim, 'kip848')).toEqual({ 'kip848-2': ['orders-0', 'orders-1', 'orders-4'], 'kip848-3': ['orders-2', 'orders-3', 'orders-5'] })
    expect(card(sim, 'classic')).toMatchObject({ state: 'Stable', generation: 3 })
  })

  it('try this: Compare offers group.protocol; adding a member bumps the epoch; group.remote.assignor=range switches the assignor', () => {
    expect(settingsFor(scenario).map((s) => s.id)).toContain('protocol')
    const sim = createSimulation(scenario)
    sim.runUntil(30_000)
    sim.apply({ atMs: 30_000, action: 'setConsumerConfig', groupId: 'kip848', config: { 'group.protocol': 'consumer', 'auto.offset.reset': 'earliest', 'group.remote.assignor': 'range' } })
    sim.apply({ atMs: 30_000, action: 'addConsumer', groupId: 'kip848' })
    sim.runUntil(45_000)
    expect(card(sim, 'kip848')).toMatchObject({ protocol: 'range', consumer: { groupEpoch: 4 } })
  })
})
