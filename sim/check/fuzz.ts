/**
 * Random fault schedules for property testing (`kafkascope fuzz`, sim/check/fuzz.test.ts).
 *
 * Pure and deterministic: a fuzz seed gives one fault schedule (drawn from its own Rng stream,
 * `fuzz/<seed>`) and one simulation seed (the same number), so `kafkascope fuzz --seeds 1 --start S
 * --until U` replays exactly the run that failed.
 *
 * A schedule is a set of fault episodes at random times in [0, faultEnd): broker crash + restart,
 * node isolation + heal, a network partition into two sides + heal, a slow link + heal, a paused
 * node (a GC pause: it resumes after durationMs), and an active-controller crash. Episodes may
 * overlap, and nothing keeps a quorum or an ISR alive: the checked invariants are about data safety,
 * which must hold whatever happens to availability. At faultEnd (well before the end) the network is
 * healed, every paused node resumed and every crashed broker/controller restarted, so the cluster
 * can converge before the checkers look at it.
 */
import { newRng, nextInt, nextRange, type RngState } from '../kernel/rng.ts'
import { parseScenario } from '../scenario/parse.ts'
import type { NodeRef, Scenario, TimelineAction } from '../scenario/types.ts'
import type { CheckReport } from '../trace/summary-types.ts'
import { createSimulation } from '../index.ts'

/** The default fuzz target: a configuration under which Kafka promises no acknowledged write is lost. */
export const SAFE_FUZZ_SCENARIO_JSON = {
  name: 'Fuzz: safe configuration',
  description:
    '3 brokers (combined KRaft controllers), RF 3, min.insync.replicas=2, clean elections only, idempotent acks=all producers (keyed and null-key) and a reader. Under any fault schedule no checker may report an anomaly.',
  seed: 1,
  durationMs: 60000,
  cluster: {
    brokers: 3,
    controller: { mode: 'kraft' },
    config: { 'replica.lag.time.max.ms': 10000 },
  },
  topics: [
    {
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      config: { 'min.insync.replicas': 2, 'unclean.leader.election.enable': false },
    },
  ],
  producers: [
    {
      id: 'keyed',
      topic: 'orders',
      recordsPerSec: 30,
      keys: { kind: 'pool', size: 12 },
      valueBytes: 100,
      config: { acks: 'all', 'enable.idempotence': true, 'request.timeout.ms': 10000, 'delivery.timeout.ms': 30000 },
    },
    {
      id: 'sticky',
      topic: 'orders',
      recordsPerSec: 20,
      keys: { kind: 'none' },
      valueBytes: 100,
      config: { acks: 'all', 'enable.idempotence': true },
    },
  ],
  readers: [{ id: 'audit', topics: ['orders'], config: { 'auto.offset.reset': 'earliest' } }],
  timeline: [],
  expect: {},
}

export function safeFuzzScenario(): Scenario {
  return parseScenario(structuredClone(SAFE_FUZZ_SCENARIO_JSON))
}

/** The nodes a schedule may hit. */
export interface FuzzTargets {
  /** broker numbers */
  brokers: number[]
  /** dedicated controller node ids (controller-N); empty when controllers run on brokers */
  controllers: string[]
  /** producer and reader ids */
  clients: string[]
}

export function fuzzTargets(s: Scenario): FuzzTargets {
  const brokers: number[] = []
  for (let i = 1; i <= s.cluster.brokers; i++) brokers.push(i)
  const controllers: string[] = []
  if (s.cluster.controller.dedicated) for (let i = 1; i <= s.cluster.controller.voters; i++) controllers.push(`controller-${i}`)
  return { brokers, controllers, clients: [...s.producers.map((p) => p.id), ...s.readers.map((r) => r.id)] }
}

/** When faults stop and the cluster is left to converge. */
export function faultEnd(untilMs: number): number {
  const settle = Math.max(15000, Math.floor(untilMs * 0.3))
  return Math.max(1000, untilMs - settle)
}

function pick<T>(rng: RngState, items: readonly T[]): T {
  return items[nextInt(rng, items.length)]
}

const KINDS = [
  ['crash', 4],
  ['isolate', 2],
  ['partition', 2],
  ['slow', 1],
  ['pause', 2],
  ['crashController', 1],
] as const

type Kind = (typeof KINDS)[number][0]

function pickKind(rng: RngState): Kind {
  const total = KINDS.reduce((s, [, w]) => s + w, 0)
  let x = nextInt(rng, total)
  for (const [kind, weight] of KINDS) {
    if (x < weight) return kind
    x -= weight
  }
  return 'crash'
}

/**
 * A random fault schedule for one fuzz seed, sorted by atMs (stable). The last actions, at
 * faultEnd(untilMs), heal the network, resume paused nodes and restart every broker and dedicated
 * controller (restarting a running node does nothing).
 */
