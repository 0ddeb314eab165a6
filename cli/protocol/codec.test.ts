/**
 * The codec on its own: the flexible versions' compact lengths and tagged fields byte by byte,
 * every API in every version it serves written and read back, and arbitrary bytes that never make
 * it throw anything but ProtocolError.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { APIS, apiByName, decodeRequest, decodeResponse, encodeRequest, encodeResponse } from './apis.ts'
import { decodeMessage, encodeMessage, inRange, ProtocolError, type Struct } from './codec.ts'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('flexible versions (KIP-482)', () => {
  test('ApiVersionsRequest v3: compact strings and an empty tagged-field section', () => {
    const api = apiByName('ApiVersions')
    const body = encodeMessage(api.request, 3, { ClientSoftwareName: 'kcat', ClientSoftwareVersion: '1.7.1' })
    expect(hex(body)).toBe('05' + hex(Buffer.from('kcat')) + '06' + hex(Buffer.from('1.7.1')) + '00')
    expect(decodeMessage(api.request, 3, body)).toEqual({ ClientSoftwareName: 'kcat', ClientSoftwareVersion: '1.7.1' })
  })

  test('ApiVersionsResponse v3: a tagged field is written only when it differs from its default', () => {
    const api = apiByName('ApiVersions')
    const plain = { ErrorCode: 0, ApiKeys: [{ ApiKey: 0, MinVersion: 3, MaxVersion: 11 }], ThrottleTimeMs: 0, SupportedFeatures: [], FinalizedFeaturesEpoch: -1, FinalizedFeatures: [], ZkMigrationReady: false }
    const bytes = encodeMessage(api.response, 3, plain)
    // error 0000, one api (compact 02): key 0000, min 0003, max 000b, no tags 00; throttle 00000000; no tags 00
    expect(hex(bytes)).toBe('0000' + '02' + '0000' + '0003' + '000b' + '00' + '00000000' + '00')
    const tagged = encodeMessage(api.response, 3, { ...plain, FinalizedFeaturesEpoch: 7 })
    // one tagged field: tag 1 (FinalizedFeaturesEpoch), 8 bytes
    expect(hex(tagged).endsWith('01' + '01' + '08' + '0000000000000007')).toBe(true)
    expect(decodeMessage(api.response, 3, tagged).FinalizedFeaturesEpoch).toBe(7)
  })

  test('the request header of a flexible request is version 2 (tagged fields), its ClientId never compact', () => {
    const api = apiByName('Metadata')
    const frame = encodeRequest(api, 12, { correlationId: 9, clientId: 'rdkafka' }, { Topics: null, AllowAutoTopicCreation: false, IncludeTopicAuthorizedOperations: false })
    // size, key 0003, version 000c, correlation 00000009, client id int16 0007 'rdkafka', header tags 00
    expect(hex(frame.subarray(4, 22))).toBe('0003' + '000c' + '00000009' + '0007' + hex(Buffer.from('rdkafka')) + '00')
    const decoded = decodeRequest(frame.subarray(4))
    expect(decoded.kind === 'request' && decoded.head).toEqual({ apiKey: 3, apiVersion: 12, correlationId: 9, clientId: 'rdkafka' })
    expect(decoded.kind === 'request' && decoded.body.Topics).toBeNull()
  })
})

describe('every API in every version', () => {
  for (const api of APIS.values()) {
    test(`${api.name} v${api.minVersion}..v${api.maxVersion}: defaults written and read back, requests and responses`, () => {
      for (let v = api.minVersion; v <= api.maxVersion; v++) {
        const req = decodeMessage(api.request, v, encodeMessage(api.request, v, {}))
        expect(decodeMessage(api.request, v, encodeMessage(api.request, v, req))).toEqual(req)
        const frame = encodeResponse(api, v, 41, {})
        const { correlationId, body } = decodeResponse(api, v, frame)
        expect(correlationId).toBe(41)
        expect(decodeResponse(api, v, encodeResponse(api, v, 41, body)).body).toEqual(body)
        expect(inRange(api.request.validVersions, v)).toBe(true)
      }
    })
  }
})

describe('malformed input', () => {
  test('a truncated request is a ProtocolError', () => {
    const api = apiByName('Produce')
    const frame = encodeRequest(api, 7, { correlationId: 1, clientId: 'x' }, { Acks: -1, TimeoutMs: 30000, TopicData: [{ Name: 'orders', PartitionData: [{ Index: 0, Records: new Uint8Array(10) }] }] } as Struct)
    for (let n = 0; n < frame.length - 4; n++) expect(() => decodeRequest(frame.subarray(4, 4 + n))).toThrow(ProtocolError)
  })

  test('arbitrary bytes: a decoded request, an unsupported one, or a ProtocolError; nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 20 }), (tail, key, version) => {
        const head = new Uint8Array([0, key, 0, version, 0, 0, 0, 1])
        const frame = new Uint8Array([...head, ...tail])
        try {
          const d = decodeRequest(frame)
          expect(['request', 'unsupported']).toContain(d.kind)
        } catch (e) {
          if (!(e instanceof ProtocolError)) throw e
        }
      }),
      { numRuns: 3000, seed: 20261207 },
    )
  })

  test('a huge length inside a frame is refused, not allocated', () => {
    const api = apiByName('Metadata')
    const frame = encodeRequest(api, 4, { correlationId: 1, clientId: 'x' }, { Topics: [{ Name: 'a' }] } as Struct)
    const bad = frame.slice(4)
    // the topics array's int32 count, after the header (2+2+4+2+1 = 11 bytes)
    new DataView(bad.buffer).setInt32(11, 0x7fffffff)
    expect(() => decodeRequest(bad)).toThrow(ProtocolError)
  })
})

describe('the writer grows', () => {
  test('values written across the buffer growing land where they belong', () => {
    const api = apiByName('Metadata')
    const topics = Array.from({ length: 200 }, (_, i) => ({ Name: `topic-${i}-${'x'.repeat(i % 17)}` }))
    const bytes = encodeMessage(api.request, 4, { Topics: topics, AllowAutoTopicCreation: true } as Struct)
    expect(bytes.length).toBeGreaterThan(2048)
    expect((decodeMessage(api.request, 4, bytes).Topics as Struct[]).map((t) => t.Name)).toEqual(topics.map((t) => t.Name))
  })
})
