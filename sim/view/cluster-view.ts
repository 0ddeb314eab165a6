/**
 * Builds the ClusterView (view/types.ts) from the world: what `kafka-topics --describe`, the
 * controller's metadata and each broker's logs say now. Leaders, Replicas and Isr come from the
 * authoritative metadata (the active controller's image), offsets from the brokers' replicas, group
 * state from the coordinator that leads the group's __consumer_offsets partition.
 *
 * Read-only: it never changes the world, and it does not run the checkers (the summary does).
 * Iteration order is explicit (broker ids, sorted topic names, partition numbers, creation order).
 */
import type { World } from '../nodes/world.ts'
import type { MetadataImage, PartitionState } from '../controller/metadata.ts'
import { partitionName } from '../kafka/topic-partition.ts'
import { brokerState, clusterImage, controllerOf, coordinatedGroup, groupIds, groupProtocolOf, groupTopics, type ObservedConsumerMember, type ObservedGroup } from '../observe/cluster-state.ts'
import { serving, znodeListing, ZK_TICK_MS } from '../controller/zookeeper/ensemble.ts'
import { committedLag } from '../observe/lag.ts'
import { groupPartitionRows } from '../observe/describe-tables.ts'
import { memberView } from '../observe/member-view.ts'
import { traceHashOf } from '../kernel/trace-hash.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import { resolveTopicConfig } from '../kafka/config.ts'
import { buildWaits } from './waits.ts'
import { coordinatedShareGroup, shareGroupIds, shareMemberHoldings, sharePartitionRow, sharePartitionsOf } from '../observe/share-groups.ts'
import type { ZooKeeperView, BrokerCard, ClusterView, ExternalClientCard, GroupCard, LinkMark, PartitionRow, ReplicaCell, ReplicaRole, ShareGroupCard, TopicRow } from './types.ts'

export function buildClusterView(w: World): ClusterView {
  const img = clusterImage(w)
  const { node: active, epoch } = controllerOf(w)
  const topics = topicRows(w, img)
  const partitions = partitionRows(w, img)
  const groups = groupCards(w, img)
  const shareGroups = shareGroupCards(w, img)
  return {
    nowMs: w.nowMs,
    events: w.events,
    traceHash: traceHashOf(w),
    controllers: w.voterIds.map((id) => {
      const c = w.controllers[id]
      return { id, up: w.nodes[id].up, role: w.nodes[id].up ? c.role : 'Down', epoch: c.epoch }
    }),
    activeController: active,
    controllerEpoch: epoch,
    dedicatedControllers: w.scenario.cluster.controller.dedicated,
    controllerMode: w.scenario.cluster.controller.mode,
    zookeeper: zooKeeperView(w),
    brokers: brokerCards(w, img, partitions, [...groups, ...shareGroups], active),
    topics,
    partitions,
    producers: w.producerIds.map((id) => {
      const p = w.producers[id]
      let inflight = 0
      for (const node in p.inflightByNode) inflight += p.inflightByNode[node]
      return {
        id,
        topic: p.spec.topic,
        up: w.nodes[id].up,
        active: p.active,
        acks: String(p.cfg.acks),
        idempotent: p.idempotent,
        producerId: p.producerId,
        producerEpoch: p.producerEpoch,
        sent: p.sent,
        acked: p.acked,
        failed: p.failed,
        inflight,
        errors: { ...p.errors },
      }
    }),
    readers: w.readerIds.map((id) => {
      const r = w.readers[id]
      const positions: Record<string, number> = {}
      for (const p of r.parts) positions[p.tp] = p.position
      return { id, up: w.nodes[id].up, polled: r.polled, positions, errors: { ...r.errors } }
    }),
    groups,
    shareGroups,
    externals: externalCards(w, img),
    links: linkMarks(w),
    isolated: Object.keys(w.net.isolated).sort(),
    sides: w.net.partitioned ? { ...w.net.side } : {},
    waits: buildWaits(w),
  }
}

function userTopics(img: MetadataImage): string[] {
  return img.topicNames.filter((t) => t !== OFFSETS_TOPIC)
}

function topicRows(w: World, img: MetadataImage): TopicRow[] {
  return img.topicNames.map((name) => {
    const t = img.topics[name]
    const cfg = resolveTopicConfig(t.config, w.brokerConfig)
    return {
      name,
      partitions: t.partitions.length,
      replicationFactor: t.partitions[0]?.replicas.length ?? 0,
      internal: name === OFFSETS_TOPIC,
      config: { minInsyncReplicas: cfg['min.insync.replicas'], uncleanLeaderElection: cfg['unclean.leader.election.enable'] },
    }
  })
}

