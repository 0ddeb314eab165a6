/**
 * Requests that are well formed on the wire but say anything at all: for every API serve answers
 * and every version of it, bodies made from Kafka's message definitions with odd values (empty and
 * unknown names, negative and huge numbers, empty and repeated lists, real and random record
 * batches) go through serve's path: read-only admin requests answered from the broker's state, the
 * others translated for the simulation, checked as a session's action, applied to the simulated
 * cluster (whose brokers now and then crash and restart) and answered; every answer is written in
 * the version asked for.
 * Nothing may throw but the check (which closes the connection), the cluster's checkers stay
 * clean, and the session of what was applied opens again and replays to the same trace hash.
 */
import fc from 'fast-check'
import seedrandom from 'seedrandom'
import { expect, test } from 'vitest'
import { builtInScenarios, checkClientRequest, createSimulation, parseScenario, parseSession, ScenarioError, clientAnswerRef, ENGINE_VERSION, type Msg, type TimelineAction } from '../../sim/index.ts'
import { apiByName } from '../protocol/apis.ts'
import { decodeMessage, encodeMessage, inRange, versionBounds, type FieldSpec, type MessageSpec, type Struct, type Value } from '../protocol/codec.ts'
import { encodeBatches } from '../protocol/record-batch.ts'
import { RefusedRequest, translateRequest, translateResponse, type Endpoints } from './convert.ts'
import { readyCluster, SERVED_APIS } from './serve.ts'
import { answerRead, READ_APIS } from './admin.ts'
import { topicOfId, wireTopicId } from './translation.ts'

// weighted towards what names real partitions and groups, so requests reach past the first check
const INTS = [-2, -1, -1, 0, 0, 0, 1, 1, 2, 2, 3, 5, 100, 30_000, 2_147_483_647, -2_147_483_648]
const NAMES = ['orders', 'orders', 'orders', 'orders', 'billing', 'billing', '', '__consumer_offsets', 'nope', 'orders-1', 'ok.topic_2', '한글']

type Pick = () => number
/** orders' topic id as clients see it, so Fetch v13+ names a real topic half the time */
let ordersId = 'AAAAAAAAAAAAAAAAAAAAAA'
const one = <T,>(r: Pick, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]

function batchBytes(r: Pick): Uint8Array {
  if (r() < 0.2) return Uint8Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 256))
  const n = Math.floor(r() * 4)
  return encodeBatches([{
    baseOffset: 0, partitionLeaderEpoch: -1, attributes: r() < 0.1 ? 1 : 0, lastOffsetDelta: Math.max(0, n - 1), baseTimestamp: one(r, [0, Date.now(), -1]), maxTimestamp: 0,
    producerId: one(r, [-1, -1, 0, 5]), producerEpoch: one(r, [-1, 0]), baseSequence: one(r, [-1, 0, 3]),
    records: Array.from({ length: n }, (_, i) => ({ offsetDelta: i, timestampDelta: i, key: r() < 0.3 ? null : new TextEncoder().encode(`k${i}`), value: r() < 0.1 ? null : new TextEncoder().encode('v'), headers: r() < 0.5 ? [] : [{ key: 'h', value: null }] })),
  }])
}

function primitive(type: string, r: Pick): Value {
  switch (type) {
    case 'bool': return r() < 0.5
    case 'int8': return one(r, [-1, 0, 1, 127])
    case 'int16': return one(r, [-1, 0, 1, 3, 32767])
    case 'uint16': return one(r, [0, 1, 65535])
    case 'int32': return one(r, INTS)
    case 'uint32': return one(r, [0, 1, 4_294_967_295])
    case 'int64': return one(r, [...INTS, -1, Number.MAX_SAFE_INTEGER])
    case 'float64': return one(r, [0, 1.5, -1])
    case 'string': return one(r, NAMES)
    case 'bytes': return r() < 0.5 ? new Uint8Array(0) : Uint8Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(r() * 256))
    case 'records': return batchBytes(r)
    case 'uuid': return r() < 0.5 ? ordersId : 'AAAAAAAAAAAAAAAAAAAAAA'
  }
  throw new Error(type)
}

/** A body for the message in this version: every field present, values picked from odd ones. */
function sample(spec: MessageSpec, fields: FieldSpec[], version: number, r: Pick): Struct {
  const out: Struct = {}
  for (const f of fields) {
    if (!inRange(f.versions, version)) continue
    if (inRange(f.nullableVersions, version) && r() < 0.15) {
      out[f.name] = null
      continue
    }
    const element = f.type.replace(/^\[\]/, '')
    const sub = f.fields ?? spec.commonStructs?.find((s) => s.name === element)?.fields
    const make = (): Value => (sub ? sample(spec, sub, version, r) : primitive(element, r))
    out[f.name] = f.type.startsWith('[]') ? Array.from({ length: one(r, [0, 1, 1, 2, 3]) }, make) : make()
  }
  return out
}

