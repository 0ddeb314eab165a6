// Guided lessons as a learner uses them: open each lesson from the Lessons tab, answer its
// questions, go through every step with Next; the run pauses exactly at each key moment, the step
// points at something that is on screen, Previous rebuilds the same state, progress survives a
// reload, and presenter mode moves through the steps with PageDown / PageUp.

import { readdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { watchErrors } from './support.ts'
import type { Lesson, LessonStep } from '../src/lessons/types.ts'

/** Where a step is followed: the Lessons tab, or the caption over the map when the step opened another tab. */
function viewOf(step: LessonStep): 'lesson' | 'caption' {
  return (step.tab && step.tab !== 'lessons') || step.select ? 'caption' : 'lesson'
}

const CONTENT = new URL('../src/lessons/content/', import.meta.url)

async function loadLessons(): Promise<Lesson[]> {
  const files = readdirSync(CONTENT).filter((f) => /^\d\d-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
  const mods = await Promise.all(files.map((f) => import(new URL(f, CONTENT).href) as Promise<{ lesson: Lesson }>))
  return mods.map((m) => m.lesson).sort((a, b) => a.number - b.number)
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('lessons-test-started')) {
      sessionStorage.setItem('lessons-test-started', '1')
      localStorage.setItem('kafkascope.locale', 'en')
      localStorage.removeItem('kafkascope.lessons.progress')
    }
  })
})

async function openLessonsTab(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await page.getByRole('tab', { name: /Lessons|레슨/ }).click()
}

async function simMs(page: Page): Promise<number> {
  return Number(await page.getByTestId('sim-time').getAttribute('data-ms'))
}

/** The leader of the first partition on screen, to compare states. */
async function firstLeader(page: Page): Promise<string | null> {
  const row = page.locator('[data-testid^="partition-"][data-leader]').first()
  return (await row.count()) ? row.getAttribute('data-leader') : null
}

/** Do what a learner does on a step: answer its question, watch to its key moment. Returns the state there. */
async function doStep(page: Page, lesson: Lesson, i: number): Promise<{ ms: number; leader: string | null }> {
  const step: LessonStep = lesson.steps[i]
  // a step that opens another side tab is followed in the caption over the map
  const where = viewOf(step)
  await expect(page.getByTestId(where === 'caption' ? 'lesson-caption' : 'lesson-step')).toHaveAttribute('data-step', String(i + 1))
  await expect(page.getByTestId(`${where}-count`)).toHaveText(`Step ${i + 1} of ${lesson.steps.length}`)
  if (step.question) {
    const q = page.getByTestId(`${where}-question`)
    await q.getByRole('radio').nth(step.question.answer).check()
    await page.getByTestId(`${where}-check`).click()
  }
  if (step.playUntilMs !== undefined) {
    await page.getByTestId('speed').fill('3') // 1000×: the run is the same at any speed
    await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(step.playUntilMs), { timeout: 30_000 })
    await expect(page.getByTestId('btn-play')).toBeEnabled()
    await expect(page.getByTestId(`${where}-status`)).toContainText('Paused at the key moment')
    if (step.question) await expect(page.getByTestId(`${where}-explain`)).toContainText('✓ Right.')
  }
  if (step.target) {
    await expect(page.locator(`[data-testid="${step.target}"]`).first()).toBeAttached()
    await expect(page.getByTestId('lesson-ring')).toHaveAttribute('data-target', step.target)
  }
  return { ms: await simMs(page), leader: await firstLeader(page) }
}

/** No serious or critical axe-core findings in the lesson panel and the caption. */
async function expectNoSeriousA11y(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include('.lesson-panel').include('.lesson-caption-bar').analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([])
}

test('the console API lists the lessons in order, in both languages', async ({ page }) => {
  const errors = watchErrors(page)
  await openLessonsTab(page)
  const listed = await page.evaluate(() => (window as unknown as { __kafkascope: { lessons(): { id: string; title: { en: string; ko: string } }[] } }).__kafkascope.lessons())
  const lessons = await loadLessons()
  expect(listed.map((l) => l.id)).toEqual(lessons.map((l) => l.id))
  for (const l of listed) expect(l.title.ko.length).toBeGreaterThan(0)
  await expect(page.locator('[data-testid^="lesson-open-"]')).toHaveCount(lessons.length)
  expect(errors).toEqual([])
})

