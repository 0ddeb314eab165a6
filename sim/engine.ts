/**
 * The engine: builds the world from a scenario, and processes one event per step.
 *
 * step() takes the earliest of (a) the next event in the heap (ordered by (timeMs, seq)) and (b) the
 * next timeline action; an action due at the same millisecond as an event runs after the events of
 * that millisecond, so an intervention applied after runUntil(t) behaves exactly like a timeline
 * action at t. Events of a node that crashed since they were scheduled are dropped. Every processed
 * event is folded into the running trace hash.
 */
import { newHeap, heapPop, heapPeek, heapPush } from './kernel/scheduler.ts'
import { newRng, forkRng } from './kernel/rng.ts'
import { newNetwork, addNetworkNode, resetConnections } from './kernel/network.ts'
import { isUp, refuse, type World, type Msg, type NodeInfo } from './world.ts'
import type { ApiName, MessageOf } from './kafka/messages.ts'
import { canReach } from './kernel/network.ts'
import { newHistory } from './check/history.ts'
import { resolveBrokerConfig } from './scenario/config.ts'
import type { Scenario, TimelineAction } from './scenario/types.ts'
import { newControllerNode, startController, handleRaftMessage, handleRaftTimer } from './controller/raft.ts'
import { handleControllerMessage, handleControllerTimer } from './controller/quorum-controller.ts'
import { newBroker, startBroker, brokerTick, brokerIsrTimer, handleBrokerMessage, retryMetadata, retryRegistration } from './cluster/broker.ts'
import { handleProduce, handleInitProducerId, purgeParkedProduce, armPurge } from './cluster/produce-handler.ts'
import { handleFetch, purgeParkedFetches } from './cluster/fetch-handler.ts'
import { onReplicaFetchResponse, onFetcherDisconnect, retryFetcher } from './cluster/replica-fetcher.ts'
import { onAlterPartitionResponse } from './cluster/isr.ts'
import { handleMetadata, handleListOffsets, handleOffsetForLeaderEpoch } from './cluster/client-requests.ts'
import { newProducer, startProducerClient, handleProducerMessage, onProducerDisconnect, onWakeTimer, wake } from './clients/producer.ts'
import { newReader, startReader, readerTick, handleReaderMessage, onReaderDisconnect } from './clients/consumer.ts'
import { runAction } from './scenario/actions.ts'
import { newGroupMember, startGroupMember, handleMemberMessage, handleMemberTimer, onMemberDisconnect } from './clients/group-consumer.ts'
import { handleGroupRequest, coordinatorTimer } from './groups/coordinator.ts'
import { mixTrace, internName } from './trace/hash.ts'

export function createWorld(scenario: Scenario, seed: number): World {
  const root = newRng(seed)
  const net = newNetwork(scenario.cluster.network.minLatencyMs, scenario.cluster.network.maxLatencyMs)
  const w: World = {
    scenario,
    seed,
    nowMs: 0,
    events: 0,
    heap: newHeap(),
    rng: { net: forkRng(root, 'net'), raft: forkRng(root, 'raft'), place: forkRng(root, 'place'), clients: forkRng(root, 'clients') },
    trace: { h1: 0x811c9dc5, h2: 0x01000193 },
    net,
    nodes: {},
    nodeOrder: [],
    brokerConfig: resolveBrokerConfig(scenario.cluster.config),
    controllers: {},
    voterIds: [],
    brokers: {},
    brokerIds: [],
    producers: {},
    producerIds: [],
    readers: {},
    readerIds: [],
    members: {},
    memberIds: [],
    history: newHistory(),
    notes: [],
    timeline: scenario.timeline.slice(),
    timelineNext: 0,
    interventions: [],
    nextCorrelationId: 1,
  }
  const ctl = scenario.cluster.controller
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
    w.brokers[String(i)] = newBroker(i)
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
  for (const id of w.nodeOrder) startNode(w, id)
  return w
}

/** A consumer group member: a network node running KafkaConsumer.subscribe. */
export function addMember(w: World, spec: Scenario['consumers'][number], clientId: string): void {
  addNode(w, clientId).member = clientId
  w.members[clientId] = newGroupMember(w, spec, clientId)
  w.memberIds.push(clientId)
}

function addNode(w: World, id: string): NodeInfo {
  const n: NodeInfo = { id, up: true, inc: 0, paused: false, deferred: [] }
  w.nodes[id] = n
  w.nodeOrder.push(id)
  addNetworkNode(w.net, w.rng.net, id)
  return n
}

