/**
 * The KRaft metadata log's records and the image built by replaying them.
 *
 * Follows Kafka's `__cluster_metadata` record types (metadata/src/main/resources/common/metadata/):
 * RegisterBrokerRecord, FenceBrokerRecord / UnfenceBrokerRecord and BrokerRegistrationChangeRecord
 * (InControlledShutdown),
 * TopicRecord, ConfigRecord (for topics, and for brokers' dynamic configs), PartitionRecord, PartitionChangeRecord (with a reassignment's replicas,
 * adding and removing replicas, and KIP-966's ELR and last known ELR) and the Raft LeaderChangeMessage.
 * The broker epoch is the offset of the broker's RegisterBrokerRecord (QuorumController.registerBroker).
 * Replay is a pure function of the records in order: the same log gives the same image everywhere.
 */
import type { ConfigMap } from '../scenario/types.ts'

import type { PartitionState, RaftEntry } from '../kafka/payloads.ts'
export type { MetaRecord, RaftEntry } from '../kafka/payloads.ts'

export interface BrokerRegistration {
  id: number
  brokerEpoch: number
  incarnation: number
  fenced: boolean
  /** in controlled shutdown (BrokerRegistration.inControlledShutdown): never chosen as leader or let into an ISR */
  inControlledShutdown: boolean
  /** broker.rack, null when none (rack-aware replica placement) */
  rack: string | null
}

export type { PartitionState }

export interface TopicImage {
  name: string
  topicId: string
  partitions: PartitionState[]
  config: ConfigMap
}

export interface MetadataImage {
  /** offset of the last record applied, -1 when empty */
  offset: number
  brokers: Record<string, BrokerRegistration>
  topics: Record<string, TopicImage>
  /** topic names, sorted */
  topicNames: string[]
  /** names of topics deleted (RemoveTopic), sorted: the scenario's topics are not created again */
  removedTopics: string[]
  /** dynamic broker configs by broker id (leader/follower.replication.throttled.rate) */
  brokerConfigs: Record<string, Record<string, number>>
}

const FROZEN_EMPTY: readonly number[] = Object.freeze([])

export function emptyImage(): MetadataImage {
  return { offset: -1, brokers: {}, topics: {}, topicNames: [], removedTopics: [], brokerConfigs: {} }
}

/** Apply one record. Returns the partition that changed, if any (brokers act on those). */
export function applyRecord(img: MetadataImage, e: RaftEntry): PartitionState | null {
  img.offset = e.offset
  const r = e.rec
  switch (r.type) {
    case 'LeaderChange':
      return null
    case 'RegisterBroker':
      img.brokers[r.brokerId] = { id: r.brokerId, brokerEpoch: r.brokerEpoch, incarnation: r.incarnation, fenced: true, inControlledShutdown: false, rack: r.rack }
      return null
    case 'FenceBroker':
    case 'UnfenceBroker': {
      const b = img.brokers[r.brokerId]
      if (b && b.brokerEpoch === r.brokerEpoch) b.fenced = r.type === 'FenceBroker'
      return null
    }
    case 'BrokerControlledShutdown': {
      const b = img.brokers[r.brokerId]
      if (b && b.brokerEpoch === r.brokerEpoch) b.inControlledShutdown = true
      return null
    }
    case 'Topic':
      if (!img.topics[r.name]) {
        img.topics[r.name] = { name: r.name, topicId: r.topicId, partitions: [], config: {} }
        img.topicNames = [...img.topicNames, r.name].sort()
      }
      return null
    case 'RemoveTopic':
      if (img.topics[r.name]?.topicId === r.topicId) {
        delete img.topics[r.name]
        img.topicNames = img.topicNames.filter((n) => n !== r.name)
        if (!img.removedTopics.includes(r.name)) img.removedTopics = [...img.removedTopics, r.name].sort()
      }
      return null
    case 'Config': {
      const t = img.topics[r.topic]
      if (t) t.config = withChanges(t.config, r.config) as ConfigMap
      return null
    }
    case 'BrokerConfig':
      img.brokerConfigs = { ...img.brokerConfigs, [r.brokerId]: withChanges(img.brokerConfigs[r.brokerId] ?? {}, r.config) as Record<string, number> }
      return null
    case 'Partition':
    case 'PartitionChange': {
      const t = img.topics[r.topic]
      if (!t) return null
      // frozen, lists included: a change makes a new state, so images and snapshots share them
      const prev = t.partitions[r.partition]
      const list = (given: readonly number[] | undefined, kept: readonly number[] | undefined) => (given !== undefined ? Object.freeze(given.slice()) : kept ?? FROZEN_EMPTY)
      const p: PartitionState = Object.freeze({
        topic: r.topic,
        partition: r.partition,
        replicas: list(r.replicas, prev?.replicas),
        isr: Object.freeze(r.isr.slice()),
        leader: r.leader,
        leaderEpoch: r.leaderEpoch,
        partitionEpoch: r.partitionEpoch,
        addingReplicas: list(r.addingReplicas, r.type === 'Partition' ? undefined : prev?.addingReplicas),
        removingReplicas: list(r.removingReplicas, r.type === 'Partition' ? undefined : prev?.removingReplicas),
        elr: list(r.elr, r.type === 'Partition' ? undefined : prev?.elr),
        lastKnownElr: list(r.lastKnownElr, r.type === 'Partition' ? undefined : prev?.lastKnownElr),
      })
      t.partitions[r.partition] = p
      return p
    }
  }
}

/** A config map with a record's changes: a new object (images share the old one), null deleting a key. */
function withChanges<V>(config: Readonly<Record<string, V>>, changes: Record<string, V | null>): Record<string, V> {
  const out: Record<string, V> = { ...config }
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete out[k]
    else out[k] = v
  }
  return out
}

export function rebuildImage(log: RaftEntry[], upTo: number): MetadataImage {
  const img = emptyImage()
  for (let i = 0; i < upTo && i < log.length; i++) applyRecord(img, log[i])
  return img
}


export function allPartitions(img: MetadataImage): PartitionState[] {
  const out: PartitionState[] = []
  for (const name of img.topicNames) for (const p of img.topics[name].partitions) if (p) out.push(p)
  return out
}

export function isUnfenced(img: MetadataImage, broker: number): boolean {
  const b = img.brokers[broker]
  return !!b && !b.fenced
}

/** ClusterControlManager.isActive: registered, unfenced and not in controlled shutdown (may lead, may join an ISR). */
export function isActiveBroker(img: MetadataImage, broker: number): boolean {
  const b = img.brokers[broker]
  return !!b && !b.fenced && !b.inControlledShutdown
}
