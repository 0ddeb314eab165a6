/**
 * The network side of `kafkascope serve` for one listener: TCP connections carrying Kafka's
 * size-prefixed request frames, answered in order, one request at a time per connection, as a
 * Kafka broker's SocketServer does (it mutes a connection while its request is in flight).
 *
 * Follows SocketServer and KafkaApis where a client can tell:
 * - a frame larger than socket.request.max.bytes (100 MiB), a negative size, or a request that does
 *   not parse closes the connection (InvalidRequestException); nothing is read beyond the limit;
 * - an ApiVersions request in a version kafkascope does not know is answered in version 0 with
 *   UNSUPPORTED_VERSION and the versions it does know, so the client can retry (KIP-511); any
 *   other unknown API key or version closes the connection;
 * - connections beyond the bound are closed at once (max.connections).
 * The handler decides every answer; it may answer nothing (acks=0 Produce); a request it throws
 * on closes its connection.
 */
import { createServer, type Server, type Socket } from 'node:net'
import { APIS, apiByName, decodeRequest, encodeResponse, type Api, type RequestHead } from '../protocol/apis.ts'
import { ProtocolError, type Struct } from '../protocol/codec.ts'

/** socket.request.max.bytes's default */
export const MAX_REQUEST_BYTES = 104857600
/** the connections one listener takes at a time */
export const MAX_CONNECTIONS = 200

/** Kafka's numeric error codes the server itself answers with. */
export const UNSUPPORTED_VERSION = 35

export interface ServedRequest {
  api: Api
  head: RequestHead
  body: Struct
  /** the connection, for the handler's bookkeeping (a client per connection) */
  connection: number
  /** close the connection (the handler's broker went away) */
  close: () => void
}

/** The answer to a request: a body in the request's version, or none (acks=0). */
export type Handler = (req: ServedRequest) => Promise<Struct | null> | Struct | null

export interface FrameServerOptions {
  host: string
  port: number
  handler: Handler
  maxRequestBytes?: number
  maxConnections?: number
  /** told when a connection closes (the handler's client leaves) */
  onClose?: (connection: number) => void
}

export interface FrameServer {
  server: Server
  port: number
  close(): Promise<void>
}

let nextConnection = 1

/** The ApiVersions answer: the APIs served (all kafkascope reads, or `only` these) with the versions it reads. */
export function apiVersionsBody(errorCode = 0, only?: ReadonlySet<string>): Struct {
  return {
    ErrorCode: errorCode,
    ApiKeys: [...APIS.values()].filter((a) => !only || only.has(a.name)).map((a) => ({ ApiKey: a.key, MinVersion: a.minVersion, MaxVersion: a.maxVersion })),
    ThrottleTimeMs: 0,
  }
}

export function startFrameServer(options: FrameServerOptions): Promise<FrameServer> {
  const maxBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES
  const maxConnections = options.maxConnections ?? MAX_CONNECTIONS
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    if (sockets.size >= maxConnections) {
      socket.destroy()
      return
    }
    sockets.add(socket)
    const connection = nextConnection++
    socket.on('close', () => {
      sockets.delete(socket)
      options.onClose?.(connection)
    })
    socket.on('error', () => socket.destroy())
    serveConnection(socket, connection, options.handler, maxBytes)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : options.port
      resolve({
        server,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}

function serveConnection(socket: Socket, connection: number, handler: Handler, maxBytes: number): void {
  let buffered: Buffer[] = []
  let bufferedBytes = 0
  let busy = false
  const queue: Uint8Array[] = []

  const pump = async (): Promise<void> => {
    if (busy) return
    busy = true
    while (queue.length > 0 && !socket.destroyed) {
      const frame = queue.shift()!
      const out = await answer(frame, connection, handler, () => socket.destroy())
      if (out === 'close') {
        socket.destroy()
        break
      }
      if (out !== null) socket.write(out)
    }
    busy = false
  }

  socket.on('data', (chunk: Buffer) => {
    buffered.push(chunk)
    bufferedBytes += chunk.length
    for (;;) {
      if (bufferedBytes < 4) return
      if (buffered[0].length < 4) buffered = [Buffer.concat(buffered)]
      const size = buffered[0].readInt32BE(0)
      if (size < 0 || size > maxBytes) {
        socket.destroy()
        return
      }
      // a frame is copied together once, when all of it is there
      if (bufferedBytes < 4 + size) return
      const all = buffered.length === 1 ? buffered[0] : Buffer.concat(buffered)
      queue.push(new Uint8Array(all.subarray(4, 4 + size)))
      const rest = all.subarray(4 + size)
      buffered = rest.length > 0 ? [rest] : []
      bufferedBytes = rest.length
      void pump()
    }
  })
}

async function answer(frame: Uint8Array, connection: number, handler: Handler, close: () => void): Promise<Uint8Array | null | 'close'> {
  let decoded
  try {
    decoded = decodeRequest(frame)
  } catch (e) {
    if (e instanceof ProtocolError) return 'close'
    throw e
  }
  if (decoded.kind === 'unsupported') {
    if (decoded.head.apiKey !== apiByName('ApiVersions').key) return 'close'
    return encodeResponse(apiByName('ApiVersions'), 0, decoded.head.correlationId, apiVersionsBody(UNSUPPORTED_VERSION))
  }
  let body: Struct | null
  try {
    body = await handler({ api: decoded.api, head: decoded.head, body: decoded.body, connection, close })
  } catch {
    // a request the handler cannot take closes its connection, as Kafka closes one on an unexpected request
    return 'close'
  }
  if (body === null) return null
  try {
    return encodeResponse(decoded.api, decoded.head.apiVersion, decoded.head.correlationId, body)
  } catch {
    // an answer that does not fit the version asked for: the connection closes, the server goes on
    return 'close'
  }
}
