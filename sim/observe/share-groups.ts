/**
 * Read-only queries over share groups (KIP-932) that the summary, the published view, the describe
 * tables and the checkers share: the group as its coordinator holds it (ShareGroupDescribe), each
 * share partition's window (SPSO, SPEO, record states) as its leader keeps it, and what each share
 * consumer holds. None of them changes the world.
 */
import type { World } from '../nodes/world.ts'
import type { MetadataImage } from '../controller/metadata.ts'
import type { ShareGroup } from '../coordinator/share/share-group.ts'
import type { TopicPartitions } from '../coordinator/consumer/current-assignment.ts'
import { ACQUIRED, countStates, inFlightRecords, recordStateName, shareStateKey, type RecordStateName, type SharePartitionState } from '../cluster/share-partition.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import { coordinatorPartitionFor } from '../kafka/coordinator.ts'
import { compareTp, partitionName } from '../kafka/topic-partition.ts'
import { clusterImage } from './cluster-state.ts'
import type { DescribeShareGroupInput } from '../trace/kafka-share-groups.ts'
import type { ShareAckUnanswered } from '../history/share-history.ts'

export interface ObservedShareMember {
  memberId: string
  clientId: string
  memberEpoch: number
  /** its partitions ("topic-p", sorted); members of a share group may share a partition */
  assignment: string[]
}

/** A share group on its coordinator (ShareGroupDescription). */
export interface ObservedShareGroup {
  state: string
  groupEpoch: number
  assignmentEpoch: number
  /** members by member id, in the order they joined */
  memberOrder: string[]
  members: Record<string, ObservedShareMember>
}

/** The share groups the scenario declares, sorted by id. */
export function shareGroupIds(w: World): string[] {
  return Object.keys(w.shareGroupSpecs).sort()
}

function namesOf(img: MetadataImage, tps: TopicPartitions): string[] {
  const names: string[] = []
  for (const id of Object.keys(tps)) {
    const topic = img.topicNames.find((t) => img.topics[t].topicId === id) ?? id
    for (const p of tps[id]) names.push(partitionName(topic, p))
  }
  return names.sort(compareTp)
}

function observe(img: MetadataImage, g: ShareGroup): ObservedShareGroup {
  const members: Record<string, ObservedShareMember> = {}
  for (const id of g.memberOrder) {
    const m = g.members[id]
    members[id] = { memberId: id, clientId: m.clientId, memberEpoch: m.memberEpoch, assignment: namesOf(img, m.assignedPartitions) }
  }
  return { state: g.state, groupEpoch: g.groupEpoch, assignmentEpoch: g.assignmentEpoch, memberOrder: g.memberOrder.slice(), members }
}

/** The coordinator of a share group (the leader of its __consumer_offsets partition) and the group there. */
export function coordinatedShareGroup(w: World, img: MetadataImage, groupId: string): { coordinator: number; group: ObservedShareGroup | undefined } {
  const p = coordinatorPartitionFor(groupId, w.brokerConfig['offsets.topic.num.partitions'])
  const coordinator = img.topics[OFFSETS_TOPIC]?.partitions[p]?.leader ?? -1
  const b = coordinator >= 0 && w.nodes[String(coordinator)].up ? w.brokers[String(coordinator)] : undefined
  const g = b?.coordinator.shareGroups[groupId]
  return { coordinator, group: g === undefined ? undefined : observe(img, g) }
}

/** A group's share partitions (made at a leader's first ShareFetch), in topic-partition order. */
export function sharePartitionsOf(w: World, groupId: string): SharePartitionState[] {
  const out: SharePartitionState[] = []
  for (const key of Object.keys(w.shares)) if (w.shares[key].groupId === groupId) out.push(w.shares[key])
  return out.sort((a, b) => compareTp(a.tp, b.tp))
}

/** A share partition as the views show it: the window, its record states and who holds what. */
export interface SharePartitionRow {
  tp: string
  /** SPSO: every record below it is acknowledged or archived */
  startOffset: number
  /** the share-partition end offset (SPEO): the last offset in flight, startOffset - 1 when none */
  endOffset: number
  counts: Record<RecordStateName, number>
  acknowledged: number
  archived: number
  redelivered: number
}

export function sharePartitionRow(sp: SharePartitionState): SharePartitionRow {
  return {
    tp: sp.tp,
    startOffset: sp.startOffset,
    endOffset: sp.endOffset - 1,
    counts: countStates(sp),
    acknowledged: sp.acknowledged,
    archived: sp.archived,
    redelivered: sp.redelivered,
  }
}

/** One record of a share partition's window: its state, delivery count and holder (client id, '' when none). */
export interface ShareRecordCell {
  offset: number
  state: RecordStateName
  deliveries: number
  holder: string
}

/** The share state of (group, tp), or undefined before its first ShareFetch. */
export function sharePartitionOf(w: World, groupId: string, tp: string): SharePartitionState | undefined {
  return w.shares[shareStateKey(groupId, tp)]
}

