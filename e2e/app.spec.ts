// The app as a person uses it, in Debian's Chromium against the production build: open a built-in
// scenario, play, pause, step and change the speed (by mouse and keyboard), crash the leader's
// broker from its own card and watch the leader move, watch a group rebalance after a member
// crash; the same run as the CLI in Node; bad ids named in an alert; Korean, reduced motion and
// accessibility (axe-core); a static build served from a sub-path that keeps working offline.
import { expect, test, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { spawnSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { watchErrors } from './support.ts'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

interface ConsoleApi {
  nowMs(): number
  traceHash(): string
  summary(): { traceHash: string; simTimeMs: number; events: number }
  runUntil(ms: number): void
}

const api = (page: Page) => ({
  nowMs: () => page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.nowMs()),
  events: () => page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.summary().events),
  runUntil: (ms: number) => page.evaluate((t) => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.runUntil(t), ms),
})

async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByTestId('speed').evaluate((el, v) => {
    const input = el as HTMLInputElement
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(v))
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }, Math.log10(speed))
}

const simMs = async (page: Page) => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))

test('play, pause, step and speed move simulated time as asked', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'kafkascope' })).toBeVisible()
  for (const id of [1, 2, 3]) await expect(page.getByTestId(`broker-${id}`)).toHaveAttribute('data-state', 'alive')
  const opening = await simMs(page)
  expect(opening).toBe(10_000)

  await page.getByTestId('btn-play').click()
  await expect.poll(() => simMs(page)).toBeGreaterThan(opening + 300)
  await page.getByTestId('btn-pause').click()
  const paused = await simMs(page)
  await page.waitForTimeout(400)
  expect(await simMs(page)).toBe(paused)
  expect(await api(page).nowMs()).toBe(paused)

  const before = await api(page).events()
  await page.getByTestId('btn-step').click()
  expect(await api(page).events()).toBe(before + 1)

  // 100×: about 100 simulated seconds per wall second (the default scenario keeps up on this machine)
  await setSpeed(page, 100)
  await expect(page.locator('.speed-value')).toHaveText('100×')
  const t0 = await simMs(page)
  await page.getByTestId('btn-play').click()
  await page.waitForTimeout(500)
  await page.getByTestId('btn-pause').click()
  expect(await simMs(page)).toBeGreaterThan(t0 + 10_000)
  expect(errors).toEqual([])
})

test('keyboard: Space plays and pauses, → steps one event, ? opens help and Escape closes it', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await page.locator('body').press('Space')
  await expect(page.getByTestId('btn-pause')).toBeEnabled()
  await page.locator('body').press('Space')
  await expect(page.getByTestId('btn-play')).toBeEnabled()
  const before = await api(page).events()
  await page.locator('body').press('ArrowRight')
  expect(await api(page).events()).toBe(before + 1)
  await page.locator('body').press('?')
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  expect(errors).toEqual([])
})

test('crash the leader of orders-0 from its broker card: the controller elects a new leader from the ISR', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  const row = page.getByTestId('partition-orders-0')
  await expect(row).toHaveAttribute('data-leader', /^[123]$/)
  const leader = Number(await row.getAttribute('data-leader'))
  const isrBefore = (await row.getAttribute('data-isr'))!.split(',').map(Number)
  expect(isrBefore).toContain(leader)

  await page.getByTestId(`broker-${leader}-crash`).click()
  await expect(page.getByTestId(`broker-${leader}`)).toHaveAttribute('data-state', 'crashed')
  await page.screenshot({ path: 'test-results/app-crashed.png' })

  // the controller fences it after broker.session.timeout.ms (9 s) and elects an in-sync follower
  await setSpeed(page, 20)
  await page.getByTestId('btn-play').click()
  await expect(row).not.toHaveAttribute('data-leader', String(leader), { timeout: 20_000 })
  await page.getByTestId('btn-pause').click()
  const newLeader = Number(await row.getAttribute('data-leader'))
  expect(isrBefore).toContain(newLeader)
  expect((await row.getAttribute('data-isr'))!.split(',').map(Number)).not.toContain(leader)
  await page.screenshot({ path: 'test-results/app-failover.png' })

  await page.getByTestId(`broker-${leader}-restart`).click()
  await page.getByTestId('btn-play').click()
  await expect(page.getByTestId(`broker-${leader}`)).toHaveAttribute('data-state', 'alive', { timeout: 20_000 })
  await expect(row).toHaveAttribute('data-isr', new RegExp(`(^|,)${leader}(,|$)`), { timeout: 20_000 })
  await page.getByTestId('btn-pause').click()
  expect(errors).toEqual([])
})

test('a group rebalances after a member crash: consumer-crash-session-timeout', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-crash-session-timeout')
  const group = page.getByTestId('group-billing')
  await expect(group).toHaveAttribute('data-state', 'Stable')
  await expect(group).toHaveAttribute('data-generation', '1')
  // billing-2 crashes at 20 s; the coordinator removes it after session.timeout.ms (10 s in this
  // scenario) and the group rebalances for about 2 s: watch it at 1×
  await api(page).runUntil(26_000)
  await page.getByTestId('btn-play').click()
  await expect(group).toHaveAttribute('data-state', /PreparingRebalance|CompletingRebalance/, { timeout: 20_000 })
  await page.getByTestId('btn-pause').click()
  await page.screenshot({ path: 'test-results/app-rebalancing.png' })
  await page.getByTestId('btn-play').click()
  await expect(group).toHaveAttribute('data-state', 'Stable', { timeout: 20_000 })
  await expect(group).toHaveAttribute('data-generation', '2')
  await page.getByTestId('btn-pause').click()
  await expect(group).not.toContainText('billing-2')
  await page.screenshot({ path: 'test-results/app-rebalanced.png' })
  expect(errors).toEqual([])
})

