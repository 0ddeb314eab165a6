// One broker as a card: its state (alive, crashed, fenced by the controller, isolated), whether it
// is the active KRaft controller or a voter (in ZooKeeper mode: the controller elected through
// /controller, or a down broker /controller still names), the groups it coordinates, and its partition replicas
// as chips — the Leader (★, solid), in-sync followers (outlined), out-of-sync followers (dashed, !)
// and offline replicas (hatched, ✕). Crash and restart are timeline actions.

import type { BrokerCard as BrokerCardView, ControllerCard, ReplicaCell } from '../../../sim/index.ts'
import { useUi, type Selection } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { chipsByTopic, COMPACT_CHIPS_ABOVE, ROLE_MARK } from './format.ts'
import { L, ROLE_TEXT, STALE_CONTROLLER, STATE_ICON, STATE_TEXT, zooKeeperControllerBadge } from './texts.ts'
import { crashBroker, restartBroker } from './actions.ts'
import type { Countdown } from './countdowns.ts'
import type { Text } from '../../i18n.ts'
import { Callouts, Countdowns } from './MapEffects.tsx'

function isSelected(sel: Selection | null, kind: 'broker', id: number): boolean {
  return sel !== null && sel.kind === kind && sel.id === id
}

function ReplicaChip({ cell, compact }: { cell: ReplicaCell; compact: boolean }) {
  const t = useT()
  const selected = useUi((s) => s.selection?.kind === 'partition' && s.selection.topic === cell.topic && s.selection.partition === cell.partition)
  const showPreferred = cell.preferred && cell.role !== 'leader'
  const label = `${cell.tp}: ${t(ROLE_TEXT[cell.role])}${showPreferred ? ` · ${t(L.preferred)}` : ''}`
  return (
    <button
      type="button"
      className={`chip chip-${cell.role}${showPreferred ? ' chip-pref' : ''}${selected ? ' selected' : ''}`}
      data-tp={cell.tp}
      data-role={cell.role}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation()
        useUi.getState().select({ kind: 'partition', topic: cell.topic, partition: cell.partition })
      }}
    >
      {ROLE_MARK[cell.role] ? <span className="chip-mark" aria-hidden="true">{ROLE_MARK[cell.role]}</span> : null}
      {compact ? cell.partition : cell.tp}
      {showPreferred ? <span className="chip-pref-mark" aria-hidden="true">P</span> : null}
    </button>
  )
}

/**
 * The replica chips; compact (numbers under their topic) on a dense broker, and on a crashed one,
 * whose replicas are all offline: its card keeps room for what the cluster waits for (the fencing
 * countdown) on a small screen.
 */
function Replicas({ cells, crashed }: { cells: ReplicaCell[]; crashed: boolean }) {
  const compact = cells.length > COMPACT_CHIPS_ABOVE || crashed
  if (!compact) {
    return (
      <div className="chips">
        {cells.map((c) => (
          <ReplicaChip key={c.tp} cell={c} compact={false} />
        ))}
      </div>
    )
  }
  return (
    <div className="chips-by-topic">
      {chipsByTopic(cells).map((group) => (
        <div key={group.topic} className="chips">
          <span className="chips-topic">{group.topic}</span>
          {group.cells.map((c) => (
            <ReplicaChip key={c.tp} cell={c} compact />
          ))}
        </div>
      ))}
    </div>
  )
}

/** In ZooKeeper mode: the controller epoch, and whether /controller names this broker. */
export interface ZooKeeperControl {
  controllerEpoch: number
  namedByControllerZnode: boolean
}

function ControllerBadge({ broker, zooKeeper }: { broker: BrokerCardView; zooKeeper: ZooKeeperControl | undefined }) {
  const t = useT()
  if (!zooKeeper) return <span className="badge badge-controller">♛ {t(L.activeController)}</span>
  const badge = zooKeeperControllerBadge(zooKeeper.controllerEpoch)
  return (
    <span className="badge badge-controller" data-testid={`broker-${broker.id}-controller`} title={t(badge.hint)}>
      ♛ {t(badge.text)}
    </span>
  )
}

function Badges({ broker, voter, zooKeeper }: { broker: BrokerCardView; voter: ControllerCard | undefined; zooKeeper: ZooKeeperControl | undefined }) {
  const t = useT()
  return (
    <div className="badges">
      {broker.rack !== null ? (
        <span className="badge badge-rack" data-testid={`broker-${broker.id}-rack`} title={`broker.rack=${broker.rack}`}>
          {t(L.rack)} {broker.rack}
        </span>
      ) : null}
      {broker.activeController ? (
        <ControllerBadge broker={broker} zooKeeper={zooKeeper} />
      ) : zooKeeper?.namedByControllerZnode ? (
        <span className="badge badge-stale-controller" data-testid={`broker-${broker.id}-stale-controller`} title={t(STALE_CONTROLLER.hint)}>
          {t(STALE_CONTROLLER.text)}
        </span>
      ) : voter ? (
        <span className="badge badge-voter" title={`${t(L.voter)} · ${voter.role}`}>
          {t(L.voter)} · {voter.role}
        </span>
      ) : null}
      {broker.coordinatorOf.map((g) => (
        <span key={g} className="badge badge-coordinator" title={`${t(L.coordinator)}: ${g}`}>
          ⚑ {t(L.coordinator)}: {g}
        </span>
      ))}
    </div>
  )
}

export function BrokerCard({
  broker,
  voter,
  countdowns,
  note,
  zooKeeper,
}: {
  broker: BrokerCardView
  voter: ControllerCard | undefined
  countdowns?: readonly Countdown[]
  note?: Text | null
  /** ZooKeeper mode only */
  zooKeeper?: ZooKeeperControl
}) {
  const t = useT()
  const selected = useUi((s) => isSelected(s.selection, 'broker', broker.id))
  const select = () => useUi.getState().select({ kind: 'broker', id: broker.id })
  const processUp = broker.state !== 'crashed' && broker.state !== 'stopped'
  return (
    <div
      className={`broker-card state-${broker.state}${selected ? ' selected' : ''}`}
      data-testid={`broker-${broker.id}`}
      data-state={broker.state}
      data-node={broker.node}
      data-node-kind="broker"
      onClick={select}
    >
      <div className="card-head">
        <button type="button" className="card-title" aria-pressed={selected} onClick={(e) => (e.stopPropagation(), select())}>
          {t(L.broker)} {broker.id}
        </button>
        <span className={`state-label state-${broker.state}`}>
          <span aria-hidden="true">{STATE_ICON[broker.state]}</span> {t(STATE_TEXT[broker.state])}
        </span>
        {processUp ? (
          <button
            type="button"
            className="danger small"
            data-testid={`broker-${broker.id}-crash`}
            title={t(L.crashHint)}
            onClick={(e) => (e.stopPropagation(), crashBroker(broker.id))}
          >
            {t(L.crash)}
          </button>
        ) : (
          <button
            type="button"
            className="small"
            data-testid={`broker-${broker.id}-restart`}
            title={t(L.restartHint)}
            onClick={(e) => (e.stopPropagation(), restartBroker(broker.id))}
          >
            ↻ {t(L.restart)}
          </button>
        )}
      </div>
      <Badges broker={broker} voter={voter} zooKeeper={zooKeeper} />
      <Replicas cells={broker.replicas} crashed={!processUp} />
      <Countdowns list={countdowns} note={note} />
      <Callouts target={{ kind: 'broker', id: broker.id }} />
    </div>
  )
}
