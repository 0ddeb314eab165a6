// The storage tools of the Console (kafka-log-dirs, kafka-get-offsets, kafka-configs) and the
// Inspector's log storage configs, on retention-deletes-segments: at 80 s retention has moved the
// log start, the console shows it as Kafka prints it, and a learner changes retention.ms in the
// inspector (one setTopicConfig intervention) and sees the topic override take effect. Screenshots
// at 1280×720 and 1024×768, in English and Korean, go to /tmp/console-shots/.
import { expect, test, type Page } from '@playwright/test'
import { runUntil, watchErrors } from './support.ts'

interface ConsoleApi {
  summary(): { partitions: { topic: string; partition: number; logStartOffset: number; highWatermark: number }[] }
  session(): { interventions: { atMs: number; action: string; topic?: string; config?: Record<string, unknown> }[] }
}

const SHOTS = '/tmp/console-shots'

function summary(page: Page) {
  return page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.summary())
}

function interventionsOf(page: Page) {
  return page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.session().interventions)
}

/** The output box wraps: nothing runs past its right edge. */
async function expectNoOverflow(page: Page, testId: string): Promise<void> {
  const box = page.getByTestId(testId)
  await expect(box).toBeVisible()
  const sizes = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }))
  expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth)
  const overflowing = await box.evaluate((el) => {
    const right = el.getBoundingClientRect().right
    return [...el.querySelectorAll('*')].filter((f) => f.getBoundingClientRect().right > right + 0.5).map((f) => f.textContent?.slice(0, 40))
  })
  expect(overflowing).toEqual([])
}

async function openLogsPartition(page: Page): Promise<void> {
  await page.getByTestId('broker-1').click({ position: { x: 6, y: 6 } })
  await page.getByTestId('inspector-broker').getByRole('button', { name: 'logs-0', exact: true }).click()
  await expect(page.getByTestId('inspector-partition')).toHaveAttribute('data-tp', 'logs-0')
}

