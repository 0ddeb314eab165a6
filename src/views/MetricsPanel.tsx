// The Metrics tab: charts over the simulated time played so far (their x-axis ends at the playhead) — produce and consume rates, consumer LAG per group and per partition, under-
// replicated and offline partitions, request errors by Kafka's error name, and leaders per broker
// (the skew a learner should notice after a failover). Charts redraw when the sim store publishes.
// They show the run's samples at or before the playhead (those ahead stay in the series for when
// the run goes there again), ending with the state at the playhead itself.

import { useMemo, useRef, useState } from 'react'
import { current, type Run } from '../host/engine-host.ts'
import { metricSample, type MetricSample } from '../../sim/index.ts'
import { useSim } from '../store/sim-store.ts'
import { useUi } from '../store/ui-store.ts'
import { useLocale, useT } from '../useT.ts'
import { useSize } from './use-size.ts'
import { LineChart } from './metrics/LineChart.tsx'
import { LeadersChart } from './metrics/LeadersChart.tsx'
import { playedDomainMax, type ChartLine } from './metrics/line-chart.ts'
import { lineStyle } from './metrics/palette.ts'
import { errorCounts, groupLag, health, latest, mostOf, partitionLag, peak, throughput, type NamedSeries } from './metrics/series.ts'
import { L, METADATA_WARMUP, errorsSummary, healthSummary, lagSummary, metadataWarningsText, joinHandshakesText, mostLagText, throughputSummary } from './metrics/texts.ts'
import './metrics-panel.css'

const round = (v: number) => String(Math.round(v))

/** More lines than this tangle in a 350-pixel chart (and cost a redraw): the partitions with the most LAG. */
const MAX_PARTITION_LINES = 8

function styled(series: NamedSeries[]): ChartLine[] {
  return series.map((s, i) => ({ ...s, ...lineStyle(i) }))
}

function listLatest(lines: ChartLine[]): string {
  return lines.map((l) => `${l.name} ${round(latest(l.points))}`).join(', ')
}

/** The group whose partitions the per-partition LAG chart shows: the one picked, the selected one, or the first. */
function useLagGroup(groups: string[]): [string | null, (g: string) => void] {
  const [picked, setPicked] = useState<string | null>(null)
  const selection = useUi((s) => s.selection)
  const selected = selection?.kind === 'group' ? selection.id : selection?.kind === 'member' ? selection.id.replace(/-\d+$/, '') : null
  const group = [picked, selected, groups[0]].find((g) => g && groups.includes(g)) ?? null
  return [group, setPicked]
}

/** The samples up to the playhead, then the state at the playhead when it lies between two samples. */
function shownSamples(run: Run | null): MetricSample[] | undefined {
  if (!run) return undefined
  const now = run.sim.nowMs
  const shown = run.metrics.upTo(now)
  if (shown.length > 0 && shown[shown.length - 1].atMs < now) shown.push(metricSample(run.sim))
  return shown
}

