/**
 * What a KIP-848 member does with a ConsumerGroupHeartbeat response (ConsumerMembershipManager.
 * onHeartbeatSuccess, AbstractHeartbeatRequestManager.onErrorResponse, ConsumerHeartbeatRequestManager.
 * handleSpecificError, AbstractMembershipManager.transitionToFenced; apache/kafka 4.0):
 * - NONE: the member id and epoch; an assignment is the set the member may own now, to reconcile
 *   (consumer-reconcile.ts);
 * - FENCED_MEMBER_EPOCH or UNKNOWN_MEMBER_ID: the partitions are lost (no commit) and the member
 *   rejoins with epoch 0 under the same member id;
 * - NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE: find the coordinator again; COORDINATOR_LOAD_IN_PROGRESS:
 *   back off; UNRELEASED_INSTANCE_ID, FENCED_INSTANCE_ID and any other error stop the member (fatal).
 * After an error the next heartbeat carries every field again.
 */
import { emit } from '../../kafka/events.ts'
import type { World } from '../../nodes/world.ts'
import type { ConsumerGroupHeartbeatResponse } from '../../kafka/messages.ts'
import type { MemberNode } from '../group-consumer-types.ts'
import { countError } from '../fetcher.ts'
import { compareTps, revokeAll } from './subscription.ts'
import { armHeartbeat, COORDINATOR_GONE, fatal, retryLater } from './coordinator.ts'
import { armAutoCommit } from './offsets.ts'
import { markCoordinatorUnknown } from './offset-results.ts'
import { inGroup, resetSentFields, setEpoch, transitionToJoining } from './consumer-heartbeat.ts'
import { maybeReconcile, sameList } from './consumer-reconcile.ts'

/** AbstractHeartbeatRequestManager.onResponse / onErrorResponse */
export function onConsumerGroupHeartbeatResponse(w: World, m: MemberNode, msg: ConsumerGroupHeartbeatResponse): void {
  if (m.heartbeat === null || msg.corr !== m.heartbeat.corr) return
  m.heartbeat = null
  if (msg.error === 'NONE') return onHeartbeatSuccess(w, m, msg)
  countError(m, msg.error)
  resetSentFields(m)
  if (COORDINATOR_GONE.has(msg.error)) return markCoordinatorUnknown(w, m, msg.error)
  if (msg.error === 'COORDINATOR_LOAD_IN_PROGRESS') return retryLater(w, m)
  if (msg.error === 'FENCED_MEMBER_EPOCH' || msg.error === 'UNKNOWN_MEMBER_ID') return transitionToFenced(w, m, msg.error)
  fatal(w, m, msg.error)
  m.cgState = 'FATAL'
}

/** ConsumerMembershipManager.onHeartbeatSuccess */
function onHeartbeatSuccess(w: World, m: MemberNode, msg: ConsumerGroupHeartbeatResponse): void {
  m.failures = 0
  m.lastHeartbeatOkMs = w.nowMs
  if (!(m.cgState === 'JOINING' || inGroup(m))) return
  m.memberId = msg.memberId
  m.heartbeatIntervalMs = msg.heartbeatIntervalMs
  if (msg.assignment !== null) {
    for (const t of msg.assignment) m.topicIds[t.topic] = t.topicId
    m.targetAssignment = msg.assignment.flatMap((t) => t.partitions.map((p) => `${t.topic}-${p}`)).sort(compareTps)
    const reconciled = sameList(m.owned.map((p) => p.tp), m.targetAssignment)
    if (m.cgState === 'JOINING' || m.cgState === 'STABLE' || !reconciled) m.cgState = reconciled ? 'STABLE' : 'RECONCILING'
  } else if (m.cgState === 'JOINING') m.cgState = 'STABLE'
  setEpoch(m, msg.memberEpoch)
  if (m.cfg['enable.auto.commit'] && m.nextAutoCommitMs <= w.nowMs) armAutoCommit(w, m, w.nowMs + m.cfg['auto.commit.interval.ms'])
  maybeReconcile(w, m)
  armHeartbeat(w, m, m.cgState === 'ACKNOWLEDGING' ? 0 : m.heartbeatIntervalMs)
}

/** AbstractMembershipManager.transitionToFenced: the partitions are lost, the member rejoins with epoch 0. */
function transitionToFenced(w: World, m: MemberNode, error: string): void {
  if (m.cgState === 'LEAVING' || m.cgState === 'PREPARE_LEAVING' || m.cgState === 'UNSUBSCRIBED') {
    m.cgState = 'UNSUBSCRIBED'
    return
  }
  m.cgState = 'FENCED'
  m.reconciling = false
  revokeAll(w, m, true)
  emit(w, { type: 'ConsumerRejoinReset', member: m.id, resetMemberId: false, reason: `encountered ${error} from ConsumerGroupHeartbeat response` })
  transitionToJoining(m)
  armHeartbeat(w, m, 0)
}

