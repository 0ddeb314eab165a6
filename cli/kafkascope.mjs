#!/usr/bin/env node
// The `kafkascope` command (package.json "bin"): runs cli/main.ts through tsx, forwarding the
// arguments, the standard streams and the exit code. tsx is resolved from this package's own
// node_modules, so the command works from any directory.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const mainTs = join(here, 'main.ts')

let tsxLoader
try {
  tsxLoader = import.meta.resolve('tsx')
} catch {
  console.error('kafkascope: cannot find tsx; run `npm ci` in the kafkascope directory first')
  process.exit(2)
}

const child = spawn(process.execPath, ['--import', tsxLoader, mainTs, ...process.argv.slice(2)], {
  stdio: 'inherit',
})

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal))
}

child.on('error', (error) => {
  console.error(`kafkascope: could not start Node: ${error.message}`)
  process.exit(2)
})

child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal)
    process.kill(process.pid, signal)
    return
  }
  process.exit(code ?? 1)
})
