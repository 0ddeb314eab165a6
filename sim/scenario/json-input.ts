/**
 * The first look at untrusted JSON (a scenario file, a session file, a share link, an import):
 * one iterative walk, linear in the size of the input, that refuses
 *   - nesting deeper than MAX_JSON_DEPTH levels (no scenario needs more than about 6; deeper input
 *     would only make later recursive passes, zod's and structuredClone's, overflow the stack), and
 *   - "__proto__" keys anywhere (they would become prototypes when the object is copied).
 * It runs before anything else touches the value. The path of a problem is built only when there is
 * one, from parent links, so the walk never copies a path per level.
 */
import { ScenarioError, formatPath } from './parse-errors.ts'

/** How deep a scenario or session may nest (a session's deepest field is at depth 7). */
export const MAX_JSON_DEPTH = 32
/** How many leading path segments a "too deep" message shows. */
const PATH_SHOWN = 6

/** A JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

interface Frame {
  value: unknown
  depth: number
  /** index of the parent frame in `frames`, -1 for the root */
  parent: number
  key: string | number
}

function pathOf(frames: readonly Frame[], index: number): (string | number)[] {
  const path: (string | number)[] = []
  for (let i = index; i > 0; i = frames[i].parent) path.push(frames[i].key)
  return path.reverse()
}

/** Throws ScenarioError for input nested too deep or carrying "__proto__" keys. Linear time and memory. */
export function checkJsonInput(root: unknown): void {
  const frames: Frame[] = [{ value: root, depth: 0, parent: -1, key: '' }]
  const todo: number[] = [0]
  while (todo.length > 0) {
    const index = todo.pop() as number
    const { value, depth } = frames[index]
    if (value === null || typeof value !== 'object') continue
    if (depth >= MAX_JSON_DEPTH) {
      const path = pathOf(frames, index)
      const shown = formatPath(path.slice(0, PATH_SHOWN)) + (path.length > PATH_SHOWN ? '…' : '')
      throw new ScenarioError(shown, `nested more than ${MAX_JSON_DEPTH} levels deep (kafkascope reads at most ${MAX_JSON_DEPTH} levels of nesting)`)
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) todo.push(frames.push({ value: value[i], depth: depth + 1, parent: index, key: i }) - 1)
      continue
    }
    const keys = Object.keys(value)
    for (let i = keys.length - 1; i >= 0; i--) {
      if (keys[i] === '__proto__') throw new ScenarioError(formatPath([...pathOf(frames, index), '__proto__']), 'is not allowed as a key')
      todo.push(frames.push({ value: (value as Record<string, unknown>)[keys[i]], depth: depth + 1, parent: index, key: keys[i] }) - 1)
    }
  }
}
