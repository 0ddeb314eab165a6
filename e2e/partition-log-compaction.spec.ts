// The log cleaner in the partition log, as a learner watches compaction-latest-per-key and
// tombstones: on a compacted topic every record is a cell in its key's colour (the same key, the
// same colour, in every lane), and just after the cleaner's pass (15 s) its "before" fades out, the
// records it removed in their key colours, while the "after" stays: one record per key at its old
// offset, a dotted gap where the rest were, and a dashed marker over the offsets it cleaned. Ten
// seconds on the removed records and the marker are gone and the survivors stay. Under reduced
// motion nothing fades: the after state and the marker at once. A tombstone the cleaner keeps is a
// crossed-out cell until its delete horizon passes. Tooltips give offset, key, timestamp and
// "tombstone" in English and Korean. Screenshots go to COMPACTION_SHOTS_DIR (default test-results).
import { expect, test, type Page } from '@playwright/test'
import { runUntil, watchErrors } from './support.ts'

const SHOTS = process.env.COMPACTION_SHOTS_DIR ?? 'test-results'
const ROW = 'partition-prices-0'
/** The first cleaning: offsets 0–1010 of prices-0 at 15 s, 1005 records removed, one of each of the six symbols kept. */
const FIRST_PASS = { atMs: 15_000, from: 0, to: 1011, removed: 1005, kept: [1005, 1006, 1007, 1008, 1009, 1010] }
const SYMBOLS = ['AAPL', 'AMZN', 'GOOG', 'MSFT', 'NVDA', 'TSLA']

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

interface CellShape {
  offset: number
  key: string
  fill: string
  box: Box
}

interface LaneShape {
  track: Box
  cells: CellShape[]
  gaps: { from: number; to: number; box: Box }[]
  cleaned: { from: number; to: number; removed: number; box: Box } | null
  removed: { opacity: number; bands: number } | null
}

/** Each lane's key cells, gaps, the cleaner's marker and its fading removed records, in page pixels. */
async function lanesOf(page: Page, row = ROW): Promise<LaneShape[]> {
  return page.getByTestId(row).evaluate((el) => {
    const box = (e: Element): Box => {
      const r = e.getBoundingClientRect()
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
    }
    return [...el.querySelectorAll('.plog-lane')].map((lane) => {
      const cleaned = lane.querySelector('.plog-cleaned')
      const removed = lane.querySelector('.plog-removed')
      return {
        track: box(lane.querySelector('.plog-track')!),
        cells: [...lane.querySelectorAll('rect.plog-key-cell')].map((c) => ({
          offset: Number(c.getAttribute('data-offset')),
          key: c.getAttribute('data-key') ?? '',
          fill: getComputedStyle(c).fill,
          box: box(c),
        })),
        gaps: [...lane.querySelectorAll('.plog-gap')].map((g) => ({ from: Number(g.getAttribute('data-from')), to: Number(g.getAttribute('data-to')), box: box(g) })),
        cleaned: cleaned ? { from: Number(cleaned.getAttribute('data-from')), to: Number(cleaned.getAttribute('data-to')), removed: Number(cleaned.getAttribute('data-removed')), box: box(cleaned) } : null,
        removed: removed ? { opacity: Number(removed.getAttribute('opacity')), bands: removed.querySelectorAll('.plog-removed-band').length } : null,
      }
    })
  })
}

