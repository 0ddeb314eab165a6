// Watching a served cluster live: this test process runs kafkascope serve with its WebSocket for the
// app, the page attaches through ?serve=ws://…, a kafkajs producer in this process writes records
// and the map shows it as a real client with its count while the app's replica holds the records;
// the leader's broker of a partition crashed with the map's button is crashed in the served cluster
// (and recorded in its session); pausing shows the past and Back to live returns; when serve stops
// the run stays on the page. English at 1280×720 and Korean at 1024×768, with screenshots.
import { createServer } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { Kafka, logLevel } from 'kafkajs'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseScenario } from '../sim/index.ts'
import { startServe } from '../cli/serve/serve.ts'
import { startWatch } from '../cli/serve/watch.ts'
import { inBothLanguages, watchErrors } from './support.ts'

/** the cluster `kafkascope serve` runs when no scenario is given */
const scenario = parseScenario(JSON.parse(readFileSync(fileURLToPath(new URL('../cli/serve/default-cluster.json', import.meta.url)), 'utf8')))

/** The id of the broker whose card holds the leader chip of `tp`. */
async function leaderOf(page: Page, tp: string): Promise<number> {
  const card = page.locator('[data-testid^="broker-"][data-state]').filter({ has: page.locator(`[data-tp="${tp}"][data-role="leader"]`) })
  await expect(card).toHaveCount(1)
  return Number((await card.getAttribute('data-testid'))!.replace('broker-', ''))
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
  })
}

/** Records the real producers' cards say they produced. */
async function producedOnMap(page: Page): Promise<number> {
  const lines = await page.locator('.external-card.producer-card .num-line').allTextContents()
  return lines.reduce((n, line) => n + Number(/(\d+)/.exec(line)?.[1] ?? 0), 0)
}

