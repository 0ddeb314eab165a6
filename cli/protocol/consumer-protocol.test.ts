/**
 * The consumer protocol's embedded bytes, against kafkajs's own encoders (its MemberMetadata and
 * MemberAssignment are the protocol's version 0) and the cases of Kafka's ConsumerProtocolTest: an
 * old version, a future version with fields kafkascope does not know (read as the newest), and
 * bytes that are not the consumer protocol's.
 */
import { createRequire } from 'node:module'
import { expect, test } from 'vitest'
import { encodeMessage, type MessageSpec } from './codec.ts'
import SubscriptionSpec from './messages/ConsumerProtocolSubscription.json' with { type: 'json' }
import { readAssignment, readSubscription, writeAssignment, writeSubscription } from './consumer-protocol.ts'

const require = createRequire(import.meta.url)
const { MemberMetadata, MemberAssignment } = require('kafkajs/src/consumer/assignerProtocol.js') as {
  MemberMetadata: { encode(o: { version: number; topics: string[]; userData?: Buffer }): Buffer; decode(b: Buffer): { version: number; topics: string[]; userData: Buffer | null } }
  MemberAssignment: { encode(o: { version: number; assignment: Record<string, number[]>; userData?: Buffer }): Buffer; decode(b: Buffer): { version: number; assignment: Record<string, number[]>; userData: Buffer | null } | null }
}

test("kafkajs's subscription bytes (labelled version 1, laid out as version 0) read as version 0: topics, nothing owned", () => {
  const bytes = MemberMetadata.encode({ version: 1, topics: ['orders', 'payments'], userData: Buffer.from('hi') })
  expect(readSubscription(new Uint8Array(bytes))).toEqual({ topics: ['orders', 'payments'], ownedPartitions: [], generation: -1 })
})

test('a simulated member\'s subscription is read by kafkajs, and read back whole', () => {
  const s = { topics: ['orders'], ownedPartitions: ['orders-0', 'orders-2'], generation: 4 }
  const bytes = writeSubscription(s)
  expect(MemberMetadata.decode(Buffer.from(bytes))).toMatchObject({ version: 2, topics: ['orders'] })
  expect(readSubscription(bytes)).toEqual(s)
})

test('a future subscription version is read as the newest, its unknown fields ignored (ConsumerProtocolTest.deserializeFutureSubscriptionVersion)', () => {
  const v3 = encodeMessage(SubscriptionSpec as MessageSpec, 3, { Topics: ['orders'], UserData: null, OwnedPartitions: [{ Topic: 'orders', Partitions: [1] }], GenerationId: 7, RackId: 'rack-a' })
  const bytes = new Uint8Array([0, 100, ...v3, 0xde, 0xad])
  expect(readSubscription(bytes)).toEqual({ topics: ['orders'], ownedPartitions: ['orders-1'], generation: 7 })
})

test('assignments: kafkajs reads a simulated leader\'s, kafkascope reads kafkajs\'s', () => {
  expect(MemberAssignment.decode(Buffer.from(writeAssignment(['orders-0', 'payments-1', 'orders-2'])))).toEqual({ version: 0, assignment: { orders: [0, 2], payments: [1] }, userData: null })
  const bytes = MemberAssignment.encode({ version: 0, assignment: { orders: [2, 0] } })
  expect(readAssignment(new Uint8Array(bytes))).toEqual(['orders-2', 'orders-0'])
  // an empty assignment: no bytes at all, as Kafka sends a member left without partitions
  expect(readAssignment(new Uint8Array(0))).toEqual([])
})

test('bytes that are not the consumer protocol\'s read as nothing, without throwing', () => {
  expect(readSubscription(new Uint8Array([0]))).toBeNull()
  expect(readSubscription(new Uint8Array([0xff, 0xff, 0, 0]))).toBeNull()
  expect(readSubscription(new Uint8Array([0, 0, 0, 0, 0, 9, 0, 1]))).toBeNull()
  expect(readAssignment(new Uint8Array([0, 0, 0x7f, 0xff, 0xff, 0xff]))).toBeNull()
})
