/**
 * The heartbeat thread's timer, as group members and share consumers keep it (the consumer's
 * AbstractHeartbeatRequestManager polls it every round of the application thread): arming it again
 * makes older timers stale (a token they carry), and asking again for the time that is already armed
 * schedules nothing, so a poll loop that asks every round adds no events.
 *
 * Invariant: a timer scheduled by armHeartbeatTimer carries the token current when it was armed;
 * only the timer whose token equals heartbeatToken acts when it fires.
 */
import { timer } from '../kernel/node-io.ts'
import type { World } from '../nodes/world.ts'

export interface HeartbeatTimed {
  id: string
  /** bumped by every arm and by whatever stops the heartbeat: older timers no longer act */
  heartbeatToken: number
  /** the token and due time of the timer armed last */
  heartbeatTimerToken: number
  heartbeatTimerMs: number
}

/** (Re)arm the heartbeat timer `kind` to fire in `delayMs`; an older timer no longer acts. */
export function armHeartbeatTimer(w: World, m: HeartbeatTimed, kind: string, delayMs: number): void {
  m.heartbeatToken++
  m.heartbeatTimerToken = m.heartbeatToken
  m.heartbeatTimerMs = w.nowMs + delayMs
  timer(w, m.id, kind, delayMs, m.heartbeatToken)
}

/** Make the heartbeat timer fire at `dueMs` (not before now), unless the live timer already does. */
export function armHeartbeatTimerAt(w: World, m: HeartbeatTimed, kind: string, dueMs: number): void {
  if (m.heartbeatTimerToken === m.heartbeatToken && m.heartbeatTimerMs === dueMs && dueMs >= w.nowMs) return
  armHeartbeatTimer(w, m, kind, Math.max(0, dueMs - w.nowMs))
}
