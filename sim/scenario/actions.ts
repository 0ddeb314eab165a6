/**
 * Timeline actions (CONTRACT §3) applied to the running world: faults, configuration changes and
 * client operations. Node references are resolved when the action runs, against the active
 * controller's metadata: "leader:<topic>-<p>", "replica:<topic>-<p>:<i>", "controller",
 * "coordinator:<groupId>". A reference that resolves to nothing is noted as a runtime error in the
 * event log; it never throws.
 */
import { closeShareMember } from '../clients/share-consumer.ts'
import { emit } from '../kafka/events.ts'
import type { World } from '../nodes/world.ts'
import { healNetwork, isolateNode, partitionInto, setExtraLatency, cutLink } from '../kernel/network.ts'
import { externalClient, addBroker, addMember, addShareMember, crashNode, restartNode, resumeNode, shutdownBrokerNode, startNode } from '../nodes/lifecycle.ts'
import { closeMember } from '../clients/group-consumer.ts'
import { sendClientRequest } from '../clients/external-client.ts'
import { coordinatorPartitionFor } from '../kafka/coordinator.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import { adminCommitOffsets } from '../coordinator/group-coordinator.ts'
import type { ConsumerSpec, NodeRef, ScheduledAction, TimelineAction } from './types.ts'
import type { MetadataImage } from '../controller/metadata.ts'
import {
  activeController,
  addPartitions,
  cancelReassignment,
  clearReassignmentThrottles,
  electPreferredLeaders,
  electUncleanLeadersNow,
  reassignPartition,
  setTopicConfig,
} from '../controller/quorum-controller.ts'
import { setProducerActive, produceOne, wake } from '../clients/producer.ts'
import { deleteRecords } from '../cluster/log-retention.ts'
import { offsetForTimestamp } from '../storage/offset-for-time.ts'
import { resolveProducerConfig } from '../kafka/config.ts'
import { parseTopicPartition, partitionName } from '../kafka/topic-partition.ts'

export class ResolveError extends Error {}

function describe(a: ScheduledAction): { action: string; args: string } {
  const { atMs: _atMs, action, ...rest } = a
  return { action, args: JSON.stringify(rest) }
}

/** Resolve a node reference to a network node id. */
export function resolveNode(w: World, ref: NodeRef): string {
  if (typeof ref === 'number') return String(ref)
  if (w.nodes[ref]) return ref
  const c = currentMetadata(w)
  if (ref === 'controller') {
    if (!c?.controller) throw new ResolveError('there is no active controller right now')
    return c.controller
  }
  const m = /^(leader|replica):(.+?)(?::(\d+))?$/.exec(ref)
  const name = m && parseTopicPartition(m[2])
  if (m && name) {
    if (!c) throw new ResolveError(`cannot resolve ${ref}: there is no active controller`)
    const p = c.image.topics[name.topic]?.partitions[name.partition]
    if (!p) throw new ResolveError(`cannot resolve ${ref}: no such partition`)
    if (m[1] === 'leader') {
      if (p.leader < 0) throw new ResolveError(`cannot resolve ${ref}: the partition has no leader (Leader: none)`)
      return String(p.leader)
    }
    const i = m[3] === undefined ? 0 : +m[3]
    const r = p.replicas[i]
    if (r === undefined) throw new ResolveError(`cannot resolve ${ref}: the partition has ${p.replicas.length} replicas`)
    return String(r)
  }
  if (ref.startsWith('coordinator:')) {
    if (!c) throw new ResolveError(`cannot resolve ${ref}: there is no active controller`)
    const groupId = ref.slice('coordinator:'.length)
    const p = coordinatorPartitionFor(groupId, w.brokerConfig['offsets.topic.num.partitions'])
    const leader = c.image.topics[OFFSETS_TOPIC]?.partitions[p]?.leader ?? -1
    if (leader < 0) throw new ResolveError(`cannot resolve ${ref}: ${partitionName(OFFSETS_TOPIC, p)} has no leader (COORDINATOR_NOT_AVAILABLE)`)
    return String(leader)
  }
  throw new ResolveError(`unknown node ${ref}`)
}

