// Nothing a person opens can hang or exhaust kafkascope: a poison link (playhead 2^53-1) is refused
// at once with an alert naming playheadMs, is taken out of the address bar (a reload does not open it
// again) and the app keeps working; a long valid session opens over many frames with a progress bar,
// Cancel (or Esc) gives the previous session back exactly (same time, trace hash, interventions,
// address bar and local storage) and, left alone, it arrives at the playhead with the CLI's trace
// hash; a link nested 100,000 levels deep is refused with the depth rule; a seed breaking the one
// seed rule (`?seed=-1`, `0x10`, ` 7 `, the toolbar's box, the console's load) is refused in the
// rule's words and the scenario's own seed is used. In English and in Korean, at 1280×720 and 1024×768.
import { expect, test, type Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import LZString from 'lz-string'
import { watchErrors } from './support.ts'

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString // a CommonJS module

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const SHOTS = 'test-results/robustness'
mkdirSync(SHOTS, { recursive: true })

interface Session {
  version: number
  scenario: Record<string, unknown>
  seed: number
  interventions: { atMs: number; action: string }[]
  playheadMs: number
}

interface Api {
  nowMs(): number
  traceHash(): string
  runUntil(ms: number): void
  session(): Session
  summary(): { events: number }
  load(json: unknown, seed?: number): void
}

const call = <T,>(page: Page, fn: (api: Api) => T) => page.evaluate(`(${fn.toString()})(window.__kafkascope)`) as Promise<T>

const SEED_RULE = (given: string) => `a seed is a whole number from 0 to 9007199254740991 written in digits, got ${JSON.stringify(given)}`
const SEED_RULE_KO = (given: string) => `시드는 0부터 9007199254740991까지의 정수이며 숫자(0–9)로만 적어야 합니다(부호, 공백, 16진수, 지수, 소수점 없이). 받은 값: ${JSON.stringify(given)}`

/** `#s=` + lz-string, as the app's sessionLink makes it (of a session, or of JSON text) */
const hashFor = (session: unknown) => '#s=' + compressToEncodedURIComponent(typeof session === 'string' ? session : JSON.stringify(session))

/** The standard benchmark (6 brokers, 48 partitions, 8,000 records/s) as a session stopped at 60 s: several seconds to open. */
const LONG_PLAYHEAD_MS = 60_000
const longSession: Session = {
  version: 1,
  scenario: JSON.parse(readFileSync(join(repoRoot, 'bench/standard.json'), 'utf8')) as Record<string, unknown>,
  seed: 7,
  interventions: [],
  playheadMs: LONG_PLAYHEAD_MS,
}

const builtInSeed = (id: string) => (JSON.parse(readFileSync(join(repoRoot, `scenarios/${id}.json`), 'utf8')) as { seed: number }).seed

function cliHash(session: Session): { traceHash: string; simTimeMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kafkascope-'))
  const file = join(dir, 'session.json')
  writeFileSync(file, JSON.stringify(session))
  const cli = spawnSync(process.execPath, ['cli/kafkascope.mjs', 'run', file, '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 })
  expect([0, 1], cli.stderr).toContain(cli.status)
  return JSON.parse(cli.stdout) as { traceHash: string; simTimeMs: number }
}

/** leader-failover, seed 5, broker 2 crashed from its card at 15 s, stopped at 30 s, kept in the address bar and storage. */
async function makeRun(page: Page): Promise<{ nowMs: number; hash: string; session: Session }> {
  await page.goto('/?scenario=leader-failover&seed=5')
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'alive')
  await call(page, (k) => k.runUntil(15_000))
  await page.getByTestId('broker-2-crash').click()
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'crashed')
  await call(page, (k) => k.runUntil(30_000))
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '30000')
  await page.waitForTimeout(600) // written to the address bar and local storage
  return { nowMs: await call(page, (k) => k.nowMs()), hash: await call(page, (k) => k.traceHash()), session: await call(page, (k) => k.session()) }
}

/** The session in the address bar (`#s=`) and the one in local storage. */
async function kept(page: Page): Promise<{ address: unknown; stored: unknown }> {
  const hash = new URL(page.url()).hash
  const address = hash.startsWith('#s=') ? (JSON.parse(decompressFromEncodedURIComponent(hash.slice(3))) as unknown) : null
  const storedText = await page.evaluate(() => localStorage.getItem('kafkascope.session'))
  return { address, stored: storedText === null ? null : (JSON.parse(storedText) as unknown) }
}

