/**
 * Random fault schedules for property testing (`kafkascope fuzz`, sim/testing/fuzz.test.ts).
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
 *
 * When the scenario has consumer groups, a second stream (`fuzz/<seed>/consumers`) adds consumer
 * faults on top: crashConsumer (no LeaveGroup; the coordinator notices after session.timeout.ms),
 * restartConsumer (a crash and a restart), addConsumer and removeConsumer (a clean close). The
 * server and network faults of a seed stay exactly those of the same seed without groups.
 *
 * Network faults (isolate, partition sides, slow links, pauses) never target a group member. A member
 * that cannot reach its coordinator but can still reach the partition leaders keeps fetching and
 * handing out records of the partitions it owned, until it hears of the rebalance (a heartbeat or
 * commit answered UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION): the Java client's heartbeat thread only
 * marks the coordinator unknown when its session runs out, and poll() returns fetched records whether
 * or not the coordinator is known (ClassicKafkaConsumer.poll → pollForFetches). A GC-paused member
 * does the same when it resumes, with the records it had buffered. Meanwhile the coordinator has
 * removed it and given its partitions to another member, so two members of the group read one
 * partition at once: a Kafka "zombie", which the classic protocol fences for commits (generation
 * checks) but not for reads. (An isolated member cannot fetch, but it hands out what it had
 * buffered, and once the network heals its next fetch can be answered before its next heartbeat.)
 * The group checker reports that as concurrentConsumers, so the safe configuration keeps those
 * faults away from members. Faults on the coordinator broker (its crash, isolation or pause) stay,
 * as part of the core schedule: a new coordinator loads the group and restarts every member's
 * session, and members evicted by an isolated coordinator hear of it by their next heartbeat.
 *
 * With `invariants`, a seed also has the state invariants (check/invariants.ts) checked after every
 * event, and its run stops at the first event that breaks one.
 */
import { newRng, nextInt, nextRange, type RngState } from '../kernel/rng.ts'
import { parseScenario } from '../scenario/parse.ts'
import type { NodeRef, Scenario, TimelineAction } from '../scenario/types.ts'
import type { CheckReport } from '../trace/summary-types.ts'
import { createWorld } from '../nodes/create-world.ts'
import { nextTime, runUntil, step } from '../run.ts'
import { buildSummary } from '../trace/summary.ts'
import { runCheckingInvariants, type InvariantBreak } from '../check/invariant-run.ts'

/** The default fuzz target: a configuration under which Kafka promises no acknowledged write is lost. */
export const SAFE_FUZZ_SCENARIO_JSON = {
  name: 'Fuzz: safe configuration',
  description:
    '3 brokers (combined KRaft controllers), RF 3, min.insync.replicas=2, clean elections only, idempotent acks=all producers (keyed and null-key), a reader, a classic consumer group of 3 (range, auto-commit), a KIP-848 consumer group of 3 (group.protocol=consumer, uniform) and a share group of 3 (KIP-932) that releases every 40th record for redelivery. Under any fault schedule no checker may report an anomaly.',
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
  consumers: [
    {
      groupId: 'billing',
      topics: ['orders'],
      members: 3,
      processingMsPerRecord: 1,
      // range (eager), auto-commit every 5 s (the default); a 10 s session so that a crashed member's
      // partitions move well before the end of a 60 s run
      config: { 'partition.assignment.strategy': ['range'], 'session.timeout.ms': 10000, 'auto.offset.reset': 'earliest' },
    },
    {
      groupId: 'ledger',
      topics: ['orders'],
      members: 3,
      processingMsPerRecord: 1,
      config: { 'group.protocol': 'consumer', 'auto.offset.reset': 'earliest' },
    },
  ],
  shareGroups: [
    {
      groupId: 'dispatch',
      topics: ['orders'],
      members: 3,
      processingMsPerRecord: 2,
      // a record whose offset is a multiple of 40 always fails: released until it is archived at the delivery limit
      failProcessing: { everyNth: 40, acknowledge: 'RELEASE' },
      config: { 'share.auto.offset.reset': 'earliest' },
    },
  ],
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
  /** the ZooKeeper servers (zk-N) in the legacy ZooKeeper mode; empty in KRaft mode */
  zookeeper: string[]
  /** producer and reader ids (network faults: isolation, partition sides, slow links, pauses) */
  clients: string[]
  /** consumer and share group members present from the start (`<groupId>-N`): crashConsumer, restartConsumer, removeConsumer */
  members: string[]
  /** consumer and share group ids (addConsumer) */
  groups: string[]
  /** the scenario's topics with their partition count and replication factor (reassignPartitions) */
  topics: { name: string; partitions: number; replicationFactor: number }[]
}

