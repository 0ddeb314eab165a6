/**
 * The coordinator's error replies are typed per API: a group request to a broker that does not
 * (yet) coordinate the group gets NOT_COORDINATOR in the response of its own API.
 */
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { parseScenario } from '../index.ts'
import { createWorld } from '../nodes/create-world.ts'
import { runUntil } from '../run.ts'
import { queuedEvents } from '../kernel/scheduler.ts'
import { handleGroupRequest } from './group-coordinator.ts'
import type { GroupRequest, GroupResponse } from '../kafka/messages.ts'

test('NOT_COORDINATOR comes back as the response of the request’s API', () => {
  const s = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/consumer-group-rebalance.json', import.meta.url), 'utf8')))
  const w = createWorld(s, s.seed)
  runUntil(w, 1)
  const [a, other] = Object.values(w.brokers)
  const from = other.node
  const common = { from, groupId: 'no-such-group', memberId: 'm-1', groupInstanceId: null }
  const requests: GroupRequest[] = [
    { ...common, api: 'JoinGroup', corr: 9001, clientId: 'c', sessionTimeoutMs: 45000, rebalanceTimeoutMs: 300000, protocols: [], reason: '' },
    { ...common, api: 'SyncGroup', corr: 9002, generation: 1, assignments: {} },
    { ...common, api: 'Heartbeat', corr: 9003, generation: 1 },
    { ...common, api: 'LeaveGroup', corr: 9004, reason: '' },
    { ...common, api: 'OffsetCommit', corr: 9005, generation: 1, offsets: {} },
    { from, api: 'OffsetFetch', corr: 9006, groupId: 'no-such-group', tps: [] },
  ]
  for (const r of requests) handleGroupRequest(w, a, r)
  const replies = queuedEvents(w.queue)
    .filter((e) => e.kind === 'msg' && (e.data as GroupResponse).corr >= 9001)
    .map((e) => e.data as GroupResponse)
    .sort((x, y) => x.corr - y.corr)
  expect(replies.map((r) => [r.api, r.error])).toEqual([
    ['JoinGroupResponse', 'NOT_COORDINATOR'],
    ['SyncGroupResponse', 'NOT_COORDINATOR'],
    ['HeartbeatResponse', 'NOT_COORDINATOR'],
    ['LeaveGroupResponse', 'NOT_COORDINATOR'],
    ['OffsetCommitResponse', 'NOT_COORDINATOR'],
    ['OffsetFetchResponse', 'NOT_COORDINATOR'],
  ])
  expect(replies[0]).toMatchObject({ memberId: 'm-1', generation: -1, members: [] })
})
