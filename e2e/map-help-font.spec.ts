// What the map says while Kafka waits and when it acts, the help dialog's list of keys, and the
// shipped Korean font, as a learner meets them in the browser:
// * leader-failover: after the crash the crashed broker's card counts down broker.session.timeout.ms
//   ("Controller fences broker N in 6.2 s"), the number falls as simulated time passes, then callouts
//   say the broker is fenced and who leads orders-0 now; in English and Korean, and with reduced
//   motion (callouts appear at once, no animation). The countdown stays inside the map's box at
//   1280×720 and 1024×768, its config line whole.
// * Help (? or the Help button) lists every key the page's and the lesson view's handlers react to
//   (read from their source, so a new key that Help does not list fails here), pauses a playing run,
//   and Esc closes it.
// * In Korean, Hangul is drawn with the shipped Noto Sans KR face (src/fonts.ts), not left to
//   whatever fonts the machine has.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { watchErrors, runUntil } from './support.ts'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** The id of the broker whose card holds the leader chip of `tp`. */
async function leaderOf(page: Page, tp: string): Promise<number> {
  const card = page.locator('[data-testid^="broker-"][data-state]').filter({ has: page.locator(`[data-tp="${tp}"][data-role="leader"]`) })
  await expect(card).toHaveCount(1)
  return Number((await card.getAttribute('data-testid'))!.replace('broker-', ''))
}

async function nowMs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __kafkascope: { nowMs(): number } }).__kafkascope.nowMs())
}

/** The seconds a countdown's text shows ("… in 6.2 s …", "… 6.2초 뒤 …"). */
async function secondsShown(countdown: Locator, pattern: RegExp): Promise<number> {
  const text = (await countdown.locator('.cmap-countdown-text').textContent()) ?? ''
  const m = pattern.exec(text)
  expect(m, `countdown text "${text}"`).not.toBeNull()
  return Number(m![1])
}

/** Runs on in half-second steps until `countdown` shows (the new active controller's wait); the time then. */
async function untilCountdown(page: Page, countdown: Locator): Promise<number> {
  for (let t = (await nowMs(page)) + 500; t <= 29_000; t += 500) {
    await runUntil(page, t)
    if ((await countdown.count()) > 0) return t
  }
  throw new Error('no fencing countdown by 29 s')
}

type Box = { x: number; y: number; width: number; height: number }

function expectInside(inner: Box | null, outer: Box | null, what: string): void {
  expect(inner, what).not.toBeNull()
  expect(outer, what).not.toBeNull()
  const i = inner!
  const o = outer!
  const slack = 0.5
  expect(i.x, `${what}: left`).toBeGreaterThanOrEqual(o.x - slack)
  expect(i.y, `${what}: top`).toBeGreaterThanOrEqual(o.y - slack)
  expect(i.x + i.width, `${what}: right`).toBeLessThanOrEqual(o.x + o.width + slack)
  expect(i.y + i.height, `${what}: bottom`).toBeLessThanOrEqual(o.y + o.height + slack)
}

/** Leader failover at 15 s, every broker heartbeating, in the language of `button` (null: English); orders-0's leader. */
async function openFailoverAt15s(page: Page, button: string | null): Promise<number> {
  await page.goto('/?scenario=leader-failover&seed=42')
  await expect(page.getByTestId('broker-1')).toHaveAttribute('data-state', 'alive')
  if (button) await page.getByRole('button', { name: button }).click()
  await runUntil(page, 15_000)
  return leaderOf(page, 'orders-0')
}

const LANGS = [
  {
    name: 'English',
    button: null as string | null,
    countdown: (b: number) => new RegExp(`^Controller fences broker ${b} in (\\d+(?:\\.\\d)?) s: no heartbeat$`),
    fenced: (b: number) => `Broker ${b} fenced`,
    newLeader: (to: number) => `orders-0: new leader ${to}, epoch 1`,
    fencedNote: 'Offline and fenced',
    electingNote: 'Offline; the controller quorum is electing a new active controller',
  },
  {
    name: 'Korean',
    button: '한국어',
    countdown: (b: number) => new RegExp(`^컨트롤러가 (\\d+(?:\\.\\d)?)초 뒤 브로커 ${b}[을를] fence: heartbeat 없음$`),
    fenced: (b: number) => `브로커 ${b} fence됨`,
    newLeader: (to: number) => `orders-0: 새 leader ${to}, epoch 1`,
    fencedNote: '오프라인, fence됨',
    electingNote: '오프라인; 컨트롤러 쿼럼이 새 활성 컨트롤러를 선출하는 중',
  },
]

