// What the checker found, in plain words: lost acknowledged writes, duplicates, divergent replicas,
// two leaders in one epoch, ... grouped by cause (summary checks.grouped): one entry per election
// or fault that lost records, with the partition, the offsets and the count, not one per record.
// Clicking one takes the run to the moment it happened and selects the partition involved, so its
// replicas and records are in front of the learner.

import { useEffect, useState } from 'react'
import { parseTopicPartition, type TopicPartition, type Anomaly, type AnomalyGroup } from '../../sim/index.ts'
import { useSim } from '../store/sim-store.ts'
import { useUi } from '../store/ui-store.ts'
import { useT } from '../useT.ts'
import { formatSimTime } from '../i18n.ts'
import { current, currentSummary } from '../host/engine-host.ts'
import { seek } from '../host/playback.ts'
import { EXPLAIN, groupExample, groupHeadline, groupedOf } from './anomaly-text.ts'
import './anomaly-list.css'

const L = {
  title: { en: 'What the checker found', ko: '검사기가 찾은 문제' },
  none: { en: 'No anomaly so far: every acknowledged write is there, once, in order.', ko: '아직 이상 없음: 확인된 모든 쓰기가 한 번씩, 순서대로 있습니다.' },
  go: { en: 'Go to this moment', ko: '이 시점으로 이동' },
}

/** The partition an anomaly is about (its `tp`), when it is one of `topics`. */
export function partitionOf(a: Pick<Anomaly, 'tp'>, topics: readonly string[]): TopicPartition | null {
  const p = a.tp === undefined ? null : parseTopicPartition(a.tp)
  return p && topics.includes(p.topic) ? p : null
}

export function AnomalyList() {
  const t = useT()
  const version = useSim((s) => s.version)
  const view = useSim((s) => s.view)
  const [found, setFound] = useState<AnomalyGroup[]>([])
  useEffect(() => {
    if (!current()) return
    const id = setTimeout(() => setFound(groupedOf(currentSummary().checks)), 150)
    return () => clearTimeout(id)
  }, [version])
  const topics = view ? view.topics.filter((x) => !x.internal).map((x) => x.name) : []
  function go(a: AnomalyGroup) {
    seek(a.atMs)
    const p = partitionOf(a, topics)
    if (p) {
      useUi.getState().setTopic(p.topic)
      useUi.getState().select({ kind: 'partition', ...p })
    }
  }
  return (
    <section className="anomalies" aria-labelledby="anomalies-title">
      <h2 id="anomalies-title">{t(L.title)}</h2>
      {found.length === 0 ? <p className="muted">{t(L.none)}</p> : null}
      <ol>
        {found.map((a, i) => (
          <li key={i} data-testid={`anomaly-${i}`} data-kind={a.kind} data-at={a.atMs} data-count={a.count}>
            <button type="button" onClick={() => go(a)} aria-label={`${t(groupHeadline(a))}: ${t(L.go)}`}>
              <span className="anomaly-name">✖ {t(EXPLAIN[a.kind].name)}</span>
              <span className="anomaly-time mono">{formatSimTime(a.atMs)}</span>
            </button>
            <p className="anomaly-headline">{t(groupHeadline(a))}</p>
            <p className="anomaly-why">{t(EXPLAIN[a.kind].why)}</p>
            <p className="anomaly-detail mono">{t(groupExample(a))}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}