export function MetricsPanel() {
  const t = useT()
  const locale = useLocale()
  const version = useSim((s) => s.version)
  const nowMs = useSim((s) => s.nowMs)
  const view = useSim((s) => s.view)
  const boxRef = useRef<HTMLDivElement>(null)
  const { width } = useSize(boxRef)
  const domainMaxMs = playedDomainMax(nowMs)
  // version: the run moved (a new array each time)
  const samples = useMemo(() => shownSamples(current()), [version])

  const data = useMemo(() => {
    const s = samples ?? []
    const rates = throughput(s)
    const h = health(s)
    return {
      rates: [
        { name: t(L.produced), points: rates.produce, ...lineStyle(0) },
        { name: t(L.consumed), points: rates.consume, ...lineStyle(2) },
      ],
      health: [
        { name: t(L.underReplicated), points: h.underReplicated, ...lineStyle(3) },
        { name: t(L.offline), points: h.offline, ...lineStyle(1) },
      ],
      groups: styled(groupLag(s)),
      errors: styled(errorCounts(s)),
    }
  }, [samples, locale])

  const groupNames = data.groups.map((g) => g.name)
  const [lagGroup, setLagGroup] = useLagGroup(groupNames)
  const allPartitions = useMemo(() => (lagGroup && samples ? partitionLag(samples, lagGroup) : []), [samples, lagGroup])
  const partitions = useMemo(() => styled(mostOf(allPartitions, MAX_PARTITION_LINES)), [allPartitions])

  const lastWarnings = samples?.[samples.length - 1]?.metadataWarnings ?? {}
  const metadataWarnings = Object.keys(lastWarnings)
    .sort()
    .map((k) => `${k} ${lastWarnings[k]}`)
    .join(', ')
  const joinHandshakes = samples?.[samples.length - 1]?.joinHandshakes ?? 0
  const common = { width, domainMaxMs, nowMs }
  const [produce, consume] = data.rates
  const [urp, offline] = data.health
  return (
    <div ref={boxRef} className="metrics-panel" data-testid="metrics-panel">
      {samples ? null : <p className="muted">{t(L.noRun)}</p>}
      <LineChart
        {...common}
        testId="chart-throughput"
        title={t(L.throughput)}
        summary={t(throughputSummary(Math.round(latest(produce.points)), Math.round(latest(consume.points))))}
        lines={data.rates}
        legendValue={(l) => `${round(latest(l.points))}${t(L.perSecond)}`}
      />
      <LineChart
        {...common}
        testId="chart-group-lag"
        step
        title={t(L.groupLag)}
        summary={t(lagSummary(listLatest(data.groups)))}
        lines={data.groups}
        legendValue={(l) => round(latest(l.points))}
        empty={t(L.noGroups)}
      >
        <p className="mx-note">{t(L.lagRule)}</p>
      </LineChart>
      {lagGroup ? (
        <LineChart
          {...common}
          testId="chart-partition-lag"
          step
          title={`${t(L.partitionLag)} — ${lagGroup}`}
          summary={t(lagSummary(listLatest(partitions)))}
          lines={partitions}
          legendValue={(l) => round(latest(l.points))}
        >
          {allPartitions.length > partitions.length ? <p className="mx-note">{t(mostLagText(partitions.length, allPartitions.length))}</p> : null}
          {groupNames.length > 1 ? (
            <label className="mx-pick">
              {t(L.group)}{' '}
              <select value={lagGroup} onChange={(e) => setLagGroup(e.target.value)}>
                {groupNames.map((g) => (
                  <option key={g}>{g}</option>
                ))}
              </select>
            </label>
          ) : null}
        </LineChart>
      ) : null}
      <LineChart
        {...common}
        testId="chart-health"
        step
        title={t(L.health)}
        summary={t(healthSummary(latest(urp.points), latest(offline.points), peak(urp.points)))}
        lines={data.health}
        legendValue={(l) => round(latest(l.points))}
      />
      <LineChart
        {...common}
        testId="chart-errors"
        step
        title={t(L.errors)}
        summary={t(errorsSummary(listLatest(data.errors)))}
        lines={data.errors}
        legendValue={(l) => round(latest(l.points))}
        empty={t(L.noErrors)}
      />
      {metadataWarnings ? (
        <div className="mx-warmup" data-testid="metadata-warnings">
          <p className="mx-warmup-counts">{t(metadataWarningsText(metadataWarnings))}</p>
          <p className="mx-note">{t(METADATA_WARMUP)}</p>
        </div>
      ) : null}
      {joinHandshakes > 0 ? (
        <p className="mx-note" data-testid="join-handshakes">
          {t(joinHandshakesText(joinHandshakes))}
        </p>
      ) : null}
      {view ? <LeadersChart brokers={view.brokers} width={width} canElect={view.controllerMode === 'kraft'} /> : null}
    </div>
  )
}
