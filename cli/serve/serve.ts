/**
 * `kafkascope serve`: the simulated cluster on simulated time that follows the wall clock, each
 * simulated broker listening on its own port of 127.0.0.1 (`port` + id - 1), so unchanged Kafka
 * clients produce to it and fetch from it, follow its leaders and feel its faults.
 *
 * Every request a client sends becomes an input of the run (the `clientRequest` action) at the
 * simulated time it arrived, from the client's own network node (`ext-<n>`, one per connection);
 * the simulated broker's answer, when it reaches that node, is written back on the connection. A
 * broker that crashes resets its connections and refuses new ones until it runs again, as a crashed
 * Kafka broker does. The inputs are the run's interventions, so the session `serve` writes replays
 * the same run (`kafkascope run`).
 *
 * Served: ApiVersions, Metadata, Produce, Fetch, ListOffsets, OffsetForLeaderEpoch, InitProducerId,
 * CreateTopics and DeleteTopics, the classic consumer-group APIs and ConsumerGroupHeartbeat
 * (convert.ts, convert-groups.ts), and the read-only admin requests (admin.ts: answered from the
 * receiving broker's state, not inputs, since they change nothing). Only these are advertised.
 */
import {
  ENGINE_VERSION,
  checkClientRequest,
  clientDisconnected,
  clusterView,
  createSimulation,
  mergeInterventions,
  parseScenario,
  clientAnswerRef,
  type ActionInput,
  type Msg,
  type Scenario,
  type Session,
  type Simulation,
  type TimelineAction,
} from '../../sim/index.ts'
import type { Struct } from '../protocol/codec.ts'
import { translateRequest, translateResponse, type Endpoints } from './convert.ts'
import { topicOfId } from './translation.ts'
import { GROUP_APIS } from './convert-groups.ts'
import { answerRead, READ_APIS } from './admin.ts'
import { apiVersionsBody, startFrameServer, type FrameServer, type ServedRequest } from './frame-server.ts'

/** The APIs serve answers (and advertises in ApiVersions). */
export const SERVED_APIS: ReadonlySet<string> = new Set([
  'ApiVersions',
  'Metadata',
  'Produce',
  'Fetch',
  'ListOffsets',
  'OffsetForLeaderEpoch',
  'InitProducerId',
  'CreateTopics',
  'DeleteTopics',
  ...GROUP_APIS,
  ...READ_APIS,
])

export interface ServeOptions {
  host?: string
  /** broker 1's port; broker N listens on port + N - 1 (0: any free ports, for tests) */
  port?: number
  /** simulated ms per wall ms (1: real time) */
  speed?: number
  /** wall ms between two advances of the simulated clock */
  tickMs?: number
}

/** What a watcher (the app, over a WebSocket) follows: every input of the run as it is applied, and the clock. */
export type ServeEvent = { kind: 'input'; action: TimelineAction } | { kind: 'clock'; nowMs: number }

export interface Served {
  sim: Simulation
  /** each broker's port, by broker id */
  ports: Record<number, number>
  /** the run so far as a session: `kafkascope run` of it gives the same trace hash */
  session(): Session
  /** follow the run from now on (returns the unsubscribe); the session so far is `session()` */
  watch(listener: (e: ServeEvent) => void): () => void
  /**
   * Something a person did to the served cluster (a fault clicked in the app): checked like a
   * scenario's timeline action (throws ScenarioError, and nothing happens, when refused), then
   * applied at the current simulated time and recorded as an input. Real clients' requests are
   * not taken here.
   */
  intervene(action: ActionInput): TimelineAction
  /** resolves when simulated time reaches the scenario's durationMs (the clock stops there; a session ends within its run) */
  ended: Promise<void>
  close(): Promise<void>
}

/** The longest serve waits, in simulated time, for the cluster to be ready before it listens. */
const OPENING_LIMIT_MS = 60_000
const OPENING_STEP_MS = 250

