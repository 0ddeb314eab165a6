// Scaling out as a learner meets it: "Add a broker" in the broker inspector starts broker 4; it
// registers, is fenced until it has caught up with the metadata, then sits there with no replica:
// nothing moves to a new broker by itself. English at 1280×720, Korean at 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { inBothLanguages, runUntil, watchErrors } from './support.ts'

inBothLanguages(({ lang, width, height }) => {
  test('a broker added to the running cluster registers, catches up and hosts nothing', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=leader-failover&seed=42')
    await expect(page.getByTestId('broker-3')).toHaveAttribute('data-state', 'alive')
    await expect(page.getByTestId('broker-4')).toHaveCount(0)
    await page.getByTestId('broker-1').click({ position: { x: 6, y: 6 } })
    await page.getByTestId('inspector-add-broker').click()
    await runUntil(page, 10_050)
    const added = page.getByTestId('broker-4')
    await expect(added).toBeVisible()
    await expect(added).toHaveAttribute('data-state', 'fenced')
    await runUntil(page, 14_000)
    await expect(added).toHaveAttribute('data-state', 'alive')
    // no replica chip: nothing moved to it
    await expect(added.locator('.chip')).toHaveCount(0)
    await expect(page.getByTestId('broker-1').locator('.chip').first()).toBeVisible()
    const [scrollW, clientW] = await page.locator('.cmap-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth])
    expect(scrollW).toBeLessThanOrEqual(clientW + 1)
    await page.screenshot({ path: `test-results/add-broker-${lang}-${width}x${height}.png` })
    await page.getByRole('tab', { name: lang === 'en' ? 'Events' : '이벤트' }).click()
    await expect(page.getByTestId('events-list')).toContainText(lang === 'en' ? 'Broker 4 added to the cluster' : '브로커 4 클러스터에 추가')
    expect(errors).toEqual([])
  })
})
