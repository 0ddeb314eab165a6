/**
 * Kafka's wire protocol, read and written from Kafka's own message definitions (the JSON files in
 * ./messages, copied from Kafka's clients/src/main/resources/common/message by
 * scripts/import-kafka-messages.mjs) instead of a codec written by hand per API and version.
 *
 * Follows Kafka's MessageGenerator rules (generator/src/main/java/org/apache/kafka/message):
 * - a field exists in the versions its `versions` range names; a missing field reads as its default;
 * - in a message's flexible versions (KIP-482) strings, bytes, records and arrays carry an unsigned
 *   varint length plus one (0: null), every struct ends with tagged fields, and a field with
 *   `taggedVersions` is written as a tagged field, only when it differs from its default; unknown
 *   tags are skipped; otherwise lengths are int16 (strings) or int32 (bytes, arrays), -1 for null;
 * - a field may narrow the flexible versions (`flexibleVersions: "none"`: the request header's ClientId).
 * Values are plain objects keyed by Kafka's field names (`{ ErrorCode: 0, ApiKeys: [...] }`); int64
 * becomes a number (exact up to 2^53), uuid Kafka's base64 text, bytes and records a Uint8Array.
 * Malformed input (truncated, a negative or oversized length) throws ProtocolError, never anything else.
 */
import { topicIdBytes, topicIdFromBytes } from '../../sim/index.ts'

export interface FieldSpec {
  name: string
  type: string
  versions: string
  nullableVersions?: string
  taggedVersions?: string
  tag?: number
  flexibleVersions?: string
  default?: string | number | boolean
  fields?: FieldSpec[]
}

export interface MessageSpec {
  name: string
  type: 'request' | 'response' | 'header' | 'data'
  apiKey?: number
  validVersions: string
  flexibleVersions: string
  fields: FieldSpec[]
  commonStructs?: { name: string; versions: string; fields: FieldSpec[] }[]
}

export type Value = null | boolean | number | string | Uint8Array | Value[] | { [field: string]: Value }
export type Struct = { [field: string]: Value }

export class ProtocolError extends Error {}

/** A version range as the definitions write it: "0+", "3-5", "7", "none". */
export function inRange(range: string | undefined, v: number): boolean {
  if (range === undefined || range === 'none') return false
  const plus = /^(\d+)\+$/.exec(range)
  if (plus) return v >= Number(plus[1])
  const span = /^(\d+)-(\d+)$/.exec(range)
  if (span) return v >= Number(span[1]) && v <= Number(span[2])
  if (/^\d+$/.test(range)) return v === Number(range)
  throw new ProtocolError(`bad version range ${range}`)
}

/** The lowest and highest version a range names ("0-11" → [0, 11]). */
export function versionBounds(range: string): [number, number] {
  const plus = /^(\d+)\+$/.exec(range)
  if (plus) return [Number(plus[1]), Number(plus[1])]
  const span = /^(\d+)-(\d+)$/.exec(range)
  if (span) return [Number(span[1]), Number(span[2])]
  return [Number(range), Number(range)]
}

// ------------------------------------------------------------------ bytes

/** Reads from one buffer, failing with ProtocolError past its end. */
export class Reader {
  private readonly view: DataView
  offset = 0
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  get remaining(): number {
    return this.bytes.byteLength - this.offset
  }
  private need(n: number): number {
    if (n < 0 || this.offset + n > this.bytes.byteLength) throw new ProtocolError(`truncated: needs ${n} more bytes at ${this.offset}, has ${this.remaining}`)
    const at = this.offset
    this.offset += n
    return at
  }
  int8 = () => this.view.getInt8(this.need(1))
  uint8 = () => this.view.getUint8(this.need(1))
  int16 = () => this.view.getInt16(this.need(2))
  uint16 = () => this.view.getUint16(this.need(2))
  int32 = () => this.view.getInt32(this.need(4))
  uint32 = () => this.view.getUint32(this.need(4))
  int64 = () => Number(this.view.getBigInt64(this.need(8)))
  float64 = () => this.view.getFloat64(this.need(8))
  raw = (n: number) => {
    const at = this.need(n)
    return this.bytes.subarray(at, at + n)
  }
  uvarint(): number {
    let value = 0
    for (let shift = 0; shift <= 28; shift += 7) {
      const b = this.uint8()
      value += (b & 0x7f) * 2 ** shift
      if ((b & 0x80) === 0) return value
    }
    throw new ProtocolError('varint longer than 5 bytes')
  }
  varint(): number {
    const u = this.uvarint()
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2
  }
  varlong(): number {
    let value = 0n
    for (let shift = 0n; shift <= 63n; shift += 7n) {
      const b = BigInt(this.uint8())
      value |= (b & 0x7fn) << shift
      if ((b & 0x80n) === 0n) return Number((value >> 1n) ^ -(value & 1n))
    }
    throw new ProtocolError('varlong longer than 10 bytes')
  }
}