/**
 * Run the cluster until it can take clients: a controller elected, and every topic created with a
 * leader for each partition (in KRaft about 6 s of simulated time, taken at once rather than on the
 * wall clock, so a client that connects as soon as serve prints its ports finds the topics). Returns
 * the simulated time reached; a cluster that is not ready by OPENING_LIMIT_MS is served as it is.
 */
export function readyCluster(sim: Simulation): number {
  const topics = sim.world.scenario.topics.length
  const limit = Math.min(OPENING_LIMIT_MS, sim.world.scenario.durationMs)
  while (sim.nowMs < limit) {
    sim.runUntil(Math.min(sim.nowMs + OPENING_STEP_MS, limit))
    const view = clusterView(sim)
    if (view.activeController !== null && view.topics.length >= topics && view.partitions.every((p) => p.leader >= 0)) break
  }
  return sim.nowMs
}

export async function startServe(scenario: Scenario, options: ServeOptions = {}): Promise<Served> {
  const host = options.host ?? '127.0.0.1'
  const speed = options.speed ?? 1
  const sim = createSimulation(scenario)
  const openedAtMs = readyCluster(sim)
  // simulated time openedAtMs is now; record timestamps are shifted so simulated time 0 is openedAtMs earlier
  const wallStart = Date.now()
  // a session stops within its scenario's run: at durationMs the served clock stops and `ended` resolves
  let end: () => void = () => {}
  const ended = new Promise<void>((resolve) => (end = resolve))
  const catchUp = () => {
    const target = Math.min(openedAtMs + Math.floor((Date.now() - wallStart) * speed), scenario.durationMs)
    if (target > sim.nowMs) sim.runUntil(target)
    if (sim.nowMs >= scenario.durationMs) end()
  }
  const waiting = new Map<number, { client: string; resolve: (m: Msg) => void }>()
  // an answer is taken as it reaches its client's node; one for a connection the client closed is
  // dropped, as a broker drops it
  sim.observe((msg, to) => {
    if (!to.startsWith('ext-')) return
    const ref = clientAnswerRef(sim, to, msg)
    if (ref === null) return
    waiting.get(ref)?.resolve(msg)
    waiting.delete(ref)
  })
  const clientOf = new Map<number, string>()
  const connectionOf = new Map<string, { destroy: () => void }>()
  let refs = 0
  let clients = 0
  const watchers = new Set<(e: ServeEvent) => void>()
  const apply = (action: TimelineAction) => {
    sim.apply(action)
    for (const w of watchers) w({ kind: 'input', action })
  }

  /** Connections whose broker went away are reset. */
  const deliver = () => {
    for (const [client, conn] of connectionOf) {
      if (!clientDisconnected(sim, client)) continue
      connectionOf.delete(client)
      for (const [ref, x] of waiting) if (x.client === client) waiting.delete(ref)
      conn.destroy()
    }
  }
  let followBrokers = () => {}
  const timer = setInterval(() => {
    catchUp()
    deliver()
    followBrokers()
    for (const w of watchers) w({ kind: 'clock', nowMs: sim.nowMs })
  }, options.tickMs ?? 2)

  const ports: Record<number, number> = {}
  const endpoints: Endpoints = { host, portOf: (id) => ports[id] ?? 0, epochMs: wallStart - openedAtMs }
  const servers = new Map<number, FrameServer>()
  // Kafka 3.x's ZooKeeper mode has no KIP-848 groups: its brokers do not advertise ConsumerGroupHeartbeat
  const served = scenario.cluster.controller.mode === 'zookeeper' ? new Set([...SERVED_APIS].filter((a) => a !== 'ConsumerGroupHeartbeat')) : SERVED_APIS
  const handlerOf = (id: number) => async (req: ServedRequest): Promise<Struct | null> => {
    const name = req.api.name
    if (name === 'ApiVersions') return apiVersionsBody(0, served)
    if (!served.has(name)) throw new Error(`${name} is not served`)
    if (READ_APIS.has(name)) {
      catchUp()
      // a crashed broker resets the connection, as for any request
      if (!sim.world.nodes[String(id)].up) throw new Error(`broker ${id} is down`)
      return answerRead(sim, id, name, req.head.apiVersion, req.body, endpoints)
    }
    const t = translateRequest(name, req.head.apiVersion, req.body, endpoints.epochMs, (topicId) => topicOfId(sim, id, topicId))
    if ('answer' in t) return t.answer
    let client = clientOf.get(req.connection)
    if (client === undefined) {
      client = `ext-${++clients}`
      clientOf.set(req.connection, client)
    }
    if (!connectionOf.has(client)) connectionOf.set(client, { destroy: req.close })
    if (t.requests.length === 0) return translateResponse(sim, name, req.head.apiVersion, req.body, [], endpoints)
    catchUp()
    const clientId = req.head.clientId ?? null
    const named = sim.world.externals[client]?.clientId === clientId ? {} : { clientId }
    // checked as a session's action is when it is opened (a request it would refuse closes the
    // connection and is not recorded), so every session serve writes opens again
    const actions = t.requests.map((request) => checkClientRequest({ atMs: sim.nowMs, action: 'clientRequest', client, broker: id, ref: ++refs, ...named, request }))
    const noAnswer = t.requests[0].api === 'Produce' && t.requests[0].acks === '0'
    const answers = actions.map((action) => {
      const promise = noAnswer ? null : new Promise<Msg>((resolve) => waiting.set(action.ref, { client: client!, resolve }))
      apply(action)
      return promise
    })
    if (noAnswer) return null
    deliver()
    return translateResponse(sim, name, req.head.apiVersion, req.body, await Promise.all(answers as Promise<Msg>[]), endpoints, t.failed)
  }
  const onClose = (connection: number) => {
    const client = clientOf.get(connection)
    clientOf.delete(connection)
    if (client === undefined) return
    connectionOf.delete(client)
    for (const [ref, x] of waiting) if (x.client === client) waiting.delete(ref)
  }
  const listen = async (id: number) => {
    const server = await startFrameServer({ host, port: ports[id] ?? (options.port ? options.port + id - 1 : 0), handler: handlerOf(id), onClose })
    ports[id] = server.port
    servers.set(id, server)
  }
  for (const id of sim.world.brokerIds) await listen(id)

  /**
   * A broker that is down refuses connections, as a crashed Kafka broker's port does (clients see
   * ECONNREFUSED and look elsewhere); once it runs again, or a broker is added, it listens.
   */
  let closing = false
  const reopening = new Set<number>()
  followBrokers = () => {
    for (const id of sim.world.brokerIds) {
      const up = sim.world.nodes[String(id)]?.up === true
      const server = servers.get(id)
      if (!up && server) {
        servers.delete(id)
        void server.close()
      } else if (up && !server && !reopening.has(id) && !closing) {
        reopening.add(id)
        listen(id)
          .catch(() => {}) // the port is not free yet: the next tick tries again
          .finally(() => reopening.delete(id))
      }
    }
  }

  return {
    sim,
    ports,
    session: () => ({ version: 1, engine: ENGINE_VERSION, scenario, seed: scenario.seed, interventions: sim.world.interventions.slice(), playheadMs: sim.nowMs }),
    ended,
    watch: (listener) => {
      watchers.add(listener)
      return () => watchers.delete(listener)
    },
    intervene: (input) => {
      if (input.action === 'clientRequest') throw new Error('kafkascope: serve: real clients\' requests come over the wire, not as interventions')
      catchUp()
      // checked in the order of the run so far, like the app's own actions (clients' requests change no check)
      const earlier = sim.world.interventions.filter((a) => a.action !== 'clientRequest')
      const timeline = mergeInterventions(scenario, earlier).timeline
      const at = timeline.filter((a) => a.atMs <= sim.nowMs).length
      timeline.splice(at, 0, { ...input, atMs: sim.nowMs } as TimelineAction)
      const action = parseScenario({ ...scenario, timeline }).timeline[at]
      apply(action)
      deliver()
      return action
    },
    close: async () => {
      watchers.clear()
      clearInterval(timer)
      closing = true
      await Promise.all([...servers.values()].map((s) => s.close()))
    },
  }
}
