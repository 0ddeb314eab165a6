/**
 * Between Kafka's wire messages and the simulation's: a decoded request becomes the simulation's
 * ClientRequest (record batches unpacked into records with their bytes as base64), and the
 * simulated broker's answer becomes the response body in the version the client asked for.
 *
 * Follows the response fields Kafka's brokers fill (KafkaApis.handleTopicMetadataRequest,
 * handleProduceRequest, handleFetchRequest, handleListOffsetRequest): every broker is advertised at
 * 127.0.0.1 with its own port; in KRaft a client cannot reach the controller, so Metadata's
 * ControllerId is a live broker (the lowest id, where Kafka picks one at random); LastStableOffset
 * is the high watermark (no transactions); a v0 ListOffsets answers with OldStyleOffsets.
 */
import type { ClientRecord, ClientRequest, Msg, Simulation } from '../../sim/index.ts'
import { batchRecordBytes } from '../../sim/index.ts'
import { ZERO_UUID, type Struct, type Value } from '../protocol/codec.ts'
import { errorCode } from '../protocol/errors.ts'
import { BatchError, encodeBatches, readBatches, type WireBatch } from '../protocol/record-batch.ts'
import { GROUP_APIS, translateGroupRequest, translateGroupResponse } from './convert-groups.ts'
import { byTopic, fromBase64, RefusedRequest, toBase64, wireTopicId, wireTp, type Endpoints, type FailedPartition, type Translated } from './translation.ts'

export { RefusedRequest, type Endpoints, type Translated } from './translation.ts'

const orNull = <A, B>(f: (a: A) => B) => (a: A | null) => (a === null ? null : f(a))
const toBase64OrNull = orNull(toBase64)
const fromBase64OrNull = orNull(fromBase64)

const ACKS: Readonly<Record<string, 'all' | '0' | '1'>> = { '-1': 'all', '0': '0', '1': '1' }

function recordsOf(b: WireBatch, epochMs: number): ClientRecord[] {
  return b.records.map((r) => ({
    key: toBase64OrNull(r.key),
    value: toBase64OrNull(r.value),
    headers: r.headers.map((h): [string, string | null] => [h.key, toBase64OrNull(h.value)]),
    timestampMs: Math.max(0, b.baseTimestamp + r.timestampDelta - epochMs),
  }))
}

