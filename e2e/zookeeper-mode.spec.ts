// The legacy ZooKeeper mode (Kafka 3.x, removed in 4.0) as a learner meets it in zookeeper-failover:
// the ensemble zk-1..zk-3 above the brokers with the legacy label, one broker the controller through
// /controller (epoch 1); the controller crashes at 20 s and nothing happens while its card counts
// down to ZooKeeper expiring its session (zookeeper.session.timeout.ms=18000), /controller still
// naming it; then another broker is the controller with epoch 2, as the znodes in the inspector say.
// Then ZooKeeper servers are crashed from the inspector: one goes down and the ensemble keeps its
// quorum; a second and the last one is left looking for a quorum; a restart brings the quorum back.
// English at 1280×720, Korean at 1024×768, with screenshots.
import { expect, test, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { inBothLanguages, runUntil, watchErrors } from './support.ts'

const TEXT = {
  en: {
    legacy: 'ZooKeeper mode — legacy: Kafka 3.x, removed in 4.0',
    epoch: (n: number) => `controller · /controller, epoch ${n}`,
    waiting: 'ZooKeeper expires its session in',
    stale: 'still in /controller',
    expired: (b: number) => `its session expired and /brokers/ids/${b} is gone`,
    summary: (b: number, e: number) => `/controller names broker ${b}; controller epoch ${e}`,
    quorum: 'quorum',
    noQuorum: 'no quorum',
    roles: { leader: 'leader', follower: 'follower', looking: 'looking for a quorum', down: 'down' },
  },
  ko: {
    legacy: 'ZooKeeper 모드 — 레거시: Kafka 3.x, 4.0에서 제거',
    epoch: (n: number) => `컨트롤러 · /controller, 에포크 ${n}`,
    waiting: 'ZooKeeper 세션 만료까지 아무 일 없음',
    stale: '/controller에 남음',
    expired: (b: number) => `세션 만료로 /brokers/ids/${b} 삭제됨`,
    summary: (b: number, e: number) => `/controller: 브로커 ${b}, 컨트롤러 에포크 ${e}`,
    quorum: '쿼럼 있음',
    noQuorum: '쿼럼 없음',
    roles: { leader: 'leader', follower: 'follower', looking: 'looking (쿼럼 찾는 중)', down: '다운' },
  },
}

/** The id of the broker whose card carries the controller badge (exactly one must). */
async function controllerBroker(page: Page): Promise<number> {
  const cards = page.locator('.broker-card').filter({ has: page.locator('.badge-controller') })
  await expect(cards).toHaveCount(1)
  return Number(await cards.getAttribute('data-node'))
}

/** No serious or critical accessibility violations (axe-core) in the map and the inspector. */
async function accessible(page: Page, moment: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include('.cmap').include('.inspector').analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), moment).toEqual([])
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const [scrollW, clientW] = await page.locator('.cmap-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth])
  expect(scrollW).toBeLessThanOrEqual(clientW + 1)
}

