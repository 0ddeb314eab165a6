// The partition log as a learner uses it: every partition of the user topics is a row with Kafka's
// words (Leader, Replicas, Isr, LeaderEpoch, HW, LEO) and the CONTRACT §6 hooks; an unclean
// election shows the acknowledged records it lost; crashing a leader from the cluster map moves
// data-leader; the topic picker and keyboard selection work; HW never passes LEO.
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { watchErrors, runUntil } from './support.ts'

interface ConsoleApi {
  nowMs(): number
  runUntil(ms: number): void
  summary(): { partitions: { topic: string; partition: number; leader: number }[]; checks: { lostAckedWrites: number } }
}

async function expectNoSeriousA11yViolations(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

async function summary(page: Page) {
  return page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.summary())
}

/** HW and LEO as the row writes them ("HW: 120", "LEO: 125"). */
async function hwLeo(row: Locator): Promise<{ hw: number; leo: number }> {
  const text = await row.locator('.plog-words').innerText()
  const hw = Number(/HW:\s*(\d+)/.exec(text)?.[1])
  const leo = Number(/LEO:\s*(\d+)/.exec(text)?.[1])
  return { hw, leo }
}

const userRows = (page: Page) => page.locator('[data-testid^="partition-"]:not([data-testid^="partition-__"]):not([data-testid^="partition-lost-"]):not([data-testid^="partition-log-"])')

test('unclean-election-data-loss: hooks on every partition, and the lost acknowledged records are shown', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=unclean-election-data-loss')
  const row = page.getByTestId('partition-events-0')
  await expect(row).toBeVisible()
  await expect(row).toHaveAttribute('data-leader', /^\d+$/)
  await expect(row).toHaveAttribute('data-isr', /^\d+(,\d+)*$/)
  await expect(row).toContainText('Leader:')
  await expect(row).toContainText('Replicas:')
  await expect(row).toContainText('LeaderEpoch:')
  await expect(page.getByTestId('partition-lost-events-0')).toHaveCount(0)

  await runUntil(page, 120_000)
  const s = await summary(page)
  const expected = s.partitions.filter((p) => !p.topic.startsWith('__'))
  await expect(userRows(page)).toHaveCount(expected.length)
  for (const p of expected) {
    await expect(page.getByTestId(`partition-${p.topic}-${p.partition}`)).toHaveAttribute('data-leader', String(p.leader))
  }
  expect(s.checks.lostAckedWrites).toBeGreaterThan(0)
  const lost = page.getByTestId('partition-lost-events-0')
  await expect(lost).toBeVisible()
  await expect(lost).toContainText('lost')
  await expect(row).toHaveAttribute('data-lost', String(s.checks.lostAckedWrites))
  await expect(row).toContainText(`${s.checks.lostAckedWrites} acked records lost`)
  await expect(row).toHaveAttribute('data-isr', /^\d+(,\d+)*$/)
  const { hw, leo } = await hwLeo(row)
  expect(hw).toBeLessThanOrEqual(leo)
  await page.locator('.plog').screenshot({ path: 'test-results/partition-log-unclean.png' })
  await expectNoSeriousA11yViolations(page, '.plog')
  expect(errors).toEqual([])
})

test('leader-failover: HW ≤ LEO, and crashing the leader from the cluster map moves data-leader', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover')
  const row = page.getByTestId('partition-orders-0')
  await expect(row).toHaveAttribute('data-leader', /^[1-9]\d*$/)
  for (const r of await userRows(page).all()) {
    const { hw, leo } = await hwLeo(r)
    expect(Number.isFinite(hw) && Number.isFinite(leo)).toBe(true)
    expect(hw).toBeLessThanOrEqual(leo)
  }
  const leader = await row.getAttribute('data-leader')
  const isrBefore = (await row.getAttribute('data-isr'))!.split(',')
  expect(isrBefore).toContain(leader)

  await page.getByTestId(`broker-${leader}-crash`).click()
  // the controller fences the crashed broker after broker.session.timeout.ms and elects a new leader
  const now = await page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.nowMs())
  await runUntil(page, now + 15_000)
  await expect(row).not.toHaveAttribute('data-leader', leader!)
  await expect(row).toHaveAttribute('data-leader', /^[1-9]\d*$/)
  await expect(row).not.toHaveAttribute('data-isr', new RegExp(`(^|,)${leader}(,|$)`))
  // the crashed broker's lane says so in words, not only in grey
  await expect(row.locator('.plog-lane-label.role-offline')).toContainText(`${leader} offline`)
  const { hw, leo } = await hwLeo(row)
  expect(hw).toBeLessThanOrEqual(leo)
  await page.locator('.plog').screenshot({ path: 'test-results/partition-log-failover.png' })
  expect(errors).toEqual([])
})

