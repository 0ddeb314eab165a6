/**
 * State invariants checked after every event (as TigerBeetle's state checker does), reading the world
 * only, never calling the code under check. Each one is something Kafka itself guarantees at all
 * times (kafka-semantics.md §4, §5):
 *
 * - hwAboveLeo: a replica's high watermark is at most its log end offset (UnifiedLog caps the HW at
 *   the LEO), on every replica, crashed brokers' logs included (the log is on disk);
 * - twoLeadersInOneEpoch: one leader per (partition, leader epoch). Every leader change bumps the
 *   epoch, so two live brokers acting as leader with the same epoch is a split brain. A deposed or
 *   fenced broker that still acts as leader in an older epoch is not one: Kafka allows that zombie
 *   (its followers and the controller fence it by epoch), and so does this check;
 * - isrNotInReplicas: the ISR is a subset of the replicas, in the active controller's image and in
 *   each leader's partition state (its ISR and its maximal ISR, KIP-497);
 * - fencedBrokerLeads: in the active controller's image no partition is led by a fenced broker (the
 *   controller moves leadership away in the batch that fences, ReplicationControlManager);
 * - committedAboveHw: a group's committed offset is at most the highest high watermark the partition
 *   has had. Not the current leader's HW: Kafka's OffsetCommit does not look at the log at all
 *   (OffsetMetadataManager.commitOffset validates the member and generation only), a new leader's HW
 *   can trail the old one's until its followers fetch, and after an unclean election the new leader's
 *   log may end below a committed offset. What holds is that a consumer commits positions it reached
 *   by fetching below some leader's HW (or reset to the HW), so no commit passes every HW ever seen;
 * - shareWindow (KIP-932): a share partition's window is well formed, as SharePartition keeps it: its
 *   start offset (SPSO) is at most its end, it holds one state per offset, its first record is not
 *   done (the SPSO moves past those), a record is ACQUIRED exactly when it has a holder and a lock
 *   deadline, and no record was delivered more than group.share.delivery.count.limit times.
 *
 * Cost: after a message or timer only the node that handled it can have changed (behaviours change
 * their own node's state; only timeline actions reach into others), so only that node's broker
 * replicas and coordinator are read, and the active controller's image only when it changed (another
 * controller, epoch or last applied offset). After a timeline action everything is read:
 * O(replicas + partitions + committed offsets).
 */
import type { World } from '../nodes/world.ts'
import type { BrokerNode, Replica } from '../cluster/types.ts'
import type { ControllerNode } from '../controller/types.ts'
import type { MetadataImage } from '../controller/metadata.ts'
import { ACKNOWLEDGED, ACQUIRED, ARCHIVED } from '../cluster/share-partition.ts'

export type InvariantName = 'hwAboveLeo' | 'twoLeadersInOneEpoch' | 'isrNotInReplicas' | 'fencedBrokerLeads' | 'committedAboveHw' | 'shareWindow'

export interface InvariantViolation {
  invariant: InvariantName
  detail: string
}

/** What the checker remembers across events. */
export interface InvariantState {
  /** `${tp}|${leaderEpoch}` -> the broker seen acting as leader in that epoch, and since when */
  leaders: Map<string, { broker: number; atMs: number }>
  /** per partition, the highest high watermark any replica has had since checking began */
  maxHw: Map<string, number>
  /** the active controller's image last checked: `${id}|${epoch}|${image offset}`, '' for none */
  checkedImage: string
  /** leader replicas already recorded in `leaders`, with the epoch they were recorded in */
  recorded: WeakMap<Replica, number>
  /** false until the first check, which reads everything */
  started: boolean
}

export function newInvariantState(): InvariantState {
  return { leaders: new Map(), maxHw: new Map(), checkedImage: '', recorded: new WeakMap(), started: false }
}

/**
 * Check the world after one event. `touched` is the node whose message or timer just ran, or null
 * after a timeline action: then every node is read (as on the first check). Returns the broken
 * invariants, in a fixed order (brokers by id, partitions by name, then the controller, then groups).
 */
export function checkInvariants(w: World, state: InvariantState, touched: string | null): InvariantViolation[] {
  if (!state.started) {
    state.started = true
    touched = null
  }
  const out: InvariantViolation[] = []
  const brokers = touched === null ? w.brokerIds.map(String) : brokerOn(w, touched)
  for (const id of brokers) checkReplicas(w, w.brokers[id], state, out)
  const active = activeController(w)
  const zk = w.zookeeper
  const image = zk ? `zk|${zk.zxid}` : active ? `${active.id}|${active.epoch}|${active.image.offset}` : ''
  if (touched === null || image !== state.checkedImage) {
    state.checkedImage = image
    if (zk) checkImage(zk.data, 'ZooKeeper', out)
    else if (active) checkImage(active.image, `controller ${active.id}'s image`, out)
  }
  for (const id of brokers) if (w.nodes[id].up) checkCommitted(w.brokers[id], state, out)
  if (brokers.length > 0) checkShareWindows(w, out)
  return out
}

// ---------------------------------------------------------------------------------------------------
// Share partitions (KIP-932): the window's shape

