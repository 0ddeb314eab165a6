// Lessons 8–17 as a learner follows them in the browser: each key moment shows on screen what the
// step says — NOT_ENOUGH_REPLICAS territory (the ISR is the leader alone), Leader: none next to an
// unclean election and the checker's lost writes, the coordinator moving back, leaders balanced
// again, retention's deleted segments and OFFSET_OUT_OF_RANGE, the log cleaner's passes and a
// tombstone's end, a reset by time and kafka-get-offsets — in English and Korean, with no console
// errors.

import { expect, test, type Page } from '@playwright/test'
import { watchErrors } from './support.ts'
import type { Lesson, LessonStep } from '../src/lessons/types.ts'
import { lesson as isrAcks } from '../src/lessons/content/08-isr-acks.ts'
import { lesson as unclean } from '../src/lessons/content/09-unclean-election.ts'
import { lesson as coordinator } from '../src/lessons/content/11-group-coordinator.ts'
import { lesson as scaling } from '../src/lessons/content/12-scaling-out.ts'
import { lesson as batching } from '../src/lessons/content/13-batching.ts'
import { lesson as retention } from '../src/lessons/content/14-retention-and-segments.ts'
import { lesson as compaction } from '../src/lessons/content/15-compaction.ts'
import { lesson as replay } from '../src/lessons/content/17-time-and-replay.ts'

type Locale = 'en' | 'ko'

/** Where a step is followed: the Lessons tab, or the caption over the map when it opened another tab. */
function viewOf(step: LessonStep): 'lesson' | 'caption' {
  return (step.tab && step.tab !== 'lessons') || step.select ? 'caption' : 'lesson'
}

async function openLesson(page: Page, lesson: Lesson, locale: Locale): Promise<void> {
  await page.addInitScript((l) => {
    localStorage.setItem('kafkascope.locale', l)
    localStorage.removeItem('kafkascope.lessons.progress')
  }, locale)
  await page.goto('/')
  await expect(page.getByTestId('sim-time')).toBeVisible()
  await page.getByRole('tab', { name: /Lessons|레슨/ }).click()
  await page.getByTestId(`lesson-open-${lesson.id}`).click()
}

/** Follow step i as a learner: answer its question rightly, watch to its key moment. */
async function doStep(page: Page, lesson: Lesson, i: number): Promise<void> {
  const step = lesson.steps[i]
  const where = viewOf(step)
  await expect(page.getByTestId(where === 'caption' ? 'lesson-caption' : 'lesson-step')).toHaveAttribute('data-step', String(i + 1))
  if (step.question) {
    await page.getByTestId(`${where}-question`).getByRole('radio').nth(step.question.answer).check()
    await page.getByTestId(`${where}-check`).click()
  }
  if (step.playUntilMs !== undefined) {
    await page.getByTestId('speed').fill('3')
    await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(step.playUntilMs), { timeout: 45_000 })
  }
}

/** Do steps first..last in turn, leaving the lesson on step `last`. */
async function goTo(page: Page, lesson: Lesson, last: number, first = 0): Promise<void> {
  for (let i = first; i <= last; i++) {
    await doStep(page, lesson, i)
    if (i < last) await page.getByTestId(`${viewOf(lesson.steps[i])}-next`).click()
  }
}

