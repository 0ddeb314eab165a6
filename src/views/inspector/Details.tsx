// What the inspector shows for a selection: the broker, partition, producer, reader, group,
// member (of a consumer group or a share group), controller or ZooKeeper server, or a line saying it is not part of this run.

import type { Selection } from '../../store/ui-store.ts'
import { current } from '../../host/engine-host.ts'
import { useT } from '../../useT.ts'
import { groupOfMember, type ClusterView } from '../../../sim/index.ts'
import { BrokerDetails } from './BrokerDetails.tsx'
import { PartitionDetails } from './PartitionDetails.tsx'
import { ProducerDetails } from './ProducerDetails.tsx'
import { ControllerDetails, ReaderDetails } from './ClientDetails.tsx'
import { GroupDetails } from './GroupDetails.tsx'
import { GoneMemberDetails, MemberDetails } from './MemberDetails.tsx'
import { ShareMemberDetails } from './ShareMemberDetails.tsx'
import { ZooKeeperServerDetails } from './ZooKeeperDetails.tsx'

const MISSING = { en: 'It is not part of this run.', ko: '이번 실행에는 없습니다.' }

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
      const shareGroup = view.shareGroups.find((g) => g.members.some((m) => m.clientId === selection.id))
      const shareMember = shareGroup?.members.find((m) => m.clientId === selection.id)
      if (shareGroup && shareMember) return <ShareMemberDetails member={shareMember} group={shareGroup} />
      return goneMember(selection.id, view)
    }
    case 'controller': {
      const controller = view.controllers.find((c) => c.id === selection.id)
      return controller ? <ControllerDetails controller={controller} view={view} /> : null
    }
    case 'zookeeper': {
      const server = view.zookeeper?.servers.find((s) => s.id === selection.id)
      return server && view.zookeeper ? <ZooKeeperServerDetails server={server} view={view} zk={view.zookeeper} /> : null
    }
  }
}

export function SelectionDetails({ selection, view }: { selection: Selection; view: ClusterView }) {
  const t = useT()
  return Details({ selection, view }) ?? <p className="muted">{t(MISSING)}</p>
}
