/**
 * Test-only helper: loads Kafka test-vector JSON files (murmur2.json, placement.json, ...) when they
 * are available, so the tests also check the shared vector files. Looks in the directory named by
 * KAFKASCOPE_VECTORS, then in ../shared/vectors next to the repository root. Returns undefined when
 * the file is absent; the tests then use the tables they restate themselves.
 * KAFKASCOPE_VECTORS=off disables the files, to exercise those restated tables alone.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export function vectorPath(name: string): string | undefined {
  const dirs: string[] = []
  const fromEnv = process.env.KAFKASCOPE_VECTORS
  if (fromEnv === 'off') return undefined
  if (fromEnv) dirs.push(resolve(fromEnv))
  dirs.push(resolve(repoRoot, '..', 'shared', 'vectors'))
  for (const dir of dirs) {
    const path = join(dir, name)
    if (existsSync(path)) return path
  }
  return undefined
}

export function loadVectors<T = unknown>(name: string): T | undefined {
  const path = vectorPath(name)
  return path === undefined ? undefined : (JSON.parse(readFileSync(path, 'utf8')) as T)
}