/** Cells sit in their lane, one colour per key (six keys, six colours), each after the one before. */
function expectKeyCells(lane: LaneShape): void {
  expect(lane.cells.length).toBeGreaterThan(100)
  const colourOf = new Map<string, string>()
  for (const [i, c] of lane.cells.entries()) {
    expect(c.box.left).toBeGreaterThanOrEqual(lane.track.left - 0.5)
    expect(c.box.right).toBeLessThanOrEqual(lane.track.right + 0.5)
    expect(c.box.top).toBeGreaterThanOrEqual(lane.track.top - 0.5)
    expect(c.box.bottom).toBeLessThanOrEqual(lane.track.bottom + 0.5)
    if (i > 0) expect(c.box.left).toBeGreaterThanOrEqual(lane.cells[i - 1].box.right - 0.5)
    if (!colourOf.has(c.key)) colourOf.set(c.key, c.fill)
    expect(c.fill, `key ${c.key}`).toBe(colourOf.get(c.key))
  }
  expect([...colourOf.keys()].sort()).toEqual(SYMBOLS)
  expect(new Set(colourOf.values()).size).toBe(6)
}

/** After the first pass: a gap over 0–1004, then the six survivors at 1005–1010, each wide enough to see. */
function expectAfterState(lane: LaneShape): void {
  const kept = lane.cells.filter((c) => c.offset < FIRST_PASS.to)
  expect(kept.map((c) => c.offset)).toEqual(FIRST_PASS.kept)
  expect(new Set(kept.map((c) => c.key)).size).toBe(6)
  for (const c of kept) expect(c.box.right - c.box.left).toBeGreaterThanOrEqual(3)
  const gap = lane.gaps.find((g) => g.from === 0)!
  expect(gap.to).toBe(1005)
  expect(gap.box.right).toBeLessThanOrEqual(kept[0].box.left + 1)
}

async function open(page: Page, scenario: string, locale: 'en' | 'ko'): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('kafkascope.locale', l), locale)
  await page.goto(`/?scenario=${scenario}`)
  await expect(page.locator('[data-testid^="partition-"][data-tp]').first()).toBeVisible()
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
  await page.locator('.plog').screenshot({ path: `${SHOTS}/${name}-plog.png` })
}

const WORDS = {
  en: { record: /^offset 1005 · key [A-Z]{4} · timestamp \d+\.\d{3} s$/, removed: /^offsets \d+–\d+: \d+ records removed by the log cleaner at 15\.000 s · keys [A-Z]{4}, [A-Z]{4}, [A-Z]{4}, [A-Z]{4}, …$/, cleaned: /log cleaner|cleaned/, legend: 'compacted topic: one colour per record key' },
  ko: { record: /^오프셋 1005 · 키 [A-Z]{4} · 타임스탬프 \d+\.\d{3} s$/, removed: /^오프셋 \d+–\d+: 15\.000 s에 로그 클리너가 레코드 \d+개를 지움 · 키 [A-Z]{4}, [A-Z]{4}, [A-Z]{4}, [A-Z]{4}, …$/, cleaned: /로그 클리너|정리됨/, legend: '컴팩션 토픽: 레코드 키마다 한 색' },
}

