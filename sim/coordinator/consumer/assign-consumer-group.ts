/**
 * The KIP-848 server-side assignors behind the public API (CONTRACT §7, `assignConsumerGroup`): the
 * group as plain data by topic and member names in, the assignment by names out, as the group
 * coordinator runs them (TargetAssignmentBuilder): members in java.util.HashMap order of their ids
 * (put in the input's order), subscriptions to topics that do not exist dropped, the current
 * assignment being each member's share of the target so far.
 *
 * A topic without an `id` gets one made from its name (a stable stand-in for Kafka's random topic
 * id): the uniform assignor's result can depend on the ids, so pass Kafka's to reproduce a run.
 */
import { javaHashMapOrder, javaStringHashCode } from '../../kafka/java.ts'
import { internName } from '../../kernel/trace-hash.ts'
import type { AssignorMember, AssignorTopic, ConsumerGroupSpec, GroupAssignment } from './assignment-spec.ts'
import { assignRange } from './range-assignor.ts'
import { topicIdFromBytes } from './topic-id.ts'
import { assignUniform } from './uniform-assignor.ts'

export interface ConsumerGroupAssignorInput {
  topics: Record<string, { partitions: number; id?: string }>
  members: Record<string, { subscribedTopics: string[]; instanceId?: string; rackId?: string; currentAssignment: Record<string, number[]> }>
}

/** A topic id made from the topic's name (16 bytes of four FNV-1a hashes of it). */
export function topicIdFromName(name: string): string {
  const bytes = new Uint8Array(16)
  for (let k = 0; k < 4; k++) {
    const h = internName(`${k}:${name}`)
    for (let i = 0; i < 4; i++) bytes[k * 4 + i] = (h >>> (24 - 8 * i)) & 0xff
  }
  return topicIdFromBytes(bytes)
}

export function assignConsumerGroup(assignor: 'uniform' | 'range', input: ConsumerGroupAssignorInput): Record<string, Record<string, number[]>> {
  const topics = new Map<string, AssignorTopic>()
  const idOf: Record<string, string> = {}
  for (const name of Object.keys(input.topics).sort()) {
    const id = input.topics[name].id ?? topicIdFromName(name)
    idOf[name] = id
    topics.set(id, { id, name, partitions: input.topics[name].partitions })
  }
  const members: AssignorMember[] = javaHashMapOrder(Object.keys(input.members), javaStringHashCode).map((memberId) => {
    const m = input.members[memberId]
    const current = new Map<string, number[]>()
    for (const t of Object.keys(m.currentAssignment)) if (idOf[t] !== undefined) current.set(idOf[t], m.currentAssignment[t].slice().sort((a, b) => a - b))
    return {
      memberId,
      ...(m.instanceId !== undefined ? { instanceId: m.instanceId } : {}),
      ...(m.rackId !== undefined ? { rackId: m.rackId } : {}),
      subscribedTopicIds: m.subscribedTopics.filter((t) => idOf[t] !== undefined).map((t) => idOf[t]),
      assignedPartitions: current,
    }
  })
  const spec: ConsumerGroupSpec = { members, topics }
  return byNames(assignor === 'range' ? assignRange(spec) : assignUniform(spec), topics)
}

function byNames(a: GroupAssignment, topics: ReadonlyMap<string, AssignorTopic>): Record<string, Record<string, number[]>> {
  const out: Record<string, Record<string, number[]>> = {}
  for (const [memberId, parts] of a) {
    const named: Record<string, number[]> = {}
    for (const [id, ps] of parts) if (ps.length > 0) named[topics.get(id)!.name] = ps.slice()
    out[memberId] = named
  }
  return out
}