test('the lessons load on demand: not with the first view or a console listing, once the Lessons tab opens', async ({ page }) => {
  const errors = watchErrors(page)
  const lessons = await loadLessons()
  // a piece of the first lesson's text, as the lessons' chunk carries it
  const needle = lessons[0].summary.en.slice(0, 30)
  const scripts: { url: string; body: Promise<string> }[] = []
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push({ url: r.url(), body: r.text().catch(() => '') })
  })
  const withLessons = async () => {
    const bodies = await Promise.all(scripts.map(async (s) => ({ url: s.url, body: await s.body })))
    return bodies.filter((b) => b.body.includes(needle)).map((b) => b.url)
  }
  await page.goto('/')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(scripts.length).toBeGreaterThan(0)
  expect(await withLessons(), 'the first view loads no lesson content').toEqual([])
  await page.getByRole('tab', { name: /Lessons|레슨/ }).click()
  await expect(page.locator('[data-testid^="lesson-open-"]')).toHaveCount(lessons.length)
  expect((await withLessons()).length, 'the Lessons tab loaded the lessons').toBeGreaterThan(0)

  // a fresh page: the console API lists the lessons at once, without loading their steps
  scripts.length = 0
  await page.reload()
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(await withLessons()).toEqual([])
  const listed = await page.evaluate(() => {
    const list = (window as unknown as { __kafkascope: { lessons(): { id: string }[] } }).__kafkascope.lessons()
    return Array.isArray(list) ? list.map((l) => l.id) : 'not a list'
  })
  expect(listed).toEqual(lessons.map((l) => l.id))
  expect(await withLessons(), 'listing the lessons loads no lesson content').toEqual([])
  expect(errors).toEqual([])
})

const lessonFiles = readdirSync(CONTENT).filter((f) => /^\d\d-.*\.ts$/.test(f) && !f.endsWith('.test.ts')).sort()

for (const file of lessonFiles) {
  test(`lesson ${file}: every step, key moments, Previous, progress`, async ({ page }) => {
    test.setTimeout(120_000)
    const errors = watchErrors(page)
    const lesson = (await loadLessons()).find((l) => file.startsWith(String(l.number).padStart(2, '0')))!
    await openLessonsTab(page)
    await page.getByTestId(`lesson-open-${lesson.id}`).click()
    const states: { ms: number; leader: string | null }[] = []
    for (let i = 0; i < lesson.steps.length; i++) {
      states.push(await doStep(page, lesson, i))
      if (i < lesson.steps.length - 1) await page.getByTestId(`${viewOf(lesson.steps[i])}-next`).click()
    }
    // the last step ends with things to try in the app (in the caption when the step opened another tab)
    const tryThis = page.getByTestId(`${viewOf(lesson.steps[lesson.steps.length - 1])}-try-this`)
    await expect(tryThis).toContainText('Try this')
    await expect(tryThis.getByRole('listitem')).toHaveCount(lesson.tryThis.length)
    // Previous rebuilds the step before, exactly as it was when we came forwards.
    if (lesson.steps.length > 1) {
      const k = lesson.steps.length - 2
      const last = lesson.steps[k + 1]
      await page.getByTestId(`${viewOf(last)}-prev`).click()
      const again = await doStep(page, lesson, k)
      expect(again).toEqual(states[k])
    }
    // Reaching the last step finished the lesson; that survives a reload.
    await page.reload()
    await page.getByRole('tab', { name: /Lessons|레슨/ }).click()
    await expect(page.getByTestId(`lesson-open-${lesson.id}`)).toHaveAttribute('data-done', 'true')
    expect(errors).toEqual([])
  })
}

