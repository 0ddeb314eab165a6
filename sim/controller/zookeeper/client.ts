/**
 * A broker's ZooKeeper client in the legacy ZooKeeper mode (Kafka 3.x's ZooKeeperClient over the
 * zookeeper library's ClientCnxn): one session, kept alive with pings, moved to another server when
 * its server goes quiet, and replaced after it expired.
 *
 * Follows ClientCnxn: the client pings when it has sent nothing for a third of the session timeout;
 * it gives a server up (connection loss) after two thirds of the timeout without hearing from it
 * and connects to the next server of the ensemble with the same session; a server that answers
 * SESSION_EXPIRED ends the session, and the client starts a new one. Requests in flight on a lost
 * connection fail with CONNECTION_LOSS; their owners try again once connected.
 *
 * The client returns what happened (ZkClientOutcome) to the broker, which acts on it.
 */
import { nextCorrelationId, timer } from '../../kernel/node-io.ts'
import { send } from '../../kafka/wire.ts'
import type { MessageOf } from '../../kafka/messages.ts'
import type { ZkError, ZkOp, ZkResult, ZkWatch } from '../../kafka/payloads.ts'
import type { World } from '../../nodes/world.ts'
import type { ZkBrokerProcess, ZkClientState } from './types.ts'

const RECONNECT_BACKOFF_MS = 500

export function newZkClient(): ZkClientState {
  return { sessionId: 0, server: '', connected: false, connectCorr: -1, lastHeardMs: 0, lastSentMs: 0, timeoutMs: 0, pending: [] }
}

export type ZkClientOutcome =
  | { type: 'connected'; newSession: boolean }
  | { type: 'expired'; sessionId: number }
  | { type: 'response'; owner: 'broker' | 'controller'; op: ZkOp['op']; error: ZkError; result: ZkResult | null }
  | { type: 'watch'; watch: ZkWatch }
  /** the connection was lost: these requests failed with CONNECTION_LOSS */
  | { type: 'lost'; failed: ZkClientState['pending'] }

/** A new process's client: no session yet; it connects to server ((id - 1) mod N) + 1 first. */
export function startZkClient(w: World, p: ZkBrokerProcess): void {
  const zk = w.zookeeper!
  p.zk = newZkClient()
  p.zk.timeoutMs = w.brokerConfig['zookeeper.session.timeout.ms']
  p.zk.server = zk.servers[(p.id - 1) % zk.servers.length]
  connect(w, p)
}

function connect(w: World, p: ZkBrokerProcess): void {
  const c = p.zk
  c.connected = false
  c.connectCorr = nextCorrelationId(w)
  c.lastSentMs = w.nowMs
  c.lastHeardMs = w.nowMs
  send(w, p.node, c.server, { api: 'ZkConnect', from: p.node, corr: c.connectCorr, sessionId: c.sessionId, timeoutMs: c.timeoutMs })
}

/**
 * Give the server up: requests in flight fail; the next server of the ensemble is tried after a
 * pause (ClientCnxn sleeps a random time up to a second between attempts; kafkascope waits half a
 * second, drawing nothing).
 */
function loseConnection(w: World, p: ZkBrokerProcess): ZkClientOutcome {
  const c = p.zk
  const servers = w.zookeeper!.servers
  const failed = c.pending
  c.pending = []
  c.connected = false
  c.connectCorr = -1
  c.server = servers[(servers.indexOf(c.server) + 1) % servers.length]
  c.lastHeardMs = w.nowMs
  timer(w, p.node, 'broker.zkConnect', RECONNECT_BACKOFF_MS, c.server)
  return { type: 'lost', failed }
}

/** The pause is over: connect to the server chosen then (unless something else connected meanwhile). */
export function reconnectZkClient(w: World, p: ZkBrokerProcess, server: string): void {
  const c = p.zk
  if (c.connected || c.connectCorr !== -1 || c.server !== server) return
  connect(w, p)
}