/** The request as the simulation takes it. */
export function translateRequest(api: string, version: number, body: Struct, epochMs: number, topicOf: (topicId: string) => string | null = () => null): Translated {
  if (GROUP_APIS.has(api)) return translateGroupRequest(api, version, body)
  switch (api) {
    case 'InitProducerId':
      // transactions are not modelled: a transactional producer is refused, an idempotent one gets its id
      if (body.TransactionalId !== null) return { answer: { ThrottleTimeMs: 0, ErrorCode: errorCode('INVALID_REQUEST'), ProducerId: -1, ProducerEpoch: -1 } }
      return { requests: [{ api: 'InitProducerId' }] }
    case 'OffsetForLeaderEpoch':
      return {
        requests: (body.Topics as Struct[]).flatMap((t) =>
          (t.Partitions as Struct[]).map((p): ClientRequest => ({ api: 'OffsetForLeaderEpoch', tp: wireTp(t.Topic, p.Partition), currentLeaderEpoch: Number(p.CurrentLeaderEpoch ?? -1), leaderEpoch: Number(p.LeaderEpoch) })),
        ),
      }
    case 'Metadata': {
      const topics = body.Topics as Struct[] | null
      // before v4 every Metadata request may create topics (MetadataRequest.allowAutoTopicCreation)
      const allow = version < 4 || body.AllowAutoTopicCreation === true
      return { requests: [{ api: 'Metadata', topics: topics === null || (version === 0 && topics.length === 0) ? null : topics.map((t) => String(t.Name)), ...(allow ? { allowAutoTopicCreation: true } : {}) }] }
    }
    case 'DeleteTopics': {
      // v6+ names a topic by name or by id; an id no topic has is answered at once
      const named = version >= 6 ? (body.Topics as Struct[]).map((t) => (t.Name !== null ? String(t.Name) : topicOf(String(t.TopicId)))) : (body.TopicNames as string[]).map(String)
      if (named.includes(null)) {
        return { answer: deleteTopicsBody((body.Topics as Struct[]).map((t, i) => ({ name: named[i] ?? '', topicId: String(t.TopicId), error: named[i] === null ? 'UNKNOWN_TOPIC_ID' : 'INVALID_REQUEST', message: named[i] === null ? 'no topic has this id' : 'another topic of the request has an unknown id' }))) }
      }
      return { requests: [{ api: 'DeleteTopics', topics: named as string[] }] }
    }
    case 'CreateTopics': {
      const topics = body.Topics as Struct[]
      if (topics.some((t) => (t.Assignments as Struct[]).length > 0)) {
        // kafkascope places replicas itself (the striped placer); a manual assignment is refused
        return { answer: createTopicsBody(version, topics.map((t) => ({ name: String(t.Name), error: 'INVALID_REQUEST', message: 'kafkascope places replicas itself: create the topic without replica assignments', partitions: -1, replicationFactor: -1 }))) }
      }
      return {
        requests: [{
          api: 'CreateTopics',
          validateOnly: body.validateOnly === true,
          topics: topics.map((t) => {
            const configs: Record<string, string> = {}
            for (const c of t.Configs as Struct[]) {
              if (c.Name === '__proto__') throw new RefusedRequest('a config named __proto__')
              if (c.Value !== null) configs[String(c.Name)] = String(c.Value)
            }
            return { name: String(t.Name), partitions: Number(t.NumPartitions), replicationFactor: Number(t.ReplicationFactor), configs }
          }),
        }],
      }
    }
    case 'Produce': {
      const partitions: Extract<ClientRequest, { api: 'Produce' }>['partitions'] = []
      const failed: { tp: string; error: string }[] = [] // partitions named by topic and number
      const acks = ACKS[String(body.Acks)]
      for (const t of body.TopicData as Struct[]) {
        for (const p of t.PartitionData as Struct[]) {
          const tp = wireTp(t.Name, p.Index)
          // KafkaApis.handleProduceRequest: acks other than -1, 0 and 1 fail every partition
          if (acks === undefined) {
            failed.push({ tp, error: 'INVALID_REQUIRED_ACKS' })
            continue
          }
          try {
            for (const b of readBatches((p.Records as Uint8Array | null) ?? new Uint8Array(0))) {
              partitions.push({ tp, producerId: b.producerId, producerEpoch: b.producerEpoch, sequence: b.baseSequence, records: recordsOf(b, epochMs) })
            }
          } catch (e) {
            if (!(e instanceof BatchError)) throw e
            failed.push({ tp, error: e.error })
          }
        }
      }
      // with acks=0 nothing is answered, so Kafka closes the connection on an error (KafkaApis.handleProduceRequest)
      if (failed.length > 0 && acks === '0') throw new RefusedRequest(`${failed[0].tp}: ${failed[0].error} with acks=0`)
      // a partition whose batches cannot be read is answered with its error; the others are written
      if (failed.length > 0 && partitions.length === 0) return { answer: produceBody(failed.map((f) => ({ ...f, baseOffset: -1 }))) }
      return { requests: [{ api: 'Produce', acks, timeoutMs: Number(body.TimeoutMs), partitions }], failed }
    }
    case 'Fetch': {
      const partitions: Extract<ClientRequest, { api: 'Fetch' }>['partitions'] = []
      const failed: FailedPartition[] = []
      for (const t of body.Topics as Struct[]) {
        // v13+ names the topic by its id, which the receiving broker's metadata resolves
        const name = version >= 13 ? topicOf(String(t.TopicId)) : String(t.Topic)
        for (const p of t.Partitions as Struct[]) {
          if (name === null) failed.push({ topicId: String(t.TopicId), partition: Number(p.Partition), error: 'UNKNOWN_TOPIC_ID' })
          else partitions.push({ tp: wireTp(name, p.Partition), fetchOffset: Number(p.FetchOffset), currentLeaderEpoch: Number(p.CurrentLeaderEpoch) })
        }
      }
      return { requests: [{ api: 'Fetch', maxWaitMs: Number(body.MaxWaitMs), maxBytes: Number(body.MaxBytes), partitions }], failed }
    }
    case 'ListOffsets':
      return {
        requests: (body.Topics as Struct[]).flatMap((t) =>
          (t.Partitions as Struct[]).map((p): ClientRequest => {
            const ts = Number(p.Timestamp)
            return { api: 'ListOffsets', tp: wireTp(t.Name, p.PartitionIndex), spec: ts === -2 ? 'earliest' : ts === -1 ? 'latest' : { timestamp: Math.max(0, ts - epochMs) }, currentLeaderEpoch: Number(p.CurrentLeaderEpoch) }
          }),
        ),
      }
  }
  throw new Error(`kafkascope: ${api} is not translated`)
}

