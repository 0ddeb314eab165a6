// Kafka's producer rule for acks: enable.idempotence=true needs acks=all (KafkaProducer throws a
// ConfigException otherwise). So when a learner picks acks=0 or acks=1 in the inspector, the
// same setProducerConfig action also turns idempotence off, as a person would have to in Kafka.

import type { ConfigMap } from '../../../sim/index.ts'

export type Acks = '0' | '1' | 'all'

export const ACKS_CHOICES: readonly Acks[] = ['0', '1', 'all']

/** The config a setProducerConfig action carries for the chosen acks. */
export function acksConfig(acks: Acks): ConfigMap {
  return acks === 'all' ? { acks } : { acks, 'enable.idempotence': false }
}

/** The view shows acks as Kafka normalises it ("-1" is "all"). */
export function normaliseAcks(acks: string): Acks {
  if (acks === '0' || acks === '1') return acks
  return 'all'
}
