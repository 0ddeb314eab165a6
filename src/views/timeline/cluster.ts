// Dense markers become one marker with a count. A busy cluster (the benchmark has hundreds of ISR
// changes) would otherwise draw markers on top of each other: within one timeline row, markers
// closer than a marker's width to the start of a cluster join it. The cluster sits at its first
// marker's time (clicking it goes there) and shows its most important category (an UNCLEAN
// election wins over a clean one).

import type { Text } from '../../i18n.ts'
import { CATEGORIES, type Category, type Lane } from './categories.ts'

export interface MarkerItem {
  atMs: number
  category: Category
  /** the event's text in both languages (or an anomaly's detail, or a scheduled action) */
  text: Text
  /** about a Kafka-internal topic's partition (__consumer_offsets-N): listed after user topics */
  internal: boolean
  /** a scenario action still ahead of the playhead */
  scheduled: boolean
}

export interface MarkerCluster {
  /** stable while the cluster's first marker stays the same (React key, focus) */
  key: string
  lane: Lane
  category: Category
  scheduled: boolean
  atMs: number
  lastMs: number
  x: number
  items: MarkerItem[]
}

function rowKey(item: MarkerItem): string {
  return `${CATEGORIES[item.category].lane}${item.scheduled ? ':scheduled' : ''}`
}

function worse(a: Category, b: Category): Category {
  return CATEGORIES[b].rank > CATEGORIES[a].rank ? b : a
}

/** Cluster markers row by row; `xOf` maps simulated ms to pixels. Result in (row, time) order. */
export function clusterMarkers(items: readonly MarkerItem[], xOf: (ms: number) => number, minGapPx: number): MarkerCluster[] {
  const rows = new Map<string, MarkerItem[]>()
  for (const item of items) {
    const key = rowKey(item)
    const row = rows.get(key)
    if (row) row.push(item)
    else rows.set(key, [item])
  }
  const out: MarkerCluster[] = []
  for (const key of [...rows.keys()].sort()) {
    const row = [...rows.get(key)!].sort((a, b) => a.atMs - b.atMs)
    let open: MarkerCluster | null = null
    for (const item of row) {
      const x = xOf(item.atMs)
      if (open && x - open.x < minGapPx) {
        open.items.push(item)
        open.lastMs = item.atMs
        open.category = worse(open.category, item.category)
        continue
      }
      open = {
        key: `${key}@${item.atMs}`,
        lane: CATEGORIES[item.category].lane,
        category: item.category,
        scheduled: item.scheduled,
        atMs: item.atMs,
        lastMs: item.atMs,
        x,
        items: [item],
      }
      out.push(open)
    }
  }
  return out
}

/** A cluster's markers as its tooltip lists them: the most important category first (an UNCLEAN
 *  election before clean ones), user topics before Kafka's internal __consumer_offsets, then time. */
export function tooltipOrder(items: readonly MarkerItem[]): MarkerItem[] {
  const internal = (i: MarkerItem) => (i.internal ? 1 : 0)
  return [...items].sort((a, b) => CATEGORIES[b.category].rank - CATEGORIES[a.category].rank || internal(a) - internal(b) || a.atMs - b.atMs)
}

/** How many of a cluster's markers are about Kafka's internal topics (__consumer_offsets). */
export function internalCount(c: MarkerCluster): number {
  let n = 0
  for (const item of c.items) if (item.internal) n++
  return n
}
