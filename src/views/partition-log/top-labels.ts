// The labels over a partition's lanes, placed so none covers another: the log start offset (at
// its marker once retention moved it, else at the left edge), HW and LEO (at the right, anchored
// at their end), the "≈ N" of the compressed part, "active segment" over the active segment, and
// the log cleaner's latest pass over the offsets it cleaned (compacted topics).
// Labels that cannot find room are left out (the legend and the tooltips still say it).

import { breakLabelX, hwLeoLabels, labelWidth } from './geometry.ts'

export interface TopRowInput {
  x0: number
  x1: number
  fontPx: number
  /** the log start label; markX is null when no marker is drawn (the label then sits at x0) */
  logStart: { text: string; markX: number | null }
  hw: { offset: number; x: number }
  leo: { offset: number; x: number }
  /** the compression break: where it is and its "≈ N" label, or null */
  cut: { x: number; text: string } | null
  /** the active segment [x, endX] and its label (`short` where the whole one has no room), or null */
  active: { x: number; endX: number; text: string; short: string } | null
  /** the log cleaner's latest pass over [x, endX] and its label (`short` where the whole one has no room), or null */
  cleaned?: { x: number; endX: number; text: string; short: string } | null
}

export interface TopLabel {
  kind: 'logStart' | 'hw' | 'leo' | 'break' | 'active' | 'cleaned'
  text: string
  x: number
  anchor: 'start' | 'middle' | 'end'
}

/** [left, right] of a placed label. */
export function labelSpan(l: TopLabel, fontPx: number): [number, number] {
  const w = labelWidth(l.text, fontPx)
  if (l.anchor === 'start') return [l.x, l.x + w]
  if (l.anchor === 'end') return [l.x - w, l.x]
  return [l.x - w / 2, l.x + w / 2]
}

export function topLabels(input: TopRowInput): TopLabel[] {
  const f = input.fontPx
  const start = logStartLabel(input)
  const startEnd = labelSpan(start, f)[1]
  const marks = hwLeoLabels(input.hw.x, input.leo.x, input.hw.offset, input.leo.offset, f, startEnd + 10)
  const out: TopLabel[] = [start, ...marks.map((m, i): TopLabel => ({ kind: marks.length === 1 || i === 1 ? 'leo' : 'hw', text: m.text, x: m.x, anchor: 'end' }))]
  const cutX = input.cut ? breakLabelX(input.cut.x, input.cut.text, f, out.map((l) => labelSpan(l, f)), input.x1) : null
  if (input.cut && cutX !== null) out.push({ kind: 'break', text: input.cut.text, x: cutX, anchor: 'middle' })
  const active = input.active ? spanLabel('active', input.active, Math.min(input.active.endX, input.x1), f, out) : null
  if (active) out.push(active)
  if (input.cleaned) {
    const end = Math.min(input.cleaned.endX, input.x1)
    const cleaned = spanLabel('cleaned', input.cleaned, end, f, out)
    // while the cleaner's pass is news, its label goes before a log start offset that never moved
    const instead = cleaned ?? (input.logStart.markX === null ? spanLabel('cleaned', input.cleaned, end, f, out.slice(1)) : null)
    if (instead && !cleaned) out.shift()
    if (instead) out.push(instead)
  }
  return out
}

/** A label centred in the room over its span ("active segment", the latest cleaning), else its short form, else nothing. */
function spanLabel(kind: 'active' | 'cleaned', a: { x: number; text: string; short: string }, endX: number, f: number, placed: TopLabel[]): TopLabel | null {
  const taken = placed.map((l) => labelSpan(l, f))
  for (const text of [a.text, a.short]) {
    const x = centreInFreeSpace(a.x + 4, endX, labelWidth(text, f), taken)
    if (x !== null) return { kind, text, x, anchor: 'middle' }
  }
  return null
}

/** The width the HW and LEO labels need at the right end of the row. */
function hwLeoWidth(input: TopRowInput): number {
  const f = input.fontPx
  if (input.hw.offset === input.leo.offset) return labelWidth(`HW = LEO ${input.leo.offset}`, f)
  return labelWidth(`HW ${input.hw.offset}`, f) + labelWidth(`LEO ${input.leo.offset}`, f) + 8
}

/** At its marker (text to the right, or to the left when the right has no room), else at the left edge. */
function logStartLabel(input: TopRowInput): TopLabel {
  const { text, markX } = input.logStart
  const w = labelWidth(text, input.fontPx)
  const maxRight = input.x1 - hwLeoWidth(input) - 10
  if (markX === null) return { kind: 'logStart', text, x: input.x0, anchor: 'start' }
  if (markX + w <= maxRight) return { kind: 'logStart', text, x: markX, anchor: 'start' }
  const end = Math.min(markX - 3, maxRight)
  if (end - w >= input.x0) return { kind: 'logStart', text, x: end, anchor: 'end' }
  return { kind: 'logStart', text, x: input.x0, anchor: 'start' }
}

/** Room kept between two labels, px. */
const GAP = 8

/**
 * The centre of a `width`-wide label in the widest stretch of [lo, hi] no taken span covers
 * (keeping GAP px from each), or null when no stretch is wide enough.
 */
export function centreInFreeSpace(lo: number, hi: number, width: number, taken: readonly [number, number][]): number | null {
  const spans = [...taken].sort((a, b) => a[0] - b[0])
  let best: [number, number] | null = null
  let from = lo
  for (const [l, h] of [...spans, [Infinity, Infinity] as [number, number]]) {
    const to = Math.min(hi, l - GAP)
    if (to - from >= width && (best === null || to - from > best[1] - best[0])) best = [from, to]
    from = Math.max(from, h + GAP)
  }
  return best === null ? null : (best[0] + best[1]) / 2
}
