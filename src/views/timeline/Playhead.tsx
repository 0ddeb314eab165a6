// The playhead: where the run is now. Its position follows the simulation every animation frame
// (through onFrame and a ref, not React renders); it is also a slider for the keyboard: arrow keys
// move 1 s (Shift: 10 s), Home and End go to the start and the end.

import { useEffect, useRef, type KeyboardEvent } from 'react'
import { current } from '../../host/engine-host.ts'
import { onFrame } from '../../host/playback.ts'
import { formatSimTime } from '../../i18n.ts'
import { useT } from '../../useT.ts'
import type { TimeScale } from './time-scale.ts'

interface Props {
  scale: TimeScale
  nowMs: number
  top: number
  bottom: number
  onGo(ms: number): void
}

const L = {
  playhead: { en: 'Playhead (simulated time)', ko: '재생 위치 (시뮬레이션 시각)' },
}

export function Playhead({ scale, nowMs, top, bottom, onGo }: Props) {
  const t = useT()
  const moverRef = useRef<SVGGElement>(null)
  const playedRef = useRef<SVGRectElement>(null)
  const scaleRef = useRef(scale)
  scaleRef.current = scale

  useEffect(() => {
    // paused, the frame loop keeps calling: touch the DOM only when the playhead moved, or the
    // page would restyle sixty times a second for nothing
    let placedX = Number.NaN
    const place = () => {
      const run = current()
      if (!run) return
      const s = scaleRef.current
      const [x0, x1] = s.range()
      const x = Math.min(x1, Math.max(x0, s(run.sim.nowMs)))
      if (x === placedX) return
      placedX = x
      moverRef.current?.setAttribute('transform', `translate(${x},0)`)
      playedRef.current?.setAttribute('width', String(Math.max(0, x - x0)))
    }
    place()
    return onFrame(place)
  }, [scale])

  function onKeyDown(e: KeyboardEvent) {
    const step = e.shiftKey ? 10_000 : 1_000
    const [, end] = scale.domain()
    const to = { ArrowRight: nowMs + step, ArrowLeft: nowMs - step, Home: 0, End: end }[e.key]
    if (to === undefined) return
    // handled here: the page's → shortcut (step one event) must not see it
    e.preventDefault()
    e.stopPropagation()
    onGo(Math.min(end, Math.max(0, to)))
  }

  const [x0] = scale.range()
  const [, end] = scale.domain()
  return (
    <>
      <rect ref={playedRef} className="tl-played" x={x0} y={top} height={bottom - top} />
      <g ref={moverRef}>
        <g
          className="tl-playhead"
          role="slider"
          tabIndex={0}
          aria-label={t(L.playhead)}
          aria-valuemin={0}
          aria-valuemax={end}
          aria-valuenow={nowMs}
          aria-valuetext={formatSimTime(nowMs)}
          data-testid="timeline-playhead"
          onKeyDown={onKeyDown}
        >
          <line y1={top} y2={bottom} />
          <path d={`M-6,${top} L6,${top} L0,${top + 7} Z`} />
        </g>
      </g>
    </>
  )
}
