/**
 * What the cluster is waiting for now, as deadlines in simulated time, for the map's countdowns:
 * - the active controller fences a broker whose last BrokerHeartbeat is older than
 *   broker.session.timeout.ms (QuorumController's BrokerHeartbeatManager; shown for a broker that is
 *   down or isolated, or whose heartbeat is overdue: silent for longer than broker.heartbeat.interval.ms);
 * - a partition leader drops a follower from the ISR once it has not caught up for
 *   replica.lag.time.max.ms (Partition.maybeShrinkIsr; shown once the follower has stopped fetching:
 *   behind the leader and silent for longer than replica.fetch.wait.max.ms);
 * - the group coordinator removes a member whose last Heartbeat is older than session.timeout.ms
 *   (shown once the member is silent for longer than its heartbeat.interval.ms);
 * - a producer fails a batch older than delivery.timeout.ms (shown for the oldest batch that has
 *   waited longer than linger.ms + request latency allows, with why it waits: metadata, retry
 *   backoff or a request on the wire).
 *
 * Read-only: it reads the soft state the simulation already keeps (the controller's heartbeat
 * times, the leader's follower progress, the coordinator's members, the producer's batches) and
 * never changes the world. Iteration is in id order.
 */
import type { World } from '../nodes/world.ts'
import { clusterImage, coordinatedGroup, groupIds, metadataSource } from '../observe/cluster-state.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'

/** The controller waits out broker.session.timeout.ms before fencing `broker`. */
export interface FenceWait {
  broker: number
  lastHeartbeatMs: number
  timeoutMs: number
  /** the controller fences the broker when the time passes this (lastHeartbeatMs + timeoutMs) */
  deadlineMs: number
}

/** The leader of `tp` waits out replica.lag.time.max.ms before shrinking its ISR without `follower`. */
export interface IsrWait {
  topic: string
  partition: number
  tp: string
  leader: number
  follower: number
  lastCaughtUpMs: number
  timeoutMs: number
  deadlineMs: number
}

/** The coordinator waits out session.timeout.ms before removing a silent member. */
export interface SessionWait {
  groupId: string
  /** the member's client id (consumer-1) */
  member: string
  coordinator: number
  lastHeartbeatMs: number
  timeoutMs: number
  deadlineMs: number
}

/** Why a producer's oldest batch is still waiting. */
export type BatchWaitReason = 'metadata' | 'retry' | 'inflight' | 'queued'

/** A producer's oldest batch waits, within delivery.timeout.ms. */
export interface DeliveryWait {
  producer: string
  partition: number
  createdMs: number
  timeoutMs: number
  deadlineMs: number
  reason: BatchWaitReason
  /** the partition's leader as the producer's metadata names it (-1: unknown) */
  leader: number
  /** send attempts so far (retries = attempts - 1) */
  attempts: number
}

export interface Waits {
  fencing: FenceWait[]
  isr: IsrWait[]
  sessions: SessionWait[]
  delivery: DeliveryWait[]
}

/** A batch is "waiting" (worth a countdown) once it is older than this beyond linger.ms. */
export const DELIVERY_WAIT_SHOWN_AFTER_MS = 1000

export function buildWaits(w: World): Waits {
  return { fencing: fenceWaits(w), isr: isrWaits(w), sessions: sessionWaits(w), delivery: deliveryWaits(w) }
}

function fenceWaits(w: World): FenceWait[] {
  if (w.zookeeper) return []
  const c = metadataSource(w)
  if (c.role !== 'Leader' || !w.nodes[c.id].up) return []
  const timeout = w.brokerConfig['broker.session.timeout.ms']
  const interval = w.brokerConfig['broker.heartbeat.interval.ms']
  const out: FenceWait[] = []
  for (const idStr of Object.keys(c.image.brokers).sort((a, b) => +a - +b)) {
    const b = c.image.brokers[idStr]
    if (b.fenced) continue
    const last = c.lastHeartbeatMs[idStr] ?? c.activeSinceMs
    // a crashed or cut-off broker is waited out from its last heartbeat; a live one once a beat is overdue
    const silent = !w.nodes[idStr].up || w.net.isolated[idStr] !== undefined
    if (!silent && w.nowMs - last <= interval) continue
    out.push({ broker: b.id, lastHeartbeatMs: last, timeoutMs: timeout, deadlineMs: last + timeout })
  }
  return out
}