/** Writes into a buffer that grows. */
export class Writer {
  private buf = new Uint8Array(256)
  private view = new DataView(this.buf.buffer)
  length = 0
  private room(n: number): number {
    if (this.length + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n))
      next.set(this.buf.subarray(0, this.length))
      this.buf = next
      this.view = new DataView(next.buffer)
    }
    const at = this.length
    this.length += n
    return at
  }
  // (room() first: it may replace the buffer and the view)
  int8 = (v: number) => {
    const at = this.room(1)
    this.view.setInt8(at, v)
  }
  uint8 = (v: number) => {
    const at = this.room(1)
    this.view.setUint8(at, v)
  }
  int16 = (v: number) => {
    const at = this.room(2)
    this.view.setInt16(at, v)
  }
  uint16 = (v: number) => {
    const at = this.room(2)
    this.view.setUint16(at, v)
  }
  int32 = (v: number) => {
    const at = this.room(4)
    this.view.setInt32(at, v)
  }
  uint32 = (v: number) => {
    const at = this.room(4)
    this.view.setUint32(at, v)
  }
  int64 = (v: number) => {
    const at = this.room(8)
    this.view.setBigInt64(at, BigInt(Math.trunc(v)))
  }
  float64 = (v: number) => {
    const at = this.room(8)
    this.view.setFloat64(at, v)
  }
  raw = (b: Uint8Array) => {
    const at = this.room(b.length)
    this.buf.set(b, at)
  }
  uvarint(v: number): void {
    let x = v
    while (x >= 0x80) {
      this.uint8((x % 0x80) | 0x80)
      x = Math.floor(x / 0x80)
    }
    this.uint8(x)
  }
  varint(v: number): void {
    this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1)
  }
  varlong(v: number): void {
    let x = BigInt(v)
    x = (x << 1n) ^ (x >> 63n)
    x = BigInt.asUintN(64, x)
    while (x >= 0x80n) {
      this.uint8(Number(x & 0x7fn) | 0x80)
      x >>= 7n
    }
    this.uint8(Number(x))
  }
  /** Overwrite an int32 written earlier (a length or a CRC). */
  setInt32(at: number, v: number): void {
    this.view.setInt32(at, v)
  }
  setUint32(at: number, v: number): void {
    this.view.setUint32(at, v)
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length)
  }
  written(): Uint8Array {
    return this.buf.subarray(0, this.length)
  }
}

// ------------------------------------------------------------------ uuid

/** Kafka's Uuid as text (Uuid.toString: URL-safe base64 of the 16 bytes), as sim/ spells topic ids. */
function uuidBytes(text: string): Uint8Array {
  try {
    return topicIdBytes(text)
  } catch (e) {
    throw new ProtocolError(e instanceof Error ? e.message : String(e))
  }
}

export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA'

// ------------------------------------------------------------------ fields

const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder('utf-8', { fatal: false })

interface Ctx {
  spec: MessageSpec
  version: number
  flexible: boolean
}

function structFields(ctx: Ctx, f: FieldSpec): FieldSpec[] {
  if (f.fields) return f.fields
  const name = f.type.replace(/^\[\]/, '')
  const common = ctx.spec.commonStructs?.find((s) => s.name === name)
  if (!common) throw new ProtocolError(`${ctx.spec.name}: no struct ${name}`)
  return common.fields
}

function isArray(f: FieldSpec): boolean {
  return f.type.startsWith('[]')
}

const PRIMITIVES = new Set(['bool', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'float64', 'string', 'bytes', 'records', 'uuid'])

