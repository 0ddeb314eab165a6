// A partition in the inspector, in kafka-topics' words (Topic, Partition, Leader, Replicas, Isr,
// Elr, LastKnownElr)
// plus what kafka-topics does not print: the leader epoch, each replica's log start, high
// watermark and LOG-END-OFFSET, the preferred leader, and the two topic configs that decide
// durability against availability: min.insync.replicas and unclean.leader.election.enable, with a
// one-off unclean election (kafka-leader-election --election-type UNCLEAN) for a partition without a
// leader; and
// the topic's log storage configs (retention, segments, cleanup policy; TopicStorageConfig.tsx).
// In the legacy ZooKeeper mode it names the partition's state znode instead of the ELR, and offers
// none of the admin operations that go through the KRaft controller.

import { useState } from 'react'
import type { PartitionRow } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import { useSim } from '../../store/sim-store.ts'
import { Fields, Section, SelectLink, idList, leaderName, type FieldRow } from './parts.tsx'
import { runAction } from './run-action.ts'
import { TopicStorageConfig } from './TopicStorageConfig.tsx'
import { notify } from '../../notices.ts'

const L = {
  preferredLeader: { en: 'Preferred leader', ko: 'Preferred leader' },
  notLeading: { en: 'not leading now', ko: '현재 리더 아님' },
  replicaLogs: { en: 'Replica logs', ko: '레플리카 로그' },
  broker: { en: 'Broker', ko: '브로커' },
  logStart: { en: 'Log start', ko: 'Log start' },
  inIsr: { en: 'in Isr', ko: 'Isr 포함' },
  down: { en: 'down', ko: '다운' },
  yes: { en: 'yes', ko: '예' },
  no: { en: 'no', ko: '아니오' },
  config: { en: 'Topic config', ko: '토픽 설정' },
  storage: { en: 'Log storage', ko: '로그 저장 설정' },
  apply: { en: 'Apply', ko: '적용' },
  minIsrHint: {
    en: 'With acks=all a write needs at least min.insync.replicas replicas in the Isr; with fewer the leader answers NOT_ENOUGH_REPLICAS.',
    ko: 'acks=all 쓰기는 Isr에 최소 min.insync.replicas개의 레플리카가 있어야 합니다. 부족하면 리더가 NOT_ENOUGH_REPLICAS로 응답합니다.',
  },
  offline: { en: 'No leader', ko: '리더 없음' },
  stateZnode: { en: 'State znode', ko: 'state znode' },
  zooKeeperConfig: {
    en: 'ZooKeeper mode (legacy): the controller keeps Leader, LeaderEpoch and Isr in this partition\'s state znode; changing topic configs and elections on demand run in KRaft mode only.',
    ko: 'ZooKeeper 모드(레거시): 컨트롤러가 Leader, LeaderEpoch, Isr을 이 파티션의 state znode에 둡니다. 토픽 설정 변경과 수동 선출은 KRaft 모드에서만 됩니다.',
  },
  moving: { en: 'Being moved', ko: '이동 중' },
  cancelMove: { en: 'Cancel the move', ko: '이동 취소' },
  cancelMoveHint: {
    en: 'kafka-reassign-partitions --cancel: the adding replicas leave and delete what they copied; the replicas being removed stay, listed after the others.',
    ko: 'kafka-reassign-partitions --cancel: 추가 중이던 레플리카는 빠지고 복사한 것을 지웁니다. 제거될 예정이던 레플리카는 남고, 다른 레플리카 뒤에 놓입니다.',
  },
  electUnclean: { en: 'Unclean election now', ko: '지금 unclean 선출' },
  electUncleanHint: {
    en: 'kafka-leader-election --election-type UNCLEAN: the first live replica leads even from outside the Isr, whatever unclean.leader.election.enable says. The partition is writable again; acknowledged records its new leader lacks are lost.',
    ko: 'kafka-leader-election --election-type UNCLEAN: unclean.leader.election.enable 설정과 상관없이 살아 있는 첫 레플리카가 Isr 밖이어도 리더가 됩니다. 파티션은 다시 쓸 수 있지만, 새 리더에 없는 확인(ack)된 레코드는 사라집니다.',
  },
  uncleanHint: {
    en: 'Unclean election lets a replica outside the Isr become leader: the partition is writable again, but acknowledged records can be lost.',
    ko: 'unclean election을 켜면 Isr 밖의 레플리카도 리더가 될 수 있습니다. 파티션은 다시 쓸 수 있지만 이미 확인(ack)된 레코드를 잃을 수 있습니다.',
  },
}

