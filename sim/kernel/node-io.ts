/**
 * How a node acts on the world: send an envelope through the network model, refuse a connection,
 * set a timer, draw a correlation id. These know nothing of Kafka: a message is any envelope with a
 * sender (Kafka's typed messages are sent through kafka/wire.ts).
 *
 * Invariants: a message or timer scheduled by a node carries the destination's incarnation and is
 * dropped if that node crashed since; a message also carries its sender's incarnation (srcInc) so a
 * message from a process that crashed since is never delivered; latency draws use the `net` stream.
 */
import { queuePush, type EventQueue } from './scheduler.ts'
import { canReach, deliveryTime, latencyOf, type NetworkState } from './network.ts'
import type { RngState } from './rng.ts'

/** A node of the network and what runs on it (the kind of each process, never its behaviour). */
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
  /** a share group member's client id (KIP-932) */
  shareMember?: string
  /** a ZooKeeper server of the legacy ZooKeeper mode (zk-N) */
  zookeeper?: string
  /** a real Kafka client connected through kafkascope serve (ext-N) */
  external?: string
  /** internName(id), which the trace hash folds in for every event of the node */
  traceId: number
}

/** The part of the world the kernel reads and writes. */
export interface KernelWorld {
  nowMs: number
  queue: EventQueue
  net: NetworkState
  nodes: Record<string, NodeInfo>
  rng: { net: RngState }
  nextCorrelationId: number
}

/** Fields every message has: its sender and, set by `deliver`, the sender's incarnation and send time. */
/** The fields `deliver` adds to a message, last and in this order (a snapshot's copy adds them the same way). */
export const ADDED_ON_SEND: readonly string[] = ['srcInc', 'sentMs']

export interface Envelope {
  from: string
  srcInc?: number
  sentMs?: number
}

export function isUp(w: KernelWorld, id: string): boolean {
  const n = w.nodes[id]
  return !!n && n.up
}

/**
 * Deliver a message. Unreachable links drop it silently (the sender's request times out); a crashed
 * destination refuses the connection: the sender gets a 'disconnect' notice one latency later.
 * A crash resets the node's connections: what it sent before and has not arrived is lost.
 */
export function deliver(w: KernelWorld, from: string, to: string, msg: Envelope): void {
  if (!canReach(w.net, from, to)) return
  const dest = w.nodes[to]
  if (!dest || !dest.up) {
    refuse(w, from, to)
    return
  }
  const t = deliveryTime(w.net, w.rng.net, w.nowMs, from, to)
  msg.srcInc = w.nodes[from].inc
  msg.sentMs = w.nowMs
  queuePush(w.queue, { timeMs: t, seq: 0, node: to, kind: 'msg', data: msg, inc: dest.inc })
}

/** Tell `from` that its connection to `to` is gone (connection refused or reset). */
export function refuse(w: KernelWorld, from: string, to: string): void {
  const src = w.nodes[from]
  if (!src || !src.up) return
  queuePush(w.queue, {
    timeMs: w.nowMs + Math.max(1, latencyOf(w.net, from, to)),
    seq: 0,
    node: from,
    kind: 'disconnect',
    data: to,
    inc: src.inc,
  })
}

/** Schedule a timer on a node. */
export function timer(w: KernelWorld, node: string, name: string, delayMs: number, data: unknown = null): void {
  const n = w.nodes[node]
  if (!n || !n.up) return
  queuePush(w.queue, {
    timeMs: w.nowMs + Math.max(0, Math.floor(delayMs)),
    seq: 0,
    node,
    kind: name,
    data,
    inc: n.inc,
  })
}

export function nextCorrelationId(w: KernelWorld): number {
  return w.nextCorrelationId++
}
