/**
 * The rows of the describe tables, read from the live state: `kafka-topics --describe` (the active
 * controller's metadata), `kafka-consumer-groups --describe --group g` (ConsumerGroupCommand's
 * collectGroupOffsets: each member's assigned partitions, then the committed partitions nobody
 * owns) and the groups panel's table (every partition of the group's topics). Offsets and LAG come
 * from lag.ts: LOG-END-OFFSET is the leader's high watermark, as in Kafka.
 */
import type { World } from '../nodes/world.ts'
import type { MetadataImage } from '../controller/metadata.ts'
import { compareTp, partitionName } from '../kafka/topic-partition.ts'
import type { ObservedGroup } from './cluster-state.ts'
import type { DescribeGroupMembersInput, DescribeGroupOffsetsInput, DescribeGroupStateInput, DescribeTopicsInput, GroupOffsetRow, TopicPartitionRef } from '../trace/kafka-tools.ts'
import { clusterImage, coordinatedGroup } from './cluster-state.ts'
import { partitionOffsets, type PartitionOffsets } from './lag.ts'

/** One row of the groups panel's table: a partition's offsets and the member the coordinator assigned it to. */
export interface GroupPartitionRow extends PartitionOffsets {
  /** the member id the coordinator assigned the partition to, null when none */
  consumerId: string | null
  clientId: string | null
}

/** The coordinator's assignment of a group: partition → member. */
function assignmentOf(group: ObservedGroup | undefined): Map<string, { memberId: string; clientId: string }> {
  const assigned = new Map<string, { memberId: string; clientId: string }>()
  if (!group) return assigned
  for (const id of group.memberOrder) {
    const m = group.members[id]
    if (m) for (const tp of m.assignment) assigned.set(tp, { memberId: m.memberId, clientId: m.clientId })
  }
  return assigned
}

/** One row per partition of `topics` (in that order, then by partition) for the group's table. */
export function groupPartitionRows(w: World, img: MetadataImage, group: ObservedGroup | undefined, topics: readonly string[]): GroupPartitionRow[] {
  const assigned = assignmentOf(group)
  const rows: GroupPartitionRow[] = []
  for (const topic of topics) {
    for (const p of img.topics[topic]?.partitions ?? []) {
      const tp = partitionName(topic, p.partition)
      const a = assigned.get(tp)
      rows.push({ ...partitionOffsets(w, img, group, tp), consumerId: a?.memberId ?? null, clientId: a?.clientId ?? null })
    }
  }
  return rows
}

/** What `kafka-consumer-groups --describe --group <groupId>` lists now (Dead when no coordinator knows the group). */
export function groupOffsetRows(w: World, groupId: string): DescribeGroupOffsetsInput {
  const img = clusterImage(w)
  const { group: g } = coordinatedGroup(w, img, groupId)
  if (!g) return { groupId, state: 'Dead', rows: [] }
  const rows: GroupOffsetRow[] = []
  const owned = new Set<string>()
  const row = (tp: string, member: { memberId: string; node: string; clientId: string } | null): GroupOffsetRow => {
    const o = partitionOffsets(w, img, g, tp)
    const consumer = member ? { consumerId: member.memberId, host: `/${member.node}`, clientId: member.clientId } : { consumerId: null, host: null, clientId: null }
    return { topic: o.topic, partition: o.partition, currentOffset: o.currentOffset, logEndOffset: o.logEndOffset, ...consumer }
  }
  for (const id of g.memberOrder) {
    const m = g.members[id]
    for (const tp of m.assignment) {
      owned.add(tp)
      rows.push(row(tp, m))
    }
  }
  for (const tp of Object.keys(g.committed).sort(compareTp)) if (!owned.has(tp)) rows.push(row(tp, null))
  return { groupId, state: g.state, rows }
}

const refs = (tps: readonly string[]): TopicPartitionRef[] =>
  tps.map((tp) => {
    const cut = tp.lastIndexOf('-')
    return { topic: tp.slice(0, cut), partition: Number(tp.slice(cut + 1)) }
  })

/**
 * What `kafka-consumer-groups --describe --group <groupId> --members [--verbose]` lists now: the
 * members in the coordinator's order; for a KIP-848 group each member's epoch and its share of the
 * target assignment (CURRENT-EPOCH, TARGET-ASSIGNMENT), and the target assignment's epoch.
 */
export function groupMemberRows(w: World, groupId: string): DescribeGroupMembersInput {
  const { group: g } = coordinatedGroup(w, clusterImage(w), groupId)
  if (!g) return { groupId, state: 'Dead', members: [] }
  const members = g.memberOrder.map((id) => {
    const m = g.members[id]
    const c = g.consumer?.members[id]
    return {
      consumerId: m.memberId,
      host: `/${m.node}`,
      clientId: m.clientId,
      groupInstanceId: m.groupInstanceId,
      assignment: refs(m.assignment),
      ...(c ? { memberEpoch: c.memberEpoch, targetAssignment: refs(c.target), upgraded: true } : {}),
    }
  })
  return { groupId, state: g.state, members, ...(g.consumer ? { targetAssignmentEpoch: g.consumer.assignmentEpoch } : {}) }
}

/** What `kafka-consumer-groups --describe --group <groupId> --state [--verbose]` lists now. */
export function groupStateRow(w: World, groupId: string): DescribeGroupStateInput {
  const { coordinator, group: g } = coordinatedGroup(w, clusterImage(w), groupId)
  const c = { id: coordinator, host: `broker-${coordinator}`, port: 9092 }
  if (!g) return { groupId, state: 'Dead', coordinator: c, assignmentStrategy: '', numMembers: 0 }
  return {
    groupId,
    state: g.state,
    coordinator: c,
    assignmentStrategy: g.protocolName ?? '',
    numMembers: g.memberOrder.length,
    ...(g.consumer ? { groupEpoch: g.consumer.groupEpoch, targetAssignmentEpoch: g.consumer.assignmentEpoch } : {}),
  }
}

/** What `kafka-topics --describe` lists now: every topic of the authoritative metadata. */
export function topicDescriptions(w: World): DescribeTopicsInput {
  const img = clusterImage(w)
  return {
    topics: img.topicNames.map((name) => {
      const t = img.topics[name]
      return {
        name,
        topicId: t.topicId,
        config: t.config as Record<string, string | number | boolean | string[]>,
        partitions: t.partitions.map((p) => ({ partition: p.partition, leader: p.leader, replicas: p.replicas, isr: p.isr, addingReplicas: p.addingReplicas, removingReplicas: p.removingReplicas, elr: p.elr.slice(), lastKnownElr: p.lastKnownElr.slice() })),
      }
    }),
  }
}
