// One partition in the partition log: Kafka's words for it (as kafka-topics --describe prints them,
// plus the leader epoch, HW and LEO) next to its replicas' logs. The row carries the stable test
// hooks of CONTRACT §6; clicking it selects the partition for the inspector.

import type { PartitionLog } from '../../../sim/index.ts'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import type { GroupMark, ReaderMark } from './geometry.ts'
import { LogLanes, lanesHeight } from './LogLanes.tsx'
import { lostBadge, selectPartition } from './text.ts'

interface Props {
  log: PartitionLog
  groups: GroupMark[]
  readers: ReaderMark[]
  selected: boolean
  width: number
  fontPx: number
  /** scrolled into (or near) sight: draw the lanes; otherwise keep their height only */
  visible: boolean
  /** simulated time now (deleted segments fade by their age) */
  nowMs: number
  /** group.share.delivery.count.limit by share group id */
  deliveryLimits?: Readonly<Record<string, number>>
}

export function PartitionRow({ log, groups, readers, selected, width, fontPx, visible, nowMs, deliveryLimits }: Props) {
  const t = useT()
  const select = () => useUi.getState().select({ kind: 'partition', topic: log.topic, partition: log.partition })
  return (
    <tr
      data-testid={`partition-${log.topic}-${log.partition}`}
      data-leader={log.leader}
      data-isr={log.isr.join(',')}
      data-lost={log.lostCount}
      data-tp={log.tp}
      className={selected ? 'plog-row selected' : 'plog-row'}
      onClick={select}
    >
      <td className="plog-cell">
        <div className="plog-head">
          <button
            type="button"
            className="plog-name"
            aria-pressed={selected}
            aria-label={t(selectPartition(log.tp))}
            onClick={(e) => {
              e.stopPropagation()
              select()
            }}
          >
            {log.tp}
          </button>
          <KafkaWords log={log} />
          {log.lostCount > 0 ? <span className="plog-lost-badge">✕ {t(lostBadge(log.lostCount))}</span> : null}
        </div>
        {width > 0 && visible ? <LogLanes log={log} groups={groups} readers={readers} width={width} fontPx={fontPx} nowMs={nowMs} deliveryLimits={deliveryLimits} /> : null}
        {width > 0 && !visible ? <div style={{ height: lanesHeight(log, groups.length + readers.length, fontPx) }} /> : null}
      </td>
    </tr>
  )
}

/** Leader: 2  Replicas: 2,3,1  Isr: 2,3  (Elr: 1 when there is one)  LeaderEpoch: 4  HW: 120  LEO: 125 */
function KafkaWords({ log }: { log: PartitionLog }) {
  return (
    <dl className="plog-words mono">
      <div>
        <dt>Leader:</dt> <dd className={log.leader < 0 ? 'plog-no-leader' : undefined}>{log.leader < 0 ? 'none' : log.leader}</dd>
      </div>
      <div>
        <dt>Replicas:</dt> <dd>{log.replicas.join(',')}</dd>
      </div>
      <div>
        <dt>Isr:</dt> <dd>{log.isr.join(',') || '-'}</dd>
      </div>
      {log.elr.length > 0 ? (
        <div data-testid="plog-elr">
          <dt>Elr:</dt> <dd>{log.elr.join(',')}</dd>
        </div>
      ) : null}
      <div>
        <dt>LeaderEpoch:</dt> <dd>{log.leaderEpoch}</dd>
      </div>
      <div>
        <dt>HW:</dt> <dd>{log.highWatermark}</dd>
      </div>
      <div>
        <dt>LEO:</dt> <dd>{log.logEndOffset}</dd>
      </div>
    </dl>
  )
}
