// Kafka's storage in the partition log, as a learner watches retention-deletes-segments: each
// replica lane shows the segments its log is made of (separators, the active segment outlined and
// named), the log start offset marked like HW and LEO once retention moved it, and the segment
// retention just deleted drawn grey and fading, gone once DELETED_SHOWN_MS (10 s) have passed. At
// 1280×720 in English and 1024×768 in Korean, with reduced motion fading in steps. Screenshots go to
// SEG_SHOTS_DIR (default test-results).
import { expect, test, type Page } from '@playwright/test'
import { runUntil, watchErrors } from './support.ts'

const SHOTS = process.env.SEG_SHOTS_DIR ?? 'test-results'
/** The first retention pass that finds an old segment deletes offsets 0–1006 of logs-0 at 75 s. */
const DELETED_AT = 75_000
const ROW = 'partition-logs-0'

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

interface LaneShape {
  label: Box
  track: Box
  edges: number[]
  active: Box | null
  logStart: Box | null
  deleted: { from: number; to: number; box: Box; opacity: number }[]
}

interface RowShape {
  lanes: LaneShape[]
  top: { kind: string; text: string; box: Box }[]
  svg: Box
}

/** Where the lanes, their storage marks and the labels over them are, in page pixels. */
async function rowShape(page: Page): Promise<RowShape> {
  return page.getByTestId(ROW).evaluate((row) => {
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect()
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
    }
    const lanes = [...row.querySelectorAll('.plog-lane')].map((lane) => {
      const active = lane.querySelector('.plog-active-seg')
      const lso = lane.querySelector('.plog-lane-lso')
      return {
        label: box(lane.querySelector('.plog-lane-label')!),
        track: box(lane.querySelector('.plog-track')!),
        edges: [...lane.querySelectorAll('.plog-seg-edge')].map((e) => box(e).left + (box(e).right - box(e).left) / 2),
        active: active ? box(active) : null,
        logStart: lso ? box(lso) : null,
        deleted: [...lane.querySelectorAll('.plog-deleted')].map((d) => ({
          from: Number(d.getAttribute('data-from')),
          to: Number(d.getAttribute('data-to')),
          box: box(d),
          opacity: Number(d.getAttribute('opacity')),
        })),
      }
    })
    const top = [...row.querySelectorAll('.plog-top text')].map((t) => ({ kind: t.getAttribute('data-kind') ?? '', text: t.textContent ?? '', box: box(t) }))
    return { lanes, top, svg: box(row.querySelector('.plog-svg')!) }
  })
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** The storage marks of every lane sit inside the lane; the labels over the lanes keep off each other. */
function expectSensibleGeometry(shape: RowShape): void {
  expect(shape.lanes).toHaveLength(3)
  for (const lane of shape.lanes) {
    const { track } = lane
    expect(lane.edges.length).toBeGreaterThanOrEqual(5)
    for (const x of lane.edges) {
      expect(x).toBeGreaterThan(track.left)
      expect(x).toBeLessThan(track.right)
    }
    // the active segment: outlined from its base offset to the log end, inside the lane
    const active = lane.active!
    expect(active.left).toBeGreaterThan(track.left)
    expect(active.right).toBeLessThanOrEqual(track.right + 1)
    expect(active.top).toBeGreaterThanOrEqual(track.top - 1)
    expect(active.bottom).toBeLessThanOrEqual(track.bottom + 1)
    expect(active.left).toBeGreaterThanOrEqual(Math.max(...lane.edges) - 1)
    // the log start offset: a bracket inside the plot, right of the lane's label
    const logStart = lane.logStart!
    expect(logStart.left).toBeGreaterThanOrEqual(track.left - 1)
    expect(logStart.left).toBeLessThan(Math.min(...lane.edges))
    expect(overlap(logStart, lane.label)).toBe(false)
    expect(lane.label.right).toBeLessThanOrEqual(track.left)
  }
  const kinds = shape.top.map((t) => t.kind)
  expect(kinds).toContain('logStart')
  expect(kinds).toContain('active')
  for (const [i, a] of shape.top.entries()) {
    expect(a.box.left, a.text).toBeGreaterThanOrEqual(shape.lanes[0].track.left - 1)
    expect(a.box.right, a.text).toBeLessThanOrEqual(shape.svg.right)
    for (const b of shape.top.slice(i + 1)) expect(overlap(a.box, b.box), `${a.text} on ${b.text}`).toBe(false)
  }
}

