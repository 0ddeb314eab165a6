/**
 * The read-only admin requests serve answers (DescribeCluster, DescribeGroups, ListGroups,
 * DescribeConfigs), from the state of the simulated broker that received them, at the simulated
 * time they arrived. They change nothing in the cluster, so they are not inputs of the run: a
 * session replays the same without them.
 *
 * Follows KafkaApis and the group coordinator's answers: DescribeCluster lists the unfenced brokers
 * of the broker's metadata image (in KRaft the ControllerId a client sees is a live broker, as in
 * Metadata); DescribeGroups and ListGroups answer only for the groups whose __consumer_offsets
 * partition this broker leads (else NOT_COORDINATOR), a classic group's member metadata and
 * assignment only while it is Stable (ClassicGroup.describe); DescribeConfigs answers topics (from
 * the controller's metadata) and this broker (the scenario's server.properties, else Kafka's
 * defaults) with synonyms when asked.
 */
import type { Simulation, TopicConfigEntry } from '../../sim/index.ts'
import { brokerConfigs, groupOffsetsPartition, topicConfigs } from '../../sim/index.ts'
import type { Struct } from '../protocol/codec.ts'
import { errorCode } from '../protocol/errors.ts'
import { writeAssignment, writeSubscription } from '../protocol/consumer-protocol.ts'
import { fromBase64, type Endpoints } from './translation.ts'

/** The APIs answered here. */
export const READ_APIS: ReadonlySet<string> = new Set(['DescribeCluster', 'DescribeGroups', 'ListGroups', 'DescribeConfigs'])

const NO_AUTHORIZED_OPERATIONS = -2147483648

/** DescribeConfigsResponse's ConfigSource ids. */
const SOURCE_ID: Readonly<Record<string, number>> = { DYNAMIC_TOPIC_CONFIG: 1, DYNAMIC_BROKER_CONFIG: 2, DYNAMIC_DEFAULT_BROKER_CONFIG: 3, STATIC_BROKER_CONFIG: 4, DEFAULT_CONFIG: 5 }
const TOPIC_RESOURCE = 2
const BROKER_RESOURCE = 4

function brokerOf(sim: Simulation, id: number) {
  return sim.world.brokers[String(id)]
}

/** Does this broker coordinate the group now (lead and have loaded its __consumer_offsets partition)? */
function coordinates(sim: Simulation, id: number, groupId: string): boolean {
  const b = brokerOf(sim, id)
  const tp = groupOffsetsPartition(sim, groupId)
  return b.replicas[tp]?.role === 'leader' && b.coordinator.loaded[tp] === true
}

function describeCluster(sim: Simulation, id: number, version: number, body: Struct, at: Endpoints): Struct {
  if (version >= 1 && Number(body.EndpointType) !== 1) {
    return { ThrottleTimeMs: 0, ErrorCode: errorCode('UNSUPPORTED_ENDPOINT_TYPE'), ErrorMessage: 'kafkascope serve lists brokers only (clients cannot reach KRaft controllers)', EndpointType: body.EndpointType ?? 1, ClusterId: '', ControllerId: -1, Brokers: [], ClusterAuthorizedOperations: NO_AUTHORIZED_OPERATIONS }
  }
  const image = brokerOf(sim, id).image.brokers
  const live = Object.keys(image).map(Number).filter((b) => !image[String(b)].fenced).sort((x, y) => x - y)
  return {
    ThrottleTimeMs: 0,
    ErrorCode: 0,
    ErrorMessage: null,
    EndpointType: 1,
    ClusterId: 'kafkascope',
    ControllerId: live[0] ?? -1,
    Brokers: live.map((b) => ({ BrokerId: b, Host: at.host, Port: at.portOf(b), Rack: sim.world.scenario.cluster.racks[String(b)] ?? null })),
    ClusterAuthorizedOperations: NO_AUTHORIZED_OPERATIONS,
  }
}

/**
 * A classic group's protocol type: "consumer" once a member has joined (the only type kafkascope
 * lets join), kept while the group is Empty, as ClassicGroup keeps it; "" for a group that only
 * holds offsets committed from outside it.
 */
function protocolTypeOf(g: { generation: number; memberOrder: readonly string[] }): string {
  return g.generation > 0 || g.memberOrder.length > 0 ? 'consumer' : ''
}

