/**
 * A real Kafka client's requests as the simulation takes them (kafkascope serve turns each request
 * off the wire into one, and records it with the simulated time it arrived): plain JSON, the bytes
 * of keys, values and header values as base64, so a session replays them exactly.
 *
 * They carry what the simulated broker reads, in its own terms (a partition as "topic-p", acks as
 * "all" | "0" | "1"); the wire codecs (cli/protocol) do the translating both ways.
 */

/** One record of a Produce request, as the client's record batch carried it. */
export interface ClientRecord {
  /** base64, null for a null key */
  key: string | null
  /** base64, null for a tombstone */
  value: string | null
  /** header key, and its value as base64 (null: a null value) */
  headers: [string, string | null][]
  /** CreateTime */
  timestampMs: number
}

export type ClientRequest =
  | { api: 'Metadata'; topics: string[] | null }
  | {
      api: 'Produce'
      acks: 'all' | '0' | '1'
      timeoutMs: number
      partitions: { tp: string; producerId: number; producerEpoch: number; sequence: number; records: ClientRecord[] }[]
    }
  | { api: 'Fetch'; maxWaitMs: number; maxBytes: number; partitions: { tp: string; fetchOffset: number; currentLeaderEpoch: number }[] }
  | { api: 'ListOffsets'; tp: string; spec: 'earliest' | 'latest' | { timestamp: number }; currentLeaderEpoch: number }
