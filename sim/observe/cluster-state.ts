/**
 * Read-only queries over the cluster's state that the summary, the published view, the describe
 * tables and the metrics share: which controller's metadata is authoritative now, how a broker
 * stands, what ListOffsets(latest) answers for a partition (the leader's high watermark, as
 * Kafka's ListOffsetsHandler does for read_uncommitted), each replica's log as the checkers see
 * it, and which broker coordinates a group (the leader of its __consumer_offsets partition,
 * GroupCoordinatorService.partitionFor). None of them changes the world.
 */
import { canReach } from '../kernel/network.ts'
import type { World } from '../nodes/world.ts'
import type { ControllerNode } from '../controller/types.ts'
import { allPartitions, type MetadataImage, type PartitionState } from '../controller/metadata.ts'
import { compareTp, partitionName } from '../kafka/topic-partition.ts'
import type { PartitionView, ReplicaView } from '../history/history.ts'
import type { ConsumerGroup } from '../coordinator/consumer/consumer-group-types.ts'
import type { TopicPartitions } from '../coordinator/consumer/current-assignment.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import { coordinatorPartitionFor } from '../kafka/coordinator.ts'
import { partitionOf, topicOf } from '../coordinator/assignors/common.ts'
import type { BrokerState } from '../trace/summary-types.ts'

/** The KRaft controller whose metadata is authoritative now: the active one, else the most advanced. */
export function metadataSource(w: World): ControllerNode {
  let best: ControllerNode | undefined
  for (const id of w.voterIds) {
    const c = w.controllers[id]
    if (c.role === 'Leader' && w.nodes[id].up) return c
    if (!best || c.hw > best.hw) best = c
  }
  return best!
}

/** The authoritative metadata: the KRaft controller's image, or in ZooKeeper mode what ZooKeeper holds. */
export function clusterImage(w: World): MetadataImage {
  return w.zookeeper ? w.zookeeper.data : metadataSource(w).image
}

/**
 * The active controller's node and the controller epoch: the KRaft Raft leader (null when there is
 * none), or in ZooKeeper mode the broker /controller names, while it runs and acts as controller.
 */
export function controllerOf(w: World): { node: string | null; epoch: number } {
  const zk = w.zookeeper
  if (zk) {
    const id = zk.controller ? String(zk.controller.brokerId) : null
    const acting = id !== null && w.nodes[id].up && w.brokers[id].zkController.active
    return { node: acting ? id : null, epoch: zk.controllerEpoch }
  }
  const src = metadataSource(w)
  return { node: src.role === 'Leader' && w.nodes[src.id].up ? src.id : null, epoch: src.epoch }
}

export function brokerState(w: World, id: number, img: MetadataImage): BrokerState {
  const node = String(id)
  if (!w.nodes[node].up) return w.brokers[node]?.lifecycle === 'shutDown' ? 'stopped' : 'crashed'
  if (w.net.isolated[node]) return 'isolated'
  if (!w.zookeeper) {
    const c = metadataSource(w)
    if (c.id !== node && !canReach(w.net, node, c.id)) return 'isolated'
  }
  const reg = img.brokers[node]
  if (!reg || reg.fenced) return 'fenced'
  return reg.inControlledShutdown ? 'shuttingDown' : 'alive'
}

export function partitionViews(w: World): PartitionView[] {
  return allPartitions(clusterImage(w)).map((p) => partitionView(w, p))
}

/** One partition as the checkers see it: its metadata and each hosted replica's log. */
export function partitionView(w: World, p: PartitionState): PartitionView {
  const tp = partitionName(p.topic, p.partition)
  const replicas: ReplicaView[] = []
  for (const id of p.replicas) {
    const r = w.brokers[String(id)]?.replicas[tp]
    if (!r) continue
    replicas.push({
      broker: id,
      online: w.nodes[String(id)].up,
      logStartOffset: r.logStartOffset,
      logEndOffset: r.leo,
      highWatermark: r.hw,
      batches: r.log,
      cleanedTo: r.cleanOffset,
    })
  }
  const policy = clusterImage(w).topics[p.topic]?.config['cleanup.policy']
  return { tp, leader: p.leader, leaderEpoch: p.leaderEpoch, isr: p.isr.slice(), replicas, compacted: typeof policy === 'string' && policy.includes('compact'), records: w.records }
}

/** The high watermark a ListOffsets(latest) would answer: the leader's, or null without a leader. */
export function leaderHw(w: World, img: MetadataImage, tp: string): number | null {
  const p = img.topics[topicOf(tp)]?.partitions[partitionOf(tp)]
  if (!p || p.leader < 0) return null
  return w.brokers[String(p.leader)]?.replicas[tp]?.hw ?? null
}

