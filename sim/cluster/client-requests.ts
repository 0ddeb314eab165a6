/**
 * A broker's answers to client metadata requests: Metadata (KRaftMetadataCache) and ListOffsets.
 *
 * Metadata answers from the broker's replayed metadata image: an unknown topic gets
 * UNKNOWN_TOPIC_OR_PARTITION, or LEADER_NOT_AVAILABLE while a real client's request creates it
 * (create-topics.ts); a partition with no leader gets LEADER_NOT_AVAILABLE and leader -1;
 * the broker list holds the unfenced brokers. ListOffsets "earliest" is the log start offset and
 * "latest" the high watermark (read_uncommitted), answered by the leader only.
 * OffsetForLeaderEpoch from a consumer (KIP-320; Partition.lastOffsetForLeaderEpoch) is answered by
 * the leader with the leader-epoch cache's end offset for the epoch asked (endOffsetForEpoch, which
 * the replica fetcher's divergence check uses too).
 */
import { offsetForTimestamp } from '../storage/offset-for-time.ts'
import { send } from '../kafka/wire.ts'
import type { World } from '../nodes/world.ts'
import type { BrokerNode } from './types.ts'
import type { MessageOf } from '../kafka/messages.ts'
import { endOffsetForEpoch } from '../storage/partition.ts'
import { autoCreateTopics } from './create-topics.ts'

export function handleMetadata(w: World, b: BrokerNode, m: MessageOf<'Metadata'>): void {
  const topics: Record<string, { error: string; partitions: { leader: number; leaderEpoch: number; replicas: readonly number[]; isr: readonly number[]; error: string }[] }> = {}
  // null: every topic the broker knows, internal ones included, as Kafka lists them
  const names = m.topics ?? Object.keys(b.image.topics).sort()
  const missing = names.filter((name) => !b.image.topics[name])
  const creating = new Set(m.allowAutoTopicCreation === true && missing.length > 0 ? autoCreateTopics(w, b, missing) : [])
  for (const name of names) {
    const t = b.image.topics[name]
    if (!t || t.partitions.length === 0) {
      topics[name] = { error: creating.has(name) ? 'LEADER_NOT_AVAILABLE' : 'UNKNOWN_TOPIC_OR_PARTITION', partitions: [] }
      continue
    }
    topics[name] = {
      error: 'NONE',
      partitions: t.partitions.map((p) => ({
        leader: p.leader,
        leaderEpoch: p.leaderEpoch,
        replicas: p.replicas,
        isr: p.isr,
        error: p.leader < 0 ? 'LEADER_NOT_AVAILABLE' : 'NONE',
      })),
    }
  }
  const brokers: number[] = []
  for (const id of Object.keys(b.image.brokers).sort((x, y) => +x - +y)) if (!b.image.brokers[id].fenced) brokers.push(+id)
  send(w, b.node, m.from, { api: 'MetadataResponse', from: b.node, corr: m.corr, topics, brokers })
}

export function handleListOffsets(w: World, b: BrokerNode, m: MessageOf<'ListOffsets'>): void {
  const r = b.replicas[m.tp]
  const reply = (error: string, offset = -1) =>
    send(w, b.node, m.from, { api: 'ListOffsetsResponse', from: b.node, corr: m.corr, tp: m.tp, error, offset })
  if (!r || r.role !== 'leader') return reply('NOT_LEADER_OR_FOLLOWER')
  if (m.currentLeaderEpoch >= 0 && m.currentLeaderEpoch < r.leaderEpoch) return reply('FENCED_LEADER_EPOCH')
  if (m.spec === 'earliest') return reply('NONE', r.logStartOffset)
  if (m.spec === 'latest') return reply('NONE', r.hw)
  // a time: -1 when no readable record is that new (ListOffsetsResponse.UNKNOWN_OFFSET)
  reply('NONE', offsetForTimestamp(r, w.records, m.spec.timestamp, r.hw)?.offset ?? -1)
}

export function handleOffsetForLeaderEpoch(w: World, b: BrokerNode, m: MessageOf<'OffsetForLeaderEpoch'>): void {
  const r = b.replicas[m.tp]
  const reply = (error: string, epoch = -1, endOffset = -1) =>
    send(w, b.node, m.from, { api: 'OffsetForLeaderEpochResponse', from: b.node, corr: m.corr, tp: m.tp, error, epoch, endOffset })
  if (!r || r.role !== 'leader' || b.fenced) return reply('NOT_LEADER_OR_FOLLOWER')
  const current = m.currentLeaderEpoch
  if (current >= 0 && current < r.leaderEpoch) return reply('FENCED_LEADER_EPOCH')
  if (current > r.leaderEpoch) return reply('UNKNOWN_LEADER_EPOCH')
  const eo = endOffsetForEpoch(r, m.leaderEpoch)
  reply('NONE', eo.epoch, eo.endOffset)
}
