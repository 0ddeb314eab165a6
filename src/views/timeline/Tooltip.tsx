// What a timeline marker means: its category, its time, and its events in the UI's language.

import type { Text } from '../../i18n.ts'
import { formatSimTime } from '../../i18n.ts'
import { useT } from '../../useT.ts'
import { CATEGORIES } from './categories.ts'
import { internalCount, tooltipOrder, type MarkerCluster } from './cluster.ts'

const SHOWN = 4

const L = {
  scheduled: { en: 'scheduled', ko: '예정' },
  clickToGo: { en: 'Click or press Enter to go to this time', ko: '클릭하거나 Enter를 누르면 이 시각으로 이동' },
} satisfies Record<string, Text>

const countText = (n: number): Text => ({ en: `${n} events`, ko: `${n}건` })
/** Events of Kafka's internal topics, which the learner's topics list does not show. */
export const internalText = (n: number): Text => ({
  en: `${n} of them on __consumer_offsets, Kafka's internal topic for group offsets`,
  ko: `그중 ${n}건은 Kafka 내부 토픽 __consumer_offsets (그룹 오프셋 저장용)`,
})
const ownText = (n: number): Text => ({ en: `${n} on your topics`, ko: `사용자 토픽 ${n}건` })
const moreText = (n: number): Text => ({ en: `+${n} more`, ko: `외 ${n}건` })

export function timeText(c: MarkerCluster): string {
  return c.lastMs > c.atMs ? `${formatSimTime(c.atMs)} – ${formatSimTime(c.lastMs)}` : formatSimTime(c.atMs)
}

export function Tooltip({ id, cluster, left, bottom }: { id: string; cluster: MarkerCluster; left: number; bottom: number }) {
  const t = useT()
  const n = cluster.items.length
  const internal = internalCount(cluster)
  const ordered = tooltipOrder(cluster.items)
  const categories = [cluster.category, ...ordered.map((i) => i.category)].filter((c, i, all) => all.indexOf(c) === i)
  return (
    <div id={id} role="tooltip" className="tl-tooltip" style={{ left, bottom }} data-testid="timeline-tooltip">
      <div className="tl-tip-head">
        <strong>{categories.map((c) => t(CATEGORIES[c].label)).join(' · ')}</strong>
        {cluster.scheduled ? <span className="tl-tip-tag">{t(L.scheduled)}</span> : null}
        <span className="tl-tip-time">{timeText(cluster)}</span>
        {n > 1 ? <span className="tl-tip-count">{t(internal > 0 ? ownText(n - internal) : countText(n))}</span> : null}
      </div>
      <ul className="tl-tip-notes">
        {ordered.slice(0, SHOWN).map((item, i) => (
          <li key={i}>
            {n > 1 ? <span className="tl-tip-at">{formatSimTime(item.atMs)}</span> : null}
            {t(item.text)}
          </li>
        ))}
      </ul>
      {n > SHOWN ? <div className="tl-tip-more">{t(moreText(n - SHOWN))}</div> : null}
      {internal > 0 ? (
        <div className="tl-tip-internal" data-testid="timeline-tooltip-internal">
          {t(internalText(internal))}
        </div>
      ) : null}
      <div className="tl-tip-hint">{t(L.clickToGo)}</div>
    </div>
  )
}
