// The size of an element (and its font size, so drawings scale with presenter mode), kept up to
// date with a ResizeObserver. `inner`: the box inside its borders (what a child may fill without
// overflowing it), else its whole box.

import { useEffect, useState, type RefObject } from 'react'

export interface Size {
  width: number
  height: number
  fontPx: number
}

export function useSize(ref: RefObject<Element | null>, inner = false): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0, fontPx: 15 })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => {
      const r = inner ? { width: el.clientWidth, height: el.clientHeight } : el.getBoundingClientRect()
      const fontPx = parseFloat(getComputedStyle(el).fontSize) || 15
      setSize((s) => (s.width === r.width && s.height === r.height && s.fontPx === fontPx ? s : { width: r.width, height: r.height, fontPx }))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref, inner])
  return size
}
