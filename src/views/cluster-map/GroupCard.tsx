// A consumer group as a card: its state in Kafka's names (Empty, PreparingRebalance,
// CompletingRebalance, Stable, Dead), its generation, and each member with the partitions assigned
// to it. During an eager rebalance every member stops ("paused"); with cooperative-sticky only
// the partitions being revoked stop. Crashed members stay listed as down until the coordinator
// drops them after session.timeout.ms.

import type { GroupCard as GroupView, MemberView } from '../../../sim/index.ts'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { compactPartitions, groupRebalancing, memberPaused } from './format.ts'
import { yetToTake } from '../groups/describe.ts'
import { L } from './texts.ts'
import type { Countdown } from './countdowns.ts'
import { Callouts, Countdowns } from './MapEffects.tsx'

function MemberRow({ member, group, isolated }: { member: MemberView; group: GroupView; isolated: boolean }) {
  const t = useT()
  const selected = useUi((s) => s.selection?.kind === 'member' && s.selection.id === member.clientId)
  const paused = memberPaused(member, group)
  const assigning = yetToTake(group, member)
  return (
    <li>
      <button
        type="button"
        className={`member${paused ? ' member-paused' : ''}${isolated ? ' client-isolated' : ''}${selected ? ' selected' : ''}`}
        data-node={member.clientId}
        data-node-kind="member"
        aria-pressed={selected}
        onClick={() => useUi.getState().select({ kind: 'member', id: member.clientId })}
      >
        <span className="member-id">{member.clientId}</span>
        {paused ? (
          <span className="member-flag" title={t(L.pausedHint)}>
            ❚❚ {member.revoking.length > 0 ? `${t(L.revoking)} ${compactPartitions(member.revoking)}` : t(L.paused)}
          </span>
        ) : null}
        {isolated ? <span className="member-flag">✂ {t(L.isolated)}</span> : null}
        <span className="member-parts">
          {member.assignment.length ? compactPartitions(member.assignment) : t(L.noPartitions)}
          {assigning.length > 0 ? <span className="member-assigning" title={t(L.assigningHint)}> +{compactPartitions(assigning)}</span> : null}
        </span>
      </button>
    </li>
  )
}

export function GroupCard({ group, isolated, countdowns }: { group: GroupView; isolated: Set<string>; countdowns?: readonly Countdown[] }) {
  const t = useT()
  const selected = useUi((s) => s.selection?.kind === 'group' && s.selection.id === group.groupId)
  const rebalancing = groupRebalancing(group.state)
  return (
    <div
      className={`group-card${rebalancing ? ' rebalancing' : ''}`}
      data-testid={`group-${group.groupId}`}
      data-state={group.state}
      data-generation={group.generation}
    >
      <button
        type="button"
        className={`group-head${selected ? ' selected' : ''}`}
        aria-pressed={selected}
        onClick={() => useUi.getState().select({ kind: 'group', id: group.groupId })}
      >
        <span className="client-id">{group.groupId}</span>
        <span className={`group-state state-${group.state}`}>
          {rebalancing ? '⟳ ' : ''}
          {group.state}
        </span>
        <span className="group-meta">
          {t(group.type === 'consumer' ? L.groupEpoch : L.generation)} {group.generation} · {group.rebalanceProtocol} ·{' '}
          <span title={t(L.lagRule)}>
            {t(L.lag)} {group.totalLag}
          </span>
        </span>
      </button>
      <ul className="members">
        {group.members.map((m) => (
          <MemberRow key={m.clientId} member={m} group={group} isolated={isolated.has(m.clientId)} />
        ))}
        {group.downMembers.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="member member-down"
              data-node={id}
              data-node-kind="member"
              onClick={() => useUi.getState().select({ kind: 'member', id })}
            >
              <span className="member-id">{id}</span>
              <span className="member-flag">✕ {t(L.down)}</span>
            </button>
          </li>
        ))}
      </ul>
      <Countdowns list={countdowns} />
      <Callouts target={{ kind: 'group', id: group.groupId }} />
    </div>
  )
}