function ReplicaLogs({ row }: { row: PartitionRow }) {
  const t = useT()
  return (
    <table className="insp-table" data-testid="inspector-replica-logs">
      <thead>
        <tr>
          <th scope="col">{t(L.broker)}</th>
          <th scope="col" className="num">{t(L.logStart)}</th>
          <th scope="col" className="num">HW</th>
          <th scope="col" className="num">LEO</th>
          <th scope="col">{t(L.inIsr)}</th>
        </tr>
      </thead>
      <tbody>
        {row.logs.map((log) => (
          <tr key={log.broker}>
            <td>
              <SelectLink to={{ kind: 'broker', id: log.broker }}>{log.broker}</SelectLink>
              {log.broker === row.leader ? ' ★' : ''}
              {log.up ? null : <span className="insp-warn"> ({t(L.down)})</span>}
            </td>
            <td className="num">{log.logStartOffset}</td>
            <td className="num">{log.highWatermark}</td>
            <td className="num">{log.logEndOffset}</td>
            <td>{row.isr.includes(log.broker) ? `✓ ${t(L.yes)}` : row.elr.includes(log.broker) ? `✗ ${t(L.no)} · ELR` : `✗ ${t(L.no)}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function TopicConfigForm({ row }: { row: PartitionRow }) {
  const t = useT()
  const [minIsr, setMinIsr] = useState(String(row.minInsyncReplicas))
  const [unclean, setUnclean] = useState(row.uncleanLeaderElection)
  function apply(e: React.FormEvent) {
    e.preventDefault()
    const n = Number(minIsr)
    if (!Number.isInteger(n) || n < 1) {
      notify({ en: 'min.insync.replicas must be a whole number of at least 1.', ko: 'min.insync.replicas는 1 이상의 정수여야 합니다.' })
      return
    }
    runAction(
      { action: 'setTopicConfig', topic: row.topic, config: { 'min.insync.replicas': n, 'unclean.leader.election.enable': unclean } },
      { en: `Set config of topic ${row.topic}`, ko: `토픽 ${row.topic} 설정 변경` },
    )
  }
  return (
    <form className="insp-form insp-config" onSubmit={apply}>
      <label>
        <code>min.insync.replicas</code>
        <input type="number" min={1} step={1} value={minIsr} onChange={(e) => setMinIsr(e.target.value)}
          data-testid="inspector-min-isr" />
      </label>
      <label>
        <input type="checkbox" checked={unclean} onChange={(e) => setUnclean(e.target.checked)} data-testid="inspector-unclean" />
        <code>unclean.leader.election.enable</code>
      </label>
      <button type="submit" data-testid="inspector-topic-config-apply">{t(L.apply)}</button>
      <p className="insp-hint">{t(L.minIsrHint)}</p>
      <p className="insp-hint">{t(L.uncleanHint)}</p>
    </form>
  )
}

/** Adding Replicas and Removing Replicas while the partition is being moved, as kafka-topics --describe prints them. */
function movingRows(row: PartitionRow): FieldRow[] {
  if (row.addingReplicas.length === 0 && row.removingReplicas.length === 0) return []
  return [
    ['Adding Replicas', idList(row.addingReplicas) || '—'],
    ['Removing Replicas', idList(row.removingReplicas) || '—'],
  ]
}

export function PartitionDetails({ row }: { row: PartitionRow }) {
  const t = useT()
  // the legacy ZooKeeper mode: no ELR (a KRaft feature), no admin operations through a KRaft controller
  const zooKeeper = useSim((s) => s.view?.controllerMode === 'zookeeper')
  const preferred = row.preferredLeader === row.leader ? String(row.preferredLeader) : `${row.preferredLeader} (${t(L.notLeading)})`
  return (
    <div className="insp-body" data-testid="inspector-partition" data-tp={row.tp}>
      <h2 className="insp-title">{row.tp}</h2>
      <Fields
        rows={[
          ['Topic', row.topic],
          ['Partition', row.partition],
          ['Leader', leaderName(row.leader)],
          ['LeaderEpoch', row.leaderEpoch],
          ['Replicas', idList(row.replicas)],
          ['Isr', idList(row.isr) || '—'],
          ...movingRows(row),
          ...(zooKeeper
            ? [[t(L.stateZnode), <code className="insp-wrap">/brokers/topics/{row.topic}/partitions/{row.partition}/state</code>] as FieldRow]
            : [
                ['Elr', idList(row.elr) || '—'] as FieldRow,
                ['LastKnownElr', idList(row.lastKnownElr) || '—'] as FieldRow,
              ]),
          [t(L.preferredLeader), preferred],
          ['HW / LEO', `${row.highWatermark} / ${row.logEndOffset}`],
          ['min.insync.replicas', row.minInsyncReplicas],
          ['unclean.leader.election.enable', String(row.uncleanLeaderElection)],
        ]}
      />
      {row.addingReplicas.length > 0 || row.removingReplicas.length > 0 ? (
        <Section title={t(L.moving)}>
          <div className="insp-actions">
            <button type="button" data-testid="inspector-partition-cancel-reassignment"
              onClick={() => runAction({ action: 'cancelReassignment', topic: row.topic, partition: row.partition }, { en: `Cancel the move of ${row.tp}`, ko: `${row.tp} 재할당 취소` })}>
              {t(L.cancelMove)}
            </button>
          </div>
          <p className="insp-hint">{t(L.cancelMoveHint)}</p>
        </Section>
      ) : null}
      {row.leader < 0 && !zooKeeper ? (
        <Section title={t(L.offline)}>
          <div className="insp-actions">
            <button type="button" data-testid="inspector-partition-elect-unclean"
              onClick={() => runAction({ action: 'electLeaders', electionType: 'UNCLEAN', topic: row.topic, partition: row.partition }, { en: `Unclean election for ${row.tp}`, ko: `${row.tp} unclean 선출` })}>
              ⚠ {t(L.electUnclean)}
            </button>
          </div>
          <p className="insp-hint">{t(L.electUncleanHint)}</p>
        </Section>
      ) : null}
      <Section title={t(L.replicaLogs)}>
        <ReplicaLogs row={row} />
      </Section>
      {zooKeeper ? (
        <p className="insp-hint" data-testid="inspector-partition-zookeeper">{t(L.zooKeeperConfig)}</p>
      ) : (
        <>
          <Section title={`${t(L.config)}: ${row.topic}`}>
            <TopicConfigForm key={`${row.tp}:${row.minInsyncReplicas}:${row.uncleanLeaderElection}`} row={row} />
          </Section>
          <Section title={`${t(L.storage)}: ${row.topic}`}>
            <TopicStorageConfig topic={row.topic} />
          </Section>
        </>
      )}
    </div>
  )
}
