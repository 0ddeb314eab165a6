/**
 * The registry of node behaviours, keyed by the kind of process a node runs: a ZooKeeper server (the
 * legacy ZooKeeper mode), a KRaft controller, a broker (with its group coordinator), a producer, a plain reader, a consumer group member. The
 * world keeps only each node's kinds (NodeInfo); what a kind does on start, crash, a message, a
 * timer or a lost connection is found here, so snapshots stay plain data.
 *
 * Order matters and is fixed: a combined broker-controller node starts its controller first, and a
 * message goes to the first kind on the node that accepts it (the kinds accept disjoint APIs).
 */
import type { NodeInfo } from '../kernel/node-io.ts'
import type { ApiName, MessageOf } from '../kafka/messages.ts'
import type { World, Msg } from './world.ts'
import { startController, crashController, handleRaftMessage, handleRaftTimer } from '../controller/raft.ts'
import { handleControllerMessage, handleControllerTimer, runRaft } from '../controller/quorum-controller.ts'
import { startBroker, brokerTick, brokerIsrTimer, handleBrokerMessage, retryMetadata, retryRegistration } from '../cluster/broker.ts'
import { handleProduce, handleInitProducerId } from '../cluster/produce-handler.ts'
import { handleFetch } from '../cluster/fetch-handler.ts'
import { onPurgeTimer } from '../cluster/purgatory.ts'
import { onRetentionTimer } from '../cluster/log-retention.ts'
import { onCleanerTimer } from '../cluster/log-cleaner.ts'
import { onReplicaFetchResponse, onFetcherDisconnect, retryFetcher } from '../cluster/replica-fetcher.ts'
import { handleCreateTopics, handleDeleteTopics, onEnvelopeResponse } from '../cluster/create-topics.ts'
import { onAlterPartitionResponse } from '../cluster/isr.ts'
import { handleMetadata, handleListOffsets, handleOffsetForLeaderEpoch } from '../cluster/client-requests.ts'
import { handleGroupRequest, coordinatorTimer, newCoordinatorState, onPartitionChanges } from '../coordinator/group-coordinator.ts'
import { startProducerClient, crashProducer, handleProducerMessage, onProducerDisconnect, onWakeTimer, wake } from '../clients/producer.ts'
import { startReader, restartReader, readerTick, handleReaderMessage, onReaderDisconnect } from '../clients/consumer.ts'
import { handleShareFetch, handleShareAcknowledge, onShareTimer } from '../cluster/share-fetch-handler.ts'
import { startShareMember, handleShareMemberMessage, handleShareMemberTimer, onShareMemberDisconnect, crashShareMember } from '../clients/share-consumer.ts'
import { startGroupMember, crashGroupMember, handleMemberMessage, handleMemberTimer, onMemberDisconnect } from '../clients/group-consumer.ts'
import { stopNode } from './stop.ts'
import { onExternalDisconnect, onExternalMessage } from '../clients/external-client.ts'
import { handleZkServerMessage, startZkServer, zkServerTick } from '../controller/zookeeper/ensemble.ts'
import { reconnectZkClient } from '../controller/zookeeper/client.ts'
import { handleAlterPartition, handleZkControllerTimer, onBrokerAnswer } from '../controller/zookeeper/kafka-controller.ts'
import { onLeaderAndIsr, onUpdateMetadata, onZkBrokerDisconnect, onZkBrokerMessage, retryZkRegistration, startZkBroker, zkBrokerTick } from '../cluster/zk-broker.ts'
import { emit } from '../kafka/events.ts'
import type { BrokerNode } from '../cluster/types.ts'

export type NodeKind = 'zookeeper' | 'controller' | 'broker' | 'producer' | 'reader' | 'member' | 'shareMember' | 'external'

