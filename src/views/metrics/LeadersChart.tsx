// Leaders per broker now, next to how many partitions each broker is the preferred leader of
// (first in Replicas). After a failover, leadership stays where it moved: one broker leads more
// than its share until a preferred leader election (auto.leader.rebalance.enable every
// leader.imbalance.check.interval.seconds, or kafka-leader-election.sh). Bars are drawn with D3.

import { useEffect, useRef } from 'react'
import { max, scaleBand, scaleLinear, select } from 'd3'
import type { BrokerCard } from '../../../sim/index.ts'
import { act } from '../../host/engine-host.ts'
import { useT } from '../../useT.ts'
import { koNumber, type Text } from '../../i18n.ts'

const HEIGHT = 104
const M = { top: 16, right: 8, bottom: 20, left: 8 }

const L = {
  title: { en: 'Leaders per broker (now)', ko: '브로커별 Leader 수 (현재)' },
  leaders: { en: 'leaders', ko: 'Leader' },
  preferred: { en: 'preferred leader of', ko: 'preferred leader' },
  balanced: { en: 'Every partition is led by its preferred leader.', ko: '모든 파티션을 preferred leader가 이끌고 있습니다.' },
  elect: { en: 'Elect preferred leaders', ko: 'preferred leader 선출' },
  electHint: {
    en: 'As kafka-leader-election.sh --election-type PREFERRED: move leadership back to the first replica in Replicas',
    ko: 'kafka-leader-election.sh --election-type PREFERRED처럼 리더를 Replicas의 첫 번째 복제본으로 되돌립니다',
  },
} satisfies Record<string, Text>

const skewText = (b: BrokerCard): Text => ({
  en: `Broker ${b.id} leads ${b.leaders} but is the preferred leader of ${b.preferredLeaders}.`,
  ko: `브로커 ${koNumber(b.id, '은')} Leader ${b.leaders}개를 맡고 있지만 preferred leader인 파티션은 ${b.preferredLeaders}개입니다.`,
})

const summaryText = (brokers: BrokerCard[]): Text => ({
  en: `Leaders per broker: ${brokers.map((b) => `broker ${b.id} leads ${b.leaders} (preferred ${b.preferredLeaders})`).join(', ')}.`,
  ko: `브로커별 Leader 수: ${brokers.map((b) => `브로커 ${b.id} ${b.leaders}개 (preferred ${b.preferredLeaders}개)`).join(', ')}.`,
})

function draw(svgEl: SVGSVGElement, brokers: BrokerCard[], width: number): void {
  const x = scaleBand<number>().domain(brokers.map((b) => b.id)).range([M.left, width - M.right]).padding(0.35)
  const top = Math.max(1, max(brokers, (b) => Math.max(b.leaders, b.preferredLeaders)) ?? 0)
  const y = scaleLinear().domain([0, top]).range([HEIGHT - M.bottom, M.top])
  const svg = select(svgEl)
  const bar = svg
    .selectAll<SVGGElement, BrokerCard>('g.mx-bar')
    .data(brokers, (b) => String(b.id))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'mx-bar')
      g.append('rect').attr('class', 'mx-bar-leaders')
      g.append('rect').attr('class', 'mx-bar-preferred')
      g.append('text').attr('class', 'mx-bar-value')
      g.append('text').attr('class', 'mx-bar-name')
      return g
    })
    .attr('data-skewed', (b) => String(b.leaders !== b.preferredLeaders))
  const bw = x.bandwidth()
  bar
    .select('rect.mx-bar-leaders')
    .attr('x', (b) => x(b.id) ?? 0)
    .attr('width', bw)
    .attr('y', (b) => y(b.leaders))
    .attr('height', (b) => y(0) - y(b.leaders))
  bar
    .select('rect.mx-bar-preferred')
    .attr('x', (b) => (x(b.id) ?? 0) - 3)
    .attr('width', bw + 6)
    .attr('y', (b) => y(b.preferredLeaders))
    .attr('height', (b) => y(0) - y(b.preferredLeaders))
  bar
    .select('text.mx-bar-value')
    .attr('x', (b) => (x(b.id) ?? 0) + bw / 2)
    .attr('y', (b) => y(Math.max(b.leaders, b.preferredLeaders)) - 4)
    .text((b) => (b.leaders === b.preferredLeaders ? String(b.leaders) : `${b.leaders} (${b.preferredLeaders})`))
  bar
    .select('text.mx-bar-name')
    .attr('x', (b) => (x(b.id) ?? 0) + bw / 2)
    .attr('y', HEIGHT - 5)
    .text((b) => `broker ${b.id}`)
}

/** `canElect`: the cluster runs kafkascope's preferred leader election (KRaft; ZooKeeper mode's auto rebalance runs by itself). */
export function LeadersChart({ brokers, width, canElect }: { brokers: BrokerCard[]; width: number; canElect: boolean }) {
  const t = useT()
  const ref = useRef<SVGSVGElement>(null)
  useEffect(() => {
    if (ref.current && width > 0) draw(ref.current, brokers, width)
  }, [brokers, width])
  const skewed = brokers.filter((b) => b.leaders !== b.preferredLeaders)
  return (
    <figure className="mx-chart" data-testid="chart-leaders">
      <figcaption>{t(L.title)}</figcaption>
      <svg ref={ref} role="img" aria-label={t(summaryText(brokers))} width={width} height={HEIGHT} />
      <ul className="mx-legend">
        <li>
          <span className="mx-swatch mx-swatch-leaders" aria-hidden="true" />
          <span>{t(L.leaders)}</span>
        </li>
        <li>
          <span className="mx-swatch mx-swatch-preferred" aria-hidden="true" />
          <span>{t(L.preferred)} (n)</span>
        </li>
      </ul>
      {skewed.length === 0 ? (
        <p className="mx-note">{t(L.balanced)}</p>
      ) : (
        <div className="mx-note mx-skew" data-testid="leader-skew">
          {skewed.map((b) => (
            <p key={b.id}>⚠ {t(skewText(b))}</p>
          ))}
          {canElect ? (
            <button type="button" title={t(L.electHint)} onClick={() => act({ action: 'electPreferredLeaders' })}>
              {t(L.elect)}
            </button>
          ) : null}
        </div>
      )}
    </figure>
  )
}
