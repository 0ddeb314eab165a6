/**
 * The ZooKeeper ensemble of the legacy ZooKeeper mode (Kafka 3.x; removed in Kafka 4.0): servers
 * zk-1..zk-N, their quorum, client sessions with their timeouts, ephemeral znodes and watches, and
 * the znodes Kafka keeps there (types.ts lists them).
 *
 * Follows ZooKeeper 3.8 as Kafka 3.9 runs it:
 * - the ensemble serves only while a majority of its servers reach each other and follow a leader
 *   (FastLeaderElection picks the highest server id when every server has the same zxid); a server
 *   outside that majority answers nothing but CONNECTION_LOSS;
 * - sessions: the client asks for zookeeper.session.timeout.ms and the server bounds it to
 *   [2, 20] × tickTime (3000 ms, ZooKeeperServer.DEFAULT_TICK_TIME); the leader's session tracker
 *   expires a session it has heard nothing from for its timeout, checking once a tick, and deletes
 *   the session's ephemeral znodes; a new leader starts every session's clock afresh;
 * - watches fire once per change on the server the watching session is connected to.
 * Simplified: ZAB is not modelled message by message: committed state is this one tree, written at
 * once by the server that takes the request (while it is in the serving majority). Watches stay set
 * until their session ends (Kafka's handlers re-arm each watch as they read), and a watch event a
 * server could not deliver is delivered when the client connects again.
 */
import { canReach } from '../../kernel/network.ts'
import { timer } from '../../kernel/node-io.ts'
import { send } from '../../kafka/wire.ts'
import { emit } from '../../kafka/events.ts'
import type { MessageOf } from '../../kafka/messages.ts'
import type { PartitionState, ZkBrokerInfo, ZkError, ZkOp, ZkResult, ZkTopicInfo, ZkWatch } from '../../kafka/payloads.ts'
import type { World } from '../../nodes/world.ts'
import { emptyImage } from '../metadata.ts'
import type { ZkEnsemble, ZkSession } from './types.ts'

/** ZooKeeperServer.DEFAULT_TICK_TIME */
export const ZK_TICK_MS = 3000

export function newEnsemble(servers: number): ZkEnsemble {
  return {
    servers: Array.from({ length: servers }, (_, i) => `zk-${i + 1}`),
    leader: null,
    zxid: 0,
    sessions: {},
    sessionOrder: [],
    nextSession: 1,
    brokers: {},
    controller: null,
    controllerEpoch: 0,
    controllerEpochZkVersion: -1,
    data: emptyImage(),
  }
}

function ensembleOf(w: World): ZkEnsemble {
  return w.zookeeper!
}

function alive(w: World, id: string): boolean {
  const n = w.nodes[id]
  return !!n && n.up && !n.paused
}

/** The servers `s` can talk to (itself included), up and not paused. */
function reachableFrom(w: World, zk: ZkEnsemble, s: string): number {
  let count = 0
  for (const t of zk.servers) if (alive(w, t) && canReach(w.net, s, t)) count++
  return count
}

function majority(zk: ZkEnsemble): number {
  return Math.floor(zk.servers.length / 2) + 1
}

/** Does server `s` serve clients now: it is in the majority that follows the leader. */
export function serving(w: World, s: string): boolean {
  const zk = ensembleOf(w)
  return zk.leader !== null && alive(w, s) && alive(w, zk.leader) && canReach(w.net, s, zk.leader)
}

export function startZkServer(w: World, id: string): void {
  timer(w, id, 'zk.tick', 0)
}

/** Once a tick on every server: the leader (re-)election, and the leader's session expiry. */
export function zkServerTick(w: World, id: string): void {
  const zk = ensembleOf(w)
  electEnsembleLeader(w, zk)
  if (zk.leader === id) expireSessions(w, zk)
  timer(w, id, 'zk.tick', ZK_TICK_MS)
}

