// Pure geometry of the message-flow overlay: where a link between two cards starts and ends, and
// how it bends (chains of cubic Béziers), so that a fetch from broker 1 to broker 3 or a produce
// request to broker 3 does not run through broker 2's card, produce and consume traffic keep to
// their own bands, and flow labels do not sit on each other.

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/**
 * A route: one or more cubic Béziers joined end to start. (x0,y0) is where it starts and (x1,y1)
 * where it ends; `seg` holds 8 numbers per segment (start, two controls, end) and `cum` the
 * running length after each segment, so a dot moves along it at an even pace.
 */
export interface Curve {
  x0: number
  y0: number
  x1: number
  y1: number
  seg: number[]
  cum: number[]
}

export function emptyCurve(): Curve {
  return { x0: 0, y0: 0, x1: 0, y1: 0, seg: [], cum: [] }
}

/** The y of the produce lane (above the broker row) and the consume lane (below it), and the row's sides. */
export interface Lanes {
  above: number
  below: number
  rowLeft: number
  rowRight: number
}

function begin(out: Curve, x: number, y: number): void {
  out.seg.length = 0
  out.cum.length = 0
  out.x0 = x
  out.y0 = y
  out.x1 = x
  out.y1 = y
}

function cubicTo(out: Curve, ax: number, ay: number, bx: number, by: number, x: number, y: number): void {
  const sx = out.x1
  const sy = out.y1
  out.seg.push(sx, sy, ax, ay, bx, by, x, y)
  const chord = Math.hypot(x - sx, y - sy)
  const poly = Math.hypot(ax - sx, ay - sy) + Math.hypot(bx - ax, by - ay) + Math.hypot(x - bx, y - by)
  const prev = out.cum.length ? out.cum[out.cum.length - 1] : 0
  out.cum.push(prev + Math.max(0.001, (chord + poly) / 2))
  out.x1 = x
  out.y1 = y
}

function lineTo(out: Curve, x: number, y: number): void {
  const sx = out.x1
  const sy = out.y1
  if (Math.abs(x - sx) < 0.01 && Math.abs(y - sy) < 0.01) return
  cubicTo(out, sx + (x - sx) / 3, sy + (y - sy) / 3, sx + ((x - sx) * 2) / 3, sy + ((y - sy) * 2) / 3, x, y)
}

/** A single quadratic through control point (cx, cy) from (x0,y0) to (x1,y1), as a cubic. */
function quadratic(out: Curve, x0: number, y0: number, cx: number, cy: number, x1: number, y1: number): Curve {
  begin(out, x0, y0)
  cubicTo(out, x0 + ((cx - x0) * 2) / 3, y0 + ((cy - y0) * 2) / 3, x1 + ((cx - x1) * 2) / 3, y1 + ((cy - y1) * 2) / 3, x1, y1)
  return out
}

/** Straight legs through the points (x,y pairs), their corners rounded with radius r. */
function rounded(out: Curve, pts: readonly number[], r: number): Curve {
  begin(out, pts[0], pts[1])
  const n = pts.length / 2
  for (let i = 1; i < n - 1; i++) {
    const px = pts[2 * i - 2]
    const py = pts[2 * i - 1]
    const cx = pts[2 * i]
    const cy = pts[2 * i + 1]
    const nx = pts[2 * i + 2]
    const ny = pts[2 * i + 3]
    const inLen = Math.hypot(cx - px, cy - py)
    const outLen = Math.hypot(nx - cx, ny - cy)
    if (inLen < 0.01 || outLen < 0.01) continue
    const rr = Math.min(r, inLen / 2, outLen / 2)
    const ix = (cx - px) / inLen
    const iy = (cy - py) / inLen
    const ox = (nx - cx) / outLen
    const oy = (ny - cy) / outLen
    lineTo(out, cx - ix * rr, cy - iy * rr)
    cubicTo(out, cx - ix * rr * 0.45, cy - iy * rr * 0.45, cx + ox * rr * 0.45, cy + oy * rr * 0.45, cx + ox * rr, cy + oy * rr)
  }
  lineTo(out, pts[2 * n - 2], pts[2 * n - 1])
  return out
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
const scratch2 = { x: 0, y: 0 }

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
  exitPoint(b, cx, cy, scratch2)
  return quadratic(out, scratch.x, scratch.y, cx, cy, scratch2.x, scratch2.y)
}

/** What a node on the map is, for routing: brokers (and controllers) sit in the middle, clients at the sides. */
export type NodeKind = 'server' | 'client'

/** How deep (px, at the control point) replication between brokers dips below the row at most. */
export const REPLICATION_DIP = 52

/** Where along its top (produce) or bottom (consume) edge a client's route meets a broker. */
export const PRODUCE_AT = 0.3
export const CONSUME_AT = 0.7

/**
 * The route between two nodes. Brokers stand in a row, so straight lines would cross the brokers
 * in between: traffic between brokers (replication, Raft) dips just below the row, from bottom
 * edge to bottom edge. A client left of the row (a producer) reaches a broker through the produce
 * lane above the row and lands on the left part of its top edge; a client right of the row (a
 * consumer, a group member) leaves through the consume lane below the replication arcs and meets
 * the broker's bottom edge on its right part. The two bands never share a lane, and the vertical
 * legs run in the gap between the side column and the row, clear of cards and headings.
 * Other pairs get a plain, slightly bowed curve.
 */
