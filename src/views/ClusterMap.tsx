// The cluster map: producers on the left, brokers with their partition replicas in the middle
// (and the KRaft controller quorum above them when controllers are dedicated, or the ZooKeeper
// ensemble of the legacy ZooKeeper mode), consumer groups,
// share groups (KIP-932) and plain consumers on the right, and the message flow drawn over them. It makes "each partition has
// a leader and followers on different brokers; when the leader's broker dies the controller
// promotes an in-sync follower" visible, and lets a learner crash and restart brokers. Real clients
// of kafkascope serve stand beside the simulated ones (cluster-map/ExternalCards.tsx).

import { useCallback, useMemo, useState } from 'react'
import { useSim } from '../store/sim-store.ts'
import { useT } from '../useT.ts'
import type { ClusterView } from '../../sim/index.ts'
import { BrokerCard } from './cluster-map/BrokerCard.tsx'
import { ProducerCard, ReaderCard } from './cluster-map/ClientCards.tsx'
import { GroupCard } from './cluster-map/GroupCard.tsx'
import { ShareGroupCard } from './cluster-map/ShareGroupCard.tsx'
import { ExternalGroupCard, ExternalProducerCard, ExternalReaderCard, externalLayout, OtherConnections } from './cluster-map/ExternalCards.tsx'
import { ControllerRow } from './cluster-map/ControllerRow.tsx'
import { ZooKeeperRow } from './cluster-map/ZooKeeperRow.tsx'
import { Legend } from './cluster-map/Legend.tsx'
import { FlowLayer } from './cluster-map/FlowLayer.tsx'
import { L } from './cluster-map/texts.ts'
import { mapCountdowns, offlineNote, type MapCountdowns } from './cluster-map/countdowns.ts'
import { useCalloutFeed } from './cluster-map/MapEffects.tsx'
import './cluster-map.css'
import './share-states.css'

/** produce, replication and consume on; group, controller and metadata traffic off */
const DEFAULT_KINDS = [true, true, true, false, false, false]

type ExternalLayout = ReturnType<typeof externalLayout>

function Producers({ view, isolated, waits, real }: { view: ClusterView; isolated: Set<string>; waits: MapCountdowns; real: ExternalLayout }) {
  const t = useT()
  return (
    <div className="cmap-column cmap-producers" role="group" aria-label={t(L.producers)}>
      <span className="column-title">{t(L.producers)}</span>
      {view.producers.length === 0 && real.producers.length === 0 ? <span className="muted small-text">{t(L.noClients)}</span> : null}
      {view.producers.map((p) => (
        <ProducerCard key={p.id} producer={p} isolated={isolated.has(p.id)} countdowns={waits.producers.get(p.id)} />
      ))}
      {real.producers.map((c) => (
        <ExternalProducerCard key={c.id} client={c} />
      ))}
      <OtherConnections count={real.others} />
    </div>
  )
}

function Brokers({ view, waits }: { view: ClusterView; waits: MapCountdowns }) {
  const t = useT()
  const voters = new Map(view.controllers.map((c) => [c.id, c]))
  const zk = view.zookeeper
  return (
    <div className={`cmap-brokers-area${zk ? ' with-zookeeper' : ''}`}>
      {zk ? <ZooKeeperRow zk={zk} /> : null}
      {view.dedicatedControllers ? <ControllerRow controllers={view.controllers} active={view.activeController} /> : null}
      <div className={`cmap-brokers brokers-${Math.min(view.brokers.length, 6)}`} role="group" aria-label={t(L.brokers)}>
        {view.brokers.map((b) => (
          <BrokerCard
            key={b.id}
            broker={b}
            voter={view.dedicatedControllers ? undefined : voters.get(b.node)}
            countdowns={waits.brokers.get(b.id)}
            note={offlineNote(view, b.id)}
            zooKeeper={zk ? { controllerEpoch: view.controllerEpoch, namedByControllerZnode: zk.controllerBroker === b.id } : undefined}
          />
        ))}
      </div>
    </div>
  )
}

function Consumers({ view, isolated, waits, real }: { view: ClusterView; isolated: Set<string>; waits: MapCountdowns; real: ExternalLayout }) {
  const t = useT()
  const none = view.groups.length === 0 && view.shareGroups.length === 0 && view.readers.length === 0 && real.groups.length === 0 && real.readers.length === 0
  return (
    <div className="cmap-column cmap-consumers" role="group" aria-label={t(L.consumers)}>
      <span className="column-title">{t(L.consumers)}</span>
      {none ? <span className="muted small-text">{t(L.noClients)}</span> : null}
      {view.groups.map((g) => (
        <GroupCard key={g.groupId} group={g} isolated={isolated} countdowns={waits.groups.get(g.groupId)} />
      ))}
      {view.shareGroups.map((g) => (
        <ShareGroupCard key={g.groupId} group={g} isolated={isolated} />
      ))}
      {view.readers.map((r) => (
        <ReaderCard key={r.id} reader={r} isolated={isolated.has(r.id)} />
      ))}
      {real.groups.map((g) => (
        <ExternalGroupCard key={g.groupId} group={g} />
      ))}
      {real.readers.map((c) => (
        <ExternalReaderCard key={c.id} client={c} />
      ))}
    </div>
  )
}

export function ClusterMap() {
  const t = useT()
  const view = useSim((s) => s.view)
  const [kinds, setKinds] = useState(DEFAULT_KINDS)
  const toggle = useCallback((i: number) => setKinds((k) => k.map((on, j) => (j === i ? !on : on))), [])
  const isolated = useMemo(() => new Set(view?.isolated ?? []), [view])
  const waits = useMemo(() => (view ? mapCountdowns(view) : null), [view])
  const real = useMemo(() => externalLayout(view?.externals ?? []), [view])
  useCalloutFeed(view)
  return (
    <section className="cmap" aria-label={t(L.map)}>
      <Legend enabled={kinds} onToggle={toggle} zooKeeper={view?.controllerMode === 'zookeeper'} />
      <div className="cmap-scroll">
        <div className="cmap-content">
          {view && waits ? (
            <>
              <Producers view={view} isolated={isolated} waits={waits} real={real} />
              <Brokers view={view} waits={waits} />
              <Consumers view={view} isolated={isolated} waits={waits} real={real} />
            </>
          ) : (
            <p className="muted">{t(L.noScenario)}</p>
          )}
          <FlowLayer view={view} enabled={kinds} />
        </div>
      </div>
    </section>
  )
}