export function fuzzTargets(s: Scenario): FuzzTargets {
  const brokers: number[] = []
  for (let i = 1; i <= s.cluster.brokers; i++) brokers.push(i)
  const controllers: string[] = []
  if (s.cluster.controller.dedicated) for (let i = 1; i <= s.cluster.controller.voters; i++) controllers.push(`controller-${i}`)
  const members: string[] = []
  for (const c of [...s.consumers, ...s.shareGroups]) for (let i = 1; i <= c.members; i++) members.push(`${c.groupId}-${i}`)
  const zookeeper = Array.from({ length: s.cluster.zookeeper?.nodes ?? 0 }, (_, i) => `zk-${i + 1}`)
  return {
    brokers,
    controllers,
    zookeeper,
    clients: [...s.producers.map((p) => p.id), ...s.readers.map((r) => r.id)],
    members,
    groups: [...s.consumers, ...s.shareGroups].map((c) => c.groupId),
    topics: s.topics.map((t) => ({ name: t.name, partitions: t.partitions, replicationFactor: t.replicationFactor })),
  }
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
  ['shutdown', 2],
  ['isolate', 2],
  ['partition', 2],
  ['slow', 1],
  ['pause', 2],
  ['crashController', 1],
] as const

function pickWeighted<K extends string>(rng: RngState, kinds: readonly (readonly [K, number])[]): K {
  const total = kinds.reduce((s, [, w]) => s + w, 0)
  let x = nextInt(rng, total)
  for (const [kind, weight] of kinds) {
    if (x < weight) return kind
    x -= weight
  }
  return kinds[0][0]
}

const CONSUMER_KINDS = [
  ['crashConsumer', 3],
  ['restartConsumer', 3],
  ['addConsumer', 2],
  ['removeConsumer', 2],
] as const

/**
 * Operations on the running cluster for one seed, from their own stream (so the fault schedules of
 * earlier seeds stay as they were): half the seeds add a broker at a random time, and 0..2
 * partitions are reassigned at random times to a random ordered choice of the brokers there are
 * then (the added one included once it has had 5 s to register), as kafka-reassign-partitions does.
 */
function clusterOperations(seed: number, targets: FuzzTargets, end: number): TimelineAction[] {
  // ZooKeeper mode runs no admin operations (the scenario parser refuses them there too)
  if (targets.topics.length === 0 || targets.zookeeper.length > 0) return []
  const rng = newRng(`fuzz/${seed}/operations`)
  const out: TimelineAction[] = []
  const addAt = nextInt(rng, 2) === 0 ? nextInt(rng, end) : -1
  if (addAt >= 0) out.push({ atMs: addAt, action: 'addBroker' })
  const moves = nextInt(rng, 3)
  for (let k = 0; k < moves; k++) {
    const at = nextInt(rng, end)
    const t = pick(rng, targets.topics)
    const pool = addAt >= 0 && at >= addAt + 5000 ? [...targets.brokers, targets.brokers.length + 1] : targets.brokers.slice()
    const replicas: number[] = []
    const n = Math.min(t.replicationFactor, pool.length)
    while (replicas.length < n) replicas.push(pool.splice(nextInt(rng, pool.length), 1)[0])
    out.push({ atMs: at, action: 'reassignPartitions', topic: t.name, partition: nextInt(rng, t.partitions), replicas })
  }
  return out
}

/**
 * Consumer faults for one seed, from their own stream: 1..4 episodes at random times in [0, end).
 * A crashed member stays down (the group carries on without it after session.timeout.ms) unless a
 * later restartConsumer brings it back.
 */
