// The message-flow island over the cluster map: an SVG under the cards for link lines, a canvas
// above them for the moving dots (redrawn every frame), and an SVG on top for cut/slowed links,
// isolated nodes and error names (the SVGs are redrawn a few times a second with d3 joins). Each dot is a Kafka request or response — Produce to a leader, a
// follower's replica Fetch, a consumer Fetch — aggregated by FlowAggregator. The overlay owns its
// DOM; React only mounts the two elements. Node positions come from the cards' `data-node`
// elements, measured again after each render and resize.

import { select, symbol, symbolCross, type Selection } from 'd3'
import { flowSeq, forEachDeliverySince, type FlowMessage } from '../../host/flow.ts'
import { usePlayback } from '../../store/playback-store.ts'
import type { ClusterView, LinkMark } from '../../../sim/index.ts'
import { FlowAggregator, KINDS, KIND_INDEX, type Dot } from './flow-aggregator.ts'
import { CONSUME_AT, PRODUCE_AT, REPLICATION_DIP, curvePath, dotDurationMs, emptyCurve, pointAt, routeCurve, stackLabels, type Box, type Curve, type Lanes, type NodeKind } from './geometry.ts'

const LINK_REDRAW_MS = 250
/** where along a link its activity count may stand (reduced motion), in order of preference */
const LABEL_SPOTS = [0.5, 0.35, 0.65, 0.2, 0.8]
/** dots carrying records are larger than empty requests and responses */
const DOT_RADIUS = 5
const EMPTY_DOT_RADIUS = 3
/** Above this many dots in flight their record counts are not drawn (they could not be read). */
const MAX_LABELLED_DOTS = 120
const crossMarker = symbol().type(symbolCross).size(110)

export interface OverlayTexts {
  kindShort: string[]
  isolated: string
  cut: string
}

interface LinkDatum {
  key: string
  d: string
  width: number
  colour: string
  label: string
  lx: number
  ly: number
  /** an arrow label ("→ B2", "B2 →") naming the broker of a client's link */
  arrow: boolean
  a: number
  b: number
}

interface ArrowLabel extends Box {
  step: number
  ok?: boolean
  /** the link that carries the label */
  d: LinkDatum
  produce: boolean
  name: string
  counts: number[]
}

interface MarkDatum {
  key: string
  d: string
  cut: boolean
  label: string
  lx: number
  ly: number
}

export class FlowOverlay {
  private readonly agg = new FlowAggregator()
  private ids: string[] = []
  private readonly index = new Map<string, number>()
  private boxes: Box[] = []
  /** every card's box (group cards too): count labels keep off them */
  private obstacles: Box[] = []
  private kinds: NodeKind[] = []
  /** "B2" for a broker's node, '' for others */
  private short: string[] = []
  /** group cards: dots are not drawn over them */
  private groupBoxes: Box[] = []
  /** what flow labels keep off: cards, group cards, column headings */
  private labelObstacles: Box[] = []
  private lanes: Lanes | undefined
  private curves: (Curve | null)[] = []
  private layoutDirty = true
  private seq = flowSeq()
  private enabled = [true, true, true, false, false, false]
  private reducedMotion = false
  private view: ClusterView | null = null
  private lastLinkDraw = -Infinity
  private drewDots = false
  private colours: string[] = []
  private errorColour = '#d55e00'
  private fontFamily = 'sans-serif'
  private readonly ctx: CanvasRenderingContext2D | null
  private readonly point = { x: 0, y: 0 }
  /** record counts drawn this frame (x, y, w each), so none is drawn over another */
  private readonly countBoxes = new Float64Array(MAX_LABELLED_DOTS * 3)
  private countsPlaced = 0
  /** where the arrow labels stand now: record counts keep off them */
  private placedArrows: Box[] = []
  private readonly linksLayer: Selection<SVGGElement, unknown, null, undefined>
  private readonly marksLayer: Selection<SVGGElement, unknown, null, undefined>
  private readonly labelsLayer: Selection<SVGGElement, unknown, null, undefined>

