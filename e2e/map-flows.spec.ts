// The message flow on the cluster map as a learner reads it while the run plays: producers' arcs
// above the brokers and consumers' below, each labelled with the broker it goes to; no flow label
// on another, on a card, a heading or a button; no arc through a card; no dot over a group card;
// and at slow speed records landing in the partition log's offset slots (not at high speed, not
// under reduced motion).
import { expect, test, type Page } from '@playwright/test'
import { watchErrors } from './support.ts'

interface Rect {
  x: number
  y: number
  w: number
  h: number
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

async function simMs(page: Page): Promise<number> {
  return Number(await page.getByTestId('sim-time').getAttribute('data-ms'))
}

async function playUntil(page: Page, ms: number): Promise<void> {
  await page.getByTestId('btn-play').click()
  await expect.poll(() => simMs(page), { timeout: 30_000 }).toBeGreaterThan(ms)
}

/** Everything on the map flow labels and arcs must keep off, and the flow labels and arc samples. */
async function mapGeometry(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { x: r.left, y: r.top, w: r.width, h: r.height }
    }
    const content = document.querySelector('.cmap-content')!
    const cards = [...content.querySelectorAll('[data-node], .group-card, .broker-card')].map(box)
    const headings = [...content.querySelectorAll('.column-title')].map(box)
    const buttons = [...content.querySelectorAll('button')].map(box)
    const brokers = [...content.querySelectorAll<HTMLElement>('[data-node-kind="broker"]')].map((el) => ({ name: `B${el.dataset.testid!.replace('broker-', '')}`, ...box(el) }))
    const labels = [...content.querySelectorAll('[data-testid="flow-label"]')].filter((t) => t.textContent).map((t) => ({ text: t.textContent!, ...box(t) }))
    const arcs = [...content.querySelectorAll<SVGPathElement>('.cmap-links .flow-link path')].map((p) => {
      const m = p.getScreenCTM()!
      const len = p.getTotalLength()
      const pts: { x: number; y: number }[] = []
      for (let i = 0; i <= 80; i++) {
        const q = p.getPointAtLength((len * i) / 80).matrixTransform(m)
        pts.push({ x: q.x, y: q.y })
      }
      return pts
    })
    return { cards, headings, buttons, brokers, labels, arcs }
  })
}

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`at ${w}×${h} flow labels name their broker, overlap nothing, and arcs keep off cards, headings and buttons`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h } })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto('/?scenario=leader-failover&seed=42')
    await playUntil(page, 3000)
    for (let sample = 0; sample < 4; sample++) {
      await page.waitForTimeout(400)
      const g = await mapGeometry(page)
      // one producer and one consumer: a produce label and a consume label for each broker leading a partition
      const produce = g.labels.filter((l) => /^→ B\d/.test(l.text))
      const consume = g.labels.filter((l) => /^B\d →/.test(l.text))
      expect(produce.length).toBeGreaterThanOrEqual(2)
      expect(consume.length).toBeGreaterThanOrEqual(2)
      const bad: string[] = []
      for (let i = 0; i < g.labels.length; i++) {
        for (let j = i + 1; j < g.labels.length; j++) if (overlap(g.labels[i], g.labels[j])) bad.push(`${g.labels[i].text} on ${g.labels[j].text}`)
        for (const c of [...g.cards, ...g.headings, ...g.buttons]) if (overlap(g.labels[i], c)) bad.push(`${g.labels[i].text} on ${JSON.stringify(c)}`)
      }
      expect(bad).toEqual([])
      // each label stands at the broker it names: produce above its card, consume below it
      for (const l of [...produce, ...consume]) {
        const b = g.brokers.find((x) => x.name === l.text.match(/B\d+/)![0])!
        const cx = l.x + l.w / 2
        expect(cx).toBeGreaterThan(b.x)
        expect(cx).toBeLessThan(b.x + b.w)
        if (produce.includes(l)) expect(l.y + l.h).toBeLessThanOrEqual(b.y + 1)
        else expect(l.y).toBeGreaterThanOrEqual(b.y + b.h - 1)
      }
      // the two bands: produce labels above the broker row, consume labels below it
      const rowTop = Math.min(...g.brokers.map((b) => b.y))
      const rowBottom = Math.max(...g.brokers.map((b) => b.y + b.h))
      for (const l of produce) expect(l.y + l.h).toBeLessThanOrEqual(rowTop + 1)
      for (const l of consume) expect(l.y).toBeGreaterThanOrEqual(rowBottom - 1)
      // no arc runs through a card body, a heading or a button (its ends sit on card edges)
      expect(g.arcs.length).toBeGreaterThan(3)
      const through: string[] = []
      for (const arc of g.arcs) {
        for (const p of arc) {
          for (const c of [...g.cards, ...g.headings, ...g.buttons]) {
            if (p.x > c.x + 2 && p.x < c.x + c.w - 2 && p.y > c.y + 2 && p.y < c.y + c.h - 2) through.push(`${p.x.toFixed(0)},${p.y.toFixed(0)} in ${JSON.stringify(c)}`)
          }
        }
      }
      expect(through).toEqual([])
    }
    await page.getByRole('region', { name: 'Cluster map' }).screenshot({ path: `test-results/map-flows-${w}.png` })
    await page.getByTestId('btn-pause').click()
    expect(errors).toEqual([])
    await context.close()
  })
}

