// A throttled move as a learner watches it in throttled-reassignment: at 50 s orders-0 is still
// being copied to broker 4 (Adding Replicas: 4 in the partition inspector, broker 4's lane shorter
// than the leader's in the partition log), and once it is done the move completes. English at
// 1280×720, Korean at 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { inBothLanguages, inspectPartition, runUntil, watchErrors } from './support.ts'

inBothLanguages(({ lang, width, height }) => {
  test('a throttled move is still copying after fifteen seconds, and completes later', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=throttled-reassignment&seed=42')
    await runUntil(page, 50_000)
    const inspector = await inspectPartition(page, 'orders-0')
    const fields = inspector.locator('.insp-fields')
    await expect(fields).toContainText(/Adding Replicas\s*4\s*Removing Replicas\s*3/)
    const logs = page.getByTestId('inspector-replica-logs')
    // the replica logs table: Broker, Log start, HW, LEO, in Isr
    const leo = async (broker: number) => {
      const rows = logs.locator('tbody tr')
      for (let i = 0; i < (await rows.count()); i++) {
        const cells = rows.nth(i).locator('td')
        if ((await cells.first().innerText()).trim().startsWith(String(broker))) return Number(await cells.nth(3).innerText())
      }
      throw new Error(`no replica log of broker ${broker}`)
    }
    expect(await leo(4)).toBeLessThan(await leo(3))
    await page.screenshot({ path: `test-results/throttled-reassignment-${lang}-${width}x${height}.png` })
    await runUntil(page, 85_000)
    await expect(fields).not.toContainText('Adding Replicas')
    await expect(fields).toContainText(/Replicas\s*4,2,1/)
    expect(errors).toEqual([])
  })
})
