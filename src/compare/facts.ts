// What a learner compares between two runs, gathered from one run as it goes: records
// acknowledged, acknowledged records lost, duplicates and records re-read (the checkers' counts in
// summary()), producers' request errors by name (metadata warm-up warnings apart), how long partitions had no leader or a leader that is down, how long a
// consumer group was not Stable and its partitions went unread, the rebalances (generations), and
// each partition's final Leader and Isr. The time-based counts are sampled every SAMPLE_MS of
// simulated time, so they are the same however fast the clock runs.

import { clusterView, isInternalTopic, partitionName, type ClusterView, type Simulation, type Summary } from '../../sim/index.ts'
import { describeGroup, stoppedPartitions } from '../views/groups/describe.ts'

/** Simulated ms between two samples of the time-based counts. */
export const SAMPLE_MS = 100

/** The time-based counts of one run, sampled. */
export interface Tally {
  /** sum over user partitions of the ms they spent with Leader: none (-1) */
  leaderlessMs: number
  /** sum over user partitions of the ms their leader's broker was down, before the controller noticed */
  downLeaderMs: number
  /** sum over groups of the ms they spent in a state other than Stable */
  notStableMs: number
  /** sum over groups' partitions of the ms no member was reading them */
  unreadMs: number
  /** the last sampled time */
  atMs: number
}

export function emptyTally(): Tally {
  return { leaderlessMs: 0, downLeaderMs: 0, notStableMs: 0, unreadMs: 0, atMs: 0 }
}

/** Add one sample: the state now counts for the `dtMs` since the last one. */
export function addSample(tally: Tally, view: ClusterView, dtMs: number): void {
  for (const p of view.partitions) {
    if (p.leader < 0) tally.leaderlessMs += dtMs
    else if (isDown(view, p.leader)) tally.downLeaderMs += dtMs
  }
  for (const g of view.groups) {
    if (g.state !== 'Stable') tally.notStableMs += dtMs
    tally.unreadMs += stoppedPartitions(describeGroup(g)).length * dtMs
  }
}

function isDown(view: ClusterView, broker: number): boolean {
  const state = view.brokers.find((b) => b.id === broker)?.state
  return state === 'crashed' || state === 'stopped'
}

/** One partition's state at the end of the compared time. */
export interface PartitionEnd {
  tp: string
  leader: number
  isr: number[]
}

/** Everything the differences table shows for one run. */
export interface RunFacts {
  nowMs: number
  acked: number
  lost: number
  duplicates: number
  redeliveries: number
  /** producers' request errors, summed by Kafka's error name */
  errors: Record<string, number>
  /** producers' metadata warm-up warnings (not request errors), summed over names */
  metadataWarnings: number
  leaderlessMs: number
  downLeaderMs: number
  notStableMs: number
  unreadMs: number
  /** sum of the groups' generations: each completed rebalance starts a new one */
  rebalances: number
  /** the run has consumer groups (the group rows apply) */
  hasGroups: boolean
  partitions: PartitionEnd[]
}

/** The facts of a run now, from its summary (the checkers' report) and its tally. */
export function factsOf(summary: Summary, tally: Tally): RunFacts {
  const errors: Record<string, number> = {}
  let acked = 0
  let metadataWarnings = 0
  for (const p of summary.producers) {
    acked += p.acked
    for (const n of Object.values(p.metadataWarnings ?? {})) metadataWarnings += n
    for (const [name, n] of Object.entries(p.errors)) errors[name] = (errors[name] ?? 0) + n
  }
  return {
    nowMs: summary.simTimeMs,
    acked,
    lost: summary.checks.lostAckedWrites,
    duplicates: summary.checks.duplicates,
    redeliveries: summary.checks.redeliveries,
    errors,
    metadataWarnings,
    leaderlessMs: tally.leaderlessMs,
    downLeaderMs: tally.downLeaderMs,
    notStableMs: tally.notStableMs,
    unreadMs: tally.unreadMs,
    rebalances: summary.groups.reduce((n, g) => n + g.generation, 0),
    hasGroups: summary.groups.length > 0,
    partitions: summary.partitions
      .filter((p) => !isInternalTopic(p.topic))
      .map((p) => ({ tp: partitionName(p.topic, p.partition), leader: p.leader, isr: p.isr.slice() })),
  }
}

/** A run of the comparison: its own simulation, and the tally sampled along the way. */
export interface CompareRun {
  sim: Simulation
  tally: Tally
}

/**
 * Bring a run to `ms`, stopping at every sample boundary to sample it. With a wall budget it
 * stops early once the budget is spent (returns false); the next call goes on from there.
 */
export function advanceRun(run: CompareRun, ms: number, budget?: { now: () => number; untilWall: number }): boolean {
  const { sim, tally } = run
  while (sim.nowMs < ms) {
    const boundary = (Math.floor(sim.nowMs / SAMPLE_MS) + 1) * SAMPLE_MS
    sim.runUntil(Math.min(ms, boundary))
    if (sim.nowMs >= boundary && tally.atMs < boundary) {
      addSample(tally, clusterView(sim), SAMPLE_MS)
      tally.atMs = boundary
    }
    if (budget && budget.now() > budget.untilWall && sim.nowMs < ms) return false
  }
  return true
}
