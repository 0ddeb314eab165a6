// One share group (KIP-932, queues for Kafka) in the groups panel: labelled as a share group, its
// state as the coordinator has it (Empty, Stable, Dead), the group and target assignment epochs,
// the coordinator, group.share.delivery.count.limit and group.share.record.lock.duration.ms, what
// a share group does in one paragraph, the acknowledged / redelivered / archived totals, its
// members (ShareMembersTable) and each share partition's window [SPSO, SPEO] (ShareWindowTable).
// "Add consumer" starts a new share consumer.

import type { ShareGroupCard } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import { addConsumer } from './GroupSection.tsx'
import { ShareMembersTable } from './ShareMembersTable.tsx'
import { ShareWindowTable } from './ShareWindowTable.tsx'
import { addConsumerLabel, G, SG, secondsText, STATE_MARK } from './text.ts'

export function ShareGroupSection({ card }: { card: ShareGroupCard }) {
  const t = useT()
  const id = `share-${card.groupId}`
  return (
    <section
      className="gp-group gp-share"
      data-testid={`groups-panel-${id}`}
      data-kind="share"
      data-state={card.state}
      data-group-epoch={card.groupEpoch}
      aria-labelledby={`gp-${id}`}
    >
      <header className="gp-head">
        <h3 id={`gp-${id}`} className="mono">
          {card.groupId}
        </h3>
        <span className="gp-kind">{t(SG.kind)}</span>
        <span className={`gp-state state-${card.state}`} data-testid={`groups-panel-${id}-state`}>
          <span aria-hidden="true">{STATE_MARK[card.state] ?? '?'}</span> {card.state}
        </span>
        <button type="button" className="gp-add" aria-label={t(addConsumerLabel(card.groupId))} onClick={() => addConsumer(card.groupId)}>
          {t(G.addConsumer)}
        </button>
      </header>
      <dl className="gp-facts">
        <div>
          <dt>{t(G.groupEpoch)}</dt>
          <dd data-testid={`groups-panel-${id}-group-epoch`}>{card.groupEpoch}</dd>
        </div>
        <div>
          <dt>{t(G.assignmentEpoch)}</dt>
          <dd data-testid={`groups-panel-${id}-assignment-epoch`}>{card.assignmentEpoch}</dd>
        </div>
        <div>
          <dt>{t(G.coordinator)}</dt>
          <dd>{card.coordinator >= 0 ? `${t(G.broker)} ${card.coordinator}` : t(G.noCoordinator)}</dd>
        </div>
        <div className="gp-config" title={t(SG.deliveryLimitHint)}>
          <dt className="mono">{t(SG.deliveryLimit)}</dt>
          <dd data-testid={`groups-panel-${id}-delivery-limit`}>{card.deliveryLimit}</dd>
        </div>
        <div className="gp-config" title={t(SG.lockHint)}>
          <dt className="mono">{t(SG.lockMs)}</dt>
          <dd data-testid={`groups-panel-${id}-lock-ms`}>{t(secondsText(card.lockMs))}</dd>
        </div>
      </dl>
      <p className="gp-explain">{t(SG.explain)}</p>
      <div className="gp-share-totals">
        <span className="gp-totals-label">{t(SG.soFar)}</span>
        <dl className="gp-facts" aria-label={t(SG.totals)}>
          <div title={t(SG.acknowledgedHint)}>
            <dt>{t(SG.acknowledged)}</dt>
            <dd data-testid={`groups-panel-${id}-acknowledged`}>{card.acknowledged}</dd>
          </div>
          <div title={t(SG.redeliveredHint)}>
            <dt>{t(SG.redelivered)}</dt>
            <dd data-testid={`groups-panel-${id}-redelivered`}>{card.redelivered}</dd>
          </div>
          <div title={t(SG.archivedHint)}>
            <dt>{t(SG.archived)}</dt>
            <dd data-testid={`groups-panel-${id}-archived`}>{card.archived}</dd>
          </div>
        </dl>
      </div>
      <h4>{t(G.members)}</h4>
      <ShareMembersTable card={card} />
      <h4>{t(SG.windows)}</h4>
      <ShareWindowTable card={card} />
    </section>
  )
}
