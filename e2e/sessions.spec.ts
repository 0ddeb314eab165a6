// A run is a thing you keep: a shared link reproduces it (same trace hash as the CLI, same
// playhead); export and import round-trip; scrubbing back and forth lands on the state of a straight
// run; acting in the past forks and undo restores; step back undoes one event; a damaged link or
// file is named in an alert and the session stays; the checker's findings take the run to their
// moment.
import { expect, test, type Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { watchErrors } from './support.ts'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

interface Session {
  version: number
  scenario: unknown
  seed: number
  interventions: { atMs: number; action: string }[]
  playheadMs: number
}

interface Api {
  nowMs(): number
  traceHash(): string
  runUntil(ms: number): void
  seek(ms: number): void
  session(): Session
  summary(): { events: number }
}

const call = <T,>(page: Page, fn: (api: Api) => T) => page.evaluate(`(${fn.toString()})(window.__kafkascope)`) as Promise<T>

async function crashFromCard(page: Page, broker: number): Promise<void> {
  await page.getByTestId(`broker-${broker}-crash`).click()
  await expect(page.getByTestId(`broker-${broker}`)).toHaveAttribute('data-state', 'crashed')
}

/** Open leader-failover, crash broker 2 at 15 s and restart it at 40 s from its card, stop at 50 s. */
async function makeRun(page: Page): Promise<void> {
  await page.goto('/?scenario=leader-failover&seed=5')
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'alive')
  await call(page, (k) => k.runUntil(15_000))
  await crashFromCard(page, 2)
  await call(page, (k) => k.runUntil(40_000))
  await page.getByTestId('broker-2-restart').click()
  await call(page, (k) => k.runUntil(50_000))
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '50000')
}

function cliHash(session: Session): string {
  const dir = mkdtempSync(join(tmpdir(), 'kafkascope-'))
  const file = join(dir, 'session.json')
  writeFileSync(file, JSON.stringify(session))
  const cli = spawnSync(process.execPath, ['cli/kafkascope.mjs', 'run', file, '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 })
  expect([0, 1], cli.stderr).toContain(cli.status)
  return (JSON.parse(cli.stdout) as { traceHash: string; simTimeMs: number }).traceHash
}

test('a shared link reproduces the run: same trace hash as the CLI on the session, stopped at the playhead', async ({ page, context }) => {
  const errors = watchErrors(page)
  await makeRun(page)
  const session = await call(page, (k) => k.session())
  expect(session.interventions.map((a) => [a.atMs, a.action])).toEqual([
    [15_000, 'crashBroker'],
    [40_000, 'restartBroker'],
  ])
  expect(session.playheadMs).toBe(50_000)
  const hash = await call(page, (k) => k.traceHash())
  expect(cliHash(session)).toBe(hash)

  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByTestId('btn-share').click()
  const link = await page.getByTestId('share-link').inputValue()
  expect(link).toContain('#s=')

  const other = await context.newPage()
  const otherErrors = watchErrors(other)
  await other.goto(link)
  await expect(other.getByTestId('sim-time')).toHaveAttribute('data-ms', '50000')
  expect(await call(other, (k) => k.traceHash())).toBe(hash)
  await expect(other.getByTestId('broker-2')).toHaveAttribute('data-state', 'alive')
  await other.screenshot({ path: 'test-results/sessions-shared-link.png' })
  expect(errors).toEqual([])
  expect(otherErrors).toEqual([])
})

test('export then import gives the same run; a reload keeps the session', async ({ page }) => {
  const errors = watchErrors(page)
  await makeRun(page)
  const hash = await call(page, (k) => k.traceHash())
  const download = page.waitForEvent('download')
  await page.getByTestId('btn-export').click()
  const file = await (await download).path()
  const exported = JSON.parse(readFileSync(file, 'utf8')) as Session
  expect(exported.version).toBe(1)
  expect(exported.playheadMs).toBe(50_000)

  await page.goto('/?scenario=consumer-joins-rebalance')
  await expect(page.getByTestId('group-billing')).toBeVisible()
  await page.getByTestId('import-file').setInputFiles(file)
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '50000')
  expect(await call(page, (k) => k.traceHash())).toBe(hash)

  await page.waitForTimeout(600) // the session is written to the address bar and storage
  await page.reload()
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '50000')
  expect(await call(page, (k) => k.traceHash())).toBe(hash)
  expect(errors).toEqual([])
})

test('scrubbing back and forth lands on the state of a straight run; step back undoes one event', async ({ page, browser }) => {
  const errors = watchErrors(page)
  await makeRun(page)
  await call(page, (k) => k.runUntil(80_000))
  for (const ms of [20_000, 65_500, 41_000, 12_345]) {
    await page.evaluate((t) => (window as unknown as { __kafkascope: Api }).__kafkascope.seek(t), ms)
  }
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '12345')
  const scrubbed = await call(page, (k) => k.traceHash())

  const fresh = await browser.newPage()
  await fresh.goto('/?scenario=leader-failover&seed=5')
  await expect(fresh.getByTestId('broker-2')).toBeVisible()
  await call(fresh, (k) => k.runUntil(12_345))
  expect(await call(fresh, (k) => k.traceHash())).toBe(scrubbed)
  await fresh.close()

  // step back: one event fewer, and forward again gives the same state
  const events = await call(page, (k) => k.summary().events)
  await page.getByTestId('btn-step').click()
  expect(await call(page, (k) => k.summary().events)).toBe(events + 1)
  await page.getByTestId('btn-step-back').click()
  expect(await call(page, (k) => k.summary().events)).toBe(events)
  expect(await call(page, (k) => k.traceHash())).toBe(scrubbed)
  expect(errors).toEqual([])
})