function partitionRows(w: World, img: MetadataImage): PartitionRow[] {
  const rows: PartitionRow[] = []
  for (const name of userTopics(img)) {
    const t = img.topics[name]
    const cfg = resolveTopicConfig(t.config, w.brokerConfig)
    for (const p of t.partitions) rows.push(partitionRow(w, p, cfg['min.insync.replicas'], cfg['unclean.leader.election.enable']))
  }
  return rows
}

/** The replica whose offsets stand for the partition: the leader's, else the one with the highest HW. */
export function mainReplica<T extends { broker: number; highWatermark: number }>(logs: readonly T[], leader: number): T | undefined {
  return logs.find((l) => l.broker === leader) ?? logs.reduce<T | undefined>((a, b) => (!a || b.highWatermark > a.highWatermark ? b : a), undefined)
}

function partitionRow(w: World, p: PartitionState, minIsr: number, unclean: boolean): PartitionRow {
  const tp = partitionName(p.topic, p.partition)
  const logs = p.replicas.map((id) => {
    const r = w.brokers[String(id)]?.replicas[tp]
    return {
      broker: id,
      up: w.nodes[String(id)].up,
      logStartOffset: r ? r.logStartOffset : 0,
      logEndOffset: r ? r.leo : 0,
      highWatermark: r ? r.hw : 0,
    }
  })
  const main = mainReplica(logs, p.leader)
  return {
    topic: p.topic,
    partition: p.partition,
    tp,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    replicas: p.replicas.slice(),
    isr: p.isr.slice(),
    addingReplicas: p.addingReplicas.slice(),
    removingReplicas: p.removingReplicas.slice(),
    elr: p.elr.slice(),
    lastKnownElr: p.lastKnownElr.slice(),
    preferredLeader: p.replicas[0],
    logStartOffset: main ? main.logStartOffset : 0,
    highWatermark: main ? main.highWatermark : 0,
    logEndOffset: main ? main.logEndOffset : 0,
    logs,
    minInsyncReplicas: minIsr,
    uncleanLeaderElection: unclean,
  }
}

/** How a broker's replica of a partition stands: leader, in-sync follower, out-of-sync, offline. */
export function replicaRole(w: World, p: { leader: number; isr: readonly number[] }, broker: number): ReplicaRole {
  if (!w.nodes[String(broker)].up || p.leader < 0) return 'offline'
  if (p.leader === broker) return 'leader'
  return p.isr.includes(broker) ? 'insync' : 'outofsync'
}

function brokerCards(w: World, img: MetadataImage, partitions: PartitionRow[], groups: readonly { groupId: string; coordinator: number }[], active: string | null): BrokerCard[] {
  return w.brokerIds.map((id) => {
    const node = String(id)
    const replicas: ReplicaCell[] = []
    let leaders = 0
    let preferredLeaders = 0
    for (const p of partitions) {
      if (!p.replicas.includes(id)) continue
      const role = replicaRole(w, p, id)
      if (p.leader === id) leaders++
      if (p.preferredLeader === id) preferredLeaders++
      replicas.push({ topic: p.topic, partition: p.partition, tp: p.tp, role, preferred: p.preferredLeader === id })
    }
    return {
      id,
      node,
      state: brokerState(w, id, img),
      voter: w.nodes[node].controller !== undefined,
      activeController: active === node,
      coordinatorOf: groups.filter((g) => g.coordinator === id).map((g) => g.groupId),
      replicas,
      leaders,
      preferredLeaders,
      rack: w.scenario.cluster.racks[String(id)] ?? null,
    }
  })
}

function groupCards(w: World, img: MetadataImage): GroupCard[] {
  return groupIds(w).map((groupId) => {
    const { coordinator, group: g } = coordinatedGroup(w, img, groupId)
    const topics = groupTopics(w, groupId)
    const memberIds = w.memberIds.filter((id) => w.members[id].groupId === groupId)
    const members = memberIds.filter((id) => w.nodes[id].up && w.members[id].state !== 'closed').map((id) => memberView(w.members[id]))
    const { committed, lag, totalLag } = committedLag(w, img, g)
    const first = memberIds.length ? w.members[memberIds[0]] : undefined
    const type = groupProtocolOf(w, groupId)
    return {
      groupId,
      type,
      consumer: g?.consumer ? { groupEpoch: g.consumer.groupEpoch, assignmentEpoch: g.consumer.assignmentEpoch, members: byClient(g) } : null,
      state: g ? g.state : 'Dead',
      generation: g ? g.generation : 0,
      protocol: g?.protocolName ?? '',
      rebalanceProtocol: type === 'consumer' ? 'KIP-848' : first ? first.protocol : 'EAGER',
      coordinator,
      rebalanceReason: g?.rebalanceReason ?? '',
      topics,
      members,
      downMembers: g ? memberIds.filter((id) => !w.nodes[id].up && g.memberOrder.some((m) => g.members[m].clientId === id)) : [],
      committed,
      lag,
      totalLag,
      partitions: groupPartitionRows(w, img, g, topics),
    }
  })
}

