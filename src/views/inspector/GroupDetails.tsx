// A consumer group in the inspector: the coordinator's view (state, generation or, for a KIP-848
// group, its group and target assignment epochs, the chosen assignor, EAGER, COOPERATIVE or KIP-848
// rebalancing), its members, committed offsets and LAG; and what an operator does to a group: add a
// consumer, change partition.assignment.strategy or group.remote.assignor (taken up by members that
// start afterwards, as with a redeploy) and kafka-consumer-groups --reset-offsets.

import { useState } from 'react'
import { type ConfigMap, type GroupCard, compareTp } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'
import { useT } from '../../useT.ts'
import { Fields, Section, SelectLink, type FieldRow } from './parts.tsx'
import { runAction } from './run-action.ts'
import { LAG_RULE } from '../lag-text.ts'

const L = {
  group: { en: 'Group', ko: '그룹' },
  state: { en: 'State', ko: '상태' },
  generation: { en: 'Generation', ko: 'Generation' },
  groupEpoch: { en: 'Group epoch', ko: '그룹 에포크' },
  assignmentEpoch: { en: 'Target assignment epoch', ko: '목표 할당 에포크' },
  remoteAssignor: { en: 'Set assignor', ko: '할당자 적용' },
  remoteHint: {
    en: 'KIP-848: the coordinator runs the assignor most members ask for. Like a redeploy, members that start afterwards ask for the new one: add consumers or restart the members.',
    ko: 'KIP-848: 코디네이터는 가장 많은 멤버가 요청한 할당자를 실행합니다. 재배포처럼, 그 뒤에 시작하는 멤버부터 새 할당자를 요청합니다. 컨슈머를 추가하거나 멤버를 재시작하세요.',
  },
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
/** What group.remote.assignor accepts (the broker's group.consumer.assignors). */
const REMOTE_ASSIGNORS = ['uniform', 'range']

function Members({ group }: { group: GroupCard }) {
  const t = useT()
  if (group.members.length === 0) return <p className="muted">{t(L.noMembers)}</p>
  return (
    <ul className="insp-list">
      {group.members.map((m) => (
        <li key={m.clientId}>
          <SelectLink to={{ kind: 'member', id: m.clientId }}>{m.clientId}</SelectLink>{' '}
          <span className="muted">
            {m.consumerState ?? m.state}
            {m.consumerState !== null ? ` · ${m.generation}` : ''}
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

/**
 * The assignor a group's members ask for: partition.assignment.strategy (classic: the members run
 * it) or group.remote.assignor (KIP-848: the coordinator runs it).
 */
function AssignorForm({ group }: { group: GroupCard }) {
  const t = useT()
  const g = group.groupId
  const consumer = group.type === 'consumer'
  const key = consumer ? 'group.remote.assignor' : 'partition.assignment.strategy'
  const choices = consumer ? REMOTE_ASSIGNORS : STRATEGIES
  const [choice, setChoice] = useState(choices[0]!)
  const config: ConfigMap = consumer ? { 'group.remote.assignor': choice } : { 'partition.assignment.strategy': choice.split(',') }
  return (
    <div className="insp-form">
      <label>
        <code>{key}</code>
        <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid={`inspector-group-${g}-strategy`}>
          {choices.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => runAction({ action: 'setConsumerConfig', groupId: g, config }, { en: `Set the assignor of ${g}`, ko: `${g} 할당자 변경` })}>
        {t(consumer ? L.remoteAssignor : L.strategy)}
      </button>
      <p className="insp-hint">{t(consumer ? L.remoteHint : L.strategyHint)}</p>
    </div>
  )
}

function GroupActions({ group }: { group: GroupCard }) {
  const t = useT()
  const g = group.groupId
  const [resetTo, setResetTo] = useState<'earliest' | 'latest'>('earliest')
  return (
    <Section title={t(L.actions)}>
      <div className="insp-actions">
        <button type="button" data-testid={`inspector-group-${g}-add`}
          onClick={() => runAction({ action: 'addConsumer', groupId: g }, { en: `Add a consumer to ${g}`, ko: `${g}에 컨슈머 추가` })}>
          + {t(L.add)}
        </button>
      </div>
      <AssignorForm group={group} />
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

/** A classic group's generation; a KIP-848 group's group epoch and target assignment epoch. */
function epochRows(group: GroupCard, t: (text: Text) => string): FieldRow[] {
  if (!group.consumer) return [[t(L.generation), group.generation]]
  return [
    [t(L.groupEpoch), group.consumer.groupEpoch],
    [t(L.assignmentEpoch), group.consumer.assignmentEpoch],
  ]
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
          ...epochRows(group, t),
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
