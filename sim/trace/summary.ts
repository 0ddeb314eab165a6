/**
 * The summary of a run (CONTRACT §4), built from the world's observable state: the active
 * controller's metadata for leaders and ISRs, each broker's logs for HW and LEO, the clients'
 * counters, and the checkers' report over the recorded history.
 */
import { canReach } from '../kernel/network.ts'
import type { World } from '../nodes/world.ts'
import type { ControllerNode } from '../controller/types.ts'
import { allPartitions, compareTp, partitionName, type MetadataImage, type PartitionState } from '../controller/metadata.ts'
import { checkHistory } from '../check/checkers.ts'
import type { PartitionView, ReplicaView } from '../history/history.ts'
import type { BrokerState, GroupSummary, PartitionSummary, Summary } from './summary-types.ts'
import type { ClassicGroup } from '../coordinator/group-types.ts'
import { OFFSETS_TOPIC } from '../coordinator/group-coordinator.ts'
import { coordinatorPartitionFor } from '../kafka/coordinator.ts'
import { traceHashOf } from '../kernel/trace-hash.ts'

/** The controller whose metadata is authoritative now: the active one, else the most advanced. */
export function metadataSource(w: World): ControllerNode {
  let best: ControllerNode | undefined
  for (const id of w.voterIds) {
    const c = w.controllers[id]
    if (c.role === 'Leader' && w.nodes[id].up) return c
    if (!best || c.hw > best.hw) best = c
  }
  return best!
}

export function clusterImage(w: World): MetadataImage {
  return metadataSource(w).image
}

export function brokerState(w: World, id: number, img: MetadataImage): BrokerState {
  const node = String(id)
  if (!w.nodes[node].up) return 'crashed'
  if (w.net.isolated[node]) return 'isolated'
  const c = metadataSource(w)
  if (c.id !== node && !canReach(w.net, node, c.id)) return 'isolated'
  const reg = img.brokers[node]
  if (!reg || reg.fenced) return 'fenced'
  return 'alive'
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
    })
  }
  return { tp, leader: p.leader, leaderEpoch: p.leaderEpoch, isr: p.isr.slice(), replicas }
}

function partitionSummaries(w: World, img: MetadataImage): PartitionSummary[] {
  return allPartitions(img).map((p) => {
    const tp = partitionName(p.topic, p.partition)
    const leos: Record<string, number> = {}
    let hw = 0
    for (const id of p.replicas) {
      const r = w.brokers[String(id)]?.replicas[tp]
      leos[String(id)] = r ? r.leo : 0
      if (r && (id === p.leader || (p.leader < 0 && r.hw > hw))) hw = r.hw
    }
    return {
      topic: p.topic,
      partition: p.partition,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      replicas: p.replicas.slice(),
      // the summary lists the ISR ascending, as it always has; kafka-topics --describe shows the stored order
      isr: p.isr.slice().sort((a, b) => a - b),
      highWatermark: hw,
      logEndOffsets: leos,
    }
  })
}

export function buildSummary(w: World): Summary {
  const img = clusterImage(w)
  const src = metadataSource(w)
  const active = src.role === 'Leader' && w.nodes[src.id].up
  return {
    scenario: w.scenario.name,
    seed: w.seed,
    simTimeMs: w.nowMs,
    events: w.events,
    traceHash: traceHashOf(w),
    brokers: w.brokerIds.map((id) => ({ id, state: brokerState(w, id, img) })),
    controller: {
      mode: 'kraft',
      active: active ? (w.scenario.cluster.controller.dedicated ? src.id : Number(src.id)) : -1,
      epoch: src.epoch,
    },
    partitions: partitionSummaries(w, img),
    groups: groupSummaries(w, img),
    producers: w.producerIds.map((id) => {
      const p = w.producers[id]
      return { id, sent: p.sent, acked: p.acked, failed: p.failed, errors: sortedRecord(p.errors), metadataWarnings: sortedRecord(p.metadataWarnings) }
    }),
    readers: w.readerIds.map((id) => {
      const r = w.readers[id]
      const positions: Record<string, number> = {}
      for (const p of r.parts.slice().sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition)))
        positions[p.tp] = p.position
      return { id, polled: r.polled, positions, errors: sortedRecord(r.errors) }
    }),
    checks: checkHistory(w.history, partitionViews(w), w.nowMs),
  }
}

/** The coordinator's view of a group: the broker leading its __consumer_offsets partition. */
export function coordinatedGroup(w: World, img: MetadataImage, groupId: string): { coordinator: number; group: ClassicGroup | undefined } {
  const p = coordinatorPartitionFor(groupId, w.brokerConfig['offsets.topic.num.partitions'])
  const coordinator = img.topics[OFFSETS_TOPIC]?.partitions[p]?.leader ?? -1
  const b = coordinator >= 0 && w.nodes[String(coordinator)].up ? w.brokers[String(coordinator)] : undefined
  return { coordinator, group: b?.coordinator.groups[groupId] }
}

function groupSummaries(w: World, img: MetadataImage): GroupSummary[] {
  const ids = [...new Set(w.scenario.consumers.map((c) => c.groupId))].sort()
  return ids.map((groupId) => {
    const { coordinator, group: g } = coordinatedGroup(w, img, groupId)
    const members: Record<string, string[]> = {}
    const committed: Record<string, number> = {}
    const lag: Record<string, number> = {}
    if (g) {
      for (const id of g.memberOrder) members[g.members[id].clientId] = g.members[id].assignment.slice().sort(compareTp)
      for (const tp of Object.keys(g.committed).sort(compareTp)) {
        committed[tp] = g.committed[tp]
        const hw = leaderHw(w, img, tp)
        if (hw !== null) lag[tp] = Math.max(0, hw - g.committed[tp])
      }
    }
    return {
      groupId,
      state: g ? g.state : 'Dead',
      generation: g ? g.generation : 0,
      protocol: g?.protocolName ?? '',
      coordinator,
      members: sortedKeys(members),
      committed,
      lag,
    }
  })
}

/** The high watermark a ListOffsets(latest) would answer: the leader's, or null without a leader. */
export function leaderHw(w: World, img: MetadataImage, tp: string): number | null {
  const dash = tp.lastIndexOf('-')
  const p = img.topics[tp.slice(0, dash)]?.partitions[+tp.slice(dash + 1)]
  if (!p || p.leader < 0) return null
  return w.brokers[String(p.leader)]?.replicas[tp]?.hw ?? null
}

function sortedKeys<T>(r: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const k of Object.keys(r).sort()) out[k] = r[k]
  return out
}

function sortedRecord(r: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const k of Object.keys(r).sort()) out[k] = r[k]
  return out
}
