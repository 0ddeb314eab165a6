// One partition drawn as logs of offsets, one lane per replica: what each broker's log holds, its
// high watermark (records above it are hatched: consumers cannot read them yet), the leader epochs
// the records were written in, the segments the log is made of (the active one outlined, the ones
// retention just deleted fading out) and its log start offset, the acknowledged records an unclean
// election lost, each share group's window [SPSO, SPEO] record by record (KIP-932, ShareCells.tsx),
// and where each consumer group has committed and each consumer is reading. On a
// compacted topic the records are cells coloured by key and the log cleaner's latest pass shows
// before and after (KeyCells.tsx, on the scale of compacted-scale.ts). D3 does the scale; React draws.

import { useId, useLayoutEffect, useRef } from 'react'
import { CLEANED_SHOWN_MS, KEY_COLOUR_COUNT, type PartitionLog, type ReplicaLane, type BatchMark, type EpochRun, type LaneCompaction } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'
import { useT } from '../../useT.ts'
import { labelWidth, offsetScale, rangeText, type GroupMark, type LaneLayout, type ReaderMark } from './geometry.ts'
import { L, ROLE, batchTimeText, cleanedLabel, lostRangeTitle, runTitle, segmentTitle } from './text.ts'
import { landRecords } from './landing-layer.ts'
import { DeletedRanges, LaneLogStart, SegmentLayer, useReducedMotion } from './SegmentMarks.tsx'
import { activeSegment, drawnWindow, segmentAt, showsLogStart } from './segments.ts'
import { topLabels, type TopLabel } from './top-labels.ts'
import { compactedScale, freshness } from './compacted-scale.ts'
import { KeyCells, keyClass } from './KeyCells.tsx'
import { ShareRow } from './ShareCells.tsx'

interface Props {
  log: PartitionLog
  groups: GroupMark[]
  readers: ReaderMark[]
  width: number
  /** the text size of the SVG in px (follows presenter mode) */
  fontPx: number
  /** simulated time now: deleted segments fade by their age */
  nowMs: number
  /** group.share.delivery.count.limit by share group id (the share cells' tooltips) */
  deliveryLimits?: Readonly<Record<string, number>>
}

type Layout = LaneLayout

/** How the latest cleaning shows: its age in simulated time, and whether motion is reduced. */
interface Fade {
  nowMs: number
  reduced: boolean
}

function layout(log: PartitionLog, width: number, fontPx: number, fade: Fade): Layout {
  const f = fontPx
  const x0 = Math.round(f * 9.4)
  const x1 = Math.max(x0 + 40, width - 4)
  const win = drawnWindow(log)
  const main = mainCompaction(log)
  const x = log.compacted ? compactedScale(win, main, x0, x1, f, freshness(main, fade.nowMs, CLEANED_SHOWN_MS, fade.reduced)) : offsetScale(win, x0, x1)
  return { x, win, x0, x1, f, topH: topHeight(f), laneH: Math.round(f * 0.85), rowH: rowHeight(f) }
}

/** The compaction layer of the lane the scale follows: the leader's, else the first lane's that has one. */
function mainCompaction(log: PartitionLog): LaneCompaction | null {
  return (log.lanes.find((l) => l.role === 'leader') ?? log.lanes.find((l) => l.compaction !== null))?.compaction ?? null
}

/** Compact rows (a 6-partition topic must read in the box at 720 px): a lane a little taller than its label. */
const topHeight = (fontPx: number) => Math.round(fontPx * 1.15)
const rowHeight = (fontPx: number) => Math.round(fontPx * 1.08)

/** The height the lanes of a partition take (also kept by a row scrolled out of sight): replicas, lost, share windows, consumers. */
export function lanesHeight(log: PartitionLog, consumers: number, fontPx: number): number {
  const topH = topHeight(fontPx)
  const rowH = rowHeight(fontPx)
  return topH + (log.lanes.length + (log.lost.length > 0 ? 1 : 0) + log.shares.length + consumers) * rowH + 2
}

