/**
 * The listener of `kafkascope serve` with bad and good input: requests answered in order, an
 * ApiVersions in an unknown version answered with UNSUPPORTED_VERSION and the versions served,
 * malformed and oversized frames closing only their connection, random bytes never stopping the
 * server, and the connection bound.
 */
import { connect, type Socket } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiByName, decodeResponse, encodeRequest } from '../protocol/apis.ts'
import type { Struct } from '../protocol/codec.ts'
import { apiVersionsBody, startFrameServer, UNSUPPORTED_VERSION, type FrameServer } from './frame-server.ts'

let server: FrameServer
const closed: number[] = []

beforeAll(async () => {
  server = await startFrameServer({
    host: '127.0.0.1',
    port: 0,
    maxRequestBytes: 1 << 20,
    maxConnections: 8,
    onClose: (c) => closed.push(c),
    handler: async (req) => {
      if (req.api.name === 'ApiVersions') return apiVersionsBody()
      if (req.api.name === 'Heartbeat') {
        // a slow answer: the next request on the connection waits for it
        await new Promise((r) => setTimeout(r, 30))
        return { ThrottleTimeMs: 0, ErrorCode: 0 }
      }
      if (req.api.name === 'Produce') return null
      return { ThrottleTimeMs: 0, ErrorCode: 0 }
    },
  })
})
afterAll(() => server.close())

/** A client connection that collects whole response frames. */
function client(): Promise<{ socket: Socket; frames: Uint8Array[]; next: () => Promise<Uint8Array>; closedP: Promise<void> }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1', () => resolve({ socket, frames, next, closedP }))
    const frames: Uint8Array[] = []
    const waiting: ((f: Uint8Array) => void)[] = []
    let buf = Buffer.alloc(0)
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d])
      while (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
        const f = new Uint8Array(buf.subarray(0, 4 + buf.readInt32BE(0)))
        buf = buf.subarray(f.length)
        const w = waiting.shift()
        if (w) w(f)
        else frames.push(f)
      }
    })
    const next = () => (frames.length > 0 ? Promise.resolve(frames.shift()!) : new Promise<Uint8Array>((r) => waiting.push(r)))
    const closedP = new Promise<void>((r) => socket.on('close', () => r()))
    socket.on('error', () => {})
  })
}

const request = (name: string, version: number, corr: number, body: Struct = {}) => encodeRequest(apiByName(name), version, { correlationId: corr, clientId: 'test' }, body)

describe('frame server', () => {
  test('answers in order, one request at a time: a slow Heartbeat before a fast ApiVersions', async () => {
    const c = await client()
    c.socket.write(Buffer.concat([request('Heartbeat', 3, 1, { GroupId: 'g', GenerationId: 1, MemberId: 'm' }), request('ApiVersions', 2, 2)]))
    const first = decodeResponse(apiByName('Heartbeat'), 3, await c.next())
    const second = decodeResponse(apiByName('ApiVersions'), 2, await c.next())
    expect([first.correlationId, second.correlationId]).toEqual([1, 2])
    expect((second.body.ApiKeys as Struct[]).find((k) => k.ApiKey === 0)).toMatchObject({ MinVersion: 0, MaxVersion: apiByName('Produce').maxVersion })
    c.socket.destroy()
  })

  test('a request split over many writes is read whole; acks=0 Produce gets no answer', async () => {
    const c = await client()
    const bytes = Buffer.concat([request('Produce', 7, 5, { Acks: 0, TimeoutMs: 100, TopicData: [] }), request('ApiVersions', 0, 6)])
    for (let i = 0; i < bytes.length; i += 3) c.socket.write(bytes.subarray(i, i + 3))
    const { correlationId } = decodeResponse(apiByName('ApiVersions'), 0, await c.next())
    expect(correlationId).toBe(6)
    c.socket.destroy()
  })

  test('ApiVersions in a version it does not know: version 0, UNSUPPORTED_VERSION, and the versions it serves (KIP-511)', async () => {
    const c = await client()
    const frame = Buffer.from(request('ApiVersions', 3, 9, { ClientSoftwareName: 'x', ClientSoftwareVersion: '1' }))
    frame.writeInt16BE(99, 6) // the request's version
    c.socket.write(frame)
    const { correlationId, body } = decodeResponse(apiByName('ApiVersions'), 0, await c.next())
    expect(correlationId).toBe(9)
    expect(body.ErrorCode).toBe(UNSUPPORTED_VERSION)
    expect((body.ApiKeys as Struct[]).length).toBeGreaterThan(10)
    c.socket.destroy()
  })

  test('an unknown API key, a malformed body and an oversized frame close their connection only', async () => {
    const unknown = await client()
    const frame = Buffer.from(request('ApiVersions', 0, 1))
    frame.writeInt16BE(999, 4)
    unknown.socket.write(frame)
    await unknown.closedP
    const truncated = await client()
    const t = Buffer.from(request('Heartbeat', 3, 1, { GroupId: 'group', GenerationId: 1, MemberId: 'm' }))
    t.writeInt32BE(t.length - 4 - 3, 0)
    truncated.socket.write(t.subarray(0, t.length - 3))
    await truncated.closedP
    const huge = await client()
    const h = Buffer.alloc(8)
    h.writeInt32BE(0x7fffffff, 0)
    huge.socket.write(h)
    await huge.closedP
    // the server still answers
    const ok = await client()
    ok.socket.write(request('ApiVersions', 1, 3))
    expect(decodeResponse(apiByName('ApiVersions'), 1, await ok.next()).correlationId).toBe(3)
    ok.socket.destroy()
  })

  test('random bytes never stop the server', async () => {
    const samples = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 200 }), { numRuns: 60, seed: 20261207 })
    for (const bytes of samples) {
      const c = await client()
      const size = Buffer.alloc(4)
      size.writeInt32BE(bytes.length, 0)
      c.socket.write(Buffer.concat([size, bytes]))
      c.socket.end()
      await c.closedP
    }
    const ok = await client()
    ok.socket.write(request('ApiVersions', 2, 4))
    expect(decodeResponse(apiByName('ApiVersions'), 2, await ok.next()).correlationId).toBe(4)
    ok.socket.destroy()
  })

  test('connections beyond the bound are closed at once; the others keep working', async () => {
    const open = await Promise.all(Array.from({ length: 8 }, () => client()))
    const extra = await client()
    await extra.closedP
    open[0].socket.write(request('ApiVersions', 2, 8))
    expect(decodeResponse(apiByName('ApiVersions'), 2, await open[0].next()).correlationId).toBe(8)
    for (const c of open) c.socket.destroy()
    await Promise.all(open.map((c) => c.closedP))
    expect(closed.length).toBeGreaterThan(8)
  })
})
