// Keeps lesson 20 (KRaft and ZooKeeper) and lesson 10's Compare step true to the model: the
// scenario runs headless the way the lesson engine plays it, and at each key moment the test
// asserts what the step tells the learner; the Compare figures the steps quote come from the same
// pair of runs the app's Compare builds.

import { describe, expect, it } from 'vitest'
import { builtInScenarios, createSimulation, parseScenario, runNotes, type Simulation, type Summary } from '../../sim/index.ts'
import { lessonStartMs } from './check.ts'
import { lesson } from './content/20-kraft-and-zookeeper.ts'
import { lesson as lesson10 } from './content/10-controller.ts'
import { settingsFor, variantScenario } from '../compare/variants.ts'

const scenario = parseScenario(builtInScenarios['zookeeper-failover'])

const part = (s: Summary, tp: string) => s.partitions.find((p) => `${p.topic}-${p.partition}` === tp)!
const notesOf = (sim: Simulation, type: string) => runNotes(sim).filter((n) => n.type === type)

describe('lesson 20: KRaft and ZooKeeper', () => {
  it('is row 20 of LESSONS.md, on the zookeeper-failover scenario, in both languages', () => {
    expect(lesson.number).toBe(20)
    expect(lesson.scenario).toEqual({ builtIn: 'zookeeper-failover' })
    expect(lesson.steps.filter((s) => s.question)).toHaveLength(1)
    for (const s of lesson.steps) expect(s.text.ko).toMatch(/[가-힣]/)
    const all = JSON.stringify(lesson)
    for (const name of ['/controller', '/controller_epoch', '/brokers/ids', 'zookeeper.session.timeout.ms', 'LeaderAndIsr', 'UpdateMetadata', 'controller.mode', 'broker.session.timeout.ms']) expect(all).toContain(name)
    expect(scenario.cluster.controller.mode).toBe('zookeeper')
    expect(scenario.timeline).toEqual([
      { atMs: 20_000, action: 'crashBroker', broker: 'controller' },
      { atMs: 60_000, action: 'restartBroker', broker: 3 },
    ])
  })

  it('shows on the model what each step says', () => {
    const sim = createSimulation(scenario)
    sim.runUntil(lessonStartMs(lesson, scenario.durationMs))
    const play = (i: number) => sim.runUntil(lesson.steps[i].playUntilMs!)

    // 1. broker 3 created /controller first: controller epoch 1; every broker has its ephemeral znode
    play(0)
    expect(sim.summary().controller).toEqual({ mode: 'zookeeper', active: 3, epoch: 1 })
    expect(Object.keys(sim.world.zookeeper!.brokers)).toEqual(['1', '2', '3'])
    expect(part(sim.summary(), 'orders-2').leader).toBe(3)

    // 2. for 12 s after the crash nothing moves: /controller and the leader still name broker 3
    play(1)
    expect(sim.world.zookeeper!.controller?.brokerId).toBe(3)
    expect(part(sim.summary(), 'orders-2').leader).toBe(3)
    expect(notesOf(sim, 'ZkSessionExpired')).toHaveLength(0)

    // 3. the session expired at 33 s (18 s after the last ping it heard, a few seconds before the crash)
    play(2)
    const [expired] = notesOf(sim, 'ZkSessionExpired') as Extract<ReturnType<typeof runNotes>[number], { type: 'ZkSessionExpired' }>[]
    expect(expired).toMatchObject({ broker: 3, deleted: ['/brokers/ids/3', '/controller'] })
    expect(expired.atMs - 20_000).toBe(13_000)
    expect(expired.sinceHeardMs - (expired.atMs - 20_000)).toBeGreaterThan(2_000)
    expect(sim.summary().controller).toEqual({ mode: 'zookeeper', active: 1, epoch: 2 })
    const s3 = sim.summary()
    expect(part(s3, 'orders-2')).toMatchObject({ leader: 1, isr: [1, 2], replicas: [3, 1, 2] })
    for (const tp of ['orders-0', 'orders-1']) expect(part(s3, tp).isr).not.toContain(3)

    // 4. back at 60 s with a new znode and epoch; in every ISR again, and broker 1 stays the controller
    const before = sim.world.zookeeper!.zxid
    play(3)
    expect(sim.world.zookeeper!.brokers['3'].info.brokerEpoch).toBeGreaterThan(before)
    const s4 = sim.summary()
    for (const tp of ['orders-0', 'orders-1', 'orders-2']) expect(part(s4, tp).isr).toContain(3)
    expect(s4.controller.active).toBe(1)
    expect(s4.checks.lostAckedWrites).toBe(0)
  })

  it('the Compare figures the steps quote: KRaft (B) has a new controller 1.6 s after the crash and fences broker 3 at 30.6 s', () => {
    expect(settingsFor(scenario).map((s) => s.id)).toContain('mode')
    const b = createSimulation(variantScenario(scenario, 'mode'))
    b.runUntil(40_000)
    const active = notesOf(b, 'ControllerActive').find((n) => n.atMs > 20_000)!
    expect(((active.atMs - 20_000) / 1000).toFixed(1)).toBe('1.6')
    const fenced = notesOf(b, 'BrokerFenced').find((n) => n.atMs > 20_000)!
    expect(fenced).toMatchObject({ broker: 3 })
    expect((fenced.atMs / 1000).toFixed(1)).toBe('30.6')
    expect(lesson.steps[4].text.en).toContain('1.6 s')
  })
})

describe('lesson 10: its Compare step on controller.mode', () => {
  it('controller-failover offers controller.mode, and under ZooKeeper mode the leaders move at about 33 s', () => {
    const a = parseScenario(builtInScenarios['controller-failover'])
    expect(settingsFor(a).find((s) => s.id === 'mode')).toMatchObject({ a: 'kraft', b: 'zookeeper' })
    const step = lesson10.steps.find((s) => s.text.en.includes('Open Compare'))!
    expect(step.text.en).toContain('controller.mode')
    const b = createSimulation(variantScenario(a, 'mode'))
    b.runUntil(40_000)
    const elected = notesOf(b, 'ZkControllerElected').find((n) => n.atMs > 20_000)!
    expect(Math.round(elected.atMs / 1000)).toBe(33)
    const moved = notesOf(b, 'LeaderElected').find((n) => n.atMs > 20_000)!
    expect(Math.round(moved.atMs / 1000)).toBe(33)
    // and the KRaft run on the page: a new controller at 21.6 s, the new leader at 30.6 s
    const sim = createSimulation(a)
    sim.runUntil(31_000)
    expect((notesOf(sim, 'ControllerActive').find((n) => n.atMs > 20_000)!.atMs / 1000).toFixed(1)).toBe('21.6')
    expect((notesOf(sim, 'LeaderElected').find((n) => n.atMs > 20_000 && 'topic' in n && n.topic === 'orders')!.atMs / 1000).toFixed(1)).toBe('30.6')
  })
})
