/**
 * The Kafka APIs `kafkascope serve` speaks, by API key, with their message definitions, and the
 * framing around them: a request is an int32 size, a request header and the body; a response an
 * int32 size, a response header and the body.
 *
 * Follows Kafka's ApiMessageType.requestHeaderVersion / responseHeaderVersion: a request in a
 * flexible version has header version 2 (tagged fields), otherwise 1; a response in a flexible
 * version has header version 1, otherwise 0, except ApiVersionsResponse, always 0, so a client
 * can read it whatever version it asked for. An unknown API key or an unsupported version is
 * reported as such (UnsupportedRequest), so the server can answer as Kafka does.
 */
import { decodeMessage, inRange, ProtocolError, Reader, versionBounds, Writer, writeMessage, readMessage, type MessageSpec, type Struct } from './codec.ts'
import RequestHeader from './messages/RequestHeader.json' with { type: 'json' }
import ResponseHeader from './messages/ResponseHeader.json' with { type: 'json' }
import ApiVersionsRequest from './messages/ApiVersionsRequest.json' with { type: 'json' }
import ApiVersionsResponse from './messages/ApiVersionsResponse.json' with { type: 'json' }
import MetadataRequest from './messages/MetadataRequest.json' with { type: 'json' }
import MetadataResponse from './messages/MetadataResponse.json' with { type: 'json' }
import ProduceRequest from './messages/ProduceRequest.json' with { type: 'json' }
import ProduceResponse from './messages/ProduceResponse.json' with { type: 'json' }
import FetchRequest from './messages/FetchRequest.json' with { type: 'json' }
import FetchResponse from './messages/FetchResponse.json' with { type: 'json' }
import ListOffsetsRequest from './messages/ListOffsetsRequest.json' with { type: 'json' }
import ListOffsetsResponse from './messages/ListOffsetsResponse.json' with { type: 'json' }
import OffsetForLeaderEpochRequest from './messages/OffsetForLeaderEpochRequest.json' with { type: 'json' }
import OffsetForLeaderEpochResponse from './messages/OffsetForLeaderEpochResponse.json' with { type: 'json' }
import FindCoordinatorRequest from './messages/FindCoordinatorRequest.json' with { type: 'json' }
import FindCoordinatorResponse from './messages/FindCoordinatorResponse.json' with { type: 'json' }
import JoinGroupRequest from './messages/JoinGroupRequest.json' with { type: 'json' }
import JoinGroupResponse from './messages/JoinGroupResponse.json' with { type: 'json' }
import SyncGroupRequest from './messages/SyncGroupRequest.json' with { type: 'json' }
import SyncGroupResponse from './messages/SyncGroupResponse.json' with { type: 'json' }
import HeartbeatRequest from './messages/HeartbeatRequest.json' with { type: 'json' }
import HeartbeatResponse from './messages/HeartbeatResponse.json' with { type: 'json' }
import LeaveGroupRequest from './messages/LeaveGroupRequest.json' with { type: 'json' }
import LeaveGroupResponse from './messages/LeaveGroupResponse.json' with { type: 'json' }
import OffsetCommitRequest from './messages/OffsetCommitRequest.json' with { type: 'json' }
import OffsetCommitResponse from './messages/OffsetCommitResponse.json' with { type: 'json' }
import OffsetFetchRequest from './messages/OffsetFetchRequest.json' with { type: 'json' }
import OffsetFetchResponse from './messages/OffsetFetchResponse.json' with { type: 'json' }
import InitProducerIdRequest from './messages/InitProducerIdRequest.json' with { type: 'json' }
import InitProducerIdResponse from './messages/InitProducerIdResponse.json' with { type: 'json' }
import CreateTopicsRequest from './messages/CreateTopicsRequest.json' with { type: 'json' }
import CreateTopicsResponse from './messages/CreateTopicsResponse.json' with { type: 'json' }
import DeleteTopicsRequest from './messages/DeleteTopicsRequest.json' with { type: 'json' }
import DeleteTopicsResponse from './messages/DeleteTopicsResponse.json' with { type: 'json' }
import DescribeConfigsRequest from './messages/DescribeConfigsRequest.json' with { type: 'json' }
import DescribeConfigsResponse from './messages/DescribeConfigsResponse.json' with { type: 'json' }
import DescribeClusterRequest from './messages/DescribeClusterRequest.json' with { type: 'json' }
import DescribeClusterResponse from './messages/DescribeClusterResponse.json' with { type: 'json' }
import DescribeGroupsRequest from './messages/DescribeGroupsRequest.json' with { type: 'json' }
import DescribeGroupsResponse from './messages/DescribeGroupsResponse.json' with { type: 'json' }
import ListGroupsRequest from './messages/ListGroupsRequest.json' with { type: 'json' }
import ListGroupsResponse from './messages/ListGroupsResponse.json' with { type: 'json' }
import ConsumerGroupHeartbeatRequest from './messages/ConsumerGroupHeartbeatRequest.json' with { type: 'json' }
import ConsumerGroupHeartbeatResponse from './messages/ConsumerGroupHeartbeatResponse.json' with { type: 'json' }

export interface Api {
  key: number
  /** Kafka's name, e.g. "Produce" */
  name: string
  request: MessageSpec
  response: MessageSpec
  /** the versions kafkascope answers: the definitions' valid versions */
  minVersion: number
  maxVersion: number
}