test('kafka-log-dirs and kafka-get-offsets show what retention deleted; retention.ms is changed in the inspector', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=retention-deletes-segments&seed=42')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await runUntil(page, 80_000)

  // kafka-log-dirs: every broker answers with its replicas' segment bytes
  await page.getByRole('tab', { name: 'Console', exact: true }).click()
  const picker = page.getByTestId('console-command')
  await expect(picker.locator('optgroup')).toHaveCount(5)
  await picker.selectOption('log-dirs:logs')
  await expect(page.getByTestId('console-prompt')).toHaveText('$ kafka-log-dirs.sh --bootstrap-server localhost:9092 --describe --topic-list logs')
  const output = page.getByTestId('console-output')
  await expect(output).toContainText('Received log directory information from brokers 1,2,3')
  const json = JSON.parse(((await output.textContent()) ?? '').split('\n')[2]!)
  expect(json.version).toBe(1)
  expect(json.brokers.map((b: { broker: number }) => b.broker)).toEqual([1, 2, 3])
  for (const b of json.brokers) {
    expect(b.logDirs[0].logDir).toBe('/var/lib/kafka/data')
    for (const p of b.logDirs[0].partitions) expect(p.size).toBeGreaterThan(1_048_576)
  }
  await expectNoOverflow(page, 'console-output')
  await page.screenshot({ path: `${SHOTS}/log-dirs-en-1280x720.png` })

  // kafka-get-offsets --time -2: the log start offsets retention moved up
  await picker.selectOption('offsets:-2:logs')
  await expect(page.getByTestId('console-prompt')).toHaveText('$ kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic logs --time -2')
  const starts = (await summary(page)).partitions.filter((p) => p.topic === 'logs').map((p) => `logs:${p.partition}:${p.logStartOffset}`)
  expect(starts.every((line) => Number(line.split(':')[2]) > 0)).toBe(true)
  await expect(output).toHaveText(starts.join('\n') + '\n')
  await expect(page.getByTestId('console-time-note')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/get-offsets-en-1280x720.png` })

  // kafka-get-offsets --time <now − 60 s>: the timestamp is on the command line
  await picker.selectOption('offsets:ago60000:logs')
  await expect(page.getByTestId('console-prompt')).toHaveText('$ kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic logs --time 20000')
  await expect(output).toHaveText(/^logs:0:\d+\nlogs:1:\d+\n$/)

  // kafka-configs --describe: the topic's overrides
  await picker.selectOption('configs:logs')
  await expect(output).toContainText('Dynamic configs for topic logs are:')
  await expect(output).toContainText('retention.ms=60000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=60000}')
  await expectNoOverflow(page, 'console-output')
  await page.screenshot({ path: `${SHOTS}/configs-en-1280x720.png` })

  // The inspector: retention.ms is a topic override of 1 min; a bad value is refused and named
  await openLogsPartition(page)
  await expect(page.getByTestId('inspector-storage-source-retention.ms')).toHaveAttribute('data-source', 'DYNAMIC_TOPIC_CONFIG')
  await expect(page.getByTestId('inspector-storage-row-retention.ms')).toContainText('60000 (1 min)')
  await expect(page.getByTestId('inspector-storage-row-retention.bytes')).toContainText('default (log.retention.bytes)')
  await expect(page.getByTestId('inspector-storage-row-retention.ms')).toContainText('Delete a segment once its newest record is older than this')
  await expect(page.getByTestId('inspector-storage-min.cleanable.dirty.ratio')).toHaveCount(0)
  await page.getByTestId('inspector-storage-retention.ms').fill('-5')
  await page.getByTestId('inspector-storage-apply').click()
  await expect(page.getByTestId('inspector-storage-problem-retention.ms')).toHaveText('retention.ms: -5 must be at least -1')
  expect(await interventionsOf(page)).toEqual([])

  await page.getByTestId('inspector-storage-retention.ms').fill('30000')
  await expect(page.getByTestId('inspector-storage-problem-retention.ms')).toHaveCount(0)
  await page.getByTestId('inspector-storage-apply').click()
  const interventions = await interventionsOf(page)
  expect(interventions).toEqual([{ atMs: 80_000, action: 'setTopicConfig', topic: 'logs', config: { 'retention.ms': 30000 } }])
  await runUntil(page, 82_000)
  await expect(page.getByTestId('inspector-storage-row-retention.ms')).toContainText('30000 (30 s)')
  // switching to compact shows the cleaner's keys
  await page.getByTestId('inspector-storage-cleanup.policy').selectOption('compact,delete')
  await expect(page.getByTestId('inspector-storage-min.cleanable.dirty.ratio')).toBeVisible()
  await page.getByTestId('inspector-storage-cleanup.policy').selectOption('delete')
  await expectNoOverflow(page, 'inspector-storage')
  await page.getByTestId('inspector-storage-row-retention.ms').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await page.screenshot({ path: `${SHOTS}/inspector-applied-en-1280x720.png` })

  // kafka-configs now names the new override too
  await page.getByRole('tab', { name: 'Console', exact: true }).click()
  await page.getByTestId('console-command').selectOption('configs:logs')
  await expect(page.getByTestId('console-output')).toContainText('retention.ms=30000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=30000}')

  expect(errors).toEqual([])
})

for (const [w, h] of [
  [1280, 720],
  [1024, 768],
] as const) {
  for (const lang of ['en', 'ko'] as const) {
    test(`the storage tools and configs fit at ${w}×${h} in ${lang === 'en' ? 'English' : 'Korean'}`, async ({ page }) => {
      const errors = watchErrors(page)
      await page.setViewportSize({ width: w, height: h })
      await page.goto('/?scenario=retention-deletes-segments&seed=42')
      await expect(page.getByTestId('sim-time')).toBeVisible()
      await runUntil(page, 80_000)
      if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click()
      const consoleTab = lang === 'en' ? 'Console' : '콘솔'
      await page.getByRole('tab', { name: consoleTab, exact: true }).click()
      for (const [key, name] of [
        ['log-dirs:*', 'log-dirs'],
        ['offsets:ago60000:logs', 'get-offsets'],
        ['configs-all:logs', 'configs-all'],
      ] as const) {
        await page.getByTestId('console-command').selectOption(key)
        await expectNoOverflow(page, 'console-output')
        await page.screenshot({ path: `${SHOTS}/console-${name}-${lang}-${w}x${h}.png` })
      }
      await openLogsPartition(page)
      await page.getByTestId('inspector-storage-retention.ms').fill('abc')
      await page.getByTestId('inspector-storage-apply').click()
      await expect(page.getByTestId('inspector-storage-problem-retention.ms')).toHaveText(
        lang === 'en' ? 'retention.ms: expected an integer number of milliseconds, got "abc"' : 'retention.ms: 밀리초 단위의 정수를 입력하세요',
      )
      await expectNoOverflow(page, 'inspector-storage')
      await page.getByTestId('inspector-storage-row-retention.ms').evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.screenshot({ path: `${SHOTS}/inspector-${lang}-${w}x${h}.png` })
      await page.getByTestId('inspector-storage-cleanup.policy').selectOption('compact')
      await page.getByTestId('inspector-storage-apply').evaluate((el) => el.scrollIntoView({ block: 'end' }))
      await page.screenshot({ path: `${SHOTS}/inspector-compact-${lang}-${w}x${h}.png` })
      expect(errors).toEqual([])
    })
  }
}
