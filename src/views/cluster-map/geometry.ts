// Pure geometry of the message-flow overlay: where a link between two cards starts and ends, and
// how it bends (cubic Béziers), so that a fetch from broker 1 to broker 3 or a produce request to
// broker 3 does not run through broker 2's card.

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** A cubic Bézier from (x0,y0) with controls (ax,ay) and (bx,by) to (x1,y1). */
export interface Curve {
  x0: number
  y0: number
  ax: number
  ay: number
  bx: number
  by: number
  x1: number
  y1: number
}

export function emptyCurve(): Curve {
  return { x0: 0, y0: 0, ax: 0, ay: 0, bx: 0, by: 0, x1: 0, y1: 0 }
}

/** Make the curve the cubic equal to the quadratic through control point (cx, cy). */
function fromQuadratic(out: Curve, cx: number, cy: number): void {
  out.ax = out.x0 + ((cx - out.x0) * 2) / 3
  out.ay = out.y0 + ((cy - out.y0) * 2) / 3
  out.bx = out.x1 + ((cx - out.x1) * 2) / 3
  out.by = out.y1 + ((cy - out.y1) * 2) / 3
}

/** Where the ray from the box's centre towards (tx,ty) leaves the box. */
export function exitPoint(b: Box, tx: number, ty: number, out: { x: number; y: number }): void {
  const cx = b.x + b.w / 2
  const cy = b.y + b.h / 2
  const dx = tx - cx
  const dy = ty - cy
  if (dx === 0 && dy === 0) {
    out.x = cx
    out.y = cy
    return
  }
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx)
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy)
  const s = Math.min(sx, sy, 1)
  out.x = cx + dx * s
  out.y = cy + dy * s
}

const scratch = { x: 0, y: 0 }

/**
 * The curve from box a to box b. `bow` (px) pushes the control point sideways; a positive bow
 * always bends upwards on screen, so a→b and b→a share one curve.
 */
export function linkCurve(a: Box, b: Box, bow: number, out: Curve): Curve {
  const ax = a.x + a.w / 2
  const ay = a.y + a.h / 2
  const bx = b.x + b.w / 2
  const by = b.y + b.h / 2
  const len = Math.hypot(bx - ax, by - ay) || 1
  let px = -(by - ay) / len
  let py = (bx - ax) / len
  if (py > 0 || (py === 0 && px > 0)) {
    px = -px
    py = -py
  }
  const cx = (ax + bx) / 2 + px * bow
  const cy = (ay + by) / 2 + py * bow
  exitPoint(a, cx, cy, scratch)
  out.x0 = scratch.x
  out.y0 = scratch.y
  exitPoint(b, cx, cy, scratch)
  out.x1 = scratch.x
  out.y1 = scratch.y
  fromQuadratic(out, cx, cy)
  return out
}

/** What a node on the map is, for routing: brokers (and controllers) sit in the middle, clients at the sides. */
export type NodeKind = 'server' | 'client'

/**
 * The route between two nodes. Brokers stand in a row, so straight lines would cross the brokers
 * in between: traffic between brokers (replication, Raft) runs below the row, from bottom edge to
 * bottom edge; a client's traffic enters a broker from above (producers on the left third of the
 * top edge, consumers on the right third). Other pairs get a plain, slightly bowed curve.
 */
export function routeCurve(a: Box, aKind: NodeKind, b: Box, bKind: NodeKind, out: Curve): Curve {
  if (aKind === 'server' && bKind === 'server') return serverCurve(a, b, out)
  if (aKind !== bKind) {
    const [client, server] = aKind === 'client' ? [a, b] : [b, a]
    const onSide = client.x + client.w <= server.x || client.x >= server.x + server.w
    if (onSide) {
      clientCurve(client, server, out)
      if (aKind === 'server') reverseCurve(out)
      return out
    }
  }
  return linkCurve(a, b, 0, out)
}

function serverCurve(a: Box, b: Box, out: Curve): Curve {
  const sameRow = Math.abs(a.y - b.y) < Math.min(a.h, b.h) / 2
  if (!sameRow) return linkCurve(a, b, 12, out)
  const [l, r] = a.x <= b.x ? [a, b] : [b, a]
  out.x0 = l.x + l.w / 2
  out.y0 = l.y + l.h
  out.x1 = r.x + r.w / 2
  out.y1 = r.y + r.h
  fromQuadratic(out, (out.x0 + out.x1) / 2, Math.max(out.y0, out.y1) + 14 + (out.x1 - out.x0) * 0.14)
  if (l !== a) reverseCurve(out)
  return out
}

/** Up from the client's side edge to a lane above the broker row, along it, and down onto the broker's top. */
function clientCurve(client: Box, server: Box, out: Curve): void {
  const left = client.x + client.w <= server.x
  out.x0 = left ? client.x + client.w : client.x
  out.y0 = client.y + Math.min(16, client.h / 2)
  out.x1 = server.x + server.w * (left ? 0.3 : 0.7)
  out.y1 = server.y
  const lane = Math.min(out.y0, out.y1) - 14 - Math.abs(out.x1 - out.x0) * 0.05
  // a client card lower down climbs steeply first, so it clears the nearest broker's corner
  out.ax = out.x0
  out.ay = Math.max(4, lane - Math.max(0, out.y0 - lane) * 1.2)
  out.bx = out.x1 - (out.x1 - out.x0) * 0.3
  out.by = lane
}

function reverseCurve(c: Curve): void {
  let t = c.x0
  c.x0 = c.x1
  c.x1 = t
  t = c.y0
  c.y0 = c.y1
  c.y1 = t
  t = c.ax
  c.ax = c.bx
  c.bx = t
  t = c.ay
  c.ay = c.by
  c.by = t
}

/** The point at t (0..1) along the curve, forwards or backwards. */
export function pointAt(c: Curve, t: number, reverse: boolean, out: { x: number; y: number }): void {
  const u = reverse ? 1 - t : t
  const v = 1 - u
  const a = v * v * v
  const b = 3 * v * v * u
  const c2 = 3 * v * u * u
  const d = u * u * u
  out.x = a * c.x0 + b * c.ax + c2 * c.bx + d * c.x1
  out.y = a * c.y0 + b * c.ay + c2 * c.by + d * c.y1
}

/** The SVG path of a curve. */
export function curvePath(c: Curve): string {
  const f = (n: number) => n.toFixed(1)
  return `M${f(c.x0)},${f(c.y0)}C${f(c.ax)},${f(c.ay)} ${f(c.bx)},${f(c.by)} ${f(c.x1)},${f(c.y1)}`
}

/** Wall-clock ms a dot takes along its link: shorter at high playback speeds so it keeps up. */
export function dotDurationMs(speed: number): number {
  if (speed <= 1) return 650
  return Math.max(300, 650 - 110 * Math.log10(speed))
}
