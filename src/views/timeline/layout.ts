// Where things sit on the timeline: a gutter with the row names on the left, one row per marker
// category present in the run (the faults row always, for scheduled actions), the time axis below.

import type { Lane } from './categories.ts'

export interface TimelineLayout {
  /** the time range's pixel span */
  x0: number
  x1: number
  /** row centre y per lane shown */
  laneY: Partial<Record<Lane, number>>
  pitch: number
  glyphPx: number
  /** the top of the axis */
  axisY: number
  /** markers closer than this join a cluster (the glyph and its count) */
  clusterGapPx: number
}

const TOP_PAD = 4
const RIGHT_PAD = 16

export function timelineLayout(width: number, height: number, fontPx: number, lanes: readonly Lane[]): TimelineLayout {
  const gutter = Math.round(fontPx * 7)
  const axisY = height - Math.round(fontPx * 1.3)
  // rows a little taller than a line of text when there is room, so glyphs and counts do not touch
  const pitch = Math.min(fontPx * 1.3, (axisY - TOP_PAD) / Math.max(1, lanes.length))
  const laneY: TimelineLayout['laneY'] = {}
  lanes.forEach((lane, i) => {
    laneY[lane] = TOP_PAD + pitch * (i + 0.5)
  })
  const glyphPx = Math.max(6, Math.min(fontPx, pitch) - 3)
  return { x0: gutter, x1: Math.max(gutter + 10, width - RIGHT_PAD), laneY, pitch, glyphPx, axisY, clusterGapPx: glyphPx + fontPx * 1.4 }
}
