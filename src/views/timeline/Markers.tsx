// The timeline's markers: one glyph per (clustered) event, in its category's row. Each is a button
// for the keyboard too: Tab reaches the row of markers once, arrow keys move between markers in
// time order (a roving tabindex), Enter or Space goes to the marker's time. Hovering or focusing
// a marker shows what happened (the tooltip).

import { useMemo, useRef, type KeyboardEvent } from 'react'
import { formatSimTime } from '../../i18n.ts'
import { useT } from '../../useT.ts'
import { CATEGORIES } from './categories.ts'
import { internalCount, tooltipOrder, type MarkerCluster } from './cluster.ts'
import { internalText } from './Tooltip.tsx'
import { glyph } from './glyph.ts'
import type { TimelineLayout } from './layout.ts'

interface Props {
  clusters: readonly MarkerCluster[]
  layout: TimelineLayout
  /** the cluster whose tooltip is open (hover or focus) */
  tipKey: string | null
  tipId: string
  focusKey: string | null
  onTip(key: string | null): void
  onFocusKey(key: string): void
  onGo(ms: number): void
}

const scheduledText = { en: 'scheduled', ko: '예정' }

export function Markers({ clusters, layout, tipKey, tipId, focusKey, onTip, onFocusKey, onGo }: Props) {
  const t = useT()
  const refs = useRef(new Map<string, SVGGElement>())
  const inTimeOrder = useMemo(() => [...clusters].sort((a, b) => a.atMs - b.atMs || a.x - b.x), [clusters])
  const tabKey = focusKey && clusters.some((c) => c.key === focusKey) ? focusKey : inTimeOrder[0]?.key

  function move(from: MarkerCluster, e: KeyboardEvent) {
    const i = inTimeOrder.indexOf(from)
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: inTimeOrder.length - 1 }[e.key]
    if (to === undefined) return false
    const next = inTimeOrder[Math.min(inTimeOrder.length - 1, Math.max(0, to))]
    onFocusKey(next.key)
    refs.current.get(next.key)?.focus()
    return true
  }

  function onKeyDown(c: MarkerCluster, e: KeyboardEvent) {
    if (e.key === 'Enter' || e.key === ' ') onGo(c.atMs)
    else if (e.key === 'Escape') onTip(null)
    else if (!move(c, e)) return
    // handled here: the page's shortcuts (→ steps, Space plays) must not see it
    e.preventDefault()
    e.stopPropagation()
  }

  return (
    <g className="tl-markers">
      {clusters.map((c) => {
        const info = CATEGORIES[c.category]
        const { d, rotate } = glyph(info.shape, layout.glyphPx * (c.category === 'unclean' ? 1.35 : 1))
        const n = c.items.length
        // the count is of the learner's own topics; Kafka's internal ones are told apart in the tooltip
        const internal = internalCount(c)
        const own = n - internal
        const first = tooltipOrder(c.items)[0]
        const label = `${t(info.label)}${c.scheduled ? ` (${t(scheduledText)})` : ''}, ${formatSimTime(c.atMs)}: ${own > 1 ? `${own} × ` : ''}${t(first.text)}${internal > 0 ? ` (${t(internalText(internal))})` : ''}`
        return (
          <g
            key={c.key}
            ref={(el) => {
              if (el) refs.current.set(c.key, el)
              else refs.current.delete(c.key)
            }}
            className={`tl-marker cat-${c.category}${c.scheduled ? ' scheduled' : ''}${own === 0 ? ' internal-only' : ''}`}
            transform={`translate(${c.x},${layout.laneY[c.lane] ?? 0})`}
            role="button"
            tabIndex={c.key === tabKey ? 0 : -1}
            aria-label={label}
            aria-describedby={tipKey === c.key ? tipId : undefined}
            data-ms={c.atMs}
            data-category={c.category}
            data-scheduled={c.scheduled}
            data-count={own}
            data-internal={internal}
            data-testid="timeline-marker"
            onMouseEnter={() => onTip(c.key)}
            onMouseLeave={() => onTip(null)}
            onFocus={() => {
              onFocusKey(c.key)
              onTip(c.key)
            }}
            onBlur={() => onTip(null)}
            onClick={(e) => {
              e.stopPropagation()
              onGo(c.atMs)
            }}
            onKeyDown={(e) => onKeyDown(c, e)}
          >
            <rect className="tl-hit" x={-layout.pitch / 2} y={-layout.pitch / 2} width={n > 1 ? layout.clusterGapPx - 2 : layout.pitch} height={layout.pitch} />
            <path d={d} transform={rotate ? `rotate(${rotate})` : undefined} style={{ fill: c.scheduled ? undefined : info.color }} />
            {own > 1 ? (
              <text x={layout.glyphPx / 2 + 2} dy="0.35em" className="tl-count">
                {own}
              </text>
            ) : null}
          </g>
        )
      })}
    </g>
  )
}
