// An operator's last resort, as a learner meets it: events-0 has no leader (clean elections only,
// and its one in-sync replica crashed), and the partition inspector offers a one-off unclean
// election (kafka-leader-election --election-type UNCLEAN). Pressing it brings the partition back
// with an out-of-sync leader, and the Anomalies tab names the acknowledged records that were lost.
// English at 1280×720, Korean at 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { inBothLanguages, inspectPartition, runUntil, watchErrors } from './support.ts'

inBothLanguages(({ lang, width, height }) => {
  test('an unclean election from the partition inspector brings a leaderless partition back and loses acknowledged records', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=clean-election-unavailable&seed=42')
    await runUntil(page, 65_000)
    await expect(page.getByTestId('partition-events-0')).toHaveAttribute('data-leader', '-1')
    await inspectPartition(page, 'events-0')
    const elect = page.getByTestId('inspector-partition-elect-unclean')
    await expect(elect).toBeVisible()
    await page.screenshot({ path: `test-results/unclean-election-offer-${lang}-${width}x${height}.png` })
    await elect.click()
    await runUntil(page, 66_000)
    await expect(page.getByTestId('partition-events-0')).not.toHaveAttribute('data-leader', '-1')
    await expect(elect).toHaveCount(0)
    await page.getByRole('tab', { name: lang === 'en' ? 'Anomalies' : '이상' }).click()
    await expect(page.getByTestId('anomaly-0')).toBeVisible()
    await page.screenshot({ path: `test-results/unclean-election-lost-${lang}-${width}x${height}.png` })
    expect(errors).toEqual([])
  })
})
