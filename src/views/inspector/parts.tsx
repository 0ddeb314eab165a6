// Small building blocks every inspector section shares: a list of Kafka-named fields, the error
// counts a client saw (by Kafka's error names), a section heading and a link that selects
// another thing on the map.

import type { ReactNode } from 'react'
import { useUi, type Selection } from '../../store/ui-store.ts'
import { useT } from '../../useT.ts'

export type FieldRow = [label: string, value: ReactNode]

/** Label/value pairs; labels are Kafka's names where Kafka has one. */
export function Fields({ rows }: { rows: FieldRow[] }) {
  return (
    <dl className="insp-fields">
      {rows.map(([label, value]) => (
        <div key={label} className="insp-field">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="insp-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  )
}

/** Error counts by Kafka's names (NOT_LEADER_OR_FOLLOWER: 3), or "none". */
export function ErrorCounts({ errors }: { errors: Record<string, number> }) {
  const t = useT()
  const names = Object.keys(errors).sort()
  if (names.length === 0) return <span className="muted">{t({ en: 'none', ko: '없음' })}</span>
  return (
    <ul className="insp-errors">
      {names.map((name) => (
        <li key={name}>
          <code>{name}</code> <span className="num">×{errors[name]}</span>
        </li>
      ))}
    </ul>
  )
}

/** A button that selects something else (a partition of this broker, a member of this group). */
export function SelectLink({ to, children, label }: { to: Selection; children: ReactNode; label?: string }) {
  const select = useUi((s) => s.select)
  return (
    <button type="button" className="insp-link" aria-label={label} onClick={() => select(to)}>
      {children}
    </button>
  )
}

/** Broker ids as Kafka's tools print them: "2,3,1" (empty list: nothing). */
export function idList(ids: readonly number[]): string {
  return ids.join(',')
}

/** Leader -1 is printed "none" by kafka-topics. */
export function leaderName(leader: number): string {
  return leader >= 0 ? String(leader) : 'none'
}
