/**
 * A real Kafka client connected through kafkascope serve: a network node (`ext-<n>`) whose requests
 * come from outside as recorded inputs (the `clientRequest` action, with the simulated time each
 * arrived) and whose responses wait in its inbox for serve to put on the wire.
 *
 * Its Produce requests carry real records: each becomes a record of the client's stream for the
 * partition (storage/records.ts) with its bytes kept beside its key, timestamp and value size, so
 * a fetch returns what was produced and the checkers follow the records like any producer's.
 * Keys are interned as text when they are UTF-8 and as `base64:<…>` otherwise (equal keys stay equal
 * for compaction; the exact bytes are in the contents).
 *
 * Invariants: plain data; a request is sent at the simulated time of its action; responses are
 * matched to requests by correlation id, in the order they arrive.
 */
import { nextCorrelationId } from '../kernel/node-io.ts'
import { send } from '../kafka/wire.ts'
import type { HeartbeatTopicPartitions, KafkaMessage } from '../kafka/messages.ts'
import { topicIdBytes, topicIdFromBytes } from '../coordinator/consumer/topic-id.ts'
import type { ClientRecord, ClientRequest } from '../kafka/client-requests.ts'
import type { ProduceBatch } from '../kafka/payloads.ts'
import { base64Size, fromBase64 } from '../kafka/base64.ts'
import { appendRecordFacts, internKey, recordStream, type RecordStream } from '../storage/records.ts'
import type { World } from '../nodes/world.ts'

export interface ExternalClientNode {
  id: string
  /** requests in flight: correlation id -> serve's reference for the request */
  pending: Record<string, number>
  /** the broker its connection goes to (one connection, one broker), once it has sent a request */
  broker: string | null
  /** its broker refused or reset the connection (it crashed): serve closes the real one */
  disconnected: boolean
  /** the client.id its latest request named (null: none given) */
  clientId: string | null
  /** the group it last asked to join (JoinGroup), if any */
  groupId: string | null
  /** records it has sent (Produce) and received (Fetch) */
  produced: number
  fetched: number
}

export function newExternalClient(id: string): ExternalClientNode {
  return { id, pending: {}, broker: null, disconnected: false, clientId: null, groupId: null, produced: 0, fetched: 0 }
}

/**
 * A node stopped (every node hears of every stop): when it is the client's broker, the connection
 * is reset and what was in flight is lost, as on a real connection.
 */