export interface NodeBehaviour {
  kind: NodeKind
  /** does this node run a process of this kind */
  runsOn(n: NodeInfo): boolean
  start(w: World, n: NodeInfo): void
  /** forget volatile state when the node crashes */
  crash?(w: World, n: NodeInfo): void
  /** prepare a restart (before start) */
  restart?(w: World, n: NodeInfo): void
  accepts(m: Msg): boolean
  onMessage(w: World, n: NodeInfo, m: Msg): void
  /** the timer groups (the prefix before the dot of a timer's name) this kind owns */
  timerGroups: readonly string[]
  onTimer(w: World, n: NodeInfo, kind: string, data: unknown): void
  onDisconnect?(w: World, n: NodeInfo, peer: string): void
}

const RAFT_APIS = new Set<ApiName>(['Vote', 'VoteResponse', 'BeginQuorumEpoch', 'RaftFetch'])
const QUORUM_CONTROLLER_APIS = new Set<ApiName>(['BrokerRegistration', 'BrokerHeartbeat', 'AlterPartition', 'AllocateProducerIds', 'Envelope'])
const isRaftMessage = (m: Msg): m is MessageOf<'Vote' | 'VoteResponse' | 'BeginQuorumEpoch' | 'RaftFetch' | 'RaftFetchResponse'> =>
  RAFT_APIS.has(m.api) || (m.api === 'RaftFetchResponse' && !m.observer)
const isQuorumControllerRequest = (m: Msg): m is MessageOf<'BrokerRegistration' | 'BrokerHeartbeat' | 'AlterPartition' | 'AllocateProducerIds' | 'Envelope'> =>
  QUORUM_CONTROLLER_APIS.has(m.api)

const controller: NodeBehaviour = {
  kind: 'controller',
  runsOn: (n) => n.controller !== undefined,
  start: (w, n) => startController(w, w.controllers[n.controller!]),
  crash: (w, n) => crashController(w.controllers[n.controller!]),
  accepts: (m) => isRaftMessage(m) || isQuorumControllerRequest(m),
  onMessage(w, n, m) {
    const c = w.controllers[n.controller!]
    if (isRaftMessage(m)) return runRaft(w, c, handleRaftMessage(w, c, m))
    if (isQuorumControllerRequest(m)) return handleControllerMessage(w, c, m)
  },
  timerGroups: ['raft', 'ctl'],
  onTimer(w, n, kind, data) {
    const c = w.controllers[n.controller!]
    if (kind.startsWith('raft.')) return runRaft(w, c, handleRaftTimer(w, c, kind, data as number))
    return handleControllerTimer(w, c, kind, data as number)
  },
}

const ZOOKEEPER_SERVER_APIS = new Set<ApiName>(['ZkConnect', 'ZkPing', 'ZkRequest'])

/** A ZooKeeper server of the legacy ZooKeeper mode (controller/zookeeper/ensemble.ts); the ensemble's data is shared state. */
const zookeeper: NodeBehaviour = {
  kind: 'zookeeper',
  runsOn: (n) => n.zookeeper !== undefined,
  start: (w, n) => startZkServer(w, n.id),
  accepts: (m) => ZOOKEEPER_SERVER_APIS.has(m.api),
  onMessage: (w, n, m) => handleZkServerMessage(w, n.id, m as MessageOf<'ZkConnect' | 'ZkPing' | 'ZkRequest'>),
  timerGroups: ['zk'],
  onTimer: (w, n) => zkServerTick(w, n.id),
}

const BROKER_APIS = new Set<ApiName>([
  'Produce', 'Fetch', 'Metadata', 'ListOffsets', 'OffsetForLeaderEpoch', 'InitProducerId',
  'FindCoordinator', 'JoinGroup', 'SyncGroup', 'Heartbeat', 'LeaveGroup', 'OffsetCommit', 'OffsetFetch', 'ConsumerGroupHeartbeat', 'ShareGroupHeartbeat',
  'ShareFetch', 'ShareAcknowledge', 'CreateTopics', 'DeleteTopics', 'EnvelopeResponse',
  'AlterPartitionResponse', 'BrokerRegistrationResponse', 'BrokerHeartbeatResponse',
  // the legacy ZooKeeper mode: the broker's session, and the controller every broker runs
  'ZkConnectResponse', 'ZkPingResponse', 'ZkResponse', 'ZkWatchEvent', 'LeaderAndIsr', 'UpdateMetadata',
  'LeaderAndIsrResponse', 'UpdateMetadataResponse', 'AlterPartition',
])