export function randomFaultSchedule(seed: number, targets: FuzzTargets, untilMs: number): TimelineAction[] {
  const rng = newRng(`fuzz/${seed}`)
  const end = faultEnd(untilMs)
  const out: TimelineAction[] = []
  const brokers: NodeRef[] = targets.brokers
  const servers: NodeRef[] = [...targets.brokers, ...targets.controllers]
  const anyNode: NodeRef[] = [...servers, ...targets.clients]
  const paused = new Set<NodeRef>()
  const episodes = nextRange(rng, 1, Math.max(2, Math.min(10, Math.floor(end / 6000))))
  for (let e = 0; e < episodes; e++) {
    const at = nextInt(rng, end)
    const span = nextRange(rng, 500, 25000)
    const stop = Math.min(at + span, end)
    switch (pickKind(rng)) {
      case 'crash': {
        const b = pick(rng, brokers)
        out.push({ atMs: at, action: 'crashBroker', broker: b })
        out.push({ atMs: stop, action: 'restartBroker', broker: b })
        break
      }
      case 'isolate': {
        out.push({ atMs: at, action: 'isolate', node: pick(rng, anyNode) })
        out.push({ atMs: stop, action: 'healNetwork' })
        break
      }
      case 'partition': {
        const sides: NodeRef[][] = [[], []]
        for (const n of servers) sides[nextInt(rng, 2)].push(n)
        for (const c of targets.clients) {
          const k = nextInt(rng, 3) // 2: leave the client unlisted (it keeps every link)
          if (k < 2) sides[k].push(c)
        }
        if (sides[0].length === 0) sides[0].push(sides[1].pop()!)
        if (sides[1].length === 0) sides[1].push(sides[0].pop()!)
        out.push({ atMs: at, action: 'partitionNetwork', sides })
        out.push({ atMs: stop, action: 'healNetwork' })
        break
      }
      case 'slow': {
        const a = pick(rng, anyNode)
        let b = pick(rng, servers)
        if (b === a) b = servers[(servers.indexOf(b) + 1) % servers.length]
        if (b === a) break
        const extra = pick(rng, [20, 200, 2000, 12000, 40000])
        out.push({ atMs: at, action: 'slowLink', between: [a, b], extraLatencyMs: extra + nextInt(rng, 100) })
        out.push({ atMs: stop, action: 'healNetwork' })
        break
      }
      case 'pause': {
        const n = pick(rng, anyNode)
        paused.add(n)
        out.push({ atMs: at, action: 'pauseNode', node: n, durationMs: Math.max(1, stop - at) })
        break
      }
      case 'crashController': {
        out.push({ atMs: at, action: 'crashController' })
        break
      }
    }
  }
  out.push({ atMs: end, action: 'healNetwork' })
  for (const n of anyNode) if (paused.has(n)) out.push({ atMs: end, action: 'resumeNode', node: n })
  servers.forEach((n, i) => out.push({ atMs: end + 1 + i * 250, action: 'restartBroker', broker: n }))
  return stableSortByTime(out)
}

function stableSortByTime(actions: TimelineAction[]): TimelineAction[] {
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.atMs - y.a.atMs || x.i - y.i)
    .map((x) => x.a)
}

/** The scenario a fuzz seed runs: the base with the seed, the duration and the faults merged in. */
export function fuzzScenario(base: Scenario, seed: number, untilMs: number): Scenario {
  const faults = randomFaultSchedule(seed, fuzzTargets(base), untilMs)
  return {
    ...base,
    seed,
    durationMs: untilMs,
    timeline: stableSortByTime([...base.timeline, ...faults]),
  }
}

export interface FuzzResult {
  seed: number
  untilMs: number
  ok: boolean
  checks: CheckReport
  events: number
  traceHash: string
  schedule: TimelineAction[]
  /** scenario-level context for a report: producers' counters */
  acked: number
  sent: number
}

/** Run one fuzz seed to untilMs and check the result. */
export function runFuzzSeed(base: Scenario, seed: number, untilMs: number): FuzzResult {
  const scenario = fuzzScenario(base, seed, untilMs)
  const sim = createSimulation(scenario, { seed })
  sim.runUntil(untilMs)
  const s = sim.summary()
  return {
    seed,
    untilMs,
    ok: s.checks.ok,
    checks: s.checks,
    events: s.events,
    traceHash: s.traceHash,
    schedule: scenario.timeline.filter((a) => !base.timeline.includes(a)),
    acked: s.producers.reduce((n, p) => n + p.acked, 0),
    sent: s.producers.reduce((n, p) => n + p.sent, 0),
  }
}

/** The one command that replays a fuzz seed. */
export function reproduceCommand(seed: number, untilMs: number, scenarioFile?: string): string {
  const scenario = scenarioFile === undefined ? '' : ` --scenario ${shellQuote(scenarioFile)}`
  return `npx kafkascope fuzz${scenario} --seeds 1 --start ${seed} --until ${untilMs}`
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

/** One line per fault action, e.g. "  12345 ms crashBroker broker=2". */
export function describeSchedule(schedule: readonly TimelineAction[]): string[] {
  return schedule.map((a) => {
    const { atMs, action, ...rest } = a
    const args = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' ')
    return `${String(atMs).padStart(8)} ms ${action}${args ? ' ' + args : ''}`
  })
}
