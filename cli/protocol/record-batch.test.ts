/**
 * Record batches against kafkajs 2.x's own encoder and decoder: what kafkajs writes is read field
 * by field and written back byte for byte; what kafkascope writes, kafkajs reads. A batch whose
 * bytes were changed fails its CRC32C; a compressed one is refused by name.
 */
import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { BatchError, crc32c, encodeBatches, readBatches, type WireBatch } from './record-batch.ts'

const require = createRequire(import.meta.url)
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: (o: unknown) => Promise<{ buffer: Buffer }> }
const Record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (o: unknown) => unknown
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (b: Buffer) => unknown
const decodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (d: unknown) => Promise<{ records: { key: Buffer | null; value: Buffer | null; offset: string; headers: Record<string, Buffer> }[] }>
const Long = require('kafkajs/src/utils/long.js') as { fromNumber: (n: number) => unknown; fromValue: (n: number) => unknown }

const enc = (s: string) => new Uint8Array(Buffer.from(s))

async function kafkajsBatch(): Promise<Buffer> {
  const records = [
    Record({ key: Buffer.from('user-7'), value: Buffer.from('{"total":12}'), headers: { trace: Buffer.from('abc') }, timestampDelta: 0, offsetDelta: 0 }),
    Record({ key: null, value: Buffer.from('no key'), headers: {}, timestampDelta: 3, offsetDelta: 1 }),
    Record({ key: Buffer.from('user-8'), value: null, headers: {}, timestampDelta: 5, offsetDelta: 2 }),
  ]
  const { buffer } = await RecordBatch({
    firstOffset: Long.fromNumber(0),
    firstTimestamp: 1_700_000_000_000,
    maxTimestamp: 1_700_000_000_005,
    partitionLeaderEpoch: 0,
    lastOffsetDelta: 2,
    producerId: Long.fromValue(4001),
    producerEpoch: 0,
    firstSequence: 10,
    records,
  })
  return buffer
}

describe('record batches (magic 2)', () => {
  test('a batch kafkajs writes: read field by field, written back byte for byte', async () => {
    const bytes = await kafkajsBatch()
    const [batch] = readBatches(new Uint8Array(bytes))
    expect(batch).toMatchObject({ baseOffset: 0, lastOffsetDelta: 2, baseTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_005, producerId: 4001, producerEpoch: 0, baseSequence: 10 })
    expect(batch.records.map((r) => [r.offsetDelta, r.timestampDelta])).toEqual([[0, 0], [1, 3], [2, 5]])
    expect(batch.records[0].key).toEqual(enc('user-7'))
    expect(batch.records[0].value).toEqual(enc('{"total":12}'))
    expect(batch.records[0].headers).toEqual([{ key: 'trace', value: enc('abc') }])
    expect(batch.records[1].key).toBeNull()
    expect(batch.records[2].value).toBeNull()
    expect(Buffer.from(encodeBatches([batch])).equals(bytes)).toBe(true)
  })

  test('a batch kafkascope writes at offset 120: kafkajs reads it', async () => {
    const batch: WireBatch = {
      baseOffset: 120, partitionLeaderEpoch: 3, attributes: 0, lastOffsetDelta: 1, baseTimestamp: 1000, maxTimestamp: 1002,
      producerId: -1, producerEpoch: -1, baseSequence: -1,
      records: [
        { offsetDelta: 0, timestampDelta: 0, key: enc('k'), value: enc('v1'), headers: [{ key: 'h', value: null }] },
        { offsetDelta: 1, timestampDelta: 2, key: null, value: enc('v2'), headers: [] },
      ],
    }
    const decoded = await decodeBatch(new Decoder(Buffer.from(encodeBatches([batch]))))
    expect(decoded.records.map((r) => [r.offset, r.key?.toString() ?? null, r.value?.toString() ?? null])).toEqual([['120', 'k', 'v1'], ['121', null, 'v2']])
  })

  test('a changed byte fails the CRC32C; a compressed batch is refused by name', async () => {
    const bytes = new Uint8Array(await kafkajsBatch())
    const bad = bytes.slice()
    bad[bad.length - 2] ^= 0xff
    expect(() => readBatches(bad)).toThrow(BatchError)
    expect(() => readBatches(bad)).toThrow(/CRC32C/)
    const gzip = bytes.slice()
    gzip[22] |= 1 // the attributes' low byte: codec 1 (gzip)
    const crc = crc32c(gzip.subarray(21))
    new DataView(gzip.buffer).setUint32(17, crc)
    expect(() => readBatches(gzip)).toThrow(expect.objectContaining({ error: 'UNSUPPORTED_COMPRESSION_TYPE' }))
    expect(() => readBatches(bytes.subarray(0, 30))).toThrow(expect.objectContaining({ error: 'CORRUPT_MESSAGE' }))
  })

  test('CRC32C: the Castagnoli check value', () => {
    expect(crc32c(enc('123456789'))).toBe(0xe3069283)
  })
})