/**
 * A broker and its group coordinator. The broker's handlers return what happened to its partitions
 * (cluster/types.ts PartitionChange); the coordinator follows its __consumer_offsets partitions from
 * that, after the broker has handled the request (as BrokerMetadataPublisher calls the group
 * coordinator's onElection / onResignation after ReplicaManager.applyDelta).
 */
const broker: NodeBehaviour = {
  kind: 'broker',
  runsOn: (n) => n.broker !== undefined,
  start(w, n) {
    const b = w.brokers[n.id]
    b.coordinator = newCoordinatorState()
    startBroker(w, b)
    if (w.zookeeper) startZkBroker(w, b)
  },
  accepts: (m) =>
    BROKER_APIS.has(m.api) ||
    (m.api === 'FetchResponse' && m.replicaId >= 0) ||
    (m.api === 'RaftFetchResponse' && m.observer === true),
  onMessage(w, n, m) {
    const b = w.brokers[n.id]
    switch (m.api) {
      case 'Produce':
        return onPartitionChanges(w, b, handleProduce(w, b, m))
      case 'Fetch':
        return onPartitionChanges(w, b, handleFetch(w, b, m))
      case 'Metadata':
        return handleMetadata(w, b, m)
      case 'ListOffsets':
        return handleListOffsets(w, b, m)
      case 'OffsetForLeaderEpoch':
        return handleOffsetForLeaderEpoch(w, b, m)
      case 'InitProducerId':
        return handleInitProducerId(w, b, m)
      case 'FindCoordinator':
      case 'JoinGroup':
      case 'SyncGroup':
      case 'Heartbeat':
      case 'LeaveGroup':
      case 'OffsetCommit':
      case 'OffsetFetch':
      case 'ConsumerGroupHeartbeat':
      case 'ShareGroupHeartbeat':
        return handleGroupRequest(w, b, m)
      case 'ShareFetch':
        return handleShareFetch(w, b, m)
      case 'ShareAcknowledge':
        return handleShareAcknowledge(w, b, m)
      case 'CreateTopics':
        return handleCreateTopics(w, b, m)
      case 'DeleteTopics':
        return handleDeleteTopics(w, b, m)
      case 'EnvelopeResponse':
        return onEnvelopeResponse(w, b, m)
      case 'FetchResponse':
        return onReplicaFetchResponse(w, b, m)
      case 'AlterPartitionResponse':
        return onPartitionChanges(w, b, onAlterPartitionResponse(w, b, m))
      case 'BrokerHeartbeatResponse':
        onPartitionChanges(w, b, handleBrokerMessage(w, b, m))
        return stopBrokerIfShutDown(w, b)
      case 'BrokerRegistrationResponse':
      case 'RaftFetchResponse':
        return onPartitionChanges(w, b, handleBrokerMessage(w, b, m))
      case 'ZkConnectResponse':
      case 'ZkPingResponse':
      case 'ZkResponse':
      case 'ZkWatchEvent':
        return onZkBrokerMessage(w, b, m)
      case 'LeaderAndIsr':
        return onPartitionChanges(w, b, onLeaderAndIsr(w, b, m))
      case 'UpdateMetadata':
        return onUpdateMetadata(w, b, m)
      // ZooKeeper mode: requests and answers for the controller this broker runs
      case 'AlterPartition':
        return handleAlterPartition(w, b, m)
      case 'LeaderAndIsrResponse':
      case 'UpdateMetadataResponse':
        return onBrokerAnswer(w, b, m)
    }
  },
  timerGroups: ['broker', 'coord', 'zkc'],
  onTimer(w, n, kind, data) {
    const b = w.brokers[n.id]
    switch (kind) {
      case 'broker.tick':
        if (w.zookeeper) zkBrokerTick(w, b)
        return brokerTick(w, b)
      case 'broker.isr':
        return brokerIsrTimer(w, b)
      case 'broker.metaRetry':
        return retryMetadata(w, b)
      case 'broker.register':
        return w.zookeeper ? retryZkRegistration(w, b) : retryRegistration(w, b)
      case 'broker.zkConnect':
        return reconnectZkClient(w, b, data as string)
      case 'broker.fetcherRetry':
        return retryFetcher(w, b, data as number)
      case 'coord.tick':
        return coordinatorTimer(w, b, data as number)
      case 'broker.purge':
        return onPurgeTimer(w, b, data as number)
      case 'broker.retention':
        return onRetentionTimer(w, b)
      case 'broker.cleaner':
        return onCleanerTimer(w, b)
      case 'broker.share':
        return onShareTimer(w, b, data as number)
      case 'zkc.bootstrap':
      case 'zkc.rebalance':
        return handleZkControllerTimer(w, b, kind, data as number)
    }
  },
  onDisconnect(w, n, peer) {
    const b = w.brokers[n.id]
    onFetcherDisconnect(w, b, peer)
    if (w.zookeeper) onZkBrokerDisconnect(w, b, peer)
  },
}