for (const lang of LANGS) {
  for (const motion of ['no-preference', 'reduce'] as const) {
    test(`leader failover on the map (${lang.name}, motion ${motion}): a fencing countdown that runs down, then callouts`, async ({ browser }) => {
      const context = await browser.newContext({ reducedMotion: motion })
      const page = await context.newPage()
      const errors = watchErrors(page)
      const leader = await openFailoverAt15s(page, lang.button)
      // nothing is counted down while every broker heartbeats
      await expect(page.getByTestId('countdown-fence')).toHaveCount(0)

      // the scenario crashes the leader of orders-0 at 20 s; it was the active controller too, so the
      // quorum first elects another, and that one starts waiting out the broker's session
      await runUntil(page, 20_100)
      const card = page.getByTestId(`broker-${leader}`)
      await expect(card).toHaveAttribute('data-state', 'crashed')
      await expect(card.getByTestId('map-wait-note')).toHaveText(lang.electingNote)
      const countdown = card.getByTestId('countdown-fence')
      const start = await untilCountdown(page, countdown)
      await expect(countdown.locator('.cmap-countdown-text')).toHaveText(lang.countdown(leader))
      await expect(countdown.locator('.cmap-countdown-config')).toHaveText('broker.session.timeout.ms=9000')
      // only the crashed broker is counted down
      await expect(page.getByTestId('countdown-fence')).toHaveCount(1)
      const left1 = Number(await countdown.getAttribute('data-left-ms'))
      const shown1 = await secondsShown(countdown, lang.countdown(leader))
      expect(left1).toBeGreaterThan(0)
      expect(left1).toBeLessThanOrEqual(9000)
      expect(shown1).toBeCloseTo(left1 / 1000, 0)
      const deadline = (await nowMs(page)) + left1
      await page.getByRole('region', { name: lang.button ? '클러스터 맵' : 'Cluster map' }).screenshot({ path: `test-results/map-countdown-${lang.name}-${motion}.png` })

      // three simulated seconds later it shows three seconds less
      await runUntil(page, start + 3000)
      await expect(countdown).not.toHaveAttribute('data-left-ms', String(left1))
      const left2 = Number(await countdown.getAttribute('data-left-ms'))
      expect(left2).toBe(left1 - 3000)
      const shown2 = await secondsShown(countdown, lang.countdown(leader))
      expect(shown2).toBeLessThan(shown1)
      expect(shown2).toBeCloseTo(left2 / 1000, 0)
      // the bar fills as the wait runs out
      const bar = countdown.locator('.cmap-countdown-bar > span')
      const filled = Number.parseFloat((await bar.getAttribute('style'))!.replace(/[^\d.]/g, ''))
      expect(filled).toBeCloseTo(((9000 - left2) / 9000) * 100, -1)

      // past the deadline the controller fences it: the countdown gives way to callouts
      await runUntil(page, deadline + 1000)
      await expect(card.getByTestId('countdown-fence')).toHaveCount(0)
      const after = await leaderOf(page, 'orders-0')
      expect(after).not.toBe(leader)
      const fencedCallout = card.getByTestId(`callouts-broker-${leader}`).getByTestId('map-callout').filter({ hasText: lang.fenced(leader) })
      await expect(fencedCallout).toBeVisible()
      await expect(fencedCallout).toHaveClass(/tone-bad/)
      const electedCallout = page.getByTestId(`callouts-broker-${after}`).getByTestId('map-callout').filter({ hasText: lang.newLeader(after) })
      await expect(electedCallout).toBeVisible()
      await expect(card.getByTestId('map-wait-note')).toContainText(lang.fencedNote)
      const animation = await fencedCallout.evaluate((el) => {
        const s = getComputedStyle(el)
        return { name: s.animationName, opacity: s.opacity, running: el.getAnimations().length }
      })
      if (motion === 'reduce') {
        // no fade in: the callout is there, fully opaque, with no animation running
        expect(animation).toEqual({ name: 'none', opacity: '1', running: 0 })
      } else {
        expect(animation.name).toBe('cmap-callout-fade')
        expect(animation.running).toBe(1)
      }
      await page.getByRole('region', { name: lang.button ? '클러스터 맵' : 'Cluster map' }).screenshot({ path: `test-results/map-callouts-${lang.name}-${motion}.png` })
      // callouts go after a few seconds of wall time
      await expect(fencedCallout).toHaveCount(0, { timeout: 10_000 })
      expect(errors).toEqual([])
      await context.close()
    })
  }
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  for (const lang of LANGS) {
    test(`the fencing countdown fits inside the map at ${size.width}×${size.height} (${lang.name})`, async ({ page }) => {
      await page.setViewportSize(size)
      const errors = watchErrors(page)
      const leader = await openFailoverAt15s(page, lang.button)
      await runUntil(page, 20_100)
      const card = page.getByTestId(`broker-${leader}`)
      const countdown = card.getByTestId('countdown-fence')
      await untilCountdown(page, countdown)
      await expect(countdown).toBeVisible()
      const map = page.getByRole('region', { name: lang.button ? '클러스터 맵' : 'Cluster map' })
      await map.screenshot({ path: `test-results/map-countdown-fit-${size.width}x${size.height}-${lang.name}.png` })
      const scroller = map.locator('.cmap-scroll')
      // seen on screen without scrolling the map: inside the map's box and its scroll area's
      expectInside(await countdown.boundingBox(), await map.boundingBox(), 'countdown in the map')
      expectInside(await countdown.boundingBox(), await scroller.boundingBox(), 'countdown in the map scroll area')
      expectInside(await countdown.boundingBox(), await card.boundingBox(), 'countdown in its broker card')
      for (const part of ['.cmap-countdown-text', '.cmap-countdown-bar', '.cmap-countdown-config']) {
        const el = countdown.locator(part)
        expectInside(await el.boundingBox(), await countdown.boundingBox(), `${part} in the countdown`)
        // nothing of it cut: its content fits its own box
        const cut = await el.evaluate((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
        expect(cut, `${part} cut`).toBe(false)
      }
      await expect(countdown.locator('.cmap-countdown-config')).toHaveText('broker.session.timeout.ms=9000')
      // the map does not need scrolling sideways to show the cards
      const sideways = await scroller.evaluate((e) => e.scrollWidth - e.clientWidth)
      expect(sideways).toBeLessThanOrEqual(1)
      expect(errors).toEqual([])
    })
  }
}

/** The keys the page's shortcut handlers react to, read from their source: the names Help shows. */
function keysInSource(): string[] {
  const NAME: Record<string, string> = { ' ': 'Space', ArrowRight: '→', ArrowLeft: '←', Escape: 'Esc' }
  const keys = new Set<string>()
  for (const file of ['src/keyboard.ts', 'src/views/lessons/LessonHighlight.tsx', 'src/App.tsx']) {
    const source = readFileSync(`${repoRoot}/${file}`, 'utf8')
    for (const m of source.matchAll(/\b(?:e\.key|k)\s*[!=]==\s*'([^']+)'/g)) {
      const key = m[1]
      keys.add(NAME[key] ?? (key.length === 1 ? key.toUpperCase() : key))
    }
  }
  return [...keys].sort()
}

test('Help, from ? and from its button, lists every shortcut, pauses a playing run and closes with Esc', async ({ page }) => {
  const errors = watchErrors(page)
  const expected = keysInSource()
  // the handlers' keys as kafkascope has them: if this list changes, Help's must follow
  expect(expected).toEqual(expect.arrayContaining(['Space', '→', '←', '?', 'Esc', 'N', 'P', 'PageDown', 'PageUp']))
  await page.goto('/?scenario=leader-failover&seed=42')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  const dialog = page.getByRole('dialog', { name: 'kafkascope: keys and legend' })

  for (const how of ['key', 'button'] as const) {
    await page.getByTestId('btn-play').click()
    await expect(page.getByTestId('btn-pause')).toBeEnabled()
    await expect.poll(() => nowMs(page)).toBeGreaterThan(0)
    if (how === 'key') await page.locator('body').press('?')
    else await page.getByRole('button', { name: 'Help (?)' }).click()
    await expect(dialog).toBeVisible()
    // playback paused: the run stays where it is while Help is open
    await expect(page.getByTestId('btn-play')).toBeEnabled()
    const at = await nowMs(page)
    await page.waitForTimeout(400)
    expect(await nowMs(page)).toBe(at)

    const table = dialog.locator('table.help-keys')
    const listed = await table.locator('kbd').allTextContents()
    for (const key of expected) expect(listed, `Help lists ${key}`).toContain(key)
    // every row says what its keys do
    for (const row of await table.locator('tr').all()) await expect(row.locator('td')).not.toBeEmpty()
    await page.screenshot({ path: `test-results/help-${how}.png` })

    // keys the run would take do nothing while Help is open
    await page.keyboard.press('Space')
    await expect(page.getByTestId('btn-play')).toBeEnabled()
    expect(await nowMs(page)).toBe(at)

    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    // still paused; from the Help button focus goes to Play, so Space plays rather than reopening Help
    await expect(page.getByTestId('btn-play')).toBeEnabled()
    expect(await nowMs(page)).toBe(at)
    if (how === 'button') await expect(page.getByTestId('btn-play')).toBeFocused()
  }

  // in Korean it lists the same keys
  await page.getByRole('button', { name: '한국어' }).click()
  await page.locator('body').press('?')
  const ko = page.getByRole('dialog', { name: 'kafkascope: 단축키와 범례' })
  await expect(ko).toBeVisible()
  const listedKo = await ko.locator('table.help-keys kbd').allTextContents()
  for (const key of expected) expect(listedKo, `Help (ko) lists ${key}`).toContain(key)
  await page.keyboard.press('Escape')
  await expect(ko).toBeHidden()
  expect(errors).toEqual([])
})

test('in Korean, Hangul is drawn with the shipped Noto Sans KR face', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ko-KR' })
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  const tab = page.getByRole('tab', { name: '상세' })
  await expect(tab).toBeVisible()
  await page.evaluate(() => document.fonts.ready)
  // a Noto Sans KR face that covers Hangul is loaded, and text in it needs nothing more
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans KR' && f.status === 'loaded').map((f) => f.unicodeRange),
      ),
    )
    .not.toEqual([])
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans KR"', '가'))).toBe(true)
  // the face that is loaded is the one whose unicode-range holds the tab's Hangul
  const label = (await tab.textContent())!.trim()
  const covered = await page.evaluate((text) => {
    const hangul = [...text].filter((c) => /\p{Script=Hangul}/u.test(c)).map((c) => c.codePointAt(0)!)
    const loaded = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans KR' && f.status === 'loaded')
    const inRange = (range: string, cp: number) =>
      range.split(',').some((part) => {
        const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h.replace(/\?/g, '0'), 16))
        return cp >= lo && cp <= (hi ?? lo)
      })
    return { hangul: hangul.length, uncovered: hangul.filter((cp) => !loaded.some((f) => inRange(f.unicodeRange, cp))) }
  }, label)
  expect(covered.hangul).toBeGreaterThan(0)
  expect(covered.uncovered).toEqual([])
  // and the tab's own font stack reaches Noto Sans KR (no machine font ahead of it takes the Hangul)
  const family = await tab.evaluate((el) => getComputedStyle(el).fontFamily)
  expect(family).toContain('Noto Sans KR')
  await tab.screenshot({ path: 'test-results/korean-font-tab.png' })
  expect(errors).toEqual([])
  await context.close()
})

test('in English, the language switch draws 한국어 with the shipped face, not boxes', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  const errors = watchErrors(page)
  await page.goto('/?scenario=leader-failover&seed=42')
  const button = page.getByRole('button', { name: '한국어' })
  await expect(button).toBeVisible()
  // the word as drawn on the button is as wide as the same word set in Noto Sans KR alone
  const widths = () =>
    button.evaluate(async (el) => {
      const style = getComputedStyle(el)
      const font = `${style.fontWeight} ${style.fontSize} "Noto Sans KR"`
      await document.fonts.load(font, '한국어')
      const range = document.createRange()
      range.selectNodeContents(el)
      const ref = document.createElement('span')
      ref.textContent = el.textContent
      ref.style.cssText = `position:fixed;top:0;left:0;white-space:pre;font:${font}`
      document.body.append(ref)
      const out = { drawn: range.getBoundingClientRect().width, shipped: ref.getBoundingClientRect().width }
      ref.remove()
      return out
    })
  await expect.poll(async () => { const w = await widths(); return Math.abs(w.drawn - w.shipped) }).toBeLessThan(1)
  expect(errors).toEqual([])
  await context.close()
})