/** What the views read of a group member, whichever protocol the group speaks. */
export interface ObservedMember {
  memberId: string
  clientId: string
  node: string
  groupInstanceId: string | null
  /** the partitions it owns ("topic-p") */
  assignment: string[]
  lastHeartbeatMs: number
  sessionTimeoutMs: number
}

/** A KIP-848 member's reconciliation, as the coordinator sees it. */
export interface ObservedConsumerMember {
  memberEpoch: number
  state: string
  /** partitions it must give up before it gets new ones */
  revoking: string[]
  /** its share of the target assignment */
  target: string[]
}

/**
 * What the views read of a group on its coordinator. A classic group is one as it is; a KIP-848
 * group is shown the same way (its group epoch as the generation, its assignor as the protocol),
 * with its epochs and each member's reconciliation in `consumer`.
 */
export interface ObservedGroup {
  state: string
  generation: number
  protocolName: string | null
  rebalanceReason: string
  memberOrder: string[]
  members: Record<string, ObservedMember>
  committed: Record<string, number>
  consumer?: { groupEpoch: number; assignmentEpoch: number; members: Record<string, ObservedConsumerMember> }
}

/** The coordinator's view of a group: the broker leading its __consumer_offsets partition. */
export function coordinatedGroup(w: World, img: MetadataImage, groupId: string): { coordinator: number; group: ObservedGroup | undefined } {
  const p = coordinatorPartitionFor(groupId, w.brokerConfig['offsets.topic.num.partitions'])
  const coordinator = img.topics[OFFSETS_TOPIC]?.partitions[p]?.leader ?? -1
  const b = coordinator >= 0 && w.nodes[String(coordinator)].up ? w.brokers[String(coordinator)] : undefined
  const consumer = b?.coordinator.consumerGroups[groupId]
  return { coordinator, group: consumer !== undefined ? observeConsumerGroup(w, img, consumer) : b?.coordinator.groups[groupId] }
}

/** "topic-p" names of a KIP-848 assignment (topic ids resolved in the metadata image), sorted. */
function partitionNamesOf(img: MetadataImage, tps: TopicPartitions): string[] {
  const names: string[] = []
  for (const id of Object.keys(tps)) {
    const topic = img.topicNames.find((t) => img.topics[t].topicId === id) ?? id
    for (const p of tps[id]) names.push(partitionName(topic, p))
  }
  return names.sort(compareTp)
}

function observeConsumerGroup(w: World, img: MetadataImage, g: ConsumerGroup): ObservedGroup {
  const members: Record<string, ObservedMember> = {}
  const reconciliation: Record<string, ObservedConsumerMember> = {}
  const sessionTimeoutMs = w.brokerConfig['group.consumer.session.timeout.ms']
  for (const id of g.memberOrder) {
    const m = g.members[id]
    members[id] = { memberId: id, clientId: m.clientId, node: m.node, groupInstanceId: m.instanceId, assignment: partitionNamesOf(img, m.assignedPartitions), lastHeartbeatMs: m.lastHeartbeatMs, sessionTimeoutMs }
    reconciliation[id] = { memberEpoch: m.memberEpoch, state: m.state, revoking: partitionNamesOf(img, m.partitionsPendingRevocation), target: partitionNamesOf(img, g.targetAssignment[id] ?? {}) }
  }
  return {
    state: g.state,
    generation: g.groupEpoch,
    protocolName: g.assignor === '' ? null : g.assignor,
    rebalanceReason: '',
    memberOrder: g.memberOrder.slice(),
    members,
    committed: g.committed,
    consumer: { groupEpoch: g.groupEpoch, assignmentEpoch: g.assignmentEpoch, members: reconciliation },
  }
}

/** The consumer groups the scenario declares, sorted by id. */
export function groupIds(w: World): string[] {
  return Object.keys(w.groupSpecs).sort()
}

/** The protocol a declared group's members speak (group.protocol). */
export function groupProtocolOf(w: World, groupId: string): 'classic' | 'consumer' {
  return w.groupSpecs[groupId]?.config?.['group.protocol'] === 'consumer' ? 'consumer' : 'classic'
}

/** The topics a group subscribes to, as its consumer spec says now (setConsumerConfig may change it). */
export function groupTopics(w: World, groupId: string): string[] {
  return Object.hasOwn(w.groupSpecs, groupId) ? w.groupSpecs[groupId].topics.slice() : []
}