function defaultOf(ctx: Ctx, f: FieldSpec): Value {
  const nullable = inRange(f.nullableVersions, ctx.version)
  if (f.default === 'null' && nullable) return null
  if (isArray(f)) return []
  switch (f.type) {
    case 'bool':
      return f.default === true || f.default === 'true'
    case 'string':
      return f.default !== undefined ? String(f.default) : ''
    case 'bytes':
    case 'records':
      return nullable ? null : new Uint8Array(0)
    case 'uuid':
      return ZERO_UUID
    case 'int8':
    case 'int16':
    case 'uint16':
    case 'int32':
    case 'uint32':
    case 'int64':
    case 'float64':
      return f.default !== undefined ? Number(f.default) : 0
  }
  // a struct: its fields' defaults
  return defaults(ctx, structFields(ctx, f))
}

function defaults(ctx: Ctx, fields: FieldSpec[]): Struct {
  const out: Struct = {}
  for (const f of fields) out[f.name] = defaultOf(ctx, f)
  return out
}

function flexibleFor(ctx: Ctx, f: FieldSpec): boolean {
  return f.flexibleVersions !== undefined ? inRange(f.flexibleVersions, ctx.version) : ctx.flexible
}

function readLength(r: Reader, flexible: boolean, wide: boolean): number {
  if (flexible) return r.uvarint() - 1
  return wide ? r.int32() : r.int16()
}

function readValue(ctx: Ctx, r: Reader, f: FieldSpec): Value {
  const flexible = flexibleFor(ctx, f)
  if (isArray(f)) {
    const n = readLength(r, flexible, true)
    if (n < 0) return null
    if (n > r.remaining) throw new ProtocolError(`${f.name}: ${n} elements, ${r.remaining} bytes left`)
    const element: FieldSpec = { ...f, type: f.type.slice(2) }
    const out: Value[] = []
    for (let i = 0; i < n; i++) out.push(PRIMITIVES.has(element.type) ? readPrimitive(ctx, r, element, flexible) : readStruct(ctx, r, structFields(ctx, f)))
    return out
  }
  if (PRIMITIVES.has(f.type)) return readPrimitive(ctx, r, f, flexible)
  if (inRange(f.nullableVersions, ctx.version) && r.int8() < 0) return null
  return readStruct(ctx, r, structFields(ctx, f))
}

function readPrimitive(ctx: Ctx, r: Reader, f: FieldSpec, flexible: boolean): Value {
  switch (f.type) {
    case 'bool':
      return r.int8() !== 0
    case 'int8':
      return r.int8()
    case 'int16':
      return r.int16()
    case 'uint16':
      return r.uint16()
    case 'int32':
      return r.int32()
    case 'uint32':
      return r.uint32()
    case 'int64':
      return r.int64()
    case 'float64':
      return r.float64()
    case 'uuid':
      return topicIdFromBytes(r.raw(16))
    case 'string': {
      const n = readLength(r, flexible, false)
      if (n < 0) {
        if (!inRange(f.nullableVersions, ctx.version)) throw new ProtocolError(`${f.name} is null`)
        return null
      }
      return fromUtf8.decode(r.raw(n))
    }
    default: {
      // bytes, records
      const n = readLength(r, flexible, true)
      if (n < 0) return null
      return r.raw(n)
    }
  }
}

function readStruct(ctx: Ctx, r: Reader, fields: FieldSpec[]): Struct {
  const out: Struct = {}
  const tagged: FieldSpec[] = []
  for (const f of fields) {
    if (!inRange(f.versions, ctx.version)) {
      out[f.name] = defaultOf(ctx, f)
      continue
    }
    if (ctx.flexible && inRange(f.taggedVersions, ctx.version)) {
      out[f.name] = defaultOf(ctx, f)
      tagged.push(f)
      continue
    }
    out[f.name] = readValue(ctx, r, f)
  }
  if (ctx.flexible) {
    const count = r.uvarint()
    for (let i = 0; i < count; i++) {
      const tag = r.uvarint()
      const size = r.uvarint()
      const data = r.raw(size)
      const f = tagged.find((x) => x.tag === tag)
      if (f) out[f.name] = readValue(ctx, new Reader(data), f)
    }
  }
  return out
}

function writeLength(w: Writer, flexible: boolean, wide: boolean, n: number): void {
  if (flexible) w.uvarint(n + 1)
  else if (wide) w.int32(n)
  else w.int16(n)
}

