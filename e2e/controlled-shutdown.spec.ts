// Controlled shutdown as a learner meets it: in the controlled-shutdown scenario the broker card
// says "shutting down" while it hands its leaderships over and "stopped" once it went; from the
// inspector a learner shuts a broker down, sees the map agree and restarts it. In English at 1280×720
// and in Korean at 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { watchErrors, runUntil } from './support.ts'

test('the controlled-shutdown scenario: shutting down, then stopped, then back; the event log tells it', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=controlled-shutdown')
  await expect(page.getByTestId('broker-3')).toHaveAttribute('data-state', 'alive')
  await runUntil(page, 21_000)
  await expect(page.getByTestId('broker-3')).toHaveAttribute('data-state', 'shuttingDown')
  await expect(page.getByTestId('broker-3')).toContainText('shutting down')
  await page.screenshot({ path: 'test-results/controlled-shutdown-en-shutting-down.png' })
  await runUntil(page, 30_000)
  await expect(page.getByTestId('broker-3')).toHaveAttribute('data-state', 'stopped')
  await expect(page.getByTestId('broker-3')).toContainText('stopped')
  await expect(page.getByTestId('broker-3-restart')).toBeVisible()
  await page.screenshot({ path: 'test-results/controlled-shutdown-en-stopped.png' })
  await page.getByRole('tab', { name: 'Events' }).click()
  await expect(page.getByTestId('events-list')).toContainText('Broker 3 in controlled shutdown')
  await expect(page.getByTestId('events-list')).toContainText('Broker 3 stopped (clean shutdown)')
  await runUntil(page, 80_000)
  await expect(page.getByTestId('broker-3')).toHaveAttribute('data-state', 'alive')
  expect(errors).toEqual([])
})

test.describe('in Korean at 1024×768', () => {
  test.use({ locale: 'ko-KR', viewport: { width: 1024, height: 768 } })

  test('a learner shuts broker 2 down from the inspector and starts it again', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=leader-failover&seed=42')
    await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'alive')
    // the page opens the scenario at 10 s
    await page.getByTestId('broker-2').click({ position: { x: 6, y: 6 } })
    const shutdown = page.getByTestId('inspector-broker-2-shutdown')
    await expect(shutdown).toContainText('정상 종료')
    await expect(page.getByTestId('inspector-broker-2-restart')).toBeDisabled()
    await shutdown.click()
    await runUntil(page, 10_300)
    await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'shuttingDown')
    await expect(page.getByTestId('broker-2')).toContainText('종료 중')
    await expect(shutdown).toBeDisabled()
    await page.screenshot({ path: 'test-results/controlled-shutdown-ko-shutting-down.png' })
    await runUntil(page, 16_000)
    await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'stopped')
    await expect(page.getByTestId('inspector-broker-state')).toContainText('정상 종료됨')
    await page.screenshot({ path: 'test-results/controlled-shutdown-ko-stopped.png' })
    await page.getByTestId('inspector-broker-2-restart').click()
    await runUntil(page, 19_000)
    await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'alive')
    expect(errors).toEqual([])
  })
})