function shareGroupCards(w: World, img: MetadataImage): ShareGroupCard[] {
  return shareGroupIds(w).map((groupId) => {
    const { coordinator, group: g } = coordinatedShareGroup(w, img, groupId)
    const partitions = sharePartitionsOf(w, groupId).map(sharePartitionRow)
    return {
      groupId,
      state: g?.state ?? 'Dead',
      coordinator,
      groupEpoch: g?.groupEpoch ?? 0,
      assignmentEpoch: g?.assignmentEpoch ?? 0,
      topics: w.shareGroupSpecs[groupId].topics.slice(),
      members: shareMemberHoldings(w, groupId),
      partitions,
      acknowledged: partitions.reduce((n, p) => n + p.acknowledged, 0),
      redelivered: partitions.reduce((n, p) => n + p.redelivered, 0),
      archived: partitions.reduce((n, p) => n + p.archived, 0),
      deliveryLimit: w.brokerConfig['group.share.delivery.count.limit'],
      lockMs: w.brokerConfig['group.share.record.lock.duration.ms'],
    }
  })
}

/** Real clients (kafkascope serve's `ext-<n>`), each with its membership as its group's coordinator has it. */
function externalCards(w: World, img: MetadataImage): ExternalClientCard[] {
  return w.externalIds.map((id) => {
    const c = w.externals[id]
    let member: ExternalClientCard['member'] = null
    if (c.groupId !== null) {
      const { group: g } = coordinatedGroup(w, img, c.groupId)
      const memberId = g?.memberOrder.find((m) => g.members[m].node === id)
      if (g && memberId !== undefined) member = { memberId, groupState: g.state, generation: g.generation, assignment: g.members[memberId].assignment.slice() }
    }
    return { id, clientId: c.clientId, connected: !c.disconnected, produced: c.produced, fetched: c.fetched, groupId: c.groupId, member }
  })
}

/** A KIP-848 group's reconciliation by client id (a restarted client's latest member id wins). */
function byClient(g: ObservedGroup): Record<string, ObservedConsumerMember> {
  const out: Record<string, ObservedConsumerMember> = {}
  for (const id of g.memberOrder) out[g.members[id].clientId] = g.consumer!.members[id]
  return out
}

function linkMarks(w: World): LinkMark[] {
  const out: LinkMark[] = []
  for (const from of w.net.nodes) {
    const row = w.net.links[from]
    for (const to of w.net.nodes) {
      const l = row?.[to]
      if (l && (l.cut || l.extraMs > 0)) out.push({ from, to, cut: l.cut, extraMs: l.extraMs })
    }
  }
  return out
}

const hex = (id: number) => `0x${id.toString(16)}`

/** The ensemble, its brokers' sessions and its znodes, in ZooKeeper mode. */
function zooKeeperView(w: World): ZooKeeperView | null {
  const zk = w.zookeeper
  if (!zk) return null
  return {
    servers: zk.servers.map((id) => ({
      id,
      role: !w.nodes[id].up ? 'down' : !serving(w, id) ? 'looking' : zk.leader === id ? 'leader' : 'follower',
    })),
    quorum: zk.leader !== null && serving(w, zk.leader),
    sessions: zk.sessionOrder.map((sid) => {
      const s = zk.sessions[sid]
      return { id: hex(s.id), broker: Number(s.client), server: s.server, timeoutMs: s.timeoutMs, lastHeardMs: s.lastHeardMs, deadlineMs: s.lastHeardMs + s.timeoutMs }
    }),
    znodes: znodeListing(zk).map((z) => ({ path: z.path, data: z.data, ephemeralOwner: z.ephemeralOwner === 0 ? null : hex(z.ephemeralOwner) })),
    controllerBroker: zk.controller ? zk.controller.brokerId : null,
    tickTimeMs: ZK_TICK_MS,
  }
}
