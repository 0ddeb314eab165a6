// The plain summary page: which scenario is loaded, buttons that run it to a time, and the summary
// (CONTRACT §4) drawn as tables named the way Kafka's own tools name things.

import { ANOMALY_COUNTS } from '../sim/trace/summary-types.ts'
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { Anomaly, CheckReport, PartitionSummary, Summary } from '../sim/trace/summary-types.ts'
import { detectLocale, strings, type Locale, type Strings } from './i18n.ts'
import {
  builtInIds,
  current,
  currentSummary,
  DEFAULT_SCENARIO_ID,
  getVersion,
  isBuiltIn,
  loadBuiltIn,
  runTo,
  subscribe,
} from './kafkascope-api.ts'

/** Where the page opens: far enough in for the KRaft quorum to elect a controller and create topics. */
export const OPENING_MS = 10_000

/** A notice shown as role=alert; kept as data so it follows the language toggle. */
export type Notice =
  | { kind: 'unknownScenario'; id: string; known: string[] }
  | { kind: 'badSeed'; seed: string }
  | { kind: 'loadFailed'; message: string }

function noticeText(t: Strings, notice: Notice): string {
  switch (notice.kind) {
    case 'unknownScenario':
      return t.unknownScenario(notice.id, notice.known.join(', '))
    case 'badSeed':
      return t.badSeed(notice.seed)
    case 'loadFailed':
      return t.loadFailed(notice.message)
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Load a built-in scenario and run it to the opening time. */
export function openBuiltIn(id: string, seed?: number): void {
  loadBuiltIn(id, seed)
  const loaded = current()
  if (loaded) runTo(Math.min(OPENING_MS, loaded.scenario.durationMs))
}

/** Read `?scenario=<id>&seed=<n>` and open that run; returns the notices to show. */
export function startFromUrl(search: string): Notice[] {
  const params = new URLSearchParams(search)
  const notices: Notice[] = []
  let id = params.get('scenario') ?? DEFAULT_SCENARIO_ID
  if (!isBuiltIn(id)) {
    notices.push({ kind: 'unknownScenario', id, known: builtInIds() })
    id = DEFAULT_SCENARIO_ID
  }
  let seed: number | undefined
  const seedText = params.get('seed')
  if (seedText !== null && seedText !== '') {
    const parsed = Number(seedText)
    if (Number.isSafeInteger(parsed)) seed = parsed
    else notices.push({ kind: 'badSeed', seed: seedText })
  }
  try {
    openBuiltIn(id, seed)
  } catch (error) {
    notices.push({ kind: 'loadFailed', message: errorMessage(error) })
  }
  return notices
}

/** Wall-clock durations: "85 ms", "1.24 s". */
function formatWallMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}

export function formatMs(ms: number): string {
  const seconds = ms / 1000
  return Number.isInteger(seconds) ? `${seconds} s` : `${seconds.toFixed(3)} s`
}

const count = new Intl.NumberFormat('en-US')

function isInternal(partition: PartitionSummary): boolean {
  return partition.topic.startsWith('__')
}

function PartitionTable({ partitions, caption }: { partitions: PartitionSummary[]; caption?: string }) {
  return (
    <table className="partitions">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          <th>Topic</th>
          <th className="num">Partition</th>
          <th className="num">Leader</th>
          <th className="num">LeaderEpoch</th>
          <th>Replicas</th>
          <th>Isr</th>
          <th className="num">HW</th>
          <th>LEO (per replica)</th>
        </tr>
      </thead>
      <tbody>
        {partitions.map((p) => {
          const underReplicated = p.isr.length < p.replicas.length
          return (
            <tr
              key={`${p.topic}-${p.partition}`}
              data-testid={`partition-${p.topic}-${p.partition}`}
              data-leader={p.leader}
              data-isr={p.isr.join(',')}
              className={p.leader === -1 ? 'offline' : underReplicated ? 'under-replicated' : undefined}
            >
              <td>{p.topic}</td>
              <td className="num">{p.partition}</td>
              <td className="num">{p.leader === -1 ? <span className="none">none</span> : p.leader}</td>
              <td className="num">{p.leaderEpoch}</td>
              <td>{p.replicas.join(',')}</td>
              <td>{p.isr.join(',')}</td>
              <td className="num">{count.format(p.highWatermark)}</td>
              <td className="leo">
                {p.replicas.map((replica) => {
                  const leo = p.logEndOffsets[String(replica)]
                  return (
                    <span key={replica} className={leo !== undefined && leo < p.highWatermark ? 'behind' : undefined}>
                      {replica}: {leo === undefined ? '–' : count.format(leo)}
                    </span>
                  )
                })}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function errorList(errors: Record<string, number>) {
  const names = Object.keys(errors).sort()
  if (names.length === 0) return <span className="muted">–</span>
  return names.map((name) => (
    <span key={name} className="error-name">
      {name}: {count.format(errors[name])}
    </span>
  ))
}

const CHECK_NAMES: readonly (keyof CheckReport)[] = ANOMALY_COUNTS

function Checks({ checks, t }: { checks: CheckReport; t: Strings }) {
  return (
    <section className="card checks" data-testid="checks" data-ok={checks.ok}>
      <h3>{t.checks}</h3>
      <p className={checks.ok ? 'ok' : 'bad'}>{checks.ok ? t.checksOk : t.checksFailed}</p>
      <dl>
        {CHECK_NAMES.filter((name) => typeof checks[name] === 'number').map((name) => (
          <div key={name} className={(checks[name] as number) > 0 ? 'bad' : undefined}>
            <dt>{name}</dt>
            <dd>{count.format(checks[name] as number)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

const ANOMALIES_SHOWN = 5

function AnomalyItem({ anomaly }: { anomaly: Anomaly }) {
  return (
    <li>
      <strong>{anomaly.kind}</strong> @ {formatMs(anomaly.atMs)}: {anomaly.detail}
    </li>
  )
}

/** The checker's first anomalies: a few in full, the rest folded away. */
function Anomalies({ anomalies, t }: { anomalies: Anomaly[]; t: Strings }) {
  if (anomalies.length === 0) return null
  const shown = anomalies.slice(0, ANOMALIES_SHOWN)
  const folded = anomalies.slice(ANOMALIES_SHOWN)
  return (
    <section className="card anomalies-card" data-testid="anomalies">
      <h3>{t.firstAnomalies}</h3>
      <ol className="anomalies">
        {shown.map((anomaly, i) => (
          <AnomalyItem key={i} anomaly={anomaly} />
        ))}
      </ol>
      {folded.length > 0 ? (
        <details>
          <summary>{t.moreAnomalies(folded.length)}</summary>
          <ol className="anomalies" start={ANOMALIES_SHOWN + 1}>
            {folded.map((anomaly, i) => (
              <AnomalyItem key={i} anomaly={anomaly} />
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  )
}

function SummaryView({ summary, t }: { summary: Summary; t: Strings }) {
  const userPartitions = summary.partitions.filter((p) => !isInternal(p))
  const internalPartitions = summary.partitions.filter(isInternal)
  const readers = summary.readers ?? []
  const groups = summary.groups ?? []
  return (
    <>
      <div className="row">
        <section className="card brokers">
          <h3>{t.brokers}</h3>
          <ul className="broker-list">
            {summary.brokers.map((broker) => (
              <li key={broker.id} data-testid={`broker-${broker.id}`} data-state={broker.state} className={`broker ${broker.state}`}>
                <span className="broker-id">
                  {t.broker} {broker.id}
                </span>
                <span className="state">{broker.state}</span>
                {summary.controller.active === broker.id ? <span className="badge">{t.controllerBadge}</span> : null}
              </li>
            ))}
          </ul>
          <p className="controller" data-testid="controller" data-active={summary.controller.active} data-epoch={summary.controller.epoch}>
            {t.activeController}:{' '}
            <strong>
              {summary.controller.active === -1
                ? 'none'
                : typeof summary.controller.active === 'number'
                  ? `${t.broker} ${summary.controller.active}`
                  : summary.controller.active}
            </strong>{' '}
            · {t.epoch} {summary.controller.epoch} · {summary.controller.mode.toUpperCase()}
          </p>
        </section>
        <Checks checks={summary.checks} t={t} />
      </div>
      <Anomalies anomalies={summary.checks.first} t={t} />

      <section className="card">
        <h3>{t.partitions}</h3>
        {userPartitions.length === 0 && internalPartitions.length === 0 ? (
          <p className="muted">{t.noPartitions}</p>
        ) : (
          <PartitionTable partitions={userPartitions} />
        )}
        {internalPartitions.length > 0 ? (
          <details>
            <summary>{t.internalTopics(internalPartitions.length)}</summary>
            <PartitionTable partitions={internalPartitions} />
          </details>
        ) : null}
      </section>

      <section className="card">
        <h3>{t.producers}</h3>
        {summary.producers.length === 0 ? (
          <p className="muted">{t.noProducers}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>id</th>
                <th className="num">sent</th>
                <th className="num">acked</th>
                <th className="num">failed</th>
                <th>errors</th>
              </tr>
            </thead>
            <tbody>
              {summary.producers.map((producer) => (
                <tr key={producer.id} data-testid={`producer-${producer.id}`}>
                  <td>{producer.id}</td>
                  <td className="num">{count.format(producer.sent)}</td>
                  <td className="num">{count.format(producer.acked)}</td>
                  <td className={`num${producer.failed > 0 ? ' bad' : ''}`}>{count.format(producer.failed)}</td>
                  <td className="errors">{errorList(producer.errors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {readers.length > 0 ? (
        <section className="card">
          <h3>{t.readers}</h3>
          <table>
            <thead>
              <tr>
                <th>id</th>
                <th className="num">polled</th>
                <th>errors</th>
              </tr>
            </thead>
            <tbody>
              {readers.map((reader) => (
                <tr key={reader.id} data-testid={`reader-${reader.id}`}>
                  <td>{reader.id}</td>
                  <td className="num">{count.format(reader.polled)}</td>
                  <td className="errors">{errorList(reader.errors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {groups.length > 0 ? (
        <section className="card">
          <h3>{t.groups}</h3>
          <table>
            <thead>
              <tr>
                <th>GROUP</th>
                <th>STATE</th>
                <th className="num">generation</th>
                <th>protocol</th>
                <th className="num">coordinator</th>
                <th>members</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.groupId} data-testid={`group-${group.groupId}`} data-state={group.state} data-generation={group.generation}>
                  <td>{group.groupId}</td>
                  <td>{group.state}</td>
                  <td className="num">{group.generation}</td>
                  <td>{group.protocol}</td>
                  <td className="num">{group.coordinator}</td>
                  <td>
                    {Object.keys(group.members)
                      .sort()
                      .map((member) => `${member}: ${group.members[member].join(',') || '–'}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  )
}

export function App({ initialNotices }: { initialNotices: Notice[] }) {
  const [locale, setLocale] = useState<Locale>(detectLocale)
  const [notices, setNotices] = useState<Notice[]>(initialNotices)
  const [busy, setBusy] = useState(false)
  const [lastRunMs, setLastRunMs] = useState<number | null>(null)
  useSyncExternalStore(subscribe, getVersion)
  const t = strings[locale]

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  const loaded = current()
  const summary = currentSummary()

  /** Run outside the click handler's frame so the "running…" state paints first. */
  function runLater(work: () => void) {
    setBusy(true)
    window.setTimeout(() => {
      const started = performance.now()
      try {
        work()
        setLastRunMs(performance.now() - started)
      } catch (error) {
        setNotices((old) => [...old, { kind: 'loadFailed', message: errorMessage(error) }])
      } finally {
        setBusy(false)
      }
    }, 20)
  }

  function chooseScenario(id: string) {
    const url = new URL(window.location.href)
    url.searchParams.set('scenario', id)
    url.searchParams.delete('seed')
    window.history.replaceState(null, '', url)
    setNotices([])
    runLater(() => openBuiltIn(id))
  }

  const durationMs = loaded?.scenario.durationMs ?? 0
  const targets = [30_000, 60_000].filter((ms) => ms < durationMs)

  return (
    <div className="page">
      <header className="top">
        <div>
          <h1>kafkascope</h1>
          <p className="tagline">{t.tagline}</p>
        </div>
        <button type="button" className="lang" lang={locale === 'en' ? 'ko' : 'en'} onClick={() => setLocale(locale === 'en' ? 'ko' : 'en')}>
          {t.switchLanguage}
        </button>
      </header>

      <main>
        {notices.map((notice, i) => (
          <div key={i} role="alert" className="alert">
            {noticeText(t, notice)}
          </div>
        ))}

        {loaded && summary ? (
          <>
            <section className="card scenario">
              <div className="scenario-text">
                <label className="picker">
                  {t.scenario}{' '}
                  <select value={loaded.builtInId ?? ''} onChange={(event) => chooseScenario(event.target.value)} disabled={busy}>
                    {loaded.builtInId === null ? <option value="">{loaded.scenario.name}</option> : null}
                    {builtInIds().map((id) => (
                      <option key={id} value={id}>
                        {id}
                      </option>
                    ))}
                  </select>
                  <span className="muted">
                    {' '}
                    {t.seed} {loaded.seed}
                  </span>
                </label>
                <h2 data-testid="scenario-name">{loaded.scenario.name}</h2>
                <p className="description">{loaded.scenario.description}</p>
              </div>
              <div className="run">
                <div className="run-buttons" role="group" aria-label={t.runTo}>
                  <span>{t.runTo}</span>
                  {targets.map((ms) => (
                    <button key={ms} type="button" disabled={busy} onClick={() => runLater(() => runTo(ms))}>
                      {formatMs(ms)}
                    </button>
                  ))}
                  <button type="button" disabled={busy} onClick={() => runLater(() => runTo(durationMs))}>
                    {t.endOfScenario(formatMs(durationMs))}
                  </button>
                </div>
                <p className="clock">
                  {t.simTime}:{' '}
                  <output data-testid="sim-time" data-ms={summary.simTimeMs}>
                    {formatMs(summary.simTimeMs)}
                  </output>{' '}
                  <span className="muted">
                    · {count.format(summary.events)} {t.events}
                    {busy ? ` · ${t.running}` : lastRunMs !== null ? ` · ${t.ranIn(formatWallMs(lastRunMs))}` : ''}
                  </span>
                </p>
                <p className="hash">
                  {t.traceHash}: <code data-testid="trace-hash">{summary.traceHash}</code>
                </p>
              </div>
            </section>
            <SummaryView summary={summary} t={t} />
          </>
        ) : null}
      </main>
    </div>
  )
}
