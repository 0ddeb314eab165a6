/**
 * A node's life: added to the network, started, crashed (volatile state gone, peers see the
 * connection reset), restarted (a new incarnation), resumed after a pause. What each kind of process
 * forgets or redoes is its behaviour's business (behaviours.ts).
 *
 * Invariants: a crash bumps the node's incarnation, so every event scheduled for it before is dropped;
 * a paused node keeps the events that reach it and gets them, in order, on resume.
 */
import { newShareMember } from '../clients/share-consumer.ts'
import { newExternalClient, type ExternalClientNode } from '../clients/external-client.ts'
import { queuePush } from '../kernel/scheduler.ts'
import { addNetworkNode } from '../kernel/network.ts'
import type { NodeInfo } from '../kernel/node-io.ts'
import { emit } from '../kafka/events.ts'
import { beginControlledShutdown, newBroker } from '../cluster/broker.ts'
import { newCoordinatorState } from '../coordinator/group-coordinator.ts'
import { internName } from '../kernel/trace-hash.ts'
import { newGroupMember } from '../clients/group-consumer.ts'
import type { Scenario } from '../scenario/types.ts'
import type { World } from './world.ts'
import { NODE_BEHAVIOURS, stopBrokerIfShutDown, stopProcess } from './behaviours.ts'

export function addNode(w: World, id: string): NodeInfo {
  // every field set here, whatever runs on the node: one hidden class for all nodes, and a snapshot's copy gets it too
  const n: NodeInfo = { id, up: true, inc: 0, paused: false, deferred: [], broker: undefined, controller: undefined, producer: undefined, reader: undefined, member: undefined, shareMember: undefined, zookeeper: undefined, external: undefined, traceId: internName(id) }
  w.nodes[id] = n
  w.nodeOrder.push(id)
  addNetworkNode(w.net, w.rng.net, id)
  return n
}

/** A consumer group member: a network node running KafkaConsumer.subscribe. */
export function addMember(w: World, spec: Scenario['consumers'][number], clientId: string): void {
  addNode(w, clientId).member = clientId
  w.members[clientId] = newGroupMember(w, spec, clientId)
  w.memberIds.push(clientId)
}

/** A share group member (KIP-932): a network node running KafkaShareConsumer.subscribe. */
export function addShareMember(w: World, spec: Scenario['shareGroups'][number], clientId: string): void {
  addNode(w, clientId).shareMember = clientId
  w.shareMembers[clientId] = newShareMember(spec, clientId)
  w.shareMemberIds.push(clientId)
}

/**
 * addBroker: a broker with the next id joins the running cluster (as a new Kafka process with a
 * fresh node.id): it gets a network node, registers with the active controller and stays fenced until
 * it has replayed the metadata; it hosts no replica until partitions are moved to it. Returns its id.
 */
/** A real client's node, made when it first sends (kafkascope serve's `ext-<n>`). */
export function externalClient(w: World, id: string): ExternalClientNode {
  if (!w.externals[id]) {
    addNode(w, id).external = id
    w.externals[id] = newExternalClient(id)
    w.externalIds.push(id)
  }
  return w.externals[id]
}

export function addBroker(w: World): number {
  const id = Math.max(0, ...w.brokerIds) + 1
  addNode(w, String(id)).broker = id
  w.brokers[String(id)] = newBroker(id, newCoordinatorState())
  w.brokerIds.push(id)
  emit(w, { type: 'BrokerAdded', broker: id })
  startNode(w, String(id))
  return id
}

export function startNode(w: World, id: string): void {
  const n = w.nodes[id]
  for (const b of NODE_BEHAVIOURS) if (b.runsOn(n)) b.start(w, n)
}

/** Crash a node: its volatile state and pending timers are gone; peers see the connection reset. */
export function crashNode(w: World, id: string): void {
  stopProcess(w, id)
}

/**
 * shutdownBroker: a controlled shutdown begins (cluster/broker.ts beginControlledShutdown); the broker
 * stops when the controller lets it go (behaviours.ts), or at once when it is not registered yet.
 */
export function shutdownBrokerNode(w: World, id: string): void {
  const b = w.brokers[id]
  if (!b || !w.nodes[id]?.up || b.lifecycle !== 'running') return
  emit(w, { type: 'BrokerShutdownRequested', broker: b.id })
  beginControlledShutdown(w, b)
  stopBrokerIfShutDown(w, b)
}

export function restartNode(w: World, id: string): void {
  const n = w.nodes[id]
  if (!n || n.up) return
  n.up = true
  n.inc++
  for (const b of NODE_BEHAVIOURS) if (b.runsOn(n)) b.restart?.(w, n)
  startNode(w, id)
}

export function resumeNode(w: World, id: string): void {
  const n = w.nodes[id]
  if (!n || !n.paused) return
  n.paused = false
  const deferred = n.deferred
  n.deferred = []
  for (const d of deferred) queuePush(w.queue, { timeMs: w.nowMs, seq: 0, node: id, kind: d.kind, data: d.data, inc: n.inc })
}
