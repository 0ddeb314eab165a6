// Share groups (KIP-932, queues for Kafka) as a learner meets them in share-group-queue: the groups
// panel labels workers as a share group, its four members share the two partitions (two to a
// partition), each holds records in flight (ACQUIRED); workers-2 crashes at 40 s and is shown down
// while the records it holds stay locked to it; the redelivered and archived counts grow; the
// partition log draws each partition's share window [SPSO, SPEO] record by record with the states
// in its legend; the map's share group card lists the members with what they hold; the console's
// kafka-share-groups --describe prints START-OFFSET (the SPSO), the members and the state. In
// English and Korean, at 1280×720 and 1024×768, with screenshots. Scenarios without share groups
// show none of it.
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { watchErrors, runUntil } from './support.ts'

interface ShareSummary {
  groupId: string
  type: string
  state: string
  members: Record<string, string[]>
  committed: Record<string, number>
  acknowledged: Record<string, number>
  redelivered: number
  archived: number
}

const SHOTS = '/tmp/share-shots'

async function shareSummary(page: Page): Promise<ShareSummary> {
  const s = await page.evaluate(() => (window as unknown as { __kafkascope: { summary(): { groups: ShareSummary[] } } }).__kafkascope.summary())
  return s.groups.find((g) => g.groupId === 'workers' && g.type === 'share')!
}

async function number(locator: Locator): Promise<number> {
  const text = (await locator.innerText()).trim()
  expect(text).toMatch(/^\d+$/)
  return Number(text)
}

/** What the panel shows of each member: status, assignment, in-flight records, acknowledgements. */
async function members(page: Page) {
  const out: Record<string, { status: string; assignment: string[]; inFlight: number; acknowledged: number }> = {}
  for (const body of await page.locator('[data-testid^="groups-panel-share-workers-member-"]').all()) {
    const id = (await body.getAttribute('data-testid'))!.replace('groups-panel-share-workers-member-', '')
    out[id] = {
      status: (await body.getAttribute('data-status'))!,
      assignment: ((await body.getAttribute('data-assignment')) ?? '').split(',').filter(Boolean),
      inFlight: Number(await body.getAttribute('data-in-flight')),
      acknowledged: Number(await body.getAttribute('data-acknowledged')),
    }
  }
  return out
}

/** The share window table's value for a partition and row key (spso, speo, ACQUIRED, redelivered, ...). */
const cell = (page: Page, tp: string, key: string) => page.getByTestId(`groups-panel-share-workers-${tp}-${key}`)

async function openGroups(page: Page, lang: 'en' | 'ko'): Promise<void> {
  await page.goto('/?scenario=share-group-queue')
  if (lang === 'ko') await page.getByRole('button', { name: '한국어' }).click()
  await page.getByRole('tab', { name: lang === 'ko' ? '그룹' : 'Groups' }).click()
}

/** The panel agrees with the run's summary: SPSO, each member's acknowledgements, the redelivered and archived totals. */
async function expectPanelMatchesSummary(page: Page): Promise<ShareSummary> {
  const s = await shareSummary(page)
  for (const tp of Object.keys(s.committed)) await expect(cell(page, tp, 'spso')).toHaveText(String(s.committed[tp]))
  for (const [id, m] of Object.entries(await members(page))) expect(m.acknowledged, id).toBe(s.acknowledged[id])
  await expect(page.getByTestId('groups-panel-share-workers-redelivered')).toHaveText(String(s.redelivered))
  await expect(page.getByTestId('groups-panel-share-workers-archived')).toHaveText(String(s.archived))
  return s
}

