// One metric chart: a title, the chart (a D3 island with an accessible one-sentence summary) and
// a legend that names each line with its style and its latest value.

import { useEffect, useRef, type ReactNode } from 'react'
import { drawLineChart, type ChartLine } from './line-chart.ts'

interface Props {
  title: string
  /** one sentence with the latest values, for screen readers */
  summary: string
  lines: ChartLine[]
  /** the value shown next to each line's name in the legend */
  legendValue(line: ChartLine): string
  width: number
  domainMaxMs: number
  nowMs: number
  step?: boolean
  testId: string
  /** shown instead of the legend when there are no lines */
  empty?: string
  children?: ReactNode
}

/** Tall enough to read a step or a spike from across a classroom (issue 11: at least 160 px). */
export const CHART_HEIGHT = 160
const HEIGHT = CHART_HEIGHT

export function LineChart({ title, summary, lines, legendValue, width, domainMaxMs, nowMs, step = false, testId, empty, children }: Props) {
  const ref = useRef<SVGSVGElement>(null)
  useEffect(() => {
    if (ref.current && width > 0) drawLineChart(ref.current, { width, height: HEIGHT, domainMaxMs, nowMs, lines, step })
  }, [width, domainMaxMs, nowMs, lines, step])
  return (
    <figure className="mx-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {children}
      {lines.length === 0 && empty ? (
        <p className="mx-empty">{empty}</p>
      ) : (
        <svg ref={ref} role="img" aria-label={summary} width={width} height={HEIGHT} />
      )}
      <ul className="mx-legend">
        {lines.map((l) => (
          <li key={l.name}>
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" x2="25" y1="5" y2="5" style={{ stroke: l.color, strokeDasharray: l.dash || undefined }} />
            </svg>
            <span className="mx-name">{l.name}</span>
            <span className="mx-value">{legendValue(l)}</span>
          </li>
        ))}
      </ul>
    </figure>
  )
}
