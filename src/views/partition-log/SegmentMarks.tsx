// What a replica lane shows of Kafka's storage: the segments its log is made of (a thin gap at each
// segment's base offset, a hover target per segment with its base offset, size and newest record),
// the active segment outlined, the segments retention deleted in the last seconds (grey, hatched,
// fading with their age in simulated time) and the replica's log start offset (a bracket opening
// to the right, shown once retention or DeleteRecords moved it). Geometry comes from segments.ts.

import { useEffect, useState } from 'react'
import type { EpochRun, ReplicaLane, SegmentMark } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import type { LaneLayout } from './geometry.ts'
import { activeSegment, deletedOpacity, segmentEdges, showsLogStart, visibleDeleted } from './segments.ts'
import { deletedTitle, epochsText, logStartTitle, segmentTitle } from './text.ts'

const REDUCED = '(prefers-reduced-motion: reduce)'

/** Whether the user asked for reduced motion (followed live). */
export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => typeof matchMedia === 'function' && matchMedia(REDUCED).matches)
  useEffect(() => {
    if (typeof matchMedia !== 'function') return
    const query = matchMedia(REDUCED)
    const follow = () => setReduced(query.matches)
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [])
  return reduced
}

interface LaneProps {
  lane: ReplicaLane
  y: number
  g: LaneLayout
}

/** Segment separators, one hover target per segment over the compressed part, and the active segment's outline. */
export function SegmentLayer({ lane, y, g }: LaneProps) {
  const active = activeSegment(lane.segments)
  return (
    <g className="plog-segments" data-broker={lane.broker}>
      {segmentEdges(lane.segments, g.x).map((e) => (
        <line key={e.offset} className="plog-seg-edge" data-offset={e.offset} x1={e.x} x2={e.x} y1={y - 1} y2={y + g.laneH + 1} />
      ))}
      {g.win.tailFrom > g.win.start ? lane.segments.map((s) => <SegmentTarget key={s.baseOffset} s={s} runs={lane.runs} y={y} g={g} />) : null}
      {active ? <ActiveOutline s={active} y={y} g={g} /> : null}
    </g>
  )
}

/** A segment's part left of the compression break, as a hover target (batches right of it carry their segment in their own tooltip). */
function SegmentTarget({ s, runs, y, g }: { s: SegmentMark; runs: readonly EpochRun[]; y: number; g: LaneLayout }) {
  const t = useT()
  const from = Math.max(s.baseOffset, g.win.start)
  const to = Math.min(s.endOffset, g.win.tailFrom)
  const a = g.x(from)
  const b = g.x(to)
  if (b - a < 1) return null
  const epochs = epochsText(runs.filter((r) => r.from < to && r.to > from).map((r) => r.epoch))
  return (
    <rect className="plog-seg-target" x={a} y={y} width={b - a} height={g.laneH}>
      <title>{t(segmentTitle(s)) + (epochs ? ` · ${t(epochs)}` : '')}</title>
    </rect>
  )
}

/** The active segment's outline, inset a little so the gap before it still shows. */
function ActiveOutline({ s, y, g }: { s: SegmentMark; y: number; g: LaneLayout }) {
  const a = g.x(s.baseOffset) + 1.5
  const w = Math.max(3, g.x(s.endOffset) - a)
  return <rect className="plog-active-seg" data-base={s.baseOffset} x={a} y={y + 0.75} width={w} height={g.laneH - 1.5} rx={1.5} />
}

/** The segments this replica deleted recently, greyed and hatched, fading out by their age. */
export function DeletedRanges({ lane, y, g, nowMs, reduced, fill }: LaneProps & { nowMs: number; reduced: boolean; fill: string }) {
  const t = useT()
  return (
    <>
      {visibleDeleted(lane.deleted, nowMs).map((d) => {
        const a = g.x(d.from)
        const w = Math.max(2, g.x(d.to) - a)
        return (
          <rect
            key={`${d.from}-${d.atMs}`}
            className="plog-deleted"
            data-from={d.from}
            data-to={d.to}
            x={a}
            y={y}
            width={w}
            height={g.laneH}
            fill={fill}
            opacity={deletedOpacity(d.atMs, nowMs, reduced).toFixed(3)}
          >
            <title>{t(deletedTitle(d))}</title>
          </rect>
        )
      })}
    </>
  )
}

/** The replica's log start offset: a bracket opening right, over the lane's edges. */
export function LaneLogStart({ lane, y, g }: LaneProps) {
  const t = useT()
  if (!showsLogStart(lane.logStartOffset, lane.deleted)) return null
  const x = g.x(lane.logStartOffset)
  const arm = Math.max(3, Math.round(g.f * 0.3))
  const d = `M${x + arm},${y - 1.5} H${x} V${y + g.laneH + 1.5} H${x + arm}`
  return (
    <path className="plog-lane-lso" data-offset={lane.logStartOffset} d={d}>
      <title>{t(logStartTitle(lane.broker, lane.logStartOffset))}</title>
    </path>
  )
}
