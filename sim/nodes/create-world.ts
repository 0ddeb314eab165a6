/**
 * Building the world from a scenario: the controller quorum (dedicated or combined with the first
 * brokers) or, in the legacy ZooKeeper mode, the ZooKeeper ensemble, the brokers, the producers, the readers and the group members, each a network node,
 * started in that order. Random streams are forked from the seed by label.
 */
import { newRecordStore } from '../storage/records.ts'
import { newQueue } from '../kernel/scheduler.ts'
import { newRng, forkRng } from '../kernel/rng.ts'
import { newNetwork } from '../kernel/network.ts'
import { newHistory } from '../history/history.ts'
import { resolveBrokerConfig } from '../kafka/config.ts'
import { newControllerNode } from '../controller/raft.ts'
import { newEnsemble } from '../controller/zookeeper/ensemble.ts'
import { newBroker } from '../cluster/broker.ts'
import { newCoordinatorState } from '../coordinator/group-coordinator.ts'
import { newProducer } from '../clients/producer.ts'
import { newReader } from '../clients/consumer.ts'
import type { Scenario } from '../scenario/types.ts'
import type { World } from './world.ts'
import { addMember, addNode, addShareMember, startNode } from './lifecycle.ts'

export function createWorld(scenario: Scenario, seed: number): World {
  const root = newRng(seed)
  const net = newNetwork(scenario.cluster.network.minLatencyMs, scenario.cluster.network.maxLatencyMs)
  const w: World = {
    scenario,
    groupSpecs: Object.fromEntries(scenario.consumers.map((c) => [c.groupId, c])),
    shareGroupSpecs: Object.fromEntries(scenario.shareGroups.map((g) => [g.groupId, g])),
    shares: {},
    seed,
    nowMs: 0,
    events: 0,
    queue: newQueue(),
    rng: { net: forkRng(root, 'net'), raft: forkRng(root, 'raft'), place: forkRng(root, 'place'), clients: forkRng(root, 'clients') },
    trace: { h1: 0x811c9dc5, h2: 0x01000193 },
    net,
    nodes: {},
    nodeOrder: [],
    brokerConfig: resolveBrokerConfig(scenario.cluster.config),
    controllers: {},
    voterIds: [],
    zookeeper: scenario.cluster.zookeeper ? newEnsemble(scenario.cluster.zookeeper.nodes) : null,
    brokers: {},
    brokerIds: [],
    producers: {},
    producerIds: [],
    readers: {},
    readerIds: [],
    members: {},
    memberIds: [],
    shareMembers: {},
    shareMemberIds: [],
    externals: {},
    externalIds: [],
    history: newHistory(),
    records: newRecordStore(),
    notes: [],
    timeline: scenario.timeline.slice(),
    timelineNext: 0,
    interventions: [],
    nextCorrelationId: 1,
  }
  const ctl = scenario.cluster.controller
  // the legacy ZooKeeper mode: the ensemble's servers instead of a KRaft quorum (voters is 0)
  for (const id of w.zookeeper?.servers ?? []) addNode(w, id).zookeeper = id
  for (let i = 1; i <= ctl.voters; i++) {
    const id = ctl.dedicated ? `controller-${i}` : String(i)
    w.voterIds.push(id)
    w.controllers[id] = newControllerNode(id)
    if (ctl.dedicated) addNode(w, id).controller = id
  }
  for (let i = 1; i <= scenario.cluster.brokers; i++) {
    const node = w.nodes[String(i)] ?? addNode(w, String(i))
    node.broker = i
    if (!ctl.dedicated && i <= ctl.voters) node.controller = String(i)
    w.brokers[String(i)] = newBroker(i, newCoordinatorState())
    w.brokerIds.push(i)
  }
  for (const spec of scenario.producers) {
    addNode(w, spec.id).producer = spec.id
    w.producers[spec.id] = newProducer(w, spec)
    w.producerIds.push(spec.id)
  }
  for (const spec of scenario.readers) {
    addNode(w, spec.id).reader = spec.id
    w.readers[spec.id] = newReader(spec)
    w.readerIds.push(spec.id)
  }
  for (const spec of scenario.consumers) {
    for (let i = 1; i <= spec.members; i++) addMember(w, spec, `${spec.groupId}-${i}`)
  }
  for (const spec of scenario.shareGroups) {
    for (let i = 1; i <= spec.members; i++) addShareMember(w, spec, `${spec.groupId}-${i}`)
  }
  for (const id of w.nodeOrder) startNode(w, id)
  return w
}

