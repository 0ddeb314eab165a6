/**
 * A group member as the views show it (MemberView): what the KafkaConsumer itself knows now, its
 * member id and generation, the partitions it owns and is revoking (ConsumerCoordinator's
 * onPartitionsRevoked during a rebalance), its positions and committed offsets, and its counters.
 * Read-only over the member's state.
 */
import { compareTp } from '../kafka/topic-partition.ts'
import type { MemberNode, MemberView } from '../clients/group-consumer-types.ts'

export function memberView(m: MemberNode): MemberView {
  const positions: Record<string, number> = {}
  for (const p of m.owned) positions[p.tp] = p.position
  const committed: Record<string, number> = {}
  for (const tp of Object.keys(m.committed).sort(compareTp)) committed[tp] = m.committed[tp]
  const errors: Record<string, number> = {}
  for (const e of Object.keys(m.errors).sort()) errors[e] = m.errors[e]
  return {
    clientId: m.id,
    groupId: m.groupId,
    groupProtocol: m.groupProtocol,
    consumerState: m.groupProtocol === 'consumer' ? m.cgState : null,
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    generation: m.generation,
    state: m.state,
    protocol: m.protocol,
    assignor: m.protocolName,
    coordinator: m.coordinator,
    assignment: m.owned.map((p) => p.tp),
    revoking: m.owned.filter((p) => p.pendingRevocation).map((p) => p.tp),
    app: m.app,
    positions,
    committed,
    polled: m.polled,
    commitsAcked: m.commitsAcked,
    rebalances: m.rebalances,
    backlog: m.backlog,
    errors,
  }
}
