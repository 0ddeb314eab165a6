/**
 * A new topic's id (Kafka's Uuid.randomUuid as base64, 22 characters), drawn from the run's
 * placement stream so that the same seed gives the same ids. Both controllers use it: KRaft's and
 * the legacy ZooKeeper mode's.
 */
import { nextU32 } from '../kernel/rng.ts'
import type { World } from '../nodes/world.ts'

export function newTopicId(w: World): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  let s = ''
  for (let i = 0; i < 22; i++) s += alphabet[nextU32(w.rng.place) & 63]
  return s
}
