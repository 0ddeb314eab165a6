// The timeline at the foot of the page: simulated time from 0 to the scenario's end, the playhead,
// and markers for what happened in Kafka's words (faults and interventions, leader elections with
// UNCLEAN ones standing out, ISR changes, controller changes, rebalances, broker fencing, the
// checkers' anomalies), plus the scenario's actions still to come. Clicking a marker or the axis
// moves the run to that time; all pixel↔time mapping goes through one scale (time-scale.ts).

import { useId, useMemo, useRef, useState, type PointerEvent } from 'react'
import { current } from '../host/engine-host.ts'
import { runNotes } from '../../sim/index.ts'
import { useSim } from '../store/sim-store.ts'
import { usePlayback } from '../store/playback-store.ts'
import { useT } from '../useT.ts'
import { LANES, CATEGORIES, type Lane } from './timeline/categories.ts'
import { clusterMarkers, type MarkerItem } from './timeline/cluster.ts'
import { NoteMarkers, anomalyMarkers, scheduledMarkers } from './timeline/markers.ts'
import { timelineLayout, type TimelineLayout } from './timeline/layout.ts'
import { useServeLink } from '../store/serve-store.ts'
import { msAtX, timeDomainMax, timeScale } from './timeline/time-scale.ts'
import { glyph } from './timeline/glyph.ts'
import { useSize } from './use-size.ts'
import { useAnomalies } from './timeline/use-anomalies.ts'
import { seekTo } from './timeline/seek.ts'
import { Axis } from './timeline/Axis.tsx'
import { Markers } from './timeline/Markers.tsx'
import { Playhead } from './timeline/Playhead.tsx'
import { Tooltip } from './timeline/Tooltip.tsx'
import './timeline.css'

const L = {
  timeline: { en: 'Timeline', ko: '타임라인' },
  track: { en: 'Timeline: click a time to go there', ko: '타임라인: 시각을 클릭하면 그 시각으로 이동' },
}

/** Every marker of the run as it stands now (notes so far, anomalies so far, actions to come). */
function useMarkerItems(version: number, nowMs: number): MarkerItem[] {
  const notes = useRef(new NoteMarkers())
  const playing = usePlayback((s) => s.playing)
  const anomalies = useAnomalies(version, playing)
  return useMemo(() => {
    const run = current()
    if (!run) return []
    const fromNotes = notes.current.update(runNotes(run.sim))
    return [...fromNotes, ...anomalyMarkers(anomalies, nowMs), ...scheduledMarkers(run.scenario.timeline, nowMs)]
    // version: the run moved (its notes grew)
  }, [version, nowMs, anomalies])
}

/** The rows to show: those with markers, and always the faults row (scheduled actions go there). */
function lanesOf(items: readonly MarkerItem[]): Lane[] {
  const present = new Set<Lane>(['fault'])
  for (const item of items) present.add(CATEGORIES[item.category].lane)
  return LANES.map((l) => l.lane).filter((lane) => present.has(lane))
}

export function Timeline() {
  const t = useT()
  const version = useSim((s) => s.version)
  const nowMs = useSim((s) => s.nowMs)
  const durationMs = useSim((s) => s.durationMs)
  const boxRef = useRef<HTMLElement>(null)
  // inside its top border: an SVG as tall as the whole box would overflow it (and scroll the page) by 1 px
  const { width, height, fontPx } = useSize(boxRef, true)
  const [tipKey, setTipKey] = useState<string | null>(null)
  const [focusKey, setFocusKey] = useState<string | null>(null)
  const tipId = useId()

  const items = useMarkerItems(version, nowMs)
  const lanes = useMemo(() => lanesOf(items), [items])
  const layout = useMemo(() => timelineLayout(width, height, fontPx, lanes), [width, height, fontPx, lanes])
  const served = useServeLink((s) => (s.status === 'off' ? null : s.status === 'closed' ? s.closedAtMs : s.servedMs))
  const domainMax = timeDomainMax(durationMs, nowMs, served)
  const scale = useMemo(() => timeScale(domainMax, layout.x0, layout.x1), [domainMax, layout.x0, layout.x1])
  const clusters = useMemo(() => clusterMarkers(items, scale, layout.clusterGapPx), [items, scale, layout.clusterGapPx])
  const tip = clusters.find((c) => c.key === tipKey) ?? null

  function go(ms: number) {
    if (current()) seekTo(ms)
  }
  /** Click or drag on the track: the run follows the pointer (at most one seek per frame). */
  const pending = useRef<number | null>(null)
  function scrubTo(e: PointerEvent<SVGRectElement>) {
    const box = e.currentTarget.ownerSVGElement!.getBoundingClientRect()
    const first = pending.current === null
    pending.current = msAtX(scale, e.clientX - box.left)
    if (first)
      requestAnimationFrame(() => {
        if (pending.current !== null) go(pending.current)
        pending.current = null
      })
  }
  function onTrackDown(e: PointerEvent<SVGRectElement>) {
    e.currentTarget.setPointerCapture(e.pointerId)
    scrubTo(e)
  }
  function onTrackMove(e: PointerEvent<SVGRectElement>) {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) scrubTo(e)
  }

  return (
    <section ref={boxRef} className="timeline" aria-label={t(L.timeline)} data-testid="timeline">
      {width > 0 && current() ? (
        <svg width={width} height={height} className="tl-svg">
          <rect className="tl-track" x={layout.x0} y={0} width={layout.x1 - layout.x0} height={height} onPointerDown={onTrackDown} onPointerMove={onTrackMove}>
            <title>{t(L.track)}</title>
          </rect>
          <LaneLabels lanes={lanes} layout={layout} width={layout.x1} />
          <Playhead scale={scale} nowMs={nowMs} top={0} bottom={layout.axisY} onGo={go} />
          <Markers
            clusters={clusters}
            layout={layout}
            tipKey={tipKey}
            tipId={tipId}
            focusKey={focusKey}
            onTip={setTipKey}
            onFocusKey={setFocusKey}
            onGo={go}
          />
          <Axis scale={scale} y={layout.axisY} />
        </svg>
      ) : null}
      {tip ? (
        <Tooltip id={tipId} cluster={tip} left={Math.min(Math.max(tip.x, 170), width - 170)} bottom={height + 4} />
      ) : null}
    </section>
  )
}

function LaneLabels({ lanes, layout, width }: { lanes: Lane[]; layout: TimelineLayout; width: number }) {
  const t = useT()
  const labelPx = Math.min(layout.pitch * 0.95, 12)
  return (
    <g className="tl-lanes" aria-hidden="true">
      {LANES.filter((l) => lanes.includes(l.lane)).map((l) => {
        const y = layout.laneY[l.lane] ?? 0
        const { d, rotate } = glyph(l.shape, Math.min(layout.glyphPx, 10))
        return (
          <g key={l.lane} transform={`translate(0,${y})`}>
            <line className="tl-lane-line" x1={layout.x0} x2={width} />
            <path d={d} transform={`translate(8,0)${rotate ? ` rotate(${rotate})` : ''}`} style={{ fill: l.color }} className="tl-lane-glyph" />
            <text x={16} dy="0.35em" style={{ fontSize: `${labelPx}px` }}>
              {t(l.label)}
            </text>
          </g>
        )
      })}
    </g>
  )
}
