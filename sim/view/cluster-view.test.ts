// The cluster view the app draws: Kafka's Leader/Replicas/Isr per partition and replica roles on
// each broker, group state and members; watching messages never changes the run; a group's
// consumer configs change for the member processes that start afterwards (setConsumerConfig).
import { describe, expect, it } from 'vitest'
import { buildClusterView, createSimulation, parseScenario, type Msg, type TimelineAction } from '../index.ts'
import { builtInScenarios } from '../scenario/builtins.ts'

function open(id: string, seed?: number) {
  return createSimulation(parseScenario(builtInScenarios[id]), seed === undefined ? {} : { seed })
}

describe('cluster view', () => {
  it('shows each replica of a partition on its broker with its role, and the leader moving after a crash', () => {
    const sim = open('leader-failover')
    sim.runUntil(15_000)
    const before = buildClusterView(sim.world)
    const p0 = before.partitions.find((p) => p.tp === 'orders-0')!
    expect(p0.replicas).toHaveLength(3)
    expect(p0.isr).toEqual(expect.arrayContaining(p0.replicas))
    const leaderCard = before.brokers.find((b) => b.id === p0.leader)!
    expect(leaderCard.replicas.find((r) => r.tp === 'orders-0')!.role).toBe('leader')
    for (const b of before.brokers) {
      expect(b.state).toBe('alive')
      if (b.id !== p0.leader) expect(b.replicas.find((r) => r.tp === 'orders-0')!.role).toBe('insync')
    }
    expect(before.brokers.filter((b) => b.activeController)).toHaveLength(1)
    expect(p0.highWatermark).toBeLessThanOrEqual(p0.logEndOffset)

    sim.runUntil(40_000) // the leader's broker crashed at 20 s and was fenced ~9 s later
    const after = buildClusterView(sim.world)
    const moved = after.partitions.find((p) => p.tp === 'orders-0')!
    expect(moved.leader).not.toBe(p0.leader)
    expect(moved.leaderEpoch).toBe(p0.leaderEpoch + 1)
    expect(moved.isr).not.toContain(p0.leader)
    const crashed = after.brokers.find((b) => b.id === p0.leader)!
    expect(crashed.state).toBe('crashed')
    expect(crashed.replicas.every((r) => r.role === 'offline')).toBe(true)
    expect(after.brokers.find((b) => b.id === moved.leader)!.replicas.find((r) => r.tp === 'orders-0')!.role).toBe('leader')
  })

  it('shows a group with its coordinator, state, generation and members', () => {
    const sim = open('consumer-joins-rebalance')
    sim.runUntil(15_000)
    const g = buildClusterView(sim.world).groups.find((x) => x.groupId === 'billing')!
    expect(g.state).toBe('Stable')
    expect(g.protocol).toBe('range')
    expect(g.rebalanceProtocol).toBe('EAGER')
    expect(g.members.map((m) => m.clientId)).toEqual(['billing-1', 'billing-2'])
    expect(g.members.flatMap((m) => m.assignment).sort()).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3', 'orders-4', 'orders-5'])
    const coordinator = buildClusterView(sim.world).brokers.find((b) => b.id === g.coordinator)!
    expect(coordinator.coordinatorOf).toContain('billing')
  })

  it('marks cut links and isolated nodes', () => {
    const sim = open('leader-failover')
    sim.runUntil(12_000)
    sim.apply({ action: 'cutLink', between: ['1', '2'] })
    sim.apply({ action: 'isolate', node: '3' })
    const v = buildClusterView(sim.world)
    expect(v.links.filter((l) => l.cut).map((l) => `${l.from}>${l.to}`)).toEqual(expect.arrayContaining(['1>2', '2>1']))
    expect(v.isolated).toEqual(['3'])
  })

  it('names the broker /controller holds in ZooKeeper mode, even while that broker is down', () => {
    const sim = open('zookeeper-failover')
    sim.runUntil(15_000)
    const before = buildClusterView(sim.world)
    expect(before.zookeeper!.controllerBroker).toBe(Number(before.activeController))
    expect(before.zookeeper!.tickTimeMs).toBe(3000)
    sim.runUntil(25_000) // the controller crashed at 20 s; its session and /controller stay until they expire
    const waiting = buildClusterView(sim.world)
    expect(waiting.activeController).toBeNull()
    expect(waiting.zookeeper!.controllerBroker).toBe(before.zookeeper!.controllerBroker)
    expect(waiting.zookeeper!.znodes.find((z) => z.path === '/controller')!.data).toBe(`{"brokerid":${waiting.zookeeper!.controllerBroker}}`)
    sim.runUntil(40_000)
    const after = buildClusterView(sim.world)
    expect(after.zookeeper!.controllerBroker).toBe(Number(after.activeController))
    expect(after.zookeeper!.controllerBroker).not.toBe(before.zookeeper!.controllerBroker)
    expect(buildClusterView(open('leader-failover').world).zookeeper).toBeNull()
  })
})

