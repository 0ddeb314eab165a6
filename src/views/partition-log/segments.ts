// The partition log's storage maths, free of React and the DOM: which offsets a row draws once
// retention has deleted segments (the deleted ones stay in sight while they fade), where the
// segment separators go (thinned where many segments share a few pixels), how a deleted segment
// fades by its age in simulated time (in steps under reduced motion), and how sizes read.
// Kafka's storage as kafkascope shows it: a replica's log is a list of segments, the last one
// active (the only one written to; its newest record stays recent, so retention passes it by); retention deletes whole old
// segments and moves the log start offset up.

import type { DeletedMark, PartitionLog, SegmentMark } from '../../../sim/index.ts'
import { DELETED_SHOWN_MS } from '../../../sim/index.ts'
import type { OffsetWindow } from './geometry.ts'

/** Separators closer than this (px) to the last one drawn are left out: a wall of lines says nothing. */
export const MIN_EDGE_GAP_PX = 4
/** Under reduced motion a deleted segment fades in this many steps instead of smoothly. */
export const FADE_STEPS = 4

/**
 * The offsets a row draws: the partition's [start, end), reaching down to the segments its
 * replicas deleted recently so the learner sees them go. A log drawn linearly stays linear (the
 * deleted offsets join it); a compressed one keeps its tail.
 */
export function drawnWindow(log: PartitionLog): OffsetWindow {
  let start = log.start
  for (const lane of log.lanes) for (const d of lane.deleted) start = Math.min(start, d.from)
  const tailFrom = log.tailFrom > log.start ? log.tailFrom : start
  return { start, tailFrom, end: log.end }
}

/** How visible a deleted segment is: 1 when it was deleted, 0 once DELETED_SHOWN_MS have passed. */
export function deletedOpacity(atMs: number, nowMs: number, reducedMotion: boolean): number {
  const left = 1 - (nowMs - atMs) / DELETED_SHOWN_MS
  const opacity = Math.min(1, Math.max(0, left))
  return reducedMotion ? Math.ceil(opacity * FADE_STEPS) / FADE_STEPS : opacity
}

/** The deleted marks still visible at `nowMs`. */
export function visibleDeleted(deleted: readonly DeletedMark[], nowMs: number): DeletedMark[] {
  return deleted.filter((d) => nowMs - d.atMs < DELETED_SHOWN_MS)
}

export interface SegmentEdge {
  offset: number
  x: number
}

/**
 * Where separators go: at each segment's base offset after the first (the first starts the log,
 * which the log start mark shows), left out when closer than `minGap` px to the last one drawn.
 */
export function segmentEdges(segments: readonly SegmentMark[], x: (offset: number) => number, minGap = MIN_EDGE_GAP_PX): SegmentEdge[] {
  const out: SegmentEdge[] = []
  let last = segments.length > 0 ? x(segments[0].baseOffset) : 0
  for (let i = 1; i < segments.length; i++) {
    const at = x(segments[i].baseOffset)
    if (at - last < minGap) continue
    out.push({ offset: segments[i].baseOffset, x: at })
    last = at
  }
  return out
}

/** The segment holding `offset` (binary search over segments sorted by base offset), or null. */
export function segmentAt(segments: readonly SegmentMark[], offset: number): SegmentMark | null {
  let lo = 0
  let hi = segments.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const s = segments[mid]
    if (offset < s.baseOffset) hi = mid - 1
    else if (offset >= s.endOffset && !(s.active && offset === s.baseOffset)) lo = mid + 1
    else return s
  }
  return null
}

/** The active segment of a lane (the last one), or null for a lane without segments. */
export function activeSegment(segments: readonly SegmentMark[]): SegmentMark | null {
  const last = segments[segments.length - 1]
  return last?.active ? last : null
}

/** Whether a lane shows its log start offset: only once retention (or DeleteRecords) moved it. */
export function showsLogStart(logStartOffset: number, deleted: readonly DeletedMark[]): boolean {
  return logStartOffset > 0 || deleted.length > 0
}

/** "812 KB", "1.0 MB", "0 B": a segment's size on disk (1 KB = 1024 B, as segment.bytes counts). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