for (const { width, height, locale } of [
  { width: 1280, height: 720, locale: 'en' },
  { width: 1024, height: 768, locale: 'ko' },
] as const) {
  test.describe(`${width}×${height}, ${locale}`, () => {
    test.use({ viewport: { width, height } })

    test('key-coloured records, and the cleaner’s pass before and after', async ({ page }) => {
      const errors = watchErrors(page)
      const words = WORDS[locale]
      await open(page, 'compaction-latest-per-key', locale)
      await runUntil(page, FIRST_PASS.atMs + 300)
      const row = page.getByTestId(ROW)
      await expect(row.locator('.plog-cleaned')).toHaveCount(3)
      const lanes = await lanesOf(page)
      expect(lanes).toHaveLength(3)
      for (const lane of lanes) {
        expectKeyCells(lane)
        expectAfterState(lane)
        // the marker over the offsets the pass cleaned; its removed records still almost opaque
        expect(lane.cleaned).toMatchObject({ from: FIRST_PASS.from, to: FIRST_PASS.to, removed: FIRST_PASS.removed })
        expect(lane.cleaned!.box.left).toBeGreaterThanOrEqual(lane.track.left - 1)
        expect(lane.removed!.opacity).toBeGreaterThan(0.9)
        expect(lane.removed!.bands).toBeGreaterThan(10)
      }
      // the same key has the same colour in every lane
      const colours = lanes.map((l) => Object.fromEntries(l.cells.map((c) => [c.key, c.fill])))
      expect(colours[1]).toEqual(colours[0])
      expect(colours[2]).toEqual(colours[0])
      await expect(row.locator('.plog-top [data-kind="cleaned"]')).toHaveText(words.cleaned)
      // hovering: a record says its offset, key and timestamp; a removed one when and why it went
      expect(await row.locator('.plog-lane').first().locator('rect.plog-key-cell[data-offset="1005"] title').textContent()).toMatch(words.record)
      expect(await row.locator('.plog-lane').first().locator('.plog-removed-band title').first().textContent()).toMatch(words.removed)
      await page.getByTestId('partition-log-legend').locator('summary').click()
      await expect(page.getByTestId('legend-keys')).toHaveText(words.legend)
      await shoot(page, `compaction-${locale}-${width}x${height}-15s`)
      await page.getByTestId('partition-log-legend').locator('summary').click()

      // the removed records fade as the gap closes; 10 s on only the after state is left
      await runUntil(page, FIRST_PASS.atMs + 6_000)
      const fading = await lanesOf(page)
      for (const lane of fading) expect(lane.removed!.opacity).toBeCloseTo(0.4, 1)
      expect(fading[0].gaps[0].box.right - fading[0].gaps[0].box.left).toBeLessThan(lanes[0].gaps[0].box.right - lanes[0].gaps[0].box.left)
      await runUntil(page, FIRST_PASS.atMs + 10_500)
      await expect(row.locator('.plog-cleaned, .plog-removed')).toHaveCount(0)
      for (const lane of await lanesOf(page)) {
        expectKeyCells(lane)
        expectAfterState(lane)
      }
      await shoot(page, `compaction-${locale}-${width}x${height}-25s`)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height)
      expect(errors).toEqual([])
    })
  })
}

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' })

  test('no fading: the after state and the cleaner’s marker at once', async ({ page }) => {
    await open(page, 'compaction-latest-per-key', 'en')
    await runUntil(page, FIRST_PASS.atMs + 300)
    const row = page.getByTestId(ROW)
    await expect(row.locator('.plog-cleaned')).toHaveCount(3)
    await expect(row.locator('.plog-removed')).toHaveCount(0)
    const lanes = await lanesOf(page)
    for (const lane of lanes) expectAfterState(lane)
    // the gap already has its short width
    await runUntil(page, FIRST_PASS.atMs + 10_500)
    const later = await lanesOf(page)
    expect(later[0].gaps[0].box.right - later[0].gaps[0].box.left).toBeCloseTo(lanes[0].gaps[0].box.right - lanes[0].gaps[0].box.left, 0)
  })
})

test('a tombstone the cleaner keeps is crossed out until its delete horizon passes', async ({ page }) => {
  const errors = watchErrors(page)
  await open(page, 'tombstones', 'ko')
  await runUntil(page, 61_000)
  const row = page.getByTestId('partition-users-0')
  const tombstones = row.locator('.plog-key-cell.tombstone')
  await expect(tombstones).toHaveCount(3)
  await expect(tombstones.first()).toHaveAttribute('data-key', 'user-9')
  expect(await tombstones.first().locator('title').textContent()).toMatch(/^오프셋 \d+ · 키 user-9 · 타임스탬프 45\.\d{3} s · 툼스톤\(tombstone\)/)
  await shoot(page, 'compaction-tombstone-ko-61s')
  // delete.retention.ms (30 s) after the pass that first kept it, the 90 s pass removes it
  await runUntil(page, 91_000)
  await expect(tombstones).toHaveCount(0)
  await expect(row.locator('.plog-cleaned').first()).toHaveAttribute('data-at', '90000')
  expect(errors).toEqual([])
})
