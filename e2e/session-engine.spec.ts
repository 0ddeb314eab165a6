// A session carries the engine version that made it (CONTRACT §7). The app writes it into every
// link and exported file; a link made by another engine version still opens the run, with a notice
// (English and Korean) that it may differ from the one that was shared; a link of this engine
// opens silently.
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import LZString from 'lz-string'
import { watchErrors } from './support.ts'

interface Session {
  version: number
  engine?: string
  scenario: unknown
  seed: number
  interventions: { atMs: number; action: string }[]
  playheadMs: number
}

interface Api {
  runUntil(ms: number): void
  traceHash(): string
  session(): Session
}

const call = <T,>(page: Page, fn: (api: Api) => T) => page.evaluate(`(${fn.toString()})(window.__kafkascope)`) as Promise<T>

const link = (s: Session) => `/#s=${LZString.compressToEncodedURIComponent(JSON.stringify(s))}`
const NOTICE_EN = /the run may differ from the one that was shared/
const NOTICE_KO = /공유된 실행과 다르게 진행될 수 있습니다/

/** leader-failover with broker 2 crashed at 15 s, stopped at 20 s: the session the app writes. */
async function makeSession(page: Page): Promise<Session> {
  await page.goto('/?scenario=leader-failover&seed=5')
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'alive')
  await call(page, (k) => k.runUntil(15_000))
  await page.getByTestId('broker-2-crash').click()
  await call(page, (k) => k.runUntil(20_000))
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '20000')
  return call(page, (k) => k.session())
}

test('links and files carry the engine version; a link of this engine opens without a notice', async ({ page, context }) => {
  const errors = watchErrors(page)
  const session = await makeSession(page)
  expect(session.engine).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/)
  const download = page.waitForEvent('download')
  await page.getByTestId('btn-export').click()
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as Session
  expect(exported.engine).toBe(session.engine)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByTestId('btn-share').click()
  const shared = await page.getByTestId('share-link').inputValue()
  const fromLink = JSON.parse(LZString.decompressFromEncodedURIComponent(shared.slice(shared.indexOf('#s=') + 3))) as Session
  expect(fromLink.engine).toBe(session.engine)

  const other = await context.newPage()
  const otherErrors = watchErrors(other)
  await other.goto(shared)
  await expect(other.getByTestId('sim-time')).toHaveAttribute('data-ms', '20000')
  await expect(other.getByRole('alert').filter({ hasText: NOTICE_EN })).toHaveCount(0)
  expect(errors).toEqual([])
  expect(otherErrors).toEqual([])
})

test('a link made by another engine version opens the run with a notice in English and Korean', async ({ page, browser }) => {
  const errors = watchErrors(page)
  const session = await makeSession(page)
  const hash = await call(page, (k) => k.traceHash())

  const fresh = await browser.newPage()
  const freshErrors = watchErrors(fresh)
  await fresh.goto(link({ ...session, engine: '2020-01-01.1' }))
  await expect(fresh.getByTestId('sim-time')).toHaveAttribute('data-ms', '20000')
  const notice = fresh.getByRole('alert').filter({ hasText: NOTICE_EN })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('2020-01-01.1')
  await expect(notice).toContainText(session.engine!)
  // the same scenario, seed and interventions, run by this engine
  expect(await call(fresh, (k) => k.traceHash())).toBe(hash)
  await fresh.getByRole('button', { name: '한국어' }).click()
  await expect(fresh.getByRole('alert').filter({ hasText: NOTICE_KO })).toBeVisible()
  await fresh.screenshot({ path: 'test-results/session-engine-notice.png' })
  await fresh.close()

  // a link from before sessions carried an engine version says so too
  const old = await browser.newPage()
  const { engine: _engine, ...withoutEngine } = session
  await old.goto(link(withoutEngine))
  await expect(old.getByTestId('sim-time')).toHaveAttribute('data-ms', '20000')
  await expect(old.getByRole('alert').filter({ hasText: /does not say which kafkascope engine made it/ })).toBeVisible()
  await old.close()
  expect(errors).toEqual([])
  expect(freshErrors).toEqual([])
})