/** The brokers whose broker.rack is `rack`, in id order (node ids). */
function rackBrokers(w: World, rack: string): string[] {
  return w.brokerIds.filter((id) => w.scenario.cluster.racks[String(id)] === rack).map(String)
}

export function runAction(w: World, a: ScheduledAction): void {
  try {
    apply(w, a)
    emit(w, { type: 'ActionApplied', ...describe(a) })
  } catch (e) {
    if (e instanceof ResolveError) emit(w, { type: 'ActionFailed', ...describe(a), message: e.message })
    else throw e
  }
}

/**
 * The metadata references resolve against: the active KRaft controller's image, or in the legacy
 * ZooKeeper mode what ZooKeeper holds, with the controller broker (null when there is none).
 */
function currentMetadata(w: World): { image: MetadataImage; controller: string | null } | null {
  const zk = w.zookeeper
  // ZooKeeper holds the metadata whether or not a controller runs
  if (zk) return { image: zk.data, controller: zk.controller && w.nodes[String(zk.controller.brokerId)].up ? String(zk.controller.brokerId) : null }
  const c = activeController(w)
  return c ? { image: c.image, controller: c.id } : null
}

function metadataOrThrow(w: World): { image: MetadataImage; controller: string | null } {
  const c = currentMetadata(w)
  if (!c) throw new ResolveError('there is no active controller right now (NOT_CONTROLLER)')
  return c
}

/** The active KRaft controller, for the admin operations it runs (the scenario parser refuses them in ZooKeeper mode). */
function controllerOrThrow(w: World) {
  if (w.zookeeper) throw new ResolveError('this operation is not modelled in ZooKeeper mode')
  const c = activeController(w)
  if (!c) throw new ResolveError('there is no active controller right now (NOT_CONTROLLER)')
  return c
}