/** The partition log's share row of a partition agrees with the groups panel's window table and its cells carry their state. */
async function expectShareRow(page: Page, tp: string): Promise<string[]> {
  const row = page.getByTestId(`share-window-${tp}-workers`)
  await expect(row).toBeVisible()
  await expect(row).toHaveAttribute('data-spso', (await cell(page, tp, 'spso').innerText()).trim())
  const speo = (await cell(page, tp, 'speo').innerText()).trim()
  const spso = Number(await row.getAttribute('data-spso'))
  await expect(row).toHaveAttribute('data-speo', speo === '-' ? String(spso - 1) : speo)
  const cells = row.locator('rect.plog-share-cell')
  const n = Number(await row.getAttribute('data-cells'))
  await expect(cells).toHaveCount(n)
  const states: string[] = []
  for (const c of await cells.all()) {
    const state = (await c.getAttribute('data-state'))!
    states.push(state)
    expect(['AVAILABLE', 'ACQUIRED', 'ACKNOWLEDGED', 'ARCHIVED']).toContain(state)
    // a record is held by a member exactly while it is ACQUIRED
    expect((await c.getAttribute('data-holder')) !== '', `${tp}@${await c.getAttribute('data-offset')}`).toBe(state === 'ACQUIRED')
  }
  // the window's ACQUIRED cells are the panel's ACQUIRED count (the window is short: every record is drawn)
  expect(n).toBeLessThanOrEqual(200)
  expect(states.filter((s) => s === 'ACQUIRED').length).toBe(await number(cell(page, tp, 'ACQUIRED')))
  return states
}

test('share-group-queue in English: members share partitions, hold records, one crashes; counts grow; the log and the console agree', async ({ page }) => {
  const errors = watchErrors(page)
  await openGroups(page, 'en')
  await runUntil(page, 30_000)
  const section = page.getByTestId('groups-panel-share-workers')
  await expect(section).toHaveAttribute('data-state', 'Stable')
  await expect(section).toContainText('share group (KIP-932)')
  await expect(section).toContainText('group.share.delivery.count.limit')
  await expect(section).toContainText('group.share.record.lock.duration.ms')
  await expect(page.getByTestId('groups-panel-share-workers-delivery-limit')).toHaveText('5')
  await expect(section).toContainText('SPSO')
  await expect(section).toContainText('SPEO')

  // four members, all up, two to each of the two partitions
  const before = await members(page)
  expect(Object.keys(before).sort()).toEqual(['workers-1', 'workers-2', 'workers-3', 'workers-4'])
  const sharing: Record<string, string[]> = {}
  for (const [id, m] of Object.entries(before)) {
    expect(m.status, id).toBe('up')
    for (const tp of m.assignment) (sharing[tp] ??= []).push(id)
  }
  expect(Object.keys(sharing).sort()).toEqual(['jobs-0', 'jobs-1'])
  for (const tp of Object.keys(sharing)) {
    expect(sharing[tp], tp).toHaveLength(2)
    for (const id of sharing[tp]) await expect(cell(page, tp, 'members')).toContainText(id)
  }
  // what the members hold in flight is what the partitions count as ACQUIRED
  const acquired = (await number(cell(page, 'jobs-0', 'ACQUIRED'))) + (await number(cell(page, 'jobs-1', 'ACQUIRED')))
  expect(Object.values(before).reduce((n, m) => n + m.inFlight, 0)).toBe(acquired)
  const first = await expectPanelMatchesSummary(page)
  for (const tp of ['jobs-0', 'jobs-1']) await expectShareRow(page, tp)

  // workers-2 crashed at 40 s: down, yet the coordinator still counts it (group.share.session.timeout.ms), and its records stay locked to it
  await runUntil(page, 50_000)
  const crashed = page.getByTestId('groups-panel-share-workers-member-workers-2')
  await expect(crashed).toHaveAttribute('data-status', 'down')
  await expect(crashed).toContainText('down')
  const heldByCrashed = Number(await crashed.getAttribute('data-in-flight'))
  expect(heldByCrashed).toBeGreaterThan(0)
  const tp2 = before['workers-2'].assignment[0]
  await expect(cell(page, tp2, 'members')).not.toContainText('workers-2')
  expect(Object.keys((await shareSummary(page)).members)).toContain('workers-2')
  await expect(page.getByTestId(`share-window-${tp2}-workers`).locator('rect.plog-share-cell[data-holder="workers-2"]')).toHaveCount(heldByCrashed)
  await expectPanelMatchesSummary(page)

  // records released and locks run out: redelivered and archived grow
  await runUntil(page, 90_000)
  const later = await expectPanelMatchesSummary(page)
  expect(later.redelivered).toBeGreaterThan(first.redelivered)
  expect(later.archived).toBeGreaterThan(first.archived)
  const states = [...(await expectShareRow(page, 'jobs-0')), ...(await expectShareRow(page, 'jobs-1'))]
  expect(states).toContain('ACQUIRED')

  // the legend explains each record state
  await page.getByTestId('partition-log-legend').locator('summary').click()
  for (const kind of ['available', 'released', 'acquired', 'acknowledged', 'archived']) await expect(page.getByTestId(`legend-share-${kind}`)).toBeVisible()
  await expect(page.getByTestId('legend-share-acquired')).toContainText('ACQUIRED')
  await expect(page.getByTestId('legend-share-window')).toContainText('SPSO')

  // the map's share group card: the members, what each holds, the crashed one down
  const mapCard = page.getByTestId('share-group-workers')
  await expect(mapCard).toContainText('share group')
  await expect(mapCard.locator('[data-node-kind="member"]')).toHaveCount(4)
  for (const [id, m] of Object.entries(await members(page))) await expect(mapCard.locator(`[data-node="${id}"]`)).toHaveAttribute('data-in-flight', String(m.inFlight))
  await expect(mapCard.locator('[data-node="workers-2"]')).toContainText('down')

  // the console: kafka-share-groups --describe (START-OFFSET = SPSO), --members, --state
  await page.getByRole('tab', { name: 'Console' }).click()
  const picker = page.getByTestId('console-command')
  await picker.selectOption('share-groups:workers')
  await expect(page.getByTestId('console-prompt')).toContainText('kafka-share-groups.sh --bootstrap-server localhost:9092 --describe --group workers')
  const output = page.getByTestId('console-output')
  await expect(output).toContainText('START-OFFSET')
  const s = await shareSummary(page)
  for (const tp of Object.keys(s.committed)) {
    const partition = tp.slice(tp.lastIndexOf('-') + 1)
    expect((await output.textContent()) ?? '').toMatch(new RegExp(`^workers\\s+jobs\\s+${partition}\\s+${s.committed[tp]}\\s*$`, 'm'))
  }
  await picker.selectOption('share-groups-members:workers')
  await expect(page.getByTestId('console-prompt')).toContainText('--members --verbose')
  await expect(output).toContainText('MEMBER-EPOCH')
  for (const id of Object.keys(s.members)) await expect(output).toContainText(id)
  await picker.selectOption('share-groups-state:workers')
  await expect(output).toContainText(s.state)
  await expect(output).toContainText('ASSIGNMENT-EPOCH')
  expect(errors).toEqual([])
})