function checkShareWindows(w: World, out: InvariantViolation[]): void {
  const limit = w.brokerConfig['group.share.delivery.count.limit']
  for (const key of Object.keys(w.shares).sort()) {
    const sp = w.shares[key]
    const n = sp.endOffset - sp.startOffset
    const bad = (what: string) => out.push({ invariant: 'shareWindow', detail: `share partition ${key}: ${what}` })
    if (n < 0) bad(`start offset ${sp.startOffset} above end ${sp.endOffset}`)
    let next = sp.startOffset
    for (const b of sp.batches) {
      if (b.first !== next || b.last < b.first) bad(`a batch [${b.first}, ${b.last}] where the window's next offset is ${next}`)
      next = b.last + 1
    }
    if (next !== sp.endOffset) bad(`${n} offsets in the window but its batches end at ${next}`)
    const head = sp.batches[0]
    if (head !== undefined && (head.state === ACKNOWLEDGED || head.state === ARCHIVED)) bad(`its first record (offset ${sp.startOffset}) is done, yet the start offset did not move past it`)
    for (const b of sp.batches) {
      if ((b.state === ACQUIRED) !== (b.owner !== '' && b.lockUntilMs >= 0)) bad(`offset ${b.first} is in state ${b.state} with holder '${b.owner}' and lock ${b.lockUntilMs}`)
      if (b.deliveries > limit) bad(`offset ${b.first} delivered ${b.deliveries} times (limit ${limit})`)
    }
  }
}

function brokerOn(w: World, node: string): string[] {
  const b = w.nodes[node]?.broker
  return b === undefined ? [] : [String(b)]
}

// ---------------------------------------------------------------------------------------------------
// Replicas: HW ≤ LEO, one leader per epoch, the leader's ISR within its replicas

function checkReplicas(w: World, b: BrokerNode, state: InvariantState, out: InvariantViolation[]): void {
  const up = w.nodes[b.node].up
  for (const tp of b.replicaOrder) {
    const r = b.replicas[tp]
    if (r.hw > r.leo) {
      out.push({ invariant: 'hwAboveLeo', detail: `${tp} replica on broker ${b.id}: high watermark ${r.hw} above log end offset ${r.leo}` })
    }
    if (r.hw > (state.maxHw.get(tp) ?? -1)) state.maxHw.set(tp, r.hw)
    if (!up || r.role !== 'leader') continue
    checkLeaderEpoch(w, b, r, state, out)
    if (!isSubset(r.isr, r.replicas)) out.push(isrViolation(`${tp} on leader broker ${b.id}`, 'ISR', r.isr, r.replicas))
    if (!isSubset(r.maximalIsr, r.replicas)) out.push(isrViolation(`${tp} on leader broker ${b.id}`, 'maximal ISR', r.maximalIsr, r.replicas))
  }
}

function checkLeaderEpoch(w: World, b: BrokerNode, r: Replica, state: InvariantState, out: InvariantViolation[]): void {
  if (state.recorded.get(r) === r.leaderEpoch) return
  const key = `${r.tp}|${r.leaderEpoch}`
  const seen = state.leaders.get(key)
  if (seen === undefined) state.leaders.set(key, { broker: b.id, atMs: w.nowMs })
  if (seen === undefined || seen.broker === b.id) {
    state.recorded.set(r, r.leaderEpoch)
    return
  }
  out.push({
    invariant: 'twoLeadersInOneEpoch',
    detail: `${r.tp} leader epoch ${r.leaderEpoch}: broker ${b.id} acts as leader, and broker ${seen.broker} did since ${seen.atMs} ms`,
  })
}

function isSubset(isr: readonly number[], replicas: readonly number[]): boolean {
  for (const id of isr) if (!replicas.includes(id)) return false
  return true
}

function isrViolation(where: string, what: string, isr: readonly number[], replicas: readonly number[]): InvariantViolation {
  const outside = isr.filter((id) => !replicas.includes(id))
  return { invariant: 'isrNotInReplicas', detail: `${where}: ${what} [${isr.join(',')}] has ${outside.join(',')}, not among the replicas [${replicas.join(',')}]` }
}

// ---------------------------------------------------------------------------------------------------
// The active controller's image: ISR within the replicas, no fenced leader

/** The Raft leader that is up, the highest epoch first (a deposed leader may not know yet). */
function activeController(w: World): ControllerNode | undefined {
  let best: ControllerNode | undefined
  for (const id of w.voterIds) {
    const c = w.controllers[id]
    if (c.role !== 'Leader' || !w.nodes[id].up) continue
    if (!best || c.epoch > best.epoch) best = c
  }
  return best
}

/** The authoritative metadata (`where`: whose): ISR within the replicas, no fenced leader. */
function checkImage(img: MetadataImage, where: string, out: InvariantViolation[]): void {
  for (const name of img.topicNames) {
    for (const p of img.topics[name].partitions) {
      if (!p) continue
      if (!isSubset(p.isr, p.replicas)) out.push(isrViolation(`${p.topic}-${p.partition} in ${where}`, 'ISR', p.isr, p.replicas))
      if (p.leader >= 0 && img.brokers[p.leader]?.fenced) {
        out.push({
          invariant: 'fencedBrokerLeads',
          detail: `${p.topic}-${p.partition} in ${where}: leader broker ${p.leader} is fenced (leader epoch ${p.leaderEpoch})`,
        })
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Committed offsets

function checkCommitted(b: BrokerNode, state: InvariantState, out: InvariantViolation[]): void {
  const groups = b.coordinator.groups
  for (const groupId of Object.keys(groups)) {
    const committed = groups[groupId].committed
    for (const tp of Object.keys(committed)) {
      const offset = committed[tp]
      const hw = state.maxHw.get(tp) ?? 0
      if (offset <= hw) continue
      out.push({
        invariant: 'committedAboveHw',
        detail: `group ${groupId} on coordinator broker ${b.id}: committed offset ${offset} for ${tp}, above ${hw}, the highest high watermark ${tp} has had`,
      })
    }
  }
}
