/**
 * A group member with group.protocol=consumer (KIP-848), as the Java client's AsyncKafkaConsumer
 * sends its heartbeats: ConsumerHeartbeatRequestManager and AbstractHeartbeatRequestManager (when a
 * ConsumerGroupHeartbeat goes out and which fields it carries), AbstractMembershipManager's joining
 * and leaving, apache/kafka 4.0.
 *
 * - The member makes its own member id (KIP-1082) and joins with epoch 0, sending its subscription,
 *   its rebalance timeout (max.poll.interval.ms) and group.remote.assignor; later heartbeats carry
 *   only what changed (the owned partitions once they change), one in flight at a time, every
 *   heartbeat interval the coordinator gives, at once when joining, acknowledging or leaving.
 * - Poll timeout (max.poll.interval.ms): a heartbeat with epoch -1 (-2 for a static member) leaves
 *   the group, the partitions are lost, and the member rejoins on its next poll (STALE). close():
 *   commit, revoke, leave with -1 (static: -2, so the instance can come back to its partitions).
 * The responses are handled in consumer-membership.ts, the reconciliation in consumer-reconcile.ts.
 */
import { nextU32 } from '../../kernel/rng.ts'
import type { World } from '../../nodes/world.ts'
import type { HeartbeatTopicPartitions } from '../../kafka/messages.ts'
import { parseTopicPartition } from '../../kafka/topic-partition.ts'
import type { MemberNode } from '../group-consumer-types.ts'
import { revokeAll } from './subscription.ts'
import { armHeartbeat, armHeartbeatAt, sendToCoordinator } from './coordinator.ts'
import { armAutoCommit, commitOffsets } from './offsets.ts'
import { maybeReconcile, sameList } from './consumer-reconcile.ts'

/** ConsumerGroupMember.LEAVE_GROUP_MEMBER_EPOCH / LEAVE_GROUP_STATIC_MEMBER_EPOCH */
const LEAVE_EPOCH = -1
const LEAVE_STATIC_EPOCH = -2

/** Uuid.randomUuid().toString(): 22 characters of URL-safe base64 (KIP-1082: the client's own member id). */
export function newClientMemberId(w: World): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  let id = ''
  for (let i = 0; i < 22; i++) id += alphabet[nextU32(w.rng.clients) & 63]
  return id
}

/** The process starts: a new member id, not yet in the group. */
export function startConsumerProtocol(w: World, m: MemberNode): void {
  m.memberId = newClientMemberId(w)
  m.cgState = 'UNSUBSCRIBED'
}

/** Is the member in the group with an epoch (it may commit)? */
export function inGroup(m: MemberNode): boolean {
  return m.cgState === 'RECONCILING' || m.cgState === 'ACKNOWLEDGING' || m.cgState === 'STABLE'
}

export function setEpoch(m: MemberNode, epoch: number): void {
  m.memberEpoch = epoch
  m.generation = epoch
  m.state = inGroup(m) && epoch > 0 ? 'stable' : 'joining'
}

/** The member's coordinator work inside poll(): (re)join, heartbeat, auto-commit. */
export function consumerProtocolPoll(w: World, m: MemberNode): void {
  if (m.cgState === 'FATAL') {
    m.app = 'stopped'
    return
  }
  // subscribe() on the first poll, and AbstractMembershipManager.maybeRejoinStaleMember on every poll
  if ((m.cgState === 'UNSUBSCRIBED' && !m.closing) || m.cgState === 'STALE') transitionToJoining(m)
  maybeHeartbeat(w, m)
  if (inGroup(m) && m.coordinator >= 0) maybeAutoCommitConsumer(w, m)
}

function maybeAutoCommitConsumer(w: World, m: MemberNode): void {
  if (!m.cfg['enable.auto.commit'] || w.nowMs < m.nextAutoCommitMs) return
  armAutoCommit(w, m, w.nowMs + m.cfg['auto.commit.interval.ms'])
  if (commitOffsets(w, m, 'auto') === 'retry') armAutoCommit(w, m, w.nowMs + m.cfg['retry.backoff.ms'])
}

export function transitionToJoining(m: MemberNode): void {
  m.cgState = 'JOINING'
  setEpoch(m, 0)
  m.targetAssignment = null
  resetSentFields(m)
}

export function resetSentFields(m: MemberNode): void {
  m.sentSubscription = false
  m.sentOwned = null
}

// ------------------------------------------------------------------ heartbeats

