// Cause and effect on the cluster map: the countdowns of what Kafka is waiting out (countdowns.ts)
// and the callouts of what just happened (callouts.ts), each drawn inside the card it is about,
// stacked so none covers another. Callouts come from the run's new notes as the playhead moves
// forward and fade after a few seconds of wall time (no fade, just appear and go, when the person
// prefers reduced motion); going back in time clears them.

import { useEffect, useRef } from 'react'
import { create } from 'zustand'
import { mayLoseRecords, runNotes, type ClusterView, type SimEvent } from '../../../sim/index.ts'
import { current, currentSummary } from '../../host/engine-host.ts'
import { useT } from '../../useT.ts'
import type { Text } from '../../i18n.ts'
import { CALLOUT_SHOW_MS, calloutsOf, lostCallout, targetKey, type Callout, type CalloutTarget } from './callouts.ts'
import type { Countdown } from './countdowns.ts'

interface Shown extends Callout {
  shownAt: number
}

const useCallouts = create<{ list: Shown[] }>(() => ({ list: [] }))

/** How many callouts stay on the whole map at once (a big jump shows only the newest). */
const MAX_SHOWN = 12

function addCallouts(list: Callout[], wallNow: number): void {
  if (list.length === 0) return
  const next = [...useCallouts.getState().list, ...list.map((c) => ({ ...c, shownAt: wallNow }))]
  useCallouts.setState({ list: next.slice(-MAX_SHOWN) })
}

function prune(wallNow: number): void {
  const list = useCallouts.getState().list
  const kept = list.filter((c) => wallNow - c.shownAt < CALLOUT_SHOW_MS)
  if (kept.length !== list.length) useCallouts.setState({ list: kept })
}

/** Watches the run's notes as the view moves and turns new ones into callouts. */
export function useCalloutFeed(view: ClusterView | null): void {
  const seen = useRef<{ notes: readonly SimEvent[] | null; index: number; nowMs: number; lost: number }>({ notes: null, index: 0, nowMs: 0, lost: 0 })
  useEffect(() => {
    const run = current()
    if (!view || !run) return
    const notes = runNotes(run.sim) as readonly SimEvent[]
    const s = seen.current
    if (s.notes !== notes || view.nowMs < s.nowMs) {
      // a new run, or time travel: start from here, without replaying what came before
      const firstNew = s.notes === null ? notes.length : notes.findIndex((n) => n.atMs > view.nowMs)
      seen.current = { notes, index: firstNew < 0 ? notes.length : firstNew, nowMs: view.nowMs, lost: s.notes === notes ? s.lost : 0 }
      useCallouts.setState({ list: [] })
      return
    }
    const leaders = new Map(view.partitions.map((p) => [p.tp, p.leader]))
    const fresh = calloutsOf(notes, s.index, view.nowMs, (tp) => leaders.get(tp) ?? -1)
    let unclean: CalloutTarget | null = null
    for (let i = s.index; i < notes.length; i++) {
      const e = notes[i]
      if (e.type === 'LeaderElected' && mayLoseRecords(e) && e.to >= 0) unclean = { kind: 'broker', id: e.to }
    }
    s.index = notes.length
    s.nowMs = view.nowMs
    const wallNow = performance.now()
    addCallouts(fresh, wallNow)
    if (unclean) {
      const lost = lostSoFar()
      if (lost > s.lost) addCallouts([lostCallout(lost - s.lost, `lost${lost}`, view.nowMs, unclean)], wallNow)
      s.lost = Math.max(s.lost, lost)
    }
  }, [view])
  useEffect(() => {
    const id = setInterval(() => prune(performance.now()), 250)
    return () => clearInterval(id)
  }, [])
}

/** Acknowledged records the checkers count as lost so far (the summary runs only after an unclean election). */
function lostSoFar(): number {
  try {
    return currentSummary().checks.lostAckedWrites
  } catch {
    return 0
  }
}

/** The callouts of one card, stacked newest last. */
export function Callouts({ target }: { target: CalloutTarget }) {
  const t = useT()
  const key = targetKey(target)
  const list = useCallouts((s) => s.list).filter((c) => targetKey(c.target) === key)
  if (list.length === 0) return null
  return (
    <ul className="cmap-callouts" aria-live="polite" data-testid={`callouts-${key.replace(':', '-')}`}>
      {list.map((c) => (
        <li key={c.key} className={`cmap-callout tone-${c.tone}`} data-testid="map-callout" style={{ animationDuration: `${CALLOUT_SHOW_MS}ms` }}>
          {t(c.text)}
        </li>
      ))}
    </ul>
  )
}

/** A config line ("broker.session.timeout.ms=9000") that a narrow card breaks after a dot or the =, not mid-word. */
function ConfigText({ config }: { config: string }) {
  const parts = config.split(/(?<=[.=])/)
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </span>
      ))}
    </>
  )
}

/** The countdowns of one card: what is left, a bar that fills as the wait runs out, and the config. */
export function Countdowns({ list, note }: { list: readonly Countdown[] | undefined; note?: Text | null }) {
  const t = useT()
  if (!note && (!list || list.length === 0)) return null
  return (
    <div className="cmap-countdowns">
      {note ? <p className="cmap-wait-note" data-testid="map-wait-note">{t(note)}</p> : null}
      {(list ?? []).map((c) => (
        <div key={c.key} className={`cmap-countdown kind-${c.kind}`} data-testid={`countdown-${c.kind}`} data-left-ms={c.leftMs} title={c.config}>
          <span className="cmap-countdown-text">{t(c.text)}</span>
          <span className="cmap-countdown-bar" aria-hidden="true">
            <span style={{ width: `${Math.round(c.progress * 100)}%` }} />
          </span>
          <code className="cmap-countdown-config">
            <ConfigText config={c.config} />
          </code>
        </div>
      ))}
    </div>
  )
}
