// Real Kafka clients of kafkascope serve on the map (ClusterView.externals): labelled as real
// clients by the client.id they sent and their node (kafkajs · ext-1). A connection that produced
// is a producer card on the left with its record count; one that joined a group is that group's
// member on the right (its member id as the coordinator has it, <client.id>-<uuid>, its partitions,
// the records its client fetched); one that only fetched is a consumer card (externalLayout). A
// connection its broker reset (the broker crashed) says so in words. The cards carry data-node, so
// the message flow reaches them.

import type { ExternalClientCard } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'
import { useT } from '../../useT.ts'
import { compactPartitions } from './format.ts'
import { L as MAP } from './texts.ts'

export const X = {
  real: { en: 'real client', ko: '실제 클라이언트' },
  realHint: {
    en: 'A real Kafka client connected through kafkascope serve: what it sends comes from outside, as recorded inputs of the run',
    ko: 'kafkascope serve로 연결한 실제 Kafka 클라이언트입니다. 이 클라이언트가 보내는 요청은 밖에서 들어와 실행의 입력으로 기록됩니다',
  },
  produced: { en: 'produced', ko: '전송' },
  fetched: { en: 'fetched', ko: '수신' },
  records: { en: 'records', ko: '레코드' },
  reset: { en: 'connection reset', ko: '연결 끊김' },
  resetHint: {
    en: 'Its broker reset the connection (the broker crashed): the client reconnects, as a new client of serve',
    ko: '브로커가 연결을 끊었습니다 (브로커 크래시). 클라이언트는 serve의 새 클라이언트로 다시 연결합니다',
  },
  joining: { en: 'joining', ko: '참여 중' },
  realGroup: { en: 'real consumers', ko: '실제 컨슈머' },
  generation: { en: 'generation', ko: '세대' },
  others: (n: number): Text => ({
    en: `+ ${n} more ${n === 1 ? 'connection' : 'connections'} of real clients (metadata only)`,
    ko: `+ 실제 클라이언트 연결 ${n}개 더 (메타데이터만)`,
  }),
}

/** How a real client is named on the map: "kafkajs · ext-1" (its node alone without a client.id). */
export function externalLabel(c: ExternalClientCard): string {
  return c.clientId ? `${c.clientId} · ${c.id}` : c.id
}

function ResetFlag({ c }: { c: ExternalClientCard }) {
  const t = useT()
  return c.connected ? null : (
    <span className="client-state" title={t(X.resetHint)}>
      ✕ {t(X.reset)}
    </span>
  )
}

function Title({ c }: { c: ExternalClientCard }) {
  const t = useT()
  return (
    <span className="client-title">
      <span className="client-id">{externalLabel(c)}</span>
      <span className="real-tag" title={t(X.realHint)}>
        {t(X.real)}
      </span>
      <ResetFlag c={c} />
    </span>
  )
}

export function ExternalProducerCard({ client: c }: { client: ExternalClientCard }) {
  const t = useT()
  // (a producer connection: it has produced)
  return (
    <div
      className={`client-card producer-card external-card${c.connected ? '' : ' client-down'}`}
      data-node={c.id}
      data-node-kind="external"
      data-testid={`external-${c.id}`}
      role="group"
      aria-label={`${t(X.real)} ${externalLabel(c)}`}
    >
      <Title c={c} />
      <span className="client-line num-line">
        {t(X.produced)} {c.produced} {t(X.records)}
      </span>
    </div>
  )
}

export function ExternalReaderCard({ client: c }: { client: ExternalClientCard }) {
  const t = useT()
  return (
    <div
      className={`client-card reader-card external-card${c.connected ? '' : ' client-down'}`}
      data-node={c.id}
      data-node-kind="external"
      data-testid={`external-reader-${c.id}`}
      role="group"
      aria-label={`${t(X.real)} ${externalLabel(c)}`}
    >
      <Title c={c} />
      <span className="client-line num-line">
        {t(X.fetched)} {c.fetched} {t(X.records)}
      </span>
    </div>
  )
}

