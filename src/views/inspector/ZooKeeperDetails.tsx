// The legacy ZooKeeper mode (Kafka 3.x, removed in 4.0) in the inspector: a ZooKeeper server zk-N
// with its mode (leader, follower, looking for a quorum) or down, the sessions connected to it and
// Crash / Restart (the crashZooKeeper and restartZooKeeper timeline actions); and what the
// ensemble holds for Kafka: the brokers' sessions with the time ZooKeeper expires each unless it
// hears from its broker, and the znodes with their data, as Kafka writes them (/controller,
// /controller_epoch, the ephemeral /brokers/ids/<id> with the session that owns it, each topic's
// /brokers/topics/<topic> and its partitions' state znodes). User topics come first; an internal
// topic's (__consumer_offsets has 50 partitions) are folded into one line until opened.

import { isInternalTopic, type ClusterView, type ZooKeeperServerCard, type ZooKeeperView } from '../../../sim/index.ts'
import { formatSimTime, type Text } from '../../i18n.ts'
import { useT } from '../../useT.ts'
import { formatLeft, zooKeeperWaits } from '../cluster-map/countdowns.ts'
import { ZK_ROLE } from '../cluster-map/texts.ts'
import { Fields, Section, SelectLink } from './parts.tsx'
import { runAction } from './run-action.ts'

const L = {
  server: { en: 'ZooKeeper server', ko: 'ZooKeeper 서버' },
  legacy: { en: 'ZooKeeper mode — legacy: Kafka 3.x, removed in 4.0', ko: 'ZooKeeper 모드 — 레거시: Kafka 3.x, 4.0에서 제거' },
  mode: { en: 'Mode', ko: '모드 (Mode)' },
  ensemble: { en: 'Ensemble', ko: '앙상블' },
  quorum: { en: 'quorum: a majority follows leader {leader}', ko: '쿼럼 있음: 과반이 리더 {leader}을(를) 따름' },
  noQuorum: { en: 'no quorum: nothing can be read or written', ko: '쿼럼 없음: 아무것도 읽거나 쓸 수 없음' },
  clients: { en: 'Sessions here', ko: '연결된 세션' },
  none: { en: 'none', ko: '없음' },
  faults: { en: 'Faults', ko: '장애 주입' },
  crash: { en: 'Crash', ko: '크래시' },
  restart: { en: 'Restart', ko: '재시작' },
  faultHint: {
    en: 'While a majority of the servers run and reach each other, ZooKeeper serves; without one it serves nothing: no session expires, no controller is elected, nothing in ZooKeeper changes.',
    ko: '서버 과반이 실행 중이고 서로 닿는 동안에만 ZooKeeper가 요청을 처리합니다. 과반이 없으면 아무것도 처리하지 않습니다: 세션이 만료되지 않고, 컨트롤러를 뽑지 못하고, ZooKeeper의 어떤 것도 바뀌지 않습니다.',
  },
  sessions: { en: 'Brokers\' sessions', ko: '브로커 세션' },
  sessionsHint: {
    en: 'The ensemble\'s leader expires a session it has heard nothing from for its timeout (zookeeper.session.timeout.ms), checking once a tick (tickTime={tick}); the session\'s ephemeral znodes go with it.',
    ko: '앙상블 리더는 타임아웃(zookeeper.session.timeout.ms) 동안 아무것도 듣지 못한 세션을 만료시킵니다. 확인은 tick마다 한 번(tickTime={tick})이고, 세션의 임시(ephemeral) znode도 함께 삭제됩니다.',
  },
  noExpiry: {
    en: 'No quorum: the ensemble has no leader, so no session expires; once a majority is back, the new leader starts every session\'s timeout afresh.',
    ko: '쿼럼 없음: 앙상블에 리더가 없어 어떤 세션도 만료되지 않습니다. 과반이 돌아오면 새 리더가 모든 세션의 타임아웃을 처음부터 다시 셉니다.',
  },
  session: { en: 'Session', ko: '세션' },
  broker: { en: 'Broker', ko: '브로커' },
  heard: { en: 'Last heard', ko: '마지막 응답' },
  expires: { en: 'Expires at', ko: '만료 시각' },
  silent: { en: 'silent: {left} left', ko: '응답 없음: {left} 남음' },
  serverCol: { en: 'Server', ko: '서버' },
  noSessions: { en: 'No sessions.', ko: '세션이 없습니다.' },
  znodes: { en: 'znodes', ko: 'znode' },
  znodesHint: {
    en: 'What Kafka keeps in ZooKeeper, as zookeeper-shell would print it (get <path>). An ephemeral znode lives as long as the session that owns it.',
    ko: 'Kafka가 ZooKeeper에 두는 것입니다. zookeeper-shell의 get <path>가 보여 주는 그대로입니다. 임시(ephemeral) znode는 그것을 가진 세션이 살아 있는 동안만 있습니다.',
  },
  ephemeral: { en: 'ephemeral, owner', ko: '임시, 소유 세션' },
  folded: { en: '{n} partition state znodes', ko: '파티션 state znode {n}개' },
  open: { en: 'Open the ZooKeeper data (znodes, sessions)', ko: 'ZooKeeper 데이터 보기 (znode, 세션)' },
}

