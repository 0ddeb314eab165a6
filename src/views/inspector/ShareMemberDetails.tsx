// A share consumer (KIP-932) in the inspector: its share group, membership state and member epoch,
// the partitions assigned to it (shared with other members), the records it holds in flight
// (ACQUIRED, by partition), the poll it is processing and its acknowledgements (ACCEPT, RELEASE,
// REJECT); and the three ways it goes away: a crash (its locked records become AVAILABLE again when
// group.share.record.lock.duration.ms runs out; the coordinator fences it after
// group.share.session.timeout.ms), a restart, or a clean close (it acknowledges, and the leaders
// release what it still held).

import type { ShareGroupCard, ShareMemberHolding } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import { inFlightByPartition, shareMemberStatus } from '../groups/share.ts'
import { Fields, Section } from './parts.tsx'
import { MemberButtons } from './member-buttons.tsx'

const L = {
  member: { en: 'Share consumer', ko: '셰어 컨슈머' },
  group: { en: 'Share group (KIP-932)', ko: '셰어 그룹 (KIP-932)' },
  down: { en: 'process down', ko: '프로세스 다운' },
  closed: { en: 'left the group (closed)', ko: '그룹을 떠남 (closed)' },
  assigned: { en: 'Assigned partitions (shared)', ko: '할당된 파티션 (공유)' },
  inFlight: { en: 'In flight (ACQUIRED)', ko: '처리 중 (ACQUIRED)' },
  processing: { en: 'Records of the poll being processed', ko: '처리 중인 poll의 레코드' },
  acks: { en: 'ACCEPT / RELEASE / REJECT', ko: 'ACCEPT / RELEASE / REJECT' },
  actions: { en: 'Actions', ko: '조작' },
  hint: {
    en: 'A crash acknowledges nothing: the records it holds stay ACQUIRED until group.share.record.lock.duration.ms runs out, then other members get them (delivery count + 1); the coordinator fences it after group.share.session.timeout.ms. Leaving acknowledges and closes its share sessions: the leaders release what it held at once.',
    ko: '크래시하면 아무것도 확인하지 않으므로, 잡고 있던 레코드는 group.share.record.lock.duration.ms가 지날 때까지 ACQUIRED로 남았다가 다른 멤버에게 갑니다(전달 횟수 + 1). 코디네이터는 group.share.session.timeout.ms 뒤에 이 멤버를 내보냅니다. 그룹에서 나가면 확인을 보내고 셰어 세션을 닫으므로, 리더가 잡고 있던 레코드를 바로 풀어 줍니다.',
  },
}

function Actions({ member }: { member: ShareMemberHolding }) {
  const t = useT()
  const up = shareMemberStatus(member) === 'up'
  return (
    <Section title={t(L.actions)}>
      <MemberButtons id={member.clientId} canCrash={up} canLeave={up} />
      <p className="insp-hint">{t(L.hint)}</p>
    </Section>
  )
}

export function ShareMemberDetails({ member, group }: { member: ShareMemberHolding; group: ShareGroupCard }) {
  const t = useT()
  const status = shareMemberStatus(member)
  const inFlight = inFlightByPartition(member)
  const badge = status === 'down' ? `✕ ${t(L.down)}` : status === 'closed' ? t(L.closed) : member.state
  return (
    <div className="insp-body" data-testid="inspector-member" data-id={member.clientId} data-kind="share">
      <h2 className="insp-title">
        {t(L.member)} {member.clientId}
        <span className={`insp-badge ${status === 'up' ? '' : 'producer-down'}`}>{badge}</span>
      </h2>
      <Actions member={member} />
      <Fields
        rows={[
          [t(L.group), group.groupId],
          ['client.id', member.clientId],
          ['state', member.state],
          ['member epoch', member.memberEpoch],
          [t(L.assigned), member.assignment.join(', ') || '—'],
          [t(L.inFlight), inFlight.map((x) => `${x.tp}: ${x.count}`).join(', ') || '0'],
          [t(L.processing), member.processing],
          [t(L.acks), `${member.acknowledged} / ${member.released} / ${member.rejected}`],
        ]}
      />
    </div>
  )
}