test('the topic picker and keyboard selection of a partition', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=two-groups-one-topic')
  await expect(userRows(page).first()).toBeVisible()
  const picker = page.getByTestId('partition-log-topic')
  await expect(picker).toHaveValue('')
  const topic = await picker.locator('option').nth(1).evaluate((o: HTMLOptionElement) => o.value)
  await picker.selectOption(topic)
  for (const r of await userRows(page).all()) expect(await r.getAttribute('data-testid')).toMatch(new RegExp(`^partition-${topic}-\\d+$`))

  const button = page.getByRole('button', { name: `Select partition ${topic}-0` })
  await button.focus()
  await page.keyboard.press('Enter')
  await expect(button).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('#tab-inspector')).toHaveAttribute('aria-selected', 'true')
  // a group reading the topic shows its committed offset and LAG on the partition
  await runUntil(page, 20_000)
  await expect(page.getByTestId(`partition-${topic}-0`)).toContainText(/CURRENT-OFFSET \d+ · LAG \d+/)
  await picker.selectOption('')
  await expect(picker).toHaveValue('')
  expect(errors).toEqual([])
})

test('a 6-partition topic reads at 1280×720: compact rows scroll in their own box, the legend folds, "≈ N" keeps off "log start"', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-group-rebalance')
  await expect(page.getByTestId('partition-orders-5')).toBeAttached()
  await runUntil(page, 60_000)
  const box = (await page.locator('.plog').boundingBox())!
  // at least two whole partitions (Kafka's words and every lane) are in the box's sight below its bar
  const bar = (await page.locator('.plog-bar').boundingBox())!
  let whole = 0
  for (let p = 0; p < 6; p++) {
    const r = (await page.getByTestId(`partition-orders-${p}`).boundingBox())!
    if (r.y >= bar.y + bar.height - 1 && r.y + r.height <= box.y + box.height + 1) whole++
  }
  expect(whole).toBeGreaterThanOrEqual(2)
  // each partition with three replicas and a group takes at most ~6 lines of text
  const row = (await page.getByTestId('partition-orders-0').boundingBox())!
  expect(row.height).toBeLessThanOrEqual(96)
  // the legend is one line until opened
  const legend = page.getByTestId('partition-log-legend')
  expect((await legend.boundingBox())!.height).toBeLessThan(24)
  await legend.locator('summary').click()
  await expect(legend).toContainText('above HW: not yet readable by consumers')
  await legend.locator('summary').click()
  // scrolling the box keeps its bar (topic picker, legend) in sight
  await page.locator('.plog').evaluate((el) => (el.scrollTop = el.scrollHeight))
  expect((await page.locator('.plog-bar').boundingBox())!.y).toBeCloseTo(bar.y, 0)
  await page.locator('.plog').evaluate((el) => (el.scrollTop = 0))
  // no "≈ N" label overlaps the "log start" label or the HW/LEO labels of its row
  const overlaps = await page.locator('.plog-top').evaluateAll((tops) =>
    tops.flatMap((top) => {
      const texts = [...top.querySelectorAll('text')].map((t) => ({ cls: t.getAttribute('class') ?? '', r: t.getBoundingClientRect(), s: t.textContent }))
      const breaks = texts.filter((t) => t.cls.includes('plog-break'))
      return breaks.flatMap((b) => texts.filter((o) => o !== b && o.r.left < b.r.right && b.r.left < o.r.right).map((o) => `${b.s} on ${o.s}`))
    }),
  )
  expect(overlaps).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720)
  await page.locator('.plog').screenshot({ path: 'test-results/partition-log-six.png' })
  expect(errors).toEqual([])
})
