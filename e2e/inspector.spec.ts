// The inspector, the event log, the Kafka tools' console and the help dialog, driven as a learner
// would: pick a broker on the map and crash it from the inspector, produce one keyed record, read
// kafka-topics --describe follow the failover, open and close help from the keyboard, and switch
// to Korean. Also runs axe-core over each panel (no serious or critical violations).
import { expect, test, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { partitionForKey } from '../sim/index.ts'
import { watchErrors, runUntil } from './support.ts'

async function expectNoSeriousA11yViolations(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** The side panel is 390 px wide: nothing in it may push it sideways (the console's <pre> scrolls inside). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const [scrollWidth, clientWidth] = await page.locator('.tab-body').evaluate((el) => [el.scrollWidth, el.clientWidth])
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
}

test('a learner crashes a broker, produces a keyed record, reads kafka-topics and gets help', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'alive')

  // Nothing selected: the scenario's story and how to begin.
  await expect(page.getByTestId('inspector-overview')).toContainText('Leader failover')
  await expectNoSeriousA11yViolations(page, '.side')

  // Select broker 2 on the map, crash it from the inspector.
  await page.getByTestId('broker-2').click({ position: { x: 6, y: 6 } })
  const inspector = page.getByTestId('inspector-broker')
  await expect(inspector).toHaveAttribute('data-id', '2')
  await expect(page.getByTestId('inspector-broker-state')).toHaveText(/alive/)
  await expect(page.getByTestId('inspector-broker-2-restart')).toBeDisabled()
  await page.getByTestId('inspector-broker-2-crash').click()
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'crashed')
  await expect(page.getByTestId('inspector-broker-state')).toHaveText(/crashed/)
  await expect(page.getByTestId('inspector-broker-2-crash')).toBeDisabled()
  await expect(page.getByTestId('inspector-broker-2-restart')).toBeEnabled()
  await expectNoSidewaysScroll(page)
  await expectNoSeriousA11yViolations(page, '.side')
  await page.screenshot({ path: 'test-results/inspector-broker-crashed.png' })

  // Back to the overview: the scenario's story now comes with what the learner changed, and what
  // the scenario still has to do (its crash of orders-0's leader at 20 s).
  await page.getByRole('button', { name: '← Overview' }).click()
  await expect(page.getByTestId('run-changes-mine')).toHaveText(/^\d+\.\d{3} s Crash broker 2$/)
  await expect(page.getByTestId('run-changes-upcoming').locator('li').first()).toContainText('20.000 s Crash leader:orders-0')

  // A partition's topic config: min.insync.replicas=3 (reached from broker 1's replica list).
  await page.getByTestId('broker-1').click({ position: { x: 6, y: 6 } })
  await page.getByTestId('inspector-broker').getByRole('button', { name: 'orders-0', exact: true }).click()
  await expect(page.getByTestId('inspector-partition')).toHaveAttribute('data-tp', 'orders-0')
  await page.getByTestId('inspector-min-isr').fill('3')
  await page.getByTestId('inspector-topic-config-apply').click()
  // the controller commits the change to the metadata log (a Raft majority: brokers 1 and 3 are up)
  await runUntil(page, 11_000)
  await expect(page.getByTestId('inspector-partition').locator('.insp-fields')).toContainText(/min\.insync\.replicas\s*3/)
  await expectNoSeriousA11yViolations(page, '.side')
  await page.screenshot({ path: 'test-results/inspector-partition.png' })

  // Select the producer on the map and produce one record with key user-42.
  await page.locator('[data-node-kind="producer"][data-node="checkout"]').click()
  await expect(page.getByTestId('inspector-producer')).toHaveAttribute('data-id', 'checkout')
  await page.getByTestId('inspector-produce-key').fill('user-42')
  const expected = partitionForKey('user-42', 3)
  await expect(page.getByTestId('inspector-produce-partition')).toHaveText(`→ orders-${expected} (murmur2("user-42") % 3)`)
  await expectNoSidewaysScroll(page)
  const sentBefore = Number((await page.getByTestId('inspector-producer-counts').textContent())!.split(' / ')[0])
  await page.getByTestId('inspector-produce').click()
  await expect(page.getByTestId('inspector-producer-counts')).toHaveText(new RegExp(`^${sentBefore + 1} / `))
  await expectNoSeriousA11yViolations(page, '.side')
  await page.screenshot({ path: 'test-results/inspector-producer.png' })

  // acks=1 turns idempotence off, as Kafka requires.
  await page.getByTestId('inspector-producer-acks').selectOption('1')
  await page.getByTestId('inspector-producer-acks-apply').click()
  const producerFields = page.getByTestId('inspector-producer').locator('.insp-fields')
  await expect(producerFields).toContainText(/acks\s*1/)
  await expect(producerFields).toContainText(/enable\.idempotence\s*false/)

  // The event log names the record's action; the action chip filters it away.
  await page.getByRole('tab', { name: 'Events' }).click()
  await page.getByTestId('events-search').fill('user-42')
  const rows = page.getByTestId('events-list').locator('li[data-kind]')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('produce {"producer":"checkout","key":"user-42"')
  await page.getByTestId('events-chip-action').click()
  await expect(rows).toHaveCount(0)
  await page.getByTestId('events-chip-action').click()
  await page.getByTestId('events-search').fill('fenced')
  await runUntil(page, 40_000)
  await expect(rows.filter({ hasText: 'Broker 2 fenced' })).toHaveCount(1)
  await expectNoSeriousA11yViolations(page, '.side')
  await page.getByTestId('events-search').fill('')
  await page.screenshot({ path: 'test-results/inspector-events.png' })

  // Scrolled up, the log stops following and offers a way back to the newest event.
  await page.getByTestId('events-internal').check()
  const list = page.getByTestId('events-list')
  await expect(page.getByTestId('events-latest')).toBeHidden()
  await list.evaluate((el) => el.scrollTo(0, 0))
  await expect(page.getByTestId('events-latest')).toBeVisible()
  await page.getByTestId('events-latest').click()
  await expect(page.getByTestId('events-latest')).toBeHidden()
  expect(await list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(10)
  await page.getByTestId('events-internal').uncheck()

  // Clicking an event about a partition selects that partition.
  await page.getByTestId('events-search').fill('Partition orders-0:')
  await rows.last().getByRole('button').click()
  await expect(page.getByTestId('inspector-partition')).toHaveAttribute('data-tp', 'orders-0')
  await page.getByRole('tab', { name: 'Events' }).click()
  await page.getByTestId('events-search').fill('')


  // The console prints kafka-topics --describe exactly as Kafka does, for now: broker 2 leads nothing.
  await page.getByRole('tab', { name: 'Console' }).click()
  await expect(page.getByTestId('console-prompt')).toHaveText('$ kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic orders')
  const output = (await page.getByTestId('console-output').textContent()) ?? ''
  const lines = output.split('\n')
  expect(lines.pop()).toBe('') // every line ends with a newline
  expect(lines[0]).toMatch(/^Topic: orders\tTopicId: [\w-]{22}\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min\.insync\.replicas=3/)
  expect(lines).toHaveLength(4)
  // broker 2 crashed out of ISRs that min.insync.replicas=3 finds too small: it is an eligible
  // leader replica (ELR, KIP-966), as Kafka 4.3 prints it
  for (let p = 0; p < 3; p++) {
    expect(lines[p + 1]).toMatch(new RegExp(`^\\tTopic: orders\\tPartition: ${p}\\tLeader: [13]\\tReplicas: \\d,\\d,\\d\\tIsr: [13],[13]\\tElr: 2\\tLastKnownElr: $`))
  }
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByTestId('console-copy').click()
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(`$ kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic orders\n${output}`)
  await expectNoSeriousA11yViolations(page, '.side')
  await page.screenshot({ path: 'test-results/inspector-console.png' })

  // Help opens with ? and closes with Escape, giving focus back.
  const consoleTab = page.getByRole('tab', { name: 'Console' })
  await consoleTab.focus()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'kafkascope: keys and legend' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()
  await expect(dialog).toContainText('out-of-sync follower')
  await expectNoSeriousA11yViolations(page, '.help-dialog')
  await page.screenshot({ path: 'test-results/inspector-help.png' })
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(consoleTab).toBeFocused()

  // In Korean, the inspector speaks Korean and keeps Kafka's names.
  await page.getByRole('button', { name: '한국어' }).click()
  await page.getByTestId('broker-2').click({ position: { x: 6, y: 6 } })
  await expect(page.getByRole('heading', { name: '장애 주입' })).toBeVisible()
  await expect(page.getByTestId('inspector-broker-2-restart')).toHaveText(/재시작/)
  await expect(page.getByTestId('inspector-broker-state')).toHaveText(/crashed/)
  await page.screenshot({ path: 'test-results/inspector-korean.png' })

  expect(errors).toEqual([])
})

