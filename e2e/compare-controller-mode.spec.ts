// Comparing the legacy ZooKeeper mode with KRaft as a learner does: open zookeeper-failover, press
// Compare, choose controller.mode, stop just after the ZooKeeper session expired and read the table:
// run A (ZooKeeper mode) kept the crashed controller broker as leader of orders-2 for 13 s, run B
// (KRaft) fenced it after about 10.6 s; neither lost anything. English at 1280×720, Korean at
// 1024×768, with screenshots.
import { expect, test } from '@playwright/test'
import { inBothLanguages, watchErrors } from './support.ts'

inBothLanguages(({ lang, width, height }) => {
  test('ZooKeeper mode against KRaft: A keeps a crashed leader longer, nothing is lost', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=zookeeper-failover&seed=42')
    await expect(page.getByTestId('broker-1')).toBeVisible()
    await page.getByRole('button', { name: lang === 'en' ? /Compare/ : /비교/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(lang === 'en' ? 'Setting to change' : /바꿀 설정/).selectOption('mode')
    await expect(dialog.getByTestId('compare-run-a')).toContainText('A: controller.mode=zookeeper')
    await expect(dialog.getByTestId('compare-run-b')).toContainText('B: controller.mode=kraft')
    await dialog.getByTestId('compare-end').click()
    await expect(dialog.getByTestId('compare-time')).toHaveAttribute('data-ms', '90000', { timeout: 30_000 })
    const row = (id: string) => dialog.getByTestId(`compare-row-${id}`)
    const downA = Number(await row('downLeader').getAttribute('data-a'))
    const downB = Number(await row('downLeader').getAttribute('data-b'))
    expect(downA).toBeGreaterThan(12_000)
    expect(downB).toBeGreaterThan(9_000)
    expect(downA - downB).toBeGreaterThan(1_500)
    await expect(row('downLeader')).toContainText(lang === 'en' ? 'Time with a crashed leader' : '리더가 다운된 채 있던 시간')
    expect(Number(await row('lost').getAttribute('data-a'))).toBe(0)
    expect(Number(await row('lost').getAttribute('data-b'))).toBe(0)
    // both runs end with every partition led
    for (const side of ['a', 'b']) for (const p of [0, 1, 2]) await expect(dialog.getByTestId(`compare-run-${side}-orders-${p}`)).not.toHaveAttribute('data-leader', '-1')
    await dialog.screenshot({ path: `test-results/compare-controller-mode-${lang}-${width}x${height}.png` })
    expect(errors).toEqual([])
  })
})
