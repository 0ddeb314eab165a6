// The toolbar's "Compare" button: opens the side-by-side comparison of this run with one Kafka
// setting changed (acks, unclean leader election, assignor, idempotence).

import { useUi } from '../../store/ui-store.ts'
import { useSim } from '../../store/sim-store.ts'
import { useT } from '../../useT.ts'
import { L } from './text.ts'

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
