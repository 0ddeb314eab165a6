/**
 * Running the world: step() processes exactly one event, runUntil(t) is a loop of step().
 *
 * step() takes the earliest of (a) the next event in the queue (ordered by (timeMs, seq)) and (b) the
 * next timeline action; an action due at the same millisecond as an event runs after the events of
 * that millisecond, so an intervention applied after runUntil(t) behaves exactly like a timeline
 * action at t. Events of a node that crashed since they were scheduled are dropped. Every processed
 * event is folded into the running trace hash. `runUntil(a); runUntil(b)` equals `runUntil(b)`.
 */
import { queuePop, queuePeek } from './kernel/scheduler.ts'
import { mixTrace, internName } from './kernel/trace-hash.ts'
import type { World, Msg } from './nodes/world.ts'
import { dispatch } from './nodes/behaviours.ts'
import type { ScheduledAction } from './scenario/types.ts'
import { runAction } from './scenario/actions.ts'

/**
 * An observer of delivered messages (the app draws them). It is not part of the world, it cannot
 * change it, and it is called only for messages that reach a live, unpaused destination.
 */
export type MessageTap = (msg: Msg, to: string, atMs: number) => void

/** Process the next event or timeline action. Returns false when there is nothing left. */
export function step(w: World, tap?: MessageTap): boolean {
  const ev = queuePeek(w.queue)
  const action = w.timeline[w.timelineNext] as ScheduledAction | undefined
  if (action && actionFirst(action, ev)) {
    w.timelineNext++
    w.nowMs = Math.max(w.nowMs, action.atMs)
    w.events++
    mixTrace(w, w.nowMs, internName('sim'), internName(action.action))
    runAction(w, action)
    return true
  }
  if (!ev) return false
  queuePop(w.queue)
  w.nowMs = ev.timeMs
  w.events++
  const n = w.nodes[ev.node]
  const api = ev.kind === 'msg' ? (ev.data as Msg).api : ev.kind
  mixTrace(w, ev.timeMs, n !== undefined ? n.traceId : internName(ev.node), internName(api))
  if (!n || !n.up || ev.inc !== n.inc) return true
  if (ev.kind === 'msg') {
    const m = ev.data as Msg
    if (m.srcInc !== undefined && w.nodes[m.from].inc !== m.srcInc) return true
  }
  if (n.paused) {
    n.deferred.push({ kind: ev.kind, data: ev.data })
    return true
  }
  if (tap !== undefined && ev.kind === 'msg') tap(ev.data as Msg, ev.node, ev.timeMs)
  dispatch(w, n, ev.kind, ev.data)
  return true
}

/** A timeline action due at the same millisecond as an event runs after it. */
function actionFirst(action: ScheduledAction, ev: { timeMs: number } | undefined): boolean {
  return !ev || action.atMs < ev.timeMs
}

/** What step() will process next: an event (its node, and its API or timer name) or a timeline action. */
export interface NextStep {
  atMs: number
  /** the node the event is for; 'sim' for a timeline action */
  node: string
  /** the message's API, the timer's name, or the timeline action */
  what: string
  timeline: boolean
}

/** The next step() without taking it (null when there is nothing left); reads the world only. */
export function peekStep(w: World): NextStep | null {
  const ev = queuePeek(w.queue)
  const action = w.timeline[w.timelineNext] as ScheduledAction | undefined
  if (action && actionFirst(action, ev)) return { atMs: Math.max(w.nowMs, action.atMs), node: 'sim', what: action.action, timeline: true }
  if (!ev) return null
  return { atMs: ev.timeMs, node: ev.node, what: ev.kind === 'msg' ? (ev.data as Msg).api : ev.kind, timeline: false }
}

export function nextTime(w: World): number {
  const ev = queuePeek(w.queue)
  const action = w.timeline[w.timelineNext]
  const a = action ? action.atMs : Infinity
  const e = ev ? ev.timeMs : Infinity
  return Math.min(a, e)
}

export function runUntil(w: World, timeMs: number, tap?: MessageTap): void {
  for (;;) {
    const ev = queuePeek(w.queue)
    const action = w.timeline[w.timelineNext]
    if ((ev === undefined || ev.timeMs > timeMs) && (action === undefined || action.atMs > timeMs)) break
    step(w, tap)
  }
  if (timeMs > w.nowMs) w.nowMs = timeMs
}
