// The inspector (the side panel's first tab): whatever the learner selected on the map — a
// broker, partition, producer, consumer, group, member or controller — in Kafka's words, with
// the actions that make Kafka work and fail. Every action is a timeline action (act), so a
// session can be replayed exactly.

import { lazy, Suspense } from 'react'
import { useSim } from '../store/sim-store.ts'
import { useUi } from '../store/ui-store.ts'
import { current } from '../host/engine-host.ts'
import { useT } from '../useT.ts'
import { Overview } from './inspector/Overview.tsx'
import './inspector.css'

// The details of a selection come in their own chunk (the first view shows the overview).
const SelectionDetails = lazy(() => import('./inspector/Details.tsx').then((m) => ({ default: m.SelectionDetails })))

const L = {
  title: { en: 'Inspector', ko: '상세' },
  back: { en: '← Overview', ko: '← 개요' },
  backLabel: { en: 'Clear the selection (Esc)', ko: '선택 해제 (Esc)' },
  opening: { en: 'Loading…', ko: '불러오는 중…' },
  loading: { en: 'No scenario is loaded.', ko: '불러온 시나리오가 없습니다.' },
}

export function Inspector() {
  const t = useT()
  const view = useSim((s) => s.view)
  const selection = useUi((s) => s.selection)
  const select = useUi((s) => s.select)
  const run = current()
  if (!run) return <p className="muted">{t(L.loading)}</p>
  if (!selection || !view) {
    return (
      <section className="inspector" aria-label={t(L.title)}>
        <Overview scenario={run.scenario} interventions={run.interventions} view={view} />
      </section>
    )
  }
  return (
    <section className="inspector" aria-label={t(L.title)}>
      <button type="button" className="insp-back" title={t(L.backLabel)} onClick={() => select(null)}>
        {t(L.back)}
      </button>
      <Suspense fallback={<p className="muted" role="status">{t(L.opening)}</p>}>
        <SelectionDetails selection={selection} view={view} />
      </Suspense>
    </section>
  )
}
