// A run ends at its scenario's end, so every link the app makes opens again: playing the default
// scenario stops at its 90 s end; Play and Step there say so and do nothing; the console API goes
// no further either, and the session's playhead stays within the run.
import { expect, test, type Page } from '@playwright/test'
import { watchErrors } from './support.ts'

interface Api {
  summary(): { events: number }
  runUntil(ms: number): void
  seek(ms: number): void
  session(): { playheadMs: number }
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { __kafkascope: Api }).__kafkascope.summary().events)

async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByTestId('speed').evaluate((el, v) => {
    const input = el as HTMLInputElement
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(v))
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }, Math.log10(speed))
}

test('the default scenario stops at its end; Play and Step there say so and do nothing', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await setSpeed(page, 100)
  await page.getByTestId('btn-play').click()
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '90000', { timeout: 30_000 })
  await expect(page.getByTestId('btn-play')).toBeEnabled()
  const atEnd = await events(page)

  await page.getByTestId('btn-step').click()
  await expect(page.getByRole('alert').filter({ hasText: "at the scenario's end" })).toBeVisible()
  await page.getByTestId('btn-play').click()
  await expect(page.getByTestId('btn-play')).toBeEnabled()
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '90000')
  await page.locator('body').press('ArrowRight')
  expect(await events(page)).toBe(atEnd)

  // the console goes no further either, and the session's playhead stays within the run
  await page.evaluate(() => (window as unknown as { __kafkascope: Api }).__kafkascope.runUntil(500_000))
  await page.evaluate(() => (window as unknown as { __kafkascope: Api }).__kafkascope.seek(400_000))
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '90000')
  expect(await page.evaluate(() => (window as unknown as { __kafkascope: Api }).__kafkascope.session().playheadMs)).toBe(90_000)
  expect(await events(page)).toBe(atEnd)

  // going back on the timeline plays again, up to the end
  await page.evaluate(() => (window as unknown as { __kafkascope: Api }).__kafkascope.seek(85_000))
  await page.getByTestId('btn-play').click()
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '90000', { timeout: 30_000 })
  await expect(page.getByTestId('btn-play')).toBeEnabled()
  expect(await events(page)).toBe(atEnd)
  expect(errors).toEqual([])
})
