// The partition log view (bottom of the stage): every partition of the user topics as logs of
// offsets, one lane per replica, with log start offset, HW and LEO, records above the HW hatched
// (not yet readable by consumers), the segments each log is made of (the active one outlined, the
// ones retention deleted fading out by their age in simulated time), leader epochs, acknowledged
// records lost to an unclean election, each share group's window [SPSO, SPEO] record by record
// (KIP-932), and each consumer group's committed offset, LAG and member positions. The logs are built by sim/view/partition-log.ts (partitionLogs of sim/index.ts) each
// time the store publishes a new version.

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { partitionLogs } from '../../sim/index.ts'
import { current } from '../host/engine-host.ts'
import { useSim } from '../store/sim-store.ts'
import { useUi } from '../store/ui-store.ts'
import { useT } from '../useT.ts'
import { consumerMarks } from './partition-log/geometry.ts'
import { Legend } from './partition-log/Legend.tsx'
import { PartitionRow } from './partition-log/PartitionRow.tsx'
import { L } from './partition-log/text.ts'
import { useCellSize } from './partition-log/useCellSize.ts'
import './partition-log.css'
import './share-states.css'

function TopicPicker({ topics }: { topics: string[] }) {
  const t = useT()
  const topic = useUi((s) => s.topic)
  const setTopic = useUi((s) => s.setTopic)
  const shown = topic !== null && topics.includes(topic) ? topic : ''
  return (
    <label className="plog-topic">
      <span>{t(L.topic)}</span>
      <select data-testid="partition-log-topic" value={shown} onChange={(e) => setTopic(e.target.value || null)}>
        <option value="">{t(L.allTopics)}</option>
        {topics.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * The partitions scrolled into (or near) sight. Only their lanes are drawn: a cluster with 48
 * partitions redraws two or three of them, not all, each time the run moves.
 */
function useVisibleRows(rootRef: RefObject<HTMLElement | null>, tableRef: RefObject<HTMLTableElement | null>, rowsKey: string): Set<string> {
  const [visible, setVisible] = useState<Set<string>>(() => new Set())
  const observer = useRef<IntersectionObserver | null>(null)
  useEffect(() => {
    const io = new IntersectionObserver(
      (entries) =>
        setVisible((prev) => {
          const next = new Set(prev)
          for (const e of entries) {
            const tp = (e.target as HTMLElement).dataset.tp!
            if (e.isIntersecting) next.add(tp)
            else next.delete(tp)
          }
          return next
        }),
      { root: rootRef.current, rootMargin: '200px 0px' },
    )
    observer.current = io
    return () => io.disconnect()
  }, [rootRef])
  useEffect(() => {
    const io = observer.current
    if (!io || !tableRef.current) return
    for (const row of tableRef.current.querySelectorAll<HTMLElement>('tr[data-tp]')) io.observe(row)
  }, [tableRef, rowsKey])
  return visible
}

export function PartitionLog() {
  const t = useT()
  const version = useSim((s) => s.version)
  const view = useSim((s) => s.view)
  const nowMs = useSim((s) => s.nowMs)
  const topic = useUi((s) => s.topic)
  const selection = useUi((s) => s.selection)
  const tableRef = useRef<HTMLTableElement>(null)
  const sectionRef = useRef<HTMLElement>(null)
  const size = useCellSize(tableRef)
  const topics = useMemo(() => (view ? view.topics.filter((x) => !x.internal).map((x) => x.name) : []), [view])
  const shownTopic = topic !== null && topics.includes(topic) ? topic : null
  // rebuilt from the run each time the host publishes a new version of the run
  const logs = useMemo(() => {
    const run = current()
    return run ? partitionLogs(run.sim, shownTopic) : []
  }, [version, shownTopic])
  const visible = useVisibleRows(sectionRef, tableRef, logs.map((l) => l.tp).join(' '))
  const deliveryLimits = useMemo(() => Object.fromEntries((view?.shareGroups ?? []).map((g) => [g.groupId, g.deliveryLimit])), [view])
  return (
    <section className="plog" aria-labelledby="plog-title" ref={sectionRef}>
      <header className="plog-bar">
        <h2 id="plog-title">{t(L.title)}</h2>
        <TopicPicker topics={topics} />
        <Legend compacted={logs.some((l) => l.compacted)} shares={logs.some((l) => l.shares.length > 0)} />
      </header>
      {view === null ? <p className="muted">{t(L.noRun)}</p> : null}
      {view !== null && logs.length === 0 ? <p className="muted">{t(L.noPartitions)}</p> : null}
      <table className="plog-table" ref={tableRef}>
        <tbody>
          {logs.map((log) => {
            const marks = consumerMarks(view, log.topic, log.tp)
            const selected = selection?.kind === 'partition' && selection.topic === log.topic && selection.partition === log.partition
            return <PartitionRow key={log.tp} log={log} groups={marks.groups} readers={marks.readers} selected={selected} width={size.width} fontPx={size.fontPx} visible={visible.has(log.tp)} nowMs={nowMs} deliveryLimits={deliveryLimits} />
          })}
        </tbody>
      </table>
    </section>
  )
}
