// The summary page in Chromium: it opens on the default scenario, runs to a time on a click, names
// unknown scenarios, and gives exactly the run the CLI gives in Node for the same scenario and seed.
import { expect, test, type Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

interface ConsoleApi {
  nowMs(): number
  traceHash(): string
  summary(): { traceHash: string; simTimeMs: number }
  runUntil(ms: number): void
}

/** Collects console errors and uncaught page errors. */
function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

test('the default scenario opens with its summary and runs to 60 s', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/')

  await expect(page.getByRole('heading', { level: 1, name: 'kafkascope' })).toBeVisible()
  await expect(page.getByTestId('sim-time')).toBeVisible()

  for (const id of [1, 2, 3]) {
    await expect(page.getByTestId(`broker-${id}`)).toHaveAttribute('data-state', 'alive')
  }

  const rows = page.locator('tbody tr[data-testid^="partition-"]:not([data-testid^="partition-__"])')
  await expect(rows.first()).toBeVisible()
  const rowCount = await rows.count()
  expect(rowCount).toBeGreaterThan(0)
  for (let i = 0; i < rowCount; i++) {
    const leader = Number(await rows.nth(i).getAttribute('data-leader'))
    expect(leader, `leader of ${await rows.nth(i).getAttribute('data-testid')}`).toBeGreaterThan(0)
    expect(await rows.nth(i).getAttribute('data-isr')).toMatch(/^\d+(,\d+)*$/)
  }

  await page.getByRole('button', { name: '60 s', exact: true }).click()
  await expect(page.getByTestId('sim-time')).toHaveText('60 s')
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '60000')
  expect(await page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.nowMs())).toBe(60_000)
  await expect(page.getByRole('button', { name: '60 s', exact: true })).toBeEnabled()

  await page.screenshot({ path: 'test-results/summary.png', fullPage: true })
  expect(errors).toEqual([])
})

test('Chromium and Node give the same run: leader-failover, seed 7, 30 s', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=7')
  await expect(page.getByTestId('sim-time')).toBeVisible()

  const browserHash = await page.evaluate(() => {
    const api = (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope
    api.runUntil(30_000)
    return api.traceHash()
  })
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '30000')

  const cli = spawnSync(
    process.execPath,
    ['cli/kafkascope.mjs', 'run', 'scenarios/leader-failover.json', '--seed', '7', '--until', '30000', '--json'],
    { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 },
  )
  // 0: every expect held; 1: an expect failed (the scenario's expectations are about its end, not 30 s)
  expect([0, 1], `CLI exit ${cli.status}\n${cli.stderr}`).toContain(cli.status)
  let nodeSummary: { traceHash: string; seed: number; simTimeMs: number }
  try {
    nodeSummary = JSON.parse(cli.stdout) as typeof nodeSummary
  } catch {
    throw new Error(`the CLI printed no JSON summary (exit ${cli.status})\nstdout: ${cli.stdout}\nstderr: ${cli.stderr}`)
  }
  expect(nodeSummary.seed).toBe(7)
  expect(nodeSummary.simTimeMs).toBe(30_000)
  expect(browserHash).toBe(nodeSummary.traceHash)
  await expect(page.getByTestId('trace-hash')).toHaveText(nodeSummary.traceHash)
  expect(errors).toEqual([])
})

test('an unknown scenario id is named in an alert and the default scenario stays loaded', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=nope')
  const alert = page.getByRole('alert')
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('nope')
  await expect(alert).toContainText('leader-failover')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await expect(page.getByTestId('sim-time')).toBeVisible()
  expect(errors).toEqual([])
})

test('a consumer group rebalances after a member crash: consumer-crash-session-timeout', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-crash-session-timeout')
  const group = page.getByTestId('group-billing')
  await expect(group).toHaveAttribute('data-state', 'Stable')
  await expect(group).toHaveAttribute('data-generation', '1')
  await page.getByRole('button', { name: /end of scenario/ }).click()
  // billing-2 crashed at 20 s; after session.timeout.ms the group rebalanced once, to generation 2
  await expect(group).toHaveAttribute('data-state', 'Stable')
  await expect(group).toHaveAttribute('data-generation', '2')
  await expect(group).not.toContainText('billing-2')
  await page.screenshot({ path: 'test-results/groups.png', fullPage: true })
  expect(errors).toEqual([])
})
