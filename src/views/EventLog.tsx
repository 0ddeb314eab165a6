// The event log (side panel "Events" tab): the run's notes in Kafka's words — leader elections
// with their epoch and Isr, Isr shrinks and expansions, broker fencing, controller elections,
// group rebalances, producer epochs, the actions a person took, and errors — newest at the
// bottom, filterable by kind and searchable. Only the newest matches are drawn, so a cluster
// with thousands of notes stays quick.

import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { create } from 'zustand'
import { useSim } from '../store/sim-store.ts'
import { useUi } from '../store/ui-store.ts'
import { current } from '../host/engine-host.ts'
import { formatSimTime, type Text } from '../i18n.ts'
import { useLocale, useT } from '../useT.ts'
import { eventKind, formatEvent, runNotes } from '../../sim/index.ts'
import { groupOfKind, matchingNotes, NOTE_GROUPS, selectionOfEvent, type NoteFilter, type NoteGroup, type NoteRow } from './inspector/note-filter.ts'
import './event-log.css'

const SHOWN_ROWS = 300

const GROUP_LABEL: Record<NoteGroup, Text> = {
  leader: { en: 'leader', ko: 'leader' },
  isr: { en: 'Isr', ko: 'Isr' },
  controller: { en: 'controller', ko: '컨트롤러' },
  broker: { en: 'broker', ko: '브로커' },
  group: { en: 'group', ko: '그룹' },
  producer: { en: 'producer', ko: '프로듀서' },
  topic: { en: 'topic/config', ko: '토픽/설정' },
  action: { en: 'action', ko: '조작' },
  error: { en: 'error', ko: '오류' },
}

const L = {
  title: { en: 'Event log', ko: '이벤트 로그' },
  search: { en: 'Search', ko: '검색' },
  searchPlaceholder: { en: 'orders-0, broker 2, fenced…', ko: 'orders-0, 브로커 2, fence…' },
  kinds: { en: 'Show kinds', ko: '표시할 종류' },
  all: { en: 'All', ko: '전체' },
  none: { en: 'No events match.', ko: '맞는 이벤트가 없습니다.' },
  latest: { en: '↓ Jump to latest', ko: '↓ 최신으로' },
  select: { en: 'Select', ko: '선택' },
  internal: { en: 'Show leader and Isr changes of __consumer_offsets', ko: '__consumer_offsets의 leader·Isr 변경도 보기' },
}

/** The filter outlives a tab switch: a learner who hid ISR noise keeps it hidden. */
const useEventFilter = create<NoteFilter>(() => ({
  shown: new Set(NOTE_GROUPS),
  query: '',
  internalPartitions: false,
}))

function toggle(group: NoteGroup): void {
  const next = new Set(useEventFilter.getState().shown)
  if (next.has(group)) next.delete(group)
  else next.add(group)
  useEventFilter.setState({ shown: next })
}

function showingText(shown: number, total: number): Text {
  if (shown === total) return { en: `${total} events`, ko: `이벤트 ${total}개` }
  return { en: `newest ${shown} of ${total} events`, ko: `이벤트 ${total}개 중 최신 ${shown}개` }
}

function KindChips() {
  const t = useT()
  const shown = useEventFilter((s) => s.shown)
  const allOn = shown.size === NOTE_GROUPS.length
  return (
    <div className="ev-chips" role="group" aria-label={t(L.kinds)}>
      <button type="button" className="ev-chip" aria-pressed={allOn} onClick={() => useEventFilter.setState({ shown: new Set(NOTE_GROUPS) })}>
        {t(L.all)}
      </button>
      {NOTE_GROUPS.map((g) => (
        <button key={g} type="button" className={`ev-chip ev-kind-${g}`} aria-pressed={shown.has(g)} data-testid={`events-chip-${g}`} onClick={() => toggle(g)}>
          <span aria-hidden="true">{shown.has(g) ? '✓ ' : ''}</span>
          {t(GROUP_LABEL[g])}
        </button>
      ))}
    </div>
  )
}

function EventRow({ row, topics }: { row: NoteRow; topics: readonly string[] }) {
  const t = useT()
  const locale = useLocale()
  const select = useUi((s) => s.select)
  const { note } = row
  const kind = eventKind(note)
  const group = groupOfKind(kind)
  const target = selectionOfEvent(note, topics)
  const text = formatEvent(note, locale)
  return (
    <li className={`ev-row ev-row-${kind}`} data-kind={kind} data-type={note.type}>
      <span className="ev-time">{formatSimTime(note.atMs).replace(' s', '')}</span>
      <span className={`ev-tag ev-kind-${group}`}>{kind}</span>
      {target ? (
        <button type="button" className="ev-text ev-link" title={t(L.select)} onClick={() => select(target)}>
          {text}
        </button>
      ) : (
        <span className="ev-text">{text}</span>
      )}
    </li>
  )
}

/** Keeps the list scrolled to the newest row until the person scrolls up. */
function useStickToBottom(deps: unknown[]) {
  const ref = useRef<HTMLOListElement>(null)
  const [stuck, setStuck] = useState(true)
  useLayoutEffect(() => {
    const el = ref.current
    if (el && stuck) el.scrollTop = el.scrollHeight
  }, [stuck, ...deps])
  function onScroll() {
    const el = ref.current
    if (!el) return
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 8
    if (atBottom !== stuck) setStuck(atBottom)
  }
  return { ref, stuck, onScroll, jump: () => setStuck(true) }
}

export function EventLog() {
  const t = useT()
  const locale = useLocale()
  const version = useSim((s) => s.version)
  const view = useSim((s) => s.view)
  const filter = useEventFilter()
  const run = current()
  const notes = run ? runNotes(run.sim) : undefined
  const noteCount = notes?.length ?? 0
  const matches = useMemo(
    () => (notes ? matchingNotes(notes, filter, SHOWN_ROWS, locale) : { rows: [], total: 0 }),
    // the notes array only grows between publishes; its length and the version say when to look again
    [notes, noteCount, version, filter, locale],
  )
  const topics = useMemo(() => view?.topics.map((x) => x.name) ?? [], [view])
  const stick = useStickToBottom([matches])
  return (
    <section className="event-log" aria-label={t(L.title)}>
      <div className="ev-controls">
        <label className="ev-search">
          <span>{t(L.search)}</span>
          <input type="search" value={filter.query} placeholder={t(L.searchPlaceholder)} data-testid="events-search"
            onChange={(e) => useEventFilter.setState({ query: e.target.value })} />
        </label>
        <KindChips />
        <label className="ev-internal">
          <input type="checkbox" checked={filter.internalPartitions} data-testid="events-internal"
            onChange={(e) => useEventFilter.setState({ internalPartitions: e.target.checked })} />
          {t(L.internal)}
        </label>
        <p className="ev-count" aria-live="off" data-testid="events-count">
          {t(showingText(matches.rows.length, matches.total))}
        </p>
      </div>
      <ol className="ev-list" ref={stick.ref} onScroll={stick.onScroll} data-testid="events-list" aria-label={t(L.title)} tabIndex={0}>
        {matches.rows.map((row) => (
          <EventRow key={row.index} row={row} topics={topics} />
        ))}
        {matches.rows.length === 0 ? <li className="ev-empty muted">{t(L.none)}</li> : null}
      </ol>
      {stick.stuck ? null : (
        <button type="button" className="ev-latest" data-testid="events-latest" onClick={stick.jump}>
          {t(L.latest)}
        </button>
      )}
    </section>
  )
}
