// Losing a rack as a learner sees it: each broker card names its rack; rack a (brokers 1 and 2)
// goes down at 20 s, and every partition keeps a leader and two in-sync replicas in the other racks
// because the controller placed each partition's replicas in three racks. English at 1280×720,
// Korean at 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { inBothLanguages, runUntil, watchErrors } from './support.ts'

inBothLanguages(({ lang, width, height }) => {
  test('a lost rack takes two brokers, and no partition goes offline', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=rack-loss&seed=42')
    await runUntil(page, 15_000)
    await expect(page.getByTestId('broker-1-rack')).toHaveText(lang === 'en' ? 'rack a' : '랙 a')
    await expect(page.getByTestId('broker-6-rack')).toHaveText(lang === 'en' ? 'rack c' : '랙 c')
    await runUntil(page, 35_000)
    await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'crashed')
    await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'crashed')
    for (let p = 0; p < 6; p++) await expect(page.getByTestId(`partition-orders-${p}`)).not.toHaveAttribute('data-leader', '-1')
    const [scrollW, clientW] = await page.locator('.cmap-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth])
    expect(scrollW).toBeLessThanOrEqual(clientW + 1)
    await page.screenshot({ path: `test-results/rack-loss-${lang}-${width}x${height}.png` })
    expect(errors).toEqual([])
  })
})
