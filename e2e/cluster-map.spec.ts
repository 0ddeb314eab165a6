// The cluster map as a learner uses it: find the broker that leads orders-0, crash it with its
// button, watch the controller move leadership to an in-sync follower, restart it; consumer group
// cards with their state and members; the message-kind toggles; reduced motion; a dense cluster.
import { expect, test, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { watchErrors, runUntil } from './support.ts'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** The id of the broker whose card holds the leader chip of `tp`. */
async function leaderOf(page: Page, tp: string): Promise<number> {
  const card = page.locator('[data-testid^="broker-"][data-state]').filter({ has: page.locator(`[data-tp="${tp}"][data-role="leader"]`) })
  await expect(card).toHaveCount(1)
  return Number((await card.getAttribute('data-testid'))!.replace('broker-', ''))
}

test('crashing the leader of orders-0 moves leadership to another broker, and restart brings it back', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  const map = page.getByRole('region', { name: 'Cluster map' })
  await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')
  await runUntil(page, 15_000)

  const before = await leaderOf(page, 'orders-0')
  const card = page.getByTestId(`broker-${before}`)
  await expect(card.locator('[data-tp="orders-0"]')).toHaveAttribute('data-role', 'leader')
  // the other replicas of orders-0 are in-sync followers on the other brokers
  await expect(page.locator('[data-tp="orders-0"][data-role="insync"]')).toHaveCount(2)
  await expect(page.getByTestId(`broker-${before}-restart`)).toHaveCount(0)
  await map.screenshot({ path: 'test-results/cluster-map-before.png' })

  await page.getByTestId(`broker-${before}-crash`).click()
  await expect(card).toHaveAttribute('data-state', 'crashed')
  await expect(card).toContainText('crashed')
  await expect(page.getByTestId(`broker-${before}-crash`)).toHaveCount(0)
  await expect(card.locator('[data-tp="orders-0"]')).toHaveAttribute('data-role', 'offline')

  // play for a moment: the message flow animates (the producer's requests to the dead broker fail)
  await page.getByTestId('btn-play').click()
  await page.waitForTimeout(900)
  await map.screenshot({ path: 'test-results/cluster-map-crashed-playing.png' })
  await page.getByTestId('btn-pause').click()

  await runUntil(page, 30_000)
  const after = await leaderOf(page, 'orders-0')
  expect(after).not.toBe(before)
  await expect(card).toHaveAttribute('data-state', 'crashed')
  await map.screenshot({ path: 'test-results/cluster-map-failover.png' })

  await page.getByTestId(`broker-${before}-restart`).click()
  await expect(page.getByTestId(`broker-${before}-crash`)).toBeVisible()
  await runUntil(page, 45_000)
  await expect(card).toHaveAttribute('data-state', 'alive')
  // back as a follower: leadership stays where it moved
  await expect(card.locator('[data-tp="orders-0"]')).toHaveAttribute('data-role', 'insync')
  expect(await leaderOf(page, 'orders-0')).toBe(after)
  await map.screenshot({ path: 'test-results/cluster-map-restarted.png' })
  expect(errors).toEqual([])
})

test('clicking a broker, a replica chip and a producer selects them; keyboard works on chips', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  const title = page.getByTestId('broker-2').getByRole('button', { name: 'Broker 2' })
  await title.click()
  await expect(title).toHaveAttribute('aria-pressed', 'true')
  const chip = page.getByTestId('broker-2').locator('[data-tp="orders-1"]')
  await chip.focus()
  await page.keyboard.press('Enter')
  await expect(chip).toHaveClass(/selected/)
  await expect(title).toHaveAttribute('aria-pressed', 'false')
  const producer = page.getByRole('button', { name: /checkout/ })
  await producer.click()
  await expect(producer).toHaveAttribute('aria-pressed', 'true')
  await expect(producer).toContainText('acks=all')
  expect(errors).toEqual([])
})

