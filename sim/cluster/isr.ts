/**
 * ISR maintenance on the partition leader: shrink when a follower has not caught up for
 * replica.lag.time.max.ms (checked every half of it), expand when a follower's LEO reaches the HW
 * (and the start of the leader's epoch), both through AlterPartition to the active controller.
 *
 * Follows Partition.maybeShrinkIsr / maybeExpandIsr and AlterPartitionManager: one AlterPartition in
 * flight per partition; a pending expansion counts in the maximal ISR at once (KIP-497), a pending
 * shrink only once committed; a KRaft follower must be unfenced to join (isReplicaIsrEligible).
 */
import { nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import type { World } from '../nodes/world.ts'
import { isActiveBroker } from '../controller/metadata.ts'
import type { BrokerNode, PartitionChange, Replica } from './types.ts'
import { outOfSyncReplicas, canJoinIsr } from '../storage/partition.ts'
import { maybeIncrementLeaderHw } from './purgatory.ts'
import type { MessageOf } from '../kafka/messages.ts'

const ALTER_RETRY_MS = 5000

/** Where AlterPartition goes: the active KRaft controller as the broker knows it, or in ZooKeeper mode the controller broker UpdateMetadata named. */
export function controllerTarget(w: World, b: BrokerNode): string {
  if (w.zookeeper) return b.zkControllerId >= 0 ? String(b.zkControllerId) : b.node
  return b.metaFetchTarget || w.voterIds[0]
}

function sendAlter(w: World, b: BrokerNode, r: Replica, newIsr: number[]): void {
  r.alterInflight = true
  r.alterCorr = nextCorrelationId(w)
  r.alterSentMs = w.nowMs
  r.alterIsr = newIsr.slice()
  send(w, b.node, controllerTarget(w, b), {
    api: 'AlterPartition',
    from: b.node,
    corr: r.alterCorr,
    brokerId: b.id,
    brokerEpoch: b.brokerEpoch,
    topic: r.topic,
    partition: r.partition,
    leaderEpoch: r.leaderEpoch,
    partitionEpoch: r.partitionEpoch,
    newIsr: newIsr.slice(),
  })
}

export function checkIsrExpiry(w: World, b: BrokerNode): void {
  const lag = w.brokerConfig['replica.lag.time.max.ms']
  for (const tp of b.replicaOrder) {
    const r = b.replicas[tp]
    if (r.role !== 'leader') continue
    if (r.alterInflight) {
      if (w.nowMs - r.alterSentMs <= ALTER_RETRY_MS) continue
      // ZooKeeper mode: the leader learns its ISR only from the answer, so the same proposal goes
      // again until one comes (AlterPartitionManager); KRaft's leader reads it from the metadata log
      if (w.zookeeper) {
        sendAlter(w, b, r, r.alterIsr)
        continue
      }
      r.alterInflight = false
      r.maximalIsr = r.isr.slice()
    }
    const out = outOfSyncReplicas(r, b.id, w.nowMs, lag)
    if (out.length === 0) continue
    sendAlter(w, b, r, r.isr.filter((x) => !out.includes(x)))
  }
}

/** After a follower fetch: may it (re)join the ISR? */
export function maybeExpandIsr(w: World, b: BrokerNode, r: Replica, follower: number): void {
  if (r.alterInflight || r.maximalIsr.includes(follower) || !r.replicas.includes(follower)) return
  if (!canJoinIsr(r, follower) || !isActiveBroker(b.image, follower)) return
  const newIsr = [...r.isr, follower]
  r.maximalIsr = newIsr.slice()
  sendAlter(w, b, r, newIsr)
}

/** The controller's answer to our AlterPartition; returns the partition if its HW moved. */
export function onAlterPartitionResponse(w: World, b: BrokerNode, m: MessageOf<'AlterPartitionResponse'>): PartitionChange[] {
  const r = b.replicas[`${m.topic}-${m.partition}`]
  if (!r || !r.alterInflight || r.alterCorr !== m.corr) return []
  r.alterInflight = false
  if (m.error === 'NONE' && m.leaderEpoch === r.leaderEpoch) {
    // (a new leader epoch, from a reassignment that moved the leadership away, is learnt from metadata)
    r.isr = (m.isr as number[]).slice()
    r.partitionEpoch = m.partitionEpoch as number
  } else if (m.error === 'NOT_CONTROLLER' && m.leaderId) {
    b.metaFetchTarget = m.leaderId
  }
  r.maximalIsr = r.isr.slice()
  return r.role === 'leader' && maybeIncrementLeaderHw(w, b, r) ? [{ replica: r, change: 'hwMoved' }] : []
}
