// A share group's window on a partition (KIP-932) as one row under the replicas' lanes, on the
// same offset scale: the window [SPSO, SPEO] outlined, one cell per record coloured by its state
// (AVAILABLE hollow, AVAILABLE again after a release or an expired lock yellow, ACQUIRED orange,
// ACKNOWLEDGED green, ARCHIVED grey and hatched: share-states.css), its offset, delivery count and
// holder in the cell's tooltip, and the window's words (SPSO, SPEO, counts by state) beside it.
// The data is the leader's share partition, from sim/view/partition-log.ts (ShareWindowMark).

import type { ShareRecordCell, ShareWindowMark } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import { shareCellKind, shareCellTitle, SHARE_WORDS } from '../share-text.ts'
import { labelWidth, type LaneLayout } from './geometry.ts'
import { cellBox, placeRowText, shareRowParts } from './share-window.ts'

interface Props {
  mark: ShareWindowMark
  tp: string
  y: number
  g: LaneLayout
  /** group.share.delivery.count.limit, shown next to each record's delivery count; null when unknown */
  deliveryLimit: number | null
  /** the fill of ARCHIVED cells (an SVG pattern: hatched) */
  archivedFill: string
}

export function ShareRow({ mark, tp, y, g, deliveryLimit, archivedFill }: Props) {
  const t = useT()
  const empty = mark.endOffset < mark.startOffset
  const a = g.x(mark.startOffset)
  const b = g.x(empty ? mark.startOffset : mark.endOffset + 1)
  const place = placeRowText(shareRowParts(mark), a, b, g.x0, g.x1, (text) => labelWidth(text, g.f * 0.9))
  return (
    <g
      className="plog-share"
      data-testid={`share-window-${tp}-${mark.groupId}`}
      data-group={mark.groupId}
      data-spso={mark.startOffset}
      data-speo={mark.endOffset}
      data-cells={mark.cells.length}
    >
      <text x={2} y={y + g.laneH - Math.round(g.f * 0.1)} className="plog-lane-label share">
        <tspan className="plog-role-mark">▦</tspan> {mark.groupId}
      </text>
      <rect className="plog-share-track" x={g.x0} y={y} width={g.x1 - g.x0} height={g.laneH} />
      {mark.cells.map((cell) => (
        <Cell key={cell.offset} groupId={mark.groupId} cell={cell} y={y} g={g} deliveryLimit={deliveryLimit} archivedFill={archivedFill} />
      ))}
      <rect className={empty ? 'plog-share-window empty' : 'plog-share-window'} x={a - 1} y={y - 1.5} width={Math.max(2, b - a) + 2} height={g.laneH + 3}>
        <title>{`${t(SHARE_WORDS.spso)}\n${t(SHARE_WORDS.speo)}${empty ? `\n${t(SHARE_WORDS.nothingInFlight)}` : ''}`}</title>
      </rect>
      {place ? (
        <text x={place.x} y={y + g.laneH - Math.round(g.f * 0.1)} textAnchor={place.anchor} className="plog-consumer-text plog-share-text">
          {place.text}
        </text>
      ) : null}
    </g>
  )
}

function Cell({ groupId, cell, y, g, deliveryLimit, archivedFill }: { groupId: string; cell: ShareRecordCell; y: number; g: LaneLayout; deliveryLimit: number | null; archivedFill: string }) {
  const t = useT()
  const kind = shareCellKind(cell)
  const box = cellBox(cell.offset, g.x)
  return (
    <rect
      className={`plog-share-cell share-${kind}`}
      data-offset={cell.offset}
      data-state={cell.state}
      data-deliveries={cell.deliveries}
      data-holder={cell.holder}
      x={box.x}
      y={y}
      width={box.width}
      height={g.laneH}
      style={kind === 'archived' ? { fill: archivedFill } : undefined}
    >
      <title>{t(shareCellTitle(groupId, cell, deliveryLimit))}</title>
    </rect>
  )
}
