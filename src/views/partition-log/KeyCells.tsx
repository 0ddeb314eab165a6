// A compacted partition's lane (cleanup.policy=compact): its records as cells coloured by key
// (one colour per key, the same in every lane; a tombstone hollow and crossed out), the gaps the
// log cleaner left in the part it cleaned (a dotted line: offsets never change), and its latest
// cleaning for CLEANED_SHOWN_MS: "before", the records it removed fading out in their key colours
// where they were (left out under reduced motion), and "after", the survivors staying, with a
// dashed outline over the offsets it cleaned. The data comes from sim/view/compaction-view.ts.

import type { CleanerPass, LaneCompaction, RecordCell } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import type { LaneLayout } from './geometry.ts'
import { cleanedPieces } from './compacted-scale.ts'
import { cleanedTitle, gapTitle, recordTitle, removedBandTitle, removedTitle } from './text.ts'

interface Props {
  c: LaneCompaction
  broker: number
  y: number
  g: LaneLayout
  /** how visible the latest cleaning's removed records still are: 1 → 0 (0 under reduced motion) */
  fresh: number
  /** the lane's log start (its gaps begin there) */
  logStart: number
}

/** The class of a key's colour (`plog-key-none` for a null key). */
export function keyClass(colour: number): string {
  return colour < 0 ? 'plog-key-none' : `plog-key-${colour}`
}

export function KeyCells({ c, broker, y, g, fresh, logStart }: Props) {
  const t = useT()
  const pass = c.pass
  return (
    <g className="plog-keys" data-broker={broker}>
      <Gaps c={c} y={y} g={g} from={Math.max(logStart, g.win.start)} />
      {pass && fresh > 0 ? <Removed pass={pass} y={y} g={g} opacity={fresh} /> : null}
      {c.cells.map((cell) => (
        <Cell key={cell.offset} cell={cell} y={y} g={g} />
      ))}
      {pass ? (
        <rect
          className="plog-cleaned"
          data-from={pass.from}
          data-to={pass.to}
          data-at={pass.atMs}
          data-removed={pass.removed}
          x={g.x(pass.from)}
          y={y - 0.5}
          width={Math.max(2, g.x(pass.to) - g.x(pass.from))}
          height={g.laneH + 1}
        >
          <title>{t(cleanedTitle(broker, pass))}</title>
        </rect>
      ) : null}
    </g>
  )
}

/** The cleaned part's gaps: a dotted line through the lane's middle, with a hover target. */
function Gaps({ c, y, g, from }: { c: LaneCompaction; y: number; g: LaneLayout; from: number }) {
  const t = useT()
  const mid = y + g.laneH / 2
  return (
    <>
      {cleanedPieces(from, c)
        .filter((p) => p.gap)
        .map((p) => {
          const a = g.x(p.from)
          const b = g.x(p.to)
          if (b - a < 1) return null
          return (
            <g key={p.from} className="plog-gap" data-from={p.from} data-to={p.to}>
              <title>{t(gapTitle(p.from, p.to))}</title>
              <rect className="plog-gap-target" x={a} y={y} width={b - a} height={g.laneH} />
              <line x1={a + 1} x2={b - 1} y1={mid} y2={mid} />
            </g>
          )
        })}
    </>
  )
}

/** The latest cleaning's removed records: bands below the tail, cells in it, fading out. */
function Removed({ pass, y, g, opacity }: { pass: CleanerPass; y: number; g: LaneLayout; opacity: number }) {
  const t = useT()
  const inset = Math.max(1, Math.round(g.laneH * 0.12))
  return (
    <g className="plog-removed" opacity={opacity.toFixed(3)} data-at={pass.atMs}>
      {pass.bands.map((b) => {
        const a = g.x(b.from)
        return (
          <rect key={`b${b.from}`} className={`plog-removed-band ${keyClass(b.colour)}`} x={a} y={y + inset} width={Math.max(1, g.x(b.to) - a)} height={g.laneH - 2 * inset}>
            <title>{t(removedBandTitle(b, pass.atMs))}</title>
          </rect>
        )
      })}
      {pass.cells.map((cell) => {
        const a = g.x(cell.offset)
        return (
          <rect key={cell.offset} className={`plog-removed-cell ${keyClass(cell.colour)}`} data-offset={cell.offset} x={a} y={y + inset} width={Math.max(1, g.x(cell.offset + 1) - a - 1)} height={g.laneH - 2 * inset}>
            <title>{t(removedTitle(cell, pass.atMs))}</title>
          </rect>
        )
      })}
    </g>
  )
}

/** One record in its key's colour; a tombstone hollow with a ✕. */
function Cell({ cell, y, g }: { cell: RecordCell; y: number; g: LaneLayout }) {
  const t = useT()
  const a = g.x(cell.offset)
  const full = g.x(cell.offset + 1) - a
  // a thin gap between cells once they are wide enough to spare it
  const w = Math.max(1, full >= 4 ? full - 1 : full)
  const title = <title>{t(recordTitle(cell))}</title>
  if (!cell.tombstone) {
    return (
      <rect className={`plog-key-cell ${keyClass(cell.colour)}`} data-offset={cell.offset} data-key={cell.key ?? ''} x={a} y={y} width={w} height={g.laneH}>
        {title}
      </rect>
    )
  }
  const s = 1
  return (
    <g className={`plog-key-cell tombstone ${keyClass(cell.colour)}`} data-offset={cell.offset} data-key={cell.key ?? ''}>
      {title}
      <rect x={a + 0.5} y={y + 0.5} width={Math.max(1, w - 1)} height={g.laneH - 1} />
      <path d={`M${a + s},${y + s} L${a + w - s},${y + g.laneH - s} M${a + w - s},${y + s} L${a + s},${y + g.laneH - s}`} />
    </g>
  )
}
