// A consumer group in the inspector: the coordinator's view (state, generation, the chosen
// assignor, EAGER or COOPERATIVE rebalancing), its members, committed offsets and LAG; and what
// an operator does to a group: add a consumer, change partition.assignment.strategy (taken up by
// members that start afterwards, as with a redeploy) and kafka-consumer-groups --reset-offsets.

import { useState } from 'react'
import { type GroupCard, compareTp } from '../../../sim/index.ts'
import { useT } from '../../useT.ts'
import { Fields, Section, SelectLink } from './parts.tsx'
import { runAction } from './run-action.ts'
import { LAG_RULE } from '../lag-text.ts'

const L = {
  group: { en: 'Group', ko: '그룹' },
  state: { en: 'State', ko: '상태' },
  generation: { en: 'Generation', ko: 'Generation' },
  protocol: { en: 'Assignor (protocol)', ko: '할당자 (protocol)' },
  rebalance: { en: 'Rebalance protocol', ko: 'Rebalance 프로토콜' },
  coordinator: { en: 'Coordinator', ko: '코디네이터' },
  broker: { en: 'broker', ko: '브로커' },
  reason: { en: 'Last rebalance reason', ko: '마지막 rebalance 이유' },
  topics: { en: 'Topics', ko: '토픽' },
  totalLag: { en: 'Total LAG', ko: '전체 LAG' },
  lagRule: LAG_RULE,
  members: { en: 'Members', ko: '멤버' },
  noMembers: { en: 'no members', ko: '멤버 없음' },
  down: { en: 'down', ko: '다운' },
  offsets: { en: 'Committed offsets', ko: '커밋된 오프셋' },
  partition: { en: 'Partition', ko: '파티션' },
  actions: { en: 'Actions', ko: '조작' },
  add: { en: 'Add consumer', ko: '컨슈머 추가' },
  strategy: { en: 'Set strategy', ko: '전략 적용' },
  strategyHint: {
    en: 'Like a redeploy, the new strategy applies to members that start afterwards: add consumers or restart the members.',
    ko: '재배포처럼, 새 전략은 그 뒤에 시작하는 멤버부터 적용됩니다. 컨슈머를 추가하거나 멤버를 재시작하세요.',
  },
  reset: { en: 'Reset offsets', ko: '오프셋 재설정' },
  resetHint: {
    en: 'kafka-consumer-groups --reset-offsets works only while the group is Empty: remove or crash its members first.',
    ko: 'kafka-consumer-groups --reset-offsets는 그룹이 Empty일 때만 됩니다. 먼저 멤버를 제거하거나 크래시하세요.',
  },
}

/** What partition.assignment.strategy accepts (short names of Kafka's assignor classes). */
const STRATEGIES = ['range', 'roundrobin', 'sticky', 'cooperative-sticky', 'range,cooperative-sticky']

function Members({ group }: { group: GroupCard }) {
  const t = useT()
  if (group.members.length === 0) return <p className="muted">{t(L.noMembers)}</p>
  return (
    <ul className="insp-list">
      {group.members.map((m) => (
        <li key={m.clientId}>
          <SelectLink to={{ kind: 'member', id: m.clientId }}>{m.clientId}</SelectLink>{' '}
          <span className="muted">
            {m.state}
            {group.downMembers.includes(m.clientId) ? ` · ✕ ${t(L.down)}` : ''} · {m.assignment.join(', ') || '—'}
          </span>
        </li>
      ))}
    </ul>
  )
}

function Offsets({ group }: { group: GroupCard }) {
  const t = useT()
  const tps = [...new Set([...Object.keys(group.committed), ...Object.keys(group.lag)])].sort(compareTp)
  if (tps.length === 0) return <p className="muted">—</p>
  return (
    <table className="insp-table">
      <caption className="insp-note">{t(L.lagRule)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(L.partition)}</th>
          <th scope="col" className="num">CURRENT-OFFSET</th>
          <th scope="col" className="num" title={t(L.lagRule)}>
            LAG
          </th>
        </tr>
      </thead>
      <tbody>
        {tps.map((tp) => (
          <tr key={tp}>
            <td>{tp}</td>
            <td className="num">{group.committed[tp] ?? '-'}</td>
            <td className="num">{group.lag[tp] ?? '-'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function GroupActions({ group }: { group: GroupCard }) {
  const t = useT()
  const g = group.groupId
  const [strategy, setStrategy] = useState(STRATEGIES[0]!)
  const [resetTo, setResetTo] = useState<'earliest' | 'latest'>('earliest')
  return (
    <Section title={t(L.actions)}>
      <div className="insp-actions">
        <button type="button" data-testid={`inspector-group-${g}-add`}
          onClick={() => runAction({ action: 'addConsumer', groupId: g }, { en: `Add a consumer to ${g}`, ko: `${g}에 컨슈머 추가` })}>
          + {t(L.add)}
        </button>
      </div>
      <div className="insp-form">
        <label>
          <code>partition.assignment.strategy</code>
          <select value={strategy} onChange={(e) => setStrategy(e.target.value)} data-testid={`inspector-group-${g}-strategy`}>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button"
          onClick={() =>
            runAction(
              { action: 'setConsumerConfig', groupId: g, config: { 'partition.assignment.strategy': strategy.split(',') } },
              { en: `Set the strategy of ${g}`, ko: `${g} 할당 전략 변경` },
            )
          }>
          {t(L.strategy)}
        </button>
        <p className="insp-hint">{t(L.strategyHint)}</p>
      </div>
      <div className="insp-form">
        <label>
          <code>--reset-offsets</code>
          <select value={resetTo} onChange={(e) => setResetTo(e.target.value as 'earliest' | 'latest')}>
            <option value="earliest">--to-earliest</option>
            <option value="latest">--to-latest</option>
          </select>
        </label>
        <button type="button" data-testid={`inspector-group-${g}-reset`}
          onClick={() => runAction({ action: 'resetOffsets', groupId: g, to: resetTo }, { en: `Reset offsets of ${g}`, ko: `${g} 오프셋 재설정` })}>
          {t(L.reset)}
        </button>
        <p className="insp-hint">{t(L.resetHint)}</p>
      </div>
    </Section>
  )
}

export function GroupDetails({ group }: { group: GroupCard }) {
  const t = useT()
  return (
    <div className="insp-body" data-testid="inspector-group" data-id={group.groupId}>
      <h2 className="insp-title">
        {t(L.group)} {group.groupId}
        <span className="insp-badge">{group.state}</span>
      </h2>
      <Fields
        rows={[
          [t(L.generation), group.generation],
          [t(L.protocol), group.protocol || '—'],
          [t(L.rebalance), group.rebalanceProtocol],
          [
            t(L.coordinator),
            group.coordinator >= 0 ? (
              <SelectLink to={{ kind: 'broker', id: group.coordinator }}>
                {t(L.broker)} {group.coordinator}
              </SelectLink>
            ) : (
              '—'
            ),
          ],
          [t(L.reason), group.rebalanceReason || '—'],
          [t(L.topics), group.topics.join(', ')],
          [t(L.totalLag), group.totalLag],
        ]}
      />
      <Section title={`${t(L.members)} (${group.members.length})`}>
        <Members group={group} />
      </Section>
      <GroupActions group={group} />
      <Section title={t(L.offsets)}>
        <Offsets group={group} />
      </Section>
    </div>
  )
}