/** The client's periodic work (called on the broker's tick): connection timeouts and pings. */
export function zkClientTick(w: World, p: ZkBrokerProcess): ZkClientOutcome | null {
  const c = p.zk
  // ClientCnxn: readTimeout is two thirds of the session timeout; a connect may take timeout / servers
  const limit = c.connected ? Math.floor((c.timeoutMs * 2) / 3) : Math.floor(c.timeoutMs / w.zookeeper!.servers.length)
  if ((c.connected || c.connectCorr !== -1) && w.nowMs - c.lastHeardMs >= limit) return loseConnection(w, p)
  // a request unanswered that long went down with a connection that broke (TCP would have said so)
  if (c.pending.length > 0 && w.nowMs - c.pending[0].sentMs >= limit) return loseConnection(w, p)
  if (c.connected && w.nowMs - c.lastSentMs >= Math.floor(c.timeoutMs / 3)) {
    c.lastSentMs = w.nowMs
    send(w, p.node, c.server, { api: 'ZkPing', from: p.node, corr: nextCorrelationId(w), sessionId: c.sessionId })
  }
  return null
}

/** The server refused or reset the connection. */
export function onZkServerDisconnect(w: World, p: ZkBrokerProcess, peer: string): ZkClientOutcome | null {
  return peer === p.zk.server ? loseConnection(w, p) : null
}

/** Send a request on the session; false when not connected (the owner tries again once it is). */
export function zkSend(w: World, p: ZkBrokerProcess, owner: 'broker' | 'controller', op: ZkOp): boolean {
  const c = p.zk
  if (!c.connected) return false
  const corr = nextCorrelationId(w)
  c.pending.push({ corr, owner, op: op.op, sentMs: w.nowMs })
  c.lastSentMs = w.nowMs
  send(w, p.node, c.server, { api: 'ZkRequest', from: p.node, corr, sessionId: c.sessionId, op })
  return true
}

type ClientMessage = MessageOf<'ZkConnectResponse' | 'ZkPingResponse' | 'ZkResponse' | 'ZkWatchEvent'>

export function onZkClientMessage(w: World, p: ZkBrokerProcess, m: ClientMessage): ZkClientOutcome | null {
  const c = p.zk
  if (m.from !== c.server) return null
  switch (m.api) {
    case 'ZkConnectResponse': {
      if (m.corr !== c.connectCorr) return null
      c.connectCorr = -1
      c.lastHeardMs = w.nowMs
      if (m.error === 'SESSION_EXPIRED') {
        const sessionId = c.sessionId
        c.sessionId = 0
        connect(w, p)
        return { type: 'expired', sessionId }
      }
      if (m.error !== 'NONE') return loseConnection(w, p)
      const newSession = c.sessionId !== m.sessionId
      c.sessionId = m.sessionId
      c.connected = true
      return { type: 'connected', newSession }
    }
    case 'ZkPingResponse':
      c.lastHeardMs = w.nowMs
      if (m.error === 'SESSION_EXPIRED') return expireLocally(w, p)
      return m.error === 'CONNECTION_LOSS' ? loseConnection(w, p) : null
    case 'ZkResponse': {
      const i = c.pending.findIndex((x) => x.corr === m.corr)
      if (i < 0) return null
      const [req] = c.pending.splice(i, 1)
      c.lastHeardMs = w.nowMs
      if (m.error === 'SESSION_EXPIRED') return expireLocally(w, p)
      if (m.error === 'CONNECTION_LOSS') {
        const out = loseConnection(w, p)
        if (out.type === 'lost') out.failed.unshift(req)
        return out
      }
      return { type: 'response', owner: req.owner, op: req.op, error: m.error, result: m.result }
    }
    case 'ZkWatchEvent':
      c.lastHeardMs = w.nowMs
      return m.sessionId === c.sessionId ? { type: 'watch', watch: m.watch } : null
  }
}

function expireLocally(w: World, p: ZkBrokerProcess): ZkClientOutcome {
  const sessionId = p.zk.sessionId
  p.zk.sessionId = 0
  p.zk.pending = []
  connect(w, p)
  return { type: 'expired', sessionId }
}
