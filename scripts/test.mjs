#!/usr/bin/env node
// `npm test`: every test of kafkascope, in order, stopping at the first failure.
//   1. typecheck  tsc -b
//   2. layers     depcruise: no import cycles, each sim/ layer imports only from the layers below it,
//                 src/ and cli/ reach the core only through sim/index.ts (.dependency-cruiser.cjs)
//   3. clients    make sure Debian's kcat and python3-kafka are there (apt-get install -y when we
//                 can): the wire protocol's tests run real clients (librdkafka, kafka-python) against
//                 kafkascope serve
//   4. unit       vitest run (unit, scenario, determinism and property tests)
//   5. chromium   make sure Debian's Chromium is there (apt-get install -y chromium when we can)
//   6. e2e        playwright test (the built app in Chromium)
// Output streams as it comes; a one-line summary with each step's duration ends the run.
// Plain Node, no dependencies.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const missingChromiumLine =
  'kafkascope: Chromium is missing; install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)'

/** A local binary from node_modules/.bin, or npx as a fallback. */
function bin(name, args) {
  const local = join(root, 'node_modules', '.bin', name)
  return existsSync(local) ? [local, args] : ['npx', ['--no-install', name, ...args]]
}

/** Run a command with inherited stdio; resolves to its exit code (1 if it could not start). */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env })
    child.on('error', (error) => {
      console.error(`kafkascope: could not start ${command}: ${error.message}`)
      resolve(1)
    })
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)))
  })
}

function succeeds(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore' })
  return result.status === 0
}

/**
 * Install a Debian package when the program it brings is missing and we are root or have
 * passwordless sudo; otherwise say how to install it.
 */
async function ensurePackage(pkg, path, missingLine) {
  if (existsSync(path)) return 0
  const canApt = succeeds('sh', ['-c', 'command -v apt-get'])
  let useSudo = null
  if (canApt) {
    if (typeof process.getuid === 'function' && process.getuid() === 0) useSudo = false
    else if (succeeds('sudo', ['-n', 'true'])) useSudo = true
  }
  if (useSudo !== null) {
    console.log(`kafkascope: ${pkg} is missing; installing it with apt-get install -y ${pkg}`)
    const aptGet = (...args) =>
      useSudo
        ? run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args])
        : run('apt-get', args, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' })
    if ((await aptGet('update')) === 0 && (await aptGet('install', '-y', pkg)) === 0 && existsSync(path)) return 0
  }
  console.error(missingLine)
  return 1
}

const ensureChromium = () =>
  chromiumPath === '/usr/bin/chromium' || existsSync(chromiumPath)
    ? ensurePackage('chromium', chromiumPath, missingChromiumLine)
    : (console.error(missingChromiumLine), Promise.resolve(1))

const ensureClients = async () =>
  (await ensurePackage('kcat', '/usr/bin/kcat', 'kafkascope: kcat is missing; install it with: sudo apt-get install -y kcat')) ||
  ensurePackage('python3-kafka', '/usr/lib/python3/dist-packages/kafka/__init__.py', 'kafkascope: kafka-python is missing; install it with: sudo apt-get install -y python3-kafka')

const steps = [
  { name: 'typecheck', run: () => run(...bin('tsc', ['-b'])) },
  { name: 'layers', run: () => run(...bin('depcruise', ['--output-type', 'err', 'sim', 'src', 'cli', 'bench'])) },
  { name: 'clients', run: ensureClients },
  { name: 'unit', run: () => run(...bin('vitest', ['run'])) },
  { name: 'chromium', run: ensureChromium },
  { name: 'e2e', run: () => run(...bin('playwright', ['test'])) },
]

const done = []
let exitCode = 0
for (const step of steps) {
  const started = process.hrtime.bigint()
  const code = await step.run()
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  done.push({ name: step.name, seconds, code })
  if (code !== 0) {
    exitCode = code
    break
  }
}

const parts = done.map((s) => `${s.name} ${s.seconds.toFixed(1)} s ${s.code === 0 ? 'ok' : `FAILED (exit ${s.code})`}`)
for (const step of steps.slice(done.length)) parts.push(`${step.name} skipped`)
console.log(`\nkafkascope test: ${parts.join(' · ')}`)
process.exit(exitCode)
