/**
 * Replication throttles (KIP-73), as kafka-reassign-partitions --throttle sets them up:
 * a broker's dynamic leader.replication.throttled.rate bounds the bytes per second it sends, for the
 * partitions its topic's leader.replication.throttled.replicas lists ("partition:broker" with this
 * broker, or "*"), to followers outside the ISR.
 *
 * Follows core's ReplicationQuotaManager and ReplicaManager.shouldLeaderThrottle: a throttled
 * partition whose follower is out of sync is left out of the fetch response (and out of what makes
 * a fetch answerable, DelayedFetch) while the measured rate is above the bound; the bytes of every
 * throttled partition in a response are recorded. The rate is Kafka's Rate over SampledStat with
 * QuotaConfig's defaults, 11 samples of 1 s each, divided by the time they cover but never less
 * than ten samples' worth (so a move starts with a burst).
 * The follower side is the same with follower.replication.throttled.rate and the follower list
 * (ReplicaFetcherThread.shouldFollowerThrottle): a follower that was behind the leader's high
 * watermark at its last fetch leaves a throttled partition out of its next fetch (forgetting it
 * from the fetch session) while its own measured rate is over the bound, and records the bytes it
 * receives for throttled partitions.
 *
 * Invariant: quota state is plain data on the broker, forgotten when it restarts.
 */
import type { World } from '../nodes/world.ts'
import type { BrokerNode, Replica } from './types.ts'
import { parseTopicPartition } from '../kafka/topic-partition.ts'

/** QuotaConfig's default sample count and sample length for the replication quotas */
const SAMPLES = 11
const WINDOW_MS = 1000

/** One broker's measured throttled bytes: SAMPLES windows, each with its start and its bytes. */
export interface ReplicationQuota {
  starts: number[]
  bytes: number[]
  current: number
}

export function newReplicationQuota(): ReplicationQuota {
  return { starts: [], bytes: [], current: 0 }
}

/** SampledStat.record: add to the current window, starting the next one when it is over. */
export function recordThrottled(q: ReplicationQuota, nowMs: number, bytes: number): void {
  if (q.starts.length === 0) {
    q.starts.push(nowMs)
    q.bytes.push(0)
    q.current = 0
  } else if (nowMs - q.starts[q.current] >= WINDOW_MS) {
    q.current = (q.current + 1) % SAMPLES
    if (q.current === q.starts.length) {
      q.starts.push(nowMs)
      q.bytes.push(0)
    } else {
      q.starts[q.current] = nowMs
      q.bytes[q.current] = 0
    }
  }
  q.bytes[q.current] += bytes
}

/** Rate.measure: bytes per second over the windows that are not obsolete. */
export function measuredRate(q: ReplicationQuota, nowMs: number): number {
  let total = 0
  let oldest = nowMs
  for (let i = 0; i < q.starts.length; i++) {
    if (nowMs - q.starts[i] >= SAMPLES * WINDOW_MS) continue // purgeObsoleteSamples
    total += q.bytes[i]
    oldest = Math.min(oldest, q.starts[i])
  }
  let elapsed = nowMs - oldest
  const full = Math.floor(elapsed / WINDOW_MS)
  if (full < SAMPLES - 1) elapsed += (SAMPLES - 1 - full) * WINDOW_MS
  return total / (elapsed / 1000)
}

type Side = 'leader' | 'follower'

/** The broker's leader. or follower.replication.throttled.rate from its dynamic configs, Infinity when unset. */
function rateBound(b: BrokerNode, side: Side): number {
  return b.image.brokerConfigs[b.id]?.[`${side}.replication.throttled.rate`] ?? Infinity
}

const parsedLists = new WeakMap<object, Map<string, Set<string> | '*'>>()

/** The topic's leader. or follower.replication.throttled.replicas, parsed once per config object. */
function throttledList(b: BrokerNode, topic: string, side: Side): Set<string> | '*' | null {
  const config = b.image.topics[topic]?.config
  const raw = config?.[`${side}.replication.throttled.replicas`]
  if (config === undefined || typeof raw !== 'string' || raw === '') return null
  let byKey = parsedLists.get(config)
  if (!byKey) parsedLists.set(config, (byKey = new Map()))
  let list = byKey.get(raw)
  if (list === undefined) {
    list = raw === '*' ? '*' : new Set(raw.split(','))
    byKey.set(raw, list)
  }
  return list
}

/** ReplicationQuotaManager.isThrottled: this broker throttles replication of `tp` on that side. */
function isThrottled(b: BrokerNode, tp: string, side: Side): boolean {
  if (rateBound(b, side) === Infinity) return false
  const name = parseTopicPartition(tp)
  if (!name) return false
  const list = throttledList(b, name.topic, side)
  return list === '*' || (list !== null && list.has(`${name.partition}:${b.id}`))
}

/** The leader's side: `tp` is throttled when this broker leads it. */
export function isLeaderThrottled(b: BrokerNode, tp: string): boolean {
  return isThrottled(b, tp, 'leader')
}

/** The follower's side: `tp` is throttled when this broker follows it. */
export function isFollowerThrottled(b: BrokerNode, tp: string): boolean {
  return isThrottled(b, tp, 'follower')
}

/** ReplicaManager.shouldLeaderThrottle: an out-of-sync follower of a throttled partition while over the bound. */
export function shouldLeaderThrottle(w: World, b: BrokerNode, r: Replica, follower: number): boolean {
  if (r.isr.includes(follower) || !isLeaderThrottled(b, r.tp)) return false
  return measuredRate(b.leaderQuota, w.nowMs) > rateBound(b, 'leader')
}

/**
 * ReplicaFetcherThread.shouldFollowerThrottle: a follower not caught up with the leader's high
 * watermark at its last fetch (PartitionFetchState.isReplicaInSync) leaves a throttled partition
 * out of its next fetch while its own measured rate is over the bound.
 */
export function shouldFollowerThrottle(w: World, b: BrokerNode, r: Replica): boolean {
  if (r.fetchLag === 0 || !isFollowerThrottled(b, r.tp)) return false
  return measuredRate(b.followerQuota, w.nowMs) > rateBound(b, 'follower')
}