function fill(text: Text, values: Record<string, string | number>): Text {
  const put = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]))
  return { en: put(text.en), ko: put(text.ko) }
}

type Znode = ZooKeeperView['znodes'][number]

/** The topic a znode belongs to (/brokers/topics/<topic>...), or null. */
function topicOf(path: string): string | null {
  const m = /^\/brokers\/topics\/([^/]+)/.exec(path)
  return m ? m[1] : null
}

/** The znodes in the order a learner reads them: Kafka's own, then user topics', then internal topics' (folded). */
export function znodeGroups(znodes: readonly Znode[]): { plain: Znode[]; internal: { topic: string; znodes: Znode[] }[] } {
  const plain: Znode[] = []
  const user: Znode[] = []
  const internal = new Map<string, Znode[]>()
  for (const z of znodes) {
    const topic = topicOf(z.path)
    if (topic === null) plain.push(z)
    else if (!isInternalTopic(topic)) user.push(z)
    else internal.set(topic, [...(internal.get(topic) ?? []), z])
  }
  return { plain: [...plain, ...user], internal: [...internal].map(([topic, list]) => ({ topic, znodes: list })) }
}

function ZnodeItem({ z, view }: { z: Znode; view: ClusterView }) {
  const t = useT()
  const owner = z.ephemeralOwner !== null ? view.zookeeper?.sessions.find((s) => s.id === z.ephemeralOwner) : undefined
  return (
    <li className="insp-znode" data-path={z.path} data-ephemeral-owner={z.ephemeralOwner ?? ''}>
      <code className="insp-znode-path">{z.path}</code>
      {z.ephemeralOwner !== null ? (
        <span className="insp-znode-owner">
          {t(L.ephemeral)} <code>{z.ephemeralOwner}</code>
          {owner ? ` (${t(L.broker)} ${owner.broker})` : ''}
        </span>
      ) : null}
      <code className="insp-znode-data">{z.data}</code>
    </li>
  )
}

function Znodes({ view, zk }: { view: ClusterView; zk: ZooKeeperView }) {
  const t = useT()
  const { plain, internal } = znodeGroups(zk.znodes)
  return (
    <Section title={t(L.znodes)}>
      <p className="insp-note">{t(L.znodesHint)}</p>
      <ul className="insp-znodes" data-testid="inspector-znodes">
        {plain.map((z) => (
          <ZnodeItem key={z.path} z={z} view={view} />
        ))}
      </ul>
      {internal.map((g) => {
        const states = g.znodes.filter((z) => z.path.endsWith('/state')).length
        return (
          <details key={g.topic} className="insp-znodes-folded" data-testid={`inspector-znodes-${g.topic}`}>
            <summary>
              <code>/brokers/topics/{g.topic}</code> · {t(fill(L.folded, { n: states }))}
            </summary>
            <ul className="insp-znodes">
              {g.znodes.map((z) => (
                <ZnodeItem key={z.path} z={z} view={view} />
              ))}
            </ul>
          </details>
        )
      })}
    </Section>
  )
}

