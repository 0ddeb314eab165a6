// What the inspector says about how this run differs from the scenario as written: the person's
// interventions so far (the scenario's description cannot know them), and the scenario's actions
// still to come, each marked when what happened since makes it do nothing (crashing a broker that
// is already down, restarting one that is up: Kafka's process is simply already in that state).

import type { ClusterView, TimelineAction } from '../../../sim/index.ts'
import type { Text } from '../../i18n.ts'
import { actionText } from '../action-text.ts'

export interface ChangeLine {
  atMs: number
  text: Text
  /** why this scenario action will change nothing, if it will not */
  moot: Text | null
}

export interface RunChanges {
  /** the person's changes up to now, oldest first */
  mine: ChangeLine[]
  /** the scenario's actions after now, soonest first */
  upcoming: ChangeLine[]
}

/**
 * The broker a crashBroker, shutdownBroker or restartBroker action names, as of now: a number, or a reference
 * (leader:orders-0, replica:orders-0:1) read from the cluster's metadata now, as the action will be
 * read when its time comes (the leader may have changed by then). `byReference` says which.
 */
function brokerNow(a: TimelineAction, view: ClusterView | null): { id: number; byReference: boolean } | null {
  if (a.action !== 'crashBroker' && a.action !== 'shutdownBroker' && a.action !== 'restartBroker') return null
  const ref = a.broker
  if (typeof ref === 'number') return { id: ref, byReference: false }
  if (/^\d+$/.test(ref)) return { id: Number(ref), byReference: false }
  const id = brokerByReference(ref, view)
  return id === null ? null : { id, byReference: true }
}

function brokerByReference(ref: string, view: ClusterView | null): number | null {
  const m = /^(leader|replica):(.+?)(?::(\d+))?$/.exec(ref)
  const p = m ? view?.partitions.find((x) => x.tp === m[2]) : undefined
  if (!m || !p) return null
  const id = m[1] === 'leader' ? p.leader : p.replicas[m[3] === undefined ? 0 : Number(m[3])]
  return id === undefined || id < 0 ? null : id
}

const STOPS_OR_STARTS_BROKERS: ReadonlySet<string> = new Set(['crashBroker', 'shutdownBroker', 'restartBroker', 'crashController', 'crashRack', 'restartRack'])

/**
 * Why each upcoming action will change nothing, if it will not: broker actions are played forward
 * from the brokers' state now (a scenario that crashes broker 3 at 20 s and restarts it at 40 s
 * does both, unless the person crashed it first).
 */
function mootness(upcoming: readonly TimelineAction[], view: ClusterView | null): (Text | null)[] {
  // a broker in controlled shutdown is still running but about to stop: neither is moot for it
  const down = new Map<number, boolean | 'leaving'>()
  for (const b of view?.brokers ?? []) down.set(b.id, b.state === 'shuttingDown' ? 'leaving' : b.state === 'crashed' || b.state === 'stopped')
  return upcoming.map((a) => {
    const named = brokerNow(a, view)
    // an action that may stop or start brokers not known now ("controller", a rack): after it no
    // broker's state is known, so nothing later is judged
    if (named === null && STOPS_OR_STARTS_BROKERS.has(a.action)) down.clear()
    if (named === null || !down.has(named.id)) return null
    const id = named.id
    const now = named.byReference ? { en: 'now ', ko: '지금은 ' } : { en: '', ko: '' }
    const wasDown = down.get(id)!
    down.set(id, a.action !== 'restartBroker')
    if ((a.action === 'crashBroker' || a.action === 'shutdownBroker') && wasDown === true) return { en: `${now.en}broker ${id}, already down: this changes nothing`, ko: `${now.ko}브로커 ${id}, 이미 다운됨: 아무것도 바뀌지 않음` }
    if (a.action === 'restartBroker' && !wasDown) return { en: `${now.en}broker ${id}, already running: this changes nothing`, ko: `${now.ko}브로커 ${id}, 이미 실행 중: 아무것도 바뀌지 않음` }
    return null
  })
}

export function runChanges(timeline: readonly TimelineAction[], interventions: readonly TimelineAction[], nowMs: number, view: ClusterView | null): RunChanges {
  const upcoming = timeline.filter((a) => a.atMs > nowMs).sort((x, y) => x.atMs - y.atMs)
  const moot = mootness(upcoming, view)
  return {
    mine: interventions.filter((a) => a.atMs <= nowMs).map((a) => ({ atMs: a.atMs, text: actionText(a), moot: null })),
    upcoming: upcoming.map((a, i) => ({ atMs: a.atMs, text: actionText(a), moot: moot[i] })),
  }
}