test('no dot is drawn over a group card or a column heading', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=two-groups-one-topic&seed=42')
  await playUntil(page, 3000)
  let seen = 0
  for (let sample = 0; sample < 12; sample++) {
    await page.waitForTimeout(110)
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.cmap-canvas')!
      const ctx = canvas.getContext('2d')!
      const origin = canvas.getBoundingClientRect()
      const scale = canvas.width / origin.width
      const alphaIn = (el: Element) => {
        const r = el.getBoundingClientRect()
        const x = Math.max(0, Math.round((r.left - origin.left) * scale))
        const y = Math.max(0, Math.round((r.top - origin.top) * scale))
        const data = ctx.getImageData(x, y, Math.max(1, Math.round(r.width * scale)), Math.max(1, Math.round(r.height * scale))).data
        let n = 0
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
        return n
      }
      let all = 0
      const whole = ctx.getImageData(0, 0, canvas.width, canvas.height).data
      for (let i = 3; i < whole.length; i += 4) if (whole[i] > 0) all++
      return { groups: [...document.querySelectorAll('.cmap .group-card')].map(alphaIn), headings: [...document.querySelectorAll('.cmap .column-title')].map(alphaIn), all }
    })
    expect(painted.groups.length).toBe(2)
    expect(painted.groups).toEqual([0, 0])
    expect(painted.headings.every((n) => n === 0)).toBe(true)
    seen += painted.all
  }
  // dots were drawn elsewhere on the map all along
  expect(seen).toBeGreaterThan(0)
  await page.getByTestId('btn-pause').click()
  expect(errors).toEqual([])
})

async function leo(page: Page, tp: string): Promise<number> {
  return Number(await page.locator(`tr[data-tp="${tp}"] .plog-words dd`).nth(5).textContent())
}

/** Records appended to the topic so far: the sum of its partitions' LEOs. */
async function appended(page: Page): Promise<number> {
  let n = 0
  for (const tp of ['orders-0', 'orders-1', 'orders-2']) n += await leo(page, tp)
  return n
}

test('at 1× records land in the leader lane of the partition log; at 10× they do not', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  await page.getByTestId('btn-play').click()
  const dots = page.locator('.plog [data-testid="landing-dot"]')
  await expect.poll(() => dots.count(), { timeout: 10_000 }).toBeGreaterThan(0)
  // a dot stands for one record at an offset the log now holds, on its partition's leader lane
  const seen = await page.waitForFunction(
    () => {
      const row = document.querySelector('tr[data-tp="orders-0"]')
      const dot = row?.querySelector<SVGCircleElement>('[data-testid="landing-dot"][data-offset]')
      if (!row || !dot) return null
      const leo = Number(row.querySelectorAll('.plog-words dd')[5].textContent)
      const lane = row.querySelector('.plog-lane.role-leader .plog-track')!.getBoundingClientRect()
      const r = dot.getBoundingClientRect()
      return { offset: Number(dot.dataset.offset), leo, x: r.left + r.width / 2, laneLeft: lane.left, laneRight: lane.right }
    },
    null,
    { timeout: 10_000 },
  )
  const landed = (await seen.jsonValue())!
  expect(landed.offset).toBeLessThan(landed.leo)
  expect(landed.x).toBeGreaterThan(landed.laneLeft)
  expect(landed.x).toBeLessThanOrEqual(landed.laneRight + 1)
  await page.locator('section.plog').screenshot({ path: 'test-results/map-flows-landing.png' })

  await page.getByTestId('speed').fill('1')
  await expect(page.locator('.speed-value')).toHaveText(/10/)
  await page.waitForTimeout(1200)
  // records keep being appended (even across the leader's crash at 20 s) and none lands as a dot
  const before = await appended(page)
  let grew = false
  for (let i = 0; i < 30 && !grew; i++) {
    expect(await dots.count()).toBe(0)
    await page.waitForTimeout(150)
    grew = (await appended(page)) > before
  }
  expect(grew).toBe(true)
  expect(await dots.count()).toBe(0)
  await page.getByTestId('btn-pause').click()
  expect(errors).toEqual([])
})

test('under reduced motion records fill their slots without landing dots', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' })
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  await playUntil(page, 1500)
  const before = await appended(page)
  for (let i = 0; i < 10; i++) {
    expect(await page.locator('.plog [data-testid="landing-dot"]').count()).toBe(0)
    await page.waitForTimeout(120)
  }
  expect(await appended(page)).toBeGreaterThan(before)
  await page.getByTestId('btn-pause').click()
  expect(errors).toEqual([])
  await context.close()
})
