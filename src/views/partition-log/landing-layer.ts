// Draws records landing in the partition log (the rule is landing.ts): small SVG dots dropped into
// the leader lane's new offset slots of a row's SVG, animated on playback's animation frames and
// removed once they have landed. It owns only the dots it adds to a row's (otherwise empty)
// landing group; React never renders into that group. A handful of dots live at a time; nothing is
// allocated per frame beyond the dots' own attribute writes.

import type { ScaleLinear } from 'd3-scale'
import { onFrame } from '../../host/playback.ts'
import { usePlayback } from '../../store/playback-store.ts'
import { emptyPlan, planLanding } from './landing.ts'

const SVG_NS = 'http://www.w3.org/2000/svg'
/** wall ms a dot takes to fall into its slot, then stays there, and the delay between dots of one append */
const DROP_MS = 420
const HOLD_MS = 420
const STAGGER_MS = 45

interface Falling {
  dot: SVGCircleElement
  text: SVGTextElement | null
  y0: number
  y1: number
  startMs: number
}

const live: Falling[] = []
const plan = emptyPlan()
let stopFrames: (() => void) | null = null
let reduced: MediaQueryList | null = null

function reducedMotion(): boolean {
  if (!reduced && typeof window !== 'undefined' && window.matchMedia) reduced = window.matchMedia('(prefers-reduced-motion: reduce)')
  return reduced?.matches ?? false
}

function tick(wallNow: number): void {
  for (let i = live.length - 1; i >= 0; i--) {
    const f = live[i]
    const t = (wallNow - f.startMs) / DROP_MS
    if (wallNow - f.startMs >= DROP_MS + HOLD_MS) {
      f.dot.remove()
      f.text?.remove()
      live[i] = live[live.length - 1]
      live.pop()
      continue
    }
    const k = t <= 0 ? 0 : t >= 1 ? 1 : 1 - (1 - t) * (1 - t)
    const y = f.y0 + (f.y1 - f.y0) * k
    f.dot.setAttribute('cy', y.toFixed(1))
    f.dot.style.opacity = t < 0 ? '0' : '1'
    // the count shows once its dot has landed, beside it on the lane (not over the HW/LEO labels)
    if (f.text) f.text.style.opacity = t >= 1 ? '1' : '0'

  }
  if (live.length === 0 && stopFrames) {
    stopFrames()
    stopFrames = null
  }
}

function drop(layer: SVGGElement, cx: number, r: number, y0: number, y1: number, startMs: number, records: number, offset: number): void {
  const dot = document.createElementNS(SVG_NS, 'circle')
  dot.setAttribute('class', 'plog-landing-dot')
  dot.setAttribute('data-testid', 'landing-dot')
  dot.setAttribute('cx', cx.toFixed(1))
  dot.setAttribute('cy', y0.toFixed(1))
  dot.setAttribute('r', r.toFixed(1))
  dot.setAttribute('data-records', String(records))
  if (records === 1) dot.setAttribute('data-offset', String(offset))
  dot.style.opacity = '0'
  layer.appendChild(dot)
  let text: SVGTextElement | null = null
  if (records > 1) {
    text = document.createElementNS(SVG_NS, 'text')
    text.setAttribute('class', 'plog-landing-count')
    text.setAttribute('x', (cx - r - 2).toFixed(1))
    text.setAttribute('y', (y1 + 4).toFixed(1))
    text.setAttribute('text-anchor', 'end')
    text.textContent = `+${records}`
    text.style.opacity = '0'
    layer.appendChild(text)
  }
  live.push({ dot, text, y0, y1, startMs })
  if (!stopFrames) stopFrames = onFrame(tick)
}

/**
 * The leader of a row's partition appended records: its LEO went from `prevLeo` to `leo`. Drops
 * dots from `topY` into the slots' centres on the leader lane (`laneY`, `laneH` high).
 */
export function landRecords(layer: SVGGElement, prevLeo: number, leo: number, x: ScaleLinear<number, number>, topY: number, laneY: number, laneH: number): void {
  const { speed, playing } = usePlayback.getState()
  const slotPx = x(leo) - x(leo - 1)
  planLanding(prevLeo, leo, { speed, playing, reducedMotion: reducedMotion(), slotPx }, plan)
  if (plan.mode === 'none') return
  const now = performance.now()
  const y1 = laneY + laneH / 2
  if (plan.mode === 'each') {
    const r = Math.max(3, Math.min(laneH / 2, slotPx * 0.6))
    for (let o = plan.from; o < plan.to; o++) drop(layer, (x(o) + x(o + 1)) / 2, r, topY, y1, now + (o - plan.from) * STAGGER_MS, 1, o)
  } else {
    drop(layer, (x(plan.from) + x(plan.to)) / 2, Math.max(3, laneH / 2), topY, y1, now, plan.to - plan.from, plan.from)
  }
}

/** Dots still falling or resting (for tests and the frame budget). */
export function landingCount(): number {
  return live.length
}
