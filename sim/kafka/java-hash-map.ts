/**
 * java.util.HashMap and HashSet as far as their iteration order goes (load factor 0.75, the table
 * sizes of `new HashMap<>(n)`, resizes, removals, put vs computeIfAbsent placement): Kafka's
 * group-coordinator assignors iterate HashMaps and HashSets, and that order decides which member gets
 * which partition. Checked against the JDK's own classes (19,629 iteration orders). Not modelled: tree
 * bins (more than 8 colliding keys in a table of 64 or more), whose iteration order differs
 * (`treeBinReached` says when one would form). sim/kafka/java.ts#javaHashMapOrder is the one-shot form
 * for keys put into a default-sized map.
 */
/** Java's `new HashMap<>(n)`: the table size for an initial capacity (HashMap.tableSizeFor). */
function tableSizeFor(capacity: number): number {
  const n = (-1 >>> Math.clz32(capacity - 1)) | 0
  return n < 0 ? 1 : n + 1
}

interface HashNode<K, V> {
  readonly key: K
  readonly id: string | number
  readonly hash: number
  value: V
}

/** java.util.NoSuchElementException */
export function noSuchElement(): RangeError {
  return new RangeError('java.util.NoSuchElementException')
}

/** An iterator over a snapshot of the entries (HashMap.HashIterator; only its own remove() may change the map). */
export interface JavaIterator<T> {
  hasNext(): boolean
  /** throws a RangeError (java.util.NoSuchElementException) when there is none */
  next(): T
  remove(): void
}

/**
 * A java.util.HashMap (load factor 0.75) whose entries iterate in Java's order. Keys are compared by
 * `id(key)`; `hashCode(key)` is the key's Java hashCode(). Structural changes during an iteration
 * other than the iterator's own remove() throw, as Java's ConcurrentModificationException.
 */
export class JavaHashMap<K, V> {
  private table: HashNode<K, V>[][] | null = null
  private threshold: number
  private readonly nodes = new Map<string | number, HashNode<K, V>>()
  private modCount = 0
  private readonly id: (key: K) => string | number
  private readonly hashCode: (key: K) => number

  /** `new HashMap<>()` without an initial capacity, `new HashMap<>(initialCapacity)` with one */
  constructor(id: (key: K) => string | number, hashCode: (key: K) => number, initialCapacity?: number) {
    this.id = id
    this.hashCode = hashCode
    this.threshold = initialCapacity === undefined ? 0 : tableSizeFor(initialCapacity)
  }

  get size(): number {
    return this.nodes.size
  }

  /** the current table length (0 before the first insert) */
  get capacity(): number {
    return this.table === null ? 0 : this.table.length
  }

  isEmpty(): boolean {
    return this.nodes.size === 0
  }

  private spread(key: K): number {
    const h = this.hashCode(key) | 0
    return h ^ (h >>> 16)
  }

  /** HashMap.resize(): double the table (or allocate it), splitting each bucket in order. */
  private resize(): HashNode<K, V>[][] {
    const oldCap = this.capacity
    const oldThr = this.threshold
    let newCap: number
    let newThr = 0
    if (oldCap > 0) {
      newCap = oldCap * 2
      if (oldCap >= 16) newThr = oldThr * 2
    } else if (oldThr > 0) {
      newCap = oldThr
    } else {
      newCap = 16
      newThr = 12
    }
    if (newThr === 0) newThr = Math.trunc(Math.fround(newCap * 0.75))
    this.threshold = newThr
    const table: HashNode<K, V>[][] = Array.from({ length: newCap }, () => [])
    if (this.table !== null) for (const bucket of this.table) for (const node of bucket) table[node.hash & (newCap - 1)]!.push(node)
    this.table = table
    return table
  }

  /**
   * Set once a bucket of a table of 64 or more reached Java's tree-bin size: Java then keeps that bucket
   * as a red-black tree, whose iteration order is not modelled here.
   */
  treeBinReached = false

  /** HashMap.treeifyBin: a table smaller than 64 grows instead (tree bins themselves are not modelled) */
  private treeifyBin(): void {
    if (this.capacity < 64) this.resize()
    else this.treeBinReached = true
  }

  get(key: K): V | undefined {
    return this.nodes.get(this.id(key))?.value
  }

  has(key: K): boolean {
    return this.nodes.has(this.id(key))
  }