test('share consumers are listed in the inspector and selected from the groups panel; Add consumer starts a fifth member', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=share-group-queue')
  await runUntil(page, 20_000)
  await page.getByRole('tab', { name: 'Inspector' }).click()
  const overview = page.getByTestId('inspector-overview')
  await expect(overview).toContainText('Share consumers (KIP-932)')
  for (const id of ['workers-1', 'workers-2', 'workers-3', 'workers-4']) await expect(overview.getByRole('button', { name: id, exact: true })).toBeVisible()

  await page.getByRole('tab', { name: 'Groups' }).click()
  await page.getByRole('button', { name: 'Select member workers-1' }).click()
  await expect(page.locator('#tab-inspector')).toHaveAttribute('aria-selected', 'true')
  const details = page.getByTestId('inspector-member')
  await expect(details).toHaveAttribute('data-kind', 'share')
  await expect(details).toContainText('workers-1')
  await expect(details).toContainText('ACQUIRED')
  await expect(page.getByTestId('inspector-member-workers-1-crash')).toBeEnabled()

  await page.getByRole('tab', { name: 'Groups' }).click()
  await page.getByRole('button', { name: 'Add consumer to group workers' }).click()
  await runUntil(page, 30_000)
  await expect(page.getByTestId('groups-panel-share-workers-member-workers-5')).toHaveAttribute('data-status', 'up')
  await expect(page.getByTestId('groups-panel-share-workers-member-workers-5')).toHaveAttribute('data-assignment', /^jobs-\d/)
  expect(errors).toEqual([])
})

