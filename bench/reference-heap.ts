/**
 * The benchmark's reference: a bare binary min-heap of plain event records ordered by (timeMs, seq),
 * the event queue kafkascope's kernel had before its bucket queue (sim/kernel/scheduler.ts, whose
 * overflow heap it is). The benchmark pushes and pops as many events through it as the simulation
 * processed, so the simulation's speed is reported against a fixed yardstick measured in the same run.
 */
import { binaryHeapPop, binaryHeapPush, type SimEvent } from '../sim/kernel/scheduler.ts'

export type HeapEvent = SimEvent

export interface EventHeap {
  items: HeapEvent[]
  nextSeq: number
}

export function newHeap(): EventHeap {
  return { items: [], nextSeq: 0 }
}

export function heapPush(heap: EventHeap, ev: Omit<HeapEvent, 'seq'> & { seq?: number }): void {
  const e = ev as HeapEvent
  e.seq = heap.nextSeq++
  binaryHeapPush(heap.items, e)
}

export function heapPop(heap: EventHeap): HeapEvent | undefined {
  return binaryHeapPop(heap.items)
}
