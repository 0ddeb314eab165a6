// The groups panel as a learner uses it: a member crashes and nothing happens until its session
// times out; then the group rebalances (PreparingRebalance/CompletingRebalance, every partition
// stopped with EAGER), becomes Stable in a higher generation and the crashed member's partitions
// move. COOPERATIVE pauses only the partitions that move. Add consumer and member selection work.
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { watchErrors, runUntil } from './support.ts'

async function expectNoSeriousA11yViolations(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

async function owners(page: Page, groupId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const row of await page.locator(`[data-testid^="groups-panel-${groupId}-row-"]`).all()) {
    const id = (await row.getAttribute('data-testid'))!.replace(`groups-panel-${groupId}-row-`, '')
    out[id] = (await row.getAttribute('data-owner')) ?? ''
  }
  return out
}

test('consumer-crash-session-timeout: the group rebalances after session.timeout.ms and the partitions move', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-crash-session-timeout')
  await page.getByRole('tab', { name: 'Groups' }).click()
  const card = page.getByTestId('groups-panel-billing')
  await expect(card).toHaveAttribute('data-state', 'Stable')
  await expect(card).toHaveAttribute('data-generation', '1')
  await expect(card).toContainText('range')
  await expect(card).toContainText('EAGER')
  await expect(card).toContainText('CURRENT-OFFSET')
  await expect(card).toContainText('LOG-END-OFFSET')
  const before = await owners(page, 'billing')
  const moved = Object.keys(before).filter((tp) => before[tp] === 'billing-2')
  expect(moved.length).toBeGreaterThan(0)

  // billing-2 crashed at 20 s: its partitions are not read, yet the group stays Stable
  await runUntil(page, 25_000)
  await expect(card).toHaveAttribute('data-state', 'Stable')
  await expect(page.getByTestId('groups-panel-billing-member-billing-2')).toContainText('down')
  for (const tp of moved) await expect(page.getByTestId(`groups-panel-billing-row-${tp}`)).toHaveAttribute('data-status', 'ownerDown')

  // session.timeout.ms (10 s) after its last heartbeat the coordinator removes it and rebalances (EAGER: all stop)
  await runUntil(page, 29_580)
  await expect(card).toHaveAttribute('data-state', /^(PreparingRebalance|CompletingRebalance)$/)
  await expect(card).toHaveAttribute('data-generation', '1')
  await expect(page.getByTestId('groups-panel-billing-stopped')).toHaveAttribute('data-count', String(Object.keys(before).length))
  await expect(card).toContainText('whole group stops reading')
  await card.screenshot({ path: 'test-results/groups-panel-rebalancing.png' })

  await runUntil(page, 40_000)
  await expect(card).toHaveAttribute('data-state', 'Stable')
  const generation = Number(await card.getAttribute('data-generation'))
  expect(generation).toBeGreaterThan(1)
  const after = await owners(page, 'billing')
  for (const tp of moved) expect(['billing-1', 'billing-3']).toContain(after[tp])
  expect(Object.values(after)).not.toContain('billing-2')
  expect(Object.values(after)).not.toContain('')
  await expect(page.getByTestId('groups-panel-billing-stopped')).toHaveAttribute('data-count', '0')
  await card.screenshot({ path: 'test-results/groups-panel-stable.png' })
  expect(errors).toEqual([])
})

test('eager-vs-cooperative: EAGER stops every partition, COOPERATIVE only those that move', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=eager-vs-cooperative')
  await page.getByRole('tab', { name: 'Groups' }).click()
  const eager = page.getByTestId('groups-panel-eager')
  const coop = page.getByTestId('groups-panel-coop')
  await expect(coop).toContainText('COOPERATIVE')
  await expect(coop).toContainText('cooperative-sticky')
  // seed 42: at 20.57 s the eager group's members have revoked everything; at 20.7 s the cooperative
  // group runs its second rebalance for the two partitions that move to coop-3
  await runUntil(page, 20_570)
  await expect(eager).toHaveAttribute('data-state', /^(PreparingRebalance|CompletingRebalance)$/)
  await expect(page.getByTestId('groups-panel-eager-stopped')).toHaveAttribute('data-count', '6')
  await runUntil(page, 20_700)
  await expect(coop).toHaveAttribute('data-state', 'PreparingRebalance')
  await expect(page.getByTestId('groups-panel-coop-stopped')).toHaveAttribute('data-count', '2')
  await expect(coop).toContainText('only partitions that move pause')
  await expect(coop.locator('[data-status="reading"]')).toHaveCount(4)
  await coop.screenshot({ path: 'test-results/groups-panel-cooperative.png' })
  await expectNoSeriousA11yViolations(page, '.gp')
  expect(errors).toEqual([])
})

