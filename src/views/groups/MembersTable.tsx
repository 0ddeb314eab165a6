// A group's members as the clients see themselves: client id, member state, generation (KIP-848:
// member epoch) and the partitions they own now (those being revoked marked ↺; KIP-848: those
// assigned but not taken yet marked +), plus members whose process is down.
// Clicking a member selects it, and the inspector offers its actions.

import type { GroupCard } from '../../../sim/index.ts'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { G, MEMBER_STATE, selectMember } from './text.ts'
import { yetToTake } from './describe.ts'

export function MembersTable({ card }: { card: GroupCard }) {
  const t = useT()
  const selection = useUi((s) => s.selection)
  if (card.members.length === 0 && card.downMembers.length === 0) return <p className="muted gp-empty">{t(G.noMembers)}</p>
  return (
    <table className="gp-table gp-members">
      <caption className="visually-hidden">{`${t(G.members)}: ${card.groupId}`}</caption>
      <thead>
        <tr>
          <th scope="col">{t(G.clientId)}</th>
          <th scope="col">{t(G.state)}</th>
          <th scope="col" className="num">
            {card.type === 'consumer' ? t(G.epoch) : 'gen'}
          </th>
          <th scope="col">{t(G.partitions)}</th>
        </tr>
      </thead>
      <tbody>
        {card.members.map((m) => {
          const selected = selection?.kind === 'member' && selection.id === m.clientId
          const assigning = yetToTake(card, m)
          return (
            <tr key={m.clientId} data-testid={`groups-panel-${card.groupId}-member-${m.clientId}`} className={selected ? 'selected' : undefined}>
              <td>
                <button
                  type="button"
                  className="gp-member"
                  aria-pressed={selected}
                  aria-label={t(selectMember(m.clientId))}
                  onClick={() => useUi.getState().select({ kind: 'member', id: m.clientId })}
                >
                  {m.clientId}
                </button>
              </td>
              <td className="gp-mstate">{(m.consumerState ?? (MEMBER_STATE[m.state] ? t(MEMBER_STATE[m.state]) : m.state)).replace(/_/g, '_\u200b')}</td>
              <td className="num">{m.generation}</td>
              <td className="gp-assigned">
                {m.assignment.length === 0 && assigning.length === 0 ? '–' : null}
                {m.assignment.map((tp) => (
                  <span key={tp} className={m.revoking.includes(tp) ? 'gp-tp revoking' : 'gp-tp'}>
                    {m.revoking.includes(tp) ? '↺' : ''}
                    {tp}
                  </span>
                ))}
                {assigning.map((tp) => (
                  <span key={tp} className="gp-tp assigning" title={t(G.assigning)}>
                    +{tp}
                  </span>
                ))}
              </td>
            </tr>
          )
        })}
        {card.downMembers.map((id) => (
          <tr key={id} className="gp-down" data-testid={`groups-panel-${card.groupId}-member-${id}`}>
            <td>
              <s>{id}</s>
            </td>
            <td colSpan={3}>✕ {t(G.down)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
