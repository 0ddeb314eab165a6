// Build your own cluster: the builder (toolbar "Build") makes a scenario that the page runs with
// the same trace hash as `kafkascope run` gives for the scenario file it exports; the built
// scenario lives in the session, so a share link reopens it; Import opens a plain scenario file
// (and refuses a bad one with one alert, keeping the run); a bad value is shown at its own field,
// in English and Korean; the dialog fits 1280×720 and 1024×768 and axe-core finds nothing serious.
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { watchErrors } from './support.ts'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

interface Api {
  nowMs(): number
  traceHash(): string
  runUntil(ms: number): void
  session(): { scenario: { name: string; cluster: { brokers: number }; topics: { name: string; partitions: number }[] }; seed: number }
  summary(): { scenario: string; seed: number }
}

const call = <T,>(page: Page, fn: (api: Api) => T) => page.evaluate(`(${fn.toString()})(window.__kafkascope)`) as Promise<T>

/** `kafkascope run <file> --json --quiet --until <ms>`: the CLI's summary of the scenario file. */
function cliRun(file: string, untilMs: number): { traceHash: string; simTimeMs: number; seed: number } {
  const cli = spawnSync(process.execPath, ['cli/kafkascope.mjs', 'run', file, '--json', '--quiet', '--until', String(untilMs)], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  })
  expect([0, 1], cli.stderr).toContain(cli.status)
  return JSON.parse(cli.stdout) as { traceHash: string; simTimeMs: number; seed: number }
}

