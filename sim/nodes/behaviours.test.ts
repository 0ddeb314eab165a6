// The dispatch fast path (messageOwner) picks the same behaviour as the registry's rule: the first
// kind in NODE_BEHAVIOURS' order that runs on the node and accepts the message.
import { describe, expect, test } from 'vitest'
import type { NodeInfo } from '../kernel/node-io.ts'
import type { Msg } from './world.ts'
import { messageOwner, NODE_BEHAVIOURS } from './behaviours.ts'

const APIS = `AllocateProducerIds AllocateProducerIdsResponse AlterPartition AlterPartitionResponse BeginQuorumEpoch
  BrokerHeartbeat BrokerHeartbeatResponse BrokerRegistration BrokerRegistrationResponse Fetch FetchResponse
  FindCoordinator FindCoordinatorResponse Heartbeat HeartbeatResponse InitProducerId InitProducerIdResponse JoinGroup
  JoinGroupResponse LeaveGroup LeaveGroupResponse ListOffsets ListOffsetsResponse Metadata MetadataResponse
  OffsetCommit OffsetCommitResponse OffsetFetch OffsetFetchResponse OffsetForLeaderEpoch OffsetForLeaderEpochResponse
  Produce ProduceResponse RaftFetch RaftFetchResponse SyncGroup SyncGroupResponse Vote VoteResponse`.split(/\s+/)

const node = (kinds: Partial<NodeInfo>): NodeInfo => ({ id: '1', up: true, inc: 0, paused: false, deferred: [], traceId: 0, ...kinds })
const NODES: Record<string, NodeInfo> = {
  'combined broker-controller': node({ broker: 1, controller: '1' }),
  broker: node({ broker: 2 }),
  'dedicated controller': node({ controller: 'controller-1' }),
  producer: node({ producer: 'p1' }),
  reader: node({ reader: 'r1' }),
  member: node({ member: 'g-1' }),
}

describe('messageOwner follows the registry order', () => {
  for (const [name, n] of Object.entries(NODES)) {
    test(name, () => {
      for (const api of APIS) {
        for (const variant of [{}, { observer: true }, { observer: false }, { replicaId: 2 }, { replicaId: -1 }]) {
          const m = { api, from: 'x', corr: 1, ...variant } as unknown as Msg
          const expected = NODE_BEHAVIOURS.find((b) => b.runsOn(n) && b.accepts(m))
          expect(messageOwner(n, m)?.kind, `${api} ${JSON.stringify(variant)}`).toBe(expected?.kind)
        }
      }
    })
  }
})