function electEnsembleLeader(w: World, zk: ZkEnsemble): void {
  const need = majority(zk)
  const keep = zk.leader !== null && alive(w, zk.leader) && reachableFrom(w, zk, zk.leader) >= need
  if (keep) return
  let leader: string | null = null
  for (let i = zk.servers.length - 1; i >= 0 && leader === null; i--) {
    const s = zk.servers[i]
    if (alive(w, s) && reachableFrom(w, zk, s) >= need) leader = s
  }
  if (leader === zk.leader) return
  const before = zk.leader
  zk.leader = leader
  if (leader === null) {
    let best = 0
    for (const s of zk.servers) if (alive(w, s)) best = Math.max(best, reachableFrom(w, zk, s))
    emit(w, { type: 'ZkQuorumLost', reachable: best, needed: need })
    return
  }
  // the new leader's session tracker starts every session's timeout from now
  for (const sid of zk.sessionOrder) zk.sessions[sid].lastHeardMs = w.nowMs
  if (before !== leader) emit(w, { type: 'ZkLeaderElected', server: leader, servers: zk.servers.length })
}

function expireSessions(w: World, zk: ZkEnsemble): void {
  for (const sid of zk.sessionOrder.slice()) {
    const s = zk.sessions[sid]
    if (w.nowMs - s.lastHeardMs < s.timeoutMs) continue
    const deleted = closeSession(w, zk, s)
    emit(w, { type: 'ZkSessionExpired', broker: Number(s.client), sessionId: s.id, sinceHeardMs: w.nowMs - s.lastHeardMs, timeoutMs: s.timeoutMs, deleted })
  }
}

/** The session ends: its ephemeral znodes go, and the watches on them fire. Returns the deleted paths. */
function closeSession(w: World, zk: ZkEnsemble, s: ZkSession): string[] {
  delete zk.sessions[s.id]
  zk.sessionOrder = zk.sessionOrder.filter((id) => id !== s.id)
  const deleted: string[] = []
  for (const id of Object.keys(zk.brokers)) {
    if (zk.brokers[id].session !== s.id) continue
    delete zk.brokers[id]
    deleted.push(`/brokers/ids/${id}`)
  }
  if (zk.controller?.session === s.id) {
    zk.controller = null
    deleted.push('/controller')
  }
  if (deleted.length === 0) return deleted
  zk.zxid++
  syncLiveBrokers(zk)
  if (deleted.some((p) => p.startsWith('/brokers/ids/'))) fire(w, zk, 'brokers')
  if (deleted.includes('/controller')) fire(w, zk, 'controller')
  return deleted
}

function fire(w: World, zk: ZkEnsemble, watch: ZkWatch): void {
  for (const sid of zk.sessionOrder) {
    const s = zk.sessions[sid]
    if (!s.watches.includes(watch)) continue
    if (serving(w, s.server) && canReach(w.net, s.server, s.client)) send(w, s.server, s.client, { api: 'ZkWatchEvent', from: s.server, sessionId: s.id, watch })
    else if (!s.missed.includes(watch)) s.missed.push(watch)
  }
}

/** The data image's brokers: the live ones, as /brokers/ids has them. */
function syncLiveBrokers(zk: ZkEnsemble): void {
  const brokers: ZkEnsemble['data']['brokers'] = {}
  for (const id of Object.keys(zk.brokers).sort((a, b) => +a - +b)) {
    const { info } = zk.brokers[id]
    brokers[id] = { id: info.id, brokerEpoch: info.brokerEpoch, incarnation: 0, fenced: false, inControlledShutdown: false, rack: info.rack }
  }
  zk.data.brokers = brokers
}

type ServerRequest = MessageOf<'ZkConnect' | 'ZkPing' | 'ZkRequest'>

