/**
 * Consumer-group checkers, written from what the members observed (history.reads of each member,
 * history.groups: assignments, revocations, acknowledged commits), never from coordinator code.
 *
 * - concurrentConsumers: two members of one group consuming the same partition at once — member A
 *   polls it, then B, then A again, with no new assignment of it to A in between (a rebalance that
 *   let an old owner keep reading, e.g. a zombie cut off from its coordinator);
 * - partitionOwnedTwice (KIP-848 groups): a member was given a partition (its reconciliation added
 *   it) while another member of the group still owned it: it had neither revoked nor lost it (a
 *   crashed process loses its partitions). The consumer protocol hands a partition over only once
 *   its owner has acknowledged giving it up, so this never happens while members reach their
 *   coordinator; a member cut off from it keeps its partitions until it hears it was fenced.
 * - committedBackwards: within one generation, a member's acknowledged commit for a partition is
 *   lower than an earlier acknowledged commit of that generation;
 * - skippedRecords: offsets below what the group has committed that no member of the group ever
 *   read, other than jumps the members made on purpose (a reset: auto.offset.reset, an operator's
 *   reset to a later offset);
 * - redeliveries (not an anomaly: at-least-once): records a group read more than once, e.g. after a
 *   crash from the last commit.
 */
import type { Anomaly } from '../trace/summary-types.ts'
import type { History, ReadLog } from '../history/history.ts'
import { getInt } from '../history/int-column.ts'
import type { GroupHistoryEvent } from '../history/group-history.ts'

export interface GroupCheckResult {
  concurrentConsumers: Anomaly[]
  partitionsOwnedTwice: Anomaly[]
  committedBackwards: Anomaly[]
  skippedRecords: Anomaly[]
  redeliveries: number
}

interface Poll {
  atMs: number
  member: string
  from: number
  to: number
}

function groupOfMember(events: GroupHistoryEvent[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of events) out[e.member] = e.groupId
  return out
}

/** Polls of each (group, tp), in time order (then member, for a total order). */
function pollsByGroupTp(h: History, memberGroup: Record<string, string>): Record<string, { logs: ReadLog[]; polls: Poll[] }> {
  const out: Record<string, { logs: ReadLog[]; polls: Poll[] }> = {}
  for (const key of Object.keys(h.reads).sort()) {
    const log = h.reads[key]
    const group = memberGroup[log.reader]
    if (!group) continue
    const k = `${group}|${log.tp}`
    const entry = (out[k] ??= { logs: [], polls: [] })
    entry.logs.push(log)
    for (let i = 0; i < log.n; i++) entry.polls.push({ atMs: getInt(log.atMs, i), member: log.reader, from: getInt(log.from, i), to: getInt(log.to, i) })
  }
  for (const k of Object.keys(out)) out[k].polls.sort((a, b) => a.atMs - b.atMs || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0))
  return out
}

function assignedTimes(events: GroupHistoryEvent[]): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  for (const e of events) {
    if (e.kind !== 'assigned') continue
    for (const tp of e.tps) (out[`${e.member}|${tp}`] ??= []).push(e.atMs)
  }
  return out
}

function findConcurrent(key: string, polls: Poll[], assigned: Record<string, number[]>): Anomaly[] {
  const out: Anomaly[] = []
  const [group, tp] = key.split('|')
  const lastPoll: Record<string, number> = {}
  let previous: Poll | null = null
  for (const p of polls) {
    if (previous && previous.member !== p.member && lastPoll[p.member] !== undefined) {
      const since = previous.atMs
      const reassigned = (assigned[`${p.member}|${tp}`] ?? []).some((t) => t >= lastPoll[p.member] && t <= p.atMs && t >= since - 1)
      if (!reassigned) {
        out.push({
          kind: 'concurrentConsumers' as Anomaly['kind'],
          atMs: p.atMs,
          detail: `group ${group}: ${tp} read by ${previous.member} at ${previous.atMs} ms and by ${p.member} at ${p.atMs} ms, which had read it before (${lastPoll[p.member]} ms) and was not assigned it again`,
          tp,
          facts: { kind: 'concurrentConsumers', groupId: group, first: { who: previous.member, atMs: previous.atMs }, second: { who: p.member, atMs: p.atMs }, previousMs: lastPoll[p.member] },
        })
      }
    }
    lastPoll[p.member] = p.atMs
    previous = p
  }
  return out
}