inBothLanguages(({ lang, width, height }) => {
  const T = TEXT[lang]
  const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/zookeeper-${name}-${lang}-${width}x${height}.png` })

  test('the ensemble, the controller through /controller, the wait for a session to expire, the next controller, and ZooKeeper servers crashed from the inspector', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('/?scenario=zookeeper-failover&seed=42')
    await runUntil(page, 15_000)

    // the ensemble above the brokers, labelled as the legacy mode, on screen without scrolling
    const ensemble = page.getByTestId('zk-ensemble')
    await expect(ensemble).toBeInViewport()
    await expect(page.getByTestId('zk-legacy-label')).toHaveText(T.legacy)
    await expect(page.getByTestId('zk-legacy-label')).toBeInViewport()
    await expect(ensemble).toHaveAttribute('data-quorum', 'true')
    await expect(page.getByTestId('zk-quorum')).toHaveText(`✓ ${T.quorum}`)
    for (const id of ['zk-1', 'zk-2', 'zk-3']) await expect(page.getByTestId(`zk-server-${id}`)).toBeInViewport()
    // FastLeaderElection picks the highest server id when all have the same zxid
    await expect(page.getByTestId('zk-server-zk-3')).toHaveAttribute('data-role', 'leader')
    await expect(page.getByTestId('zk-server-zk-3')).toContainText(T.roles.leader)
    await expect(page.getByTestId('zk-server-zk-1')).toHaveAttribute('data-role', 'follower')
    await expect(page.getByTestId('zk-server-zk-1')).toContainText(T.roles.follower)

    // before 20 s: one broker is the controller, elected through /controller, epoch 1
    const first = await controllerBroker(page)
    await expect(page.getByTestId(`broker-${first}-controller`)).toHaveText(`♛ ${T.epoch(1)}`)
    await expect(page.getByTestId('inspector-zk-summary')).toContainText(T.summary(first, 1))
    await noHorizontalScroll(page)
    await shot(page, 'before')

    // after the crash: nothing happens; its card counts down to the session's expiry, /controller still names it
    await runUntil(page, 25_000)
    const crashed = page.getByTestId(`broker-${first}`)
    await expect(crashed).toHaveAttribute('data-state', 'crashed')
    await expect(page.locator('.badge-controller')).toHaveCount(0)
    await expect(page.getByTestId(`broker-${first}-stale-controller`)).toHaveText(T.stale)
    const countdown = crashed.getByTestId('countdown-zkSession')
    await expect(countdown).toHaveCount(1)
    await expect(countdown).toContainText(T.waiting)
    await expect(countdown.locator('.cmap-countdown-config')).toHaveText('zookeeper.session.timeout.ms=18000')
    // all of it on screen without scrolling the map: text, bar and config inside the map's scroll area
    const area = await page.locator('.cmap-scroll').boundingBox()
    const box = await countdown.boundingBox()
    expect(box!.y).toBeGreaterThanOrEqual(area!.y)
    expect(box!.y + box!.height).toBeLessThanOrEqual(area!.y + area!.height)
    expect(box!.x + box!.width).toBeLessThanOrEqual(area!.x + area!.width)
    const leftAt25 = Number(await countdown.getAttribute('data-left-ms'))
    expect(leftAt25).toBeGreaterThan(0)
    expect(leftAt25).toBeLessThan(18_000)
    // only the silent broker is counted down
    await expect(page.getByTestId('countdown-zkSession')).toHaveCount(1)
    await noHorizontalScroll(page)
    await accessible(page, 'waiting for the session to expire')
    await shot(page, 'waiting')
    await runUntil(page, 29_000)
    expect(Number(await countdown.getAttribute('data-left-ms'))).toBe(leftAt25 - 4000)

    // the session expired: another broker created /controller, with epoch 2
    await runUntil(page, 36_000)
    const next = await controllerBroker(page)
    expect(next).not.toBe(first)
    await expect(page.getByTestId(`broker-${next}-controller`)).toHaveText(`♛ ${T.epoch(2)}`)
    await expect(page.getByTestId('countdown-zkSession')).toHaveCount(0)
    await expect(page.getByTestId(`broker-${first}-stale-controller`)).toHaveCount(0)
    await expect(crashed.getByTestId('map-wait-note')).toContainText(T.expired(first))
    await expect(page.getByTestId('inspector-zk-summary')).toContainText(T.summary(next, 2))
    await shot(page, 'next-controller')

    // the znodes as Kafka writes them: /controller and /controller_epoch moved on, the crashed broker's ephemeral znode is gone
    await page.getByTestId('zk-server-zk-2').click()
    const server = page.getByTestId('inspector-zookeeper')
    await expect(server).toHaveAttribute('data-id', 'zk-2')
    await expect(page.getByTestId('inspector-zk-role')).toHaveText(T.roles.follower)
    const znodes = page.getByTestId('inspector-znodes')
    await expect(znodes.locator('li[data-path="/controller"]')).toContainText(`{"brokerid":${next}}`)
    await expect(znodes.locator('li[data-path="/controller_epoch"] .insp-znode-data')).toHaveText('2')
    await expect(znodes.locator(`li[data-path="/brokers/ids/${first}"]`)).toHaveCount(0)
    const owner = await znodes.locator(`li[data-path="/brokers/ids/${next}"]`).getAttribute('data-ephemeral-owner')
    expect(owner).toMatch(/^0x[0-9a-f]+$/)
    await expect(page.getByTestId('inspector-zk-sessions').locator(`tr[data-session="${owner}"]`)).toHaveAttribute('data-broker', String(next))
    await expect(page.getByTestId('inspector-zk-sessions').locator(`tr[data-broker="${first}"]`)).toHaveCount(0)
    // user topics first; __consumer_offsets' 50 state znodes folded until opened
    await expect(znodes.locator('li').last()).toHaveAttribute('data-path', '/brokers/topics/orders/partitions/2/state')
    const offsets = page.getByTestId('inspector-znodes-__consumer_offsets')
    await expect(offsets.locator('summary')).toContainText('50')
    await expect(offsets.locator('li[data-path="/brokers/topics/__consumer_offsets/partitions/0/state"]')).toBeHidden()

    // crash a ZooKeeper server from the inspector: it goes down, two of three still make a quorum
    await page.getByTestId('inspector-zk-zk-2-crash').click()
    await expect(page.getByTestId('zk-server-zk-2')).toHaveAttribute('data-role', 'down')
    await expect(page.getByTestId('zk-server-zk-2')).toContainText(T.roles.down)
    await expect(server).toHaveAttribute('data-role', 'down')
    await expect(page.getByTestId('inspector-zk-zk-2-restart')).toBeEnabled()
    await expect(ensemble).toHaveAttribute('data-quorum', 'true')
    await shot(page, 'zk-2-down')

    // a second one: the last server is left looking for a quorum, and ZooKeeper serves nothing
    await page.getByTestId('zk-server-zk-1').click()
    await page.getByTestId('inspector-zk-zk-1-crash').click()
    await runUntil(page, 40_000)
    await expect(ensemble).toHaveAttribute('data-quorum', 'false')
    await expect(page.getByTestId('zk-quorum')).toContainText(T.noQuorum)
    await expect(page.getByTestId('zk-server-zk-3')).toHaveAttribute('data-role', 'looking')
    await expect(page.getByTestId('zk-server-zk-3')).toContainText(T.roles.looking)
    await expect(page.getByTestId('inspector-zk-no-expiry')).toBeVisible()
    await noHorizontalScroll(page)
    await accessible(page, 'no quorum, a ZooKeeper server in the inspector')
    await shot(page, 'no-quorum')

    // restarted, zk-2 and zk-3 make a majority again
    await page.getByTestId('zk-server-zk-2').click()
    await page.getByTestId('inspector-zk-zk-2-restart').click()
    await runUntil(page, 44_000)
    await expect(ensemble).toHaveAttribute('data-quorum', 'true')
    await expect(page.getByTestId('zk-server-zk-2')).not.toHaveAttribute('data-role', 'down')
    await expect(page.getByTestId('zk-server-zk-1')).toHaveAttribute('data-role', 'down')
    expect(errors).toEqual([])
  })
})
