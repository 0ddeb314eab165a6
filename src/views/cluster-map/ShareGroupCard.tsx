// A share group (KIP-932) as a card in the map's consumer column, beside the consumer groups: its
// state (Empty, Stable, Dead) and group epoch, labelled as a share group, the records acknowledged,
// redelivered and archived so far, and each member with the partitions assigned to it (members
// share partitions) and the records it holds in flight (ACQUIRED). A crashed member stays listed
// as down, with the records it still holds until their locks run out. Members carry `data-node`,
// so the message flow (ShareFetch, ShareAcknowledge) reaches them like any consumer.

import type { ShareGroupCard as ShareView, ShareMemberHolding } from '../../../sim/index.ts'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { shareMemberStatus } from '../groups/share.ts'
import { compactPartitions } from './format.ts'
import { L, SHARE } from './texts.ts'
import { Callouts } from './MapEffects.tsx'

function MemberRow({ member, isolated }: { member: ShareMemberHolding; isolated: boolean }) {
  const t = useT()
  const selected = useUi((s) => s.selection?.kind === 'member' && s.selection.id === member.clientId)
  const status = shareMemberStatus(member)
  return (
    <li>
      <button
        type="button"
        className={`member${status === 'up' ? '' : ' member-down'}${isolated ? ' client-isolated' : ''}${selected ? ' selected' : ''}`}
        data-node={member.clientId}
        data-node-kind="member"
        data-in-flight={member.inFlightTotal}
        aria-pressed={selected}
        onClick={() => useUi.getState().select({ kind: 'member', id: member.clientId })}
      >
        <span className="member-id">{member.clientId}</span>
        {status === 'down' ? <span className="member-flag">✕ {t(L.down)}</span> : null}
        {status === 'closed' ? <span className="member-flag">{t(SHARE.left)}</span> : null}
        {isolated ? <span className="member-flag">✂ {t(L.isolated)}</span> : null}
        <span className="member-parts">{member.assignment.length ? compactPartitions(member.assignment) : t(L.noPartitions)}</span>
        <span className={member.inFlightTotal > 0 ? 'member-inflight' : 'member-inflight none'} title={t(SHARE.inFlightHint)}>
          <span className="share-dot acquired" aria-hidden="true" />
          {member.inFlightTotal} ACQUIRED
        </span>
      </button>
    </li>
  )
}

export function ShareGroupCard({ group, isolated }: { group: ShareView; isolated: Set<string> }) {
  const t = useT()
  return (
    <div className="group-card share-group-card" data-testid={`share-group-${group.groupId}`} data-state={group.state} data-group-epoch={group.groupEpoch}>
      <div className="group-head share-head">
        <span className="client-id">{group.groupId}</span>
        <span className="share-kind">{t(SHARE.kind)}</span>
        <span className={`group-state state-${group.state}`}>{group.state}</span>
        <span className="group-meta">
          {t(L.groupEpoch)} {group.groupEpoch} · <span title={t(SHARE.totalsHint)}>ACK {group.acknowledged} · {t(SHARE.redelivered)} {group.redelivered} · {t(SHARE.archived)} {group.archived}</span>
        </span>
      </div>
      <ul className="members">
        {group.members.map((m) => (
          <MemberRow key={m.clientId} member={m} isolated={isolated.has(m.clientId)} />
        ))}
      </ul>
      <Callouts target={{ kind: 'group', id: group.groupId }} />
    </div>
  )
}