/** The real clients that joined one group, under the group's state as its coordinator has it. */
export function ExternalGroupCard({ group }: { group: ExternalGroup }) {
  const t = useT()
  const known = group.members.find((m) => m.client.member !== null)?.client.member ?? null
  return (
    <div
      className="group-card external-group"
      data-testid={`external-group-${group.groupId}`}
      data-state={known?.groupState ?? ''}
      role="group"
      aria-label={`${group.groupId} · ${t(X.realGroup)}`}
    >
      <div className="group-head external-head">
        <span className="client-id">{group.groupId}</span>
        {known ? <span className={`group-state state-${known.groupState}`}>{known.groupState}</span> : null}
        <span className="real-tag" title={t(X.realHint)}>
          {t(X.realGroup)}
        </span>
        {known ? (
          <span className="group-meta">
            {t(X.generation)} {known.generation}
          </span>
        ) : null}
      </div>
      <ul className="members">
        {group.members.map(({ client: c, fetched }) => (
          <li key={c.id}>
            <div className={`member${c.connected ? '' : ' member-down'}`} data-node={c.id} data-node-kind="external" data-testid={`external-member-${c.id}`}>
              <span className="member-id">{externalLabel(c)}</span>
              <ResetFlag c={c} />
              {c.member ? (
                <span className="member-parts">{c.member.assignment.length ? compactPartitions(c.member.assignment) : t(MAP.noPartitions)}</span>
              ) : (
                <span className="member-flag">{t(X.joining)}</span>
              )}
              <span className="member-parts num-line">
                {t(X.fetched)} {fetched}
              </span>
              {c.member ? (
                <span className="member-parts member-uuid" title={c.member.memberId}>
                  {c.member.memberId}
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function OtherConnections({ count }: { count: number }) {
  const t = useT()
  if (count === 0) return null
  return (
    <span className="muted small-text" data-testid="external-others" title={t(X.realHint)}>
      {t(X.others(count))}
    </span>
  )
}

export interface ExternalGroup {
  groupId: string
  /** each connection that joined, with the records its client fetched over its other connections too */
  members: { client: ExternalClientCard; fetched: number }[]
}

/**
 * Where each real client shows. Kafka clients open a connection per broker and serve makes each
 * one a node: a consumer joins its group over one connection and fetches over others, all with its
 * client.id. So: a connection that produced is a producer card; one that joined a group is that
 * group's member, and fetches over connections of the same client.id count as its own; a
 * connection that fetched for no member is a consumer card; the rest (metadata only) are counted.
 * Connections reset without a membership left behind are not shown.
 */
export function externalLayout(externals: readonly ExternalClientCard[]): {
  producers: ExternalClientCard[]
  groups: ExternalGroup[]
  readers: ExternalClientCard[]
  others: number
} {
  const producers = externals.filter((c) => c.produced > 0)
  const joined = externals.filter((c) => c.groupId !== null && (c.connected || c.member !== null))
  const memberClientIds = new Set(joined.map((c) => c.clientId).filter((id) => id !== null))
  const plainFetch = externals.filter((c) => c.groupId === null && c.fetched > 0)
  const groups: ExternalGroup[] = []
  for (const c of joined) {
    const fetched = c.fetched + plainFetch.filter((f) => c.clientId !== null && f.clientId === c.clientId).reduce((n, f) => n + f.fetched, 0)
    const g = groups.find((x) => x.groupId === c.groupId)
    if (g) g.members.push({ client: c, fetched })
    else groups.push({ groupId: c.groupId!, members: [{ client: c, fetched }] })
  }
  const readers = plainFetch.filter((c) => c.clientId === null || !memberClientIds.has(c.clientId))
  const others = externals.filter((c) => c.connected && c.produced === 0 && c.fetched === 0 && c.groupId === null).length
  return { producers, groups, readers, others }
}
