/**
 * The soak (`npm run soak`): does a kafkascope tab left playing keep its memory bounded? It builds
 * the app (unless --no-build), serves dist/ on 127.0.0.1, opens it in headless Chromium (Debian's
 * /usr/bin/chromium, or CHROMIUM_PATH) through Playwright, plays at 100× and prints, at given
 * minutes of wall time, the JavaScript heap after a full GC (CDP: HeapProfiler.collectGarbage,
 * then Runtime.getHeapUsage), the simulated time reached, the checkpoints kept and the metric
 * series' length (window.__kafkascope.memory()), for
 *   (a) the default scenario as shipped (leader-failover: the run stops at its 90 s end);
 *   (b) the default scenario loaded with durationMs 21,600,000 (six simulated hours: what one hour
 *       at 100× covers), through window.__kafkascope.load(json).
 * In (b) the world itself still grows with simulated time (its history of client operations and
 * logs), so the heap there grows with it; the checkpoints and samples stay within their budgets.
 *
 *   npm run soak [-- --case a|b|both] [-- --at 1,10,60] [-- --speed 100] [-- --no-build] [-- --port 4176]
 *
 * Not part of `npm test`: it takes as long as it is asked to (an hour per case by default).
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const which = arg('--case') ?? 'both'
const marksMin = (arg('--at') ?? '1,10,60').split(',').map(Number)
const speed = Number(arg('--speed') ?? 100)
const port = Number(arg('--port') ?? 4176)
const LONG_MS = 21_600_000

if (!['a', 'b', 'both'].includes(which) || marksMin.some((m) => !(m > 0)) || !(speed > 0)) {
  console.error('usage: npm run soak [-- --case a|b|both] [-- --at 1,10,60] [-- --speed 100] [-- --no-build] [-- --port 4176]')
  process.exit(2)
}

interface Memory {
  nowMs: number
  checkpoints: number
  checkpointBudget: number
  samples: number
  sampleBudget: number
  sampleIntervalMs: number
}

interface ConsoleApi {
  load(json: unknown): void
  memory(): Memory | null
}

function build(): void {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('vite build failed')
}

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.png': 'image/png' }

/** dist/ over HTTP (no other process to look after). */
function serve(): Promise<Server> {
  const dist = join(root, 'dist')
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const rel = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '')
    if (rel.startsWith('..')) return void res.writeHead(404).end()
    readFile(join(dist, rel))
      .then((body) => res.writeHead(200, { 'content-type': MIME[extname(rel)] ?? 'application/octet-stream' }).end(body))
      .catch(() => res.writeHead(404).end())
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

async function setSpeed(page: Page, value: number): Promise<void> {
  await page.getByTestId('speed').evaluate((el, v) => {
    const input = el as HTMLInputElement
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(v))
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }, Math.log10(value))
}

interface Reading {
  wallMin: number
  heapMB: number
  heapBeforeGcMB: number
  playing: boolean
  memory: Memory
}

async function read(page: Page, wallMin: number): Promise<Reading> {
  const cdp = await page.context().newCDPSession(page)
  const before = (await cdp.send('Runtime.getHeapUsage')).usedSize
  await cdp.send('HeapProfiler.collectGarbage')
  const after = (await cdp.send('Runtime.getHeapUsage')).usedSize
  await cdp.detach()
  const memory = await page.evaluate(() => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.memory()!)
  const playing = await page.getByTestId('btn-pause').isEnabled()
  return { wallMin, heapMB: after / 2 ** 20, heapBeforeGcMB: before / 2 ** 20, playing, memory }
}

function line(label: string, r: Reading): string {
  const m = r.memory
  const at = r.wallMin === 0 ? 'start' : `${r.wallMin} min`
  return (
    `${label} ${at}: heap ${r.heapMB.toFixed(1)} MB after GC (${r.heapBeforeGcMB.toFixed(1)} MB before); ` +
    `simulated ${(m.nowMs / 1000).toFixed(1)} s${r.playing ? '' : ' (stopped)'}; ` +
    `${m.checkpoints} checkpoints (budget ${m.checkpointBudget}); ` +
    `${m.samples} metric samples (budget ${m.sampleBudget}, every ${m.sampleIntervalMs} ms)`
  )
}

async function soak(browser: Browser, label: string, scenario: unknown | null): Promise<Reading[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' })
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error(`${label}: page error: ${e.message}`))
  await page.goto(`http://127.0.0.1:${port}/`)
  await page.getByTestId('broker-1').waitFor()
  if (scenario !== null) {
    await page.evaluate((json) => (window as unknown as { __kafkascope: ConsoleApi }).__kafkascope.load(json), scenario)
  }
  const readings = [await read(page, 0)]
  console.log(line(label, readings[0]))
  await setSpeed(page, speed)
  await page.getByTestId('btn-play').click()
  const t0 = Date.now()
  for (const m of marksMin) {
    const wait = t0 + m * 60_000 - Date.now()
    if (wait > 0) await page.waitForTimeout(wait)
    const r = await read(page, m)
    readings.push(r)
    console.log(line(label, r))
  }
  await context.close()
  return readings
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) build()
  const server = await serve()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
  try {
    const results: [string, Reading[]][] = []
    if (which === 'a' || which === 'both') {
      const label = `(a) default scenario (90 s) at ${speed}×`
      results.push([label, await soak(browser, label, null)])
    }
    if (which === 'b' || which === 'both') {
      const scenario = { ...JSON.parse(readFileSync(join(root, 'scenarios', 'leader-failover.json'), 'utf8')), durationMs: LONG_MS }
      const label = `(b) default scenario with durationMs ${LONG_MS} at ${speed}×`
      results.push([label, await soak(browser, label, scenario)])
    }
    console.log('\nsummary (heap after GC; simulated time; checkpoints; samples):')
    for (const [label, readings] of results) {
      console.log(`${label}: ` + readings.map((r) => `${r.wallMin === 0 ? 'start' : `${r.wallMin} min`} ${r.heapMB.toFixed(1)} MB, ${(r.memory.nowMs / 1000).toFixed(0)} s, ${r.memory.checkpoints}, ${r.memory.samples}`).join(' · '))
    }
  } finally {
    await browser.close()
    server.close()
  }
}

main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
