/**
 * A scenario's `expect` block (CONTRACT §3) judged against the run's summary (CONTRACT §4).
 *
 * Every failure says what was expected and what was seen, e.g. `lostAckedWrites: expected 0, got 3`
 * or `leaderOf orders-0: expected 2, got -1`, so a failing scenario test or CLI run explains itself.
 * Counts are exact numbers or {min, max} bounds. Partitions are named `<topic>-<partition>`; a group
 * that does not exist has state `Dead`, as Kafka's DescribeGroups reports it.
 */
import type { CountExpectation, Expectations } from '../scenario/types.ts'
import type { CheckReport, Summary } from '../trace/summary-types.ts'

export interface ExpectResult {
  ok: boolean
  failures: string[]
}

const CHECK_COUNTS = [
  'lostAckedWrites',
  'duplicates',
  'inconsistentOffsets',
  'divergentReplicas',
  'multipleLeaders',
  'nonMonotonicPolls',
  'hwAboveLeo',
  'concurrentConsumers',
  'partitionsOwnedTwice',
  'committedBackwards',
  'skippedRecords',
  'compactionLostLatest',
  'shareAckedByOther',
  'shareAckedTwice',
  'shareRecordsLost',
  'shareDeliveriesOverLimit',
  'redeliveries',
] as const satisfies readonly (keyof Expectations & keyof CheckReport)[]

export function evaluateExpect(expect: Expectations, summary: Summary): ExpectResult {
  const failures: string[] = []
  const fail = (message: string | undefined): void => {
    if (message !== undefined) failures.push(message)
  }

  for (const name of CHECK_COUNTS) {
    const expected = expect[name]
    if (expected !== undefined) fail(checkCount(name, expected, summary.checks[name]))
  }

  for (const [tp, leader] of Object.entries(expect.leaderOf ?? {})) {
    const partition = findPartition(summary, tp)
    if (!partition) fail(`leaderOf ${tp}: expected ${leader}, got no such partition`)
    else if (partition.leader !== leader) fail(`leaderOf ${tp}: expected ${leader}, got ${partition.leader}`)
  }

  for (const [tp, isr] of Object.entries(expect.isrOf ?? {})) {
    const partition = findPartition(summary, tp)
    const want = sortedIds(isr)
    if (!partition) fail(`isrOf ${tp}: expected ${formatIds(want)}, got no such partition`)
    else {
      const got = sortedIds(partition.isr)
      if (formatIds(got) !== formatIds(want)) fail(`isrOf ${tp}: expected ${formatIds(want)}, got ${formatIds(got)}`)
    }
  }

  for (const [groupId, state] of Object.entries(expect.groupState ?? {})) {
    const group = summary.groups.find((g) => g.groupId === groupId)
    const got = group ? group.state : 'Dead'
    if (got !== state) fail(`groupState ${groupId}: expected ${state}, got ${got}${group ? '' : ' (no such group)'}`)
  }

  for (const [producerId, errors] of Object.entries(expect.producerErrors ?? {})) {
    const producer = summary.producers.find((p) => p.id === producerId)
    for (const [errorName, expected] of Object.entries(errors)) {
      const label = `producerErrors ${producerId} ${errorName}`
      if (!producer) fail(`${label}: expected ${describeCount(expected)}, got no such producer`)
      else fail(checkCount(label, expected, producer.errors[errorName] ?? 0))
    }
  }

  for (const [producerId, expected] of Object.entries(expect.producerAcked ?? {})) {
    const producer = summary.producers.find((p) => p.id === producerId)
    const label = `producerAcked ${producerId}`
    if (!producer) fail(`${label}: expected ${describeCount(expected)}, got no such producer`)
    else fail(checkCount(label, expected, producer.acked))
  }

  for (const [brokerId, state] of Object.entries(expect.brokerState ?? {})) {
    const broker = summary.brokers.find((b) => String(b.id) === brokerId)
    if (!broker) fail(`brokerState ${brokerId}: expected ${state}, got no such broker`)
    else if (broker.state !== state) fail(`brokerState ${brokerId}: expected ${state}, got ${broker.state}`)
  }

  return { ok: failures.length === 0, failures }
}

/** undefined when `got` meets the expectation, else the failure message. */
export function checkCount(label: string, expected: CountExpectation, got: number): string | undefined {
  return meetsCount(expected, got) ? undefined : `${label}: expected ${describeCount(expected)}, got ${got}`
}

export function meetsCount(expected: CountExpectation, got: number): boolean {
  if (typeof expected === 'number') return got === expected
  if (expected.min !== undefined && got < expected.min) return false
  if (expected.max !== undefined && got > expected.max) return false
  return true
}

/** `3`, `at least 1`, `at most 2`, `between 1 and 3`, or `any number`. */
export function describeCount(expected: CountExpectation): string {
  if (typeof expected === 'number') return String(expected)
  const { min, max } = expected
  if (min !== undefined && max !== undefined) return min === max ? String(min) : `between ${min} and ${max}`
  if (min !== undefined) return `at least ${min}`
  if (max !== undefined) return `at most ${max}`
  return 'any number'
}

function findPartition(summary: Summary, tp: string): Summary['partitions'][number] | undefined {
  return summary.partitions.find((p) => `${p.topic}-${p.partition}` === tp)
}

function sortedIds(ids: readonly number[]): number[] {
  return [...ids].sort((a, b) => a - b)
}

function formatIds(ids: readonly number[]): string {
  return `[${ids.join(',')}]`
}