async function expectSameRun(page: Page, before: { nowMs: number; hash: string; session: Session }): Promise<void> {
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(before.nowMs))
  expect(await call(page, (k) => k.nowMs())).toBe(before.nowMs)
  expect(await call(page, (k) => k.traceHash())).toBe(before.hash)
  expect(await call(page, (k) => k.session())).toEqual(before.session)
}

/** Is the element out of reach (inside an inert part of the page)? */
const isInert = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => el.closest('[inert]') !== null)

async function openByHash(page: Page, session: unknown): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h
  }, hashFor(session))
}

async function shoot(page: Page, name: string, sizes = [{ width: 1280, height: 720 }]): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size)
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png` })
  }
  await page.setViewportSize({ width: 1280, height: 720 })
}

test.describe('in English', () => {
  test.use({ locale: 'en-US' })

  test('a poison link (playhead 2^53-1) is refused at once naming playheadMs; the app works on and a reload does not hang', async ({ page }) => {
    const errors = watchErrors(page)
    const before = await makeRun(page)
    const poison = { ...before.session, playheadMs: 2 ** 53 - 1 }
    const poisonHash = hashFor(poison)

    // at start-up: the previous session is the stored one
    await page.goto('/' + poisonHash, { timeout: 10_000 })
    const alert = page.getByRole('alert').filter({ hasText: 'playheadMs' })
    await expect(alert).toBeVisible({ timeout: 5_000 })
    await expect(alert).toContainText("This link's session could not be opened: playheadMs: 9007199254740991 ms is after the scenario's end")
    await expectSameRun(page, before)
    await expect.poll(async () => (await kept(page)).address).toEqual(before.session)
    expect(page.url()).not.toContain(poisonHash.slice(3))
    await shoot(page, 'poison-alert-en', [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ])

    // pasted into the open tab: refused, the same run stays
    await openByHash(page, poison)
    await expect(page.getByRole('alert').filter({ hasText: 'playheadMs' })).toHaveCount(2, { timeout: 5_000 })
    await expectSameRun(page, before)
    expect(page.url()).not.toContain(poisonHash.slice(3))

    // the app keeps working: step, play, pause
    const events = await call(page, (k) => k.summary().events)
    await page.getByTestId('btn-step').click()
    expect(await call(page, (k) => k.summary().events)).toBe(events + 1)
    await page.getByTestId('btn-play').click()
    await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(31_000)
    await page.getByTestId('btn-pause').click()
    await page.waitForTimeout(600) // written to the address bar

    // a reload opens what the address bar holds now, promptly, with no alert
    const started = Date.now()
    await page.reload({ timeout: 10_000 })
    await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'crashed', { timeout: 5_000 })
    await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms')), { timeout: 5_000 }).toBeGreaterThan(31_000)
    await expect(page.getByTestId('opening')).toBeHidden()
    expect(Date.now() - started).toBeLessThan(10_000)
    await expect(page.getByRole('alert')).toHaveCount(0)
    expect(errors).toEqual([])
  })

  test('a long session opens in slices with a progress bar; Cancel and Esc give the previous session back; left alone it arrives like the CLI', async ({ page }) => {
    test.setTimeout(180_000)
    const errors = watchErrors(page)
    const before = await makeRun(page)
    const keptBefore = await kept(page)
    expect(keptBefore.address).toEqual(before.session)
    expect(keptBefore.stored).toEqual(before.session)

    // a link pasted into the open tab (with the focus on Share link)
    await page.getByTestId('btn-share').focus()
    await openByHash(page, longSession)
    const bar = page.getByRole('progressbar')
    await expect(bar).toBeVisible()
    await expect(page.getByTestId('opening')).toContainText(/Opening the shared run: \d+\.\d s of 60\.0 s/)
    await expect(bar).toHaveAttribute('aria-valuemax', String(LONG_PLAYHEAD_MS))
    // it moves, and the page answers meanwhile
    const first = Number(await bar.getAttribute('aria-valuenow'))
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 5_000 }).toBeGreaterThan(first)
    const answered = Date.now()
    expect(await page.evaluate(() => 1 + 1)).toBe(2)
    expect(Date.now() - answered).toBeLessThan(1_000)
    // playback and actions wait; Cancel has the focus
    expect(await isInert(page, 'btn-play')).toBe(true)
    expect(await isInert(page, 'btn-step')).toBe(true)
    expect(await isInert(page, 'btn-import')).toBe(true)
    expect(await isInert(page, 'timeline')).toBe(true)
    await expect(page.getByTestId('opening-cancel')).toBeFocused()
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('Space') // would play: waits
    await page.keyboard.press('ArrowRight') // would step: waits
    await expect(page.getByTestId('opening')).toBeVisible()
    await expect(page.getByTestId('btn-pause')).toBeDisabled()
    await shoot(page, 'opening-en', [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ])

    await page.getByTestId('opening-cancel').click()
    await expect(bar).toBeHidden()
    await expectSameRun(page, before)
    expect(await kept(page)).toEqual({ address: before.session, stored: before.session })
    expect(await isInert(page, 'btn-play')).toBe(false)
    await expect(page.getByTestId('btn-share')).toBeFocused() // the focus comes back

    // an imported file, cancelled with Esc
    const dir = mkdtempSync(join(tmpdir(), 'kafkascope-'))
    const file = join(dir, 'long.json')
    writeFileSync(file, JSON.stringify(longSession))
    await page.getByTestId('import-file').setInputFiles(file)
    await expect(page.getByTestId('opening')).toContainText(/Opening the session file: \d+\.\d s of 60\.0 s/)
    await page.keyboard.press('Escape')
    await expect(bar).toBeHidden()
    await expectSameRun(page, before)
    expect(await kept(page)).toEqual({ address: before.session, stored: before.session })

    // left alone, the link arrives at its playhead: the CLI's trace hash for the session
    await openByHash(page, longSession)
    await expect(bar).toBeVisible()
    await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(LONG_PLAYHEAD_MS), { timeout: 120_000 })
    await expect(bar).toBeHidden()
    const cli = cliHash(longSession)
    expect(cli.simTimeMs).toBe(LONG_PLAYHEAD_MS)
    expect(await call(page, (k) => k.traceHash())).toBe(cli.traceHash)
    await expect.poll(async () => ((await kept(page)).address as Session | null)?.playheadMs).toBe(LONG_PLAYHEAD_MS)
    // and it plays on
    await page.getByTestId('btn-play').click()
    await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(LONG_PLAYHEAD_MS)
    await page.getByTestId('btn-pause').click()
    expect(errors).toEqual([])
  })

  test('a long link at start-up can be cancelled: the stored session comes back', async ({ page }) => {
    const errors = watchErrors(page)
    const before = await makeRun(page)
    await page.goto('/' + hashFor(longSession))
    await expect(page.getByRole('progressbar')).toBeVisible()
    await expect(page.getByTestId('opening-cancel')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('progressbar')).toBeHidden()
    await expectSameRun(page, before)
    await expect.poll(() => kept(page)).toEqual({ address: before.session, stored: before.session })
    expect(errors).toEqual([])
  })

  test('a link nested 100,000 levels deep is refused with the depth rule; the session stays', async ({ page }) => {
    const errors = watchErrors(page)
    const before = await makeRun(page)
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    await openByHash(page, JSON.stringify({ ...before.session, interventions: 'DEEP' }).replace('"DEEP"', deep))
    const alert = page.getByRole('alert').filter({ hasText: 'nested more than 32 levels deep' })
    await expect(alert).toBeVisible({ timeout: 5_000 })
    await expect(alert).toContainText("This link's session could not be opened: interventions")
    await expect(page.getByRole('alert').filter({ hasText: /internal error|call stack/ })).toHaveCount(0)
    await expectSameRun(page, before)
    await expect.poll(async () => (await kept(page)).address).toEqual(before.session)
    await page.getByTestId('btn-step').click()
    expect(errors).toEqual([]) // an internal error would have gone to the console
  })

  test('?seed=-1, ?seed=0x10 and ?seed=%207%20 are refused in the seed rule\'s words; the scenario\'s own seed is used', async ({ page }) => {
    const errors = watchErrors(page)
    const own = builtInSeed('leader-failover')
    for (const [param, given] of [
      ['-1', '-1'],
      ['0x10', '0x10'],
      ['%207%20', ' 7 '],
    ]) {
      await page.goto(`/?scenario=leader-failover&seed=${param}`)
      const alert = page.getByRole('alert').filter({ hasText: SEED_RULE(given) })
      await expect(alert).toBeVisible()
      await expect(alert).toContainText(`This run uses the scenario's own seed, ${own}.`)
      expect((await call(page, (k) => k.session())).seed).toBe(own)
      await expect(page.getByTestId('seed')).toHaveValue(String(own))
      // the address now holds a seed that reopens
      expect(new URL(page.url()).searchParams.get('seed')).toBe(String(own))
    }
    await shoot(page, 'seed-alert-en', [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ])

    // the toolbar's seed box: the same rule, the same words; nothing changes
    const hash = await call(page, (k) => k.traceHash())
    await page.getByRole('alert').getByRole('button').first().click()
    await page.getByTestId('seed').fill('-1')
    await expect(page.getByTestId('seed')).toHaveAttribute('aria-invalid', 'true')
    await page.getByTestId('seed').press('Enter')
    await expect(page.getByRole('alert').filter({ hasText: `The seed was not changed: ${SEED_RULE('-1')}` })).toBeVisible()
    expect(await call(page, (k) => k.traceHash())).toBe(hash)
    // a seed it accepts makes a link that reopens, in the app
    await page.getByTestId('seed').fill('9007199254740991')
    await page.getByTestId('seed').press('Enter')
    await expect.poll(async () => (await call(page, (k) => k.session())).seed).toBe(9007199254740991)
    await call(page, (k) => k.runUntil(12_000))
    const session = await call(page, (k) => k.session())
    const bigHash = await call(page, (k) => k.traceHash())
    await page.goto('/' + hashFor(session))
    await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '12000')
    expect(await call(page, (k) => k.traceHash())).toBe(bigHash)
    await expect(page.getByRole('alert')).toHaveCount(0)
    expect(cliHash(session).traceHash).toBe(bigHash) // and `kafkascope run` reopens it

    // the console's load: the same rule, the same words
    const refused = await page.evaluate(() => {
      const k = (window as unknown as { __kafkascope: Api }).__kafkascope
      try {
        k.load(k.session().scenario, -1)
        return null
      } catch (e) {
        return (e as Error).message
      }
    })
    expect(refused).toContain('a seed is a whole number from 0 to 9007199254740991, got -1')
    expect(await call(page, (k) => k.traceHash())).toBe(bigHash)
    expect(errors).toEqual([])
  })
})

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' })

  test('the poison link, the progress bar and the seed rule speak Korean', async ({ page }) => {
    const errors = watchErrors(page)
    const before = await makeRun(page)
    await page.goto('/' + hashFor({ ...before.session, playheadMs: 2 ** 53 - 1 }))
    const alert = page.getByRole('alert').filter({ hasText: 'playheadMs' })
    await expect(alert).toBeVisible({ timeout: 5_000 })
    await expect(alert).toContainText('이 링크의 세션을 열 수 없습니다: playheadMs')
    await expect(alert).toContainText('이전 세션을 대신 보여 줍니다.')
    await expectSameRun(page, before)
    await shoot(page, 'poison-alert-ko', [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ])

    await openByHash(page, longSession)
    await expect(page.getByRole('progressbar')).toBeVisible()
    await expect(page.getByTestId('opening')).toContainText(/공유된 실행을 여는 중: 60\.0초 중 \d+\.\d초/)
    await expect(page.getByTestId('opening-cancel')).toHaveText('취소 (Esc)')
    await shoot(page, 'opening-ko', [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ])
    await page.getByTestId('opening-cancel').click()
    await expectSameRun(page, before)

    const own = builtInSeed('leader-failover')
    for (const [param, given] of [
      ['-1', '-1'],
      ['0x10', '0x10'],
      ['%207%20', ' 7 '],
    ]) {
      await page.goto(`/?scenario=leader-failover&seed=${param}`)
      const seedAlert = page.getByRole('alert').filter({ hasText: SEED_RULE_KO(given) })
      await expect(seedAlert).toBeVisible()
      await expect(seedAlert).toContainText(`주소의 시드(?seed=)를 쓰지 않았습니다`)
      await expect(seedAlert).toContainText(`시나리오의 기본 시드(${own})를 씁니다`)
      expect((await call(page, (k) => k.session())).seed).toBe(own)
    }
    await shoot(page, 'seed-alert-ko', [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ])
    expect(errors).toEqual([])
  })
})
