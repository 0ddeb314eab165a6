// Messages the simulation delivered, kept for drawing: a ring of the most recent deliveries with
// their send and arrival times in simulated ms. Filled by the engine's message tap; read once per
// frame by the message-flow layer, which aggregates them per link and kind. Never part of the
// simulation state.

import type { ApiName, Msg } from '../../sim/index.ts'

/** What a message is, for drawing: Kafka's request families. */
export type FlowKind = 'produce' | 'replication' | 'consume' | 'group' | 'controller' | 'metadata'

export interface FlowMessage {
  /** ever-increasing number of the delivery (for "what is new since the last frame") */
  seq: number
  from: string
  to: string
  api: string
  kind: FlowKind
  sentMs: number
  atMs: number
  /** the first error the response carries (NOT_LEADER_OR_FOLLOWER, ...), or null */
  error: string | null
  /** records carried (produce requests, fetch responses), 0 otherwise */
  records: number
}

const CAPACITY = 4096

const ring: (FlowMessage | undefined)[] = new Array(CAPACITY)
let nextSeq = 0

/**
 * Every API of the simulation's message union and what it is drawn as: a new API fails to compile
 * here until it is given a family. Fetch is 'consume' from a consumer, 'replication' from a follower.
 */
const FLOW_KIND: Record<ApiName, FlowKind> = {
  Produce: 'produce',
  ProduceResponse: 'produce',
  InitProducerId: 'produce',
  InitProducerIdResponse: 'produce',
  Fetch: 'consume',
  FetchResponse: 'consume',
  Metadata: 'metadata',
  MetadataResponse: 'metadata',
  ListOffsets: 'metadata',
  ListOffsetsResponse: 'metadata',
  OffsetForLeaderEpoch: 'metadata',
  OffsetForLeaderEpochResponse: 'metadata',
  FindCoordinator: 'group',
  FindCoordinatorResponse: 'group',
  JoinGroup: 'group',
  JoinGroupResponse: 'group',
  SyncGroup: 'group',
  SyncGroupResponse: 'group',
  Heartbeat: 'group',
  HeartbeatResponse: 'group',
  LeaveGroup: 'group',
  LeaveGroupResponse: 'group',
  ConsumerGroupHeartbeat: 'group',
  ConsumerGroupHeartbeatResponse: 'group',
  ShareGroupHeartbeat: 'group',
  ShareGroupHeartbeatResponse: 'group',
  ShareFetch: 'consume',
  ShareFetchResponse: 'consume',
  ShareAcknowledge: 'consume',
  ShareAcknowledgeResponse: 'consume',
  OffsetCommit: 'group',
  OffsetCommitResponse: 'group',
  OffsetFetch: 'group',
  OffsetFetchResponse: 'group',
  CreateTopics: 'metadata',
  CreateTopicsResponse: 'metadata',
  DeleteTopics: 'metadata',
  DeleteTopicsResponse: 'metadata',
  Envelope: 'controller',
  EnvelopeResponse: 'controller',
  BrokerRegistration: 'controller',
  BrokerRegistrationResponse: 'controller',
  BrokerHeartbeat: 'controller',
  BrokerHeartbeatResponse: 'controller',
  AlterPartition: 'controller',
  AlterPartitionResponse: 'controller',
  AllocateProducerIds: 'controller',
  AllocateProducerIdsResponse: 'controller',
  Vote: 'controller',
  VoteResponse: 'controller',
  BeginQuorumEpoch: 'controller',
  ZkConnect: 'controller',
  ZkConnectResponse: 'controller',
  ZkPing: 'controller',
  ZkPingResponse: 'controller',
  ZkRequest: 'controller',
  ZkResponse: 'controller',
  ZkWatchEvent: 'controller',
  LeaderAndIsr: 'controller',
  LeaderAndIsrResponse: 'controller',
  UpdateMetadata: 'metadata',
  UpdateMetadataResponse: 'metadata',
  RaftFetch: 'controller',
  RaftFetchResponse: 'controller',
}

export function flowKind(api: string, replica: boolean): FlowKind {
  const kind = FLOW_KIND[api as ApiName] ?? 'controller'
  return kind === 'consume' && replica ? 'replication' : kind
}

/** The first error a response names: its own `error`, or a partition's. NONE is no error. */
export function responseError(m: Msg): string | null {
  const e = 'error' in m ? m.error : undefined
  if (typeof e === 'string' && e !== 'NONE') return e
  const parts = 'parts' in m ? m.parts : undefined
  if (Array.isArray(parts)) {
    for (const p of parts as { error?: unknown }[]) {
      if (typeof p.error === 'string' && p.error !== 'NONE') return p.error
    }
  }
  return null
}

function countBatches(batches: unknown): number {
  let n = 0
  if (Array.isArray(batches)) for (const b of batches as { count?: unknown }[]) if (typeof b.count === 'number') n += b.count
  return n
}

/** Records a Produce request or a FetchResponse carries. */
function recordsIn(m: Msg): number {
  let n = countBatches('batches' in m ? m.batches : undefined)
  if ('parts' in m && Array.isArray(m.parts)) for (const p of m.parts as { batches?: unknown }[]) n += countBatches(p.batches)
  return n
}

/**
 * The engine's message tap: remember one delivery. Ring slots are reused (readers copy what they
 * keep), so a busy cluster allocates nothing here once the ring is full.
 */
export function recordDelivery(m: Msg, to: string, atMs: number): void {
  const replica = 'replicaId' in m && typeof m.replicaId === 'number' && m.replicaId >= 0
  const seq = nextSeq++
  const slot = ring[seq % CAPACITY] ?? (ring[seq % CAPACITY] = { seq, from: '', to: '', api: '', kind: 'controller', sentMs: 0, atMs: 0, error: null, records: 0 })
  slot.seq = seq
  slot.from = m.from
  slot.to = to
  slot.api = m.api
  slot.kind = flowKind(m.api, replica)
  slot.sentMs = m.sentMs ?? atMs
  slot.atMs = atMs
  slot.error = responseError(m)
  slot.records = recordsIn(m)
}

/** Call `fn` for each delivery numbered from `sinceSeq` on, oldest first, without allocating; returns the next number. */
export function forEachDeliverySince(sinceSeq: number, fn: (m: FlowMessage) => void): number {
  const start = Math.max(sinceSeq, nextSeq - CAPACITY, 0)
  for (let s = start; s < nextSeq; s++) fn(ring[s % CAPACITY]!)
  return nextSeq
}

export function flowSeq(): number {
  return nextSeq
}

/** Forget everything (a new run was loaded). */
export function clearFlow(): void {
  ring.fill(undefined)
  nextSeq = 0
}
