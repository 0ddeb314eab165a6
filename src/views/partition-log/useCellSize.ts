// The width left for the logs in the partition table's cells and the table's text size, kept up to
// date when the window, the side panel or presenter mode changes them.

import type { RefObject } from 'react'
import { useSize } from '../use-size.ts'

/** Horizontal padding of a cell, in px (both sides together). */
const CELL_PAD_PX = 8

export interface CellSize {
  width: number
  fontPx: number
}

export function useCellSize(ref: RefObject<HTMLElement | null>): CellSize {
  const { width, fontPx } = useSize(ref)
  return { width: Math.max(0, Math.floor(width - 2 * CELL_PAD_PX - 2)), fontPx }
}
