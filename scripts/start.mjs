// npm start: build kafkascope and serve it with `vite preview` on 127.0.0.1. The port is $PORT when
// set, else 4173; when that port is taken the next free one is used. The URL is printed.
import { spawnSync, spawn } from 'node:child_process'
import { createServer } from 'node:net'

const HOST = '127.0.0.1'
const wanted = Number(process.env.PORT ?? 4173)
if (!Number.isInteger(wanted) || wanted < 1 || wanted > 65535) {
  console.error(`kafkascope: PORT must be a port number (1-65535), got ${process.env.PORT}`)
  process.exit(2)
}

function free(port) {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, HOST, () => server.close(() => resolve(true)))
  })
}

let port = wanted
while (port <= 65535 && !(await free(port))) port++
if (port > 65535) {
  console.error(`kafkascope: no free port from ${wanted} up`)
  process.exit(1)
}

const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
if (port !== wanted) console.log(`kafkascope: port ${wanted} is taken, using ${port}`)
console.log(`kafkascope: open http://${HOST}:${port}/`)
const preview = spawn('npx', ['vite', 'preview', '--host', HOST, '--port', String(port), '--strictPort'], { stdio: 'inherit' })
preview.on('exit', (code) => process.exit(code ?? 0))