for (const { size, lang } of [
  { size: { width: 1280, height: 720 }, lang: 'en' as const },
  { size: { width: 1024, height: 768 }, lang: 'ko' as const },
]) {
  test(`${lang} at ${size.width}×${size.height}: the share group section and the share rows read without overflow`, async ({ page }) => {
    const errors = watchErrors(page)
    await page.setViewportSize(size)
    await openGroups(page, lang)
    await runUntil(page, 50_000)
    const section = page.getByTestId('groups-panel-share-workers')
    if (lang === 'ko') {
      await expect(section).toContainText('셰어 그룹 (KIP-932)')
      await expect(section).toContainText('지금 창 안의 레코드')
      await expect(section).toContainText('그룹 에포크')
      await expect(page.getByTestId('groups-panel-share-workers-member-workers-2')).toContainText('다운')
    } else {
      await expect(section).toContainText('records in the window now')
    }
    // Kafka's names stay as Kafka writes them in both languages
    for (const word of ['SPSO', 'SPEO', 'AVAILABLE', 'ACQUIRED', 'ACKNOWLEDGED', 'ARCHIVED', 'ACCEPT', 'RELEASE', 'REJECT']) await expect(section).toContainText(word)

    // the members table fits the panel: nothing cut off on the right
    const table = section.locator('table.gp-share-members')
    const fits = await table.evaluate((el) => el.scrollWidth <= (el.parentElement as HTMLElement).clientWidth + 1)
    expect(fits).toBe(true)
    // the share rows' words stay inside their row
    for (const tp of ['jobs-0', 'jobs-1']) {
      const row = page.getByTestId(`share-window-${tp}-workers`)
      await expect(row).toBeVisible()
      const inside = await row.evaluate((g) => {
        const svg = (g as SVGGElement).ownerSVGElement!.getBoundingClientRect()
        const text = g.querySelector('text.plog-share-text')
        if (!text) return true
        const r = text.getBoundingClientRect()
        return r.left >= svg.left - 1 && r.right <= svg.right + 1
      })
      expect(inside, tp).toBe(true)
    }
    await expectNoSeriousA11yViolations(page, '.gp')

    await page.evaluate(() => document.fonts.ready)
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${SHOTS}/e2e-page-${lang}-${size.width}x${size.height}.png` })
    await section.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: `${SHOTS}/e2e-groups-${lang}-${size.width}x${size.height}.png` })
    await page.locator('section.plog').screenshot({ path: `${SHOTS}/e2e-partition-log-${lang}-${size.width}x${size.height}.png` })
    await page.getByTestId('partition-log-legend').locator('summary').click()
    if (lang === 'ko') await expect(page.getByTestId('legend-share-released')).toContainText('다시 AVAILABLE')
    await page.evaluate(() => document.fonts.ready)
    await page.locator('section.plog').screenshot({ path: `${SHOTS}/e2e-partition-log-legend-${lang}-${size.width}x${size.height}.png` })

    // the console's share-groups commands, under their own heading
    await page.getByRole('tab', { name: lang === 'ko' ? '콘솔' : 'Console' }).click()
    const group = page.getByTestId('console-command').locator('optgroup', { hasText: 'kafka-share-groups' })
    await expect(group).toHaveAttribute('label', lang === 'ko' ? 'kafka-share-groups (KIP-932): 시작 오프셋, 멤버, 상태' : 'kafka-share-groups (KIP-932): start offsets, members, state')
    await page.getByTestId('console-command').selectOption('share-groups:workers')
    await expect(page.getByTestId('console-output')).toContainText('START-OFFSET')
    expect(errors).toEqual([])
  })
}

test('a scenario without share groups shows no share window, no share legend, no share section and no share command', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/?scenario=consumer-crash-session-timeout')
  await page.getByRole('tab', { name: 'Groups' }).click()
  await runUntil(page, 15_000)
  await expect(page.getByTestId('groups-panel-billing')).toBeVisible()
  await expect(page.locator('[data-kind="share"]')).toHaveCount(0)
  await expect(page.locator('[data-testid^="share-window-"]')).toHaveCount(0)
  await expect(page.locator('[data-testid^="share-group-"]')).toHaveCount(0)
  await page.getByTestId('partition-log-legend').locator('summary').click()
  await expect(page.locator('[data-testid^="legend-share-"]')).toHaveCount(0)
  await page.getByRole('tab', { name: 'Console' }).click()
  await expect(page.getByTestId('console-command').locator('option[value^="share-groups"]')).toHaveCount(0)
  expect(errors).toEqual([])
})

async function expectNoSeriousA11yViolations(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}