/** Open the builder on leader-failover and build 4 brokers, orders with 6 partitions RF 3, its producer and a group of 2. */
async function buildCluster(page: Page): Promise<void> {
  await page.goto('/?scenario=leader-failover')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await page.getByTestId('btn-build').click()
  const dialog = page.getByTestId('builder-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('builder-name')).toBeFocused()
  await page.getByTestId('builder-name').fill('My four brokers')
  await page.getByTestId('builder-seed').fill('11')
  await page.getByTestId('builder-duration').fill('40000')
  await page.getByTestId('builder-brokers').fill('4')
  await page.getByTestId('builder-topic-0-partitions').fill('6')
  await page.getByTestId('builder-topic-0-rf').fill('3')
  await expect(page.getByTestId('builder-producer-0-id')).toHaveValue('checkout')
  await page.getByTestId('builder-add-group').click()
  await page.getByTestId('builder-group-0-id').fill('billing')
  await page.getByTestId('builder-group-0-members').fill('2')
  await dialog.getByLabel('partition.assignment.strategy').selectOption('cooperative-sticky')
  await expect(page.getByTestId('builder-status')).toHaveText('The scenario is valid.')
}

test('a cluster built in the builder runs with the same trace hash as its exported scenario in the CLI', async ({ page }) => {
  const errors = watchErrors(page)
  await buildCluster(page)
  await page.locator('.bld-body').evaluate((el) => el.scrollTo(0, 0))
  await page.screenshot({ path: 'test-results/builder-built-en-1280x720.png' })
  await page.locator('.bld-body').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await page.screenshot({ path: 'test-results/builder-built-end-en-1280x720.png' })
  const download = page.waitForEvent('download')
  await page.getByTestId('builder-export').click()
  const file = await (await download).path()
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { name: string; seed: number; cluster: { brokers: number }; consumers: { groupId: string; members: number }[] }
  expect(exported).toMatchObject({ name: 'My four brokers', seed: 11, cluster: { brokers: 4 }, consumers: [{ groupId: 'billing', members: 2 }] })

  await page.getByTestId('builder-run').click()
  await expect(page.getByTestId('builder-dialog')).toBeHidden()
  await expect(page.getByTestId('btn-build')).toBeFocused() // focus comes back
  await expect(page.getByTestId('broker-4')).toBeVisible()
  await expect(page.getByTestId('group-billing')).toBeVisible()
  await call(page, (k) => k.runUntil(25_000))
  const app = await call(page, (k) => ({ hash: k.traceHash(), now: k.nowMs(), summary: k.summary() }))
  expect(app.now).toBe(25_000)
  expect(app.summary).toMatchObject({ scenario: 'My four brokers', seed: 11 })
  const cli = cliRun(file, 25_000)
  expect(cli.simTimeMs).toBe(25_000)
  expect(app.hash).toBe(cli.traceHash)
  // the address no longer names the built-in scenario: the session is what it opens
  expect(new URL(page.url()).searchParams.get('scenario')).toBeNull()
  expect(errors).toEqual([])
})

test('a share link made after building reopens the built cluster', async ({ page, browser }) => {
  const errors = watchErrors(page)
  await buildCluster(page)
  await page.getByTestId('builder-run').click()
  await call(page, (k) => k.runUntil(18_000))
  const before = await call(page, (k) => ({ hash: k.traceHash(), session: k.session() }))
  expect(before.session.scenario).toMatchObject({ name: 'My four brokers', cluster: { brokers: 4 }, topics: [{ name: 'orders', partitions: 6 }] })
  await page.getByTestId('btn-share').click()
  const link = await page.getByTestId('share-link').inputValue()

  const other = await browser.newPage()
  await other.goto(link)
  await expect(other.getByTestId('broker-4')).toBeVisible()
  await expect(other.getByTestId('sim-time')).toHaveAttribute('data-ms', '18000')
  const after = await call(other, (k) => ({ hash: k.traceHash(), session: k.session() }))
  expect(after.session.scenario).toEqual(before.session.scenario)
  expect(after.hash).toBe(before.hash)
  await other.close()
  expect(errors).toEqual([])
})

test('Import opens a plain scenario file; a bad one gives one alert naming the problem and the run stays', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  const dir = mkdtempSync(join(tmpdir(), 'kafkascope-builder-'))
  const scenario = {
    name: 'Imported cluster',
    seed: 3,
    durationMs: 30000,
    cluster: { brokers: 5 },
    topics: [{ name: 'events', partitions: 4, replicationFactor: 3, config: { 'min.insync.replicas': 2 } }],
    producers: [{ id: 'app', topic: 'events', recordsPerSec: 30, config: { acks: 'all' } }],
    consumers: [{ groupId: 'readers', topics: ['events'], members: 2 }],
  }
  const good = join(dir, 'imported.json')
  writeFileSync(good, JSON.stringify(scenario, null, 2))
  await page.getByTestId('import-file').setInputFiles(good)
  await expect(page.getByTestId('broker-5')).toBeVisible()
  await expect(page.getByTestId('group-readers')).toBeVisible()
  await call(page, (k) => k.runUntil(20_000))
  const hash = await call(page, (k) => k.traceHash())
  expect(hash).toBe(cliRun(good, 20_000).traceHash)

  const bad = join(dir, 'bad.json')
  writeFileSync(bad, JSON.stringify({ ...scenario, topics: [{ ...scenario.topics[0], replicationFactor: 9 }] }))
  await page.getByTestId('import-file').setInputFiles(bad)
  const alert = page.getByRole('alert').filter({ hasText: 'topics[0].replicationFactor: 9 is more than the 5 brokers' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('scenario file')
  const broken = join(dir, 'broken.json')
  writeFileSync(broken, JSON.stringify(scenario).slice(0, 40))
  await page.getByTestId('import-file').setInputFiles(broken)
  await expect(page.getByRole('alert').filter({ hasText: 'not valid JSON' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(2)
  // nothing was lost
  expect(await call(page, (k) => k.traceHash())).toBe(hash)
  await expect(page.getByTestId('broker-5')).toBeVisible()
  expect(errors).toEqual([])
})

for (const locale of ['en', 'ko'] as const) {
  test(`a bad value is shown at its field (${locale}); the dialog fits and is accessible`, async ({ page }) => {
    const errors = watchErrors(page)
    await page.addInitScript((l) => localStorage.setItem('kafkascope.locale', l), locale)
    await page.goto('/?scenario=leader-failover')
    await expect(page.getByTestId('broker-1')).toBeVisible()
    const hash = await call(page, (k) => k.traceHash())
    await page.setViewportSize({ width: 1024, height: 768 })
    await expect(page.getByTestId('btn-build')).toBeInViewport()
    await page.screenshot({ path: `test-results/builder-toolbar-${locale}-1024x768.png` })
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByTestId('btn-build').click()
    const rf = page.getByTestId('builder-topic-0-rf')
    await rf.fill('5')
    await expect(rf).toHaveAttribute('aria-invalid', 'true')
    const error = page.getByTestId('builder-field-error')
    await expect(error).toHaveCount(1)
    await expect(error).toHaveAttribute('data-field', 'topics[0].replicationFactor')
    await expect(error).toContainText(locale === 'en' ? '5 is more than the 3 brokers' : '브로커 수(3)보다 큽니다')
    // the error is the field's description, for screen readers
    const describedBy = (await rf.getAttribute('aria-describedby')) ?? ''
    expect(describedBy.split(' ')).toContain(await error.getAttribute('id'))
    // Run does not run: it takes the learner to the field
    await page.getByTestId('builder-name').focus()
    await page.getByTestId('builder-run').click()
    await expect(page.getByTestId('builder-dialog')).toBeVisible()
    await expect(rf).toBeFocused()
    expect(await call(page, (k) => k.traceHash())).toBe(hash)

    // keyboard: Escape closes without changing the run; focus back on Build
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(size)
      const box = await page.getByTestId('builder-dialog').boundingBox()
      expect(box).not.toBeNull()
      expect(box!.y).toBeGreaterThanOrEqual(0)
      expect(box!.y + box!.height).toBeLessThanOrEqual(size.height)
      expect(box!.x + box!.width).toBeLessThanOrEqual(size.width)
      await expect(page.getByTestId('builder-run')).toBeInViewport()
      // what does not fit scrolls inside the dialog, between its fixed header and footer
      expect(await page.locator('.bld-body').evaluate((el) => el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY === 'auto')).toBe(true)
      await page.screenshot({ path: `test-results/builder-${locale}-${size.width}x${size.height}.png` })
      await page.locator('.bld-body').evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await page.screenshot({ path: `test-results/builder-${locale}-${size.width}x${size.height}-end.png` })
    }
    const axe = await new AxeBuilder({ page }).include('[data-testid="builder-dialog"]').analyze()
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('builder-dialog')).toBeHidden()
    await expect(page.getByTestId('btn-build')).toBeFocused()
    expect(await call(page, (k) => k.traceHash())).toBe(hash)
    expect(errors).toEqual([])
  })
}

test('Reset starts a built cluster again with the typed seed; the builder works in presenter mode', async ({ page }) => {
  const errors = watchErrors(page)
  await buildCluster(page)
  await page.getByTestId('builder-run').click()
  await expect(page.getByTestId('broker-4')).toBeVisible()
  await page.getByTestId('seed').fill('99')
  await page.getByTestId('seed').press('Enter')
  await expect.poll(() => call(page, (k) => k.summary().seed)).toBe(99)
  expect(await call(page, (k) => k.summary().scenario)).toBe('My four brokers')
  await expect(page.getByTestId('broker-4')).toBeVisible()

  await page.getByRole('button', { name: 'Presenter' }).click()
  await page.getByTestId('btn-build').click()
  const dialog = page.getByTestId('builder-dialog')
  await expect(dialog).toBeVisible()
  // prefilled from the page's run: the built cluster, with the seed it runs with
  await expect(page.getByTestId('builder-brokers')).toHaveValue('4')
  await expect(page.getByTestId('builder-seed')).toHaveValue('99')
  const box = await dialog.boundingBox()
  expect(box!.y + box!.height).toBeLessThanOrEqual(720)
  await expect(page.getByTestId('builder-run')).toBeInViewport()
  await page.screenshot({ path: 'test-results/builder-presenter-en-1280x720.png' })
  const axe = await new AxeBuilder({ page }).include('[data-testid="builder-dialog"]').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([])
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(errors).toEqual([])
})
