// kafka-consumer-groups --describe for one group, one row per partition: TOPIC PARTITION
// CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID, each row marked with what the members are doing
// with it (reading, revoking, paused by the rebalance, owner down).

import { useT } from '../../useT.ts'
import { shortMemberId, type DescribeRow } from './describe.ts'
import { G, STATUS } from './text.ts'

export function DescribeTable({ groupId, rows }: { groupId: string; rows: DescribeRow[] }) {
  const t = useT()
  return (
    <div className="gp-scroll" role="region" tabIndex={0} aria-label={`${t(G.describe)} --group ${groupId}`}>
      <table className="gp-table gp-describe mono">
        <caption className="visually-hidden">{`${t(G.describe)} --group ${groupId}`}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t(G.state)}</span>
            </th>
            <th scope="col">TOPIC</th>
            <th scope="col" className="num">
              PARTITION
            </th>
            <th scope="col" className="num">
              CURRENT-
              <wbr />
              OFFSET
            </th>
            <th scope="col" className="num">
              LOG-END-
              <wbr />
              OFFSET
            </th>
            <th scope="col" className="num" title={t(G.lagRule)}>
              LAG
            </th>
            <th scope="col">
              CONSUMER-
              <wbr />
              ID
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const status = STATUS[r.status]
            return (
              <tr key={r.tp} data-testid={`groups-panel-${groupId}-row-${r.tp}`} data-status={r.status} data-owner={r.owner ?? ''} className={`gp-status-${r.status}`}>
                <td className="gp-status" title={t(status.text)}>
                  <span aria-hidden="true">{status.mark}</span>
                  <span className="visually-hidden">{t(status.text)}</span>
                </td>
                <td>{r.topic}</td>
                <td className="num">{r.partition}</td>
                <td className="num">{r.currentOffset ?? '-'}</td>
                <td className="num">{r.logEndOffset ?? '-'}</td>
                <td className="num">{r.lag ?? '-'}</td>
                <td title={r.consumerId ?? undefined}>{r.consumerId ? shortMemberId(r.consumerId, r.clientId) : '-'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="gp-note muted" data-testid={`groups-panel-${groupId}-lag-rule`}>
        {t(G.lagRule)}
      </p>
    </div>
  )
}