test('a group member is crashed and restarted, and a failed action names why', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-crash-session-timeout&seed=42')
  const group = page.locator('[data-testid^="group-"]').first()
  await expect(group).toHaveAttribute('data-state', 'Stable')
  const groupId = (await group.getAttribute('data-testid'))!.slice('group-'.length)

  // Reset offsets needs an Empty group: the notice names Kafka's error.
  await group.getByRole('button').first().click()
  await expect(page.getByTestId('inspector-group')).toHaveAttribute('data-id', groupId)
  await expectNoSidewaysScroll(page)
  await page.getByTestId(`inspector-group-${groupId}-reset`).click()
  await expect(page.getByRole('alert').first()).toContainText(/Reset offsets of .* did not work: \S+/)

  // Crash a member from the inspector, then restart it.
  const member = `${groupId}-1`
  await page.locator(`[data-node-kind="member"][data-node="${member}"]`).click()
  await expect(page.getByTestId('inspector-member')).toHaveAttribute('data-id', member)
  await page.getByTestId(`inspector-member-${member}-crash`).click()
  await expect(page.getByTestId(`inspector-member-${member}-crash`)).toBeDisabled()
  await page.getByTestId(`inspector-member-${member}-restart`).click()
  await runUntil(page, 20_000)
  await expect(page.getByTestId(`inspector-member-${member}-crash`)).toBeEnabled()
  await page.screenshot({ path: 'test-results/inspector-member.png' })

  // kafka-consumer-groups --describe for that group.
  await page.getByRole('tab', { name: 'Console' }).click()
  await page.getByTestId('console-command').selectOption(`groups:${groupId}`)
  await expect(page.getByTestId('console-prompt')).toHaveText(`$ kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group ${groupId}`)
  await expectNoSidewaysScroll(page)
  await expect(page.getByTestId('console-output')).toContainText(/GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG/)
  await page.screenshot({ path: 'test-results/inspector-console-group.png' })
  expect(errors).toEqual([])
})
