// A broker in the inspector: its state as the controller sees it (alive, fenced after
// broker.session.timeout.ms without heartbeats, crashed, isolated), its KRaft role (in ZooKeeper
// mode: whether it holds /controller, its ZooKeeper session and /brokers/ids/<id>), the groups it
// coordinates, its replicas with their roles, and the faults a learner can inject into it.

import { useState } from 'react'
import type { BrokerCard, ClusterView, ZooKeeperView } from '../../../sim/index.ts'
import { formatSimTime, type Text } from '../../i18n.ts'
import { useT } from '../../useT.ts'
import { Fields, Section, SelectLink, type FieldRow } from './parts.tsx'
import { BROKER_STATE, REPLICA_ROLE } from './roles.ts'
import { runAction } from './run-action.ts'

const L = {
  broker: { en: 'Broker', ko: '브로커' },
  state: { en: 'State', ko: '상태' },
  kraft: { en: 'KRaft role', ko: 'KRaft 역할' },
  activeController: { en: 'active controller (voter)', ko: '활성 컨트롤러 (voter)' },
  voter: { en: 'voter (combined mode)', ko: 'voter (combined 모드)' },
  brokerOnly: { en: 'broker only', ko: '브로커 전용' },
  coordinatorOf: { en: 'Group coordinator of', ko: '그룹 코디네이터' },
  none: { en: 'none', ko: '없음' },
  leaders: { en: 'Leaders', ko: 'Leader 수' },
  preferredOf: { en: 'preferred leader of', ko: 'preferred leader' },
  replicas: { en: 'Replicas on this broker', ko: '이 브로커의 레플리카' },
  partition: { en: 'Partition', ko: '파티션' },
  role: { en: 'Role', ko: '역할' },
  preferred: { en: 'preferred leader', ko: 'preferred leader' },
  faults: { en: 'Faults', ko: '장애 주입' },
  crash: { en: 'Crash', ko: '크래시' },
  restart: { en: 'Restart', ko: '재시작' },
  shutdown: { en: 'Shut down (controlled)', ko: '정상 종료 (controlled shutdown)' },
  addBroker: { en: 'Add a broker', ko: '브로커 추가' },
  addBrokerHint: {
    en: 'A new broker (the next id) joins the cluster: it registers and catches up, then hosts nothing until partitions are moved to it (addBroker)',
    ko: '새 브로커(다음 id)가 클러스터에 합류합니다: 등록하고 따라잡지만, 파티션을 옮겨 주기 전까지는 아무것도 맡지 않습니다 (addBroker)',
  },
  shutdownHint: {
    en: 'Controlled shutdown: the broker hands its leaderships over and leaves the ISRs, then stops (shutdownBroker)',
    ko: '제어된 종료: 브로커가 리더 역할을 넘기고 ISR에서 빠진 뒤 멈춥니다 (shutdownBroker)',
  },
  isolate: { en: 'Isolate from the network', ko: '네트워크에서 고립' },
  heal: { en: 'Heal network', ko: '네트워크 복구' },
  linkTo: { en: 'Link to broker', ko: '대상 브로커' },
  cut: { en: 'Cut link', ko: '링크 끊기' },
  delay: { en: 'Extra latency', ko: '추가 지연' },
  slow: { en: 'Slow link', ko: '링크 느리게' },
  elect: { en: 'Elect preferred leaders', ko: 'preferred leader 선출' },
  zkControllerLabel: { en: 'Controller', ko: '컨트롤러' },
  zkController: { en: 'yes: it created /controller (controller epoch {epoch})', ko: '예: /controller를 만듦 (컨트롤러 에포크 {epoch})' },
  zkStaleController: {
    en: 'no longer running, but /controller still names it until ZooKeeper expires its session',
    ko: '실행 중이 아니지만, ZooKeeper가 세션을 만료할 때까지 /controller에 이름이 남아 있음',
  },
  zkNotController: { en: 'no (another broker holds /controller)', ko: '아니오 (다른 브로커가 /controller를 가짐)' },
  zkSessionLabel: { en: 'ZooKeeper session', ko: 'ZooKeeper 세션' },
  zkSession: { en: '{id} on {server}; expires at {at} unless heard from', ko: '{server}의 {id}; 응답이 없으면 {at}에 만료' },
  zkNoSession: { en: 'none (expired, or not connected yet)', ko: '없음 (만료됨, 또는 아직 연결 전)' },
  zkNoZnode: { en: 'absent: the controller counts it as down', ko: '없음: 컨트롤러는 다운으로 봄' },
  zkOnlyCrash: {
    en: 'ZooKeeper mode (legacy): kafkascope models brokers failing and the controller\'s failover here; controlled shutdown, preferred elections and new brokers run in KRaft mode only.',
    ko: 'ZooKeeper 모드(레거시): 여기서는 브로커 장애와 컨트롤러 장애 조치만 모델링합니다. 제어된 종료, preferred 선출, 브로커 추가는 KRaft 모드에서만 됩니다.',
  },
  electHint: {
    en: 'Moves leadership back to the first replica of each partition (kafka-leader-election --election-type PREFERRED).',
    ko: '각 파티션의 리더를 Replicas의 첫 번째 브로커로 되돌립니다 (kafka-leader-election --election-type PREFERRED).',
  },
}