function findBackwards(events: GroupHistoryEvent[]): Anomaly[] {
  const out: Anomaly[] = []
  const last: Record<string, number> = {}
  for (const e of events) {
    if (e.kind !== 'committed') continue
    for (const tp of Object.keys(e.offsets)) {
      const k = `${e.groupId}|${e.generation}|${tp}`
      const prev = last[k]
      if (prev !== undefined && e.offsets[tp] < prev) {
        out.push({
          kind: 'committedBackwards' as Anomaly['kind'],
          atMs: e.atMs,
          detail: `group ${e.groupId}: ${e.member} committed ${tp} offset ${e.offsets[tp]} at ${e.atMs} ms in generation ${e.generation}, below ${prev} committed earlier in that generation`,
          tp,
          facts: { kind: 'committedBackwards', groupId: e.groupId, member: e.member, offset: e.offsets[tp], atMs: e.atMs, generation: e.generation, previous: prev },
        })
      }
      last[k] = Math.max(prev ?? -Infinity, e.offsets[tp])
    }
  }
  return out
}

/** KIP-848 groups: follow who owns each partition, from what members recorded they added, revoked and lost. */
function findOwnedTwice(events: GroupHistoryEvent[]): Anomaly[] {
  const out: Anomaly[] = []
  const owner: Record<string, { member: string; sinceMs: number }> = {}
  for (const e of events) {
    if (e.kind === 'committed' || e.protocol !== 'consumer') continue
    if (e.kind === 'revoked') {
      for (const tp of e.tps) if (owner[`${e.groupId}|${tp}`]?.member === e.member) delete owner[`${e.groupId}|${tp}`]
      continue
    }
    for (const tp of e.added) {
      const k = `${e.groupId}|${tp}`
      const prev = owner[k]
      if (prev !== undefined && prev.member !== e.member) {
        out.push({
          kind: 'partitionOwnedTwice' as Anomaly['kind'],
          atMs: e.atMs,
          detail: `group ${e.groupId}: ${tp} given to ${e.member} at ${e.atMs} ms while ${prev.member}, its owner since ${prev.sinceMs} ms, had not given it up`,
          tp,
          facts: { kind: 'partitionOwnedTwice', groupId: e.groupId, first: { who: prev.member, atMs: prev.sinceMs }, second: { who: e.member, atMs: e.atMs } },
        })
      }
      owner[k] = { member: e.member, sinceMs: e.atMs }
    }
  }
  return out
}

/** Highest acknowledged commit per (group, tp). */
function maxCommitted(events: GroupHistoryEvent[]): Record<string, { offset: number; atMs: number }> {
  const out: Record<string, { offset: number; atMs: number }> = {}
  for (const e of events) {
    if (e.kind !== 'committed') continue
    for (const tp of Object.keys(e.offsets)) {
      const k = `${e.groupId}|${tp}`
      if (!out[k] || e.offsets[tp] > out[k].offset) out[k] = { offset: e.offsets[tp], atMs: e.atMs }
    }
  }
  return out
}

/** Gaps in what a group read below what it committed, and how much it read twice. */
function findSkips(key: string, logs: ReadLog[], polls: Poll[], committed: { offset: number; atMs: number } | undefined): { skips: Anomaly[]; redelivered: number } {
  if (polls.length === 0) return { skips: [], redelivered: 0 }
  const jumpTargets = new Set<number>()
  let start = Infinity
  for (const log of logs) for (let i = 0; i < log.resets.length; i += 2) {
    jumpTargets.add(log.resets[i + 1])
    start = Math.min(start, log.resets[i + 1])
  }
  const ranges = polls.map((p) => [p.from, p.to] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  if (start === Infinity) start = ranges[0][0]
  const limit = committed ? committed.offset : 0
  const skips: Anomaly[] = []
  let redelivered = 0
  let covered = start
  for (const [from, to] of ranges) {
    if (from > covered && from <= limit && !jumpTargets.has(from)) {
      const [group, tp] = key.split('|')
      skips.push({
        kind: 'skippedRecords' as Anomaly['kind'],
        atMs: committed!.atMs,
        detail: `group ${group}: ${tp} offsets ${covered}..${from - 1} were never read by any member, yet the group committed ${limit}`,
        tp,
        facts: { kind: 'skippedRecords', groupId: group, from: covered, to: from - 1, committed: limit },
      })
    }
    if (from < covered) redelivered += Math.min(to, covered) - from
    covered = Math.max(covered, to)
  }
  return { skips, redelivered }
}

export function checkGroups(h: History): GroupCheckResult {
  const events = h.groups ?? []
  const result: GroupCheckResult = { concurrentConsumers: [], partitionsOwnedTwice: findOwnedTwice(events), committedBackwards: findBackwards(events), skippedRecords: [], redeliveries: 0 }
  if (events.length === 0) return result
  const byGroupTp = pollsByGroupTp(h, groupOfMember(events))
  const assigned = assignedTimes(events)
  const committed = maxCommitted(events)
  for (const key of Object.keys(byGroupTp).sort()) {
    const { logs, polls } = byGroupTp[key]
    result.concurrentConsumers.push(...findConcurrent(key, polls, assigned))
    const { skips, redelivered } = findSkips(key, logs, polls, committed[key])
    result.skippedRecords.push(...skips)
    result.redeliveries += redelivered
  }
  return result
}
