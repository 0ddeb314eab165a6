// The timeline and the Metrics tab as a learner uses them: markers for the failover in Kafka's
// words, tooltips on hover and focus, clicking a marker or the axis (and the playhead's keys) to go
// to a time, scheduled actions ahead of the playhead, UNCLEAN elections and checker anomalies;
// charts of rates, partitions, request errors by name and leaders per broker.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { watchErrors, runUntil } from './support.ts'

async function simMs(page: Page): Promise<number> {
  return Number(await page.getByTestId('sim-time').getAttribute('data-ms'))
}

async function msOf(marker: Locator): Promise<number> {
  return Number(await marker.getAttribute('data-ms'))
}

function markers(page: Page, category: string, scheduled = false): Locator {
  return page.locator(`[data-testid="timeline-marker"][data-category="${category}"][data-scheduled="${scheduled}"]`)
}

async function openFailover(page: Page): Promise<void> {
  await page.goto('/?scenario=leader-failover&seed=42')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await expect(page.getByTestId('timeline')).toBeVisible()
}

test('the timeline shows leader-failover in Kafka words and takes the run to a marker', async ({ page }) => {
  const errors = watchErrors(page)
  await openFailover(page)

  // At the opening time both of the scenario's actions are still ahead: scheduled markers.
  await expect(markers(page, 'fault', true)).toHaveCount(2)
  await expect(markers(page, 'fault', true).first()).toHaveAttribute('data-ms', '20000')

  await runUntil(page, 70_000)
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '70000')
  await expect(markers(page, 'fault', true)).toHaveCount(0)
  const crash = markers(page, 'fault').filter({ has: page.locator('xpath=self::*[@data-ms="20000"]') })
  await expect(crash).toHaveCount(1)

  // The leader elections come after the crash (once the controller fences the broker).
  const elections = markers(page, 'leader')
  await expect(elections.first()).toBeVisible()
  const electedAt = await msOf(elections.first())
  expect(electedAt).toBeGreaterThan(20_000)
  expect(electedAt).toBeLessThan(40_000)

  // Hovering the crash explains it with the action's own words.
  await crash.hover()
  const tooltip = page.getByTestId('timeline-tooltip')
  await expect(tooltip).toBeVisible()
  await expect(tooltip).toContainText('Fault / action')
  await expect(tooltip).toContainText('crashBroker')
  await expect(tooltip).toContainText('20.000 s')

  // Focusing an election explains it too, in Kafka's words (leader, epoch, ISR).
  await page.mouse.move(5, 5)
  await elections.first().focus()
  await expect(tooltip).toBeVisible()
  await expect(tooltip).toContainText('Leader election')
  await expect(tooltip).toContainText(/Partition [\w_-]+: leader \d → \d, epoch \d+/)
  await page.screenshot({ path: 'test-results/timeline-tooltip.png' })

  // Clicking the election goes back to its time; the restart at 60 s is ahead again.
  await elections.first().click()
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(electedAt))
  await expect(markers(page, 'fault', true)).toHaveCount(1)
  await expect(markers(page, 'fault', true)).toHaveAttribute('data-ms', '60000')
  expect(errors).toEqual([])
})

test('the keyboard reaches markers and the playhead; clicking the axis goes to that time', async ({ page }) => {
  const errors = watchErrors(page)
  await openFailover(page)
  await runUntil(page, 70_000)

  // Arrow keys move between markers in time order; Enter goes to the focused marker's time.
  const crash = markers(page, 'fault').first()
  await crash.focus()
  await page.keyboard.press('ArrowRight')
  const focused = page.locator('[data-testid="timeline-marker"]:focus')
  await expect(focused).toHaveCount(1)
  const next = await msOf(focused)
  expect(next).toBeGreaterThan(20_000)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(next))

  // The playhead is a slider: Shift+ArrowRight moves 10 s.
  const playhead = page.getByTestId('timeline-playhead')
  await playhead.focus()
  await page.keyboard.press('Shift+ArrowRight')
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(next + 10_000))
  await expect(playhead).toHaveAttribute('aria-valuenow', String(next + 10_000))

  // A click on the axis at 45 s of the 90 s range.
  const track = page.locator('.tl-track')
  const box = (await track.boundingBox())!
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height - 6)
  await expect.poll(() => simMs(page)).toBeGreaterThan(44_800)
  expect(await simMs(page)).toBeLessThan(45_200)
  expect(errors).toEqual([])
})