test('Add consumer starts a new member, and clicking a member selects it', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-crash-session-timeout')
  await page.getByRole('tab', { name: 'Groups' }).click()
  const card = page.getByTestId('groups-panel-billing')
  await expect(card).toHaveAttribute('data-generation', '1')
  await page.getByRole('button', { name: 'Add consumer to group billing' }).click()
  await runUntil(page, 18_000)
  await expect(page.getByTestId('groups-panel-billing-member-billing-4')).toBeVisible()
  await expect(card).toHaveAttribute('data-state', 'Stable')
  expect(Number(await card.getAttribute('data-generation'))).toBeGreaterThan(1)

  await page.getByRole('button', { name: 'Select member billing-4' }).click()
  await expect(page.locator('#tab-inspector')).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.tab-body')).toContainText('billing-4')
  expect(errors).toEqual([])
})

test('in Korean the panel keeps Kafka’s names and explains the rebalance in Korean', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-crash-session-timeout')
  await page.getByRole('button', { name: '한국어' }).click()
  await page.getByRole('tab', { name: '그룹' }).click()
  await runUntil(page, 29_580)
  const card = page.getByTestId('groups-panel-billing')
  await expect(card).toContainText('PreparingRebalance')
  await expect(card).toContainText('리밸런스')
  await expect(card).toContainText('그룹 전체가 읽기를 멈춥니다')
  await expect(card).toContainText('CURRENT-OFFSET')
  await expect(page.getByRole('button', { name: 'billing 그룹에 컨슈머 추가' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, '.gp')
  await page.locator('.side').screenshot({ path: 'test-results/groups-panel-ko.png' })
  expect(errors).toEqual([])
})

test('rebalance-without-stopping: KIP-848 pauses only the partitions that move, with group and member epochs on the card', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=rebalance-without-stopping')
  await page.getByRole('tab', { name: 'Groups' }).click()
  const kip848 = page.getByTestId('groups-panel-kip848')
  await runUntil(page, 15_000)
  await expect(kip848).toHaveAttribute('data-state', 'Stable')
  await expect(kip848).toContainText('KIP-848')
  await expect(kip848).toContainText('uniform')
  await expect(page.getByTestId('groups-panel-kip848-generation')).toHaveText('2')
  await expect(page.getByTestId('groups-panel-kip848-assignment-epoch')).toHaveText('2')
  // seed 42: at 20.57 s the classic (EAGER) group has stopped every partition; the KIP-848 group reads all six
  await runUntil(page, 20_570)
  await expect(page.getByTestId('groups-panel-classic-stopped')).toHaveAttribute('data-count', '6')
  await expect(kip848).toHaveAttribute('data-state', 'Reconciling')
  await expect(page.getByTestId('groups-panel-kip848-stopped')).toHaveAttribute('data-count', '0')
  await expect(page.getByTestId('groups-panel-kip848-generation')).toHaveText('3')
  // the newcomer already has its target: shown as partitions it is yet to take
  await expect(page.getByTestId('groups-panel-kip848-member-kip848-3')).toContainText('+orders-2')
  // 22.6 s: kip848-1 and kip848-2 revoked orders-5 and orders-2 at their heartbeats; only those two wait
  await runUntil(page, 22_600)
  await expect(page.getByTestId('groups-panel-kip848-stopped')).toHaveAttribute('data-count', '2')
  await expect(kip848.locator('[data-status="reading"]')).toHaveCount(4)
  await kip848.screenshot({ path: 'test-results/groups-panel-kip848-reconciling.png' })
  await runUntil(page, 25_100)
  await expect(kip848).toHaveAttribute('data-state', 'Stable')
  await expect(page.getByTestId('groups-panel-kip848-stopped')).toHaveAttribute('data-count', '0')
  await expect(page.getByTestId('groups-panel-kip848-member-kip848-3')).toContainText('orders-5')
  await expectNoSeriousA11yViolations(page, '.gp')
  expect(errors).toEqual([])
})

for (const size of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test(`in Korean at ${size.width}×${size.height} a KIP-848 group shows its epochs in Korean, Kafka’s names as Kafka writes them`, async ({ page }) => {
    const errors = watchErrors(page)
    await page.setViewportSize(size)
    await page.goto('/?scenario=rebalance-without-stopping')
    await page.getByRole('button', { name: '한국어' }).click()
    await page.getByRole('tab', { name: '그룹' }).click()
    await runUntil(page, 22_600)
    const card = page.getByTestId('groups-panel-kip848')
    await expect(card).toContainText('그룹 에포크')
    await expect(card).toContainText('목표 할당 에포크')
    await expect(card).toContainText('Reconciling')
    await expect(card).toContainText('KIP-848 (group.protocol=consumer)')
    // the client's MemberState as Kafka names it, and its member epoch
    await expect(page.getByTestId('groups-panel-kip848-member-kip848-2')).toContainText('STABLE')
    await card.scrollIntoViewIfNeeded()
    await card.screenshot({ path: `test-results/groups-panel-kip848-ko-${size.width}.png` })
    await page.screenshot({ path: `test-results/kip848-ko-${size.width}.png` })
    expect(errors).toEqual([])
  })
}