export function startNode(w: World, id: string): void {
  const n = w.nodes[id]
  if (n.controller) startController(w, w.controllers[n.controller])
  if (n.broker !== undefined) startBroker(w, w.brokers[String(n.broker)])
  if (n.producer) startProducerClient(w, w.producers[n.producer])
  if (n.reader) startReader(w, w.readers[n.reader])
  if (n.member) startGroupMember(w, w.members[n.member])
}

/** Crash a node: its volatile state and pending timers are gone; peers see the connection reset. */
export function crashNode(w: World, id: string): void {
  const n = w.nodes[id]
  if (!n || !n.up) return
  n.up = false
  n.inc++
  n.paused = false
  n.deferred = []
  resetConnections(w.net, id)
  for (const other of w.nodeOrder) {
    if (other !== id && isUp(w, other) && canReach(w.net, other, id)) refuse(w, other, id)
  }
  if (n.controller) {
    const c = w.controllers[n.controller]
    c.role = 'Unattached'
    c.leaderId = null
    c.parked = []
    c.pending = []
  }
  if (n.producer) {
    const p = w.producers[n.producer]
    p.queues = p.queues.map(() => [])
    p.requests = {}
    p.nextRequestDeadline = Infinity
    p.inflightByNode = {}
    p.onWire = p.onWire.map(() => 0)
    p.bumpSeq = p.bumpSeq.map(() => -1)
    p.unresolved = p.unresolved.map(() => -1)
    p.meta.inflight = false
    p.pidInflight = false
    p.producerId = -1
    p.wakeAt = -1
  }
}

export function restartNode(w: World, id: string): void {
  const n = w.nodes[id]
  if (!n || n.up) return
  n.up = true
  n.inc++
  if (n.reader) for (const p of w.readers[n.reader].parts) p.position = -1
  startNode(w, id)
}

export function resumeNode(w: World, id: string): void {
  const n = w.nodes[id]
  if (!n || !n.paused) return
  n.paused = false
  const deferred = n.deferred
  n.deferred = []
  for (const d of deferred) heapPush(w.heap, { timeMs: w.nowMs, node: id, kind: d.kind, data: d.data, inc: n.inc })
}

/**
 * An observer of delivered messages (the app draws them). It is not part of the world, it cannot
 * change it, and it is called only for messages that reach a live, unpaused destination.
 */
export type MessageTap = (msg: Msg, to: string, atMs: number) => void

/** Process the next event or timeline action. Returns false when there is nothing left. */
export function step(w: World, tap?: MessageTap): boolean {
  const ev = heapPeek(w.heap)
  const action = w.timeline[w.timelineNext] as TimelineAction | undefined
  if (action && (!ev || action.atMs < ev.timeMs)) {
    w.timelineNext++
    w.nowMs = Math.max(w.nowMs, action.atMs)
    w.events++
    mixTrace(w, w.nowMs, internName('sim'), internName(action.action))
    runAction(w, action)
    return true
  }
  if (!ev) return false
  heapPop(w.heap)
  w.nowMs = ev.timeMs
  w.events++
  const n = w.nodes[ev.node]
  const api = ev.kind === 'msg' ? (ev.data as Msg).api : ev.kind
  mixTrace(w, ev.timeMs, internName(ev.node), internName(api))
  if (!n || !n.up || ev.inc !== n.inc) return true
  if (ev.kind === 'msg') {
    const m = ev.data as Msg
    if (m.srcInc !== undefined && w.nodes[m.from].inc !== m.srcInc) return true
  }
  if (n.paused) {
    n.deferred.push({ kind: ev.kind, data: ev.data })
    return true
  }
  if (tap !== undefined && ev.kind === 'msg') tap(ev.data as Msg, ev.node, ev.timeMs)
  dispatch(w, n, ev.kind, ev.data)
  return true
}

export function nextTime(w: World): number {
  const ev = heapPeek(w.heap)
  const action = w.timeline[w.timelineNext]
  const a = action ? action.atMs : Infinity
  const e = ev ? ev.timeMs : Infinity
  return Math.min(a, e)
}

export function runUntil(w: World, timeMs: number, tap?: MessageTap): void {
  const items = w.heap.items
  for (;;) {
    const ev = items[0]
    const action = w.timeline[w.timelineNext]
    if ((ev === undefined || ev.timeMs > timeMs) && (action === undefined || action.atMs > timeMs)) break
    step(w, tap)
  }
  if (timeMs > w.nowMs) w.nowMs = timeMs
}

