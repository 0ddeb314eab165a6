// The partition log view's maths, kept free of React and the DOM: one offset scale per partition
// (the whole log compressed on the left, the last offsets one by one on the right, so a log of
// millions of offsets stays readable), where the HW and LEO labels go, and which consumers sit on a
// partition (each group's committed offset and LAG, each member's and reader's position).

import { scaleLinear, type ScaleLinear } from 'd3-scale'
import type { ClusterView } from '../../../sim/index.ts'

/** A row's drawing frame: the offset scale over [x0, x1], the text size, and the heights of its rows. */
export interface LaneLayout {
  x: ScaleLinear<number, number>
  /** the offsets drawn */
  win: OffsetWindow
  x0: number
  x1: number
  /** font size, px */
  f: number
  topH: number
  laneH: number
  rowH: number
}

/** Share of the plot given to the compressed old part of the log, when there is one. */
export const COMPRESSED_SHARE = 0.3

export interface OffsetWindow {
  start: number
  tailFrom: number
  end: number
}

/** Offsets → x. Piecewise when the log is longer than its tail: [start, tailFrom] is squeezed. */
export function offsetScale(w: OffsetWindow, x0: number, x1: number): ScaleLinear<number, number> {
  const end = Math.max(w.end, w.start + 1)
  if (w.tailFrom <= w.start) return scaleLinear().domain([w.start, end]).range([x0, x1]).clamp(true)
  // never stretch: an old part shorter than the share keeps its linear width
  const share = Math.min(COMPRESSED_SHARE, (w.tailFrom - w.start) / (end - w.start))
  const cut = x0 + (x1 - x0) * share
  return scaleLinear().domain([w.start, w.tailFrom, end]).range([x0, cut, x1]).clamp(true)
}

/** Rough width of a label in px at the SVG's font size (monospace digits, 0.6 em each; Hangul 1 em). */
export function labelWidth(text: string, fontPx: number): number {
  let em = 0
  for (const ch of text) em += isWide(ch.codePointAt(0)!) ? 1 : 0.62
  return em * fontPx
}

/** Hangul and CJK characters: a full em wide in the fallback font (Noto Sans KR). */
function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3000 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af)
}

export interface MarkerLabel {
  text: string
  /** x of the label's right edge (labels are anchored at their end) */
  x: number
}

/**
 * HW and LEO labels above the lanes, anchored at their end so they never run off the right edge;
 * the HW label moves left when it would overlap the LEO label. HW = LEO is one label.
 */
export function hwLeoLabels(hwX: number, leoX: number, hw: number, leo: number, fontPx: number, minX: number): MarkerLabel[] {
  if (hw === leo) return [{ text: `HW = LEO ${leo}`, x: Math.max(leoX, minX + labelWidth(`HW = LEO ${leo}`, fontPx)) }]
  const leoText = `LEO ${leo}`
  const hwText = `HW ${hw}`
  const leoLabel = { text: leoText, x: Math.max(leoX, minX + labelWidth(hwText, fontPx) + labelWidth(leoText, fontPx) + 8) }
  const hwRoom = leoLabel.x - labelWidth(leoText, fontPx) - 6
  return [{ text: hwText, x: Math.max(minX + labelWidth(hwText, fontPx), Math.min(hwX, hwRoom)) }, leoLabel]
}

export interface MemberMark {
  clientId: string
  position: number
  /** EAGER: marked for revocation before the rebalance: no records handed out */
  revoking: boolean
}

export interface GroupMark {
  groupId: string
  /** CURRENT-OFFSET: the group's committed offset, null before the first commit */
  committed: number | null
  /** LAG = HW − CURRENT-OFFSET */
  lag: number | null
  members: MemberMark[]
}

export interface ReaderMark {
  id: string
  position: number
}

/** The consumer groups reading a partition's topic and the plain readers positioned on it. */
export function consumerMarks(view: ClusterView | null, topic: string, tp: string): { groups: GroupMark[]; readers: ReaderMark[] } {
  if (!view) return { groups: [], readers: [] }
  const groups = view.groups
    .filter((g) => g.topics.includes(topic))
    .map((g) => ({
      groupId: g.groupId,
      committed: g.committed[tp] ?? null,
      lag: g.lag[tp] ?? null,
      members: g.members
        .filter((m) => m.assignment.includes(tp) && (m.positions[tp] ?? -1) >= 0)
        .map((m) => ({ clientId: m.clientId, position: m.positions[tp], revoking: m.revoking.includes(tp) })),
    }))
  const readers = view.readers
    .filter((r) => r.up && (r.positions[tp] ?? -1) >= 0)
    .map((r) => ({ id: r.id, position: r.positions[tp] }))
  return { groups, readers }
}

/** "159–757" for [159, 758), "159" for one offset. */
export function rangeText(from: number, to: number): string {
  return to - from <= 1 ? String(from) : `${from}–${to - 1}`
}

/**
 * Where the "≈ N" label of the compression break goes (its centre): over the break when that is
 * free, else pushed right past the label it would land on ("log start", HW, LEO: `taken` as
 * [left, right] spans); null (no label: the dotted line and the legend still say it) when it
 * would then run past `maxX`.
 */
export function breakLabelX(cutX: number, text: string, fontPx: number, taken: readonly [number, number][], maxX: number): number | null {
  const half = labelWidth(text, fontPx) / 2
  const spans = [...taken].sort((a, b) => a[0] - b[0])
  let x = cutX
  for (const [lo, hi] of spans) if (x + half + 6 > lo && x - half - 6 < hi) x = hi + 6 + half
  return x + half <= maxX ? x : null
}