test('Chromium and Node give the same run: leader-failover, seed 7, 30 s', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=7')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await api(page).runUntil(30_000)
  const browserHash = await page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.traceHash())
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '30000')

  const cli = spawnSync(process.execPath, ['cli/kafkascope.mjs', 'run', 'scenarios/leader-failover.json', '--seed', '7', '--until', '30000', '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  })
  // 0: every expect held; 1: an expect failed (the scenario's expectations are about its end, not 30 s)
  expect([0, 1], `CLI exit ${cli.status}\n${cli.stderr}`).toContain(cli.status)
  const nodeSummary = JSON.parse(cli.stdout) as { traceHash: string; seed: number; simTimeMs: number }
  expect(nodeSummary.seed).toBe(7)
  expect(nodeSummary.simTimeMs).toBe(30_000)
  expect(browserHash).toBe(nodeSummary.traceHash)
  expect(errors).toEqual([])
})

test('an unknown scenario id is named in an alert and the default scenario opens instead', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=nope&seed=abc')
  const alerts = page.getByRole('alert')
  await expect(alerts.first()).toBeVisible()
  await expect(alerts.filter({ hasText: 'nope' })).toContainText('leader-failover')
  await expect(alerts.filter({ hasText: 'abc' })).toBeVisible()
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await page.getByTestId('btn-play').click()
  await expect.poll(() => simMs(page)).toBeGreaterThan(10_000)
  expect(errors).toEqual([])
})

test('no serious or critical accessibility violations (axe-core), on every side panel tab', async ({ page }) => {
  await page.goto('/?scenario=consumer-group-rebalance')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await api(page).runUntil(30_000)
  for (const tab of ['Inspector', 'Groups', 'Metrics', 'Events', 'Console']) {
    await page.getByRole('tab', { name: tab }).click()
    // a tab's chunk loads when it first opens: check what it shows, not its loading line
    await expect(page.locator('.tab-loading')).toHaveCount(0)
    await page.waitForTimeout(200)
    // `region` (content outside landmarks) is a moderate rule this test never asserts, and on a
    // page of thousands of log cells it is most of axe's time
    const result = await new AxeBuilder({ page }).disableRules(['region']).analyze()
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(bad.map((v) => `${tab}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([])
  }
  await page.getByRole('button', { name: /Help/ }).click()
  await expect(page.getByTestId('help-dialog')).toBeVisible()
  const dialog = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
  expect(dialog.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
})

test.describe('in Korean with reduced motion', () => {
  test.use({ locale: 'ko-KR', reducedMotion: 'reduce' })

  test('the page follows the browser language and remembers a switch; it plays without moving dots', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/')
    await expect(page.getByTestId('btn-play')).toContainText('재생')
    // the scenario's name, its story and the names in the picker are Korean (Kafka's words stay)
    const picker = page.getByRole('combobox', { name: '시나리오' })
    await expect(picker.locator('option:checked')).toHaveText('리더 장애 조치')
    const names = await picker.locator('option').allTextContents()
    expect(names.length).toBeGreaterThan(10)
    for (const name of names) expect(name).toMatch(/[가-힣]/)
    await expect(page.getByTestId('inspector-description')).toContainText('컨트롤러')
    await page.getByTestId('btn-play').click()
    await expect.poll(() => simMs(page)).toBeGreaterThan(10_500)
    await page.getByTestId('btn-pause').click()
    await page.screenshot({ path: 'test-results/app-ko-reduced-motion.png' })
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByTestId('btn-play')).toContainText('Play')
    await page.reload()
    await expect(page.getByTestId('btn-play')).toContainText('Play')
    expect(errors).toEqual([])
  })
})

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' }

/** The production build (dist/, made by the web server command) served under a sub-path. */
function serveDistAt(prefix: string): Promise<{ server: Server; url: string }> {
  const dist = join(repoRoot, 'dist')
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end()
      return
    }
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '')
    readFile(join(dist, rel.endsWith('/') || rel === '.' ? 'index.html' : rel))
      .then((body) => res.writeHead(200, { 'content-type': MIME[extname(rel)] ?? 'text/html' }).end(body))
      .catch(() => res.writeHead(404).end())
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}${prefix}` })),
  )
}

test('the static build runs from a sub-path and keeps working offline once loaded', async ({ page, context }) => {
  const errors = watchErrors(page)
  const { server, url } = await serveDistAt('/courses/kafka/')
  try {
    await page.goto(`${url}?scenario=leader-failover`)
    await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    await context.setOffline(true)
    await page.reload()
    await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')
    await page.getByTestId('btn-play').click()
    await expect.poll(() => simMs(page)).toBeGreaterThan(10_300)
    // what loads on demand (the lessons, the help) works offline too, never opened before
    await page.getByRole('tab', { name: /Lessons|레슨/ }).click()
    await expect(page.locator('[data-testid^="lesson-open-"]').first()).toBeVisible()
    await page.keyboard.press('?')
    await expect(page.getByTestId('help-dialog')).toBeVisible()
  } finally {
    await context.setOffline(false)
    server.close()
  }
  expect(errors).toEqual([])
})
