// The side panels and the page as a classroom reads them at 1024×768 to 1920×1080: the page itself
// never scrolls; the Console wraps Kafka's output so every value a lesson cites (PartitionCount,
// Replicas, Isr) is on screen; the checker's lost writes are one grouped anomaly per election with
// their count and offsets; metric charts are tall and follow the played time; metadata warm-up
// warnings stand apart from request errors; the timeline counts __consumer_offsets apart.
import { expect, test, type Page } from '@playwright/test'
import { watchErrors, runUntil } from './support.ts'
import { lesson as lesson1 } from '../src/lessons/content/01-topics-partitions-offsets.ts'

interface ConsoleApi {
  load(scenario: unknown, seed?: number): void
  summary(): { checks: { lostAckedWrites: number } }
}

async function pageScroll(page: Page): Promise<{ sw: number; sh: number; w: number; h: number }> {
  return page.evaluate(() => ({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight, w: innerWidth, h: innerHeight }))
}

/** The Console's output box: nothing runs past its right edge, and the text a lesson cites is shown. */
async function expectConsoleFits(page: Page, cited: string[]): Promise<void> {
  const output = page.getByTestId('console-output')
  await expect(output).toBeVisible()
  const box = await output.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, right: el.getBoundingClientRect().right }))
  expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth)
  // no field of the output ends beyond the box's right edge (a clipped "Part…")
  const overflowing = await output.evaluate((el) => {
    const right = el.getBoundingClientRect().right
    return [...el.querySelectorAll('.cons-field')].filter((f) => f.getBoundingClientRect().right > right + 0.5).map((f) => f.textContent)
  })
  expect(overflowing).toEqual([])
  for (const text of cited) await expect(output.getByText(text, { exact: false }).first()).toBeVisible()
}

for (const [w, h] of [
  [1280, 720],
  [1024, 768],
  [1920, 1080],
] as const) {
  test(`the page does not scroll at ${w}×${h}`, async ({ page }) => {
    const errors = watchErrors(page)
    await page.setViewportSize({ width: w, height: h })
    await page.goto('/?scenario=unclean-election-data-loss')
    await expect(page.getByTestId('timeline')).toBeVisible()
    await runUntil(page, 60_000)
    for (const tab of ['Metrics', 'Anomalies', 'Console', 'Events']) {
      await page.getByRole('tab', { name: tab, exact: true }).click()
      await page.waitForTimeout(300)
      const m = await pageScroll(page)
      expect({ tab, ...m }).toEqual({ tab, sw: w, sh: h, w, h })
    }
    expect(errors).toEqual([])
  })
}

for (const [w, h] of [
  [1280, 720],
  [1024, 768],
] as const) {
  test(`the Console wraps kafka-topics --describe so lessons 1 and 7 can cite it at ${w}×${h}`, async ({ page }) => {
    const errors = watchErrors(page)
    await page.setViewportSize({ width: w, height: h })
    // lesson 1: its own scenario, the Console with the first command (kafka-topics --describe --topic orders)
    await page.goto('/')
    await expect(page.getByTestId('sim-time')).toBeVisible()
    await page.evaluate((json) => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.load(json), lesson1.scenario && 'json' in lesson1.scenario ? lesson1.scenario.json : null)
    await runUntil(page, 40_000)
    await page.getByRole('tab', { name: 'Console', exact: true }).click()
    await expectConsoleFits(page, ['PartitionCount: 3', 'Leader:', 'Isr:'])
    await page.screenshot({ path: `test-results/panels-console-lesson1-${w}x${h}.png` })

    // lesson 7: the leader-failover scenario after the failover, Replicas and Isr of orders-0
    await page.goto('/?scenario=leader-failover')
    await expect(page.getByTestId('sim-time')).toBeVisible()
    await runUntil(page, 70_000)
    await page.getByRole('tab', { name: 'Console', exact: true }).click()
    await expectConsoleFits(page, ['PartitionCount: 3', 'Partition: 0', 'Replicas: ', 'Isr: '])
    // the group table of kafka-consumer-groups wraps too, columns kept
    await page.goto('/?scenario=consumer-group-rebalance')
    await expect(page.getByTestId('sim-time')).toBeVisible()
    await runUntil(page, 30_000)
    await page.getByRole('tab', { name: 'Console', exact: true }).click()
    await page.getByTestId('console-command').selectOption('groups:billing')
    await expectConsoleFits(page, ['CURRENT-OFFSET', 'LOG-END-OFFSET', 'CLIENT-ID'])
    await page.screenshot({ path: `test-results/panels-console-groups-${w}x${h}.png` })
    expect(errors).toEqual([])
  })
}

