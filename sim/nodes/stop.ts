/**
 * A node's process stopping: a crash, or a broker's clean exit after its controlled shutdown
 * (BrokerServer.shutdown once the controller answered ShouldShutDown). Either way its volatile state
 * and pending timers are gone and peers see the connection close; what each kind forgets is its
 * behaviour's business (behaviours.ts stopProcess).
 *
 * Invariant: stopping bumps the node's incarnation, so every event scheduled for it before is dropped.
 */
import { canReach, resetConnections } from '../kernel/network.ts'
import { isUp, refuse } from '../kernel/node-io.ts'
import type { World } from './world.ts'

/** Stop node `id` if it runs; returns whether it did. */
export function stopNode(w: World, id: string): boolean {
  const n = w.nodes[id]
  if (!n || !n.up) return false
  n.up = false
  n.inc++
  n.paused = false
  n.deferred = []
  resetConnections(w.net, id)
  for (const other of w.nodeOrder) {
    if (other !== id && isUp(w, other) && canReach(w.net, other, id)) refuse(w, other, id)
  }
  return true
}
