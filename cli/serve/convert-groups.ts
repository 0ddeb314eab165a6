/**
 * Between Kafka's wire messages and the simulation's for the classic consumer-group protocol
 * (FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch): the
 * requests a real consumer sends become the simulation's, and the simulated coordinator's answers
 * become the response bodies in the versions asked for.
 *
 * The consumer protocol's bytes (a member's subscription, the leader's assignments) are passed
 * through as they came, as Kafka's coordinator does; kafkascope also reads them, to show what the
 * member subscribes to and what it was given (consumer-protocol.ts). Batched requests (FindCoordinator
 * v4+ keys, LeaveGroup v3+ members, OffsetFetch v8+ groups) become one simulated request each, and
 * their answers are put back together in order.
 *
 * Simplified (said in the README): only the protocol type "consumer" joins (kafkascope's groups are
 * consumer groups; others get INCONSISTENT_GROUP_PROTOCOL); a commit's metadata string and leader
 * epoch are not kept (OffsetFetch answers "" and -1); transactional ids are refused.
 */
import type { ClientRequest, ClientSubscription, Msg } from '../../sim/index.ts'
import { randomUUID } from 'node:crypto'
import type { Struct, Value } from '../protocol/codec.ts'
import { errorCode } from '../protocol/errors.ts'
import { readAssignment, readSubscription, writeAssignment, writeSubscription } from '../protocol/consumer-protocol.ts'
import { byTopic, canonical, fromBase64, toBase64, wireTp, type Endpoints, type Translated } from './translation.ts'


/** The APIs this module translates. */
export const GROUP_APIS: ReadonlySet<string> = new Set(['FindCoordinator', 'JoinGroup', 'SyncGroup', 'Heartbeat', 'LeaveGroup', 'OffsetCommit', 'OffsetFetch', 'ConsumerGroupHeartbeat'])

const str = (v: Value | undefined): string | null => (v === null || v === undefined ? null : String(v))

function subscriptionOf(bytes: Uint8Array): ClientSubscription {
  const s = readSubscription(bytes)
  return { raw: toBase64(bytes), topics: s?.topics ?? [], ownedPartitions: s?.ownedPartitions ?? [], generation: s?.generation ?? -1 }
}

function tpsOf(topics: Struct[], partitionsField: string): string[] {
  return topics.flatMap((t) => (t[partitionsField] as number[]).map((p) => wireTp(t.Name, p)))
}

