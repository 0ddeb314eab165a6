/**
 * The UI benchmark (`npm run bench:ui`): builds the app, serves the production build, drives it in
 * headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) and prints:
 *   - the JavaScript the page loads before its first render (the scripts it requested until the
 *     cluster map showed: the entry, what it imports and preloads), and all JavaScript of the build
 *     (with the chunks loaded on demand: lessons, comparison, help, side tabs), raw and gzip;
 *   - first render: first contentful paint, and the time until the cluster map shows its brokers;
 *   - frame times while playing (p50/p95/p99/max over every animation frame) and the simulated
 *     speed actually reached: the default scenario at 1× and 100×, and the benchmark cluster
 *     (bench/standard.json: 6 brokers, 48 partitions, 2 groups of 6) at 1×.
 * Targets on the reference 2-core machine: p95 ≤ 16.7 ms (default scenario), ≤ 33 ms (benchmark
 * cluster); initial JavaScript ≤ 200 KB gzip, all JavaScript ≤ 300 KB gzip; first render under 1 s.
 *
 *   npm run bench:ui [-- --seconds 8] [-- --json]
 */
import { chromium, type Page } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const PORT = Number(process.env.KAFKASCOPE_BENCH_PORT) || 4174
const BASE = `http://127.0.0.1:${PORT}/`

/** The part of window.__kafkascope (CONTRACT §6) this benchmark uses. */
interface ConsoleApi {
  nowMs(): number
  runUntil(ms: number): void
  load(scenarioJson: unknown, seed?: number): void
}

interface FrameStats {
  label: string
  frames: number
  p50: number
  p95: number
  p99: number
  max: number
  /** simulated ms per wall ms actually reached */
  reachedSpeed: number
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function build(): void {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('vite build failed')
}

interface JsSize {
  files: number
  rawKB: number
  gzipKB: number
}

/** The build's scripts (dist/assets/*.js), or only those named in `only`. */
function jsSize(only?: ReadonlySet<string>): JsSize {
  const dir = join(root, 'dist', 'assets')
  let raw = 0
  let gz = 0
  let files = 0
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.js')) continue
    if (only && !only.has(f)) continue
    const bytes = readFileSync(join(dir, f))
    raw += bytes.length
    gz += gzipSync(bytes, { level: 9 }).length
    files++
  }
  return { files, rawKB: raw / 1024, gzipKB: gz / 1024 }
}

async function serve(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
  })
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return child
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill()
  throw new Error(`the preview server did not start on ${BASE}`)
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** Set the speed slider as a person would drag it (log10 of the speed). */
async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByTestId('speed').evaluate((el, v) => {
    const input = el as HTMLInputElement
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
    setter.call(input, String(v))
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('change', { bubbles: true }))
  }, Math.log10(speed))
}

async function measurePlaying(page: Page, label: string, speed: number, seconds: number): Promise<FrameStats> {
  await setSpeed(page, speed)
  const simStart = await page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.nowMs())
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    const frames = []
    window.__frames = frames
    let last = performance.now()
    const tick = (t) => {
      if (window.__frames !== frames) return
      frames.push(t - last)
      last = t
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  const wallStart = Date.now()
  await page.getByTestId('btn-play').click()
  await page.waitForTimeout(seconds * 1000)
  const wall = Date.now() - wallStart
  if (await page.getByTestId('btn-pause').isEnabled()) await page.getByTestId('btn-pause').click()
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice())
  const simEnd = await page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.nowMs())
  const sorted = frames.slice(2).sort((a, b) => a - b)
  return {
    label,
    frames: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    reachedSpeed: (simEnd - simStart) / wall,
  }
}

async function main(): Promise<void> {
  const seconds = Number(arg('--seconds') ?? 8)
  build()
  const size = jsSize()
  const server = await serve()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    // the scripts the page asks for until the cluster map shows (the first render's JavaScript)
    const requested = new Set<string>()
    const onRequest = (r: { url(): string }) => {
      const path = new URL(r.url()).pathname
      if (path.endsWith('.js')) requested.add(path.slice(path.lastIndexOf('/') + 1))
    }
    page.on('request', onRequest)
    const t0 = Date.now()
    await page.goto(BASE)
    await page.getByTestId('broker-1').waitFor()
    const mapMs = Date.now() - t0
    page.off('request', onRequest)
    const initial = jsSize(requested)
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
    const results: FrameStats[] = []
    results.push(await measurePlaying(page, 'default scenario at 1×', 1, seconds))
    // 100× would reach the scenario's end (90 s) within a second and stop there: the same scenario
    // made to last an hour, from 90 s on (the same producer and reader go on).
    const longer = { ...JSON.parse(readFileSync(join(root, 'scenarios', 'leader-failover.json'), 'utf8')), durationMs: 3_600_000 }
    await page.evaluate((json) => {
      const k = (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope
      k.load(json)
      k.runUntil(90_000)
    }, longer)
    results.push(await measurePlaying(page, 'default scenario at 100×', 100, seconds))
    const benchScenario = readFileSync(join(root, 'bench', 'standard.json'), 'utf8')
    await page.evaluate((json) => {
      const k = (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope
      k.load(json)
      k.runUntil(60_000)
    }, benchScenario)
    await page.getByTestId('broker-6').waitFor()
    results.push(await measurePlaying(page, 'benchmark cluster (6 brokers, 48 partitions) at 1×', 1, seconds))
    const report = { js: size, initialJs: initial, firstContentfulPaintMs: fcp, clusterMapShownMs: mapMs, playing: results }
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(report, null, 2))
      return
    }
    const ms = (x: number) => `${x.toFixed(1)} ms`
    const kb = (s: JsSize) => `${s.files} file(s), ${s.rawKB.toFixed(0)} KB raw, ${s.gzipKB.toFixed(0)} KB gzip`
    console.log(`Initial JavaScript (loaded before the cluster map showed): ${kb(initial)} (target ≤ 200 KB gzip)`)
    console.log(`All JavaScript (with the chunks loaded on demand): ${kb(size)} (target ≤ 300 KB gzip)`)
    console.log(`First render: first contentful paint ${ms(fcp)}; cluster map shown ${mapMs} ms after navigation (target < 1 s)`)
    for (const r of results) {
      console.log(
        `${r.label}: ${r.frames} frames, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; reached ${r.reachedSpeed.toFixed(1)}× simulated speed`,
      )
    }
    console.log('Targets: p95 ≤ 16.7 ms for the default scenario, ≤ 33 ms for the benchmark cluster.')
  } finally {
    await browser.close()
    server.kill()
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ui: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