export function handleZkServerMessage(w: World, server: string, m: ServerRequest): void {
  const zk = ensembleOf(w)
  const up = serving(w, server)
  switch (m.api) {
    case 'ZkConnect': {
      const reply = (error: ZkError, sessionId: number) => send(w, server, m.from, { api: 'ZkConnectResponse', from: server, corr: m.corr, error, sessionId })
      if (!up) return reply('CONNECTION_LOSS', m.sessionId)
      if (m.sessionId !== 0) {
        const s = zk.sessions[m.sessionId]
        if (!s) return reply('SESSION_EXPIRED', m.sessionId)
        s.server = server
        s.lastHeardMs = w.nowMs
        reply('NONE', s.id)
        for (const watch of s.missed.splice(0)) send(w, server, m.from, { api: 'ZkWatchEvent', from: server, sessionId: s.id, watch })
        return
      }
      const myid = zk.servers.indexOf(server) + 1
      const id = myid * 0x1000000 + zk.nextSession++
      const timeoutMs = Math.min(20 * ZK_TICK_MS, Math.max(2 * ZK_TICK_MS, m.timeoutMs))
      zk.sessions[id] = { id, client: m.from, server, timeoutMs, lastHeardMs: w.nowMs, watches: [], missed: [] }
      zk.sessionOrder.push(id)
      return reply('NONE', id)
    }
    case 'ZkPing': {
      const s = up ? zk.sessions[m.sessionId] : undefined
      if (s) {
        s.lastHeardMs = w.nowMs
        s.server = server
      }
      return send(w, server, m.from, { api: 'ZkPingResponse', from: server, corr: m.corr, error: !up ? 'CONNECTION_LOSS' : s ? 'NONE' : 'SESSION_EXPIRED' })
    }
    case 'ZkRequest': {
      const reply = (error: ZkError, result: ZkResult | null) => send(w, server, m.from, { api: 'ZkResponse', from: server, corr: m.corr, error, result })
      if (!up) return reply('CONNECTION_LOSS', null)
      const s = zk.sessions[m.sessionId]
      if (!s) return reply('SESSION_EXPIRED', null)
      s.lastHeardMs = w.nowMs
      s.server = server
      const r = apply(w, zk, s, m.op)
      return reply(r.error, r.result)
    }
  }
}

function watch(s: ZkSession, w: ZkWatch): void {
  if (!s.watches.includes(w)) s.watches.push(w)
}

function brokerList(zk: ZkEnsemble): ZkBrokerInfo[] {
  return Object.keys(zk.brokers)
    .sort((a, b) => +a - +b)
    .map((id) => zk.brokers[id].info)
}

