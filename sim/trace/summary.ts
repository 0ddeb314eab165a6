/**
 * The summary of a run (CONTRACT §4), built from the world's observable state (observe/): the
 * active controller's metadata for leaders and ISRs, each broker's logs for HW and LEO, the groups'
 * committed offsets and LAG, the clients' counters, and the checkers' report over the recorded history.
 */
import type { World } from '../nodes/world.ts'
import { allPartitions, type MetadataImage } from '../controller/metadata.ts'
import { compareTp, partitionName } from '../kafka/topic-partition.ts'
import { checkHistory } from '../check/checkers.ts'
import type { GroupSummary, PartitionSummary, Summary } from './summary-types.ts'
import { brokerState, clusterImage, controllerOf, coordinatedGroup, groupIds, groupProtocolOf, partitionViews } from '../observe/cluster-state.ts'
import { committedLag } from '../observe/lag.ts'
import { coordinatedShareGroup, shareAcksAwaitingAnswer, shareGroupIds, shareMemberHoldings, sharePartitionViews, sharePartitionsOf } from '../observe/share-groups.ts'
import { traceHashOf } from '../kernel/trace-hash.ts'
import { recordCount } from '../storage/partition.ts'
import type { Replica } from '../cluster/types.ts'

function partitionSummaries(w: World, img: MetadataImage): PartitionSummary[] {
  return allPartitions(img).map((p) => {
    const tp = partitionName(p.topic, p.partition)
    const leos: Record<string, number> = {}
    let hw = 0
    let main: Replica | undefined
    for (const id of p.replicas) {
      const r = w.brokers[String(id)]?.replicas[tp]
      leos[String(id)] = r ? r.leo : 0
      if (r && (id === p.leader || (p.leader < 0 && (main === undefined || r.hw > hw)))) {
        hw = r.hw
        main = r
      }
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
      logStartOffset: main ? main.logStartOffset : 0,
      records: main ? recordCount(main) : 0,
      segments: main ? main.segments.length : 0,
      elr: p.elr.slice(),
      lastKnownElr: p.lastKnownElr.slice(),
    }
  })
}

export function buildSummary(w: World): Summary {
  const img = clusterImage(w)
  const ctl = controllerOf(w)
  const numbered = w.scenario.cluster.controller.mode === 'zookeeper' || !w.scenario.cluster.controller.dedicated
  return {
    scenario: w.scenario.name,
    seed: w.seed,
    simTimeMs: w.nowMs,
    events: w.events,
    traceHash: traceHashOf(w),
    brokers: w.brokerIds.map((id) => ({ id, state: brokerState(w, id, img) })),
    controller: {
      mode: w.scenario.cluster.controller.mode,
      active: ctl.node === null ? -1 : numbered ? Number(ctl.node) : ctl.node,
      epoch: ctl.epoch,
    },
    partitions: partitionSummaries(w, img),
    groups: [...groupSummaries(w, img), ...shareGroupSummaries(w, img)],
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
    checks: checkHistory(w.history, partitionViews(w), w.nowMs, sharePartitionViews(w), shareAcksAwaitingAnswer(w)),
  }
}

function groupSummaries(w: World, img: MetadataImage): GroupSummary[] {
  return groupIds(w).map((groupId) => {
    const { coordinator, group: g } = coordinatedGroup(w, img, groupId)
    const members: Record<string, string[]> = {}
    if (g) for (const id of g.memberOrder) members[g.members[id].clientId] = g.members[id].assignment.slice().sort(compareTp)
    // lag: only the committed partitions whose leader answers (observe/lag.ts)
    const { committed, lag } = committedLag(w, img, g)
    const epochs = g?.consumer ? { groupEpoch: g.consumer.groupEpoch, assignmentEpoch: g.consumer.assignmentEpoch } : {}
    return {
      groupId,
      type: groupProtocolOf(w, groupId),
      state: g ? g.state : 'Dead',
      generation: g ? g.generation : 0,
      protocol: g?.protocolName ?? '',
      coordinator,
      members: sortedKeys(members),
      committed,
      lag,
      ...epochs,
    }
  })
}

function shareGroupSummaries(w: World, img: MetadataImage): GroupSummary[] {
  return shareGroupIds(w).map((groupId) => {
    const { coordinator, group: g } = coordinatedShareGroup(w, img, groupId)
    const members: Record<string, string[]> = {}
    if (g) for (const id of g.memberOrder) members[g.members[id].clientId] = g.members[id].assignment
    const parts = sharePartitionsOf(w, groupId)
    const acknowledged: Record<string, number> = {}
    for (const m of shareMemberHoldings(w, groupId)) acknowledged[m.clientId] = m.acknowledged
    return {
      groupId,
      type: 'share' as const,
      state: g ? g.state : 'Dead',
      generation: g ? g.groupEpoch : 0,
      protocol: 'simple',
      coordinator,
      members: sortedKeys(members),
      committed: Object.fromEntries(parts.map((sp) => [sp.tp, sp.startOffset])),
      lag: {},
      groupEpoch: g ? g.groupEpoch : 0,
      assignmentEpoch: g ? g.assignmentEpoch : 0,
      acknowledged: sortedKeys(acknowledged),
      redelivered: parts.reduce((s, sp) => s + sp.redelivered, 0),
      archived: parts.reduce((s, sp) => s + sp.archived, 0),
    }
  })
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
