// The groups panel (side panel, "Groups" tab): every consumer group as its coordinator and its
// members see it, with Kafka's names, and a rebalance shown while it runs: with EAGER every
// partition stops, with COOPERATIVE only those that move; then every share group (KIP-932) with
// what each member holds in flight and each share partition's window [SPSO, SPEO]. Rows come from
// the published view's group and share group cards each time the store publishes a new version.

import { useMemo } from 'react'
import { useSim } from '../store/sim-store.ts'
import { useT } from '../useT.ts'
import { describeGroup } from './groups/describe.ts'
import { GroupSection } from './groups/GroupSection.tsx'
import { ShareGroupSection } from './groups/ShareGroupSection.tsx'
import { G } from './groups/text.ts'
import './groups-panel.css'
import './share-states.css'

export function GroupsPanel() {
  const t = useT()
  const view = useSim((s) => s.view)
  const groups = useMemo(() => (view ? view.groups.map((card) => ({ card, rows: describeGroup(card) })) : []), [view])
  if (!view) return <p className="muted">{t(G.noRun)}</p>
  return (
    <div className="gp">
      <h2 className="visually-hidden">{t(G.title)}</h2>
      {groups.length === 0 && view.shareGroups.length === 0 ? <p className="muted">{t(G.none)}</p> : null}
      {groups.map(({ card, rows }) => (
        <GroupSection key={card.groupId} card={card} rows={rows} />
      ))}
      {view.shareGroups.map((card) => (
        <ShareGroupSection key={card.groupId} card={card} />
      ))}
    </div>
  )
}