/** The group request as the simulation takes it, or an answer at once. */
export function translateGroupRequest(api: string, version: number, body: Struct): Translated {
  switch (api) {
    case 'FindCoordinator': {
      if (Number(body.KeyType ?? 0) !== 0) return { answer: findCoordinatorRefusal(version, body) }
      const keys = version >= 4 ? (body.CoordinatorKeys as string[]) : [String(body.Key)]
      return { requests: keys.map((key) => ({ api: 'FindCoordinator', key })) }
    }
    case 'JoinGroup': {
      if (body.ProtocolType !== 'consumer') return { answer: { ThrottleTimeMs: 0, ErrorCode: errorCode('INCONSISTENT_GROUP_PROTOCOL'), GenerationId: -1, ProtocolType: null, ProtocolName: version >= 7 ? null : '', Leader: '', SkipAssignment: false, MemberId: String(body.MemberId), Members: [] } }
      const protocols = (body.Protocols as Struct[]).map((p) => ({ name: String(p.Name), metadata: subscriptionOf(p.Metadata as Uint8Array) }))
      return {
        requests: [{
          api: 'JoinGroup',
          groupId: String(body.GroupId),
          memberId: String(body.MemberId),
          groupInstanceId: str(body.GroupInstanceId),
          sessionTimeoutMs: Number(body.SessionTimeoutMs),
          // v0 has no rebalance timeout: Kafka takes the session timeout
          rebalanceTimeoutMs: version >= 1 ? Number(body.RebalanceTimeoutMs) : Number(body.SessionTimeoutMs),
          protocols,
          reason: str(body.Reason),
        }],
      }
    }
    case 'SyncGroup':
      return {
        requests: [{
          api: 'SyncGroup',
          groupId: String(body.GroupId),
          generation: Number(body.GenerationId),
          memberId: String(body.MemberId),
          groupInstanceId: str(body.GroupInstanceId),
          assignments: (body.Assignments as Struct[]).map((a) => {
            const bytes = a.Assignment as Uint8Array
            return { memberId: String(a.MemberId), raw: toBase64(bytes), partitions: readAssignment(bytes) ?? [] }
          }),
        }],
      }
    case 'Heartbeat':
      return { requests: [{ api: 'Heartbeat', groupId: String(body.GroupId), generation: Number(body.GenerationId), memberId: String(body.MemberId), groupInstanceId: str(body.GroupInstanceId) }] }
    case 'LeaveGroup': {
      const groupId = String(body.GroupId)
      const members = version >= 3 ? (body.Members as Struct[]) : [{ MemberId: body.MemberId, GroupInstanceId: null, Reason: null }]
      return { requests: members.map((m): ClientRequest => ({ api: 'LeaveGroup', groupId, memberId: String(m.MemberId), groupInstanceId: str(m.GroupInstanceId), reason: str(m.Reason) })) }
    }
    case 'OffsetCommit':
      return {
        requests: [{
          api: 'OffsetCommit',
          groupId: String(body.GroupId),
          generation: version >= 1 ? Number(body.GenerationIdOrMemberEpoch) : -1,
          memberId: version >= 1 ? String(body.MemberId) : '',
          groupInstanceId: str(body.GroupInstanceId),
          offsets: (body.Topics as Struct[]).flatMap((t) => (t.Partitions as Struct[]).map((p) => ({ tp: wireTp(t.Name, p.PartitionIndex), offset: Number(p.CommittedOffset) }))),
        }],
      }
    case 'ConsumerGroupHeartbeat': {
      let memberId = String(body.MemberId)
      if (memberId === '' && Number(body.MemberEpoch) === 0) {
        // v1 members make their own id (KIP-1082); for v0 the coordinator makes one, here at the
        // edge so that the recorded input holds it
        if (version >= 1) return { answer: consumerHeartbeatRefusal('INVALID_REQUEST', 'MemberId can\'t be empty.') }
        memberId = randomUUID()
      }
      if (body.SubscribedTopicRegex !== null && body.SubscribedTopicRegex !== undefined) return { answer: consumerHeartbeatRefusal('INVALID_REQUEST', 'kafkascope does not model regular-expression subscriptions') }
      const owned = body.TopicPartitions as Struct[] | null
      return {
        requests: [{
          api: 'ConsumerGroupHeartbeat',
          groupId: String(body.GroupId),
          memberId,
          memberEpoch: Number(body.MemberEpoch),
          instanceId: str(body.InstanceId),
          rebalanceTimeoutMs: Number(body.RebalanceTimeoutMs),
          subscribedTopicNames: body.SubscribedTopicNames === null ? null : (body.SubscribedTopicNames as string[]).slice(),
          serverAssignor: str(body.ServerAssignor),
          topicPartitions: owned === null ? null : owned.map((t) => ({ topicId: String(t.TopicId), partitions: (t.Partitions as number[]).slice() })),
        }],
      }
    }
    case 'OffsetFetch': {
      if (version >= 8) {
        return { requests: (body.Groups as Struct[]).map((g): ClientRequest => ({ api: 'OffsetFetch', groupId: String(g.GroupId), tps: g.Topics === null ? null : tpsOf(g.Topics as Struct[], 'PartitionIndexes') })) }
      }
      return { requests: [{ api: 'OffsetFetch', groupId: String(body.GroupId), tps: body.Topics === null ? null : tpsOf(body.Topics as Struct[], 'PartitionIndexes') }] }
    }
  }
  throw new Error(`kafkascope: ${api} is not a group request`)
}

function consumerHeartbeatRefusal(error: string, message: string): Struct {
  return { ThrottleTimeMs: 0, ErrorCode: errorCode(error), ErrorMessage: message, MemberId: null, MemberEpoch: -1, HeartbeatIntervalMs: 0, Assignment: null }
}

/** Transactions are not modelled: a transaction coordinator is never found. */
function findCoordinatorRefusal(version: number, body: Struct): Struct {
  const message = 'kafkascope does not model transactions'
  const error = errorCode('COORDINATOR_NOT_AVAILABLE')
  if (version >= 4) return { ThrottleTimeMs: 0, Coordinators: (body.CoordinatorKeys as string[]).map((Key) => ({ Key, NodeId: -1, Host: '', Port: -1, ErrorCode: error, ErrorMessage: message })) }
  return { ThrottleTimeMs: 0, ErrorCode: error, ErrorMessage: message, NodeId: -1, Host: '', Port: -1 }
}

type Answer<A extends string> = Extract<Msg, { api: A }>

/** Errors about the group as a whole, which LeaveGroup v3+ reports at the top. */
const GROUP_LEVEL = new Set(['NOT_COORDINATOR', 'COORDINATOR_NOT_AVAILABLE', 'COORDINATOR_LOAD_IN_PROGRESS'])

