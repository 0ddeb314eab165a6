/**
 * Copies of the world: the app's time-travel checkpoints, and restoring one.
 *
 * Most of the world's bulk is written once and never changed, and a copy shares it instead of
 * cloning it:
 * - replica logs: record batches are immutable once appended, and a log keeps them in chunks that
 *   are never written again once full (storage/batch-log.ts), so a copy shares the full chunks and
 *   copies only each log's open one;
 * - the history's per-record columns are paged and copied on write (history/int-column.ts), so a
 *   copy shares their pages (a read log is only appended to, so the world goes on writing its own
 *   pages and only the copy copies one before writing); the records' keys, values and timestamps
 *   (storage/records.ts) are only appended to as well, and shared the same way;
 * - append-only lists of entries never changed once added (the notes, leader changes and claims,
 *   group facts, record removals, each controller's metadata log): a copy gets its own array of the same entries,
 *   so what either side appends, or cuts off the metadata log, never shows on the other.
 * Everything else, the state that changes in place and does not grow with the run, is deep-copied
 * by plainCopy (kernel/plain-copy.ts), which gives the copy's objects the hidden classes of the
 * originals (the ones the simulation's code is optimised for) and shares frozen objects. So a
 * snapshot's cost follows the cluster's size more than the run's length.
 */
import type { World } from './world.ts'
import type { RecordContent } from '../storage/records.ts'
import { plainCopy } from '../kernel/plain-copy.ts'
import { ADDED_ON_SEND } from '../kernel/node-io.ts'
import { CHUNK, copyBatchLog, newBatchLog } from '../storage/batch-log.ts'
import { newColumn, ownBytes, PAGE, shareAppendedColumn, shareColumn, type IntColumn } from '../history/int-column.ts'

/** A field the deep copy leaves out: put back into the world, and shared with the copy. */
interface Detached {
  putBack(): void
  shareWith(copy: World): void
}

/** Take `owner(w)[key]` out of the world (leaving `blank`) until putBack; the copy gets `share` of it. */
function detach<O extends object, K extends keyof O>(w: World, owner: (w: World) => O, key: K, blank: O[K], share: (v: O[K]) => O[K]): Detached {
  const o = owner(w)
  const v = o[key]
  o[key] = blank
  return {
    putBack: () => {
      o[key] = v
    },
    shareWith: (copy) => {
      owner(copy)[key] = share(v)
    },
  }
}

const ownArray = <T>(a: T[]): T[] => a.slice()

/** The share log's columns (history/share-history.ts), only ever appended to. */
const SHARE_COLUMNS = ['info', 'atMs', 'member', 'tp', 'first', 'last'] as const

/** The world's shared bulk, taken out (in a fixed order). */
function detachShared(w: World): Detached[] {
  const parts: Detached[] = []
  const emptyLog = newBatchLog()
  for (const broker of Object.keys(w.brokers)) {
    for (const tp of Object.keys(w.brokers[broker].replicas)) parts.push(detach(w, (x: World) => x.brokers[broker].replicas[tp], 'log', emptyLog, copyBatchLog))
  }
  const empty = newColumn()
  for (const key of Object.keys(w.history.sends)) {
    const sends = (x: World) => x.history.sends[key]
    parts.push(detach(w, sends, 'outcome', empty, shareColumn), detach(w, sends, 'atMs', empty, shareColumn))
  }
  for (const key of Object.keys(w.history.reads)) {
    const reads = (x: World) => x.history.reads[key]
    parts.push(...(['from', 'to', 'atMs'] as const).map((col) => detach(w, reads, col, empty, shareAppendedColumn)))
  }
  for (const key of Object.keys(w.records.streams)) {
    const stream = (x: World) => x.records.streams[key]
    parts.push(detach(w, stream, 'timestamp', empty, shareAppendedColumn))
    const shareOptional = (c: IntColumn | null) => (c === null ? null : shareAppendedColumn(c))
    parts.push(detach(w, stream, 'key', null, shareOptional), detach(w, stream, 'value', null, shareOptional))
    // a real client's record contents: appended to only, each never changed
    parts.push(detach(w, stream, 'contents', null, (c: RecordContent[] | null) => (c === null ? null : ownArray(c))))
  }
  parts.push(detach(w, (x: World) => x.records, 'keys', [], ownArray))
  parts.push(detach(w, (x: World) => x, 'notes', [], ownArray))
  const history = (x: World) => x.history
  parts.push(detach(w, history, 'leaderChanges', [], ownArray), detach(w, history, 'leaderClaims', [], ownArray), detach(w, history, 'removals', [], ownArray))
  if (w.history.groups) parts.push(detach(w, history, 'groups', [], ownArray))
  const shares = (x: World) => x.history.shares
  parts.push(...SHARE_COLUMNS.map((col) => detach(w, shares, col, empty, shareAppendedColumn)))
  for (const id of Object.keys(w.controllers)) parts.push(detach(w, (x: World) => x.controllers[id], 'log', [], ownArray))
  return parts
}

/** A copy of the world that shares what never changes (see the header); the world is left as it was. */
export function cloneWorld(w: World): World {
  const parts = detachShared(w)
  let copy: World
  try {
    copy = plainCopy(w, ADDED_ON_SEND)
  } finally {
    for (const p of parts) p.putBack()
  }
  for (const p of parts) p.shareWith(copy)
  return copy
}

/** Bytes a small world's snapshot takes besides what it shares (measured: ~0.3 MB). */
const SNAPSHOT_BASE_BYTES = 300_000
/** And per replica: its state, and its broker's share of metadata and sessions (about 1 KB: most are small __consumer_offsets replicas). */
const REPLICA_BYTES = 1_000
/** A reference in an array. */
const REF_BYTES = 8

/**
 * About how many bytes a snapshot holds of its own: its history's page lists and the pages it
 * owns, plus one page per send-log column (after a snapshot, the next write to a column's open
 * page copies it); its arrays of the append-only lists; each replica's chunk list and open chunk.
 * Cheap (no serialisation), so the app can keep its checkpoints within a memory budget.
 */
export function snapshotBytes(s: World): number {
  let bytes = SNAPSHOT_BASE_BYTES
  const column = (c: IntColumn) => ownBytes(c) + (c.pages.length > 0 ? PAGE * 4 : 0)
  const h = s.history
  for (const key of Object.keys(h.sends)) bytes += column(h.sends[key].outcome) + column(h.sends[key].atMs)
  for (const key of Object.keys(h.reads)) {
    const r = h.reads[key]
    bytes += ownBytes(r.from) + ownBytes(r.to) + ownBytes(r.atMs) + r.resets.length * 8
  }
  for (const col of SHARE_COLUMNS) bytes += ownBytes(h.shares[col])
  for (const key of Object.keys(s.records.streams)) {
    const r = s.records.streams[key]
    bytes += ownBytes(r.timestamp) + (r.key ? ownBytes(r.key) : 0) + (r.value ? ownBytes(r.value) : 0)
  }
  let refs = s.records.keys.length + h.leaderChanges.length + h.leaderClaims.length + h.removals.length + (h.groups?.length ?? 0) + s.notes.length
  for (const id of Object.keys(s.controllers)) refs += s.controllers[id].log.length
  for (const broker of Object.keys(s.brokers)) {
    const replicas = s.brokers[broker].replicas
    for (const tp of Object.keys(replicas)) {
      bytes += REPLICA_BYTES
      refs += replicas[tp].log.chunks.length + (replicas[tp].log.length % CHUNK)
    }
  }
  return bytes + refs * REF_BYTES
}
