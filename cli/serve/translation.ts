/**
 * What the translations between Kafka's wire messages and the simulation's share (convert.ts,
 * convert-groups.ts): where the simulated brokers listen, what a translated request is, and how a
 * partition a request names becomes the simulation's name for it.
 */
import type { ClientRequest } from '../../sim/index.ts'
import { isLegalTopicName, partitionName } from '../../sim/index.ts'
import type { Struct, Value } from '../protocol/codec.ts'

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

/** A partition of a request answered with an error without reaching the simulation (a batch it cannot read). */
export interface FailedPartition {
  tp: string
  error: string
}

/**
 * A wire request for the simulation: one or more ClientRequests (ListOffsets asks per partition),
 * with the partitions already failed, to be put in the answer; or an answer at once.
 */
export type Translated = { requests: ClientRequest[]; failed?: FailedPartition[] } | { answer: Struct }

