// The toolbar's "Compare" button: opens the side-by-side comparison of this run with one Kafka
// setting changed (acks, unclean leader election, assignor, idempotence).

import { useUi } from '../../store/ui-store.ts'
import { useSim } from '../../store/sim-store.ts'
import { useT } from '../../useT.ts'

// (the comparison's other texts, in ./text.ts, come with the comparison's own chunk)
const L = {
  button: { en: 'Compare', ko: '비교' },
  buttonHint: { en: 'Run this scenario twice, side by side, with one setting changed', ko: '이 시나리오를 설정 하나만 바꿔 두 번 실행하고 나란히 비교' },
}

export function CompareButton() {
  const t = useT()
  const open = useUi((s) => s.compareOpen)
  const loaded = useSim((s) => s.view !== null)
  return (
    <button
      type="button"
      data-testid="btn-compare"
      title={t(L.buttonHint)}
      aria-haspopup="dialog"
      aria-expanded={open}
      disabled={!loaded}
      onClick={() => useUi.getState().setCompareOpen(true)}
    >
      ⇆ {t(L.button)}
    </button>
  )
}
