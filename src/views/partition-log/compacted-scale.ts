// The offset scale of a compacted partition (cleanup.policy=compact), free of React and the DOM.
// Compaction leaves a log whose cleaned part spans thousands of offsets but holds one record per
// key, at its old offset: drawn linearly, those few survivors would share a pixel. So the part of
// the log the cleaner has been over is drawn by what it holds: each surviving record gets a cell
// as wide as a cell of the tail (up to 0.75 em), each gap between them (offsets the cleaner
// emptied; Kafka never renumbers) a fixed short stretch. A gap the latest cleaning just made
// starts wider, room for the removed records to fade out in, and closes to its short width as
// they fade (at once under reduced motion). The part the cleaner has not reached yet is
// compressed linearly, and the tail is offset by offset, as in every other partition.
// The runs come from the main replica (the leader's lane); other lanes are drawn on its scale.

import { scaleLinear, type ScaleLinear } from 'd3-scale'
import type { LaneCompaction } from '../../../sim/index.ts'
import { COMPRESSED_SHARE, offsetScale, type OffsetWindow } from './geometry.ts'

/** Extra share of the plot the cleaned part may take. */
export const CLEANED_SHARE = 0.14
/** A gap's short width, in em. */
export const GAP_EM = 1.6
/** The widest a surviving record's cell gets, in em. */
export const KEPT_CELL_EM = 0.75
/** Share of the plot a gap the latest cleaning made starts with (shared by its gaps). */
export const FRESH_GAP_SHARE = 0.12
/** The least the not-yet-cleaned part keeps, as a share of the plot (when it holds offsets). */
export const DIRTY_MIN_SHARE = 0.08

/** A stretch of the cleaned part: a run of records or a gap, offsets [from, to). */
export interface CleanedPiece {
  from: number
  to: number
  gap: boolean
}

/** The cleaned part below the tail as runs and the gaps between them, from the window's start. */
export function cleanedPieces(start: number, c: LaneCompaction): CleanedPiece[] {
  const out: CleanedPiece[] = []
  let at = start
  for (const run of c.kept) {
    const from = Math.max(run.from, start)
    const to = Math.min(run.to, c.keptTo)
    if (to <= from) continue
    if (from > at) out.push({ from: at, to: from, gap: true })
    out.push({ from, to, gap: false })
    at = to
  }
  if (c.keptTo > at) out.push({ from: at, to: c.keptTo, gap: true })
  return out
}

/**
 * How far the latest cleaning's removed records have faded: 1 just after it, 0 once it is older
 * than `shownMs` (or under reduced motion, or without a cleaning).
 */
export function freshness(c: LaneCompaction | null, nowMs: number, shownMs: number, reduced: boolean): number {
  if (!c?.pass || reduced) return 0
  return Math.min(1, Math.max(0, 1 - (nowMs - c.pass.atMs) / shownMs))
}

/**
 * The scale: [start, keptTo) by pieces, [keptTo, tailFrom) linear, [tailFrom, end] offset by
 * offset. Without a compressed part (a short log) or a cleaned part, the plain offset scale.
 */
export function compactedScale(w: OffsetWindow, c: LaneCompaction | null, x0: number, x1: number, fontPx: number, fresh: number): ScaleLinear<number, number> {
  const end = Math.max(w.end, w.start + 1)
  if (!c || w.tailFrom <= w.start) return offsetScale(w, x0, x1)
  const pieces = cleanedPieces(w.start, c).filter((p) => p.to <= w.tailFrom)
  if (pieces.length === 0) return offsetScale(w, x0, x1)
  const width = x1 - x0
  const tailCell = ((1 - COMPRESSED_SHARE) * width) / Math.max(1, end - w.tailFrom)
  const cell = Math.min(fontPx * KEPT_CELL_EM, Math.max(3, tailCell))
  const gap = fontPx * GAP_EM
  // where the latest cleaning removed records: those gaps start wider
  const removedIn = pieces.map((p) => (p.gap && fresh > 0 ? removedCount(c, p) : 0))
  const removedTotal = removedIn.reduce((a, b) => a + b, 0)
  const extra = fresh * FRESH_GAP_SHARE * width
  const want = pieces.map((p, i) => (p.gap ? gap + (removedTotal > 0 ? (extra * removedIn[i]) / removedTotal : 0) : (p.to - p.from) * cell))
  const cleanedTo = pieces[pieces.length - 1].to
  const dirty = w.tailFrom - cleanedTo
  const maxShare = (COMPRESSED_SHARE + CLEANED_SHARE) * width
  const dirtyWant = dirty * tailCell
  const dirtyMin = Math.min(dirtyWant, DIRTY_MIN_SHARE * width)
  const need = want.reduce((a, b) => a + b, 0)
  const cleanedW = Math.min(need, maxShare - dirtyMin)
  const k = need > 0 ? cleanedW / need : 0
  // the part not cleaned yet keeps what is left of the usual compressed share (at least dirtyMin)
  const dirtyW = dirty > 0 ? Math.min(dirtyWant, Math.max(dirtyMin, COMPRESSED_SHARE * width - cleanedW)) : 0
  const domain: number[] = [w.start]
  const range: number[] = [x0]
  let x = x0
  pieces.forEach((p, i) => {
    x += want[i] * k
    domain.push(p.to)
    range.push(x)
  })
  if (dirty > 0) {
    x += dirtyW
    domain.push(w.tailFrom)
    range.push(x)
  }
  if (end > domain[domain.length - 1]) {
    domain.push(end)
    range.push(x1)
  }
  return scaleLinear().domain(domain).range(range).clamp(true)
}

/** The latest cleaning's removed records within a gap (its bands and cells there). */
function removedCount(c: LaneCompaction, p: CleanedPiece): number {
  let n = 0
  for (const b of c.pass?.bands ?? []) if (b.from < p.to && b.to > p.from) n += b.count
  for (const r of c.pass?.cells ?? []) if (r.offset >= p.from && r.offset < p.to) n++
  return n
}
