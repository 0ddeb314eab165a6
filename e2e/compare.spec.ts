// Comparing two runs as a learner does: open unclean-election-data-loss, press Compare, choose
// unclean.leader.election.enable, play both on one clock, jump to the end, and read the table:
// run A (unclean on) lost acknowledged records, run B (off) lost none but had a partition without
// a leader. The page's own run stays where it was; Escape closes; axe-core finds nothing serious.
import { expect, test, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { watchErrors } from './support.ts'

async function simTime(page: Page): Promise<number> {
  return Number(await page.getByTestId('sim-time').getAttribute('data-ms'))
}

async function rowValues(page: Page, id: string): Promise<{ a: number; b: number; differs: string | null }> {
  const row = page.getByTestId(`compare-row-${id}`)
  return {
    a: Number(await row.getAttribute('data-a')),
    b: Number(await row.getAttribute('data-b')),
    differs: await row.getAttribute('data-differs'),
  }
}

test('unclean election on vs off: A loses acknowledged records, B has time without a leader', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=unclean-election-data-loss&seed=42')
  await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')
  const pageTime = await simTime(page)

  const compare = page.getByRole('button', { name: /Compare/ })
  await compare.click()
  const dialog = page.getByRole('dialog', { name: 'Compare two runs' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  // focus moved into the dialog
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()

  await dialog.getByLabel('Setting to change').selectOption('unclean')
  await expect(dialog.getByTestId('compare-run-a')).toContainText('A: unclean.leader.election.enable=true')
  await expect(dialog.getByTestId('compare-run-b')).toContainText('B: unclean.leader.election.enable=false')
  // both runs start where the page's run is
  await expect(dialog.getByTestId('compare-time')).toHaveAttribute('data-ms', String(pageTime))

  // one clock for both: play past the leader's crash at 40 s and its fencing (broker.session.timeout.ms,
  // 9 s: the elections come at about 48 s), pausing before it returns at 70 s
  await dialog.getByLabel('Speed').selectOption('20')
  await dialog.getByTestId('compare-play').click()
  await expect.poll(async () => Number(await dialog.getByTestId('compare-time').getAttribute('data-ms')), { timeout: 20_000, intervals: [100] }).toBeGreaterThan(52_000)
  await dialog.getByTestId('compare-pause').click()
  await expect(dialog.getByTestId('compare-play')).toBeEnabled()
  expect(Number(await dialog.getByTestId('compare-time').getAttribute('data-ms'))).toBeLessThan(70_000)
  // A elected the out-of-sync follower; B has no leader for events-0
  await expect(dialog.getByTestId('compare-run-a-events-0')).not.toHaveAttribute('data-leader', '-1')
  await expect(dialog.getByTestId('compare-run-b-events-0')).toHaveAttribute('data-leader', '-1')
  await expect(dialog.getByTestId('compare-run-b-events-0')).toContainText('none')
  await expect(dialog.getByTestId('compare-run-a').locator('[data-state="crashed"]')).toHaveCount(1)
  await expect(dialog.getByTestId('compare-run-b').locator('[data-state="crashed"]')).toHaveCount(1)
  await dialog.screenshot({ path: 'test-results/compare-unclean-mid.png' })

  // Space (not on a button) plays and pauses both runs
  await dialog.getByRole('heading', { name: 'Compare two runs' }).click()
  await page.keyboard.press('Space')
  await expect(dialog.getByTestId('compare-pause')).toBeEnabled()
  await page.keyboard.press('Space')
  await expect(dialog.getByTestId('compare-play')).toBeEnabled()

  await dialog.getByTestId('compare-end').click()
  await expect(dialog.getByTestId('compare-time')).toHaveAttribute('data-ms', '120000', { timeout: 30_000 })
  await expect(dialog.getByTestId('compare-end')).toBeDisabled()

  const lost = await rowValues(page, 'lost')
  expect(lost.a).toBeGreaterThan(0)
  expect(lost.b).toBe(0)
  expect(lost.differs).toBe('true')
  await expect(dialog.getByTestId('compare-row-lost')).toContainText(/A lost \d+ more acknowledged records than B/)
  const leaderless = await rowValues(page, 'leaderless')
  expect(leaderless.b).toBeGreaterThan(10_000)
  expect(leaderless.b).toBeGreaterThan(leaderless.a)
  await expect(dialog.getByTestId('compare-row-leaderless')).toContainText('B had partitions without a leader')
  // rows that are the same say so
  await expect(dialog.getByTestId('compare-row-duplicates')).toHaveAttribute('data-differs', 'false')
  await expect(dialog.getByTestId('compare-row-duplicates')).toContainText('same')
  // start-up metadata warnings are not request errors: a row of their own, explained, listed last
  await expect(dialog.getByTestId('compare-row-error-UNKNOWN_TOPIC_OR_PARTITION')).toHaveCount(0)
  const warmup = dialog.getByTestId('compare-row-metadata-warmup')
  await expect(warmup).toContainText('Metadata warm-up warnings (not errors)')
  await expect(warmup).toContainText('the Java client logs these as warnings and retries')
  await expect(warmup).toHaveAttribute('data-differs', 'false')
  await expect(dialog.locator('[data-testid^="compare-row-"]').last()).toHaveAttribute('data-testid', 'compare-row-metadata-warmup')
  await dialog.screenshot({ path: 'test-results/compare-unclean-end.png' })

  const axe = await new AxeBuilder({ page }).include('[data-testid="compare-dialog"]').analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  // the page's own run did not move
  expect(await simTime(page)).toBe(pageTime)

  // Esc closes Compare and gives focus to Play, so the next Space plays (it does not reopen Compare)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('btn-play')).toBeFocused()
  await page.keyboard.press(' ')
  await expect(dialog).toBeHidden()
  await expect.poll(() => simTime(page)).toBeGreaterThan(pageTime)
  expect(errors).toEqual([])
})

test('in Korean, the comparison of idempotence explains the duplicates', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=idempotent-retries&seed=42')
  await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')
  await page.getByRole('button', { name: '한국어' }).click()
  await page.getByRole('button', { name: /비교/ }).click()
  const dialog = page.getByRole('dialog', { name: '두 실행 비교' })
  await dialog.getByLabel('바꿀 설정').selectOption('idempotence')
  await dialog.getByRole('button', { name: /끝으로 이동/ }).click()
  await expect(dialog.getByTestId('compare-time')).toHaveAttribute('data-ms', '90000', { timeout: 30_000 })
  const dup = await rowValues(page, 'duplicates')
  expect(dup.b).toBeGreaterThan(dup.a)
  await expect(dialog.getByTestId('compare-row-duplicates')).toContainText('B에는 A보다 중복이')
  await dialog.screenshot({ path: 'test-results/compare-idempotence-ko.png' })
  const axe = await new AxeBuilder({ page }).include('[data-testid="compare-dialog"]').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  await dialog.getByRole('button', { name: '닫기' }).click()
  await expect(dialog).toBeHidden()
  expect(errors).toEqual([])
})

test('opening Compare late in a big run brings both runs there frame by frame; the page keeps answering', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')
  // the standard benchmark (6 brokers, 48 partitions, 8,000 records/s) at 20 s: two runs of it take seconds
  const bench = (await import('node:fs')).readFileSync('bench/standard.json', 'utf8')
  await page.evaluate(`window.__kafkascope.load(${bench})`)
  await page.evaluate(`window.__kafkascope.runUntil(20000)`)
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '20000')

  await page.getByRole('button', { name: /Compare/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare two runs' })
  await expect(dialog).toBeVisible()
  // still on its way, shown as running, and the page answers between frames
  await expect(dialog.getByTestId('compare-pause')).toBeEnabled()
  const reached = Number(await dialog.getByTestId('compare-time').getAttribute('data-ms'))
  expect(reached).toBeLessThan(20_000)
  const started = Date.now()
  await page.evaluate('1 + 1')
  expect(Date.now() - started).toBeLessThan(1000)
  await expect(dialog.getByTestId('compare-time')).toHaveAttribute('data-ms', '20000', { timeout: 60_000 })
  await expect(dialog.getByTestId('compare-play')).toBeEnabled()
  expect(errors).toEqual([])
})

test('group.protocol classic vs consumer (KIP-848): the same joins and crash; the table compares what the groups stopped', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=eager-vs-cooperative&seed=42')
  await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')
  await page.getByRole('button', { name: /Compare/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Compare two runs' })
  await dialog.getByLabel('Setting to change').selectOption('protocol')
  await expect(dialog.getByTestId('compare-run-a')).toContainText('A: group.protocol=classic')
  await expect(dialog.getByTestId('compare-run-b')).toContainText('B: group.protocol=consumer')
  await dialog.getByRole('button', { name: /Jump to the end/ }).click()
  await expect(dialog.getByTestId('compare-time')).toHaveAttribute('data-ms', '60000', { timeout: 30_000 })
  // seed 42: the eager group stops all six partitions at each join and after the crash; KIP-848 only the two that move
  const unread = await rowValues(page, 'unread')
  expect(unread.b).toBeLessThan(unread.a)
  await expect(dialog.getByTestId('compare-row-unread')).toContainText('KIP-848 stops only the partitions that move')
  // B's groups take longer to reach Stable (they wait for heartbeats) but read on meanwhile
  const notStable = await rowValues(page, 'notStable')
  expect(notStable.b).toBeGreaterThan(notStable.a)
  await expect(dialog.getByTestId('compare-row-notStable')).toContainText('while its members go on reading')
  await expect(dialog.getByTestId('compare-run-b')).toContainText('group epoch')
  await dialog.screenshot({ path: 'test-results/compare-group-protocol.png' })
  expect(errors).toEqual([])
})