export function routeCurve(a: Box, aKind: NodeKind, b: Box, bKind: NodeKind, out: Curve, lanes?: Lanes): Curve {
  if (aKind === 'server' && bKind === 'server') return serverCurve(a, b, out)
  if (aKind !== bKind) {
    const [client, server] = aKind === 'client' ? [a, b] : [b, a]
    const onSide = client.x + client.w <= server.x || client.x >= server.x + server.w
    if (onSide) {
      clientCurve(client, server, out, lanes)
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
  const x0 = l.x + l.w / 2
  const y0 = l.y + l.h
  const x1 = r.x + r.w / 2
  const y1 = r.y + r.h
  quadratic(out, x0, y0, (x0 + x1) / 2, Math.max(y0, y1) + Math.min(REPLICATION_DIP, 14 + (x1 - x0) * 0.14), x1, y1)
  if (l !== a) reverseCurve(out)
  return out
}

/** The lanes the map uses when the overlay has not measured its own: just above and below the server. */
export function defaultLanes(server: Box, client: Box): Lanes {
  const left = client.x + client.w <= server.x
  return {
    above: server.y - 12,
    below: server.y + server.h + REPLICATION_DIP / 2 + 16,
    rowLeft: left ? Math.min(server.x, client.x + client.w + 24) : server.x,
    rowRight: left ? server.x + server.w : Math.max(server.x + server.w, client.x - 24),
  }
}

const pts: number[] = []

/** Client → broker along the client's band: out of the side edge, along the gap, the lane, onto the broker's edge. */
function clientCurve(client: Box, server: Box, out: Curve, lanes = defaultLanes(server, client)): void {
  const left = client.x + client.w <= server.x
  const y0 = client.y + Math.min(16, client.h / 2)
  pts.length = 0
  if (left) {
    const x0 = client.x + client.w
    const gx = x0 + Math.max(2, (lanes.rowLeft - x0) / 2)
    const x1 = server.x + server.w * PRODUCE_AT
    const lane = Math.min(lanes.above, server.y - 4)
    pts.push(x0, y0, gx, y0, gx, lane, x1, lane, x1, server.y)
  } else {
    const x0 = client.x
    const gx = x0 - Math.max(2, (x0 - lanes.rowRight) / 2)
    const x1 = server.x + server.w * CONSUME_AT
    const lane = Math.max(lanes.below, server.y + server.h + 4)
    pts.push(x0, y0, gx, y0, gx, lane, x1, lane, x1, server.y + server.h)
  }
  rounded(out, pts, 8)
}

function reverseCurve(c: Curve): void {
  const s = c.seg
  s.reverse()
  // reversing the flat array swaps x and y: swap each pair back
  for (let i = 0; i < s.length; i += 2) {
    const t = s[i]
    s[i] = s[i + 1]
    s[i + 1] = t
  }
  const lens: number[] = []
  for (let i = 0; i < c.cum.length; i++) lens.push(c.cum[i] - (i ? c.cum[i - 1] : 0))
  lens.reverse()
  let acc = 0
  for (let i = 0; i < lens.length; i++) c.cum[i] = acc += lens[i]
  let t = c.x0
  c.x0 = c.x1
  c.x1 = t
  t = c.y0
  c.y0 = c.y1
  c.y1 = t
}

/** The point at t (0..1) along the route (by length), forwards or backwards. Allocates nothing. */
export function pointAt(c: Curve, t: number, reverse: boolean, out: { x: number; y: number }): void {
  const n = c.cum.length
  if (n === 0) {
    out.x = c.x0
    out.y = c.y0
    return
  }
  const u = Math.max(0, Math.min(1, reverse ? 1 - t : t))
  const target = u * c.cum[n - 1]
  let i = 0
  while (i < n - 1 && c.cum[i] < target) i++
  const before = i ? c.cum[i - 1] : 0
  const len = c.cum[i] - before
  const k = len > 0 ? Math.max(0, Math.min(1, (target - before) / len)) : 1
  const v = 1 - k
  const a = v * v * v
  const b = 3 * v * v * k
  const c2 = 3 * v * k * k
  const d = k * k * k
  const s = c.seg
  const o = i * 8
  out.x = a * s[o] + b * s[o + 2] + c2 * s[o + 4] + d * s[o + 6]
  out.y = a * s[o + 1] + b * s[o + 3] + c2 * s[o + 5] + d * s[o + 7]
}

/** The SVG path of a curve. */
export function curvePath(c: Curve): string {
  const f = (n: number) => n.toFixed(1)
  let d = `M${f(c.x0)},${f(c.y0)}`
  const s = c.seg
  for (let o = 0; o < s.length; o += 8) d += `C${f(s[o + 2])},${f(s[o + 3])} ${f(s[o + 4])},${f(s[o + 5])} ${f(s[o + 6])},${f(s[o + 7])}`
  return d
}

/** An axis-aligned box overlaps another. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/**
 * Flow labels without overlaps: each box in turn moves by `step` px (negative: up) until it
 * overlaps no box placed before it and no obstacle, at most `tries` times; a label that cannot be
 * placed gets `ok = false`. Boxes are moved in place.
 */
export function stackLabels(boxes: (Box & { step: number; ok?: boolean })[], obstacles: readonly Box[], tries = 6): void {
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i]
    b.ok = false
    for (let k = 0; k <= tries; k++) {
      let hit = false
      for (let j = 0; j < i && !hit; j++) if (boxes[j].ok && overlaps(b, boxes[j])) hit = true
      for (let j = 0; j < obstacles.length && !hit; j++) if (overlaps(b, obstacles[j])) hit = true
      if (!hit) {
        b.ok = true
        break
      }
      b.y += b.step
    }
  }
}

/** Wall-clock ms a dot takes along its link: shorter at high playback speeds so it keeps up. */
export function dotDurationMs(speed: number): number {
  if (speed <= 1) return 650
  return Math.max(300, 650 - 110 * Math.log10(speed))
}
