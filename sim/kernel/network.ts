/**
 * The network model: which node can reach which, and how long a message takes.
 *
 * Every pair of nodes has a seeded base latency (drawn once, when the later of the two nodes joins),
 * plus a seeded per-message jitter. Messages on one directed link arrive in the order they were sent
 * (TCP keeps order on a connection): a message never arrives before the previous one on its link.
 * Faults: cut links, isolated nodes, a partition into sides (listed nodes reach only their own side;
 * unlisted nodes keep every link), and slow links (extra latency). Plain data throughout.
 */
import { nextRange, type RngState } from './rng.ts'

export interface NetworkState {
  minLatencyMs: number
  maxLatencyMs: number
  /** node ids in the order they joined */
  nodes: string[]
  /** base latency per unordered pair, key linkKey(a, b) */
  latency: Record<string, number>
  /** extra latency per unordered pair (slowLink) */
  extra: Record<string, number>
  /** cut unordered pairs */
  cut: Record<string, true>
  isolated: Record<string, true>
  /** partitionNetwork sides: node -> side index */
  side: Record<string, number>
  /** last delivery time per directed link "a>b" (FIFO per connection) */
  lastDelivery: Record<string, number>
}

export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

export function newNetwork(minLatencyMs: number, maxLatencyMs: number): NetworkState {
  return {
    minLatencyMs,
    maxLatencyMs,
    nodes: [],
    latency: {},
    extra: {},
    cut: {},
    isolated: {},
    side: {},
    lastDelivery: {},
  }
}

/** Add a node, drawing its base latency to every node already present (in join order). */
export function addNetworkNode(net: NetworkState, rng: RngState, id: string): void {
  if (net.nodes.includes(id)) return
  for (const other of net.nodes) {
    net.latency[linkKey(id, other)] = nextRange(rng, net.minLatencyMs, net.maxLatencyMs)
  }
  net.nodes.push(id)
}

export function canReach(net: NetworkState, a: string, b: string): boolean {
  if (a === b) return true
  if (net.isolated[a] || net.isolated[b]) return false
  if (net.cut[linkKey(a, b)]) return false
  const sa = net.side[a]
  const sb = net.side[b]
  if (sa !== undefined && sb !== undefined && sa !== sb) return false
  return true
}

/** Delivery time of a message sent now from a to b (FIFO per directed link). */
export function deliveryTime(net: NetworkState, rng: RngState, nowMs: number, a: string, b: string): number {
  if (a === b) return nowMs
  const key = linkKey(a, b)
  const base = (net.latency[key] ?? net.maxLatencyMs) + (net.extra[key] ?? 0)
  const jitter = nextRange(rng, 0, 1)
  const dir = `${a}>${b}`
  const last = net.lastDelivery[dir] ?? 0
  const t = Math.max(nowMs + base + jitter, last)
  net.lastDelivery[dir] = t
  return t
}

/** Round-trip-free latency estimate (used for connection-refused notices). */
export function latencyOf(net: NetworkState, a: string, b: string): number {
  if (a === b) return 0
  const key = linkKey(a, b)
  return (net.latency[key] ?? net.maxLatencyMs) + (net.extra[key] ?? 0)
}

/** A node's connections are gone (crash or restart): later messages no longer queue behind old ones. */
export function resetConnections(net: NetworkState, node: string): void {
  for (const key of Object.keys(net.lastDelivery)) {
    const i = key.indexOf('>')
    if (key.slice(0, i) === node || key.slice(i + 1) === node) delete net.lastDelivery[key]
  }
}

export function healNetwork(net: NetworkState): void {
  net.extra = {}
  net.cut = {}
  net.isolated = {}
  net.side = {}
}
