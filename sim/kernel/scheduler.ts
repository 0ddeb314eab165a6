/**
 * The event queue, ordered by (timeMs, seq): simulated time is whole milliseconds, so events due
 * within the next WINDOW_MS live in a ring of per-millisecond FIFO buckets, and later ones (request
 * timeouts, metadata refreshes) in a binary min-heap, the overflow, until the window reaches them.
 *
 * `seq` is a counter kept in the queue and stamped on every push, so two events due at the same
 * millisecond run in the order they were scheduled: a bucket is FIFO, and an event reaches a bucket
 * either when pushed (its time is inside the window) or when the window moves over it (it leaves
 * the overflow in (time, seq) order before any later push can target that millisecond).
 *
 * Invariants:
 * - baseMs ≤ the time of every queued event, and baseMs never exceeds the simulated clock (it moves
 *   only when an event is popped, to that event's time), so every push lands at or after baseMs;
 * - bucket (t mod WINDOW_MS) holds only events due at t, for t in [baseMs, baseMs + WINDOW_MS);
 * - the overflow holds only events due at or after baseMs + WINDOW_MS;
 * - cursorMs ≤ the time of the earliest bucketed event (a hint for the scan).
 * The queue is plain data (arrays of plain objects and numbers), so structuredClone snapshots it.
 */

export interface SimEvent {
  timeMs: number
  seq: number
  /** node the event is delivered to (network node id) */
  node: string
  /** what happens: a message delivery ('msg') or a timer name */
  kind: string
  /** message or timer payload (plain data) */
  data: unknown
  /** incarnation of the node when the event was scheduled; stale events of a crashed node are dropped */
  inc: number
}

/** Milliseconds covered by the ring of buckets (a power of two). */
export const WINDOW_MS = 1024
const MASK = WINDOW_MS - 1

export interface EventQueue {
  /** buckets[t & MASK]: the events due at t, from heads[t & MASK] on */
  buckets: SimEvent[][]
  heads: number[]
  /** events in the buckets */
  bucketed: number
  baseMs: number
  cursorMs: number
  /** a binary min-heap by (timeMs, seq) of the events due at or after baseMs + WINDOW_MS */
  overflow: SimEvent[]
  nextSeq: number
}

export function newQueue(): EventQueue {
  const buckets: SimEvent[][] = []
  const heads: number[] = []
  for (let i = 0; i < WINDOW_MS; i++) {
    buckets.push([])
    heads.push(0)
  }
  return { buckets, heads, bucketed: 0, baseMs: 0, cursorMs: 0, overflow: [], nextSeq: 0 }
}

/** How many events are queued. */
export function queueSize(q: EventQueue): number {
  return q.bucketed + q.overflow.length
}

/** Queue `e`, stamping its seq (made with every field, seq included: one hidden class for all events). */
export function queuePush(q: EventQueue, e: SimEvent): SimEvent {
  e.seq = q.nextSeq++
  if (!(e.timeMs >= q.baseMs) || !Number.isInteger(e.timeMs)) throw new Error(`kafkascope bug: an event scheduled at ${e.timeMs} ms (the queue starts at ${q.baseMs} ms, in whole ms)`)
  if (e.timeMs - q.baseMs < WINDOW_MS) {
    q.buckets[e.timeMs & MASK].push(e)
    q.bucketed++
    if (e.timeMs < q.cursorMs) q.cursorMs = e.timeMs
  } else {
    binaryHeapPush(q.overflow, e)
  }
  return e
}

/** The earliest event, without taking it. */
export function queuePeek(q: EventQueue): SimEvent | undefined {
  if (q.bucketed === 0) return q.overflow[0]
  const end = q.baseMs + WINDOW_MS
  for (let t = q.cursorMs; t < end; t++) {
    const i = t & MASK
    const bucket = q.buckets[i]
    if (q.heads[i] < bucket.length) {
      q.cursorMs = t
      return bucket[q.heads[i]]
    }
  }
  throw new Error('kafkascope bug: the event queue counts events its buckets do not hold')
}

/** Take the earliest event; the window moves to its time. */
export function queuePop(q: EventQueue): SimEvent | undefined {
  const e = queuePeek(q)
  if (e === undefined) return undefined
  if (q.bucketed > 0 && q.cursorMs === e.timeMs) {
    const i = e.timeMs & MASK
    const bucket = q.buckets[i]
    if (++q.heads[i] === bucket.length) {
      bucket.length = 0
      q.heads[i] = 0
    }
    q.bucketed--
  } else {
    binaryHeapPop(q.overflow)
  }
  advance(q, e.timeMs)
  return e
}

/** Move the window's start to `timeMs`, taking the overflow's events that now fall inside it. */
function advance(q: EventQueue, timeMs: number): void {
  q.baseMs = timeMs
  if (q.bucketed === 0 || q.cursorMs < timeMs) q.cursorMs = timeMs
  const end = timeMs + WINDOW_MS
  const overflow = q.overflow
  while (overflow.length > 0 && overflow[0].timeMs < end) {
    const e = binaryHeapPop(overflow)!
    q.buckets[e.timeMs & MASK].push(e)
    q.bucketed++
    if (e.timeMs < q.cursorMs) q.cursorMs = e.timeMs
  }
}

function before(a: SimEvent, b: SimEvent): boolean {
  return a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq)
}

/** Push onto a binary min-heap by (timeMs, seq) (the overflow; also the benchmark's yardstick). */
export function binaryHeapPush(items: SimEvent[], e: SimEvent): void {
  let i = items.length
  items.push(e)
  while (i > 0) {
    const p = (i - 1) >> 1
    const parent = items[p]
    if (!before(e, parent)) break
    items[i] = parent
    i = p
  }
  items[i] = e
}

/** Pop the earliest event of a binary min-heap by (timeMs, seq). */
export function binaryHeapPop(items: SimEvent[]): SimEvent | undefined {
  const n = items.length
  if (n === 0) return undefined
  const top = items[0]
  const last = items.pop()!
  const m = n - 1
  if (m > 0) {
    let i = 0
    for (;;) {
      let c = 2 * i + 1
      if (c >= m) break
      const r = c + 1
      if (r < m && before(items[r], items[c])) c = r
      if (!before(items[c], last)) break
      items[i] = items[c]
      i = c
    }
    items[i] = last
  }
  return top
}

/** Every queued event in (timeMs, seq) order (for tests and tools; not for the step loop). */
export function queuedEvents(q: EventQueue): SimEvent[] {
  const out: SimEvent[] = []
  for (let i = 0; i < WINDOW_MS; i++) for (let j = q.heads[i]; j < q.buckets[i].length; j++) out.push(q.buckets[i][j])
  out.push(...q.overflow)
  return out.sort((a, b) => (a.timeMs - b.timeMs) || (a.seq - b.seq))
}
