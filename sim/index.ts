/**
 * kafkascope's simulation API (CONTRACT §5). A Simulation wraps a plain-data world; snapshot() is
 * a structuredClone of it, and restoreSimulation(snapshot) continues exactly where it left off.
 */
import type { Scenario, TimelineAction } from './scenario/types.ts'
import type { Summary } from './trace/summary-types.ts'
import type { World } from './world.ts'
import { createWorld, step as stepWorld, runUntil as runWorldUntil, nextTime, type MessageTap } from './engine.ts'
import { buildSummary } from './trace/summary.ts'
import { traceHashOf } from './trace/hash.ts'
import { scheduleIntervention } from './scenario/actions.ts'
import { kafkaTopicsDescribe as describeTopicsView, kafkaConsumerGroupsDescribe as describeGroupView } from './trace/kafka-tools-view.ts'
import type { DescribeTopicsOptions, ToolOutput } from './trace/kafka-tools.ts'

export { murmur2, partitionForKey } from './kafka/murmur2.ts'
export { coordinatorPartitionFor } from './kafka/coordinator.ts'
export { assignPartitions } from './groups/assignors.ts'
export { parseScenario, parseScenarioText, ScenarioError } from './scenario/parse.ts'
export type { Scenario, TimelineAction } from './scenario/types.ts'
export type { Summary } from './trace/summary-types.ts'
export type { MessageTap } from './engine.ts'
export type { Msg, Note } from './world.ts'
export { buildClusterView } from './view/cluster-view.ts'
export type * from './view/types.ts'

/** A timeline action without its time (apply() stamps the current time). */
export type ActionInput = TimelineAction extends infer A ? (A extends TimelineAction ? Omit<A, 'atMs'> & { atMs?: number } : never) : never

/** A snapshot is the world itself, as plain data. */
export type SimSnapshot = World

export interface Simulation {
  readonly nowMs: number
  step(): boolean
  runUntil(timeMs: number): void
  apply(action: ActionInput): void
  /** time of the next event or timeline action (Infinity when there is none) */
  nextEventMs(): number
  /** watch delivered messages (null stops); the observer never changes the run */
  observe(tap: MessageTap | null): void
  snapshot(): SimSnapshot
  summary(): Summary
  traceHash(): string
  /** the world, read-only, for views (the app) and the CLI */
  readonly world: World
}

function wrap(w: World): Simulation {
  let tap: MessageTap | undefined
  return {
    get nowMs() {
      return w.nowMs
    },
    get world() {
      return w
    },
    step: () => stepWorld(w, tap),
    runUntil: (t: number) => runWorldUntil(w, t, tap),
    nextEventMs: () => nextTime(w),
    observe(next) {
      tap = next ?? undefined
    },
    apply(action) {
      const a = { ...action, atMs: w.nowMs } as TimelineAction
      w.interventions.push(a)
      scheduleIntervention(w, a)
      runWorldUntil(w, w.nowMs, tap)
    },
    snapshot: () => structuredClone(w),
    summary: () => buildSummary(w),
    traceHash: () => traceHashOf(w),
  }
}

/** `kafka-topics.sh --describe` against the simulated cluster now. */
export function kafkaTopicsDescribe(sim: Simulation, options: DescribeTopicsOptions = {}): string {
  return describeTopicsView(sim.world, options)
}

/** `kafka-consumer-groups.sh --describe --group <groupId>` against the simulated cluster now. */
export function kafkaConsumerGroupsDescribe(sim: Simulation, groupId: string): ToolOutput {
  return describeGroupView(sim.world, groupId)
}

export function createSimulation(scenario: Scenario, options: { seed?: number } = {}): Simulation {
  return wrap(createWorld(scenario, options.seed ?? scenario.seed))
}

export function restoreSimulation(snapshot: SimSnapshot): Simulation {
  return wrap(structuredClone(snapshot))
}