describe('message tap', () => {
  it('sees delivered messages with their send time and leaves the run unchanged', () => {
    const watched = open('leader-failover', 3)
    const plain = open('leader-failover', 3)
    const seen: { api: string; to: string; sentMs: number; atMs: number }[] = []
    watched.observe((m: Msg, to, atMs) => seen.push({ api: m.api, to, sentMs: m.sentMs ?? -1, atMs }))
    watched.runUntil(30_000)
    plain.runUntil(30_000)
    expect(watched.traceHash()).toBe(plain.traceHash())
    expect(seen.some((m) => m.api === 'Produce')).toBe(true)
    expect(seen.some((m) => m.api === 'FetchResponse')).toBe(true)
    for (const m of seen) expect(m.sentMs).toBeLessThanOrEqual(m.atMs)
    const count = seen.length
    watched.observe(null)
    watched.runUntil(31_000)
    expect(seen.length).toBe(count)
  })
})

describe('setConsumerConfig', () => {
  it('applies to member processes that start afterwards, like a redeploy', () => {
    const sim = open('consumer-joins-rebalance')
    sim.runUntil(10_000)
    sim.apply({ action: 'setConsumerConfig', groupId: 'billing', config: { 'partition.assignment.strategy': 'cooperative-sticky' } })
    sim.runUntil(12_000)
    expect(sim.world.members['billing-1'].assignors).toEqual(['range', 'cooperative-sticky'])
    sim.apply({ action: 'restartConsumer', member: 'billing-1', afterMs: 0 })
    sim.apply({ action: 'restartConsumer', member: 'billing-2', afterMs: 0 })
    sim.runUntil(19_000) // billing-3 (the scenario's addConsumer at 20 s) starts with the new config too
    expect(sim.world.members['billing-1'].assignors).toEqual(['cooperative-sticky'])
    expect(sim.world.members['billing-1'].protocol).toBe('COOPERATIVE')
    sim.runUntil(60_000)
    const g = buildClusterView(sim.world).groups[0]
    expect(sim.world.members['billing-3'].assignors).toEqual(['cooperative-sticky'])
    expect(g.state).toBe('Stable')
    expect(g.protocol).toBe('cooperative-sticky')
  })

  it('is checked like any timeline action', () => {
    const s = parseScenario(builtInScenarios['consumer-joins-rebalance'])
    const bad = { ...s, timeline: [{ atMs: 1, action: 'setConsumerConfig', groupId: 'nobody', config: {} }] }
    expect(() => parseScenario(bad)).toThrow(/nobody/)
    const badValue = { ...s, timeline: [{ atMs: 1, action: 'setConsumerConfig', groupId: 'billing', config: { 'partition.assignment.strategy': 'fastest' } }] }
    expect(() => parseScenario(badValue)).toThrow(/partition.assignment.strategy/)
  })
})

describe('real clients in the view', () => {
  it('lists kafkascope serve clients in the order they came, with their client.id, records sent and received, and a connection their broker reset', () => {
    const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), producers: [], readers: [], timeline: [], expect: {} })
    const sim = createSimulation(scenario)
    sim.runUntil(10_000)
    expect(buildClusterView(sim.world).externals).toEqual([])
    let ref = 0
    const ask = (client: string, broker: number, request: TimelineAction & { action: 'clientRequest' } extends { request: infer R } ? R : never, clientId?: string) =>
      sim.apply({ action: 'clientRequest', client, broker, ref: ++ref, request, ...(clientId ? { clientId } : {}) })
    const leader = buildClusterView(sim.world).partitions.find((p) => p.tp === 'orders-0')!.leader
    const other = [1, 2, 3].find((b) => b !== leader)!
    const record = { key: null, value: Buffer.from('v').toString('base64'), headers: [], timestampMs: 9_000 }
    ask('ext-1', leader, { api: 'Produce', acks: 'all', timeoutMs: 30_000, partitions: [{ tp: 'orders-0', producerId: -1, producerEpoch: -1, sequence: -1, records: [record, record] }] }, 'kafkajs')
    ask('ext-2', leader, { api: 'Metadata', topics: null })
    sim.runUntil(10_500)
    ask('ext-2', leader, { api: 'Fetch', maxWaitMs: 100, maxBytes: 1 << 20, partitions: [{ tp: 'orders-0', fetchOffset: 0, currentLeaderEpoch: -1 }] }, 'reader')
    sim.runUntil(11_000)
    expect(buildClusterView(sim.world).externals).toEqual([
      { id: 'ext-1', clientId: 'kafkajs', connected: true, produced: 2, fetched: 0, groupId: null, member: null },
      { id: 'ext-2', clientId: 'reader', connected: true, produced: 0, fetched: 2, groupId: null, member: null },
    ])
    sim.apply({ action: 'crashBroker', broker: other })
    sim.runUntil(11_200)
    ask('ext-3', other, { api: 'Metadata', topics: null }, 'late')
    sim.runUntil(11_500)
    expect(buildClusterView(sim.world).externals.map((c) => c.id)).toEqual(['ext-1', 'ext-2', 'ext-3'])
    expect(buildClusterView(sim.world).externals[2]).toEqual({ id: 'ext-3', clientId: 'late', connected: false, produced: 0, fetched: 0, groupId: null, member: null })
  })
})