export function LogLanes({ log, groups, readers, width, fontPx, nowMs, deliveryLimits = {} }: Props) {
  const ids = useId().replace(/:/g, '')
  const reduced = useReducedMotion()
  const g = layout(log, width, fontPx, { nowMs, reduced })
  const lanesTop = g.topH
  const lostTop = lanesTop + log.lanes.length * g.rowH
  const sharesTop = lostTop + (log.lost.length > 0 ? g.rowH : 0)
  const consumersTop = sharesTop + log.shares.length * g.rowH
  const height = lanesHeight(log, groups.length + readers.length, fontPx)
  return (
    <svg className="plog-svg" width={width} height={height} role="img" aria-label={ariaLabel(log)} fontSize={fontPx}>
      <defs>
        <pattern id={`${ids}-above`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" opacity="0.55" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="3" />
        </pattern>
        <pattern id={`${ids}-lost`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
          <rect width="5" height="5" fill="var(--bad-bg)" />
          <line x1="0" y1="0" x2="0" y2="5" stroke="var(--c-error)" strokeWidth="2" />
        </pattern>
        {log.compacted ? <MixedKeysPattern id={`${ids}-mixed`} /> : null}
        <pattern id={`${ids}-deleted`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="4" height="4" fill="#d9dde2" />
          <line x1="0" y1="0" x2="0" y2="4" stroke="#7d8791" strokeWidth="1.5" />
        </pattern>
        {log.shares.length > 0 ? <ArchivedPattern id={`${ids}-archived`} /> : null}
      </defs>
      <TopMarks log={log} g={g} nowMs={nowMs} />
      {log.lanes.map((lane, i) => (
        <Lane key={lane.broker} lane={lane} y={lanesTop + i * g.rowH} g={g} hatch={`url(#${ids}-above)`} deleted={{ nowMs, reduced, fill: `url(#${ids}-deleted)` }} mixed={`url(#${ids}-mixed)`} />
      ))}
      <MarkerLines log={log} g={g} bottom={lostTop} />
      {log.lost.length > 0 ? <LostLane log={log} y={lostTop} g={g} fill={`url(#${ids}-lost)`} /> : null}
      {log.shares.map((mark, i) => (
        <ShareRow key={mark.groupId} mark={mark} tp={log.tp} y={sharesTop + i * g.rowH} g={g} deliveryLimit={deliveryLimits[mark.groupId] ?? null} archivedFill={`url(#${ids}-archived)`} />
      ))}
      {groups.map((m, i) => (
        <GroupRow key={m.groupId} mark={m} y={consumersTop + i * g.rowH} g={g} />
      ))}
      {readers.map((r, i) => (
        <ReaderRow key={r.id} mark={r} y={consumersTop + (groups.length + i) * g.rowH} g={g} />
      ))}
      <Landing log={log} g={g} />
    </svg>
  )
}

/** ARCHIVED share records: grey, hatched dark (share-states.css' colours). */
function ArchivedPattern({ id }: { id: string }) {
  return (
    <pattern id={id} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="4" height="4" fill="var(--share-archived)" />
      <line x1="0" y1="0" x2="0" y2="4" stroke="var(--share-archived-hatch)" strokeWidth="1.5" />
    </pattern>
  )
}

/**
 * Where records land as the leader appends them (landing-layer.ts draws the dots): an empty group
 * React renders once; each time the leader's LEO moves the new offsets get their dots.
 */
function Landing({ log, g }: { log: PartitionLog; g: Layout }) {
  const ref = useRef<SVGGElement>(null)
  const prev = useRef(-1)
  const leo = log.logEndOffset
  const leader = log.lanes.findIndex((l) => l.role === 'leader')
  useLayoutEffect(() => {
    const before = prev.current
    prev.current = leo
    if (ref.current && before >= 0 && leader >= 0 && leo > before) landRecords(ref.current, before, leo, g.x, Math.round(g.f * 0.4), g.topH + leader * g.rowH, g.laneH)
  }, [leo]) // eslint-disable-line react-hooks/exhaustive-deps
  return <g ref={ref} className="plog-landing" aria-hidden="true" data-testid={`landing-${log.tp}`} />
}

function ariaLabel(log: PartitionLog): string {
  const lost = log.lostCount > 0 ? `; ${log.lostCount} acknowledged records lost` : ''
  const pass = mainCompaction(log)?.pass
  const compacted = log.compacted ? `; compacted: the latest record of each key stays${pass ? `, the log cleaner removed ${pass.removed} records of offsets ${rangeText(pass.from, pass.to)}` : ''}` : ''
  const shares = log.shares.map((m) => `; share group ${m.groupId}: SPSO ${m.startOffset}, SPEO ${m.endOffset < m.startOffset ? '-' : m.endOffset}`).join('')
  return `${log.tp}: Leader ${log.leader}, log start offset ${log.logStartOffset}, HW ${log.highWatermark}, LEO ${log.logEndOffset}${lost}${compacted}${shares}`
}

/** Whether the partition shows its log start offset's marker (retention or DeleteRecords moved it). */
function marksLogStart(log: PartitionLog): boolean {
  return log.lanes.some((l) => showsLogStart(l.logStartOffset, l.deleted))
}

/** The log start offset, the compression break, "active segment", the latest cleaning, and the partition's HW and LEO labels. */
function TopMarks({ log, g, nowMs }: { log: PartitionLog; g: Layout; nowMs: number }) {
  const t = useT()
  const pass = mainCompaction(log)?.pass ?? null
  const baseline = g.topH - Math.round(g.f * 0.3)
  const main = log.lanes.find((l) => l.role === 'leader') ?? log.lanes.find((l) => l.segments.length > 0)
  const active = main ? activeSegment(main.segments) : null
  const labels = topLabels({
    x0: g.x0,
    x1: g.x1,
    fontPx: g.f,
    logStart: { text: `${t(L.logStart)} ${log.logStartOffset}`, markX: marksLogStart(log) ? g.x(log.logStartOffset) : null },
    hw: { offset: log.highWatermark, x: g.x(log.highWatermark) },
    leo: { offset: log.logEndOffset, x: g.x(log.logEndOffset) },
    cut: g.win.tailFrom > g.win.start ? { x: g.x(g.win.tailFrom), text: `≈ ${g.win.tailFrom}` } : null,
    active: active ? { x: g.x(active.baseOffset), endX: g.x(active.endOffset), text: t(L.activeSegment), short: t(L.activeShort) } : null,
    cleaned: pass && nowMs - pass.atMs < CLEANED_SHOWN_MS ? { x: g.x(pass.from), endX: g.x(pass.to), text: t(cleanedLabel(pass.removed)), short: t(L.cleanedShort) } : null,
  })
  return (
    <g className="plog-top">
      {labels.map((l) => (
        <TopText key={l.kind} label={l} y={baseline} />
      ))}
    </g>
  )
}

const TOP_CLASS: Record<TopLabel['kind'], string> = {
  logStart: 'plog-lso-label',
  hw: 'plog-mark-label',
  leo: 'plog-mark-label',
  break: 'plog-break',
  active: 'plog-active-label',
  cleaned: 'plog-cleaned-label',
}

function TopText({ label, y }: { label: TopLabel; y: number }) {
  const t = useT()
  return (
    <text x={label.x} y={y} textAnchor={label.anchor} className={TOP_CLASS[label.kind]} data-kind={label.kind}>
      {label.kind === 'break' ? <title>{t(L.compressed)}</title> : null}
      {label.text}
    </text>
  )
}

/** The partition's log start offset (once it moved), HW (solid) and LEO (dashed) through every lane, and the compression break. */
function MarkerLines({ log, g, bottom }: { log: PartitionLog; g: Layout; bottom: number }) {
  const hw = g.x(log.highWatermark)
  const leo = g.x(log.logEndOffset)
  const lso = g.x(log.logStartOffset)
  return (
    <g className="plog-markers" aria-hidden="true">
      {g.win.tailFrom > g.win.start ? <line className="plog-break-line" x1={g.x(g.win.tailFrom)} x2={g.x(g.win.tailFrom)} y1={g.topH - 2} y2={bottom} /> : null}
      {marksLogStart(log) ? <line className="plog-lso" x1={lso} x2={lso} y1={g.topH - 3} y2={bottom} /> : null}
      <line className="plog-hw" x1={hw} x2={hw} y1={g.topH - 3} y2={bottom} />
      {log.logEndOffset !== log.highWatermark ? <line className="plog-leo" x1={leo} x2={leo} y1={g.topH - 3} y2={bottom} /> : null}
    </g>
  )
}

function LaneLabel({ y, g, mark, text, className }: { y: number; g: Layout; mark: string; text: string; className: string }) {
  return (
    <text x={2} y={y + g.laneH - Math.round(g.f * 0.1)} className={`plog-lane-label ${className}`}>
      <tspan className="plog-role-mark">{mark}</tspan> {text}
    </text>
  )
}

/** How deleted segments are drawn: their fill, and simulated time now (they fade by their age). */
interface DeletedStyle {
  nowMs: number
  reduced: boolean
  fill: string
}

/**
 * One replica's log: the segments it deleted recently (fading), epoch runs (compressed part), then
 * batch by batch; hatched above its HW; its segment boundaries, active segment and log start on top.
 */
function Lane({ lane, y, g, hatch, deleted, mixed }: { lane: ReplicaLane; y: number; g: Layout; hatch: string; deleted: DeletedStyle; mixed: string }) {
  const t = useT()
  const role = ROLE[lane.role]
  const c = lane.compaction
  // a compacted lane draws its tail record by record, in key colours (KeyCells)
  const pieces: (EpochRun | BatchMark)[] = c ? lane.runs : [...lane.runs, ...lane.tail]
  const hwX = g.x(Math.max(lane.highWatermark, lane.logStartOffset))
  const leoX = g.x(lane.logEndOffset)
  return (
    <g className={`plog-lane role-${lane.role}`}>
      <LaneLabel y={y} g={g} mark={role.mark} text={`${lane.broker} ${t(role.text)}`} className={`role-${lane.role}`} />
      <rect className="plog-track" x={g.x0} y={y} width={g.x1 - g.x0} height={g.laneH} />
      <DeletedRanges lane={lane} y={y} g={g} {...deleted} />
      {pieces.map((s, i) => (
        <Piece key={i} s={s} prev={pieces[i - 1]} lane={lane} y={y} g={g} fill={c ? mixed : undefined} />
      ))}
      {c ? <KeyCells c={c} broker={lane.broker} y={y} g={g} fresh={freshness(c, deleted.nowMs, CLEANED_SHOWN_MS, deleted.reduced)} logStart={lane.logStartOffset} /> : null}
      {c ? <TailEpochs lane={lane} y={y} g={g} /> : null}
      {leoX > hwX ? <rect x={hwX} y={y} width={leoX - hwX} height={g.laneH} fill={hatch} className="plog-above-hw" /> : null}
      <SegmentLayer lane={lane} y={y} g={g} />
      <line className="plog-lane-hw" x1={hwX} x2={hwX} y1={y - 2} y2={y + g.laneH + 2}>
        <title>{`HW ${lane.highWatermark} · LEO ${lane.logEndOffset}`}</title>
      </line>
      <LaneLogStart lane={lane} y={y} g={g} />
    </g>
  )
}

/** A run of one leader epoch (compressed part) or one batch (tail: its timestamp and segment in its tooltip). */
function Piece({ s, prev, lane, y, g, fill }: { s: EpochRun | BatchMark; prev: EpochRun | BatchMark | undefined; lane: ReplicaLane; y: number; g: Layout; fill?: string }) {
  const t = useT()
  const from = 'from' in s ? s.from : s.baseOffset
  const to = 'to' in s ? s.to : s.baseOffset + s.count
  const a = g.x(from)
  const b = g.x(to)
  const newEpoch = prev !== undefined && prev.epoch !== s.epoch
  const boundary = 'count' in s && prev !== undefined && !newEpoch && b - a >= 3
  return (
    <>
      <rect className={fill ? 'plog-seg mixed' : 'plog-seg'} x={a} y={y} width={Math.max(1, b - a)} height={g.laneH} style={fill ? { fill } : undefined}>
        <title>{pieceTitle(t, s, from, to, lane)}</title>
      </rect>
      {boundary ? <line className="plog-batch-edge" x1={a} x2={a} y1={y + 1} y2={y + g.laneH - 1} /> : null}
      {newEpoch ? <line className="plog-epoch" x1={a} x2={a} y1={y - 2} y2={y + g.laneH + 2} /> : null}
    </>
  )
}

/**
 * A compacted lane's part the cleaner has not reached yet, too many records to draw one by one:
 * thin stripes of every key colour, paler than a record's cell (many keys, many versions of each).
 */
function MixedKeysPattern({ id }: { id: string }) {
  return (
    <pattern id={id} width={KEY_COLOUR_COUNT * 2} height="4" patternUnits="userSpaceOnUse">
      <rect width={KEY_COLOUR_COUNT * 2} height="4" fill="#ffffff" />
      {Array.from({ length: KEY_COLOUR_COUNT }, (_, i) => (
        <rect key={i} className={keyClass(i)} x={i * 2} width="2" height="4" fill="var(--key)" opacity="0.55" />
      ))}
    </pattern>
  )
}

/** Where a compacted lane's tail changes leader epoch (its batches are drawn as key cells). */
function TailEpochs({ lane, y, g }: { lane: ReplicaLane; y: number; g: Layout }) {
  const marks: number[] = []
  let prev = lane.runs[lane.runs.length - 1]?.epoch
  for (const b of lane.tail) {
    if (prev !== undefined && b.epoch !== prev) marks.push(b.baseOffset)
    prev = b.epoch
  }
  return (
    <>
      {marks.map((o) => (
        <line key={o} className="plog-epoch" x1={g.x(o)} x2={g.x(o)} y1={y - 2} y2={y + g.laneH + 2} />
      ))}
    </>
  )
}

/** "offsets 7800–7804, leader epoch 0 · app · maxTimestamp 1:19.908", then the batch's segment on a line of its own. */
function pieceTitle(t: (text: Text) => string, s: EpochRun | BatchMark, from: number, to: number, lane: ReplicaLane): string {
  const head = t(runTitle(rangeText(from, to), s.epoch))
  if (!('producer' in s)) return head
  const segment = segmentAt(lane.segments, s.baseOffset)
  return `${head} · ${s.producer} · ${t(batchTimeText(s.maxTimestamp))}${segment ? `\n${t(segmentTitle(segment))}` : ''}`
}

/** Acknowledged offsets no replica holds any more: red, hatched and struck through. */
function LostLane({ log, y, g, fill }: { log: PartitionLog; y: number; g: Layout; fill: string }) {
  const t = useT()
  const mid = y + g.laneH / 2
  return (
    <g className="plog-lost" data-testid={`partition-lost-${log.tp}`}>
      <LaneLabel y={y} g={g} mark="✕" text={t(L.lostLane)} className="lost" />
      {log.lost.map((r) => {
        const a = g.x(r.from)
        const w = Math.max(3, g.x(r.to) - a)
        return (
          <g key={`${r.producer}-${r.from}`}>
            <title>{t(lostRangeTitle(rangeText(r.from, r.to), r.producer))}</title>
            <rect x={a} y={y} width={w} height={g.laneH} fill={fill} className="plog-lost-range" />
            <line x1={a} x2={a + w} y1={mid} y2={mid} className="plog-strike" />
          </g>
        )
      })}
    </g>
  )
}

/** Where a text goes on a consumer row: left of the leftmost marker if it fits, else right of the rightmost. */
function placeText(text: string, xs: number[], g: Layout): { x: number; anchor: 'start' | 'end' } {
  const lo = Math.min(...xs)
  const hi = Math.max(...xs)
  if (lo - 8 - labelWidth(text, g.f) >= g.x0) return { x: lo - 8, anchor: 'end' }
  if (hi + 8 + labelWidth(text, g.f) <= g.x1) return { x: hi + 8, anchor: 'start' }
  return { x: g.x0 + 2, anchor: 'start' }
}

function triangle(x: number, y: number, s: number): string {
  return `M${x},${y - s} L${x + s},${y + s * 0.8} L${x - s},${y + s * 0.8} Z`
}

/** A group on this partition: ▲ its committed offset (CURRENT-OFFSET), ● its member's position, and LAG. */
function GroupRow({ mark, y, g }: { mark: GroupMark; y: number; g: Layout }) {
  const t = useT()
  const mid = y + g.laneH / 2
  const members = mark.members.map((m) => ` · ${m.clientId} @ ${m.position}${m.revoking ? ` (${t(L.revoking)})` : ''}`).join('')
  const text = `CURRENT-OFFSET ${mark.committed ?? '-'} · LAG ${mark.lag ?? '-'}${members}`
  const xs = [...(mark.committed !== null ? [g.x(mark.committed)] : []), ...mark.members.map((m) => g.x(m.position))]
  const place = placeText(text, xs.length ? xs : [g.x0], g)
  return (
    <g className="plog-consumer" data-group={mark.groupId}>
      <LaneLabel y={y} g={g} mark="▲" text={mark.groupId} className="group" />
      {mark.committed !== null ? <path className="plog-committed" d={triangle(g.x(mark.committed), mid, g.f * 0.42)} /> : null}
      {mark.members.map((m) => (
        <circle key={m.clientId} className="plog-position" cx={g.x(m.position)} cy={mid} r={g.f * 0.32} />
      ))}
      <text x={place.x} y={y + g.laneH - Math.round(g.f * 0.1)} textAnchor={place.anchor} className="plog-consumer-text">
        {text}
      </text>
    </g>
  )
}

function ReaderRow({ mark, y, g }: { mark: ReaderMark; y: number; g: Layout }) {
  const t = useT()
  const mid = y + g.laneH / 2
  const x = g.x(mark.position)
  const text = `${t(L.at)} ${mark.position}`
  const place = placeText(text, [x], g)
  return (
    <g className="plog-consumer">
      <LaneLabel y={y} g={g} mark="●" text={mark.id} className="reader" />
      <circle className="plog-position" cx={x} cy={mid} r={g.f * 0.32} />
      <text x={place.x} y={y + g.laneH - Math.round(g.f * 0.1)} textAnchor={place.anchor} className="plog-consumer-text">
        {text}
      </text>
    </g>
  )
}
