// What every browser test needs: the console errors a page logs, moving the run forward through
// the console API (window.__kafkascope, CONTRACT §6), opening a partition in the inspector, and the
// two screens a feature is tried on.
import { expect, test, type Locator, type Page } from '@playwright/test'

/** Collects console errors and uncaught page errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** `window.__kafkascope.runUntil(ms)` */
export async function runUntil(page: Page, ms: number): Promise<void> {
  await page.evaluate((t) => (window as unknown as { __kafkascope: { runUntil(ms: number): void } }).__kafkascope.runUntil(t), ms)
}

/** Opens a partition in the inspector from its first replica chip on the map; returns the inspector. */
export async function inspectPartition(page: Page, tp: string): Promise<Locator> {
  await page.locator(`.chip[data-tp="${tp}"]`).first().click()
  const inspector = page.getByTestId('inspector-partition')
  await expect(inspector).toHaveAttribute('data-tp', tp)
  return inspector
}

/** A screen a learner reads kafkascope on: English on a 1280×720 projector, Korean at 1024×768. */
export interface LanguageScreen {
  lang: 'en' | 'ko'
  width: number
  height: number
}

/** The tests `body` declares, once in English at 1280×720 and once in Korean at 1024×768. */
export function inBothLanguages(body: (screen: LanguageScreen) => void): void {
  for (const [lang, locale, width, height] of [['en', 'en-US', 1280, 720], ['ko', 'ko-KR', 1024, 768]] as const) {
    test.describe(`${lang} at ${width}×${height}`, () => {
      test.use({ locale, viewport: { width, height } })
      body({ lang, width, height })
    })
  }
}