const CONTROLLER_APIS = new Set<ApiName>(['Vote', 'VoteResponse', 'BeginQuorumEpoch', 'RaftFetch'])
const QUORUM_CONTROLLER_APIS = new Set<ApiName>(['BrokerRegistration', 'BrokerHeartbeat', 'AlterPartition', 'AllocateProducerIds'])
const isRaftMessage = (m: Msg): m is MessageOf<'Vote' | 'VoteResponse' | 'BeginQuorumEpoch' | 'RaftFetch'> => CONTROLLER_APIS.has(m.api)
const isQuorumControllerRequest = (m: Msg): m is MessageOf<'BrokerRegistration' | 'BrokerHeartbeat' | 'AlterPartition' | 'AllocateProducerIds'> =>
  QUORUM_CONTROLLER_APIS.has(m.api)

function dispatch(w: World, n: NodeInfo, kind: string, data: unknown): void {
  if (kind === 'msg') return route(w, n, data as Msg)
  if (kind === 'disconnect') return disconnect(w, n, data as string)
  const dot = kind.indexOf('.')
  const group = kind.slice(0, dot)
  switch (group) {
    case 'raft':
      return handleRaftTimer(w, w.controllers[n.controller!], kind, data as number)
    case 'ctl':
      return handleControllerTimer(w, w.controllers[n.controller!], kind, data as number)
    case 'broker':
    case 'coord':
      return brokerTimer(w, n, kind, data)
    case 'producer': {
      const p = w.producers[n.producer!]
      if (kind === 'producer.wake') return onWakeTimer(w, p, data as number)
      return wake(w, p)
    }
    case 'reader':
      return readerTick(w, w.readers[n.reader!])
    case 'member':
      return handleMemberTimer(w, w.members[n.member!], kind, data)
  }
}

function brokerTimer(w: World, n: NodeInfo, kind: string, data: unknown): void {
  const b = w.brokers[String(n.broker)]
  switch (kind) {
    case 'broker.tick':
      return brokerTick(w, b)
    case 'broker.isr':
      return brokerIsrTimer(w, b)
    case 'broker.metaRetry':
      return retryMetadata(w, b)
    case 'broker.register':
      return retryRegistration(w, b)
    case 'broker.fetcherRetry':
      return retryFetcher(w, b, data as number)
    case 'coord.tick':
      return coordinatorTimer(w, b, data as number)
    case 'broker.purge': {
      if (data !== b.purgeTimerAt) return
      b.purgeTimerAt = -1
      const next = Math.min(purgeParkedProduce(w, b), purgeParkedFetches(w, b))
      if (next !== Infinity) armPurge(w, b, next)
      return
    }
  }
}

function route(w: World, n: NodeInfo, m: Msg): void {
  const api = m.api
  if (n.broker !== undefined) {
    const b = w.brokers[n.id]
    switch (api) {
      case 'Produce':
        return handleProduce(w, b, m)
      case 'Fetch':
        return handleFetch(w, b, m)
      case 'Metadata':
        return handleMetadata(w, b, m)
      case 'ListOffsets':
        return handleListOffsets(w, b, m)
      case 'OffsetForLeaderEpoch':
        return handleOffsetForLeaderEpoch(w, b, m)
      case 'InitProducerId':
        return handleInitProducerId(w, b, m)
      case 'FindCoordinator':
      case 'JoinGroup':
      case 'SyncGroup':
      case 'Heartbeat':
      case 'LeaveGroup':
      case 'OffsetCommit':
      case 'OffsetFetch':
        return handleGroupRequest(w, b, m)
      case 'FetchResponse':
        if (m.replicaId >= 0) return onReplicaFetchResponse(w, b, m)
        break
      case 'AlterPartitionResponse':
        return onAlterPartitionResponse(w, b, m)
      case 'BrokerRegistrationResponse':
      case 'BrokerHeartbeatResponse':
        return handleBrokerMessage(w, b, m)
    }
  }
  if (isRaftMessage(m)) return handleRaftMessage(w, w.controllers[n.controller!], m)
  if (api === 'RaftFetchResponse') {
    if (m.observer) return handleBrokerMessage(w, w.brokers[String(n.broker)], m)
    return handleRaftMessage(w, w.controllers[n.controller!], m)
  }
  if (isQuorumControllerRequest(m)) {
    if (!n.controller) return
    return handleControllerMessage(w, w.controllers[n.controller], m)
  }
  if (n.producer) return handleProducerMessage(w, w.producers[n.producer], m)
  if (n.reader) return handleReaderMessage(w, w.readers[n.reader], m)
  if (n.member) return handleMemberMessage(w, w.members[n.member], m)
}

function disconnect(w: World, n: NodeInfo, peer: string): void {
  if (n.broker !== undefined) onFetcherDisconnect(w, w.brokers[String(n.broker)], peer)
  if (n.producer) onProducerDisconnect(w, w.producers[n.producer], peer)
  if (n.reader) onReaderDisconnect(w, w.readers[n.reader], peer)
  if (n.member) onMemberDisconnect(w, w.members[n.member], peer)
}
