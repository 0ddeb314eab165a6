// The groups panel (side panel, "Groups" tab): every consumer group as its coordinator and its
// members see it, with Kafka's names, and a rebalance shown while it runs: with EAGER every
// partition stops, with COOPERATIVE only those that move. Rows come from the published view's group
// cards each time the store publishes a new version.

import { useMemo } from 'react'
import { useSim } from '../store/sim-store.ts'
import { useT } from '../useT.ts'
import { describeGroup } from './groups/describe.ts'
import { GroupSection } from './groups/GroupSection.tsx'
import { G } from './groups/text.ts'
import './groups-panel.css'

export function GroupsPanel() {
  const t = useT()
  const view = useSim((s) => s.view)
  const groups = useMemo(() => (view ? view.groups.map((card) => ({ card, rows: describeGroup(card) })) : []), [view])
  if (!view) return <p className="muted">{t(G.noRun)}</p>
  return (
    <div className="gp">
      <h2 className="visually-hidden">{t(G.title)}</h2>
      {groups.length === 0 ? <p className="muted">{t(G.none)}</p> : null}
      {groups.map(({ card, rows }) => (
        <GroupSection key={card.groupId} card={card} rows={rows} />
      ))}
    </div>
  )
}
