// The inspector with nothing selected: what this scenario is about (its name and description, in
// the learner's language when the scenario file has it),
// how to begin, and every broker, client and group as a button, so the whole cluster is reachable
// from the keyboard as well as from the map.

import { useState } from 'react'
import { scenarioText, type ClusterView, type Scenario, type TimelineAction, type ZooKeeperView } from '../../../sim/index.ts'
import { formatSimTime, type Text } from '../../i18n.ts'
import { useSim } from '../../store/sim-store.ts'
import { runChanges, type ChangeLine } from './run-changes.ts'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { Section, SelectLink } from './parts.tsx'
import { ZooKeeperLink } from './ZooKeeperDetails.tsx'

const L = {
  scenario: { en: 'Scenario', ko: '시나리오' },
  start: { en: 'How to begin', ko: '시작하기' },
  hints: [
    { en: 'Press Space to play or pause, → to process one event.', ko: 'Space로 재생/일시정지, →로 이벤트 하나씩 진행합니다.' },
    { en: 'Click a broker to see its replicas, crash it or cut its links.', ko: '브로커를 클릭하면 레플리카를 보고, 크래시하거나 링크를 끊을 수 있습니다.' },
    { en: 'Click a partition, a producer or a group member to change it here.', ko: '파티션, 프로듀서, 그룹 멤버를 클릭하면 여기서 바꿀 수 있습니다.' },
    { en: 'Press ? for the keyboard shortcuts and the legend.', ko: '?를 누르면 단축키와 범례를 볼 수 있습니다.' },
  ],
  zkHint: {
    en: 'Click a ZooKeeper server (zk-1, …) to see its znodes and sessions, crash it or restart it.',
    ko: 'ZooKeeper 서버(zk-1, …)를 클릭하면 znode와 세션을 보고, 크래시하거나 재시작할 수 있습니다.',
  },
  cluster: { en: 'In this cluster', ko: '이 클러스터에는' },
  brokers: { en: 'Brokers', ko: '브로커' },
  producers: { en: 'Producers', ko: '프로듀서' },
  readers: { en: 'Consumers (no group)', ko: '컨슈머 (그룹 없음)' },
  groups: { en: 'Consumer groups', ko: '컨슈머 그룹' },
  shareMembers: { en: 'Share consumers (KIP-932)', ko: '셰어 컨슈머 (KIP-932)' },
  controllers: { en: 'Controllers', ko: '컨트롤러' },
  zookeeper: { en: 'ZooKeeper', ko: 'ZooKeeper' },
  zkSection: { en: 'ZooKeeper (legacy mode)', ko: 'ZooKeeper (레거시 모드)' },
  zkController: { en: '/controller names broker {b}; controller epoch {e} (/controller_epoch)', ko: '/controller: 브로커 {b}, 컨트롤러 에포크 {e} (/controller_epoch)' },
  zkNoController: { en: 'No /controller now: no broker is the controller', ko: '지금은 /controller가 없음: 컨트롤러인 브로커 없음' },
  more: { en: 'Read all', ko: '전체 읽기' },
  less: { en: 'Show less', ko: '접기' },
  mine: { en: 'What you changed', ko: '직접 바꾼 것' },
  mineNote: {
    en: 'The description above tells the scenario as written; this run also has your changes.',
    ko: '위 설명은 원래 시나리오입니다. 이 실행에는 직접 바꾼 것도 들어 있습니다.',
  },
  upcoming: { en: 'Still to come in the scenario', ko: '시나리오에 남은 일' },
  requests: (n: number): Text => ({
    en: `${n} ${n === 1 ? 'request' : 'requests'} from real clients through kafkascope serve, each an input of the run`,
    ko: `kafkascope serve로 들어온 실제 클라이언트 요청 ${n}개 (각각 실행의 입력으로 기록됨)`,
  }),
}

/** The person's changes so far and the scenario's actions still to come, with their times. */
function RunChangesSection({ scenario, interventions, view }: { scenario: Scenario; interventions: readonly TimelineAction[]; view: ClusterView | null }) {
  const t = useT()
  const nowMs = useSim((s) => s.nowMs)
  // a served run's real clients' requests (kafkascope serve) are many: one line says how many
  const faults = interventions.filter((a) => a.action !== 'clientRequest')
  const requests = interventions.length - faults.length === 0 ? 0 : interventions.filter((a) => a.action === 'clientRequest' && a.atMs <= nowMs).length
  const { mine, upcoming } = runChanges(scenario.timeline, faults, nowMs, view)
  const line = (c: ChangeLine, i: number) => (
    <li key={i}>
      <span className="mono">{formatSimTime(c.atMs)}</span> {t(c.text)}
      {c.moot ? <span className="insp-moot"> ({t(c.moot)})</span> : null}
    </li>
  )
  return (
    <>
      {mine.length > 0 || requests > 0 ? (
        <Section title={t(L.mine)}>
          <p className="insp-note">{t(L.mineNote)}</p>
          <ul className="insp-list" data-testid="run-changes-mine">
            {requests > 0 ? <li data-testid="run-changes-requests">{t(L.requests(requests))}</li> : null}
            {mine.map(line)}
          </ul>
        </Section>
      ) : null}
      {upcoming.length > 0 ? (
        <Section title={t(L.upcoming)}>
          <ul className="insp-list" data-testid="run-changes-upcoming">
            {upcoming.map(line)}
          </ul>
        </Section>
      ) : null}
    </>
  )
}

