/**
 * The steps of KafkaConsumer.close() once the application stopped polling: commit the consumed
 * positions (enable.auto.commit, retried until the close timeout), give up the partitions and, for a
 * dynamic member, send LeaveGroup (static members never do: AbstractCoordinator.maybeLeaveGroup,
 * KIP-345).
 */
import { emit } from '../../kafka/events.ts'
import type { World } from '../../nodes/world.ts'
import type { MemberNode } from '../group-consumer-types.ts'
import { revokeAll } from './subscription.ts'
import { retryLater } from './coordinator.ts'
import { commitOffsets } from './offsets.ts'
import { maybeLeaveGroup } from './rebalance.ts'
import { leaveConsumerGroup } from './consumer-heartbeat.ts'

/** KafkaConsumer.close: commit (retrying until the close timeout), then leave. */
export function closeStep(w: World, m: MemberNode): void {
  if (!m.closing || m.state === 'closed' || m.state === 'fenced') return
  if (m.commits.some((c) => c.kind === 'close')) return
  if (m.closeCommitPending && w.nowMs < m.closeDeadline) {
    m.closeCommitPending = false
    const r = commitOffsets(w, m, 'close')
    if (r === 'sent') return
    if (r === 'retry') {
      m.closeCommitPending = true
      return retryLater(w, m)
    }
  }
  finishClose(w, m)
}

function finishClose(w: World, m: MemberNode): void {
  revokeAll(w, m, m.generation < 0)
  if (m.groupProtocol === 'consumer') leaveConsumerGroup(w, m, false)
  else maybeLeaveGroup(w, m, 'the consumer is being closed')
  Object.assign(m, { join: null, sync: null, pendingAssignment: null, heartbeat: null, offsetFetch: null, commits: [], fetchInflight: {}, completed: [] })
  m.state = 'closed'
  m.closing = false
  m.app = 'stopped'
  m.heartbeatToken++
  emit(w, { type: 'ConsumerClosed', member: m.id, staticMember: !!m.groupInstanceId })
}