/** AbstractHeartbeatRequestManager.poll: send a heartbeat when one is due. */
export function maybeHeartbeat(w: World, m: MemberNode): void {
  if (m.cgState === 'UNSUBSCRIBED' || m.cgState === 'FATAL' || m.cgState === 'STALE' || m.cgState === 'FENCED') return
  if (m.coordinator < 0 || w.nowMs < m.retryAtMs) return
  const now = m.cgState === 'JOINING' || m.cgState === 'ACKNOWLEDGING' || m.cgState === 'LEAVING'
  if (m.heartbeat !== null && m.cgState !== 'LEAVING') return
  const due = m.lastHeartbeatSentMs + m.heartbeatIntervalMs
  if (!now && w.nowMs < due) return armHeartbeatAt(w, m, due)
  sendHeartbeat(w, m)
}

/** ConsumerHeartbeatRequestManager.HeartbeatState.buildRequestData, then onHeartbeatRequestGenerated. */
function sendHeartbeat(w: World, m: MemberNode): void {
  const joining = m.cgState === 'JOINING'
  const leaving = m.cgState === 'LEAVING'
  const full = joining || !m.sentSubscription
  const owned = m.owned.map((p) => p.tp)
  const ownedKey = owned.join(',')
  const sendOwned = joining || ownedKey !== m.sentOwned
  const epoch = leaving ? (m.groupInstanceId !== null ? LEAVE_STATIC_EPOCH : LEAVE_EPOCH) : m.memberEpoch
  m.lastHeartbeatSentMs = w.nowMs
  const sent = sendToCoordinator(w, m, {
    api: 'ConsumerGroupHeartbeat',
    groupId: m.groupId,
    memberId: m.memberId,
    memberEpoch: epoch,
    instanceId: m.groupInstanceId,
    rebalanceTimeoutMs: full ? m.cfg['max.poll.interval.ms'] : -1,
    subscribedTopicNames: full ? m.spec.topics.slice().sort() : null,
    serverAssignor: full ? (m.cfg['group.remote.assignor'] ?? null) : null,
    topicPartitions: sendOwned ? heartbeatTps(m, owned) : null,
  }, m.cfg['request.timeout.ms'])
  m.heartbeat = { ...sent, generation: epoch, memberId: m.memberId }
  m.sentSubscription = true
  m.sentOwned = ownedKey
  if (m.cgState === 'ACKNOWLEDGING') {
    m.cgState = sameList(owned, m.targetAssignment ?? []) ? 'STABLE' : 'RECONCILING'
    maybeReconcile(w, m)
  } else if (leaving) {
    m.heartbeat = null
    m.cgState = 'UNSUBSCRIBED'
  }
  if (m.heartbeatIntervalMs > 0 && !leaving) armHeartbeat(w, m, m.heartbeatIntervalMs)
}

/** The owned partitions by topic, with the ids the coordinator gave. */
function heartbeatTps(m: MemberNode, tps: readonly string[]): HeartbeatTopicPartitions[] {
  const out: HeartbeatTopicPartitions[] = []
  for (const tp of tps) {
    const { topic, partition } = parseTopicPartition(tp)!
    let t = out.find((x) => x.topic === topic)
    if (t === undefined) out.push((t = { topicId: m.topicIds[topic] ?? '', topic, partitions: [] }))
    t.partitions.push(partition)
  }
  return out
}

// ------------------------------------------------------------------ leaving

/**
 * Leave the group with a heartbeat of epoch -1 (a static member: -2). On a poll timeout
 * (`pollTimeout`) the partitions are lost and the member stays STALE until its next poll; on close
 * they were revoked before.
 */
export function leaveConsumerGroup(w: World, m: MemberNode, pollTimeout: boolean): void {
  if (m.cgState === 'UNSUBSCRIBED' || m.cgState === 'FATAL' || m.cgState === 'STALE') return
  m.reconciling = false
  const wasInGroup = m.cgState !== 'JOINING' && m.cgState !== 'FENCED'
  m.cgState = 'LEAVING'
  if (wasInGroup && m.coordinator >= 0) sendHeartbeat(w, m)
  m.cgState = pollTimeout ? 'STALE' : 'UNSUBSCRIBED'
  m.heartbeat = null
  m.heartbeatToken++
  if (pollTimeout) revokeAll(w, m, true)
  setEpoch(m, 0)
  m.targetAssignment = null
}