function writeValue(ctx: Ctx, w: Writer, f: FieldSpec, v: Value): void {
  const flexible = flexibleFor(ctx, f)
  if (isArray(f)) {
    if (v === null) {
      if (!inRange(f.nullableVersions, ctx.version)) throw new ProtocolError(`${f.name} may not be null in version ${ctx.version}`)
      return writeLength(w, flexible, true, -1)
    }
    const list = v as Value[]
    writeLength(w, flexible, true, list.length)
    const element: FieldSpec = { ...f, type: f.type.slice(2) }
    for (const x of list) {
      if (PRIMITIVES.has(element.type)) writePrimitive(ctx, w, element, x, flexible)
      else writeStruct(ctx, w, structFields(ctx, f), x as Struct)
    }
    return
  }
  if (PRIMITIVES.has(f.type)) return writePrimitive(ctx, w, f, v, flexible)
  if (inRange(f.nullableVersions, ctx.version)) {
    if (v === null) return w.int8(-1)
    w.int8(1)
  }
  writeStruct(ctx, w, structFields(ctx, f), (v ?? defaultOf(ctx, f)) as Struct)
}

function writePrimitive(ctx: Ctx, w: Writer, f: FieldSpec, v: Value, flexible: boolean): void {
  switch (f.type) {
    case 'bool':
      return w.int8(v ? 1 : 0)
    case 'int8':
      return w.int8(Number(v))
    case 'int16':
      return w.int16(Number(v))
    case 'uint16':
      return w.uint16(Number(v))
    case 'int32':
      return w.int32(Number(v))
    case 'uint32':
      return w.uint32(Number(v))
    case 'int64':
      return w.int64(Number(v))
    case 'float64':
      return w.float64(Number(v))
    case 'uuid':
      return w.raw(uuidBytes(String(v ?? ZERO_UUID)))
    case 'string': {
      if (v === null) {
        if (!inRange(f.nullableVersions, ctx.version)) throw new ProtocolError(`${f.name} may not be null in version ${ctx.version}`)
        return writeLength(w, flexible, false, -1)
      }
      const b = utf8.encode(String(v))
      writeLength(w, flexible, false, b.length)
      return w.raw(b)
    }
    default: {
      if (v === null) return writeLength(w, flexible, true, -1)
      const b = v as Uint8Array
      writeLength(w, flexible, true, b.length)
      return w.raw(b)
    }
  }
}

function sameAsDefault(ctx: Ctx, f: FieldSpec, v: Value): boolean {
  const d = defaultOf(ctx, f)
  if (v === d) return true
  if (Array.isArray(v)) return Array.isArray(d) && v.length === 0 && d.length === 0
  if (v instanceof Uint8Array) return d instanceof Uint8Array && v.length === 0 && d.length === 0
  return false
}

function writeStruct(ctx: Ctx, w: Writer, fields: FieldSpec[], s: Struct): void {
  const tagged: [FieldSpec, Value][] = []
  for (const f of fields) {
    if (!inRange(f.versions, ctx.version)) continue
    const v = s[f.name] === undefined ? defaultOf(ctx, f) : s[f.name]
    if (ctx.flexible && inRange(f.taggedVersions, ctx.version)) {
      if (!sameAsDefault(ctx, f, v)) tagged.push([f, v])
      continue
    }
    writeValue(ctx, w, f, v)
  }
  if (ctx.flexible) {
    tagged.sort((a, b) => (a[0].tag ?? 0) - (b[0].tag ?? 0))
    w.uvarint(tagged.length)
    for (const [f, v] of tagged) {
      const inner = new Writer()
      writeValue(ctx, inner, f, v)
      w.uvarint(f.tag ?? 0)
      w.uvarint(inner.length)
      w.raw(inner.written())
    }
  }
}

// ------------------------------------------------------------------ messages

function ctxOf(spec: MessageSpec, version: number): Ctx {
  if (!inRange(spec.validVersions, version)) throw new ProtocolError(`${spec.name} has no version ${version} (valid: ${spec.validVersions})`)
  return { spec, version, flexible: inRange(spec.flexibleVersions, version) }
}

export function readMessage(spec: MessageSpec, version: number, r: Reader): Struct {
  return readStruct(ctxOf(spec, version), r, spec.fields)
}

export function writeMessage(spec: MessageSpec, version: number, w: Writer, value: Struct): void {
  writeStruct(ctxOf(spec, version), w, spec.fields, value)
}

export function decodeMessage(spec: MessageSpec, version: number, bytes: Uint8Array): Struct {
  return readMessage(spec, version, new Reader(bytes))
}

export function encodeMessage(spec: MessageSpec, version: number, value: Struct): Uint8Array {
  const w = new Writer()
  writeMessage(spec, version, w, value)
  return w.bytes()
}