test('the unclean election’s lost writes are one grouped anomaly with their count and offsets, in English and Korean', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=unclean-election-data-loss')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await runUntil(page, 120_000)
  const lost = await page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.summary().checks.lostAckedWrites)
  expect(lost).toBeGreaterThan(20)
  await page.getByRole('tab', { name: 'Anomalies', exact: true }).click()
  const entries = page.locator('[data-testid^="anomaly-"]')
  await expect(entries).toHaveCount(1)
  const entry = page.getByTestId('anomaly-0')
  await expect(entry).toHaveAttribute('data-kind', 'lostAckedWrite')
  await expect(entry).toHaveAttribute('data-count', String(lost))
  await expect(entry).toContainText(new RegExp(`events-0: ${lost} acknowledged records lost \\(offsets \\d+–\\d+\\) when broker \\d became leader in an unclean election at \\d+\\.\\d{3} s`))
  const [from, to] = (/offsets (\d+)–(\d+)/.exec((await entry.textContent()) ?? '') ?? []).slice(1).map(Number)
  expect(to - from + 1).toBe(lost)
  await page.screenshot({ path: 'test-results/panels-anomalies-en.png' })

  // the timeline marks the group once
  await expect(page.locator('[data-testid="timeline-marker"][data-category="anomaly"]')).toHaveCount(1)

  // clicking the entry goes to the election's moment
  const at = Number(await entry.getAttribute('data-at'))
  await entry.getByRole('button').click()
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(at))

  await page.getByRole('button', { name: '한국어' }).click()
  await runUntil(page, 120_000)
  await page.getByRole('tab', { name: '이상', exact: true }).click()
  await expect(page.getByTestId('anomaly-0')).toContainText(`events-0: 확인(ack)된 레코드 ${lost}개 유실 (오프셋 ${from}–${to})`)
  await expect(page.getByTestId('anomaly-0')).toContainText('unclean 선출로 새 리더 브로커')
  await page.screenshot({ path: 'test-results/panels-anomalies-ko.png' })
  expect(errors).toEqual([])
})

test('metric charts are at least 160 px tall, end at the played time, and keep warm-up warnings apart', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await runUntil(page, 30_000)
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click()
  const chart = page.getByTestId('chart-throughput').getByRole('img')
  await expect(chart).toBeVisible()
  expect((await chart.boundingBox())!.height).toBeGreaterThanOrEqual(160)
  // the x-axis's last tick is near the playhead (30 s), not the scenario's end (90 s)
  const ticks = await page.getByTestId('chart-throughput').locator('.mx-x .tick text').allTextContents()
  const lastTick = Number(ticks.at(-1)!.replace(/[^\d.]/g, ''))
  expect(lastTick).toBeLessThanOrEqual(30)
  expect(lastTick).toBeGreaterThanOrEqual(20)
  // UNKNOWN_TOPIC_OR_PARTITION at start-up: a warm-up warning, explained, not a request error
  await expect(page.getByTestId('chart-errors')).not.toContainText('UNKNOWN_TOPIC_OR_PARTITION')
  const warmup = page.getByTestId('metadata-warnings')
  await expect(warmup).toContainText('UNKNOWN_TOPIC_OR_PARTITION')
  await expect(warmup).toContainText('the Java client logs these as warnings')
  expect(errors).toEqual([])
})

test('MEMBER_ID_REQUIRED, the first round of a new member\'s join, is explained apart from request errors, in English and Korean', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-group-rebalance')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await runUntil(page, 20_000)
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click()
  await expect(page.getByTestId('chart-errors')).toBeVisible()
  await expect(page.getByTestId('chart-errors')).not.toContainText('MEMBER_ID_REQUIRED')
  const handshakes = page.getByTestId('join-handshakes')
  await expect(handshakes).toContainText(/Join handshakes \(not request errors\): MEMBER_ID_REQUIRED [1-9]/)
  await page.getByRole('button', { name: '한국어' }).click()
  await expect(handshakes).toContainText(/조인 핸드셰이크 \(요청 오류 아님\): MEMBER_ID_REQUIRED [1-9]/)
  expect(errors).toEqual([])
})

test('the timeline counts elections of the learner’s topics apart from __consumer_offsets', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=unclean-election-data-loss')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await runUntil(page, 60_000)
  const unclean = page.locator('[data-testid="timeline-marker"][data-category="unclean"]')
  await expect(unclean).toHaveCount(1)
  // one election of events-0; the __consumer_offsets ones are counted apart
  await expect(unclean).toHaveAttribute('data-count', '1')
  expect(Number(await unclean.getAttribute('data-internal'))).toBeGreaterThan(0)
  await expect(unclean.locator('.tl-count')).toHaveCount(0)
  await unclean.hover()
  const tip = page.getByTestId('timeline-tooltip')
  await expect(tip).toContainText('1 on your topics')
  await expect(page.getByTestId('timeline-tooltip-internal')).toContainText("on __consumer_offsets, Kafka's internal topic")
  // rows are not tight: each lane at least a line of text apart
  const ys = await page.locator('.tl-lanes > g').evaluateAll((gs) => gs.map((g) => Number(/translate\(0,([\d.]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1])))
  expect(ys.length).toBeGreaterThan(3)
  for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(14)
  expect(errors).toEqual([])
})
