// The map's legend in one line: the four replica roles as they look on a chip, and the message
// kinds with toggles (produce, replication and consume on; group, controller and metadata traffic
// off until a learner asks for it; in ZooKeeper mode controller traffic is ZooKeeper's and
// the controller's LeaderAndIsr).

import { useT } from '../../useT.ts'
import type { ReplicaRole } from '../../../sim/index.ts'
import { KINDS } from './flow-aggregator.ts'
import { ROLE_MARK } from './format.ts'
import { KIND_HINT, KIND_HINT_ZOOKEEPER, KIND_TEXT, L, ROLE_SHORT } from './texts.ts'

const ROLES: ReplicaRole[] = ['leader', 'insync', 'outofsync', 'offline']

export function Legend({ enabled, onToggle, zooKeeper = false }: { enabled: boolean[]; onToggle: (kind: number) => void; zooKeeper?: boolean }) {
  const t = useT()
  const hints = zooKeeper ? KIND_HINT_ZOOKEEPER : KIND_HINT
  return (
    <div className="cmap-legend" role="group" aria-label={t(L.legend)}>
      <span className="legend-roles">
        {ROLES.map((role) => (
          <span key={role} className="legend-item">
            <span className={`chip chip-${role} legend-chip`} aria-hidden="true">
              {ROLE_MARK[role] || '○'}
            </span>
            {t(ROLE_SHORT[role])}
          </span>
        ))}
      </span>
      <span className="legend-kinds" title={t(L.dotNumbers)}>
        {KINDS.map((kind, i) => (
          <button
            key={kind}
            type="button"
            className={`kind-toggle kind-${kind}`}
            aria-pressed={enabled[i]}
            title={`${t(L.showKind)}: ${t(hints[i])}`}
            data-kind={kind}
            onClick={() => onToggle(i)}
          >
            <span className="kind-swatch" aria-hidden="true" />
            {t(KIND_TEXT[i])}
          </button>
        ))}
        <span className="legend-item">
          <span className="error-swatch" aria-hidden="true">✚</span>
          {t(L.errorMarker)}
        </span>
      </span>
    </div>
  )
}
