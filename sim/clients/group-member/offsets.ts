/**
 * A group member's offset requests to the coordinator, as ConsumerCoordinator sends them: OffsetCommit
 * of the consumed positions with the current generation (commitOffsetsAsync / commitOffsetsSync),
 * the auto-commit timer inside poll() (maybeAutoCommitOffsetsAsync, auto.commit.interval.ms), and
 * OffsetFetch of the committed offsets for partitions without a position
 * (refreshCommittedOffsetsIfNeeded). Their answers are handled in offset-results.ts.
 */
import { timer } from '../../kernel/node-io.ts'
import type { World } from '../../nodes/world.ts'
import type { CommitKind, MemberNode } from '../group-consumer-types.ts'
import { countError } from '../fetcher.ts'
import { consumedOffsets } from './subscription.ts'
import { ensureCoordinator, sendToCoordinator } from './coordinator.ts'

/**
 * Send an OffsetCommit of the consumed positions with the current generation. 'empty': nothing to
 * commit; 'failed': not in a stable generation (RebalanceInProgress / CommitFailed, not retriable);
 * 'retry': no coordinator yet.
 */
export function commitOffsets(w: World, m: MemberNode, kind: CommitKind): 'sent' | 'empty' | 'failed' | 'retry' {
  const offsets = consumedOffsets(m)
  if (Object.keys(offsets).length === 0) return 'empty'
  if (m.state !== 'stable' || m.generation < 0) {
    countError(m, m.state === 'unjoined' ? 'CommitFailedException' : 'REBALANCE_IN_PROGRESS')
    return 'failed'
  }
  if (!ensureCoordinator(w, m)) return 'retry'
  const sent = sendToCoordinator(w, m, {
    api: 'OffsetCommit',
    groupId: m.groupId,
    generation: m.generation,
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    offsets,
  }, m.cfg['request.timeout.ms'])
  m.commits.push({ ...sent, kind, generation: m.generation, memberId: m.memberId, offsets })
  return 'sent'
}

/** ConsumerCoordinator.maybeAutoCommitOffsetsAsync, inside poll() when the group is stable. */
export function maybeAutoCommit(w: World, m: MemberNode): void {
  if (!m.cfg['enable.auto.commit'] || w.nowMs < m.nextAutoCommitMs) return
  armAutoCommit(w, m, w.nowMs + m.cfg['auto.commit.interval.ms'])
  if (commitOffsets(w, m, 'auto') === 'retry') armAutoCommit(w, m, w.nowMs + m.cfg['retry.backoff.ms'])
}

/** The next auto-commit is due at `atMs` (a timer wakes poll() then). */
export function armAutoCommit(w: World, m: MemberNode, atMs: number): void {
  m.nextAutoCommitMs = atMs
  m.autoCommitToken++
  timer(w, m.id, 'member.autoCommit', atMs - w.nowMs, m.autoCommitToken)
}

/** KafkaConsumer.updateFetchPositions: committed offsets first, then auto.offset.reset. */
export function updatePositions(w: World, m: MemberNode): void {
  if (m.offsetFetch || m.coordinator < 0 || w.nowMs < m.retryAtMs) return
  if (!hasInit(m, 'committed')) return
  const want = m.owned.filter((p) => p.init === 'committed')
  for (const p of want) p.init = 'fetchingCommitted'
  const tps = want.map((p) => p.tp)
  const sent = sendToCoordinator(w, m, { api: 'OffsetFetch', groupId: m.groupId, tps }, m.cfg['request.timeout.ms'])
  m.offsetFetch = { ...sent, tps }
}

function hasInit(m: MemberNode, init: MemberNode['owned'][number]['init']): boolean {
  for (const p of m.owned) if (p.init === init) return true
  return false
}
