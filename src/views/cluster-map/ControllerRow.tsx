// Dedicated KRaft controllers (process.roles=controller) as their own small row above the
// brokers: each voter's Raft role (Leader, Follower, Candidate, Down) and the active controller.
// In combined mode the voters are brokers, and their cards carry this instead.

import type { ControllerCard } from '../../../sim/index.ts'
import { useUi } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'
import { L } from './texts.ts'

export function ControllerRow({ controllers, active }: { controllers: ControllerCard[]; active: string | null }) {
  const t = useT()
  const selection = useUi((s) => s.selection)
  return (
    <div className="controller-row" role="group" aria-label={t(L.controllers)}>
      <span className="column-title">{t(L.controllers)}</span>
      {controllers.map((c) => {
        const selected = selection?.kind === 'controller' && selection.id === c.id
        return (
          <button
            key={c.id}
            type="button"
            className={`controller-node${c.up ? '' : ' controller-down'}${c.id === active ? ' controller-active' : ''}${selected ? ' selected' : ''}`}
            data-node={c.id}
            data-node-kind="controller"
            aria-pressed={selected}
            onClick={() => useUi.getState().select({ kind: 'controller', id: c.id })}
          >
            {c.id === active ? '♛ ' : c.up ? '' : '✕ '}
            {c.id} {c.role}
          </button>
        )
      })}
    </div>
  )
}
