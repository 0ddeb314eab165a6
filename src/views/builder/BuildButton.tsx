// The toolbar's "Build" button: opens the scenario builder, prefilled from the scenario on the
// page. The builder itself is loaded on demand (React.lazy), so it adds nothing to the page's
// first load.

import { lazy, Suspense, useState } from 'react'
import { useSim } from '../../store/sim-store.ts'
import { useT } from '../../useT.ts'

const BuilderDialog = lazy(() => import('./BuilderDialog.tsx'))

const L = {
  button: { en: 'Build', ko: '만들기' },
  hint: {
    en: 'Build your own cluster: brokers, topics, producers and consumer groups, starting from this scenario',
    ko: '직접 클러스터 만들기: 지금 시나리오에서 시작해 브로커, 토픽, 프로듀서, 컨슈머 그룹을 정합니다',
  },
}

export function BuildButton() {
  const t = useT()
  const [open, setOpen] = useState(false)
  const loaded = useSim((s) => s.view !== null)
  return (
    <>
      <button type="button" data-testid="btn-build" title={t(L.hint)} aria-haspopup="dialog" aria-expanded={open} disabled={!loaded} onClick={() => setOpen(true)}>
        {t(L.button)}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <BuilderDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  )
}
