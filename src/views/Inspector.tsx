// The inspector (the side panel's first tab): whatever the learner selected on the map — a
// broker, partition, producer, consumer, group, member or controller — in Kafka's words, with
// the actions that make Kafka work and fail. Every action is a timeline action (act), so a
// session can be replayed exactly.

import { useSim } from '../store/sim-store.ts'
import { useUi, type Selection } from '../store/ui-store.ts'
import { current } from '../host/engine-host.ts'
import { useT } from '../useT.ts'
import { groupOfMember, type ClusterView } from '../../sim/index.ts'
import { Overview } from './inspector/Overview.tsx'
import { BrokerDetails } from './inspector/BrokerDetails.tsx'
import { PartitionDetails } from './inspector/PartitionDetails.tsx'
import { ProducerDetails } from './inspector/ProducerDetails.tsx'
import { ControllerDetails, ReaderDetails } from './inspector/ClientDetails.tsx'
import { GroupDetails } from './inspector/GroupDetails.tsx'
import { GoneMemberDetails, MemberDetails } from './inspector/MemberDetails.tsx'
import './inspector.css'

const L = {
  title: { en: 'Inspector', ko: '상세' },
  back: { en: '← Overview', ko: '← 개요' },
  backLabel: { en: 'Clear the selection (Esc)', ko: '선택 해제 (Esc)' },
  missing: { en: 'It is not part of this run.', ko: '이번 실행에는 없습니다.' },
  loading: { en: 'No scenario is loaded.', ko: '불러온 시나리오가 없습니다.' },
}

/** A member the view does not list: its process is down, or it left the group (read from the run). */
function goneMember(id: string, view: ClusterView) {
  const down = view.groups.find((g) => g.downMembers.includes(id))
  if (down) return <GoneMemberDetails id={id} groupId={down.groupId} down />
  const run = current()
  const groupId = run ? groupOfMember(run.sim, id) : null
  return groupId !== null ? <GoneMemberDetails id={id} groupId={groupId} down={false} /> : null
}

function Details({ selection, view }: { selection: Selection; view: ClusterView }) {
  switch (selection.kind) {
    case 'broker': {
      const broker = view.brokers.find((b) => b.id === selection.id)
      return broker ? <BrokerDetails broker={broker} view={view} /> : null
    }
    case 'partition': {
      const row = view.partitions.find((p) => p.topic === selection.topic && p.partition === selection.partition)
      return row ? <PartitionDetails row={row} /> : null
    }
    case 'producer': {
      const producer = view.producers.find((p) => p.id === selection.id)
      return producer ? <ProducerDetails producer={producer} view={view} /> : null
    }
    case 'reader': {
      const reader = view.readers.find((r) => r.id === selection.id)
      return reader ? <ReaderDetails reader={reader} /> : null
    }
    case 'group': {
      const group = view.groups.find((g) => g.groupId === selection.id)
      return group ? <GroupDetails group={group} /> : null
    }
    case 'member': {
      const group = view.groups.find((g) => g.members.some((m) => m.clientId === selection.id))
      const member = group?.members.find((m) => m.clientId === selection.id)
      if (group && member) return <MemberDetails member={member} group={group} />
      return goneMember(selection.id, view)
    }
    case 'controller': {
      const controller = view.controllers.find((c) => c.id === selection.id)
      return controller ? <ControllerDetails controller={controller} view={view} /> : null
    }
  }
}

export function Inspector() {
  const t = useT()
  const view = useSim((s) => s.view)
  const selection = useUi((s) => s.selection)
  const select = useUi((s) => s.select)
  const run = current()
  if (!run) return <p className="muted">{t(L.loading)}</p>
  if (!selection || !view) {
    return (
      <section className="inspector" aria-label={t(L.title)}>
        <Overview scenario={run.scenario} interventions={run.interventions} view={view} />
      </section>
    )
  }
  const details = Details({ selection, view })
  return (
    <section className="inspector" aria-label={t(L.title)}>
      <button type="button" className="insp-back" title={t(L.backLabel)} onClick={() => select(null)}>
        {t(L.back)}
      </button>
      {details ?? <p className="muted">{t(L.missing)}</p>}
    </section>
  )
}
