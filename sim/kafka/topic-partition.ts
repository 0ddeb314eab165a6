/**
 * A partition's name, `<topic>-<partition>` (org.apache.kafka.common.TopicPartition#toString), the
 * one way kafkascope writes and reads it. Topic names may contain '-', so the partition number is
 * what follows the last '-'.
 */

/** org.apache.kafka.common.TopicPartition: a topic and a partition number. */
export interface TopicPartition {
  readonly topic: string
  readonly partition: number
}

/** Kafka's Topic.validate: 1 to 249 characters of a-z, A-Z, 0-9, '.', '_' and '-', and not "." or "..". */
export const MAX_TOPIC_NAME = 249
export const LEGAL_TOPIC_CHARS = /^[a-zA-Z0-9._-]+$/

export function isLegalTopicName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_TOPIC_NAME && name !== '.' && name !== '..' && LEGAL_TOPIC_CHARS.test(name)
}

/** TopicPartition#toString: "orders-0". */
export function partitionName(topic: string, partition: number): string {
  let names = NAMES.get(topic)
  if (names === undefined) NAMES.set(topic, (names = []))
  return names[partition] ?? (names[partition] = `${topic}-${partition}`)
}

/** Each topic's partition names, made once: the producer names a partition in every batch it sends. */
const NAMES = new Map<string, string[]>()
/** Names partitionName made, parsed once (clients look a partition's leader up by its name on every fetch); bounded like NAMES. */
const PARSED = new Map<string, TopicPartition>()

/**
 * "orders-0" → { topic: "orders", partition: 0 }; "my-topic-12" → { topic: "my-topic", partition: 12 }.
 * Null unless the name is a non-empty topic, '-', and decimal digits (a safe integer).
 */
export function parseTopicPartition(name: string): TopicPartition | null {
  const known = PARSED.get(name)
  if (known !== undefined) return known
  const dash = name.lastIndexOf('-')
  if (dash <= 0 || dash === name.length - 1) return null
  for (let i = dash + 1; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c < 48 || c > 57) return null
  }
  const partition = Number(name.slice(dash + 1))
  if (!Number.isSafeInteger(partition)) return null
  const parsed = { topic: name.slice(0, dash), partition }
  if (NAMES.get(parsed.topic)?.[partition] === name) PARSED.set(name, parsed)
  return parsed
}

/** The topic of a partition name ("my-topic-3" → "my-topic"), or null when it is not one. */
export function topicOfPartition(name: string): string | null {
  return parseTopicPartition(name)?.topic ?? null
}

/** Kafka's order of partitions ("topic-p"): by topic, then partition number. */
export function compareTp(a: string, b: string): number {
  const x = parseTopicPartition(a)
  const y = parseTopicPartition(b)
  const ta = x?.topic ?? a
  const tb = y?.topic ?? b
  if (ta !== tb) return ta < tb ? -1 : 1
  return (x?.partition ?? 0) - (y?.partition ?? 0)
}