const producer: NodeBehaviour = {
  kind: 'producer',
  runsOn: (n) => n.producer !== undefined,
  start: (w, n) => startProducerClient(w, w.producers[n.producer!]),
  crash: (w, n) => crashProducer(w.producers[n.producer!]),
  accepts: () => true,
  onMessage: (w, n, m) => handleProducerMessage(w, w.producers[n.producer!], m),
  timerGroups: ['producer'],
  onTimer(w, n, kind, data) {
    const p = w.producers[n.producer!]
    if (kind === 'producer.wake') return onWakeTimer(w, p, data as number)
    return wake(w, p)
  },
  onDisconnect: (w, n, peer) => onProducerDisconnect(w, w.producers[n.producer!], peer),
}

const reader: NodeBehaviour = {
  kind: 'reader',
  runsOn: (n) => n.reader !== undefined,
  start: (w, n) => startReader(w, w.readers[n.reader!]),
  restart: (w, n) => restartReader(w.readers[n.reader!]),
  accepts: () => true,
  onMessage: (w, n, m) => handleReaderMessage(w, w.readers[n.reader!], m),
  timerGroups: ['reader'],
  onTimer: (w, n) => readerTick(w, w.readers[n.reader!]),
  onDisconnect: (w, n, peer) => onReaderDisconnect(w, w.readers[n.reader!], peer),
}

const member: NodeBehaviour = {
  kind: 'member',
  runsOn: (n) => n.member !== undefined,
  start: (w, n) => startGroupMember(w, w.members[n.member!]),
  crash: (w, n) => crashGroupMember(w, w.members[n.member!]),
  accepts: () => true,
  onMessage: (w, n, m) => handleMemberMessage(w, w.members[n.member!], m),
  timerGroups: ['member'],
  onTimer: (w, n, kind, data) => handleMemberTimer(w, w.members[n.member!], kind, data),
  onDisconnect: (w, n, peer) => onMemberDisconnect(w, w.members[n.member!], peer),
}

