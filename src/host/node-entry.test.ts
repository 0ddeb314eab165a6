// `npm run bench:seek` runs the app's host in Node, where nothing aliases react to preact/compat but
// scripts/react-on-preact-node.mjs: the host (and the zustand stores it imports) must load there.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('the host in Node', () => {
  it('loads with the flags bench:seek uses, and runs a scenario', () => {
    const script = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts['bench:seek'] as string
    const flags = script.split(' ').filter((w, i, all) => w.startsWith('--') || all[i - 1] === '--import')
    const code = `const h = await import('./src/host/engine-host.ts'); h.openBuiltIn('leader-failover'); h.advanceTo(30000); h.publish(true); console.log(h.current().sim.nowMs)`
    const out = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' })
    expect(out.stderr).toBe('')
    expect(out.status).toBe(0)
    expect(out.stdout.trim()).toBe('30000')
  })
})
