/**
 * The rules for the names a scenario gives: topic names follow Kafka's Topic.validate (at most 249
 * characters of a-z, A-Z, 0-9, '.', '_' and '-'; not "." or ".."), and kafkascope reserves the "__"
 * prefix for internal topics such as __consumer_offsets. Producer ids, reader ids and group ids also
 * name network nodes, so they use the same characters, at most 100 of them, and cannot look like a
 * broker (a number) or a controller ("controller", "controller-N").
 */
import { showValue } from '../kafka/config.ts'
import { OFFSETS_TOPIC } from '../kafka/internal-topics.ts'
import { fail } from './parse-errors.ts'

import { LEGAL_TOPIC_CHARS as LEGAL_NAME, MAX_TOPIC_NAME as MAX_NAME } from '../kafka/topic-partition.ts'

const CLIENT_ID = /^[A-Za-z0-9._-]+$/

/** Kafka's Topic.validate plus the "__" prefix that kafkascope reserves for internal topics. */
export function checkTopicName(name: string, path: string): void {
  if (name === '') fail(path, 'must not be empty')
  if (name === '.' || name === '..') fail(path, `${showValue(name)} is not allowed as a topic name`)
  if (name.length > MAX_NAME) fail(path, `is ${name.length} characters long; Kafka allows at most ${MAX_NAME}`)
  if (!LEGAL_NAME.test(name)) {
    fail(path, `${showValue(name)} contains characters Kafka does not allow in topic names (legal: a-z, A-Z, 0-9, '.', '_', '-')`)
  }
  if (name.startsWith('__')) fail(path, `${showValue(name)} starts with "__", which is reserved for internal topics such as ${OFFSETS_TOPIC}`)
}

/** A producer id, reader id or group id (`what` names which, for the message). */
export function checkClientName(name: string, path: string, what: string): void {
  if (name === '') fail(path, 'must not be empty')
  if (name.length > 100) fail(path, `${what} is ${name.length} characters long; at most 100 are allowed`)
  if (!CLIENT_ID.test(name)) fail(path, `${showValue(name)}: a ${what} may use only a-z, A-Z, 0-9, '.', '_' and '-' (it is also a network node name)`)
  if (/^\d+$/.test(name)) fail(path, `${showValue(name)}: a ${what} cannot be a number (numbers name brokers)`)
  if (name === 'controller' || /^controller-\d+$/.test(name)) fail(path, `${showValue(name)} is reserved for the controller nodes`)
}
