// Draws one small metric chart over simulated time with D3 (scales, axes, line shapes), into an
// <svg> that D3 owns: the time played so far on x (playedDomainMax), the playhead at now.

import { axisBottom, axisLeft, line, curveLinear, curveStepAfter, max, scaleLinear, select } from 'd3'
import { formatTick, timeScale } from '../timeline/time-scale.ts'
import type { Point } from './rates.ts'
import type { LineStyle } from './palette.ts'

export interface ChartLine extends LineStyle {
  name: string
  points: Point[]
}

export interface LineChartSpec {
  width: number
  height: number
  domainMaxMs: number
  nowMs: number
  lines: ChartLine[]
  /** counts that change in steps (partitions, errors so far) rather than smooth rates */
  step: boolean
}

export const MARGIN = { top: 8, right: 12, bottom: 20, left: 42 }

/** The shortest time range a chart shows (at the start of a run its lines still have room). */
export const MIN_RANGE_MS = 5000

/**
 * The end of a chart's time range: the time played so far (the charts show samples up to now, so
 * the scenario's whole duration would squeeze them into the left of the chart), at least MIN_RANGE_MS.
 */
export function playedDomainMax(nowMs: number): number {
  return Math.max(MIN_RANGE_MS, nowMs)
}

export function drawLineChart(svgEl: SVGSVGElement, spec: LineChartSpec): void {
  const { width, height, lines } = spec
  const x = timeScale(spec.domainMaxMs, MARGIN.left, width - MARGIN.right)
  const yMax = Math.max(1, max(lines, (l) => max(l.points, (p) => p.v)) ?? 0)
  const y = scaleLinear().domain([0, yMax]).nice(3).range([height - MARGIN.bottom, MARGIN.top])
  const svg = select(svgEl)

  svg
    .selectAll<SVGGElement, null>('g.mx-x')
    .data([null])
    .join('g')
    .attr('class', 'mx-axis mx-x')
    .attr('transform', `translate(0,${height - MARGIN.bottom})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 80))).tickFormat((ms) => formatTick(Number(ms))).tickSizeOuter(0))
  svg
    .selectAll<SVGGElement, null>('g.mx-y')
    .data([null])
    .join('g')
    .attr('class', 'mx-axis mx-y')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(axisLeft(y).ticks(3).tickFormat((v) => formatCount(Number(v))).tickSizeOuter(0))

  const path = line<Point>()
    .x((p) => x(p.t))
    .y((p) => y(p.v))
    .curve(spec.step ? curveStepAfter : curveLinear)
  svg
    .selectAll<SVGPathElement, ChartLine>('path.mx-line')
    .data(lines, (l) => l.name)
    .join('path')
    .attr('class', 'mx-line')
    .attr('data-name', (l) => l.name)
    .attr('d', (l) => path(l.points) ?? '')
    .style('stroke', (l) => l.color)
    .style('stroke-dasharray', (l) => l.dash || null)

  const nowX = Math.min(width - MARGIN.right, x(spec.nowMs))
  svg
    .selectAll<SVGLineElement, null>('line.mx-now')
    .data([null])
    .join('line')
    .attr('class', 'mx-now')
    .attr('x1', nowX)
    .attr('x2', nowX)
    .attr('y1', MARGIN.top)
    .attr('y2', height - MARGIN.bottom)
}

/** 1234 → "1.2k" on a narrow axis. */
export function formatCount(v: number): string {
  if (v >= 10_000) return `${Math.round(v / 1000)}k`
  if (v >= 1000) return `${(v / 1000).toFixed(1)}k`
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}