function apply(w: World, a: ScheduledAction): void {
  switch (a.action) {
    case 'crashBroker':
      return crashNode(w, resolveNode(w, a.broker))
    case 'restartBroker':
      return restartNode(w, resolveNode(w, a.broker))
    case 'shutdownBroker':
      return shutdownBrokerNode(w, resolveNode(w, a.broker))
    case 'crashController':
      return crashNode(w, resolveNode(w, a.controller ?? 'controller'))
    case 'clientRequest':
      return sendClientRequest(w, externalClient(w, a.client), a.broker, a.ref, a.request, a.clientId ?? null)
    case 'crashZooKeeper':
      return crashNode(w, a.server)
    case 'restartZooKeeper':
      return restartNode(w, a.server)
    case 'isolate':
      return isolateNode(w.net, resolveNode(w, a.node))
    case 'partitionNetwork':
      return partitionInto(w.net, a.sides.map((side) => side.map((ref) => resolveNode(w, ref))))
    case 'healNetwork':
      return healNetwork(w.net)
    case 'addBroker':
      addBroker(w)
      return
    case 'crashRack':
      for (const id of rackBrokers(w, a.rack)) crashNode(w, id)
      return
    case 'restartRack':
      for (const id of rackBrokers(w, a.rack)) restartNode(w, id)
      return
    case 'reassignPartitions': {
      const r = reassignPartition(w, controllerOrThrow(w), a.topic, a.partition, a.replicas, a.throttle)
      if (r.error !== 'NONE') throw new ResolveError(`${r.error}: ${r.message}`)
      return
    }
    case 'verifyReassignment':
      clearReassignmentThrottles(w, controllerOrThrow(w))
      return
    case 'cancelReassignment': {
      const r = cancelReassignment(w, controllerOrThrow(w), a.topic, a.partition)
      if (r.error !== 'NONE') throw new ResolveError(`${r.error}: ${r.message}`)
      return
    }
    case 'slowLink':
      return setExtraLatency(w.net, resolveNode(w, a.between[0]), resolveNode(w, a.between[1]), a.extraLatencyMs)
    case 'cutLink':
      return cutLink(w.net, resolveNode(w, a.between[0]), resolveNode(w, a.between[1]))
    case 'pauseNode': {
      const id = resolveNode(w, a.node)
      w.nodes[id].paused = true
      if (a.durationMs !== undefined) timerResume(w, id, a.durationMs)
      return
    }
    case 'resumeNode':
      return resumeNode(w, resolveNode(w, a.node))
    case 'stopProducer':
      return setProducerActive(w, producer(w, a.producer), false)
    case 'startProducer':
      return setProducerActive(w, producer(w, a.producer), true)
    case 'setProducerConfig': {
      const p = producer(w, a.producer)
      p.spec = { ...p.spec, config: { ...p.spec.config, ...a.config } }
      p.cfg = resolveProducerConfig(p.spec.config)
      if (!p.cfg['enable.idempotence']) p.idempotent = false
      return wake(w, p)
    }
    case 'setConsumerConfig': {
      const spec = groupSpec(w, a.groupId)
      w.groupSpecs[a.groupId] = { ...spec, config: { ...spec.config, ...a.config } }
      return
    }
    case 'produce': {
      const p = producer(w, a.producer)
      const bytes = a.value === undefined ? p.spec.valueBytes : a.value === null ? null : new TextEncoder().encode(a.value).length
      return produceOne(w, p, a.key ?? null, bytes)
    }
    case 'setTopicConfig': {
      const err = setTopicConfig(w, controllerOrThrow(w), a.topic, a.config)
      if (err !== 'NONE') throw new ResolveError(err)
      return
    }
    case 'addPartitions': {
      const err = addPartitions(w, controllerOrThrow(w), a.topic, a.count)
      if (err !== 'NONE') throw new ResolveError(err)
      return
    }
    case 'electPreferredLeaders':
      electPreferredLeaders(w, controllerOrThrow(w), a.topic)
      return
    case 'electLeaders': {
      const c = controllerOrThrow(w)
      if (a.electionType === 'PREFERRED') electPreferredLeaders(w, c, a.topic, a.partition)
      else electUncleanLeadersNow(w, c, a.topic, a.partition)
      return
    }
    case 'crashConsumer':
      return crashNode(w, resolveNode(w, a.member))
    case 'restartConsumer': {
      const id = resolveNode(w, a.member)
      crashNode(w, id)
      return schedule(w, { atMs: w.nowMs + a.afterMs, action: 'restartConsumer:start', member: id })
    }
    case 'restartConsumer:start':
      return restartNode(w, a.member)
    case 'addConsumer': {
      if (Object.hasOwn(w.shareGroupSpecs, a.groupId)) {
        const n = w.shareMemberIds.filter((id) => w.shareMembers[id].groupId === a.groupId).length
        const id = `${a.groupId}-${n + 1}`
        addShareMember(w, w.shareGroupSpecs[a.groupId], id)
        startNode(w, id)
        return
      }
      const spec = groupSpec(w, a.groupId)
      const n = w.memberIds.filter((id) => w.members[id].groupId === a.groupId).length
      const id = `${a.groupId}-${n + 1}`
      addMember(w, spec, id)
      startNode(w, id)
      return
    }
    case 'resetOffsets':
      return resetOffsets(w, a)
    case 'deleteRecords': {
      // kafka-delete-records sends DeleteRecords to the partition's leader (ReplicaManager.deleteRecords)
      const tp = partitionName(a.topic, a.partition)
      const leader = metadataOrThrow(w).image.topics[a.topic]?.partitions[a.partition]?.leader ?? -1
      if (leader < 0) throw new ResolveError(`${tp} has no leader (LEADER_NOT_AVAILABLE)`)
      const b = w.brokers[String(leader)]
      const err = deleteRecords(w, b, b.replicas[tp], a.beforeOffset)
      if (err !== 'NONE') throw new ResolveError(`DeleteRecords ${tp} before ${a.beforeOffset}: ${err}`)
      return
    }
    case 'removeConsumer': {
      if (Object.hasOwn(w.shareMembers, a.member)) return closeShareMember(w, w.shareMembers[a.member])
      const m = w.members[a.member]
      if (!m) throw new ResolveError(`unknown consumer ${a.member}`)
      return closeMember(w, m)
    }
  }
}

