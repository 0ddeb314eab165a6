/**
 * What each record holds: its key, value size (or a tombstone's null value), timestamp and header
 * count (Kafka's DefaultRecord fields a learner can observe).
 *
 * A record is made once, by its producer, and then only referenced: every replica's log and every
 * fetch response holds the same batch, and a batch names its records by a range of its producer's
 * record numbers for the partition (LogBatch.firstRecord, count). So the records' fields live here,
 * once, in a stream per (producer, partition) kept in paged columns a snapshot shares
 * (history/int-column.ts), and never per replica.
 *
 * Invariants: a stream is only appended to; record i of a stream never changes once written; keys
 * are interned in one table for the whole run (index = key id), also only appended to.
 * Simplified: a producer's records all carry the same number of headers (its spec's `headers`).
 */
import { getInt, newColumn, setInt, type IntColumn } from '../history/int-column.ts'

export interface RecordStream {
  producer: string
  tp: string
  /** records made so far */
  n: number
  /** key id per record (-1: null key); null while every record had a null key */
  key: IntColumn | null
  /** CreateTime per record (ms) */
  timestamp: IntColumn
  /** value size per record, -1 for a tombstone; null while every value had the default size */
  value: IntColumn | null
  /** the producer's value size */
  valueBytes: number
  headers: number
  /**
   * the records' bytes, for a real client's records (kafkascope serve): key, value and header
   * values as base64, by record number; null for a simulated producer's (they have sizes only)
   */
  contents: RecordContent[] | null
}

/** A real client's record as it sent it (bytes as base64). */
export interface RecordContent {
  key: string | null
  value: string | null
  headers: [string, string | null][]
}

export interface RecordStore {
  /** by `${producer}|${tp}` */
  streams: Record<string, RecordStream>
  /** interned keys: key id -> key (only appended to; keyId finds a key's id) */
  keys: string[]
}

export function newRecordStore(): RecordStore {
  return { streams: {}, keys: [] }
}

/**
 * Each store's key ids, derived from its `keys` and kept outside the world (a snapshot copies no
 * dictionary of every key): keyed by the keys array, which a copied world has its own of, so a
 * copy builds its index on first use.
 */
const keyIndex = new WeakMap<string[], Map<string, number>>()

function keyIdsOf(store: RecordStore): Map<string, number> {
  let ids = keyIndex.get(store.keys)
  if (ids === undefined) {
    ids = new Map()
    for (let i = 0; i < store.keys.length; i++) ids.set(store.keys[i], i)
    keyIndex.set(store.keys, ids)
  }
  return ids
}


/** The stream of a producer's records for a partition, made on first use. */
export function recordStream(store: RecordStore, producer: string, tp: string, valueBytes: number, headers: number): RecordStream {
  const id = `${producer}|${tp}`
  let s = store.streams[id]
  if (!s) {
    s = { producer, tp, n: 0, key: null, timestamp: newColumn(), value: null, valueBytes, headers, contents: null }
    store.streams[id] = s
  }
  return s
}

/**
 * Streams by partition, then producer, so that a lookup (every produce to a compacted topic, every
 * batch the cleaner reads) builds no `producer|tp` string. Derived from `store.streams` alone and
 * keyed by that record: a copied or restored world has a record of its own and builds its own index.
 */
const streamIndex = new WeakMap<Record<string, RecordStream>, Map<string, Map<string, RecordStream>>>()

export function findRecordStream(store: RecordStore, producer: string, tp: string): RecordStream | undefined {
  let byTp = streamIndex.get(store.streams)
  if (byTp === undefined) streamIndex.set(store.streams, (byTp = new Map()))
  let byProducer = byTp.get(tp)
  if (byProducer === undefined) byTp.set(tp, (byProducer = new Map()))
  let s = byProducer.get(producer)
  if (s === undefined) {
    s = store.streams[`${producer}|${tp}`]
    if (s !== undefined) byProducer.set(producer, s)
  }
  return s
}

/** The id of a key (interned on first use); -1 for the null key. */
export function internKey(store: RecordStore, key: string | null): number {
  if (key === null) return -1
  const ids = keyIdsOf(store)
  let id = ids.get(key)
  if (id === undefined) {
    id = store.keys.length
    store.keys.push(key)
    ids.set(key, id)
  }
  return id
}

/** Append a record; returns its number in the stream. `value` is its size, or null for a tombstone. */
export function appendRecordFacts(s: RecordStream, keyId: number, timestampMs: number, value: number | null): number {
  const i = s.n++
  if (keyId >= 0 || s.key !== null) {
    if (s.key === null) {
      s.key = newColumn()
      for (let j = 0; j < i; j++) setInt(s.key, j, -1)
    }
    setInt(s.key, i, keyId)
  }
  setInt(s.timestamp, i, timestampMs)
  const v = value === null ? -1 : value
  if (v !== s.valueBytes || s.value !== null) {
    if (s.value === null) {
      s.value = newColumn()
      for (let j = 0; j < i; j++) setInt(s.value, j, s.valueBytes)
    }
    setInt(s.value, i, v)
  }
  return i
}

/** Record i's key id (-1: null). */
export function recordKeyId(s: RecordStream, i: number): number {
  return s.key === null ? -1 : getInt(s.key, i)
}

/** Record i's key, or null. */
export function recordKey(store: RecordStore, s: RecordStream, i: number): string | null {
  const id = recordKeyId(s, i)
  return id < 0 ? null : store.keys[id]
}

export function recordTimestamp(s: RecordStream, i: number): number {
  return getInt(s.timestamp, i)
}

/** Record i's value size, or null for a tombstone. */
export function recordValue(s: RecordStream, i: number): number | null {
  const v = s.value === null ? s.valueBytes : getInt(s.value, i)
  return v < 0 ? null : v
}