const DELAYS_MS = [100, 500, 2000]

function Replicas({ broker }: { broker: BrokerCard }) {
  const t = useT()
  if (broker.replicas.length === 0) return <p className="muted">{t(L.none)}</p>
  return (
    <table className="insp-table">
      <thead>
        <tr>
          <th scope="col">{t(L.partition)}</th>
          <th scope="col">{t(L.role)}</th>
        </tr>
      </thead>
      <tbody>
        {broker.replicas.map((r) => (
          <tr key={r.tp}>
            <td>
              <SelectLink to={{ kind: 'partition', topic: r.topic, partition: r.partition }}>{r.tp}</SelectLink>
            </td>
            <td>
              <span className={`insp-role role-${r.role}`}>
                <span aria-hidden="true">{REPLICA_ROLE[r.role].glyph}</span> {t(REPLICA_ROLE[r.role].text)}
              </span>
              {r.preferred && r.role !== 'leader' ? <span className="muted"> · {t(L.preferred)}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function LinkFaults({ broker, others }: { broker: BrokerCard; others: number[] }) {
  const t = useT()
  const [peer, setPeer] = useState(others[0] ?? 0)
  const [delay, setDelay] = useState(DELAYS_MS[1]!)
  if (others.length === 0) return null
  const between: [number, number] = [broker.id, peer]
  return (
    <div className="insp-form">
      <label>
        {t(L.linkTo)}
        <select value={peer} onChange={(e) => setPeer(Number(e.target.value))} data-testid={`inspector-broker-${broker.id}-peer`}>
          {others.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid={`inspector-broker-${broker.id}-cut`}
        onClick={() => runAction({ action: 'cutLink', between }, { en: `Cut link ${broker.id}–${peer}`, ko: `${broker.id}–${peer} 링크 끊기` })}
      >
        ✂ {t(L.cut)}
      </button>
      <label>
        {t(L.delay)}
        <select value={delay} onChange={(e) => setDelay(Number(e.target.value))}>
          {DELAYS_MS.map((ms) => (
            <option key={ms} value={ms}>
              +{ms} ms
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid={`inspector-broker-${broker.id}-slow`}
        onClick={() =>
          runAction({ action: 'slowLink', between, extraLatencyMs: delay }, { en: `Slow link ${broker.id}–${peer}`, ko: `${broker.id}–${peer} 링크 느리게` })
        }
      >
        {t(L.slow)}
      </button>
    </div>
  )
}

function Faults({ broker, view }: { broker: BrokerCard; view: ClusterView }) {
  const t = useT()
  const id = broker.id
  const name = { en: `broker ${id}`, ko: `브로커 ${id}` }
  const crashed = broker.state === 'crashed' || broker.state === 'stopped'
  const others = view.brokers.map((b) => b.id).filter((b) => b !== id)
  // controlled shutdown, preferred elections and new brokers go through the KRaft controller only
  const kraft = view.controllerMode === 'kraft'
  return (
    <Section title={t(L.faults)}>
      <div className="insp-actions">
        <button type="button" className="danger" disabled={crashed} data-testid={`inspector-broker-${id}-crash`}
          onClick={() => runAction({ action: 'crashBroker', broker: id }, { en: `Crash ${name.en}`, ko: `${name.ko} 다운` })}>
          ✕ {t(L.crash)}
        </button>
        {kraft ? (
          <button type="button" disabled={crashed || broker.state === 'shuttingDown'} data-testid={`inspector-broker-${id}-shutdown`} title={t(L.shutdownHint)}
            onClick={() => runAction({ action: 'shutdownBroker', broker: id }, { en: `Shut down ${name.en}`, ko: `${name.ko} 정상 종료` })}>
            ⏻ {t(L.shutdown)}
          </button>
        ) : null}
        <button type="button" disabled={!crashed} data-testid={`inspector-broker-${id}-restart`}
          onClick={() => runAction({ action: 'restartBroker', broker: id }, { en: `Restart ${name.en}`, ko: `${name.ko} 재시작` })}>
          ↻ {t(L.restart)}
        </button>
        <button type="button" disabled={broker.state === 'isolated'} data-testid={`inspector-broker-${id}-isolate`}
          onClick={() => runAction({ action: 'isolate', node: broker.node }, { en: `Isolate ${name.en}`, ko: `${name.ko} 고립` })}>
          {t(L.isolate)}
        </button>
        <button type="button" data-testid={`inspector-broker-${id}-heal`}
          onClick={() => runAction({ action: 'healNetwork' }, { en: 'Heal network', ko: '네트워크 복구' })}>
          {t(L.heal)}
        </button>
      </div>
      <LinkFaults broker={broker} others={others} />
      {kraft ? (
        <>
          <div className="insp-actions">
            <button type="button" data-testid={`inspector-broker-${id}-elect`}
              onClick={() => runAction({ action: 'electPreferredLeaders' }, { en: 'Elect preferred leaders', ko: 'preferred leader 선출' })}>
              {t(L.elect)}
            </button>
            <button type="button" data-testid="inspector-add-broker" title={t(L.addBrokerHint)}
              onClick={() => runAction({ action: 'addBroker' }, { en: 'Add a broker', ko: '브로커 추가' })}>
              + {t(L.addBroker)}
            </button>
          </div>
          <p className="insp-hint">{t(L.electHint)}</p>
        </>
      ) : (
        <p className="insp-hint">{t(L.zkOnlyCrash)}</p>
      )}
    </Section>
  )
}

function kraftRole(broker: BrokerCard) {
  if (broker.activeController) return L.activeController
  if (broker.voter) return L.voter
  return L.brokerOnly
}

/** "{epoch}" and the like filled in, in both languages. */
function fill(text: Text, values: Record<string, string | number>): Text {
  const put = (x: string) => x.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]))
  return { en: put(text.en), ko: put(text.ko) }
}

/** In ZooKeeper mode: whether the broker is the controller (through /controller), and its ZooKeeper session. */
function zooKeeperRows(broker: BrokerCard, view: ClusterView, zk: ZooKeeperView): [Text, Text][] {
  const role = broker.activeController
    ? fill(L.zkController, { epoch: view.controllerEpoch })
    : zk.controllerBroker === broker.id
      ? L.zkStaleController
      : L.zkNotController
  const sessions = zk.sessions.filter((x) => x.broker === broker.id)
  const lines = sessions.map((x) => fill(L.zkSession, { id: x.id, server: x.server, at: formatSimTime(x.deadlineMs) }))
  const session = lines.length === 0 ? L.zkNoSession : { en: lines.map((x) => x.en).join('; '), ko: lines.map((x) => x.ko).join('; ') }
  const znode = zk.znodes.find((z) => z.path === `/brokers/ids/${broker.id}`)
  return [
    [L.zkControllerLabel, role],
    [L.zkSessionLabel, session],
    [{ en: `/brokers/ids/${broker.id}`, ko: `/brokers/ids/${broker.id}` }, znode ? { en: znode.data, ko: znode.data } : L.zkNoZnode],
  ]
}

export function BrokerDetails({ broker, view }: { broker: BrokerCard; view: ClusterView }) {
  const t = useT()
  const zk = view.zookeeper
  const state = BROKER_STATE[broker.state]
  return (
    <div className="insp-body" data-testid="inspector-broker" data-id={broker.id} data-state={broker.state}>
      <h2 className="insp-title">
        {t(L.broker)} {broker.id}
        <span className={`insp-badge state-${broker.state}`} data-testid="inspector-broker-state">
          <span aria-hidden="true">{state.glyph}</span> {t(state.text)}
        </span>
      </h2>
      <Fields
        rows={[
          ...(zk ? zooKeeperRows(broker, view, zk).map(([label, value]): FieldRow => [t(label), t(value)]) : [[t(L.kraft), t(kraftRole(broker))] as FieldRow]),
          [
            t(L.coordinatorOf),
            broker.coordinatorOf.length === 0
              ? t(L.none)
              : broker.coordinatorOf.map((g) => (
                  <SelectLink key={g} to={{ kind: 'group', id: g }}>
                    {g}
                  </SelectLink>
                )),
          ],
          [t(L.leaders), `${broker.leaders} (${t(L.preferredOf)}: ${broker.preferredLeaders})`],
        ]}
      />
      <Faults broker={broker} view={view} />
      <Section title={t(L.replicas)}>
        <Replicas broker={broker} />
      </Section>
    </div>
  )
}