test('acting in the past forks the run (later actions dropped); undo brings them back', async ({ page }) => {
  const errors = watchErrors(page)
  await makeRun(page)
  const before = await call(page, (k) => k.traceHash())
  await page.evaluate(() => (window as unknown as { __kafkascope: Api }).__kafkascope.seek(30_000))
  await expect(page.getByTestId('broker-3')).toHaveAttribute('data-state', 'alive')
  await crashFromCard(page, 3) // at 30 s: the restart of broker 2 at 40 s is dropped
  expect((await call(page, (k) => k.session())).interventions.map((a) => [a.atMs, a.action])).toEqual([
    [15_000, 'crashBroker'],
    [30_000, 'crashBroker'],
  ])
  await expect(page.getByTestId('btn-undo-fork')).toBeVisible()
  await page.screenshot({ path: 'test-results/sessions-fork.png' })
  await page.getByTestId('btn-undo-fork').click()
  expect((await call(page, (k) => k.session())).interventions.map((a) => [a.atMs, a.action])).toEqual([
    [15_000, 'crashBroker'],
    [40_000, 'restartBroker'],
  ])
  await call(page, (k) => k.runUntil(50_000))
  expect(await call(page, (k) => k.traceHash())).toBe(before)
  await expect(page.getByTestId('btn-undo-fork')).toBeHidden()
  expect(errors).toEqual([])
})

test('a damaged link, a session of another version and a bad file are named in an alert; the session stays', async ({ page }) => {
  const errors = watchErrors(page)
  await makeRun(page)
  await page.waitForTimeout(600)
  const hash = await call(page, (k) => k.traceHash())

  await page.goto('/#s=NoTaReAlSeSsIoN')
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toBeVisible()
  // the session the person had is opened instead
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '50000')
  expect(await call(page, (k) => k.traceHash())).toBe(hash)

  const session = await call(page, (k) => k.session())
  const dir = mkdtempSync(join(tmpdir(), 'kafkascope-'))
  const future = join(dir, 'future.json')
  writeFileSync(future, JSON.stringify({ ...session, version: 2 }))
  await page.getByTestId('import-file').setInputFiles(future)
  await expect(page.getByRole('alert').filter({ hasText: 'version 2' })).toBeVisible()
  const broken = join(dir, 'broken.json')
  writeFileSync(broken, JSON.stringify(session).slice(0, 200))
  await page.getByTestId('import-file').setInputFiles(broken)
  await expect(page.getByRole('alert').filter({ hasText: 'session file' }).filter({ hasText: 'not valid JSON' })).toBeVisible()
  const invalid = join(dir, 'invalid.json')
  writeFileSync(invalid, JSON.stringify({ ...session, interventions: [{ atMs: 1000, action: 'crashBroker', broker: 9 }] }))
  await page.getByTestId('import-file').setInputFiles(invalid)
  await expect(page.getByRole('alert').filter({ hasText: 'interventions[0].broker' })).toBeVisible()

  expect(await call(page, (k) => k.traceHash())).toBe(hash)
  await page.getByTestId('btn-play').click()
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(50_000)
  await page.screenshot({ path: 'test-results/sessions-bad-input.png' })
  expect(errors).toEqual([])
})

test('clicking an anomaly takes the run to its moment and selects the partition', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=unclean-election-data-loss')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await call(page, (k) => k.runUntil(90_000))
  await page.getByRole('tab', { name: 'Anomalies' }).click()
  const first = page.getByTestId('anomaly-0')
  await expect(first).toHaveAttribute('data-kind', 'lostAckedWrite')
  const at = Number(await first.getAttribute('data-at'))
  await first.getByRole('button').click()
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(at))
  await expect(page.locator('tr.plog-row.selected')).toHaveCount(1)
  await page.screenshot({ path: 'test-results/sessions-anomaly.png' })
  expect(errors).toEqual([])
})

test('dragging along the timeline scrubs the run; where it lands is the state of a straight run', async ({ page, browser }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=5')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await call(page, (k) => k.runUntil(80_000))
  const box = (await page.locator('.tl-track').boundingBox())!
  const y = box.y + box.height / 2
  await page.mouse.move(box.x + box.width * 0.8, y)
  await page.mouse.down()
  for (const f of [0.7, 0.55, 0.4, 0.3]) {
    await page.mouse.move(box.x + box.width * f, y, { steps: 3 })
    await page.waitForTimeout(50)
  }
  await page.mouse.up()
  await page.waitForTimeout(200)
  const ms = Number(await page.getByTestId('sim-time').getAttribute('data-ms'))
  expect(ms).toBeGreaterThan(20_000)
  expect(ms).toBeLessThan(35_000)
  const fresh = await browser.newPage()
  await fresh.goto('/?scenario=leader-failover&seed=5')
  await expect(fresh.getByTestId('broker-1')).toBeVisible()
  await fresh.evaluate((t) => (window as unknown as { __kafkascope: Api }).__kafkascope.runUntil(t), ms)
  expect(await call(fresh, (k) => k.traceHash())).toBe(await call(page, (k) => k.traceHash()))
  await fresh.close()
  expect(errors).toEqual([])
})
