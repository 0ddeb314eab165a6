// The timeline's time axis in simulated seconds: a D3 island (d3-axis owns this <g>).

import { useEffect, useRef } from 'react'
import { axisBottom, select } from 'd3'
import { formatTick, type TimeScale } from './time-scale.ts'

export function Axis({ scale, y }: { scale: TimeScale; y: number }) {
  const ref = useRef<SVGGElement>(null)
  useEffect(() => {
    if (!ref.current) return
    const [x0, x1] = scale.range()
    const axis = axisBottom(scale)
      .ticks(Math.max(2, Math.floor((x1 - x0) / 90)))
      .tickFormat((ms) => formatTick(Number(ms)))
      .tickSizeOuter(0)
    select(ref.current).call(axis)
  }, [scale])
  return <g ref={ref} className="tl-axis" transform={`translate(0,${y})`} aria-hidden="true" />
}