/** The window of (group, tp) record by record (at most the last `limit` records), or null before its first ShareFetch. */
export function shareWindow(w: World, groupId: string, tp: string, limit = 200): ShareRecordCell[] | null {
  const sp = sharePartitionOf(w, groupId, tp)
  if (sp === undefined) return null
  const clientOf = memberClients(w, groupId)
  const cells: ShareRecordCell[] = []
  for (const r of inFlightRecords(sp, Math.max(sp.startOffset, sp.endOffset - limit))) {
    cells.push({ offset: r.offset, state: recordStateName(r.state), deliveries: r.deliveries, holder: r.state === ACQUIRED ? (clientOf[r.owner] ?? r.owner) : '' })
  }
  return cells
}

/** member id -> client id of the group's share consumers (each process's latest member id). */
export function memberClients(w: World, groupId: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const id of w.shareMemberIds) if (w.shareMembers[id].groupId === groupId && w.shareMembers[id].memberId !== '') out[w.shareMembers[id].memberId] = id
  return out
}

/** What a share consumer holds: records acquired and not yet acknowledged on the leaders (by partition), and its counters. */
export interface ShareMemberHolding {
  clientId: string
  up: boolean
  state: string
  memberEpoch: number
  assignment: string[]
  /** ACQUIRED records it holds, by partition */
  inFlight: Record<string, number>
  inFlightTotal: number
  /** records of the poll it is processing now */
  processing: number
  acknowledged: number
  released: number
  rejected: number
}

export function shareMemberHoldings(w: World, groupId: string): ShareMemberHolding[] {
  const parts = sharePartitionsOf(w, groupId)
  return w.shareMemberIds
    .filter((id) => w.shareMembers[id].groupId === groupId)
    .map((id) => {
      const m = w.shareMembers[id]
      const inFlight: Record<string, number> = {}
      let total = 0
      for (const sp of parts) {
        let n = 0
        for (const b of sp.batches) if (b.state === ACQUIRED && b.owner === m.memberId) n += b.last - b.first + 1
        if (n > 0) inFlight[sp.tp] = n
        total += n
      }
      const processing = m.processing.reduce((s, r) => s + r.last - r.first + 1, 0)
      return { clientId: id, up: w.nodes[id]?.up === true, state: m.state, memberEpoch: m.memberEpoch, assignment: m.assignment.slice(), inFlight, inFlightTotal: total, processing, acknowledged: m.acknowledged, released: m.released, rejected: m.rejected }
    })
}

/** What the share checkers read of every share partition now. */
export interface SharePartitionView {
  groupId: string
  tp: string
  /** where share.auto.offset.reset started it: records below were never the group's */
  firstOffset: number
  /** SPSO */
  startOffset: number
  deliveryLimit: number
}

export function sharePartitionViews(w: World): SharePartitionView[] {
  const limit = w.brokerConfig['group.share.delivery.count.limit']
  return Object.keys(w.shares)
    .sort()
    .map((k) => ({ groupId: w.shares[k].groupId, tp: w.shares[k].tp, firstOffset: w.shares[k].firstOffset, startOffset: w.shares[k].startOffset, deliveryLimit: limit }))
}

/** Acknowledgements a live share consumer sent and has no answer to yet (the leader may have applied them), in client order. */
export function shareAcksAwaitingAnswer(w: World): ShareAckUnanswered[] {
  const out: ShareAckUnanswered[] = []
  for (const id of w.shareMemberIds) {
    const m = w.shareMembers[id]
    if (!w.nodes[id]?.up) continue
    for (const { acks } of m.acksInFlight)
      for (const a of acks) out.push({ kind: 'ackUnanswered', atMs: w.nowMs, groupId: m.groupId, member: id, tp: a.tp, first: a.first, last: a.last, type: a.type })
  }
  return out
}

/** What kafka-share-groups --describe shows of a group now (ShareGroupDescription, listShareGroupOffsets). */
export function shareGroupDescription(w: World, groupId: string): DescribeShareGroupInput {
  const img = clusterImage(w)
  const { coordinator, group: g } = coordinatedShareGroup(w, img, groupId)
  const topics = Object.hasOwn(w.shareGroupSpecs, groupId) ? w.shareGroupSpecs[groupId].topics : []
  const offsets = topics.flatMap((topic) =>
    (img.topics[topic]?.partitions ?? []).map((p) => {
      const sp = sharePartitionOf(w, groupId, partitionName(topic, p.partition))
      return { topic, partition: p.partition, startOffset: sp?.startOffset ?? null, leaderEpoch: sp !== undefined && sp.leaderEpoch >= 0 ? sp.leaderEpoch : null }
    }),
  )
  const members = g === undefined ? [] : g.memberOrder.map((id) => ({ consumerId: id, host: `/${g.members[id].clientId}`, clientId: g.members[id].clientId, memberEpoch: g.members[id].memberEpoch, assignment: g.members[id].assignment }))
  return {
    groupId,
    state: g?.state ?? 'Dead',
    coordinator: { id: coordinator, host: `broker-${coordinator}`, port: 9092 },
    groupEpoch: g?.groupEpoch ?? 0,
    assignmentEpoch: g?.assignmentEpoch ?? 0,
    members,
    offsets: g === undefined ? [] : offsets,
  }
}
