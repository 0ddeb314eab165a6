// A consumer group member in the inspector: who it is to the coordinator (member id, static
// group.instance.id, generation), what it owns and is revoking, its positions against the
// group's committed offsets; and the three ways a member goes away: a crash (the coordinator
// notices after session.timeout.ms), a restart, or a clean close (LeaveGroup: an immediate rebalance).

import type { GroupCard, MemberView } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import { ErrorCounts, Fields, Section, SelectLink } from './parts.tsx'
import { PositionTable } from './ClientDetails.tsx'
import { MemberButtons } from './member-buttons.tsx'

const L = {
  member: { en: 'Member', ko: '멤버' },
  down: { en: 'process down', ko: '프로세스 다운' },
  group: { en: 'Group', ko: '그룹' },
  app: { en: 'Application thread', ko: '애플리케이션 스레드' },
  assignor: { en: 'Assignor', ko: '할당자' },
  assigned: { en: 'Assigned partitions', ko: '할당된 파티션' },
  revoking: { en: 'Revoking', ko: '회수 중' },
  counts: { en: 'Polled / commits acked / rebalances', ko: 'poll / 커밋 성공 / rebalance' },
  errors: { en: 'Errors', ko: '오류' },
  positions: { en: 'Positions and committed offsets', ko: 'Position과 커밋된 오프셋' },
  committed: { en: 'Committed', ko: '커밋됨' },
  actions: { en: 'Actions', ko: '조작' },
  closed: { en: 'left the group (closed)', ko: '그룹을 떠남 (closed)' },
  goneHint: {
    en: 'This member is not in the group now. Restart starts its process again: it joins with a new member id and the group rebalances.',
    ko: '이 멤버는 지금 그룹에 없습니다. 재시작하면 프로세스가 다시 시작되어 새 member id로 참여하고 그룹이 rebalance합니다.',
  },
  hint: {
    en: 'A crash sends no LeaveGroup: the coordinator waits session.timeout.ms before it rebalances. Leaving sends LeaveGroup: the rebalance starts at once.',
    ko: '다운되면 LeaveGroup을 보내지 않으므로 코디네이터는 session.timeout.ms가 지나서야 rebalance합니다. 그룹에서 나가면 LeaveGroup을 보내므로 rebalance가 바로 시작됩니다.',
  },
}

function MemberActions({ member, down }: { member: MemberView; down: boolean }) {
  const t = useT()
  return (
    <Section title={t(L.actions)}>
      <MemberButtons id={member.clientId} canCrash={!down} canLeave={!down && member.state !== 'closed'} />
      <p className="insp-hint">{t(L.hint)}</p>
    </Section>
  )
}

export function MemberDetails({ member, group }: { member: MemberView; group: GroupCard }) {
  const t = useT()
  const down = group.downMembers.includes(member.clientId)
  return (
    <div className="insp-body" data-testid="inspector-member" data-id={member.clientId}>
      <h2 className="insp-title">
        {t(L.member)} {member.clientId}
        <span className={`insp-badge ${down ? 'producer-down' : ''}`}>{down ? `✕ ${t(L.down)}` : member.state}</span>
      </h2>
      <MemberActions member={member} down={down} />
      <Fields
        rows={[
          [t(L.group), <SelectLink to={{ kind: 'group', id: group.groupId }}>{group.groupId}</SelectLink>],
          ['client.id', member.clientId],
          ['member.id', <code className="insp-wrap">{member.memberId || '—'}</code>],
          ['group.instance.id', member.groupInstanceId ?? '—'],
          ['state', member.state],
          [t(L.app), member.app],
          ['generation', member.generation],
          [t(L.assignor), `${member.assignor || '—'} (${member.protocol})`],
          [t(L.assigned), member.assignment.join(', ') || '—'],
          [t(L.revoking), member.revoking.join(', ') || '—'],
          [t(L.counts), `${member.polled} / ${member.commitsAcked} / ${member.rebalances}`],
          [t(L.errors), <ErrorCounts errors={member.errors} />],
        ]}
      />
      <Section title={t(L.positions)}>
        <PositionTable positions={member.positions} extra={{ title: t(L.committed), values: member.committed }} />
      </Section>
    </div>
  )
}

/** A member whose process is down, or that left the group: the view no longer lists its details. */
export function GoneMemberDetails({ id, groupId, down }: { id: string; groupId: string; down: boolean }) {
  const t = useT()
  return (
    <div className="insp-body" data-testid="inspector-member" data-id={id}>
      <h2 className="insp-title">
        {t(L.member)} {id}
        <span className="insp-badge producer-down">{down ? `✕ ${t(L.down)}` : t(L.closed)}</span>
      </h2>
      <Fields rows={[[t(L.group), <SelectLink to={{ kind: 'group', id: groupId }}>{groupId}</SelectLink>]]} />
      <Section title={t(L.actions)}>
        <MemberButtons id={id} canCrash={false} />
        <p className="insp-hint">{t(L.goneHint)}</p>
      </Section>
    </div>
  )
}