/** The wire body of the simulated coordinator's answers. */
export function translateGroupResponse(api: string, version: number, request: Struct, answers: Msg[], at: Endpoints): Struct {
  switch (api) {
    case 'FindCoordinator': {
      const found = (answers as Answer<'FindCoordinatorResponse'>[]).map((m) => ({ error: errorCode(m.error), nodeId: m.error === 'NONE' ? m.nodeId : -1 }))
      const where = (id: number) => (id >= 0 ? { NodeId: id, Host: at.host, Port: at.portOf(id) } : { NodeId: -1, Host: '', Port: -1 })
      if (version >= 4) return { ThrottleTimeMs: 0, Coordinators: (request.CoordinatorKeys as string[]).map((Key, i) => ({ Key, ...where(found[i].nodeId), ErrorCode: found[i].error, ErrorMessage: null })) }
      return { ThrottleTimeMs: 0, ErrorCode: found[0].error, ErrorMessage: null, ...where(found[0].nodeId) }
    }
    case 'JoinGroup': {
      const m = answers[0] as Answer<'JoinGroupResponse'>
      return {
        ThrottleTimeMs: 0,
        ErrorCode: errorCode(m.error),
        GenerationId: m.generation,
        ProtocolType: m.error === 'NONE' ? 'consumer' : null,
        ProtocolName: m.protocolName === '' && version >= 7 ? null : m.protocolName,
        Leader: m.leader,
        SkipAssignment: m.skipAssignment,
        MemberId: m.memberId,
        Members: m.members.map((x) => ({ MemberId: x.memberId, GroupInstanceId: x.groupInstanceId, Metadata: x.metadata.raw !== undefined ? fromBase64(x.metadata.raw) : writeSubscription(x.metadata) })),
      }
    }
    case 'SyncGroup': {
      const m = answers[0] as Answer<'SyncGroupResponse'>
      const assignment = m.error !== 'NONE' ? new Uint8Array(0) : m.raw !== undefined ? fromBase64(m.raw) : writeAssignment(m.assignment)
      return { ThrottleTimeMs: 0, ErrorCode: errorCode(m.error), ProtocolType: m.error === 'NONE' ? 'consumer' : null, ProtocolName: null, Assignment: assignment }
    }
    case 'Heartbeat':
      return { ThrottleTimeMs: 0, ErrorCode: errorCode((answers[0] as Answer<'HeartbeatResponse'>).error) }
    case 'LeaveGroup': {
      const errors = (answers as Answer<'LeaveGroupResponse'>[]).map((m) => m.error)
      if (version < 3) return { ThrottleTimeMs: 0, ErrorCode: errorCode(errors[0]) }
      const groupLevel = errors.find((e) => GROUP_LEVEL.has(e))
      const members = request.Members as Struct[]
      return {
        ThrottleTimeMs: 0,
        ErrorCode: errorCode(groupLevel ?? 'NONE'),
        Members: groupLevel ? [] : members.map((x, i) => ({ MemberId: x.MemberId, GroupInstanceId: x.GroupInstanceId, ErrorCode: errorCode(errors[i]) })),
      }
    }
    case 'OffsetCommit': {
      const m = answers[0] as Answer<'OffsetCommitResponse'>
      const error = errorCode(m.error)
      return {
        ThrottleTimeMs: 0,
        Topics: (request.Topics as Struct[]).map((t) => ({ Name: t.Name, Partitions: (t.Partitions as Struct[]).map((p) => ({ PartitionIndex: p.PartitionIndex, ErrorCode: error })) })),
      }
    }
    case 'ConsumerGroupHeartbeat': {
      const m = answers[0] as Answer<'ConsumerGroupHeartbeatResponse'>
      return {
        ThrottleTimeMs: 0,
        ErrorCode: errorCode(m.error),
        ErrorMessage: null,
        MemberId: m.memberId === '' ? null : m.memberId,
        MemberEpoch: m.memberEpoch,
        HeartbeatIntervalMs: m.heartbeatIntervalMs,
        Assignment: m.assignment === null ? null : { TopicPartitions: m.assignment.map((t) => ({ TopicId: canonical(t.topicId), Partitions: t.partitions.slice() })) },
      }
    }
    case 'OffsetFetch': {
      const groups = (answers as Answer<'OffsetFetchResponse'>[]).map((m) => ({
        error: errorCode(m.error),
        topics: byTopic(Object.entries(m.offsets), ([tp]) => tp, (n, [, offset]) => ({ PartitionIndex: n.partition, CommittedOffset: offset, CommittedLeaderEpoch: -1, Metadata: offset >= 0 ? '' : null, ErrorCode: 0 })),
      }))
      const topicsOf = (g: (typeof groups)[number]) => g.topics.map((t) => ({ Name: t.name, Partitions: t.partitions }))
      if (version >= 8) return { ThrottleTimeMs: 0, Groups: (request.Groups as Struct[]).map((g, i) => ({ GroupId: g.GroupId, Topics: topicsOf(groups[i]), ErrorCode: groups[i].error })) }
      // before v2 an error could only be given per partition
      const g = groups[0]
      if (version < 2 && g.error !== 0) for (const t of g.topics) for (const p of t.partitions) p.ErrorCode = g.error
      return { ThrottleTimeMs: 0, Topics: topicsOf(g), ErrorCode: g.error }
    }
  }
  throw new Error(`kafkascope: ${api} answers are not group answers`)
}