function deleteTopicsBody(topics: { name: string; topicId: string; error: string; message: string | null }[]): Struct {
  return { ThrottleTimeMs: 0, Responses: topics.map((t) => ({ Name: t.name, TopicId: t.topicId, ErrorCode: errorCode(t.error), ErrorMessage: t.message })) }
}

function createTopicsBody(version: number, topics: { name: string; error: string; message: string | null; partitions: number; replicationFactor: number }[]): Struct {
  return {
    ThrottleTimeMs: 0,
    Topics: topics.map((t) => ({
      Name: t.name,
      TopicId: ZERO_UUID,
      ErrorCode: errorCode(t.error),
      ErrorMessage: t.message,
      TopicConfigErrorCode: 0,
      NumPartitions: t.error === 'NONE' ? t.partitions : -1,
      ReplicationFactor: t.error === 'NONE' ? t.replicationFactor : -1,
      Configs: version >= 5 ? null : [],
    })),
  }
}

function produceBody(parts: { tp: string; error: string; baseOffset: number }[]): Struct {
  return {
    Responses: byTopic(parts, (p) => p.tp, (n, p) => ({ Index: n.partition, ErrorCode: errorCode(p.error), BaseOffset: p.baseOffset, LogAppendTimeMs: -1, LogStartOffset: -1 })).map((t) => ({ Name: t.name, PartitionResponses: t.partitions })),
    ThrottleTimeMs: 0,
  }
}

