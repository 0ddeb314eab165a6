// Aggregates delivered Kafka requests and responses for drawing. Simulated latencies are a few ms,
// so at any useful speed hundreds of messages cross a link per wall second: the map shows at most
// one dot per (from, to, kind, error?) per BUCKET_MS of wall time, counting what it stands for, and
// keeps per-link activity for the last wall second (drawn instead of dots for reduced motion).
// Pure logic over node indexes and wall times; the DOM overlay owns the drawing. Dots are pooled
// and the typed arrays are reused, so the frame loop allocates nothing here.

import type { FlowKind } from '../../host/flow.ts'

export const KINDS: readonly FlowKind[] = ['produce', 'replication', 'consume', 'group', 'controller', 'metadata']
export const KIND_INDEX: Record<FlowKind, number> = { produce: 0, replication: 1, consume: 2, group: 3, controller: 4, metadata: 5 }
const K = KINDS.length

/** At most one new dot per link, kind and error-ness per this many wall ms. */
export const BUCKET_MS = 150
export const MAX_DOTS = 320
/** How long an error name stays next to the node that got it. */
export const ERROR_LABEL_MS = 1800
/** Activity is counted per wall second. */
export const ACTIVITY_WINDOW_MS = 1000

export interface Dot {
  live: boolean
  from: number
  to: number
  kind: number
  error: string | null
  /** messages this dot stands for, and the records they carried */
  count: number
  records: number
  startMs: number
  durationMs: number
  /** where the overlay drew it this frame, and whether it left it out (over a group card) */
  x: number
  y: number
  hidden: boolean
}

export interface ErrorLabel {
  node: number
  error: string
  count: number
  untilMs: number
}

export class FlowAggregator {
  readonly dots: Dot[] = []
  readonly labels: ErrorLabel[] = []
  /** set when a label appeared, changed or went away (the overlay redraws labels then) */
  labelsChanged = false
  private n = 0
  private lastLaunch = new Float64Array(0)
  private currentDot = new Int32Array(0)
  private actNow = new Float64Array(0)
  private actLast = new Float64Array(0)
  private windowStart = -Infinity

  constructor() {
    for (let i = 0; i < MAX_DOTS; i++) this.dots.push({ live: false, from: 0, to: 0, kind: 0, error: null, count: 0, records: 0, startMs: 0, durationMs: 0, x: 0, y: 0, hidden: false })
  }

  /** The nodes on the map changed: forget links, dots and labels. */
  resize(nodeCount: number): void {
    this.n = nodeCount
    const slots = nodeCount * nodeCount * K * 2
    this.lastLaunch = new Float64Array(slots).fill(-Infinity)
    this.currentDot = new Int32Array(slots).fill(-1)
    this.actNow = new Float64Array(nodeCount * nodeCount * K)
    this.actLast = new Float64Array(nodeCount * nodeCount * K)
    this.clear()
  }

  clear(): void {
    for (const d of this.dots) d.live = false
    this.lastLaunch.fill(-Infinity)
    this.currentDot.fill(-1)
    this.actNow.fill(0)
    this.actLast.fill(0)
    this.labels.length = 0
    this.labelsChanged = true
  }

  get nodeCount(): number {
    return this.n
  }

  /** Index of the unordered pair {a, b}. */
  pair(a: number, b: number): number {
    return a < b ? a * this.n + b : b * this.n + a
  }

  /** One delivery from node `from` to node `to`. */
  add(from: number, to: number, kind: number, error: string | null, records: number, wallNow: number, durationMs: number): void {
    if (from === to || from >= this.n || to >= this.n) return
    this.actNow[this.pair(from, to) * K + kind] += 1
    if (error !== null) this.noteError(to, error, wallNow)
    const slot = ((from * this.n + to) * K + kind) * 2 + (error === null ? 0 : 1)
    const current = this.currentDot[slot]
    const joinable = current >= 0 && this.dots[current].live && wallNow - this.lastLaunch[slot] < BUCKET_MS
    if (joinable) {
      const d = this.dots[current]
      d.count += 1
      d.records += records
      return
    }
    const free = this.freeDot()
    if (free < 0) return
    const d = this.dots[free]
    d.live = true
    d.from = from
    d.to = to
    d.kind = kind
    d.error = error
    d.count = 1
    d.records = records
    d.startMs = wallNow
    d.durationMs = durationMs
    this.currentDot[slot] = free
    this.lastLaunch[slot] = wallNow
  }

  private freeDot(): number {
    for (let i = 0; i < this.dots.length; i++) if (!this.dots[i].live) return i
    return -1
  }

  private noteError(node: number, error: string, wallNow: number): void {
    for (const l of this.labels) {
      if (l.node === node && l.error === error) {
        l.count += 1
        l.untilMs = wallNow + ERROR_LABEL_MS
        this.labelsChanged = true
        return
      }
    }
    this.labels.push({ node, error, count: 1, untilMs: wallNow + ERROR_LABEL_MS })
    this.labelsChanged = true
  }

  /** Retire finished dots and old labels; roll the activity window. Returns the live dot count. */
  tick(wallNow: number): number {
    let live = 0
    for (const d of this.dots) {
      if (!d.live) continue
      if (wallNow - d.startMs >= d.durationMs) d.live = false
      else live++
    }
    for (let i = this.labels.length - 1; i >= 0; i--) {
      if (this.labels[i].untilMs <= wallNow) {
        this.labels.splice(i, 1)
        this.labelsChanged = true
      }
    }
    if (wallNow - this.windowStart >= ACTIVITY_WINDOW_MS) {
      const last = this.actLast
      this.actLast = this.actNow
      this.actNow = last
      this.actNow.fill(0)
      this.windowStart = wallNow
    }
    return live
  }

  /** Messages of `kind` between a and b (both ways) in the last full wall second. */
  activity(a: number, b: number, kind: number): number {
    return this.actLast[this.pair(a, b) * K + kind]
  }

  /** Messages of any kind between a and b in the last second and so far in this one. */
  recentTotal(a: number, b: number): number {
    const base = this.pair(a, b) * K
    let total = 0
    for (let k = 0; k < K; k++) total += this.actLast[base + k] + this.actNow[base + k]
    return total
  }
}