function resetOffsets(w: World, a: Extract<TimelineAction, { action: 'resetOffsets' }>): void {
  const c = metadataOrThrow(w)
  const spec = findGroupSpec(w, a.groupId)
  const topics = a.topic ? [a.topic] : spec?.topics ?? []
  const coordinator = resolveNode(w, `coordinator:${a.groupId}`)
  const offsets: Record<string, number> = {}
  const clamped: ClampedOffset[] = []
  for (const topic of topics) {
    const parts = c.image.topics[topic]?.partitions ?? []
    for (const p of parts) {
      const tp = partitionName(topic, p.partition)
      const leader = p.leader >= 0 ? w.brokers[String(p.leader)].replicas[tp] : undefined
      // ListOffsets earliest/latest (read_uncommitted: the high watermark)
      const earliest = leader ? leader.logStartOffset : 0
      const latest = leader ? leader.hw : 0
      if (a.to === 'earliest') offsets[tp] = earliest
      else if (a.to === 'latest') offsets[tp] = latest
      else if (typeof a.to === 'number') offsets[tp] = clampResetOffset(a.to, tp, earliest, latest, clamped)
      else {
        // --to-datetime / --by-duration: ListOffsets by time; a partition with no record that new goes to the log end
        const t = 'timestamp' in a.to ? a.to.timestamp : w.nowMs - a.to.durationMs
        offsets[tp] = leader ? offsetForTimestamp(leader, w.records, t, leader.hw)?.offset ?? latest : 0
      }
    }
  }
  const state = w.brokers[coordinator]?.coordinator.groups[a.groupId]?.state
  if (!state || state === 'Empty' || state === 'Dead') for (const c of clamped) emit(w, { type: 'ResetOffsetClamped', groupId: a.groupId, ...c })
  const err = adminCommitOffsets(w, w.brokers[coordinator], a.groupId, offsets)
  if (err !== 'NONE') throw new ResolveError(err)
}

/**
 * --reset-offsets --to-offset: ConsumerGroupCommand.checkOffsetsRange keeps the new offset within
 * [log start offset, log end offset] of the partition and prints a warning when it moves it.
 */
interface ClampedOffset {
  tp: string
  requested: number
  bound: 'latest' | 'earliest'
  offset: number
}

function clampResetOffset(offset: number, tp: string, earliest: number, latest: number, clamped: ClampedOffset[]): number {
  if (offset > latest) {
    clamped.push({ tp, requested: offset, bound: 'latest', offset: latest })
    return latest
  }
  if (offset < earliest) {
    clamped.push({ tp, requested: offset, bound: 'earliest', offset: earliest })
    return earliest
  }
  return offset
}

function insertionIndex(w: World, atMs: number): number {
  let i = w.timelineNext
  while (i < w.timeline.length && w.timeline[i].atMs <= atMs) i++
  return i
}

/** Schedule an action later, after every action already due at its time. */
function schedule(w: World, a: ScheduledAction): void {
  w.timeline.splice(insertionIndex(w, a.atMs), 0, a)
}

/** pauseNode's durationMs: resume the node that much later. */
function timerResume(w: World, id: string, ms: number): void {
  schedule(w, { atMs: w.nowMs + ms, action: 'resumeNode', node: id })
}

/** A consumer group's spec as the run has it now (own keys only: a group may be called "constructor"). */
function findGroupSpec(w: World, groupId: string): ConsumerSpec | undefined {
  return Object.hasOwn(w.groupSpecs, groupId) ? w.groupSpecs[groupId] : undefined
}

function groupSpec(w: World, groupId: string): ConsumerSpec {
  const spec = findGroupSpec(w, groupId)
  if (!spec) throw new ResolveError(`unknown group ${groupId}`)
  return spec
}

function producer(w: World, id: string) {
  const p = w.producers[id]
  if (!p) throw new ResolveError(`unknown producer ${id}`)
  return p
}

/** Insert an intervention at the current time, after every action already due now. */
export function scheduleIntervention(w: World, a: TimelineAction): void {
  schedule(w, a)
}
