// The partition log's legend: what the hatching, the red struck band, the segment marks, the
// markers and (when a compacted topic is shown) the key colours and the log cleaner's marks, (when a
// share group reads a partition shown, KIP-932) the share record states and the window [SPSO, SPEO]
// mean, each shown with the same shape the lanes use (never colour alone). Folded behind
// one line ("Legend") so the partitions keep the box at 720 px; the first swatches show in the
// fold's own line.

import { useT } from '../../useT.ts'
import { L, ROLE } from './text.ts'
import { SHARE_CELL_KINDS, SHARE_CELL_TEXT, SHARE_WORDS } from '../share-text.ts'

function Swatch({ className }: { className: string }) {
  return <span className={`plog-swatch ${className}`} aria-hidden="true" />
}

/**
 * `compacted`: a partition shown is compacted, so the key colours, tombstones and cleaner marks are explained too;
 * `shares`: a share group reads a partition shown, so the share record states are explained too.
 */
export function Legend({ compacted = false, shares = false }: { compacted?: boolean; shares?: boolean }) {
  const t = useT()
  return (
    <details className="plog-legend-box" data-testid="partition-log-legend">
      <summary>
        {t(L.legend)}
        <span className="plog-legend-peek" aria-hidden="true">
          <Swatch className="readable" />
          <Swatch className="above" />
          <Swatch className="lost" />
          {compacted ? <Swatch className="keys" /> : null}
          {shares ? <span className="share-dot acquired" /> : null}
        </span>
      </summary>
      <LegendList compacted={compacted} shares={shares} />
    </details>
  )
}

function LegendList({ compacted, shares }: { compacted: boolean; shares: boolean }) {
  const t = useT()
  return (
    <ul className="plog-legend" aria-label={t(L.legend)}>
      <li>
        <Swatch className="readable" />
        {t(L.readable)}
      </li>
      <li>
        <Swatch className="above" />
        {t(L.aboveHw)}
      </li>
      <li>
        <Swatch className="lost" />
        {t(L.lost)}
      </li>
      <li>
        <span aria-hidden="true" className="plog-sym epoch">|</span>
        {t(L.epoch)}
      </li>
      <StorageItems />
      {compacted ? <CompactionItems /> : null}
      {shares ? <ShareItems /> : null}
      <li>
        <span aria-hidden="true" className="plog-sym committed">▲</span>
        {t(L.committed)}
      </li>
      <li>
        <span aria-hidden="true" className="plog-sym position">●</span>
        {t(L.position)}
      </li>
      <li>{t(L.lagRule)}</li>
      <li>
        <span aria-hidden="true">≈</span> {t(L.compressed)}
      </li>
      {(['leader', 'insync', 'outofsync', 'offline'] as const).map((r) => (
        <li key={r}>
          <span aria-hidden="true" className={`plog-sym role-${r}`}>
            {ROLE[r].mark}
          </span>
          {t(ROLE[r].text)}
        </li>
      ))}
    </ul>
  )
}

/** Kafka's storage: segment boundaries, the active segment, deleted segments, the log start offset. */
function StorageItems() {
  const t = useT()
  return (
    <>
      <li>
        <span aria-hidden="true" className="plog-sym seg-edge" />
        {t(L.segmentEdge)}
      </li>
      <li>
        <Swatch className="active" />
        {t(L.activeLegend)}
      </li>
      <li>
        <Swatch className="deleted" />
        {t(L.deletedLegend)}
      </li>
      <li>
        <span aria-hidden="true" className="plog-sym lso">[</span>
        {t(L.logStartLegend)}
      </li>
    </>
  )
}

/** Compacted topics: key colours, tombstones, the records the log cleaner removed, its gaps and its latest pass. */
function CompactionItems() {
  const t = useT()
  return (
    <>
      <li data-testid="legend-keys">
        <Swatch className="keys" />
        {t(L.keysLegend)}
      </li>
      <li>
        <Swatch className="tombstone" />
        {t(L.tombstoneLegend)}
      </li>
      <li>
        <Swatch className="removed" />
        {t(L.removedLegend)}
      </li>
      <li>
        <span aria-hidden="true" className="plog-sym gap" />
        {t(L.gapLegend)}
      </li>
      <li>
        <Swatch className="cleaned" />
        {t(L.cleanedLegend)}
      </li>
    </>
  )
}

/** Share groups (KIP-932): each record state of the window's cells, and the window [SPSO, SPEO]. */
function ShareItems() {
  const t = useT()
  return (
    <>
      {SHARE_CELL_KINDS.map((kind) => (
        <li key={kind} data-testid={`legend-share-${kind}`}>
          <span className={`share-dot ${kind}`} aria-hidden="true" />
          {t(SHARE_CELL_TEXT[kind])}
        </li>
      ))}
      <li data-testid="legend-share-window">
        <span aria-hidden="true" className="plog-sym share-window" />
        {t(SHARE_WORDS.window)}
      </li>
    </>
  )
}
