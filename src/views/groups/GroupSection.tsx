// One consumer group: its state as the coordinator has it (Empty, PreparingRebalance,
// CompletingRebalance, Stable, Dead; KIP-848 groups: Empty, Assigning, Reconciling, Stable, Dead),
// generation (KIP-848: group and target assignment epochs), assignor and rebalance protocol,
// coordinator and the reason of the last rebalance; what an EAGER, COOPERATIVE or KIP-848 rebalance stops, in one sentence;
// its members; and the kafka-consumer-groups --describe table. "Add consumer" starts a new member.

import { Fragment } from 'react'
import type { GroupCard } from '../../../sim/index.ts'
import { act } from '../../host/engine-host.ts'
import { errorMessage, notify } from '../../notices.ts'
import { useT } from '../../useT.ts'
import { isRebalancing, stoppedPartitions, type DescribeRow } from './describe.ts'
import { DescribeTable } from './DescribeTable.tsx'
import { MembersTable } from './MembersTable.tsx'
import { addConsumerLabel, addFailed, G, STATE_MARK, STATUS, stoppedText } from './text.ts'

/** `addConsumer` now: a consumer group or a share group gets a new member; a failure becomes a notice. */
export function addConsumer(groupId: string): void {
  try {
    act({ action: 'addConsumer', groupId })
  } catch (error) {
    notify(addFailed(groupId, errorMessage(error)))
  }
}

export function GroupSection({ card, rows }: { card: GroupCard; rows: DescribeRow[] }) {
  const t = useT()
  const rebalancing = isRebalancing(card.state)
  const stopped = stoppedPartitions(rows)
  const cooperative = card.rebalanceProtocol === 'COOPERATIVE'
  return (
    <section
      className={rebalancing ? 'gp-group rebalancing' : 'gp-group'}
      data-testid={`groups-panel-${card.groupId}`}
      data-state={card.state}
      data-generation={card.generation}
      aria-labelledby={`gp-${card.groupId}`}
    >
      <header className="gp-head">
        <h3 id={`gp-${card.groupId}`} className="mono">
          {card.groupId}
        </h3>
        <span className={`gp-state state-${card.state}`} data-testid={`groups-panel-${card.groupId}-state`}>
          <span aria-hidden="true">{STATE_MARK[card.state] ?? '?'}</span> {card.state}
        </span>
        <button type="button" className="gp-add" aria-label={t(addConsumerLabel(card.groupId))} onClick={() => addConsumer(card.groupId)}>
          {t(G.addConsumer)}
        </button>
      </header>
      <dl className="gp-facts">
        {card.consumer ? (
          <>
            <div>
              <dt>{t(G.groupEpoch)}</dt>
              <dd data-testid={`groups-panel-${card.groupId}-generation`}>{card.consumer.groupEpoch}</dd>
            </div>
            <div>
              <dt>{t(G.assignmentEpoch)}</dt>
              <dd data-testid={`groups-panel-${card.groupId}-assignment-epoch`}>{card.consumer.assignmentEpoch}</dd>
            </div>
          </>
        ) : (
          <div>
            <dt>{t(G.generation)}</dt>
            <dd data-testid={`groups-panel-${card.groupId}-generation`}>{card.generation}</dd>
          </div>
        )}
        <div>
          <dt>{t(G.protocol)}</dt>
          <dd>{card.protocol || '-'}</dd>
        </div>
        <div>
          <dt>{t(G.rebalanceProtocol)}</dt>
          <dd>{card.rebalanceProtocol}</dd>
        </div>
        <div>
          <dt>{t(G.coordinator)}</dt>
          <dd>{card.coordinator >= 0 ? `${t(G.broker)} ${card.coordinator}` : t(G.noCoordinator)}</dd>
        </div>
        {card.rebalanceReason ? (
          <div className="gp-reason">
            <dt>{t(G.reason)}</dt>
            <dd>{card.rebalanceReason}</dd>
          </div>
        ) : null}
      </dl>
      <p className={rebalancing ? 'gp-explain active' : 'gp-explain'}>
        {rebalancing ? <strong>{t(G.rebalancing)}: </strong> : null}
        {t(card.type === 'consumer' ? G.kip848 : cooperative ? G.cooperative : G.eager)}
      </p>
      <p className="gp-stopped" data-testid={`groups-panel-${card.groupId}-stopped`} data-count={stopped.length}>
        {stopped.length > 0 ? (
          <>
            <span aria-hidden="true">{STATUS.paused.mark} </span>
            {t(stoppedText(stopped.length, rows.length))}:{' '}
            {stopped.map((tp, i) => (
              <Fragment key={tp}>
                <span className="mono gp-nowrap">{tp}</span>
                {i < stopped.length - 1 ? ', ' : ''}
              </Fragment>
            ))}
          </>
        ) : (
          <>
            <span aria-hidden="true">{STATUS.reading.mark} </span>
            {rows.length > 0 && rows.every((r) => r.status === 'reading') ? t(G.allReading) : null}
          </>
        )}
      </p>
      <h4>{t(G.members)}</h4>
      <MembersTable card={card} />
      <h4 className="mono">{t(G.describe)}</h4>
      <DescribeTable groupId={card.groupId} rows={rows} />
    </section>
  )
}
