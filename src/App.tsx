// The page: toolbar on top, the cluster map and the partition log in the middle, a side panel with
// the inspector, groups, metrics, event log and Kafka tools' console, and the timeline at the foot.
// What the first view does not show (the other side tabs, the lessons, the comparison, help) comes
// in chunks of its own, loaded when it is first opened.

import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react'
import { useUi, type SideTab } from './store/ui-store.ts'
import { useNotices } from './notices.ts'
import { useT } from './useT.ts'
import { installShortcuts } from './keyboard.ts'
import type { Text } from './i18n.ts'
import { Controls } from './views/Controls.tsx'
import { ClusterMap } from './views/ClusterMap.tsx'
import { PartitionLog } from './views/PartitionLog.tsx'
import { Timeline } from './views/Timeline.tsx'
import { Inspector } from './views/Inspector.tsx'
import { OpeningProgress } from './views/OpeningProgress.tsx'
import { ServeBar } from './views/ServeBar.tsx'
import { useOpening } from './store/opening-store.ts'
import { useLesson } from './lessons/store.ts'
import { useLessons } from './lessons/load.ts'

const GroupsPanel = lazy(() => import('./views/GroupsPanel.tsx').then((m) => ({ default: m.GroupsPanel })))
const MetricsPanel = lazy(() => import('./views/MetricsPanel.tsx').then((m) => ({ default: m.MetricsPanel })))
const EventLog = lazy(() => import('./views/EventLog.tsx').then((m) => ({ default: m.EventLog })))
const AnomalyList = lazy(() => import('./views/AnomalyList.tsx').then((m) => ({ default: m.AnomalyList })))
const ConsolePanel = lazy(() => import('./views/ConsolePanel.tsx').then((m) => ({ default: m.ConsolePanel })))
const HelpDialog = lazy(() => import('./views/HelpDialog.tsx').then((m) => ({ default: m.HelpDialog })))
const LessonPanel = lazy(() => import('./views/lessons/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })))
const LessonHighlight = lazy(() => import('./views/lessons/LessonHighlight.tsx').then((m) => ({ default: m.LessonHighlight })))
const CompareView = lazy(() => import('./views/compare/CompareView.tsx').then((m) => ({ default: m.CompareView })))

const TABS: { id: SideTab; label: Text }[] = [
  { id: 'lessons', label: { en: 'Lessons', ko: '레슨' } },
  { id: 'inspector', label: { en: 'Inspector', ko: '상세' } },
  { id: 'groups', label: { en: 'Groups', ko: '그룹' } },
  { id: 'metrics', label: { en: 'Metrics', ko: '지표' } },
  { id: 'events', label: { en: 'Events', ko: '이벤트' } },
  { id: 'anomalies', label: { en: 'Anomalies', ko: '이상' } },
  { id: 'console', label: { en: 'Console', ko: '콘솔' } },
]

/** What a tab shows while its chunk loads: one line of text, so the panel keeps its size. */
function Loading() {
  const t = useT()
  return (
    <p className="tab-loading" role="status">
      {t({ en: 'Loading…', ko: '불러오는 중…' })}
    </p>
  )
}

/** A dialog's chunk loads when it is first opened; from then on it stays mounted (as before). */
function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open)
  if (open && !opened) setOpened(true)
  return opened || open ? <Suspense fallback={null}>{children}</Suspense> : null
}

function Notices() {
  const t = useT()
  const notices = useNotices((s) => s.notices)
  const dismiss = useNotices((s) => s.dismiss)
  if (notices.length === 0) return null
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} role="alert" className="alert">
          <span>{t(n.text)}</span>
          <button type="button" className="dismiss" aria-label={t({ en: 'Dismiss', ko: '닫기' })} onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}

function SidePanel() {
  const t = useT()
  const tab = useUi((s) => s.sideTab)
  const setTab = useUi((s) => s.setSideTab)
  // the Lessons tab: the lessons' content starts loading along with the tab's own chunk
  useLessons(tab === 'lessons')
  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    const i = TABS.findIndex((x) => x.id === tab)
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]
    setTab(next.id)
    document.getElementById(`tab-${next.id}`)?.focus()
    e.preventDefault()
  }
  return (
    <aside className="side" aria-label={t({ en: 'Details', ko: '자세히' })}>
      <div role="tablist" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((x) => (
          <button
            key={x.id}
            id={`tab-${x.id}`}
            type="button"
            role="tab"
            aria-selected={tab === x.id}
            aria-controls={`panel-${x.id}`}
            tabIndex={tab === x.id ? 0 : -1}
            onClick={() => setTab(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body" tabIndex={0}>
        {tab === 'inspector' ? <Inspector /> : null}
        <Suspense fallback={<Loading />}>
          {tab === 'lessons' ? <LessonPanel /> : null}
          {tab === 'groups' ? <GroupsPanel /> : null}
          {tab === 'metrics' ? <MetricsPanel /> : null}
          {tab === 'events' ? <EventLog /> : null}
          {tab === 'anomalies' ? <AnomalyList /> : null}
          {tab === 'console' ? <ConsolePanel /> : null}
        </Suspense>
      </div>
    </aside>
  )
}

export function App() {
  const presenter = useUi((s) => s.presenter)
  const locale = useUi((s) => s.locale)
  // presenter mode with a lesson whose step needs no side tab: the side panel gives its room to the map
  const sideTab = useUi((s) => s.sideTab)
  const lessonOnly = useLesson((s) => s.id !== null && !s.captionHidden) && presenter && sideTab === 'lessons'
  // what the lesson's step points at: presenter mode gives the partition log or the map more room
  const lessonOpen = useLesson((s) => s.id !== null)
  const catalogue = useLessons(lessonOpen)
  const lessonTarget = useLesson((s) => (s.id ? catalogue?.lessonById(s.id)?.steps[s.step]?.target : undefined))
  const helpOpen = useUi((s) => s.helpOpen)
  const compareOpen = useUi((s) => s.compareOpen)
  // while a session opens, the page waits (nothing to click or focus but Cancel and the toolbar's preferences)
  const opening = useOpening((s) => s.progress !== null)
  useEffect(() => installShortcuts(), [])
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  return (
    <div className={presenter ? (lessonOnly ? 'app presenter presenter-lesson' : 'app presenter') : 'app'} data-lesson-target={lessonTarget}>
      <Controls />
      <OpeningProgress />
      <ServeBar />
      <Notices />
      <main className="workspace" inert={opening}>
        <div className="stage">
          <ClusterMap />
          <PartitionLog />
        </div>
        <SidePanel />
      </main>
      <div className="contents" inert={opening}>
        <Timeline />
      </div>
      <OnceOpened open={helpOpen}>
        <HelpDialog />
      </OnceOpened>
      <OnceOpened open={lessonOpen}>
        <LessonHighlight />
      </OnceOpened>
      <OnceOpened open={compareOpen}>
        <CompareView />
      </OnceOpened>
    </div>
  )
}
