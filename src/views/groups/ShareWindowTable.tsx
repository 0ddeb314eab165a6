// A share group's share partitions (KIP-932) as their leaders keep them, one column per partition:
// the window [SPSO, SPEO] (share-partition start and end offsets), the live members that share the
// partition, how many records of the window are AVAILABLE, ACQUIRED, ACKNOWLEDGED and ARCHIVED now
// (each state with its colour swatch, the same as the partition log's cells), and the records
// acknowledged, redelivered and archived so far. A partition appears after its first ShareFetch.

import type { ReactNode } from 'react'
import type { ShareGroupCard, SharePartitionRow } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'
import { useT } from '../../useT.ts'
import { SHARE_STATES, SHARE_STATE_TEXT } from '../share-text.ts'
import { sharedBy } from './share.ts'
import { SG } from './text.ts'

/** A row: a heading over the rows after it, or a value per partition. */
type Line = { key: string; heading: Text } | ValueLine

interface ValueLine {
  key: string
  label: Text | string
  hint: Text
  value: (row: SharePartitionRow) => ReactNode
  swatch?: string
  className?: string
  /** the hint shows under the label (Kafka's terms a learner meets here first), not only as a tooltip */
  explained?: boolean
}

function lines(members: Record<string, string[]>): Line[] {
  return [
    { key: 'spso', label: SG.spso, hint: SG.spsoHint, value: (r) => r.startOffset, className: 'gp-strong', explained: true },
    { key: 'speo', label: SG.speo, hint: SG.speoHint, value: (r) => (r.endOffset < r.startOffset ? '-' : r.endOffset), className: 'gp-strong', explained: true },
    {
      key: 'members',
      label: SG.sharedBy,
      hint: SG.sharedByHint,
      value: (r) => ((members[r.tp] ?? []).length === 0 ? '–' : members[r.tp].map((id) => <span key={id}>{id}</span>)),
      className: 'gp-shared-by',
    },
    { key: 'now', heading: SG.inWindow },
    ...SHARE_STATES.map((state): Line => ({ key: state, label: state, hint: SHARE_STATE_TEXT[state], value: (r) => r.counts[state], swatch: state.toLowerCase(), explained: true })),
    { key: 'so-far', heading: SG.totals },
    { key: 'acknowledged', label: SG.acknowledged, hint: SG.acknowledgedHint, value: (r) => r.acknowledged, className: 'gp-total' },
    { key: 'redelivered', label: SG.redelivered, hint: SG.redeliveredHint, value: (r) => r.redelivered, className: 'gp-total' },
    { key: 'archived', label: SG.archived, hint: SG.archivedHint, value: (r) => r.archived, className: 'gp-total' },
  ]
}

export function ShareWindowTable({ card }: { card: ShareGroupCard }) {
  const t = useT()
  if (card.partitions.length === 0) return <p className="muted gp-empty">{t(SG.noWindows)}</p>
  const members = sharedBy(card)
  const caption = `${t(SG.windows)}: ${card.groupId}`
  return (
    <div className="gp-scroll" role="region" tabIndex={0} aria-label={caption}>
      <table className="gp-table gp-share-window mono">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t(SG.partition)}</span>
            </th>
            {card.partitions.map((r) => (
              <th key={r.tp} scope="col" className="num">
                {r.tp}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines(members).map((line) =>
            'heading' in line ? (
              <tr key={line.key} className="gp-subhead">
                <th scope="colgroup" colSpan={card.partitions.length + 1}>
                  {t(line.heading)}
                </th>
              </tr>
            ) : (
              <ValueRow key={line.key} line={line} card={card} />
            ),
          )}
        </tbody>
      </table>
    </div>
  )
}

function ValueRow({ line, card }: { line: ValueLine; card: ShareGroupCard }) {
  const t = useT()
  return (
    <tr className={line.className}>
      <th scope="row" title={t(line.hint)}>
        {line.swatch ? <span className={`share-dot ${line.swatch}`} aria-hidden="true" /> : null}
        {typeof line.label === 'string' ? line.label : t(line.label)}
        {line.explained ? <span className="gp-hint">{t(line.hint)}</span> : null}
      </th>
      {card.partitions.map((r) => (
        <td key={r.tp} className="num" data-testid={`groups-panel-share-${card.groupId}-${r.tp}-${line.key}`}>
          {line.value(r)}
        </td>
      ))}
    </tr>
  )
}
