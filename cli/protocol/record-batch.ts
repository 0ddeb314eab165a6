/**
 * Kafka's record batches (magic 2, the format of every client since Kafka 0.11), as the `records`
 * fields of Produce and Fetch carry them: a header with the base offset, the leader epoch, a CRC32C
 * of everything after it, the attributes, the producer id, epoch and base sequence, then records
 * with varint-encoded deltas, keys, values and headers.
 *
 * Follows DefaultRecordBatch and DefaultRecord (clients/src/main/java/org/apache/kafka/common/record):
 * the CRC covers the attributes to the end (Castagnoli polynomial); a record's timestamp and offset
 * are deltas from the batch's. Only uncompressed batches are read (compression.type=none, every
 * client's default); a compressed one is refused with UNSUPPORTED_COMPRESSION_TYPE, as a broker
 * refuses a codec it lacks. A batch that fails its CRC is CORRUPT_MESSAGE.
 */
import { ProtocolError, Reader, Writer } from './codec.ts'

export interface WireHeader {
  key: string
  value: Uint8Array | null
}

export interface WireRecord {
  offsetDelta: number
  timestampDelta: number
  key: Uint8Array | null
  value: Uint8Array | null
  headers: WireHeader[]
}

export interface WireBatch {
  baseOffset: number
  partitionLeaderEpoch: number
  /** bits 0-2 compression, 3 LogAppendTime, 4 transactional, 5 control */
  attributes: number
  lastOffsetDelta: number
  baseTimestamp: number
  maxTimestamp: number
  producerId: number
  producerEpoch: number
  baseSequence: number
  records: WireRecord[]
}

