// Pure geometry of the message-flow overlay: where a link between two cards starts and ends, and
// how it bends. Links between brokers bow away from the straight line so a fetch from broker 1 to
// broker 3 passes above broker 2 instead of through it; links from clients run straight.

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** A quadratic Bézier from (x0,y0) through control (cx,cy) to (x1,y1). */
export interface Curve {
  x0: number
  y0: number
  cx: number
  cy: number
  x1: number
  y1: number
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
  out.cx = (ax + bx) / 2 + px * bow
  out.cy = (ay + by) / 2 + py * bow
  exitPoint(a, out.cx, out.cy, scratch)
  out.x0 = scratch.x
  out.y0 = scratch.y
  exitPoint(b, out.cx, out.cy, scratch)
  out.x1 = scratch.x
  out.y1 = scratch.y
  return out
}

/** How far a broker-to-broker link bows: enough to clear a card between them. */
export function brokerBow(a: Box, b: Box): number {
  const dist = Math.hypot(b.x - a.x, b.y - a.y)
  return 18 + dist * 0.22
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
  out.cx = (out.x0 + out.x1) / 2
  out.cy = Math.max(out.y0, out.y1) + 14 + (out.x1 - out.x0) * 0.14
  if (l !== a) reverseCurve(out)
  return out
}

function clientCurve(client: Box, server: Box, out: Curve): void {
  const left = client.x + client.w <= server.x
  out.x0 = left ? client.x + client.w : client.x
  out.y0 = client.y + Math.min(16, client.h / 2)
  out.x1 = server.x + server.w * (left ? 0.3 : 0.7)
  out.y1 = server.y
  out.cx = left ? Math.max(out.x0 + 12, out.x1 - 28) : Math.min(out.x0 - 12, out.x1 + 28)
  out.cy = Math.min(out.y0, out.y1) - 10 - Math.abs(out.x1 - out.x0) * 0.09
}

function reverseCurve(c: Curve): void {
  const x = c.x0
  const y = c.y0
  c.x0 = c.x1
  c.y0 = c.y1
  c.x1 = x
  c.y1 = y
}

/** The point at t (0..1) along the curve, forwards or backwards. */
export function pointAt(c: Curve, t: number, reverse: boolean, out: { x: number; y: number }): void {
  const u = reverse ? 1 - t : t
  const v = 1 - u
  out.x = v * v * c.x0 + 2 * v * u * c.cx + u * u * c.x1
  out.y = v * v * c.y0 + 2 * v * u * c.cy + u * u * c.y1
}

/** The SVG path of a curve. */
export function curvePath(c: Curve): string {
  return `M${c.x0.toFixed(1)},${c.y0.toFixed(1)}Q${c.cx.toFixed(1)},${c.cy.toFixed(1)} ${c.x1.toFixed(1)},${c.y1.toFixed(1)}`
}

/** Wall-clock ms a dot takes along its link: shorter at high playback speeds so it keeps up. */
export function dotDurationMs(speed: number): number {
  if (speed <= 1) return 650
  return Math.max(300, 650 - 110 * Math.log10(speed))
}
