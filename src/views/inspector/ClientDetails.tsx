// Plain consumers (assign mode, no group) and the controller quorum in the inspector: a reader's
// position per partition and what it polled; a KRaft controller's role and epoch.

import type { ClusterView, ControllerCard, ReaderCard } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import { ErrorCounts, Fields, Section } from './parts.tsx'
import { compareTp } from '../../../sim/index.ts'

const L = {
  reader: { en: 'Consumer (assign, no group)', ko: '컨슈머 (assign, 그룹 없음)' },
  up: { en: 'running', ko: '실행 중' },
  down: { en: 'down', ko: '다운' },
  polled: { en: 'Records polled', ko: 'poll한 레코드' },
  errors: { en: 'Errors', ko: '오류' },
  positions: { en: 'Positions', ko: '위치 (position)' },
  partition: { en: 'Partition', ko: '파티션' },
  position: { en: 'Position', ko: 'Position' },
  controller: { en: 'Controller', ko: '컨트롤러' },
  role: { en: 'Raft role', ko: 'Raft 역할' },
  epoch: { en: 'Epoch', ko: 'Epoch' },
  active: { en: 'Active controller', ko: '활성 컨트롤러' },
  yes: { en: 'yes', ko: '예' },
  no: { en: 'no', ko: '아니오' },
  quorum: { en: 'Quorum', ko: '쿼럼' },
  activeHint: {
    en: 'The active controller (the Raft leader) writes the metadata log: leader elections, Isr changes, broker fencing.',
    ko: '활성 컨트롤러(Raft 리더)가 메타데이터 로그를 씁니다: 리더 선출, Isr 변경, 브로커 fencing.',
  },
}

export function PositionTable({ positions, extra }: { positions: Record<string, number>; extra?: { title: string; values: Record<string, number> } }) {
  const t = useT()
  const tps = Object.keys(positions).sort(compareTp)
  if (tps.length === 0) return <p className="muted">—</p>
  return (
    <table className="insp-table">
      <thead>
        <tr>
          <th scope="col">{t(L.partition)}</th>
          <th scope="col" className="num">{t(L.position)}</th>
          {extra ? <th scope="col" className="num">{extra.title}</th> : null}
        </tr>
      </thead>
      <tbody>
        {tps.map((tp) => (
          <tr key={tp}>
            <td>{tp}</td>
            <td className="num">{positions[tp]}</td>
            {extra ? <td className="num">{extra.values[tp] ?? '—'}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ReaderDetails({ reader }: { reader: ReaderCard }) {
  const t = useT()
  return (
    <div className="insp-body" data-testid="inspector-reader" data-id={reader.id}>
      <h2 className="insp-title">
        {reader.id}
        <span className={`insp-badge ${reader.up ? 'producer-active' : 'producer-down'}`}>{t(reader.up ? L.up : L.down)}</span>
      </h2>
      <p className="muted">{t(L.reader)}</p>
      <Fields
        rows={[
          [t(L.polled), reader.polled],
          [t(L.errors), <ErrorCounts errors={reader.errors} />],
        ]}
      />
      <Section title={t(L.positions)}>
        <PositionTable positions={reader.positions} />
      </Section>
    </div>
  )
}

export function ControllerDetails({ controller, view }: { controller: ControllerCard; view: ClusterView }) {
  const t = useT()
  return (
    <div className="insp-body" data-testid="inspector-controller" data-id={controller.id}>
      <h2 className="insp-title">
        {t(L.controller)} {controller.id}
        <span className={`insp-badge ${controller.up ? 'producer-active' : 'producer-down'}`}>{t(controller.up ? L.up : L.down)}</span>
      </h2>
      <Fields
        rows={[
          [t(L.role), controller.role],
          [t(L.epoch), controller.epoch],
          [t(L.active), t(view.activeController === controller.id ? L.yes : L.no)],
        ]}
      />
      <p className="insp-hint">{t(L.activeHint)}</p>
      <Section title={t(L.quorum)}>
        <ul className="insp-list">
          {view.controllers.map((c) => (
            <li key={c.id}>
              {c.id}: {c.role}, epoch {c.epoch}
              {view.activeController === c.id ? ' ★' : ''}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  )
}