/** The scenario's story, a few lines at first so the hints stay in view. */
function Description({ text }: { text: string }) {
  const t = useT()
  const [expanded, setExpanded] = useState(false)
  return (
    <>
      <p className={expanded ? 'insp-description' : 'insp-description clamped'} data-testid="inspector-description">
        {text}
      </p>
      {text.length > 280 ? (
        <button type="button" className="insp-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {t(expanded ? L.less : L.more)}
        </button>
      ) : null}
    </>
  )
}

function Row({ title, children }: { title: string; children: React.ReactNode[] }) {
  if (children.length === 0) return null
  return (
    <div className="insp-field">
      <dt>{title}</dt>
      <dd className="insp-chips">{children}</dd>
    </div>
  )
}

function ClusterIndex({ view }: { view: ClusterView }) {
  const t = useT()
  return (
    <dl className="insp-fields">
      <Row title={t(L.brokers)}>
        {view.brokers.map((b) => (
          <SelectLink key={b.id} to={{ kind: 'broker', id: b.id }} label={`${t(L.brokers)} ${b.id}`}>
            {b.id}
          </SelectLink>
        ))}
      </Row>
      <Row title={t(L.controllers)}>
        {view.controllers.map((c) => (
          <SelectLink key={c.id} to={{ kind: 'controller', id: c.id }} label={`${t(L.controllers)} ${c.id}`}>
            {c.id}
          </SelectLink>
        ))}
      </Row>
      <Row title={t(L.zookeeper)}>
        {(view.zookeeper?.servers ?? []).map((s) => (
          <SelectLink key={s.id} to={{ kind: 'zookeeper', id: s.id }} label={`${t(L.zookeeper)} ${s.id}`}>
            {s.id}
          </SelectLink>
        ))}
      </Row>
      <Row title={t(L.producers)}>
        {view.producers.map((p) => (
          <SelectLink key={p.id} to={{ kind: 'producer', id: p.id }}>
            {p.id}
          </SelectLink>
        ))}
      </Row>
      <Row title={t(L.readers)}>
        {view.readers.map((r) => (
          <SelectLink key={r.id} to={{ kind: 'reader', id: r.id }}>
            {r.id}
          </SelectLink>
        ))}
      </Row>
      <Row title={t(L.groups)}>
        {view.groups.map((g) => (
          <SelectLink key={g.groupId} to={{ kind: 'group', id: g.groupId }}>
            {g.groupId}
          </SelectLink>
        ))}
      </Row>
      <Row title={t(L.shareMembers)}>
        {view.shareGroups.flatMap((g) =>
          g.members.map((m) => (
            <SelectLink key={m.clientId} to={{ kind: 'member', id: m.clientId }}>
              {m.clientId}
            </SelectLink>
          )),
        )}
      </Row>
    </dl>
  )
}

/** In ZooKeeper mode: who /controller names, and the way to the znodes and sessions. */
function ZooKeeperSummary({ view, zk }: { view: ClusterView; zk: ZooKeeperView }) {
  const t = useT()
  const line =
    zk.controllerBroker === null
      ? L.zkNoController
      : {
          en: L.zkController.en.replace('{b}', String(zk.controllerBroker)).replace('{e}', String(view.controllerEpoch)),
          ko: L.zkController.ko.replace('{b}', String(zk.controllerBroker)).replace('{e}', String(view.controllerEpoch)),
        }
  return (
    <Section title={t(L.zkSection)}>
      <p className="insp-note" data-testid="inspector-zk-summary">
        {t(line)}
      </p>
      <ZooKeeperLink zk={zk} />
    </Section>
  )
}

export function Overview({ scenario, interventions, view }: { scenario: Scenario; interventions: readonly TimelineAction[]; view: ClusterView | null }) {
  const t = useT()
  const locale = useUi((s) => s.locale)
  const text = scenarioText(scenario, locale)
  return (
    <div className="insp-body" data-testid="inspector-overview">
      <h2 className="insp-title">{text.name}</h2>
      <Description key={scenario.name} text={text.description} />
      <RunChangesSection scenario={scenario} interventions={interventions} view={view} />
      <Section title={t(L.start)}>
        <ul className="insp-list">
          {(view?.zookeeper ? [...L.hints.slice(0, 2), L.zkHint, ...L.hints.slice(2)] : L.hints).map((h) => (
            <li key={h.en}>{t(h)}</li>
          ))}
        </ul>
      </Section>
      {view ? (
        <Section title={t(L.cluster)}>
          <ClusterIndex view={view} />
        </Section>
      ) : null}
      {view?.zookeeper ? <ZooKeeperSummary view={view} zk={view.zookeeper} /> : null}
    </div>
  )
}