/** The wire body of the simulated broker's answers (several for a ListOffsets asked per partition). */
export function translateResponse(sim: Simulation, api: string, version: number, request: Struct, answers: Msg[], at: Endpoints, failed: readonly FailedPartition[] = []): Struct {
  if (GROUP_APIS.has(api)) return translateGroupResponse(api, version, request, answers, at)
  switch (api) {
    case 'CreateTopics':
      return createTopicsBody(version, (answers[0] as Extract<Msg, { api: 'CreateTopicsResponse' }>).topics)
    case 'DeleteTopics': {
      const ids = version >= 6 ? (request.Topics as Struct[]).map((t) => String(t.TopicId)) : []
      return deleteTopicsBody((answers[0] as Extract<Msg, { api: 'DeleteTopicsResponse' }>).topics.map((t, i) => ({ name: t.name, topicId: ids[i] ?? ZERO_UUID, error: t.error, message: t.message })))
    }
    case 'InitProducerId': {
      const m = answers[0] as Extract<Msg, { api: 'InitProducerIdResponse' }>
      return { ThrottleTimeMs: 0, ErrorCode: errorCode(m.error), ProducerId: m.producerId, ProducerEpoch: m.producerEpoch }
    }
    case 'OffsetForLeaderEpoch': {
      const parts = (answers as Extract<Msg, { api: 'OffsetForLeaderEpochResponse' }>[]).map((m) => ({ tp: m.tp, error: m.error, epoch: m.epoch, endOffset: m.endOffset }))
      return {
        ThrottleTimeMs: 0,
        Topics: byTopic(parts, (p) => p.tp, (n, p) => ({ ErrorCode: errorCode(p.error), Partition: n.partition, LeaderEpoch: p.epoch, EndOffset: p.endOffset })).map((t) => ({ Topic: t.name, Partitions: t.partitions as Value[] })),
      }
    }
    case 'Metadata': {
      const m = answers[0] as Extract<Msg, { api: 'MetadataResponse' }>
      const image = sim.world.brokers
      return {
        ThrottleTimeMs: 0,
        Brokers: m.brokers.map((id) => ({ NodeId: id, Host: at.host, Port: at.portOf(id), Rack: sim.world.scenario.cluster.racks[String(id)] ?? null })),
        ClusterId: 'kafkascope',
        ControllerId: m.brokers[0] ?? -1,
        Topics: Object.keys(m.topics).map((name) => {
          const t = m.topics[name] as { error: string; partitions: { leader: number; leaderEpoch: number; replicas: readonly number[]; isr: readonly number[]; error: string }[] }
          return {
            ErrorCode: errorCode(t.error),
            Name: name,
            TopicId: wireTopicId(sim, name),
            IsInternal: name.startsWith('__'),
            Partitions: t.partitions.map((p, i) => ({ ErrorCode: errorCode(p.error), PartitionIndex: i, LeaderId: p.leader, LeaderEpoch: p.leaderEpoch, ReplicaNodes: [...p.replicas], IsrNodes: [...p.isr], OfflineReplicas: p.replicas.filter((b) => !image[String(b)] || !sim.world.nodes[String(b)].up) })),
          }
        }),
      }
    }
    case 'Produce': {
      const m = answers[0] as Extract<Msg, { api: 'ProduceResponse' }>
      return produceBody([...m.parts, ...failed.flatMap((f) => ('tp' in f ? [{ tp: f.tp, error: f.error, baseOffset: -1 }] : []))])
    }
    case 'Fetch': {
      const m = answers[0] as Extract<Msg, { api: 'FetchResponse' }>
      const topics = byTopic(m.parts, (p) => p.tp, (n, p) => {
        const batches: WireBatch[] = p.batches.map((b) => {
          const records = batchRecordBytes(sim.world, p.tp, b)
          return {
            baseOffset: b.baseOffset,
            partitionLeaderEpoch: b.partitionLeaderEpoch,
            attributes: b.timestampType === 'LogAppendTime' ? 8 : 0,
            lastOffsetDelta: b.count - 1,
            baseTimestamp: b.firstTimestamp + at.epochMs,
            maxTimestamp: b.maxTimestamp + at.epochMs,
            producerId: b.producerId,
            producerEpoch: b.producerEpoch,
            baseSequence: b.sequence,
            records: records.map((r) => ({
              offsetDelta: r.offsetDelta,
              timestampDelta: r.timestampMs - b.firstTimestamp,
              key: fromBase64OrNull(r.key),
              value: fromBase64OrNull(r.value),
              headers: r.headers.map(([k, v]) => ({ key: k, value: fromBase64OrNull(v) })),
            })),
          }
        })
        return {
          PartitionIndex: n.partition,
          ErrorCode: errorCode(p.error),
          HighWatermark: p.highWatermark,
          LastStableOffset: p.highWatermark,
          LogStartOffset: p.logStartOffset,
          AbortedTransactions: [],
          PreferredReadReplica: -1,
          Records: encodeBatches(batches.filter((b) => b.records.length > 0)),
        }
      })
      const responses: Struct[] = topics.map((t) => ({ Topic: t.name, TopicId: version >= 13 ? wireTopicId(sim, t.name) : ZERO_UUID, Partitions: t.partitions }))
      // Fetch v13+ names topics by id: those no topic has get UNKNOWN_TOPIC_ID (the client refreshes its metadata)
      for (const f of failed) {
        if (!('topicId' in f)) continue
        const unknown = { PartitionIndex: f.partition, ErrorCode: errorCode(f.error), HighWatermark: -1, LastStableOffset: -1, LogStartOffset: -1, AbortedTransactions: [], PreferredReadReplica: -1, Records: new Uint8Array(0) }
        const same = responses.find((r) => r.TopicId === f.topicId && r.Topic === '')
        if (same) (same.Partitions as Struct[]).push(unknown)
        else responses.push({ Topic: '', TopicId: f.topicId, Partitions: [unknown] })
      }
      return { ThrottleTimeMs: 0, ErrorCode: 0, SessionId: 0, Responses: responses }
    }
    case 'ListOffsets': {
      const parts = (answers as Extract<Msg, { api: 'ListOffsetsResponse' }>[]).map((m) => ({ tp: m.tp, error: m.error, offset: m.offset }))
      return {
        ThrottleTimeMs: 0,
        Topics: byTopic(parts, (p) => p.tp, (n, p) => ({
          PartitionIndex: n.partition,
          ErrorCode: errorCode(p.error),
          OldStyleOffsets: version === 0 && p.offset >= 0 ? [p.offset] : [],
          Timestamp: -1,
          Offset: p.offset,
          LeaderEpoch: -1,
        })).map((t) => ({ Name: t.name, Partitions: t.partitions as Value[] })),
      }
    }
  }
  throw new Error(`kafkascope: ${api} answers are not translated`)
}
