/**
 * Sending one of Kafka's typed messages (messages.ts) through the network model. The type is the
 * point: every request and response a node sends is checked against Kafka's shapes here.
 */
import { deliver, type KernelWorld } from '../kernel/node-io.ts'
import type { KafkaMessage } from './messages.ts'

/** `deliver`, typed to Kafka's messages (no wrapper: this is on every message's path). */
export const send: (w: KernelWorld, from: string, to: string, msg: KafkaMessage) => void = deliver
