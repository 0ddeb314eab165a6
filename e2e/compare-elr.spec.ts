// Comparing Kafka 4.3 with Kafka 4.0 as a learner does: open eligible-leader-replicas, press
// Compare, choose eligible.leader.replicas.version, jump to the end and read the table: run A (ELR
// on) elected the cleanly stopped follower and acknowledged far more records; run B (ELR off, Kafka
// 4.0) kept payments-0 without a leader. Neither lost anything. English at 1280×720, Korean at
// 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { inBothLanguages, watchErrors } from './support.ts'

inBothLanguages(({ lang, width, height }) => {
  test('ELR on (Kafka 4.3) against off (Kafka 4.0): A gets a leader back, B stays offline, neither loses anything', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=eligible-leader-replicas&seed=42')
    await expect(page.getByTestId('broker-1')).toBeVisible()
    await page.getByRole('button', { name: lang === 'en' ? /Compare/ : /비교/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(lang === 'en' ? 'Setting to change' : /바꿀 설정/).selectOption('elr')
    await expect(dialog.getByTestId('compare-run-a')).toContainText('A: eligible.leader.replicas.version=1')
    await expect(dialog.getByTestId('compare-run-b')).toContainText('B: eligible.leader.replicas.version=0')
    await dialog.getByTestId('compare-end').click()
    await expect(dialog.getByTestId('compare-time')).toHaveAttribute('data-ms', '90000', { timeout: 30_000 })
    await expect(dialog.getByTestId('compare-run-a-payments-0')).not.toHaveAttribute('data-leader', '-1')
    await expect(dialog.getByTestId('compare-run-b-payments-0')).toHaveAttribute('data-leader', '-1')
    const row = (id: string) => dialog.getByTestId(`compare-row-${id}`)
    expect(Number(await row('lost').getAttribute('data-a'))).toBe(0)
    expect(Number(await row('lost').getAttribute('data-b'))).toBe(0)
    expect(Number(await row('acked').getAttribute('data-a'))).toBeGreaterThan(2 * Number(await row('acked').getAttribute('data-b')))
    await dialog.screenshot({ path: `test-results/compare-elr-${lang}-${width}x${height}.png` })
    expect(errors).toEqual([])
  })
})