test('consumer groups show state, generation and members; a crashed member is down and its partitions move after the session times out', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-crash-session-timeout&seed=42')
  const group = page.getByTestId('group-billing')
  await expect(group).toHaveAttribute('data-state', 'Stable')
  const generation = Number(await group.getAttribute('data-generation'))
  expect(generation).toBeGreaterThan(0)
  await expect(group.locator('.member')).toHaveCount(3)
  await expect(group).toContainText('billing-2')

  await runUntil(page, 22_000)
  // billing-2 crashed without a LeaveGroup: still a member, shown as down, no rebalance yet
  await expect(group.locator('.member-down')).toHaveText(/billing-2/)
  await expect(group).toHaveAttribute('data-generation', String(generation))
  await page.getByRole('region', { name: 'Cluster map' }).screenshot({ path: 'test-results/cluster-map-member-down.png' })

  await runUntil(page, 45_000)
  await expect(group).toHaveAttribute('data-state', 'Stable')
  expect(Number(await group.getAttribute('data-generation'))).toBeGreaterThan(generation)
  // the coordinator dropped billing-2 and the two live members split the six partitions (range)
  const live = group.locator('.member:not(.member-down)')
  await expect(live).toHaveCount(2)
  await expect(live.locator('.member-parts')).toHaveText(['orders 0-2', 'orders 3-5'])
  const member = live.first()
  await member.click()
  await expect(member).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('region', { name: 'Cluster map' }).screenshot({ path: 'test-results/cluster-map-groups.png' })
  expect(errors).toEqual([])
})

test('the map has no serious or critical accessibility violations (axe-core), in English and Korean', async ({ page }) => {
  await page.goto('/?scenario=isr-shrink-not-enough-replicas&seed=1')
  await runUntil(page, 30_000)
  for (const language of ['English', '한국어']) {
    const result = await new AxeBuilder({ page }).include('.cmap').analyze()
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), language).toEqual([])
    if (language === 'English') await page.getByRole('button', { name: '한국어' }).click()
  }
})

test('message kinds toggle from the legend; group traffic is off until asked for', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  const group = page.getByRole('button', { name: 'group', exact: true })
  const produce = page.getByRole('button', { name: 'produce', exact: true })
  await expect(group).toHaveAttribute('aria-pressed', 'false')
  await expect(produce).toHaveAttribute('aria-pressed', 'true')
  await group.click()
  await produce.click()
  await expect(group).toHaveAttribute('aria-pressed', 'true')
  await expect(produce).toHaveAttribute('aria-pressed', 'false')
  expect(errors).toEqual([])
})

test('with reduced motion, links show their activity as counts instead of moving dots', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' })
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  await page.getByTestId('btn-play').click()
  const counted = page.locator('.cmap-links .flow-link.reduced text').filter({ hasText: /prod \d+/ })
  await expect(counted.first()).toBeVisible()
  await page.getByRole('region', { name: 'Cluster map' }).screenshot({ path: 'test-results/cluster-map-reduced-motion.png' })
  await page.getByTestId('btn-pause').click()
  expect(errors).toEqual([])
  await context.close()
})

test('the benchmark cluster (6 brokers, 48 partitions) fits the map', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  const json = readFileSync(`${repoRoot}bench/standard.json`, 'utf8')
  await page.evaluate((j) => (window as unknown as { __kafkascope: { load(j: string): void } }).__kafkascope.load(j), json)
  await runUntil(page, 15_000)
  await expect(page.locator('[data-testid^="broker-"][data-state="alive"]')).toHaveCount(6)
  await expect(page.locator('.broker-card [data-tp]')).toHaveCount(144)
  await expect(page.locator('.broker-card [data-role="leader"]')).toHaveCount(48)
  await expect(page.locator('[data-testid^="group-"]')).toHaveCount(2)
  const scroll = page.locator('.cmap-scroll')
  const overflowX = await scroll.evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflowX).toBeLessThanOrEqual(0)
  await page.getByTestId('btn-play').click()
  await page.waitForTimeout(800)
  await page.getByRole('region', { name: 'Cluster map' }).screenshot({ path: 'test-results/cluster-map-benchmark.png' })
  await page.getByTestId('btn-pause').click()
  expect(errors).toEqual([])
})