test.describe('lessons 8–17', () => {
  test.setTimeout(120_000)

  test('lesson 8 (Korean): a crash leaves the leader alone in the ISR and acks=1 records stay unreadable', async ({ page }) => {
    const errors = watchErrors(page)
    await openLesson(page, isrAcks, 'ko')
    await goTo(page, isrAcks, 2)
    // the slow follower (broker 2) has left the ISR
    await expect(page.getByTestId('partition-ledger-0')).toHaveAttribute('data-isr', '3,1')
    await page.getByTestId('lesson-next').click()
    await goTo(page, isrAcks, 3, 3)
    await expect(page.getByTestId('partition-ledger-0')).toHaveAttribute('data-isr', '3')
    await expect(page.getByTestId('lesson-explain')).toContainText('NOT_ENOUGH_REPLICAS')
    await expect(page.getByText('동기화 복제본 하나, min.insync.replicas=2.', { exact: false })).toBeVisible()
    await page.screenshot({ path: 'test-results/lessons-8-17/isr-acks-ko.png' })
    expect(errors).toEqual([])
  })

  test('lesson 9: Leader: none for orders, an unclean election and lost writes for clicks', async ({ page }) => {
    const errors = watchErrors(page)
    await openLesson(page, unclean, 'en')
    await goTo(page, unclean, 2)
    await expect(page.getByTestId('partition-orders-0')).toHaveAttribute('data-leader', '-1')
    await expect(page.getByTestId('partition-clicks-0')).toHaveAttribute('data-leader', '2')
    await expect(page.getByTestId('partition-clicks-0')).toHaveAttribute('data-isr', '2')
    await page.screenshot({ path: 'test-results/lessons-8-17/unclean-key-moment-en.png' })
    await page.getByTestId('lesson-next').click()
    // step 4 opens the Anomalies tab: the checker names clicks-0's lost acknowledged writes
    await expect(page.getByTestId('lesson-caption')).toHaveAttribute('data-step', '4')
    const lost = page.locator('[data-testid^="anomaly-"][data-kind="lostAckedWrite"]').first()
    await expect(lost).toBeVisible({ timeout: 30_000 })
    await expect(lost).toContainText('clicks-0')
    await expect(page.locator('[data-testid^="anomaly-"]', { hasText: 'orders-0' })).toHaveCount(0)
    await page.screenshot({ path: 'test-results/lessons-8-17/unclean-anomalies-en.png' })
    expect(errors).toEqual([])
  })

  test('lesson 11: the coordinator moves to broker 2, then back to broker 1', async ({ page }) => {
    const errors = watchErrors(page)
    await openLesson(page, coordinator, 'en')
    await goTo(page, coordinator, 1)
    await expect(page.getByTestId('broker-2')).toContainText('coordinator: billing')
    await expect(page.getByTestId('group-billing')).toContainText('Stable')
    await page.getByTestId('lesson-next').click()
    await goTo(page, coordinator, 4, 2)
    await expect(page.getByTestId('broker-1')).toContainText('coordinator: billing')
    await expect(page.getByTestId('lesson-explain')).toContainText('NOT_COORDINATOR')
    await page.screenshot({ path: 'test-results/lessons-8-17/coordinator-en.png' })
    expect(errors).toEqual([])
  })

  test('lesson 12 (Korean): a preferred leader election gives broker 2 its leaders back; a new broker leads only what is moved to it', async ({ page }) => {
    const errors = watchErrors(page)
    await openLesson(page, scaling, 'ko')
    await goTo(page, scaling, 4)
    for (const p of [2, 3]) await expect(page.getByTestId(`partition-orders-${p}`)).toHaveAttribute('data-leader', '2')
    await expect(page.getByTestId('chart-leaders')).toBeVisible()
    await page.screenshot({ path: 'test-results/lessons-8-17/scaling-out-ko.png' })
    // broker 4 joins and takes nothing; two partitions move to it; an election gives it their leadership
    const next = (i: number) => page.getByTestId(`${viewOf(scaling.steps[i])}-next`).click()
    await next(4)
    await goTo(page, scaling, 5, 5)
    await expect(page.getByTestId('broker-4').locator('.chip')).toHaveCount(0)
    await next(5)
    await goTo(page, scaling, 6, 6)
    await expect(page.getByTestId('broker-4').locator('.chip[data-tp="orders-0"]')).toHaveAttribute('data-role', 'insync')
    await next(6)
    await goTo(page, scaling, 7, 7)
    for (const p of [0, 1]) await expect(page.getByTestId(`partition-orders-${p}`)).toHaveAttribute('data-leader', '4')
    await page.screenshot({ path: 'test-results/lessons-8-17/scaling-out-balanced-ko.png' })
    expect(errors).toEqual([])
  })

  test('lesson 13: the batching lesson opens its own scenario and points at the producer', async ({ page }) => {
    const errors = watchErrors(page)
    await openLesson(page, batching, 'en')
    await goTo(page, batching, 0)
    await expect(page.getByTestId('inspector-producer')).toContainText('clickstream')
    await expect(page.getByTestId('partition-clicks-0')).toBeAttached()
    await page.getByTestId('caption-next').click()
    await doStep(page, batching, 1)
    await expect(page.getByTestId('metrics-panel')).toBeVisible()
    await page.screenshot({ path: 'test-results/lessons-8-17/batching-en.png' })
    expect(errors).toEqual([])
  })

  test('lesson 15 (Korean): the cleaner keeps one record per user, the rebuilt index reads over the gaps, the tombstone goes at its horizon', async ({ page }) => {
    const errors = watchErrors(page)
    await openLesson(page, compaction, 'ko')
    // step 2 (Events tab, in the caption): the first pass compacted the closed segments only
    await goTo(page, compaction, 1)
    const events = page.getByTestId('events-list')
    await expect(events).toContainText('users-0 오프셋 0..513 컴팩션 (dirty 비율 1), 오래된 레코드 510개 제거')
    await expect(page.getByTestId('caption-explain')).toContainText('오프셋 510–513')
    await page.screenshot({ path: 'test-results/lessons-8-17/compaction-first-pass-ko.png' })
    // step 6: search-index-2 read users from offset 0, over the gaps, to the log end
    await page.getByTestId('caption-next').click()
    await goTo(page, compaction, 5, 2)
    await expect(page.getByTestId('group-search-index')).toContainText('search-index-2')
    await expect(page.getByTestId('group-search-index')).toContainText('LAG 49')
    // step 7: the tombstone went at its delete horizon
    await page.getByTestId('caption-next').click()
    await goTo(page, compaction, 6, 6)
    await expect(events).toContainText('그중 delete.retention.ms가 지난 툼스톤 1개')
    await page.screenshot({ path: 'test-results/lessons-8-17/compaction-tombstone-ko.png' })
    expect(errors).toEqual([])
  })

  test('lesson 17: a reset by time gives the offsets kafka-get-offsets finds for that time; audit reads again from 60 s', async ({ page }) => {
    const errors = watchErrors(page)
    await openLesson(page, replay, 'en')
    await goTo(page, replay, 3)
    const events = page.getByTestId('events-list')
    await expect(events).toContainText('offsets reset to orders-0=306, orders-1=392, orders-2=271, orders-3=347')
    // the Console's kafka-get-offsets at now − 60 s asks for 35000: the same offsets
    await page.getByRole('tab', { name: 'Console' }).click()
    await page.getByTestId('console-command').selectOption('offsets:ago60000:orders')
    await expect(page.getByTestId('console-prompt')).toHaveText('$ kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic orders --time 35000')
    await expect(page.getByTestId('console-output')).toHaveText(/orders:0:306\s+orders:1:392\s+orders:2:271\s+orders:3:347/)
    await page.screenshot({ path: 'test-results/lessons-8-17/replay-get-offsets-en.png' })
    // step 6: audit restarted and read the orders since 60 s again
    await page.getByTestId('caption-next').click()
    await goTo(page, replay, 5, 4)
    await expect(page.getByTestId('inspector-reader')).toContainText('7316')
    await expect(page.getByTestId('caption-explain')).toContainText('4716')
    expect(errors).toEqual([])
  })

  test('lesson 14 (Korean): retention deletes a whole segment, archive-1 gets OFFSET_OUT_OF_RANGE, the active segment stays', async ({ page }) => {
    const errors = watchErrors(page)
    const summary = () =>
      page.evaluate(() => (window as unknown as { __kafkascope: { summary(): { partitions: { topic: string; partition: number; logStartOffset: number; segments: number }[] } } }).__kafkascope.summary())
    const logs0 = async () => (await summary()).partitions.find((p) => p.topic === 'logs' && p.partition === 0)!
    await openLesson(page, retention, 'ko')
    // step 3 (Events tab, followed in the caption): the pass at 75 s deleted logs-0's first segment
    await goTo(page, retention, 2)
    const events = page.getByTestId('events-list')
    await expect(events).toContainText('logs-0의 세그먼트 1개 삭제')
    await expect(events).toContainText('로그 시작 오프셋 1007')
    expect(await logs0()).toMatchObject({ logStartOffset: 1007 })
    await page.screenshot({ path: 'test-results/lessons-8-17/retention-deleted-ko.png' })
    // step 5: archive-1 fell below the log start offset
    await page.getByTestId('caption-next').click()
    await goTo(page, retention, 4, 3)
    await expect(events).toContainText('OFFSET_OUT_OF_RANGE')
    await expect(events).toContainText('archive-1')
    await expect(page.getByTestId('caption-explain')).toContainText('OFFSET_OUT_OF_RANGE')
    await page.screenshot({ path: 'test-results/lessons-8-17/retention-out-of-range-ko.png' })
    // step 6: the pass at 150 s deleted nothing; one active segment from offset 7048
    await page.getByTestId('caption-next').click()
    await goTo(page, retention, 5, 5)
    expect(await logs0()).toMatchObject({ logStartOffset: 7048, segments: 1 })
    await expect(page.getByTestId('lesson-explain')).toContainText('7048')
    expect(errors).toEqual([])
  })
})
