// Scaling out as lesson 12 tells it: broker 4 joins and hosts nothing; two partitions are moved onto
// it (kafka-reassign-partitions), so its card gains their replicas while the replaced ones vanish
// from the others; it is their preferred leader (P) but leads them only after the preferred leader
// election; kafka-reassign-partitions --verify in the console says the moves are done. English at
// 1280×720, Korean at 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { inBothLanguages, runUntil, watchErrors } from './support.ts'

inBothLanguages(({ lang, width, height }) => {
  test('a new broker takes partitions only when they are moved to it, and leads them after a preferred election', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=scale-out&seed=42')
    await runUntil(page, 20_000)
    const added = page.getByTestId('broker-4')
    await expect(added).toHaveAttribute('data-state', 'alive')
    await expect(added.locator('.chip')).toHaveCount(0)
    await runUntil(page, 31_000)
    // orders-0 moved from 3,1,2 to 4,3,1 and orders-3 from 1,2,3 to 4,1,2
    await expect(added.locator('.chip[data-tp="orders-0"]')).toHaveAttribute('data-role', 'insync')
    await expect(added.locator('.chip[data-tp="orders-3"]')).toHaveAttribute('data-role', 'insync')
    await expect(added.locator('.chip[data-tp="orders-0"] .chip-pref-mark')).toBeVisible()
    await expect(page.getByTestId('broker-2').locator('.chip[data-tp="orders-0"]')).toHaveCount(0)
    await expect(page.getByTestId('broker-3').locator('.chip[data-tp="orders-3"]')).toHaveCount(0)
    await page.screenshot({ path: `test-results/scale-out-moved-${lang}-${width}x${height}.png` })
    await page.getByRole('tab', { name: lang === 'en' ? 'Events' : '이벤트' }).click()
    await expect(page.getByTestId('events-list')).toContainText(lang === 'en' ? 'orders-0: reassignment complete, replicas [4,3,1]' : 'orders-0: 재할당 완료, 레플리카 [4,3,1]')
    // kafka-reassign-partitions --verify in the console: both moves are done
    await page.getByRole('tab', { name: lang === 'en' ? 'Console' : '콘솔' }).click()
    await page.getByTestId('console-command').selectOption('reassign:verify')
    const out = page.getByTestId('console-output')
    await expect(out).toContainText('Reassignment of partition orders-0 is completed.')
    await expect(out).toContainText('Reassignment of partition orders-3 is completed.')
    await expect(out).toContainText('Clearing broker-level throttles on brokers 1,2,3,4')
    await page.screenshot({ path: `test-results/scale-out-verify-${lang}-${width}x${height}.png` })
    await runUntil(page, 61_000)
    await expect(added.locator('.chip[data-tp="orders-0"]')).toHaveAttribute('data-role', 'leader')
    await expect(added.locator('.chip[data-tp="orders-3"]')).toHaveAttribute('data-role', 'leader')
    const [scrollW, clientW] = await page.locator('.cmap-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth])
    expect(scrollW).toBeLessThanOrEqual(clientW + 1)
    await page.screenshot({ path: `test-results/scale-out-balanced-${lang}-${width}x${height}.png` })
    expect(errors).toEqual([])
  })
})