function isrWaits(w: World): IsrWait[] {
  const lagMax = w.brokerConfig['replica.lag.time.max.ms']
  const silentAfter = w.brokerConfig['replica.fetch.wait.max.ms']
  const img = clusterImage(w)
  const out: IsrWait[] = []
  for (const name of img.topicNames) {
    if (name === OFFSETS_TOPIC) continue
    for (const p of img.topics[name].partitions) {
      if (p.leader < 0 || !w.nodes[String(p.leader)].up) continue
      const r = w.brokers[String(p.leader)]?.replicas[`${p.topic}-${p.partition}`]
      if (!r || r.role !== 'leader') continue
      for (const follower of r.isr) {
        // a crashed follower leaves the ISR when the controller fences it (the fencing countdown)
        if (follower === p.leader || !w.nodes[String(follower)].up) continue
        const f = r.followers[String(follower)]
        if (!f || f.leo === r.leo || w.nowMs - f.lastFetchMs <= silentAfter) continue
        out.push({
          topic: p.topic,
          partition: p.partition,
          tp: r.tp,
          leader: p.leader,
          follower,
          lastCaughtUpMs: f.lastCaughtUpMs,
          timeoutMs: lagMax,
          deadlineMs: f.lastCaughtUpMs + lagMax,
        })
      }
    }
  }
  return out
}

function sessionWaits(w: World): SessionWait[] {
  const img = clusterImage(w)
  const out: SessionWait[] = []
  for (const groupId of groupIds(w)) {
    const { coordinator, group: g } = coordinatedGroup(w, img, groupId)
    if (!g) continue
    for (const mid of g.memberOrder) {
      const m = g.members[mid]
      if (!m || m.lastHeartbeatMs <= 0) continue
      const client = w.members[m.clientId]
      const interval = g.consumer ? w.brokerConfig['group.consumer.heartbeat.interval.ms'] : client ? client.cfg['heartbeat.interval.ms'] : 3000
      if (w.nowMs - m.lastHeartbeatMs <= interval + w.brokerConfig['replica.fetch.wait.max.ms']) continue
      out.push({
        groupId,
        member: m.clientId,
        coordinator,
        lastHeartbeatMs: m.lastHeartbeatMs,
        timeoutMs: m.sessionTimeoutMs,
        deadlineMs: m.lastHeartbeatMs + m.sessionTimeoutMs,
      })
    }
  }
  return out
}

function deliveryWaits(w: World): DeliveryWait[] {
  const out: DeliveryWait[] = []
  for (const id of w.producerIds) {
    if (!w.nodes[id].up) continue
    const p = w.producers[id]
    const limit = p.cfg['delivery.timeout.ms']
    let oldest: { partition: number; createdMs: number; attempts: number; retryAtMs: number; onWire: boolean } | null = null
    for (const corr of Object.keys(p.requests).sort((a, b) => +a - +b)) {
      for (const b of p.requests[corr].batches)
        if (!oldest || b.createdMs < oldest.createdMs) oldest = { partition: b.partition, createdMs: b.createdMs, attempts: b.attempts, retryAtMs: b.retryAtMs, onWire: true }
    }
    for (const q of p.queues) {
      const b = q[0]
      if (b && (!oldest || b.createdMs < oldest.createdMs)) oldest = { partition: b.partition, createdMs: b.createdMs, attempts: b.attempts, retryAtMs: b.retryAtMs, onWire: false }
    }
    if (!oldest || w.nowMs - oldest.createdMs <= p.cfg['linger.ms'] + DELIVERY_WAIT_SHOWN_AFTER_MS) continue
    const leader = p.meta.leaders[oldest.partition] ?? -1
    const reason: BatchWaitReason = oldest.onWire
      ? 'inflight'
      : !p.meta.known || leader < 0 || p.meta.needUpdate
        ? 'metadata'
        : oldest.retryAtMs > w.nowMs
          ? 'retry'
          : 'queued'
    out.push({ producer: id, partition: oldest.partition, createdMs: oldest.createdMs, timeoutMs: limit, deadlineMs: oldest.createdMs + limit, reason, leader, attempts: oldest.attempts })
  }
  return out
}
