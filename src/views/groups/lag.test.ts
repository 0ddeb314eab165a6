// One LAG everywhere: the summary, the published view (group cards), the groups panel's rows, the
// metrics sample and `kafka-consumer-groups --describe` must all say the same for every partition,
// including partitions without a committed offset (LAG "-": not counted in any total). The scenario
// state: add-partitions-rebalance at 23 s, when the topic's new partitions hold records but the
// group has not committed on them yet, while the old ones have a committed offset and a LAG.
import { expect, test } from 'vitest'
import {
  builtInScenarios,
  clusterView,
  createSimulation,
  kafkaConsumerGroupsDescribe,
  metricSample,
  parseScenario,
  type Summary,
} from '../../../sim/index.ts'
import { describeGroup } from './describe.ts'

/** LAG by Kafka's rule, worked out from the summary alone: HW − committed (negative past a truncated log's end); null without either. */
function expectedLag(s: Summary, groupId: string, tp: string): number | null {
  const committed = s.groups.find((g) => g.groupId === groupId)!.committed[tp]
  const p = s.partitions.find((x) => `${x.topic}-${x.partition}` === tp)!
  if (committed === undefined || p.leader < 0) return null
  return p.highWatermark - committed
}

/** TOPIC-PARTITION → LAG column of the tool's table (null for "-"). */
function toolLags(stdout: string): Map<string, number | null> {
  const lags = new Map<string, number | null>()
  for (const line of stdout.split('\n').slice(2)) {
    const cols = line.split(/ +/)
    if (cols.length < 6) continue
    lags.set(`${cols[1]}-${cols[2]}`, cols[5] === '-' ? null : Number(cols[5]))
  }
  return lags
}

test('add-partitions-rebalance: every place computes the same LAG, "-" without a committed offset', () => {
  const sim = createSimulation(parseScenario(structuredClone(builtInScenarios['add-partitions-rebalance'])))
  sim.runUntil(23_000)
  const summary = sim.summary()
  const view = clusterView(sim)
  const sample = metricSample(sim)
  let uncommitted = 0
  for (const card of view.groups) {
    const group = summary.groups.find((g) => g.groupId === card.groupId)!
    const tool = toolLags(kafkaConsumerGroupsDescribe(sim, card.groupId).stdout)
    const rows = describeGroup(card)
    expect(rows.map((r) => r.tp)).toEqual(card.partitions.map((r) => r.tp))
    let total = 0
    for (const row of rows) {
      const want = expectedLag(summary, card.groupId, row.tp)
      if (row.currentOffset === null) uncommitted++
      expect(row.lag, row.tp).toBe(want)
      expect(card.lag[row.tp] ?? null, row.tp).toBe(want)
      expect(group.lag[row.tp] ?? null, row.tp).toBe(want)
      expect(sample.groupLag[card.groupId].byPartition[row.tp] ?? null, row.tp).toBe(want)
      if (tool.has(row.tp)) expect(tool.get(row.tp), row.tp).toBe(want)
      total += want ?? 0
    }
    // a partition without a committed offset adds nothing to a total
    expect(card.totalLag).toBe(total)
    expect(sample.groupLag[card.groupId].total).toBe(total)
  }
  // the state has partitions with records but no committed offset, and committed ones with LAG
  expect(uncommitted).toBeGreaterThan(0)
  expect(view.groups.some((g) => g.totalLag > 0)).toBe(true)
})