test('an UNCLEAN election stands out and the lost writes show as anomalies', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=unclean-election-data-loss&seed=42')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await runUntil(page, 60_000)
  const unclean = markers(page, 'unclean')
  await expect(unclean).toHaveCount(1)
  await unclean.hover()
  await expect(page.getByTestId('timeline-tooltip')).toContainText('UNCLEAN election')
  const anomaly = markers(page, 'anomaly')
  await expect(anomaly.first()).toBeVisible()
  await anomaly.first().hover()
  await expect(page.getByTestId('timeline-tooltip')).toContainText(/Acknowledged write lost: events-0: \d+ acknowledged records lost/)
  await page.screenshot({ path: 'test-results/timeline-unclean.png' })

  // In Korean the category label and the event's text are Korean; Kafka's words (UNCLEAN, ISR) stay.
  await page.getByRole('button', { name: '한국어' }).click()
  await unclean.hover()
  await expect(page.getByTestId('timeline-tooltip')).toContainText('UNCLEAN 리더 선출')
  await expect(page.getByTestId('timeline-tooltip')).toContainText(/파티션 events-0: 리더 \d → \d \(UNCLEAN 선출\), 에포크 \d+, ISR \[\d\]/)
  await expect(page.getByTestId('timeline-tooltip')).not.toContainText('UNCLEAN election')
  await page.screenshot({ path: 'test-results/timeline-unclean-ko.png' })

  // The event log speaks Korean too, and its search looks in the Korean text.
  await page.getByRole('tab', { name: '이벤트' }).click()
  await page.getByTestId('events-search').fill('UNCLEAN 선출')
  const rows = page.getByTestId('events-list').locator('li[data-kind]')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-type', 'LeaderElected')
  await expect(rows.first()).toContainText('파티션 events-0: 리더')
  await page.getByTestId('events-search').fill('')
  await page.screenshot({ path: 'test-results/events-ko.png' })
  expect(errors).toEqual([])
})

test('the Metrics tab charts the failover: rates, partitions, errors by name, leader skew', async ({ page }) => {
  const errors = watchErrors(page)
  await openFailover(page)
  await runUntil(page, 70_000)
  await page.getByRole('tab', { name: 'Metrics' }).click()
  const panel = page.getByTestId('metrics-panel')
  await expect(panel).toBeVisible()

  for (const id of ['chart-throughput', 'chart-health', 'chart-errors']) {
    const lines = page.getByTestId(id).locator('path.mx-line')
    // the panel draws its charts after it opens: wait for them on a busy machine
    await expect.poll(() => lines.count(), { message: id }).toBeGreaterThan(0)
    expect((await lines.first().getAttribute('d'))?.length ?? 0, id).toBeGreaterThan(20)
  }
  await expect(page.getByTestId('chart-throughput').getByRole('img')).toHaveAttribute('aria-label', /50 records\/s acknowledged/)
  // The crashed broker's partitions were under-replicated until it caught up again.
  await expect(page.getByTestId('chart-health').getByRole('img')).toHaveAttribute('aria-label', /at most [1-9]\d* under-replicated/)
  // Requests in flight to the crashed broker failed with NETWORK_EXCEPTION.
  await expect(page.getByTestId('chart-errors')).toContainText('NETWORK_EXCEPTION')
  await expect(page.getByTestId('chart-errors').locator('path.mx-line[data-name="NETWORK_EXCEPTION"]')).toHaveCount(1)

  // Leadership stayed where it moved: the restarted broker leads fewer than it prefers.
  const skew = page.getByTestId('leader-skew')
  await expect(skew).toBeVisible()
  await page.screenshot({ path: 'test-results/metrics-failover.png' })
  await skew.getByRole('button', { name: 'Elect preferred leaders' }).click()
  await runUntil(page, 75_000)
  await expect(skew).toHaveCount(0)
  await expect(page.getByTestId('chart-leaders')).toContainText('Every partition is led by its preferred leader.')

  const axe = await new AxeBuilder({ page }).include('[data-testid="timeline"]').include('[data-testid="metrics-panel"]').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([])
  expect(errors).toEqual([])
})