const scenario = parseScenario({ ...(builtInScenarios['leader-failover'] as object), name: 'request fuzz', producers: [], readers: [], timeline: [], expect: {}, durationMs: 86_400_000 })
const at: Endpoints = { host: '127.0.0.1', portOf: (id) => 9091 + id, epochMs: 1_700_000_000_000 }
const cases = [...SERVED_APIS].filter((n) => n !== 'ApiVersions').flatMap((name) => {
  const api = apiByName(name)
  const [lo, hi] = versionBounds(api.request.validVersions)
  return Array.from({ length: hi - lo + 1 }, (_, i) => ({ name, version: lo + i }))
})

test(`odd but well-formed requests of every served API and version (${cases.length} of them) never break serve's path or the cluster`, () => {
  const sim = createSimulation(scenario)
  readyCluster(sim)
  ordersId = wireTopicId(sim, 'orders')
  const arrived = new Map<number, Msg>()
  sim.observe((msg, to) => {
    const r = clientAnswerRef(sim, to, msg)
    if (r !== null) arrived.set(r, msg)
  })
  let ref = 0
  let refused = 0
  let answered = 0
  fc.assert(
    fc.property(fc.constantFrom(...cases), fc.integer(), fc.integer({ min: 0, max: 2 }), ({ name, version }, seed, broker) => {
      const api = apiByName(name)
      const r = seedrandom(String(seed))
      // now and then a broker crashes or comes back, so requests also meet resets and elections
      if (r() < 0.01) sim.apply({ action: r() < 0.5 ? 'crashBroker' : 'restartBroker', broker: broker + 1 })
      let body: Struct
      try {
        body = decodeMessage(api.request, version, encodeMessage(api.request, version, sample(api.request, api.request.fields, version, r)))
      } catch {
        return // not something the wire can carry
      }
      if (READ_APIS.has(name)) {
        encodeMessage(api.response, version, answerRead(sim, broker + 1, name, version, body, at))
        answered++
        return
      }
      let t
      try {
        t = translateRequest(name, version, body, at.epochMs, (topicId) => topicOfId(sim, broker + 1, topicId))
      } catch (e) {
        if (!(e instanceof RefusedRequest)) throw e
        refused++
        return
      }
      if ('answer' in t) {
        encodeMessage(api.response, version, t.answer)
        return
      }
      const client = `ext-${1 + (seed & 3)}`
      let actions: Extract<TimelineAction, { action: 'clientRequest' }>[]
      try {
        actions = t.requests.map((request) => checkClientRequest({ atMs: sim.nowMs, action: 'clientRequest', client, broker: broker + 1, ref: ++ref, request }))
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e
        refused++
        return
      }
      for (const a of actions) sim.apply(a)
      const want = new Set(actions.map((a) => a.ref))
      const got = new Map<number, Msg>()
      for (let i = 0; i < 40 && got.size < want.size; i++) {
        sim.runUntil(sim.nowMs + 100)
        for (const r of want) if (arrived.has(r)) got.set(r, arrived.get(r)!)
      }
      for (const r of want) arrived.delete(r)
      if (actions.length === 0 || got.size < want.size) return // a long poll, an acks=0 produce, a crashed broker's reset
      const body2 = translateResponse(sim, name, version, body, actions.map((a) => got.get(a.ref)!), at, t.failed)
      encodeMessage(api.response, version, body2)
      answered++
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: Number(process.env.FUZZ_SEED ?? 20261207) },
  )
  if (process.env.FUZZ_RUNS) console.log({ answered, refused, hw: sim.summary().partitions.map((p) => `${p.topic}-${p.partition}:${p.highWatermark}`).join(' '), groups: Object.keys(sim.world.brokers['1'].coordinator.groups).length })
  expect(answered).toBeGreaterThan(300)
  expect(refused).toBeGreaterThan(0)
  const summary = sim.summary()
  expect(summary.checks.first).toEqual([])
  expect(summary.checks.ok).toBe(true)
  const session = { version: 1, engine: ENGINE_VERSION, scenario, seed: scenario.seed, interventions: sim.world.interventions.slice(), playheadMs: sim.nowMs }
  const replay = createSimulation(parseSession(JSON.parse(JSON.stringify(session))).merged)
  replay.runUntil(session.playheadMs)
  expect(replay.traceHash()).toBe(sim.traceHash())
}, 300_000)