test('a wrong answer shows why that choice is wrong, why each other one is right or wrong, the explanation, and the lesson ends with things to try', async ({ page }) => {
  test.setTimeout(90_000)
  const errors = watchErrors(page)
  const lesson = (await loadLessons()).find((l) => l.id === 'rebalancing')!
  const lastIndex = lesson.steps.length - 1
  const step = lesson.steps[lastIndex]
  const q = step.question!
  expect(viewOf(step)).toBe('lesson')
  const wrong = q.answer === 0 ? 1 : 0
  await openLessonsTab(page)
  await page.getByTestId('lesson-open-rebalancing').click()
  for (let i = 0; i < lastIndex; i++) await page.getByTestId(`${viewOf(lesson.steps[i])}-next`).click()
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(lastIndex + 1))
  // the last step lists things to try in the app, under "Try this"
  const tryThis = page.getByTestId('lesson-try-this')
  await expect(tryThis).toContainText('Try this')
  await expect(tryThis.getByRole('listitem')).toHaveCount(lesson.tryThis.length)
  await expect(tryThis.getByRole('listitem').first()).toHaveText(lesson.tryThis[0].en)
  // before answering, no reason is on screen: the choices alone do not give the answer away
  await expect(page.locator('[data-testid^="lesson-why-"]')).toHaveCount(0)
  await page.getByTestId('lesson-question').getByRole('radio').nth(wrong).check()
  await page.getByTestId('lesson-check').click()
  await page.getByTestId('speed').fill('3')
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(step.playUntilMs), { timeout: 30_000 })
  // the chosen choice's reason, marked ✗, then the explanation
  const explain = page.getByTestId('lesson-explain')
  await expect(explain).toContainText('✗ Not quite.')
  await expect(page.getByTestId(`lesson-why-${wrong}`)).toContainText(q.why[wrong].en)
  await expect(explain).toContainText(q.explain.en)
  const text = (await explain.innerText()).replace(/\s+/g, ' ')
  expect(text.indexOf(q.why[wrong].en)).toBeLessThan(text.indexOf(q.explain.en))
  // every other choice carries its own reason: ✓ for the right one, ✗ for the others
  for (let i = 0; i < q.choices.length; i++) {
    await expect(page.getByTestId(`lesson-why-${i}`)).toBeVisible()
    await expect(page.getByTestId(`lesson-why-${i}`)).toContainText(q.why[i].en)
    if (i !== wrong) await expect(page.getByTestId(`lesson-why-${i}`)).toContainText(i === q.answer ? '✓' : '✗')
  }
  // at 1280×720 the reasons, the explanation and the list fit in the panel without covering the buttons
  await expect(page.getByTestId('lesson-finish')).toBeVisible()
  await page.screenshot({ path: 'test-results/lessons-why-en.png' })
  // in Korean: the heading and the reasons follow the language
  await page.getByRole('button', { name: '한국어' }).click()
  await expect(tryThis).toContainText('직접 해 보기')
  await expect(tryThis.getByRole('listitem').first()).toHaveText(lesson.tryThis[0].ko)
  await expect(page.getByTestId(`lesson-why-${q.answer}`)).toContainText(q.why[q.answer].ko)
  await expect(explain).toContainText('✗ 아쉽네요.')
  await page.screenshot({ path: 'test-results/lessons-why-ko.png' })
  await expectNoSeriousA11y(page, 'reasons and try this')
  expect(errors).toEqual([])
})

test('a half-done lesson resumes at its step after a reload; free play and back', async ({ page }) => {
  const errors = watchErrors(page)
  const lesson = (await loadLessons()).find((l) => l.id === 'leader-failover')!
  await openLessonsTab(page)
  await page.getByTestId('lesson-open-leader-failover').click()
  await doStep(page, lesson, 0)
  await page.getByTestId('lesson-next').click()
  const atStep2 = await doStep(page, lesson, 1)
  await page.getByTestId('lesson-next').click()
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '3')
  // free play: the learner crashes a broker; back to the lesson rebuilds step 3
  await page.getByTestId('lesson-free').click()
  await page.getByTestId('broker-2-crash').click()
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'crashed')
  await page.getByTestId('lesson-back').click()
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-state', 'alive')
  expect(await simMs(page)).toBe(atStep2.ms)
  await page.reload()
  await page.getByRole('tab', { name: /Lessons|레슨/ }).click()
  await expect(page.getByTestId('lesson-open-leader-failover')).toContainText('step 3/6')
  await page.getByTestId('lesson-open-leader-failover').click()
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '3')
  expect(errors).toEqual([])
})

test('screenshots in English and Korean; presenter mode moves with PageDown / PageUp', async ({ page }) => {
  const errors = watchErrors(page)
  const lesson = (await loadLessons()).find((l) => l.id === 'leader-failover')!
  await openLessonsTab(page)
  await page.getByTestId('lesson-open-leader-failover').click()
  await page.getByTestId('lesson-next').click()
  await page.getByTestId('lesson-next').click()
  await doStep(page, lesson, 2)
  await page.screenshot({ path: 'test-results/lessons-en.png' })
  await expectNoSeriousA11y(page, 'English')
  await page.getByRole('button', { name: '한국어' }).click()
  await expect(page.getByTestId('lesson-count')).toHaveText('3 / 6단계')
  await expect(page.getByTestId('lesson-status')).toContainText('중요한 순간에서 멈춤')
  await page.screenshot({ path: 'test-results/lessons-ko.png' })
  await expectNoSeriousA11y(page, 'Korean')
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('button', { name: 'Presenter' }).click()
  const caption = page.getByTestId('lesson-caption')
  await expect(caption).toHaveAttribute('data-step', '3')
  await page.locator('body').press('PageDown')
  await expect(caption).toHaveAttribute('data-step', '4')
  await page.screenshot({ path: 'test-results/lessons-presenter.png' })
  await expectNoSeriousA11y(page, 'presenter')
  await page.locator('body').press('PageUp')
  await expect(caption).toHaveAttribute('data-step', '3')
  await page.locator('body').press('n')
  await expect(caption).toHaveAttribute('data-step', '4')
  await page.locator('body').press('Escape')
  await expect(caption).toHaveCount(0)
  await page.getByRole('tab', { name: 'Lessons' }).click()
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '4')
  expect(errors).toEqual([])
})
