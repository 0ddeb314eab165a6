/**
 * One metrics sample: the cluster's and the clients' own counters at one instant of simulated time
 * (records acknowledged and consumed, request errors by Kafka's name), the partitions that are under-
 * replicated (ISR smaller than the replicas, Kafka's UnderReplicatedPartitions) or offline (no
 * leader, OfflinePartitionsCount), the leaders per broker, and each group's LAG (observe/lag.ts).
 * Plain data, read-only over the world; the app keeps a series of them (src/host/metrics.ts).
 */
import type { World } from '../nodes/world.ts'
import type { MetadataImage } from '../controller/metadata.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import { clusterImage, coordinatedGroup, groupIds, groupTopics } from './cluster-state.ts'
import { groupPartitionRows } from './describe-tables.ts'
import { totalLag } from './lag.ts'

export interface MetricSample {
  atMs: number
  /** records acknowledged to producers so far (all producers) */
  acked: number
  /** records handed to applications so far (readers and group members) */
  consumed: number
  underReplicated: number
  offline: number
  /** per broker id (in brokerIds order): partitions of user topics it leads */
  leaders: number[]
  /**
   * per group: LAG per partition of its topics (high watermark − committed offset) and their total.
   * A partition without a committed offset, or without a leader, has no LAG (`-`): it has no entry
   * in byPartition and adds nothing to the total.
   */
  groupLag: Record<string, { total: number; byPartition: Record<string, number> }>
  /** request errors the clients have seen so far, by Kafka's error name */
  errors: Record<string, number>
  /** errors of topics in producers' Metadata responses so far, by name: warnings, not request errors */
  metadataWarnings?: Record<string, number>
  /**
   * JoinGroup answers of MEMBER_ID_REQUIRED so far: the first round of every new member's join
   * handshake (KIP-394; AbstractCoordinator rejoins at once with the member id it was given, and
   * logs it at INFO), so it is counted here and not among the request errors
   */
  joinHandshakes?: number
}

/** Error names a member's counters hold that are steps of a protocol, not failed requests. */
const JOIN_HANDSHAKE = 'MEMBER_ID_REQUIRED'

function addTo(sum: Record<string, number>, counts: Record<string, number>): void {
  for (const k in counts) sum[k] = (sum[k] ?? 0) + counts[k]
}

function clientCounters(w: World): Pick<MetricSample, 'acked' | 'consumed' | 'errors' | 'metadataWarnings' | 'joinHandshakes'> {
  let acked = 0
  let consumed = 0
  const errors: Record<string, number> = {}
  const metadataWarnings: Record<string, number> = {}
  let joinHandshakes = 0
  for (const id of w.producerIds) {
    acked += w.producers[id].acked
    addTo(errors, w.producers[id].errors)
    addTo(metadataWarnings, w.producers[id].metadataWarnings)
  }
  for (const id of w.readerIds) {
    consumed += w.readers[id].polled
    addTo(errors, w.readers[id].errors)
  }
  for (const id of w.memberIds) {
    consumed += w.members[id].polled
    const counts = w.members[id].errors
    for (const k in counts) {
      if (k === JOIN_HANDSHAKE) joinHandshakes += counts[k]
      else errors[k] = (errors[k] ?? 0) + counts[k]
    }
  }
  return { acked, consumed, errors, metadataWarnings, joinHandshakes }
}

function partitionHealth(w: World, img: MetadataImage): Pick<MetricSample, 'underReplicated' | 'offline' | 'leaders'> {
  let underReplicated = 0
  let offline = 0
  const leaders = w.brokerIds.map(() => 0)
  for (const name of img.topicNames) {
    if (name === OFFSETS_TOPIC) continue
    for (const p of img.topics[name].partitions) {
      if (p.leader < 0) offline++
      else {
        const i = w.brokerIds.indexOf(p.leader)
        if (i >= 0) leaders[i]++
      }
      if (p.isr.length < p.replicas.length) underReplicated++
    }
  }
  return { underReplicated, offline, leaders }
}

function groupLags(w: World, img: MetadataImage): MetricSample['groupLag'] {
  const groupLag: MetricSample['groupLag'] = {}
  for (const groupId of groupIds(w)) {
    const rows = groupPartitionRows(w, img, coordinatedGroup(w, img, groupId).group, groupTopics(w, groupId))
    const byPartition: Record<string, number> = {}
    for (const r of rows) if (r.lag !== null) byPartition[r.tp] = r.lag
    groupLag[groupId] = { total: totalLag(rows.map((r) => r.lag)), byPartition }
  }
  return groupLag
}

export function sampleMetrics(w: World): MetricSample {
  const img = clusterImage(w)
  const { acked, consumed, errors, metadataWarnings, joinHandshakes } = clientCounters(w)
  return { atMs: w.nowMs, acked, consumed, ...partitionHealth(w, img), groupLag: groupLags(w, img), errors, metadataWarnings, joinHandshakes }
}
