/**
 * What the translations between Kafka's wire messages and the simulation's share (convert.ts,
 * convert-groups.ts): where the simulated brokers listen, what a translated request is, and how a
 * partition a request names becomes the simulation's name for it.
 */
import type { ClientRequest, Simulation } from '../../sim/index.ts'
import { isLegalTopicName, parseTopicPartition, partitionName, topicIdBytes, topicIdFromBytes, type TopicPartition } from '../../sim/index.ts'
import { ZERO_UUID, type Struct, type Value } from '../protocol/codec.ts'

/**
 * How a listener reaches the simulated brokers (the host, each broker's port), and where simulated
 * time 0 stands on the clients' clock: record timestamps (epoch ms) are shifted by `epochMs` going
 * in and coming out, so the simulated clock and the records' CreateTime agree as they do in Kafka.
 */
export interface Endpoints {
  host: string
  portOf(broker: number): number
  epochMs: number
}

/**
 * A request kafkascope will not take into the run (a partition no Kafka client can name: a negative
 * index or an illegal topic name): serve closes the connection, as Kafka does with a request it
 * cannot read, and nothing is recorded.
 */
export class RefusedRequest extends Error {}

/** A partition a request names, as the simulation names it; RefusedRequest when no topic could have that name. */
export function wireTp(topic: Value | undefined, partition: Value | undefined): string {
  const name = String(topic)
  const index = Number(partition)
  if (!isLegalTopicName(name) || !Number.isInteger(index) || index < 0) throw new RefusedRequest(`no partition ${name}-${index}`)
  return partitionName(name, index)
}

/**
 * A partition of a request answered with an error without reaching the simulation: one named by
 * topic and number (a batch it cannot read), or one named by a topic id no topic has (Fetch v13+).
 */
export type FailedPartition = { tp: string; error: string } | { topicId: string; partition: number; error: string }

/** Kafka's Uuid text for a topic id as the client reads it back (Uuid.toString of its 16 bytes). */
export function canonical(id: string): string {
  return topicIdFromBytes(topicIdBytes(id))
}

/** The topic id clients see for a topic (Metadata v10+, Fetch v13+), ZERO_UUID when no broker knows the topic. */
export function wireTopicId(sim: Simulation, topic: string): string {
  for (const id of sim.world.brokerIds) {
    const t = sim.world.brokers[String(id)].image.topics[topic]
    if (t) return canonical(t.topicId)
  }
  return ZERO_UUID
}

/** The topic a client names by id (Fetch v13+), as the receiving broker's metadata has it; null when it has none. */
export function topicOfId(sim: Simulation, broker: number, topicId: string): string | null {
  const topics = sim.world.brokers[String(broker)]?.image.topics ?? {}
  for (const name of Object.keys(topics)) if (canonical(topics[name].topicId) === topicId) return name
  return null
}

/**
 * A wire request for the simulation: one or more ClientRequests (ListOffsets asks per partition),
 * with the partitions already failed, to be put in the answer; or an answer at once.
 */
export type Translated = { requests: ClientRequest[]; failed?: FailedPartition[] } | { answer: Struct }

/** Bytes as the simulation records them (base64), and back. */
export const toBase64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
export const fromBase64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'))

/** Partitions ("topic-p") grouped by topic in the order they come, each made into its wire struct. */
export function byTopic<T>(parts: readonly T[], tpOf: (part: T) => string, make: (name: TopicPartition, part: T) => Struct): { name: string; partitions: Struct[] }[] {
  const out: { name: string; partitions: Struct[] }[] = []
  for (const part of parts) {
    const name = parseTopicPartition(tpOf(part))!
    let t = out.find((x) => x.name === name.topic)
    if (!t) out.push((t = { name: name.topic, partitions: [] }))
    t.partitions.push(make(name, part))
  }
  return out
}