/** Why a batch is refused, by Kafka's error name. */
export class BatchError extends Error {
  constructor(
    readonly error: 'CORRUPT_MESSAGE' | 'UNSUPPORTED_COMPRESSION_TYPE' | 'INVALID_RECORD',
    message: string,
  ) {
    super(message)
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC32C (Castagnoli), as Kafka's Crc32C. */
export function crc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

const MAGIC = 2
/** baseOffset (8) + batchLength (4): what precedes the length-counted part */
const LOG_OVERHEAD = 12
/** partitionLeaderEpoch (4) + magic (1) + crc (4): after the length, before the CRC-covered part */
const CRC_START = LOG_OVERHEAD + 4 + 1 + 4

/** Every batch in a `records` field (a Produce request's, or a Fetch response's). */
export function readBatches(bytes: Uint8Array): WireBatch[] {
  const out: WireBatch[] = []
  let at = 0
  while (at < bytes.length) {
    if (bytes.length - at < LOG_OVERHEAD) throw new BatchError('CORRUPT_MESSAGE', `${bytes.length - at} bytes left, not a batch header`)
    const view = new DataView(bytes.buffer, bytes.byteOffset + at)
    const length = view.getInt32(8)
    if (length < 0 || at + LOG_OVERHEAD + length > bytes.length) throw new BatchError('CORRUPT_MESSAGE', `batch length ${length} past the end`)
    out.push(readBatch(bytes.subarray(at, at + LOG_OVERHEAD + length)))
    at += LOG_OVERHEAD + length
  }
  return out
}

function readBatch(bytes: Uint8Array): WireBatch {
  try {
    const r = new Reader(bytes)
    const baseOffset = r.int64()
    r.int32()
    const partitionLeaderEpoch = r.int32()
    const magic = r.int8()
    if (magic !== MAGIC) throw new BatchError('CORRUPT_MESSAGE', `magic ${magic}: only record batches (magic 2) are read`)
    const crc = r.uint32()
    if (crc32c(bytes.subarray(CRC_START)) !== crc) throw new BatchError('CORRUPT_MESSAGE', 'the batch fails its CRC32C')
    const attributes = r.int16()
    if ((attributes & 7) !== 0) throw new BatchError('UNSUPPORTED_COMPRESSION_TYPE', `compression codec ${attributes & 7}: kafkascope reads uncompressed batches only (compression.type=none)`)
    const batch: WireBatch = {
      baseOffset,
      partitionLeaderEpoch,
      attributes,
      lastOffsetDelta: r.int32(),
      baseTimestamp: r.int64(),
      maxTimestamp: r.int64(),
      producerId: r.int64(),
      producerEpoch: r.int16(),
      baseSequence: r.int32(),
      records: [],
    }
    const count = r.int32()
    if (count < 0 || count > r.remaining) throw new BatchError('CORRUPT_MESSAGE', `${count} records in ${r.remaining} bytes`)
    for (let i = 0; i < count; i++) batch.records.push(readRecord(r))
    if (r.remaining !== 0) throw new BatchError('CORRUPT_MESSAGE', `${r.remaining} bytes after the last record`)
    return batch
  } catch (e) {
    if (e instanceof ProtocolError) throw new BatchError('CORRUPT_MESSAGE', e.message)
    throw e
  }
}

function nullableBytes(r: Reader): Uint8Array | null {
  const n = r.varint()
  return n < 0 ? null : r.raw(n)
}

function readRecord(r: Reader): WireRecord {
  const length = r.varint()
  const end = r.offset + length
  if (length < 0 || end > r.bytes.length) throw new BatchError('CORRUPT_MESSAGE', `record length ${length}`)
  r.int8()
  const timestampDelta = r.varlong()
  const offsetDelta = r.varint()
  const key = nullableBytes(r)
  const value = nullableBytes(r)
  const headers: WireHeader[] = []
  const n = r.varint()
  if (n < 0 || n > end - r.offset) throw new BatchError('CORRUPT_MESSAGE', `${n} headers`)
  for (let i = 0; i < n; i++) {
    const k = nullableBytes(r)
    if (k === null) throw new BatchError('INVALID_RECORD', 'a header without a key')
    headers.push({ key: new TextDecoder().decode(k), value: nullableBytes(r) })
  }
  if (r.offset !== end) throw new BatchError('CORRUPT_MESSAGE', `record length ${length} does not match its fields`)
  return { offsetDelta, timestampDelta, key, value, headers }
}

function writeNullable(w: Writer, b: Uint8Array | null): void {
  if (b === null) return w.varint(-1)
  w.varint(b.length)
  w.raw(b)
}

/** One batch, as a broker writes it into a Fetch response (or a client into a Produce request). */
export function writeBatch(w: Writer, b: WireBatch): void {
  const start = w.length
  w.int64(b.baseOffset)
  w.int32(0)
  w.int32(b.partitionLeaderEpoch)
  w.int8(MAGIC)
  w.uint32(0)
  const crcFrom = w.length
  w.int16(b.attributes)
  w.int32(b.lastOffsetDelta)
  w.int64(b.baseTimestamp)
  w.int64(b.maxTimestamp)
  w.int64(b.producerId)
  w.int16(b.producerEpoch)
  w.int32(b.baseSequence)
  w.int32(b.records.length)
  for (const rec of b.records) {
    const body = new Writer()
    body.int8(0)
    body.varlong(rec.timestampDelta)
    body.varint(rec.offsetDelta)
    writeNullable(body, rec.key)
    writeNullable(body, rec.value)
    body.varint(rec.headers.length)
    for (const h of rec.headers) {
      writeNullable(body, new TextEncoder().encode(h.key))
      writeNullable(body, h.value)
    }
    w.varint(body.length)
    w.raw(body.written())
  }
  const bytes = w.written()
  w.setInt32(start + 8, w.length - start - LOG_OVERHEAD)
  w.setUint32(crcFrom - 4, crc32c(bytes.subarray(crcFrom)))
}

export function encodeBatches(batches: WireBatch[]): Uint8Array {
  const w = new Writer()
  for (const b of batches) writeBatch(w, b)
  return w.bytes()
}
