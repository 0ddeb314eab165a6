// What every browser test needs: the console errors a page logs, and moving the run forward
// through the console API (window.__kafkascope, CONTRACT §6).
import type { Page } from '@playwright/test'

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
