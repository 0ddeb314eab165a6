// A move that cannot finish, as an operator meets it in stuck-reassignment: orders-0 is being moved
// onto broker 4, which crashed while copying; the partition inspector shows Adding Replicas and
// Removing Replicas and offers to cancel the move (kafka-reassign-partitions --cancel). Pressing it
// reverts the move before the scenario's own cancel at 40 s. English at 1280×720, Korean at
// 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { inBothLanguages, inspectPartition, runUntil, watchErrors } from './support.ts'

inBothLanguages(({ lang, width, height }) => {
  test('a move stuck on a crashed broker is cancelled from the partition inspector', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=stuck-reassignment&seed=42')
    await runUntil(page, 25_000)
    const inspector = await inspectPartition(page, 'orders-0')
    const fields = inspector.locator('.insp-fields')
    await expect(fields).toContainText(/Replicas\s*4,2,1,3\s*Isr\s*3,1,2\s*Adding Replicas\s*4\s*Removing Replicas\s*3/)
    const cancel = page.getByTestId('inspector-partition-cancel-reassignment')
    await expect(cancel).toHaveText(lang === 'en' ? 'Cancel the move' : '이동 취소')
    await page.screenshot({ path: `test-results/stuck-reassignment-${lang}-${width}x${height}.png` })
    await cancel.click()
    await runUntil(page, 26_000)
    await expect(fields).toContainText(/Replicas\s*2,1,3\s*Isr\s*3,1,2\s*Elr/)
    await expect(fields).not.toContainText('Adding Replicas')
    await expect(cancel).toHaveCount(0)
    await page.getByRole('tab', { name: lang === 'en' ? 'Events' : '이벤트' }).click()
    await expect(page.getByTestId('events-list')).toContainText(lang === 'en' ? 'reassignment cancelled, back to replicas [2,1,3]' : '재할당 취소, 레플리카 [2,1,3](으)로 되돌림')
    await page.screenshot({ path: `test-results/stuck-reassignment-cancelled-${lang}-${width}x${height}.png` })
    expect(errors).toEqual([])
  })
})
