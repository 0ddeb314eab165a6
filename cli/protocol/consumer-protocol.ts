/**
 * The consumer protocol's embedded bytes: what a consumer puts in JoinGroup's protocol metadata (its
 * subscription) and what the group leader puts in SyncGroup's assignments. The group coordinator
 * passes them through untouched; kafkascope reads them to show which topics a real client subscribes
 * to and which partitions it was given, and writes them when a member of the other kind (a simulated
 * consumer) is on the other end.
 *
 * Follows Kafka's ConsumerProtocol: an int16 version, then ConsumerProtocolSubscription or
 * ConsumerProtocolAssignment in that version; a version newer than the newest known is read as the
 * newest (the later fields are ignorable). kafkajs's MemberMetadata and MemberAssignment are
 * version 0 of these (kafkajs labels its subscription version 1; bytes that do not read in their
 * version are read as version 0).
 */
import { decodeMessage, encodeMessage, ProtocolError, Reader, type MessageSpec, type Struct, type Value } from './codec.ts'
import SubscriptionSpec from './messages/ConsumerProtocolSubscription.json' with { type: 'json' }
import AssignmentSpec from './messages/ConsumerProtocolAssignment.json' with { type: 'json' }
import { isLegalTopicName, parseTopicPartition, partitionName } from '../../sim/index.ts'

const SUBSCRIPTION = SubscriptionSpec as MessageSpec
const ASSIGNMENT = AssignmentSpec as MessageSpec
const NEWEST = 3

/** A subscription as the group coordinator's model reads it. */
export interface ConsumerSubscription {
  topics: string[]
  /** "topic-p" (version 1+) */
  ownedPartitions: string[]
  /** the generation the owned partitions belong to (version 2+; -1 when absent) */
  generation: number
}

function versioned(spec: MessageSpec, bytes: Uint8Array): Struct {
  if (bytes.length < 2) throw new ProtocolError(`${spec.name}: ${bytes.length} bytes, too short for a version`)
  const version = new Reader(bytes).int16()
  if (version < 0) throw new ProtocolError(`${spec.name}: version ${version}`)
  const body = bytes.subarray(2)
  try {
    return decodeMessage(spec, Math.min(version, NEWEST), body)
  } catch (e) {
    // kafkajs labels its version-0 layout version 1: read what it means (Kafka's coordinator never reads these bytes)
    if (e instanceof ProtocolError && version > 0) return decodeMessage(spec, 0, body)
    throw e
  }
}

function withVersion(version: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(2 + body.length)
  new DataView(out.buffer).setInt16(0, version)
  out.set(body, 2)
  return out
}

/** A list the consumer protocol does not let be null (the codec reads a -1 length as null). */
function list<T>(v: Value | undefined, what: string): T[] {
  if (!Array.isArray(v)) throw new ProtocolError(`${what}: null`)
  return v as T[]
}

function partitionsOf(topics: Value | undefined): string[] {
  return list<Struct>(topics, 'partitions').flatMap((t) =>
    list<number>(t.Partitions, 'partitions').map((p) => {
      if (!isLegalTopicName(String(t.Topic)) || p < 0) throw new ProtocolError(`no partition ${String(t.Topic)}-${p}`)
      return partitionName(String(t.Topic), p)
    }),
  )
}

function byTopic(tps: readonly string[]): Struct[] {
  const out: { Topic: string; Partitions: number[] }[] = []
  for (const tp of tps) {
    const n = parseTopicPartition(tp)
    if (!n) continue
    let t = out.find((x) => x.Topic === n.topic)
    if (!t) out.push((t = { Topic: n.topic, Partitions: [] }))
    t.Partitions.push(n.partition)
  }
  return out
}

/** A member's subscription, or null when the bytes are not the consumer protocol's. */
export function readSubscription(bytes: Uint8Array): ConsumerSubscription | null {
  try {
    const s = versioned(SUBSCRIPTION, bytes)
    return { topics: list<string>(s.Topics, 'topics').slice(), ownedPartitions: s.OwnedPartitions === undefined ? [] : partitionsOf(s.OwnedPartitions), generation: Number(s.GenerationId ?? -1) }
  } catch (e) {
    if (e instanceof ProtocolError) return null
    throw e
  }
}

/** A simulated member's subscription for a real leader (version 2: topics, owned partitions, generation). */
export function writeSubscription(s: ConsumerSubscription): Uint8Array {
  return withVersion(2, encodeMessage(SUBSCRIPTION, 2, { Topics: s.topics, UserData: null, OwnedPartitions: byTopic(s.ownedPartitions), GenerationId: s.generation, RackId: null }))
}

/** The partitions an assignment gives ("topic-p"), or null when the bytes are not the consumer protocol's. */
export function readAssignment(bytes: Uint8Array): string[] | null {
  if (bytes.length === 0) return []
  try {
    return partitionsOf(versioned(ASSIGNMENT, bytes).AssignedPartitions)
  } catch (e) {
    if (e instanceof ProtocolError) return null
    throw e
  }
}

/** A simulated leader's assignment for a real member (version 0, which every client reads). */
export function writeAssignment(partitions: readonly string[]): Uint8Array {
  return withVersion(0, encodeMessage(ASSIGNMENT, 0, { AssignedPartitions: byTopic(partitions), UserData: null }))
}
