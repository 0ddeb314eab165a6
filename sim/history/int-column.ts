/**
 * A growable column of 32-bit integers (a history log's per-record outcomes, times, offsets) kept
 * in pages of PAGE entries, so that a snapshot of the world shares the pages instead of copying the
 * history: the history grows with every record and would otherwise make each checkpoint as big as
 * the run so far.
 *
 * Copy-on-write: `owned[k]` says page k belongs to this column alone. Sharing a column with a copy
 * (shareColumn) marks every page of both as not owned; the first write to a page that is not owned
 * copies it first. A column only ever appended to (written at its length, never below it) is
 * shared with shareAppendedColumn instead: the original keeps its pages, since what it appends
 * lies past the end of the copy; the copy copies a page before its own first write to it.
 * Entries never written read 0.
 * Plain data (typed arrays and booleans), so structuredClone copies a column like any other state.
 */

const PAGE_BITS = 10
/** Entries per page. */
export const PAGE = 1 << PAGE_BITS
const MASK = PAGE - 1

export interface IntColumn {
  pages: Int32Array[]
  owned: boolean[]
}

export function newColumn(): IntColumn {
  return { pages: [], owned: [] }
}

/** A column holding `values` (for tests). */
export function columnOf(values: ArrayLike<number>): IntColumn {
  const c = newColumn()
  for (let i = 0; i < values.length; i++) setInt(c, i, values[i])
  return c
}

export function getInt(c: IntColumn, i: number): number {
  const page = c.pages[i >>> PAGE_BITS]
  return page === undefined ? 0 : page[i & MASK]
}

export function setInt(c: IntColumn, i: number, value: number): void {
  writablePage(c, i >>> PAGE_BITS)[i & MASK] = value
}

/** Entries i .. i + n - 1 set to first, first + step, first + 2·step, … (a batch's records in one go). */
export function setIntRun(c: IntColumn, i: number, n: number, first: number, step: number): void {
  let value = first
  let j = i
  const end = i + n
  while (j < end) {
    const page = writablePage(c, j >>> PAGE_BITS)
    const stop = Math.min(end, ((j >>> PAGE_BITS) + 1) << PAGE_BITS)
    for (; j < stop; j++) {
      page[j & MASK] = value
      value += step
    }
  }
}

/** Page k, made if missing and copied first if shared. */
function writablePage(c: IntColumn, k: number): Int32Array {
  const pages = c.pages
  if (k < pages.length && c.owned[k]) return pages[k]
  while (pages.length <= k) {
    pages.push(new Int32Array(PAGE))
    c.owned.push(true)
  }
  if (!c.owned[k]) {
    pages[k] = pages[k].slice()
    c.owned[k] = true
  }
  return pages[k]
}

/** Entries [0, n) as an array (tests and tools; not for the step loop). */
export function columnValues(c: IntColumn, n: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(getInt(c, i))
  return out
}

/** A copy that shares every page with `c`; from now on, each copies a page before writing it. */
export function shareColumn(c: IntColumn): IntColumn {
  c.owned.fill(false)
  return { pages: c.pages.slice(), owned: c.owned.slice() }
}

/**
 * A copy of a column that is only ever appended to: it shares every page; `c` keeps writing its
 * own pages (its appends lie past the copy's entries), the copy copies a page before writing it.
 */
export function shareAppendedColumn(c: IntColumn): IntColumn {
  return { pages: c.pages.slice(), owned: new Array<boolean>(c.pages.length).fill(false) }
}

/** Bytes the column holds of its own (pages it owns, and its page list). */
export function ownBytes(c: IntColumn): number {
  let bytes = c.pages.length * 8
  for (const owned of c.owned) if (owned) bytes += PAGE * 4
  return bytes
}
