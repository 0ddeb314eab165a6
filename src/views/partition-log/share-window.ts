// A share group's window on a partition (KIP-932) as the partition log draws it, free of React and
// the DOM: how many of the drawn records are of each drawn kind (AVAILABLE split into never
// delivered and released, i.e. to be delivered again), the words on the row ("SPSO 194 · SPEO 287 ·
// ACQUIRED 1 · ARCHIVED 3 · ACKNOWLEDGED 90"), and where each record's cell goes on the row's offset scale. The window comes from
// sim/view/partition-log.ts (ShareWindowMark: SPSO, SPEO and the last SHARE_CELLS_SHOWN records).

import type { ShareWindowMark } from '../../../sim/index.ts'
import { shareCellKind, type ShareCellKind, type ShareRecordState } from '../share-text.ts'

export type ShareKindCounts = Record<ShareCellKind, number>

export function shareKindCounts(mark: ShareWindowMark): ShareKindCounts {
  const out: ShareKindCounts = { available: 0, released: 0, acquired: 0, acknowledged: 0, archived: 0 }
  for (const cell of mark.cells) out[shareCellKind(cell)]++
  return out
}

/** The states named on the row, in the order that matters now: in flight, waiting, given up, done. */
const ROW_ORDER: readonly ShareRecordState[] = ['ACQUIRED', 'AVAILABLE', 'ARCHIVED', 'ACKNOWLEDGED']

/**
 * "SPSO 194 · SPEO 287 · ACQUIRED 1 · ARCHIVED 3 · ACKNOWLEDGED 90": the window and the non-zero
 * counts of its drawn records by Kafka's state ("SPEO -" when nothing is in flight), the same in both languages.
 */
export function shareRowText(mark: ShareWindowMark): string {
  return shareRowParts(mark).join(SEP)
}

const SEP = ' · '

/** The row's words piece by piece, most important first. */
export function shareRowParts(mark: ShareWindowMark): string[] {
  const counts: Record<ShareRecordState, number> = { AVAILABLE: 0, ACQUIRED: 0, ACKNOWLEDGED: 0, ARCHIVED: 0 }
  for (const cell of mark.cells) counts[cell.state]++
  const speo = mark.endOffset < mark.startOffset ? '-' : String(mark.endOffset)
  const parts = [`SPSO ${mark.startOffset}`, `SPEO ${speo}`]
  for (const state of ROW_ORDER) if (counts[state] > 0) parts.push(`${state} ${counts[state]}`)
  return parts
}

export interface RowTextPlace {
  text: string
  x: number
  anchor: 'start' | 'end'
}

/**
 * Where the row's words go beside the window [a, b] (px) inside [x0, x1]: all of them left of the
 * window if they fit, else right of it, else as many leading pieces as fit on the roomier side;
 * null when not even SPSO fits (the tooltips and the groups panel still say it). `width` measures a text.
 */
export function placeRowText(parts: readonly string[], a: number, b: number, x0: number, x1: number, width: (text: string) => number): RowTextPlace | null {
  const gap = 6
  const left = a - gap - x0
  const right = x1 - b - gap
  const full = parts.join(SEP)
  if (width(full) <= left) return { text: full, x: a - gap, anchor: 'end' }
  if (width(full) <= right) return { text: full, x: b + gap, anchor: 'start' }
  const room = Math.max(left, right)
  let text = ''
  for (const part of parts) {
    const next = text === '' ? part : `${text}${SEP}${part}`
    if (width(next) > room) break
    text = next
  }
  if (text === '') return null
  return left >= right ? { text, x: a - gap, anchor: 'end' } : { text, x: b + gap, anchor: 'start' }
}

export interface CellBox {
  x: number
  width: number
}

/** A record's cell on the row: [x(offset), x(offset + 1)), with a 1 px gap once cells are wide enough to spare it. */
export function cellBox(offset: number, x: (offset: number) => number): CellBox {
  const a = x(offset)
  const full = x(offset + 1) - a
  return { x: a, width: Math.max(1, full >= 4 ? full - 1 : full) }
}