function Sessions({ view, zk }: { view: ClusterView; zk: ZooKeeperView }) {
  const t = useT()
  const silent = new Set(zooKeeperWaits(view).map((s) => s.id))
  return (
    <Section title={t(L.sessions)}>
      <p className="insp-note">{t(fill(L.sessionsHint, { tick: zk.tickTimeMs }))}</p>
      {zk.quorum ? null : <p className="insp-warn" data-testid="inspector-zk-no-expiry">{t(L.noExpiry)}</p>}
      {zk.sessions.length === 0 ? (
        <p className="muted">{t(L.noSessions)}</p>
      ) : (
        <table className="insp-table" data-testid="inspector-zk-sessions">
          <thead>
            <tr>
              <th scope="col">{t(L.session)}</th>
              <th scope="col">{t(L.broker)}</th>
              <th scope="col">{t(L.serverCol)}</th>
              <th scope="col" className="num">{t(L.heard)}</th>
              <th scope="col" className="num">{t(L.expires)}</th>
            </tr>
          </thead>
          <tbody>
            {zk.sessions.map((s) => (
              <tr key={s.id} data-session={s.id} data-broker={s.broker} className={silent.has(s.id) ? 'insp-silent' : undefined}>
                <td>
                  <code>{s.id}</code>
                </td>
                <td>
                  <SelectLink to={{ kind: 'broker', id: s.broker }}>{s.broker}</SelectLink>
                </td>
                <td>{s.server}</td>
                <td className="num">{formatSimTime(s.lastHeardMs)}</td>
                <td className="num" title={`zookeeper.session.timeout.ms=${s.timeoutMs}`}>
                  {formatSimTime(s.deadlineMs)}
                  {silent.has(s.id) ? (
                    <span className="insp-warn insp-silent-left" data-testid="inspector-zk-session-left">
                      {t(fill(L.silent, { left: t(formatLeft(s.deadlineMs - view.nowMs)) }))}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  )
}

/** The brokers' sessions and the znodes: on a server's page, and wherever the ensemble is shown. */
export function ZooKeeperData({ view, zk }: { view: ClusterView; zk: ZooKeeperView }) {
  return (
    <>
      <Sessions view={view} zk={zk} />
      <Znodes view={view} zk={zk} />
    </>
  )
}

/** A link to the ZooKeeper data: the page of the ensemble's leader (else its first server). */
export function ZooKeeperLink({ zk }: { zk: ZooKeeperView }) {
  const t = useT()
  const to = zk.servers.find((s) => s.role === 'leader') ?? zk.servers[0]
  if (!to) return null
  return <SelectLink to={{ kind: 'zookeeper', id: to.id }}>{t(L.open)}</SelectLink>
}

export function ZooKeeperServerDetails({ server, view, zk }: { server: ZooKeeperServerCard; view: ClusterView; zk: ZooKeeperView }) {
  const t = useT()
  const role = ZK_ROLE[server.role]
  const down = server.role === 'down'
  const leader = zk.servers.find((s) => s.role === 'leader')
  const here = zk.sessions.filter((s) => s.server === server.id)
  const name = { en: `ZooKeeper server ${server.id}`, ko: `ZooKeeper 서버 ${server.id}` }
  return (
    <div className="insp-body" data-testid="inspector-zookeeper" data-id={server.id} data-role={server.role}>
      <h2 className="insp-title">
        {t(L.server)} {server.id}
        <span className={`insp-badge zk-role-${server.role}`} data-testid="inspector-zk-role" title={t(role.hint)}>
          {role.glyph ? <span aria-hidden="true">{role.glyph}</span> : null} {t(role.text)}
        </span>
      </h2>
      <p className="insp-legacy legacy-label">{t(L.legacy)}</p>
      <Fields
        rows={[
          [t(L.mode), t(role.hint)],
          [t(L.ensemble), zk.quorum && leader ? t(fill(L.quorum, { leader: leader.id })) : t(L.noQuorum)],
          [t(L.clients), here.length === 0 ? t(L.none) : here.map((s) => `${s.id} (${t(L.broker)} ${s.broker})`).join(', ')],
        ]}
      />
      <Section title={t(L.faults)}>
        <div className="insp-actions">
          <button type="button" className="danger" disabled={down} data-testid={`inspector-zk-${server.id}-crash`}
            onClick={() => runAction({ action: 'crashZooKeeper', server: server.id }, { en: `Crash ${name.en}`, ko: `${name.ko} 크래시` })}>
            ✕ {t(L.crash)}
          </button>
          <button type="button" disabled={!down} data-testid={`inspector-zk-${server.id}-restart`}
            onClick={() => runAction({ action: 'restartZooKeeper', server: server.id }, { en: `Restart ${name.en}`, ko: `${name.ko} 재시작` })}>
            ↻ {t(L.restart)}
          </button>
        </div>
        <p className="insp-hint">{t(L.faultHint)}</p>
      </Section>
      <ZooKeeperData view={view} zk={zk} />
    </div>
  )
}