function consumerFaults(seed: number, targets: FuzzTargets, end: number): TimelineAction[] {
  if (targets.members.length === 0) return []
  const rng = newRng(`fuzz/${seed}/consumers`)
  const out: TimelineAction[] = []
  const episodes = nextRange(rng, 1, 4)
  for (let e = 0; e < episodes; e++) {
    const at = nextInt(rng, end)
    switch (pickWeighted(rng, CONSUMER_KINDS)) {
      case 'crashConsumer':
        out.push({ atMs: at, action: 'crashConsumer', member: pick(rng, targets.members) })
        break
      case 'restartConsumer': {
        const afterMs = Math.max(1, Math.min(nextRange(rng, 500, 25000), end - at))
        out.push({ atMs: at, action: 'restartConsumer', member: pick(rng, targets.members), afterMs })
        break
      }
      case 'addConsumer':
        out.push({ atMs: at, action: 'addConsumer', groupId: pick(rng, targets.groups) })
        break
      case 'removeConsumer':
        out.push({ atMs: at, action: 'removeConsumer', member: pick(rng, targets.members) })
        break
    }
  }
  return out
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
  const servers: NodeRef[] = [...targets.brokers, ...targets.controllers, ...targets.zookeeper]
  const zk = targets.zookeeper.length > 0
  const anyNode: NodeRef[] = [...servers, ...targets.clients]
  const paused = new Set<NodeRef>()
  // each broker's controlled shutdowns [at, restart]: a second one inside would be refused (shut down twice)
  const shutdowns = new Map<NodeRef, [number, number][]>()
  const episodes = nextRange(rng, 1, Math.max(2, Math.min(10, Math.floor(end / 6000))))
  for (let e = 0; e < episodes; e++) {
    const at = nextInt(rng, end)
    const span = nextRange(rng, 500, 25000)
    const stop = Math.min(at + span, end)
    switch (pickWeighted(rng, KINDS)) {
      case 'crash': {
        // in ZooKeeper mode the ZooKeeper servers crash too
        const b = pick(rng, zk ? [...brokers, ...targets.zookeeper] : brokers)
        if (targets.zookeeper.includes(String(b))) out.push({ atMs: at, action: 'crashZooKeeper', server: String(b) }, { atMs: stop, action: 'restartZooKeeper', server: String(b) })
        else out.push({ atMs: at, action: 'crashBroker', broker: b }, { atMs: stop, action: 'restartBroker', broker: b })
        break
      }
      case 'shutdown': {
        const b = pick(rng, brokers)
        const spans = shutdowns.get(b) ?? []
        // (ZooKeeper mode's controlled shutdown is not modelled: a crash there)
        const overlaps = zk || spans.some(([x, y]) => at <= y && x <= stop)
        out.push({ atMs: at, action: overlaps ? 'crashBroker' : 'shutdownBroker', broker: b })
        out.push({ atMs: stop, action: 'restartBroker', broker: b })
        if (!overlaps) shutdowns.set(b, [...spans, [at, stop]])
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
        // in ZooKeeper mode, half of these crash a ZooKeeper server for a while instead
        if (zk && nextInt(rng, 2) === 0) {
          const server = pick(rng, targets.zookeeper)
          out.push({ atMs: at, action: 'crashZooKeeper', server }, { atMs: stop, action: 'restartZooKeeper', server })
        } else out.push({ atMs: at, action: 'crashController' })
        break
      }
    }
  }
  out.push({ atMs: end, action: 'healNetwork' })
  for (const n of anyNode) if (paused.has(n)) out.push({ atMs: end, action: 'resumeNode', node: n })
  const restart = (n: NodeRef, atMs: number): TimelineAction =>
    targets.zookeeper.includes(String(n)) ? { atMs, action: 'restartZooKeeper', server: String(n) } : { atMs, action: 'restartBroker', broker: n }
  servers.forEach((n, i) => out.push(restart(n, end + 1 + i * 250)))
  // a broker still in a long controlled shutdown then (it waits for the others' metadata) stops
  // after it: restart every server once more
  const again = end + Math.floor((untilMs - end) / 4)
  servers.forEach((n, i) => out.push(restart(n, again + i * 100)))
  out.push(...consumerFaults(seed, targets, end))
  out.push(...clusterOperations(seed, targets, end))
  return stableSortByTime(out)
}

function stableSortByTime(actions: TimelineAction[]): TimelineAction[] {
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.atMs - y.a.atMs || x.i - y.i)
    .map((x) => x.a)
}

/** How a seed shapes the cluster: its racks, its feature levels, and the rack it loses. */
export interface ClusterShape {
  racks: Record<string, string>
  features: Scenario['cluster']['features']
  actions: TimelineAction[]
}

const RACKS = ['a', 'b', 'c'] as const

/**
 * The cluster's shape for one seed, from its own stream (so the schedules above stay as they were):
 * a third of the seeds put the brokers in racks a, b, c in turn (unless the scenario has racks) and
 * lose one whole rack for a while (crashRack, restartRack); a quarter run without ELR
 * (eligible.leader.replicas.version=0, Kafka 4.0's election).
 */
export function clusterShape(seed: number, base: Scenario, untilMs: number): ClusterShape {
  const rng = newRng(`fuzz/${seed}/cluster`)
  const end = faultEnd(untilMs)
  let racks = base.cluster.racks
  const actions: TimelineAction[] = []
  if (nextInt(rng, 3) === 0 && Object.keys(racks).length === 0) {
    racks = {}
    for (let b = 1; b <= base.cluster.brokers; b++) racks[String(b)] = RACKS[(b - 1) % RACKS.length]
    const rack = pick(rng, [...new Set(Object.values(racks))].sort())
    const at = nextInt(rng, end)
    actions.push({ atMs: at, action: 'crashRack', rack }, { atMs: Math.min(end, at + nextRange(rng, 2000, 30000)), action: 'restartRack', rack })
  }
  const elrOff = nextInt(rng, 4) === 0 && base.cluster.controller.mode === 'kraft'
  const features = elrOff ? { ...base.cluster.features, 'eligible.leader.replicas.version': 0 } : base.cluster.features
  return { racks, features, actions }
}

