// Presenter mode as a teacher uses it on a projector: every step of every lesson, at 1280×720 and
// 1024×768, fits the screen. The page does not scroll, the caption band's Next (or Finish) is on
// screen, and the ring around what the step points at is in sight, below the toolbar and clear of
// the caption band. Axe finds nothing serious in presenter mode.

import { readdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { watchErrors } from './support.ts'
import type { Lesson } from '../src/lessons/types.ts'

const CONTENT = new URL('../src/lessons/content/', import.meta.url)
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]
/** the ring is drawn this far outside its target (LessonHighlight's pad) */
const RING_PAD = 4

async function loadLessons(): Promise<Lesson[]> {
  const files = readdirSync(CONTENT).filter((f) => /^\d\d-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
  const mods = await Promise.all(files.map((f) => import(new URL(f, CONTENT).href) as Promise<{ lesson: Lesson }>))
  return mods.map((m) => m.lesson).sort((a, b) => a.number - b.number)
}

interface Rect {
  top: number
  bottom: number
  left: number
  right: number
}

/** What the step's geometry is, read in one go from the page. */
async function geometry(page: Page, target: string | undefined) {
  return page.evaluate((target) => {
    const rect = (sel: string) => {
      const el = document.querySelector(sel)
      if (!el) return null
      const r = el.getBoundingClientRect()
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
    }
    return {
      scrolls: document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      band: rect('.lesson-caption-bar'),
      nav: rect('[data-testid="caption-next"]') ?? rect('[data-testid="caption-finish"]'),
      ring: rect('[data-testid="lesson-ring"]'),
      toolbar: rect('.controls'),
      /** a step may point at a toolbar button (Play) */
      targetInToolbar: target !== undefined && document.querySelector(`.controls [data-testid="${target}"]`) !== null,
    }
  }, target)
}

function overlap(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)) * Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))
}

function inner(r: Rect): Rect {
  return { top: r.top + RING_PAD, bottom: r.bottom - RING_PAD, left: r.left + RING_PAD, right: r.right - RING_PAD }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('kafkascope.locale', 'en')
    localStorage.removeItem('kafkascope.lessons.progress')
  })
})

for (const lesson of await loadLessons()) {
  test(`lesson ${lesson.number} (${lesson.id}): every step fits 1280×720 and 1024×768 in presenter mode`, async ({ page }) => {
    const errors = watchErrors(page)
    await page.setViewportSize(SIZES[0])
    await page.goto('/')
    await expect(page.getByTestId('sim-time')).toBeVisible()
    await page.getByRole('tab', { name: 'Lessons' }).click()
    await page.getByTestId(`lesson-open-${lesson.id}`).click()
    await page.getByRole('button', { name: 'Presenter' }).click()
    const caption = page.getByTestId('lesson-caption')
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i]
      if (i > 0) await page.locator('body').press('PageDown')
      await expect(caption).toHaveAttribute('data-step', String(i + 1))
      for (const size of SIZES) {
        await page.setViewportSize(size)
        const where = `step ${i + 1} at ${size.width}×${size.height}`
        if (step.target) await expect(page.getByTestId('lesson-ring'), where).toHaveAttribute('data-target', step.target)
        // the ring settles over a few frames after a step opens, a scroll or a resize
        await expect
          .poll(async () => {
            const g = await geometry(page, step.target)
            const problems: string[] = []
            if (g.scrolls) problems.push('the page scrolls')
            if (!g.band || !g.nav) problems.push('no caption band or Next')
            else if (g.nav.bottom > g.viewport.height || g.nav.top < g.band.top) problems.push(`Next is off screen (${Math.round(g.nav.top)}–${Math.round(g.nav.bottom)})`)
            if (step.target) {
              if (!g.ring) problems.push(`${step.target} is not in sight`)
              else {
                const r = inner(g.ring)
                if (g.band && overlap(r, g.band) > 0) problems.push(`the caption band (top ${Math.round(g.band.top)}) covers ${step.target} (${Math.round(r.top)}–${Math.round(r.bottom)})`)
                if (g.toolbar && !g.targetInToolbar && r.top < g.toolbar.bottom - 1) problems.push(`the ring around ${step.target} runs over the toolbar`)
                if (r.bottom - r.top < 16) problems.push(`only ${Math.round(r.bottom - r.top)} px of ${step.target} shows`)
              }
            }
            return problems
          }, { message: where, timeout: 5_000 })
          .toEqual([])
      }
      await page.setViewportSize(SIZES[0])
    }
    if (lesson.number === 7) {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
    }
    expect(errors).toEqual([])
  })
}
