// One compared run, compact: its brokers (alive, crashed, fenced, isolated — a mark and a word),
// each partition's Leader, Isr and high watermark, and its consumer groups' state and generation
// (a KIP-848 group's group epoch).
// Where this run differs from the other at this moment (a leader, an Isr, a broker or group
// state), the cell is marked so the learner sees where the one setting changed the cluster.

import type { ClusterView } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import type { Text } from '../../i18n.ts'
import { STATE_ICON, STATE_TEXT } from '../cluster-map/texts.ts'
import { L } from './text.ts'

interface Props {
  side: 'A' | 'B'
  name: Text
  view: ClusterView | null
  other: ClusterView | null
}

function leaderOf(leader: number): string {
  return leader < 0 ? 'none' : String(leader)
}

export function RunPanel({ side, name, view, other }: Props) {
  const t = useT()
  const id = `compare-run-${side.toLowerCase()}`
  return (
    <section className={`cmp-run cmp-run-${side.toLowerCase()}`} aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`} className="cmp-run-title">
        {t(name)}
      </h3>
      {view ? (
        <>
          <ul className="cmp-brokers" aria-label={t(L.brokers)}>
            {view.brokers.map((b) => {
              const changed = other?.brokers.find((o) => o.id === b.id)?.state !== b.state
              return (
                <li key={b.id} className={`cmp-broker cmp-broker-${b.state}${changed ? ' cmp-changed' : ''}`} data-state={b.state}>
                  <span aria-hidden="true">{STATE_ICON[b.state]}</span> {b.id} {t(STATE_TEXT[b.state])}
                </li>
              )
            })}
          </ul>
          <div className="cmp-parts-wrap">
            <table className="cmp-parts">
              <thead>
                <tr>
                  <th scope="col">{t(L.partition)}</th>
                  <th scope="col">Leader</th>
                  <th scope="col">Isr</th>
                  <th scope="col">HW</th>
                </tr>
              </thead>
              <tbody>
                {view.partitions.map((p) => {
                  const o = other?.partitions.find((x) => x.tp === p.tp)
                  const leaderChanged = o !== undefined && o.leader !== p.leader
                  const isrChanged = o !== undefined && o.isr.join(',') !== p.isr.join(',')
                  return (
                    <tr key={p.tp} data-testid={`${id}-${p.tp}`} data-leader={p.leader} data-isr={p.isr.join(',')}>
                      <th scope="row">{p.tp}</th>
                      <td className={`${p.leader < 0 ? 'cmp-none' : ''}${leaderChanged ? ' cmp-changed' : ''}`}>{leaderOf(p.leader)}</td>
                      <td className={isrChanged ? 'cmp-changed' : undefined}>{p.isr.join(',') || '—'}</td>
                      <td>{p.highWatermark}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          {view.groups.length > 0 ? (
            <ul className="cmp-groups" aria-label={t(L.groups)}>
              {view.groups.map((g) => {
                const o = other?.groups.find((x) => x.groupId === g.groupId)
                const changed = o !== undefined && (o.state !== g.state || o.generation !== g.generation)
                return (
                  <li key={g.groupId} className={changed ? 'cmp-changed' : undefined} data-state={g.state}>
                    <strong>{g.groupId}</strong> {g.state} · {g.type === 'consumer' ? t(L.groupEpoch) : 'generation'} {g.generation} · {g.protocol || '—'}
                  </li>
                )
              })}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