/**
 * Cancellations for one seed, from their own stream: a third of the moves are cancelled within 8 ms
 * of their start (kafka-reassign-partitions --cancel), while a new replica is still copying; one that
 * has finished by then (a reordering finishes at once) is refused with NO_REASSIGNMENT_IN_PROGRESS,
 * as Kafka refuses it.
 */
export function cancellations(seed: number, schedule: readonly TimelineAction[]): TimelineAction[] {
  const rng = newRng(`fuzz/${seed}/cancel`)
  const out: TimelineAction[] = []
  for (const a of schedule) {
    if (a.action !== 'reassignPartitions' || nextInt(rng, 3) !== 0) continue
    out.push({ atMs: a.atMs + nextInt(rng, 8), action: 'cancelReassignment', topic: a.topic, partition: a.partition })
  }
  return out
}

/** The scenario a fuzz seed runs: the base with the seed, the duration, its cluster shape and the faults merged in. */
export function fuzzScenario(base: Scenario, seed: number, untilMs: number): Scenario {
  const faults = randomFaultSchedule(seed, fuzzTargets(base), untilMs)
  faults.push(...cancellations(seed, faults))
  const shape = clusterShape(seed, base, untilMs)
  return {
    ...base,
    seed,
    durationMs: untilMs,
    cluster: { ...base.cluster, racks: shape.racks, features: shape.features },
    timeline: stableSortByTime([...base.timeline, ...faults, ...shape.actions]),
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
  /** the seed's cluster shape, for a report: racks and feature levels */
  cluster: string
  /** scenario-level context for a report: producers' counters */
  acked: number
  sent: number
  /** records handed out by poll() to consumer group members (redeliveries included) */
  consumed: number
  /** with `invariants`: the first event that broke a state invariant (the run stopped there), else null */
  invariant: InvariantBreak | null
}

export interface FuzzOptions {
  /** check the state invariants (check/invariants.ts) after every event, and stop at the first break */
  invariants?: boolean
}

/** Run one fuzz seed to untilMs and check the result. */
export function runFuzzSeed(base: Scenario, seed: number, untilMs: number, options: FuzzOptions = {}): FuzzResult {
  const scenario = fuzzScenario(base, seed, untilMs)
  const world = createWorld(scenario, seed)
  let invariant: InvariantBreak | null = null
  if (options.invariants) {
    const steppable = { world, step: () => step(world), nextEventMs: () => nextTime(world), runUntil: (t: number) => runUntil(world, t) }
    invariant = runCheckingInvariants(steppable, untilMs)
  } else runUntil(world, untilMs)
  const s = buildSummary(world)
  return {
    seed,
    untilMs,
    ok: s.checks.ok && invariant === null,
    checks: s.checks,
    events: s.events,
    traceHash: s.traceHash,
    schedule: scenario.timeline.filter((a) => !base.timeline.includes(a)),
    cluster: describeCluster(scenario),
    acked: s.producers.reduce((n, p) => n + p.acked, 0),
    sent: s.producers.reduce((n, p) => n + p.sent, 0),
    consumed: world.memberIds.reduce((n, id) => n + world.members[id].polled, 0),
    invariant,
  }
}

/** The one command that replays a fuzz seed (with the invariants checked when they were). */
export function reproduceCommand(seed: number, untilMs: number, scenarioFile?: string, options: FuzzOptions = {}): string {
  const scenario = scenarioFile === undefined ? '' : ` --scenario ${shellQuote(scenarioFile)}`
  return `npx kafkascope fuzz${scenario} --seeds 1 --start ${seed} --until ${untilMs}${options.invariants ? ' --invariants' : ''}`
}

/** A word for a POSIX shell: bare when safe, else single-quoted. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

/** One line per fault action, e.g. "  12345 ms crashBroker broker=2". */
/** "racks 1:a 2:b 3:c · eligible.leader.replicas.version=0": what a seed changed in the cluster. */
export function describeCluster(s: Scenario): string {
  const racks = Object.entries(s.cluster.racks).map(([b, r]) => `${b}:${r}`)
  const features = s.cluster.zookeeper ? [`ZooKeeper mode, ${s.cluster.zookeeper.nodes} servers`] : Object.entries(s.cluster.features).map(([k, v]) => `${k}=${v}`)
  return [racks.length > 0 ? `racks ${racks.join(' ')}` : 'no racks', ...features].join(' · ')
}

export function describeSchedule(schedule: readonly TimelineAction[]): string[] {
  return schedule.map((a) => {
    const { atMs, action, ...rest } = a
    const args = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' ')
    return `${String(atMs).padStart(8)} ms ${action}${args ? ' ' + args : ''}`
  })
}