  constructor(
    private readonly content: HTMLElement,
    private readonly canvas: HTMLCanvasElement,
    under: SVGSVGElement,
    over: SVGSVGElement,
    private texts: OverlayTexts,
  ) {
    this.ctx = canvas.getContext('2d')
    select(under).selectAll('*').remove()
    const root = select(over)
    root.selectAll('*').remove()
    this.linksLayer = select(under).append('g').attr('class', 'flow-links')
    this.marksLayer = root.append('g').attr('class', 'flow-marks')
    this.labelsLayer = root.append('g').attr('class', 'flow-labels')
    this.readColours()
  }

  markLayoutDirty(): void {
    this.layoutDirty = true
  }

  setView(view: ClusterView | null): void {
    this.view = view
    this.lastLinkDraw = -Infinity
  }

  setTexts(texts: OverlayTexts): void {
    this.texts = texts
    this.lastLinkDraw = -Infinity
  }

  setEnabled(kinds: boolean[]): void {
    this.enabled = kinds.slice()
    this.agg.clear()
  }

  setReducedMotion(on: boolean): void {
    this.reducedMotion = on
    this.lastLinkDraw = -Infinity
  }

  /** Called every animation frame (from playback's onFrame). */
  frame(wallNow: number): void {
    if (this.layoutDirty) this.measure()
    this.ingest(wallNow)
    this.agg.tick(wallNow)
    if (!this.reducedMotion) this.drawDots(wallNow)
    else if (this.drewDots) this.clearCanvas()
    if (this.agg.labelsChanged) this.drawLabels()
    if (wallNow - this.lastLinkDraw >= LINK_REDRAW_MS) {
      this.lastLinkDraw = wallNow
      this.drawLinks()
      this.drawMarks()
    }
  }

  private readColours(): void {
    const style = getComputedStyle(this.content)
    this.colours = KINDS.map((k) => style.getPropertyValue(`--c-${k}`).trim() || '#555')
    this.errorColour = style.getPropertyValue('--c-error').trim() || this.errorColour
    this.fontFamily = style.fontFamily || this.fontFamily
  }

  // ------------------------------------------------------------------ layout