inBothLanguages(({ lang, width, height }) => {
  test('the app follows a served cluster: real clients on the map, a crash clicked in the app crashes the served broker', async ({ page }) => {
    test.setTimeout(90_000)
    const errors = watchErrors(page)
    const served = await startServe(scenario, { port: 0 })
    const watch = await startWatch(served, { port: 0 })
    try {
      const url = `ws://127.0.0.1:${watch.port}`
      await page.goto(`/?serve=${encodeURIComponent(url)}`)
      const status = page.getByTestId('serve-status')
      await expect(status).toHaveAttribute('data-status', 'live')
      await expect(status).toContainText(lang === 'en' ? 'LIVE' : '실시간')
      await expect(status).toContainText(url)
      await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')

      const kafka = new Kafka({ clientId: 'checkout', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 30, initialRetryTime: 100 } })
      const producer = kafka.producer({ allowAutoTopicCreation: false })
      await producer.connect()
      const messages = Array.from({ length: 12 }, (_, i) => ({ key: `user-${i}`, value: `{"order":${i}}` }))
      await producer.send({ topic: 'orders', acks: -1, messages })

      // the real client on the map, labelled as one, with what it produced
      const card = page.locator('.external-card.producer-card').first()
      await expect(card).toContainText('checkout · ext-')
      await expect(card).toContainText(lang === 'en' ? 'real client' : '실제 클라이언트')
      await expect.poll(() => producedOnMap(page)).toBe(12)
      // the records are in the app's replica of the served run: every partition's high watermark
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __kafkascope: { summary(): { partitions: { topic: string; highWatermark: number }[] } } }).__kafkascope.summary().partitions.filter((p) => p.topic === 'orders').reduce((n, p) => n + p.highWatermark, 0)))
        .toBe(12)
      await page.screenshot({ path: `test-results/serve-live-${lang}-${width}x${height}.png` })
      // the status line and the real clients' cards: no serious or critical accessibility findings
      const axe = await new AxeBuilder({ page }).include('[data-testid="serve-status"]').include('.cmap').analyze()
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

      // a kafkajs consumer of group billing: the group's member on the map, with its partitions and what it read
      const consumerKafka = new Kafka({ clientId: 'billing-app', brokers: [`127.0.0.1:${served.ports[1]}`], logLevel: logLevel.NOTHING, retry: { retries: 30, initialRetryTime: 100 } })
      const consumer = consumerKafka.consumer({ groupId: 'billing', sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 500 })
      let read = 0
      await consumer.connect()
      await consumer.subscribe({ topic: 'orders', fromBeginning: true })
      await consumer.run({ eachMessage: async () => void read++ })
      await expect.poll(() => read, { timeout: 30_000 }).toBe(12)
      const group = page.getByTestId('external-group-billing')
      await expect(group).toHaveAttribute('data-state', 'Stable')
      await expect(group).toContainText(lang === 'en' ? 'real consumers' : '실제 컨슈머')
      const member = group.locator('[data-testid^="external-member-"]')
      await expect(member).toHaveCount(1)
      await expect(member).toContainText('billing-app · ext-')
      await expect(member).toContainText('orders 0-2')
      await expect(member).toContainText(/billing-app-[0-9a-f-]{36}/)
      await expect.poll(async () => Number(/(\d+)\s*$/.exec((await member.locator('.num-line').textContent()) ?? '')?.[1] ?? 0)).toBe(12)
      await page.screenshot({ path: `test-results/serve-live-group-${lang}-${width}x${height}.png` })

      // crash the leader of orders-0 with the map's button: serve crashes it
      const leader = await leaderOf(page, 'orders-0')
      await page.getByTestId(`broker-${leader}-crash`).click()
      await expect.poll(() => served.sim.world.nodes[String(leader)].up).toBe(false)
      expect(served.session().interventions.some((a) => a.action === 'crashBroker' && a.broker === leader)).toBe(true)
      await expect(page.getByTestId(`broker-${leader}`)).toHaveAttribute('data-state', 'crashed')
      // the served cluster elects another leader, and the producer goes on
      await expect.poll(() => leaderOf(page, 'orders-0'), { timeout: 30_000 }).not.toBe(leader)
      await producer.send({ topic: 'orders', acks: -1, messages: [{ key: 'after', value: 'crash' }] })
      await producer.disconnect()
      await expect.poll(() => producedOnMap(page)).toBe(13)
      await expect.poll(() => read, { timeout: 30_000 }).toBe(13)
      await consumer.disconnect()
      await page.screenshot({ path: `test-results/serve-live-crashed-${lang}-${width}x${height}.png` })

      // pause: the served run's past; a fault is not sent from there; Back to live follows again
      await page.getByTestId('btn-pause').click()
      await expect(status).toHaveAttribute('data-status', 'past')
      await page.waitForTimeout(300)
      await page.getByTestId(`broker-${leader}-restart`).click()
      await expect(page.getByRole('alert').last()).toContainText(lang === 'en' ? 'Back to live' : '실시간으로')
      expect(served.sim.world.nodes[String(leader)].up).toBe(false)
      await page.screenshot({ path: `test-results/serve-past-${lang}-${width}x${height}.png` })
      await page.getByTestId('serve-back-to-live').focus()
      await page.keyboard.press('Enter')
      await expect(status).toHaveAttribute('data-status', 'live')

      // every bar and card fits the screen
      for (const box of [await status.boundingBox(), await card.boundingBox()]) {
        expect(box).not.toBeNull()
        expect(box!.x + box!.width).toBeLessThanOrEqual(width)
      }

      // serve stops: the run stays, said so
      await watch.close()
      await served.close()
      await expect(status).toHaveAttribute('data-status', 'closed')
      await expect(page.getByTestId(`broker-${leader}`)).toHaveAttribute('data-state', 'crashed')
      await expect(status).toContainText(lang === 'en' ? 'stopped' : '멈췄습니다')
      expect(new URL(page.url()).searchParams.has('serve')).toBe(false)
      await page.screenshot({ path: `test-results/serve-closed-${lang}-${width}x${height}.png` })
      expect(errors).toEqual([])
    } finally {
      await watch.close()
      await served.close()
    }
  })

  test('Connect to a local serve from the scenario menu; a serve that does not answer gives one alert and the run stays', async ({ page }) => {
    void height
    const errors = watchErrors(page)
    await page.goto('/?scenario=leader-failover&seed=7')
    await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')
    await page.getByTestId('scenario-select').selectOption('__serve__')
    const form = page.getByTestId('serve-form')
    await expect(form).toBeVisible()
    const formBox = (await form.boundingBox())!
    expect(formBox.x + formBox.width).toBeLessThanOrEqual(width)
    await page.screenshot({ path: `test-results/serve-form-${lang}-${width}x${height}.png` })
    await expect(page.getByTestId('serve-url')).toBeFocused()
    await expect(page.getByTestId('serve-url')).toHaveValue('ws://127.0.0.1:9091')
    // nothing listens on that port
    const closedPort = await freePort()
    await page.getByTestId('serve-url').fill(`ws://127.0.0.1:${closedPort}`)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('alert')).toHaveCount(1)
    await expect(page.getByRole('alert')).toContainText(lang === 'en' ? 'Could not connect to kafkascope serve' : '연결하지 못했습니다')
    await expect(page.getByTestId('serve-status')).toHaveCount(0)
    await expect(page.getByTestId('scenario-select')).toHaveValue('leader-failover')
    await expect(page.getByTestId('broker-1')).toBeVisible()
    expect(new URL(page.url()).searchParams.has('serve')).toBe(false)

    // a bad address: one alert, nothing changes
    await page.getByTestId('scenario-select').selectOption('__serve__')
    await page.getByTestId('serve-url').fill('http://example.com')
    await page.getByTestId('serve-connect').click()
    await expect(page.getByRole('alert')).toHaveCount(2)
    await expect(page.getByRole('alert').last()).toContainText('http://example.com')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('serve-form')).toHaveCount(0)

    // it connects when serve runs
    const served = await startServe(scenario, { port: 0 })
    const watch = await startWatch(served, { port: 0 })
    try {
      await page.getByTestId('scenario-select').selectOption('__serve__')
      await page.getByTestId('serve-url').fill(`ws://127.0.0.1:${watch.port}`)
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('serve-status')).toHaveAttribute('data-status', 'live')
      expect(new URL(page.url()).searchParams.get('serve')).toBe(`ws://127.0.0.1:${watch.port}`)
      await expect(page.getByTestId('scenario-select')).toHaveValue('')
      // Disconnect: serve goes on, the run stays
      await page.getByTestId('serve-disconnect').click()
      await expect(page.getByTestId('serve-status')).toHaveAttribute('data-status', 'closed')
      await expect.poll(() => watch.connections()).toBe(0)
      await expect(page.getByTestId('broker-1')).toBeVisible()
      // (Chromium itself logs the failed connection; nothing else may be logged)
      expect(errors.filter((e) => !e.startsWith(`WebSocket connection to 'ws://127.0.0.1:${closedPort}/' failed`))).toEqual([])
    } finally {
      await watch.close()
      await served.close()
    }
  })
})
