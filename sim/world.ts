/**
 * The simulation state ("world") and the primitives every component uses: sending a message
 * through the network model, setting a timer, recording a note. All state is plain data; the
 * components (controller/, cluster/, clients/) are functions over it.
 *
 * Invariants: time moves only when the engine pops an event; a message or timer scheduled by a node
 * carries the node's incarnation and is dropped if the node crashed since; every random draw uses a
 * labelled Rng stream kept in the state.
 */
import type { SimEvent, SimEventInput } from './kafka/events.ts'
import { heapPush, type EventHeap } from './kernel/scheduler.ts'
import { canReach, deliveryTime, latencyOf, type NetworkState } from './kernel/network.ts'
import type { RngState } from './kernel/rng.ts'
import type { KafkaMessage } from './kafka/messages.ts'
export type { ApiName, KafkaMessage } from './kafka/messages.ts'
import type { Scenario, TimelineAction } from './scenario/types.ts'
import type { History } from './check/history.ts'
import type { ControllerNode } from './controller/types.ts'
import type { BrokerNode } from './cluster/types.ts'
import type { ProducerNode } from './clients/producer-types.ts'
import type { ReaderNode } from './clients/consumer-types.ts'
import type { MemberNode } from './clients/group-consumer-types.ts'
import type { BrokerConfig } from './scenario/config.ts'

export interface NodeInfo {
  id: string
  up: boolean
  /** bumped on every crash; events scheduled before carry the old value and are dropped */
  inc: number
  paused: boolean
  /** events that arrived while paused, delivered in order on resume */
  deferred: { kind: string; data: unknown }[]
  /** what runs on the node */
  broker?: number
  controller?: string
  producer?: string
  reader?: string
  /** a consumer group member's client id */
  member?: string
}

/** A recorded event (kafka/events.ts): typed data, worded per language at the edge. */
export type Note = SimEvent

export interface World {
  scenario: Scenario
  seed: number
  nowMs: number
  events: number
  heap: EventHeap
  rng: { net: RngState; raft: RngState; place: RngState; clients: RngState }
  trace: { h1: number; h2: number }
  net: NetworkState
  nodes: Record<string, NodeInfo>
  /** node ids in a fixed order (for iteration) */
  nodeOrder: string[]
  brokerConfig: BrokerConfig
  controllers: Record<string, ControllerNode>
  voterIds: string[]
  brokers: Record<string, BrokerNode>
  brokerIds: number[]
  producers: Record<string, ProducerNode>
  producerIds: string[]
  readers: Record<string, ReaderNode>
  readerIds: string[]
  /** consumer group members by client id (`<groupId>-N`), in creation order */
  members: Record<string, MemberNode>
  memberIds: string[]
  history: History
  notes: Note[]
  /** timeline actions still to run, sorted by atMs (scenario timeline merged with interventions) */
  timeline: TimelineAction[]
  timelineNext: number
  /** interventions applied through Simulation.apply, with their time */
  interventions: TimelineAction[]
  nextCorrelationId: number
}

/** A message between nodes: one of the Kafka APIs the simulation speaks (sim/kafka/messages.ts). */
export type Msg = KafkaMessage

export function isUp(w: World, id: string): boolean {
  const n = w.nodes[id]
  return !!n && n.up
}

/**
 * Send a message. Unreachable links drop it silently (the sender's request times out); a crashed
 * destination refuses the connection: the sender gets a 'disconnect' notice one latency later.
 * A crash resets the node's connections: what it sent before and has not arrived is lost.
 */
export function send(w: World, from: string, to: string, msg: Msg): void {
  if (!canReach(w.net, from, to)) return
  const dest = w.nodes[to]
  if (!dest || !dest.up) {
    refuse(w, from, to)
    return
  }
  const t = deliveryTime(w.net, w.rng.net, w.nowMs, from, to)
  msg.srcInc = w.nodes[from].inc
  msg.sentMs = w.nowMs
  heapPush(w.heap, { timeMs: t, node: to, kind: 'msg', data: msg, inc: dest.inc })
}

/** Tell `from` that its connection to `to` is gone (connection refused or reset). */
export function refuse(w: World, from: string, to: string): void {
  const src = w.nodes[from]
  if (!src || !src.up) return
  heapPush(w.heap, {
    timeMs: w.nowMs + Math.max(1, latencyOf(w.net, from, to)),
    node: from,
    kind: 'disconnect',
    data: to,
    inc: src.inc,
  })
}

/** Schedule a timer on a node. */
export function timer(w: World, node: string, name: string, delayMs: number, data: unknown = null): void {
  const n = w.nodes[node]
  if (!n || !n.up) return
  heapPush(w.heap, {
    timeMs: w.nowMs + Math.max(0, Math.floor(delayMs)),
    node,
    kind: name,
    data,
    inc: n.inc,
  })
}

/** Record an event at the current time. */
export function emit(w: World, e: SimEventInput): void {
  w.notes.push({ ...e, atMs: w.nowMs } as SimEvent)
}

export function nextCorrelationId(w: World): number {
  return w.nextCorrelationId++
}