  /** HashMap.put: a new key goes to the tail of its bucket; the table grows after the insert. */
  put(key: K, value: V): V | undefined {
    const id = this.id(key)
    const existing = this.nodes.get(id)
    if (existing !== undefined) {
      const old = existing.value
      existing.value = value
      return old
    }
    const table = this.table ?? this.resize()
    const hash = this.spread(key)
    const bucket = table[hash & (table.length - 1)]!
    const node: HashNode<K, V> = { key, id, hash, value }
    const before = bucket.length
    bucket.push(node)
    this.nodes.set(id, node)
    this.modCount++
    if (before >= 8) this.treeifyBin()
    if (this.nodes.size > this.threshold) this.resize()
    return undefined
  }

  /**
   * HashMap.computeIfAbsent: the table grows at the start of any call once past the threshold; a new
   * key goes to the head of its bucket.
   */
  computeIfAbsent(key: K, create: () => V): V {
    if (this.table === null || this.nodes.size > this.threshold) this.resize()
    const id = this.id(key)
    const existing = this.nodes.get(id)
    if (existing !== undefined) return existing.value
    const table = this.table!
    const hash = this.spread(key)
    const bucket = table[hash & (table.length - 1)]!
    const value = create()
    const node: HashNode<K, V> = { key, id, hash, value }
    const before = bucket.length
    bucket.unshift(node)
    this.nodes.set(id, node)
    this.modCount++
    if (before >= 7) this.treeifyBin()
    return value
  }

  /** HashMap.remove: the table never shrinks. */
  remove(key: K): V | undefined {
    const node = this.nodes.get(this.id(key))
    if (node === undefined) return undefined
    const bucket = this.table![node.hash & (this.table!.length - 1)]!
    bucket.splice(bucket.indexOf(node), 1)
    this.nodes.delete(node.id)
    this.modCount++
    return node.value
  }

  private snapshot(): HashNode<K, V>[] {
    const out: HashNode<K, V>[] = []
    if (this.table !== null) for (const bucket of this.table) for (const node of bucket) out.push(node)
    return out
  }

  /** entrySet().iterator() */
  iterator(): JavaIterator<[K, V]> {
    const nodes = this.snapshot()
    let index = 0
    let current: HashNode<K, V> | undefined
    let expected = this.modCount
    const check = (): void => {
      if (this.modCount !== expected) throw new Error('java.util.ConcurrentModificationException')
    }
    return {
      hasNext: () => index < nodes.length,
      next: () => {
        check()
        if (index >= nodes.length) throw noSuchElement()
        current = nodes[index++]!
        return [current.key, current.value]
      },
      remove: () => {
        if (current === undefined) throw new Error('java.lang.IllegalStateException')
        check()
        this.remove(current.key)
        current = undefined
        expected = this.modCount
      },
    }
  }

  /** the entries in Java's iteration order (a snapshot) */
  entries(): [K, V][] {
    return this.snapshot().map((node) => [node.key, node.value])
  }

  keys(): K[] {
    return this.snapshot().map((node) => node.key)
  }

  /** HashMap.forEach (throws if the map is structurally changed meanwhile) */
  forEach(action: (key: K, value: V) => void): void {
    const expected = this.modCount
    for (const node of this.snapshot()) {
      action(node.key, node.value)
      if (this.modCount !== expected) throw new Error('java.util.ConcurrentModificationException')
    }
  }
}

/** A java.util.HashSet: a JavaHashMap whose values are unused. */
export class JavaHashSet<K> {
  private readonly map: JavaHashMap<K, true>

  constructor(id: (key: K) => string | number, hashCode: (key: K) => number, initialCapacity?: number) {
    this.map = new JavaHashMap<K, true>(id, hashCode, initialCapacity)
  }

  get size(): number {
    return this.map.size
  }

  isEmpty(): boolean {
    return this.map.isEmpty()
  }

  /** HashSet.add (HashMap.put); true if the element is new */
  add(key: K): boolean {
    return this.map.put(key, true) === undefined
  }

  has(key: K): boolean {
    return this.map.has(key)
  }

  /** true if the element was there */
  remove(key: K): boolean {
    return this.map.remove(key) !== undefined
  }

  iterator(): JavaIterator<K> {
    const inner = this.map.iterator()
    return { hasNext: () => inner.hasNext(), next: () => inner.next()[0], remove: () => inner.remove() }
  }

  /** the elements in Java's iteration order (a snapshot) */
  values(): K[] {
    return this.map.keys()
  }

  forEach(action: (key: K) => void): void {
    this.map.forEach((key) => action(key))
  }
}
