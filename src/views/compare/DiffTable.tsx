// The differences between the two runs, as a table: what is counted, A's value, B's value and one
// plain sentence. Rows where A ≠ B are marked with a word and a border as well as a colour, so a
// learner sees at a glance which of Kafka's promises the one setting changed; they come first.

import { useT } from '../../useT.ts'
import { formatSimTime } from '../../i18n.ts'
import type { DiffRow } from '../../compare/diff.ts'
import { differCount, L } from './text.ts'

export function DiffTable({ rows, atMs }: { rows: DiffRow[]; atMs: number }) {
  const t = useT()
  // rows where A ≠ B come first, so on a projector what the setting changed is in sight at once
  // then those that agree, then the asides (metadata warm-up), which are no difference at all
  const compared = rows.filter((r) => !r.aside)
  const shown = [...compared.filter((r) => r.differs), ...compared.filter((r) => !r.differs), ...rows.filter((r) => r.aside)]
  const differing = compared.filter((r) => r.differs).length
  return (
    <section className="cmp-diff" aria-labelledby="cmp-diff-title">
      <h3 id="cmp-diff-title" className="cmp-diff-title">
        {t(L.diffTitle)} <span className="cmp-diff-count">{t(differCount(differing, compared.length))}</span>
        {atMs >= 0 ? (
          <span className="cmp-diff-at">
            {t(L.checkedAt)} {formatSimTime(atMs)}
          </span>
        ) : null}
      </h3>
      <div className="cmp-diff-scroll" tabIndex={0} role="region" aria-labelledby="cmp-diff-title">
        <table className="cmp-diff-table" data-testid="compare-diff">
          <thead>
            <tr>
              <th scope="col">{t(L.what)}</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">{t(L.meaning)}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.id}
                className={r.differs ? 'cmp-differs' : r.aside ? 'cmp-aside' : undefined}
                data-testid={`compare-row-${r.id}`}
                data-differs={r.differs}
                data-a={r.raw?.a}
                data-b={r.raw?.b}
              >
                <th scope="row">
                  {t(r.label)}
                  <span className={r.differs ? 'cmp-tag cmp-tag-differs' : 'cmp-tag'}>{t(r.aside ? L.warmup : r.differs ? L.differs : L.same)}</span>
                </th>
                <td className="cmp-num">{t(r.a)}</td>
                <td className="cmp-num">{t(r.b)}</td>
                <td className="cmp-note">{t(r.note)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
