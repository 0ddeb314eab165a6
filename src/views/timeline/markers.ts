// Where the timeline's markers come from: the run's notes (Kafka-worded events as they happened),
// the checkers' anomalies grouped by cause (lost acknowledged writes of an UNCLEAN election, ...), and the
// scenario's own timeline actions still ahead of the playhead ("scheduled"), so a learner sees
// what is coming. Notes only grow while a run goes forward, so they are categorised once each.

import { formatEvent, isInternalPartitionEvent, type Note, type SimEvent, type AnomalyGroup, type TimelineAction } from '../../../sim/index.ts'
import { categorizeEvent } from './categories.ts'
import type { MarkerItem } from './cluster.ts'
import type { Text } from '../../i18n.ts'
import { groupText } from '../anomaly-text.ts'
import { actionText } from '../action-text.ts'

/** Categorises a run's notes incrementally; a new notes array (a new or rewound run) starts over. */
export class NoteMarkers {
  private notes: readonly Note[] | null = null
  private seen = 0
  private items: MarkerItem[] = []

  update(notes: readonly Note[]): MarkerItem[] {
    if (notes !== this.notes || notes.length < this.seen) {
      this.notes = notes
      this.seen = 0
      this.items = []
    }
    if (this.seen === notes.length) return this.items
    const items = this.items.slice()
    for (let i = this.seen; i < notes.length; i++) {
      const n = notes[i]
      const category = categorizeEvent(n)
      if (category) items.push({ atMs: n.atMs, category, text: eventText(n), internal: isInternalPartitionEvent(n), scheduled: false })
    }
    this.seen = notes.length
    this.items = items
    return items
  }
}

/** An event in both languages. */
export function eventText(e: SimEvent): Text {
  return { en: formatEvent(e, 'en'), ko: formatEvent(e, 'ko') }
}

/** One marker per group of anomalies with one cause (599 lost writes of one election: one marker). */
export function anomalyMarkers(groups: readonly AnomalyGroup[], nowMs: number): MarkerItem[] {
  return groups
    .filter((g) => g.atMs <= nowMs)
    .map((g) => ({ atMs: g.atMs, category: 'anomaly', text: groupText(g), internal: false, scheduled: false }))
}

/** The scenario's actions after now (those at or before now are already notes). */
export function scheduledMarkers(timeline: readonly TimelineAction[], nowMs: number): MarkerItem[] {
  return timeline
    .filter((a) => a.atMs > nowMs)
    .map((a) => ({ atMs: a.atMs, category: 'fault', text: actionText(a), internal: false, scheduled: true }))
}
