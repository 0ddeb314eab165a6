// A tab left playing keeps its memory bounded: the default scenario made to last six simulated
// hours, played at 1000× until it is 15 simulated minutes in (well past where the metric series
// fills its budget), keeps at most 256 checkpoints and 2,000 samples all the way, and its
// JavaScript heap after a full GC stays under a stated bound (bench/soak.ts measures the same over
// an hour). That the checkpoints' budget is reached and held is src/host/time-travel.test.ts.
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { watchErrors } from './support.ts'

interface Memory {
  nowMs: number
  checkpoints: number
  checkpointBudget: number
  samples: number
  sampleBudget: number
  sampleIntervalMs: number
}

interface Api {
  load(json: unknown): void
  memory(): Memory
}

const defaultScenario = JSON.parse(readFileSync(fileURLToPath(new URL('../scenarios/leader-failover.json', import.meta.url)), 'utf8')) as object

/**
 * The heap the tab keeps after a full GC, in MB, about 15 simulated minutes in: 32-37 MB were
 * measured (the world itself still grows with simulated time); before checkpoints and samples
 * had budgets it was 97 MB at 900 simulated s, and growing faster the longer the run.
 */
const HEAP_BOUND_MB = 80

const memory = (page: Page) => page.evaluate(() => (window as unknown as { __kafkascope: Api }).__kafkascope.memory())

async function heapAfterGcMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize / 2 ** 20
}

async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByTestId('speed').evaluate((el, v) => {
    const input = el as HTMLInputElement
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(v))
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }, Math.log10(speed))
}

test('a long run played fast keeps checkpoints, samples and the heap within their bounds', async ({ page }) => {
  test.setTimeout(120_000)
  const errors = watchErrors(page)
  await page.goto('/')
  await expect(page.getByTestId('broker-1')).toBeVisible()
  await page.evaluate((json) => (window as unknown as { __kafkascope: Api }).__kafkascope.load(json), { ...defaultScenario, durationMs: 21_600_000 })
  const start = await memory(page)
  expect(start).toMatchObject({ nowMs: 0, checkpointBudget: 256, sampleBudget: 2000, sampleIntervalMs: 250 })

  await setSpeed(page, 1000)
  await page.getByTestId('btn-play').click()
  const target = 900_000
  let last = start
  await expect
    .poll(
      async () => {
        last = await memory(page)
        expect(last.checkpoints).toBeLessThanOrEqual(last.checkpointBudget)
        expect(last.samples).toBeLessThanOrEqual(last.sampleBudget)
        return last.nowMs
      },
      { timeout: 100_000, intervals: [500] },
    )
    .toBeGreaterThanOrEqual(target)
  await page.getByTestId('btn-pause').click()
  last = await memory(page)

  // checkpoints all along the run (at most a minute apart), within their budget; the samples'
  // budget was reached and held: 3,600 samples at 250 ms became every 500 ms
  expect(last.checkpoints).toBeGreaterThanOrEqual(Math.floor(last.nowMs / 60_000))
  expect(last.checkpoints).toBeLessThanOrEqual(last.checkpointBudget)
  expect(last.sampleIntervalMs).toBeGreaterThanOrEqual(500)
  expect(last.samples).toBeLessThanOrEqual(2000)
  expect(last.samples).toBe(Math.floor(last.nowMs / last.sampleIntervalMs) + 1)
  const heap = await heapAfterGcMB(page)
  console.log(`heap after GC at ${(last.nowMs / 1000).toFixed(0)} simulated s: ${heap.toFixed(1)} MB`)
  expect(heap).toBeLessThan(HEAP_BOUND_MB)

  // the Metrics tab draws the thinned series up to the playhead
  await page.getByRole('tab', { name: 'Metrics' }).click()
  const line = page.getByTestId('chart-throughput').locator('path.mx-line').first()
  expect((await line.getAttribute('d'))?.length ?? 0).toBeGreaterThan(20)
  await expect(page.getByTestId('chart-throughput').getByRole('img')).toHaveAttribute('aria-label', /50 records\/s acknowledged/)
  expect(errors).toEqual([])
})
