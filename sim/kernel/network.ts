/**
 * The network model: which node can reach which, and how long a message takes.
 *
 * Every pair of nodes has a seeded base latency (drawn once, when the later of the two nodes joins),
 * plus a seeded per-message jitter of 0–1 ms. Messages on one directed link arrive in the order they
 * were sent (TCP keeps order on a connection): a message never arrives before the previous one on
 * its link; a crash resets the node's connections. Faults: cut links, isolated nodes, a partition
 * into sides (listed nodes reach only their own side; unlisted nodes keep every link), and slow
 * links (extra latency). Plain data throughout: one record per directed link, looked up without
 * building keys on the hot path.
 */
import { nextRange, nextInt, type RngState } from './rng.ts'

export interface LinkState {
  latencyMs: number
  extraMs: number
  cut: boolean
  /** delivery time of the last message on this directed link (FIFO per connection) */
  lastDeliveryMs: number
}

export interface NetworkState {
  minLatencyMs: number
  maxLatencyMs: number
  /** node ids in the order they joined */
  nodes: string[]
  /** directed links: links[from][to] */
  links: Record<string, Record<string, LinkState>>
  isolated: Record<string, true>
  /** partitionNetwork sides: node -> side index */
  side: Record<string, number>
  /** true while a partitionNetwork is in force */
  partitioned: boolean
  /** true once a link was cut, a node isolated or the network partitioned, until healNetwork */
  faulty: boolean
}

export function newNetwork(minLatencyMs: number, maxLatencyMs: number): NetworkState {
  return { minLatencyMs, maxLatencyMs, nodes: [], links: {}, isolated: {}, side: {}, partitioned: false, faulty: false }
}

/** Add a node, drawing its base latency to every node already present (in join order). */
export function addNetworkNode(net: NetworkState, rng: RngState, id: string): void {
  if (net.links[id]) return
  net.links[id] = {}
  for (const other of net.nodes) {
    const latencyMs = nextRange(rng, net.minLatencyMs, net.maxLatencyMs)
    net.links[id][other] = { latencyMs, extraMs: 0, cut: false, lastDeliveryMs: 0 }
    net.links[other][id] = { latencyMs, extraMs: 0, cut: false, lastDeliveryMs: 0 }
  }
  net.nodes.push(id)
}

export function canReach(net: NetworkState, a: string, b: string): boolean {
  if (a === b || !net.faulty) return true
  if (net.isolated[a] || net.isolated[b]) return false
  const link = net.links[a]?.[b]
  if (link && link.cut) return false
  if (net.partitioned) {
    const sa = net.side[a]
    const sb = net.side[b]
    if (sa !== undefined && sb !== undefined && sa !== sb) return false
  }
  return true
}

/** Delivery time of a message sent now from a to b (FIFO per directed link). */
export function deliveryTime(net: NetworkState, rng: RngState, nowMs: number, a: string, b: string): number {
  if (a === b) return nowMs
  const link = net.links[a][b]
  const t = Math.max(nowMs + link.latencyMs + link.extraMs + nextInt(rng, 2), link.lastDeliveryMs)
  link.lastDeliveryMs = t
  return t
}

/** One-way latency now (used for connection-refused notices). */
export function latencyOf(net: NetworkState, a: string, b: string): number {
  if (a === b) return 0
  const link = net.links[a]?.[b]
  return link ? link.latencyMs + link.extraMs : net.maxLatencyMs
}

export function setExtraLatency(net: NetworkState, a: string, b: string, ms: number): void {
  net.links[a][b].extraMs = ms
  net.links[b][a].extraMs = ms
}

export function cutLink(net: NetworkState, a: string, b: string): void {
  net.links[a][b].cut = true
  net.links[b][a].cut = true
  net.faulty = true
}

/** The node reaches no other node (and none reaches it) until healNetwork. */
export function isolateNode(net: NetworkState, id: string): void {
  net.isolated[id] = true
  net.faulty = true
}

export function partitionInto(net: NetworkState, sides: string[][]): void {
  net.side = {}
  sides.forEach((side, i) => side.forEach((id) => (net.side[id] = i)))
  net.partitioned = true
  net.faulty = true
}

/** A node's connections are gone (crash): later messages no longer queue behind old ones. */
export function resetConnections(net: NetworkState, node: string): void {
  for (const other of net.nodes) {
    if (other === node) continue
    net.links[node][other].lastDeliveryMs = 0
    net.links[other][node].lastDeliveryMs = 0
  }
}

export function healNetwork(net: NetworkState): void {
  for (const a of net.nodes) {
    for (const b of net.nodes) {
      if (a === b) continue
      net.links[a][b].extraMs = 0
      net.links[a][b].cut = false
    }
  }
  net.isolated = {}
  net.side = {}
  net.partitioned = false
  net.faulty = false
}
