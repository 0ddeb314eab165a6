/**
 * The benchmark's reference: a bare binary min-heap of plain event records ordered by (timeMs, seq),
 * the event queue kafkascope's kernel had before its bucket queue (sim/kernel/scheduler.ts). The
 * benchmark pushes and pops as many events through it as the simulation processed, so the
 * simulation's speed is reported against a fixed yardstick measured in the same run.
 *
 * `seq` is a counter kept in the heap itself and stamped on every push, so two events due at the
 * same millisecond always run in the order they were scheduled. The heap is plain data (an array of
 * plain objects plus two numbers), so structuredClone of the simulation state snapshots it.
 * Invariant: heap.items[0] is the event with the smallest (timeMs, seq).
 */

export interface HeapEvent {
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

export interface EventHeap {
  items: HeapEvent[]
  nextSeq: number
}

export function newHeap(): EventHeap {
  return { items: [], nextSeq: 0 }
}

function before(a: HeapEvent, b: HeapEvent): boolean {
  return a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq)
}

export function heapPush(heap: EventHeap, ev: Omit<HeapEvent, 'seq'> & { seq?: number }): HeapEvent {
  const e = ev as HeapEvent
  e.seq = heap.nextSeq++
  const items = heap.items
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
  return e
}

export function heapPeek(heap: EventHeap): HeapEvent | undefined {
  return heap.items[0]
}

export function heapPop(heap: EventHeap): HeapEvent | undefined {
  const items = heap.items
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
