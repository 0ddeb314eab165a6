// The width left for the logs in the partition table's cells and the table's text size, kept up to date
// when the window, the side panel or presenter mode changes them.

import { useEffect, useState, type RefObject } from 'react'

/** Horizontal padding of a cell, in px (both sides together). */
const CELL_PAD_PX = 8

export interface CellSize {
  width: number
  fontPx: number
}

export function useCellSize(ref: RefObject<HTMLElement | null>): CellSize {
  const [size, setSize] = useState<CellSize>({ width: 0, fontPx: 12 })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => {
      const fontPx = parseFloat(getComputedStyle(el).fontSize) || 12
      const width = Math.max(0, Math.floor(el.clientWidth - 2 * CELL_PAD_PX - 2))
      setSize((s) => (s.width === width && s.fontPx === fontPx ? s : { width, fontPx }))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return size
}