const shareMember: NodeBehaviour = {
  kind: 'shareMember',
  runsOn: (n) => n.shareMember !== undefined,
  start: (w, n) => startShareMember(w, w.shareMembers[n.shareMember!]),
  crash: (w, n) => crashShareMember(w, w.shareMembers[n.shareMember!]),
  accepts: () => true,
  onMessage: (w, n, m) => handleShareMemberMessage(w, w.shareMembers[n.shareMember!], m),
  timerGroups: ['share'],
  onTimer: (w, n, kind, data) => handleShareMemberTimer(w, w.shareMembers[n.shareMember!], kind, data),
  onDisconnect: (w, n, peer) => onShareMemberDisconnect(w, w.shareMembers[n.shareMember!], peer),
}

/** A real client connected through kafkascope serve: what reaches it waits for serve (clients/external-client.ts). */
const external: NodeBehaviour = {
  kind: 'external',
  runsOn: (n) => n.external !== undefined,
  start: () => {},
  accepts: () => true,
  onMessage: (w, n, m) => onExternalMessage(w.externals[n.external!], m),
  timerGroups: [],
  onTimer: () => {},
  onDisconnect: (w, n, peer) => onExternalDisconnect(w.externals[n.external!], peer),
}

/** Every kind, in the fixed order of start-up and message routing. */
export const NODE_BEHAVIOURS: readonly NodeBehaviour[] = [zookeeper, controller, broker, producer, reader, member, shareMember, external]

const BY_TIMER_GROUP: Record<string, NodeBehaviour> = {}
for (const b of NODE_BEHAVIOURS) for (const g of b.timerGroups) BY_TIMER_GROUP[g] = b

/**
 * Hand an event that reached a live, unpaused node to the behaviour that owns it. This is the hot
 * path of every run, so it tests the node's kinds in NODE_BEHAVIOURS' order field by field instead
 * of looping over the registry's closures (the broker node id is its broker id: create-world.ts).
 */
export function dispatch(w: World, n: NodeInfo, kind: string, data: unknown): void {
  if (kind === 'msg') {
    const b = messageOwner(n, data as Msg)
    if (b !== undefined) b.onMessage(w, n, data as Msg)
    return
  }
  if (kind === 'disconnect') {
    for (const b of NODE_BEHAVIOURS) if (b.runsOn(n)) b.onDisconnect?.(w, n, data as string)
    return
  }
  const owner = BY_TIMER_GROUP[kind.slice(0, kind.indexOf('.'))]
  if (owner !== undefined && owner.runsOn(n)) owner.onTimer(w, n, kind, data)
}

/** The first kind on the node, in NODE_BEHAVIOURS' order, that accepts the message. */
export function messageOwner(n: NodeInfo, m: Msg): NodeBehaviour | undefined {
  if (n.controller !== undefined && controller.accepts(m)) return controller
  if (n.broker !== undefined && broker.accepts(m)) return broker
  if (n.producer !== undefined) return producer
  if (n.reader !== undefined) return reader
  if (n.member !== undefined) return member
  if (n.shareMember !== undefined) return shareMember
  // the legacy mode's servers and real clients run nothing else: tested last, off KRaft's hot path
  if (n.zookeeper !== undefined) return zookeeper.accepts(m) ? zookeeper : undefined
  if (n.external !== undefined) return external
  return undefined
}

/**
 * The process on node `id` stops (a crash, or the clean exit after a controlled shutdown): as far as
 * what it forgets goes the two are the same, for every kind the node runs (a combined broker's
 * controller stops with it). Returns whether it was running.
 */
export function stopProcess(w: World, id: string): boolean {
  const n = w.nodes[id]
  if (!stopNode(w, id)) return false
  for (const b of NODE_BEHAVIOURS) if (b.runsOn(n)) b.crash?.(w, n)
  return true
}

/** A broker the controller let go (or that had nothing to hand over) stops now. */
export function stopBrokerIfShutDown(w: World, b: BrokerNode): void {
  if (b.lifecycle !== 'shutDown' || !w.nodes[b.node]?.up) return
  stopProcess(w, b.node)
  emit(w, { type: 'BrokerStopped', broker: b.id })
}