function describeGroup(sim: Simulation, id: number, groupId: string): Struct {
  const none = { GroupId: groupId, ProtocolType: '', ProtocolData: '', Members: [], AuthorizedOperations: NO_AUTHORIZED_OPERATIONS }
  if (!coordinates(sim, id, groupId)) return { ...none, ErrorCode: errorCode('NOT_COORDINATOR'), GroupState: '' }
  const c = brokerOf(sim, id).coordinator
  const classic = c.groups[groupId]
  if (classic) {
    const stable = classic.state === 'Stable'
    return {
      ...none,
      ErrorCode: 0,
      GroupState: classic.state,
      ProtocolType: protocolTypeOf(classic),
      ProtocolData: classic.protocolName ?? '',
      Members: classic.memberOrder.map((memberId) => {
        const m = classic.members[memberId]
        const protocol = m.protocols.find((p) => p.name === classic.protocolName) ?? m.protocols[0]
        return {
          MemberId: memberId,
          GroupInstanceId: m.groupInstanceId,
          ClientId: m.clientId,
          ClientHost: `/${m.node}`,
          MemberMetadata: !stable || !protocol ? new Uint8Array(0) : protocol.metadata.raw !== undefined ? fromBase64(protocol.metadata.raw) : writeSubscription(protocol.metadata),
          MemberAssignment: !stable ? new Uint8Array(0) : m.rawAssignment !== undefined ? fromBase64(m.rawAssignment) : writeAssignment(m.assignment),
        }
      }),
    }
  }
  const consumer = c.consumerGroups[groupId]
  if (consumer) return { ...none, ErrorCode: 0, GroupState: consumer.state, ProtocolType: 'consumer' }
  const share = c.shareGroups[groupId]
  if (share) return { ...none, ErrorCode: 0, GroupState: share.state, ProtocolType: 'share' }
  return { ...none, ErrorCode: 0, GroupState: 'Dead' }
}

function listGroups(sim: Simulation, id: number, body: Struct): Struct {
  const c = brokerOf(sim, id).coordinator
  const states = ((body.StatesFilter as string[] | undefined) ?? []).map((s) => s.toLowerCase())
  const types = ((body.TypesFilter as string[] | undefined) ?? []).map((s) => s.toLowerCase())
  const listed = [
    ...Object.values(c.groups).map((g) => ({ GroupId: g.groupId, ProtocolType: protocolTypeOf(g), GroupState: g.state, GroupType: 'classic' })),
    ...Object.values(c.consumerGroups).map((g) => ({ GroupId: g.groupId, ProtocolType: 'consumer', GroupState: g.state, GroupType: 'consumer' })),
    ...Object.values(c.shareGroups).map((g) => ({ GroupId: g.groupId, ProtocolType: 'share', GroupState: g.state, GroupType: 'share' })),
  ]
  return {
    ThrottleTimeMs: 0,
    ErrorCode: 0,
    Groups: listed
      .filter((g) => coordinates(sim, id, g.GroupId))
      .filter((g) => (states.length === 0 || states.includes(g.GroupState.toLowerCase())) && (types.length === 0 || types.includes(g.GroupType)))
      .sort((x, y) => (x.GroupId < y.GroupId ? -1 : x.GroupId > y.GroupId ? 1 : 0)),
  }
}

function configResult(entries: TopicConfigEntry[], resource: Struct, readOnly: boolean, body: Struct): Struct[] {
  const keys = resource.ConfigurationKeys as string[] | null
  return entries
    .filter((e) => keys === null || keys.includes(e.name))
    .map((e) => ({
      Name: e.name,
      Value: e.value,
      ReadOnly: readOnly,
      IsDefault: e.source === 'DEFAULT_CONFIG',
      ConfigSource: SOURCE_ID[e.source] ?? 0,
      IsSensitive: e.sensitive,
      Synonyms: body.IncludeSynonyms === true ? e.synonyms.map((s) => ({ Name: s.name, Value: s.value, Source: SOURCE_ID[s.source] ?? 0 })) : [],
      ConfigType: 0,
      Documentation: body.IncludeDocumentation === true ? e.doc : null,
    }))
}

function describeConfigs(sim: Simulation, id: number, body: Struct): Struct {
  return {
    ThrottleTimeMs: 0,
    Results: (body.Resources as Struct[]).map((r) => {
      const type = Number(r.ResourceType)
      const name = String(r.ResourceName)
      const result = (error: string, message: string | null, configs: Struct[]) => ({ ErrorCode: errorCode(error), ErrorMessage: message, ResourceType: type, ResourceName: name, Configs: configs })
      if (type === TOPIC_RESOURCE) {
        const entries = topicConfigs(sim, name)
        return entries === null ? result('UNKNOWN_TOPIC_OR_PARTITION', `topic ${name} does not exist`, []) : result('NONE', null, configResult(entries, r, false, body))
      }
      if (type === BROKER_RESOURCE && (name === '' || name === String(id))) return result('NONE', null, configResult(brokerConfigs(sim), r, true, body))
      return result('INVALID_REQUEST', type === BROKER_RESOURCE ? `broker ${id} describes only itself` : `resource type ${type} is not modelled (topics and brokers are)`, [])
    }),
  }
}

/** The answer of the broker `id` to a read-only admin request, from its state now. */
export function answerRead(sim: Simulation, id: number, api: string, version: number, body: Struct, at: Endpoints): Struct {
  switch (api) {
    case 'DescribeCluster':
      return describeCluster(sim, id, version, body, at)
    case 'DescribeGroups':
      return { ThrottleTimeMs: 0, Groups: (body.Groups as string[]).map((g) => describeGroup(sim, id, g)) }
    case 'ListGroups':
      return listGroups(sim, id, body)
    case 'DescribeConfigs':
      return describeConfigs(sim, id, body)
  }
  throw new Error(`kafkascope: ${api} is not a read-only admin request`)
}
