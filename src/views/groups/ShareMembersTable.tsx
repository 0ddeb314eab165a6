// A share group's members as the share consumers see themselves: client id with its membership
// state under it (ShareMembershipManager's JOINING, STABLE, ...; a crashed process marked down, a
// closed one as having left), member epoch, the partitions assigned to it (several members share a partition),
// the records it holds in flight (ACQUIRED, by partition: a crashed member keeps holding them until
// their locks run out), the records of the poll it is processing, and how many records it
// acknowledged with ACCEPT, RELEASE and REJECT. Clicking a member selects it for the inspector.

import type { ShareGroupCard, ShareMemberHolding } from '../../../sim/index.ts'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { inFlightByPartition, shareMemberStatus } from './share.ts'
import { G, SG, selectMember } from './text.ts'

export function ShareMembersTable({ card }: { card: ShareGroupCard }) {
  const t = useT()
  if (card.members.length === 0) return <p className="muted gp-empty">{t(G.noMembers)}</p>
  return (
    <table className="gp-table gp-share-members">
      <caption className="visually-hidden">{`${t(G.members)}: ${card.groupId}`}</caption>
      <thead>
        <tr>
          <th scope="col">{t(G.clientId)}</th>
          <th scope="col" className="num">
            {t(G.epoch)}
          </th>
          <th scope="col">{t(G.partitions)}</th>
          <th scope="col" title={t(SG.inFlightHint)}>
            {t(SG.inFlight)}
          </th>
        </tr>
      </thead>
      {card.members.map((m) => (
        <MemberRows key={m.clientId} groupId={card.groupId} m={m} />
      ))}
    </table>
  )
}

/** A member: its client id, epoch, partitions and records in flight; under them its state, poll and acknowledgements. */
function MemberRows({ groupId, m }: { groupId: string; m: ShareMemberHolding }) {
  const t = useT()
  const selected = useUi((s) => s.selection?.kind === 'member' && s.selection.id === m.clientId)
  const status = shareMemberStatus(m)
  const inFlight = inFlightByPartition(m)
  const className = [status === 'up' ? '' : 'gp-down', selected ? 'selected' : ''].filter(Boolean).join(' ') || undefined
  return (
    <tbody
      className={className}
      data-testid={`groups-panel-share-${groupId}-member-${m.clientId}`}
      data-status={status}
      data-in-flight={m.inFlightTotal}
      data-processing={m.processing}
      data-acknowledged={m.acknowledged}
      data-released={m.released}
      data-rejected={m.rejected}
      data-assignment={m.assignment.join(',')}
    >
      <tr>
        <td>
          <button
            type="button"
            className="gp-member"
            aria-pressed={selected}
            aria-label={t(selectMember(m.clientId))}
            onClick={() => useUi.getState().select({ kind: 'member', id: m.clientId })}
          >
            {status === 'up' ? m.clientId : <s>{m.clientId}</s>}
          </button>
        </td>
        <td className="num">{m.memberEpoch}</td>
        <td className="gp-assigned">
          {m.assignment.length === 0 ? '–' : null}
          {m.assignment.map((tp) => (
            <span key={tp} className="gp-tp">
              {tp}
            </span>
          ))}
        </td>
        <td className="gp-assigned gp-inflight">
          {inFlight.length === 0 ? <span className="muted">0</span> : null}
          {inFlight.map(({ tp, count }) => (
            <span key={tp} className="gp-tp" data-tp={tp} data-count={count}>
              <span className="share-dot acquired" aria-hidden="true" />
              {tp}: <strong>{count}</strong>
            </span>
          ))}
        </td>
      </tr>
      <tr className="gp-member-more">
        <td colSpan={4}>
          <span className="gp-mstate">{status === 'down' ? `✕ ${t(SG.down)}` : status === 'closed' ? t(SG.closed) : m.state}</span>
          {status === 'up' ? (
            <span title={t(SG.processingHint)}>
              {t(SG.processing)} <strong>{m.processing}</strong>
            </span>
          ) : null}
          <span title={t(SG.acksHint)} className="mono">
            ACCEPT <strong>{m.acknowledged}</strong> · RELEASE <strong>{m.released}</strong> · REJECT <strong>{m.rejected}</strong>
          </span>
        </td>
      </tr>
    </tbody>
  )
}
