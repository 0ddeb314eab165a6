// Eligible leader replicas (KIP-966) as a learner meets them in eligible-leader-replicas: after two
// followers shut down cleanly and the leader crashes, payments-0 has no leader and an empty ISR, and
// the partition inspector shows which replicas are still eligible (Elr) and the last known leader;
// the second follower comes back and leads, elected from the ELR, with nothing lost. English at
// 1280×720, Korean at 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { inBothLanguages, inspectPartition, runUntil, watchErrors } from './support.ts'

inBothLanguages(({ lang, width, height }) => {
  test('a partition whose ISR emptied shows its ELR, and a cleanly stopped follower comes back as leader', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=eligible-leader-replicas&seed=42')
    await runUntil(page, 58_000)
    await expect(page.getByTestId('partition-payments-0')).toHaveAttribute('data-leader', '-1')
    const inspector = await inspectPartition(page, 'payments-0')
    const fields = inspector.locator('.insp-fields')
    // placement with seed 42 puts the replicas on 3,1,2: the leader 3 crashed, 1 left the ISR under min.insync.replicas
    await expect(fields).toContainText(/Isr\s*—\s*Elr\s*1,3\s*LastKnownElr\s*3/)
    await expect(page.getByTestId('inspector-replica-logs')).toContainText('ELR')
    await page.screenshot({ path: `test-results/elr-leaderless-${lang}-${width}x${height}.png` })

    await runUntil(page, 66_000)
    await expect(page.getByTestId('partition-payments-0')).toHaveAttribute('data-leader', '1')
    await expect(fields).toContainText(/Isr\s*1\s*Elr\s*3\s*LastKnownElr\s*—/)
    await page.screenshot({ path: `test-results/elr-elected-${lang}-${width}x${height}.png` })
    const [scrollW, clientW] = await page.locator('.cmap-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth])
    expect(scrollW).toBeLessThanOrEqual(clientW + 1)
    await page.getByRole('tab', { name: lang === 'en' ? 'Events' : '이벤트' }).click()
    await expect(page.getByTestId('events-list')).toContainText(lang === 'en' ? 'clean election from the ELR' : 'ELR에서 클린 선출')
    expect(errors).toEqual([])
  })
})