/** The segment retention deleted at 75 s: drawn grey left of the log start, fading. */
function expectDeletedRange(shape: RowShape, opacity: number): void {
  for (const lane of shape.lanes) {
    const d = lane.deleted.find((x) => x.from === 0)!
    expect(d.to).toBe(1007)
    expect(d.box.left).toBeGreaterThanOrEqual(lane.track.left - 1)
    expect(d.box.right).toBeLessThanOrEqual(lane.logStart!.left + 2)
    expect(d.box.right - d.box.left).toBeGreaterThanOrEqual(4)
    expect(d.opacity).toBeCloseTo(opacity, 1)
  }
}

async function open(page: Page, locale: 'en' | 'ko'): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('kafkascope.locale', l), locale)
  await page.goto('/?scenario=retention-deletes-segments')
  await expect(page.getByTestId(ROW)).toBeVisible()
}

/** Screenshots of the page and the partition log, once the fonts the page asked for have loaded. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
  await page.locator('.plog').screenshot({ path: `${SHOTS}/${name}-plog.png` })
}

const WORDS = {
  en: { logStart: 'log start offset 1007', active: 'active segment', segment: /segment \d+: offsets \d+–\d+ · \d+(\.\d)? [KM]B · newest record/, batch: /maxTimestamp \d/ },
  ko: { logStart: '로그 시작 오프셋 1007', active: '액티브 세그먼트', segment: /세그먼트 \d+: 오프셋 \d+–\d+ · \d+(\.\d)? [KM]B · 가장 새 레코드/, batch: /maxTimestamp\(가장 새 레코드 시각\) \d/ },
}

for (const { width, height, locale } of [
  { width: 1280, height: 720, locale: 'en' },
  { width: 1024, height: 768, locale: 'ko' },
] as const) {
  test.describe(`${width}×${height}, ${locale}`, () => {
    test.use({ viewport: { width, height } })

    test('segments, the active segment, the log start offset, and a deleted segment that fades out', async ({ page }) => {
      const errors = watchErrors(page)
      const words = WORDS[locale]
      await open(page, locale)
      await runUntil(page, DELETED_AT + 5_000)
      const row = page.getByTestId(ROW)
      await expect(row.locator('.plog-deleted')).toHaveCount(3)
      const shape = await rowShape(page)
      expectSensibleGeometry(shape)
      expectDeletedRange(shape, 0.5)
      expect(shape.top.find((t) => t.kind === 'logStart')!.text).toBe(words.logStart)
      expect(shape.top.find((t) => t.kind === 'active')!.text).toBe(words.active)
      // hovering: a segment says its base offset, size and newest record; a batch its maxTimestamp
      expect(await row.locator('.plog-seg-target title').first().textContent()).toMatch(words.segment)
      expect(await row.locator('.plog-lane').first().locator('.plog-seg title').last().textContent()).toMatch(words.batch)
      await shoot(page, `segments-${locale}-${width}x${height}-80s`)

      // 11 s after the deletion the deleted segment is gone; the next pass (90 s) deleted the next one
      await runUntil(page, DELETED_AT + 11_000 + 5_000)
      await expect(row.locator('.plog-deleted[data-from="0"]')).toHaveCount(0)
      await expect(row.locator('.plog-deleted[data-from="1007"]')).toHaveCount(3)
      const later = await rowShape(page)
      expectSensibleGeometry(later)
      await shoot(page, `segments-${locale}-${width}x${height}-91s`)
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height)
      expect(errors).toEqual([])
    })
  })
}

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' })

  test('a deleted segment fades in steps', async ({ page }) => {
    await open(page, 'en')
    await runUntil(page, DELETED_AT + 2_000)
    // smoothly 0.8, 0.7 and 0.2 of the way; in quarter steps, rounded up
    expect((await rowShape(page)).lanes[0].deleted[0].opacity).toBe(1)
    await runUntil(page, DELETED_AT + 3_000)
    expect((await rowShape(page)).lanes[0].deleted[0].opacity).toBe(0.75)
    await runUntil(page, DELETED_AT + 8_000)
    expect((await rowShape(page)).lanes[0].deleted[0].opacity).toBe(0.25)
  })
})

test('a log without retention shows no log start marker and one active segment', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=active-segment-kept')
  await runUntil(page, 60_000)
  const row = page.getByTestId('partition-events-0')
  await expect(row.locator('.plog-active-seg')).toHaveCount(3)
  await expect(row.locator('.plog-seg-edge')).toHaveCount(0)
  await expect(row.locator('.plog-lane-lso, .plog-lso, .plog-deleted')).toHaveCount(0)
  await expect(row.locator('.plog-top [data-kind="logStart"]')).toHaveText('log start offset 0')
  await expect(row.locator('.plog-top [data-kind="active"]')).toHaveText('active segment')
  expect(errors).toEqual([])
})