function apply(w: World, zk: ZkEnsemble, s: ZkSession, op: ZkOp): { error: ZkError; result: ZkResult | null } {
  const ok = (result: ZkResult) => ({ error: 'NONE' as const, result })
  const fail = (error: ZkError) => ({ error, result: null })
  switch (op.op) {
    case 'registerBroker': {
      // KafkaZkClient.registerBroker: checkedEphemeralCreate fails while another session owns the znode
      if (zk.brokers[op.broker.id]) return zk.brokers[op.broker.id].session === s.id ? ok({ op: 'registerBroker', brokerEpoch: zk.brokers[op.broker.id].info.brokerEpoch }) : fail('NODE_EXISTS')
      const brokerEpoch = ++zk.zxid
      zk.brokers[op.broker.id] = { info: { ...op.broker, brokerEpoch }, session: s.id }
      syncLiveBrokers(zk)
      fire(w, zk, 'brokers')
      return ok({ op: 'registerBroker', brokerEpoch })
    }
    case 'getController':
      watch(s, 'controller')
      return ok({ op: 'getController', controllerId: zk.controller?.brokerId ?? -1 })
    case 'registerController': {
      if (zk.controller) return fail('NODE_EXISTS')
      zk.zxid++
      zk.controller = { brokerId: op.brokerId, session: s.id }
      zk.controllerEpoch++
      zk.controllerEpochZkVersion++
      watch(s, 'controller')
      fire(w, zk, 'controller')
      return ok({ op: 'registerController', epoch: zk.controllerEpoch, epochZkVersion: zk.controllerEpochZkVersion })
    }
    case 'readCluster': {
      watch(s, 'brokers')
      const topics: ZkTopicInfo[] = zk.data.topicNames.map((name) => ({ name, topicId: zk.data.topics[name].topicId, config: zk.data.topics[name].config }))
      const states: PartitionState[] = []
      for (const name of zk.data.topicNames) for (const p of zk.data.topics[name].partitions) states.push(p)
      return ok({ op: 'readCluster', brokers: brokerList(zk), topics, states, epoch: zk.controllerEpoch, epochZkVersion: zk.controllerEpochZkVersion })
    }
    case 'getBrokers':
      watch(s, 'brokers')
      return ok({ op: 'getBrokers', brokers: brokerList(zk) })
    case 'createTopic': {
      // every controller write is a multi-op that first checks /controller_epoch's version (KafkaZkClient's checkController)
      if (op.controllerEpochZkVersion !== zk.controllerEpochZkVersion) return fail('CONTROLLER_MOVED')
      if (zk.data.topics[op.topic.name]) return fail('NODE_EXISTS')
      zk.zxid++
      zk.data.topics[op.topic.name] = { name: op.topic.name, topicId: op.topic.topicId, partitions: [], config: { ...op.topic.config } }
      zk.data.topicNames = [...zk.data.topicNames, op.topic.name].sort()
      const states = op.states.map((p) => writeState(zk, { ...p, partitionEpoch: 0 }))
      return ok({ op: 'createTopic', states })
    }
    case 'updateLeaderAndIsr': {
      if (op.controllerEpochZkVersion !== zk.controllerEpochZkVersion) return fail('CONTROLLER_MOVED')
      for (const p of op.states) if (zk.data.topics[p.topic]?.partitions[p.partition]?.partitionEpoch !== p.partitionEpoch) return fail('BAD_VERSION')
      zk.zxid++
      return ok({ op: 'updateLeaderAndIsr', states: op.states.map((p) => writeState(zk, { ...p, partitionEpoch: p.partitionEpoch + 1 })) })
    }
  }
}

/** Write a partition's state znode (frozen, as images share partition states). */
function writeState(zk: ZkEnsemble, p: PartitionState): PartitionState {
  const state: PartitionState = Object.freeze({ ...p, replicas: Object.freeze(p.replicas.slice()), isr: Object.freeze(p.isr.slice()) })
  zk.data.topics[p.topic].partitions[p.partition] = state
  return state
}

/** The znodes the ensemble holds now, as paths with their data, for people (the app's ZooKeeper panel). */
export function znodeListing(zk: ZkEnsemble): { path: string; data: string; ephemeralOwner: number }[] {
  const out: { path: string; data: string; ephemeralOwner: number }[] = []
  if (zk.controller) out.push({ path: '/controller', data: `{"brokerid":${zk.controller.brokerId}}`, ephemeralOwner: zk.controller.session })
  if (zk.controllerEpochZkVersion >= 0) out.push({ path: '/controller_epoch', data: String(zk.controllerEpoch), ephemeralOwner: 0 })
  for (const info of brokerList(zk)) out.push({ path: `/brokers/ids/${info.id}`, data: `{"epoch":${info.brokerEpoch}${info.rack !== null ? `,"rack":"${info.rack}"` : ''}}`, ephemeralOwner: zk.brokers[info.id].session })
  for (const name of zk.data.topicNames) {
    const t = zk.data.topics[name]
    out.push({ path: `/brokers/topics/${name}`, data: `{"partitions":{${t.partitions.map((p) => `"${p.partition}":[${p.replicas.join(',')}]`).join(',')}}}`, ephemeralOwner: 0 })
    for (const p of t.partitions) {
      out.push({ path: `/brokers/topics/${name}/partitions/${p.partition}/state`, data: `{"leader":${p.leader},"leader_epoch":${p.leaderEpoch},"isr":[${p.isr.join(',')}]}`, ephemeralOwner: 0 })
    }
  }
  return out
}