  private measure(): void {
    this.layoutDirty = false
    const origin = this.content.getBoundingClientRect()
    const ids: string[] = []
    const boxes: Box[] = []
    const kinds: NodeKind[] = []
    const short: string[] = []
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect()
      return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height }
    }
    let rowTop = Infinity
    let rowBottom = -Infinity
    let rowLeft = Infinity
    let rowRight = -Infinity
    for (const el of this.content.querySelectorAll<HTMLElement>('[data-node]')) {
      const id = el.dataset.node!
      if (ids.includes(id)) continue
      const b = box(el)
      // a group member is reached at its group card's edge, on its own row: dots stay off the card
      const group = el.closest('.group-card')
      if (group) {
        const g = box(group)
        b.x = g.x
        b.w = g.w
      }
      ids.push(id)
      boxes.push(b)
      const kind = el.dataset.nodeKind
      kinds.push(kind === 'broker' || kind === 'controller' || kind === 'zookeeper' ? 'server' : 'client')
      short.push(kind === 'broker' ? `B${(el.dataset.testid ?? '').replace('broker-', '')}` : '')
      if (kind === 'broker') {
        rowTop = Math.min(rowTop, b.y)
        rowBottom = Math.max(rowBottom, b.y + b.h)
        rowLeft = Math.min(rowLeft, b.x)
        rowRight = Math.max(rowRight, b.x + b.w)
      }
    }
    this.short = short
    this.lanes = Number.isFinite(rowTop) ? { above: rowTop - 9, below: rowBottom + REPLICATION_DIP / 2 + 16, rowLeft, rowRight } : undefined
    if (ids.join('\n') !== this.ids.join('\n')) {
      this.ids = ids
      this.index.clear()
      ids.forEach((id, i) => this.index.set(id, i))
      this.agg.resize(ids.length)
    }
    this.boxes = boxes
    this.kinds = kinds
    this.obstacles = [...this.content.querySelectorAll<HTMLElement>('[data-node], .group-card')].map(box)
    this.groupBoxes = [...this.content.querySelectorAll<HTMLElement>('.group-card')].map(box)
    this.labelObstacles = [...this.obstacles, ...[...this.content.querySelectorAll<HTMLElement>('.column-title, .zk-legacy, .zk-quorum')].map(box)]
    this.curves = new Array(ids.length * ids.length).fill(null)
    this.sizeCanvas(this.content.offsetWidth, this.content.offsetHeight)
    this.lastLinkDraw = -Infinity
    this.agg.labelsChanged = true
  }

  private sizeCanvas(w: number, h: number): void {
    const dpr = window.devicePixelRatio || 1
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr)
      this.canvas.height = Math.round(h * dpr)
      this.canvas.style.width = `${w}px`
      this.canvas.style.height = `${h}px`
    }
    this.ctx?.setTransform(dpr, 0, 0, dpr, 0, 0)
    this.drewDots = true
  }

  /** The curve between two nodes, drawn from the lower index to the higher. */
  private curve(a: number, b: number): Curve {
    const lo = Math.min(a, b)
    const hi = Math.max(a, b)
    const key = lo * this.ids.length + hi
    let c = this.curves[key]
    if (!c) {
      c = routeCurve(this.boxes[lo], this.kinds[lo], this.boxes[hi], this.kinds[hi], emptyCurve(), this.lanes)
      this.curves[key] = c
    }
    return c
  }

  // ------------------------------------------------------------------ messages

  private ingest(wallNow: number): void {
    const now = flowSeq()
    if (now < this.seq) {
      this.seq = 0
      this.agg.clear()
    }
    if (now === this.seq) return
    this.ingestAt = wallNow
    this.ingestDuration = dotDurationMs(usePlayback.getState().speed)
    this.seq = forEachDeliverySince(this.seq, this.ingestOne)
  }

  private ingestAt = 0
  private ingestDuration = 0

  /** One delivery into the aggregator (a bound field, so the frame loop allocates no closure). */
  private readonly ingestOne = (m: FlowMessage): void => {
    const kind = KIND_INDEX[m.kind]
    if (!this.enabled[kind]) return
    const from = this.index.get(m.from)
    const to = this.index.get(m.to)
    if (from === undefined || to === undefined) return
    this.agg.add(from, to, kind, m.error, m.records, this.ingestAt, this.ingestDuration)
  }

  // ------------------------------------------------------------------ dots (canvas)

  private clearCanvas(): void {
    this.ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height)
    this.drewDots = false
  }

  /**
   * All dots of one kind go into one path, filled and outlined once: a busy cluster has hundreds of
   * dots in flight and a canvas call per dot costs more than the rest of the frame. Errors and
   * count labels are drawn on top; labels are left out when there are too many dots to read them.
   */
  private drawDots(wallNow: number): void {
    const ctx = this.ctx
    if (!ctx) return
    if (this.drewDots) this.clearCanvas()
    const dots = this.agg.dots
    let live = 0
    for (const d of dots) {
      if (!d.live || d.from >= this.boxes.length || d.to >= this.boxes.length) continue
      const t = Math.min(1, (wallNow - d.startMs) / d.durationMs)
      pointAt(this.curve(d.from, d.to), t, d.from > d.to, this.point)
      d.x = this.point.x
      d.y = this.point.y
      d.hidden = this.overGroup(d.x, d.y)
      if (!d.hidden) live++
    }
    if (live === 0) return
    this.drewDots = true
    ctx.lineWidth = 2
    ctx.strokeStyle = '#ffffff'
    for (let k = 0; k < KINDS.length; k++) {
      ctx.beginPath()
      let any = false
      for (const d of dots) {
        if (!d.live || d.hidden || d.kind !== k || d.error !== null || d.from >= this.boxes.length || d.to >= this.boxes.length) continue
        const r = d.records > 0 ? DOT_RADIUS : EMPTY_DOT_RADIUS
        ctx.moveTo(d.x + r, d.y)
        ctx.arc(d.x, d.y, r, 0, Math.PI * 2)
        any = true
      }
      if (!any) continue
      ctx.fillStyle = this.colours[k]
      ctx.stroke()
      ctx.fill()
    }
    ctx.font = `600 11px ${this.fontFamily}`
    this.countsPlaced = 0
    const labels = live <= MAX_LABELLED_DOTS
    for (const d of dots) {
      if (!d.live || d.hidden || d.from >= this.boxes.length || d.to >= this.boxes.length) continue
      if (d.error !== null) this.drawError(ctx, d)
      if (labels || d.error !== null) this.drawCount(ctx, d)
    }
  }

  /** A record count at (x, y) [top-left], w wide and 11 high, would touch one of the boxes. */
  private hitsAny(x: number, y: number, w: number, boxes: readonly Box[]): boolean {
    for (const b of boxes) if (x < b.x + b.w && b.x < x + w && y < b.y + b.h && b.y < y + 11) return true
    return false
  }

  /** A dot there would cover a group card (members, states): it is not drawn. */
  private overGroup(x: number, y: number): boolean {
    const m = DOT_RADIUS + 2
    for (const g of this.groupBoxes) if (x > g.x - m && x < g.x + g.w + m && y > g.y - m && y < g.y + g.h + m) return true
    return false
  }

  private drawError(ctx: CanvasRenderingContext2D, d: Dot): void {
    ctx.beginPath()
    ctx.fillStyle = this.errorColour
    ctx.translate(d.x, d.y)
    crossMarker.context(ctx)()
    ctx.translate(-d.x, -d.y)
    ctx.stroke()
    ctx.fill()
  }

  private drawCount(ctx: CanvasRenderingContext2D, d: Dot): void {
    if (!(d.records > 1 || (d.error !== null && d.count > 1))) return
    const text = d.records > 1 ? String(d.records) : `×${d.count}`
    // numbers that would sit on one already drawn this frame are left out
    const x = d.x + 7
    const y = d.y - 14
    const w = text.length * 7 + 2
    for (let i = 0; i < this.countsPlaced; i++) {
      const o = i * 3
      if (x < this.countBoxes[o] + this.countBoxes[o + 2] && this.countBoxes[o] < x + w && Math.abs(y - this.countBoxes[o + 1]) < 11) return
    }
    if (this.hitsAny(x, y, w, this.placedArrows) || this.hitsAny(x, y, w, this.obstacles)) return
    if (this.countsPlaced < MAX_LABELLED_DOTS) {
      const o = this.countsPlaced++ * 3
      this.countBoxes[o] = x
      this.countBoxes[o + 1] = y
      this.countBoxes[o + 2] = w
    }
    ctx.strokeText(text, d.x + 7, d.y - 5)
    ctx.fillStyle = '#14202b'
    ctx.fillText(text, d.x + 7, d.y - 5)
  }

  // ------------------------------------------------------------------ links, cuts, isolation (SVG)

  private drawLinks(): void {
    const data: LinkDatum[] = []
    const placed: Box[] = this.reducedMotion ? this.obstacles.slice() : []
    const byBroker = new Map<number, ArrowLabel>()
    const n = this.ids.length
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (this.agg.recentTotal(a, b) === 0) continue
        const d = this.linkDatum(a, b)
        this.arrowLabel(a, b, d, byBroker)
        data.push(d)
      }
    }
    // arrow labels: produce ones stack upwards, consume ones downwards, none on another or on a card or heading
    const arrows = [...byBroker.values()]
    for (const l of arrows) this.finishArrow(l)
    arrows.sort((p, q) => p.x - q.x)
    stackLabels(arrows, this.labelObstacles)
    this.placedArrows = arrows.filter((l) => l.ok)
    for (const l of arrows) {
      if (!l.ok) l.d.label = ''
      l.d.lx = l.x + l.w / 2
      l.d.ly = l.y + 10
      if (l.ok && this.reducedMotion) placed.push(l)
    }
    for (const d of data) if (!d.arrow && d.label) this.placeLabel(d.a, d.b, d, placed)
    this.linksLayer
      .selectAll<SVGGElement, LinkDatum>('g.flow-link')
      .data(data, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'flow-link')
        g.append('path')
        g.append('text').attr('class', 'flow-count')
        return g
      })
      .call((g) => {
        g.select('path').attr('d', (d) => d.d).attr('stroke', (d) => d.colour).attr('stroke-width', (d) => d.width)
        g.select('text')
          .attr('x', (d) => d.lx)
          .attr('y', (d) => d.ly)
          .attr('data-testid', (d) => (d.label ? 'flow-label' : null))
          .classed('flow-arrow', (d) => d.arrow)
          .text((d) => d.label)
      })
      .classed('reduced', this.reducedMotion)
  }

  private linkDatum(a: number, b: number): LinkDatum {
    const c = this.curve(a, b)
    let total = 0
    let top = 0
    let topCount = -1
    const parts: string[] = []
    for (let k = 0; k < KINDS.length; k++) {
      const count = this.agg.activity(a, b, k)
      total += count
      if (count > topCount) {
        top = k
        topCount = count
      }
      if (count > 0) parts.push(`${this.texts.kindShort[k]} ${count}`)
    }
    pointAt(c, 0.5, false, this.point)
    return {
      key: `${this.ids[a]}|${this.ids[b]}`,
      d: curvePath(c),
      width: this.reducedMotion ? 1.5 + Math.min(6, Math.log2(1 + total)) : 1.5,
      colour: this.colours[top],
      label: this.reducedMotion ? parts.join(' · ') : '',
      lx: this.point.x,
      ly: this.point.y - 4,
      arrow: false,
      a,
      b,
    }
  }

  /**
   * A client's link to a broker beside it is labelled with the broker it goes to: "→ B2" just above
   * where producers' routes land on the broker's top edge, "B2 →" just below where consumers'
   * routes leave the broker's bottom edge; one label per broker and band, carried by the first of
   * its links (with reduced motion followed by the band's counts). Returns whether the link is one.
   */
  private arrowLabel(a: number, b: number, d: LinkDatum, arrows: Map<number, ArrowLabel>): boolean {
    const server = this.kinds[a] === 'server' ? a : b
    const client = server === a ? b : a
    if (this.kinds[client] !== 'client' || this.kinds[server] !== 'server' || !this.short[server] || !this.lanes) return false
    const sb = this.boxes[server]
    const cb = this.boxes[client]
    const produce = cb.x + cb.w <= sb.x
    if (!produce && cb.x < sb.x + sb.w) return false
    d.arrow = true
    d.label = ''
    const key = server * 2 + (produce ? 1 : 0)
    let label = arrows.get(key)
    if (!label) {
      const lane = produce ? Math.min(this.lanes.above, sb.y - 4) : Math.max(this.lanes.below, sb.y + sb.h + 4)
      // beside the lane, clear of the dots on it
      label = { x: sb.x + sb.w * (produce ? PRODUCE_AT : CONSUME_AT), y: produce ? lane - 15 : lane + 5, w: 0, h: 13, step: produce ? -13 : 13, d, produce, name: this.short[server], counts: new Array(KINDS.length).fill(0) }
      arrows.set(key, label)
    }
    for (let k = 0; k < KINDS.length; k++) label.counts[k] += this.agg.activity(a, b, k)
    return true
  }

  /** The text and box of a broker's arrow label once all its links are counted. */
  private finishArrow(l: ArrowLabel): void {
    let text = l.produce ? `→ ${l.name}` : `${l.name} →`
    if (this.reducedMotion) for (let k = 0; k < KINDS.length; k++) if (l.counts[k] > 0) text += ` · ${this.texts.kindShort[k]} ${l.counts[k]}`
    l.d.label = text
    l.w = this.textWidth(text)
    l.x -= l.w / 2
  }

  /** Move a count label along its link until it overlaps no other; drop it (the line stays) if it cannot. */
  private placeLabel(a: number, b: number, d: LinkDatum, placed: Box[]): void {
    const w = this.textWidth(d.label)
    for (const t of LABEL_SPOTS) {
      pointAt(this.curve(a, b), t, false, this.point)
      const box = { x: this.point.x - w / 2, y: this.point.y - 16, w, h: 15 }
      if (placed.some((p) => p.x < box.x + box.w && box.x < p.x + p.w && p.y < box.y + box.h && box.y < p.y + p.h)) continue
      placed.push(box)
      d.lx = this.point.x
      d.ly = this.point.y - 4
      return
    }
    d.label = ''
  }

  private drawMarks(): void {
    const marks = this.view ? this.markData(this.view.links) : []
    this.marksLayer
      .selectAll<SVGGElement, MarkDatum>('g.flow-mark')
      .data(marks, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'flow-mark')
        g.append('path')
        g.append('text')
        return g
      })
      .classed('cut', (d) => d.cut)
      .classed('slow', (d) => !d.cut)
      .call((g) => {
        g.select('path').attr('d', (d) => d.d)
        g.select('text').attr('x', (d) => d.lx).attr('y', (d) => d.ly).text((d) => d.label)
      })
    const isolated = this.view ? this.view.isolated.filter((id) => this.index.has(id)) : []
    this.marksLayer
      .selectAll<SVGGElement, string>('g.flow-isolated')
      .data(isolated, (d) => d)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'flow-isolated')
        g.append('rect').attr('rx', 8)
        g.append('text')
        return g
      })
      .each((id, i, nodes) => {
        const b = this.boxes[this.index.get(id)!]
        const g = select(nodes[i])
        g.select('rect').attr('x', b.x - 5).attr('y', b.y - 5).attr('width', b.w + 10).attr('height', b.h + 10)
        g.select('text').attr('x', b.x + b.w / 2).attr('y', b.y - 8).text(`✂ ${this.texts.isolated}`)
      })
  }

  /** One mark per pair of nodes on the map: cut (✂) wins over slowed (+N ms). */
  private markData(links: LinkMark[]): MarkDatum[] {
    const byPair = new Map<string, MarkDatum>()
    for (const l of links) {
      const a = this.index.get(l.from)
      const b = this.index.get(l.to)
      if (a === undefined || b === undefined) continue
      const key = a < b ? `${l.from}|${l.to}` : `${l.to}|${l.from}`
      const seen = byPair.get(key)
      if (seen && (seen.cut || !l.cut)) continue
      const c = this.curve(a, b)
      pointAt(c, 0.5, false, this.point)
      byPair.set(key, {
        key,
        d: curvePath(c),
        cut: l.cut,
        label: l.cut ? `✂ ${this.texts.cut}` : `+${l.extraMs} ms`,
        lx: this.point.x,
        ly: this.point.y - 5,
      })
    }
    return [...byPair.values()]
  }

  /** Error names sit just above the card that got them, stacking upwards past each other, never off the map's sides. */
  private drawLabels(): void {
    this.agg.labelsChanged = false
    const half = this.content.offsetWidth / 2
    const placed: Box[] = []
    const data = this.agg.labels
      .filter((l) => l.node < this.boxes.length)
      .map((l) => {
        const b = this.boxes[l.node]
        const leftHalf = b.x + b.w / 2 < half
        const text = `✚ ${l.count > 1 ? `${l.error} ×${l.count}` : l.error}`
        const w = this.textWidth(text)
        const x = leftHalf ? b.x + 4 : b.x + b.w - 4
        const box = { x: leftHalf ? x : x - w, y: b.y - 15, w, h: 13 }
        while (placed.some((p) => p.x < box.x + box.w && box.x < p.x + p.w && p.y < box.y + box.h && box.y < p.y + p.h)) box.y -= 13
        placed.push(box)
        return { key: `${l.node}|${l.error}`, text, x, y: box.y + 12, anchor: leftHalf ? 'start' : 'end' }
      })
    this.labelsLayer
      .selectAll<SVGTextElement, (typeof data)[number]>('text')
      .data(data, (d) => d.key)
      .join('text')
      .attr('class', 'flow-error')
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('text-anchor', (d) => d.anchor)
      .text((d) => d.text)
  }

  /** Width of an 11px bold label, measured with the page's font. */
  private textWidth(text: string): number {
    if (!this.ctx) return text.length * 8
    this.ctx.font = `700 11px ${this.fontFamily}`
    return this.ctx.measureText(text).width + 4
  }

  destroy(): void {
    this.clearCanvas()
  }
}