export function onExternalDisconnect(c: ExternalClientNode, peer: string): void {
  if (peer !== c.broker) return
  c.disconnected = true
  c.pending = {}
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The text a key is interned as: its UTF-8 text, or `base64:<…>` when it is not UTF-8. */
export function keyText(b64: string | null): string | null {
  if (b64 === null) return null
  try {
    return strictUtf8.decode(fromBase64(b64))
  } catch {
    return `base64:${b64}`
  }
}

function appendClientRecord(s: RecordStream, keyId: number, r: ClientRecord): number {
  const i = appendRecordFacts(s, keyId, r.timestampMs, r.value === null ? null : base64Size(r.value))
  ;(s.contents ??= []).push({ key: r.key, value: r.value, headers: r.headers })
  return i
}

/**
 * A KIP-848 member's owned partitions with the topic ids the broker's metadata has (the client sends
 * Kafka's Uuid text of the 16 bytes); ids the broker does not know are left out.
 */
function ownedByName(w: World, broker: number, owned: { topicId: string; partitions: number[] }[]): HeartbeatTopicPartitions[] {
  const topics = w.brokers[String(broker)]?.image.topics ?? {}
  const byWireId = new Map(Object.keys(topics).map((name) => [topicIdFromBytes(topicIdBytes(topics[name].topicId)), name]))
  const out: HeartbeatTopicPartitions[] = []
  for (const t of owned) {
    const name = byWireId.get(t.topicId)
    if (name !== undefined) out.push({ topicId: topics[name].topicId, topic: name, partitions: t.partitions.slice() })
  }
  return out
}

/** The simulation's message for a client's request (records made in the client's streams). */
function toMessage(w: World, c: ExternalClientNode, broker: number, corr: number, req: ClientRequest): KafkaMessage {
  switch (req.api) {
    case 'Metadata':
      return { api: 'Metadata', from: c.id, corr, topics: req.topics, ...(req.allowAutoTopicCreation === true ? { allowAutoTopicCreation: true } : {}) }
    case 'ListOffsets':
      return { api: 'ListOffsets', from: c.id, corr, tp: req.tp, spec: req.spec, currentLeaderEpoch: req.currentLeaderEpoch }
    case 'Fetch':
      return {
        api: 'Fetch',
        from: c.id,
        corr,
        replicaId: -1,
        maxWaitMs: req.maxWaitMs,
        maxBytes: req.maxBytes,
        everyPartition: true,
        parts: req.partitions.map((p) => ({ tp: p.tp, fetchOffset: p.fetchOffset, lastFetchedEpoch: -1, currentLeaderEpoch: p.currentLeaderEpoch })),
      }
    // these carry what the simulation's message carries, field for field
    case 'OffsetForLeaderEpoch':
    case 'InitProducerId':
    case 'FindCoordinator':
    case 'Heartbeat':
    case 'OffsetFetch':
    case 'CreateTopics':
    case 'DeleteTopics':
      return { ...req, from: c.id, corr }
    case 'JoinGroup':
      c.groupId = req.groupId
      return {
        api: 'JoinGroup',
        from: c.id,
        corr,
        groupId: req.groupId,
        memberId: req.memberId,
        groupInstanceId: req.groupInstanceId,
        clientId: c.clientId ?? '',
        sessionTimeoutMs: req.sessionTimeoutMs,
        rebalanceTimeoutMs: req.rebalanceTimeoutMs,
        protocols: req.protocols.map((p) => ({ name: p.name, metadata: { topics: p.metadata.topics, ownedPartitions: p.metadata.ownedPartitions, generation: p.metadata.generation, raw: p.metadata.raw } })),
        reason: req.reason ?? '',
      }
    case 'SyncGroup': {
      const assignments: Record<string, string[]> = {}
      const rawAssignments: Record<string, string> = {}
      for (const a of req.assignments) {
        assignments[a.memberId] = a.partitions
        rawAssignments[a.memberId] = a.raw
      }
      return { api: 'SyncGroup', from: c.id, corr, groupId: req.groupId, generation: req.generation, memberId: req.memberId, groupInstanceId: req.groupInstanceId, assignments, rawAssignments }
    }
    case 'LeaveGroup':
      return { api: 'LeaveGroup', from: c.id, corr, groupId: req.groupId, memberId: req.memberId, groupInstanceId: req.groupInstanceId, reason: req.reason ?? '' }
    case 'OffsetCommit': {
      const offsets: Record<string, number> = {}
      for (const o of req.offsets) offsets[o.tp] = o.offset
      return { api: 'OffsetCommit', from: c.id, corr, groupId: req.groupId, generation: req.generation, memberId: req.memberId, groupInstanceId: req.groupInstanceId, offsets }
    }
    case 'ConsumerGroupHeartbeat':
      c.groupId = req.groupId
      return {
        api: 'ConsumerGroupHeartbeat',
        from: c.id,
        corr,
        groupId: req.groupId,
        memberId: req.memberId,
        memberEpoch: req.memberEpoch,
        instanceId: req.instanceId,
        rebalanceTimeoutMs: req.rebalanceTimeoutMs,
        subscribedTopicNames: req.subscribedTopicNames,
        serverAssignor: req.serverAssignor,
        topicPartitions: req.topicPartitions === null ? null : ownedByName(w, broker, req.topicPartitions),
      }
    case 'Produce': {
      const batches: ProduceBatch[] = []
      for (const p of req.partitions) {
        if (p.records.length === 0) continue
        const s = recordStream(w.records, c.id, p.tp, 0, 0)
        let first = -1
        let sizeBytes = 0
        for (const r of p.records) {
          const i = appendClientRecord(s, internKey(w.records, keyText(r.key)), r)
          if (first < 0) first = i
          sizeBytes += r.value === null ? 0 : base64Size(r.value)
        }
        c.produced += p.records.length
        const times = p.records.map((r) => r.timestampMs)
        batches.push({
          tp: p.tp,
          producer: c.id,
          producerId: p.producerId,
          baseSequence: first,
          sequence: p.sequence,
          producerEpoch: p.producerEpoch,
          count: p.records.length,
          firstTimestamp: times[0],
          maxTimestamp: Math.max(...times),
          sizeBytes,
          firstRecord: first,
        })
      }
      return { api: 'Produce', from: c.id, corr, acks: req.acks, timeoutMs: req.timeoutMs, batches }
    }
  }
}

/** The `clientRequest` action: the request goes to the broker now; serve sees its answer arrive (answerRef). */
export function sendClientRequest(w: World, c: ExternalClientNode, broker: number, ref: number, req: ClientRequest, clientId: string | null = null): void {
  const corr = nextCorrelationId(w)
  if (clientId !== null) c.clientId = clientId
  c.broker = String(broker)
  if (!(req.api === 'Produce' && req.acks === '0')) c.pending[corr] = ref
  send(w, c.id, String(broker), toMessage(w, c, broker, corr, req))
}

/**
 * Serve's reference for the request a message answers, when it is an answer the client waits for.
 * serve reads it from a tap (Simulation.observe), which sees each message just before the client
 * takes it, so the world keeps no answers: a replayed session holds what a served one holds.
 */
export function answerRef(c: ExternalClientNode, m: KafkaMessage): number | null {
  const corr = (m as { corr?: number }).corr
  return corr === undefined ? null : (c.pending[corr] ?? null)
}

/** A response reached the client: its request is no longer in flight. */
export function onExternalMessage(c: ExternalClientNode, m: KafkaMessage): void {
  if (answerRef(c, m) === null) return
  if (m.api === 'FetchResponse') for (const p of m.parts) for (const b of p.batches) c.fetched += b.count
  delete c.pending[(m as { corr: number }).corr]
}