const PAIRS: [unknown, unknown][] = [
  [ProduceRequest, ProduceResponse],
  [FetchRequest, FetchResponse],
  [ListOffsetsRequest, ListOffsetsResponse],
  [MetadataRequest, MetadataResponse],
  [OffsetCommitRequest, OffsetCommitResponse],
  [OffsetFetchRequest, OffsetFetchResponse],
  [FindCoordinatorRequest, FindCoordinatorResponse],
  [JoinGroupRequest, JoinGroupResponse],
  [HeartbeatRequest, HeartbeatResponse],
  [LeaveGroupRequest, LeaveGroupResponse],
  [SyncGroupRequest, SyncGroupResponse],
  [DescribeGroupsRequest, DescribeGroupsResponse],
  [ListGroupsRequest, ListGroupsResponse],
  [ApiVersionsRequest, ApiVersionsResponse],
  [CreateTopicsRequest, CreateTopicsResponse],
  [DeleteTopicsRequest, DeleteTopicsResponse],
  [InitProducerIdRequest, InitProducerIdResponse],
  [OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse],
  [DescribeConfigsRequest, DescribeConfigsResponse],
  [DescribeClusterRequest, DescribeClusterResponse],
  [ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse],
]

/** Every API, by key. */
export const APIS: ReadonlyMap<number, Api> = new Map(
  PAIRS.map(([req, res]) => {
    const request = req as MessageSpec
    const response = res as MessageSpec
    const [minVersion] = versionBounds(request.validVersions)
    const [, maxVersion] = versionBounds(request.validVersions)
    return [request.apiKey!, { key: request.apiKey!, name: request.name.replace(/Request$/, ''), request, response, minVersion, maxVersion }]
  }),
)

export function apiByName(name: string): Api {
  for (const api of APIS.values()) if (api.name === name) return api
  throw new Error(`kafkascope: no API ${name}`)
}

const REQUEST_HEADER = RequestHeader as MessageSpec
const RESPONSE_HEADER = ResponseHeader as MessageSpec
const API_VERSIONS_KEY = 18

function requestHeaderVersion(api: Api, version: number): number {
  return inRange(api.request.flexibleVersions, version) ? 2 : 1
}

function responseHeaderVersion(api: Api, version: number): number {
  if (api.key === API_VERSIONS_KEY) return 0
  return inRange(api.response.flexibleVersions, version) ? 1 : 0
}

export interface RequestHead {
  apiKey: number
  apiVersion: number
  correlationId: number
  clientId: string | null
}

export type DecodedRequest =
  | { kind: 'request'; api: Api; head: RequestHead; body: Struct }
  /** a key kafkascope does not speak, or a version outside what it advertises: answered with UNSUPPORTED_VERSION or closed */
  | { kind: 'unsupported'; head: RequestHead; api: Api | undefined }

/**
 * One request (the bytes after the int32 size). Throws ProtocolError when the frame is malformed
 * (the connection is then closed, as Kafka closes it).
 */
export function decodeRequest(frame: Uint8Array): DecodedRequest {
  const r = new Reader(frame)
  const apiKey = r.int16()
  const apiVersion = r.int16()
  const correlationId = r.int32()
  const api = APIS.get(apiKey)
  if (!api || apiVersion < api.minVersion || apiVersion > api.maxVersion) {
    // the client id is readable whatever the version (RequestHeader's ClientId is never flexible)
    const clientId = r.remaining >= 2 ? readClientId(r) : null
    return { kind: 'unsupported', head: { apiKey, apiVersion, correlationId, clientId }, api }
  }
  r.offset = 0
  const head = readMessage(REQUEST_HEADER, requestHeaderVersion(api, apiVersion), r)
  const body = readMessage(api.request, apiVersion, r)
  return { kind: 'request', api, head: { apiKey, apiVersion, correlationId, clientId: head.ClientId as string | null }, body }
}

function readClientId(r: Reader): string | null {
  const n = r.int16()
  if (n < 0) return null
  return new TextDecoder().decode(r.raw(n))
}

/** A response frame, size prefix included. */
export function encodeResponse(api: Api, version: number, correlationId: number, body: Struct): Uint8Array {
  const w = new Writer()
  w.int32(0)
  writeMessage(RESPONSE_HEADER, responseHeaderVersion(api, version), w, { CorrelationId: correlationId })
  writeMessage(api.response, version, w, body)
  w.setInt32(0, w.length - 4)
  return w.bytes()
}

/** A request frame, size prefix included (what a client sends; for tests and the frame fuzz). */
export function encodeRequest(api: Api, version: number, head: { correlationId: number; clientId: string | null }, body: Struct): Uint8Array {
  const w = new Writer()
  w.int32(0)
  writeMessage(REQUEST_HEADER, requestHeaderVersion(api, version), w, { RequestApiKey: api.key, RequestApiVersion: version, CorrelationId: head.correlationId, ClientId: head.clientId })
  writeMessage(api.request, version, w, body)
  w.setInt32(0, w.length - 4)
  return w.bytes()
}

/** A response body, from its frame (size prefix included), as a client reads it. */
export function decodeResponse(api: Api, version: number, frame: Uint8Array): { correlationId: number; body: Struct } {
  const r = new Reader(frame)
  const size = r.int32()
  if (size !== frame.length - 4) throw new ProtocolError(`frame size ${size}, ${frame.length - 4} bytes follow`)
  const head = readMessage(RESPONSE_HEADER, responseHeaderVersion(api, version), r)
  const body = readMessage(api.response, version, r)
  return { correlationId: head.CorrelationId as number, body }
}

export { decodeMessage }
