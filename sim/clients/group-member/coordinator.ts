/**
 * A group member's link to its group coordinator, as AbstractCoordinator keeps it: looking the
 * coordinator up (FindCoordinator to NetworkClient.leastLoadedNode, roughly), requests to it matched
 * by correlation id and expiring after their timeout, the retry backoff (retry.backoff.ms doubling
 * to retry.backoff.max.ms, KIP-580, without the jitter), a broker's reconnect backoff
 * (NetworkClient.isUnavailable), asking for a rejoin, resetting the generation
 * (resetStateAndRejoin), stopping on a fatal error, and the heartbeat thread's timer.
 */
import { timer, nextCorrelationId } from '../../kernel/node-io.ts'
import { send } from '../../kafka/wire.ts'
import { emit } from '../../kafka/events.ts'
import type { World } from '../../nodes/world.ts'
import type { GroupRequest, Unsent } from '../../kafka/messages.ts'
import type { Inflight, MemberNode } from '../group-consumer-types.ts'
import { countError, inReconnectBackoff } from '../fetcher.ts'
import { revokeAll } from './subscription.ts'
import { armHeartbeatTimer, armHeartbeatTimerAt } from '../heartbeat-timer.ts'

/** Errors that make the member forget its coordinator and look for it again. */
export const COORDINATOR_GONE = new Set(['NOT_COORDINATOR', 'COORDINATOR_NOT_AVAILABLE', 'REQUEST_TIMED_OUT', 'NETWORK_EXCEPTION'])

/** True when the coordinator is known; otherwise look it up (unless a lookup is pending). */
export function ensureCoordinator(w: World, m: MemberNode): boolean {
  if (m.coordinator >= 0) return true
  if (!m.findCoordinator && w.nowMs >= m.retryAtMs) sendFindCoordinator(w, m)
  return false
}

/**
 * NetworkClient.leastLoadedNode, roughly: the broker that answered this member most recently and
 * whose connection is not in its reconnect backoff; brokers never heard from are tried in turn.
 */
export function leastLoadedBroker(brokerIds: readonly number[], start: number, lastHeardMs: Record<string, number>, isUnavailable: (b: number) => boolean): number {
  const n = brokerIds.length
  let best = brokerIds[start % n]
  let bestHeard = -2
  for (let i = 0; i < n; i++) {
    const b = brokerIds[(start + i) % n]
    const heard = isUnavailable(b) ? -1 : (lastHeardMs[b] ?? 0)
    if (heard > bestHeard) {
      best = b
      bestHeard = heard
    }
  }
  return best
}

/** The leader's connection failed lately: wait out the reconnect backoff (NetworkClient.isUnavailable). */
export function unavailable(w: World, m: MemberNode, broker: number): boolean {
  return inReconnectBackoff(w, m.connBackoff, broker)
}

function sendFindCoordinator(w: World, m: MemberNode): void {
  const node = leastLoadedBroker(w.brokerIds, m.findTarget, m.lastHeardMs, (b) => unavailable(w, m, b))
  const corr = nextCorrelationId(w)
  m.findCoordinator = { corr, node, deadline: w.nowMs + m.cfg['request.timeout.ms'], sentMs: w.nowMs }
  send(w, m.id, String(node), { api: 'FindCoordinator', from: m.id, corr, key: m.groupId })
}

/** Forget the pending lookup; the next one asks the next broker in turn. */
export function abandonFindCoordinator(m: MemberNode): void {
  m.findCoordinator = null
  m.findTarget++
}

/** FindCoordinator failed or went unanswered: back off and look again. */
export function findCoordinatorFailed(w: World, m: MemberNode, error: string): void {
  countError(m, error)
  abandonFindCoordinator(m)
  retryLater(w, m)
}

/** The request to the coordinator: sent now, answered by corr, expiring after `timeoutMs`. */
export function sendToCoordinator(w: World, m: MemberNode, msg: Unsent<GroupRequest>, timeoutMs: number): Inflight {
  const corr = nextCorrelationId(w)
  send(w, m.id, String(m.coordinator), { ...msg, from: m.id, corr })
  return { corr, node: m.coordinator, deadline: w.nowMs + timeoutMs }
}

/**
 * Back off before the next coordinator request, then try again: retry.backoff.ms doubling with each
 * consecutive failure up to retry.backoff.max.ms (KIP-580, without the jitter).
 */
export function retryLater(w: World, m: MemberNode): void {
  if (m.retryAtMs > w.nowMs) return
  const delay = retryBackoffMs(m.cfg['retry.backoff.ms'], m.cfg['retry.backoff.max.ms'], m.failures)
  m.failures++
  m.retryAtMs = w.nowMs + delay
  m.retryToken++
  timer(w, m.id, 'member.retry', delay, m.retryToken)
}

/** retry.backoff.ms doubled per consecutive failure, capped at retry.backoff.max.ms (KIP-580). */
export function retryBackoffMs(base: number, max: number, failures: number): number {
  return Math.min(Math.max(base, max), base * 2 ** Math.min(failures, 20))
}

/** AbstractCoordinator.requestRejoin: the next poll() joins again, with this reason. */
export function requestRejoin(m: MemberNode, reason: string): void {
  m.rejoinNeeded = true
  m.rejoinReason = reason
}

/** AbstractCoordinator.resetStateAndRejoin: no generation; the next join starts with onJoinPrepare. */
export function resetStateAndRejoin(w: World, m: MemberNode, reason: string, resetMemberId: boolean): void {
  m.state = 'unjoined'
  m.generation = -1
  if (resetMemberId) m.memberId = ''
  m.join = null
  m.sync = null
  m.pendingAssignment = null
  m.heartbeat = null
  m.heartbeatToken++
  m.needsJoinPrepare = true
  requestRejoin(m, reason)
  emit(w, { type: 'ConsumerRejoinReset', member: m.id, resetMemberId, reason })
}

/** A fatal error (FENCED_INSTANCE_ID, GROUP_MAX_SIZE_REACHED, ...): partitions lost, the member stops. */
export function fatal(w: World, m: MemberNode, error: string): void {
  countError(m, error)
  m.fatal = error
  revokeAll(w, m, true)
  m.state = 'fenced'
  m.app = 'stopped'
  m.heartbeatToken++
  emit(w, { type: 'ConsumerStopped', member: m.id, error, instanceId: m.groupInstanceId })
}

/** (Re)arm the heartbeat thread; an older heartbeat timer no longer acts. */
export function armHeartbeat(w: World, m: MemberNode, delayMs: number): void {
  armHeartbeatTimer(w, m, 'member.heartbeat', delayMs)
}

/** The heartbeat thread wakes at `dueMs` (a poll loop asking every round schedules it once). */
export function armHeartbeatAt(w: World, m: MemberNode, dueMs: number): void {
  armHeartbeatTimerAt(w, m, 'member.heartbeat', dueMs)
}
