/**
 * A group member's assigned partitions and their positions, as the Java client's SubscriptionState
 * keeps them: the owned partitions in Kafka's order (topic, then partition), each with its position,
 * how far it is buffered, its leader and epochs; a partition pending revocation (EAGER onJoinPrepare)
 * hands out and fetches nothing; the consumed positions are what a commit sends (allConsumed).
 *
 * Invariants: every position set on purpose (committed offset, reset) is recorded as a reset in the
 * read log; every partition given up (onPartitionsRevoked / onPartitionsLost) is recorded in
 * history.groups.
 */
import { compareTp, parseTopicPartition } from '../../kafka/topic-partition.ts'
import type { World } from '../../nodes/world.ts'
import { recordRevoked } from '../../history/group-history.ts'
import type { MemberNode, MemberPartition } from '../group-consumer-types.ts'
import { countError, recordReset } from '../fetcher.ts'

/** Kafka's order of partitions: by topic, then partition number. */
export const compareTps = compareTp

/** The owned partition `tp`, if the member still owns it. */
export function ownedPartition(m: MemberNode, tp: string): MemberPartition | undefined {
  for (const p of m.owned) if (p.tp === tp) return p
  return undefined
}

/** A newly assigned partition: no position yet (committed offset first), leader from metadata. */
export function addPartition(m: MemberNode, tp: string): void {
  const { topic, partition } = parseTopicPartition(tp)!
  const leader = m.topicLeaders[topic]?.[partition]
  m.owned.push({
    topic,
    partition,
    tp,
    position: -1,
    fetchedTo: -1,
    fetchedFrom: -1,
    leader: leader ? leader.leader : -1,
    leaderEpoch: leader ? leader.leaderEpoch : -1,
    init: 'committed',
    listInflight: false,
    listSentMs: 0,
    pendingRevocation: false,
    positionEpoch: -1,
    bufferedEpochs: [],
    bufferedRuns: null,
    awaitValidation: false,
    validateInflight: false,
    readLog: null,
  })
  if (!leader || leader.leader < 0) m.needMetadata = true
}

/** EAGER onJoinPrepare: the partition hands out and fetches nothing more; its buffer is dropped. */
export function markPendingRevocation(m: MemberNode, p: MemberPartition): void {
  p.pendingRevocation = true
  p.fetchedTo = p.position
  m.completed = m.completed.filter((tp) => tp !== p.tp)
}

/** Give up partitions (onPartitionsRevoked / onPartitionsLost): no more fetching or records. */
export function revoke(w: World, m: MemberNode, tps: string[], lost: boolean): void {
  if (tps.length === 0) return
  const gone = new Set(tps)
  m.owned = m.owned.filter((p) => !gone.has(p.tp))
  m.completed = m.completed.filter((tp) => !gone.has(tp))
  recordRevoked(w, { groupId: m.groupId, protocol: m.groupProtocol, member: m.id, memberId: m.memberId, generation: m.lastAssignmentGeneration, tps: tps.slice().sort(compareTps), lost })
}

export function revokeAll(w: World, m: MemberNode, lost: boolean): void {
  revoke(w, m, m.owned.map((p) => p.tp), lost)
}

/** The positions poll() has handed out (SubscriptionState.allConsumed). */
export function consumedOffsets(m: MemberNode): Record<string, number> {
  const offsets: Record<string, number> = {}
  for (const p of m.owned) if (p.position >= 0) offsets[p.tp] = p.position
  return offsets
}

/** A position set on purpose (committed offset, reset, truncation): recorded as a reset. */
export function setPosition(w: World, m: MemberNode, p: MemberPartition, offset: number): void {
  p.position = offset
  p.fetchedTo = offset
  p.init = 'known'
  p.positionEpoch = -1
  p.bufferedEpochs = []
  p.bufferedRuns = null
  p.awaitValidation = false
  recordReset(w, m.id, p.tp, offset)
}

/** No valid position: auto.offset.reset (earliest/latest via ListOffsets), or fail with 'none'. */
export function needReset(m: MemberNode, p: MemberPartition, errorForNone: string): void {
  p.position = -1
  p.fetchedTo = -1
  if (m.cfg['auto.offset.reset'] === 'none') {
    p.init = 'none'
    countError(m, errorForNone)
  } else p.init = 'reset'
}
