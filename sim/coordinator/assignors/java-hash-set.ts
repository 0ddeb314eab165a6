/**
 * A java.util.HashSet that only answers "which element does iteration visit first", for sets
 * that also lose elements (sim/kafka/java.ts#javaHashMapOrder covers put-only maps).
 *
 * Follows java.util.HashMap: default capacity 16, load factor 0.75, bucket
 * `(h ^ h >>> 16) & (capacity - 1)`, new entries appended to their bucket, a bucket that already
 * holds 8 entries forcing a resize while the table is smaller than 64 (treeifyBin), removals
 * never shrinking the table.
 *
 * Invariants: iteration order is by bucket at the current capacity, then by insertion time of the
 * entries still present (a resize splits buckets keeping relative order; a removed and re-added
 * element counts as new). Not modelled: tree bins (9+ colliding keys in a table of 64 or more).
 */

interface Entry {
  readonly spread: number
  readonly seq: number
}

export class JavaHashSet<K> {
  private readonly entries = new Map<K, Entry>()
  private capacity = 16
  private threshold = 12
  private nextSeq = 0
  private readonly hashCode: (key: K) => number

  constructor(hashCode: (key: K) => number) {
    this.hashCode = hashCode
  }

  get size(): number {
    return this.entries.size
  }

  private bucketOf(entry: Entry): number {
    return entry.spread & (this.capacity - 1)
  }

  private grow(): void {
    this.capacity *= 2
    this.threshold = this.capacity * 0.75
  }

  add(key: K): void {
    if (this.entries.has(key)) return
    const h = this.hashCode(key) | 0
    const entry = { spread: h ^ (h >>> 16), seq: this.nextSeq++ }
    let inBucket = 0
    for (const e of this.entries.values()) if (this.bucketOf(e) === this.bucketOf(entry)) inBucket++
    this.entries.set(key, entry)
    if (inBucket >= 8 && this.capacity < 64) this.grow()
    if (this.entries.size > this.threshold) this.grow()
  }

  delete(key: K): void {
    this.entries.delete(key)
  }

  /** `iterator().next()`; undefined when empty. */
  first(): K | undefined {
    let best: K | undefined
    let bestEntry: Entry | undefined
    for (const [key, e] of this.entries) {
      const better =
        bestEntry === undefined ||
        this.bucketOf(e) < this.bucketOf(bestEntry) ||
        (this.bucketOf(e) === this.bucketOf(bestEntry) && e.seq < bestEntry.seq)
      if (better) {
        best = key
        bestEntry = e
      }
    }
    return best
  }
}
